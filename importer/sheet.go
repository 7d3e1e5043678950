package importer

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// book is the state of one Parse.
type book struct {
	ctx      context.Context // reading stops when it ends
	f        *excelize.File
	name     string
	opt      Options
	out      *Parsed
	date1904 bool
	styles   map[int]string // style id → number format code
	formats  *numFormats
	cells    *cellCursor // the styles and types of the current sheet's cells
	parts    *workbookParts
	tables   int // tables recognised, of any kind
	// notProjects counts the tables with a header found to list no
	// projects (a 目录): their sheet says so, not that it has no header.
	notProjects int
	content     bool // some sheet held a value
	set         model.ImportSet
	handOn      func(*model.ImportSet) // takes each chunk of rows, to keep
	// rows and estimate are the rows read and the rows the sheets'
	// dimensions declare, for opt.Progress.
	rows, estimate int
	deadlines      memo[deadline] // the dates read from text
}

// memo holds a pure function's results for up to memoSize cell texts,
// which a sheet's columns repeat row after row (a plan's dates are a few
// dozen months): a date's regular expressions took a tenth of reading one.
type memo[V any] map[string]V

const memoSize = 4096

// of returns f(s), computed once for each s memo holds.
func (m memo[V]) of(s string, f func(string) V) V {
	v, ok := m[s]
	if !ok {
		v = f(s)
		if len(m) < memoSize {
			m[s] = v
		}
	}
	return v
}

// progress tells opt.Progress how far the reading has come.
func (b *book) progress(done bool) {
	if b.opt.Progress != nil {
		b.opt.Progress(Progress{File: b.name, Rows: b.rows, Estimate: max(b.estimate, b.rows), Done: done})
	}
}

// chunkRows is about how many rows Parse hands on at a time.
const chunkRows = 2000

// flush hands on the rows read so far (the open table settling first
// what it decides of its rows as a whole) and starts a new chunk.
func (b *book) flush(open tableReader) {
	if open != nil {
		open.settle()
	}
	if b.set.Len() == 0 {
		return
	}
	chunk := b.set
	b.handOn(&chunk)
	b.set = model.ImportSet{}
}

var (
	reAnnex        = regexp.MustCompile(`附件\s*([\d〇一二三四五六七八九十]+)`)
	reUnitLine     = regexp.MustCompile(`单位[:：]\s*(亿元|万元|元)`)
	reInstructions = regexp.MustCompile(`说明|填报须知|填表说明|instruction|readme`)
	reGuide        = regexp.MustCompile(`^(?:(?:填报|填表|填写)(?:说明|须知|要求)|说明|须知)[:：]?$`)
	reFootnote     = regexp.MustCompile(`^(注|附注|备注|说明|填表人|填报人|填报单位|填报日期|填表日期|审核|复核|经办人|负责人|联系人|联系电话|制表|会计|出纳|记账|单位负责人|分管领导|主要领导|数据来源|资料来源)\d*[:：]?`)
	reBreakdown    = regexp.MustCompile(`^其中[:：]?`)
	reTotal        = regexp.MustCompile(`^(?:全县|全市|全镇|全乡|本页|本月|本年|本期|全年|年度)?(?:小计|合计|总计|共计|累计)`)
	// reGroup matches a group row's numbering; the first group that
	// matches gives the level (一、 / (一) / 1. / (1)), the last the category.
	reGroup = regexp.MustCompile(`^(?:([一二三四五六七八九十]+[、.])|(\([一二三四五六七八九十]+\)、?)|(\d+[、.])|(\(\d+\)、?))(.+)$`)
)

// maxTitleLines bounds the lines kept above a header (titles, 附件N, units).
const maxTitleLines = 8

// sheetState follows one sheet row by row.
type sheetState struct {
	b       *book
	sheet   string
	titles  []string   // text rows since the last table row
	pending [][]string // the header rows so far, which may continue on the next row
	pendRow int        // the first of them
	table   tableReader
	base    *table // the table's shared part; nil for a skipped table
	merged  merged
	content bool     // some cell held a value
	guide   bool     // the first text titles instructions (填报说明): the sheet is passed over
	heads   []string // the current table's header rows, as rowText gives them
	last    []string // the last text row put in titles, and its number
	lastRow int
	// headStart holds the first text of each of heads: a row that does
	// not start so is no repeat of them, whose rowText is not worth
	// building.
	headStart map[string]bool
}

// rowText is a row's cleaned text, to recognise a header repeated within
// its table (on each printed page).
func rowText(cells []string) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(clean(c))
		b.WriteByte('|')
	}
	return strings.TrimRight(b.String(), "|")
}

// firstText is the cleaned text of a row's first non-empty cell.
func firstText(cells []string) string {
	for _, c := range cells {
		if c := clean(c); c != "" {
			return c
		}
	}
	return ""
}

// tableReader reads the rows of one table of one kind.
type tableReader interface {
	row(cells []string, n int)
	// settle completes the rows read so far before they are handed on
	// (a plan table's annex, which its names decide).
	settle()
	finish()
}

// corruptSheet explains why a sheet's rows stopped reading.
func corruptSheet(err error) string {
	if errors.Is(err, excelize.ErrMaxRows) {
		return "工作表数据损坏：行号超出 Excel 的上限（1048576 行）"
	}
	return "工作表数据损坏，无法读取，请用 Excel 或 WPS 打开后重新保存再导入"
}

// readSheet streams one sheet's rows and hands them to the tables found.
func (b *book) readSheet(sheet string) {
	if reInstructions.MatchString(strings.ToLower(sheet)) {
		b.out.warn(model.Finding{File: b.name, Sheet: sheet, Message: "工作表名称表明是填报说明，未作为数据表读取"})
		return
	}
	rows, err := b.f.Rows(sheet)
	if b.parts.missing(sheet) || errors.As(err, new(excelize.ErrSheetNotExist)) {
		b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: "文件已损坏：工作表的数据缺失，请重新保存或重新获取原文件后再导入"})
		return
	}
	if err != nil {
		b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: "无法读取工作表，文件可能已损坏，请用 Excel 或 WPS 打开后重新保存再导入"})
		return
	}
	s := &sheetState{b: b, sheet: sheet, merged: merged{pending: b.parts.merges(sheet, b.opt.unzipLimit())}}
	b.cells = b.parts.cursor(sheet)
	defer b.cells.close()
	tables, notProjects := b.tables, b.notProjects
	n, filled, broken := 0, 0, false
	for rows.Next() {
		n++
		if b.rows++; b.rows%progressRows == 0 {
			b.progress(false)
			if b.ctx.Err() != nil {
				broken = true // Import says the time is up
				break
			}
		}
		if n > b.opt.maxRows() {
			b.out.fail(model.Finding{File: b.name, Sheet: sheet, Row: n, Message: fmt.Sprintf("工作表超过每表 %d 行的上限：自第%d行起未读取，未写入任何数据；请将其拆分为多个工作表或文件后再导入", b.opt.maxRows(), n)})
			broken = true
			break
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: corruptSheet(err)})
			broken = true
			break
		}
		for _, c := range cells {
			if c != "" {
				filled++
			}
		}
		if filled > b.opt.maxCells() {
			b.out.fail(model.Finding{File: b.name, Sheet: sheet, Row: n, Message: fmt.Sprintf("工作表的非空单元格超过每表 %d 个的上限：自第%d行起未读取，未写入任何数据；请将其拆分为多个工作表或文件后再导入", b.opt.maxCells(), n)})
			broken = true
			break
		}
		s.row(cells, n)
		s.content = s.content || slices.ContainsFunc(cells, func(c string) bool { return c != "" })
		if b.set.Len() >= chunkRows {
			b.flush(s.table)
		}
	}
	if err := rows.Error(); err != nil && !broken {
		b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: corruptSheet(err)})
		broken = true
	}
	if err := rows.Close(); err != nil && !broken {
		b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: "无法读取工作表，文件可能已损坏，请用 Excel 或 WPS 打开后重新保存再导入"})
	}
	s.flushPending(n)
	s.endTable()
	b.content = b.content || s.content
	if visible, _ := b.f.GetSheetVisible(sheet); b.tables == tables && b.notProjects == notProjects && s.content && !broken && !s.guide && visible {
		b.out.warn(model.Finding{File: b.name, Sheet: sheet, Message: "工作表中没有找到可识别的表头（项目名称等），已跳过"})
	}
}

func (s *sheetState) row(cells []string, n int) {
	if s.guide {
		return
	}
	below := s.merged.at(cells, n)
	for _, g := range s.merged.active {
		if g.first == n && reNumberDate.MatchString(clean(g.value)) {
			_, g.typ = s.b.cells.at(n, g.col+1) // the covered cells read as it (isNumber)
		}
	}
	if s.base != nil {
		s.base.below = below
	}
	if s.pending != nil {
		if len(s.pending) < maxHeaderRows && (isSubHeader(s.pending, cells) || isUnitRow(cells)) {
			s.pending = append(s.pending, cells)
			return
		}
		if len(s.pending) == 1 {
			if j := splitHeader(s.pending[0], cells); j != nil {
				s.pending = [][]string{j}
				return
			}
		}
		s.flushPending(n - 1)
	}
	if s.table != nil && len(s.titles) == 0 && s.headStart[firstText(cells)] && slices.Contains(s.heads, rowText(cells)) {
		return // the header again on the next printed page; after a title it starts a new table
	}
	if s.table == nil && s.lastRow == n-1 && len(s.titles) > 0 {
		if j := splitHeader(s.last, cells); j != nil {
			s.titles = s.titles[:len(s.titles)-1] // the top half was no title
			s.pending, s.pendRow = [][]string{j}, n-1
			return
		}
	}
	if isHeader(cells) {
		s.endTable()
		s.pending, s.pendRow = [][]string{cells}, n
		return
	}
	if s.table != nil && !isTitle(cells) {
		s.table.row(cells, n)
		return
	}
	if t := strings.TrimSpace(strings.Join(cells, " ")); t != "" {
		if !s.content && reGuide.MatchString(clean(t)) {
			s.guide = true
			s.b.out.warn(model.Finding{File: s.b.name, Sheet: s.sheet, Row: n, Message: fmt.Sprintf("工作表以“%s”开头，是填报说明，未作为数据表读取", clean(t))})
			return
		}
		s.titles = append(s.titles, t)
		if len(s.titles) > maxTitleLines {
			s.titles = s.titles[1:]
		}
		s.last, s.lastRow = slices.Clone(cells), n
	}
}

// isTitle reports whether a row is a title line between tables: its only
// text names an annex, a table or a unit.
func isTitle(cells []string) bool {
	text := ""
	for _, c := range cells {
		if c = clean(c); c != "" {
			if text != "" {
				return false
			}
			text = c
		}
	}
	return reAnnex.MatchString(text) || strings.Contains(text, "分解表") || strings.Contains(text, "台账") || strings.Contains(text, "月报") || reUnitLine.MatchString(text)
}

// maxHeaderRows is the most rows a header spans (names over names over
// units, with a row of column numbers below).
const maxHeaderRows = 4

// flushPending starts the table whose header rows are pending, the last
// of them on row last.
func (s *sheetState) flushPending(last int) {
	if s.pending != nil {
		s.startTable(s.pending, last, s.pendRow)
		s.pending = nil
	}
}

func (s *sheetState) endTable() {
	if s.table != nil {
		s.table.finish()
		s.table, s.base = nil, nil
	}
}

// startTable recognises a table whose header rows end on row n (first
// on row first) and picks its reader.
func (s *sheetState) startTable(rows [][]string, n, first int) {
	titles := strings.Join(s.titles, "\n")
	s.titles = nil
	unit := model.Wan
	text := titles
	s.heads, s.headStart = nil, map[string]bool{}
	for _, r := range rows {
		text += rowText(r)
		if t := rowText(r); t != "" {
			s.heads = append(s.heads, t)
		}
		s.headStart[firstText(r)] = true
	}
	if m := reUnitLine.FindStringSubmatch(clean(text)); m != nil {
		unit, _ = unitOf(m[1]) // 单位：元 above the header, or in a corner of it
	}
	h := buildHeader(rows, n, unit)
	kind, indicator := h.kind()
	if kind == KindPlan && !indicator && fundKindOfSheet(s.sheet) != "" && h.has(roleInvestment) && (h.has(roleDate) || h.has(roleDocNo)) {
		kind = KindLedger // 资金下达: 金额, 日期, 文号
	}
	s.b.tables++
	t := &table{b: s.b, sheet: s.sheet, h: h, titles: titles, annex: annexOf(titles, s.sheet)}
	if s.b.opt.Kind != KindAuto && s.b.opt.Kind != kind {
		s.b.out.warn(model.Finding{File: s.b.name, Sheet: s.sheet, Row: first,
			Message: fmt.Sprintf("此表为%s，与指定的类型（%s）不符，已跳过", kind.label(), s.b.opt.Kind.label())})
		s.table = skipTable{}
		return
	}
	s.base = t
	switch {
	case indicator:
		s.table = &indicatorTable{table: t}
	case kind == KindProgress:
		s.table = newProgressTable(t)
	case kind == KindLedger:
		s.table = newLedgerTable(t)
	case kind == KindBudget:
		s.table = newBudgetTable(t)
	case len(h.kinds) > 0:
		s.table = newWideTable(t)
	default:
		s.table = newPlanTable(t)
	}
}

// skipTable swallows the rows of a table of another kind than asked for.
type skipTable struct{}

func (skipTable) row([]string, int) {}
func (skipTable) settle()           {}
func (skipTable) finish()           {}

// annexOf reads the annex number from "附件N" in the titles or the sheet
// name; 0 when neither says.
func annexOf(titles, sheet string) int {
	for _, s := range []string{clean(titles), clean(sheet)} {
		if m := reAnnex.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(arabicNumerals(m[1])) // 附件三
			return n
		}
	}
	return 0
}

// table is what every kind of table shares: where it is and its header.
type table struct {
	b       *book
	sheet   string
	h       *header
	titles  string
	annex   int
	missing map[string]bool // required columns reported missing
	below   []*merge        // merges covering the current row below their top cell
	groups  []*group        // open groups, outermost first
}

// recorder is what a kind of table does with the rows the shared
// reading (groups, merges, totals) hands it.
type recorder interface {
	record(cells []string, n int, k rowKey) // a row that names a project
	checkGroup(g *group)                    // a closed group whose row stated figures
}

// checkGroup is the default of tables whose groups state nothing to check.
func (t *table) checkGroup(*group) {}

// settle is the default of tables whose rows need nothing settled.
func (t *table) settle() {}

// fill writes into the cells of row n the values of the merges that
// cover it from a row above, when that row lies below the header. A
// merged figure (an amount over several projects) is not copied, since
// it would count once per row: it stays with the top row, and a warning
// says so.
func (t *table) fill(cells []string, n int) []string {
	for _, g := range t.below {
		if g.first <= t.h.row || g.value == "" {
			continue
		}
		c := t.h.at(g.col)
		if c == nil {
			continue // a column nobody reads
		}
		if slices.Contains(figureRoles, c.role) {
			if !g.warned {
				g.warned = true
				t.b.out.warn(model.Finding{File: t.b.name, Sheet: t.sheet, Row: g.first, Column: c.letter,
					Message: fmt.Sprintf("“%s”单元格合并了第%d–%d行，其值只计入第%d行", c.header, g.first, g.last, g.first)})
			}
			continue
		}
		if g.col >= len(cells) {
			cells = append(cells, make([]string, g.col+1-len(cells))...)
		}
		if cells[g.col] == "" {
			cells[g.col] = g.value
		}
	}
	return cells
}

func (t *table) ref(n int, projectCol string) model.Ref {
	return model.Ref{File: t.b.name, Sheet: t.sheet, Row: n, ProjectColumn: projectCol}
}

// fail records an error at row n in column c naming c's header.
func (t *table) fail(n int, c *column, msg string) {
	t.b.out.fail(model.Finding{File: t.b.name, Sheet: t.sheet, Row: n, Column: c.letter, Message: fmt.Sprintf("“%s”%s", c.header, msg)})
}

// noColumn records, once per table, that a required column is missing.
func (t *table) noColumn(what string) {
	if t.missing[what] {
		return
	}
	if t.missing == nil {
		t.missing = map[string]bool{}
	}
	t.missing[what] = true
	t.failAt(t.h.row, "", "表格缺少“"+what+"”列")
}

// warnAt records a warning at row n in column letter col.
func (t *table) warnAt(n int, col, msg string) {
	t.b.out.warn(model.Finding{File: t.b.name, Sheet: t.sheet, Row: n, Column: col, Message: msg})
}

// failAt records an error at row n in column letter col.
func (t *table) failAt(n int, col, msg string) {
	t.b.out.fail(model.Finding{File: t.b.name, Sheet: t.sheet, Row: n, Column: col, Message: msg})
}

// fieldRoles is the column role each field of a model value is read from,
// by the field names model's errors report (model.Text, CheckDate).
var fieldRoles = map[string][]role{
	"code": {roleCode}, "name": {roleName}, "category": {roleCategory}, "site": {roleSite}, "township": {roleSite},
	"responsible_unit": {roleUnit}, "content": {roleContent},
	"planned_start": {roleStart, rolePeriod}, "planned_finish": {roleFinish, rolePeriod},
	"baseline_date": {roleStage}, "report_date": {roleReportDate}, "actual_start": {roleActualStart},
	"actual_finish": {roleActualFinish}, "forecast_date": {roleForecast}, "percent": {rolePercent},
	"investment_done_wan": {roleInvestDone}, "problems": {roleProblems},
	"date": {rolePayDate}, "amount_wan": {rolePayAmount, roleBudgetAmount, roleInvestment},
	"voucher": {roleVoucher}, "source": {roleSource}, "note": {roleNote}, "year": {roleYear}, "doc_no": {roleDocNo},
	"task": {roleTask}, "target": {roleYearTarget},
	"investment_wan": {roleInvestment}, "floor_area_m2": {roleFloorArea, roleContent},
	"land_mu": {roleLand, roleContent}, "beds": {roleBeds, roleContent},
}

// validate records err, a model value's Validate of row n, at the column
// its field was read from. A row that already has an error is not
// checked again: its first finding says what to fix. Nor is a field
// whose column the table lacks (noColumn says so once).
func (t *table) validate(n, errorsBefore int, err error) {
	if err == nil || t.b.out.ErrorCount > errorsBefore {
		return
	}
	field := model.FieldOf(err)
	col := t.fieldColumn(field)
	if col == "" && len(fieldRoles[field]) > 0 {
		return
	}
	t.failAt(n, col, model.Message(err))
}

// fieldColumn is the letter of the column field is read from, "" if none.
func (t *table) fieldColumn(field string) string {
	for _, r := range fieldRoles[field] {
		if c := t.h.first[r]; c != nil {
			return c.letter
		}
	}
	return ""
}

// cell returns the raw text of column r in cells, "" when absent.
func (t *table) cell(cells []string, r role) string {
	return cellOf(cells, t.h.first[r])
}

func cellOf(cells []string, c *column) string {
	if c == nil || c.idx >= len(cells) {
		return ""
	}
	return cells[c.idx]
}

// text returns the trimmed text of column r with inner line breaks folded.
func (t *table) text(cells []string, r role) string {
	return fold(t.cell(cells, r))
}

// fold trims s and folds its inner white space and line breaks: to one
// space between words of Latin script, to nothing between Chinese ones
// ("官舟片区\n养老服务中心" is one name).
func fold(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(w)
			if !unicode.Is(unicode.Han, prev) && !unicode.Is(unicode.Han, next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// reSeqNumber is a row number typed in a code column.
var reSeqNumber = regexp.MustCompile(`^\d{1,4}$`)

// reNumbered is a project name typed after its number (1、官舟片区养老服务中心).
var reNumbered = regexp.MustCompile(`^\s*(?:\d{1,3}\s*[、.．]|[(（]\d{1,3}[)）]、?)\s*(\D.*)$`)

// unnumbered drops the number a clerk typed before a project's name.
func unnumbered(name string) string {
	if m := reNumbered.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	return name
}

// hasData reports whether a row states anything beyond the words that
// name it (序号, name, code, category, 备注): a figure, a date, a site, a unit.
func (t *table) hasData(cells []string) bool {
	for r, c := range t.h.first {
		switch r {
		case roleSeq, roleCode, roleName, roleCategory, roleNote, roleTask:
			continue
		}
		if !isUnknown(clean(cellOf(cells, c))) {
			return true
		}
	}
	for _, c := range t.h.each {
		if !isUnknown(clean(cellOf(cells, c))) {
			return true
		}
	}
	for _, cols := range [][]*column{t.h.stages, t.h.years} {
		for _, c := range cols {
			if !isUnknown(clean(cellOf(cells, c))) {
				return true
			}
		}
	}
	return false
}

// rowKey is what names a row: its code and name, the letter of the column
// that names the project, and whether it states anything else.
type rowKey struct {
	code, name, col string
	figured         bool
}

// read tells a group row (returned as g) from a row that may name a
// project, whose cells it fills from the merges above it.
func (t *table) read(cells []string, n int) (filled []string, k rowKey, g *group) {
	k = t.key(cells)
	if k.code == "" {
		g, _ = t.heading(cells, k.name, k.figured) // as typed: a unit merged down the rows makes no group row a project
	}
	if len(t.below) > 0 {
		cells = t.fill(cells, n)
		if g == nil {
			k = t.key(cells)
		}
	}
	if g == nil {
		k.name = unnumbered(k.name)
	}
	return cells, k, g
}

// key reads what names a row as typed.
func (t *table) key(cells []string) rowKey {
	code, name, col := t.projectKey(cells)
	return rowKey{code: code, name: name, col: col, figured: t.hasData(cells)}
}

// projectKey returns the row's code and name and the letter of the column
// that names the project (the name's, else the code's).
func (t *table) projectKey(cells []string) (code, name, col string) {
	code, name = clean(t.cell(cells, roleCode)), t.text(cells, roleName)
	if reSeqNumber.MatchString(code) {
		code = "" // 编号 1, 2, 3 numbers the rows; it is no project code
	}
	switch {
	case t.h.first[roleName] != nil && (name != "" || code == ""):
		col = t.h.first[roleName].letter
	case t.h.first[roleCode] != nil:
		col = t.h.first[roleCode].letter
	}
	return code, name, col
}

// groupOf reads a group row's text (一、养老服务设施 / (二)农村公益性公墓 /
// 1.公墓 / (1)…): the category it names and its level, 1 for the outermost.
func groupOf(text string) (category string, level int, ok bool) {
	m := reGroup.FindStringSubmatch(clean(text))
	if m == nil {
		return "", 0, false
	}
	for i := 1; i <= 4; i++ {
		if m[i] != "" {
			level = i
		}
	}
	if level == 3 && strings.IndexAny(m[5], "0123456789") == 0 {
		return "", 0, false // 1.5, 2018.12: a figure, not a group
	}
	return m[5], level, true
}

// rowClass is what a row of a table is.
type rowClass int

const (
	rowBlank rowClass = iota
	rowSkip           // footnote, column numbers, signature line
	rowTotal          // 小计 / 合计
	rowData
)

// classify tells blank rows, footnotes, 其中 (breakdown) rows and total
// rows from data rows;
// label is the total's word (小计, 合计…).
func classify(cells []string) (c rowClass, label string) {
	var texts []string
	for _, x := range cells {
		if x = clean(x); x != "" {
			texts = append(texts, x)
		}
	}
	if len(texts) == 0 {
		return rowBlank, ""
	}
	if reFootnote.MatchString(texts[0]) && (len(texts) == 1 || strings.ContainsAny(texts[0], ":：")) {
		return rowSkip, ""
	}
	for i, x := range texts {
		if i > 2 {
			break
		}
		if m := reTotal.FindString(x); m != "" {
			return rowTotal, m
		}
		if reBreakdown.MatchString(x) {
			return rowSkip, ""
		}
	}
	if len(texts) >= 3 {
		numbered := true
		for i, x := range texts {
			if x != strconv.Itoa(i+1) {
				numbered = false
				break
			}
		}
		if numbered {
			return rowSkip, ""
		}
	}
	return rowData, ""
}

// numFmt returns the number format code of a cell ("" for General). It
// reads the sheet's cell styles, so it is only called for the few cells
// whose meaning depends on their format (date serials, months typed as
// numbers, fractions in a percent column).
func (t *table) numFmt(c *column, n int) string {
	id, _ := t.b.cells.at(n, c.idx+1)
	if code, ok := t.b.styles[id]; ok {
		return code
	}
	code := t.b.formats.code(id)
	t.b.styles[id] = code
	return code
}

// money reads an amount in its column's unit; nil when unknown.
func (t *table) money(cells []string, c *column, n int) (*model.Money, bool) {
	raw := cellOf(cells, c)
	m, verr := parseMoney(raw, c.unit)
	if verr != "" {
		t.fail(n, c, fmt.Sprintf("的值“%s”%s", strings.TrimSpace(raw), verr))
		return nil, false
	}
	return m, true
}

// number reads a figure; Valid is false when unknown.
func (t *table) number(cells []string, c *column, n int) (v decimal.NullDecimal, ok bool) {
	raw := cellOf(cells, c)
	d, known, verr := parseNumber(raw)
	if verr != "" {
		t.fail(n, c, fmt.Sprintf("的值“%s”%s", strings.TrimSpace(raw), verr))
		return v, false
	}
	v.Decimal, v.Valid = d, known
	return v, true
}
