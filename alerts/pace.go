package alerts

import (
	"context"
	"encoding/json"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

// Lamps of 序时进度, from best to worst.
const (
	LampGreen  = "green"
	LampYellow = "yellow"
	LampRed    = "red"
)

// Lamps lists the lamps from best to worst.
var Lamps = []string{LampGreen, LampYellow, LampRed}

// PaceConfig holds the lamps' thresholds in percentage points behind
// 序时进度: up to Yellow behind is green, up to Red behind yellow, more
// red.
type PaceConfig struct {
	Yellow int
	Red    int
}

// DefaultPaceConfig is green within 10 points, yellow 10–30 behind, red
// more than 30 behind.
func DefaultPaceConfig() PaceConfig { return PaceConfig{Yellow: 10, Red: 30} }

// Validate checks that the thresholds make sense together.
func (c PaceConfig) Validate() error {
	const op = "alerts.PaceConfig"
	switch {
	case c.Yellow < 0:
		return model.E(model.EInvalid, op, "黄灯阈值（落后百分点）不能为负")
	case c.Red <= c.Yellow || c.Red > 100:
		return model.E(model.EInvalid, op, "红灯阈值（落后百分点）必须大于黄灯阈值且不超过 100")
	}
	return nil
}

// Pace is a project's 序时进度 lamp as of a date: the elapsed share of
// its planned duration, its latest known progress (null when it has
// reported none), both in percent, and the lamp.
type Pace struct {
	ProjectID   uint                `json:"-"`
	Unit        string              `json:"-"`
	ElapsedPct  decimal.Decimal     `json:"-"`
	ProgressPct decimal.NullDecimal `json:"-"`
	Lamp        string              `json:"lamp"`
	// NotStarted: no actual start although the planned start has passed.
	NotStarted bool `json:"-"`
}

// MarshalJSON writes {"elapsed_pct", "progress_pct", "lamp"} with the
// percentages to one decimal.
func (p Pace) MarshalJSON() ([]byte, error) {
	j := struct {
		Elapsed  json.Number  `json:"elapsed_pct"`
		Progress *json.Number `json:"progress_pct"`
		Lamp     string       `json:"lamp"`
	}{Elapsed: json.Number(p.ElapsedPct.Round(1).String()), Lamp: p.Lamp}
	if p.ProgressPct.Valid {
		n := json.Number(p.ProgressPct.Decimal.String())
		j.Progress = &n
	}
	return json.Marshal(j)
}

var hundred = decimal.NewFromInt(100)

// PaceOf is the lamp of f as of asOf, and false when f has none: it is
// finished by asOf, lacks a planned start or finish, or has not started
// and is not yet due to. A started project without a progress report
// counts as 0 % done. The comparison is exact: progress ≥ elapsed − Yellow
// is green, ≥ elapsed − Red yellow, else red.
func PaceOf(cfg PaceConfig, f model.PaceFact, asOf model.Date) (Pace, bool) {
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
	case behindAtMost(cfg.Yellow):
		p.Lamp = LampGreen
	case behindAtMost(cfg.Red):
		p.Lamp = LampYellow
	default:
		p.Lamp = LampRed
	}
	return p, true
}

// PaceSource is what Paces reads: the facts of the lamps as of a date.
type PaceSource interface {
	PaceFacts(ctx context.Context, asOf model.Date, ids []uint) ([]model.PaceFact, error)
}

// Paces returns the lamps as of asOf of the projects ids (all when nil),
// keyed by project.
func Paces(ctx context.Context, db PaceSource, cfg PaceConfig, asOf model.Date, ids []uint) (map[uint]Pace, error) {
	facts, err := db.PaceFacts(ctx, asOf, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]Pace, len(facts))
	for _, f := range facts {
		if p, ok := PaceOf(cfg, f, asOf); ok {
			out[f.ProjectID] = p
		}
	}
	return out, nil
}

// PaceCounts is how many projects show each lamp.
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

// CountByUnit counts the lamps of ps per responsible unit.
func CountByUnit(ps map[uint]Pace) map[string]*PaceCounts {
	out := map[string]*PaceCounts{}
	for _, p := range ps {
		c := out[p.Unit]
		if c == nil {
			c = &PaceCounts{}
			out[p.Unit] = c
		}
		c.Add(p.Lamp)
	}
	return out
}
