package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Reverting an import batch (issue 13 point 6). While it applies, an
// import keeps, in import_undos, every row it writes: a row it changes as
// it was before its first change (the whole row, as JSON, so that its
// columns the audit log does not name, such as a project's source row,
// come back too), a row it creates by its table and id. A project it
// creates is known by its CreatedBatch instead, and its milestones go
// with it. The revert restores the rows and deletes the created ones in
// one transaction, unless a later change touched them.

// undoKey names one row of one table.
type undoKey struct {
	table string
	id    uint
}

// keepRow notes row id of T's table as it is now, before the import first
// changes it: cur, when the caller holds it as stored, else read (an
// import's updates are many: a read each would double their cost).
// projectID, entity and entityID are its names in the audit log. A row
// noted already (or created by the import) is left as noted.
func keepRow[T any](a *applier, cur *T, id, projectID uint, entity string, entityID uint) error {
	table, err := tableOf[T](a.tx)
	if err != nil {
		return err
	}
	k := undoKey{table, id}
	if a.kept[k] {
		return nil
	}
	if cur == nil {
		cur = new(T)
		if err := a.tx.Take(cur, id).Error; err != nil {
			return err
		}
	}
	before, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	a.kept[k] = true
	a.undo = append(a.undo, model.ImportUndo{BatchID: a.batch, Table: table, RowID: id, ProjectID: projectID, Entity: entity, EntityID: entityID, Before: string(before)})
	return nil
}

// keepCreated notes rows the import created in T's table: id gives a
// row's id and its names in the audit log.
func keepCreated[T any](a *applier, rows []*T, names func(*T) (id, projectID uint, entity string, entityID uint)) error {
	if len(rows) == 0 {
		return nil
	}
	table, err := tableOf[T](a.tx)
	if err != nil {
		return err
	}
	for _, r := range rows {
		id, projectID, entity, entityID := names(r)
		a.kept[undoKey{table, id}] = true
		a.undo = append(a.undo, model.ImportUndo{BatchID: a.batch, Table: table, RowID: id, ProjectID: projectID, Entity: entity, EntityID: entityID})
	}
	return nil
}

// tableOf is the table of T.
func tableOf[T any](tx *gorm.DB) (string, error) {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(new(T)); err != nil {
		return "", err
	}
	return stmt.Schema.Table, nil
}

// createdMilestones notes milestones an import added.
func createdMilestones(a *applier, ms []*model.Milestone) error {
	return keepCreated(a, ms, func(m *model.Milestone) (uint, uint, string, uint) {
		return m.ID, m.ProjectID, "milestone", m.ID
	})
}

// createdFact notes an observation an import stored.
func createdFact(a *applier, f *model.Observation) error {
	return keepCreated(a, []*model.Observation{f}, func(f *model.Observation) (uint, uint, string, uint) {
		return f.ID, f.ProjectID, "milestone", f.MilestoneID
	})
}

// undoTable restores the rows of one table.
type undoTable struct {
	restore func(tx *gorm.DB, u model.ImportUndo, now time.Time, today model.Date, zone *time.Location) error
	// order deletes children before their parents.
	order int
	// forget, for a money table, keeps the tombstone of a row before the
	// revert deletes it (see forgetMoney).
	forget func(tx *gorm.DB, id uint, today model.Date) error
}

// undoTables are the tables an import writes, as a revert restores them.
// A restored row keeps what guards edits moving forward: a milestone's
// version and a project's budget version go up, not back.
var undoTables = map[string]undoTable{
	"milestone_facts":  {restore: restoreAs[model.Observation](nil), order: 0},
	"progress_reports": {restore: restoreAs[model.ProgressReport](nil), order: 1},
	"disbursements": {restore: restoreAs(func(cur, row *model.Disbursement, now time.Time) { row.Version, row.UpdatedAt = cur.Version+1, now }), order: 1,
		forget: forgetAs[model.Disbursement]},
	"funds": {restore: restoreAs(func(cur, row *model.Fund, now time.Time) { row.Version, row.UpdatedAt = cur.Version+1, now }), order: 1,
		forget: forgetAs[model.Fund]},
	"budget_lines":      {restore: restoreAs[model.BudgetLine](nil), order: 1, forget: forgetAs[model.BudgetLine]},
	"indicator_targets": {restore: restoreAs[model.IndicatorTarget](nil), order: 1},
	"milestones":        {restore: restoreAs(func(cur, row *model.Milestone, now time.Time) { row.Version, row.UpdatedAt = cur.Version+1, now }), order: 2},
	"projects": {restore: restoreAs(func(cur, row *model.Project, now time.Time) {
		row.BudgetVersion, row.UpdatedAt = cur.BudgetVersion, now
	}), order: 3},
}

// restoreAs restores a T from its JSON, fix setting what moves forward
// from the current row. A money row's restored values, and a project's
// restored plan, are a change made today, which their history keeps (see
// keepMoney, keepPlan; zone is the county's).
func restoreAs[T any](fix func(cur, row *T, now time.Time)) func(tx *gorm.DB, u model.ImportUndo, now time.Time, today model.Date, zone *time.Location) error {
	return func(tx *gorm.DB, u model.ImportUndo, now time.Time, today model.Date, zone *time.Location) error {
		var cur, row T
		if err := tx.Take(&cur, u.RowID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.Errorf(model.EConflict, "store.RevertImport", "导入批次 #%d 修改过的记录（%s #%d）此后已被删除，无法恢复，未撤销任何数据", u.BatchID, u.Table, u.RowID)
		} else if err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(u.Before), &row); err != nil {
			return err
		}
		if fix != nil {
			fix(&cur, &row, now)
		}
		if _, err := moneyOf(&cur); err == nil {
			if err := keepMoney(tx, today, &cur, &row); err != nil {
				return err
			}
		}
		if p, ok := any(&cur).(*model.Project); ok {
			if err := keepPlan(tx, today, model.DateOf(p.CreatedAt.In(zone)), p, any(&row).(*model.Project)); err != nil {
				return err
			}
		}
		return tx.Model(&row).Select("*").Omit(clause.Associations).Updates(&row).Error
	}
}

// forgetAs keeps the tombstone of row id of T's money table.
func forgetAs[T any](tx *gorm.DB, id uint, today model.Date) error {
	var row T
	if err := tx.Take(&row, id).Error; err != nil {
		return err
	}
	return forgetMoney(tx, today, &row)
}

// RevertImport undoes import batch id in one transaction: every row it
// changed is put back as it was, every row it created is deleted, each
// change is audited as a revert of the batch, and the batch is marked
// reverted by actor. It is refused, with nothing written, when the batch
// is reverted already, when it was imported by a release that kept no
// undo record, or when a later change (a later batch, an edit in the UI
// or the API) touched a record it wrote: the error's *RevertRefused
// lists those changes.
func (s *DB) RevertImport(ctx context.Context, id uint, actor model.Actor) (model.RevertResult, error) {
	const op = "store.RevertImport"
	res := model.RevertResult{Batch: id}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		var b model.ImportBatch
		if err := tx.Take(&b, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return model.Errorf(model.ENotFound, op, "导入批次 #%d 不存在", id)
		} else if err != nil {
			return err
		}
		// The mark first: of two reverts at once, one waits here and then
		// finds the batch reverted.
		mark := tx.Model(&model.ImportBatch{}).Where("id = ? AND reverted_at IS NULL", id).
			Updates(map[string]any{"reverted_at": now, "reverted_by": actor.User})
		if mark.Error != nil {
			return mark.Error
		}
		if mark.RowsAffected != 1 {
			if err := tx.Take(&b, id).Error; err != nil {
				return err
			}
			return revertedAlready(op, b)
		}
		if !b.Undoable {
			return model.Errorf(model.EInvalid, op, "导入批次 #%d 由旧版本的 captrack 导入，当时未保存撤销所需的原值，无法撤销", id)
		}
		var undo []model.ImportUndo
		if err := tx.Where("batch_id = ?", id).Order("id").Find(&undo).Error; err != nil {
			return err
		}
		var created []model.Project
		if err := tx.Select("id", "code", "name").Where("created_batch = ?", id).Order("id").Find(&created).Error; err != nil {
			return err
		}
		conflicts, err := laterChanges(tx, b, undo, created)
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return model.Refused(op, id, conflicts)
		}
		if err := s.undo(tx, &res, b, undo, created, now); err != nil {
			return err
		}
		return auditRevert(tx, b, created, actor, now)
	})
	return res, model.Wrap(op, err)
}

// revertedAlready refuses a second revert of b.
func revertedAlready(op string, b model.ImportBatch) error {
	when := ""
	if b.RevertedAt != nil {
		when = b.RevertedAt.In(model.CountyZone()).Format("2006-01-02 15:04") + " "
	}
	return model.Errorf(model.EConflict, op, "导入批次 #%d 已于 %s由 %s 撤销，不能再次撤销", b.ID, when, b.RevertedBy)
}

// undo restores and deletes the rows of batch b, and refreshes what is
// derived from them.
func (s *DB) undo(tx *gorm.DB, res *model.RevertResult, b model.ImportBatch, undo []model.ImportUndo, created []model.Project, now time.Time) error {
	gone := map[uint]bool{}
	for _, p := range created {
		gone[p.ID] = true
	}
	projects := map[uint]bool{} // remaining projects the batch touched
	budgets := map[uint]bool{}  // of those, the ones whose budget lines changed
	slices.SortStableFunc(undo, func(x, y model.ImportUndo) int { return undoTables[x.Table].order - undoTables[y.Table].order })
	for _, u := range undo {
		t, ok := undoTables[u.Table]
		if !ok {
			return fmt.Errorf("store: no undo of table %q", u.Table)
		}
		if !gone[u.ProjectID] && u.ProjectID != 0 {
			projects[u.ProjectID] = true
			if u.Table == "budget_lines" {
				budgets[u.ProjectID] = true
			}
		}
		if u.Before != "" {
			if err := t.restore(tx, u, now, s.Today(), s.Zone); err != nil {
				return err
			}
			res.Restored++
		}
	}
	for _, u := range undo {
		if u.Before == "" {
			if t := undoTables[u.Table]; t.forget != nil && !gone[u.ProjectID] {
				if err := t.forget(tx, u.RowID, s.Today()); err != nil {
					return err
				}
			}
			if err := tx.Exec("DELETE FROM "+tx.Statement.Quote(u.Table)+" WHERE id = ?", u.RowID).Error; err != nil {
				return err
			}
			res.Deleted++
		}
	}
	ids := make([]uint, 0, len(created))
	for _, p := range created {
		ids = append(ids, p.ID)
	}
	err := inBatches(ids, func(ids []uint) error {
		for _, t := range []string{"project_activity", "project_states", "project_spans", "milestone_facts", "milestones"} {
			if err := tx.Exec("DELETE FROM "+t+" WHERE project_id IN ?", ids).Error; err != nil {
				return err
			}
		}
		return tx.Where("id IN ?", ids).Delete(&model.Project{}).Error
	})
	if err != nil {
		return err
	}
	res.Projects = len(created)
	res.Deleted += len(created)
	for id := range budgets {
		if err := bumpBudget(tx, "store.RevertImport", id, anyVersion); err != nil {
			return err
		}
	}
	return refreshActivity(tx, sortedIDs(projects))
}

func sortedIDs(set map[uint]bool) []uint {
	ids := make([]uint, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// laterChanges lists the changes after batch b of the records it wrote:
// the audit rows of later edits and imports (other than reverted ones)
// of those records or of the projects it created, and the rows later
// batches wrote of them (a write the audit log does not name, such as the
// date a milestone's forecast was known on).
func laterChanges(tx *gorm.DB, b model.ImportBatch, undo []model.ImportUndo, created []model.Project) ([]model.RevertConflict, error) {
	var reverted []model.ImportBatch
	if err := tx.Select("id").Where("id <> ? AND reverted_at IS NOT NULL", b.ID).Find(&reverted).Error; err != nil {
		return nil, err
	}
	skip := map[string]bool{batchSource(b.ID): true}
	for _, r := range reverted {
		skip[batchSource(r.ID)] = true
	}
	mine := map[undoKey]bool{} // by audit entity and id
	rows := map[undoKey]bool{} // by table and row
	newP := map[uint]bool{}    // projects the batch created
	projectSet := map[uint]bool{}
	var indicators []uint
	for _, u := range undo {
		mine[undoKey{u.Entity, u.EntityID}] = true
		rows[undoKey{u.Table, u.RowID}] = true
		if u.ProjectID != 0 {
			projectSet[u.ProjectID] = true
		} else if u.Entity == "indicator" {
			indicators = append(indicators, u.EntityID)
		}
	}
	for _, p := range created {
		newP[p.ID] = true
		projectSet[p.ID] = true
		mine[undoKey{"project", p.ID}] = true
	}
	touches := func(projectID uint, entity string, entityID uint) bool {
		return newP[projectID] || mine[undoKey{entity, entityID}]
	}
	var later []model.AuditEntry
	scope := tx.Where("id > ?", b.AuditFrom)
	if err := findIn(scope, "project_id", sortedIDs(projectSet), &later); err != nil {
		return nil, err
	}
	if err := findIn(scope.Where("entity = ?", "indicator"), "entity_id", indicators, &later); err != nil {
		return nil, err
	}
	var out []model.RevertConflict
	seen := map[string]bool{}
	add := func(c model.RevertConflict) {
		k := fmt.Sprintf("%d\x00%s\x00%s\x00%s", c.ProjectID, c.Entity, c.Field, c.Source)
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	audited := map[string]bool{} // later changes listed by their audit rows
	for _, e := range later {
		if skip[e.Source] || !touches(e.ProjectID, e.Entity, e.EntityID) {
			continue
		}
		audited[fmt.Sprintf("%s\x00%d\x00%s", e.Source, e.ProjectID, e.Entity)] = true
		add(model.RevertConflict{ProjectID: e.ProjectID, Entity: e.Entity, Field: e.Field, Batch: batchOf(e.Source), User: e.User, Source: e.Source, Time: e.Time})
	}
	// Rows later batches wrote that their audit rows do not name.
	var theirs []model.ImportUndo
	if err := findIn(tx.Where("batch_id > ?", b.ID), "project_id", sortedIDs(projectSet), &theirs); err != nil {
		return nil, err
	}
	batches := map[uint]model.ImportBatch{}
	for _, u := range theirs {
		if skip[batchSource(u.BatchID)] || audited[fmt.Sprintf("%s\x00%d\x00%s", batchSource(u.BatchID), u.ProjectID, u.Entity)] || !(newP[u.ProjectID] || rows[undoKey{u.Table, u.RowID}] || mine[undoKey{u.Entity, u.EntityID}]) {
			continue
		}
		lb, ok := batches[u.BatchID]
		if !ok {
			if err := tx.Take(&lb, u.BatchID).Error; err != nil {
				return nil, err
			}
			batches[u.BatchID] = lb
		}
		add(model.RevertConflict{ProjectID: u.ProjectID, Entity: u.Entity, Batch: u.BatchID, User: lb.User, Source: batchSource(u.BatchID), Time: lb.CreatedAt})
	}
	// Photos added to the reports it created, which deleting them would
	// take along.
	var reports []uint
	for _, u := range undo {
		if u.Table == "progress_reports" && u.Before == "" {
			reports = append(reports, u.RowID)
		}
	}
	var photos []model.Photo
	if err := findIn(tx.Select("id", "project_id", "created_by", "created_at"), "progress_report_id", reports, &photos); err != nil {
		return nil, err
	}
	for _, ph := range photos {
		if newP[ph.ProjectID] {
			continue // listed by its audit row
		}
		add(model.RevertConflict{ProjectID: ph.ProjectID, Entity: "photo", User: ph.CreatedBy, Source: "photo", Time: ph.CreatedAt})
	}
	return out, nameConflicts(tx, out)
}

// nameConflicts fills in the code and name of each conflict's project.
func nameConflicts(tx *gorm.DB, out []model.RevertConflict) error {
	ids := map[uint]bool{}
	for _, c := range out {
		ids[c.ProjectID] = true
	}
	var ps []model.Project
	if err := findIn(tx.Select("id", "code", "name"), "id", sortedIDs(ids), &ps); err != nil {
		return err
	}
	by := map[uint]model.Project{}
	for _, p := range ps {
		by[p.ID] = p
	}
	for i := range out {
		p := by[out[i].ProjectID]
		out[i].ProjectCode, out[i].ProjectName = p.Code, p.Name
	}
	return nil
}

// batchOf is the import batch of audit source src, 0 for none.
func batchOf(src string) uint {
	var id uint
	if n, _ := fmt.Sscanf(src, "import#%d", &id); n == 1 && strings.HasPrefix(src, "import#") {
		return id
	}
	return 0
}

// auditRevert writes the audit rows of reverting batch b: each of its
// changes the other way, and the deletion of each project it created.
func auditRevert(tx *gorm.DB, b model.ImportBatch, created []model.Project, actor model.Actor, now time.Time) error {
	var rows []model.AuditEntry
	note := fmt.Sprintf("撤销导入批次 #%d", b.ID)
	a := model.Actor{User: actor.User, Source: batchSource(b.ID)}
	err := tx.Where("source = ? AND id > ?", batchSource(b.ID), b.AuditFrom).Order("id").
		FindInBatches(&[]model.AuditEntry{}, batchSize, func(q *gorm.DB, _ int) error {
			for _, e := range *(q.Statement.Dest.(*[]model.AuditEntry)) {
				rows = auditRows(rows, now, a, e.ProjectID, e.Entity, e.EntityID, "revert", note, Change{Field: e.Field, Old: e.New, New: e.Old})
			}
			return nil
		}).Error
	if err != nil {
		return err
	}
	for _, p := range created {
		rows = auditRows(rows, now, a, p.ID, "project", p.ID, "revert", note+"：删除该批次新建的项目", Change{Field: "code", Old: p.Code}, Change{Field: "name", Old: p.Name})
	}
	return insertAll(tx.Statement.Context, tx, now, rows)
}

// ImportBatchDetail returns import batch id with its audited changes, at
// most limit of them in the order made, and the projects it created.
func (s *DB) ImportBatchDetail(ctx context.Context, id uint, limit int) (model.BatchDetail, error) {
	const op = "store.ImportBatchDetail"
	var d model.BatchDetail
	db := s.reader(ctx)
	if err := db.Take(&d.Batch, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return d, model.Errorf(model.ENotFound, op, "导入批次 #%d 不存在", id)
	} else if err != nil {
		return d, model.Wrap(op, err)
	}
	scope := db.Model(&model.AuditEntry{}).Where("source = ? AND id > ? AND action <> ?", batchSource(id), d.Batch.AuditFrom, "revert")
	var total int64
	if err := scope.Count(&total).Error; err != nil {
		return d, model.Wrap(op, err)
	}
	d.ChangesTotal = int(total)
	var es []model.AuditEntry
	if err := scope.Order("id").Limit(limit).Find(&es).Error; err != nil {
		return d, model.Wrap(op, err)
	}
	ids := map[uint]bool{}
	for _, e := range es {
		ids[e.ProjectID] = true
	}
	var ps []model.Project
	if err := findIn(db.Select("id", "code", "name"), "id", sortedIDs(ids), &ps); err != nil {
		return d, model.Wrap(op, err)
	}
	by := map[uint]model.Project{}
	for _, p := range ps {
		by[p.ID] = p
	}
	d.Changes = make([]model.BatchChange, len(es))
	for i, e := range es {
		d.Changes[i] = model.BatchChange{ProjectCode: by[e.ProjectID].Code, ProjectName: by[e.ProjectID].Name,
			Entity: e.Entity, Action: e.Action, Field: e.Field, Old: e.Old, New: e.New}
	}
	err := db.Select("id", "code", "name").Where("created_batch = ?", id).Order("id").Limit(limit).Find(&d.Created).Error
	return d, model.Wrap(op, err)
}
