package store

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// projects returns a fresh query of the projects f selects, unordered and
// unpaged.
func (s *DB) projects(ctx context.Context, f model.ProjectFilter) *gorm.DB {
	q := s.reader(ctx).Model(&model.Project{})
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
func (s *DB) page(ctx context.Context, f model.ProjectFilter) *gorm.DB {
	q := s.projects(ctx, f).Select("id").Order("annex, code")
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
	if err := s.projects(ctx, f).Count(&total).Error; err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	var ps []model.Project
	if err := s.reader(ctx).Where("id IN (?)", s.page(ctx, f)).Order("annex, code").Find(&ps).Error; err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	views := make([]model.ProjectView, len(ps))
	index := make(map[uint]*model.ProjectView, len(ps))
	// The page's own IDs, not its query again: a state filter's subquery
	// is costly. One parameter: a page without a limit has every project.
	pageIDs := make([]uint, len(ps))
	for i, p := range ps {
		views[i].Project = p
		index[p.ID] = &views[i]
		pageIDs[i] = p.ID
	}
	if len(ps) == 0 {
		return views, total, nil
	}
	if d := f.AsOf; !d.IsZero() && d.Before(s.Today()) {
		return views, total, model.Wrap(op, s.viewsAsOf(ctx, d, pageIDs, index))
	}
	inPage, page := "project_id IN "+s.idSet(), idList(pageIDs)

	var actuals []struct {
		ProjectID uint
		Kind      string
		Actual    model.Date
	}
	err := s.reader(ctx).Model(&model.Milestone{}).Select("project_id, kind, actual").
		Where(inPage+" AND kind IN ? AND actual IS NOT NULL", page, []string{model.MilestoneStart, model.MilestoneFinish}).
		Scan(&actuals).Error
	if err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	for _, a := range actuals {
		if a.Kind == model.MilestoneStart {
			index[a.ProjectID].ActualStart = a.Actual
		} else {
			index[a.ProjectID].ActualFinish = a.Actual
		}
	}

	// The latest report that states a percentage; of two on one date, the
	// later recorded.
	var latest []struct {
		ProjectID uint
		Percent   decimal.NullDecimal
	}
	newest := s.reader(ctx).Model(&model.ProgressReport{}).Select("project_id, MAX(report_date) AS report_date").
		Where(inPage+" AND percent IS NOT NULL", page).Group("project_id")
	err = s.reader(ctx).Table("progress_reports AS r").Select("r.project_id, r.percent").
		Joins("JOIN (?) AS n ON n.project_id = r.project_id AND n.report_date = r.report_date", newest).
		Where("r.percent IS NOT NULL").Order("r.id").Scan(&latest).Error
	if err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	for _, l := range latest {
		index[l.ProjectID].ProgressPct = l.Percent
	}

	var spent []struct {
		ProjectID uint
		Hi, Lo    int64
	}
	err = s.reader(ctx).Model(&model.Disbursement{}).Select("project_id, "+sumFen("amount")).
		Where(inPage, page).Group("project_id").Scan(&spent).Error
	if err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	for _, sp := range spent {
		index[sp.ProjectID].Spent = fenTotal(sp.Hi, sp.Lo)
	}

	// The spending progress today: allocations and payments dated up
	// to today.
	today := s.Today()
	paid, allocated := map[uint]model.Money{}, map[uint]model.Money{}
	for _, q := range []struct {
		model any
		where string
		args  []any
		into  map[uint]model.Money
	}{
		{&model.Disbursement{}, inPage + " AND date <= ?", []any{page, today}, paid},
		{&model.Fund{}, inPage + " AND date <= ? AND kind = ?", []any{page, today, model.FundAllocated}, allocated},
	} {
		var sums []struct {
			ProjectID uint
			Hi, Lo    int64
		}
		err := s.reader(ctx).Model(q.model).Select("project_id, "+sumFen("amount")).Where(q.where, q.args...).
			Group("project_id").Scan(&sums).Error
		if err != nil {
			return nil, 0, model.Wrap(op, err)
		}
		for _, r := range sums {
			q.into[r.ProjectID] = fenTotal(r.Hi, r.Lo)
		}
	}
	for i := range views {
		v := &views[i]
		v.Spend = s.Lamps.Of(allocated[v.ID], 0, paid[v.ID], today)
	}
	return views, total, nil
}

// viewsAsOf gives the views of projects ids (in index) their facts as
// known at the end of the county day d: the actual start and finish, the
// 形象进度 of the latest report known then, the payments and the
// spending progress as of d (see moneyAsOf).
func (s *DB) viewsAsOf(ctx context.Context, d model.Date, ids []uint, index map[uint]*model.ProjectView) error {
	db := s.reader(ctx)
	err := actualsAsOf(db, d, ids, func(id uint, kind string, actual model.Date) {
		if kind == model.MilestoneStart {
			index[id].ActualStart = actual
		} else {
			index[id].ActualFinish = actual
		}
	})
	if err != nil {
		return err
	}
	if err := percentsAsOf(db, d, ids, func(id uint, pct decimal.NullDecimal) { index[id].ProgressPct = pct }); err != nil {
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
	views, _, err := s.ListProjects(ctx, model.ProjectFilter{IDs: []uint{id}, AsOf: d})
	if err != nil {
		return model.ProjectView{}, err
	}
	if len(views) == 0 {
		return model.ProjectView{}, model.Errorf(model.ENotFound, "store.GetProject", "项目 %d 不存在", id)
	}
	return views[0], nil
}

// ProjectMilestones returns the milestones of a project in schedule order.
func (s *DB) ProjectMilestones(ctx context.Context, projectID uint) ([]model.Milestone, error) {
	return projectRows[model.Milestone](ctx, s, "store.ProjectMilestones", projectID, "seq, id")
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
	err = s.conn(ctx).Where("id = (?)", s.conn(ctx).Model(&model.Project{}).Select("created_batch").Where("id = ?", projectID)).Take(&b).Error
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
	err := s.conn(ctx).Where("project_id = ?", projectID).Order(order).Find(&rows).Error
	return rows, model.Wrap(op, err)
}

// Indicators returns every indicator target by annex, task and year.
func (s *DB) Indicators(ctx context.Context) ([]model.IndicatorTarget, error) {
	var ts []model.IndicatorTarget
	err := s.conn(ctx).Order("annex, task, year").Find(&ts).Error
	return ts, model.Wrap("store.Indicators", err)
}

// ProjectFilterOptions returns the filter options of every project, by
// one DISTINCT read of each column's index.
func (s *DB) ProjectFilterOptions(ctx context.Context) (model.FilterOptions, error) {
	var o model.FilterOptions
	for _, c := range []struct {
		col string
		out *[]string
	}{{"category", &o.Categories}, {"township", &o.Townships}, {"responsible_unit", &o.Units}} {
		err := s.reader(ctx).Model(&model.Project{}).Distinct(c.col).Where(c.col+" <> ''").Pluck(c.col, c.out).Error
		if err != nil {
			return o, model.Wrap("store.ProjectFilterOptions", err)
		}
		slices.Sort(*c.out)
	}
	return o, nil
}
