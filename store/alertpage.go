package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Kinds of open alert, as the alerts package names them.
const (
	AlertOverdue  = "overdue"
	AlertForecast = "forecast"
	AlertStale    = "stale"
)

// alertSource is one ordered source of alerts: FROM and WHERE with
// their arguments, the ORDER BY (the alerts' order within the source),
// the band of a row as SQL with its arguments, and the condition of a
// slip range (hi 0: unbounded).
type alertSource struct {
	kind string // AlertStale: rows of staleColumns, else of milestoneColumns
	// ranged is true when each band is a range of an index (and from
	// and countFrom take no arguments, so that a condition on the date
	// column can come first in the WHERE with its arguments first).
	// Counts and aggregates read countFrom: from without the projects
	// when no filter needs them ("" for from).
	ranged    bool
	from      string
	countFrom string
	where     []string
	args      []any
	order     string
	band      string
	bandArgs  []any
	slip      func(lo, hi int) (string, []any)
	// col is the date column a ranged source is ordered by first, and
	// indexOrder the order of its index that sorts its rows by col
	// (PostgreSQL sorts by an index's second column only after an
	// equality, not IS NULL, on the first). A page of a source with an
	// indexOrder reads its rows up to the n-th one's col (cutoff): at
	// most it, or at least it when desc (col in descending order).
	col, indexOrder string
	desc            bool
	// settled is a condition of the rows a page reads that its counts
	// leave out (the settled milestones of a past date), and stored,
	// when set, a table of the stored columns of the milestones this
	// source reads as known on D, whose rows where holds (with the
	// projects when countFrom is "") countBands subtracts: the counts of
	// the settled part count every milestone's stored columns, by the
	// index alone (the settled condition read each entry's row: 500 ms a
	// band at 1,000,000 milestones).
	settled, stored string
}

const (
	milestoneColumns = `p.id, p.code, p.name, COALESCE(p.responsible_unit, ''), COALESCE(p.township, ''), COALESCE(p.category, ''),
	m.id, m.kind, m.name, COALESCE(m.seq, 0), m.baseline_date, COALESCE(m.baseline_prec, ''), m.forecast, m.actual`
	staleColumns = `p.id, p.code, p.name, COALESCE(p.responsible_unit, ''), COALESCE(p.township, ''), COALESCE(p.category, ''),
	s.actual_start, s.last_report`
)

// collate makes expr compare as Go compares strings (bytewise): PostgreSQL
// compares text by the database's locale otherwise.
func (s *DB) collate(expr string) string {
	if s.Postgres {
		return expr + ` COLLATE "C"`
	}
	return expr
}

// days is the SQL number of days from date column a to date column b.
func (s *DB) days(a, b string) string {
	if s.Postgres {
		return "(CAST(" + b + " AS date) - CAST(" + a + " AS date))"
	}
	return "CAST(julianday(" + b + ") - julianday(" + a + ") AS INTEGER)"
}

// asOfState says how the stored facts stand to a date D: past when some
// milestone's forecast or actual was learnt after D (then milestones are
// read as known on D, from their facts), current when the activity table
// holds the signs of life known on D (no report dated or known, nor
// finish achieved, after D); plans when some project's plan changed
// after D (then projects are read as known on D, projectsAsOf).
type asOfState struct{ past, current, later, plans bool }

// stateOf returns the asOfState of d, by one statement of reads of
// indexes' ends. MAX, not "col > d LIMIT 1": a statement without
// parameters has one plan, whereas PostgreSQL's generic plan of the
// latter (prepared statements are cached) scanned the whole table when
// no row is later than d.
func stateOf(db *gorm.DB, d model.Date) (asOfState, error) {
	var ends struct{ Forecast, Actual, Known, Finish, Horizon, Plans model.Date }
	err := db.Raw(`SELECT (SELECT MAX(forecast_on) FROM milestones) AS forecast, (SELECT MAX(actual_on) FROM milestones) AS actual,
	(SELECT MAX(reports_known) FROM project_activity) AS known, (SELECT MAX(actual_finish) FROM project_activity) AS finish,
	(SELECT MAX(horizon) FROM project_states) AS horizon, (SELECT MAX(changed_on) FROM project_changes) AS plans`).
		Scan(&ends).Error
	return asOfState{
		past:    ends.Forecast.After(d) || ends.Actual.After(d),
		current: !ends.Known.After(d) && !ends.Finish.After(d),
		later:   ends.Horizon.After(d),
		plans:   ends.Plans.After(d),
	}, err
}

// sources returns the ordered sources of the alerts q selects in state
// st of q.AsOf (of the projects of the ID subquery in too, when not "").
func (s *DB) sources(q model.AlertQuery, st asOfState, in string) []alertSource {
	d := q.AsOf
	var project []string
	var pargs []any
	for _, f := range []struct{ col, v string }{{"p.responsible_unit", q.Unit}, {"p.township", q.Township}, {"p.category", q.Category}} {
		if f.v != "" {
			project = append(project, f.col+" = ?")
			pargs = append(pargs, f.v)
		}
	}
	if q.ProjectID != 0 {
		project = append(project, "p.id = ?")
		pargs = append(pargs, q.ProjectID)
	}
	if len(q.ProjectIDs) > 0 {
		project = append(project, "p.id IN ?")
		pargs = append(pargs, q.ProjectIDs)
	}
	if in != "" {
		project = append(project, "p.id IN ("+in+")")
	}
	if len(project) > 0 && !s.Postgres {
		project = append(project, "m.project_id = p.id") // see milestoneSources
	}
	// As of a date before some milestone fact was learnt, the milestones
	// settled on D (no fact learnt after it) are their stored columns,
	// read by the same indexes as today's, and only those with a fact
	// learnt after D (ranges of the forecast_on and actual_on indexes)
	// are read as known on D, by sources of their own: a source's counts
	// and first n rows are among those of its two disjoint parts, which
	// AlertPage counts and reads as two sources and Compute merges.
	out := s.milestoneSources(q, st, len(project) > 0, "milestones", "")
	if st.past {
		for i := range out {
			out[i].settled = settledOn(d)
		}
		known, stored := learntAfter(d)
		out = append(out, s.milestoneSources(q, st, len(project) > 0, known, stored)...)
	}
	if q.Kind == "" || q.Kind == AlertStale {
		out = append(out, s.staleSource(q, st, s.collate("p.code")))
	}
	for i := range out {
		if len(project) > 0 {
			out[i].countFrom = ""
		}
		where := project
		if out[i].kind == AlertStale && len(project) > 0 && !s.Postgres {
			where = project[:len(project)-1] // its projects are joined by s.project_id
		}
		out[i].where = append(out[i].where, where...)
		out[i].args = append(out[i].args, pargs...)
	}
	return out
}

// milestoneSources returns the ordered sources of the overdue and
// forecast alerts q selects in state st of the milestones of table (the
// milestones table, or a table of the facts as known on D of the few
// milestones whose stored columns are the table stored), without q's
// project filters (filtered: q has some).
func (s *DB) milestoneSources(q model.AlertQuery, st asOfState, filtered bool, table, stored string) []alertSource {
	d := q.AsOf
	name := s.collate("CASE WHEN m.kind = 'stage' THEN m.name ELSE m.kind END")
	code := s.collate("p.code")
	// With a project filter, the projects it selects are read first (by
	// their own indexes) and their milestones by project. SQLite, which
	// keeps no statistics, would otherwise read the open milestones by
	// the due index, for each project or joining each to its project:
	// CROSS JOIN fixes its join order and INDEXED BY the index.
	// PostgreSQL plans this itself.
	indexed, forecasts := table+" m", table+" m"
	if table == "milestones" {
		indexed = "milestones m INDEXED BY idx_milestones_project_id"
		if !s.Postgres {
			// SQLite, without statistics, read a forecast aggregate
			// grouped by project (dueStatesSQL) in project order, by the
			// project index: every milestone (150-200 ms at 1,000,000),
			// where the range forecast > D of the forecast index holds
			// the few it needs.
			forecasts = "milestones m INDEXED BY idx_milestones_forecast_due"
		}
	}
	projects := s.plansAsOf(st.plans, d, "p")
	join := func(table string) string {
		switch {
		case !filtered || s.Postgres:
			return table + " m JOIN " + projects + " ON p.id = m.project_id"
		case table == "milestones":
			return projects + " CROSS JOIN " + indexed // and m.project_id = p.id (sources)
		}
		return table + " m CROSS JOIN " + projects // a few milestones, each then its project
	}
	milestones := join(table)
	if stored != "" && filtered {
		stored = join(stored) // as countFrom "": from
	} else if stored != "" {
		stored += " m"
	}
	var out []alertSource
	if q.Kind == "" || q.Kind == AlertOverdue {
		// Not achieved as of D: no actual, or one after D; two sources so
		// that each reads one range of the (actual, baseline_date) index.
		for _, open := range []struct {
			where string
			args  []any
			index string
		}{{"m.actual IS NULL", nil, "m.actual, m.baseline_date"}, {"m.actual > ?", []any{d}, "m.baseline_date"}} {
			src := alertSource{kind: AlertOverdue, from: milestones, countFrom: table + " m", stored: stored, ranged: true, indexOrder: open.index,
				where: []string{open.where, "m.baseline_date < ?"}, args: append(open.args, d),
				order: "m.baseline_date, " + code + ", COALESCE(m.seq, 0), " + name + ", m.kind, m.id"}
			dated(&src, q, "m.baseline_date", 0)
			out = append(out, src)
		}
	}
	if q.Kind == "" || q.Kind == AlertForecast {
		slip := s.days("m.baseline_date", "m.forecast")
		out = append(out, alertSource{kind: AlertForecast, from: milestones, countFrom: forecasts, stored: stored,
			where:    []string{"m.forecast > ?", "m.forecast > m.baseline_date", "m.baseline_date >= ?", "(m.actual IS NULL OR m.actual > ?)"},
			args:     []any{d, d, d},
			order:    slip + " DESC, " + code + ", COALESCE(m.seq, 0), " + name + ", m.kind, m.id",
			band:     "CASE WHEN " + slip + " > ? THEN 2 WHEN " + slip + " > ? THEN 1 ELSE 0 END",
			bandArgs: []any{q.OrangeMax, q.YellowMax},
			slip: func(lo, hi int) (string, []any) {
				w, args := slip+" >= ?", []any{lo}
				if hi > 0 {
					w, args = w+" AND "+slip+" <= ?", append(args, hi)
				}
				return w, args
			}})
		if !s.Postgres {
			// A page reads the forecasts whose slip is at least the n-th
			// largest's (computed from the forecast index's entries):
			// SQLite looked up, joined and sorted every forecast beyond D
			// for 50 rows (31,000 as of 2020-06-30: 130-160 ms of CPU,
			// 20 so). PostgreSQL sorts by slip before joining, and reads
			// the rows' heap pages either way.
			out[len(out)-1].col, out[len(out)-1].indexOrder, out[len(out)-1].desc = slip, slip+" DESC", true
		}
	}
	return out
}

// staleSource is the source of stale alerts as of q.AsOf in state st.
// When the activity table holds the signs of life known on D (no report
// dated or known, nor finish achieved, after D, and no milestone fact
// learnt after D: its starts and finishes are today's), the stale
// projects are a range of its index on (actual_finish, since):
// unfinished, since before D − StaleDays, counted by band as ranges of
// since. Otherwise
// they are the started and unfinished projects of the state rows whose
// horizon is D or earlier and of the spans containing D of the others
// (staleAt), their last sign of life on D the row's since.
func (s *DB) staleSource(q model.AlertQuery, st asOfState, code string) alertSource {
	d := q.AsOf
	src := alertSource{kind: AlertStale}
	since := "s.last_report"
	if st.current && !st.past {
		src.countFrom, src.ranged, since, src.indexOrder = "project_activity s", true, "s.since", "s.actual_finish, s.since"
		src.where = []string{"s.actual_finish IS NULL", "s.actual_start <= ?", "s.since < ?"}
		src.args = []any{d, d.AddDays(-q.StaleDays)}
	} else {
		src.countFrom, src.where, src.args = staleAt(d)+" s", []string{since + " < ?"}, []any{d.AddDays(-q.StaleDays)}
	}
	src.order = since + ", " + code
	src.from = src.countFrom + " JOIN " + s.plansAsOf(st.plans, d, "p") + " ON p.id = s.project_id"
	dated(&src, q, since, q.StaleDays)
	return src
}

// staleAt is a table of the projects started and unfinished on d as
// known on d (project_id, actual_start, last_report: the later of the
// start and the latest report known on d dated by then, as Compute
// counts a stale alert from): of their state rows when their horizon is
// d or earlier, else of their spans containing d.
func staleAt(d model.Date) string {
	return "(SELECT project_id, actual_start, since AS last_report FROM project_states WHERE COALESCE(horizon, '') <= '" + d.String() +
		"' AND actual_start IS NOT NULL AND actual_finish IS NULL UNION ALL SELECT project_id, actual_start, since FROM " + SpansAt(d) +
		" sp WHERE actual_start IS NOT NULL AND actual_finish IS NULL)"
}

// dated gives src the bands of a slip counted from date column col: the
// slip of an overdue milestone is D − its due date; of a stale project,
// D − StaleDays − its last sign of life. So a slip of lo..hi days is a
// date of D−shift−hi..D−shift−lo, and the bands are ranges of that date.
func dated(src *alertSource, q model.AlertQuery, col string, shift int) {
	d := q.AsOf
	src.col = col
	src.band = "CASE WHEN " + col + " < ? THEN 2 WHEN " + col + " < ? THEN 1 ELSE 0 END"
	src.bandArgs = []any{d.AddDays(-shift - q.OrangeMax), d.AddDays(-shift - q.YellowMax)}
	src.slip = func(lo, hi int) (string, []any) {
		w, args := col+" <= ?", []any{d.AddDays(-shift - lo)}
		if hi > 0 {
			w, args = w+" AND "+col+" >= ?", append(args, d.AddDays(-shift-hi))
		}
		return w, args
	}
}

// bandRange is the slip range of q's band b: 1..YellowMax,
// YellowMax+1..OrangeMax, OrangeMax+1.. (hi 0).
func bandRange(q model.AlertQuery, b int) (lo, hi int) {
	switch b {
	case 0:
		return 1, q.YellowMax
	case 1:
		return q.YellowMax + 1, q.OrangeMax
	}
	return q.OrangeMax + 1, 0
}

// AlertPage returns the first n alert facts of each source of the alerts
// q selects (every one when n is 0) and, unless q is Uncounted, their
// counts by band. Each
// source is one ordered query that reads its index in the alerts' order
// and stops after n rows, and each count one aggregate over the same
// index range.
func (s *DB) AlertPage(ctx context.Context, q model.AlertQuery, n int) (model.AlertPage, error) {
	const op = "store.AlertPage"
	var page model.AlertPage
	if q.AsOf.IsZero() {
		return page, model.E(model.EInvalid, op, "未指定截至日期")
	}
	db := s.reader(ctx)
	// Facts learnt after D (a return dated later, an edit made later):
	// then the milestones they are of are read as known on D, by sources
	// of their own (see sources).
	st, err := stateOf(db, q.AsOf)
	if err != nil {
		return page, model.Wrap(op, err)
	}
	for _, src := range s.sources(q, st, "") {
		where := strings.Join(src.where, " AND ")
		args := src.args
		// The stale source of a past date is a union of state rows and
		// the spans containing D, read in full whatever it is asked:
		// there its counts come with its page (sums over all its rows
		// beside each row), one read of the union where a count and the
		// page were two (SQLite, 2020-06-30: 180 ms of CPU, not 120 and
		// 155).
		together := src.kind == AlertStale && !src.ranged && !q.Uncounted && q.Band < 0
		if !q.Uncounted && !together {
			if err := countBands(db, q, src, where, &page.Counts); err != nil {
				return page, model.Wrap(op, err)
			}
		}
		if src.settled != "" {
			where += " AND " + src.settled
		}
		// Of a ranged source, a slip range or cutoff is the narrower
		// bound of its date column, so it comes first: SQLite, without
		// statistics, ends an index range at the first of two upper
		// bounds of a column, and after "due < D" a cutoff at the first
		// due date (the first page as of today) read the index entries
		// of all 730,000 open milestones instead of the 946 up to it.
		if q.Band >= 0 {
			w, a := src.slip(bandRange(q, q.Band))
			if src.ranged {
				where, args = w+" AND "+where, append(a, args...)
			} else {
				where, args = where+" AND "+w, append(append([]any{}, args...), a...)
			}
		}
		if src.indexOrder != "" && n > 0 {
			// The first n rows are among those up to the n-th row's date:
			// one read of n index entries bounds the ordered read, which
			// would otherwise join and sort every row of the range (the
			// order's ties are broken by the project's code).
			w, a, err := s.cutoff(db, src, where, args, n)
			if err != nil {
				return page, model.Wrap(op, err)
			}
			if w != "" {
				where, args = w+" AND "+where, append(a, args...)
			}
		}
		cols := milestoneColumns
		if src.kind == AlertStale {
			cols = staleColumns
		}
		from := src.from
		if together {
			sums := "SUM(CASE WHEN (" + src.band + ") = 2 THEN 1 ELSE 0 END) OVER () AS n2, SUM(CASE WHEN (" + src.band + ") = 1 THEN 1 ELSE 0 END) OVER () AS n1, COUNT(*) OVER () AS n"
			args = append(append(append([]any{}, src.bandArgs...), src.bandArgs...), args...)
			if src.countFrom == "" { // filtered by the projects: the sums of the joined rows
				cols += ", " + sums
			} else {
				// The sums of the stale rows alone, before they are joined
				// to their projects: PostgreSQL then joins only the rows
				// its sort by date reaches (110 ms, not 180).
				from = "(SELECT s.*, " + sums + " FROM " + src.countFrom + " WHERE " + where + ") s" + strings.TrimPrefix(src.from, src.countFrom)
				cols, where = cols+", s.n2, s.n1, s.n", "1 = 1"
			}
		}
		sqlText := "SELECT " + cols + " FROM " + from + " WHERE " + where + " ORDER BY " + src.order
		if n > 0 {
			sqlText += " LIMIT ?"
			args = append(args, n)
		}
		counted := false
		err := scanRows(db.Raw(sqlText, args...), func(rows *sql.Rows) error {
			if src.kind == AlertStale {
				var f model.ProgressFact
				dest := []any{&f.ProjectID, &f.Code, &f.Name, &f.ResponsibleUnit, &f.Township, &f.Category, &f.ActualStart, &f.LastReport}
				var red, orange, all int64
				if together {
					dest = append(dest, &red, &orange, &all)
				}
				err := rows.Scan(dest...)
				if together && !counted {
					counted = true
					page.Counts[2], page.Counts[1], page.Counts[0] = page.Counts[2]+red, page.Counts[1]+orange, page.Counts[0]+all-red-orange
				}
				page.Facts.Started = append(page.Facts.Started, f)
				return err
			}
			var f model.MilestoneFact
			err := rows.Scan(&f.ProjectID, &f.Code, &f.ProjectFact.Name, &f.ResponsibleUnit, &f.Township, &f.Category,
				&f.MilestoneID, &f.Kind, &f.Name, &f.Seq, &f.Baseline.Date, &f.Baseline.Precision, &f.Forecast, &f.Actual)
			page.Facts.Milestones = append(page.Facts.Milestones, f)
			return err
		})
		if err != nil {
			return page, model.Wrap(op, err)
		}
	}
	return page, nil
}

// cutoff returns the condition (and its arguments) that keeps the rows
// of a ranged source src (rows where holds, with args) whose date is at
// most that of its n-th row in date order; "" when it has fewer rows.
func (s *DB) cutoff(db *gorm.DB, src alertSource, where string, args []any, n int) (string, []any, error) {
	from := src.from
	if src.countFrom != "" {
		from = src.countFrom
	}
	var last any // a date's text, or a slip's days
	found := false
	err := scanRows(db.Raw("SELECT "+src.col+" FROM "+from+" WHERE "+where+" ORDER BY "+src.indexOrder+" LIMIT 1 OFFSET ?", append(append([]any{}, args...), n-1)...),
		func(rows *sql.Rows) error {
			found = true
			return rows.Scan(&last)
		})
	if err != nil || !found {
		return "", nil, err
	}
	if src.desc {
		return src.col + " >= ?", []any{last}, nil
	}
	return src.col + " <= ?", []any{last}, nil
}

// countBands adds the number of alerts of src (rows where holds) to
// counts by band: for a source ordered by an indexed date, three range
// counts of the index; otherwise one aggregate by band. The rows of
// src.stored where holds are subtracted.
func countBands(db *gorm.DB, q model.AlertQuery, src alertSource, where string, counts *[3]int64) error {
	from := src.from
	if src.countFrom != "" {
		from = src.countFrom
	}
	froms := []string{from}
	if src.stored != "" {
		froms = append(froms, src.stored) // subtracted
	}
	for i, from := range froms {
		sign := int64(1 - 2*i)
		if src.ranged {
			for b := range counts {
				w, a := src.slip(bandRange(q, b)) // first, as in AlertPage
				var n int64
				if err := db.Raw("SELECT COUNT(*) FROM "+from+" WHERE "+w+" AND "+where, append(a, src.args...)...).Scan(&n).Error; err != nil {
					return err
				}
				counts[b] += sign * n
			}
			continue
		}
		var rows []struct {
			Band int
			N    int64
		}
		err := db.Raw("SELECT "+src.band+" AS band, COUNT(*) AS n FROM "+from+" WHERE "+where+" GROUP BY 1", append(append([]any{}, src.bandArgs...), src.args...)...).Scan(&rows).Error
		if err != nil {
			return err
		}
		for _, r := range rows {
			counts[r.Band] += sign * r.N
		}
	}
	return nil
}
