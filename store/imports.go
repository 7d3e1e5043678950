package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Chunks is the source that yields sets in order.
func Chunks(sets ...*model.ImportSet) model.ImportSource {
	return func() (*model.ImportSet, error) {
		for len(sets) > 0 {
			set := sets[0]
			sets = sets[1:]
			if set != nil {
				return set, nil
			}
		}
		return nil, nil
	}
}

// analyzeAfter is how many created or updated rows make ApplyImport
// refresh PostgreSQL's planner statistics (see DB.analyze).
const analyzeAfter = 1000

// importTables are the tables an import writes.
var importTables = []string{"projects", "milestones", "progress_reports", "project_states", "disbursements", "budget_lines", "audit_entries"}

// batchSize is how many rows one INSERT or one IN list carries: well
// under SQLite's and PostgreSQL's limits on bound parameters.
const batchSize = 1000

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

// ApplyImport writes set in one transaction; see ApplyImportStream.
func (s *DB) ApplyImport(ctx context.Context, set *model.ImportSet, opt model.ApplyOptions) (model.ImportResult, error) {
	return s.ApplyImportStream(ctx, Chunks(set), opt)
}

// ApplyImportStream writes the chunks next yields in one transaction,
// each as it comes, so that an import of any size holds one chunk in
// memory (and, to tell a repeated row from a changed one, the ids of the
// rows it has written). It counts what it created, updated and left
// unchanged. Problems only the database can see (an unknown project, a
// row repeating another of the same import, a conflicting date or
// voucher) are returned in Errors; then nothing is written. A dry run
// does all the work and rolls it back. Every change is audited with the
// import batch as its source.
//
// A row naming a project that is not stored yet is held until the end,
// when the plan rows of every chunk are stored.
func (s *DB) ApplyImportStream(ctx context.Context, next model.ImportSource, opt model.ApplyOptions) (model.ImportResult, error) {
	var res model.ImportResult
	err := s.tx(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		batch := model.ImportBatch{Kind: opt.Kind, Files: strings.Join(opt.Files, "\n"), User: opt.Actor.User, CreatedAt: now, Undoable: true}
		if err := tx.Model(&model.AuditEntry{}).Select("COALESCE(MAX(id), 0)").Scan(&batch.AuditFrom).Error; err != nil {
			return err
		}
		if err := tx.Create(&batch).Error; err != nil {
			return err
		}
		a := newApplier(withPrepared(ctx, tx), now, opt.Actor)
		a.today, a.zone = s.DateOf(now), s.Zone
		if opt.DryRun {
			a.preview = &model.ImportPreview{Changes: []model.ImportChange{}, NewProjects: []model.NewProject{}, Similar: []model.SimilarRow{}}
		}
		a.as = opt.As
		a.decisions, a.decided = opt.Decisions, map[string]bool{}
		a.batch = batch.ID
		a.actor.Source = batchSource(batch.ID)
		analyzed := analyzeAfter
		for {
			set, err := next()
			if err != nil {
				return err
			}
			if set == nil {
				break
			}
			if err := a.applyChunk(set, false); err != nil {
				return err
			}
			if n := a.res.Created + a.res.Updated; n >= analyzed {
				// The lookups of the next chunks are planned on the rows
				// this import has written: without their statistics the
				// planner takes a 1,000-key IN list for most of a table
				// and scans it, seconds a query, so that a 100,000-row
				// import into an empty database ran for many minutes.
				// Once the statistics say a key column is (nearly) unique,
				// its estimates grow with the table: the next refresh can
				// wait until it is many times larger.
				if err := s.analyze(tx, importTables...); err != nil {
					return err
				}
				analyzed = 16 * n
			}
		}
		held := a.held
		a.held = model.ImportSet{}
		if err := a.applyChunk(&held, true); err != nil {
			return err
		}
		a.undecided()
		res = a.res
		res.Digest = a.digest.text(res)
		if a.preview != nil {
			sortPreview(a.preview, opt.Files)
			res.ImportPreview = a.preview
		}
		if len(res.Errors) > 0 || opt.DryRun {
			return errRollback
		}
		if opt.Expect != "" && opt.Expect != res.Digest {
			return model.E(model.EConflict, "store.ApplyImport", "自预览以来数据已有变化，导入结果与预览不同，未写入任何数据；请重新预览核对后再确认导入")
		}
		if batch.Kind == "" {
			batch.Kind = a.kind()
		}
		batch.Created, batch.Updated, batch.Unchanged, batch.ByKind = res.Created, res.Updated, res.Unchanged, res.ByKind
		return tx.Model(&batch).Select("kind", "created", "updated", "unchanged", "by_kind").Updates(&batch).Error
	})
	res.Applied = err == nil
	switch {
	case errors.Is(err, errRollback):
		err = nil
	case err == nil && res.Created+res.Updated >= analyzeAfter:
		// Statistics only steer the planner, and autovacuum refreshes
		// them later anyway: the import stands even if this fails.
		_ = s.tx(ctx, func(tx *gorm.DB) error { return s.analyze(tx, importTables...) })
	}
	return res, model.Wrap("store.ApplyImport", err)
}

// batchSource is the audit source of the changes of import batch id.
func batchSource(id uint) string { return fmt.Sprintf("import#%d", id) }

// applier is the state of one ApplyImportStream transaction. Only the
// claims and the held rows outlive a chunk.
type applier struct {
	tx    *gorm.DB
	now   time.Time
	today model.Date // the county date of now: what the import enters is known on it
	zone  *time.Location
	actor model.Actor
	batch uint        // the import batch
	as    *model.User // whom the import is for, if limited
	res   model.ImportResult
	kinds map[string]bool // kinds of rows seen

	log        []model.AuditEntry          // this chunk's, written at its end
	milestones map[uint][]*model.Milestone // by project, as loaded and changed in this chunk
	facts      factLog                     // of the chunk's milestones that progress rows name

	// Rows this import has written or matched, by table and id.
	projects, indicators, reports, payments, funds, budgets claims
	sources                                                 []string // "file\x00sheet" of the claims
	sourceIDs                                               map[string]uint32
	bySite                                                  map[string]bool // nameGroup of names told apart by site

	held model.ImportSet // rows naming a project not stored yet
	// firstCreated is the id of the first project this import created (0
	// before it creates one). Ids are given in order, so that on SQLite,
	// whose import holds the write lock, this id and every later one are
	// its own; on PostgreSQL a later one may be another import's, which
	// commits while this one runs (and was a candidate of loadSimilar
	// only if it committed before the chunk was read: a race either way).
	firstCreated uint

	// What reverting the batch needs (see keepRow): this chunk's, written
	// at its end, and the rows noted so far.
	undo []model.ImportUndo
	kept map[undoKey]bool
	// this chunk's milestones and updated projects as read, before any
	// change
	loaded map[uint]*model.Milestone
	stored map[uint]*model.Project

	named map[uint]*model.Project // this chunk's projects, to list their changes
	// this chunk's model.MatchKey of each name and township, which
	// matching a plan row asks for four or five times
	matchKeys map[[2]string]string
	// decisions on rows resembling stored projects, and the rows they
	// were used for
	decisions model.MatchDecisions
	decided   map[string]bool
	digest    digest
	preview   *model.ImportPreview // in a dry run

	funding *sources // the register of funding sources, once read
}

// fundingSources reads the register of funding sources once per import.
func (a *applier) fundingSources() (*sources, error) {
	if a.funding == nil {
		var err error
		if a.funding, err = loadSources(a.tx); err != nil {
			return nil, err
		}
	}
	return a.funding, nil
}

func newApplier(tx *gorm.DB, now time.Time, actor model.Actor) *applier {
	return &applier{
		tx: tx, now: now, actor: actor,
		res:      model.ImportResult{Errors: []model.Finding{}, Warnings: []model.Finding{}},
		kinds:    map[string]bool{},
		projects: claims{}, indicators: claims{}, reports: claims{}, payments: claims{}, funds: claims{}, budgets: claims{},
		sourceIDs: map[string]uint32{}, bySite: map[string]bool{}, kept: map[undoKey]bool{},
	}
}

// applyChunk applies one chunk: its plan rows first, so that its other
// rows may name them. Until final, rows naming a project that is not
// stored are held; when final, they are errors.
func (a *applier) applyChunk(set *model.ImportSet, final bool) error {
	if a.as != nil {
		if err := model.MayImport(*a.as, set); err != nil {
			return err
		}
	}
	a.milestones = map[uint][]*model.Milestone{}
	a.loaded, a.stored = map[uint]*model.Milestone{}, map[uint]*model.Project{}
	a.facts = factLog{}
	a.named = map[uint]*model.Project{}
	a.matchKeys = map[[2]string]string{}
	if err := a.applyPlans(set.Plans); err != nil {
		return err
	}
	if err := a.applyIndicators(set.Indicators); err != nil {
		return err
	}
	if len(set.Progress)+len(set.Payments)+len(set.Funds)+len(set.Budgets) > 0 {
		r, err := a.loadResolver(set)
		if err != nil {
			return err
		}
		if err := a.applyProgress(set.Progress, r, final); err != nil {
			return err
		}
		if err := a.applyPayments(set.Payments, r, final); err != nil {
			return err
		}
		if err := a.applyFunds(set.Funds, r, final); err != nil {
			return err
		}
		if err := a.applyBudgets(set.Budgets, r, final); err != nil {
			return err
		}
	}
	if err := create(a, a.undo); err != nil {
		return err
	}
	a.undo = a.undo[:0]
	err := create(a, a.log)
	a.log = a.log[:0]
	return err
}

// matchKey is model.MatchKey(name, township), computed once a chunk.
func (a *applier) matchKey(name, township string) string {
	k := [2]string{name, township}
	m, ok := a.matchKeys[k]
	if !ok {
		m = model.MatchKey(name, township)
		a.matchKeys[k] = m
	}
	return m
}

// invalid records err, if any, as an error at row ref.
func (a *applier) invalid(ref model.Ref, err error) {
	if err != nil {
		a.fail(ref, "", "%s", model.Message(err))
	}
}

// kind names what the import held: one kind of table, or mixed.
func (a *applier) kind() string {
	switch len(a.kinds) {
	case 0:
		return "plan"
	case 1:
		for k := range a.kinds {
			return k
		}
	}
	return "mixed"
}

// fail records an error at row ref, column col.
func (a *applier) fail(ref model.Ref, col, format string, args ...any) {
	a.res.Errors = append(a.res.Errors, ref.At(col, fmt.Sprintf(format, args...)))
}

// warn records a warning at row ref, column col.
func (a *applier) warn(ref model.Ref, col, format string, args ...any) {
	a.res.Warnings = append(a.res.Warnings, ref.At(col, fmt.Sprintf(format, args...)))
}

// create inserts rows in a's transaction, setting their ids.
func create[T any](a *applier, rows []T) error {
	return insertAll(a.tx.Statement.Context, a.tx, a.now, rows)
}

// record queues audit rows for one entity of project projectID (0 for
// none), changed by the row at, and notes them in the preview.
func (a *applier) record(at origin, projectID uint, entity string, entityID uint, action, note string, changes ...Change) {
	a.log = auditRows(a.log, a.now, a.actor, projectID, entity, entityID, action, note, changes...)
	a.noteChanges(at, projectID, action, changes)
}

// claim is the sheet row that wrote or matched a stored row in this
// import, in 64 bits (the claims are what a large import holds most
// of): the row number (low 32 bits), the index of its file and sheet in
// applier.sources (30 bits) and two flags.
type claim uint64

const (
	claimByName  claim = 1 << 62 // a plan row without a code
	claimCreated claim = 1 << 63 // the row created the project
)

func (c claim) row() int       { return int(uint32(c)) }
func (c claim) source() uint32 { return uint32(c>>32) & (1<<30 - 1) }
func (c claim) byName() bool   { return c&claimByName != 0 }
func (c claim) created() bool  { return c&claimCreated != 0 }

// claims are the claimed rows of one table, by id.
type claims map[uint]claim

// claim returns the claim of the row at ref.
func (a *applier) claim(ref model.Ref, byName bool) claim {
	key := ref.File + "\x00" + ref.Sheet
	id, ok := a.sourceIDs[key]
	if !ok {
		id = uint32(len(a.sources))
		a.sources = append(a.sources, key)
		a.sourceIDs[key] = id
	}
	c := claim(id)<<32 | claim(uint32(ref.Row))
	if byName {
		c |= claimByName
	}
	return c
}

// ref returns where c was made, in the column of ref (a row of the same
// import).
func (a *applier) ref(c claim, col string) model.Ref {
	file, sheet, _ := strings.Cut(a.sources[c.source()], "\x00")
	return model.Ref{File: file, Sheet: sheet, Row: c.row(), ProjectColumn: col}
}

// seeAlso names the row of c for a message about a row at ref: by sheet
// and row, and by file when it is another file.
func (a *applier) seeAlso(c claim, ref model.Ref) string {
	prev := a.ref(c, "")
	if prev.File != ref.File {
		return fmt.Sprintf("另见文件“%s”工作表“%s”第%d行", prev.File, prev.Sheet, prev.Row)
	}
	return fmt.Sprintf("另见“%s”第%d行", prev.Sheet, prev.Row)
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

// findIn loads the rows of dest's table (within scope's conditions)
// whose column is in values, in batches, appending to dest.
func findIn[T any, V any](scope *gorm.DB, column string, values []V, dest *[]T) error {
	scope = scope.Session(&gorm.Session{})
	return inBatches(values, func(vs []V) error {
		var page []T
		if err := scope.Where(column+" IN ?", vs).Order("id").Find(&page).Error; err != nil {
			return err
		}
		*dest = append(*dest, page...)
		return nil
	})
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

// ImportBatches lists the import batches applied, newest first.
func (s *DB) ImportBatches(ctx context.Context) ([]model.ImportBatch, error) {
	bs := []model.ImportBatch{}
	err := s.reader(ctx).Order("id DESC").Find(&bs).Error
	return bs, model.Wrap("store.ImportBatches", err)
}
