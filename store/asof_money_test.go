package store_test

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestMoneyAsOf: payments, funds and budget lines as of D are those
// entered by D, with the values they had on D; today's figures are the
// stored ones.
func TestMoneyAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db) // on 2020-06-30
		id := ids["MS-01"]
		on := func(y int, m time.Month, d int) {
			db.Now = func() time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
		}
		date := func(s string) model.Date { return *datePtr(s) }

		if _, err := db.CreateFund(ctx, finance, model.Fund{Kind: model.FundAllocated, ProjectID: id, Source: "县级配套", Amount: 200 * model.Wan, Date: date("2020-06-01"), DocNo: "沿财〔2020〕1号"}); err != nil {
			t.Fatal(err)
		}
		a, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: id, Date: date("2020-06-10"), Source: "县级配套", Amount: 100 * model.Wan, Voucher: "PZ-A"}, false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1000*model.Wan); err != nil {
			t.Fatal(err)
		}
		on(2020, time.August, 1) // a payment dated in May, entered in August
		if _, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: id, Date: date("2020-05-15"), Source: "县级配套", Amount: 50 * model.Wan, Voucher: "PZ-B"}, false); err != nil {
			t.Fatal(err)
		}
		on(2020, time.September, 1) // corrections
		amount := 80 * model.Wan
		if _, err := db.CorrectPayment(ctx, finance, a.ID, model.PaymentUpdate{Version: a.Version, Amount: &amount, Reason: "凭证金额录入错误"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1200*model.Wan); err != nil {
			t.Fatal(err)
		}

		for _, tt := range []struct {
			asOf              string
			paid, alloc, plan model.Money
		}{
			{"2020-06-29", 0, 0, 5000 * model.Wan}, // nothing entered yet: the plan is the investment
			{"2020-06-30", 100 * model.Wan, 200 * model.Wan, 1000 * model.Wan},
			{"2020-07-31", 100 * model.Wan, 200 * model.Wan, 1000 * model.Wan}, // PZ-B, dated May, not known yet
			{"2020-08-31", 150 * model.Wan, 200 * model.Wan, 1000 * model.Wan},
			{"2020-09-01", 130 * model.Wan, 200 * model.Wan, 1200 * model.Wan}, // today
		} {
			d := date(tt.asOf)
			facts, err := db.SpendFacts(ctx, d, []uint{id})
			if err != nil {
				t.Fatal(err)
			}
			if f := facts[id]; f.Paid != tt.paid || f.Allocated != tt.alloc {
				t.Errorf("SpendFacts as of %s = paid %v allocated %v, want %v %v", d, f.Paid, f.Allocated, tt.paid, tt.alloc)
			}
			data, err := db.ReportData(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range data.Projects {
				if p.Project.ID == id && (p.Spent != tt.paid || p.Allocated != tt.alloc || p.Plan != tt.plan || p.SpentBySource["县级配套"] != tt.paid) {
					t.Errorf("ReportData as of %s: spent %v allocated %v plan %v, want %v %v %v", d, p.Spent, p.Allocated, p.Plan, tt.paid, tt.alloc, tt.plan)
				}
			}
			dash, err := db.Dashboard(ctx, model.AlertQuery{AsOf: d})
			if err != nil {
				t.Fatal(err)
			}
			if dash.Spent != tt.paid || dash.Plan != tt.plan+5000*model.Wan {
				t.Errorf("Dashboard as of %s: spent %v plan %v, want %v %v", d, dash.Spent, dash.Plan, tt.paid, tt.plan+5000*model.Wan)
			}
		}
	})
}

// moneyText is a project's money records as a line each, in the order
// ProjectMoney gives them.
func moneyText(m model.ProjectMoney) string {
	var b strings.Builder
	for _, p := range m.Payments {
		fmt.Fprintf(&b, "pay %s %s %s %s reversed=%v;", p.Voucher, p.Date, p.Source, p.Amount.WanString(), p.Reversed)
	}
	for _, f := range append(m.Allocations, m.Receipts...) {
		fmt.Fprintf(&b, "%s %s %s %s %s;", f.Kind, f.DocNo, f.Date, f.Source, f.Amount.WanString())
	}
	for _, l := range m.Budget {
		fmt.Fprintf(&b, "budget %d %s %s;", l.Year, l.Source, l.Amount.WanString())
	}
	return b.String()
}

// moneyChanges counts the rows of money_changes by table.
func moneyChanges(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	rows, err := store.TableRows(context.Background(), db, "money_changes")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[fmt.Sprint(r["row_table"])]++
	}
	return out
}

// TestMoneyHistory: a project's payments, funds and budget lines as of D
// list what was entered by D with its values then, a reversal marking
// its payment from its own day on; a deleted budget line still counts
// before its deletion; a day's changes keep one record of the row, none
// when they end where the day began.
func TestMoneyHistory(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db) // on 2020-06-30
		id := ids["MS-01"]
		on := func(m time.Month, d int) {
			db.Now = func() time.Time { return time.Date(2020, m, d, 10, 0, 0, 0, time.UTC) }
		}
		date := func(s string) model.Date { return *datePtr(s) }
		must := func(_ any, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(db.CreateFund(ctx, finance, model.Fund{Kind: model.FundAllocated, ProjectID: id, Source: "县级配套", Amount: 200 * model.Wan, Date: date("2020-06-01"), DocNo: "沿财〔2020〕1号"}))
		a, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: id, Date: date("2020-06-10"), Source: "县级配套", Amount: 100 * model.Wan, Voucher: "PZ-A"}, false)
		must(a, err)
		must(db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1000*model.Wan))
		must(db.SetBudgetLine(ctx, finance, id, 2021, "省级补助", 300*model.Wan))
		on(time.August, 1)
		b, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: id, Date: date("2020-05-15"), Source: "县级配套", Amount: 50 * model.Wan, Voucher: "PZ-B"}, false)
		must(b, err)
		on(time.September, 1)
		for _, amount := range []model.Money{80 * model.Wan, 90 * model.Wan} {
			a, err = db.CorrectPayment(ctx, finance, a.ID, model.PaymentUpdate{Version: a.Version, Amount: &amount, Reason: "凭证金额录入错误"})
			must(a, err)
		}
		must(db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1200*model.Wan))
		must(db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1000*model.Wan)) // back where the day began
		must(nil, db.DeleteBudgetLine(ctx, finance, id, 2021, "省级补助"))
		must(db.ReversePayment(ctx, finance, b.ID, b.Version, model.Date{}, "重复拨付"))
		on(time.September, 2)

		const alloc = "allocated 沿财〔2020〕1号 2020-06-01 县级配套 200;"
		for _, tt := range []struct {
			asOf, want string
			plan       model.Money
		}{
			{"2020-06-29", "", 5000 * model.Wan},
			{"2020-06-30", "pay PZ-A 2020-06-10 县级配套 100 reversed=false;" + alloc + "budget 2020 县级配套 1000;budget 2021 省级补助 300;", 1300 * model.Wan},
			{"2020-08-31", "pay PZ-B 2020-05-15 县级配套 50 reversed=false;pay PZ-A 2020-06-10 县级配套 100 reversed=false;" + alloc +
				"budget 2020 县级配套 1000;budget 2021 省级补助 300;", 1300 * model.Wan},
			{"2020-09-01", "pay PZ-B 2020-05-15 县级配套 50 reversed=true;pay PZ-A 2020-06-10 县级配套 90 reversed=false;pay PZ-B-冲 2020-09-01 县级配套 -50 reversed=false;" +
				alloc + "budget 2020 县级配套 1000;", 1000 * model.Wan},
			{"2020-09-02", "pay PZ-B 2020-05-15 县级配套 50 reversed=true;pay PZ-A 2020-06-10 县级配套 90 reversed=false;pay PZ-B-冲 2020-09-01 县级配套 -50 reversed=false;" +
				alloc + "budget 2020 县级配套 1000;", 1000 * model.Wan},
		} {
			m, err := db.ProjectMoney(ctx, id, date(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if got := moneyText(m); got != tt.want {
				t.Errorf("ProjectMoney as of %s:\ngot  %s\nwant %s", tt.asOf, got, tt.want)
			}
			data, err := db.ReportData(ctx, date(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range data.Projects {
				if p.Project.ID == id && p.Plan != tt.plan {
					t.Errorf("ReportData as of %s: plan %v, want %v", tt.asOf, p.Plan, tt.plan)
				}
			}
		}
		// PZ-A's day of corrections keeps its values of the day before;
		// the budget line's ended where it began; the deleted line's
		// tombstone.
		if got, want := moneyChanges(t, db), map[string]int{"disbursements": 1, "budget_lines": 1}; !maps.Equal(got, want) {
			t.Errorf("money_changes by table: got %v, want %v", got, want)
		}
	})
}

// TestRevertMoneyHistory: a revert is a change of its own day. Reverting
// an import of a budget change and an allocation on a later day leaves
// the imported values in the days between; reverting on the import's own
// day leaves no trace in the money history.
func TestRevertMoneyHistory(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		id := projectsByName(t, db)["官舟片区养老服务中心"].ID
		if _, err := db.SetBudgetLine(ctx, finance, id, 2019, "省级补助", 200*model.Wan); err != nil {
			t.Fatal(err)
		}
		ledger := &model.ImportSet{
			Funds:   []model.FundRow{fundRow(2, "官舟片区养老服务中心", model.FundAllocated, "省级补助", 100*model.Wan, "黔财社〔2019〕8号")},
			Budgets: []model.BudgetRow{{Ref: model.Ref{File: "预算.xlsx", Sheet: "预算", Row: 2}, ProjectName: "官舟片区养老服务中心", Year: 2019, Source: "省级补助", Amount: 300 * model.Wan}},
		}
		on := func(m time.Month, d int) {
			db.Now = func() time.Time { return time.Date(2020, m, d, 9, 0, 0, 0, time.UTC) }
		}
		asOf := func(m time.Month, d int) string {
			t.Helper()
			got, err := db.ProjectMoney(ctx, id, model.NewDate(2020, m, d))
			if err != nil {
				t.Fatal(err)
			}
			return moneyText(got)
		}
		const before, imported = "budget 2019 省级补助 200;", "allocated 黔财社〔2019〕8号 2019-03-01 省级补助 100;budget 2019 省级补助 300;"

		// The same day: nothing of the import is left.
		on(time.June, 20)
		apply(t, db, ledger, false)
		if got := asOf(time.June, 20); got != imported {
			t.Fatalf("after the import: got %s, want %s", got, imported)
		}
		revert(t, db, lastBatch(t, db))
		if got := moneyChanges(t, db); len(got) != 0 {
			t.Errorf("money_changes after a same-day revert: got %v, want none", got)
		}
		for _, d := range []int{19, 20} {
			if got := asOf(time.June, d); got != before {
				t.Errorf("as of 2020-06-%d after a same-day revert: got %s, want %s", d, got, before)
			}
		}

		// A later day: the days between keep what was imported.
		on(time.July, 1)
		apply(t, db, ledger, false)
		on(time.July, 10)
		revert(t, db, lastBatch(t, db))
		on(time.July, 11)
		for _, tt := range []struct {
			day  int
			want string
		}{{0, before}, {1, imported}, {9, imported}, {10, before}, {11, before}} {
			if got := asOf(time.July, tt.day); got != tt.want {
				t.Errorf("as of 2020-07-%02d: got %s, want %s", tt.day, got, tt.want)
			}
		}
		facts, err := db.SpendFacts(ctx, model.NewDate(2020, time.July, 5), []uint{id})
		if err != nil {
			t.Fatal(err)
		}
		if got := facts[id].Allocated; got != 100*model.Wan {
			t.Errorf("allocated as of 2020-07-05, the revert's allocation gone since: got %v, want 100 万元", got)
		}
		if got, want := moneyChanges(t, db), map[string]int{"budget_lines": 2, "funds": 1}; !maps.Equal(got, want) {
			t.Errorf("money_changes: got %v, want %v (the line before the import and before the revert, the allocation's tombstone)", got, want)
		}
	})
}

// TestProjectsAsOf: the project views as of D carry the facts known on
// D: the actual start and the 形象进度 of the returns dated by D, the
// payments entered by D; as of today, the stored ones.
func TestProjectsAsOf(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		returns := returnRows()
		for _, d := range []model.Date{model.NewDate(2019, time.June, 30), model.NewDate(2019, time.December, 31)} {
			apply(t, db, &model.ImportSet{Progress: returns[d]}, false)
		}
		id := projectsByName(t, db)["官舟片区养老服务中心"].ID
		if _, err := db.CreateFund(ctx, finance, model.Fund{Kind: model.FundAllocated, ProjectID: id, Source: "县级配套", Amount: 400 * model.Wan, Date: model.NewDate(2019, 3, 1), DocNo: "沿财〔2019〕3号"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: id, Date: model.NewDate(2019, 3, 1), Source: "县级配套", Amount: 100 * model.Wan, Voucher: "PZ-1"}, false); err != nil {
			t.Fatal(err)
		} // entered on testNow, 2020-06-15
		for _, tt := range []struct {
			asOf       model.Date
			start      model.Date
			pct, spent string
			allocated  model.Money
		}{
			{model.NewDate(2019, time.June, 29), model.Date{}, "", "0", 0},
			{model.NewDate(2019, time.July, 1), model.Date{}, "10", "0", 0},
			{model.NewDate(2020, time.June, 14), model.NewDate(2019, time.January, 8), "40", "0", 0},
			{model.NewDate(2020, time.June, 15), model.NewDate(2019, time.January, 8), "40", "100", 400 * model.Wan},
			{model.Date{}, model.NewDate(2019, time.January, 8), "40", "100", 400 * model.Wan}, // today
		} {
			views, _, err := db.ListProjects(ctx, model.ProjectFilter{IDs: []uint{id}, AsOf: tt.asOf})
			if err != nil || len(views) != 1 {
				t.Fatalf("ListProjects as of %s: %v %v", tt.asOf, views, err)
			}
			v := views[0]
			pct := ""
			if v.ProgressPct.Valid {
				pct = v.ProgressPct.Decimal.String()
			}
			if v.ActualStart != tt.start || pct != tt.pct || v.Spent.WanString() != tt.spent || v.Spend.Allocated != tt.allocated {
				t.Errorf("as of %s: start %s, 形象进度 %q, spent %s, allocated %v; want %s, %q, %s, %v", tt.asOf, v.ActualStart, pct, v.Spent.WanString(), v.Spend.Allocated, tt.start, tt.pct, tt.spent, tt.allocated)
			}
		}
	})
}

// TestDashboardPlan: the dashboard's plan is each project's budget lines'
// sum when it has any (as of D), else its investment, and the projects
// without either are counted as unknown; a project without investment
// but with budget lines is not.
func TestDashboardPlan(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		db.Now = func() time.Time { return time.Date(2020, time.June, 30, 10, 0, 0, 0, time.UTC) }
		inv := 5000 * model.Wan
		ids := importProjects(t, db,
			model.Project{Code: "DP-01", Name: "官舟片区养老服务中心", Annex: 1, Category: "养老服务中心", Investment: &inv},
			model.Project{Code: "DP-02", Name: "儿童福利院", Annex: 1, Category: "儿童福利", Investment: &inv},
			model.Project{Code: "DP-03", Name: "殡仪馆", Annex: 1, Category: "殡葬设施"},
			model.Project{Code: "DP-04", Name: "公益性公墓", Annex: 1, Category: "殡葬设施"})
		db.Now = func() time.Time { return time.Date(2020, time.July, 10, 10, 0, 0, 0, time.UTC) }
		for _, l := range []struct {
			code   string
			year   int
			amount model.Money
		}{{"DP-01", 2020, 1000 * model.Wan}, {"DP-01", 2021, 200 * model.Wan}, {"DP-03", 2020, 300 * model.Wan}} {
			if _, err := db.SetBudgetLine(ctx, finance, ids[l.code], l.year, "县级配套", l.amount); err != nil {
				t.Fatal(err)
			}
		}
		for _, tt := range []struct {
			asOf    model.Date
			plan    model.Money
			unknown int64
		}{
			{model.DateOf(time.Date(2020, time.July, 1, 0, 0, 0, 0, time.UTC)), 10000 * model.Wan, 2}, // the investments; DP-03 and DP-04 have none
			{model.DateOf(time.Date(2020, time.July, 10, 0, 0, 0, 0, time.UTC)), (1200 + 5000 + 300) * model.Wan, 1},
		} {
			dash, err := db.Dashboard(ctx, model.AlertQuery{AsOf: tt.asOf})
			if err != nil {
				t.Fatal(err)
			}
			if dash.Plan != tt.plan || dash.PlanUnknown != tt.unknown {
				t.Errorf("Dashboard as of %s: plan %v, %d unknown; want %v, %d", tt.asOf, dash.Plan, dash.PlanUnknown, tt.plan, tt.unknown)
			}
		}
	})
}
