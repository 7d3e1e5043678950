package model

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// ProjectView is a project as the CLI, the API and the web UI show it:
// the stored record plus what its milestones, progress reports and
// payments say about it.
type ProjectView struct {
	Project
	ActualStart  Date                // actual date of the start milestone
	ActualFinish Date                // actual date of the finish milestone
	ProgressPct  decimal.NullDecimal // 形象进度 of the latest report that states one
	Spent        Money               // sum of disbursements to date
	// Spend is the spending progress (支出进度) today: allocated, paid,
	// paid ÷ allocated and its lamp.
	Spend Spend
}

// projectViewJSON fixes the JSON keys and their order.
type projectViewJSON struct {
	ID                     uint         `json:"id"`
	Code                   string       `json:"code"`
	Name                   string       `json:"name"`
	Annex                  int          `json:"annex"`
	Category               string       `json:"category"`
	Site                   string       `json:"site"`
	Township               string       `json:"township"`
	ResponsibleUnit        string       `json:"responsible_unit"`
	PlannedStart           Date         `json:"planned_start"`
	PlannedFinish          Date         `json:"planned_finish"`
	PlanPrecision          *Precision   `json:"plan_precision"`
	PlannedStartPrecision  *Precision   `json:"planned_start_precision"`
	PlannedFinishPrecision *Precision   `json:"planned_finish_precision"`
	InvestmentWan          *json.Number `json:"investment_wan"`
	FloorAreaM2            *json.Number `json:"floor_area_m2"`
	LandMu                 *json.Number `json:"land_mu"`
	Beds                   *int         `json:"beds"`
	Qualifiers             string       `json:"qualifiers,omitempty"`
	ActualStart            Date         `json:"actual_start"`
	ActualFinish           Date         `json:"actual_finish"`
	ProgressPct            *json.Number `json:"progress_pct"`
	SpentWan               json.Number  `json:"spent_wan"`
	Spend                  spendJSON    `json:"spend"`
}

// spendJSON is a project's spending progress in JSON.
type spendJSON struct {
	AllocatedWan json.Number  `json:"allocated_wan"`
	PaidWan      json.Number  `json:"paid_wan"`
	RatePct      *json.Number `json:"rate_pct"`
	Lamp         string       `json:"lamp"`
}

// MarshalJSON encodes the view with dates as "YYYY-MM-DD" (the last day of
// the month or year for coarse plan dates), amounts as exact numbers of
// 万元, and null for everything unknown.
func (v ProjectView) MarshalJSON() ([]byte, error) {
	p := &v.Project
	plan := precisionOf(p.PlannedFinish)
	if plan == nil {
		plan = precisionOf(p.PlannedStart)
	}
	j := projectViewJSON{
		ID: p.ID, Code: p.Code, Name: p.Name, Annex: p.Annex, Category: p.Category,
		Site: p.Site, Township: p.Township, ResponsibleUnit: p.ResponsibleUnit,
		PlannedStart: p.PlannedStart.Date, PlannedFinish: p.PlannedFinish.Date,
		PlanPrecision:          plan,
		PlannedStartPrecision:  precisionOf(p.PlannedStart),
		PlannedFinishPrecision: precisionOf(p.PlannedFinish),
		FloorAreaM2:            decimalNumber(p.FloorArea),
		LandMu:                 decimalNumber(p.Land),
		Beds:                   p.Beds,
		Qualifiers:             p.Qualifiers,
		ActualStart:            v.ActualStart,
		ActualFinish:           v.ActualFinish,
		ProgressPct:            decimalNumber(v.ProgressPct),
		SpentWan:               json.Number(v.Spent.WanString()),
		Spend: spendJSON{AllocatedWan: json.Number(v.Spend.Allocated.WanString()), PaidWan: json.Number(v.Spend.Paid.WanString()),
			RatePct: decimalNumber(v.Spend.Rate), Lamp: v.Spend.Lamp},
	}
	if p.Investment != nil {
		j.InvestmentWan = decimalNumber(decimal.NewNullDecimal(p.Investment.Wan()))
	}
	return json.Marshal(j)
}

func precisionOf(d PlanDate) *Precision {
	if d.IsZero() {
		return nil
	}
	return &d.Precision
}

func decimalNumber(d decimal.NullDecimal) *json.Number {
	if !d.Valid {
		return nil
	}
	n := json.Number(d.Decimal.String())
	return &n
}
