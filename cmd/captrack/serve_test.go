package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeDemo starts `serve --demo` on a free port, logs in as the demo
// admin with the password it printed, reads the projects, and stops the
// server by cancelling its context.
func TestServeDemo(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "c.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		getenv := func(k string) string {
			if k == "CAPTRACK_DB" {
				return dbPath
			}
			return ""
		}
		err := run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--demo"}, getenv, strings.NewReader(""), pw, io.Discard)
		pw.CloseWithError(err)
		done <- err
	}()

	sc := bufio.NewScanner(pr)
	var password, base string
	adminLine := regexp.MustCompile(`^\s*admin\s+密码 (\S+)`)
	serving := regexp.MustCompile(`http://(\S+?)/`)
	for base == "" && sc.Scan() {
		if m := adminLine.FindStringSubmatch(sc.Text()); m != nil {
			password = m[1]
		}
		if m := serving.FindStringSubmatch(sc.Text()); m != nil {
			base = "http://" + m[1]
		}
	}
	if base == "" || password == "" {
		t.Fatalf("serve printed no address or admin password (scan error %v)", sc.Err())
	}
	rest := make(chan string, 1)
	go func() {
		b, _ := io.ReadAll(pr)
		rest <- string(b)
	}()

	resp, err := http.Post(base+"/api/v1/login", "application/json",
		strings.NewReader(`{"username":"admin","password":"`+password+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	var login struct{ Token string }
	json.NewDecoder(resp.Body).Decode(&login)
	resp.Body.Close()
	if resp.StatusCode != 200 || login.Token == "" {
		t.Fatalf("login = %d", resp.StatusCode)
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/projects?page_size=1", nil)
	req.Header.Set("Authorization", "Bearer "+login.Token)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var list struct{ Total int }
	json.NewDecoder(resp.Body).Decode(&list)
	resp.Body.Close()
	if resp.StatusCode != 200 || list.Total == 0 {
		t.Errorf("projects = %d, total %d; want the demo's projects", resp.StatusCode, list.Total)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v after shutdown, want nil", err)
	}
	if out := <-rest; !strings.Contains(out, "服务已停止") {
		t.Errorf("serve printed %q after shutdown, want 服务已停止", out)
	}

	// A second --demo on the same database serves without loading again;
	// this one stops as soon as it says it is serving.
	var out strings.Builder
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	stop := writerFunc(func(b []byte) (int, error) {
		out.Write(b)
		if strings.Contains(string(b), "正在") {
			cancel2()
		}
		return len(b), nil
	})
	err = run(ctx2, []string{"serve", "--db", dbPath, "--addr", "127.0.0.1:0", "--demo"}, func(string) string { return "" }, strings.NewReader(""), stop, io.Discard)
	if err != nil || !strings.Contains(out.String(), "未载入示例数据") || strings.Contains(out.String(), "密码") {
		t.Errorf("second serve --demo = %v, %q", err, out.String())
	}
}

// writerFunc is an io.Writer made of a function.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(b []byte) (int, error) { return f(b) }

// TestHTTPServerBounded: serve's server bounds every phase of a request,
// so that half-sent requests and idle connections do not pile up.
func TestHTTPServerBounded(t *testing.T) {
	srv := newHTTPServer(context.Background(), http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 || srv.MaxHeaderBytes > 1<<20 {
		t.Errorf("server %+v: want every timeout set and headers capped below 1 MiB", srv)
	}
	if srv.WriteTimeout < 5*time.Minute {
		t.Errorf("WriteTimeout %s: too short for a report download", srv.WriteTimeout)
	}
}
