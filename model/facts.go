package model

import (
	"time"

	"github.com/shopspring/decimal"
)

// The facts the alerts and the reports are computed from, as the store
// reads them. They are contracts between store, alerts and reports: plain
// values, no storage.

// ProjectFact is what an alert says about the project it concerns.
type ProjectFact struct {
	ProjectID       uint
	Code            string
	Name            string
	ResponsibleUnit string
	Township        string
	Category        string
}

// MilestoneFact is one milestone with its project, as alerts need it.
type MilestoneFact struct {
	ProjectFact
	MilestoneID uint
	Kind        string // start | finish | stage
	Name        string
	Seq         int
	Baseline    PlanDate
	Forecast    Date
	Actual      Date
}

// ProgressFact is a project that had started as of a date and had not
// finished by then, with its actual start and its latest progress report
// dated on or before that date (zero when there is none).
type ProgressFact struct {
	ProjectFact
	ActualStart Date
	LastReport  Date
}

// AlertFacts is what the database knows, as of a date, that can raise a
// schedule-slip alert.
type AlertFacts struct {
	// Milestones holds every milestone with a baseline that is not
	// achieved as of the date (no actual, or an actual after it) and is
	// either due before the date or forecast beyond its baseline.
	Milestones []MilestoneFact
	// Started holds every project started on or before the date and not
	// finished on or before it.
	Started []ProgressFact
}

// AlertQuery selects alert facts as of AsOf with the alerts package's
// thresholds, by the SQL form of its rules (alerts.Compute is the
// reference; a test keeps the two equal). A slip of 1..YellowMax days is
// band 0, up to OrangeMax band 1, beyond band 2.
type AlertQuery struct {
	AsOf                            Date
	YellowMax, OrangeMax, StaleDays int
	// Kind keeps one kind of alert ("" every kind); Band, when not
	// negative, one band.
	Kind string
	Band int
	// Unit, Township and Category keep the alerts of projects with that
	// responsible unit, township or category; ProjectID those of one
	// project.
	Unit, Township, Category string
	ProjectID                uint
	// ProjectIDs, when not empty, keeps the alerts of those projects.
	ProjectIDs []uint
	// Uncounted: AlertPage reads the first rows only, not the counts.
	Uncounted bool
}

// AlertPage is a part of the alerts a query selects.
type AlertPage struct {
	// Facts holds, of each ordered source of alerts (overdue milestones,
	// forecasts, stale projects), the first rows in the alerts' order
	// (slip, project code, milestone): merged and sorted, their first N
	// are the first N alerts.
	Facts AlertFacts
	// Counts counts every alert the query selects by band, whatever its
	// Band (zero when the query is Uncounted).
	Counts [3]int64
}

// ProjectFacts is what the reports know of one project as of a date D:
// only facts dated on or before D count.
type ProjectFacts struct {
	Project Project
	// Plan is the planned investment: the sum of the project's budget
	// lines when it has any (the breakdown finance keeps is the newer,
	// finer statement), else the annex total (Project.Investment).
	// PlanKnown is false when neither exists.
	Plan           Money
	PlanKnown      bool
	PlanFromBudget bool
	// Spent is the sum of payments dated ≤ D, Allocated and Received
	// those of the allocations (下达) and receipts (到位); the maps split
	// them by funding source ("" for payments that name none).
	Spent, Allocated, Received                         Money
	SpentBySource, AllocatedBySource, ReceivedBySource map[string]Money
	// Progress is the latest 形象进度 (0–100) reported on or before D,
	// Problems that report's 存在问题.
	Progress     decimal.NullDecimal
	ProgressDate Date
	Problems     string
	// ActualStart and ActualFinish are the start and finish milestones'
	// actual dates when they are ≤ D.
	ActualStart, ActualFinish Date
	// OpenSupervisions counts 督办 raised by D and not closed by D;
	// LatestSupervision is the reason of the latest of them.
	OpenSupervisions  int
	LatestSupervision string
	// Pace is the 序时进度 lamp as of D, nil when the project has none.
	Pace *Pace
}

// DefaultOrg is the 编制单位 printed on every report page unless
// configured otherwise (CAPTRACK_ORG).
const DefaultOrg = "沿河土家族自治县"

// ReportData is everything the Excel reports show, as of AsOf.
type ReportData struct {
	AsOf Date
	// Org (编制单位) and Printed (打印时间, in the county's zone) are what
	// every printed page says beside the as-of date.
	Org      string
	Printed  time.Time
	Projects []ProjectFacts // by category, annex, id (Go string order on every engine)
	// Sources are the funding sources the funds chain ≤ AsOf names: the
	// registered ones in register order, then any others sorted.
	// Lamps sets the spending-progress lamps.
	Lamps SpendLamps
	// Pace sets the 序时进度 lamps.
	Pace    PaceLamps
	Sources []string
}

// FactsOf returns what AlertFacts and PaceFacts hold of project p as of
// asOf, from its milestones and progress reports as known on asOf (what
// the project page reads anyway): every milestone (alerts.Compute
// applies every rule of the open ones), p as started when a start
// milestone was achieved by asOf and no finish was, with its latest
// report; the pace fact's actual dates and its 形象进度, that of the
// latest report (by date, then as recorded) that states one.
func FactsOf(p Project, ms []Milestone, reports []ProgressReport, asOf Date) (AlertFacts, PaceFact) {
	pf := ProjectFact{ProjectID: p.ID, Code: p.Code, Name: p.Name, ResponsibleUnit: p.ResponsibleUnit, Township: p.Township, Category: p.Category}
	pace := PaceFact{ProjectID: p.ID, ResponsibleUnit: p.ResponsibleUnit, PlannedStart: p.PlannedStart, PlannedFinish: p.PlannedFinish}
	var facts AlertFacts
	earliest := func(d *Date, m Milestone) {
		if !m.Actual.IsZero() && !m.Actual.After(asOf) && (d.IsZero() || m.Actual.Before(*d)) {
			*d = m.Actual
		}
	}
	for _, m := range ms {
		facts.Milestones = append(facts.Milestones, MilestoneFact{ProjectFact: pf, MilestoneID: m.ID, Kind: m.Kind, Name: m.Name,
			Seq: m.Seq, Baseline: m.Baseline, Forecast: m.Forecast, Actual: m.Actual})
		switch m.Kind {
		case MilestoneStart:
			earliest(&pace.ActualStart, m)
		case MilestoneFinish:
			earliest(&pace.ActualFinish, m)
		}
	}
	var last, pct *ProgressReport
	for i := range reports {
		r := &reports[i]
		later := func(o *ProgressReport) bool {
			return o == nil || r.ReportDate.After(o.ReportDate) || (r.ReportDate == o.ReportDate && r.ID > o.ID)
		}
		if later(last) {
			last = r
		}
		if r.Percent.Valid && later(pct) {
			pct = r
		}
	}
	if pct != nil {
		pace.Progress = pct.Percent
	}
	if !pace.ActualStart.IsZero() && pace.ActualFinish.IsZero() {
		started := ProgressFact{ProjectFact: pf, ActualStart: pace.ActualStart}
		if last != nil {
			started.LastReport = last.ReportDate
		}
		facts.Started = append(facts.Started, started)
	}
	return facts, pace
}
