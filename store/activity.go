package store

import (
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// projectActivity is a started project's latest signs of life, kept on
// every write of a progress report or of a start or finish actual date
// (refreshActivity), so that the stale alerts of a date are a range of
// the index on (actual_finish, since) rather than an aggregate of every
// start milestone and report. Its dates are the ones stored now, as
// known today; AlertPage reads them as of D only where they equal the
// facts known on D (see activityHorizon) and recomputes the rest.
type projectActivity struct {
	ProjectID uint `gorm:"primaryKey;autoIncrement:false"`
	// ActualStart and ActualFinish are the earliest actual date of the
	// project's start and finish milestones (finish NULL when none).
	ActualStart  model.Date `gorm:"not null"`
	ActualFinish model.Date `gorm:"index:idx_project_activity_open,priority:1"`
	// Since is the later of ActualStart and LastReport: the date a
	// stale alert counts from.
	Since      model.Date `gorm:"not null;index:idx_project_activity_open,priority:2"`
	LastReport model.Date
	// ReportsKnown is the latest report date or known-on date of the
	// project's reports: on and after it, LastReport is the latest report
	// known.
	ReportsKnown model.Date `gorm:"index:idx_project_activity_known"`
}

func (projectActivity) TableName() string { return "project_activity" }

// activityBatch is how many projects one refreshActivity statement covers.
const activityBatch = 500

// A project's actual start and finish (the earliest actual date of its
// start and finish milestones) and latest report, as scalar subqueries
// of a project p. Each subquery's only condition is its project, so that
// it reads that project's rows by the project index: with "kind = ?" or
// "actual IS NULL" in the WHERE SQLite read the kind (or due) index in
// order instead, scanning the milestones of every project for each one,
// so that loading or importing many projects grew with their square.
const (
	actualStartSQL  = `(SELECT MIN(CASE WHEN m.kind = 'start' THEN m.actual END) FROM milestones m WHERE m.project_id = p.id)`
	actualFinishSQL = `(SELECT MIN(CASE WHEN m.kind = 'finish' THEN m.actual END) FROM milestones m WHERE m.project_id = p.id)`
	lastReportSQL   = `(SELECT MAX(r.report_date) FROM progress_reports r WHERE r.project_id = p.id)`
)

// activityRowsSQL selects the activity rows of the projects of a
// subquery, from their milestones and reports; projects not started
// have none.
const activityRowsSQL = `SELECT project_id, actual_start, actual_finish,
	CASE WHEN last_report > actual_start THEN last_report ELSE actual_start END, last_report, reports_known
FROM (SELECT p.id AS project_id, ` + actualStartSQL + ` AS actual_start, ` + actualFinishSQL + ` AS actual_finish,
	` + lastReportSQL + ` AS last_report,
	(SELECT MAX(CASE WHEN r.known_on > r.report_date THEN r.known_on ELSE r.report_date END)
	 FROM progress_reports r WHERE r.project_id = p.id) AS reports_known
	FROM projects p WHERE p.id IN (?)) a
WHERE actual_start IS NOT NULL`

// refreshActivity rebuilds the activity and state rows and the spans of
// projects ids from their milestones and reports, in tx.
func refreshActivity(tx *gorm.DB, ids []uint) error {
	for len(ids) > 0 {
		n := min(len(ids), activityBatch)
		if err := refreshActivityWhere(tx, ids[:n]); err != nil {
			return err
		}
		if err := refreshStatesWhere(tx, ids[:n]); err != nil {
			return err
		}
		if err := refreshPercentsWhere(tx, ids[:n]); err != nil {
			return err
		}
		if err := refreshSpans(tx, ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// refreshActivityWhere rebuilds the activity rows of the projects that
// sel, a list of IDs or an ID subquery, selects.
func refreshActivityWhere(tx *gorm.DB, sel any) error {
	if err := tx.Exec("DELETE FROM project_activity WHERE project_id IN (?)", sel).Error; err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO project_activity (project_id, actual_start, actual_finish, since, last_report, reports_known) `+
		activityRowsSQL, sel).Error
}

// projectState is a project's due state, kept on every write of its
// milestones or reports (refreshStates, and refreshActivity), so that the
// dashboard's counts and the project list's state filters read one row a
// project rather than every open milestone. OpenDue is the earliest due
// date of its milestones without an actual date; ActualStart and
// ActualFinish the earliest actual date of its start and finish
// milestones; Since the later of ActualStart and its latest report.
// Horizon is the latest date any of its facts bears or was learnt on (an
// actual date, a report's date, a forecast's or actual's or report's
// known-on date): as of a date D on or after it, the facts known on D
// are the stored ones, so the project's state as of D is a function of
// this row, D and its forecasts (states.go). A project with no row has
// no milestones nor reports.
type projectState struct {
	ProjectID    uint           `gorm:"primaryKey;autoIncrement:false"`
	Project      *model.Project `gorm:"constraint:OnDelete:CASCADE"`
	OpenDue      model.Date
	ActualStart  model.Date
	ActualFinish model.Date
	Since        model.Date
	Horizon      model.Date `gorm:"index:idx_project_states_horizon"`
	// Percent is the 形象进度 of the project's latest report that states
	// one (of one day, the last recorded): with the actual dates, its
	// 序时进度 lamp's facts as of a date on or after Horizon.
	Percent decimal.NullDecimal `gorm:"type:numeric"`
}

func (projectState) TableName() string { return "project_states" }

// stateRowsSQL selects the state rows of the projects of a subquery from
// their milestones and reports, each subquery by the project index only
// (as actualStartSQL's).
const stateRowsSQL = `SELECT project_id, open_due, actual_start, actual_finish,
	CASE WHEN last_report > actual_start THEN last_report ELSE actual_start END, horizon
FROM (SELECT p.id AS project_id,
	(SELECT MIN(CASE WHEN m.actual IS NULL THEN m.baseline_date END) FROM milestones m WHERE m.project_id = p.id) AS open_due,
	` + actualStartSQL + ` AS actual_start, ` + actualFinishSQL + ` AS actual_finish, ` + lastReportSQL + ` AS last_report,
	(SELECT MAX(d) FROM (SELECT m.actual AS d FROM milestones m WHERE m.project_id = p.id
		UNION ALL SELECT m.actual_on FROM milestones m WHERE m.project_id = p.id
		UNION ALL SELECT m.forecast_on FROM milestones m WHERE m.project_id = p.id
		UNION ALL SELECT r.report_date FROM progress_reports r WHERE r.project_id = p.id
		UNION ALL SELECT r.known_on FROM progress_reports r WHERE r.project_id = p.id) h) AS horizon
	FROM projects p WHERE p.id IN (?)) a`

// refreshStates rebuilds the state rows and spans of projects ids from
// their milestones and reports, in tx.
func refreshStates(tx *gorm.DB, ids []uint) error {
	for len(ids) > 0 {
		n := min(len(ids), activityBatch)
		if err := refreshStatesWhere(tx, ids[:n]); err != nil {
			return err
		}
		if err := refreshPercentsWhere(tx, ids[:n]); err != nil {
			return err
		}
		if err := refreshSpans(tx, ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// refreshPercentsWhere sets the Percent of the state rows of the
// projects that sel, a list of IDs or an ID subquery, selects, just
// written by refreshStatesWhere (Percent NULL): of those with a report
// that states one, each read by the project's index on (project_id,
// report_date), so that a plan import writes no row twice. (Apart from
// refreshStatesWhere, which a migration before the column runs.)
func refreshPercentsWhere(tx *gorm.DB, sel any) error {
	return tx.Exec(`UPDATE project_states SET percent = (SELECT r.percent FROM progress_reports r
	WHERE r.project_id = project_states.project_id AND r.percent IS NOT NULL ORDER BY r.report_date DESC, r.id DESC LIMIT 1)
WHERE project_id IN (?) AND EXISTS (SELECT 1 FROM progress_reports r WHERE r.project_id = project_states.project_id AND r.percent IS NOT NULL)`, sel).Error
}

// refreshStatesWhere rebuilds the state rows of the projects that sel, a
// list of IDs or an ID subquery, selects.
func refreshStatesWhere(tx *gorm.DB, sel any) error {
	if err := tx.Exec("DELETE FROM project_states WHERE project_id IN (?)", sel).Error; err != nil {
		return err
	}
	return tx.Exec(`INSERT INTO project_states (project_id, open_due, actual_start, actual_finish, since, horizon) `+stateRowsSQL, sel).Error
}
