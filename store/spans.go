package store

import (
	"database/sql"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// projectSpan is what was known and true of a project on every day of
// [ValidFrom, ValidTo), a learnt-date interval before its horizon (its
// state row holds the days from the horizon on): its state as of a date
// D in it is a function of the row and D, as of D on or after the horizon
// of its state row and the forecasts (states.go). A project's known state
// changes only on a change point: the date of an actual, the day after
// the baseline of a milestone with a forecast, the day a forecast or an
// actual was learnt, a report's date and the date it was known from. So a
// project's spans cut the days before its horizon at those dates, the
// first from the beginning of time (ValidFrom spanStart), adjacent spans
// of equal values merged. A project without a horizon (no dated fact) has
// none. Kept with the state rows, in every write's transaction
// (refreshSpans).
type projectSpan struct {
	ProjectID uint           `gorm:"primaryKey;autoIncrement:false"`
	Project   *model.Project `gorm:"constraint:OnDelete:CASCADE"`
	ValidFrom model.Date     `gorm:"primaryKey"`
	ValidTo   model.Date     `gorm:"not null"`
	// Level is 0 for a project's first span, else 1 + ⌈log₂ n⌉ of its n
	// days (at most spanLevels): the span containing D of level L ≥ 1
	// began within 2^(L−1) days before D (SpansAt).
	Level int `gorm:"not null"`
	// OpenDue is the earliest due date of the milestones not achieved
	// (no actual known, or one after the day); ActualStart and
	// ActualFinish the earliest known actual of the start and finish
	// milestones achieved (NULL when none); Since the later of
	// ActualStart and the latest report known, when that is dated on or
	// before the day (NULL when not started); ForecastSlip the longest
	// slip of a known forecast beyond the baseline of a milestone not yet
	// due nor achieved (NULL for none); Percent the 形象进度 of the latest
	// report known that states one.
	OpenDue      model.Date
	ActualStart  model.Date
	ActualFinish model.Date
	Since        model.Date
	ForecastSlip *int
	Percent      decimal.NullDecimal `gorm:"type:numeric"`
}

func (projectSpan) TableName() string { return "project_spans" }

// spanStart is the ValidFrom of a project's first span: before every
// date.
var spanStart = model.NewDate(1, time.January, 1)

// spanLevels is the highest level of a span; the spans of it are longer
// than 2^(spanLevels−2) days (90 years) and read without a lower bound.
const spanLevels = 17

// spanIndexes are the index of the spans containing a date that their
// migration created: by level, each level a range of ValidFrom
// (SpansAt). coverSpans replaces it, and a fresh database has only
// coverSpans'.
var spanIndexes = []string{
	"CREATE INDEX IF NOT EXISTS idx_project_spans_level ON project_spans (level, valid_from, valid_to)",
}

// coverSpans replaces spanIndexes' index by one with the same keys that
// carries every column SpansAt selects (on PostgreSQL as INCLUDE), so
// that the spans containing a date are read from the index alone: on
// SQLite, 56,000 spans took 55-65 ms of CPU and as much again of system
// time reading their table's pages through its 2 MB cache, 11-20 ms
// from the index (as of 2020-06-30 at 100,000 projects).
func coverSpans(tx *gorm.DB) error {
	create := "CREATE INDEX IF NOT EXISTS idx_project_spans_covering ON project_spans (level, valid_from, valid_to, project_id, open_due, actual_start, actual_finish, since, forecast_slip, percent)"
	if tx.Dialector.Name() == "postgres" {
		create = "CREATE INDEX IF NOT EXISTS idx_project_spans_covering ON project_spans (level, valid_from, valid_to) INCLUDE (project_id, open_due, actual_start, actual_finish, since, forecast_slip, percent)"
	}
	return execAll(tx, []string{create, "DROP INDEX IF EXISTS idx_project_spans_level"})
}

// spanColumns are a span's columns, as SpansAt selects them.
const spanColumns = "project_id, valid_from, valid_to, level, open_due, actual_start, actual_finish, since, forecast_slip, percent"

// SpansAt is a table of the spans containing d (SQL, columns
// spanColumns; the bench's baseline reads it too), one a project with a
// horizon after d: its first span when it ends after d, and of each level
// L ≥ 1 those that began within 2^(L−1) days up to d and end after it,
// each a range of the level index. A B-tree orders intervals by one end
// only: the spans ending after d are every later one too, those beginning
// by d every earlier one; a level's spans are each at most as long as its
// window, so each range reads about one span a project (the date is
// written into the text, as milestonesAsOf does).
func SpansAt(d model.Date) string {
	day := "'" + d.String() + "'"
	parts := []string{"SELECT " + spanColumns + " FROM project_spans WHERE level = 0 AND valid_from = '" + spanStart.String() + "' AND valid_to > " + day}
	for l := 1; l <= spanLevels; l++ {
		w := " FROM project_spans WHERE level = " + strconv.Itoa(l) + " AND valid_from <= " + day
		if l < spanLevels {
			w += " AND valid_from > '" + d.AddDays(-(1 << (l - 1))).String() + "'"
		}
		parts = append(parts, "SELECT "+spanColumns+w+" AND valid_to > "+day)
	}
	return "(" + strings.Join(parts, " UNION ALL ") + ")"
}

// paceSpans creates, on SQLite, an index of the spans by project that
// carries the columns the 序时进度 lamps read (PaceSpansJoin): scanned in
// project order, the spans containing a past date meet their projects in
// the projects' order; joined by key in the level index's order they read
// the projects' pages at random (as of 2020-06-30 at 100,000 projects,
// 51,000 spans: 170-190 ms in the sqlite3 shell, 90 from this index).
// PostgreSQL reads the level index (SpansAt).
func paceSpans(tx *gorm.DB) error {
	if tx.Dialector.Name() == "postgres" {
		return nil
	}
	return execAll(tx, []string{"CREATE INDEX IF NOT EXISTS idx_project_spans_pace ON project_spans (project_id, valid_to, valid_from, actual_start, actual_finish, percent)"})
}

// PaceSpansJoin is the spans containing d (alias a: project_id,
// actual_start, actual_finish, percent) joined to their projects plans
// (alias p), as a FROM and a WHERE to be continued with AND (the bench's
// baseline reads it too): on SQLite the spans by project (paceSpans), on
// PostgreSQL SpansAt.
func PaceSpansJoin(postgres bool, d model.Date, a, plans string) string {
	if postgres {
		return SpansAt(d) + " " + a + " JOIN " + plans + " ON p.id = " + a + ".project_id WHERE 1 = 1"
	}
	day := "'" + d.String() + "'"
	return "project_spans " + a + " JOIN " + plans + " ON p.id = " + a + ".project_id WHERE " + a + ".valid_from <= " + day + " AND " + a + ".valid_to > " + day
}

// spansOf is a table of the spans containing d of the projects ids (a
// gorm IN argument): by the primary key, a few a project.
func spansOf(d model.Date) string {
	day := "'" + d.String() + "'"
	return "(SELECT " + spanColumns + " FROM project_spans WHERE project_id IN ? AND valid_from <= " + day + " AND valid_to > " + day + ")"
}

// Civil dates as day numbers, for the spans' arithmetic: 0 is no date.
const dayEpoch = 800_000 // days from 0001-01-01 back to day 0, so that every date is positive

func dayOf(s string) int {
	if s == "" {
		return 0
	}
	if len(s) > 10 {
		s = s[:10]
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0
	}
	return int(t.Unix()/86400) + dayEpoch
}

func dayDate(n int) model.Date {
	if n == 0 {
		return model.Date{}
	}
	return model.DateOf(time.Unix(int64(n-dayEpoch)*86400, 0).UTC())
}

// spanFact is a milestone fact as the spans read it.
type spanFact struct {
	actual         bool // else a forecast
	value, knownOn int
	id             uint
}

// spanMilestone is a milestone with its facts, as the spans read it.
type spanMilestone struct {
	kind                                        string
	due, forecast, forecastOn, actual, actualOn int
	facts                                       []spanFact // in (knownOn, id) order
}

// known returns the value of its forecast (or actual) known on day d, as
// milestonesAsOfSQL reads it.
func (m *spanMilestone) known(actual bool, d int) int {
	v, on := m.forecast, m.forecastOn
	if actual {
		v, on = m.actual, m.actualOn
	}
	if on == 0 || on <= d {
		return v
	}
	v = 0
	for _, f := range m.facts {
		if f.knownOn > d {
			break
		}
		if f.actual == actual {
			v = f.value
		}
	}
	return v
}

// spanReport is a progress report as the spans read it.
type spanReport struct {
	date, known int // known: from COALESCE(known_on, report_date)
	id          uint
	percent     decimal.NullDecimal
}

// spanState is a span's values, as of one day of it.
type spanState struct {
	openDue, start, finish, since, slip int // slip -1: none
	percent                             decimal.NullDecimal
}

func (a spanState) equal(b spanState) bool {
	return a.openDue == b.openDue && a.start == b.start && a.finish == b.finish && a.since == b.since && a.slip == b.slip &&
		a.percent.Valid == b.percent.Valid && a.percent.Decimal.Equal(b.percent.Decimal)
}

// stateOn is a project's span values as known on day d, by the rules of
// milestonesAsOfSQL, startedProjectsSQL, reportKnownSQL and percentsAsOf.
func stateOn(ms []*spanMilestone, rs []spanReport, d int) spanState {
	st := spanState{slip: -1}
	for _, m := range ms {
		ac := m.known(true, d)
		achieved := ac != 0 && ac <= d
		switch {
		case achieved && m.kind == model.MilestoneStart && (st.start == 0 || ac < st.start):
			st.start = ac
		case achieved && m.kind == model.MilestoneFinish && (st.finish == 0 || ac < st.finish):
			st.finish = ac
		}
		if achieved || m.due == 0 {
			continue
		}
		if st.openDue == 0 || m.due < st.openDue {
			st.openDue = m.due
		}
		if fc := m.known(false, d); m.due >= d && fc > m.due && fc-m.due > st.slip {
			st.slip = fc - m.due
		}
	}
	last, pctDate, pctID := 0, 0, uint(0)
	for _, r := range rs {
		if r.known > d {
			continue
		}
		last = max(last, r.date)
		if r.percent.Valid && (r.date > pctDate || r.date == pctDate && r.id > pctID) {
			st.percent, pctDate, pctID = r.percent, r.date, r.id
		}
	}
	if st.start != 0 {
		st.since = st.start
		if last > st.start && last <= d {
			st.since = last
		}
	}
	return st
}

// spanRow is one span to store.
type spanRow struct {
	project  uint
	from, to int // from 0: the first span
	spanState
}

// spansOfProject returns the spans of a project with horizon h (a day
// number) from its milestones and reports.
func spansOfProject(id uint, h int, ms []*spanMilestone, rs []spanReport) []spanRow {
	var points []int
	origin := dayOf(spanStart.String())
	add := func(d int) {
		// A fact known on spanStart (a legacy observation, see
		// recordEdit) is known on every date: the first span's.
		if d > origin && d < h {
			points = append(points, d)
		}
	}
	for _, m := range ms {
		add(m.actual)
		add(m.actualOn)
		add(m.forecastOn)
		forecast := m.forecast != 0
		for _, f := range m.facts {
			add(f.knownOn)
			if f.actual {
				add(f.value)
			} else if f.value != 0 {
				forecast = true
			}
		}
		if forecast && m.due != 0 {
			add(m.due + 1) // no longer "not yet due"
		}
	}
	for _, r := range rs {
		add(r.date)
		add(r.known)
	}
	slices.Sort(points)
	points = slices.Compact(points)
	first := h
	if len(points) > 0 {
		first = points[0]
	}
	out := []spanRow{{project: id, to: first, spanState: stateOn(ms, rs, first-1)}}
	for i, p := range points {
		to := h
		if i+1 < len(points) {
			to = points[i+1]
		}
		st := stateOn(ms, rs, p)
		if last := &out[len(out)-1]; last.equal(st) {
			last.to = to
			continue
		}
		out = append(out, spanRow{project: id, from: p, to: to, spanState: st})
	}
	return out
}

// refreshSpans rebuilds the spans of projects ids from their
// milestones, facts and reports, in tx, after their state rows (whose
// horizons they end at), activityBatch projects at a time.
func refreshSpans(tx *gorm.DB, ids []uint) error {
	for len(ids) > 0 {
		n := min(len(ids), activityBatch)
		if err := refreshSpanBatch(tx, ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// refreshSpanBatch is refreshSpans of at most activityBatch projects.
func refreshSpanBatch(tx *gorm.DB, ids []uint) error {
	if err := tx.Exec("DELETE FROM project_spans WHERE project_id IN ?", ids).Error; err != nil {
		return err
	}
	horizons := map[uint]int{}
	err := scanRows(tx.Raw("SELECT project_id, horizon FROM project_states WHERE project_id IN ? AND horizon IS NOT NULL", ids), func(rows *sql.Rows) error {
		var id uint
		var h string
		err := rows.Scan(&id, &h)
		horizons[id] = dayOf(h)
		return err
	})
	if err != nil || len(horizons) == 0 {
		return err
	}
	dated := make([]uint, 0, len(horizons))
	for id := range horizons {
		dated = append(dated, id)
	}
	slices.Sort(dated)
	milestones := map[uint][]*spanMilestone{}
	byID := map[uint]*spanMilestone{}
	err = scanRows(tx.Raw("SELECT id, project_id, kind, baseline_date, forecast, forecast_on, actual, actual_on FROM milestones WHERE project_id IN ?", dated),
		func(rows *sql.Rows) error {
			var id, project uint
			var kind string
			var due, fc, fcOn, ac, acOn sql.NullString
			if err := rows.Scan(&id, &project, &kind, &due, &fc, &fcOn, &ac, &acOn); err != nil {
				return err
			}
			m := &spanMilestone{kind: kind, due: dayOf(due.String), forecast: dayOf(fc.String), forecastOn: dayOf(fcOn.String),
				actual: dayOf(ac.String), actualOn: dayOf(acOn.String)}
			milestones[project] = append(milestones[project], m)
			byID[id] = m
			return nil
		})
	if err != nil {
		return err
	}
	err = scanRows(tx.Raw("SELECT milestone_id, field, value, known_on, id FROM milestone_facts WHERE project_id IN ? ORDER BY known_on, id", dated),
		func(rows *sql.Rows) error {
			var mid, id uint
			var field string
			var value, known sql.NullString
			if err := rows.Scan(&mid, &field, &value, &known, &id); err != nil {
				return err
			}
			if m := byID[mid]; m != nil {
				m.facts = append(m.facts, spanFact{actual: field == model.FactActual, value: dayOf(value.String), knownOn: dayOf(known.String), id: id})
			}
			return nil
		})
	if err != nil {
		return err
	}
	reports := map[uint][]spanReport{}
	err = scanRows(tx.Raw("SELECT project_id, id, report_date, known_on, percent FROM progress_reports WHERE project_id IN ?", dated),
		func(rows *sql.Rows) error {
			var project, id uint
			var date, known sql.NullString
			var pct decimal.NullDecimal
			if err := rows.Scan(&project, &id, &date, &known, &pct); err != nil {
				return err
			}
			r := spanReport{date: dayOf(date.String), known: dayOf(known.String), id: id, percent: pct}
			if r.known == 0 {
				r.known = r.date
			}
			reports[project] = append(reports[project], r)
			return nil
		})
	if err != nil {
		return err
	}
	var rows []spanRow
	for _, id := range dated {
		rows = append(rows, spansOfProject(id, horizons[id], milestones[id], reports[id])...)
	}
	return insertSpans(tx, rows)
}

// spanInsertBatch is how many spans one INSERT carries (10 arguments
// each, under both engines' limits).
const spanInsertBatch = 500

// insertSpans inserts rows in batches of multi-row INSERTs.
func insertSpans(tx *gorm.DB, rows []spanRow) error {
	date := func(n int) any {
		if n == 0 {
			return nil
		}
		return dayDate(n).String()
	}
	for len(rows) > 0 {
		batch := rows[:min(len(rows), spanInsertBatch)]
		rows = rows[len(batch):]
		var sb strings.Builder
		sb.WriteString("INSERT INTO project_spans (" + spanColumns + ") VALUES ")
		args := make([]any, 0, 10*len(batch))
		for i, r := range batch {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			from, level := spanStart.String(), 0
			if r.from != 0 {
				from, level = dayDate(r.from).String(), min(1+bits.Len(uint(r.to-r.from-1)), spanLevels)
			}
			var slip any
			if r.slip >= 0 {
				slip = r.slip
			}
			args = append(args, r.project, from, dayDate(r.to).String(), level, date(r.openDue), date(r.start), date(r.finish), date(r.since), slip, r.percent)
		}
		if err := tx.Exec(sb.String(), args...).Error; err != nil {
			return err
		}
	}
	return nil
}
