package alerts

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// pageData loads n random projects into db: units, townships and
// categories from short lists (some blank), one to six milestones each
// with day or month baselines crowded into 2019–2020 (so that slips,
// codes and due dates tie often), actual dates before and after the
// as-of dates tested, forecasts early and late, and progress reports.
func pageData(t *testing.T, db *store.DB, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(14, uint64(n)))
	day0 := model.NewDate(2019, time.January, 1)
	date := func(span int) model.Date { return day0.AddDays(rng.IntN(span)) }
	units := []string{"县民政局", "官舟镇人民政府", "中界镇人民政府", ""}
	var ps []model.Project
	var ms []model.Milestone
	var rs []model.ProgressReport
	for id := 1; id <= n; id++ {
		ps = append(ps, model.Project{ID: uint(id), Code: fmt.Sprintf("P%03d", (id*37)%n), Name: fmt.Sprintf("项目%d", id),
			ResponsibleUnit: units[rng.IntN(len(units))], Township: []string{"官舟镇", "中界镇", ""}[rng.IntN(3)],
			Category: []string{"敬老院", "公墓"}[rng.IntN(2)]})
		for k := range 1 + rng.IntN(6) {
			m := model.Milestone{ID: uint(id*10 + k), ProjectID: uint(id), Kind: model.MilestoneStage, Name: []string{"前期", "主体", "验收"}[rng.IntN(3)], Seq: k}
			switch k {
			case 0:
				m.Kind, m.Name = model.MilestoneStart, model.MilestoneStart
			case 1:
				m.Kind, m.Name = model.MilestoneFinish, model.MilestoneFinish
			}
			if k == 3 {
				m.Seq = 2 // two stages in one place
			}
			due := date(600)
			switch rng.IntN(4) {
			case 0:
				m.Baseline = model.DayPlan(due)
			case 1:
				// none
			default:
				m.Baseline = model.MonthPlan(due.Year, due.Month)
			}
			if rng.IntN(2) == 0 {
				m.Actual = due.AddDays(rng.IntN(200) - 60)
			}
			if rng.IntN(3) == 0 {
				m.Forecast = due.AddDays(rng.IntN(200) - 30)
			}
			ms = append(ms, m)
		}
		for range rng.IntN(5) {
			rs = append(rs, model.ProgressReport{ProjectID: uint(id), ReportDate: date(700)})
		}
	}
	if err := db.LoadTracking(context.Background(), ps, ms, rs); err != nil {
		t.Fatal(err)
	}
}

// selected reports whether q's filters keep a.
func selected(a Alert, q Query) bool {
	return (q.Severity == "" || a.Severity == q.Severity) && (q.Kind == "" || a.Kind == q.Kind) &&
		(q.Unit == "" || a.ResponsibleUnit == q.Unit) && (q.Township == "" || a.Township == q.Township) &&
		(q.Category == "" || a.Category == q.Category) && (q.ProjectID == 0 || a.ProjectID == q.ProjectID)
}

// pageFilters are the filters every page check tries.
var pageFilters = []Query{
	{}, {Severity: Red}, {Severity: Orange}, {Severity: Yellow},
	{Kind: KindOverdue}, {Kind: KindForecast}, {Kind: KindStale},
	{Unit: "县民政局"}, {Township: "中界镇", Category: "公墓"},
	{Severity: Orange, Kind: KindOverdue, Unit: "官舟镇人民政府"}, {Severity: Yellow, Kind: KindStale}, {ProjectID: 17},
}

// checkPages checks the first, second and last pages (and the one after)
// of PageOf, and the first alerts of Worst, as of asOf, with every filter
// of pageFilters and two page sizes, against Compute over all the facts.
func checkPages(t *testing.T, db *store.DB, asOf model.Date) {
	t.Helper()
	ctx := context.Background()
	cfg := DefaultConfig()
	facts, err := db.AlertFacts(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	all := Compute(facts, asOf, cfg)
	for _, f := range pageFilters {
		var want []Alert
		var counts Counts
		for _, a := range all {
			if selected(a, f) {
				want = append(want, a)
			}
			g := f
			g.Severity = ""
			if selected(a, g) {
				switch a.Severity {
				case Red:
					counts.Red++
				case Orange:
					counts.Orange++
				default:
					counts.Yellow++
				}
			}
		}
		for _, size := range []int{7, 500} {
			q := f
			q.AsOf = asOf
			worst, err := Worst(ctx, db, q, cfg, size)
			if err != nil {
				t.Fatal(err)
			}
			if w := want[:min(len(want), size)]; !reflect.DeepEqual(worst, append([]Alert{}, w...)) && (len(w) > 0 || len(worst) > 0) {
				t.Fatalf("as of %s, %+v: Worst(%d)\ngot  %+v\nwant %+v", asOf, q, size, shorten(worst), shorten(w))
			}
			pages := (len(want) + size - 1) / size
			for _, page := range []int{1, 2, pages, pages + 1} {
				if page < 1 || (page > 2 && page < pages) {
					continue
				}
				q := f
				q.AsOf, q.Page, q.PageSize = asOf, page, size
				got, err := PageOf(ctx, db, q, cfg)
				if err != nil {
					t.Fatal(err)
				}
				lo, hi := min(len(want), (page-1)*size), min(len(want), page*size)
				wantItems := append([]Alert{}, want[lo:hi]...)
				if got.Total != int64(len(want)) || got.Counts != counts || got.Page != page || got.PageSize != size {
					t.Fatalf("as of %s, %+v: total %d counts %+v, want %d %+v", asOf, q, got.Total, got.Counts, len(want), counts)
				}
				if !reflect.DeepEqual(got.Items, wantItems) {
					t.Fatalf("as of %s, %+v:\ngot  %+v\nwant %+v", asOf, q, shorten(got.Items), shorten(wantItems))
				}
			}
		}
	}
}

// learnLater edits forecasts and actual dates of some of pageData's
// milestones on days across the data's span (once or twice each, so that
// as of earlier dates they are earlier observations or unknown): as of a
// date before such a day the pages read both the milestones settled on
// it and those with a fact learnt after it.
func learnLater(t *testing.T, db *store.DB, n int) {
	t.Helper()
	ctx := context.Background()
	actor := model.Actor{User: "test", Source: "test"}
	days := []model.Date{model.NewDate(2019, time.November, 5), model.NewDate(2020, time.July, 10), model.NewDate(2021, time.April, 2)}
	edits := 0
	for id := uint(1); id <= uint(n); id++ {
		ms, err := db.ProjectMilestones(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.ID%3 != 0 {
				continue
			}
			for k := range 1 + int(m.ID%2) {
				on := days[(int(m.ID)/3+k)%len(days)]
				db.Now = func() time.Time { return time.Date(on.Year, on.Month, on.Day, 10, 0, 0, 0, db.Zone) }
				var upd model.MilestoneUpdate
				if m.ID%4 == 0 {
					actual := on.AddDays(-int(m.ID % 90))
					upd.ActualDate = &actual
				} else {
					forecast := on.AddDays(int(m.ID%200) - 20)
					upd.ForecastDate = &forecast
				}
				upd.Version = m.Version
				next, err := db.UpdateMilestone(ctx, actor, m.ID, upd)
				if model.Kind(err) == model.EInvalid { // a finish before its start
					continue
				}
				if err != nil {
					t.Fatalf("milestone %d learnt on %s: %v", m.ID, on, err)
				}
				m = next
				edits++
			}
		}
	}
	if edits < n/2 {
		t.Fatalf("only %d facts learnt later", edits)
	}
}

// TestPageAgreesWithCompute checks every page of the indexed alert
// queries, with every filter, against Compute over all the facts, as of
// dates across the data's span and after it, some of which are before
// the days some forecasts and actual dates were learnt (learnLater).
func TestPageAgreesWithCompute(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		pageData(t, db, 150)
		learnLater(t, db, 150)
		for asOf := model.NewDate(2018, time.December, 20); asOf.Before(model.NewDate(2022, time.January, 1)); asOf = asOf.AddDays(43) {
			checkPages(t, db, asOf)
		}
	})
}

// TestPageFollowsWrites checks the pages against Compute after each kind
// of write that changes a project's signs of life (a progress report
// entered, a start or finish actual edited, a progress return imported),
// as of the day of the writes and as of earlier dates, which then read
// the facts as known on them.
func TestPageFollowsWrites(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		pageData(t, db, 150)
		today := model.NewDate(2021, time.March, 1)
		db.Now = func() time.Time { return time.Date(2021, time.March, 1, 10, 0, 0, 0, db.Zone) }
		actor := model.Actor{User: "test", Source: "test"}
		dates := []model.Date{today, today.AddDays(-50), model.NewDate(2020, time.June, 1)}
		check := func(what string) {
			t.Run(what, func(t *testing.T) {
				for _, d := range dates {
					checkPages(t, db, d)
					checkStates(t, db, d)
				}
			})
		}
		check("loaded")
		for _, id := range []uint{3, 17, 40} {
			r := model.ProgressReport{ReportDate: today.AddDays(-int(id)), Problems: "按期推进"}
			if _, err := db.AddProgressReport(ctx, actor, id, r); err != nil {
				t.Fatal(err)
			}
		}
		check("reports entered")
		edited := 0
		for id := uint(1); id <= 150 && edited < 6; id++ {
			ms, err := db.ProjectMilestones(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if (m.Kind != model.MilestoneStart && m.Kind != model.MilestoneFinish) || !m.Actual.IsZero() {
					continue
				}
				d := today.AddDays(-60)
				if _, err := db.UpdateMilestone(ctx, actor, m.ID, model.MilestoneUpdate{ActualDate: &d, Version: m.Version}); err == nil {
					edited++
				} else if model.Kind(err) != model.EInvalid { // a finish before its start
					t.Fatal(err)
				}
			}
		}
		if edited == 0 {
			t.Fatal("no actual date could be edited")
		}
		check("actuals edited")
		// A forecast learnt today; a stage long due added to a project
		// without a red alert, then its baseline moved past today: the
		// project's earliest open due date and horizon change each time.
		ms, err := db.ProjectMilestones(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		late := today.AddDays(120)
		if _, err := db.UpdateMilestone(ctx, actor, ms[len(ms)-1].ID, model.MilestoneUpdate{ForecastDate: &late, Version: ms[len(ms)-1].Version}); err != nil {
			t.Fatal(err)
		}
		q := DefaultConfig().Query(today)
		for id := uint(1); id <= 150; id++ {
			q.ProjectIDs = append(q.ProjectIDs, id)
		}
		states, err := db.ProjectStates(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var calm uint
		for id := uint(1); id <= 150 && calm == 0; id++ {
			if states[id].Worst < 2 {
				calm = id
			}
		}
		stage, err := db.AddStage(ctx, actor, calm, "新增阶段", model.DayPlan(today.AddDays(-200)))
		if err != nil {
			t.Fatal(err)
		}
		check("stage added")
		if _, err := db.Rebaseline(ctx, actor, stage.ID, model.DayPlan(today.AddDays(30)), "调整", "沿府办〔2021〕1号"); err != nil {
			t.Fatal(err)
		}
		check("baseline moved")
		// A report of a started project; starts of projects not started.
		var rows []model.ProgressRow
		for id := uint(1); id <= 150 && len(rows) < 5; id++ {
			v, err := db.GetProject(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			row := model.ProgressRow{Ref: model.Ref{File: "月报.xlsx", Sheet: "Sheet1", Row: len(rows) + 2}, ProjectCode: v.Code, ProjectName: v.Name,
				ReportDate: today.AddDays(-10)}
			switch {
			case len(rows) == 0 && !v.ActualStart.IsZero():
			case len(rows) > 0 && v.ActualStart.IsZero() && v.ActualFinish.IsZero():
				row.ActualStart = today.AddDays(-100)
			default:
				continue
			}
			rows = append(rows, row)
		}
		sent := false
		res, err := db.ApplyImportStream(ctx, func() (*model.ImportSet, error) {
			if sent {
				return nil, nil
			}
			sent = true
			return &model.ImportSet{Progress: rows}, nil
		}, model.ApplyOptions{Actor: actor, Files: []string{"月报.xlsx"}})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("import: %v %+v", err, res.Errors)
		}
		check("return imported")
	})
}

// checkProjects checks, for each of projects 1..n as of asOf, that
// Compute over model.FactsOf (of its milestones and reports as known on
// asOf, as the project page reads them) gives the project's alerts of
// PageOf, and its pace fact that of PaceFacts.
func checkProjects(t *testing.T, db *store.DB, n int, asOf model.Date) {
	t.Helper()
	ctx := context.Background()
	cfg := DefaultConfig()
	paces, err := db.PaceFacts(ctx, asOf, nil)
	if err != nil {
		t.Fatal(err)
	}
	for id := uint(1); id <= uint(n); id++ {
		v, err := db.GetProject(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := db.MilestonesAsOf(ctx, id, asOf)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := db.ProgressAsOf(ctx, id, asOf)
		if err != nil {
			t.Fatal(err)
		}
		facts, pace := model.FactsOf(v.Project, ms, rs, asOf)
		want, err := PageOf(ctx, db, Query{AsOf: asOf, ProjectID: id, Page: 1, PageSize: MaxPageSize}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if got := Compute(facts, asOf, cfg); !reflect.DeepEqual(got, want.Items) {
			t.Fatalf("as of %s, project %d: alerts\ngot  %+v\nwant %+v", asOf, id, shorten(got), shorten(want.Items))
		}
		if !reflect.DeepEqual(pace, paces[id-1]) {
			t.Fatalf("as of %s, project %d: pace fact %+v, want %+v", asOf, id, pace, paces[id-1])
		}
	}
}

// TestProjectFactsAgree checks model.FactsOf against the store's alerts
// and pace facts for every project, as of dates across the data's span,
// with reports that state a 形象进度, some entered after their date.
func TestProjectFactsAgree(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		pageData(t, db, 150)
		db.Now = func() time.Time { return time.Date(2020, time.March, 1, 10, 0, 0, 0, db.Zone) }
		actor := model.Actor{User: "test", Source: "test"}
		for id := uint(1); id <= 150; id += 7 {
			for k, pct := range []string{"20", "35"} {
				r := model.ProgressReport{ReportDate: model.NewDate(2019, time.May, 1).AddDays(int(id) + 90*k), Percent: decimal.NewNullDecimal(decimal.RequireFromString(pct))}
				if _, err := db.AddProgressReport(ctx, actor, id, r); err != nil {
					t.Fatal(err)
				}
			}
		}
		for asOf := model.NewDate(2018, time.December, 20); asOf.Before(model.NewDate(2022, time.January, 1)); asOf = asOf.AddDays(131) {
			checkProjects(t, db, 150, asOf)
			checkStates(t, db, asOf)
		}
	})
}

// TestPageActualsLearntLater checks the pages against Compute as of a
// date D after every report and actual date of pageData (reports until
// 2020-12-01, actuals until 2021-01-08), when starts and finishes dated
// before D are recorded after it: as of D those projects are neither
// started nor finished, although every stored fact dates from before D.
func TestPageActualsLearntLater(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		pageData(t, db, 150)
		d := model.NewDate(2021, time.February, 1)
		db.Now = func() time.Time { return time.Date(2021, time.June, 1, 10, 0, 0, 0, db.Zone) }
		actor := model.Actor{User: "test", Source: "test"}
		started, finished := 0, 0
		for id := uint(1); id <= 150 && (started < 4 || finished < 4); id++ {
			ms, err := db.ProjectMilestones(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			var start, finish *model.Milestone
			for i := range ms {
				switch ms[i].Kind {
				case model.MilestoneStart:
					start = &ms[i]
				case model.MilestoneFinish:
					finish = &ms[i]
				}
			}
			var m *model.Milestone
			var on model.Date
			switch {
			case start != nil && start.Actual.IsZero() && (finish == nil || finish.Actual.IsZero()) && started < 4:
				m, on = start, d.AddDays(-100) // stale on D if it were known
				started++
			case start != nil && !start.Actual.IsZero() && start.Actual.Before(d.AddDays(-60)) && finish != nil && finish.Actual.IsZero() && finished < 4:
				m, on = finish, d.AddDays(-30)
				finished++
			default:
				continue
			}
			if _, err := db.UpdateMilestone(ctx, actor, m.ID, model.MilestoneUpdate{ActualDate: &on, Version: m.Version}); err != nil {
				t.Fatal(err)
			}
		}
		if started < 4 || finished < 4 {
			t.Fatalf("only %d starts and %d finishes edited", started, finished)
		}
		checkPages(t, db, d)
		checkPages(t, db, db.Today())
		checkProjects(t, db, 150, d)
		// The projects' states (their spans) as of D and of dates around
		// it, between the facts' dates and the days they were learnt.
		for _, asOf := range []model.Date{d.AddDays(-101), d.AddDays(-100), d.AddDays(-31), d.AddDays(-30), d.AddDays(-1), d, db.Today().AddDays(-1), db.Today()} {
			checkStates(t, db, asOf)
		}
	})
}

func TestQueryValidate(t *testing.T) {
	d := model.NewDate(2020, time.January, 1)
	for _, q := range []Query{
		{Page: 1, PageSize: 50},
		{AsOf: d, Page: 0, PageSize: 50},
		{AsOf: d, Page: 1, PageSize: 501},
		{AsOf: d, Page: 1, PageSize: 50, Severity: "blue"},
		{AsOf: d, Page: 1, PageSize: 50, Kind: "late"},
	} {
		if err := q.Validate(); model.Kind(err) != model.EInvalid {
			t.Errorf("%+v: got %v, want invalid", q, err)
		}
	}
	if err := (Query{AsOf: d, Page: 1, PageSize: 500, Severity: Red, Kind: KindStale}).Validate(); err != nil {
		t.Errorf("valid query: %v", err)
	}
}

// TestStatesAgreeWithCompute checks the store's aggregates of project
// states (the dashboard's counts, each project's status and most serious
// alert, and the project list's state filters) against Compute and the
// projects' actual dates as of dates across the data's span.
func TestStatesAgreeWithCompute(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		pageData(t, db, 150)
		for asOf := model.NewDate(2018, time.December, 20); asOf.Before(model.NewDate(2022, time.January, 1)); asOf = asOf.AddDays(97) {
			checkStates(t, db, asOf)
		}
	})
}

// checkStates checks the projects' states, the dashboard's counts and
// the project list's state filters as of asOf against Compute over all
// the facts.
func checkStates(t *testing.T, db *store.DB, asOf model.Date) {
	t.Helper()
	ctx := context.Background()
	cfg := DefaultConfig()
	facts, err := db.AlertFacts(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	data, err := db.ReportData(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	worst, overdue, any := map[uint]int{}, map[uint]bool{}, map[[2]uint]bool{}
	for _, a := range Compute(facts, asOf, cfg) {
		b := SeverityBand(a.Severity)
		if w, ok := worst[a.ProjectID]; !ok || b > w {
			worst[a.ProjectID] = b
		}
		overdue[a.ProjectID] = overdue[a.ProjectID] || a.Kind == KindOverdue
		any[[2]uint{a.ProjectID, uint(b)}] = true
	}
	want := map[uint]model.ProjectState{}
	counts := map[[2]string]int64{}
	var ids []uint
	for _, p := range data.Projects {
		id := p.Project.ID
		w, ok := worst[id]
		if !ok {
			w = -1
		}
		st := model.ProjectState{ProjectID: id, Status: model.ProjectStatus(p.ActualStart, p.ActualFinish, overdue[id]), Worst: w}
		want[id] = st
		counts[[2]string{st.Status, BandSeverity(w)}]++
		ids = append(ids, id)
	}
	q := cfg.Query(asOf)
	q.ProjectIDs = ids
	got, err := db.ProjectStates(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("as of %s: states differ:\ngot  %v\nwant %v", asOf, got, want)
	}
	dash, err := db.Dashboard(ctx, cfg.Query(asOf))
	if err != nil {
		t.Fatal(err)
	}
	gotCounts := map[[2]string]int64{}
	for _, c := range dash.States {
		gotCounts[[2]string{c.Status, BandSeverity(c.Worst)}] += c.N
	}
	if !reflect.DeepEqual(gotCounts, counts) || dash.Total != int64(len(data.Projects)) {
		t.Fatalf("as of %s: dashboard counts %v (total %d), want %v", asOf, gotCounts, dash.Total, counts)
	}
	for _, f := range []model.StateFilter{
		{Status: model.StatusLate}, {Status: model.StatusGoing, Worst: 1}, {Worst: model.WorstNone}, {Worst: 3}, {Any: 1}, {Any: 2, Status: model.StatusIdle}, {Any: 3},
	} {
		f.Alerts = cfg.Query(asOf)
		var wantIDs []uint
		for _, id := range ids {
			st := want[id]
			if (f.Status == "" || st.Status == f.Status) && (f.Worst == 0 || st.Worst == f.Worst-1 || (f.Worst == model.WorstNone && st.Worst == -1)) &&
				(f.Any == 0 || any[[2]uint{id, uint(f.Any - 1)}]) {
				wantIDs = append(wantIDs, id)
			}
		}
		views, total, err := db.ListProjects(ctx, model.ProjectFilter{State: &f})
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []uint
		for _, v := range views {
			gotIDs = append(gotIDs, v.ID)
		}
		slices.Sort(gotIDs)
		slices.Sort(wantIDs)
		if total != int64(len(wantIDs)) || !slices.Equal(gotIDs, wantIDs) {
			t.Fatalf("as of %s, %+v: projects %v (total %d), want %v", asOf, f, gotIDs, total, wantIDs)
		}
		// Pages of 3, and one past the last: each says the same total.
		var paged []uint
		for offset := 0; offset <= len(wantIDs)+3; offset += 3 {
			views, total, err := db.ListProjects(ctx, model.ProjectFilter{State: &f, Limit: 3, Offset: offset})
			if err != nil {
				t.Fatal(err)
			}
			if total != int64(len(wantIDs)) {
				t.Fatalf("as of %s, %+v, offset %d: total %d, want %d", asOf, f, offset, total, len(wantIDs))
			}
			for _, v := range views {
				paged = append(paged, v.ID)
			}
		}
		if slices.Sort(paged); !slices.Equal(paged, wantIDs) {
			t.Fatalf("as of %s, %+v: pages of 3 list %v, want %v", asOf, f, paged, wantIDs)
		}
	}
}
