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

// TestPlanAsOf: a project's plan as of D is the one known at the end of
// D, through a re-import that changes it and the revert of that import;
// before the project was created, its first plan. Every as-of reader
// agrees: the project page, the list, its filters and their options,
// the dashboard,
// the reports' data, the alerts with a unit filter and the 督办 with
// theirs.
func TestPlanAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		on := func(y int, m time.Month, d int) {
			db.Now = func() time.Time { return time.Date(y, m, d, 10, 0, 0, 0, db.Zone) }
		}
		finish := model.MonthPlan(2021, time.December)
		plan := func(name, unit, category string, wan int64, cleared ...string) {
			t.Helper()
			inv := model.Money(wan) * model.Wan
			set := &model.ImportSet{Plans: []model.PlanRow{{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: 5}, Cleared: cleared,
				Project: model.Project{Code: "PA-01", Name: name, Annex: 1, Category: category, ResponsibleUnit: unit, Investment: &inv,
					PlannedStart: model.MonthPlan(2020, time.March), PlannedFinish: finish}}}}
			res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "plan"})
			if err != nil || len(res.Errors) > 0 {
				t.Fatalf("ApplyImport: %v %v", err, res.Errors)
			}
		}
		on(2020, time.June, 30)
		plan("官舟片区养老服务中心", "县民政局", "养老服务中心", 5000)
		plan("官舟片区养老服务中心", "县民政局", "养老服务中心", 5200) // the same day: the day's end is what counts
		raised := *datePtr("2020-06-30")
		{
			views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
			if err != nil || len(views) != 1 {
				t.Fatalf("projects: %v %v", views, err)
			}
			if _, err := db.RaiseSupervisions(ctx, model.Actor{User: "supervisor"}, model.SupervisionRaise{
				ProjectIDs: []uint{views[0].ID}, Reason: "开工滞后", Due: model.Deadline{Date: raised.AddDays(10)}}); err != nil {
				t.Fatalf("RaiseSupervisions: %v", err)
			}
		}
		on(2020, time.August, 1)
		finish = model.MonthPlan(2022, time.June)
		plan("官舟片区养老服务中心（一期）", "县住建局", "养老设施", 6000)
		retyped := lastBatch(t, db)
		on(2020, time.September, 1)
		revert(t, db, retyped)
		on(2020, time.October, 1)

		id := func() uint {
			views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
			if err != nil || len(views) != 1 {
				t.Fatalf("projects: %v %v", views, err)
			}
			return views[0].ID
		}()
		first := struct{ name, unit, category string }{"官舟片区养老服务中心", "县民政局", "养老服务中心"}
		second := struct{ name, unit, category string }{"官舟片区养老服务中心（一期）", "县住建局", "养老设施"}
		for _, tt := range []struct {
			asOf string
			want struct{ name, unit, category string }
			wan  int64
		}{
			{"2019-01-01", first, 5200}, // before it was typed in: its first plan
			{"2020-06-30", first, 5200},
			{"2020-07-31", first, 5200},
			{"2020-08-01", second, 6000},
			{"2020-08-31", second, 6000},
			{"2020-09-01", first, 5200}, // reverted
			{"2020-10-01", first, 5200}, // today
		} {
			d := *datePtr(tt.asOf)
			v, err := db.ProjectAsOf(ctx, id, d)
			if err != nil {
				t.Fatal(err)
			}
			if v.Name != tt.want.name || v.ResponsibleUnit != tt.want.unit || v.Category != tt.want.category || v.Investment == nil || *v.Investment != model.Money(tt.wan)*model.Wan {
				t.Errorf("ProjectAsOf %s = %s %s %s %v, want %v %d 万元", d, v.Name, v.ResponsibleUnit, v.Category, v.Investment, tt.want, tt.wan)
			}
			for _, unit := range []string{first.unit, second.unit} {
				_, n, err := db.ListProjects(ctx, model.ProjectFilter{AsOf: d, Unit: unit})
				if err != nil {
					t.Fatal(err)
				}
				if want := unit == tt.want.unit; (n == 1) != want {
					t.Errorf("ListProjects as of %s, unit %s: %d projects, want the project: %v", d, unit, n, want)
				}
				svs, n, err := db.ListSupervisions(ctx, model.SupervisionFilter{AsOf: d, Unit: unit})
				if err != nil {
					t.Fatal(err)
				}
				if want := unit == tt.want.unit && !d.Before(raised); (n == 1) != want {
					t.Errorf("ListSupervisions as of %s, unit %s: %d, want the 督办: %v", d, unit, n, want)
				}
				for _, v := range svs {
					if v.ProjectName != tt.want.name || v.ResponsibleUnit != tt.want.unit {
						t.Errorf("ListSupervisions as of %s: 督办 of %s %s, want %v", d, v.ProjectName, v.ResponsibleUnit, tt.want)
					}
				}
				page, err := db.AlertPage(ctx, model.AlertQuery{AsOf: d, Band: -1, Unit: unit, YellowMax: 7, OrangeMax: 30, StaleDays: 45}, 10)
				if err != nil {
					t.Fatal(err)
				}
				// The start, due in March 2020, is open on every date.
				if n := page.Counts[0] + page.Counts[1] + page.Counts[2]; d.After(*datePtr("2020-03-31")) && (n > 0) != (unit == tt.want.unit) {
					t.Errorf("AlertPage as of %s, unit %s: %d alerts, want some: %v", d, unit, n, unit == tt.want.unit)
				}
				for _, m := range page.Facts.Milestones {
					if m.ResponsibleUnit != tt.want.unit || m.ProjectFact.Name != tt.want.name {
						t.Errorf("AlertPage as of %s: alert of %s %s, want %v", d, m.ProjectFact.Name, m.ResponsibleUnit, tt.want)
					}
				}
			}
			opts, err := db.ProjectFilterOptions(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(opts.Units, tt.want.unit) || !slices.Contains(opts.Categories, tt.want.category) {
				t.Errorf("ProjectFilterOptions as of %s: units %v categories %v, want %s and %s among them", d, opts.Units, opts.Categories, tt.want.unit, tt.want.category)
			}
			dash, err := db.Dashboard(ctx, model.AlertQuery{AsOf: d, YellowMax: 7, OrangeMax: 30, StaleDays: 45})
			if err != nil {
				t.Fatal(err)
			}
			if dash.Categories[tt.want.category] != 1 || dash.Plan != model.Money(tt.wan)*model.Wan {
				t.Errorf("Dashboard as of %s: categories %v plan %v, want %s and %d 万元", d, dash.Categories, dash.Plan, tt.want.category, tt.wan)
			}
			paces, err := db.PaceFacts(ctx, d, []uint{id})
			if err != nil {
				t.Fatal(err)
			}
			if want := 2021; tt.wan == 6000 && paces[0].PlannedFinish.Date.Year != 2022 || tt.wan != 6000 && paces[0].PlannedFinish.Date.Year != want || paces[0].ResponsibleUnit != tt.want.unit {
				t.Errorf("PaceFacts as of %s: planned finish %s unit %s, want the plan of %v", d, paces[0].PlannedFinish, paces[0].ResponsibleUnit, tt.want)
			}
			data, err := db.ReportData(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if p := data.Projects[0]; p.Project.Name != tt.want.name || p.Plan != model.Money(tt.wan)*model.Wan {
				t.Errorf("ReportData as of %s: %s plan %v, want %s %d 万元", d, p.Project.Name, p.Plan, tt.want.name, tt.wan)
			}
			facts, err := db.AlertFacts(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range facts.Milestones {
				if m.ResponsibleUnit != tt.want.unit {
					t.Errorf("AlertFacts as of %s: unit %s, want %s", d, m.ResponsibleUnit, tt.want.unit)
				}
			}
		}
	})
}
