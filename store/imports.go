package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// ApplyOptions says who applies an import and whether to keep the result.
type ApplyOptions struct {
	Actor  Actor    // Source is filled in with the batch ("import#12")
	Kind   string   // plan | progress | ledger | budget | mixed
	Files  []string // names, for the batch record
	DryRun bool     // do all the work in a transaction, then roll it back
}

// analyzeAfter is how many created or updated rows make ApplyImport
// refresh PostgreSQL's planner statistics (see DB.analyze).
const analyzeAfter = 1000

// batchSize is how many rows one INSERT or one IN list carries: well
// under SQLite's and PostgreSQL's limits on bound parameters.
const batchSize = 500

// Milestone order: start first, finish last, plan stages in between with
// room for stages a manager adds.
const (
	seqStart     = 0
	seqStageStep = 10
	seqFinish    = 1 << 20
)

// errRollback ends a transaction whose work must not be kept (a dry run,
// or an import with errors).
var errRollback = errors.New("store: roll back")

// ApplyImport writes set in one transaction and counts what it created,
// updated and left unchanged. Problems only the database can see (an
// unknown project, a conflicting date or voucher) are returned in
// Errors; then nothing is written. A dry run does all the work and rolls
// it back. Every change is audited with the import batch as its source.
func (s *DB) ApplyImport(ctx context.Context, set *model.ImportSet, opt ApplyOptions) (model.ImportResult, error) {
	var res model.ImportResult
	if set == nil {
		set = &model.ImportSet{}
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		batch := model.ImportBatch{Kind: opt.Kind, Files: strings.Join(opt.Files, "\n"), User: opt.Actor.User, CreatedAt: now}
		if err := tx.Create(&batch).Error; err != nil {
			return err
		}
		a := &applier{
			tx: tx, now: now, actor: opt.Actor,
			res:        model.ImportResult{Errors: []model.Finding{}},
			milestones: map[uint][]*model.Milestone{},
		}
		a.actor.Source = fmt.Sprintf("import#%d", batch.ID)
		if err := a.apply(set); err != nil {
			return err
		}
		res = a.res
		if len(res.Errors) > 0 || opt.DryRun {
			return errRollback
		}
		return tx.Model(&batch).Updates(map[string]any{"created": res.Created, "updated": res.Updated, "unchanged": res.Unchanged}).Error
	})
	switch {
	case errors.Is(err, errRollback):
		err = nil
	case err == nil && res.Created+res.Updated >= analyzeAfter:
		// Statistics only steer the planner, and autovacuum refreshes
		// them later anyway: the import stands even if this fails.
		_ = s.analyze(ctx, "projects", "milestones", "progress_reports", "disbursements", "budget_lines", "audit_entries")
	}
	return res, model.Wrap("store.ApplyImport", err)
}

// applier is the state of one ApplyImport transaction.
type applier struct {
	tx         *gorm.DB
	now        time.Time
	actor      Actor
	res        model.ImportResult
	log        []model.AuditEntry          // written at the end, in batches
	milestones map[uint][]*model.Milestone // by project, as loaded and changed
}

func (a *applier) apply(set *model.ImportSet) error {
	if err := a.applyPlans(set.Plans); err != nil {
		return err
	}
	if err := a.applyIndicators(set.Indicators); err != nil {
		return err
	}
	if len(set.Progress)+len(set.Payments)+len(set.Budgets) > 0 {
		// Plan rows of this import are stored by now, so these rows may
		// name them.
		r, err := a.loadResolver(set)
		if err != nil {
			return err
		}
		if err := a.applyProgress(set.Progress, r); err != nil {
			return err
		}
		if err := a.applyPayments(set.Payments, r); err != nil {
			return err
		}
		if err := a.applyBudgets(set.Budgets, r); err != nil {
			return err
		}
	}
	return a.tx.CreateInBatches(a.log, batchSize).Error
}

// fail records an error at row ref, column col.
func (a *applier) fail(ref model.Ref, col, format string, args ...any) {
	a.res.Errors = append(a.res.Errors, ref.At(col, fmt.Sprintf("第%d行：", ref.Row)+fmt.Sprintf(format, args...)))
}

// count adds one row's outcome to the result.
func (a *applier) count(created, changed bool) {
	switch {
	case created:
		a.res.Created++
	case changed:
		a.res.Updated++
	default:
		a.res.Unchanged++
	}
}

// record queues audit rows for one entity.
func (a *applier) record(projectID uint, entity string, entityID uint, action, note string, changes ...Change) {
	a.log = auditRows(a.log, a.now, a.actor, projectID, entity, entityID, action, note, changes...)
}

// inBatches calls fn with successive slices of xs of at most batchSize.
func inBatches[T any](xs []T, fn func([]T) error) error {
	for len(xs) > 0 {
		n := min(len(xs), batchSize)
		if err := fn(xs[:n]); err != nil {
			return err
		}
		xs = xs[n:]
	}
	return nil
}

// findIn loads the rows of dest's table whose column is in values, in
// batches, appending to dest.
func findIn[T any, V any](tx *gorm.DB, column string, values []V, dest *[]T) error {
	return inBatches(values, func(vs []V) error {
		var page []T
		if err := tx.Where(column+" IN ?", vs).Order("id").Find(&page).Error; err != nil {
			return err
		}
		*dest = append(*dest, page...)
		return nil
	})
}

// ---- plans ----

// projectField is one imported field of a project: its audit name, the
// columns it is stored in, and its value as a user reads it ("" when
// unknown). Two values are equal exactly when their texts are.
type projectField struct {
	name    string
	columns []string
	text    func(p *model.Project) string
}

func projectFields() []projectField {
	return []projectField{
		{"code", []string{"code"}, func(p *model.Project) string { return p.Code }},
		{"name", []string{"name", "name_key"}, func(p *model.Project) string { return p.Name }},
		{"annex", []string{"annex"}, func(p *model.Project) string { return strconv.Itoa(p.Annex) }},
		{"category", []string{"category"}, func(p *model.Project) string { return p.Category }},
		{"site", []string{"site"}, func(p *model.Project) string { return p.Site }},
		{"township", []string{"township"}, func(p *model.Project) string { return p.Township }},
		{"responsible_unit", []string{"responsible_unit"}, func(p *model.Project) string { return p.ResponsibleUnit }},
		{"content", []string{"content"}, func(p *model.Project) string { return p.Content }},
		{"planned_start", []string{"planned_start_date", "planned_start_prec"}, func(p *model.Project) string { return p.PlannedStart.String() }},
		{"planned_finish", []string{"planned_finish_date", "planned_finish_prec"}, func(p *model.Project) string { return p.PlannedFinish.String() }},
		{"investment_wan", []string{"investment"}, func(p *model.Project) string { return moneyText(p.Investment) }},
		{"floor_area_m2", []string{"floor_area"}, func(p *model.Project) string { return decimalText(p.FloorArea) }},
		{"land_mu", []string{"land"}, func(p *model.Project) string { return decimalText(p.Land) }},
		{"beds", []string{"beds"}, func(p *model.Project) string { return intText(p.Beds) }},
	}
}

func moneyText(m *model.Money) string {
	if m == nil {
		return ""
	}
	return m.WanString()
}

func decimalText(d decimal.NullDecimal) string {
	if !d.Valid {
		return ""
	}
	return d.Decimal.String()
}

func intText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// projectIndex finds the stored projects plan rows name.
type projectIndex struct {
	byCode map[string]*model.Project
	byName map[string][]*model.Project // by annexName
}

func annexName(annex int, key string) string { return strconv.Itoa(annex) + "|" + key }

func (x *projectIndex) add(p *model.Project) {
	x.byCode[p.Code] = p
	k := annexName(p.Annex, p.NameKey)
	x.byName[k] = append(x.byName[k], p)
}

// loadPlanIndex loads every project of the annexes rows name, and the
// projects of any other annex that hold one of their codes.
func (a *applier) loadPlanIndex(rows []model.PlanRow) (*projectIndex, error) {
	var annexes []int
	var codes []string
	for _, r := range rows {
		annexes = append(annexes, r.Project.Annex)
	}
	var ps []model.Project
	if err := a.tx.Where("annex IN ?", distinct(annexes)).Find(&ps).Error; err != nil {
		return nil, err
	}
	x := &projectIndex{byCode: make(map[string]*model.Project, len(ps)), byName: make(map[string][]*model.Project, len(ps))}
	for i := range ps {
		x.add(&ps[i])
	}
	for _, r := range rows {
		if c := strings.TrimSpace(r.Project.Code); c != "" && x.byCode[c] == nil {
			codes = append(codes, c)
		}
	}
	var others []model.Project
	if err := findIn(a.tx, "code", distinct(codes), &others); err != nil {
		return nil, err
	}
	for i := range others {
		x.byCode[others[i].Code] = &others[i]
	}
	return x, nil
}

// match finds the stored project of p: by code when p has one (or a
// project of the same name whose code was generated, so that a sheet that
// gains a code column takes over its projects), otherwise by name within
// p's annex. ambiguous is set when several projects share the name.
func (x *projectIndex) match(p *model.Project) (found *model.Project, ambiguous []*model.Project) {
	named := x.byName[annexName(p.Annex, p.NameKey)]
	if p.Code != "" {
		if e := x.byCode[p.Code]; e != nil {
			return e, nil
		}
		for _, e := range named {
			if e.Code == model.GenerateCode(e.Annex, e.Name) {
				return e, nil
			}
		}
		return nil, nil
	}
	switch len(named) {
	case 0:
		return nil, nil
	case 1:
		return named[0], nil
	}
	return nil, named
}

// freeCode returns code, or code with a suffix when another project
// already holds it (a generated code's hash can collide).
func (x *projectIndex) freeCode(code string) string {
	c := code
	for n := 2; x.byCode[c] != nil; n++ {
		c = fmt.Sprintf("%s-%d", code, n)
	}
	return c
}

// planItem is a plan row on its way to the database.
type planItem struct {
	row     *model.PlanRow
	p       *model.Project // the values to store
	old     *model.Project // nil for a new project
	changed bool
}

func (a *applier) applyPlans(rows []model.PlanRow) error {
	if len(rows) == 0 {
		return nil
	}
	x, err := a.loadPlanIndex(rows)
	if err != nil {
		return err
	}
	items := a.planItems(rows, x)

	var created []*model.Project
	var existing []uint
	for _, it := range items {
		if it.old == nil {
			created = append(created, it.p)
		} else {
			existing = append(existing, it.old.ID)
		}
	}
	if err := a.tx.CreateInBatches(created, batchSize).Error; err != nil {
		return err
	}
	if err := a.loadMilestones(existing); err != nil {
		return err
	}
	fields := projectFields()
	var newMilestones, added []*model.Milestone // of new projects; added to existing ones
	var replans []replan
	for i := range items {
		it := &items[i]
		if it.old == nil {
			a.record(it.p.ID, "project", it.p.ID, "create", fmt.Sprintf("%s %s 第%d行", it.row.File, it.row.Sheet, it.row.Row))
			ms := baselineMilestones(it.p, it.row.Stages, a.now)
			a.milestones[it.p.ID] = ms
			newMilestones = append(newMilestones, ms...)
			continue
		}
		if err := a.updateProject(it, fields); err != nil {
			return err
		}
		add, re, err := a.syncBaselines(it)
		if err != nil {
			return err
		}
		added = append(added, add...)
		replans = append(replans, re...)
	}
	if err := a.tx.CreateInBatches(append(newMilestones, added...), batchSize).Error; err != nil {
		return err
	}
	for _, m := range added {
		a.recordMilestoneCreated(m)
	}
	if err := a.noteReplans(replans); err != nil {
		return err
	}
	for _, it := range items {
		a.count(it.old == nil, it.changed)
	}
	return nil
}

// planItems validates and matches plan rows, reporting bad, ambiguous and
// repeated rows. New projects join the index as they are met, so a second
// row naming one is caught as a repeat.
func (a *applier) planItems(rows []model.PlanRow, x *projectIndex) []planItem {
	var items []planItem
	claimed := map[*model.Project]model.Ref{}
	for i := range rows {
		r := &rows[i]
		p := r.Project
		p.Name = strings.TrimSpace(p.Name)
		p.Code = strings.TrimSpace(p.Code)
		p.NameKey = model.NormalizeName(p.Name)
		if p.Township == "" {
			p.Township = model.TownshipOf(p.Site)
		}
		p.SourceFile, p.SourceSheet, p.SourceRow = r.File, r.Sheet, r.Row
		if err := p.Validate(); err != nil {
			a.fail(r.Ref, "", "%s", model.Message(err))
			continue
		}
		old, ambiguous := x.match(&p)
		if ambiguous != nil {
			a.fail(r.Ref, r.ProjectColumn, "项目名称“%s”对应多个已有项目（%s），请在表中填写项目编码", p.Name, codesOf(ambiguous))
			continue
		}
		if prev, dup := claimed[old]; dup && old != nil {
			a.fail(r.Ref, r.ProjectColumn, "项目“%s”在本次导入中重复出现（另见“%s”第%d行）", p.Name, prev.Sheet, prev.Row)
			continue
		}
		switch {
		case old == nil:
			if p.Code == "" {
				p.Code = model.GenerateCode(p.Annex, p.Name)
			}
			p.Code = x.freeCode(p.Code)
			p.CreatedAt, p.UpdatedAt = a.now, a.now
			x.add(&p)
			claimed[&p] = r.Ref
		default:
			if p.Code == "" {
				p.Code = old.Code
			}
			p.ID, p.CreatedAt, p.UpdatedAt = old.ID, old.CreatedAt, a.now
			claimed[old] = r.Ref
		}
		items = append(items, planItem{row: r, p: &p, old: old})
	}
	return items
}

func codesOf(ps []*model.Project) string {
	codes := make([]string, len(ps))
	for i, p := range ps {
		codes[i] = p.Code
	}
	return strings.Join(codes, "、")
}

// updateProject writes the fields of it.p that differ from it.old, with
// one audit row per field; an identical row is not written at all.
func (a *applier) updateProject(it *planItem, fields []projectField) error {
	var changes []Change
	var columns []string
	for _, f := range fields {
		if o, n := f.text(it.old), f.text(it.p); o != n {
			changes = append(changes, Change{Field: f.name, Old: o, New: n})
			columns = append(columns, f.columns...)
		}
	}
	if len(changes) == 0 {
		return nil
	}
	columns = append(columns, "source_file", "source_sheet", "source_row", "updated_at")
	if err := a.tx.Model(it.p).Select(columns).Updates(it.p).Error; err != nil {
		return err
	}
	it.changed = true
	a.record(it.p.ID, "project", it.p.ID, "update", "", changes...)
	return nil
}

// baselineMilestones are the milestones a plan row gives a project:
// start, the row's stages, finish.
func baselineMilestones(p *model.Project, stages []model.StagePlan, now time.Time) []*model.Milestone {
	ms := []*model.Milestone{{Kind: model.MilestoneStart, Name: model.MilestoneStart, Seq: seqStart, Baseline: p.PlannedStart}}
	for i, st := range stages {
		ms = append(ms, &model.Milestone{Kind: model.MilestoneStage, Name: strings.TrimSpace(st.Name), Seq: seqStageStep * (i + 1), Baseline: st.Date})
	}
	ms = append(ms, &model.Milestone{Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Seq: seqFinish, Baseline: p.PlannedFinish})
	for _, m := range ms {
		m.ProjectID, m.Version, m.UpdatedAt = p.ID, 1, now
	}
	return ms
}

// recordMilestoneCreated audits a milestone added to an existing project.
func (a *applier) recordMilestoneCreated(m *model.Milestone) {
	a.record(m.ProjectID, "milestone", m.ID, "create", "", Change{Field: "baseline_date", New: m.Baseline.String()})
}

// loadMilestones loads the milestones of the projects not loaded yet.
func (a *applier) loadMilestones(projectIDs []uint) error {
	var ids []uint
	for _, id := range projectIDs {
		if _, ok := a.milestones[id]; !ok {
			a.milestones[id] = nil
			ids = append(ids, id)
		}
	}
	var ms []model.Milestone
	if err := findIn(a.tx, "project_id", ids, &ms); err != nil {
		return err
	}
	for i := range ms {
		a.milestones[ms[i].ProjectID] = append(a.milestones[ms[i].ProjectID], &ms[i])
	}
	return nil
}

// milestone returns the loaded milestone of a project by kind and name.
func (a *applier) milestone(projectID uint, kind, name string) *model.Milestone {
	for _, m := range a.milestones[projectID] {
		if m.Kind == kind && (kind != model.MilestoneStage || m.Name == name) {
			return m
		}
	}
	return nil
}

// replan is a milestone whose plan date no longer matches its baseline.
type replan struct {
	item *planItem
	m    *model.Milestone
	plan model.PlanDate
}

// syncBaselines compares an existing project's milestones with its plan
// row: it returns the milestones to add (a new stage column, or ones the
// project never had, placed just after the milestone before them in the
// row) and those whose plan date moved. A baseline that was unknown is
// filled in; a known one is never overwritten here.
func (a *applier) syncBaselines(it *planItem) (add []*model.Milestone, replans []replan, err error) {
	prevSeq := seqStart
	for _, want := range baselineMilestones(it.p, it.row.Stages, a.now) {
		m := a.milestone(it.p.ID, want.Kind, want.Name)
		if m != nil {
			prevSeq = m.Seq
		} else if want.Kind == model.MilestoneStage {
			want.Seq = prevSeq + 1
			prevSeq = want.Seq
		}
		switch {
		case m == nil:
			add = append(add, want)
			a.milestones[it.p.ID] = append(a.milestones[it.p.ID], want)
			it.changed = true
		case want.Baseline.IsZero() || m.Baseline == want.Baseline:
		case m.Baseline.IsZero():
			old := m.Baseline
			m.Baseline = want.Baseline
			if err := a.saveMilestone(m, Change{Field: "baseline_date", Old: old.String(), New: want.Baseline.String()}); err != nil {
				return nil, nil, err
			}
			it.changed = true
		default:
			replans = append(replans, replan{item: it, m: m, plan: want.Baseline})
		}
	}
	return add, replans, nil
}

// noteReplans records a plan_changed audit row for each milestone whose
// plan date moved away from its baseline, unless the same change was
// already noted (so re-importing the same sheet adds nothing).
// Re-baselining is an explicit admin action.
func (a *applier) noteReplans(replans []replan) error {
	ids := make([]uint, len(replans))
	for i, r := range replans {
		ids[i] = r.m.ID
	}
	var noted []model.AuditEntry
	err := inBatches(ids, func(batch []uint) error {
		var page []model.AuditEntry
		err := a.tx.Where("entity = ? AND action = ? AND entity_id IN ?", "milestone", "plan_changed", batch).Order("id").Find(&page).Error
		noted = append(noted, page...)
		return err
	})
	if err != nil {
		return err
	}
	last := map[uint]string{}
	for _, e := range noted {
		last[e.EntityID] = e.New
	}
	for _, r := range replans {
		if last[r.m.ID] == r.plan.String() {
			continue
		}
		a.record(r.m.ProjectID, "milestone", r.m.ID, "plan_changed",
			"计划时间已变更，基线未调整；如需调整基线，请由管理员重新确定基线",
			Change{Field: "baseline_date", Old: r.m.Baseline.String(), New: r.plan.String()})
		r.item.changed = true
	}
	return nil
}

// saveMilestone writes a changed milestone, bumping its version, and
// audits the changes. A version that moved meanwhile is a conflict.
func (a *applier) saveMilestone(m *model.Milestone, changes ...Change) error {
	res := a.tx.Model(&model.Milestone{}).Where("id = ? AND version = ?", m.ID, m.Version).Updates(map[string]any{
		"baseline_date": m.Baseline.Date, "baseline_prec": m.Baseline.Precision,
		"forecast": m.Forecast, "actual": m.Actual, "version": m.Version + 1, "updated_at": a.now,
	})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected != 1 {
		return errStale("store.ApplyImport")
	}
	m.Version++
	m.UpdatedAt = a.now
	a.record(m.ProjectID, "milestone", m.ID, "update", "", changes...)
	return nil
}

// ---- indicators ----

func (a *applier) applyIndicators(targets []model.IndicatorTarget) error {
	if len(targets) == 0 {
		return nil
	}
	key := func(t *model.IndicatorTarget) string { return fmt.Sprintf("%d|%s|%d", t.Annex, t.Task, t.Year) }
	var annexes []int
	for _, t := range targets {
		annexes = append(annexes, t.Annex)
	}
	var stored []model.IndicatorTarget
	if err := a.tx.Where("annex IN ?", distinct(annexes)).Find(&stored).Error; err != nil {
		return err
	}
	known := make(map[string]*model.IndicatorTarget, len(stored))
	for i := range stored {
		known[key(&stored[i])] = &stored[i]
	}
	var created []*model.IndicatorTarget
	for i := range targets {
		t := targets[i]
		t.Task = strings.TrimSpace(t.Task)
		t.ID = 0
		old := known[key(&t)]
		ref := model.Ref{File: t.SourceFile, Sheet: t.SourceSheet, Row: t.SourceRow}
		switch {
		case old == nil:
			known[key(&t)] = &t
			created = append(created, &t)
			a.count(true, false)
		case old.Target == t.Target && old.ResponsibleUnit == t.ResponsibleUnit:
			a.count(false, false)
		case old.ID == 0:
			a.fail(ref, "", "指标“%s”%d年在本次导入中重复出现且目标不一致", t.Task, t.Year)
		default:
			t.ID = old.ID
			if err := a.tx.Model(&t).Select("target", "responsible_unit", "source_file", "source_sheet", "source_row").Updates(&t).Error; err != nil {
				return err
			}
			changes := appendChange(nil, "target", old.Target, t.Target)
			a.record(0, "indicator", t.ID, "update", "", appendChange(changes, "responsible_unit", old.ResponsibleUnit, t.ResponsibleUnit)...)
			*old = t
			a.count(false, true)
		}
	}
	return a.tx.CreateInBatches(created, batchSize).Error
}

// ---- rows that name a project: progress, payments, budgets ----

// resolver finds the project a progress, payment or budget row names:
// by code, else by normalised name in any annex.
type resolver struct {
	byCode map[string]*model.Project
	byName map[string][]*model.Project
}

// loadResolver loads the projects set's progress, payment and budget rows
// name (plan rows of the same import are already stored).
func (a *applier) loadResolver(set *model.ImportSet) (*resolver, error) {
	var codes, keys []string
	want := func(_ model.Ref, code, name string) {
		if c := strings.TrimSpace(code); c != "" {
			codes = append(codes, c)
		}
		if k := model.NormalizeName(name); k != "" {
			keys = append(keys, k)
		}
	}
	eachNamed(set.Progress, progressNames, want)
	eachNamed(set.Payments, paymentNames, want)
	eachNamed(set.Budgets, budgetNames, want)
	var ps []model.Project
	if err := findIn(a.tx, "code", distinct(codes), &ps); err != nil {
		return nil, err
	}
	if err := findIn(a.tx, "name_key", distinct(keys), &ps); err != nil {
		return nil, err
	}
	r := &resolver{byCode: map[string]*model.Project{}, byName: map[string][]*model.Project{}}
	for i := range ps {
		p := &ps[i]
		if r.byCode[p.Code] != nil {
			continue
		}
		r.byCode[p.Code] = p
		r.byName[p.NameKey] = append(r.byName[p.NameKey], p)
	}
	return r, nil
}

// distinct returns xs without repeats, in first-seen order.
func distinct[T comparable](xs []T) []T {
	seen := make(map[T]bool, len(xs))
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// resolve finds the project of a row, or records why it cannot.
func (a *applier) resolve(r *resolver, ref model.Ref, code, name string) *model.Project {
	if p := r.byCode[strings.TrimSpace(code)]; p != nil {
		return p
	}
	named := r.byName[model.NormalizeName(name)]
	switch {
	case len(named) == 1:
		return named[0]
	case len(named) > 1:
		a.fail(ref, ref.ProjectColumn, "项目名称“%s”对应多个项目（%s），请填写项目编码", name, codesOf(named))
	default:
		label := strings.TrimSpace(name)
		if label == "" {
			label = strings.TrimSpace(code)
		}
		a.fail(ref, ref.ProjectColumn, "找不到项目“%s”，请先导入任务分解表或核对项目名称", label)
	}
	return nil
}

// Accessors of the rows that name a project.
func progressNames(r *model.ProgressRow) (model.Ref, string, string) {
	return r.Ref, r.ProjectCode, r.ProjectName
}

func paymentNames(r *model.PaymentRow) (model.Ref, string, string) {
	return r.Ref, r.ProjectCode, r.ProjectName
}

func budgetNames(r *model.BudgetRow) (model.Ref, string, string) {
	return r.Ref, r.ProjectCode, r.ProjectName
}

// eachNamed calls fn with the location, code and name of every row.
func eachNamed[T any](rows []T, names func(*T) (model.Ref, string, string), fn func(ref model.Ref, code, name string)) {
	for i := range rows {
		fn(names(&rows[i]))
	}
}

// resolveAll resolves every row; the projects of rows that cannot be
// resolved are nil.
func resolveAll[T any](a *applier, r *resolver, rows []T, names func(*T) (model.Ref, string, string)) []*model.Project {
	out := make([]*model.Project, 0, len(rows))
	eachNamed(rows, names, func(ref model.Ref, code, name string) {
		out = append(out, a.resolve(r, ref, code, name))
	})
	return out
}

// projectIDs lists the distinct IDs of ps.
func projectIDs(ps []*model.Project) []uint {
	seen := map[uint]bool{}
	var ids []uint
	for _, p := range ps {
		if p != nil && !seen[p.ID] {
			seen[p.ID] = true
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// ---- progress ----

func (a *applier) applyProgress(rows []model.ProgressRow, r *resolver) error {
	if len(rows) == 0 {
		return nil
	}
	targets := resolveAll(a, r, rows, progressNames)
	ids := projectIDs(targets)
	if err := a.loadMilestones(ids); err != nil {
		return err
	}
	var stored []model.ProgressReport
	if err := findIn(a.tx, "project_id", ids, &stored); err != nil {
		return err
	}
	reports := make(map[string]*model.ProgressReport, len(stored))
	for i := range stored {
		reports[reportKey(stored[i].ProjectID, stored[i].ReportDate)] = &stored[i]
	}
	var created []*model.ProgressReport
	for i := range rows {
		row, p := &rows[i], targets[i]
		if p == nil {
			continue
		}
		failed := len(a.res.Errors)
		changed, err := a.applyActuals(row, p)
		if err != nil {
			return err
		}
		if len(a.res.Errors) > failed {
			continue
		}
		rep := &model.ProgressReport{
			ProjectID: p.ID, ReportDate: row.ReportDate, Percent: row.Percent, InvestmentDone: row.InvestmentDone,
			Problems: strings.TrimSpace(row.Problems), Source: a.actor.Source, CreatedBy: a.actor.User, CreatedAt: a.now,
		}
		k := reportKey(p.ID, row.ReportDate)
		old := reports[k]
		switch {
		case old == nil:
			reports[k] = rep
			created = append(created, rep)
			a.count(true, false)
			continue
		case sameReport(old, rep):
		case old.ID == 0:
			a.fail(row.Ref, "", "项目“%s”%s的进度在本次导入中重复出现且内容不一致", p.Name, row.ReportDate)
			continue
		default:
			if err := a.updateReport(old, rep); err != nil {
				return err
			}
			changed = true
		}
		a.count(false, changed)
	}
	if err := a.tx.CreateInBatches(created, batchSize).Error; err != nil {
		return err
	}
	for _, rep := range created {
		a.record(rep.ProjectID, "progress", rep.ID, "create", "", Change{Field: "report_date", New: rep.ReportDate.String()})
	}
	return nil
}

func reportKey(projectID uint, d model.Date) string { return fmt.Sprintf("%d|%s", projectID, d) }

func sameReport(a, b *model.ProgressReport) bool {
	return decimalText(a.Percent) == decimalText(b.Percent) &&
		moneyText(a.InvestmentDone) == moneyText(b.InvestmentDone) &&
		a.Problems == b.Problems
}

// updateReport corrects a stored report with a return's new figures for
// the same date.
func (a *applier) updateReport(old, rep *model.ProgressReport) error {
	changes := appendChange(nil, "percent", decimalText(old.Percent), decimalText(rep.Percent))
	changes = appendChange(changes, "investment_done_wan", moneyText(old.InvestmentDone), moneyText(rep.InvestmentDone))
	changes = appendChange(changes, "problems", old.Problems, rep.Problems)
	old.Percent, old.InvestmentDone, old.Problems, old.Source = rep.Percent, rep.InvestmentDone, rep.Problems, rep.Source
	if err := a.tx.Model(old).Select("percent", "investment_done", "problems", "source").Updates(old).Error; err != nil {
		return err
	}
	a.record(old.ProjectID, "progress", old.ID, "update", "", changes...)
	return nil
}

// startFinish returns the start and finish milestones of p, creating
// them from p's plan dates when p has none.
func (a *applier) startFinish(p *model.Project) (start, finish *model.Milestone, err error) {
	for _, m := range baselineMilestones(p, nil, a.now) {
		if a.milestone(p.ID, m.Kind, m.Name) != nil {
			continue
		}
		if err := a.tx.Create(m).Error; err != nil {
			return nil, nil, err
		}
		a.milestones[p.ID] = append(a.milestones[p.ID], m)
		a.recordMilestoneCreated(m)
	}
	return a.milestone(p.ID, model.MilestoneStart, ""), a.milestone(p.ID, model.MilestoneFinish, ""), nil
}

// applyActuals checks a progress row and sets its actual and forecast
// dates on the project's milestones. An actual date that contradicts a recorded one is
// an error: actual dates are facts and are corrected through the API.
func (a *applier) applyActuals(row *model.ProgressRow, p *model.Project) (bool, error) {
	hundred := decimal.NewFromInt(100)
	switch {
	case row.ReportDate.IsZero():
		a.fail(row.Ref, "", "缺少填报日期")
		return false, nil
	case row.Percent.Valid && (row.Percent.Decimal.IsNegative() || row.Percent.Decimal.GreaterThan(hundred)):
		a.fail(row.Ref, "", "形象进度 %s%% 应在 0 到 100 之间", row.Percent.Decimal)
		return false, nil
	case row.InvestmentDone != nil && *row.InvestmentDone < 0:
		a.fail(row.Ref, "", "累计完成投资不能为负数")
		return false, nil
	}
	start, finish, err := a.startFinish(p)
	if err != nil {
		return false, err
	}
	type step struct {
		m      *model.Milestone
		actual model.Date
		label  string
	}
	ok := true
	for _, s := range []step{{start, row.ActualStart, "实际开工时间"}, {finish, row.ActualFinish, "实际完工时间"}} {
		switch {
		case s.actual.IsZero():
		case s.actual.After(row.ReportDate):
			a.fail(row.Ref, "", "%s %s 晚于填报日期 %s", s.label, s.actual, row.ReportDate)
			ok = false
		case !s.m.Actual.IsZero() && s.m.Actual != s.actual:
			a.fail(row.Ref, "", "项目“%s”的%s已登记为 %s，与本行的 %s 不一致；如需更正请在系统中修改", p.Name, s.label, s.m.Actual, s.actual)
			ok = false
		}
	}
	if !ok {
		return false, nil
	}
	actualStart, actualFinish := start.Actual, finish.Actual
	if !row.ActualStart.IsZero() {
		actualStart = row.ActualStart
	}
	if !row.ActualFinish.IsZero() {
		actualFinish = row.ActualFinish
	}
	if !actualStart.IsZero() && !actualFinish.IsZero() && actualFinish.Before(actualStart) {
		a.fail(row.Ref, "", "实际完工时间 %s 早于实际开工时间 %s", actualFinish, actualStart)
		return false, nil
	}
	changed := false
	if actualStart != start.Actual {
		old := start.Actual
		start.Actual = actualStart
		if err := a.saveMilestone(start, Change{Field: "actual_date", Old: old.String(), New: actualStart.String()}); err != nil {
			return false, err
		}
		changed = true
	}
	var changes []Change
	if actualFinish != finish.Actual {
		changes = append(changes, Change{Field: "actual_date", Old: finish.Actual.String(), New: actualFinish.String()})
		finish.Actual = actualFinish
	}
	if !row.Forecast.IsZero() && row.Forecast != finish.Forecast {
		changes = append(changes, Change{Field: "forecast_date", Old: finish.Forecast.String(), New: row.Forecast.String()})
		finish.Forecast = row.Forecast
	}
	if len(changes) > 0 {
		if err := a.saveMilestone(finish, changes...); err != nil {
			return false, err
		}
		changed = true
	}
	return changed, nil
}

// ---- payments ----

func (a *applier) applyPayments(rows []model.PaymentRow, r *resolver) error {
	if len(rows) == 0 {
		return nil
	}
	vouchers := make([]string, len(rows))
	for i, row := range rows {
		vouchers[i] = strings.TrimSpace(row.Voucher)
	}
	var stored []model.Disbursement
	if err := findIn(a.tx, "voucher", distinct(vouchers), &stored); err != nil {
		return err
	}
	known := make(map[string]*model.Disbursement, len(stored))
	for i := range stored {
		known[stored[i].Voucher] = &stored[i]
	}
	targets := resolveAll(a, r, rows, paymentNames)
	var created []*model.Disbursement
	for i := range rows {
		row, p := &rows[i], targets[i]
		switch {
		case vouchers[i] == "":
			a.fail(row.Ref, "", "缺少凭证号")
			continue
		case row.Amount < 0:
			a.fail(row.Ref, "", "拨付金额不能为负数")
			continue
		case row.Date.IsZero():
			a.fail(row.Ref, "", "缺少拨付日期")
			continue
		case p == nil:
			continue
		}
		d := &model.Disbursement{
			ProjectID: p.ID, Date: row.Date, Source: strings.TrimSpace(row.Source), Amount: row.Amount,
			Voucher: vouchers[i], Note: strings.TrimSpace(row.Note), CreatedBy: a.actor.User, CreatedAt: a.now, UpdatedAt: a.now,
		}
		old := known[d.Voucher]
		switch {
		case old == nil:
			known[d.Voucher] = d
			created = append(created, d)
			a.count(true, false)
		case old.ProjectID == d.ProjectID && old.Date == d.Date && old.Source == d.Source && old.Amount == d.Amount:
			a.count(false, false)
		default:
			a.fail(row.Ref, "", "凭证号“%s”已登记为另一笔拨付（%s，%s万元，%s），与本行不一致；如需更正请由财务在系统中修改",
				d.Voucher, old.Date, old.Amount.WanString(), old.Source)
		}
	}
	if err := a.tx.CreateInBatches(created, batchSize).Error; err != nil {
		return err
	}
	for _, d := range created {
		a.record(d.ProjectID, "payment", d.ID, "create", "", Change{Field: "amount_wan", New: d.Amount.WanString()})
	}
	return nil
}

// ---- budgets ----

func (a *applier) applyBudgets(rows []model.BudgetRow, r *resolver) error {
	if len(rows) == 0 {
		return nil
	}
	targets := resolveAll(a, r, rows, budgetNames)
	var stored []model.BudgetLine
	if err := findIn(a.tx, "project_id", projectIDs(targets), &stored); err != nil {
		return err
	}
	key := func(projectID uint, year int, source string) string {
		return fmt.Sprintf("%d|%d|%s", projectID, year, source)
	}
	known := make(map[string]*model.BudgetLine, len(stored))
	for i := range stored {
		known[key(stored[i].ProjectID, stored[i].Year, stored[i].Source)] = &stored[i]
	}
	var created []*model.BudgetLine
	for i := range rows {
		row, p := &rows[i], targets[i]
		if p == nil {
			continue
		}
		if row.Amount < 0 {
			a.fail(row.Ref, "", "计划金额不能为负数")
			continue
		}
		b := &model.BudgetLine{ProjectID: p.ID, Year: row.Year, Source: strings.TrimSpace(row.Source), Amount: row.Amount}
		k := key(b.ProjectID, b.Year, b.Source)
		old := known[k]
		switch {
		case old == nil:
			known[k] = b
			created = append(created, b)
			a.count(true, false)
		case old.Amount == b.Amount:
			a.count(false, false)
		case old.ID == 0:
			a.fail(row.Ref, "", "项目“%s”%d年“%s”的计划金额在本次导入中重复出现且不一致", p.Name, b.Year, b.Source)
		default:
			a.record(p.ID, "budget", old.ID, "update", "", Change{Field: fmt.Sprintf("budget:%d:%s", b.Year, b.Source), Old: old.Amount.WanString(), New: b.Amount.WanString()})
			// Update sets old.Amount too.
			if err := a.tx.Model(old).Update("amount", b.Amount).Error; err != nil {
				return err
			}
			a.count(false, true)
		}
	}
	if err := a.tx.CreateInBatches(created, batchSize).Error; err != nil {
		return err
	}
	for _, b := range created {
		a.record(b.ProjectID, "budget", b.ID, "create", "", Change{Field: fmt.Sprintf("budget:%d:%s", b.Year, b.Source), New: b.Amount.WanString()})
	}
	return nil
}
