package store_test

import (
	"context"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestAlertFacts(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		asOf := model.NewDate(2020, time.March, 1)
		before, after := asOf.AddDays(-1), asOf.AddDays(1)
		projects := []model.Project{
			{ID: 1, Code: "P1", Name: "敬老院", ResponsibleUnit: "县民政局", Township: "官舟镇", Category: "养老服务"},
			{ID: 2, Code: "P2", Name: "殡仪馆"},
			{ID: 3, Code: "P3", Name: "公墓"},
			{ID: 4, Code: "P4", Name: "未开工"},
		}
		milestones := []model.Milestone{
			// P1: started, unfinished.
			{ID: 11, ProjectID: 1, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2019, time.June), Actual: model.NewDate(2019, time.July, 2)},
			{ID: 12, ProjectID: 1, Kind: "stage", Name: "主体完工", Seq: 2, Baseline: model.DayPlan(before)},                  // overdue
			{ID: 13, ProjectID: 1, Kind: "stage", Name: "竣工验收", Seq: 3, Baseline: model.DayPlan(asOf)},                    // due today: not overdue
			{ID: 14, ProjectID: 1, Kind: "stage", Name: "投入使用", Seq: 4, Baseline: model.DayPlan(before), Actual: asOf},    // achieved on the day
			{ID: 15, ProjectID: 1, Kind: "finish", Name: "finish", Seq: 5, Baseline: model.YearPlan(2019), Actual: after}, // achieved after: still open
			// P2: started, not due, forecast late; one forecast early.
			{ID: 21, ProjectID: 2, Kind: "start", Name: "start", Seq: 1, Baseline: model.YearPlan(2019), Actual: model.NewDate(2020, time.January, 5)},
			{ID: 22, ProjectID: 2, Kind: "finish", Name: "finish", Seq: 2, Baseline: model.YearPlan(2021), Forecast: model.NewDate(2022, time.March, 1)},
			{ID: 23, ProjectID: 2, Kind: "stage", Name: "主体完工", Seq: 3, Baseline: model.YearPlan(2021), Forecast: model.NewDate(2021, time.March, 1)},
			// P3: started and finished as of the date.
			{ID: 31, ProjectID: 3, Kind: "start", Name: "start", Seq: 1, Baseline: model.YearPlan(2019), Actual: model.NewDate(2019, time.March, 5)},
			{ID: 32, ProjectID: 3, Kind: "finish", Name: "finish", Seq: 2, Baseline: model.YearPlan(2019), Actual: before},
			// P4: starts after the date; no baseline for its finish.
			{ID: 41, ProjectID: 4, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2020, time.January), Actual: after},
			{ID: 42, ProjectID: 4, Kind: "finish", Name: "finish", Seq: 2, Forecast: after},
		}
		reports := []model.ProgressReport{
			{ProjectID: 1, ReportDate: model.NewDate(2019, time.December, 1)},
			{ProjectID: 1, ReportDate: model.NewDate(2020, time.January, 20)},
			{ProjectID: 1, ReportDate: after},
			{ProjectID: 2, ReportDate: after},
		}
		if err := db.LoadTracking(ctx, projects, milestones, reports); err != nil {
			t.Fatal(err)
		}
		facts, err := db.AlertFacts(ctx, asOf)
		if err != nil {
			t.Fatal(err)
		}
		p1 := model.ProjectFact{ProjectID: 1, Code: "P1", Name: "敬老院", ResponsibleUnit: "县民政局", Township: "官舟镇", Category: "养老服务"}
		p2 := model.ProjectFact{ProjectID: 2, Code: "P2", Name: "殡仪馆"}
		p4 := model.ProjectFact{ProjectID: 4, Code: "P4", Name: "未开工"}
		wantMilestones := []model.MilestoneFact{
			{ProjectFact: p1, MilestoneID: 12, Kind: "stage", Name: "主体完工", Seq: 2, Baseline: model.DayPlan(before)},
			{ProjectFact: p1, MilestoneID: 15, Kind: "finish", Name: "finish", Seq: 5, Baseline: model.YearPlan(2019), Actual: after},
			{ProjectFact: p2, MilestoneID: 22, Kind: "finish", Name: "finish", Seq: 2, Baseline: model.YearPlan(2021), Forecast: model.NewDate(2022, time.March, 1)},
			{ProjectFact: p4, MilestoneID: 41, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2020, time.January), Actual: after},
		}
		sort.Slice(facts.Milestones, func(i, j int) bool { return facts.Milestones[i].MilestoneID < facts.Milestones[j].MilestoneID })
		if !reflect.DeepEqual(facts.Milestones, wantMilestones) {
			t.Errorf("milestones:\ngot  %+v\nwant %+v", facts.Milestones, wantMilestones)
		}
		wantStarted := []model.ProgressFact{
			{ProjectFact: p1, ActualStart: model.NewDate(2019, time.July, 2), LastReport: model.NewDate(2020, time.January, 20)},
			{ProjectFact: p2, ActualStart: model.NewDate(2020, time.January, 5)},
		}
		sort.Slice(facts.Started, func(i, j int) bool { return facts.Started[i].ProjectID < facts.Started[j].ProjectID })
		if !reflect.DeepEqual(facts.Started, wantStarted) {
			t.Errorf("started:\ngot  %+v\nwant %+v", facts.Started, wantStarted)
		}
	})
}

func TestAlertFactsNeedsDate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		_, err := db.AlertFacts(context.Background(), model.Date{})
		if got, want := model.Kind(err), model.EInvalid; got != want {
			t.Errorf("got kind %q (%v), want %q", got, err, want)
		}
	})
}

func TestLoadTrackingAllOrNothing(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		projects := []model.Project{{ID: 1, Code: "P1", Name: "敬老院"}, {ID: 2, Code: "P1", Name: "重复编号"}}
		milestones := []model.Milestone{{ProjectID: 1, Kind: "start", Name: "start", Baseline: model.YearPlan(2019)}}
		if err := db.LoadTracking(ctx, projects, milestones, nil); err == nil {
			t.Fatal("got no error for a duplicate code, want one")
		}
		facts, err := db.AlertFacts(ctx, model.NewDate(2020, time.March, 1))
		if err != nil {
			t.Fatal(err)
		}
		if len(facts.Milestones) != 0 {
			t.Errorf("got %d milestones after a failed load, want 0", len(facts.Milestones))
		}
	})
}
