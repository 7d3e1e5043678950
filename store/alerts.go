package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Dates are stored as YYYY-MM-DD text, so comparing the text compares the
// dates, on both engines.
const (
	// milestonesAsOfSQL is the milestones table as known on @d: a
	// forecast or actual known since @d or earlier is the column (always
	// so for a view of today), else the latest observation known on or
	// before @d, else unknown.
	milestonesAsOfSQL = "(SELECT " + milestoneKnownColumns + " FROM milestones m)"
	// milestoneKnownColumns are the columns of milestonesAsOfSQL of
	// milestone m.
	milestoneKnownColumns = `m.id, m.project_id, m.kind, m.name, m.seq, m.baseline_date, m.baseline_prec,
	CASE WHEN ` + forecastKnownSQL + ` THEN m.forecast
	     ELSE (SELECT f.value FROM milestone_facts f WHERE f.milestone_id = m.id AND f.field = 'forecast' AND f.known_on <= @d
	           ORDER BY f.known_on DESC, f.id DESC LIMIT 1) END AS forecast,
	CASE WHEN ` + actualKnownSQL + ` THEN m.actual
	     ELSE (SELECT f.value FROM milestone_facts f WHERE f.milestone_id = m.id AND f.field = 'actual' AND f.known_on <= @d
	           ORDER BY f.known_on DESC, f.id DESC LIMIT 1) END AS actual`
	// forecastKnownSQL and actualKnownSQL hold of a milestone m whose
	// forecast (actual) column was known on @d (its known-on date is @d
	// or earlier, or unset); settledSQL of one whose columns both were,
	// which are then its facts as known on @d. COALESCE, not "IS NULL
	// OR": no index serves it, so that it filters an index range of
	// other columns rather than being read as two ranges of its own.
	forecastKnownSQL = `COALESCE(m.forecast_on, '') <= @d`
	actualKnownSQL   = `COALESCE(m.actual_on, '') <= @d`
	settledSQL       = forecastKnownSQL + ` AND ` + actualKnownSQL
	// learntAfterSQL (FROM and WHERE) is the milestones m not settled on
	// @d, with a fact learnt after it: a range of the index on
	// forecast_on and one of the index on actual_on (l, a UNION: SQLite
	// read an OR of the two by a scan of the forecast index, which
	// holds both columns), each row then read by its id (CROSS JOIN:
	// SQLite read the open milestones by the due index otherwise,
	// checking each).
	learntAfterSQL = `(SELECT id FROM milestones WHERE forecast_on > @d UNION SELECT id FROM milestones WHERE actual_on > @d) l
	CROSS JOIN milestones m WHERE m.id = l.id`

	openMilestonesSQL = `SELECT p.id, p.code, p.name, COALESCE(p.responsible_unit, ''), COALESCE(p.township, ''), COALESCE(p.category, ''),
	m.id, m.kind, m.name, COALESCE(m.seq, 0), m.baseline_date, COALESCE(m.baseline_prec, ''), m.forecast, m.actual
FROM ` + milestonesAsOfSQL + ` m JOIN projects p ON p.id = m.project_id
WHERE m.baseline_date IS NOT NULL
  AND (m.actual IS NULL OR m.actual > @d)
  AND (m.baseline_date < @d OR m.forecast > m.baseline_date)`

	startedProjectsSQL = `SELECT p.id, p.code, p.name, COALESCE(p.responsible_unit, ''), COALESCE(p.township, ''), COALESCE(p.category, ''),
	s.actual_start, r.last_report
FROM (SELECT project_id, MIN(actual) AS actual_start FROM ` + milestonesAsOfSQL + ` ms
      WHERE kind = 'start' AND actual <= @d GROUP BY project_id) s
JOIN projects p ON p.id = s.project_id
LEFT JOIN (SELECT project_id, MAX(report_date) AS last_report FROM progress_reports
           WHERE ` + reportKnownSQL + ` GROUP BY project_id) r ON r.project_id = s.project_id
WHERE NOT EXISTS (SELECT 1 FROM ` + milestonesAsOfSQL + ` f
                  WHERE f.project_id = s.project_id AND f.kind = 'finish' AND f.actual <= @d)`

	// reportKnownSQL selects the progress reports known on @d.
	reportKnownSQL = `COALESCE(known_on, report_date) <= @d`
)

// milestonesAsOf is milestonesAsOfSQL for date d, written into the
// statement (a date's text is digits and dashes) so that it composes
// with statements of positional arguments.
func milestonesAsOf(d model.Date) string {
	return onDate(milestonesAsOfSQL, d)
}

// learntAfter returns the milestones with a fact learnt after d
// (learntAfterSQL) as tables: their facts as known on d (as
// milestonesAsOf) and their stored columns.
func learntAfter(d model.Date) (known, stored string) {
	return onDate("(SELECT "+milestoneKnownColumns+" FROM "+learntAfterSQL+")", d), onDate("(SELECT m.* FROM "+learntAfterSQL+")", d)
}

// settledOn is settledSQL of milestone m on d.
func settledOn(d model.Date) string {
	return onDate(settledSQL, d)
}

// onDate writes date d into sql for @d.
func onDate(sql string, d model.Date) string {
	return strings.ReplaceAll(sql, "@d", "'"+d.String()+"'")
}

// AlertFacts returns the facts known as of asOf that can raise an alert:
// forecasts, actual dates and progress reports known on asOf (see
// model.Observation), nothing learnt later. It runs two queries on the
// read pool (outside a transaction, so that a long read never holds
// SQLite's write lock nor its one writer connection) and no per-row ones.
func (s *DB) AlertFacts(ctx context.Context, asOf model.Date) (model.AlertFacts, error) {
	const op = "store.AlertFacts"
	if asOf.IsZero() {
		return model.AlertFacts{}, model.E(model.EInvalid, op, "未指定截至日期")
	}
	var facts model.AlertFacts
	db := s.reader(ctx)
	d := sql.Named("d", asOf)
	projects, err := s.projectsAsOf(db, asOf, "p")
	if err != nil {
		return model.AlertFacts{}, model.Wrap(op, err)
	}
	asOfPlans := strings.NewReplacer("JOIN projects p ", "JOIN "+projects+" ")
	err = scanRows(db.Raw(asOfPlans.Replace(openMilestonesSQL), d), func(rows *sql.Rows) error {
		var f model.MilestoneFact
		err := rows.Scan(&f.ProjectID, &f.Code, &f.ProjectFact.Name, &f.ResponsibleUnit, &f.Township, &f.Category,
			&f.MilestoneID, &f.Kind, &f.Name, &f.Seq, &f.Baseline.Date, &f.Baseline.Precision, &f.Forecast, &f.Actual)
		facts.Milestones = append(facts.Milestones, f)
		return err
	})
	if err == nil {
		err = scanRows(db.Raw(asOfPlans.Replace(startedProjectsSQL), d), func(rows *sql.Rows) error {
			var f model.ProgressFact
			err := rows.Scan(&f.ProjectID, &f.Code, &f.Name, &f.ResponsibleUnit, &f.Township, &f.Category,
				&f.ActualStart, &f.LastReport)
			facts.Started = append(facts.Started, f)
			return err
		})
	}
	if err != nil {
		return model.AlertFacts{}, model.Wrap(op, err)
	}
	return facts, nil
}

// scanRows runs q and calls scan on each row.
func scanRows(q *gorm.DB, scan func(*sql.Rows) error) error {
	rows, err := q.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// loadBatch is how many rows one INSERT of LoadTracking carries; it keeps
// a milestone batch under SQLite's and PostgreSQL's parameter limits.
const loadBatch = 1000

// loadedProjects returns the IDs of the projects of ps, ms and rs, sorted
// and without repeats.
func loadedProjects(ps []model.Project, ms []model.Milestone, rs []model.ProgressReport) []uint {
	var ids []uint
	for _, p := range ps {
		ids = append(ids, p.ID)
	}
	for _, m := range ms {
		ids = append(ids, m.ProjectID)
	}
	for _, r := range rs {
		ids = append(ids, r.ProjectID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// LoadTracking inserts projects, milestones and progress reports exactly
// as given (IDs included when set), in one transaction and in batches,
// without audit rows, then refreshes PostgreSQL's statistics of those
// tables. It is for fixtures, generated benchmark data and demo loads;
// user changes go through the audited methods.
func (s *DB) LoadTracking(ctx context.Context, projects []model.Project, milestones []model.Milestone, reports []model.ProgressReport) error {
	err := s.tx(ctx, func(tx *gorm.DB) error {
		for i := range projects {
			if projects[i].NameKey == "" {
				projects[i].NameKey = model.NormalizeName(projects[i].Name)
			}
			if projects[i].MatchKey == "" {
				projects[i].MatchKey = model.MatchKey(projects[i].Name, projects[i].Township)
			}
		}
		if len(projects) > 0 {
			if err := tx.CreateInBatches(projects, loadBatch).Error; err != nil {
				return err
			}
		}
		if len(milestones) > 0 {
			if err := tx.CreateInBatches(milestones, loadBatch).Error; err != nil {
				return err
			}
		}
		if len(reports) > 0 {
			if err := tx.CreateInBatches(reports, loadBatch).Error; err != nil {
				return err
			}
		}
		return refreshActivity(tx, loadedProjects(projects, milestones, reports))
	})
	if err == nil {
		err = s.tx(ctx, func(tx *gorm.DB) error {
			return s.analyze(tx, "projects", "milestones", "progress_reports", "project_activity", "project_states", "project_spans")
		})
	}
	return model.Wrap("store.LoadTracking", err)
}
