package store

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/yanhe/captrack/model"
)

// TestReadPool checks SQLite's read pool: it sees what the writer
// committed, and it cannot write.
func TestReadPool(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "captrack.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.LoadTracking(ctx, []model.Project{{ID: 1, Code: "R-1", Name: "读池项目"}}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, n, err := db.ListProjects(ctx, model.ProjectFilter{}); err != nil || n != 1 {
		t.Errorf("ListProjects after a commit: got %d, %v; want 1", n, err)
	}
	if err := db.reader(ctx).Exec("DELETE FROM projects").Error; err == nil {
		t.Error("a write through the read pool: got no error, want one")
	}
	var n int64
	if err := db.reader(ctx).Model(&model.Project{}).Count(&n).Error; err != nil || n != 1 {
		t.Errorf("projects after the refused write: got %d, %v; want 1", n, err)
	}
}
