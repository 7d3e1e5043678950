package faults

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/store"
)

// killRows is the size of the workbook the kill test imports: large
// enough that the import's transaction spills to the WAL for a while
// before it commits.
const killRows = 40_000

// TestKillDuringImport SIGKILLs `captrack import` of a large workbook
// while its transaction is being written, then checks that the database
// is intact and holds none of the import, and that the same import run
// to completion holds all of it.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds captrack and imports a large workbook")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH: cannot build captrack")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "captrack")
	if out, err := exec.Command(goTool, "build", "-o", bin, "github.com/yanhe/captrack/cmd/captrack").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	book := filepath.Join(dir, "big.xlsx")
	f, err := os.Create(book)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.Annex(f, killRows); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "captrack.db")

	cmd := exec.Command(bin, "import", "--db", dbPath, book)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// The schema's migration leaves a small WAL; the import's one
	// transaction makes it grow past walGrown long before it commits.
	const walGrown = 2 << 20
	killed := false
	for !killed {
		select {
		case err := <-exited:
			t.Fatalf("captrack import ended (%v) before the WAL grew past %d bytes: make killRows larger", err, walGrown)
		case <-time.After(5 * time.Millisecond):
		}
		if fi, err := os.Stat(dbPath + "-wal"); err == nil && fi.Size() > walGrown {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	<-exited

	ctx := context.Background()
	check := func(want int64) {
		t.Helper()
		db, err := store.Open(ctx, dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if got, err := db.Pragma(ctx, "integrity_check"); err != nil || got != "ok" {
			t.Errorf("integrity_check: got %q, %v; want ok", got, err)
		}
		if got := projectCount(t, db); got != want {
			t.Errorf("projects: got %d, want %d", got, want)
		}
	}
	check(0)

	if out, err := exec.Command(bin, "import", "--db", dbPath, book).CombinedOutput(); err != nil {
		t.Fatalf("import after the kill: %v\n%s", err, out)
	}
	check(killRows)
}
