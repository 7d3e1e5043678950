package alerts

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

var noDate model.Date

// project is the project every single-fact case concerns.
var project = model.ProjectFact{ProjectID: 7, Code: "A1-0007", Name: "官舟镇敬老院", ResponsibleUnit: "县民政局", Township: "官舟镇", Category: "养老服务"}

// fact is one milestone of project.
func fact(kind, name string, baseline model.PlanDate, forecast, actual model.Date) model.MilestoneFact {
	return model.MilestoneFact{ProjectFact: project, MilestoneID: 70, Kind: kind, Name: name, Baseline: baseline, Forecast: forecast, Actual: actual}
}

// short is what a case checks of an alert.
type short struct {
	Milestone string
	Kind      string
	Due       model.Date
	SlipDays  int
	Severity  string
}

func shorten(as []Alert) []short {
	out := []short{}
	for _, a := range as {
		out = append(out, short{a.Milestone, a.Kind, a.Due, a.SlipDays, a.Severity})
	}
	return out
}

// checkCompute checks what Compute makes of facts as of asOf with the
// default thresholds.
func checkCompute(t *testing.T, facts model.AlertFacts, asOf model.Date, want []short) {
	t.Helper()
	got := shorten(Compute(facts, asOf, DefaultConfig()))
	if want == nil {
		want = []short{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestComputeMilestones(t *testing.T) {
	jan1 := model.NewDate(2019, time.January, 1)
	finish := func(b model.PlanDate, forecast, actual model.Date) model.MilestoneFact {
		return fact(model.MilestoneFinish, model.MilestoneFinish, b, forecast, actual)
	}
	tests := []struct {
		name string
		m    model.MilestoneFact
		asOf model.Date
		want []short
	}{
		{"due on as-of is not overdue", finish(model.DayPlan(jan1), noDate, noDate), jan1, nil},
		{"as-of before due", finish(model.DayPlan(jan1), noDate, noDate), jan1.AddDays(-1), nil},
		{"1 day yellow", finish(model.DayPlan(jan1), noDate, noDate), jan1.AddDays(1), []short{{"finish", KindOverdue, jan1, 1, Yellow}}},
		{"30 days yellow", finish(model.DayPlan(jan1), noDate, noDate), jan1.AddDays(30), []short{{"finish", KindOverdue, jan1, 30, Yellow}}},
		{"31 days orange", finish(model.DayPlan(jan1), noDate, noDate), jan1.AddDays(31), []short{{"finish", KindOverdue, jan1, 31, Orange}}},
		{"90 days orange", finish(model.DayPlan(jan1), noDate, noDate), jan1.AddDays(90), []short{{"finish", KindOverdue, jan1, 90, Orange}}},
		{"91 days red", finish(model.DayPlan(jan1), noDate, noDate), jan1.AddDays(91), []short{{"finish", KindOverdue, jan1, 91, Red}}},
		{"month precision falls due at month end", finish(model.MonthPlan(2019, time.January), noDate, noDate),
			model.NewDate(2019, time.February, 1), []short{{"finish", KindOverdue, model.NewDate(2019, time.January, 31), 1, Yellow}}},
		{"month precision not due within its month", finish(model.MonthPlan(2019, time.January), noDate, noDate),
			model.NewDate(2019, time.January, 31), nil},
		{"leap February ends on the 29th", finish(model.MonthPlan(2020, time.February), noDate, noDate),
			model.NewDate(2020, time.March, 1), []short{{"finish", KindOverdue, model.NewDate(2020, time.February, 29), 1, Yellow}}},
		{"leap February not due on the 28th", finish(model.MonthPlan(2020, time.February), noDate, noDate),
			model.NewDate(2020, time.February, 29), nil},
		{"common February ends on the 28th", finish(model.MonthPlan(2019, time.February), noDate, noDate),
			model.NewDate(2020, time.March, 1), []short{{"finish", KindOverdue, model.NewDate(2019, time.February, 28), 367, Red}}},
		{"year precision not due within its year", finish(model.YearPlan(2019), noDate, noDate), model.NewDate(2019, time.December, 31), nil},
		{"year precision due 31 December", finish(model.YearPlan(2019), noDate, noDate),
			model.NewDate(2020, time.January, 1), []short{{"finish", KindOverdue, model.NewDate(2019, time.December, 31), 1, Yellow}}},
		{"actual on as-of is achieved", finish(model.DayPlan(jan1), noDate, jan1.AddDays(10)), jan1.AddDays(10), nil},
		{"actual after as-of is not yet known", finish(model.DayPlan(jan1), noDate, jan1.AddDays(11)), jan1.AddDays(10),
			[]short{{"finish", KindOverdue, jan1, 10, Yellow}}},
		{"achieved late is no open alert", finish(model.DayPlan(jan1), noDate, jan1.AddDays(5)), jan1.AddDays(100), nil},
		{"no baseline no alert", finish(model.PlanDate{}, jan1.AddDays(50), noDate), jan1.AddDays(100), nil},
		{"start milestone", fact(model.MilestoneStart, model.MilestoneStart, model.DayPlan(jan1), noDate, noDate), jan1.AddDays(2),
			[]short{{"start", KindOverdue, jan1, 2, Yellow}}},
		{"stage named by its name", fact(model.MilestoneStage, "主体完工", model.DayPlan(jan1), noDate, noDate), jan1.AddDays(2),
			[]short{{"主体完工", KindOverdue, jan1, 2, Yellow}}},
		{"forecast beyond baseline", finish(model.MonthPlan(2020, time.June), model.NewDate(2020, time.August, 15), noDate),
			model.NewDate(2020, time.March, 1), []short{{"finish", KindForecast, model.NewDate(2020, time.June, 30), 46, Orange}}},
		{"forecast beyond baseline due on as-of", finish(model.DayPlan(jan1), jan1.AddDays(3), noDate), jan1,
			[]short{{"finish", KindForecast, jan1, 3, Yellow}}},
		{"forecast on baseline", finish(model.DayPlan(jan1), jan1, noDate), jan1.AddDays(-10), nil},
		{"forecast before baseline", finish(model.DayPlan(jan1), jan1.AddDays(-3), noDate), jan1.AddDays(-10), nil},
		{"overdue wins over forecast", finish(model.DayPlan(jan1), jan1.AddDays(200), noDate), jan1.AddDays(40),
			[]short{{"finish", KindOverdue, jan1, 40, Orange}}},
		{"forecast of an achieved milestone", finish(model.DayPlan(jan1), jan1.AddDays(200), jan1.AddDays(-20)), jan1.AddDays(-10), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkCompute(t, model.AlertFacts{Milestones: []model.MilestoneFact{tt.m}}, tt.asOf, tt.want)
		})
	}
}

func TestComputeStale(t *testing.T) {
	start := model.NewDate(2020, time.January, 1)
	report := model.NewDate(2020, time.January, 15)
	started := func(actualStart, lastReport model.Date) model.ProgressFact {
		return model.ProgressFact{ProjectFact: project, ActualStart: actualStart, LastReport: lastReport}
	}
	tests := []struct {
		name string
		p    model.ProgressFact
		asOf model.Date
		want []short
	}{
		{"report 45 days old", started(start, report), model.NewDate(2020, time.February, 29), nil},
		{"report 46 days old", started(start, report), model.NewDate(2020, time.March, 1),
			[]short{{StaleMilestone, KindStale, model.NewDate(2020, time.February, 29), 1, Yellow}}},
		{"no report: measured from the start, 45 days", started(start, noDate), start.AddDays(45), nil},
		{"no report: measured from the start, 46 days", started(start, noDate), start.AddDays(46),
			[]short{{StaleMilestone, KindStale, start.AddDays(45), 1, Yellow}}},
		{"report after as-of ignored", started(start, model.NewDate(2020, time.March, 5)), model.NewDate(2020, time.March, 1),
			[]short{{StaleMilestone, KindStale, start.AddDays(45), 15, Yellow}}},
		{"report before the start", started(report, start), report.AddDays(46),
			[]short{{StaleMilestone, KindStale, report.AddDays(45), 1, Yellow}}},
		{"started after as-of", started(start, noDate), start.AddDays(-1), nil},
		{"long silence is red", started(start, report), report.AddDays(45 + 91),
			[]short{{StaleMilestone, KindStale, report.AddDays(45), 91, Red}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkCompute(t, model.AlertFacts{Started: []model.ProgressFact{tt.p}}, tt.asOf, tt.want)
		})
	}
}

func TestComputeConfig(t *testing.T) {
	jan1 := model.NewDate(2019, time.January, 1)
	facts := model.AlertFacts{
		Milestones: []model.MilestoneFact{fact(model.MilestoneFinish, model.MilestoneFinish, model.DayPlan(jan1), noDate, noDate)},
		Started:    []model.ProgressFact{{ProjectFact: project, ActualStart: jan1}},
	}
	cfg := Config{YellowMax: 5, OrangeMax: 10, StaleDays: 7}
	got := shorten(Compute(facts, jan1.AddDays(11), cfg))
	want := []short{{"finish", KindOverdue, jan1, 11, Red}, {StaleMilestone, KindStale, jan1.AddDays(7), 4, Yellow}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestSeverity(t *testing.T) {
	custom := Config{YellowMax: 10, OrangeMax: 20, StaleDays: 45}
	tests := []struct {
		slip int
		cfg  Config
		want string
	}{
		{-1, DefaultConfig(), ""}, {0, DefaultConfig(), ""}, {1, DefaultConfig(), Yellow}, {30, DefaultConfig(), Yellow},
		{31, DefaultConfig(), Orange}, {90, DefaultConfig(), Orange}, {91, DefaultConfig(), Red},
		{10, custom, Yellow}, {11, custom, Orange}, {20, custom, Orange}, {21, custom, Red},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d/%d-%d", tt.slip, tt.cfg.YellowMax, tt.cfg.OrangeMax), func(t *testing.T) {
			if got := Severity(tt.slip, tt.cfg); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		cfg Config
		ok  bool
	}{
		{DefaultConfig(), true},
		{Config{YellowMax: 1, OrangeMax: 2, StaleDays: 1}, true},
		{Config{YellowMax: 0, OrangeMax: 90, StaleDays: 45}, false},
		{Config{YellowMax: 30, OrangeMax: 30, StaleDays: 45}, false},
		{Config{YellowMax: 30, OrangeMax: 90, StaleDays: 0}, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.cfg), func(t *testing.T) {
			err := tt.cfg.Validate()
			if got := err == nil; got != tt.ok {
				t.Fatalf("got ok %v (%v), want %v", got, err, tt.ok)
			}
			if err != nil && model.Kind(err) != model.EInvalid {
				t.Errorf("got kind %q, want %q", model.Kind(err), model.EInvalid)
			}
		})
	}
}

func TestComputeOrder(t *testing.T) {
	asOf := model.NewDate(2020, time.March, 1)
	p := func(code string) model.ProjectFact { return model.ProjectFact{Code: code, Name: code} }
	overdue := func(code, kind, name string, seq, days int) model.MilestoneFact {
		return model.MilestoneFact{ProjectFact: p(code), Kind: kind, Name: name, Seq: seq, Baseline: model.DayPlan(asOf.AddDays(-days))}
	}
	facts := model.AlertFacts{
		Milestones: []model.MilestoneFact{
			overdue("B", model.MilestoneFinish, model.MilestoneFinish, 9, 10),
			overdue("A", model.MilestoneStage, "主体完工", 2, 10),
			overdue("A", model.MilestoneStart, model.MilestoneStart, 1, 10),
			overdue("C", model.MilestoneStart, model.MilestoneStart, 1, 40),
			overdue("D", model.MilestoneStart, model.MilestoneStart, 1, 200),
			overdue("E", model.MilestoneStart, model.MilestoneStart, 1, 20),
		},
		Started: []model.ProgressFact{{ProjectFact: p("A"), ActualStart: asOf.AddDays(-55)}},
	}
	var got []string
	for _, a := range Compute(facts, asOf, DefaultConfig()) {
		got = append(got, fmt.Sprintf("%s %s %s %d", a.Severity, a.ProjectCode, a.Milestone, a.SlipDays))
	}
	want := []string{
		"red D start 200", "orange C start 40", "yellow E start 20",
		"yellow A start 10", "yellow A 主体完工 10", "yellow A 进度报告 10", "yellow B finish 10",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestComputeNoneIsEmptyArray(t *testing.T) {
	b, err := json.Marshal(Compute(model.AlertFacts{}, model.NewDate(2020, time.March, 1), DefaultConfig()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "[]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestAlertJSON(t *testing.T) {
	a := Alert{
		ProjectID: 7, ProjectCode: "A1-0007", ProjectName: "官舟镇敬老院", ResponsibleUnit: "县民政局",
		Milestone: "finish", Due: model.NewDate(2019, time.December, 31), SlipDays: 1, Severity: Yellow, Kind: KindOverdue,
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"project_id": 7.0, "project_code": "A1-0007", "project_name": "官舟镇敬老院", "responsible_unit": "县民政局",
		"township": "", "category": "", "milestone_id": 0.0, "milestone": "finish", "due": "2019-12-31", "forecast": nil,
		"slip_days": 1.0, "severity": "yellow", "kind": "overdue",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSlipHistory(t *testing.T) {
	jan1 := model.NewDate(2019, time.January, 1)
	ms := []model.Milestone{
		{ID: 1, Kind: model.MilestoneStart, Name: model.MilestoneStart, Baseline: model.MonthPlan(2018, time.December), Actual: jan1, SlipReason: "用地"},
		{ID: 2, Kind: model.MilestoneStage, Name: "主体完工", Baseline: model.DayPlan(jan1), Actual: jan1},
		{ID: 3, Kind: model.MilestoneStage, Name: "竣工验收", Baseline: model.DayPlan(jan1), Actual: jan1.AddDays(-3)},
		{ID: 4, Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Baseline: model.YearPlan(2019)},
		{ID: 5, Kind: model.MilestoneStage, Name: "投入使用", Actual: jan1},
		{ID: 6, Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Baseline: model.YearPlan(2019), Actual: model.NewDate(2020, time.March, 1)},
	}
	got := SlipHistory(ms)
	want := []Slip{
		{MilestoneID: 1, Milestone: "start", Due: model.NewDate(2018, time.December, 31), Actual: jan1, SlipDays: 1, SlipReason: "用地"},
		{MilestoneID: 6, Milestone: "finish", Due: model.NewDate(2019, time.December, 31), Actual: model.NewDate(2020, time.March, 1), SlipDays: 61},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := SlipHistory(nil); got == nil || len(got) != 0 {
		t.Errorf("got %#v, want an empty slice", got)
	}
}

// TestList runs the whole path on a real database: facts after the as-of
// date are not known, achieved milestones raise nothing.
func TestList(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		projects := []model.Project{
			{ID: 1, Code: "P1", Name: "敬老院", ResponsibleUnit: "县民政局", Township: "官舟镇"},
			{ID: 2, Code: "P2", Name: "殡仪馆", ResponsibleUnit: "县民政局"},
			{ID: 3, Code: "P3", Name: "公墓", ResponsibleUnit: "和平街道"},
		}
		milestones := []model.Milestone{
			{ProjectID: 1, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2019, time.March), Actual: model.NewDate(2019, time.April, 10)},
			{ProjectID: 1, Kind: "finish", Name: "finish", Seq: 2, Baseline: model.YearPlan(2019), Forecast: model.NewDate(2020, time.June, 30)},
			{ProjectID: 2, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2019, time.June), Actual: model.NewDate(2019, time.May, 1)},
			{ProjectID: 2, Kind: "finish", Name: "finish", Seq: 2, Baseline: model.YearPlan(2020), Forecast: model.NewDate(2021, time.January, 20)},
			{ProjectID: 3, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2019, time.June)},
			{ProjectID: 3, Kind: "finish", Name: "finish", Seq: 2},
		}
		reports := []model.ProgressReport{
			{ProjectID: 1, ReportDate: model.NewDate(2019, time.December, 20)},
			{ProjectID: 1, ReportDate: model.NewDate(2020, time.February, 1)}, // after the as-of date
			{ProjectID: 2, ReportDate: model.NewDate(2019, time.December, 15)},
		}
		if err := db.LoadTracking(ctx, projects, milestones, reports); err != nil {
			t.Fatal(err)
		}
		asOf := model.NewDate(2020, time.January, 10)
		as, err := List(ctx, db, asOf, DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		lines := func(as []Alert) []string {
			var out []string
			for _, a := range as {
				out = append(out, fmt.Sprintf("%s %s %s %s %s %d", a.Severity, a.Kind, a.ProjectCode, a.Milestone, a.Due, a.SlipDays))
			}
			return out
		}
		got := lines(as)
		want := []string{
			"red overdue P3 start 2019-06-30 194",
			"yellow forecast P2 finish 2020-12-31 20",
			"yellow overdue P1 finish 2019-12-31 10",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("as of %s: got %q, want %q", asOf, got, want)
		}
		// Five weeks later P1's February report is known, P2's December
		// one is too old, and P1's finish has slipped further.
		as, err = List(ctx, db, model.NewDate(2020, time.February, 15), DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		got = lines(as)
		want = []string{
			"red overdue P3 start 2019-06-30 230",
			"orange overdue P1 finish 2019-12-31 46",
			"yellow forecast P2 finish 2020-12-31 20",
			"yellow stale P2 进度报告 2020-01-29 17",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
		if _, err := List(ctx, db, asOf, Config{}); model.Kind(err) != model.EInvalid {
			t.Errorf("zero config: got %v, want an invalid error", err)
		}
	})
}

// benchMilestones is the number of milestones of each benchmark
// project: 100,000 projects make 1,000,000 milestones.
const (
	benchProjects   = 100_000
	benchMilestones = 10
)

// benchDB writes the benchmark database (synth.Tracking's data, the
// same cmd/captrack-bench measures) into a temp dir and returns its path.
func benchDB(b *testing.B) string {
	b.Helper()
	if testing.Short() {
		b.Skip("generates 1,000,000 milestones")
	}
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := synth.Tracking(ctx, db, benchProjects, benchMilestones); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkAlerts measures List on 100,000 projects and 1,000,000
// milestones in SQLite.
func BenchmarkAlerts(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	n := 0
	for b.Loop() {
		as, err := List(ctx, db, synth.AsOf, DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		n = len(as)
	}
	b.ReportMetric(float64(n), "alerts")
}
