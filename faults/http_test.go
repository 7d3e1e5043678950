package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// server is the API on db behind a real loopback listener, with an
// admin's bearer token.
type server struct {
	url, token string
	db         *store.DB
}

func newServer(t *testing.T, db *store.DB, opts api.Options) *server {
	t.Helper()
	ctx := context.Background()
	u, err := db.CreateUser(ctx, "admin", model.RoleAdmin, "", "password-admin")
	if err != nil {
		t.Fatal(err)
	}
	token, err := db.IssueToken(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	ts := httptest.NewServer(api.NewServer(db, opts))
	t.Cleanup(ts.Close)
	return &server{url: ts.URL, token: token, db: db}
}

// do sends a request with the admin's token and returns the status and
// body.
func (s *server) do(t *testing.T, method, path, contentType string, body io.Reader) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", method, path, err)
	}
	return resp.StatusCode, string(b)
}

// multipartBody is a multipart/form-data body with data as field "file".
func multipartBody(t *testing.T, name string, data []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), buf.Bytes()
}

// projectCount is the number of projects in db.
func projectCount(t *testing.T, db *store.DB) int64 {
	t.Helper()
	_, n, err := db.ListProjects(context.Background(), model.ProjectFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestHostileWorkbooksHTTP uploads each hostile workbook to POST
// /api/v1/imports: 422 with a report of errors, nothing written, no temp
// file left behind (the upload's included).
func TestHostileWorkbooksHTTP(t *testing.T) {
	privateTemp(t)
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := newServer(t, db, api.Options{})
		for _, tc := range hostileCases(t) {
			if !tc.httpToo {
				continue
			}
			t.Run(tc.name, func(t *testing.T) {
				before := tempEntries(t)
				ct, body := multipartBody(t, "hostile.xlsx", tc.data)
				status, answer := s.do(t, "POST", "/api/v1/imports", ct, bytes.NewReader(body))
				if status != http.StatusUnprocessableEntity {
					t.Fatalf("status: got %d (%s), want 422", status, answer)
				}
				var rep struct {
					Error  string          `json:"error"`
					Errors []model.Finding `json:"errors"`
				}
				if err := json.Unmarshal([]byte(answer), &rep); err != nil {
					t.Fatalf("answer %q: %v", answer, err)
				}
				if rep.Error == "" {
					t.Errorf("answer %s: no error summary", answer)
				}
				checkRejected(t, rep.Errors, 0, tc.want)
				if n := projectCount(t, db); n != 0 {
					t.Errorf("projects: got %d, want 0", n)
				}
				if after := tempEntries(t); len(after) != len(before) {
					t.Errorf("temp dir: got %q after, want %q as before", after, before)
				}
			})
		}
	})
}

// TestUploadOverTheDefaultCap posts a workbook-sized body just over the
// default 32 MiB cap, once with its length declared and once streamed
// without one (cut off while multipart spools it to disk): 413 both
// times, nothing written, no temp file left behind.
func TestUploadOverTheDefaultCap(t *testing.T) {
	privateTemp(t)
	s := newServer(t, storetest.OpenSQLite(t), api.Options{})
	ct, body := multipartBody(t, "big.xlsx", bytes.Repeat([]byte("x"), httpx.DefaultMaxUpload+1<<20))
	for _, tc := range []struct {
		name string
		body io.Reader
	}{
		{"with Content-Length", bytes.NewReader(body)},
		{"streamed", struct{ io.Reader }{bytes.NewReader(body)}}, // hides Len: chunked, no Content-Length
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tempEntries(t)
			status, answer := s.do(t, "POST", "/api/v1/imports", ct, tc.body)
			if status != http.StatusRequestEntityTooLarge || !strings.Contains(answer, `"error"`) {
				t.Errorf("got %d %s, want 413 with an error", status, answer)
			}
			if n := projectCount(t, s.db); n != 0 {
				t.Errorf("projects: got %d, want 0", n)
			}
			if after := tempEntries(t); len(after) != len(before) {
				t.Errorf("temp dir: got %q after, want %q as before", after, before)
			}
		})
	}
}
