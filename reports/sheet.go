package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
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
	title, sub, subRight, header                    int
	text, textWrap, center, date, integer, wan, pct int
	totalText, totalWan, totalPct                   int
	severity                                        map[string]int // alerts.Red … → fill
	lagFill, aheadFill                              int            // conditional formats
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := &excelize.Font{Family: "宋体", Size: 10}
	bold := &excelize.Font{Family: "宋体", Size: 10, Bold: true}
	vcenter := &excelize.Alignment{Vertical: "center"}
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
		{&st.text, excelize.Style{Font: font, Border: border, Alignment: vcenter}},
		{&st.textWrap, excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.center, excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.date, excelize.Style{Font: font, Border: border, Alignment: vcenter, CustomNumFmt: num("yyyy-mm-dd")}},
		{&st.integer, excelize.Style{Font: font, Border: border, Alignment: vcenter, NumFmt: 1}},
		{&st.wan, excelize.Style{Font: font, Border: border, Alignment: vcenter, CustomNumFmt: num(wanFormat)}},
		{&st.pct, excelize.Style{Font: font, Border: border, Alignment: vcenter, CustomNumFmt: num("0.0%")}},
		{&st.totalText, excelize.Style{Font: bold, Border: border, Fill: fill("F2F2F2"), Alignment: vcenter}},
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
	f := excelize.NewFile()
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

// frame is what every report sheet has: title lines, a 截至日期 and
// 单位 line, one header row, frozen panes, a filter over the table, and
// A4 landscape printing fitted to the page width with the rows down to
// the header repeated on every page.
type frame struct {
	sheet      string
	lead       string // a line above the title ("附件1"), or ""
	title      string
	asOf       model.Date
	unit       bool // print 单位：万元
	columns    []column
	rows       int // table rows below the header the filter covers (not totals)
	freezeCols int
}

// open prepares f's sheet fr.sheet (which must exist and be empty) and
// returns its stream writer positioned below the header, and the number
// of the first table row. Everything excelize keeps outside the rows is
// set here, before the first row is written.
func (fr frame) open(f *excelize.File, st *styles) (*excelize.StreamWriter, int, error) {
	headerRow := 3
	if fr.lead != "" {
		headerRow = 4
	}
	last, err := excelize.ColumnNumberToName(len(fr.columns))
	if err != nil {
		return nil, 0, err
	}
	if err := f.AutoFilter(fr.sheet, fmt.Sprintf("A%d:%s%d", headerRow, last, headerRow+max(fr.rows, 1)), nil); err != nil {
		return nil, 0, err
	}
	// After AutoFilter, which replaces the sheet properties, and before
	// the stream writer writes them out.
	fit := true
	if err := f.SetSheetProps(fr.sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, 0, err
	}
	a4, landscape, one, zero := 9, "landscape", 1, 0
	if err := f.SetPageLayout(fr.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, 0, err
	}
	err = f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", fr.sheet, headerRow), Scope: fr.sheet,
	})
	if err != nil {
		return nil, 0, err
	}
	sw, err := f.NewStreamWriter(fr.sheet)
	if err != nil {
		return nil, 0, err
	}
	topLeft, _ := excelize.CoordinatesToCellName(fr.freezeCols+1, headerRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: fr.freezeCols, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: "bottomRight"}); err != nil {
		return nil, 0, err
	}
	// Last column first: the stream writer puts each new width in front,
	// and Excel wants the <col> elements in ascending order.
	for i := len(fr.columns) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, fr.columns[i].width); err != nil {
			return nil, 0, err
		}
	}
	row := 1
	if fr.lead != "" {
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.sub, Value: fr.lead}}); err != nil {
			return nil, 0, err
		}
		row++
	}
	if err := sw.SetRow(cell(1, row), []any{excelize.Cell{StyleID: st.title, Value: fr.title}}, excelize.RowOpts{Height: 28}); err != nil {
		return nil, 0, err
	}
	if err := sw.MergeCell(cell(1, row), cell(len(fr.columns), row)); err != nil {
		return nil, 0, err
	}
	row++
	info := make([]any, len(fr.columns))
	info[0] = excelize.Cell{StyleID: st.sub, Value: "截至日期：" + chineseDate(fr.asOf)}
	if fr.unit {
		info[len(info)-1] = excelize.Cell{StyleID: st.subRight, Value: "单位：万元"}
	}
	if err := sw.SetRow(cell(1, row), info); err != nil {
		return nil, 0, err
	}
	row++
	header := make([]any, len(fr.columns))
	for i, c := range fr.columns {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if err := sw.SetRow(cell(1, row), header, excelize.RowOpts{Height: 30}); err != nil {
		return nil, 0, err
	}
	return sw, row + 1, nil
}

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
	v, _ := strconv.ParseFloat(m.WanString(), 64)
	return excelize.Cell{StyleID: style, Value: v}
}

// percent is a number cell holding p % as a fraction (p/100), shown with
// a percent format; nil when p is unknown.
func percent(style int, p decimal.NullDecimal) any {
	if !p.Valid {
		return excelize.Cell{StyleID: style}
	}
	v, _ := strconv.ParseFloat(p.Decimal.Shift(-2).String(), 64)
	return excelize.Cell{StyleID: style, Value: v}
}

// date is a date cell, blank when d is unknown.
func date(style int, d model.Date) excelize.Cell {
	if d.IsZero() {
		return excelize.Cell{StyleID: style}
	}
	return excelize.Cell{StyleID: style, Value: d.Time()}
}

// formula is a cell computed by Excel from our own formula text.
func formula(style int, f string) excelize.Cell {
	return excelize.Cell{StyleID: style, Formula: f}
}

// subtotal is a cell summing column col over rows from..to with
// SUBTOTAL(9, …), which follows the filter (hidden rows drop out); 0
// when the range is empty.
func subtotal(style, col, from, to int) excelize.Cell {
	if to < from {
		return excelize.Cell{StyleID: style, Value: 0}
	}
	c := colName(col)
	return formula(style, toFen(fmt.Sprintf("SUBTOTAL(9,%s%d:%[1]s%[3]d)", c, from, to)))
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
