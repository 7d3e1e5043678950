package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

var (
	reContentArea = regexp.MustCompile(`(?:(?:总建筑|建筑|建设|总建设)面积|建设规模)(?:约|为|达)?[:：]?([\d.,]+)(?:平方米|平米|m2)`)
	reContentLand = regexp.MustCompile(`(?:占地|用地)(?:面积)?(?:约|为|达)?([\d.,]+)亩`)
	reContentBeds = regexp.MustCompile(`床位(?:数)?(?:约|为|达)?(\d+)张?|(\d+)张床位?`)
	reNumeral     = regexp.MustCompile(`^(?:[一二三四五六七八九十]+|\([一二三四五六七八九十]+\))[、.]?$`)
	funeralWords  = []string{"殡", "葬", "公墓", "治丧", "骨灰", "陵园"}
)

// figures are the columns a 小计 / 合计 row states and that are checked.
var figures = []role{roleInvestment, roleFloorArea, roleLand, roleBeds}

// sums adds up the figures of the project rows a total covers.
type sums struct {
	value    map[role]decimal.Decimal // in the column's own unit
	count    map[role]int
	projects int
}

func newSums() *sums { return &sums{value: map[role]decimal.Decimal{}, count: map[role]int{}} }

// statedTotal is a 合计 row written above the rows it covers (just under
// the header), checked when the table ends.
type statedTotal struct {
	cells []string
	row   int
	label string
}

// planTable reads a task-breakdown table into plan rows.
type planTable struct {
	*table
	unsettled int   // rows at the end of Set.Plans whose annex is not yet set
	section   *sums // since the last group row or 小计
	all       *sums
	early     []statedTotal
	started   bool
	// A table is one of projects when most of its rows state something
	// beyond a name (a quantity, an amount, a date, a site, a unit): a 目录
	// or 说明 sheet whose rows name the annex tables has a 名称 column too.
	// It is decided when its first rows are handed on.
	decided, notProjects bool
	rows, figured        int       // project rows read, and those stating more than a name
	titleRows            []int     // rows naming a table (…任务分解表), never projects
	marks                []*column // year columns marking the year a project is built in
	marked               *column   // the one that marks the current row, if any
	// facility is, in a wide layout, the header of the kind of facility
	// this table reads of each row (see wideTable); nil otherwise.
	facility *header
	columns  fieldColumns // of the header, for the plan rows
}

// reTableTitle is a name that titles a table rather than a project.
var reTableTitle = regexp.MustCompile(`(?:分解表|任务表|一览表|汇总表|明细表|计划表|统计表|台账|月报|目录)$|^附件\s*[\d一二三四五六七八九十]+`)

// newPlanTable reads t as a plan table; a 年份 or 年度 column (not 年度计划投资)
// is its period.
func newPlanTable(t *table) *planTable {
	t.h.adopt(rolePeriod, roleYear, func(header string) bool {
		k := headerKey(header)
		return strings.HasSuffix(k, "年份") || k == "年度"
	})
	return &planTable{table: t, marks: t.h.markColumns()}
}

// checkGroup checks the figures a group row stated against its rows.
func (t *planTable) checkGroup(g *group) { t.compare(g.stated, g.row, g.label, g.sums) }

func (t *planTable) row(cells []string, n int) {
	if !t.started {
		t.section, t.all, t.started = newSums(), newSums(), true
	}
	cls, label := classify(cells)
	switch cls {
	case rowBlank, rowSkip:
		return
	case rowTotal:
		t.total(cells, n, label)
		return
	}
	cells, k, g := t.read(cells, n)
	if g != nil {
		t.openGroup(t, g, cells, n, k.figured)
		t.section = newSums()
		return
	}
	if k.code == "" && k.name == "" {
		if k.figured {
			t.failAt(n, k.col, "该行有数据但缺少项目名称")
		}
		return
	}
	if t.notProjects {
		return
	}
	if t.facility != nil {
		if !t.facility.states(cells) {
			return // no such facility in this township
		}
		k.name = siteProject(t.facility.facility, k.name)
	}
	if reTableTitle.MatchString(clean(k.name)) {
		t.titleRows = append(t.titleRows, n)
		return
	}
	t.rows++
	if k.figured {
		t.figured++
	}
	t.take(t, cells, n, k)
}

// record reads a project row.
func (t *planTable) record(cells []string, n int, k rowKey) {
	h := t.h
	code, name, col := k.code, k.name, k.col
	before := t.b.out.ErrorCount
	cells, prefixed := t.eachCells(cells)
	var cleared []string
	for _, f := range []struct {
		r     role
		field string
	}{
		{roleCategory, "category"}, {roleSite, "site"}, {roleUnit, "responsible_unit"}, {roleContent, "content"},
		{roleInvestment, "investment_wan"}, {roleFloorArea, "floor_area_m2"}, {roleLand, "land_mu"}, {roleBeds, "beds"},
		{roleStart, "planned_start"}, {roleFinish, "planned_finish"},
	} {
		if c := h.first[f.r]; c != nil && clean(cellOf(cells, c)) == model.ClearMarker {
			cleared = append(cleared, f.field)
			if f.r == roleSite {
				cleared = append(cleared, "township")
			}
		}
	}
	text := func(r role) string {
		if v := t.text(cells, r); v != model.ClearMarker {
			return v
		}
		return ""
	}
	p := model.Project{
		Code:            code,
		Name:            name,
		Category:        text(roleCategory),
		Site:            text(roleSite),
		ResponsibleUnit: text(roleUnit),
		Content:         text(roleContent),
		SourceFile:      t.b.name,
		SourceSheet:     t.sheet,
		SourceRow:       n,
	}
	if p.Category == "" {
		p.Category = t.category()
	}
	if p.Category == "" && t.facility != nil {
		p.Category = t.facility.facility
	}
	p.Township = model.TownshipOf(p.Site)
	var notes []string
	note := func(s string) {
		if s != "" {
			notes = append(notes, s)
		}
	}
	if c := h.first[roleInvestment]; c != nil {
		var s string
		p.Investment, s = t.moneyQualified(cells, c, n)
		note(s)
	}
	p.FloorArea = t.area(cells, n, roleFloorArea, note)
	p.Land = t.area(cells, n, roleLand, note)
	if c := h.first[roleBeds]; c != nil {
		p.Beds = t.beds(cells, c, n, note)
	}
	each := t.perSite(cells, n, &p, prefixed, note)
	p.Qualifiers = strings.Join(notes, "；")
	t.fromContent(&p)
	orderCol := t.dates(cells, n, &p)
	if !p.PlannedStart.IsZero() && !p.PlannedFinish.IsZero() && model.PlanOrderWrong(p.PlannedStart, p.PlannedFinish) {
		t.failAt(n, orderCol, fmt.Sprintf("计划完工时间（%s）早于计划开工时间（%s）", p.PlannedFinish, p.PlannedStart))
	}
	var stages []model.StagePlan
	for _, c := range h.stages {
		if d, ok := t.date(cells, c, n); ok && !d.IsZero() {
			stages = append(stages, model.StagePlan{Name: c.stage, Date: d})
		}
	}
	columns := t.rowColumns(cells)
	for _, q := range t.bySite(cells, n, &p, each) {
		row := model.PlanRow{Ref: t.ref(n, col), Project: q, Cleared: cleared, Stages: stages, Columns: columns}
		if t.b.opt.List {
			t.b.out.list(t.listing(cells, n, &q))
		}
		t.validate(n, before, row.Validate())
		t.b.set.Plans = append(t.b.set.Plans, row)
		t.unsettled++
		t.add(&q)
	}
}

// beds reads a count of beds, which may be qualified (≥50).
func (t *planTable) beds(cells []string, c *column, n int, note func(string)) *int {
	raw := cellOf(cells, c)
	figure, qual := qualified(clean(raw))
	beds, verr := parseInt(figure)
	if verr != "" {
		t.fail(n, c, fmt.Sprintf("的值“%s”%s", strings.TrimSpace(raw), verr))
	} else if qual != "" && beds != nil {
		t.warnQualified(n, c, raw, fmt.Sprintf("%d张", *beds))
		note(fmt.Sprintf("%s：%s", c.header, strings.TrimSpace(raw)))
	}
	return beds
}

// dates fills the planned start and finish from their columns and from
// a combined period column: every date given is kept, a column of its
// own winning over the period, with a warning naming both cells when
// they disagree. A month typed as a number that may mean two months is
// settled by the row's other dates where only one reading fits. It
// returns the column a wrong order is shown in.
func (t *planTable) dates(cells []string, n int, p *model.Project) string {
	h := t.h
	var start, finish, pstart, pfinish *dateRead
	read := func(r role) *dateRead {
		if c := h.first[r]; c != nil {
			if d, ok := t.readDate(cells, c, n); ok && !d.d.IsZero() {
				return &d
			}
		}
		return nil
	}
	start, finish = read(roleStart), read(roleFinish)
	col := ""
	for _, r := range []role{roleStart, roleFinish} {
		if c := h.first[r]; c != nil {
			col = c.letter
		}
	}
	if c := h.first[rolePeriod]; c != nil && !isUnknown(clean(cellOf(cells, c))) {
		raw := cellOf(cells, c)
		if s, f, by, ok := parseRange(raw); ok && !reNumberDate.MatchString(clean(raw)) {
			pfinish = &dateRead{c: c, d: f}
			if !by {
				pstart = &dateRead{c: c, d: s}
			}
		} else if d, ok := t.readDate(cells, c, n); ok && !d.d.IsZero() {
			pfinish = &d // one date: the start too, read once
			if !d.by {
				pstart = pfinish
			}
		}
		if start == nil && finish == nil {
			col = c.letter
		}
	}
	mark, _ := t.markedYear(cells, n)
	t.marked = nil
	if mark != nil {
		t.marked = mark.c
		if col == "" {
			col = mark.c.letter
		}
	}
	reads := []*dateRead{start, finish, pstart, pfinish}
	t.pickDates(n, slices.DeleteFunc(reads, func(r *dateRead) bool { return r == nil }), func() bool {
		return planOrderFits(start, finish) && planOrderFits(start, pfinish) && planOrderFits(pstart, finish) && planOrderFits(pstart, pfinish) &&
			planOrderFits(start, mark) && planOrderFits(pstart, mark)
	})
	p.PlannedStart = t.kept(n, start, pstart, "开工")
	switch {
	case finish == nil && pfinish == nil:
		finish = mark
	case pfinish == nil:
		pfinish = mark
	case finish == nil:
		finish, pfinish = pfinish, mark
	case mark != nil:
		t.kept(n, finish, mark, "完工")
	}
	p.PlannedFinish = t.kept(n, finish, pfinish, "完工")
	return col
}

// planOrderFits reports whether a start and a finish, as now read, are
// in order (true when either is missing).
func planOrderFits(start, finish *dateRead) bool {
	return start == nil || finish == nil || !model.PlanOrderWrong(start.d, finish.d)
}

// either is the date of own, else of the period's, zero when neither.
func (t *planTable) either(own, period *dateRead) model.PlanDate {
	switch {
	case own != nil && !own.ambiguous():
		return own.d
	case period != nil && !period.ambiguous():
		return period.d
	}
	return model.PlanDate{}
}

// kept is the date a row keeps of its own column and the period's: its
// own, warning when the period says otherwise.
func (t *planTable) kept(n int, own, period *dateRead, what string) model.PlanDate {
	d := t.either(own, period)
	if own != nil && period != nil && !own.ambiguous() && !period.ambiguous() && !datesAgree(own.d, period.d) {
		t.warnAt(n, own.c.letter, fmt.Sprintf("“%s”（%s列）为%s，“%s”（%s列）所写的%s时间为%s，两者不符；已按“%s”导入，请核对",
			own.c.header, own.c.letter, own.d, period.c.header, period.c.letter, what, period.d, own.c.header))
	}
	return d
}

// datesAgree reports whether two dates name the same period at the
// coarser of their precisions (2019年 and 2019年6月 agree).
func datesAgree(a, b model.PlanDate) bool {
	switch {
	case a.Precision == model.PrecisionYear || b.Precision == model.PrecisionYear:
		return a.Date.Year == b.Date.Year
	case a.Precision == model.PrecisionMonth || b.Precision == model.PrecisionMonth:
		return a.Date.Year == b.Date.Year && a.Date.Month == b.Date.Month
	}
	return a.Date == b.Date
}

// area reads the floor area or land (r) of a row into the unit the
// project stores it in, from its column, or from a column in another
// unit when that one is blank; a further column in another unit checks
// the value.
func (t *planTable) area(cells []string, n int, r role, note func(string)) decimal.NullDecimal {
	c := t.h.first[r]
	if c == nil {
		return decimal.NullDecimal{}
	}
	v, s, _ := t.quantity(cells, c, n, storedUnit(r))
	note(s)
	for _, o := range t.h.others[r] {
		if v.Valid {
			t.checkQuantity(cells, o, c, n, v.Decimal, storedUnit(r))
			continue
		}
		if v, s, _ = t.quantity(cells, o, n, storedUnit(r)); v.Valid {
			note(s)
			c = o
		}
	}
	return v
}

// fromContent takes floor area, land and beds from the 建设内容及规模 text
// when the sheet has no column of their own.
func (t *planTable) fromContent(p *model.Project) {
	s := clean(p.Content)
	if s == "" {
		return
	}
	find := func(re *regexp.Regexp) string {
		for _, g := range re.FindStringSubmatch(s)[1:] {
			if g != "" {
				return g
			}
		}
		return ""
	}
	if !t.h.has(roleFloorArea) && reContentArea.MatchString(s) {
		if d, ok, _ := parseNumber(find(reContentArea)); ok {
			p.FloorArea = decimal.NewNullDecimal(d)
		}
	}
	if !t.h.has(roleLand) && reContentLand.MatchString(s) {
		if d, ok, _ := parseNumber(find(reContentLand)); ok {
			p.Land = decimal.NewNullDecimal(d)
		}
	}
	if !t.h.has(roleBeds) && reContentBeds.MatchString(s) {
		if b, _ := parseInt(find(reContentBeds)); b != nil {
			p.Beds = b
		}
	}
}

// figureOf returns a project's figure r in its column's unit.
func (t *planTable) figureOf(p *model.Project, r role) (decimal.Decimal, bool) {
	v, ok := figureValue(p, r)
	switch {
	case !ok:
		return v, false
	case r == roleInvestment:
		return inUnit(model.Money(v.IntPart()), t.h.first[r].unit), true
	case r == roleFloorArea || r == roleLand:
		d, _ := convert(v, storedUnit(r), t.h.first[r].qty)
		return d, true
	}
	return v, true
}

func inUnit(m, unit model.Money) decimal.Decimal {
	return decimal.NewFromInt(int64(m)).Div(decimal.NewFromInt(int64(unit)))
}

// add counts a project row into the running sums.
func (t *planTable) add(p *model.Project) {
	all := []*sums{t.section, t.all}
	for _, g := range t.groups {
		all = append(all, g.sums)
	}
	for _, s := range all {
		s.projects++
	}
	for _, r := range figures {
		if t.h.first[r] == nil {
			continue
		}
		if v, ok := t.figureOf(p, r); ok {
			for _, s := range all {
				s.value[r] = s.value[r].Add(v)
				s.count[r]++
			}
		}
	}
}

// total handles a 小计 / 合计 row: a 小计 covers the project rows since
// the last group row or 小计, any other total every row of the table. A
// total written before the rows it covers (under the header, or a 小计
// under its group row) is checked when they end.
func (t *planTable) total(cells []string, n int, label string) {
	subtotal := strings.HasSuffix(label, "小计")
	covered := t.all
	if subtotal {
		covered = t.section
		t.section = newSums()
	} else {
		t.closeGroups(0, t) // a 合计 ends the groups above it
	}
	if covered.projects > 0 {
		t.compare(cells, n, label, covered)
		return
	}
	if g := t.innermost(); subtotal && g != nil && g.stated == nil {
		g.stated, g.label, g.row, g.subtotal = cells, label, n, true
		return
	}
	t.early = append(t.early, statedTotal{cells: cells, row: n, label: label})
}

// compare checks each figure a total row states against the sum of the
// project rows it covers, warning of each disagreement.
func (t *planTable) compare(cells []string, n int, label string, covered *sums) {
	var cols []*column // in sheet order, so that warnings read left to right
	for _, r := range figures {
		if c := t.h.first[r]; c != nil {
			cols = append(cols, c)
		}
	}
	slices.SortFunc(cols, func(a, b *column) int { return a.idx - b.idx })
	for _, c := range cols {
		r := c.role
		raw := cellOf(cells, c)
		stated, known, verr := parseNumber(raw)
		if r == roleInvestment {
			m, merr := parseMoney(raw, c.unit)
			known, verr = m != nil, merr
			if m != nil {
				stated = inUnit(*m, c.unit)
			}
		}
		if verr != "" {
			t.b.out.warn(model.Finding{File: t.b.name, Sheet: t.sheet, Row: n, Column: c.letter,
				Message: fmt.Sprintf("“%s”行的“%s”值“%s”%s，未能核对", label, c.header, strings.TrimSpace(raw), verr)})
			continue
		}
		if !known || covered.count[r] == 0 {
			continue
		}
		if computed := covered.value[r]; !computed.Equal(stated) {
			t.b.out.warn(model.Finding{File: t.b.name, Sheet: t.sheet, Row: n, Column: c.letter,
				Message: fmt.Sprintf("“%s”行的“%s”为 %s，按所含 %d 个项目计算为 %s，两者不符", label, c.header, stated.String(), covered.count[r], computed.String())})
		}
	}
}

// finish checks the totals written above the rows they cover and sets
// the annex of the table's rows.
func (t *planTable) finish() {
	t.check()
	t.settle()
}

// check closes the table's groups and checks the totals written above
// the rows they cover.
func (t *planTable) check() {
	if !t.started {
		return
	}
	t.closeGroups(0, t)
	for _, e := range t.early {
		t.compare(e.cells, e.row, e.label, t.all)
	}
}

// settle sets the annex of the table's rows read so far, before they
// are handed on: the 附件N the titles or the sheet name give, else 3 for
// funeral facilities and 1 for the rest, as the names read so far (the
// whole table, or its first chunk of rows) show.
func (t *planTable) settle() {
	if !t.started {
		return
	}
	t.decide()
	rows := t.b.set.Plans[len(t.b.set.Plans)-t.unsettled:]
	if t.annex == 0 {
		text := t.titles
		for _, r := range rows {
			text += r.Project.Name
		}
		t.annex = annexOfNames(text)
	}
	for i := range rows {
		rows[i].Project.Annex = t.annex
	}
	t.unsettled = 0
}

// annexOfNames is the annex of a table whose titles and names are text:
// 3 for funeral facilities, 1 for the rest.
func annexOfNames(text string) int {
	for _, w := range funeralWords {
		if strings.Contains(text, w) {
			return model.AnnexFuneral
		}
	}
	return model.AnnexFacilities
}

// decide tells, from the rows read so far, whether the table lists
// projects; one that does not is dropped with a warning that says why.
func (t *planTable) decide() {
	seen := t.rows + len(t.titleRows)
	if t.decided || seen == 0 {
		return
	}
	t.decided = true
	if 2*t.figured >= seen && t.rows > 0 {
		for _, n := range t.titleRows {
			t.warnAt(n, t.h.first[roleName].letter, "该行的名称是表格标题，不是项目，已跳过")
		}
		return
	}
	t.notProjects = true
	t.b.set.Plans = t.b.set.Plans[:len(t.b.set.Plans)-t.unsettled]
	if t.b.opt.List {
		t.b.out.unlist(t.unsettled)
	}
	t.unsettled = 0
	t.b.tables--
	t.b.notProjects++
	reason := fmt.Sprintf("%d 行中只有 %d 行写有名称以外的内容（数量、金额、日期、地点或单位）", seen, t.figured)
	if len(t.titleRows) > 0 {
		reason = fmt.Sprintf("%d 行名称是表格标题（如目录）", len(t.titleRows))
	}
	t.warnAt(t.h.row, "", fmt.Sprintf("第%d行起的表格不是项目表（%s），已跳过", t.h.row, reason))
}
