package store_test

import (
	"context"
	"encoding/json"
	"math/rand"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// another opens a second fresh database on db's engine.
func another(t *testing.T, db *store.DB) *store.DB {
	t.Helper()
	var o *store.DB
	if db.Postgres {
		o = storetest.OpenPostgres(t, os.Getenv(storetest.TestPostgresEnv))
	} else {
		o = storetest.OpenSQLite(t)
	}
	o.Now = db.Now
	return o
}

// returnRows are three monthly returns for the sample plan's projects:
// forecasts that move, a start, a finish, figures that grow.
func returnRows() map[model.Date][]model.ProgressRow {
	d1, d2, d3 := model.NewDate(2019, time.June, 30), model.NewDate(2019, time.December, 31), model.NewDate(2020, time.May, 31)
	row := func(n int, name string, on model.Date) model.ProgressRow {
		r := progressRow(n, name)
		r.ReportDate = on
		r.Columns = model.ProgressColumns{ActualStart: "C", ActualFinish: "D", Forecast: "E", Percent: "F", InvestmentDone: "G", Problems: "H"}
		return r
	}
	out := map[model.Date][]model.ProgressRow{}
	a, b := row(4, "官舟片区养老服务中心", d1), row(5, "儿童福利院", d1)
	a.Forecast, a.Percent, b.Forecast = model.NewDate(2020, time.December, 31), dec("10"), model.NewDate(2020, time.October, 31)
	out[d1] = []model.ProgressRow{a, b}
	a, b = row(4, "官舟片区养老服务中心", d2), row(5, "儿童福利院", d2)
	a.ActualStart, a.Forecast, a.Percent, a.InvestmentDone = model.NewDate(2019, time.January, 8), model.NewDate(2021, time.June, 30), dec("40"), wan(1200)
	b.Forecast, b.Problems = model.NewDate(2021, time.March, 31), "用地未落实"
	out[d2] = []model.ProgressRow{a, b}
	a, b = row(4, "官舟片区养老服务中心", d3), row(5, "儿童福利院", d3)
	a.Forecast, a.Percent = model.NewDate(2021, time.September, 30), dec("55")
	b.ActualStart, b.Forecast = model.NewDate(2020, time.April, 1), model.NewDate(2021, time.March, 31)
	out[d3] = []model.ProgressRow{a, b}
	return out
}

// state is what a database shows: projects and their milestones and
// reports as of today, and the alert facts as of each date.
func state(t *testing.T, db *store.DB, dates []model.Date) string {
	t.Helper()
	ctx := context.Background()
	views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
	if err != nil {
		t.Fatal(err)
	}
	type ms struct {
		Kind, Name           string
		Forecast, Actual     model.Date
		ForecastOn, ActualOn model.Date
	}
	out := map[string]any{}
	for _, v := range views {
		list, err := db.ProjectMilestones(ctx, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []ms
		for _, m := range list {
			got = append(got, ms{m.Kind, m.Name, m.Forecast, m.Actual, m.ForecastOn, m.ActualOn})
		}
		out[v.Name] = []any{v.ProgressPct, v.ActualStart, v.ActualFinish, got}
	}
	for _, d := range dates {
		f, err := db.AlertFacts(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		for i := range f.Milestones {
			f.Milestones[i].ProjectID, f.Milestones[i].MilestoneID = 0, 0
		}
		for i := range f.Started {
			f.Started[i].ProjectID = 0
		}
		sort.Slice(f.Milestones, func(i, j int) bool {
			a, b := f.Milestones[i], f.Milestones[j]
			return a.Code < b.Code || a.Code == b.Code && a.Seq < b.Seq
		})
		sort.Slice(f.Started, func(i, j int) bool { return f.Started[i].Code < f.Started[j].Code })
		out["as of "+d.String()] = f
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReturnsInAnyOrder imports three returns in date order into one
// database and in every other order into others: the final state, today
// and as of each report date, is the same. An older return imported last
// leaves the newer facts and says so per value; re-importing a return
// changes nothing and writes no audit row.
func TestReturnsInAnyOrder(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		returns := returnRows()
		dates := []model.Date{model.NewDate(2019, time.June, 30), model.NewDate(2019, time.December, 31), model.NewDate(2020, time.May, 31)}
		asOf := append([]model.Date{model.NewDate(2019, time.January, 1)}, dates...)
		load := func(db *store.DB, order []int) []model.ImportResult {
			apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
			var res []model.ImportResult
			for _, i := range order {
				res = append(res, apply(t, db, &model.ImportSet{Progress: returns[dates[i]]}, false))
			}
			return res
		}
		load(db, []int{0, 1, 2})
		want := state(t, db, asOf)
		for _, order := range [][]int{{2, 1, 0}, {1, 2, 0}, {0, 2, 1}} {
			o := another(t, db)
			res := load(o, order)
			for _, r := range res {
				if len(r.Errors) > 0 {
					t.Fatalf("order %v: errors %+v", order, r.Errors)
				}
			}
			if got := state(t, o, asOf); got != want {
				t.Errorf("order %v: state\n%s\nwant (date order)\n%s", order, got, want)
			}
			if order[0] == 2 {
				// The oldest return, imported last: its forecast and its
				// percentage are older than the stored ones.
				var cols []string
				for _, w := range res[2].Warnings {
					if w.Row == 4 {
						cols = append(cols, w.Column)
					}
				}
				if len(cols) != 2 || cols[0] != "E" || cols[1] != "F" {
					t.Errorf("warnings of the oldest return's row 4: got %+v, want one at E (forecast) and one at F (percent)", res[2].Warnings)
				}
			}
		}

		audits := auditCount(t, db)
		for _, d := range dates {
			if got, want := countsOf(apply(t, db, &model.ImportSet{Progress: returns[d]}, false)), (counts{unchanged: 2}); got != want {
				t.Errorf("re-import of %s: got %+v, want %+v", d, got, want)
			}
		}
		if got := auditCount(t, db); got != audits {
			t.Errorf("re-imports wrote audit rows: %d, want %d", got, audits)
		}
	})
}

// TestOlderReturnWarnsPerField: a return dated before the stored one
// leaves each value the newer return gave differently (forecast, 形象进度,
// cumulative investment, problems) and says so at that value's cell; a
// value it gives as the newer one did (the actual start) needs no word.
// Its values stay the earlier report's.
func TestOlderReturnWarnsPerField(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		row := func(on model.Date, forecast model.Date, percent string, done int64, problems string) model.ProgressRow {
			r := progressRow(4, "官舟片区养老服务中心")
			r.ReportDate, r.ActualStart, r.Forecast, r.Percent, r.InvestmentDone, r.Problems = on, model.NewDate(2019, time.January, 8), forecast, dec(percent), wan(done), problems
			r.Columns = model.ProgressColumns{ActualStart: "C", ActualFinish: "D", Forecast: "E", Percent: "F", InvestmentDone: "G", Problems: "H"}
			return r
		}
		d1, d2 := model.NewDate(2019, time.June, 30), model.NewDate(2019, time.December, 31)
		newer := row(d2, model.NewDate(2021, time.June, 30), "40", 1200, "用地未落实")
		apply(t, db, &model.ImportSet{Progress: []model.ProgressRow{newer}}, false)
		res := apply(t, db, &model.ImportSet{Progress: []model.ProgressRow{row(d1, model.NewDate(2020, time.December, 31), "10", 300, "资金未到位")}}, false)
		if len(res.Errors) > 0 {
			t.Fatalf("older return: %+v", res.Errors)
		}
		var cols []string
		for _, w := range res.Warnings {
			if w.Row == 4 && strings.Contains(w.Message, "早于 2019-12-31 的进度月报") {
				cols = append(cols, w.Column)
			}
		}
		sort.Strings(cols)
		if want := []string{"E", "F", "G", "H"}; !reflect.DeepEqual(cols, want) {
			t.Errorf("warnings at columns %v, want %v: %+v", cols, want, res.Warnings)
		}
		v := projectsByName(t, db)["官舟片区养老服务中心"]
		if v.ProgressPct.Decimal.String() != "40" {
			t.Errorf("形象进度 today: got %s, want the newer 40", v.ProgressPct.Decimal)
		}
		ms, err := db.MilestonesAsOf(ctx, v.ID, model.NewDate(2020, time.January, 1))
		if err != nil {
			t.Fatal(err)
		}
		if f := ms[len(ms)-1].Forecast; f != newer.Forecast {
			t.Errorf("forecast today: got %s, want the newer %s", f, newer.Forecast)
		}
		rs, err := db.ProgressAsOf(ctx, v.ID, model.NewDate(2019, time.July, 1))
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 1 || rs[0].Percent.Decimal.String() != "10" || rs[0].InvestmentDone == nil || rs[0].InvestmentDone.WanString() != "300" || rs[0].Problems != "资金未到位" {
			t.Errorf("as of 2019-07-01: got %+v, want the older return's report", rs)
		}
	})
}

// TestForecastAsOf: a forecast exists from its report date on, not
// before; a later one replaces it from its own date; an edit in the API
// counts from the county date it was made.
func TestForecastAsOf(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		r := progressRow(4, "官舟片区养老服务中心")
		r.ReportDate, r.Forecast = model.NewDate(2020, time.January, 31), model.NewDate(2021, time.December, 31)
		apply(t, db, &model.ImportSet{Progress: []model.ProgressRow{r}}, false)
		forecastOf := func(d model.Date) model.Date {
			t.Helper()
			f, err := db.AlertFacts(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range f.Milestones {
				if m.ProjectFact.Name == "官舟片区养老服务中心" && m.Kind == model.MilestoneFinish {
					return m.Forecast
				}
			}
			return model.Date{}
		}
		if got := forecastOf(model.NewDate(2020, time.January, 30)); !got.IsZero() {
			t.Errorf("forecast the day before its report: got %s, want none", got)
		}
		if got, want := forecastOf(model.NewDate(2020, time.January, 31)), r.Forecast; got != want {
			t.Errorf("forecast on its report date: got %s, want %s", got, want)
		}
		// The paged alerts, as of the day before and the report date.
		for _, c := range []struct {
			d    model.Date
			want int64
		}{{model.NewDate(2020, time.January, 30), 0}, {model.NewDate(2020, time.January, 31), 1}} {
			page, err := db.AlertPage(ctx, model.AlertQuery{AsOf: c.d, YellowMax: 30, OrangeMax: 90, StaleDays: 45, Kind: store.AlertForecast, Band: -1}, 10)
			if err != nil {
				t.Fatal(err)
			}
			if got := page.Counts[0] + page.Counts[1] + page.Counts[2]; got != c.want {
				t.Errorf("forecast alerts as of %s: got %d, want %d", c.d, got, c.want)
			}
		}
		// testNow is 2020-06-15 09:00 UTC, 17:00 in the county.
		var finish model.Milestone
		for _, v := range projectsByName(t, db) {
			if v.Name == "官舟片区养老服务中心" {
				ms, _ := db.ProjectMilestones(ctx, v.Project.ID)
				finish = ms[len(ms)-1]
			}
		}
		next := model.NewDate(2022, time.June, 30)
		if _, err := db.UpdateMilestone(ctx, model.Actor{User: "m", Source: "api"}, finish.ID, model.MilestoneUpdate{ForecastDate: &next, Version: finish.Version}); err != nil {
			t.Fatal(err)
		}
		if got, want := forecastOf(model.NewDate(2020, time.June, 14)), r.Forecast; got != want {
			t.Errorf("forecast the day before the API edit: got %s, want %s", got, want)
		}
		if got := forecastOf(model.NewDate(2020, time.June, 15)); got != next {
			t.Errorf("forecast on the day of the API edit: got %s, want %s", got, next)
		}
		// An edit at 18:30 UTC on 2020-06-16 is made at 02:30 on the
		// 17th in the county: it counts from the 17th, not the 16th.
		db.Now = func() time.Time { return time.Date(2020, time.June, 16, 18, 30, 0, 0, time.UTC) }
		finish, err := db.GetMilestone(ctx, finish.ID)
		if err != nil {
			t.Fatal(err)
		}
		later := model.NewDate(2022, time.September, 30)
		if _, err := db.UpdateMilestone(ctx, model.Actor{User: "m", Source: "ui"}, finish.ID, model.MilestoneUpdate{ForecastDate: &later, Version: finish.Version}); err != nil {
			t.Fatal(err)
		}
		if got := forecastOf(model.NewDate(2020, time.June, 16)); got != next {
			t.Errorf("forecast on the UTC day of a night edit: got %s, want %s", got, next)
		}
		if got := forecastOf(model.NewDate(2020, time.June, 17)); got != later {
			t.Errorf("forecast on the county day of a night edit: got %s, want %s", got, later)
		}
	})
}

// TestReplayRandomHistory imports a random sequence of returns (random
// dates, some repeated, some older than the latest), records the alert
// facts as of each report date at the end, and replays the history's
// returns in date order into a fresh database: as of each date the
// replay knows what the original knew on it. (cmd/captrack's
// TestRecordsReplay adds the edits and checks after each step.)
func TestReplayRandomHistory(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		rng := rand.New(rand.NewSource(13))
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		names := []string{"官舟片区养老服务中心", "洪渡片区养老服务中心", "儿童福利院"}
		var dates []model.Date
		byDate := map[model.Date][]model.ProgressRow{}
		for step := 0; step < 12; step++ {
			d := model.NewDate(2019, time.January, 31).AddDays(30 * rng.Intn(16))
			if _, ok := byDate[d]; !ok {
				dates = append(dates, d)
				var rows []model.ProgressRow
				for i, n := range names {
					r := progressRow(4+i, n)
					r.ReportDate = d
					r.Forecast = d.AddDays(200 + 30*rng.Intn(10))
					r.Percent = dec(string(rune('1' + rng.Intn(9))))
					rows = append(rows, r)
				}
				byDate[d] = rows
			}
			res := apply(t, db, &model.ImportSet{Progress: byDate[d]}, false)
			if len(res.Errors) > 0 {
				t.Fatalf("step %d: %+v", step, res.Errors)
			}
		}
		got := state(t, db, dates)
		replay := another(t, db)
		apply(t, replay, &model.ImportSet{Plans: samplePlans()}, false)
		sorted := append([]model.Date(nil), dates...)
		for i := range sorted {
			for j := i + 1; j < len(sorted); j++ {
				if sorted[j].Before(sorted[i]) {
					sorted[i], sorted[j] = sorted[j], sorted[i]
				}
			}
		}
		for _, d := range sorted {
			apply(t, replay, &model.ImportSet{Progress: byDate[d]}, false)
		}
		if want := state(t, replay, dates); got != want {
			t.Errorf("random history:\n%s\nreplayed in date order:\n%s", got, want)
		}
	})
}
