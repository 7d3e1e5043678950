package reports_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// seed imports two projects, the first overdue on its finish, and 100
// payments of 0.01 元 plus one of 123.456789 万元, all entered on
// 2020-06-30, the date the reports are written as of (money entered
// later does not exist as of that date).
func seed(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	db.Now = func() time.Time { return time.Date(2020, time.June, 30, 9, 0, 0, 0, time.Local) }
	inv := 5000 * model.Wan
	set := &model.ImportSet{Plans: []model.PlanRow{
		{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: 5}, Project: model.Project{Code: "MS-01", Name: "官舟片区养老服务中心", Annex: 1,
			Category: "养老服务中心", ResponsibleUnit: "县民政局", Investment: &inv,
			PlannedStart: model.MonthPlan(2018, time.December), PlannedFinish: model.MonthPlan(2019, time.December)}},
		{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件3", Row: 5}, Project: model.Project{Code: "FS-01", Name: "县城殡仪馆搬迁", Annex: 3,
			Category: "殡葬", Investment: &inv, PlannedFinish: model.YearPlan(2021)}},
	}}
	for i := range 100 {
		set.Payments = append(set.Payments, model.PaymentRow{Ref: model.Ref{Row: i + 2}, ProjectCode: "MS-01", Date: model.NewDate(2020, time.March, 1),
			Source: "福彩公益金", Amount: model.Fen, Voucher: fmt.Sprintf("V%d", i)})
	}
	set.Payments = append(set.Payments, model.PaymentRow{Ref: model.Ref{Row: 200}, ProjectCode: "FS-01", Date: model.NewDate(2020, time.June, 30),
		Source: "县级配套", Amount: 123456789, Voucher: "B1"})
	res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "mixed"})
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("ApplyImport: %v %v", err, res.Errors)
	}
}

func TestWriteFromStore(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		ctx := context.Background()
		asOf := model.NewDate(2020, time.June, 30)
		data, err := db.ReportData(ctx, asOf)
		if err != nil {
			t.Fatal(err)
		}
		var spent model.Money
		for _, p := range data.Projects {
			spent += p.Spent
		}
		if spent != 123456889 {
			t.Fatalf("stored spend = %d fen, want 123456889", spent)
		}

		f := open(t, func(b *bytes.Buffer) error { return reports.Write(ctx, b, db, reports.KindSpend, asOf) })
		// 养老服务中心 (row 4, subtotal 5) sorts before 殡葬 (row 6,
		// subtotal 7); the grand total is row 8.
		if got := calc(t, f, reports.SpendSheet, "F8"); got != spent.WanString() {
			t.Errorf("grand total of spend = %s, want the stored sum %s", got, spent.WanString())
		}
		if got := calc(t, f, reports.SpendSheet, "F5"); got != "0.0001" {
			t.Errorf("100 × 0.01 元 = %s 万元, want 0.0001", got)
		}

		f = open(t, func(b *bytes.Buffer) error { return reports.Write(ctx, b, db, reports.KindDelayed, asOf) })
		// Neither the start (due 2018-12-31) nor the finish (2019-12-31)
		// happened: two red alerts, the longer slip first.
		for c, want := range map[string]string{"B4": "MS-01", "E4": "开工", "H4": "547", "I4": "红", "E5": "完工", "H5": "182", "B6": ""} {
			if got := value(t, f, reports.DelayedSheet, c); got != want {
				t.Errorf("delayed %s = %q, want %q", c, got, want)
			}
		}

		f = open(t, func(b *bytes.Buffer) error { return reports.Write(ctx, b, db, reports.KindProgress, asOf) })
		if got := value(t, f, "附件3", "J6"); got != "2021年" {
			t.Errorf("progress 附件3!J6 = %q, want 2021年", got)
		}
		// 序时进度: MS-01 has not started 18 months after its planned
		// start (red, its whole duration elapsed); FS-01 has no planned
		// start (no lamp). Neither has an allocation: no 支出进度 lamp.
		for c, want := range map[string]string{"附件1!Q4": "序时进度", "附件1!Q5": "序时进度\n（%）", "附件1!R5": "进度灯", "附件1!Q6": "1", "附件1!R6": "红灯",
			"附件3!Q6": "", "附件3!R6": "—", "附件1!P5": "支出进度", "附件1!P6": "未下达", "附件3!P6": "未下达"} {
			sheet, ref, _ := strings.Cut(c, "!")
			if got := value(t, f, sheet, ref); got != want {
				t.Errorf("progress %s = %q, want %q", c, got, want)
			}
		}

		var b bytes.Buffer
		if err := reports.Write(ctx, &b, db, "budget", asOf); model.Kind(err) != model.EInvalid {
			t.Errorf("unknown kind: %v, want invalid", err)
		}
		if err := reports.Write(ctx, &b, db, reports.KindSpend, model.Date{}); model.Kind(err) != model.EInvalid {
			t.Errorf("no date: %v, want invalid", err)
		}
	})
}
