package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"gorm.io/driver/sqlite"
)

// Release 1's 督办 come through the migration on the cycle: awaiting a
// reply is in progress, replied is under review, and the deadline they
// had is their original one.
func TestMigrateRelease1Supervisions(t *testing.T) {
	data, err := os.ReadFile("testdata/release1.db")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "release1.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	raw := gormOpen(t, sqlite.Open(path))
	for _, st := range []string{"open", "replied", "escalated", "closed"} {
		if err := raw.Exec("INSERT INTO supervisions (project_id, reason, reply_due, status, level, raised_by) VALUES (1, ?, '2020-06-30', ?, 1, 'sup')", st, st).Error; err != nil {
			t.Fatal(err)
		}
	}
	closeGorm(raw)
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	vs, _, err := db.ListSupervisions(context.Background(), model.SupervisionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"open": model.SupervisionInProgress, "replied": model.SupervisionReview,
		"escalated": model.SupervisionInProgress, "closed": model.SupervisionClosed}
	for _, v := range vs {
		if v.Status != want[v.Reason] || v.OriginalDue.String() != "2020-06-30" || v.Version != 1 {
			t.Errorf("release 1 %s → %s, original due %s, version %d; want %s, 2020-06-30, 1", v.Reason, v.Status, v.OriginalDue, v.Version, want[v.Reason])
		}
	}
	if len(vs) != 4 {
		t.Errorf("%d 督办, want 4", len(vs))
	}
}
