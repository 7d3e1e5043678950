package store_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// at is 10:00 local time on y-m-d.
func at(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.Local) }

func pct(s string) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: decimal.RequireFromString(s), Valid: true}
}

// seedReportData fills db with the facts TestReportData checks, as of
// 2020-06-30, with facts on both sides of that date.
func seedReportData(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	setNow := func(tm time.Time) { db.Now = func() time.Time { return tm } }
	setNow(at(2020, time.July, 10))
	inv1, inv2 := 5000*model.Wan, 3000*model.Wan
	projects := []model.Project{
		{ID: 1, Code: "MS-01", Name: "官舟片区养老服务中心", Annex: 1, Category: "养老服务中心", Investment: &inv1},
		{ID: 2, Code: "MS-02", Name: "洪渡片区养老服务中心", Annex: 1, Category: "养老服务中心", Investment: &inv2},
		{ID: 3, Code: "FS-01", Name: "县城殡仪馆搬迁", Annex: 3, Category: "殡葬"},
	}
	milestones := []model.Milestone{
		{ProjectID: 1, Kind: model.MilestoneStart, Name: "start", Actual: model.NewDate(2019, time.December, 1)},
		{ProjectID: 1, Kind: model.MilestoneFinish, Name: "finish", Actual: model.NewDate(2020, time.July, 2)},
		{ProjectID: 3, Kind: model.MilestoneStart, Name: "start", Actual: model.NewDate(2020, time.June, 30)},
	}
	reports := []model.ProgressReport{
		{ProjectID: 1, ReportDate: model.NewDate(2020, time.May, 1), Percent: pct("40"), Problems: "征地"},
		{ProjectID: 1, ReportDate: model.NewDate(2020, time.June, 30), Percent: pct("55.5"), Problems: "资金未到位"},
		{ProjectID: 1, ReportDate: model.NewDate(2020, time.July, 1), Percent: pct("80"), Problems: "later"},
		{ProjectID: 2, ReportDate: model.NewDate(2020, time.June, 1), Percent: pct("10"), Problems: "first"},
		{ProjectID: 2, ReportDate: model.NewDate(2020, time.June, 1), Percent: pct("12"), Problems: "second"},
	}
	if err := db.LoadTracking(ctx, projects, milestones, reports); err != nil {
		t.Fatal(err)
	}
	var payments []model.PaymentRow
	for i := range 100 { // 100 payments of 0.01 元
		payments = append(payments, model.PaymentRow{ProjectCode: "MS-01", Date: model.NewDate(2020, time.January, 1+i%28), Source: "福彩公益金", Amount: model.Fen, Voucher: fmt.Sprintf("V%03d", i)})
	}
	payments = append(payments,
		model.PaymentRow{ProjectCode: "MS-02", Date: model.NewDate(2020, time.June, 30), Source: "县级配套", Amount: 123456789, Voucher: "B1"},
		model.PaymentRow{ProjectCode: "MS-02", Date: model.NewDate(2020, time.March, 3), Amount: 5, Voucher: "B2"},
		model.PaymentRow{ProjectCode: "MS-02", Date: model.NewDate(2020, time.March, 3), Source: "某某基金", Amount: 7, Voucher: "B3"},
	)
	for i := range payments {
		payments[i].Ref = model.Ref{File: "台账.xlsx", Sheet: "拨付", Row: i + 2}
	}
	if _, err := db.AddFundingSource(ctx, model.Actor{User: "admin"}, "某某基金"); err != nil {
		t.Fatal(err)
	}
	// The ledger and the budget are entered on D (2020-06-30), a later
	// payment after it: as of D only what was entered by then counts.
	setNow(at(2020, time.June, 30))
	importLedger := func(payments []model.PaymentRow) {
		t.Helper()
		res, err := db.ApplyImport(ctx, &model.ImportSet{Payments: payments}, model.ApplyOptions{Actor: model.Actor{User: "caiwu"}, Kind: "ledger"})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("ApplyImport: %v %v", err, res.Errors)
		}
	}
	importLedger(payments)
	if _, err := db.SetBudgetLine(ctx, finance, 1, 2019, "中央预算内投资", 3000*model.Wan); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetBudgetLine(ctx, finance, 1, 2020, "县级配套", 1800*model.Wan); err != nil {
		t.Fatal(err)
	}
	setNow(at(2020, time.July, 10))
	importLedger([]model.PaymentRow{{Ref: model.Ref{File: "台账.xlsx", Sheet: "拨付", Row: 200}, ProjectCode: "MS-01", Date: model.NewDate(2020, time.July, 5), Source: "福彩公益金", Amount: model.Wan, Voucher: "LATE"}})

	sup := model.Actor{User: "ducha", Source: "api"}
	raise := func(when time.Time, project uint, reason string) model.Supervision {
		setNow(when)
		s, err := db.RaiseSupervisions(ctx, sup, model.SupervisionRaise{ProjectIDs: []uint{project}, Reason: reason,
			Due: model.Deadline{Date: model.DateOf(when).AddDays(10)}})
		if err != nil {
			t.Fatal(err)
		}
		return s[0]
	}
	closeAt := func(when time.Time, s model.Supervision) {
		setNow(when)
		if _, err := db.StepSupervision(ctx, sup, s.ID, model.StepClose, model.SupervisionStep{Body: "已整改"}); err != nil {
			t.Fatal(err)
		}
	}
	s1 := raise(at(2020, time.June, 1), 1, "进度滞后")
	raise(at(2020, time.June, 10), 1, "资金拨付慢")
	s4 := raise(at(2020, time.May, 1), 2, "已办结")
	raise(at(2020, time.July, 2), 1, "as-of 之后")
	closeAt(at(2020, time.June, 15), s4)
	closeAt(at(2020, time.July, 5), s1) // closed after D: open as of D
}

func TestReportData(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seedReportData(t, db)
		got, err := db.ReportData(context.Background(), model.NewDate(2020, time.June, 30))
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"福彩公益金", "县级配套", "某某基金", ""}; !reflect.DeepEqual(got.Sources, want) {
			t.Errorf("sources = %q, want %q", got.Sources, want)
		}
		if len(got.Projects) != 3 {
			t.Fatalf("%d projects, want 3", len(got.Projects))
		}
		type view struct {
			Code                      string
			Plan                      model.Money
			PlanKnown, FromBudget     bool
			Spent                     model.Money
			BySource                  map[string]model.Money
			Progress, Problems        string
			ActualStart, ActualFinish model.Date
			Open                      int
			Latest                    string
		}
		want := []view{
			{"MS-01", 4800 * model.Wan, true, true, 100, map[string]model.Money{"福彩公益金": 100}, "55.5", "资金未到位",
				model.NewDate(2019, time.December, 1), model.Date{}, 2, "资金拨付慢"},
			{"MS-02", 3000 * model.Wan, true, false, 123456801, map[string]model.Money{"县级配套": 123456789, "": 5, "某某基金": 7}, "12", "second",
				model.Date{}, model.Date{}, 0, ""},
			{"FS-01", 0, false, false, 0, nil, "", "", model.NewDate(2020, time.June, 30), model.Date{}, 0, ""},
		}
		for i, w := range want {
			t.Run(w.Code, func(t *testing.T) {
				f := got.Projects[i]
				progress := ""
				if f.Progress.Valid {
					progress = f.Progress.Decimal.String()
				}
				g := view{f.Project.Code, f.Plan, f.PlanKnown, f.PlanFromBudget, f.Spent, f.SpentBySource, progress, f.Problems,
					f.ActualStart, f.ActualFinish, f.OpenSupervisions, f.LatestSupervision}
				if !reflect.DeepEqual(g, w) {
					t.Errorf("got  %+v\nwant %+v", g, w)
				}
			})
		}
	})
}

func TestReportDataEmpty(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		got, err := db.ReportData(context.Background(), model.NewDate(2020, time.June, 30))
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Projects) != 0 || len(got.Sources) != 0 {
			t.Errorf("empty database: got %+v, want no projects and no sources", got)
		}
	})
}
