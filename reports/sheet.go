package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/tempdir"
	"github.com/yanhe/captrack/model"
)

// Inert returns text from an import or a user in the form every report
// writes it: text starting with =, +, -, @, tab, CR or LF gets a leading
// single quote, as OWASP's CSV-injection guidance advises, so that no
// spreadsheet program (Excel, LibreOffice, or one reading the value back
// into CSV) ever evaluates it. The stream writer writes every string as
// an inline string cell (never a formula); formulas come only from this
// package's own code through excelize.Cell.Formula.
func Inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r\n", rune(s[0])) {
		return "'" + s
	}
	return s
}

// wanFormat shows 万元 with two to six decimals, so that every stored fen
// is visible and nothing is rounded away.
const wanFormat = "#,##0.00####"

// styles are the cell styles the reports share; they are created before
// any stream writer starts, as excelize requires.
type styles struct {
	title, sub, subRight, header                  int
	text, center, date, integer, number, wan, pct int
	totalText, totalWan, totalPct                 int
	severity                                      map[string]int // alerts.Red … → fill
	lagFill, aheadFill                            int            // conditional formats
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: "宋体", Size: 10}
	bold := &excelize.Font{Family: "宋体", Size: 10, Bold: true}
	vcenter := &excelize.Alignment{Vertical: "center"}
	// Every text cell wraps inside its column (table.add sets the row
	// heights), so that no text runs into the next cell.
	wrapped := &excelize.Alignment{Vertical: "center", WrapText: true}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	num := func(f string) *string { return &f }
	st := &styles{severity: map[string]int{}}
	defs := []struct {
		id *int
		s  excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 16, Bold: true}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.sub, excelize.Style{Font: font}},
		{&st.subRight, excelize.Style{Font: font, Alignment: &excelize.Alignment{Horizontal: "right"}}},
		{&st.header, excelize.Style{Font: bold, Border: border, Fill: fill("D9E1F2"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, excelize.Style{Font: font, Border: border, Alignment: wrapped}},
		{&st.center, excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.date, excelize.Style{Font: font, Border: border, Alignment: vcenter, CustomNumFmt: num("yyyy-mm-dd")}},
		{&st.integer, excelize.Style{Font: font, Border: border, Alignment: vcenter, NumFmt: 1}},
		{&st.number, excelize.Style{Font: font, Border: border, Alignment: vcenter}},
		{&st.wan, excelize.Style{Font: font, Border: border, Alignment: vcenter, CustomNumFmt: num(wanFormat)}},
		{&st.pct, excelize.Style{Font: font, Border: border, Alignment: vcenter, CustomNumFmt: num("0.0%")}},
		{&st.totalText, excelize.Style{Font: bold, Border: border, Fill: fill("F2F2F2"), Alignment: wrapped}},
		{&st.totalWan, excelize.Style{Font: bold, Border: border, Fill: fill("F2F2F2"), Alignment: vcenter, CustomNumFmt: num(wanFormat)}},
		{&st.totalPct, excelize.Style{Font: bold, Border: border, Fill: fill("F2F2F2"), Alignment: vcenter, CustomNumFmt: num("0.0%")}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.s)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	for sev, color := range map[string]string{alerts.Red: "FF9999", alerts.Orange: "FFC000", alerts.Yellow: "FFFF66"} {
		id, err := f.NewStyle(&excelize.Style{Font: bold, Border: border, Fill: fill(color), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
		if err != nil {
			return nil, err
		}
		st.severity[sev] = id
	}
	var err error
	if st.lagFill, err = f.NewConditionalStyle(&excelize.Style{Fill: fill("FFC7CE"), Font: &excelize.Font{Color: "9C0006"}}); err != nil {
		return nil, err
	}
	if st.aheadFill, err = f.NewConditionalStyle(&excelize.Style{Fill: fill("FFEB9C"), Font: &excelize.Font{Color: "9C5700"}}); err != nil {
		return nil, err
	}
	return st, nil
}

// write builds a workbook with fill, which gets the file and its styles,
// and writes it to w; errors are wrapped as op's.
func write(w io.Writer, op string, fill func(*excelize.File, *styles) error) error {
	// The stream writer spills large sheets to temp files: in a directory
	// of the report's own, which a killed process leaves to the next
	// captrack's tempdir.Sweep.
	tmp, err := tempdir.New("report")
	if err != nil {
		return model.Wrap(op, err)
	}
	defer tmp.Remove()
	f := excelize.NewFile(excelize.Options{TmpDir: tmp.Path})
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return model.Wrap(op, err)
	}
	if err := fill(f, st); err != nil {
		return model.Wrap(op, err)
	}
	return model.Wrap(op, f.Write(w))
}

// column is one column of a report table.
type column struct {
	header string
	width  float64
}

// Imprint is what every printed page of a report says beside its table:
// the 编制单位, the as-of date and the time the report was made (打印时间,
// in the county's zone). A zero Org or Printed is left out.
type Imprint struct {
	Org     string
	AsOf    model.Date
	Printed time.Time
}

// imprintOf is data's imprint.
func imprintOf(data model.ReportData) Imprint {
	return Imprint{Org: data.Org, AsOf: data.AsOf, Printed: data.Printed}
}

// headerFooter is the page header and footer of a sheet titled title:
// 编制单位 and 截至日期 above, 打印时间 and 第 N 页，共 M 页 below.
// Excel's codes start with &, so a literal & is doubled.
func (im Imprint) headerFooter(title string) *excelize.HeaderFooterOptions {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	var header, footer strings.Builder
	if im.Org != "" {
		header.WriteString("&L编制单位：" + esc(im.Org))
	}
	header.WriteString("&C" + esc(title))
	header.WriteString("&R截至日期：" + chineseDate(im.AsOf))
	if !im.Printed.IsZero() {
		footer.WriteString("&L打印时间：" + im.Printed.Format("2006-01-02 15:04"))
	}
	footer.WriteString("&C第 &P 页，共 &N 页")
	return &excelize.HeaderFooterOptions{OddHeader: header.String(), OddFooter: footer.String()}
}

// frame is what every report sheet has: title lines, a 截至日期 and
// 单位 line, one header row, frozen panes, a filter over the table, and
// A4 landscape printing fitted to the page width (onePage: to one page)
// with the rows down to the header repeated on every page and the
// imprint in the page header and footer.
type frame struct {
	sheet      string
	lead       string // a line above the title ("附件1"), or ""
	title      string
	imprint    Imprint
	unit       bool // print 单位：万元
	columns    []column
	rows       int // table rows below the header the filter covers (not totals)
	freezeCols int
	onePage    bool
	bands      []band // a two-row header's headings, or none
	// before runs on the sheet after the print setup and before the
	// stream writer starts (a chart must be added then).
	before func() error
}

// open prepares f's sheet fr.sheet (which must exist and be empty) and
// returns its table, positioned below the header. Everything excelize
// keeps outside the rows is set here, before the first row is written.
func (fr frame) open(f *excelize.File, st *styles) (*table, error) {
	headerRow := 3 // the (last) header row
	if fr.lead != "" {
		headerRow++
	}
	if len(fr.bands) > 0 {
		headerRow++
	}
	last, err := excelize.ColumnNumberToName(len(fr.columns))
	if err != nil {
		return nil, err
	}
	if err := f.AutoFilter(fr.sheet, fmt.Sprintf("A%d:%s%d", headerRow, last, headerRow+max(fr.rows, 1)), nil); err != nil {
		return nil, err
	}
	// After AutoFilter, which replaces the sheet properties, and before
	// the stream writer writes them out.
	fit := true
	if err := f.SetSheetProps(fr.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	a4, landscape, one, tall := 9, "landscape", 1, 0
	if fr.onePage {
		tall = 1
	}
	if err := f.SetPageLayout(fr.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return nil, err
	}
	if err := f.SetHeaderFooter(fr.sheet, fr.imprint.headerFooter(fr.title)); err != nil {
		return nil, err
	}
	err = f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", fr.sheet, headerRow), Scope: fr.sheet,
	})
	if err != nil {
		return nil, err
	}
	if fr.before != nil {
		if err := fr.before(); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(fr.sheet)
	if err != nil {
		return nil, err
	}
	topLeft, _ := excelize.CoordinatesToCellName(fr.freezeCols+1, headerRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: fr.freezeCols, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: "bottomRight"}); err != nil {
		return nil, err
	}
	// Last column first: the stream writer puts each new width in front,
	// and Excel wants the <col> elements in ascending order.
	for i := len(fr.columns) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, fr.columns[i].width); err != nil {
			return nil, err
		}
	}
	row := 1
	if fr.lead != "" {
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.sub, Value: fr.lead}}); err != nil {
			return nil, err
		}
		row++
	}
	if err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: st.title, Value: fr.title}}, excelize.RowOpts{Height: 28}); err != nil {
		return nil, err
	}
	if err := sw.MergeCell(cell(1, row), cell(len(fr.columns), row)); err != nil {
		return nil, err
	}
	row++
	info := make([]any, len(fr.columns))
	info[0] = excelize.Cell{StyleID: st.sub, Value: "截至日期：" + chineseDate(fr.imprint.AsOf)}
	if fr.unit {
		info[len(info)-1] = excelize.Cell{StyleID: st.subRight, Value: "单位：万元"}
	}
	if err := sw.SetRow(cell(1, row), info); err != nil {
		return nil, err
	}
	row++
	t := &table{sw: sw, columns: fr.columns, row: row}
	if err := fr.header(t, st); err != nil {
		return nil, err
	}
	return t, nil
}

// band is a heading over columns from..to (from 1) of a two-row header,
// as the annexes head 建筑面积, 占地 and 床位 with 建设规模.
type band struct {
	from, to int
	title    string
}

// header writes the header: one row, or with bands two, each band's
// title merged over its columns, their own headers below, and every
// other column's header merged down both rows.
func (fr frame) header(t *table, st *styles) error {
	top := make([]any, len(fr.columns))
	for i, c := range fr.columns {
		top[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if len(fr.bands) == 0 {
		return t.add(top)
	}
	below := make([]any, len(fr.columns))
	banded := make([]bool, len(fr.columns))
	for i := range below {
		below[i] = excelize.Cell{StyleID: st.header}
	}
	for _, b := range fr.bands {
		for c := b.from; c <= b.to; c++ {
			below[c-1], top[c-1], banded[c-1] = top[c-1], excelize.Cell{StyleID: st.header}, true
		}
		top[b.from-1] = excelize.Cell{StyleID: st.header, Value: b.title}
		if err := t.sw.MergeCell(cell(b.from, t.row), cell(b.to, t.row)); err != nil {
			return err
		}
	}
	for i, isBanded := range banded {
		if !isBanded {
			if err := t.sw.MergeCell(cell(i+1, t.row), cell(i+1, t.row+1)); err != nil {
				return err
			}
		}
	}
	if err := t.add(top); err != nil {
		return err
	}
	return t.add(below)
}

// table writes the rows of a report sheet, each as tall as its tallest
// wrapped text needs, so that no text runs over the next row in any
// viewer (row heights are not computed on opening by LibreOffice nor
// by Excel).
type table struct {
	sw      *excelize.StreamWriter
	columns []column
	row     int // the next row
}

// add writes values as the next row: the text of each string cell is cut
// to maxLines lines of its column, with a note saying how long it is and
// where to read it whole, and the row's height is set from the tallest.
func (t *table) add(values []any) error {
	lines := 1
	for i, v := range values {
		c, ok := v.(excelize.Cell)
		s, isText := c.Value.(string)
		if !ok || !isText || i >= len(t.columns) {
			continue
		}
		cut, n := layout(s, t.columns[i].width)
		if cut != s {
			c.Value = cut
			values[i] = c
		}
		lines = max(lines, n)
	}
	if err := t.sw.SetRow(cell(1, t.row), values, excelize.RowOpts{Height: rowHeight(lines)}); err != nil {
		return err
	}
	t.row++
	return nil
}

// note writes s as the next row, one cell merged across the table.
func (t *table) note(style int, s string) error {
	width := 0.0
	for _, c := range t.columns {
		width += c.width
	}
	s, lines := layout(s, width)
	err := t.sw.SetRow(cell(1, t.row), []any{excelize.Cell{StyleID: style, Value: s}}, excelize.RowOpts{Height: rowHeight(lines)})
	if err != nil {
		return err
	}
	if err := t.sw.MergeCell(cell(1, t.row), cell(len(t.columns), t.row)); err != nil {
		return err
	}
	t.row++
	return nil
}

// flush ends the sheet.
func (t *table) flush() error { return t.sw.Flush() }

// Text layout. Widths are in Excel's column units (the width of a digit
// of the default font): a 10-point wide (CJK) character takes 2, any
// other 1, with one unit of a column kept for its margins. Both are a
// little wider than Excel and LibreOffice draw them, so the estimate
// errs on the tall side.
const (
	maxLines    = 8    // lines of one cell before its text is cut
	lineHeight  = 14.0 // points per line of 10-point text
	cellPadding = 4.0  // points above and below the lines
)

// charWidth is the width of r in column units.
func charWidth(r rune) float64 {
	if r >= 0x2E80 || (r >= 0x1100 && r <= 0x115F) {
		return 2
	}
	return 1
}

// wrap breaks s into the lines a column of width shows it in: at line
// breaks, between wide characters, and between words (a space takes
// its width), a word wider than the line being split. It returns each line's start (rune
// index), the first being 0.
func wrap(s string, width float64) []int {
	avail := max(width-1, 2)
	rs := []rune(s)
	starts := []int{0}
	used := 0.0
	for i := 0; i < len(rs); {
		switch rs[i] {
		case '\n':
			starts = append(starts, i+1)
			used = 0
			i++
			continue
		case '\r':
			i++
			continue
		}
		// The next unbreakable piece: one wide character, or a word.
		j, w := i+1, charWidth(rs[i])
		if w == 1 && rs[i] != ' ' {
			for j < len(rs) && charWidth(rs[j]) == 1 && !strings.ContainsRune(" \r\n", rs[j]) {
				w++
				j++
			}
		}
		switch {
		case used+w <= avail:
			used += w
		case w <= avail:
			starts = append(starts, i)
			used = w
		default: // a word longer than a line: split it
			if used > 0 {
				starts = append(starts, i)
				used = 0
			}
			for k := i; k < j; k++ {
				if used+charWidth(rs[k]) > avail && used > 0 {
					starts = append(starts, k)
					used = 0
				}
				used += charWidth(rs[k])
			}
		}
		i = j
	}
	return starts
}

// layout returns s and its number of lines in a column of width when it
// fits maxLines lines, else as much of it as fits with the note
// …（全文N字，详见系统） in the last line (see clip) and its lines.
func layout(s string, width float64) (string, int) {
	// Most cells (codes, names, units) fit one line even if every
	// character were wide.
	if n := utf8.RuneCountInString(s); float64(2*n) <= max(width-1, 2) && !strings.ContainsRune(s, '\n') {
		return s, 1
	}
	starts := wrap(s, width)
	if len(starts) <= maxLines {
		return s, len(starts)
	}
	s = clip(s, width, starts)
	return s, len(wrap(s, width))
}

// clip cuts s, whose lines in a column of width begin at starts, to
// maxLines lines ending in a note of its length. Nothing is cut
// silently: the note says the text goes on and where to read it.
func clip(s string, width float64, starts []int) string {
	rs := []rune(s)
	note := fmt.Sprintf("…（全文%d字，详见系统）", len(rs))
	noteWidth := 0.0
	for _, r := range note {
		noteWidth += charWidth(r)
	}
	// Keep maxLines-1 lines and as much of the next as leaves room
	// for the note; if the note needs a line of its own, the last line
	// is the note.
	end := starts[maxLines-1]
	room := max(width-1, 2) - noteWidth
	for end < len(rs) && rs[end] != '\n' && room >= charWidth(rs[end]) {
		room -= charWidth(rs[end])
		end++
	}
	for end > 0 && len(wrap(string(rs[:end])+note, width)) > maxLines {
		end--
	}
	return string(rs[:end]) + note
}

// rowHeight is the height in points of a row of lines lines.
func rowHeight(lines int) float64 { return float64(lines)*lineHeight + cellPadding }

// cell names the cell at column col, row row (both from 1).
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName is the letter of column col (from 1).
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

func chineseDate(d model.Date) string {
	return fmt.Sprintf("%d年%d月%d日", d.Year, int(d.Month), d.Day)
}

// text is a text cell holding user or imported text, made inert.
func text(style int, s string) excelize.Cell {
	return excelize.Cell{StyleID: style, Value: Inert(s)}
}

// wan is a number cell holding m in 万元. The exact decimal (m has at
// most six decimals of 万元) is parsed to the nearest float64, which
// excelize writes back in its shortest round-trip form: the same decimal
// for any amount below 10^13 元 (15 significant digits), so the sheet
// stores exactly what the database holds.
func wan(style int, m model.Money) excelize.Cell {
	return excelize.Cell{StyleID: style, Value: wanValue(m)}
}

// percent is a number cell holding p % as a fraction (p/100), shown with
// a percent format; nil when p is unknown.
func percent(style int, p decimal.NullDecimal) any {
	if !p.Valid {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: pctValue(p.Decimal)}
}

// pctValue is the fraction a percent cell holds for p %.
func pctValue(p decimal.Decimal) float64 {
	v, _ := strconv.ParseFloat(p.Shift(-2).String(), 64)
	return v
}

// number is a number cell holding the exact decimal d (its nearest
// float64, written back in its shortest form), blank when unknown.
func number(style int, d decimal.NullDecimal) excelize.Cell {
	if !d.Valid {
		return excelize.Cell{StyleID: style}
	}
	v, _ := strconv.ParseFloat(d.Decimal.String(), 64)
	return excelize.Cell{StyleID: style, Value: v}
}

// date is a date cell, blank when d is unknown.
func date(style int, d model.Date) excelize.Cell {
	if d.IsZero() {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: d.Time()}
}

// formula is a cell computed from our own formula text, carrying value,
// the result computed here, so that viewers that do not recalculate
// (preview panes, mobile viewers, LibreOffice's default for Excel files)
// show it. value is a float64, or "" for a formula that gives "".
func formula(style int, f string, value any) excelize.Cell {
	return excelize.Cell{StyleID: style, Formula: f, Value: value}
}

// wanValue is m in 万元 as the nearest float64, the number a cell holds
// (see wan).
func wanValue(m model.Money) float64 {
	v, _ := strconv.ParseFloat(m.WanString(), 64)
	return v
}

// ratio is a/b as a formula IF(N(b)=0,"",a/b) gives it: "" when b is 0.
func ratio(a, b float64) any {
	if b == 0 {
		return ""
	}
	return a / b
}

// subtotal is a cell summing column col over rows from..to with
// SUBTOTAL(9, …), which follows the filter (hidden rows drop out), its
// value sum; 0 when the range is empty.
func subtotal(style, col, from, to int, sum model.Money) excelize.Cell {
	if to < from {
		return excelize.Cell{StyleID: style, Value: 0}
	}
	c := colName(col)
	return formula(style, toFen(fmt.Sprintf("SUBTOTAL(9,%s%d:%[1]s%[3]d)", c, from, to)), wanValue(sum))
}

// toFen rounds a sum of 万元 to the fen. Spreadsheets add in binary
// floating point, so a sum of amounts with six decimals can come out a
// hair off (100 × 0.000001 = 9.99999999999998E-05); scaling to whole
// fen, rounding to an integer and scaling back gives the double nearest
// the exact decimal sum, which every spreadsheet then shows as that
// decimal. (ROUND(x, 6) would say the same in Excel, but evaluators that
// multiply by an inexact 10^-6, excelize's among them, get 90.0000000000001
// for 90.)
func toFen(expr string) string { return fmt.Sprintf("ROUND(%s*1000000,0)/1000000", expr) }
