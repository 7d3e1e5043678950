package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestRedFilterForecastLearntLater: the red filter as of D reads the
// state rows of the projects whose facts were all known on D, and a red
// forecast entered after D is not one of them: as of D the project is
// not red, as of the day it was entered it is.
func TestRedFilterForecastLearntLater(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		db.Now = func() time.Time { return time.Date(2020, time.July, 1, 10, 0, 0, 0, db.Zone) }
		var rows []model.PlanRow
		for i, code := range []string{"RF-01", "RF-02", "RF-03"} {
			rows = append(rows, model.PlanRow{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: 5 + i}, Project: model.Project{
				Code: code, Name: "红色预警测试项目" + code, Annex: 1, ResponsibleUnit: "县民政局",
				PlannedStart: model.MonthPlan(2021, time.January), PlannedFinish: model.MonthPlan(2021, time.December)}})
		}
		if res, err := db.ApplyImport(ctx, &model.ImportSet{Plans: rows}, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "plan"}); err != nil || len(res.Errors) > 0 {
			t.Fatalf("ApplyImport: %v %v", err, res.Errors)
		}
		views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil || len(views) != 3 {
			t.Fatalf("projects: %v %v", views, err)
		}
		ms, err := db.ProjectMilestones(ctx, views[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		finish := ms[len(ms)-1]
		db.Now = func() time.Time { return time.Date(2020, time.August, 1, 10, 0, 0, 0, db.Zone) }
		forecast := model.NewDate(2022, time.June, 30) // 181 days past the planned finish: red
		if _, err := db.UpdateMilestone(ctx, model.Actor{User: "manager", Source: "web"}, finish.ID, model.MilestoneUpdate{ForecastDate: &forecast, Version: finish.Version}); err != nil {
			t.Fatal(err)
		}
		red := func(d model.Date) []uint {
			t.Helper()
			q := model.AlertQuery{AsOf: d, Band: -1, YellowMax: 30, OrangeMax: 90, StaleDays: 45}
			got, total, err := db.ListProjects(ctx, model.ProjectFilter{AsOf: d, State: &model.StateFilter{Alerts: q, Worst: 3}})
			if err != nil {
				t.Fatal(err)
			}
			var ids []uint
			for _, v := range got {
				ids = append(ids, v.ID)
			}
			if total != int64(len(ids)) {
				t.Errorf("red as of %s: total %d for %v", d, total, ids)
			}
			return ids
		}
		if got := red(model.NewDate(2020, time.July, 15)); len(got) != 0 {
			t.Errorf("red as of 2020-07-15, before the forecast was entered: %v, want none", got)
		}
		if got := red(model.NewDate(2020, time.August, 1)); !slices.Equal(got, []uint{views[0].ID}) {
			t.Errorf("red as of 2020-08-01: %v, want %d", got, views[0].ID)
		}
	})
}
