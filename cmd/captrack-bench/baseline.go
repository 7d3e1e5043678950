package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// BareImport is the baseline of an import: it opens the workbook in r
// with opt (the importer's unzip limits), reads every row of its first
// sheet with a bare Rows() scan and inserts the project rows' raw cell
// values, one prepared statement, in one transaction, into a table of
// db it creates. It returns the number of rows inserted.
func BareImport(ctx context.Context, db *sql.DB, pg bool, r io.Reader, opt excelize.Options) (int, error) {
	cols, names, params := make([]string, synth.AnnexColumns), make([]string, synth.AnnexColumns), make([]string, synth.AnnexColumns)
	for i := range cols {
		names[i] = fmt.Sprintf("c%d", i+1)
		cols[i], params[i] = names[i]+" TEXT", "?"
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS bare_rows ("+strings.Join(cols, ", ")+")"); err != nil {
		return 0, err
	}
	f, err := excelize.OpenReader(r, opt)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, rebind(pg, "INSERT INTO bare_rows ("+strings.Join(names, ", ")+") VALUES ("+strings.Join(params, ", ")+")"))
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	args := make([]any, synth.AnnexColumns)
	n, row := 0, 0
	for rows.Next() {
		row++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, err
		}
		if row < synth.AnnexFirstRow {
			continue
		}
		for i := range args {
			args[i] = nil
			if i < len(cells) {
				args[i] = cells[i]
			}
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return 0, err
		}
		n++
	}
	if err := rows.Error(); err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// AlertRow is one row of the bare alert queries, scanned into plain
// fields: an open milestone, or (MilestoneID 0) a started, unfinished
// project with its last progress report.
type AlertRow struct {
	ProjectID   int64          `json:"project_id"`
	Code        string         `json:"project_code"`
	Name        string         `json:"project_name"`
	Unit        string         `json:"responsible_unit"`
	Township    string         `json:"township"`
	Category    string         `json:"category"`
	MilestoneID int64          `json:"milestone_id"`
	Kind        string         `json:"kind"`
	Milestone   string         `json:"milestone"`
	Seq         int64          `json:"seq"`
	Baseline    sql.NullString `json:"baseline"`
	Precision   string         `json:"precision"`
	Forecast    sql.NullString `json:"forecast"`
	Actual      sql.NullString `json:"actual"`
	ActualStart sql.NullString `json:"actual_start"`
	LastReport  sql.NullString `json:"last_report"`
}

// The bare alert queries select what model.AlertFacts selects, through
// the same indexes, and nothing more.
const (
	bareOpenMilestones = `SELECT p.id, p.code, p.name, COALESCE(p.responsible_unit, ''), COALESCE(p.township, ''), COALESCE(p.category, ''),
	m.id, m.kind, m.name, COALESCE(m.seq, 0), m.baseline_date, COALESCE(m.baseline_prec, ''), m.forecast, m.actual
FROM milestones m JOIN projects p ON p.id = m.project_id
WHERE m.baseline_date IS NOT NULL AND (m.actual IS NULL OR m.actual > ?) AND (m.baseline_date < ? OR m.forecast > m.baseline_date)`
	bareStartedProjects = `SELECT p.id, p.code, p.name, COALESCE(p.responsible_unit, ''), COALESCE(p.township, ''), COALESCE(p.category, ''),
	s.a, r.d
FROM (SELECT project_id, MIN(actual) AS a FROM milestones WHERE kind = 'start' AND actual <= ? GROUP BY project_id) s
JOIN projects p ON p.id = s.project_id
LEFT JOIN (SELECT project_id, MAX(report_date) AS d FROM progress_reports WHERE report_date <= ? GROUP BY project_id) r ON r.project_id = s.project_id
WHERE NOT EXISTS (SELECT 1 FROM milestones f WHERE f.project_id = s.project_id AND f.kind = 'finish' AND f.actual <= ?)`
)

// BareAlerts is the baseline of alerts.List: the rows the alert queries
// return as of asOf, read with bare database/sql into plain structs,
// with nothing computed.
func BareAlerts(ctx context.Context, db *sql.DB, pg bool, asOf model.Date) ([]AlertRow, error) {
	d := asOf.String()
	var out []AlertRow
	err := bareQuery(ctx, db, rebind(pg, bareOpenMilestones), []any{d, d}, func(rows *sql.Rows) error {
		var r AlertRow
		err := rows.Scan(&r.ProjectID, &r.Code, &r.Name, &r.Unit, &r.Township, &r.Category,
			&r.MilestoneID, &r.Kind, &r.Milestone, &r.Seq, &r.Baseline, &r.Precision, &r.Forecast, &r.Actual)
		out = append(out, r)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = bareQuery(ctx, db, rebind(pg, bareStartedProjects), []any{d, d, d}, func(rows *sql.Rows) error {
		var r AlertRow
		err := rows.Scan(&r.ProjectID, &r.Code, &r.Name, &r.Unit, &r.Township, &r.Category, &r.ActualStart, &r.LastReport)
		out = append(out, r)
		return err
	})
	return out, err
}

func bareQuery(ctx context.Context, db *sql.DB, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
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

// BareAlertsHandler is the baseline of GET /api/v1/alerts: a bare
// net/http handler that runs the bare alert queries as of asOf on db and
// encodes the rows as JSON, {"items": [...]}: no router, no
// authentication, no alert rules.
func BareAlertsHandler(db *sql.DB, pg bool, asOf model.Date) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rows, err := BareAlerts(r.Context(), db, pg, asOf)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		json.NewEncoder(w).Encode(struct {
			Items []AlertRow `json:"items"`
		}{rows})
	})
}

// BareSpend is the baseline of reports.Spend: it writes the same cells
// (the same values, the same formulas, one row per project and per
// category subtotal) with a bare stream writer: no styles, no title rows,
// no print setup, no summary sheet, no chart.
func BareSpend(w io.Writer, data model.ReportData) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	num := func(m model.Money) float64 { v, _ := strconv.ParseFloat(m.WanString(), 64); return v }
	row, top := 1, 1
	values := make([]any, 9+len(data.Sources))
	subtotal := func() error {
		clear(values)
		values[0] = "小计"
		for c := 5; c <= len(values); c++ {
			if c == 7 || c == 8 || c == 9 {
				continue
			}
			col, _ := excelize.ColumnNumberToName(c)
			values[c-1] = excelize.Cell{Formula: fmt.Sprintf("ROUND(SUBTOTAL(9,%s%d:%[1]s%[3]d)*1000000,0)/1000000", col, top, row-1)}
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), values); err != nil {
			return err
		}
		row++
		top = row
		return nil
	}
	for i, p := range data.Projects {
		if i > 0 && p.Project.Category != data.Projects[i-1].Project.Category {
			if err := subtotal(); err != nil {
				return err
			}
		}
		clear(values)
		values[0], values[1], values[2], values[3] = i+1, p.Project.Code, p.Project.Name, p.Project.ResponsibleUnit
		values[4], values[5] = num(p.Plan), num(p.Spent)
		values[6] = excelize.Cell{Formula: fmt.Sprintf(`IF(N(E%d)=0,"",F%[1]d/E%[1]d)`, row)}
		values[7], _ = strconv.ParseFloat(p.Progress.Decimal.Shift(-2).String(), 64)
		values[8] = excelize.Cell{Formula: fmt.Sprintf(`IF(OR(G%d="",H%[1]d=""),"",G%[1]d-H%[1]d)`, row)}
		for j, s := range data.Sources {
			values[9+j] = num(p.SpentBySource[s])
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), values); err != nil {
			return err
		}
		row++
	}
	if err := subtotal(); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}

// bareRows runs q and reads every column of every row into plain values.
func bareRows(ctx context.Context, db *sql.DB, pg bool, q string, args ...any) error {
	rows, err := db.QueryContext(ctx, rebind(pg, q), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// bareSources are the bare forms of the alert sources as of a date.
type bareSources struct {
	date            model.Date
	ds, red, orange string // d, and the due dates before which a slip is red, orange
	days, collate   string
	// The stale projects from the activity table: a range of its open
	// index when its dates are those known on d, else the started and
	// unfinished projects' state rows and spans containing d.
	staleFrom, staleWhere, since string
	staleArgs                    []any
	staleIndex                   string // the activity index's order when its dates are those known on d
	staleRed, staleOrange        string // since before these: red, orange
	// current is true when no state row's horizon is after d: then the
	// 序时进度 lamps' facts are the state rows alone, else the spans too.
	current bool
}

const bareForecast = "m.forecast > ? AND m.forecast > m.baseline_date AND m.baseline_date >= ? AND (m.actual IS NULL OR m.actual > ?)"

// bareOpen are the two ranges of open overdue milestones, with the
// order of the index that sorts each by due date.
var bareOpen = []struct {
	where, index string
	d            bool // takes d
}{{"m.actual IS NULL", "m.actual, m.baseline_date", false}, {"m.actual > ?", "m.baseline_date", true}}

func newBareSources(ctx context.Context, db *sql.DB, pg bool, d model.Date) (bareSources, error) {
	cfg := alerts.DefaultConfig()
	b := bareSources{date: d, ds: d.String(), red: d.AddDays(-cfg.OrangeMax).String(), orange: d.AddDays(-cfg.YellowMax).String(),
		days:     "CAST(julianday(m.forecast) - julianday(m.baseline_date) AS INTEGER)",
		staleRed: d.AddDays(-cfg.StaleDays - cfg.OrangeMax).String(), staleOrange: d.AddDays(-cfg.StaleDays - cfg.YellowMax).String()}
	if pg {
		b.days, b.collate = "(CAST(m.forecast AS date) - CAST(m.baseline_date AS date))", ` COLLATE "C"`
	}
	staleBefore := d.AddDays(-cfg.StaleDays).String()
	var known, finish sql.NullString
	if err := db.QueryRowContext(ctx, "SELECT (SELECT MAX(reports_known) FROM project_activity), (SELECT MAX(actual_finish) FROM project_activity)").Scan(&known, &finish); err != nil {
		return b, err
	}
	b.staleFrom = "project_activity s JOIN projects p ON p.id = s.project_id"
	b.staleWhere = "s.actual_finish IS NULL AND s.actual_start <= ? AND s.since < ?"
	b.staleArgs = []any{b.ds, staleBefore}
	b.since, b.staleIndex = "s.since", "s.actual_finish, s.since"
	var horizon sql.NullString
	if err := db.QueryRowContext(ctx, "SELECT MAX(horizon) FROM project_states").Scan(&horizon); err != nil {
		return b, err
	}
	b.current = horizon.String <= b.ds
	if known.String > b.ds || finish.String > b.ds { // the started and unfinished projects' state rows and spans on d
		b.staleFrom = "(SELECT project_id, actual_start, since AS last_report FROM project_states WHERE COALESCE(horizon, '') <= '" + b.ds +
			"' AND actual_start IS NOT NULL AND actual_finish IS NULL UNION ALL SELECT project_id, actual_start, since FROM " + store.SpansAt(d) +
			" sp WHERE actual_start IS NOT NULL AND actual_finish IS NULL) s JOIN projects p ON p.id = s.project_id"
		b.since, b.staleIndex = "s.last_report", ""
		b.staleWhere, b.staleArgs = b.since+" < ?", []any{staleBefore}
	}
	return b, nil
}

// overdueTop reads the first n rows of each range of open overdue
// milestones in the alerts' order: the due date of the n-th in index
// order, then the rows due by then, sorted.
func (b bareSources) overdueTop(ctx context.Context, db *sql.DB, pg bool, n int) error {
	for _, open := range bareOpen {
		args := []any{b.ds}
		if open.d {
			args = append([]any{b.ds}, args...)
		}
		where := open.where + " AND m.baseline_date < ?"
		var last sql.NullString
		err := db.QueryRowContext(ctx, rebind(pg, "SELECT m.baseline_date FROM milestones m WHERE "+where+" ORDER BY "+open.index+" LIMIT 1 OFFSET ?"), append(args, n-1)...).Scan(&last)
		switch {
		case err == nil: // the narrower bound first (SQLite ends the index range at the first)
			where, args = "m.baseline_date <= ? AND "+where, append([]any{last.String}, args...)
		case err != sql.ErrNoRows:
			return err
		}
		if err := bareRows(ctx, db, pg, "SELECT p.id, p.code, p.name, p.responsible_unit, p.township, p.category, m.id, m.kind, m.name, m.seq, m.baseline_date, m.baseline_prec, m.forecast, m.actual"+
			" FROM milestones m JOIN projects p ON p.id = m.project_id WHERE "+where+" ORDER BY m.baseline_date, p.code"+b.collate+", m.seq, m.id LIMIT ?",
			append(args, n)...); err != nil {
			return err
		}
	}
	return nil
}

// BareAlertPage is the baseline of the first page of GET /api/v1/alerts
// as of d: the counts by severity (three range counts of the due index
// for each kind of open milestone, one aggregate of forecasts and one of
// stale projects) and the first 50 rows of each, with nothing computed.
func BareAlertPage(ctx context.Context, db *sql.DB, pg bool, d model.Date) error {
	b, err := newBareSources(ctx, db, pg, d)
	if err != nil {
		return err
	}
	ds := b.ds
	for _, open := range bareOpen {
		for _, band := range [][2]string{{"0000-00-00", b.red}, {b.red, b.orange}, {b.orange, ds}} {
			args := []any{band[0], band[1]}
			if open.d {
				args = append([]any{ds}, args...)
			}
			if err := bareRows(ctx, db, pg, "SELECT COUNT(*) FROM milestones m WHERE "+open.where+" AND m.baseline_date >= ? AND m.baseline_date < ?", args...); err != nil {
				return err
			}
		}
	}
	if err := b.overdueTop(ctx, db, pg, 50); err != nil {
		return err
	}
	if err := bareRows(ctx, db, pg, "SELECT "+b.days+" > 90, COUNT(*) FROM milestones m WHERE "+bareForecast+" GROUP BY 1", ds, ds, ds); err != nil {
		return err
	}
	forecast, fargs := bareForecast, []any{ds, ds, ds}
	if !pg { // the forecasts whose slip is at least the 50th largest's, from the forecast index
		var last sql.NullInt64
		err := db.QueryRowContext(ctx, "SELECT "+b.days+" FROM milestones m INDEXED BY idx_milestones_forecast_due WHERE "+bareForecast+" ORDER BY 1 DESC LIMIT 1 OFFSET 49", ds, ds, ds).Scan(&last)
		switch {
		case err == nil:
			forecast, fargs = b.days+" >= ? AND "+forecast, append([]any{last.Int64}, fargs...)
		case err != sql.ErrNoRows:
			return err
		}
	}
	if err := bareRows(ctx, db, pg, "SELECT p.id, p.code, p.name, m.id, m.kind, m.name, m.baseline_date, m.forecast FROM milestones m JOIN projects p ON p.id = m.project_id WHERE "+
		forecast+" ORDER BY "+b.days+" DESC, p.code"+b.collate+" LIMIT 50", fargs...); err != nil {
		return err
	}
	where, args := b.staleWhere, b.staleArgs
	if b.staleIndex == "" { // of a past date: the counts beside the page's rows, one read of the state rows and spans, summed before the join
		rows, join, _ := strings.Cut(b.staleFrom, " s JOIN ")
		return bareRows(ctx, db, pg, "SELECT p.id, p.code, p.name, s.actual_start, s.last_report, s.red, s.n FROM (SELECT s.*, SUM(CASE WHEN "+b.since+" < ? THEN 1 ELSE 0 END) OVER () AS red, COUNT(*) OVER () AS n FROM "+
			rows+" s WHERE "+where+") s JOIN "+join+" ORDER BY "+b.since+", p.code"+b.collate+" LIMIT 50", append([]any{b.staleRed}, args...)...)
	}
	if err := bareRows(ctx, db, pg, "SELECT "+b.since+" < ?, COUNT(*) FROM "+b.staleFrom+" WHERE "+b.staleWhere+" GROUP BY 1",
		append([]any{b.staleRed}, b.staleArgs...)...); err != nil {
		return err
	}
	var last sql.NullString
	err = db.QueryRowContext(ctx, rebind(pg, "SELECT s.since FROM project_activity s WHERE "+where+" ORDER BY "+b.staleIndex+" LIMIT 1 OFFSET 49"), args...).Scan(&last)
	switch {
	case err == nil: // the narrower bound first, as above
		where, args = "s.since <= ? AND "+where, append([]any{last.String}, args...)
	case err != sql.ErrNoRows:
		return err
	}
	return bareRows(ctx, db, pg, "SELECT p.id, p.code, p.name, s.actual_start, s.last_report FROM "+b.staleFrom+" WHERE "+where+" ORDER BY "+b.since+", p.code"+b.collate+" LIMIT 50", args...)
}

// barePlannedCond keeps the projects with a planned start and finish.
const barePlannedCond = "planned_start_date IS NOT NULL AND planned_finish_date IS NOT NULL AND planned_finish_date >= planned_start_date"

// bareStatement is one statement of a baseline with its arguments.
type bareStatement struct {
	sql  string
	args []any
}

// fastStates is the bare SQL of every project's status and most serious
// band (of the projects of the ID list ids when not "") as of the
// sources' date from the projects' state rows (those whose facts are all
// dated and known by then) and the spans containing it of the others,
// with its arguments.
func (b bareSources) fastStates(ctx context.Context, db *sql.DB, pg bool, ids string) (string, []any, error) {
	var last sql.NullString
	if err := db.QueryRowContext(ctx, "SELECT MAX(horizon) FROM project_states").Scan(&last); err != nil {
		return "", nil, err
	}
	in, spans := "", ""
	if ids != "" {
		in = " AND ps.project_id IN (" + ids + ")"
	}
	// Every state row is due when no horizon is after d; else a scan of
	// them reads the due ones (SQLite read "horizon IS NULL OR horizon <=
	// d" as two ranges of the horizon index and a lookup a row).
	due, dargs := "1 = 1", []any(nil)
	forecasts := "milestones m"
	if !pg && ids == "" { // the forecast index's range, not every milestone in project order
		forecasts += " INDEXED BY idx_milestones_forecast_due"
	}
	if last.String > b.ds {
		due, dargs = "COALESCE(ps.horizon, '') <= ?", []any{b.ds}
		spans = store.SpansAt(b.date)
		if ids != "" {
			spans = "(SELECT * FROM project_spans WHERE project_id IN (" + ids + ") AND valid_from <= '" + b.ds + "' AND valid_to > '" + b.ds + "')"
		}
	}
	band := func(col, red, orange string) string {
		return "CASE WHEN " + col + " < '" + red + "' THEN 2 WHEN " + col + " < '" + orange + "' THEN 1 ELSE 0 END"
	}
	greatest := "MAX"
	if pg {
		greatest = "GREATEST"
	}
	cfg := alerts.DefaultConfig()
	staleBefore := b.date.AddDays(-cfg.StaleDays).String()
	state := func(a, forecast string) string {
		return a + ".project_id AS id, CASE WHEN " + a + ".actual_finish IS NOT NULL THEN 'done' WHEN " + a + ".open_due < ? THEN 'late' WHEN " + a + ".actual_start IS NOT NULL THEN 'going' ELSE 'idle' END AS status,\n\t" +
			greatest + "(CASE WHEN " + a + ".open_due < ? THEN " + band(a+".open_due", b.red, b.orange) + " ELSE -1 END,\n\t" +
			"CASE WHEN " + a + ".actual_start IS NOT NULL AND " + a + ".actual_finish IS NULL AND " + a + ".since < ? THEN " + band(a+".since", b.staleRed, b.staleOrange) + " ELSE -1 END,\n\t" +
			forecast + ") AS worst"
	}
	q := `SELECT ` + state("ps", "COALESCE(f.worst, -1)") + `
FROM project_states ps LEFT JOIN (SELECT m.project_id, MAX(CASE WHEN ` + b.days + ` > 90 THEN 2 WHEN ` + b.days + ` > 30 THEN 1 ELSE 0 END) AS worst
	FROM ` + forecasts + ` WHERE ` + bareForecast + strings.ReplaceAll(in, "ps.", "m.") + ` GROUP BY m.project_id) f ON f.project_id = ps.project_id
WHERE ` + due + in
	args := append([]any{b.ds, b.ds, staleBefore, b.ds, b.ds, b.ds}, dargs...)
	if spans != "" {
		q += " UNION ALL SELECT " + state("sp", "CASE WHEN sp.forecast_slip > 90 THEN 2 WHEN sp.forecast_slip > 30 THEN 1 WHEN sp.forecast_slip IS NOT NULL THEN 0 ELSE -1 END") + " FROM " + spans + " sp"
		args = append(args, b.ds, b.ds, staleBefore)
	}
	return q, args, nil
}

// BareDashboard is the baseline of the dashboard as of d: the projects
// counted by status and most serious alert, by category and by township,
// the plans' and payments' sums, the 序时进度 lamps' facts and the most
// overdue milestones.
func BareDashboard(ctx context.Context, db *sql.DB, pg bool, d model.Date) error {
	b, err := newBareSources(ctx, db, pg, d)
	if err != nil {
		return err
	}
	fast, args, err := b.fastStates(ctx, db, pg, "")
	if err != nil {
		return err
	}
	counts := "SELECT status, worst, COUNT(*) FROM (" + fast + ") x GROUP BY status, worst UNION ALL SELECT 'idle', -1, (SELECT COUNT(*) FROM projects) - (SELECT COUNT(*) FROM project_states)"
	qs := []bareStatement{
		{counts, args},
		{"SELECT category, COUNT(*) FROM projects GROUP BY category", nil},
		{"SELECT township, COUNT(*) FROM projects GROUP BY township", nil},
		// every project's investment, and those of the projects with budget lines with the lines' sums
		{"SELECT SUM(investment), SUM(CASE WHEN investment IS NULL THEN 1 ELSE 0 END) FROM projects", nil},
		{"SELECT SUM(p.investment), SUM(b.amount), SUM(CASE WHEN p.investment IS NULL THEN 1 ELSE 0 END)" +
			" FROM (SELECT project_id, SUM(amount) AS amount FROM budget_lines GROUP BY project_id) b JOIN projects p ON p.id = b.project_id", nil},
		{"SELECT SUM(amount) FROM disbursements WHERE date <= ?", []any{b.ds}},
	}
	// The 序时进度 lamps of the projects that can have one, counted by
	// unit and lamp from their state rows, and when a horizon is after d
	// the spans containing d of the projects with a later one.
	// (each part a join driven by its own rows, as the store reads them)
	parts := []string{"projects p LEFT JOIN project_states s ON s.project_id = p.id WHERE 1 = 1"}
	if !b.current {
		parts = []string{"projects p LEFT JOIN project_states s ON s.project_id = p.id WHERE COALESCE(s.horizon, '') <= '" + b.ds + "'",
			store.PaceSpansJoin(pg, b.date, "s", "projects p")}
	}
	days := func(a, b string) string { return "CAST(julianday(" + b + ") - julianday(" + a + ") AS INTEGER)" }
	if pg {
		days = func(a, b string) string { return "(CAST(" + b + " AS date) - CAST(" + a + " AS date))" }
	}
	cfg, day := model.DefaultPaceLamps(), "'"+b.ds+"'"
	den := "GREATEST(" + days("p.planned_start_date", "p.planned_finish_date") + ", 1)"
	el := "LEAST(GREATEST(" + days("p.planned_start_date", day) + ", 0), " + den + ") * 100"
	if !pg {
		den, el = strings.ReplaceAll(den, "GREATEST", "MAX"), strings.NewReplacer("GREATEST", "MAX", "LEAST", "MIN").Replace(el)
	}
	for i, part := range parts {
		parts[i] = "SELECT p.responsible_unit AS unit, p.planned_start_date, s.actual_start, s.percent, " + den + " AS den, " + el + " AS el FROM " + part +
			" AND " + barePlannedCond + " AND s.actual_finish IS NULL"
	}
	qs = append(qs, bareStatement{`SELECT unit, lamp, COUNT(*) FROM (SELECT unit,
	CASE WHEN actual_start IS NULL THEN CASE WHEN ` + day + ` > planned_start_date THEN 'red' END
	     WHEN el <= (COALESCE(percent, 0) + ?) * den THEN 'green'
	     WHEN el <= (COALESCE(percent, 0) + ?) * den THEN 'yellow' ELSE 'red' END AS lamp
FROM (` + strings.Join(parts, " UNION ALL ") + `) x) y
GROUP BY unit, lamp`, []any{cfg.Yellow, cfg.Red}})
	for _, q := range qs {
		if err := bareRows(ctx, db, pg, q.sql, q.args...); err != nil {
			return err
		}
	}
	return b.overdueTop(ctx, db, pg, 500)
}

// BareProjectsPage is the baseline of the project list's first page as
// of d (of the projects whose most serious alert is red when red): the
// filters' options, the count, the page's projects with their actual
// dates, progress and payments, and the page's states.
func BareProjectsPage(ctx context.Context, db *sql.DB, pg bool, d model.Date, red bool) error {
	b, err := newBareSources(ctx, db, pg, d)
	if err != nil {
		return err
	}
	for _, col := range []string{"category", "township", "responsible_unit"} {
		if err := bareRows(ctx, db, pg, store.DistinctSQL("projects", col)); err != nil {
			return err
		}
	}
	where, args := "", []any(nil)
	if red { // red by the state rows and spans: overdue, stale or a red forecast
		if where, args, err = b.redWhere(ctx, db, pg); err != nil {
			return err
		}
	}
	// The count and the page: one statement when a state filter reads
	// every project's state (COUNT(*) OVER ()), else two.
	page, total := "SELECT id FROM projects"+where+" ORDER BY annex, code LIMIT 50", int64(0)
	if red {
		page = "SELECT id, COUNT(*) OVER () FROM projects" + where + " ORDER BY annex, code LIMIT 50"
	} else if err := bareRows(ctx, db, pg, "SELECT COUNT(*) FROM projects"+where, args...); err != nil {
		return err
	}
	var ids []string
	err = bareQuery(ctx, db, rebind(pg, page), args, func(rows *sql.Rows) error {
		var id int64
		var err error
		if red {
			err = rows.Scan(&id, &total)
		} else {
			err = rows.Scan(&id)
		}
		ids = append(ids, strconv.FormatInt(id, 10))
		return err
	})
	if err != nil || len(ids) == 0 {
		return err
	}
	list := strings.Join(ids, ", ")
	if err := bareProjectRows(ctx, db, pg, list, b.pastFacts(list)); err != nil {
		return err
	}
	states, sargs, err := b.fastStates(ctx, db, pg, list)
	if err != nil {
		return err
	}
	return bareRows(ctx, db, pg, "SELECT * FROM ("+states+") x", sargs...)
}

// redWhere is the condition of the projects with a red alert on d, by
// their state rows where their horizon is d or earlier, by their spans
// containing d otherwise.
func (b bareSources) redWhere(ctx context.Context, db *sql.DB, pg bool) (string, []any, error) {
	cfg := alerts.DefaultConfig()
	var last sql.NullString
	if err := db.QueryRowContext(ctx, "SELECT MAX(horizon) FROM project_states").Scan(&last); err != nil {
		return "", nil, err
	}
	due, args := "1 = 1", []any(nil)
	if last.String > b.ds {
		due, args = "COALESCE(ps.horizon, '') <= ?", []any{b.ds}
	}
	forecasts := "milestones m"
	if !pg {
		forecasts += " INDEXED BY idx_milestones_forecast_due"
	}
	cond := due + ` AND (ps.open_due < ? OR (ps.actual_start IS NOT NULL AND ps.actual_finish IS NULL AND ps.since < ?)
	OR ps.project_id IN (SELECT m.project_id FROM ` + forecasts + ` WHERE ` + bareForecast + ` AND ` + b.days + ` > ?))`
	args = append(args, b.red, b.staleRed, b.ds, b.ds, b.ds, cfg.OrangeMax)
	if last.String > b.ds {
		cond = "(" + cond + ") OR ps.project_id IN (SELECT sp.project_id FROM " + store.SpansAt(b.date) +
			" sp WHERE sp.open_due < ? OR (sp.actual_start IS NOT NULL AND sp.actual_finish IS NULL AND sp.since < ?) OR sp.forecast_slip > ?)"
		args = append(args, b.red, b.staleRed, cfg.OrangeMax)
	}
	return " WHERE EXISTS (SELECT 1 FROM project_states ps WHERE ps.project_id = projects.id AND (" + cond + "))", args, nil
}

// pastFacts is the statement reading the projects ids' actual dates and
// latest 形象进度 as of the sources' date from their state rows and spans
// containing it, as the views of a past date read them ("" when no
// horizon is after it).
func (b bareSources) pastFacts(ids string) string {
	if b.current {
		return ""
	}
	cols := "project_id, actual_start, actual_finish, percent"
	return "SELECT " + cols + " FROM project_states WHERE project_id IN (" + ids + ") AND COALESCE(horizon, '') <= '" + b.ds + "' UNION ALL SELECT " + cols +
		" FROM project_spans WHERE project_id IN (" + ids + ") AND valid_from <= '" + b.ds + "' AND valid_to > '" + b.ds + "'"
}

// bareProjectRows reads the projects of an ID list or subquery with
// their actual dates, latest progress (by facts, pastFacts' statement
// when not ""), payments and allocations (the spending lamp's), each by
// the project's index, as the views read them (on SQLite, which keeps
// no statistics, told so: it took the kind indexes, every start and
// finish milestone, for a page of projects).
func bareProjectRows(ctx context.Context, db *sql.DB, pg bool, ids, facts string) error {
	milestones, funds := "milestones INDEXED BY idx_milestones_project_id", "funds INDEXED BY idx_funds_project_id"
	if pg {
		milestones, funds = "milestones", "funds"
	}
	qs := []string{
		"SELECT project_id, kind, actual FROM " + milestones + " WHERE project_id IN (" + ids + ") AND kind IN ('start', 'finish') AND actual IS NOT NULL",
		"SELECT project_id, MAX(report_date) FROM progress_reports WHERE project_id IN (" + ids + ") AND percent IS NOT NULL GROUP BY project_id",
	}
	if facts != "" {
		qs = []string{facts}
	}
	for _, q := range append([]string{"SELECT * FROM projects WHERE id IN (" + ids + ") ORDER BY annex, code"}, append(qs,
		"SELECT project_id, SUM(amount) FROM disbursements WHERE project_id IN ("+ids+") GROUP BY project_id",
		"SELECT project_id, SUM(amount) FROM "+funds+" WHERE project_id IN ("+ids+") AND kind = 'allocated' GROUP BY project_id")...) {
		if err := bareRows(ctx, db, pg, q); err != nil {
			return err
		}
	}
	return nil
}

// BareSupervisionsPage is the baseline of the 督办 list's first page:
// the count, the page's 督办 with their projects and steps, and every
// 督办's units and supervisor for the filters.
func BareSupervisionsPage(ctx context.Context, db *sql.DB, pg bool) error {
	page := "SELECT id FROM supervisions ORDER BY id DESC LIMIT 50"
	for _, q := range []string{
		"SELECT COUNT(*) FROM supervisions",
		"SELECT s.*, p.code, p.name FROM supervisions s JOIN projects p ON p.id = s.project_id WHERE s.id IN (" + page + ") ORDER BY s.id DESC",
		"SELECT * FROM supervision_replies WHERE supervision_id IN (" + page + ") ORDER BY id",
		"SELECT p.responsible_unit, s.assist_units, s.raised_by FROM supervisions s JOIN projects p ON p.id = s.project_id",
	} {
		if err := bareRows(ctx, db, pg, q); err != nil {
			return err
		}
	}
	return nil
}

// BareProjectPage is the baseline of the first page of GET
// /api/v1/projects: the count, the page's projects and their actual
// dates, latest progress and payments.
func BareProjectPage(ctx context.Context, db *sql.DB, pg bool) error {
	if err := bareRows(ctx, db, pg, "SELECT COUNT(*) FROM projects"); err != nil {
		return err
	}
	return bareProjectRows(ctx, db, pg, "SELECT id FROM projects ORDER BY annex, code LIMIT 50", "")
}

// bareProjectReads are the reads, by project, of what GET
// /api/v1/projects/:id shows: the project, its milestones (the slip
// history and the 序时进度 lamp come from them), progress reports,
// payments and allocations (its spending and lamp), 督办 with their
// projects and steps (and the calendar their deadlines are dated by),
// and photos with their reports' dates.
var bareProjectReads = []string{
	"SELECT * FROM projects WHERE id = ?",
	"SELECT * FROM milestones WHERE project_id = ?",
	"SELECT * FROM progress_reports WHERE project_id = ?",
	"SELECT * FROM disbursements WHERE project_id = ?",
	"SELECT * FROM funds WHERE project_id = ?",
	"SELECT s.*, p.code, p.name, p.responsible_unit FROM supervisions s JOIN projects p ON p.id = s.project_id WHERE s.project_id = ?",
	"SELECT * FROM supervision_replies WHERE supervision_id IN (SELECT id FROM supervisions WHERE project_id = ?)",
	"SELECT photos.id, photos.name, photos.width, photos.height, r.report_date FROM photos JOIN progress_reports r ON r.id = photos.progress_report_id WHERE photos.project_id = ?",
	"SELECT * FROM calendar_years",
}

// BareProject is the baseline of GET /api/v1/projects/:id: the reads of
// bareProjectReads.
func BareProject(ctx context.Context, db *sql.DB, pg bool, id uint) error {
	return bareProjectQueries(ctx, db, pg, id, bareProjectReads)
}

// BareProjectUI is the baseline of a project's page: the reads of GET
// /api/v1/projects/:id (the alerts too come from its milestones and
// reports), the milestones' facts (what was known on the page's date),
// the budget lines, the history with the import batch that created the
// project, and the funding sources to pick from.
func BareProjectUI(ctx context.Context, db *sql.DB, pg bool, id uint) error {
	return bareProjectQueries(ctx, db, pg, id, append(slices.Clone(bareProjectReads),
		"SELECT * FROM milestone_facts WHERE project_id = ?",
		"SELECT * FROM budget_lines WHERE project_id = ?",
		"SELECT * FROM audit_entries WHERE project_id = ?",
		"SELECT * FROM import_batches WHERE id = (SELECT created_batch FROM projects WHERE id = ?)",
		"SELECT * FROM funding_sources"))
}

// bareProjectQueries runs each of qs with project id as its argument,
// if it takes one.
func bareProjectQueries(ctx context.Context, db *sql.DB, pg bool, id uint, qs []string) error {
	for _, q := range qs {
		var args []any
		if strings.Contains(q, "?") {
			args = []any{id}
		}
		if err := bareRows(ctx, db, pg, q, args...); err != nil {
			return err
		}
	}
	return nil
}
