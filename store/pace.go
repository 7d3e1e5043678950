package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/yanhe/captrack/model"
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

// paceFacts is PaceFacts, of the planned projects (plannedCond) only
// when planned; the projects' plans are those known on asOf. A project's
// actual dates and latest 形象进度 as known on asOf are on its state row
// or its span containing asOf: one read of the projects and those rows
// (paceParts, or of the projects ids by their keys, paceStatesAt).
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
	plans := s.plansAsOf(st.plans, asOf, "p")
	parts, args := s.paceParts(st, asOf, plans)
	if ids != nil { // the page's state rows and spans by their keys
		states, sargs := paceStatesAt(st, asOf, ids)
		parts, args = []string{plans + " LEFT JOIN " + states + " ps ON ps.project_id = p.id WHERE p.id IN ?"}, append(sargs, ids)
	}
	if planned {
		for i := range parts {
			parts[i] += " AND " + plannedCond
		}
	}
	for i, part := range parts {
		parts[i] = "SELECT p.id, COALESCE(p.responsible_unit, ''), p.planned_start_date, COALESCE(p.planned_start_prec, ''), p.planned_finish_date, COALESCE(p.planned_finish_prec, ''), " +
			"ps.actual_start, ps.actual_finish, ps.percent FROM " + part
	}
	var facts []model.PaceFact
	err = scanRows(db.Raw(strings.Join(parts, " UNION ALL ")+" ORDER BY 1", args...), func(rows *sql.Rows) error {
		var f model.PaceFact
		err := rows.Scan(&f.ProjectID, &f.ResponsibleUnit, &f.PlannedStart.Date, &f.PlannedStart.Precision, &f.PlannedFinish.Date, &f.PlannedFinish.Precision,
			&f.ActualStart, &f.ActualFinish, &f.Progress)
		facts = append(facts, f)
		return err
	})
	return facts, model.Wrap(op, err)
}

// paceParts are the projects p of plans with their facts as of d (ps,
// the columns of paceStatesAt) in state st, as the FROM and WHERE of
// each part of a UNION ALL, with their arguments: the projects with their
// state rows (those whose horizon is d or earlier, and the projects
// without one), and when a horizon is later the others with their spans
// containing d, each part a join driven by its own rows (a join of the
// projects to the union of both made SQLite index the union first).
func (s *DB) paceParts(st asOfState, d model.Date, plans string) ([]string, []any) {
	due, args := dueCond(st, d)
	parts := []string{plans + " LEFT JOIN project_states ps ON ps.project_id = p.id WHERE " + due}
	if st.later {
		parts = append(parts, PaceSpansJoin(s.Postgres, d, "ps", plans))
	}
	return parts, args
}

// paceStatesAt is a table of the projects' actual start and finish and
// latest 形象进度 as known on d (columns project_id, actual_start,
// actual_finish, percent), of the projects ids (all when nil), with its
// arguments: the state rows when no horizon is after d (state st), else
// those of the projects whose horizon is d or earlier and the spans
// containing d of the others. A state row's dates are all on or before
// its horizon, so from it on they are those known, achieved by then.
func paceStatesAt(st asOfState, d model.Date, ids []uint) (string, []any) {
	cols := "project_id, actual_start, actual_finish, percent"
	switch {
	case !st.later && ids == nil:
		return "project_states", nil
	case !st.later:
		return "(SELECT " + cols + " FROM project_states WHERE project_id IN ?)", []any{ids}
	}
	states, spans, args := "SELECT "+cols+" FROM project_states WHERE COALESCE(horizon, '') <= '"+d.String()+"'", SpansAt(d), []any(nil)
	if ids != nil {
		states, spans, args = states+" AND project_id IN ?", spansOf(d), []any{ids, ids}
	}
	return "(" + states + " UNION ALL SELECT " + cols + " FROM " + spans + " sp)", args
}

// PaceCounts counts the 序时进度 lamps as of asOf per responsible unit
// ("" for projects that name none): SQL counts them by unit and lamp
// (paceLampSQL) from the state rows and spans (paceStatesAt): each
// project's actual dates and latest report as known on asOf; the lamps
// of the projects whose 形象进度
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
	parts, dargs := s.paceParts(st, asOf, s.plansAsOf(st.plans, asOf, "p"))
	cols, lamp, exact, args := s.paceLampSQL(asOf) // (the lamp's arguments come first)
	args = append(args, dargs...)
	for i, part := range parts {
		parts[i] = "SELECT " + cols + ", CASE WHEN " + exact + " THEN 0 ELSE p.id END AS inexact FROM " + part + " AND " + plannedCond + " AND ps.actual_finish IS NULL"
	}
	// One pass: the lit lamps by unit and lamp, and each project whose
	// lamp is not exact in SQL as a group of its own (inexact, its ID).
	// The lamp is a column of a subquery kept as it stands (noFold), so
	// it is computed once a row, not again for the filter and the group.
	var ids []uint
	err = scanRows(db.Raw("SELECT unit, lamp, inexact, COUNT(*) FROM (SELECT unit, inexact, CASE WHEN inexact = 0 THEN "+lamp+" END AS lamp FROM ("+
		strings.Join(parts, " UNION ALL ")+s.noFold()+") x"+s.noFold()+") y GROUP BY unit, lamp, inexact HAVING lamp IS NOT NULL OR inexact <> 0", args...),
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
