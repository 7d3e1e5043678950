package importer

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// xlsxWriter writes the .xlsx package a legacy workbook becomes, as its
// records are read: each sheet's rows are written into the zip as they
// come (a row is held until the next begins), so that what it holds is
// one row, the merges of a sheet, the shared strings and the formats.
// It writes only what the import reads: cell values and their number
// formats, merges, sheet names and visibility, the date mode.
type xlsxWriter struct {
	zw       *zip.Writer
	part     *bufio.Writer
	size     int64 // bytes of XML written, at most limit
	limit    int64
	sheets   []xlsxSheet
	names    map[string]bool // the sheets' names, lower-cased
	row      int             // the row whose cells are held, 0 for none
	cells    []xlsCell
	merges   []string
	xfOf     map[int]int // a BIFF number format's cell format in cellXfs
	xfFmt    []int       // the numFmtId of each cell format
	custom   []xlsxNumFmt
	sst      []string
	date1904 bool
}

type xlsxSheet struct {
	name   string
	hidden bool
}

type xlsxNumFmt struct {
	id   int
	code string
}

// xlsCell is one cell of a row held: a number, a shared string, an
// inline text or a boolean.
type xlsCell struct {
	col  int
	xf   int // its cell format in cellXfs, 0 for General
	kind byte
	num  float64
	str  string
	sst  int
}

const (
	cellNumber byte = iota
	cellShared
	cellText
	cellBool
)

// errXLSXLimit stops a legacy workbook whose XML would pass the limit.
var errXLSXLimit = errors.New("xlsx limit")

func newXLSXWriter(out io.Writer, limit int64) *xlsxWriter {
	return &xlsxWriter{zw: zip.NewWriter(out), limit: limit, names: map[string]bool{}, xfOf: map[int]int{0: 0}, xfFmt: []int{0}}
}

// open starts the part name.
func (w *xlsxWriter) open(name string) error {
	if err := w.closePart(); err != nil {
		return err
	}
	pw, err := w.zw.Create(name)
	if err != nil {
		return err
	}
	w.part = bufio.NewWriterSize(pw, 64<<10)
	return w.put(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
}

func (w *xlsxWriter) closePart() error {
	if w.part == nil {
		return nil
	}
	err := w.part.Flush()
	w.part = nil
	return err
}

// put writes XML s to the part, within the limit.
func (w *xlsxWriter) put(s string) error {
	if w.size += int64(len(s)); w.size > w.limit {
		return errXLSXLimit
	}
	_, err := w.part.WriteString(s)
	return err
}

// text writes s escaped.
func (w *xlsxWriter) text(s string) error {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return err
	}
	return w.put(b.String())
}

// style is the cell format of BIFF number format id, whose code the
// workbook gives when custom is set.
func (w *xlsxWriter) style(id int, code string, custom bool) int {
	if xf, ok := w.xfOf[id]; ok {
		return xf
	}
	fmtID := id
	if custom && !(id <= 22 || 37 <= id && id <= 49) {
		fmtID = 164 + len(w.custom)
		w.custom = append(w.custom, xlsxNumFmt{fmtID, code})
	}
	w.xfOf[id] = len(w.xfFmt)
	w.xfFmt = append(w.xfFmt, fmtID)
	return w.xfOf[id]
}

// sheetNameOK is excelize's rule for a sheet's name.
func sheetNameOK(name string) bool {
	n := len(utf16.Encode([]rune(name)))
	return n > 0 && n <= excelize.MaxSheetNameLength && !strings.HasPrefix(name, "'") && !strings.HasSuffix(name, "'") && !strings.ContainsAny(name, `:\/?*[]`)
}

// beginSheet starts the next sheet; ok is false when its name is not one
// a sheet can have, or another sheet's.
func (w *xlsxWriter) beginSheet(name string, hidden bool) (ok bool, err error) {
	if !sheetNameOK(name) || w.names[strings.ToLower(name)] {
		return false, nil
	}
	w.names[strings.ToLower(name)] = true
	w.sheets = append(w.sheets, xlsxSheet{name, hidden})
	w.row, w.cells, w.merges = 0, w.cells[:0], w.merges[:0]
	if err := w.open(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(w.sheets))); err != nil {
		return true, err
	}
	return true, w.put(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
}

// cell holds c of row; ok is false when row comes before the row held
// (the rows of a sheet are written in order).
func (w *xlsxWriter) cell(row int, c xlsCell) (ok bool, err error) {
	if row < w.row {
		return false, nil
	}
	if row > w.row {
		if err := w.flushRow(); err != nil {
			return true, err
		}
		w.row = row
	}
	w.cells = append(w.cells, c)
	return true, nil
}

// errDuplicateCell is flushRow's error for two cells at one place.
type errDuplicateCell struct{ row, col int }

func (e errDuplicateCell) Error() string { return "duplicate cell" }

// flushRow writes the row held.
func (w *xlsxWriter) flushRow() error {
	if len(w.cells) == 0 {
		return nil
	}
	slices.SortStableFunc(w.cells, func(a, b xlsCell) int { return a.col - b.col })
	row := strconv.Itoa(w.row)
	if err := w.put(`<row r="` + row + `">`); err != nil {
		return err
	}
	for i, c := range w.cells {
		if i > 0 && w.cells[i-1].col == c.col {
			return errDuplicateCell{w.row, c.col}
		}
		name, _ := excelize.ColumnNumberToName(c.col)
		attrs := `<c r="` + name + row + `"`
		if c.xf != 0 {
			attrs += ` s="` + strconv.Itoa(c.xf) + `"`
		}
		var err error
		switch c.kind {
		case cellNumber:
			err = w.put(attrs + `><v>` + xlsxNumber(c.num) + `</v></c>`)
		case cellShared:
			err = w.put(attrs + ` t="s"><v>` + strconv.Itoa(c.sst) + `</v></c>`)
		case cellBool:
			v := "0"
			if c.num != 0 {
				v = "1"
			}
			err = w.put(attrs + ` t="b"><v>` + v + `</v></c>`)
		case cellText:
			if err = w.put(attrs + ` t="inlineStr"><is><t xml:space="preserve">`); err == nil {
				if err = w.text(c.str); err == nil {
					err = w.put(`</t></is></c>`)
				}
			}
		}
		if err != nil {
			return err
		}
	}
	w.cells = w.cells[:0]
	return w.put(`</row>`)
}

// xlsxNumber is v as excelize writes a float: rounded to 15 significant
// digits, the precision Excel shows.
func xlsxNumber(v float64) string {
	if math.Abs(v) != math.MaxFloat64 {
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// merge merges the range ref of the sheet being written.
func (w *xlsxWriter) merge(ref string) { w.merges = append(w.merges, ref) }

// endSheet ends the sheet being written.
func (w *xlsxWriter) endSheet() error {
	if err := w.flushRow(); err != nil {
		return err
	}
	if err := w.put(`</sheetData>`); err != nil {
		return err
	}
	if len(w.merges) > 0 {
		if err := w.put(`<mergeCells count="` + strconv.Itoa(len(w.merges)) + `">`); err != nil {
			return err
		}
		for _, m := range w.merges {
			if err := w.put(`<mergeCell ref="` + m + `"/>`); err != nil {
				return err
			}
		}
		if err := w.put(`</mergeCells>`); err != nil {
			return err
		}
	}
	return w.put(`</worksheet>`)
}

const (
	xmlnsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	xmlnsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// close writes the workbook's other parts and ends the package.
func (w *xlsxWriter) close() error {
	steps := []func() error{w.writeStrings, w.writeStyles, w.writeBook, w.writeRels}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if err := w.closePart(); err != nil {
		return err
	}
	return w.zw.Close()
}

func (w *xlsxWriter) writeStrings() error {
	if err := w.open("xl/sharedStrings.xml"); err != nil {
		return err
	}
	n := strconv.Itoa(len(w.sst))
	if err := w.put(`<sst xmlns="` + xmlnsMain + `" count="` + n + `" uniqueCount="` + n + `">`); err != nil {
		return err
	}
	for _, s := range w.sst {
		if err := w.put(`<si><t xml:space="preserve">`); err != nil {
			return err
		}
		if err := w.text(s); err != nil {
			return err
		}
		if err := w.put(`</t></si>`); err != nil {
			return err
		}
	}
	return w.put(`</sst>`)
}

func (w *xlsxWriter) writeStyles() error {
	if err := w.open("xl/styles.xml"); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(`<styleSheet xmlns="` + xmlnsMain + `">`)
	if len(w.custom) > 0 {
		fmt.Fprintf(&b, `<numFmts count="%d">`, len(w.custom))
		for _, f := range w.custom {
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="`, f.id)
			xml.EscapeText(&b, []byte(f.code))
			b.WriteString(`"/>`)
		}
		b.WriteString(`</numFmts>`)
	}
	b.WriteString(`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&b, `<cellXfs count="%d">`, len(w.xfFmt))
	for _, id := range w.xfFmt {
		fmt.Fprintf(&b, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, id)
	}
	b.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)
	return w.put(b.String())
}

func (w *xlsxWriter) writeBook() error {
	if err := w.open("xl/workbook.xml"); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString(`<workbook xmlns="` + xmlnsMain + `" xmlns:r="` + xmlnsRel + `">`)
	if w.date1904 {
		b.WriteString(`<workbookPr date1904="1"/>`)
	}
	b.WriteString(`<sheets>`)
	for i, s := range w.sheets {
		b.WriteString(`<sheet name="`)
		xml.EscapeText(&b, []byte(s.name))
		fmt.Fprintf(&b, `" sheetId="%d"`, i+1)
		if s.hidden {
			b.WriteString(` state="hidden"`)
		}
		fmt.Fprintf(&b, ` r:id="rId%d"/>`, i+1)
	}
	b.WriteString(`</sheets></workbook>`)
	return w.put(b.String())
}

func (w *xlsxWriter) writeRels() error {
	const rels = "http://schemas.openxmlformats.org/package/2006/relationships"
	const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
	var b strings.Builder
	b.WriteString(`<Relationships xmlns="` + rels + `">`)
	for i := range w.sheets {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%[1]d.xml"/>`, i+1, xmlnsRel)
	}
	n := len(w.sheets)
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/><Relationship Id="rId%d" Type="%[2]s/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, n+1, xmlnsRel, n+2)
	if err := w.open("xl/_rels/workbook.xml.rels"); err != nil {
		return err
	}
	if err := w.put(b.String()); err != nil {
		return err
	}
	if err := w.open("_rels/.rels"); err != nil {
		return err
	}
	if err := w.put(`<Relationships xmlns="` + rels + `"><Relationship Id="rId1" Type="` + xmlnsRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`); err != nil {
		return err
	}
	b.Reset()
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Override PartName="/xl/workbook.xml" ContentType="` + ct + `sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="` + ct + `styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="` + ct + `sharedStrings+xml"/>`)
	for i := range w.sheets {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%sworksheet+xml"/>`, i+1, ct)
	}
	b.WriteString(`</Types>`)
	if err := w.open("[Content_Types].xml"); err != nil {
		return err
	}
	return w.put(b.String())
}
