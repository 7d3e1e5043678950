package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// today is the fixed "now" of the tracking tests.
var today = time.Date(2024, 6, 15, 10, 0, 0, 0, time.UTC)

// seeded is what seedProject stored.
type seeded struct{ project, start, finish uint }

// seedProject stores a project of unit with a start milestone (due
// 2024-03) and a finish milestone (due 2025-06), and freezes db.Now at
// today.
func seedProject(t *testing.T, db *store.DB, unit string) seeded {
	t.Helper()
	ctx := context.Background()
	db.Now = func() time.Time { return today }
	p := model.Project{Code: "A1-" + unit, Name: unit + "养老服务中心", Annex: 1, ResponsibleUnit: unit,
		PlannedStart: model.MonthPlan(2024, 3), PlannedFinish: model.MonthPlan(2025, 6)}
	if err := db.LoadTracking(ctx, []model.Project{p}, nil, nil); err != nil {
		t.Fatalf("LoadTracking: %v", err)
	}
	ps, _, err := db.ListProjects(ctx, model.ProjectFilter{Unit: unit})
	if err != nil || len(ps) != 1 {
		t.Fatalf("ListProjects = %v, %v", ps, err)
	}
	id := ps[0].ID
	ms := []model.Milestone{
		{ProjectID: id, Kind: model.MilestoneStart, Name: model.MilestoneStart, Seq: 1, Baseline: p.PlannedStart, Version: 1},
		{ProjectID: id, Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Seq: 2, Baseline: p.PlannedFinish, Version: 1},
	}
	if err := db.LoadTracking(ctx, nil, ms, nil); err != nil {
		t.Fatalf("LoadTracking: %v", err)
	}
	got, err := db.ProjectMilestones(ctx, id)
	if err != nil || len(got) != 2 {
		t.Fatalf("ProjectMilestones = %v, %v", got, err)
	}
	return seeded{project: id, start: got[0].ID, finish: got[1].ID}
}

func datePtr(s string) *model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func strPtr(s string) *string { return &s }

var api = model.Actor{User: "mgr", Source: "api"}

// step is one milestone update: of the start (1), the finish (2) or an
// unknown milestone (99).
type step struct {
	id  uint
	upd model.MilestoneUpdate
}

func (sd seeded) milestone(id uint) uint {
	switch id {
	case 1:
		return sd.start
	case 2:
		return sd.finish
	}
	return sd.finish + 100
}

// Each case on a project of its own, after the updates it is given.
func TestUpdateMilestone(t *testing.T) {
	startToday := step{1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 1}}
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for i, tc := range []struct {
			name        string
			given       []step
			do          step
			kind        string // error kind; "" = success
			wantVersion int
		}{
			{"nothing to change", nil, step{1, model.MilestoneUpdate{Version: 1}}, model.EInvalid, 0},
			{"actual in the future", nil, step{1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-16"), Version: 1}}, model.EInvalid, 0},
			{"actual today", nil, startToday, "", 2},
			{"stale version", []step{startToday}, step{1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-01"), Version: 1}}, model.EConflict, 0},
			{"finish before start", []step{startToday}, step{2, model.MilestoneUpdate{ActualDate: datePtr("2024-06-14"), Version: 1}}, model.EInvalid, 0},
			{"slip reason not in list", nil, step{2, model.MilestoneUpdate{SlipReason: strPtr("天气"), Version: 1}}, model.EInvalid, 0},
			{"forecast and reason", nil, step{2, model.MilestoneUpdate{ForecastDate: datePtr("2025-12-31"), SlipReason: strPtr("资金"), Version: 1}}, "", 2},
			{"finish on start day", []step{startToday}, step{2, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 1}}, "", 2},
			{"start restated on finish day", []step{startToday, {2, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 1}}},
				step{1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 2}}, "", 3},
			{"clear forecast", []step{{2, model.MilestoneUpdate{ForecastDate: datePtr("2025-12-31"), Version: 1}}},
				step{2, model.MilestoneUpdate{ForecastDate: &model.Date{}, Version: 2}}, "", 3},
			{"unknown milestone", nil, step{99, model.MilestoneUpdate{ActualDate: datePtr("2024-06-01"), Version: 1}}, model.ENotFound, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				sd := seedProject(t, db, fmt.Sprintf("单位%d", i))
				for _, g := range tc.given {
					if _, err := db.UpdateMilestone(ctx, api, sd.milestone(g.id), g.upd); err != nil {
						t.Fatalf("given %+v: %v", g, err)
					}
				}
				m, err := db.UpdateMilestone(ctx, api, sd.milestone(tc.do.id), tc.do.upd)
				if got := model.Kind(err); got != tc.kind {
					t.Fatalf("UpdateMilestone error kind = %q (%v), want %q", got, err, tc.kind)
				}
				if tc.kind == "" && m.Version != tc.wantVersion {
					t.Errorf("version = %d, want %d", m.Version, tc.wantVersion)
				}
			})
		}
	})
}

// A run of updates leaves the milestones as the last one says and audits
// each field that changed, once, in order.
func TestUpdateMilestoneAudit(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		for _, st := range []step{
			{1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 1}},
			{2, model.MilestoneUpdate{ForecastDate: datePtr("2025-12-31"), SlipReason: strPtr("资金"), Version: 1}},
			{2, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 2}},
			{1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 2}},
			{2, model.MilestoneUpdate{ForecastDate: &model.Date{}, Version: 3}},
		} {
			if _, err := db.UpdateMilestone(ctx, api, sd.milestone(st.id), st.upd); err != nil {
				t.Fatalf("UpdateMilestone %+v: %v", st, err)
			}
		}
		m, err := db.GetMilestone(ctx, sd.finish)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := m.Actual.String(), "2024-06-15"; got != want {
			t.Errorf("finish actual = %q, want %q", got, want)
		}
		if !m.Forecast.IsZero() || m.SlipReason != "资金" {
			t.Errorf("finish forecast, reason = %q, %q; want cleared, 资金", m.Forecast, m.SlipReason)
		}
		es, err := db.ProjectAudit(ctx, sd.project)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, e.Field+":"+e.Old+">"+e.New)
		}
		want := []string{
			"actual_date:>2024-06-15",
			"forecast_date:>2025-12-31", "slip_reason:>资金",
			"actual_date:>2024-06-15",
			"forecast_date:2025-12-31>",
		}
		if !equal(got, want) {
			t.Errorf("audit = %q, want %q", got, want)
		}
	})
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Two editors who saw the same version: exactly one wins, whatever the
// engine and the interleaving.
func TestUpdateMilestoneConcurrent(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		sd := seedProject(t, db, "县民政局")
		const editors = 8
		var (
			start = make(chan struct{})
			wg    sync.WaitGroup
			errs  = make([]error, editors)
		)
		for i := range editors {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = db.UpdateMilestone(context.Background(), api, sd.start,
					model.MilestoneUpdate{ActualDate: datePtr("2024-06-0" + string(rune('1'+i))), Version: 1})
			}()
		}
		close(start)
		wg.Wait()
		wins := 0
		for _, err := range errs {
			switch model.Kind(err) {
			case "":
				wins++
			case model.EConflict:
			default:
				t.Errorf("UpdateMilestone error = %v, want success or conflict", err)
			}
		}
		if wins != 1 {
			t.Errorf("%d editors succeeded, want exactly 1", wins)
		}
		m, err := db.GetMilestone(context.Background(), sd.start)
		if err != nil || m.Version != 2 {
			t.Errorf("version after the race = %d, %v; want 2", m.Version, err)
		}
	})
}

func TestAddStageAndRebaseline(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		stage, err := db.AddStage(ctx, api, sd.project, "主体完工", model.MonthPlan(2024, 12))
		if err != nil {
			t.Fatalf("AddStage: %v", err)
		}
		if stage.Kind != model.MilestoneStage || stage.Seq != 3 || stage.Version != 1 {
			t.Errorf("stage = %+v, want kind stage, seq 3, version 1", stage)
		}
		for _, tc := range []struct {
			name, stage string
			project     uint
			baseline    model.PlanDate
			kind        string
		}{
			{"duplicate", "主体完工", sd.project, model.MonthPlan(2025, 1), model.EConflict},
			{"reserved name", "finish", sd.project, model.MonthPlan(2025, 1), model.EInvalid},
			{"no baseline", "竣工验收", sd.project, model.PlanDate{}, model.EInvalid},
			{"unknown project", "竣工验收", sd.project + 100, model.MonthPlan(2025, 1), model.ENotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.AddStage(ctx, api, tc.project, tc.stage, tc.baseline)
				if got := model.Kind(err); got != tc.kind {
					t.Errorf("AddStage error kind = %q (%v), want %q", got, err, tc.kind)
				}
			})
		}

		admin := model.Actor{User: "admin", Source: "api"}
		for _, tc := range []struct {
			name, reason, doc string
			kind              string
		}{
			{"no reason", "", "沿府办发〔2024〕3号", model.EInvalid},
			{"no document", "用地调整", " ", model.EInvalid},
			{"ok", "用地调整", "沿府办发〔2024〕3号", ""},
		} {
			t.Run("rebaseline "+tc.name, func(t *testing.T) {
				m, err := db.Rebaseline(ctx, admin, stage.ID, model.MonthPlan(2025, 3), tc.reason, tc.doc)
				if got := model.Kind(err); got != tc.kind {
					t.Errorf("Rebaseline error kind = %q (%v), want %q", got, err, tc.kind)
				}
				if err != nil {
					if m, err := db.GetMilestone(ctx, stage.ID); err != nil || m.Version != 1 {
						t.Errorf("after a refused rebaseline: version %d (%v), want 1", m.Version, err)
					}
					return
				}
				if m.ID != stage.ID || m.Baseline != model.MonthPlan(2025, 3) || m.Version != 2 {
					t.Errorf("Rebaseline returned %+v, want milestone %d at 2025年3月 version 2", m, stage.ID)
				}
				m, err = db.GetMilestone(ctx, stage.ID)
				if err != nil {
					t.Fatal(err)
				}
				if m.Baseline != model.MonthPlan(2025, 3) || m.Version != 2 {
					t.Errorf("after rebaseline: baseline %v version %d, want 2025年3月 version 2", m.Baseline, m.Version)
				}
				es, err := db.ProjectAudit(ctx, sd.project)
				if err != nil {
					t.Fatal(err)
				}
				last := es[len(es)-1]
				if last.Action != "rebaseline" || last.Old != "2024年12月" || last.New != "2025年3月" || last.Note != "用地调整；沿府办发〔2024〕3号" || last.User != "admin" {
					t.Errorf("rebaseline audit = %+v", last)
				}
			})
		}
	})
}
