package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

// Plan rows: projects and their baseline milestones.

// projectField is one imported field of a project: its audit name, the
// columns it is stored in, its value as a user reads it ("" when
// unknown), and, for a field a row may leave empty, how to keep the
// stored value instead. Two values are equal exactly when their texts are.
type projectField struct {
	name    string
	columns []string
	text    func(p *model.Project) string
	keep    func(p, stored *model.Project) // nil: always given
}

func projectFields() []projectField {
	return []projectField{
		{"code", []string{"code"}, func(p *model.Project) string { return p.Code }, nil},
		{"name", []string{"name", "name_key", "match_key"}, func(p *model.Project) string { return p.Name }, nil},
		{"annex", []string{"annex"}, func(p *model.Project) string { return strconv.Itoa(p.Annex) }, nil},
		{"category", []string{"category"}, func(p *model.Project) string { return p.Category }, func(p, o *model.Project) { p.Category = o.Category }},
		{"site", []string{"site"}, func(p *model.Project) string { return p.Site }, func(p, o *model.Project) { p.Site = o.Site }},
		{"township", []string{"township", "match_key"}, func(p *model.Project) string { return p.Township }, func(p, o *model.Project) { p.Township = o.Township }},
		{"responsible_unit", []string{"responsible_unit"}, func(p *model.Project) string { return p.ResponsibleUnit }, func(p, o *model.Project) { p.ResponsibleUnit = o.ResponsibleUnit }},
		{"content", []string{"content"}, func(p *model.Project) string { return p.Content }, func(p, o *model.Project) { p.Content = o.Content }},
		{"planned_start", []string{"planned_start_date", "planned_start_prec"}, func(p *model.Project) string { return p.PlannedStart.String() }, func(p, o *model.Project) { p.PlannedStart = o.PlannedStart }},
		{"planned_finish", []string{"planned_finish_date", "planned_finish_prec"}, func(p *model.Project) string { return p.PlannedFinish.String() }, func(p, o *model.Project) { p.PlannedFinish = o.PlannedFinish }},
		{"investment_wan", []string{"investment"}, func(p *model.Project) string { return moneyText(p.Investment) }, func(p, o *model.Project) { p.Investment = o.Investment }},
		{"floor_area_m2", []string{"floor_area"}, func(p *model.Project) string { return decimalText(p.FloorArea) }, func(p, o *model.Project) { p.FloorArea = o.FloorArea }},
		{"land_mu", []string{"land"}, func(p *model.Project) string { return decimalText(p.Land) }, func(p, o *model.Project) { p.Land = o.Land }},
		{"beds", []string{"beds"}, func(p *model.Project) string { return intText(p.Beds) }, func(p, o *model.Project) { p.Beds = o.Beds }},
		{"qualifiers", []string{"qualifiers"}, func(p *model.Project) string { return p.Qualifiers }, nil},
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
	byCode  map[string]*model.Project
	byName  map[string][]*model.Project // by annexName of the name key
	byMatch map[string][]*model.Project // by annexName of the match key
	// similar are the stored projects the chunk's unmatched rows may
	// resemble (same annex and township or site).
	similar []*model.Project
}

func annexName(annex int, key string) string { return strconv.Itoa(annex) + "|" + key }

func (x *projectIndex) add(p *model.Project) {
	if p.Code != "" {
		x.byCode[p.Code] = p
	}
	k := annexName(p.Annex, p.NameKey)
	x.byName[k] = append(x.byName[k], p)
	if p.MatchKey != "" {
		k = annexName(p.Annex, p.MatchKey)
		x.byMatch[k] = append(x.byMatch[k], p)
	}
}

// rename files p, found under name key from, under key to.
func (x *projectIndex) rename(p *model.Project, from, to string) {
	k := annexName(p.Annex, from)
	named := x.byName[k]
	for i, e := range named {
		if e == p {
			x.byName[k] = append(named[:i:i], named[i+1:]...)
			break
		}
	}
	k = annexName(p.Annex, to)
	x.byName[k] = append(x.byName[k], p)
}

// siteName is the name of a project whose sheet lists its name for
// several sites: "敬老院改扩建（官舟镇）".
func siteName(name, site string) string {
	return fmt.Sprintf("%s（%s）", strings.TrimSpace(name), strings.TrimSpace(site))
}

// planKeys are the normalised names of a plan row: as typed, and with
// its site ("" when it has none).
type planKeys struct{ name, bySite string }

// keysOf returns the planKeys of each row.
func keysOf(rows []model.PlanRow) []planKeys {
	keys := make([]planKeys, len(rows))
	for i, r := range rows {
		keys[i].name = model.NormalizeName(r.Project.Name)
		if strings.TrimSpace(r.Project.Site) != "" {
			keys[i].bySite = model.NormalizeName(siteName(r.Project.Name, r.Project.Site))
		}
	}
	return keys
}

// loadPlanIndex loads the stored projects that rows may name: by code, by
// name, or by name and site.
func (a *applier) loadPlanIndex(rows []model.PlanRow, keys []planKeys) (*projectIndex, error) {
	var names, codes []string
	for i, r := range rows {
		names = append(names, keys[i].name)
		if keys[i].bySite != "" {
			names = append(names, keys[i].bySite)
		}
		if c := strings.TrimSpace(r.Project.Code); c != "" {
			codes = append(codes, c)
		}
	}
	var matches []string
	for i, r := range rows {
		matches = append(matches, a.matchKey(r.Project.Name, rowTownship(&rows[i])))
		if code, ok := a.decisions.Match[r.RowName()]; ok {
			codes = append(codes, code)
		}
	}
	var ps []model.Project
	if err := findIn(a.tx, "name_key", distinct(names), &ps); err != nil {
		return nil, err
	}
	if err := findIn(a.tx, "code", distinct(codes), &ps); err != nil {
		return nil, err
	}
	if err := findIn(a.tx, "match_key", distinct(matches), &ps); err != nil {
		return nil, err
	}
	x := &projectIndex{byCode: make(map[string]*model.Project, len(ps)), byName: make(map[string][]*model.Project, len(ps)), byMatch: map[string][]*model.Project{}}
	for i := range ps {
		if x.byCode[ps[i].Code] == nil {
			x.add(&ps[i])
		}
	}
	return x, a.loadSimilar(x, rows, keys)
}

// rowTownship is the township of a plan row: its own, or its site's.
func rowTownship(r *model.PlanRow) string {
	if r.Project.Township != "" {
		return r.Project.Township
	}
	return model.TownshipOf(r.Project.Site)
}

// loadSimilar loads into x the stored projects that the rows without a
// code that x does not match may resemble: of their annex, and of their
// township (or none) or their site, and not created by this import
// (which are no candidates, see identify). Those are the projects whose
// id is below the first this import created (a.firstCreated), a range of
// the annex or township index: with "created_batch <> ?" instead, each
// chunk read all that the chunks before it created, which filled the
// annex and township it read. Rows that match load nothing, so that
// re-importing a large sheet costs no more than before.
func (a *applier) loadSimilar(x *projectIndex, rows []model.PlanRow, keys []planKeys) error {
	var annexes []int
	var townships, sites []string
	for i := range rows {
		r := &rows[i]
		if strings.TrimSpace(r.Project.Code) != "" || len(x.byName[annexName(r.Project.Annex, keys[i].name)]) > 0 ||
			len(x.byName[annexName(r.Project.Annex, keys[i].bySite)]) > 0 ||
			len(x.byMatch[annexName(r.Project.Annex, a.matchKey(r.Project.Name, rowTownship(r)))]) > 0 {
			continue
		}
		annexes = append(annexes, r.Project.Annex)
		townships = append(townships, rowTownship(r))
		if site := strings.TrimSpace(r.Project.Site); site != "" {
			sites = append(sites, site)
		}
	}
	if len(annexes) == 0 {
		return nil
	}
	var ps []model.Project
	scope := a.tx.Where("annex IN ?", distinct(annexes))
	if a.firstCreated != 0 {
		scope = scope.Where("id < ?", a.firstCreated)
	}
	if err := findIn(scope, "township", distinct(townships), &ps); err != nil {
		return err
	}
	if err := findIn(scope, "site", distinct(sites), &ps); err != nil {
		return err
	}
	seen := map[uint]bool{}
	for i := range ps {
		p := &ps[i]
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		if e := x.byCode[p.Code]; e != nil {
			p = e // the one the index holds, which the chunk may claim
		}
		x.similar = append(x.similar, p)
	}
	return nil
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

// planItem is a plan row on its way to the database.
type planItem struct {
	row     *model.PlanRow
	p       *model.Project // the values to store
	old     *model.Project // nil for a new project
	claim   claim
	changed bool
}

// planChunk is the state of matching one chunk's plan rows.
type planChunk struct {
	x       *projectIndex
	items   []planItem
	inChunk map[*model.Project]int // the index's projects this chunk claims, to their item
}

// claimOf returns the claim on p by this import, if any.
func (a *applier) claimOf(c *planChunk, p *model.Project) (claim, bool) {
	if i, ok := c.inChunk[p]; ok {
		return c.items[i].claim, true
	}
	cl, ok := a.projects[p.ID]
	return cl, ok && p.ID != 0
}

func (a *applier) applyPlans(rows []model.PlanRow) error {
	if len(rows) == 0 {
		return nil
	}
	a.kinds["plan"] = true
	keys := keysOf(rows)
	x, err := a.loadPlanIndex(rows, keys)
	if err != nil {
		return err
	}
	c := &planChunk{x: x, inChunk: map[*model.Project]int{}}
	for i := range rows {
		if err := a.planItem(c, &rows[i], keys[i]); err != nil {
			return err
		}
	}
	items := c.items
	if err := a.assignCodes(x, items); err != nil {
		return err
	}

	var created []*model.Project
	var existing []uint
	for _, it := range items {
		if it.old == nil {
			it.p.MatchKey = a.matchKey(it.p.Name, it.p.Township) // its name may have taken its site
			created = append(created, it.p)
		} else {
			existing = append(existing, it.old.ID)
		}
	}
	if err := create(a, created); err != nil {
		return err
	}
	for _, p := range created {
		if a.firstCreated == 0 || p.ID < a.firstCreated {
			a.firstCreated = p.ID
		}
	}
	if err := a.loadMilestones(existing); err != nil {
		return err
	}
	var stored []model.Project // as they are, for keepRow
	if err := findIn(a.tx, "id", existing, &stored); err != nil {
		return err
	}
	for i := range stored {
		a.stored[stored[i].ID] = &stored[i]
	}
	fields := projectFields()
	var newMilestones, added []*model.Milestone // of new projects; added to existing ones
	addedBy := map[*model.Milestone]*planItem{}
	var replans []replan
	for i := range items {
		it := &items[i]
		a.projects[it.p.ID] = it.claim
		a.name(it.p)
		if it.old == nil {
			a.noteCreated(it.p, it.row.Ref)
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
		for _, m := range add {
			addedBy[m] = it
		}
		added = append(added, add...)
		replans = append(replans, re...)
	}
	if err := create(a, append(newMilestones, added...)); err != nil {
		return err
	}
	if err := createdMilestones(a, added); err != nil {
		return err
	}
	for _, m := range added {
		a.recordMilestoneCreated(planMilestoneAt(addedBy[m], m), m)
	}
	if err := a.noteReplans(replans); err != nil {
		return err
	}
	ids := make([]uint, len(items))
	for i, it := range items {
		a.res.Count("project", it.old == nil, it.changed)
		ids[i] = it.p.ID
	}
	// The projects' earliest open due dates change with their baselines.
	return refreshStates(a.tx, ids)
}

// planItem validates and matches one plan row, reporting a bad,
// ambiguous or repeated row. A new project joins the index at once, so
// that a later row naming it is caught as a repeat.
//
// A sheet may list one name for several sites ("敬老院改扩建" once for
// each township) without codes: each such project is named
// "名称（建设地点）", so that it keeps its own identity on every
// re-import, and a warning says so, since the stored name is not the one
// typed. The first row of such a name is only known to be one of several
// when the second comes, so its project is renamed then.
func (a *applier) planItem(c *planChunk, r *model.PlanRow, k planKeys) error {
	p := r.Project
	p.Name = strings.TrimSpace(p.Name)
	p.Code = strings.TrimSpace(p.Code)
	p.NameKey = k.name
	if p.Township == "" {
		p.Township = model.TownshipOf(p.Site)
	}
	p.SourceFile, p.SourceSheet, p.SourceRow = r.File, r.Sheet, r.Row
	if err := p.Validate(); err != nil {
		a.invalid(r.Ref, err)
		return nil
	}
	typed, group := p.Name, a.nameGroup(r.Ref, p.Annex, p.NameKey)
	bySite := func() {
		p.Name, p.NameKey = siteName(typed, p.Site), k.bySite
	}
	if p.Code == "" && k.bySite != "" && a.bySite[group] {
		bySite()
	}
	old, ambiguous := c.x.match(&p)
	if old == nil && ambiguous == nil && p.Code == "" && k.bySite != "" && p.Name == typed {
		// Stored by site by an earlier import of the same sheet.
		alt := p
		alt.Name, alt.NameKey = siteName(typed, p.Site), k.bySite
		if o, _ := c.x.match(&alt); o != nil {
			p, old = alt, o
		}
	}
	if old != nil && ambiguous == nil {
		if prev, dup := a.claimOf(c, old); dup && p.Name == typed && k.bySite != "" && a.splits(prev, r, &p, old) {
			if err := a.renameBySite(c, old, prev, r.ProjectColumn); err != nil {
				return err
			}
			a.bySite[group] = true
			bySite()
			old, ambiguous = c.x.match(&p)
		}
	}
	if old == nil && ambiguous == nil && p.Code == "" {
		var stop bool
		if old, ambiguous, stop = a.identify(c, r, &p); stop {
			return nil
		}
		if old != nil {
			typed = p.Name // the stored name, kept
		}
	}
	if ambiguous != nil {
		a.fail(r.Ref, r.ProjectColumn, "项目名称“%s”对应多个已有项目（%s），请在表中填写项目编码", p.Name, codesOf(ambiguous))
		return nil
	}
	if old != nil {
		if prev, dup := a.claimOf(c, old); dup {
			a.fail(r.Ref, r.ProjectColumn, "项目“%s”在本次导入中重复出现（%s）", p.Name, a.seeAlso(prev, r.Ref))
			return nil
		}
	}
	if p.Name != typed {
		a.warn(r.Ref, r.ProjectColumn, "项目名称“%s”按建设地点区分，记为“%s”", typed, p.Name)
	}
	p.MatchKey = a.matchKey(p.Name, p.Township)
	it := planItem{row: r, p: &p, old: old, claim: a.claim(r.Ref, r.Project.Code == "")}
	if old == nil {
		it.claim |= claimCreated
		// Its creation is recorded by the batch (see DB.ProjectAudit):
		// an audit row for each project was a tenth of a large import.
		p.CreatedBatch = a.batch
		p.CreatedAt, p.UpdatedAt = a.now, a.now
		c.x.add(&p)
		old = &p
	} else {
		if p.Code == "" {
			p.Code = old.Code
		}
		p.ID, p.CreatedAt, p.UpdatedAt = old.ID, old.CreatedAt, a.now
	}
	c.inChunk[old] = len(c.items)
	c.items = append(c.items, it)
	return nil
}

// nameGroup is the key of the rows of one sheet that share a name.
func (a *applier) nameGroup(ref model.Ref, annex int, nameKey string) string {
	return fmt.Sprintf("%s\x00%s\x00%d\x00%s", ref.File, ref.Sheet, annex, nameKey)
}

// splits reports whether row r without a code, naming project old that
// an earlier row of the same sheet (claimed by prev, also without a code)
// wrote or matched, is the same name at another site.
func (a *applier) splits(prev claim, r *model.PlanRow, p, old *model.Project) bool {
	return p.Code == "" && prev.byName() && a.sources[prev.source()] == r.File+"\x00"+r.Sheet &&
		p.Site != "" && old.Site != "" && model.NormalizeName(old.Site) != model.NormalizeName(p.Site)
}

// renameBySite renames project old, claimed by an earlier row of this
// import, by its site: in this chunk's item when the row is in the chunk,
// else in the database.
func (a *applier) renameBySite(c *planChunk, old *model.Project, prev claim, col string) error {
	from, typed := old.NameKey, old.Name
	name := siteName(typed, old.Site)
	key := model.NormalizeName(name)
	c.x.rename(old, from, key)
	a.warn(a.ref(prev, col), col, "项目名称“%s”按建设地点区分，记为“%s”", typed, name)
	if i, ok := c.inChunk[old]; ok {
		it := &c.items[i]
		it.p.Name, it.p.NameKey = name, key
		return nil
	}
	changes := []Change{{Field: "name", Old: typed, New: name}}
	upd := model.Project{Name: name, NameKey: key, Code: old.Code, UpdatedAt: a.now}
	if gen := model.GenerateCode(old.Annex, name); prev.created() && old.Code == model.GenerateCode(old.Annex, typed) {
		// Created by this import under the name typed: its code follows
		// its name, as it would have had the sheet been read whole.
		var taken int64
		if err := a.tx.Model(&model.Project{}).Where("code = ?", gen).Count(&taken).Error; err != nil {
			return err
		}
		if taken == 0 {
			changes = append(changes, Change{Field: "code", Old: old.Code, New: gen})
			upd.Code = gen
		}
	}
	upd.MatchKey = a.matchKey(name, old.Township)
	if err := keepRow[model.Project](a, nil, old.ID, old.ID, "project", old.ID); err != nil {
		return err
	}
	renamed := *old
	renamed.Name, renamed.NameKey, renamed.MatchKey, renamed.Code = upd.Name, upd.NameKey, upd.MatchKey, upd.Code
	if err := a.keepPlan(old, &renamed); err != nil {
		return err
	}
	if err := a.tx.Model(old).Select("name", "name_key", "match_key", "code", "updated_at").Updates(&upd).Error; err != nil {
		return err
	}
	delete(c.x.byCode, old.Code)
	old.Name, old.NameKey, old.Code = name, key, upd.Code
	c.x.byCode[old.Code] = old
	a.name(old)
	ref := a.ref(prev, col)
	a.record(origin{ref: ref, cols: map[string]string{"name": col, "code": col}}, old.ID, "project", old.ID, "update", "", changes...)
	return nil
}

// assignCodes gives each new project without one its generated code, or
// that code with a suffix when another project already holds it (a
// generated code's hash can collide).
func (a *applier) assignCodes(x *projectIndex, items []planItem) error {
	var wanted []string
	for _, it := range items {
		if it.old == nil && it.p.Code == "" {
			it.p.Code = model.CodeOfKey(it.p.Annex, it.p.NameKey)
			wanted = append(wanted, it.p.Code)
		}
	}
	var holders []model.Project
	if err := findIn(a.tx, "code", distinct(wanted), &holders); err != nil {
		return err
	}
	for i := range holders {
		x.byCode[holders[i].Code] = &holders[i]
	}
	for _, it := range items {
		if it.old != nil || x.byCode[it.p.Code] == it.p {
			continue
		}
		code := it.p.Code
		for n := 2; x.byCode[it.p.Code] != nil; n++ {
			it.p.Code = fmt.Sprintf("%s-%d", code, n)
			var taken int64
			if err := a.tx.Model(&model.Project{}).Where("code = ?", it.p.Code).Count(&taken).Error; err != nil {
				return err
			}
			if taken > 0 {
				x.byCode[it.p.Code] = &model.Project{Code: it.p.Code}
			}
		}
		x.byCode[it.p.Code] = it.p
	}
	return nil
}

func codesOf(ps []*model.Project) string {
	codes := make([]string, len(ps))
	for i, p := range ps {
		codes[i] = p.Code
	}
	return strings.Join(codes, "、")
}

// updateProject writes the fields of it.p that differ from it.old, with
// one audit row per field; an identical row is not written at all. A
// field the row leaves empty keeps its stored value unless the row
// clears it (model.ClearMarker).
func (a *applier) updateProject(it *planItem, fields []projectField) error {
	var changes []Change
	var columns []string
	for _, f := range fields {
		if f.keep != nil && f.text(it.p) == "" && !slices.Contains(it.row.Cleared, f.name) {
			f.keep(it.p, it.old) // not given: no erasure
		}
		if o, n := f.text(it.old), f.text(it.p); o != n {
			changes = append(changes, Change{Field: f.name, Old: o, New: n})
			columns = append(columns, f.columns...)
		}
	}
	if len(changes) == 0 {
		return nil
	}
	it.p.MatchKey = a.matchKey(it.p.Name, it.p.Township)
	columns = append(columns, "source_file", "source_sheet", "source_row", "updated_at")
	if err := keepRow(a, a.stored[it.p.ID], it.p.ID, it.p.ID, "project", it.p.ID); err != nil {
		return err
	}
	if err := a.keepPlan(it.old, it.p); err != nil {
		return err
	}
	if err := a.tx.Model(it.p).Select(columns).Updates(it.p).Error; err != nil {
		return err
	}
	it.changed = true
	a.record(origin{ref: it.row.Ref, cols: it.row.Columns}, it.p.ID, "project", it.p.ID, "update", "", changes...)
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
func (a *applier) recordMilestoneCreated(at origin, m *model.Milestone) {
	a.record(at, m.ProjectID, "milestone", m.ID, "create", "", Change{Field: "baseline_date", New: m.Baseline.String()})
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
		stored := ms[i]
		a.loaded[stored.ID] = &stored
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
			if err := a.saveMilestone(planMilestoneAt(it, m), m, Change{Field: "baseline_date", Old: old.String(), New: want.Baseline.String()}); err != nil {
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
	projects := make([]uint, len(replans))
	for i, r := range replans {
		projects[i] = r.m.ProjectID
	}
	// Through the project_id index: the audit log is the largest table.
	var noted []model.AuditEntry
	scope := a.tx.Where("entity = ? AND action = ?", "milestone", "plan_changed")
	if err := findIn(scope, "project_id", distinct(projects), &noted); err != nil {
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
		a.record(planMilestoneAt(r.item, r.m), r.m.ProjectID, "milestone", r.m.ID, "plan_changed",
			"计划时间已变更，基线未调整；如需调整基线，请由管理员重新确定基线",
			Change{Field: "baseline_date", Old: r.m.Baseline.String(), New: r.plan.String()})
		r.item.changed = true
	}
	return nil
}

// saveMilestone writes a changed milestone, bumping its version, and
// audits the changes (none when only the date its values were known
// since moved). A version that moved meanwhile is a conflict.
func (a *applier) saveMilestone(at origin, m *model.Milestone, changes ...Change) error {
	if err := keepRow(a, a.loaded[m.ID], m.ID, m.ProjectID, "milestone", m.ID); err != nil {
		return err
	}
	res := a.tx.Model(&model.Milestone{}).Where("id = ? AND version = ?", m.ID, m.Version).Updates(map[string]any{
		"baseline_date": m.Baseline.Date, "baseline_prec": m.Baseline.Precision,
		"forecast": m.Forecast, "actual": m.Actual, "forecast_on": m.ForecastOn, "actual_on": m.ActualOn,
		"version": m.Version + 1, "updated_at": a.now,
	})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected != 1 {
		return errStale("store.ApplyImport")
	}
	m.Version++
	m.UpdatedAt = a.now
	if len(changes) > 0 {
		a.record(at, m.ProjectID, "milestone", m.ID, "update", "", changes...)
	}
	return nil
}
