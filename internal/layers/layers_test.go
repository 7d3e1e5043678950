package layers

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/yanhe/captrack"

// storage is what a package that must not touch storage must not link:
// the store, gorm, database/sql and the SQL drivers.
var storage = []string{module + "/store", "gorm.io/", "database/sql", "github.com/mattn/go-sqlite3", "github.com/jackc/pgx", "github.com/go-gormigrate/"}

// goList runs go list with args in the module root and returns its
// output split into fields.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		msg := err.Error()
		if ee, ok := err.(*exec.ExitError); ok {
			msg += ": " + string(ee.Stderr)
		}
		t.Fatalf("go list %s: %s", strings.Join(args, " "), msg)
	}
	return strings.Fields(string(out))
}

// forbidden returns the entries of deps that are or lie under one of
// banned. database/sql/driver is never forbidden: it holds only the
// Valuer and Scanner interfaces that model's types implement.
func forbidden(deps, banned []string) []string {
	var out []string
	for _, d := range deps {
		if d == "database/sql/driver" {
			continue
		}
		for _, b := range banned {
			if d == b || strings.HasPrefix(d, strings.TrimSuffix(b, "/")+"/") {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// TestDependencies checks each package's whole dependency graph (go
// list -deps, tests excluded) against the layering.
func TestDependencies(t *testing.T) {
	for _, tc := range []struct {
		pkg    string
		banned []string
	}{
		{"./importer", storage},
		{"./alerts", storage},
		{"./reports", storage},
		{"./model", append([]string{"github.com/gin-gonic/"}, storage...)},
		{"./api", []string{module + "/ui"}},
		{"./ui", append([]string{module + "/api"}, storage...)},
		{"./internal/httpx", append([]string{module + "/api", module + "/ui"}, storage...)},
	} {
		t.Run(tc.pkg, func(t *testing.T) {
			deps := goList(t, "-deps", tc.pkg)
			if len(deps) < 2 {
				t.Fatalf("go list -deps %s listed %v", tc.pkg, deps)
			}
			if bad := forbidden(deps, tc.banned); len(bad) > 0 {
				t.Errorf("%s depends on %v", tc.pkg, bad)
			}
		})
	}
}

// TestOnlyStoreImportsGorm: no package but store and its test helpers
// imports gorm itself.
func TestOnlyStoreImportsGorm(t *testing.T) {
	for _, line := range goList(t, "-f", `{{.ImportPath}}|{{join .Imports "|"}}`, "./...") {
		pkg, imports, _ := strings.Cut(line, "|")
		if pkg == module+"/store" || pkg == module+"/store/storetest" {
			continue
		}
		if bad := forbidden(strings.Split(imports, "|"), []string{"gorm.io/"}); len(bad) > 0 {
			t.Errorf("%s imports %v", pkg, bad)
		}
	}
}

func TestForbidden(t *testing.T) {
	deps := []string{"database/sql", "database/sql/driver", "gorm.io/gorm", "gorm.io/driver/sqlite", module + "/store", module + "/store/storetest", module + "/model", "github.com/jackc/pgx/v5"}
	got := strings.Join(forbidden(deps, storage), " ")
	want := "database/sql gorm.io/gorm gorm.io/driver/sqlite " + module + "/store " + module + "/store/storetest github.com/jackc/pgx/v5"
	if got != want {
		t.Errorf("forbidden = %s, want %s", got, want)
	}
}
