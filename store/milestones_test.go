package store_test

import (
	"context"
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

func TestUpdateMilestone(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		ids := map[uint]uint{1: sd.start, 2: sd.finish, 99: sd.finish + 100}
		// Sequential cases on one project: each builds on the last.
		for _, tc := range []struct {
			name        string
			id          uint // 1 start, 2 finish, 99 unknown
			upd         model.MilestoneUpdate
			kind        string // error kind; "" = success
			wantVersion int
		}{
			{"nothing to change", 1, model.MilestoneUpdate{Version: 1}, model.EInvalid, 0},
			{"actual in the future", 1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-16"), Version: 1}, model.EInvalid, 0},
			{"actual today", 1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 1}, "", 2},
			{"stale version", 1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-01"), Version: 1}, model.EConflict, 0},
			{"finish before start", 2, model.MilestoneUpdate{ActualDate: datePtr("2024-06-14"), Version: 1}, model.EInvalid, 0},
			{"slip reason not in list", 2, model.MilestoneUpdate{SlipReason: strPtr("天气"), Version: 1}, model.EInvalid, 0},
			{"forecast and reason", 2, model.MilestoneUpdate{ForecastDate: datePtr("2025-12-31"), SlipReason: strPtr("资金"), Version: 1}, "", 2},
			{"finish on start day", 2, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 2}, "", 3},
			{"start after finish", 1, model.MilestoneUpdate{ActualDate: datePtr("2024-06-15"), Version: 2}, "", 3},
			{"clear forecast", 2, model.MilestoneUpdate{ForecastDate: &model.Date{}, Version: 3}, "", 4},
			{"unknown milestone", 99, model.MilestoneUpdate{ActualDate: datePtr("2024-06-01"), Version: 1}, model.ENotFound, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				m, err := db.UpdateMilestone(ctx, api, ids[tc.id], tc.upd)
				if got := model.Kind(err); got != tc.kind {
					t.Fatalf("UpdateMilestone error kind = %q (%v), want %q", got, err, tc.kind)
				}
				if tc.kind == "" && m.Version != tc.wantVersion {
					t.Errorf("version = %d, want %d", m.Version, tc.wantVersion)
				}
			})
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
				if err == nil && (m.ID != stage.ID || m.Baseline != model.MonthPlan(2025, 3) || m.Version != 2) {
					t.Errorf("Rebaseline returned %+v, want milestone %d at 2025年3月 version 2", m, stage.ID)
				}
			})
		}
		m, err := db.GetMilestone(ctx, stage.ID)
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
