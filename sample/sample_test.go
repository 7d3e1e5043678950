package sample

import (
	"bytes"
	"context"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/plan"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// cells reads every sheet's raw cell values and merged ranges.
func cells(t *testing.T, b []byte) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("read %s: %v", s, err)
		}
		merges, err := f.GetMergeCells(s)
		if err != nil {
			t.Fatalf("merges of %s: %v", s, err)
		}
		for _, m := range merges {
			rows = append(rows, []string{"merge", m.GetStartAxis(), m.GetEndAxis()})
		}
		out[s] = rows
	}
	return out
}

// TestEmbeddedUpToDate regenerates every sample workbook from the facts
// in memory and checks the embedded copy holds exactly the same cells.
// When it fails, run `go generate ./sample`.
func TestEmbeddedUpToDate(t *testing.T) {
	embedded := map[string][]byte{"annexes.xlsx": Annexes(), "progress.xlsx": ProgressReturn(), "ledger.xlsx": Ledger()}
	builders := plan.Workbooks()
	if len(builders) != len(embedded) {
		t.Fatalf("got %d builders, want %d", len(builders), len(embedded))
	}
	for name, build := range builders {
		t.Run(name, func(t *testing.T) {
			fresh, err := build()
			if err != nil {
				t.Fatal(err)
			}
			got, want := cells(t, embedded[name]), cells(t, fresh)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("embedded %s differs from what the facts build; run go generate ./sample", name)
			}
		})
	}
}

var passwordLine = regexp.MustCompile(`(?m)^\s+(\S+)\s+密码 (\S+)`)

func TestLoad(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var out bytes.Buffer
		if err := Load(ctx, db, &out); err != nil {
			t.Fatalf("Load: %v", err)
		}
		_, n, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if want := int64(len(plan.Projects())); n != want {
			t.Errorf("got %d projects, want %d", n, want)
		}
		inds, err := db.Indicators(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(inds) == 0 {
			t.Error("annex 2's indicator targets were not stored")
		}

		t.Run("users", func(t *testing.T) {
			printed := passwordLine.FindAllStringSubmatch(out.String(), -1)
			if len(printed) != len(DemoUsers()) {
				t.Fatalf("got %d printed users, want %d:\n%s", len(printed), len(DemoUsers()), out.String())
			}
			for i, m := range printed {
				u, err := db.Authenticate(ctx, m[1], m[2])
				if err != nil {
					t.Errorf("log in as %s with the printed password: %v", m[1], err)
					continue
				}
				if want := DemoUsers()[i]; u.Role != want.Role || u.Unit != want.Unit {
					t.Errorf("%s: got role %s unit %q, want %s %q", m[1], u.Role, u.Unit, want.Role, want.Unit)
				}
			}
		})

		t.Run("alerts", func(t *testing.T) {
			tests := []struct {
				asOf model.Date
				want []string // severity/kind pairs that must occur
			}{
				{plan.DemoAsOf, []string{"yellow/overdue", "orange/overdue", "red/overdue"}},
				{model.NewDate(2026, time.November, 29), []string{"red/overdue"}},
			}
			// Two returns keep the story current: no started project goes
			// unreported for long at either date.
			for _, tt := range tests {
				as, err := alerts.List(ctx, db, tt.asOf, alerts.DefaultConfig())
				if err != nil {
					t.Fatal(err)
				}
				seen := map[string]bool{}
				for _, a := range as {
					seen[a.Severity+"/"+a.Kind] = true
					if a.Kind == alerts.KindStale {
						t.Errorf("as of %s: stale alert for %s", tt.asOf, a.ProjectName)
					}
				}
				for _, w := range tt.want {
					if !seen[w] {
						t.Errorf("as of %s: no %s alert among %d", tt.asOf, w, len(as))
					}
				}
			}
		})

		t.Run("refuses a second load", func(t *testing.T) {
			err := Load(ctx, db, &bytes.Buffer{})
			if got := model.Kind(err); got != model.EConflict {
				t.Fatalf("got %v (kind %q), want a conflict", err, got)
			}
			_, again, err := db.ListProjects(ctx, model.ProjectFilter{})
			if err != nil || again != n {
				t.Errorf("got %d projects (%v) after the refused load, want %d", again, err, n)
			}
		})
	})
}
