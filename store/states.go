package store

import (
	"context"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// statesSQL is the SQL of every project's state as of q.AsOf in state
// st (of the projects q.ProjectIDs, and of the ID subquery in when not
// ""): rows (project_id, status, worst, has0, has1, has2), where status
// is model.ProjectStatus's, worst the band of its most serious open alert
// (-1 none) and hasB whether it has an open alert of band B. The open
// alerts are those of AlertPage's sources, each row tagged with its band
// and grouped by project: aggregates in SQL, not the alerts in Go.
func (s *DB) statesSQL(q model.AlertQuery, st asOfState, in string) (string, []any) {
	q.Kind, q.Band, q.Unit, q.Township, q.Category, q.ProjectID = "", -1, "", "", "", 0
	var union []string
	var args []any
	for _, src := range s.sources(q, st, in) {
		id, overdue := "m.project_id", "0"
		switch src.kind {
		case AlertStale:
			id = "s.project_id"
		case AlertOverdue:
			overdue = "1"
		}
		from := src.from
		if src.countFrom != "" {
			from = src.countFrom
		}
		where := src.where
		if src.settled != "" {
			where = append(where[:len(where):len(where)], src.settled)
		}
		union = append(union, "SELECT "+id+" AS project_id, "+src.band+" AS band, "+overdue+" AS overdue, 0 AS started, 0 AS finished FROM "+from+
			" WHERE "+strings.Join(where, " AND "))
		args = append(append(args, src.bandArgs...), src.args...)
	}
	// The projects started and finished by D, rows of the same union (a
	// join to each as a table of its own made SQLite scan it a project).
	ms := "milestones"
	if st.past {
		ms = milestonesAsOf(q.AsOf)
	}
	where, pwhere := "", ""
	if len(q.ProjectIDs) > 0 {
		where, pwhere = " AND ma.project_id IN ?", " AND p.id IN ?"
	}
	if in != "" {
		where, pwhere = where+" AND ma.project_id IN ("+in+")", pwhere+" AND p.id IN ("+in+")"
	}
	for _, k := range []struct{ kind, started, finished string }{{model.MilestoneStart, "1", "0"}, {model.MilestoneFinish, "0", "1"}} {
		union = append(union, "SELECT ma.project_id, -1, 0, "+k.started+", "+k.finished+" FROM "+ms+" ma WHERE ma.kind = ? AND ma.actual <= ?"+where)
		args = append(args, k.kind, q.AsOf)
		if len(q.ProjectIDs) > 0 {
			args = append(args, q.ProjectIDs)
		}
	}
	if len(q.ProjectIDs) > 0 {
		args = append(args, q.ProjectIDs)
	}
	if pwhere != "" {
		where = " WHERE" + strings.TrimPrefix(pwhere, " AND")
	}
	return `SELECT p.id AS project_id,
	CASE WHEN a.finished = 1 THEN '` + model.StatusDone + `' WHEN a.overdue = 1 THEN '` + model.StatusLate + `'
	     WHEN a.started = 1 THEN '` + model.StatusGoing + `' ELSE '` + model.StatusIdle + `' END AS status,
	COALESCE(a.worst, -1) AS worst, COALESCE(a.has0, 0) AS has0, COALESCE(a.has1, 0) AS has1, COALESCE(a.has2, 0) AS has2
FROM projects p
LEFT JOIN (SELECT project_id, MAX(band) AS worst, MAX(overdue) AS overdue, MAX(started) AS started, MAX(finished) AS finished,
	MAX(CASE WHEN band = 0 THEN 1 ELSE 0 END) AS has0, MAX(CASE WHEN band = 1 THEN 1 ELSE 0 END) AS has1,
	MAX(CASE WHEN band = 2 THEN 1 ELSE 0 END) AS has2
	FROM (` + strings.Join(union, " UNION ALL ") + `) u GROUP BY project_id) a ON a.project_id = p.id` + where, args
}

// stateColumnsSQL is the status and worst band (columns status, worst)
// as of q.AsOf of a project whose state row or span is a, its forecasts'
// worst band being forecast (SQL without arguments): late when its
// earliest open due date is before D, and its bands are that date's, its
// last sign of life's (when started and unfinished) and its forecasts';
// done, going or idle by its actual start and finish.
func (s *DB) stateColumnsSQL(q model.AlertQuery, a, forecast string) (string, []any) {
	var overdue, stale alertSource
	dated(&overdue, q, a+".open_due", 0)
	dated(&stale, q, a+".since", q.StaleDays)
	greatest := "MAX"
	if s.Postgres {
		greatest = "GREATEST"
	}
	d := q.AsOf
	args := append([]any{d, d}, overdue.bandArgs...)
	args = append(append(args, d.AddDays(-q.StaleDays)), stale.bandArgs...)
	return `CASE WHEN ` + a + `.actual_finish IS NOT NULL THEN '` + model.StatusDone + `' WHEN ` + a + `.open_due < ? THEN '` + model.StatusLate + `'
	     WHEN ` + a + `.actual_start IS NOT NULL THEN '` + model.StatusGoing + `' ELSE '` + model.StatusIdle + `' END AS status,
	` + greatest + `(CASE WHEN ` + a + `.open_due < ? THEN ` + overdue.band + ` ELSE -1 END,
	    CASE WHEN ` + a + `.actual_start IS NOT NULL AND ` + a + `.actual_finish IS NULL AND ` + a + `.since < ? THEN ` + stale.band + ` ELSE -1 END,
	    ` + forecast + `) AS worst`, args
}

// dueStatesSQL is statesSQL's rows (project_id, status, worst) as of
// q.AsOf of the projects whose facts all bear and were learnt on dates up
// to D (whose horizon is D or earlier), read from their state rows
// (stateColumnsSQL), their forecasts' band from the forecast source
// grouped by project, which reads only the forecasts beyond D, and whose
// columns are the values known on D for these projects. Not in it: the
// projects with a later horizon (spanStatesSQL) and those with no state
// row (no milestones nor reports: idle, without alerts).
func (s *DB) dueStatesSQL(q model.AlertQuery, st asOfState) (string, []any) {
	q.Kind, q.Band, q.Unit, q.Township, q.Category, q.ProjectID = AlertForecast, -1, "", "", "", 0
	forecast := s.sources(q, asOfState{}, "")[0]
	from, where := forecast.countFrom, ""
	if from == "" { // of the projects q.ProjectIDs
		from, where = forecast.from, " AND ps.project_id IN ?"
	}
	cols, args := s.stateColumnsSQL(q, "ps", "COALESCE(f.worst, -1)")
	due, dargs := dueCond(st, q.AsOf)
	args = append(append(append(args, forecast.bandArgs...), forecast.args...), dargs...)
	if where != "" {
		args = append(args, q.ProjectIDs)
	}
	return `SELECT ps.project_id, ` + cols + `
FROM project_states ps LEFT JOIN (SELECT m.project_id, MAX(` + forecast.band + `) AS worst FROM ` + from + ` WHERE ` +
		strings.Join(forecast.where, " AND ") + ` GROUP BY m.project_id) f ON f.project_id = ps.project_id
WHERE ` + due + where, args
}

// dueCond is the condition (with its arguments) that a state row ps is
// of a project whose horizon is d or earlier in d's state st: always so
// when no horizon is after d. A COALESCE, not "horizon IS NULL OR
// horizon <= d", which SQLite (without statistics) read as two ranges of
// the horizon index and a lookup of each row's table entry: 200-300 ms
// for the 100,000 state rows of the dashboard as of today, which a scan
// of the table reads in 50.
func dueCond(st asOfState, d model.Date) (string, []any) {
	if !st.later {
		return "1 = 1", nil
	}
	return "COALESCE(ps.horizon, '') <= ?", []any{d}
}

// spanStatesSQL is statesSQL's rows (project_id, status, worst) as of
// q.AsOf of the projects whose horizon is after D (of q.ProjectIDs when
// set), from the span of each containing D (SpansAt, spansOf): the same
// function of the span and D as of its state row (stateColumnsSQL), its
// forecasts' band that of the span's longest forecast slip.
func (s *DB) spanStatesSQL(q model.AlertQuery) (string, []any) {
	cols, args := s.stateColumnsSQL(q, "sp", "CASE WHEN sp.forecast_slip > ? THEN 2 WHEN sp.forecast_slip > ? THEN 1 WHEN sp.forecast_slip IS NOT NULL THEN 0 ELSE -1 END")
	args = append(args, q.OrangeMax, q.YellowMax)
	from := SpansAt(q.AsOf)
	if len(q.ProjectIDs) > 0 {
		from, args = spansOf(q.AsOf), append(args, q.ProjectIDs)
	}
	return "SELECT sp.project_id, " + cols + " FROM " + from + " sp", args
}

// fastStatesSQL is statesSQL's rows (project_id, status, worst) of every
// project with a state row (of q.ProjectIDs when set) as of q.AsOf in
// state st: dueStatesSQL's, and spanStatesSQL's when a horizon is later.
func (s *DB) fastStatesSQL(q model.AlertQuery, st asOfState) (string, []any) {
	due, args := s.dueStatesSQL(q, st)
	if !st.later { // (a union with an empty part kept PostgreSQL from reading a page's rows by project)
		return due, args
	}
	later, largs := s.spanStatesSQL(q)
	return due + " UNION ALL " + later, append(args, largs...)
}

// redSQL is the condition on a project's state row ps that it has a red
// alert as of q.AsOf in state st, where fastStatesSQL would read: of a
// project whose horizon is D or earlier, an earliest open due date or a
// started and unfinished project's last sign of life before the red
// band's date, or a red forecast; of the others, the same of the span
// containing D, or a red forecast slip. A project's worst band is red
// exactly when it has a red alert, so the red projects are a scan of the
// narrow state rows and spans, and a page of them in the list's order
// reads those of its projects only, not every project's whole state.
func (s *DB) redSQL(q model.AlertQuery, st asOfState) (string, []any) {
	d := q.AsOf
	fq := q
	fq.Kind, fq.Band, fq.Unit, fq.Township, fq.Category, fq.ProjectID, fq.ProjectIDs = AlertForecast, -1, "", "", "", 0, nil
	forecast := s.sources(fq, asOfState{}, "")[0]
	from := forecast.countFrom
	if from == "" {
		from = forecast.from
	}
	red := func(a string) string {
		return a + ".open_due < ? OR (" + a + ".actual_start IS NOT NULL AND " + a + ".actual_finish IS NULL AND " + a + ".since < ?)"
	}
	redArgs := []any{d.AddDays(-q.OrangeMax), d.AddDays(-q.StaleDays - q.OrangeMax)}
	due, args := dueCond(st, d)
	cond := due + ` AND (` + red("ps") + `
	OR ps.project_id IN (SELECT m.project_id FROM ` + from + ` WHERE ` + strings.Join(forecast.where, " AND ") + ` AND (` + forecast.band + `) = 2))`
	args = append(append(args, redArgs...), forecast.args...)
	args = append(args, forecast.bandArgs...)
	if st.later {
		cond = "(" + cond + ") OR ps.project_id IN (SELECT sp.project_id FROM " + SpansAt(d) + " sp WHERE " + red("sp") + " OR sp.forecast_slip > ?)"
		args = append(append(args, redArgs...), q.OrangeMax)
	}
	return cond, args
}

// stateWhere returns the condition that keeps the projects (of alias
// projects) in the state f selects, as an ID subquery of statesSQL (of
// fastStatesSQL by status and most serious band, with the projects
// without a state row when idle without alerts is selected).
func (s *DB) stateWhere(db *gorm.DB, f *model.StateFilter) (string, []any, error) {
	st, err := stateOf(db, f.Alerts.AsOf)
	if err != nil {
		return "", nil, err
	}
	fast := f.Any == 0 // (whether it has an alert of a band: statesSQL)
	if fast && f.Status == "" && (f.Worst == 3 || f.Any == 3) {
		red, args := s.redSQL(f.Alerts, st)
		return "EXISTS (SELECT 1 FROM project_states ps WHERE ps.project_id = projects.id AND (" + red + "))", args, nil
	}
	states, args := s.statesSQL(f.Alerts, st, "")
	if fast {
		states, args = s.fastStatesSQL(f.Alerts, st)
	}
	var cond []string
	if f.Status != "" {
		cond, args = append(cond, "x.status = ?"), append(args, f.Status)
	}
	switch {
	case f.Worst == model.WorstNone:
		cond = append(cond, "x.worst = -1")
	case f.Worst > 0:
		cond, args = append(cond, "x.worst = ?"), append(args, f.Worst-1)
	}
	if f.Any >= 1 && f.Any <= 3 {
		cond = append(cond, "x.has"+string(rune('0'+f.Any-1))+" = 1")
	}
	where := "id IN (SELECT x.project_id FROM (" + states + ") x"
	if len(cond) > 0 {
		where += " WHERE " + strings.Join(cond, " AND ")
	}
	where += ")"
	if fast && (f.Status == "" || f.Status == model.StatusIdle) && f.Worst <= 0 {
		where = "(" + where + " OR id NOT IN (SELECT project_id FROM project_states))"
	}
	return where, args, nil
}

// ProjectStates returns the states as of q.AsOf of the projects
// q.ProjectIDs, reading their state rows and, of those with a later
// horizon, their spans containing D (fastStatesSQL).
func (s *DB) ProjectStates(ctx context.Context, q model.AlertQuery) (map[uint]model.ProjectState, error) {
	const op = "store.ProjectStates"
	out := map[uint]model.ProjectState{}
	if len(q.ProjectIDs) == 0 {
		return out, nil
	}
	db := s.reader(ctx)
	st, err := stateOf(db, q.AsOf)
	if err != nil {
		return out, model.Wrap(op, err)
	}
	states, args := s.fastStatesSQL(q, st)
	var rows []model.ProjectState
	if err := db.Raw("SELECT project_id, status, worst FROM ("+states+") x", args...).Scan(&rows).Error; err != nil {
		return out, model.Wrap(op, err)
	}
	for _, r := range rows {
		out[r.ProjectID] = r
	}
	var ids []uint // of the projects without a state row: idle, no alert
	if err := db.Raw("SELECT id FROM projects WHERE id IN ? AND id NOT IN (SELECT project_id FROM project_states WHERE project_id IN ?)", q.ProjectIDs, q.ProjectIDs).Scan(&ids).Error; err != nil {
		return out, model.Wrap(op, err)
	}
	for _, id := range ids {
		out[id] = model.ProjectState{ProjectID: id, Status: model.StatusIdle, Worst: -1}
	}
	return out, nil
}

// Dashboard returns the dashboard's figures as of q.AsOf with q's
// thresholds.
func (s *DB) Dashboard(ctx context.Context, q model.AlertQuery) (model.Dashboard, error) {
	const op = "store.Dashboard"
	db := s.reader(ctx)
	out := model.Dashboard{Categories: map[string]int64{}, Townships: map[string]int64{}}
	st, err := stateOf(db, q.AsOf)
	if err != nil {
		return out, model.Wrap(op, err)
	}
	projects := s.plansAsOf(st.plans, q.AsOf, "p")
	// The projects without a state row (no milestones nor reports) are
	// idle, without alerts: the projects less the rows.
	states, args := s.fastStatesSQL(q, st)
	counts := `SELECT status, worst, SUM(n) AS n FROM (SELECT status, worst, COUNT(*) AS n FROM (` + states + `) x GROUP BY status, worst
	UNION ALL SELECT '` + model.StatusIdle + `', -1, (SELECT COUNT(*) FROM projects) - (SELECT COUNT(*) FROM project_states)) c
GROUP BY status, worst HAVING SUM(n) > 0`
	err = db.Raw(counts, args...).Scan(&out.States).Error
	if err != nil {
		return out, model.Wrap(op, err)
	}
	for _, c := range out.States {
		out.Total += c.N
	}
	for _, g := range []struct {
		col  string
		into map[string]int64
	}{{"category", out.Categories}, {"township", out.Townships}} {
		var rows []struct {
			Name string
			N    int64
		}
		err := db.Raw("SELECT COALESCE(" + g.col + ", '') AS name, COUNT(*) AS n FROM " + projects + " GROUP BY " + g.col).Scan(&rows).Error
		if err != nil {
			return out, model.Wrap(op, err)
		}
		for _, r := range rows {
			g.into[r.Name] += r.N
		}
	}
	var plan struct {
		Hi, Lo, BudgetHi, BudgetLo int64
		Unknown                    int64
	}
	// A project's plan is its budget lines' sum when it has any, else
	// its investment: every project's investments less those of the
	// projects with budget lines (read from the lines, by the projects'
	// key), not a join of each of the 100,000 projects to the lines.
	invest := "SUM(p.investment / ?) AS hi, SUM(p.investment % ?) AS lo, SUM(CASE WHEN p.investment IS NULL THEN 1 ELSE 0 END) AS unknown"
	err = db.Raw(`SELECT a.hi - COALESCE(b.hi, 0) AS hi, a.lo - COALESCE(b.lo, 0) AS lo, b.budget_hi, b.budget_lo, a.unknown - COALESCE(b.unknown, 0) AS unknown
FROM (SELECT `+invest+` FROM `+projects+`) a
CROSS JOIN (SELECT `+invest+`, SUM(l.hi) AS budget_hi, SUM(l.lo) AS budget_lo
	FROM (SELECT project_id, `+sumFen("amount")+` FROM `+s.moneyAsOf("budget_lines", q.AsOf)+` GROUP BY project_id) l JOIN `+projects+` ON p.id = l.project_id) b`,
		fenSplit, fenSplit, fenSplit, fenSplit).Scan(&plan).Error
	if err != nil {
		return out, model.Wrap(op, err)
	}
	out.Plan, out.PlanUnknown = fenTotal(plan.Hi, plan.Lo).Add(fenTotal(plan.BudgetHi, plan.BudgetLo)), plan.Unknown
	var spent struct{ Hi, Lo int64 }
	if err := db.Raw("SELECT "+sumFen("amount")+" FROM "+s.moneyAsOf("disbursements", q.AsOf)+" WHERE date <= ?", q.AsOf).Scan(&spent).Error; err != nil {
		return out, model.Wrap(op, err)
	}
	out.Spent = fenTotal(spent.Hi, spent.Lo)
	return out, nil
}

// SpendFacts returns the allocations, receipts and payments dated on or
// before asOf of the projects ids (every project when nil) that have
// any, by project: three sums grouped by project, not a read of every
// project.
func (s *DB) SpendFacts(ctx context.Context, asOf model.Date, ids []uint) (map[uint]model.SpendFact, error) {
	const op = "store.SpendFacts"
	out := map[uint]model.SpendFact{}
	if ids != nil && len(ids) == 0 {
		return out, nil
	}
	db := s.reader(ctx)
	projects, err := s.projectsAsOf(db, asOf, "p")
	if err != nil {
		return out, model.Wrap(op, err)
	}
	for _, t := range []struct{ table, kind string }{
		{"funds", model.FundAllocated}, {"funds", model.FundReceived}, {"disbursements", ""},
	} {
		q := db.Table(s.moneyAsOf(t.table, asOf)).Select("x.project_id, COALESCE(p.responsible_unit, '') AS unit, "+sumFen("x.amount")).
			Joins("JOIN "+projects+" ON p.id = x.project_id").Where("x.date <= ?", asOf).Group("x.project_id, p.responsible_unit")
		if t.kind != "" {
			q = q.Where("x.kind = ?", t.kind)
		}
		if ids != nil {
			q = q.Where("x.project_id IN ?", ids)
		}
		var rows []struct {
			ProjectID uint
			Unit      string
			Hi, Lo    int64
		}
		if err := q.Scan(&rows).Error; err != nil {
			return out, model.Wrap(op, err)
		}
		for _, r := range rows {
			f := out[r.ProjectID]
			f.ProjectID, f.ResponsibleUnit = r.ProjectID, r.Unit
			sum := fenTotal(r.Hi, r.Lo)
			switch t.kind {
			case model.FundAllocated:
				f.Allocated = sum
			case model.FundReceived:
				f.Received = sum
			default:
				f.Paid = sum
			}
			out[r.ProjectID] = f
		}
	}
	return out, nil
}
