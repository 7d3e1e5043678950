package model

// Project statuses as of a date, as the dashboard and the project list
// count them: each project has exactly one.
const (
	StatusIdle  = "idle"  // 未开工: not started
	StatusGoing = "going" // 在建: started, on schedule
	StatusDone  = "done"  // 已完工: finished
	StatusLate  = "late"  // 滞后: unfinished with an overdue milestone
)

// ProjectStatus is the status of a project with the given actual start
// and finish (both already limited to dates on or before the as-of date)
// and whether it has an overdue alert then. The store's statesSQL is its
// SQL form.
func ProjectStatus(start, finish Date, overdue bool) string {
	switch {
	case !finish.IsZero():
		return StatusDone
	case overdue:
		return StatusLate
	case !start.IsZero():
		return StatusGoing
	}
	return StatusIdle
}

// StateFilter keeps the projects in a state as of Alerts.AsOf (with
// Alerts' thresholds): of one status ("" any), whose most serious open
// alert is of band Worst-1 (Worst 1–3; WorstNone: no open alert; 0 any),
// and with an open alert of band Any-1 (1–3; 0 any).
type StateFilter struct {
	Alerts AlertQuery
	Status string
	Worst  int
	Any    int
}

// WorstNone is StateFilter.Worst for projects without open alerts.
const WorstNone = -1

// ProjectState is a project's status and most serious open alert (its
// band, -1 none) as of a date.
type ProjectState struct {
	ProjectID uint
	Status    string
	Worst     int
}

// StateCount is the number of projects of one status and most serious
// open alert (Worst: its band, -1 none) as of a date.
type StateCount struct {
	Status string
	Worst  int
	N      int64
}

// Dashboard is the 总览's figures as of a date, every one an aggregate
// the store computes.
type Dashboard struct {
	Total  int64
	States []StateCount
	// Categories and Townships count the projects by category and by
	// township ("" for none).
	Categories, Townships map[string]int64
	// Plan is the sum of the projects' plans (their budget lines' sum,
	// else their investment); PlanUnknown counts projects with neither.
	// Spent is every payment dated on or before the date.
	Plan, Spent Money
	PlanUnknown int64
}

// SpendFact is what a project's 支出进度 lamp is computed from as of a
// date: its allocations, receipts and payments dated on or before it.
type SpendFact struct {
	ProjectID                 uint
	ResponsibleUnit           string
	Allocated, Received, Paid Money
}
