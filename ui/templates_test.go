package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
)

func TestParseEveryPage(t *testing.T) {
	tpl, err := Parse(model.CountyZone())
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	for _, page := range []string{"login", "dashboard", "projects", "project", "alerts", "import", "reports", "error"} {
		if _, ok := tpl.pages[page]; !ok {
			t.Errorf("page %q not parsed", page)
		}
	}
	var b strings.Builder
	if err := tpl.Render(&b, "nonesuch", nil); err == nil {
		t.Error("Render of an unknown page succeeded")
	}
}

func TestWan(t *testing.T) {
	for _, tc := range []struct {
		in   model.Money
		want string
	}{
		{0, "0.00"},
		{5000 * model.Wan, "5,000.00"},
		{125 * model.Wan / 10, "12.50"},
		{1234567 * model.Wan, "1,234,567.00"},
		{-45845 * model.Wan, "-45,845.00"},
		{17223457 * model.Yuan, "1,722.3457"},
		{1, "0.01 元"},
		{123456789, "1,234,567.89 元"},
		{model.MaxAmount, "100,000,000.00"},
	} {
		if got := Wan(tc.in); got != tc.want {
			t.Errorf("Wan(%d) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNewGantt(t *testing.T) {
	start := model.Milestone{ID: 1, Kind: model.MilestoneStart, Name: model.MilestoneStart, Baseline: model.MonthPlan(2018, time.December)}
	finish := model.Milestone{ID: 2, Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Baseline: model.MonthPlan(2020, time.December)}
	stage := model.Milestone{ID: 3, Kind: model.MilestoneStage, Name: "主体完工", Baseline: model.MonthPlan(2020, time.June)}
	today := model.NewDate(2020, 6, 30)

	if g := NewGantt(nil, today); g != nil {
		t.Errorf("NewGantt of no milestones = %+v, want nil", g)
	}
	undated := model.Milestone{Kind: model.MilestoneStage, Name: "竣工验收"}
	if g := NewGantt([]model.Milestone{undated}, today); g != nil {
		t.Errorf("NewGantt of undated milestones = %+v, want nil", g)
	}

	t.Run("not started", func(t *testing.T) {
		g := NewGantt([]model.Milestone{start, stage, finish}, today)
		labels := []string{}
		for _, r := range g.Rows {
			labels = append(labels, r.Label)
		}
		if got, want := strings.Join(labels, ","), "计划工期,开工,主体完工,完工"; got != want {
			t.Fatalf("rows %s, want %s", got, want)
		}
		plan := g.Rows[0].Bars[0]
		if plan.Class != "base" || plan.X < g.Left || plan.X+plan.W > g.Right {
			t.Errorf("plan bar %+v outside the axis %d..%d", plan, g.Left, g.Right)
		}
		if !g.ShowToday || g.Today <= plan.X || g.Today >= plan.X+plan.W {
			t.Errorf("today at %d (shown %v), want inside the plan bar %d..%d", g.Today, g.ShowToday, plan.X, plan.X+plan.W)
		}
		if m := g.Rows[1].Marks; len(m) != 1 || m[0].Class != "base" || m[0].X != plan.X {
			t.Errorf("start marks %+v, want one baseline mark at %d", m, plan.X)
		}
		if len(g.Ticks) == 0 || g.Height <= g.AxisY {
			t.Errorf("axis: %d ticks, height %d, axis at %d", len(g.Ticks), g.Height, g.AxisY)
		}
	})

	t.Run("started late, forecast beyond plan", func(t *testing.T) {
		s, f := start, finish
		s.Actual = model.NewDate(2019, 3, 1)
		f.Forecast = model.NewDate(2021, 6, 30)
		g := NewGantt([]model.Milestone{s, f}, today)
		actual := g.Rows[1]
		if actual.Label != "实际/预计" || len(actual.Bars) != 2 {
			t.Fatalf("actual row %+v, want a done bar and a forecast bar", actual)
		}
		done, rest := actual.Bars[0], actual.Bars[1]
		if done.Class != "done" || rest.Class != "plan" || done.X+done.W != rest.X || rest.X != g.Today {
			t.Errorf("bars %+v %+v, want done up to today (%d), then the forecast", done, rest, g.Today)
		}
		marks := g.Rows[2].Marks
		if len(marks) != 2 || marks[1].Class != "late" {
			t.Errorf("start marks %+v, want the baseline and a late actual", marks)
		}
		if fm := g.Rows[3].Marks; len(fm) != 2 || fm[1].Class != "forecast" || fm[1].X <= fm[0].X {
			t.Errorf("finish marks %+v, want the baseline and a later forecast", fm)
		}
	})

	t.Run("finished on time", func(t *testing.T) {
		s, f := start, finish
		s.Actual, f.Actual = model.NewDate(2018, 12, 20), model.NewDate(2020, 11, 30)
		g := NewGantt([]model.Milestone{s, f}, model.NewDate(2026, 1, 1))
		if g.ShowToday {
			t.Errorf("today (2026) shown on the timeline of a project finished in 2020")
		}
		if bars := g.Rows[1].Bars; len(bars) != 1 || bars[0].Class != "done" {
			t.Errorf("actual bars %+v, want one done bar", bars)
		}
		for _, r := range g.Rows[2:] {
			if last := r.Marks[len(r.Marks)-1]; last.Class != "ontime" {
				t.Errorf("%s: last mark %+v, want ontime", r.Label, last)
			}
		}
	})
}

func TestTimeTextInCountyZone(t *testing.T) {
	utc := time.Date(2026, time.March, 9, 23, 30, 0, 0, time.UTC)
	if got, want := timeText(utc, model.CountyZone()), "2026-03-10 07:30"; got != want {
		t.Errorf("timeText(%v) = %q, want %q", utc, got, want)
	}
}
