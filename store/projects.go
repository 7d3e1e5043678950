package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// projects returns a fresh query of the projects f selects, unordered and
// unpaged, of the projects as of f.AsOf, from (projectsAsOf's table).
func (s *DB) projects(ctx context.Context, from string, f model.ProjectFilter) *gorm.DB {
	q := s.reader(ctx).Table(from)
	if f.Category != "" {
		q = q.Where("category = ?", f.Category)
	}
	if f.Unit != "" {
		q = q.Where("responsible_unit = ?", f.Unit)
	}
	if f.Township != "" {
		q = q.Where("township = ?", f.Township)
	}
	if f.Annex != 0 {
		q = q.Where("annex = ?", f.Annex)
	}
	if len(f.IDs) > 0 {
		q = q.Where("id IN "+s.idSet(), idList(f.IDs))
	}
	if len(f.Exclude) > 0 {
		q = q.Where("id NOT IN "+s.idSet(), idList(f.Exclude))
	}
	if f.State != nil {
		where, args, err := s.stateWhere(s.reader(ctx), f.State)
		if err != nil {
			q.AddError(err)
		}
		q = q.Where(where, args...)
	}
	if f.Q != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(f.Q) + "%"
		q = q.Where(`(LOWER(name) LIKE LOWER(?) ESCAPE '\' OR LOWER(code) LIKE LOWER(?) ESCAPE '\' OR `+
			`LOWER(site) LIKE LOWER(?) ESCAPE '\' OR LOWER(responsible_unit) LIKE LOWER(?) ESCAPE '\')`,
			like, like, like, like)
	}
	return q
}

// idSet is a subquery of the IDs that idList encodes as one parameter, so
// that a list of any length fits one statement: the lamp filters select
// tens of thousands of projects at scale, beyond the parameters a statement
// takes (SQLite 32,766, PostgreSQL 65,535).
func (s *DB) idSet() string {
	if s.Postgres {
		return "(SELECT CAST(value AS bigint) FROM json_array_elements_text(CAST(? AS json)))"
	}
	return "(SELECT value FROM json_each(?))"
}

// idList encodes ids as the JSON array idSet reads.
func idList(ids []uint) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatUint(uint64(id), 10))
	}
	b.WriteByte(']')
	return b.String()
}

// page returns the IDs query of one page of f, for use as a subquery.
func (s *DB) page(ctx context.Context, from string, f model.ProjectFilter) *gorm.DB {
	q := s.projects(ctx, from, f).Select("id").Order("annex, code")
	if f.Limit > 0 {
		q = q.Limit(f.Limit)
	}
	if f.Offset > 0 {
		q = q.Offset(f.Offset)
	}
	return q
}

// ListProjects returns one page of the projects f selects, ordered by
// annex and code, and how many there are in all. The views' actual dates,
// progress and spending are loaded with a fixed number of queries
// whatever the page size.
func (s *DB) ListProjects(ctx context.Context, f model.ProjectFilter) ([]model.ProjectView, int64, error) {
	const op = "store.ListProjects"
	var total int64
	from, err := s.projectsAsOf(s.reader(ctx), f.AsOf, "projects") // once for the count, the page and its rows
	if err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	if f.State != nil {
		// A state filter's subquery reads every project's state: one
		// statement gives the page and the total (COUNT(*) OVER ()),
		// where a count and the page each read them.
		var rows []struct {
			ID    uint
			Total int64
		}
		if err := s.page(ctx, from, f).Select("id, COUNT(*) OVER () AS total").Scan(&rows).Error; err != nil {
			return nil, 0, model.Wrap(op, err)
		}
		ids := make([]uint, len(rows))
		for i, r := range rows {
			ids[i], total = r.ID, r.Total
		}
		if len(rows) == 0 && f.Offset > 0 { // past the last page
			if err := s.projects(ctx, from, f).Count(&total).Error; err != nil {
				return nil, 0, model.Wrap(op, err)
			}
		}
		if len(ids) == 0 {
			return nil, total, nil
		}
		views, err := s.viewsOf(ctx, from, f.AsOf, "id IN ?", ids)
		return views, total, model.Wrap(op, err)
	}
	if err := s.projects(ctx, from, f).Count(&total).Error; err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	views, err := s.viewsOf(ctx, from, f.AsOf, "id IN (?)", s.page(ctx, from, f))
	return views, total, model.Wrap(op, err)
}

// viewFigures are the columns of the figures of project p's view today:
// the actual start and finish dates (of its start and finish
// milestones), the 形象进度 of the latest report that states one (of two
// on one date, the later recorded), the payments' sum, and the payments
// and allocations dated up to today (@today) that its spending lamp
// compares, each by the project's own index.
var viewFigures = strings.ReplaceAll(`(SELECT MIN(m.actual) FROM milestones m WHERE m.project_id = p.id AND m.kind = 'start') AS actual_start,
	(SELECT MIN(m.actual) FROM milestones m WHERE m.project_id = p.id AND m.kind = 'finish') AS actual_finish,
	(SELECT r.percent FROM progress_reports r WHERE r.project_id = p.id AND r.percent IS NOT NULL
	 ORDER BY r.report_date DESC, r.id DESC LIMIT 1) AS percent,
	COALESCE((SELECT SUM(d.amount / @split) FROM disbursements d WHERE d.project_id = p.id), 0) AS spent_hi,
	COALESCE((SELECT SUM(d.amount % @split) FROM disbursements d WHERE d.project_id = p.id), 0) AS spent_lo,
	COALESCE((SELECT SUM(d.amount / @split) FROM disbursements d WHERE d.project_id = p.id AND d.date <= @today), 0) AS paid_hi,
	COALESCE((SELECT SUM(d.amount % @split) FROM disbursements d WHERE d.project_id = p.id AND d.date <= @today), 0) AS paid_lo,
	COALESCE((SELECT SUM(f.amount / @split) FROM funds f WHERE f.project_id = p.id AND f.date <= @today AND f.kind = @allocated), 0) AS allocated_hi,
	COALESCE((SELECT SUM(f.amount % @split) FROM funds f WHERE f.project_id = p.id AND f.date <= @today AND f.kind = @allocated), 0) AS allocated_lo`,
	"@split", strconv.Itoa(fenSplit))

// sqliteViewFigures is viewFigures for SQLite, which keeps no
// statistics: told to read milestones and funds by project, since it
// would otherwise read every start milestone, or every allocation, by
// the kind indexes for each project.
var sqliteViewFigures = strings.NewReplacer("FROM milestones m", "FROM milestones m INDEXED BY idx_milestones_project_id",
	"FROM funds f", "FROM funds f INDEXED BY idx_funds_project_id").Replace(viewFigures)

// viewRow is a project with the figures of its view today.
type viewRow struct {
	model.Project                                              `gorm:"embedded"`
	ActualStart, ActualFinish                                  model.Date
	Percent                                                    decimal.NullDecimal
	SpentHi, SpentLo, PaidHi, PaidLo, AllocatedHi, AllocatedLo int64
}

// viewsOf returns the views as of the county day d (zero: today) of the
// projects that where (with args, on the columns of projects) selects,
// ordered by annex and code: today each project with viewFigures, in
// one statement; on an earlier day the projects as of d (from, the table
// of projectsAsOf) with the facts of viewsAsOf.
func (s *DB) viewsOf(ctx context.Context, from string, d model.Date, where string, args ...any) ([]model.ProjectView, error) {
	today := s.Today()
	if !d.IsZero() && d.Before(today) {
		var ps []model.Project
		if err := s.reader(ctx).Table(from).Where(where, args...).Order("annex, code").Find(&ps).Error; err != nil {
			return nil, err
		}
		views := make([]model.ProjectView, len(ps))
		index := make(map[uint]*model.ProjectView, len(ps))
		ids := make([]uint, len(ps))
		for i, p := range ps {
			views[i].Project = p
			index[p.ID] = &views[i]
			ids[i] = p.ID
		}
		if len(ps) == 0 {
			return views, nil
		}
		return views, s.viewsAsOf(ctx, d, ids, index)
	}
	figures := viewFigures
	if !s.Postgres {
		figures = sqliteViewFigures
	}
	var rows []viewRow
	err := s.reader(ctx).Table("projects p").Select("p.*, "+figures, sql.Named("today", today), sql.Named("allocated", model.FundAllocated)).
		Where(where, args...).Order("annex, code").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	views := make([]model.ProjectView, len(rows))
	for i, r := range rows {
		views[i] = model.ProjectView{Project: r.Project, ActualStart: r.ActualStart, ActualFinish: r.ActualFinish, ProgressPct: r.Percent,
			Spent: fenTotal(r.SpentHi, r.SpentLo), Spend: s.Lamps.Of(fenTotal(r.AllocatedHi, r.AllocatedLo), 0, fenTotal(r.PaidHi, r.PaidLo), today)}
	}
	return views, nil
}

// viewsAsOf gives the views of projects ids (in index) their facts as
// known at the end of the county day d: the actual start and finish and
// the 形象进度 of the latest report known then from their state rows or
// spans (paceStatesAt), the payments and the spending progress as of d
// (see moneyAsOf).
func (s *DB) viewsAsOf(ctx context.Context, d model.Date, ids []uint, index map[uint]*model.ProjectView) error {
	db := s.reader(ctx)
	st, err := stateOf(db, d)
	if err != nil {
		return err
	}
	states, args := paceStatesAt(st, d, ids)
	err = scanRows(db.Raw("SELECT project_id, actual_start, actual_finish, percent FROM "+states+" ps", args...), func(rows *sql.Rows) error {
		var id uint
		var start, finish model.Date
		var pct decimal.NullDecimal
		err := rows.Scan(&id, &start, &finish, &pct)
		if v := index[id]; v != nil {
			v.ActualStart, v.ActualFinish, v.ProgressPct = start, finish, pct
		}
		return err
	})
	if err != nil {
		return err
	}
	facts, err := s.SpendFacts(ctx, d, ids)
	if err != nil {
		return err
	}
	for _, id := range ids {
		f, v := facts[id], index[id]
		v.Spent, v.Spend = f.Paid, s.Lamps.Of(f.Allocated, 0, f.Paid, d)
	}
	return nil
}

// GetProject returns the view of project id today.
func (s *DB) GetProject(ctx context.Context, id uint) (model.ProjectView, error) {
	return s.ProjectAsOf(ctx, id, model.Date{})
}

// ProjectAsOf returns the view of project id as of the county day d (see
// model.ProjectFilter.AsOf; zero is today).
func (s *DB) ProjectAsOf(ctx context.Context, id uint, d model.Date) (model.ProjectView, error) {
	const op = "store.GetProject"
	from, err := s.projectsAsOf(s.reader(ctx), d, "projects")
	if err != nil {
		return model.ProjectView{}, model.Wrap(op, err)
	}
	views, err := s.viewsOf(ctx, from, d, "id = ?", id)
	switch {
	case err != nil:
		return model.ProjectView{}, model.Wrap(op, err)
	case len(views) == 0:
		return model.ProjectView{}, model.Errorf(model.ENotFound, op, "项目 %d 不存在", id)
	}
	return views[0], nil
}

// ProjectPlanAsOf returns project id as its plan stood at the end of the
// county day d (zero: today; see projectsAsOf), without the view's facts,
// which the project page takes from the milestones, reports and money it
// lists, and its responsible unit today, which decides who may change it
// (model.MayChange): the stored one unless a plan changed after d.
func (s *DB) ProjectPlanAsOf(ctx context.Context, id uint, d model.Date) (model.Project, string, error) {
	const op = "store.ProjectPlanAsOf"
	p, changed, err := s.projectOn(ctx, id, d)
	if err != nil {
		return p, "", model.Wrap(op, err)
	}
	unit := p.ResponsibleUnit
	if changed {
		unit, err = s.ProjectUnit(ctx, id)
	}
	return p, unit, err
}

// projectOn reads project id as of the county day d (projectsAsOf) and
// whether a plan changed after d.
func (s *DB) projectOn(ctx context.Context, id uint, d model.Date) (model.Project, bool, error) {
	db := s.reader(ctx)
	changed, err := s.plansChanged(db, d)
	if err != nil {
		return model.Project{}, false, err
	}
	var ps []model.Project
	if err := db.Table(s.plansAsOf(changed, d, "projects")).Where("id = ?", id).Find(&ps).Error; err != nil {
		return model.Project{}, false, err
	}
	if len(ps) == 0 {
		return model.Project{}, false, model.Errorf(model.ENotFound, "store.GetProject", "项目 %d 不存在", id)
	}
	return ps[0], changed, nil
}

// ProjectUnit returns the responsible unit of project id today, which
// decides who may change the project (model.MayChange).
func (s *DB) ProjectUnit(ctx context.Context, id uint) (string, error) {
	const op = "store.ProjectUnit"
	var units []string
	if err := s.reader(ctx).Model(&model.Project{}).Where("id = ?", id).Pluck("responsible_unit", &units).Error; err != nil {
		return "", model.Wrap(op, err)
	}
	if len(units) == 0 {
		return "", model.Errorf(model.ENotFound, op, "项目 %d 不存在", id)
	}
	return units[0], nil
}

// milestoneRowColumns are the columns of a milestone in the order
// ProjectMilestones scans them, the nullable ones as gorm reads a NULL:
// the zero value.
const milestoneRowColumns = "id, project_id, kind, name, COALESCE(seq, 0), baseline_date, COALESCE(baseline_prec, ''), forecast, actual, " +
	"forecast_on, actual_on, COALESCE(slip_reason, ''), version, updated_at"

// ProjectMilestones returns the milestones of a project in schedule order.
// Every GET /api/v1/projects/:id reads them: scanned by hand, which costs
// a fraction of gorm's reflection over the struct's fields.
func (s *DB) ProjectMilestones(ctx context.Context, projectID uint) ([]model.Milestone, error) {
	ms := []model.Milestone{}
	q := s.reader(ctx).Raw("SELECT "+milestoneRowColumns+" FROM milestones WHERE project_id = ? ORDER BY seq, id", projectID)
	err := scanRows(q, func(rows *sql.Rows) error {
		var m model.Milestone
		var updated sql.NullTime
		err := rows.Scan(&m.ID, &m.ProjectID, &m.Kind, &m.Name, &m.Seq, &m.Baseline.Date, &m.Baseline.Precision, &m.Forecast, &m.Actual,
			&m.ForecastOn, &m.ActualOn, &m.SlipReason, &m.Version, &updated)
		m.UpdatedAt = updated.Time
		ms = append(ms, m)
		return err
	})
	return ms, model.Wrap("store.ProjectMilestones", err)
}

// ProjectProgress returns the progress reports of a project, newest first.
func (s *DB) ProjectProgress(ctx context.Context, projectID uint) ([]model.ProgressReport, error) {
	return projectRows[model.ProgressReport](ctx, s, "store.ProjectProgress", projectID, "report_date DESC, id DESC")
}

// ProjectAudit returns the history of a project, oldest first. A project
// an import created begins with its creation, as the import batch
// records it: who imported which files when.
func (s *DB) ProjectAudit(ctx context.Context, projectID uint) ([]model.AuditEntry, error) {
	const op = "store.ProjectAudit"
	es, err := projectRows[model.AuditEntry](ctx, s, op, projectID, "id")
	if err != nil {
		return nil, err
	}
	var b model.ImportBatch
	err = s.reader(ctx).Where("id = (?)", s.reader(ctx).Model(&model.Project{}).Select("created_batch").Where("id = ?", projectID)).Take(&b).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return es, nil
	case err != nil:
		return nil, model.Wrap(op, err)
	}
	created := model.AuditEntry{Time: b.CreatedAt, User: b.User, ProjectID: projectID, Entity: "project", EntityID: projectID,
		Action: "create", Source: batchSource(b.ID), Note: strings.ReplaceAll(b.Files, "\n", "、")}
	return append([]model.AuditEntry{created}, es...), nil
}

// projectRows returns the rows of T that belong to a project, in order.
func projectRows[T any](ctx context.Context, s *DB, op string, projectID uint, order string) ([]T, error) {
	var rows []T
	err := s.reader(ctx).Where("project_id = ?", projectID).Order(order).Find(&rows).Error
	return rows, model.Wrap(op, err)
}

// Indicators returns every indicator target by annex, task and year.
func (s *DB) Indicators(ctx context.Context) ([]model.IndicatorTarget, error) {
	var ts []model.IndicatorTarget
	err := s.conn(ctx).Order("annex, task, year").Find(&ts).Error
	return ts, model.Wrap("store.Indicators", err)
}

// ProjectFilterOptions returns the filter options of every project as of
// the county day d (zero: today): the distinct non-empty values of each
// column, by a skip scan of its index (DistinctSQL), so that they cost
// the values, not the projects; when a plan changed after d, with the
// values those changes replaced (project_changes after d, which hold the
// plans known on d), so that the values of then can be chosen too.
func (s *DB) ProjectFilterOptions(ctx context.Context, d model.Date) (model.FilterOptions, error) {
	const op = "store.ProjectFilterOptions"
	var o model.FilterOptions
	db := s.reader(ctx)
	changed, err := s.plansChanged(db, d)
	if err != nil {
		return o, model.Wrap(op, err)
	}
	for _, c := range []struct {
		col string
		out *[]string
	}{{"category", &o.Categories}, {"township", &o.Townships}, {"responsible_unit", &o.Units}} {
		if err := db.Raw(DistinctSQL("projects", c.col)).Scan(c.out).Error; err != nil {
			return o, model.Wrap(op, err)
		}
		if changed {
			var then []string
			err := db.Raw("SELECT DISTINCT "+c.col+" FROM project_changes WHERE changed_on > ? AND "+c.col+" > ''", d).Scan(&then).Error
			if err != nil {
				return o, model.Wrap(op, err)
			}
			*c.out = append(*c.out, then...)
		}
		slices.Sort(*c.out)
		*c.out = slices.Compact(*c.out)
	}
	return o, nil
}

// DistinctSQL selects the distinct non-empty values of column col of
// table by a skip scan of the column's index: each value is the least
// one above the last, one index lookup a value, where DISTINCT reads the
// whole index (neither engine skips on its own). The benchmark's bare
// queries read the options by it too.
func DistinctSQL(table, col string) string {
	return `WITH RECURSIVE v(x) AS (SELECT MIN(` + col + `) FROM ` + table + ` WHERE ` + col + ` > ''
	UNION ALL SELECT (SELECT MIN(` + col + `) FROM ` + table + ` WHERE ` + col + ` > v.x) FROM v WHERE v.x IS NOT NULL)
SELECT x FROM v WHERE x IS NOT NULL`
}
