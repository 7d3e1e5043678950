package store_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// moneyNow is "today" in the money tests.
var moneyNow = time.Date(2020, time.June, 30, 10, 0, 0, 0, time.Local)

// seedMoneyProjects imports two plan rows and returns their ids by code.
func seedMoneyProjects(t *testing.T, db *store.DB) map[string]uint {
	t.Helper()
	db.Now = func() time.Time { return moneyNow }
	inv := 5000 * model.Wan
	return importProjects(t, db,
		model.Project{Code: "MS-01", Name: "官舟片区养老服务中心", Annex: 1, Category: "养老服务中心", ResponsibleUnit: "县民政局", Investment: &inv},
		model.Project{Code: "MS-02", Name: "儿童福利院", Annex: 1, Category: "儿童福利", ResponsibleUnit: "县民政局", Investment: &inv})
}

// importProjects imports projects as the rows 5, 6, … of annex 1's
// sheet of plan.xlsx and returns their ids by code.
func importProjects(t *testing.T, db *store.DB, projects ...model.Project) map[string]uint {
	t.Helper()
	ctx := context.Background()
	set := &model.ImportSet{}
	for i, p := range projects {
		set.Plans = append(set.Plans, model.PlanRow{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: 5 + i}, Project: p})
	}
	res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "plan"})
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("ApplyImport: %v %v", err, res.Errors)
	}
	views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]uint{}
	for _, v := range views {
		ids[v.Code] = v.ID
	}
	return ids
}

var finance = model.Actor{User: "caiwu", Source: "api"}

func TestCreatePayment(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		today := model.DateOf(moneyNow)
		ok := model.Disbursement{ProjectID: ids["MS-01"], Date: today, Source: "县级配套", Amount: 12345, Voucher: "PZ-001"}
		if _, err := db.CreatePayment(ctx, finance, ok, false); err != nil {
			t.Fatalf("CreatePayment: %v", err)
		}
		tests := []struct {
			name string
			edit func(d *model.Disbursement)
			kind string
		}{
			{"duplicate voucher", func(d *model.Disbursement) {}, model.EConflict},
			{"duplicate voucher with spaces", func(d *model.Disbursement) { d.Voucher = " PZ-001 " }, model.EConflict},
			{"zero amount", func(d *model.Disbursement) { d.Voucher, d.Amount = "PZ-002", 0 }, model.EInvalid},
			{"negative amount", func(d *model.Disbursement) { d.Voucher, d.Amount = "PZ-002", -1 }, model.EInvalid},
			{"future date", func(d *model.Disbursement) { d.Voucher, d.Date = "PZ-002", today.AddDays(1) }, model.EInvalid},
			{"no date", func(d *model.Disbursement) { d.Voucher, d.Date = "PZ-002", model.Date{} }, model.EInvalid},
			{"no voucher", func(d *model.Disbursement) { d.Voucher = "  " }, model.EInvalid},
			{"unknown project", func(d *model.Disbursement) { d.Voucher, d.ProjectID = "PZ-002", 9999 }, model.ENotFound},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d := ok
				tt.edit(&d)
				_, err := db.CreatePayment(ctx, finance, d, false)
				if got := model.Kind(err); got != tt.kind {
					t.Errorf("kind = %q (%v), want %q", got, err, tt.kind)
				}
			})
		}
		got, err := db.ListPayments(ctx, model.PaymentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Amount != 12345 || got[0].CreatedBy != "caiwu" {
			t.Errorf("payments = %+v, want the one valid payment by caiwu", got)
		}
		audit, err := db.ProjectAudit(ctx, ids["MS-01"])
		if err != nil {
			t.Fatal(err)
		}
		if !hasAudit(audit, "payment", "create", "amount_wan", "", "0.012345", "") {
			t.Errorf("no audit row for the payment's amount in %+v", audit)
		}
	})
}

// hasAudit reports whether entries hold a row with these values.
func hasAudit(entries []model.AuditEntry, entity, action, field, old, new, note string) bool {
	for _, e := range entries {
		if e.Entity == entity && e.Action == action && e.Field == field && e.Old == old && e.New == new && e.Note == note {
			return true
		}
	}
	return false
}

func TestCorrectPayment(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		today := model.DateOf(moneyNow)
		p, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: ids["MS-01"], Date: today.AddDays(-3), Source: "县级配套", Amount: 100 * model.Wan, Voucher: "PZ-9"}, false)
		if err != nil {
			t.Fatal(err)
		}
		amount, future, source := 90*model.Wan, today.AddDays(1), "省级补助"
		zero := model.Money(0)
		tests := []struct {
			name string
			upd  model.PaymentUpdate
			kind string
		}{
			{"no reason", model.PaymentUpdate{Version: 1, Amount: &amount}, model.EInvalid},
			{"future date", model.PaymentUpdate{Version: 1, Date: &future, Reason: "录入错误"}, model.EInvalid},
			{"zero amount", model.PaymentUpdate{Version: 1, Amount: &zero, Reason: "录入错误"}, model.EInvalid},
			{"ok", model.PaymentUpdate{Version: 1, Amount: &amount, Source: &source, Reason: "凭证金额录入错误"}, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := db.CorrectPayment(ctx, finance, p.ID, tt.upd)
				if got := model.Kind(err); got != tt.kind {
					t.Errorf("kind = %q (%v), want %q", got, err, tt.kind)
				}
				got, err := db.ListPayments(ctx, model.PaymentFilter{ProjectID: ids["MS-01"]})
				if err != nil {
					t.Fatal(err)
				}
				if tt.kind != "" {
					if len(got) != 1 || got[0].Amount != p.Amount || got[0].Version != 1 {
						t.Errorf("after a refused correction: %+v, want the payment as recorded", got)
					}
					return
				}
				if len(got) != 1 || got[0].Amount != amount || got[0].Source != source || got[0].Date != p.Date {
					t.Errorf("after correction: %+v, want amount %d source %s date %s", got, amount, source, p.Date)
				}
				audit, err := db.ProjectAudit(ctx, ids["MS-01"])
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range []store.Change{{Field: "amount_wan", Old: "100", New: "90"}, {Field: "source", Old: "县级配套", New: "省级补助"}} {
					if !hasAudit(audit, "payment", "correct", c.Field, c.Old, c.New, "凭证金额录入错误") {
						t.Errorf("no correction audit %+v in %+v", c, audit)
					}
				}
			})
		}
		if _, err := db.CorrectPayment(ctx, finance, 9999, model.PaymentUpdate{Version: 1, Amount: &amount, Reason: "x"}); model.Kind(err) != model.ENotFound {
			t.Errorf("correcting an unknown payment: %v, want not_found", err)
		}
	})
}

func TestListPaymentsFilter(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		d := func(day int) model.Date { return model.NewDate(2020, time.May, day) }
		for i, p := range []struct {
			code string
			day  int
		}{{"MS-01", 1}, {"MS-01", 10}, {"MS-02", 10}, {"MS-01", 20}} {
			_, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: ids[p.code], Date: d(p.day), Amount: 1, Voucher: string(rune('A' + i))}, false)
			if err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			name string
			f    model.PaymentFilter
			want []string
		}{
			{"all", model.PaymentFilter{}, []string{"A", "B", "C", "D"}},
			{"project", model.PaymentFilter{ProjectID: ids["MS-01"]}, []string{"A", "B", "D"}},
			{"from", model.PaymentFilter{From: d(10)}, []string{"B", "C", "D"}},
			{"to", model.PaymentFilter{To: d(10)}, []string{"A", "B", "C"}},
			{"project and range", model.PaymentFilter{ProjectID: ids["MS-01"], From: d(2), To: d(19)}, []string{"B"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ps, err := db.ListPayments(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range ps {
					got = append(got, p.Voucher)
				}
				if len(got) != len(tt.want) {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
				for i := range got {
					if got[i] != tt.want[i] {
						t.Errorf("got %v, want %v", got, tt.want)
					}
				}
			})
		}
	})
}

func TestBudgetLines(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		id := ids["MS-01"]
		if _, err := db.SetBudgetLine(ctx, finance, id, 2019, "中央预算内投资", 3000*model.Wan); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetBudgetLine(ctx, finance, id, 2019, "中央预算内投资", 3200*model.Wan); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1800*model.Wan); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name   string
			year   int
			source string
			amount model.Money
		}{{"negative", 2020, "县级配套", -1}, {"no source", 2020, " ", 1}, {"bad year", 20, "县级配套", 1}} {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := db.SetBudgetLine(ctx, finance, id, tt.year, tt.source, tt.amount); model.Kind(err) != model.EInvalid {
					t.Errorf("got %v, want invalid", err)
				}
			})
		}
		if _, err := db.SetBudgetLine(ctx, finance, 9999, 2020, "县级配套", 1); model.Kind(err) != model.ENotFound {
			t.Errorf("unknown project: got %v, want not_found", err)
		}
		lines, err := db.ListBudgetLines(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) != 2 || lines[0].Amount != 3200*model.Wan || lines[1].Source != "县级配套" {
			t.Errorf("lines = %+v", lines)
		}
		if err := db.DeleteBudgetLine(ctx, finance, id, 2020, "县级配套"); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteBudgetLine(ctx, finance, id, 2020, "县级配套"); model.Kind(err) != model.ENotFound {
			t.Errorf("deleting twice: got %v, want not_found", err)
		}
		audit, err := db.ProjectAudit(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ action, field, old, new string }{
			{"create", "budget:2019:中央预算内投资", "", "3000"},
			{"update", "budget:2019:中央预算内投资", "3000", "3200"},
			{"delete", "budget:2020:县级配套", "1800", ""},
		} {
			if !hasAudit(audit, "budget", c.action, c.field, c.old, c.new, "") {
				t.Errorf("no audit %+v", c)
			}
		}

		got, err := db.SetBudget(ctx, finance, id, budgetVersion(t, db, id), []model.BudgetLine{{Year: 2021, Source: "福彩公益金", Amount: 5}, {Year: 2019, Source: "中央预算内投资", Amount: 3200 * model.Wan}})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Year != 2019 || got[1].Amount != 5 {
			t.Errorf("SetBudget = %+v, want the two given lines", got)
		}
		if _, err := db.SetBudget(ctx, finance, id, budgetVersion(t, db, id), []model.BudgetLine{{Year: 2021, Source: "a", Amount: 1}, {Year: 2021, Source: "a", Amount: 2}}); model.Kind(err) != model.EInvalid {
			t.Errorf("duplicate lines: got %v, want invalid", err)
		}
		if _, err := db.SetBudget(ctx, finance, id, budgetVersion(t, db, id), []model.BudgetLine{{Year: 2022, Source: "x", Amount: 1}, {Year: 2021, Source: "y", Amount: -1}}); model.Kind(err) != model.EInvalid {
			t.Errorf("negative line: got %v, want invalid", err)
		}
		if after, _ := db.ListBudgetLines(ctx, id); len(after) != 2 {
			t.Errorf("a failed SetBudget changed the lines: %+v", after)
		}
	})
}

// At 23:30 UTC it is already 07:30 of the next day in the county: a
// payment dated the county's today is accepted, one dated the day after
// is still in the future.
func TestPaymentDatedCountyToday(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		db.Now = func() time.Time { return time.Date(2020, time.June, 30, 23, 30, 0, 0, time.UTC) }
		countyToday := model.NewDate(2020, time.July, 1)
		if got := db.Today(); got != countyToday {
			t.Fatalf("Today() = %s, want %s", got, countyToday)
		}
		d := model.Disbursement{ProjectID: ids["MS-01"], Date: countyToday, Source: "县级配套", Amount: 100, Voucher: "TZ-1"}
		if _, err := db.CreatePayment(ctx, finance, d, false); err != nil {
			t.Fatalf("payment dated the county's today: %v", err)
		}
		d.Voucher, d.Date = "TZ-2", countyToday.AddDays(1)
		if _, err := db.CreatePayment(ctx, finance, d, false); model.Kind(err) != model.EInvalid {
			t.Errorf("payment dated tomorrow: err = %v, want invalid", err)
		}
		db.Zone = time.UTC
		d.Voucher, d.Date = "TZ-3", countyToday
		if _, err := db.CreatePayment(ctx, finance, d, false); model.Kind(err) != model.EInvalid {
			t.Errorf("with the zone UTC, payment dated %s: err = %v, want invalid", countyToday, err)
		}
	})
}

// Amounts stored before the bound existed (ten payments of
// 999,999,999,999.99 万元 overflow int64 fen when summed) make no list or
// report fail: totals stop at the end of the range.
func TestSumsNeverOverflow(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		huge, err := model.ParseWan("999999999999.99")
		if err == nil {
			t.Fatalf("ParseWan accepted %v 万元 beyond the bound", huge)
		}
		huge = model.Money(99999999999999 * 10000)
		var legacy []model.Disbursement
		for i := range 10 {
			legacy = append(legacy, model.Disbursement{ProjectID: ids["MS-01"], Date: model.DateOf(moneyNow), Source: "县级配套",
				Amount: huge, Voucher: fmt.Sprintf("OLD-%d", i)})
		}
		if err := store.GormCreate(ctx, db, legacy); err != nil {
			t.Fatal(err)
		}
		views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatalf("ListProjects: %v", err)
		}
		for _, v := range views {
			if v.ID == ids["MS-01"] && v.Spent != math.MaxInt64 {
				t.Errorf("spent = %d, want the int64 bound %d", v.Spent, int64(math.MaxInt64))
			}
		}
		data, err := db.ReportData(ctx, model.DateOf(moneyNow))
		if err != nil {
			t.Fatalf("ReportData: %v", err)
		}
		for _, p := range data.Projects {
			if p.Project.ID == ids["MS-01"] && p.Spent != math.MaxInt64 {
				t.Errorf("report spent = %d, want the int64 bound", p.Spent)
			}
		}
	})
}

func TestAmountBound(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		d := model.Disbursement{ProjectID: ids["MS-01"], Date: model.DateOf(moneyNow), Source: "县级配套", Amount: model.MaxAmount, Voucher: "MAX-1"}
		if _, err := db.CreatePayment(ctx, finance, d, true); err != nil {
			t.Fatalf("payment at the bound: %v", err)
		}
		d.Voucher, d.Amount = "MAX-2", model.MaxAmount+1
		if _, err := db.CreatePayment(ctx, finance, d, false); model.Kind(err) != model.EInvalid {
			t.Errorf("payment over the bound: %v, want invalid", err)
		}
		if _, err := db.SetBudgetLine(ctx, finance, ids["MS-01"], 2020, "县级配套", model.MaxAmount+1); model.Kind(err) != model.EInvalid {
			t.Errorf("budget line over the bound: %v, want invalid", err)
		}
	})
}

// budgetVersion is the current version of project id's budget breakdown.
func budgetVersion(t *testing.T, db *store.DB, id uint) int {
	t.Helper()
	v, err := db.BudgetVersion(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A ledger row naming an unregistered source is an error at its row
// naming the known ones; nothing is written.
func TestLedgerUnknownSource(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		seedMoneyProjects(t, db)
		set := &model.ImportSet{Payments: []model.PaymentRow{
			{Ref: model.Ref{File: "台账.xlsx", Sheet: "拨付", Row: 2}, ProjectCode: "MS-01", Date: model.DateOf(moneyNow), Source: "县级配套", Amount: 1, Voucher: "L-1"},
			{Ref: model.Ref{File: "台账.xlsx", Sheet: "拨付", Row: 3}, ProjectCode: "MS-01", Date: model.DateOf(moneyNow), Source: "某某基金", Amount: 1, Voucher: "L-2"},
		}}
		res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: finance, Kind: "ledger"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) != 1 || res.Errors[0].Row != 3 || !strings.Contains(res.Errors[0].Message, "某某基金") ||
			!strings.Contains(res.Errors[0].Message, "地方政府专项债券") {
			t.Fatalf("errors = %+v, want one at row 3 naming the source and the known ones", res.Errors)
		}
		if ps, _ := db.ListPayments(ctx, model.PaymentFilter{}); len(ps) != 0 {
			t.Errorf("payments stored: %+v", ps)
		}
	})
}

// A budget import that changes a line raises the breakdown's version: an
// editor holding the old one gets a conflict.
func TestBudgetImportRaisesVersion(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		id := ids["MS-01"]
		before := budgetVersion(t, db, id)
		set := &model.ImportSet{Budgets: []model.BudgetRow{
			{Ref: model.Ref{File: "预算.xlsx", Sheet: "预算", Row: 2}, ProjectCode: "MS-01", Year: 2020, Source: "县级配套", Amount: 100},
		}}
		if res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: finance, Kind: "budget"}); err != nil || len(res.Errors) > 0 {
			t.Fatalf("ApplyImport: %v %+v", err, res.Errors)
		}
		if _, err := db.SetBudget(ctx, finance, id, before, nil); model.CodeOf(err) != model.CodeStale {
			t.Errorf("replacing version %d after the import: %v, want a stale conflict", before, err)
		}
	})
}
