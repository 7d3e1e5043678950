package store_test

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// PaceFacts uses only what is known on D: actual dates as known on it
// and reports known by it, the latest report that states a percentage.
// Paces, PaceCounts, ProjectsWithLamp and ReportData agree with it.
func TestPaceFacts(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		other := seedProject(t, db, "后坪乡人民政府")
		a := model.Actor{User: "mgr", Source: "api"}
		on := func(day string) {
			d := *datePtr(day)
			db.Now = func() time.Time { return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, time.UTC) }
		}
		report := func(date, pct string) {
			rep := model.ProgressReport{ReportDate: *datePtr(date), Problems: "无"}
			if pct != "" {
				rep.Percent = decimal.NewNullDecimal(decimal.RequireFromString(pct))
			}
			if _, err := db.AddProgressReport(ctx, a, sd.project, rep); err != nil {
				t.Fatal(err)
			}
		}
		on("2024-05-31")
		report("2024-05-31", "20")
		// The start of 2024-04-02 is learnt on 2024-06-10.
		on("2024-06-10")
		if _, err := db.UpdateMilestone(ctx, a, sd.start, model.MilestoneUpdate{ActualDate: datePtr("2024-04-02"), Version: 1}); err != nil {
			t.Fatal(err)
		}
		report("2024-06-10", "35")
		on("2024-06-12")
		report("2024-06-12", "")
		on("2024-06-14")
		report("2024-06-14", "40")
		// A report dated 2024-06-15 entered on 2024-06-20.
		on("2024-06-20")
		report("2024-06-15", "50")
		for _, tc := range []struct {
			asOf, start, progress, lamp string
		}{
			{"2024-04-01", "", "", model.LampRed},
			{"2024-06-01", "", "20", model.LampRed},
			{"2024-06-11", "2024-04-02", "35", model.LampGreen},
			{"2024-06-13", "2024-04-02", "35", model.LampGreen},
			{"2024-06-16", "2024-04-02", "40", model.LampGreen},
			{"2024-06-20", "2024-04-02", "50", model.LampGreen},
		} {
			asOf := *datePtr(tc.asOf)
			fs, err := db.PaceFacts(ctx, asOf, []uint{sd.project})
			if err != nil || len(fs) != 1 {
				t.Fatalf("PaceFacts = %v, %v", fs, err)
			}
			f := fs[0]
			got := ""
			if f.Progress.Valid {
				got = f.Progress.Decimal.String()
			}
			if f.ActualStart.String() != tc.start || got != tc.progress || f.PlannedFinish.Date.String() != "2025-06-30" || f.ResponsibleUnit != "县民政局" {
				t.Errorf("as of %s: %+v, want start %q progress %q", tc.asOf, f, tc.start, tc.progress)
			}
			paces, err := db.Paces(ctx, asOf, nil)
			if err != nil {
				t.Fatal(err)
			}
			if p := paces[sd.project]; p.Lamp != tc.lamp || p.ProgressText() != tc.progress {
				t.Errorf("as of %s: pace %+v, want lamp %s progress %q", tc.asOf, p, tc.lamp, tc.progress)
			}
			// A page's projects' lamps, by their IDs, are the same.
			paged, err := db.Paces(ctx, asOf, []uint{other.project, sd.project})
			if err != nil {
				t.Fatal(err)
			}
			same := func(a, b model.Pace) bool {
				return a.Lamp == b.Lamp && a.Unit == b.Unit && a.ElapsedPct.Equal(b.ElapsedPct) && a.ProgressText() == b.ProgressText() && a.NotStarted == b.NotStarted
			}
			if len(paged) != len(paces) || !same(paged[sd.project], paces[sd.project]) || !same(paged[other.project], paces[other.project]) {
				t.Errorf("as of %s: Paces of the two projects = %+v, of all %+v", tc.asOf, paged, paces)
			}
			data, err := db.ReportData(ctx, asOf)
			if err != nil {
				t.Fatal(err)
			}
			for _, pf := range data.Projects {
				want, ok := paces[pf.Project.ID]
				if (pf.Pace != nil) != ok || (ok && (pf.Pace.Lamp != want.Lamp || !pf.Pace.ElapsedPct.Equal(want.ElapsedPct))) {
					t.Errorf("as of %s: ReportData pace of %d = %+v, Paces %+v", tc.asOf, pf.Project.ID, pf.Pace, want)
				}
			}
		}
		// The other project never started: red since its planned start.
		asOf := *datePtr("2024-06-20")
		counts, err := db.PaceCounts(ctx, asOf)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]model.PaceCounts{"县民政局": {Green: 1}, "后坪乡人民政府": {Red: 1}}
		if len(counts) != len(want) || counts["县民政局"] != want["县民政局"] || counts["后坪乡人民政府"] != want["后坪乡人民政府"] {
			t.Errorf("PaceCounts = %v, want %v", counts, want)
		}
		if ids, err := db.ProjectsWithLamp(ctx, asOf, model.LampRed); err != nil || len(ids) != 1 || ids[0] != other.project {
			t.Errorf("red projects = %v, %v; want [%d]", ids, err, other.project)
		}
		if counts, err := db.PaceCounts(ctx, *datePtr("2024-03-31")); err != nil || len(counts) != 0 {
			t.Errorf("PaceCounts on the planned start = %v, %v; want none", counts, err)
		}
		if fs, err := db.PaceFacts(ctx, asOf, nil); err != nil || len(fs) != 2 {
			t.Errorf("all projects = %d, %v; want 2", len(fs), err)
		}
	})
}

// Paces reads a project's lamp facts from its activity row when the
// stored facts are those known on D, and from its milestones and reports
// otherwise: either way the lamps are those of the project's own facts
// as known on D (model.FactsOf, as the project page computes them), on
// generated data as of dates before, within and after its reports, and
// for a project not started whose report states a 形象进度.
func TestPacesAgreeWithFacts(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const n = 60
		if err := synth.Tracking(ctx, db, n, 5); err != nil {
			t.Fatal(err)
		}
		today := db.Today()
		idle := uint(0)
		ps, err := db.Paces(ctx, today, nil)
		if err != nil {
			t.Fatal(err)
		}
		for id := uint(1); id <= n && idle == 0; id++ {
			if ps[id].NotStarted {
				idle = id
			}
		}
		if idle == 0 {
			t.Fatal("no project of the generated data is planned and not started")
		}
		// And started projects on and beside the lamps' lines (their
		// 序时进度 as of today is 100: 90 is still green, 89 and 89.9
		// yellow, 70 still yellow, 69 red), one fractional elsewhere.
		pcts := map[uint]string{idle: "12.5"}
		lines := []string{"33.3", "90", "89", "89.9", "70", "69"}
		for id := uint(1); id <= n && len(pcts) <= len(lines); id++ {
			if p, ok := ps[id]; ok && !p.NotStarted && p.ElapsedPct.Equal(decimal.NewFromInt(100)) {
				pcts[id] = lines[len(pcts)-1]
			}
		}
		if len(pcts) <= len(lines) {
			t.Fatal("too few started projects past their planned finish in the generated data")
		}
		for id, pct := range pcts {
			rep := model.ProgressReport{ReportDate: today, Percent: decimal.NewNullDecimal(decimal.RequireFromString(pct)), Problems: "无"}
			if _, err := db.AddProgressReport(ctx, model.Actor{User: "mgr", Source: "api"}, id, rep); err != nil {
				t.Fatal(err)
			}
		}
		lamps := 0
		for _, d := range []model.Date{today, synth.AsOf, synth.AsOf.AddDays(-400), synth.AsOf.AddDays(200), today.AddDays(-1)} {
			paces, err := db.Paces(ctx, d, nil)
			if err != nil {
				t.Fatal(err)
			}
			// PaceCounts (by SQL as of today) counts these lamps.
			want := map[string]model.PaceCounts{}
			for _, p := range paces {
				c := want[p.Unit]
				c.Add(p.Lamp)
				want[p.Unit] = c
			}
			if counts, err := db.PaceCounts(ctx, d); err != nil || !maps.Equal(counts, want) {
				t.Errorf("as of %s: PaceCounts = %v, %v; the lamps count %v", d, counts, err, want)
			}
			for id := uint(1); id <= n; id++ {
				view, err := db.ProjectAsOf(ctx, id, d)
				if err != nil {
					t.Fatal(err)
				}
				ms, err := db.MilestonesAsOf(ctx, id, d)
				if err != nil {
					t.Fatal(err)
				}
				prs, err := db.ProgressAsOf(ctx, id, d)
				if err != nil {
					t.Fatal(err)
				}
				_, pf := model.FactsOf(view.Project, ms, prs, d)
				want, ok := db.PaceLamps().Of(pf, d)
				got, have := paces[id]
				if ok != have || ok && (got.Lamp != want.Lamp || got.NotStarted != want.NotStarted || !got.ElapsedPct.Equal(want.ElapsedPct) ||
					got.ProgressText() != want.ProgressText() || got.Unit != want.Unit) {
					t.Errorf("as of %s, project %d: Paces %+v (%v), its facts give %+v (%v)", d, id, got, have, want, ok)
				}
				if ok {
					lamps++
				}
			}
		}
		if got := paces(t, db, today, idle); got != "12.5" {
			t.Errorf("today's lamp of the project not started shows 形象进度 %q, want 12.5", got)
		}
		if lamps < n {
			t.Errorf("%d lamps in all; the data should light more", lamps)
		}
	})
}

// paces returns the 形象进度 text of project id's lamp as of d.
func paces(t *testing.T, db *store.DB, d model.Date, id uint) string {
	t.Helper()
	ps, err := db.Paces(context.Background(), d, []uint{id})
	if err != nil {
		t.Fatal(err)
	}
	return ps[id].ProgressText()
}
