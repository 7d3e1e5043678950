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
	// The facts are as of the view's date (today unless a filter's AsOf
	// says otherwise).
	ActualStart  Date                // actual date of the start milestone
	ActualFinish Date                // actual date of the finish milestone
	ProgressPct  decimal.NullDecimal // 形象进度 of the latest report that states one
	Spent        Money               // sum of disbursements to date
	// Spend is the spending progress (支出进度): allocated, paid,
	// paid ÷ allocated and its lamp.
	Spend Spend
}

// PaceFact is what the view's 序时进度 lamp (PaceLamps.Of) is lit by: its
// plan, actual dates and 形象进度.
func (v ProjectView) PaceFact() PaceFact {
	return PaceFact{ProjectID: v.ID, ResponsibleUnit: v.ResponsibleUnit, PlannedStart: v.PlannedStart, PlannedFinish: v.PlannedFinish,
		ActualStart: v.ActualStart, ActualFinish: v.ActualFinish, Progress: v.ProgressPct}
}

// ProjectJSON is a ProjectView's JSON form: its keys, their order and
// their types, which the API's OpenAPI document is generated from.
type ProjectJSON struct {
	ID                     uint         `json:"id"`
	Code                   string       `json:"code"`
	Name                   string       `json:"name"`
	Annex                  int          `json:"annex" doc:"附件号"`
	Category               string       `json:"category"`
	Site                   string       `json:"site"`
	Township               string       `json:"township" doc:"乡镇（街道）"`
	ResponsibleUnit        string       `json:"responsible_unit" doc:"责任单位"`
	PlannedStart           Date         `json:"planned_start" doc:"计划开工日期（按月、按年的计划为该月、该年最后一天）"`
	PlannedFinish          Date         `json:"planned_finish" doc:"计划完工日期（按月、按年的计划为该月、该年最后一天）"`
	PlanPrecision          *Precision   `json:"plan_precision" doc:"计划日期的精度：完工日期的，没有时开工日期的"`
	PlannedStartPrecision  *Precision   `json:"planned_start_precision"`
	PlannedFinishPrecision *Precision   `json:"planned_finish_precision"`
	InvestmentWan          *json.Number `json:"investment_wan" doc:"计划总投资（万元，精确十进制）"`
	FloorAreaM2            *json.Number `json:"floor_area_m2" doc:"建筑面积（平方米）"`
	LandMu                 *json.Number `json:"land_mu" doc:"用地面积（亩）"`
	Beds                   *int         `json:"beds" doc:"床位数"`
	Qualifiers             string       `json:"qualifiers,omitempty" doc:"工作簿中带限定语的原文（如 总投资(万元)：约5000），字段中只存数字"`
	ActualStart            Date         `json:"actual_start" doc:"实际开工日期"`
	ActualFinish           Date         `json:"actual_finish" doc:"实际完工日期"`
	ProgressPct            *json.Number `json:"progress_pct" doc:"最新一次填报的形象进度（%）"`
	SpentWan               json.Number  `json:"spent_wan" doc:"累计拨付（万元）"`
	Spend                  SpendJSON    `json:"spend" doc:"支出进度：下达、拨付、拨付率及灯色"`
}

// SpendJSON is a project's spending progress in JSON.
type SpendJSON struct {
	AllocatedWan json.Number  `json:"allocated_wan" doc:"已下达资金（万元）"`
	PaidWan      json.Number  `json:"paid_wan" doc:"已拨付资金（万元）"`
	RatePct      *json.Number `json:"rate_pct" doc:"支出进度（拨付 ÷ 下达，%），未下达时为 null"`
	Lamp         string       `json:"lamp"`
}

// MarshalJSON encodes the view's JSON form.
func (v ProjectView) MarshalJSON() ([]byte, error) { return json.Marshal(v.JSON()) }

// JSON is the view's JSON form: dates as "YYYY-MM-DD" (the last day of
// the month or year for coarse plan dates), amounts as exact numbers of
// 万元, and null for everything unknown.
func (v ProjectView) JSON() ProjectJSON {
	p := &v.Project
	plan := precisionOf(p.PlannedFinish)
	if plan == nil {
		plan = precisionOf(p.PlannedStart)
	}
	j := ProjectJSON{
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
		Spend: SpendJSON{AllocatedWan: json.Number(v.Spend.Allocated.WanString()), PaidWan: json.Number(v.Spend.Paid.WanString()),
			RatePct: decimalNumber(v.Spend.Rate), Lamp: v.Spend.Lamp},
	}
	if p.Investment != nil {
		j.InvestmentWan = decimalNumber(decimal.NewNullDecimal(p.Investment.Wan()))
	}
	return j
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
