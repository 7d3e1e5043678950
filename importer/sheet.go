package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// book is the state of one Parse.
type book struct {
	f        *excelize.File
	name     string
	opt      Options
	out      *Parsed
	date1904 bool
	styles   map[int]string // style id → number format code
	tables   int            // tables recognised, of any kind
	vouchers map[string]model.Ref
}

var (
	reAnnex        = regexp.MustCompile(`附件\s*(\d+)`)
	reUnitLine     = regexp.MustCompile(`单位[:：]\s*(亿元|万元|元)`)
	reInstructions = regexp.MustCompile(`说明|填报须知|填表说明|instruction|readme`)
	reFootnote     = regexp.MustCompile(`^(注|附注|备注|说明|填表人|填报人|填报单位|填报日期|填表日期|审核人|负责人|联系人|联系电话|制表|单位负责人|数据来源)\d*[:：]?`)
	reBreakdown    = regexp.MustCompile(`^其中[:：]?`)
	reOctober      = regexp.MustCompile(`^\d{4}\.1$`)
	reTotal        = regexp.MustCompile(`^(小计|合计|总计|共计|累计)`)
	reGroup        = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)、?|\d+[、.])(\D.*)$`)
)

// maxTitleLines bounds the lines kept above a header (titles, 附件N, units).
const maxTitleLines = 8

// sheetState follows one sheet row by row.
type sheetState struct {
	b       *book
	sheet   string
	titles  []string // text rows since the last table row
	pending []string // a header row that may continue on the next row
	pendRow int
	table   tableReader
	content bool // some cell held a value
}

// tableReader reads the rows of one table of one kind.
type tableReader interface {
	row(cells []string, n int)
	finish()
}

// readSheet streams one sheet's rows and hands them to the tables found.
func (b *book) readSheet(sheet string) {
	if reInstructions.MatchString(strings.ToLower(sheet)) {
		return
	}
	rows, err := b.f.Rows(sheet)
	if err != nil {
		b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: "无法读取工作表：" + err.Error()})
		return
	}
	s := &sheetState{b: b, sheet: sheet}
	tables := b.tables
	n, broken := 0, false
	for rows.Next() {
		n++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: "工作表数据损坏，无法读取：" + err.Error()})
			broken = true
			break
		}
		s.content = s.content || slices.ContainsFunc(cells, func(c string) bool { return c != "" })
		s.row(cells, n)
	}
	if err := rows.Error(); err != nil && !broken {
		b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: "工作表数据损坏，无法读取：" + err.Error()})
		broken = true
	}
	if err := rows.Close(); err != nil && !broken {
		b.out.fail(model.Finding{File: b.name, Sheet: sheet, Message: "无法读取工作表：" + err.Error()})
	}
	s.flushPending()
	s.endTable()
	if b.tables == tables && s.content && !broken {
		b.out.warn(model.Finding{File: b.name, Sheet: sheet, Message: "工作表中没有找到可识别的表头（项目名称等），已跳过"})
	}
}

func (s *sheetState) row(cells []string, n int) {
	if s.pending != nil {
		top, row := s.pending, s.pendRow
		s.pending = nil
		if isSubHeader(top, cells) {
			s.startTable(top, cells, n, row)
			return
		}
		s.startTable(nil, top, row, row)
	}
	if isHeader(cells) {
		s.endTable()
		s.pending, s.pendRow = cells, n
		return
	}
	if s.table != nil && !isTitle(cells) {
		s.table.row(cells, n)
		return
	}
	if t := strings.TrimSpace(strings.Join(cells, " ")); t != "" {
		s.titles = append(s.titles, t)
		if len(s.titles) > maxTitleLines {
			s.titles = s.titles[1:]
		}
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

func (s *sheetState) flushPending() {
	if s.pending != nil {
		s.startTable(nil, s.pending, s.pendRow, s.pendRow)
		s.pending = nil
	}
}

func (s *sheetState) endTable() {
	if s.table != nil {
		s.table.finish()
		s.table = nil
	}
}

// startTable recognises a table whose header ends on row n (first on
// row first) and picks its reader.
func (s *sheetState) startTable(top, bottom []string, n, first int) {
	titles := strings.Join(s.titles, "\n")
	s.titles = nil
	unit := model.Wan
	if m := reUnitLine.FindStringSubmatch(clean(titles)); m != nil {
		unit, _ = unitOf(m[1])
	}
	h := buildHeader(top, bottom, n, unit)
	kind, indicator := h.kind()
	s.b.tables++
	t := &table{b: s.b, sheet: s.sheet, h: h, titles: titles, annex: annexOf(titles, s.sheet)}
	if s.b.opt.Kind != KindAuto && s.b.opt.Kind != kind {
		s.b.out.warn(model.Finding{File: s.b.name, Sheet: s.sheet, Row: first,
			Message: fmt.Sprintf("此表为%s，与指定的类型（%s）不符，已跳过", kind.label(), s.b.opt.Kind.label())})
		s.table = skipTable{}
		return
	}
	switch {
	case indicator:
		s.table = &indicatorTable{table: t}
	case kind == KindProgress:
		s.table = newProgressTable(t)
	case kind == KindLedger:
		s.table = &ledgerTable{table: t}
	case kind == KindBudget:
		s.table = &budgetTable{table: t}
	default:
		s.table = &planTable{table: t}
	}
}

// skipTable swallows the rows of a table of another kind than asked for.
type skipTable struct{ noFinish }

func (skipTable) row([]string, int) {}

// noFinish is embedded by tables with nothing to do at their end.
type noFinish struct{}

func (noFinish) finish() {}

// annexOf reads the annex number from "附件N" in the titles or the sheet
// name; 0 when neither says.
func annexOf(titles, sheet string) int {
	for _, s := range []string{clean(titles), clean(sheet)} {
		if m := reAnnex.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[1])
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

// failAt records an error at row n in column letter col.
func (t *table) failAt(n int, col, msg string) {
	t.b.out.fail(model.Finding{File: t.b.name, Sheet: t.sheet, Row: n, Column: col, Message: msg})
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
	return strings.Join(strings.Fields(t.cell(cells, r)), " ")
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
	for _, cols := range [][]*column{t.h.stages, t.h.years} {
		for _, c := range cols {
			if !isUnknown(clean(cellOf(cells, c))) {
				return true
			}
		}
	}
	return false
}

// projectKey returns the row's code and name and the letter of the column
// that names the project (the name's, else the code's).
func (t *table) projectKey(cells []string) (code, name, col string) {
	code, name = t.text(cells, roleCode), t.text(cells, roleName)
	switch {
	case t.h.first[roleName] != nil && (name != "" || code == ""):
		col = t.h.first[roleName].letter
	case t.h.first[roleCode] != nil:
		col = t.h.first[roleCode].letter
	}
	return code, name, col
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
// whose meaning depends on their format (date serials, fractions in a
// percent column).
func (t *table) numFmt(c *column, n int) string {
	cell, err := excelize.CoordinatesToCellName(c.idx+1, n)
	if err != nil {
		return ""
	}
	id, err := t.b.f.GetCellStyle(t.sheet, cell)
	if err != nil {
		return ""
	}
	if code, ok := t.b.styles[id]; ok {
		return code
	}
	code := ""
	if st, err := t.b.f.GetStyle(id); err == nil && st != nil {
		switch {
		case st.CustomNumFmt != nil:
			code = *st.CustomNumFmt
		case st.NumFmt == 9 || st.NumFmt == 10:
			code = "0%"
		default:
			code = builtinDateFormat(st.NumFmt)
		}
	}
	t.b.styles[id] = code
	return code
}

// date reads a date cell: text in any of the office's forms, or a real
// date cell (a serial with a date format; its format decides whether it
// states a day or only a month). ok is false (with an error recorded)
// when the cell holds something else.
func (t *table) date(cells []string, c *column, n int) (d model.PlanDate, ok bool) {
	raw := cellOf(cells, c)
	s := clean(raw)
	if isUnknown(s) {
		return model.PlanDate{}, true
	}
	if d, ok := parseTextDate(s); ok {
		if d.Precision == model.PrecisionMonth && reOctober.MatchString(s) && strings.Contains(t.numFmt(c, n), ".00") {
			d = model.MonthPlan(d.Date.Year, time.October) // 2019.10 typed as a number shows as 2019.10, reads as 2019.1
		}
		return d, true
	}
	if reSerial.MatchString(s) {
		if day, ok := serialDate(s, t.b.date1904); ok {
			p, isDate := formatPrecision(t.numFmt(c, n))
			if !isDate {
				p = model.PrecisionDay
			}
			return planDateOf(day, p), true
		}
	}
	t.fail(n, c, fmt.Sprintf("无法识别的日期“%s”，请写成 2018年12月、2018.12 或 2018年12月20日", strings.TrimSpace(raw)))
	return model.PlanDate{}, false
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
