package tempdir

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// helperEnv makes the test binary a process that makes a Dir, prints its
// path and waits to be killed.
const helperEnv = "CAPTRACK_TEMPDIR_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		d, err := New("import")
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println(d.Path)
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// aged sets path's times a while back, past the sweep's grace.
func aged(t *testing.T, path string) {
	t.Helper()
	past := time.Now().Add(-2 * grace)
	if err := os.Chtimes(path, past, past); err != nil {
		t.Fatal(err)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestSweep: a directory whose process was killed (SIGKILL, no cleanup)
// is swept; one a live process holds, in this process or another, is
// not, however old; a new one is not; an earlier release's import
// directory goes after a day.
func TestSweep(t *testing.T) {
	if !canLock {
		t.Skip("no flock here")
	}
	t.Setenv("TMPDIR", t.TempDir())
	start := func() (*exec.Cmd, string) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"=1")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		sc := bufio.NewScanner(out)
		if !sc.Scan() || !exists(sc.Text()) {
			t.Fatalf("helper printed %q", sc.Text())
		}
		return cmd, sc.Text()
	}
	killed, killedDir := start()
	_, liveElsewhere := start()
	if err := killed.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killed.Wait()
	here, err := New("report")
	if err != nil {
		t.Fatal(err)
	}
	defer here.Remove()
	fresh := filepath.Join(os.TempDir(), prefix+"import-fresh")
	if err := os.Mkdir(fresh, 0o700); err != nil {
		t.Fatal(err)
	}
	oldRelease := filepath.Join(os.TempDir(), "captrack-import-123")
	if err := os.Mkdir(oldRelease, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{killedDir, liveElsewhere, here.Path} {
		if err := os.WriteFile(filepath.Join(p, "sheet.xml"), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		aged(t, p)
	}
	past := time.Now().Add(-25 * time.Hour)
	os.Chtimes(oldRelease, past, past)

	if n := Sweep(); n != 2 {
		t.Errorf("Sweep removed %d, want 2 (the killed process's and the old release's)", n)
	}
	for path, want := range map[string]bool{killedDir: false, oldRelease: false, liveElsewhere: true, here.Path: true, fresh: true} {
		if got := exists(path); got != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(path), got, want)
		}
	}
	if err := here.Remove(); err != nil || exists(here.Path) {
		t.Errorf("Remove: %v; still there: %v", err, exists(here.Path))
	}
}
