package importer

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A cell merged over several rows (责任单位 "县民政局" over ten projects,
// 项目名称 "敬老院改扩建" over five sites) holds its value in its top cell
// only; the rows below it mean the same value. excelize reads merges only
// by loading the whole sheet, so the merges are scanned from the sheet's
// XML as a stream, and each row is filled in as it is read.

// merge is a range of cells merged over more than one row (0-based
// column, Excel row numbers).
type merge struct {
	col, first, last int
	value            string // the top cell's, once read
	typ              string // the top cell's type (its t), when value may be a number
	warned           bool   // a merged figure was reported
}

// workbookParts maps sheet names to their parts in the package.
type workbookParts struct {
	zip   *zip.Reader
	parts map[string]string
	// sheets lists the workbook's sheets in order; book, bookRels and
	// styles are the paths of the workbook, its relationships and its
	// styles.
	sheets                 []string
	book, bookRels, styles string
	// xmlLimit is excelize's UnzipXMLSizeLimit for this package
	// (checkPackage).
	xmlLimit int64
	src      io.Closer // the spooled copy the package is read from, if any
}

// close closes the copy the package was read from.
func (w *workbookParts) close() {
	if w.src != nil {
		w.src.Close()
	}
}

// newWorkbookParts indexes the package's sheets.
func newWorkbookParts(zr *zip.Reader) *workbookParts {
	type rel struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	}
	var pkgRels, bookRels struct {
		Rels []rel `xml:"Relationship"`
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	w := &workbookParts{zip: zr, parts: map[string]string{}, book: "xl/workbook.xml"}
	if w.unmarshal("_rels/.rels", &pkgRels) {
		for _, r := range pkgRels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				w.book = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	dir := path.Dir(w.book)
	w.bookRels = path.Join(dir, "_rels", path.Base(w.book)+".rels")
	w.styles = path.Join(dir, "styles.xml")
	if !w.unmarshal(w.bookRels, &bookRels) || !w.unmarshal(w.book, &book) {
		return w
	}
	target := func(r rel) string {
		if strings.HasPrefix(r.Target, "/") {
			return strings.TrimPrefix(r.Target, "/")
		}
		return path.Join(dir, r.Target)
	}
	for _, r := range bookRels.Rels {
		if strings.HasSuffix(r.Type, "/styles") {
			w.styles = target(r)
		}
	}
	for _, s := range book.Sheets {
		for _, r := range bookRels.Rels {
			if r.ID == s.ID {
				if _, ok := w.parts[s.Name]; !ok {
					w.sheets = append(w.sheets, s.Name)
				}
				w.parts[s.Name] = target(r)
			}
		}
	}
	return w
}

// unmarshal decodes a small part (a workbook or its relationships).
func (w *workbookParts) unmarshal(name string, v any) bool {
	rc, err := w.open(name)
	if err != nil {
		return false
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, maxSmallPart)).Decode(v) == nil
}

func (w *workbookParts) open(name string) (io.ReadCloser, error) {
	if f := w.file(name); f != nil {
		return f.Open()
	}
	return nil, errors.New("no part " + name)
}

func (w *workbookParts) file(name string) *zip.File {
	for _, f := range w.zip.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			return f
		}
	}
	return nil
}

// missing reports whether the workbook lists sheet but the package lacks
// its part: a damaged file.
func (w *workbookParts) missing(sheet string) bool {
	if w == nil {
		return false
	}
	part, ok := w.parts[sheet]
	return ok && w.file(part) == nil
}

var (
	reDimension = regexp.MustCompile(`^<(?:\w+:)?dimension\s[^>]*\bref="[A-Za-z]+\d+(?::[A-Za-z]+(\d+))?"`)
	reSheetData = regexp.MustCompile(`^<(?:\w+:)?sheetData[\s>/]`)
)

// rows estimates the sheet's rows: the last row of its dimension (the
// used range Excel records before the rows), or, when that names one
// cell at most (as excelize's stream writer leaves it), the number of
// the part's last row, read through its tail; limit bounds the bytes
// read.
func (w *workbookParts) rows(sheet string, limit int64) int {
	if n := w.dimension(sheet); n > 1 {
		return n
	}
	return w.lastRow(sheet, limit)
}

var reRowNumber = regexp.MustCompile(`<(?:\w+:)?row\s[^>]*\br="(\d+)"`)

// lastRow is the number of the last row the sheet's part holds, 0 when
// none.
func (w *workbookParts) lastRow(sheet string, limit int64) int {
	if w == nil || w.parts[sheet] == "" {
		return 0
	}
	rc, err := w.open(w.parts[sheet])
	if err != nil {
		return 0
	}
	defer rc.Close()
	const tail = 64 << 10
	var buf []byte
	chunk := make([]byte, 32<<10)
	r := io.LimitReader(rc, limit)
	for {
		n, err := r.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if len(buf) > 2*tail {
			buf = append(buf[:0], buf[len(buf)-tail:]...)
		}
		if err != nil {
			break
		}
	}
	m := reRowNumber.FindAllSubmatch(buf, -1)
	if len(m) == 0 {
		return 0
	}
	n, _ := strconv.Atoi(string(m[len(m)-1][1]))
	return n
}

// dimension returns the last row of the sheet's dimension, 0 when it
// has none. It reads the part's head only, never its rows.
func (w *workbookParts) dimension(sheet string) int {
	if w == nil || w.parts[sheet] == "" {
		return 0
	}
	rc, err := w.open(w.parts[sheet])
	if err != nil {
		return 0
	}
	defer rc.Close()
	r := bufio.NewReaderSize(io.LimitReader(rc, 64<<10), 4<<10)
	for {
		_, err := r.ReadSlice('<')
		if err != nil {
			return 0
		}
		r.UnreadByte()
		tag, err := r.ReadSlice('>')
		switch {
		case reSheetData.Match(tag):
			return 0
		case reDimension.Match(tag):
			m := reDimension.FindSubmatch(tag)
			if len(m[1]) == 0 {
				return 1 // one cell
			}
			n, _ := strconv.Atoi(string(m[1]))
			return n
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return 0
		}
	}
}

var (
	reMergeTag = regexp.MustCompile(`<(?:\w+:)?mergeCell\s`)
	reMergeRef = regexp.MustCompile(`\sref="([A-Za-z]+\d+):([A-Za-z]+\d+)"`)
)

// merges returns the sheet's ranges merged over more than one row,
// ordered by their first row; limit bounds the bytes read.
func (w *workbookParts) merges(sheet string, limit int64) []*merge {
	if w == nil || w.parts[sheet] == "" {
		return nil
	}
	rc, err := w.open(w.parts[sheet])
	if err != nil {
		return nil
	}
	defer rc.Close()
	var out []*merge
	r := bufio.NewReaderSize(io.LimitReader(rc, limit), 64<<10)
	for {
		tag, err := r.ReadSlice('>')
		if reMergeTag.Match(tag) {
			if m := reMergeRef.FindSubmatch(tag); m != nil {
				c0, r0, e0 := excelize.CellNameToCoordinates(string(m[1]))
				_, r1, e1 := excelize.CellNameToCoordinates(string(m[2]))
				if e0 == nil && e1 == nil && r1 > r0 {
					out = append(out, &merge{col: c0 - 1, first: r0, last: r1})
				}
			}
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			break
		}
	}
	slices.SortFunc(out, func(a, b *merge) int { return a.first - b.first })
	return out
}

// merged follows a sheet's vertical merges as its rows stream by.
type merged struct {
	pending []*merge // not yet reached, by first row
	active  []*merge
}

// at records the values of the merges that start on row n and returns
// the merges that cover row n below their top cell.
func (m *merged) at(cells []string, n int) []*merge {
	for len(m.pending) > 0 && m.pending[0].first <= n {
		g := m.pending[0]
		m.pending = m.pending[1:]
		if g.first == n {
			g.value = cellOf(cells, &column{idx: g.col})
			m.active = append(m.active, g)
		}
	}
	m.active = slices.DeleteFunc(m.active, func(g *merge) bool { return g.last < n })
	var below []*merge
	for _, g := range m.active {
		if g.first < n {
			below = append(below, g)
		}
	}
	return below
}
