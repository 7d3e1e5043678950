package reports_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func download(t *testing.T, db *store.DB, id uint) map[string][][]string {
	t.Helper()
	ib, err := reports.LoadBulletin(context.Background(), db, id)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := reports.WriteBulletin(&buf, ib.Bulletin, ib.Edition); err != nil {
		t.Fatal(err)
	}
	return testbook.Cells(t, buf.Bytes())
}

func TestBulletinFrozen(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		seed(t, db)
		at := func(y int, m time.Month, d int) {
			db.Now = func() time.Time { return time.Date(y, m, d, 2, 0, 0, 0, time.UTC) }
		}
		mgr, sup := model.Actor{User: "mgr", Source: "api"}, model.Actor{User: "sup", Source: "api"}
		ms, err := db.ProjectMilestones(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		start := model.NewDate(2019, time.January, 10)
		at(2019, time.January, 10)
		if _, err := db.UpdateMilestone(ctx, mgr, ms[0].ID, model.MilestoneUpdate{ActualDate: &start, Version: ms[0].Version}); err != nil {
			t.Fatal(err)
		}
		progress := func(date model.Date, pct int64) {
			if _, err := db.AddProgressReport(ctx, mgr, 1, model.ProgressReport{ReportDate: date, Percent: decimal.NewNullDecimal(decimal.NewFromInt(pct))}); err != nil {
				t.Fatal(err)
			}
		}
		at(2020, time.May, 31)
		progress(model.NewDate(2020, time.May, 31), 60)
		at(2020, time.June, 10)
		svs, err := db.RaiseSupervisions(ctx, sup, model.SupervisionRaise{ProjectIDs: []uint{1}, Reason: "完工滞后", Due: model.Deadline{WorkingDays: 5}})
		if err != nil {
			t.Fatal(err)
		}
		at(2020, time.July, 1)
		june, err := reports.IssueBulletin(ctx, db, sup, "2020-06")
		if err != nil {
			t.Fatal(err)
		}
		got := download(t, db, june.ID)
		ranking := got["单位排名"]
		// Lead, title, as-of line, header, then the units worst first.
		if len(ranking) < 5 || !slices.Equal(ranking[4][:7], []string{"1", "县民政局", "1", "0", "0", "1", "1"}) {
			t.Errorf("ranking = %q", ranking)
		}
		if changes := got["滞后变化"]; len(changes) != 5 || changes[4][0] != "新增滞后" || changes[4][6] != "红灯" {
			t.Errorf("changes = %q", changes)
		}
		if sv := got["督办情况"]; len(sv) != 4 || sv[3][0] != "本月交办" || sv[3][4] != "完工滞后" {
			t.Errorf("督办 = %q", sv)
		}

		// Later edits: progress dated in June, the 督办 closed, the plan
		// re-imported with another unit, a June payment, the thresholds
		// loosened. A fresh draft of June changes (not its unit, known
		// only in July); the issued 通报 downloads the same.
		at(2020, time.July, 2)
		progress(model.NewDate(2020, time.June, 29), 95)
		for _, action := range []string{model.StepSign, model.StepReply, model.StepAccept} {
			if _, err := db.StepSupervision(ctx, sup, svs[0].ID, action, model.SupervisionStep{Body: "已整改"}); err != nil {
				t.Fatal(err)
			}
		}
		inv := 5000 * model.Wan
		res, err := db.ApplyImport(ctx, &model.ImportSet{
			Plans: []model.PlanRow{{Ref: model.Ref{File: "plan2.xlsx", Sheet: "附件1", Row: 5}, Project: model.Project{Code: "MS-01", Name: "官舟片区养老服务中心", Annex: 1,
				Category: "养老服务中心", ResponsibleUnit: "县卫生健康局", Investment: &inv,
				PlannedStart: model.MonthPlan(2018, time.December), PlannedFinish: model.MonthPlan(2019, time.December)}}},
			Payments: []model.PaymentRow{{Ref: model.Ref{File: "ledger.xlsx", Row: 2}, ProjectCode: "MS-01", Date: model.NewDate(2020, time.June, 15),
				Source: "福彩公益金", Amount: 1000 * model.Wan, Voucher: "J1"}},
		}, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "mixed"})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("ApplyImport: %v %v", err, res.Errors)
		}
		db.Pace = model.PaceLamps{Yellow: 50, Red: 90}
		draft, err := reports.BuildBulletin(ctx, db, "2020-06")
		// The new unit is known from July 2: June's draft keeps the unit
		// known at its end, for its projects and its 督办 alike.
		if err != nil || len(draft.Late) != 0 || draft.Units[0].Unit != "县民政局" || draft.Units[0].OpenSupervs != 1 ||
			slices.ContainsFunc(draft.Units, func(u reports.BulletinUnit) bool { return u.Unit == "县卫生健康局" }) {
			t.Errorf("a fresh draft of June = %+v (%v), want the unit of June and nothing late under the new thresholds", draft, err)
		}
		if again := download(t, db, june.ID); !testbook.SameCells(again, got) {
			t.Errorf("issued 通报 changed after later edits:\n%q\nwas\n%q", again, got)
		}
		db.Pace = model.DefaultPaceLamps()

		// July against June: back on track. Issued twice: both kept.
		at(2020, time.August, 1)
		july, err := reports.IssueBulletin(ctx, db, sup, "2020-07")
		if err != nil {
			t.Fatal(err)
		}
		jb, err := reports.LoadBulletin(ctx, db, july.ID)
		if err != nil || jb.Previous != "2020-06" || len(jb.BackOnTrack) != 1 || len(jb.NewlyLate) != 0 || len(jb.Closed) != 1 {
			t.Errorf("July = %+v, %v; want 1 back on track against June, 1 closed", jb.Bulletin, err)
		}
		again, err := reports.IssueBulletin(ctx, db, sup, "2020-07")
		if err != nil || again.Edition != 2 {
			t.Fatalf("re-issue = %+v, %v; want edition 2", again, err)
		}
		list, err := db.Bulletins(ctx)
		if err != nil || len(list) != 3 || list[0].ID != again.ID || list[1].ID != july.ID || list[1].SupersededBy == nil || *list[1].SupersededBy != again.ID || list[0].Data != "" {
			t.Errorf("bulletins = %+v, %v", list, err)
		}
		if title := download(t, db, again.ID)["单位排名"][1][0]; title != "2020年7月民生工程项目推进情况通报（更正版·第2版）" {
			t.Errorf("re-issue title = %q", title)
		}
	})
}
