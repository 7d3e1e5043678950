//go:build !cgo

package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// TestOpenSQLiteWithoutCgo: a captrack built without cgo says, in
// Chinese, that SQLite needs a C compiler and how to get one (.ci/run
// runs it with CGO_ENABLED=0).
func TestOpenSQLiteWithoutCgo(t *testing.T) {
	_, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "captrack.db"))
	if model.Kind(err) != model.EInvalid {
		t.Fatalf("store.Open without cgo: %v, want an invalid-kind error", err)
	}
	for _, want := range []string{"C 编译器", "apt install gcc", "CGO_ENABLED=1", "postgres://"} {
		if !strings.Contains(model.Message(err), want) {
			t.Errorf("message %q does not say %q", model.Message(err), want)
		}
	}
}
