package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/internal/testdisk"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/sample"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestCorruptDatabaseRefused: every command that opens a corrupt SQLite
// file refuses to start, saying 数据库文件已损坏 and naming the file.
func TestCorruptDatabaseRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "captrack.db")
	db := storetest.Open(t, path)
	if err := sample.Load(context.Background(), db, io.Discard); err != nil {
		t.Fatal(err)
	}
	db.Close()
	storetest.CorruptPage(t, path)
	book := writeFile(t, sample.AnnexesName, sample.Annexes())
	for _, args := range [][]string{
		{"projects"}, {"alerts"}, {"supervisions"}, {"import", book},
		{"report", "spend", "--out", filepath.Join(t.TempDir(), "r.xlsx")}, {"user", "list"}, {"demo"}, {"calendar", "years"},
		{"serve", "--addr", "127.0.0.1:0"}, // last: should it start, it serves until the test times out
	} {
		t.Run(args[0], func(t *testing.T) {
			_, _, err := runCmd(t, path, args...)
			if msg := errorText(err); !strings.Contains(msg, "数据库文件已损坏") || !strings.Contains(msg, path) {
				t.Errorf("%v: %q, want 数据库文件已损坏 and %s", args, msg, path)
			}
		})
	}
}

// TestDiskFullCLI: on a full disk (a real tmpfs), import and report say
// 磁盘空间不足 and leave nothing: no project, no report, no temp file.
func TestDiskFullCLI(t *testing.T) {
	dir := testdisk.Mount(t, 16<<20)
	path := filepath.Join(dir, "captrack.db")
	storetest.Open(t, path).Close()
	var book bytes.Buffer
	if err := synth.Annex(&book, 3000); err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "annex.xlsx", book.Bytes())
	out := filepath.Join(dir, "spend.xlsx")
	free := testdisk.Fill(t, dir, 32<<10)
	for _, args := range [][]string{{"import", file}, {"report", "spend", "--out", out}} {
		_, _, err := runCmd(t, path, args...)
		if msg := errorText(err); !strings.Contains(msg, "磁盘空间不足") {
			t.Errorf("%s on a full disk: %q, want 磁盘空间不足", args[0], msg)
		}
	}
	free()
	if left, _ := filepath.Glob(filepath.Join(dir, "*.xlsx")); len(left) != 0 {
		t.Errorf("left on the disk: %v", left)
	}
	if left := leftovers(t, dir); len(left) != 0 {
		t.Errorf("temp files left: %v", left)
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ps, _, err := db.ListProjects(context.Background(), model.ProjectFilter{}); err != nil || len(ps) != 0 {
		t.Errorf("projects after the failed import: %d, %v; want none", len(ps), err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the report exists after failing: %v", err)
	}
}
