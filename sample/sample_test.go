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

// TestLoadMoneyAsOf: the demo enters each payment on its own date, so
// that as of any date its money is the ledger's payments dated on or
// before it, on the dashboard, in the spend facts and in the reports'
// data; each payment is known from its date and entered that day, in
// one import of the ledger a payment day.
func TestLoadMoneyAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := Load(ctx, db, &bytes.Buffer{}); err != nil {
			t.Fatalf("Load: %v", err)
		}
		ps, _, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		names := map[uint]string{}
		for _, p := range ps {
			names[p.ID] = p.Name
		}
		ledger := plan.Ledger()
		days := map[model.Date]bool{}
		for _, p := range ledger {
			days[p.Date] = true
		}
		first := ledger[0].Date
		for _, d := range []model.Date{first.AddDays(-1), first, plan.DemoAsOf, plan.PlanEndReturn.AddDays(-1), plan.ReturnDate, db.Today()} {
			var total model.Money
			want := map[string]model.Money{}
			for _, p := range ledger {
				if !p.Date.After(d) {
					total += p.Amount
					want[p.Project] += p.Amount
				}
			}
			if d == plan.DemoAsOf && total == 0 {
				t.Fatalf("the ledger pays nothing by %s", d)
			}
			dash, err := db.Dashboard(ctx, model.AlertQuery{AsOf: d})
			if err != nil {
				t.Fatal(err)
			}
			if dash.Spent != total {
				t.Errorf("as of %s: dashboard spent %s 万元, want the ledger's %s", d, dash.Spent.WanString(), total.WanString())
			}
			facts, err := db.SpendFacts(ctx, d, nil)
			if err != nil {
				t.Fatal(err)
			}
			paid := map[string]model.Money{}
			for id, f := range facts {
				if f.Paid != 0 {
					paid[names[id]] = f.Paid
				}
			}
			if !reflect.DeepEqual(paid, want) {
				t.Errorf("as of %s: spend facts paid %v, want the ledger's %v", d, paid, want)
			}
			data, err := db.ReportData(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			spent := map[string]model.Money{}
			for _, f := range data.Projects {
				if f.Spent != 0 {
					spent[f.Project.Name] = f.Spent
				}
			}
			if !reflect.DeepEqual(spent, want) {
				t.Errorf("as of %s: report data spent %v, want the ledger's %v", d, spent, want)
			}
		}

		for id, name := range names {
			m, err := db.ProjectMoney(ctx, id, db.Today())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range m.Payments {
				if p.KnownOn != p.Date || db.DateOf(p.CreatedAt) != p.Date {
					t.Errorf("%s: payment %s dated %s known on %s, entered %s; want all on its date", name, p.Voucher, p.Date, p.KnownOn, p.CreatedAt.In(db.Zone))
				}
			}
		}
		bs, err := db.ImportBatches(ctx)
		if err != nil {
			t.Fatal(err)
		}
		batchDays := map[model.Date]bool{}
		for _, b := range bs {
			if b.Files == LedgerName {
				batchDays[db.DateOf(b.CreatedAt)] = true
			}
		}
		if !reflect.DeepEqual(batchDays, days) {
			t.Errorf("ledger imports on %d days, want one on each of the ledger's %d payment days", len(batchDays), len(days))
		}
	})
}

// TestLoadAllOrNothing: a load that fails part way (here on a clock
// before the ledger's last payments and the latest return, which the
// import refuses as dated after today) leaves nothing behind, and the
// database takes the demo afterwards.
func TestLoadAllOrNothing(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		early := func() time.Time { return time.Date(2021, time.January, 15, 12, 0, 0, 0, db.Zone) }
		db.Now = early
		var out bytes.Buffer
		err := Load(ctx, db, &out)
		if err == nil || !regexp.MustCompile(`不能晚于今天（2021-01-15）`).MatchString(err.Error()) {
			t.Fatalf("Load as of 2021-01-15: %v; want a refusal of the rows dated later", err)
		}
		if out.Len() > 0 {
			t.Errorf("a failed load printed %q", out.String())
		}
		if db.Today() != model.NewDate(2021, time.January, 15) {
			t.Errorf("Load left the clock at %s", db.Today())
		}
		_, n, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		bs, err := db.ImportBatches(ctx)
		if err != nil {
			t.Fatal(err)
		}
		us, err := db.ListUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 || len(bs) != 0 || len(us) != 0 {
			t.Errorf("a failed load left %d projects, %d import batches, %d users", n, len(bs), len(us))
		}
		db.Now = time.Now
		if err := Load(ctx, db, &out); err != nil {
			t.Errorf("Load after the failed one: %v", err)
		}
	})
}
