package ui

import (
	"fmt"
	"time"

	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
)

// Gantt is the geometry of a project's timeline picture, computed here so
// that the template only places shapes. Coordinates are SVG user units in
// a viewBox Width × Height.
type Gantt struct {
	Width, Height int
	Left, Right   int // the time axis runs from Left to Right
	BarH          int // height of a bar
	AxisY         int
	Ticks         []GanttTick
	Rows          []GanttRow
	Today         int  // x of the as-of date
	ShowToday     bool // the as-of date lies inside the axis
}

// GanttTick is one mark on the time axis.
type GanttTick struct {
	X     int
	Label string
	Major bool // a year boundary
}

// GanttRow is one line of the picture: bars (spans) and marks (points).
// TextY is the baseline of its label, BarY the top of its bars.
type GanttRow struct {
	TextY, BarY int
	Label       string
	Bars        []GanttBar
	Marks       []GanttMark
}

// GanttBar is a span from X to X+W. Class is a CSS class: "base"
// (baseline plan), "done" (actual), "plan" (forecast still to come).
type GanttBar struct {
	X, W  int
	Class string
	Title string
}

// GanttMark is a milestone date drawn as a diamond (Points is its SVG
// polygon): "base" (baseline), "ontime" or "late" (actual), "forecast".
type GanttMark struct {
	X      int
	Points string
	Class  string
	Title  string
}

const (
	ganttWidth  = 900
	ganttLeft   = 130
	ganttRight  = 880
	ganttRowH   = 26
	ganttBarH   = 14
	ganttMarkR  = 7  // half the diagonal of a milestone diamond
	ganttTop    = 18 // room for the as-of label above the rows
	ganttAxisH  = 28
	ganttMargin = 20 // days of room either side of the earliest and latest date
)

// NewGantt draws the milestones of one project as of today: a row for the
// baseline span from start to finish, a row for the actual span (solid up
// to the actual finish or today, then the forecast still to come), and a
// row per milestone with its baseline, forecast and actual dates. It
// returns nil when no milestone has a date.
func NewGantt(ms []model.Milestone, today model.Date) *Gantt {
	var lo, hi model.Date
	widen := func(d model.Date) {
		if d.IsZero() {
			return
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	var start, finish *model.Milestone
	for i := range ms {
		m := &ms[i]
		widen(m.Baseline.Date)
		widen(m.Forecast)
		widen(m.Actual)
		switch m.Kind {
		case model.MilestoneStart:
			start = m
		case model.MilestoneFinish:
			finish = m
		}
	}
	if lo.IsZero() {
		return nil
	}
	if finish == nil || finish.Actual.IsZero() {
		// An unfinished project's actual bar runs to today.
		widen(today)
	}
	lo, hi = lo.AddDays(-ganttMargin), hi.AddDays(ganttMargin)
	span := hi.DaysSince(lo)
	x := func(d model.Date) int {
		return ganttLeft + d.DaysSince(lo)*(ganttRight-ganttLeft)/span
	}

	g := &Gantt{Width: ganttWidth, Left: ganttLeft, Right: ganttRight, BarH: ganttBarH}
	y := ganttTop
	addRow := func(r GanttRow) {
		r.TextY, r.BarY = y+17, y+(ganttRowH-ganttBarH)/2
		mid := y + ganttRowH/2
		for i := range r.Marks {
			mx := r.Marks[i].X
			r.Marks[i].Points = fmt.Sprintf("%d,%d %d,%d %d,%d %d,%d",
				mx, mid-ganttMarkR, mx+ganttMarkR, mid, mx, mid+ganttMarkR, mx-ganttMarkR, mid)
		}
		g.Rows = append(g.Rows, r)
		y += ganttRowH
	}

	if start != nil && finish != nil && !start.Baseline.IsZero() && !finish.Baseline.IsZero() {
		b0, b1 := start.Baseline.Date, finish.Baseline.Date
		addRow(GanttRow{Label: "计划工期", Bars: []GanttBar{{
			X: x(b0), W: max(x(b1)-x(b0), 2), Class: "base",
			Title: fmt.Sprintf("计划：%s 至 %s", start.Baseline, finish.Baseline),
		}}})
	}
	if start != nil && !start.Actual.IsZero() {
		row := GanttRow{Label: "实际/预计"}
		end := today
		if finish != nil && !finish.Actual.IsZero() {
			end = finish.Actual
		}
		if end.After(start.Actual) {
			row.Bars = append(row.Bars, GanttBar{
				X: x(start.Actual), W: max(x(end)-x(start.Actual), 2), Class: "done",
				Title: fmt.Sprintf("实际：%s 开工", start.Actual),
			})
		}
		if finish != nil && finish.Actual.IsZero() {
			due := finish.Forecast
			if due.IsZero() {
				due = finish.Baseline.Date
			}
			if !due.IsZero() && due.After(end) {
				row.Bars = append(row.Bars, GanttBar{
					X: x(end), W: max(x(due)-x(end), 2), Class: "plan",
					Title: fmt.Sprintf("预计 %s 完工", due),
				})
			}
		}
		addRow(row)
	}
	for _, m := range ms {
		label := alerts.MilestoneName(m.Name)
		row := GanttRow{Label: label}
		if !m.Baseline.IsZero() {
			row.Marks = append(row.Marks, GanttMark{X: x(m.Baseline.Date), Class: "base", Title: label + " 计划：" + m.Baseline.String()})
		}
		if !m.Forecast.IsZero() && m.Actual.IsZero() {
			row.Marks = append(row.Marks, GanttMark{X: x(m.Forecast), Class: "forecast", Title: label + " 预计：" + m.Forecast.String()})
		}
		if !m.Actual.IsZero() {
			class := "ontime"
			if !m.Baseline.IsZero() && m.Actual.After(m.Baseline.Date) {
				class = "late"
			}
			row.Marks = append(row.Marks, GanttMark{X: x(m.Actual), Class: class, Title: label + " 实际：" + m.Actual.String()})
		}
		addRow(row)
	}

	g.AxisY = y + 4
	g.Height = g.AxisY + ganttAxisH
	for d := model.NewDate(lo.Year, lo.Month+1, 1); !d.After(hi); d = model.NewDate(d.Year, d.Month+1, 1) {
		switch {
		case d.Month == time.January:
			g.Ticks = append(g.Ticks, GanttTick{X: x(d), Label: fmt.Sprintf("%d年", d.Year), Major: true})
		case span < 3*365 && (d.Month-1)%3 == 0:
			g.Ticks = append(g.Ticks, GanttTick{X: x(d), Label: fmt.Sprintf("%d月", d.Month)})
		}
	}
	if !today.IsZero() && !today.Before(lo) && !today.After(hi) {
		g.Today, g.ShowToday = x(today), true
	}
	return g
}
