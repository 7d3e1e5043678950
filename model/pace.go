package model

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// PaceLampNames lists the 序时进度 lamps from best to worst (a project
// without a lamp, finished or not yet due to start, has none).
var PaceLampNames = []string{LampGreen, LampYellow, LampRed}

// PaceLamps holds the 序时进度 lamps' thresholds in percentage points
// behind the elapsed share of the planned duration: up to Yellow behind
// is green, up to Red behind yellow, more red.
type PaceLamps struct {
	Yellow int
	Red    int
}

// DefaultPaceLamps is green within 10 points, yellow 10–30 behind, red
// more than 30 behind.
func DefaultPaceLamps() PaceLamps { return PaceLamps{Yellow: 10, Red: 30} }

// Validate checks that the thresholds make sense together.
func (c PaceLamps) Validate() error {
	const op = "model.PaceLamps"
	switch {
	case c.Yellow < 0:
		return E(EInvalid, op, "序时进度黄灯阈值（落后百分点）不能为负")
	case c.Red <= c.Yellow || c.Red > 100:
		return E(EInvalid, op, "序时进度红灯阈值（落后百分点）必须大于黄灯阈值且不超过 100")
	}
	return nil
}

// Pace is a project's 序时进度 lamp as of a date: the elapsed share of
// its planned duration, its latest known progress (null when it has
// reported none), both in percent, and the lamp.
type Pace struct {
	ProjectID   uint
	Unit        string
	ElapsedPct  decimal.Decimal
	ProgressPct decimal.NullDecimal
	Lamp        string
	// NotStarted: no actual start although the planned start has passed.
	NotStarted bool
}

// ElapsedText is the elapsed share to one decimal, as shown.
func (p Pace) ElapsedText() string { return p.ElapsedPct.Round(1).String() }

// ProgressText is the progress as reported, "" when none was.
func (p Pace) ProgressText() string {
	if !p.ProgressPct.Valid {
		return ""
	}
	return p.ProgressPct.Decimal.String()
}

// PaceJSON is a Pace's JSON form.
type PaceJSON struct {
	ElapsedPct  json.Number  `json:"elapsed_pct" doc:"计划工期已过的百分比（序时进度），一位小数"`
	ProgressPct *json.Number `json:"progress_pct" doc:"截至当日已知的最新形象进度（%），未填报时为 null"`
	Lamp        string       `json:"lamp" doc:"落后不超过黄灯阈值为绿灯，不超过红灯阈值为黄灯，否则红灯；应开工未开工为红灯"`
}

// JSON is p's JSON form: {"elapsed_pct", "progress_pct", "lamp"} with
// the elapsed share to one decimal and the progress as reported (null
// when none was).
func (p Pace) JSON() PaceJSON {
	j := PaceJSON{ElapsedPct: json.Number(p.ElapsedText()), Lamp: p.Lamp}
	if p.ProgressPct.Valid {
		n := json.Number(p.ProgressText())
		j.ProgressPct = &n
	}
	return j
}

// MarshalJSON writes p's JSON form.
func (p Pace) MarshalJSON() ([]byte, error) { return json.Marshal(p.JSON()) }

// PaceFact is what a project's 序时进度 lamp needs as of a date D: its
// plan, its actual start and finish as known on D when they are on or
// before D, and the 形象进度 of the latest report known on D that states
// one.
type PaceFact struct {
	ProjectID                 uint
	ResponsibleUnit           string
	PlannedStart              PlanDate
	PlannedFinish             PlanDate
	ActualStart, ActualFinish Date
	Progress                  decimal.NullDecimal
}

// Of is the lamp of f as of asOf, and false when f has none: it is
// finished by asOf, lacks a planned start or finish, or has not started
// and is not yet due to. A started project without a progress report
// counts as 0 % done; one not started past its planned start is red. The
// comparison is exact: progress ≥ elapsed − Yellow is green, ≥ elapsed −
// Red yellow, else red.
func (c PaceLamps) Of(f PaceFact, asOf Date) (Pace, bool) {
	start, finish := f.PlannedStart.Date, f.PlannedFinish.Date
	if !f.ActualFinish.IsZero() || start.IsZero() || finish.IsZero() || finish.Before(start) {
		return Pace{}, false
	}
	p := Pace{ProjectID: f.ProjectID, Unit: f.ResponsibleUnit, ProgressPct: f.Progress}
	// 序时进度 = num/den percent, exactly.
	num, den := int64(0), int64(finish.DaysSince(start))
	switch {
	case den == 0:
		den = 1
		if asOf.After(start) {
			num = 100
		}
	default:
		num = int64(min(max(asOf.DaysSince(start), 0), int(den))) * 100
	}
	p.ElapsedPct = decimal.NewFromInt(num).Div(decimal.NewFromInt(den))
	if f.ActualStart.IsZero() {
		if !asOf.After(start) {
			return Pace{}, false
		}
		p.Lamp, p.NotStarted = LampRed, true
		return p, true
	}
	progress := decimal.Zero
	if f.Progress.Valid {
		progress = f.Progress.Decimal
	}
	// elapsed − progress ≤ points, that is num ≤ (progress + points)·den.
	behindAtMost := func(points int) bool {
		return decimal.NewFromInt(num).LessThanOrEqual(progress.Add(decimal.NewFromInt(int64(points))).Mul(decimal.NewFromInt(den)))
	}
	switch {
	case behindAtMost(c.Yellow):
		p.Lamp = LampGreen
	case behindAtMost(c.Red):
		p.Lamp = LampYellow
	default:
		p.Lamp = LampRed
	}
	return p, true
}

// Text describes the thresholds in Chinese, as the pages and the 通报
// show them.
func (c PaceLamps) Text() string {
	return fmt.Sprintf("序时进度：落后不超过 %d 个百分点为绿灯，%d–%d 个为黄灯，超过 %d 个为红灯；过计划开工日期仍未开工为红灯",
		c.Yellow, c.Yellow, c.Red, c.Red)
}

// PaceLampName is the Chinese name of a 序时进度 lamp, "—" for none.
func PaceLampName(lamp string) string {
	if lamp == "" {
		return "—"
	}
	return LampName(lamp)
}

// PaceCounts is how many projects show each 序时进度 lamp.
type PaceCounts struct {
	Green, Yellow, Red int
}

// Add counts lamp.
func (c *PaceCounts) Add(lamp string) {
	switch lamp {
	case LampGreen:
		c.Green++
	case LampYellow:
		c.Yellow++
	case LampRed:
		c.Red++
	}
}

// Plus is c and d added.
func (c PaceCounts) Plus(d PaceCounts) PaceCounts {
	return PaceCounts{Green: c.Green + d.Green, Yellow: c.Yellow + d.Yellow, Red: c.Red + d.Red}
}

// Total is the number of projects counted.
func (c PaceCounts) Total() int { return c.Green + c.Yellow + c.Red }
