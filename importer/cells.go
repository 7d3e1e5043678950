package importer

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// excelize tells a cell's style and type only by loading its whole sheet
// into memory (GetCellStyle, GetCellType), so the importer reads them
// itself: the number formats from the styles part, and each cell's style
// and type from its sheet's XML as a stream that follows the rows as they
// are read (cellCursor).

// numFormats are a workbook's cell formats: the number format of each.
type numFormats struct {
	custom map[int]string // numFmtId → format code
	xfs    []int          // cellXfs index → numFmtId
}

// Bounds of the styles read: Excel holds at most 65,490 cell formats.
const (
	maxCellFormats = 1 << 17
	maxNumFormats  = 1 << 16
)

// readNumFormats reads the number formats and cell formats of the styles
// part (checked by checkPackage to be under maxSmallPart).
func (w *workbookParts) readNumFormats() *numFormats {
	nf := &numFormats{custom: map[int]string{}}
	rc, err := w.open(w.styles)
	if err != nil {
		return nf
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, maxSmallPart))
	depth, inXfs := 0, 0
	for {
		tok, err := d.Token()
		if err != nil {
			return nf
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case t.Name.Local == "numFmt" && len(nf.custom) < maxNumFormats:
				id, err := strconv.Atoi(attrOf(t, "numFmtId"))
				if err == nil {
					nf.custom[id] = attrOf(t, "formatCode")
				}
			case t.Name.Local == "cellXfs":
				inXfs = depth
			case t.Name.Local == "xf" && inXfs > 0 && depth == inXfs+1 && len(nf.xfs) < maxCellFormats:
				id, _ := strconv.Atoi(attrOf(t, "numFmtId"))
				nf.xfs = append(nf.xfs, id)
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = 0
			}
			depth--
		}
	}
}

func attrOf(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// code returns the number format code of cell format xf ("" for
// General), as excelize's GetStyle gives it: a built-in format by its
// number, else the workbook's own code.
func (nf *numFormats) code(xf int) string {
	if xf < 0 || xf >= len(nf.xfs) {
		return ""
	}
	id := nf.xfs[xf]
	builtin := id <= 22 || 37 <= id && id <= 49 || 27 <= id && id <= 36 || 50 <= id && id <= 62 || 67 <= id && id <= 81
	if c, ok := nf.custom[id]; ok && !builtin {
		return c
	}
	switch id {
	case 9, 10:
		return "0%"
	case 2, 4:
		return "0.00"
	}
	return builtinDateFormat(id)
}

// cellAttrs are what a cell's tag says besides its value.
type cellAttrs struct {
	col   int    // 1-based
	style int    // its s, 0 when unset
	typ   string // its t, "" when unset
}

// colStyle is a range of columns' style (<col min max style>).
type colStyle struct{ min, max, style int }

// cellCursor reads the cell attributes of one sheet's rows in order, as
// the sheet's rows stream by; a row before the last one asked for is
// read again from the sheet's start.
type cellCursor struct {
	open     func() (io.ReadCloser, error)
	rc       io.ReadCloser
	r        *bufio.Reader
	cols     []colStyle
	row      int // the row whose cells are held, 0 before the first
	rowStyle int
	cells    []cellAttrs
	ahead    int // the number of a row tag read past row (its style in aheadStyle), 0 if none
	aheadSt  int
	lastRow  int // the number of the last row tag read
	done     bool
}

func (w *workbookParts) cursor(sheet string) *cellCursor {
	return &cellCursor{open: func() (io.ReadCloser, error) { return w.open(w.parts[sheet]) }}
}

func (c *cellCursor) close() {
	if c.rc != nil {
		c.rc.Close()
		c.rc = nil
	}
}

// at returns the style and type of the cell of row n in column col
// (1-based), with a style unset taken from the row's, else the column's
// (as excelize does).
func (c *cellCursor) at(n, col int) (style int, typ string) {
	c.seek(n)
	if c.row == n {
		for _, a := range c.cells {
			if a.col == col {
				style, typ = a.style, a.typ
				break
			}
		}
		if style == 0 {
			style = c.rowStyle
		}
	}
	if style == 0 {
		for _, cs := range c.cols {
			if cs.min <= col && col <= cs.max && cs.style != 0 {
				return cs.style, typ
			}
		}
	}
	return style, typ
}

// seek reads on to row n (from the start if n lies behind).
func (c *cellCursor) seek(n int) {
	if c.r == nil || n < c.row {
		c.close()
		*c = cellCursor{open: c.open}
		rc, err := c.open()
		if err != nil {
			c.done = true
			return
		}
		c.rc, c.r = rc, bufio.NewReaderSize(rc, 64<<10)
	}
	for c.row < n {
		if c.ahead == 0 {
			if c.done {
				return
			}
			c.scan(false) // on to the next row tag
			if c.ahead == 0 {
				return
			}
		}
		if c.ahead > n {
			return // row n has no tag: no cells
		}
		c.row, c.rowStyle, c.cells, c.ahead = c.ahead, c.aheadSt, c.cells[:0], 0
		c.scan(true)
	}
}

// scan reads tags up to the next row tag (into ahead), collecting the
// cells of the current row when cells is set, and the column styles
// before the first row.
func (c *cellCursor) scan(cells bool) {
	for !c.done {
		tag, err := c.r.ReadSlice('>')
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			c.done = true
		}
		i := bytes.LastIndexByte(tag, '<')
		if i < 0 || errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		name, closing, attrs := tagName(tag[i+1:])
		if closing {
			c.done = string(name) == "sheetData"
			continue
		}
		switch string(name) {
		case "row":
			c.lastRow++
			if r, err := strconv.Atoi(attrValue(attrs, "r")); err == nil {
				c.lastRow = r
			}
			c.ahead = c.lastRow
			c.aheadSt, _ = strconv.Atoi(attrValue(attrs, "s"))
			return
		case "c":
			if !cells {
				continue
			}
			a := cellAttrs{col: 1, typ: attrValue(attrs, "t")}
			if len(c.cells) > 0 {
				a.col = c.cells[len(c.cells)-1].col + 1
			}
			if ref := attrValue(attrs, "r"); ref != "" {
				if col, _, err := excelize.CellNameToCoordinates(ref); err == nil {
					a.col = col
				}
			}
			a.style, _ = strconv.Atoi(attrValue(attrs, "s"))
			c.cells = append(c.cells, a)
		case "col":
			if len(c.cols) < 16384 {
				lo, _ := strconv.Atoi(attrValue(attrs, "min"))
				hi, _ := strconv.Atoi(attrValue(attrs, "max"))
				st, _ := strconv.Atoi(attrValue(attrs, "style"))
				c.cols = append(c.cols, colStyle{lo, hi, st})
			}
		}
	}
}

// tagName splits a tag's bytes after its '<' into its local name,
// whether it is an end tag, and the bytes after the name.
func tagName(tag []byte) (name []byte, closing bool, attrs []byte) {
	if closing = len(tag) > 0 && tag[0] == '/'; closing {
		tag = tag[1:]
	}
	end := 0
	for end < len(tag) && !isSpace(tag[end]) && tag[end] != '>' && tag[end] != '/' {
		end++
	}
	name = tag[:end]
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name, closing, tag[end:]
}

// isNumberType reports whether a cell's t says it holds a number (unset
// or n, as excelize's GetCellType reads it).
func isNumberType(t string) bool {
	switch t {
	case "b", "d", "e", "inlineStr", "s", "str":
		return false
	}
	return true
}
