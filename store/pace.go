package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// PaceFacts returns the pace facts of the projects ids (every project
// when ids is nil) as of asOf, in project id order, in three queries:
// only what was known on asOf counts (actual dates as known on it,
// reports known by it).
func (s *DB) PaceFacts(ctx context.Context, asOf model.Date, ids []uint) ([]model.PaceFact, error) {
	return s.paceFacts(ctx, asOf, ids, false)
}

// plannedCond keeps the projects with a planned start and finish in
// order, the only ones that can have a 序时进度 lamp.
const plannedCond = "planned_start_date IS NOT NULL AND planned_finish_date IS NOT NULL AND planned_finish_date >= planned_start_date"

// plannedIn selects the planned projects (plannedCond) of table
// (projects, or projectsAsOf's table).
func plannedIn(table string) string {
	return "SELECT id FROM " + table + " WHERE " + plannedCond
}

// paceFacts is PaceFacts, of the planned projects (plannedCond) only
// when planned; the projects' plans are those known on asOf. When no
// state row's horizon is after asOf, the facts known on asOf are the
// stored ones and a project's are on its state row: one read of the
// projects and those rows. Otherwise its actual dates and latest report
// as known on asOf are read from its milestones and reports.
func (s *DB) paceFacts(ctx context.Context, asOf model.Date, ids []uint, planned bool) ([]model.PaceFact, error) {
	const op = "store.PaceFacts"
	if ids != nil && len(ids) == 0 {
		return nil, nil
	}
	db := s.reader(ctx)
	st, err := stateOf(db, asOf)
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	from := s.plansAsOf(st.plans, asOf, "p")
	current := !st.later
	var where []string
	var args []any
	cols := "p.id, COALESCE(p.responsible_unit, ''), p.planned_start_date, COALESCE(p.planned_start_prec, ''), p.planned_finish_date, COALESCE(p.planned_finish_prec, '')"
	if current { // (a project without a state row has no milestones nor reports)
		cols += ", ps.actual_start, ps.actual_finish, ps.percent"
		from += " LEFT JOIN project_states ps ON ps.project_id = p.id"
	}
	if ids != nil {
		where, args = append(where, "p.id IN ?"), append(args, ids)
	}
	if planned {
		where = append(where, plannedCond)
	}
	q := "SELECT " + cols + " FROM " + from
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	var facts []model.PaceFact
	err = scanRows(db.Raw(q+" ORDER BY p.id", args...), func(rows *sql.Rows) error {
		var f model.PaceFact
		dest := []any{&f.ProjectID, &f.ResponsibleUnit, &f.PlannedStart.Date, &f.PlannedStart.Precision, &f.PlannedFinish.Date, &f.PlannedFinish.Precision}
		if current {
			dest = append(dest, &f.ActualStart, &f.ActualFinish, &f.Progress)
		}
		err := rows.Scan(dest...)
		facts = append(facts, f)
		return err
	})
	if err != nil || current || len(facts) == 0 {
		return facts, model.Wrap(op, err)
	}
	index := make(map[uint]*model.PaceFact, len(facts))
	for i := range facts {
		index[facts[i].ProjectID] = &facts[i]
	}
	// The actual dates and reports of the projects read: of those of ids
	// by their IDs (an ID subquery of the planned ones made SQLite scan
	// every project for a page of them), else of the planned ones.
	in := ""
	switch {
	case ids != nil:
		ids = make([]uint, len(facts))
		for i, f := range facts {
			ids[i] = f.ProjectID
		}
	case planned:
		in = plannedIn(from)
	}
	err = actualsAsOf(db, asOf, ids, in, func(id uint, kind string, d model.Date) {
		if f := index[id]; f != nil {
			if kind == model.MilestoneStart {
				f.ActualStart = d
			} else {
				f.ActualFinish = d
			}
		}
	})
	if err == nil {
		err = percentsAsOf(db, asOf, ids, in, func(id uint, pct decimal.NullDecimal) {
			if f := index[id]; f != nil {
				f.Progress = pct
			}
		})
	}
	return facts, model.Wrap(op, err)
}

// actualsAsOf calls set with each start and finish actual date on or
// before asOf as known on asOf, of the projects ids (all when nil), of
// the planned ones only when planned.
func actualsAsOf(db *gorm.DB, asOf model.Date, ids []uint, planned string, set func(projectID uint, kind string, d model.Date)) error {
	where, args := "", []any{sql.Named("d", asOf), sql.Named("kinds", []string{model.MilestoneStart, model.MilestoneFinish})}
	if ids != nil {
		where, args = " AND project_id IN @ids", append(args, sql.Named("ids", ids))
	}
	if planned != "" {
		where += " AND project_id IN (" + planned + ")"
	}
	var rows []struct {
		ProjectID uint
		Kind      string
		Actual    model.Date
	}
	err := db.Raw(`SELECT project_id, kind, actual FROM `+milestonesAsOfSQL+` m
		WHERE kind IN @kinds AND actual IS NOT NULL AND actual <= @d`+where, args...).Scan(&rows).Error
	for _, r := range rows {
		set(r.ProjectID, r.Kind, r.Actual)
	}
	return err
}

// latestPercentsSQL selects (project_id, percent) of each project's
// latest report known on @d that states a 形象进度 (of one day, the last
// recorded).
const latestPercentsSQL = `SELECT r.project_id, r.percent FROM progress_reports r
	WHERE COALESCE(r.known_on, r.report_date) <= @d AND r.percent IS NOT NULL AND NOT EXISTS (
		SELECT 1 FROM progress_reports q WHERE q.project_id = r.project_id AND COALESCE(q.known_on, q.report_date) <= @d
		AND q.percent IS NOT NULL AND (q.report_date > r.report_date OR (q.report_date = r.report_date AND q.id > r.id)))`

// percentsAsOf calls set with the 形象进度 of each project's latest
// report known on asOf that states one (no later one, or on the same day
// none recorded later, does), of the projects ids (all when nil), of the
// planned ones only when planned.
func percentsAsOf(db *gorm.DB, asOf model.Date, ids []uint, planned string, set func(projectID uint, pct decimal.NullDecimal)) error {
	where, args := "", []any{sql.Named("d", asOf)}
	if ids != nil {
		where, args = " AND r.project_id IN @ids", append(args, sql.Named("ids", ids))
	}
	if planned != "" {
		where += " AND r.project_id IN (" + planned + ")"
	}
	var rows []struct {
		ProjectID uint
		Percent   decimal.NullDecimal
	}
	err := db.Raw(latestPercentsSQL+where, args...).Scan(&rows).Error
	for _, r := range rows {
		set(r.ProjectID, r.Percent)
	}
	return err
}

// Paces returns the 序时进度 lamps (thresholds s.Pace) as of asOf of the
// projects ids (all when nil), keyed by project; a project without a
// lamp is absent. Only the planned projects are read.
func (s *DB) Paces(ctx context.Context, asOf model.Date, ids []uint) (map[uint]model.Pace, error) {
	facts, err := s.paceFacts(ctx, asOf, ids, true)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]model.Pace, len(facts))
	for _, f := range facts {
		if p, ok := s.Pace.Of(f, asOf); ok {
			out[f.ProjectID] = p
		}
	}
	return out, nil
}

// PaceCounts counts the 序时进度 lamps as of asOf per responsible unit
// ("" for projects that name none): SQL counts them by unit and lamp
// (paceLampSQL) from the state rows as of a date no state row's horizon
// passes, else from each project's actual dates and latest report as
// known on asOf (paceAsOfSQL); the lamps of the projects whose 形象进度
// SQLite could not compare exactly are computed by model.PaceLamps.Of.
func (s *DB) PaceCounts(ctx context.Context, asOf model.Date) (map[string]model.PaceCounts, error) {
	const op = "store.PaceCounts"
	out := map[string]model.PaceCounts{}
	add := func(unit, lamp string, n int) {
		c := out[unit]
		for range n {
			c.Add(lamp)
		}
		out[unit] = c
	}
	db := s.reader(ctx)
	st, err := stateOf(db, asOf)
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	states := "project_states"
	if st.later {
		states = paceAsOfSQL(asOf)
	}
	from := s.plansAsOf(st.plans, asOf, "p") + " LEFT JOIN " + states + " ps ON ps.project_id = p.id WHERE " + plannedCond + " AND ps.actual_finish IS NULL"
	cols, lamp, exact, args := s.paceLampSQL(asOf)
	// One pass: the lit lamps by unit and lamp, and each project whose
	// lamp is not exact in SQL as a group of its own (inexact, its ID).
	// The lamp is a column of a subquery kept as it stands (noFold), so
	// it is computed once a row, not again for the filter and the group.
	var ids []uint
	err = scanRows(db.Raw("SELECT unit, lamp, inexact, COUNT(*) FROM (SELECT unit, inexact, CASE WHEN inexact = 0 THEN "+lamp+" END AS lamp FROM (SELECT "+cols+
		", CASE WHEN "+exact+" THEN 0 ELSE p.id END AS inexact FROM "+from+s.noFold()+") x"+s.noFold()+") y GROUP BY unit, lamp, inexact HAVING lamp IS NOT NULL OR inexact <> 0", args...),
		func(rows *sql.Rows) error {
			var unit string
			var lamp sql.NullString
			var inexact uint
			var n int
			err := rows.Scan(&unit, &lamp, &inexact, &n)
			if inexact != 0 {
				ids = append(ids, inexact)
			} else {
				add(unit, lamp.String, n)
			}
			return err
		})
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	if len(ids) > 0 {
		facts, err := s.paceFacts(ctx, asOf, ids, true)
		if err != nil {
			return nil, err
		}
		for _, f := range facts {
			if p, ok := s.Pace.Of(f, asOf); ok {
				add(p.Unit, p.Lamp, 1)
			}
		}
	}
	return out, nil
}

// paceAsOfSQL is a table of the projects started or finished as of d,
// as known on d, as paceLampSQL reads their state rows: the earliest
// actual date of their start and finish milestones on or before d
// (milestonesAsOf) and their latest 形象进度 known on d
// (latestPercentsSQL, the date written into it as milestonesAsOf does).
func paceAsOfSQL(d model.Date) string {
	day := "'" + d.String() + "'"
	return `(SELECT a.project_id, a.actual_start, a.actual_finish, pr.percent
FROM (SELECT m.project_id, MIN(CASE WHEN m.kind = 'start' THEN m.actual END) AS actual_start,
	MIN(CASE WHEN m.kind = 'finish' THEN m.actual END) AS actual_finish
	FROM ` + milestonesAsOf(d) + ` m WHERE m.kind IN ('start', 'finish') AND m.actual <= ` + day + ` GROUP BY m.project_id) a
LEFT JOIN (` + strings.ReplaceAll(latestPercentsSQL, "@d", day) + `) pr ON pr.project_id = a.project_id)`
}

// paceLampSQL is model.PaceLamps.Of's lamp (thresholds s.Pace) as of d
// of a planned and unfinished project p with state row ps, as SQL (NULL
// for no lamp) over the columns cols computes from p and ps (each date
// difference once: cols are to be read in a subquery the planner keeps,
// noFold), with the condition exact on ps under which it is exact, and
// the lamp's arguments. 序时进度 is num/den percent, as Of computes it;
// green when num ≤ (progress + Yellow)·den, yellow when ≤ (progress +
// Red)·den, else red. PostgreSQL's numeric arithmetic is exact; SQLite
// keeps a fractional 形象进度 as a binary float, so there exact holds
// only for a whole number and the others are left to Of.
func (s *DB) paceLampSQL(d model.Date) (cols, lamp, exact string, args []any) {
	day := "'" + d.String() + "'" // (a date's text is digits and dashes)
	cols = "COALESCE(p.responsible_unit, '') AS unit, p.planned_start_date AS start, ps.actual_start, COALESCE(ps.percent, 0) AS pct, " +
		s.days("p.planned_start_date", "p.planned_finish_date") + " AS den0, " + s.days("p.planned_start_date", day) + " AS el"
	num := "CASE WHEN den0 = 0 THEN CASE WHEN " + day + " > start THEN 100 ELSE 0 END WHEN el < 0 THEN 0 WHEN el > den0 THEN den0 * 100 ELSE el * 100 END"
	den := "CASE WHEN den0 = 0 THEN 1 ELSE den0 END"
	lamp = "CASE WHEN actual_start IS NULL THEN CASE WHEN " + day + " > start THEN '" + model.LampRed + "' END" +
		" WHEN " + num + " <= (pct + ?) * " + den + " THEN '" + model.LampGreen + "'" +
		" WHEN " + num + " <= (pct + ?) * " + den + " THEN '" + model.LampYellow + "' ELSE '" + model.LampRed + "' END"
	exact = "(ps.percent IS NULL OR ps.percent = CAST(ps.percent AS INTEGER))"
	if s.Postgres {
		exact = "TRUE"
	}
	return cols, lamp, exact, []any{s.Pace.Yellow, s.Pace.Red}
}

// noFold ends a subquery that the planner is to compute as it stands,
// not merge into the query around it (which would repeat its computed
// columns' expressions where they are used).
func (s *DB) noFold() string {
	if s.Postgres {
		return " OFFSET 0"
	}
	return " LIMIT -1 OFFSET 0"
}

// ProjectsWithLamp returns, in id order, the projects whose 序时进度
// lamp as of asOf is lamp.
func (s *DB) ProjectsWithLamp(ctx context.Context, asOf model.Date, lamp string) ([]uint, error) {
	facts, err := s.paceFacts(ctx, asOf, nil, true)
	if err != nil {
		return nil, err
	}
	var ids []uint
	for _, f := range facts {
		if p, ok := s.Pace.Of(f, asOf); ok && p.Lamp == lamp {
			ids = append(ids, f.ProjectID)
		}
	}
	return ids, nil
}
