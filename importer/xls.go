package importer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// Legacy .xls (BIFF8, Excel 97–2003 and WPS) is read by a strict record
// reader of its own: the Workbook stream of the compound file (mscfb)
// is read record by record into a workbook of the same cells, number
// formats, merges, sheet visibility and date mode, which then goes
// through the one .xlsx pipeline, so every rule holds for it. The
// workbook is written as the records are read (xlsout.go), so that what
// is held is the stream and one row, not the workbook. An encrypted
// file is decrypted first (xlscrypt.go). A record that carries cell
// data and is not understood, a record cut short or a cell past the
// limits is refused naming the sheet and cell; nothing is skipped.

// xlsRefusal refuses a legacy workbook at a sheet and cell.
func xlsRefusal(sheet string, row, col int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	r := &refusal{msg: msg, sheet: sheet, row: row}
	if col > 0 {
		r.column, _ = excelize.ColumnNumberToName(col)
	}
	return r
}

// BIFF8 record types read.
const (
	recBOF        = 0x0809
	recEOF        = 0x000A
	recFilePass   = 0x002F
	recDateMode   = 0x0022
	recFormat     = 0x041E
	recXF         = 0x00E0
	recBoundSheet = 0x0085
	recSST        = 0x00FC
	recContinue   = 0x003C
	recLabelSST   = 0x00FD
	recLabel      = 0x0204
	recRString    = 0x00D6
	recNumber     = 0x0203
	recRK         = 0x027E
	recMulRK      = 0x00BD
	recBlank      = 0x0201
	recMulBlank   = 0x00BE
	recBoolErr    = 0x0205
	recFormula    = 0x0006
	recString     = 0x0207
	recMergeCells = 0x00E5
	recDimensions = 0x0200
)

// oldCellRecords carry cells in forms BIFF8 does not use (BIFF2–4):
// met in a BIFF8 sheet they are refused, not skipped.
var oldCellRecords = map[uint16]bool{0x0001: true, 0x0002: true, 0x0003: true, 0x0004: true, 0x0005: true, 0x0007: true, 0x0206: true, 0x0406: true}

// maxXLSCells caps the cells of a legacy workbook, all sheets together,
// as the unzip limit caps an .xlsx: a 32 MB .xls holds up to five
// million cells, which would take minutes to import.
const maxXLSCells = 2_000_000

type biffRecord struct {
	typ  uint16
	data []byte
	pos  int // offset of the record in the stream
}

// biffReader reads a Workbook stream record by record, holding nothing
// but its place.
type biffReader struct {
	s   []byte
	i   int
	cut bool // the stream ends inside a record
}

// next returns the next record; ok is false at the stream's end, and
// cut is set when it ends inside a record.
func (r *biffReader) next() (rec biffRecord, ok bool) {
	s, i := r.s, r.i
	if i >= len(s) {
		return rec, false
	}
	if len(s)-i < 4 {
		r.cut = true
		return rec, false
	}
	typ, n := binary.LittleEndian.Uint16(s[i:]), int(binary.LittleEndian.Uint16(s[i+2:]))
	if len(s)-i-4 < n {
		r.cut = true
		return rec, false
	}
	r.i = i + 4 + n
	return biffRecord{typ, s[i+4 : i+4+n], i}, true
}

// continued reads the CONTINUE records that follow, into segs.
func (r *biffReader) continued(segs [][]byte) [][]byte {
	for {
		at := r.i
		rec, ok := r.next()
		if !ok || rec.typ != recContinue {
			r.i = at
			return segs
		}
		segs = append(segs, rec.data)
	}
}

// biffString reads BIFF8 unicode strings over a record and its
// CONTINUE records: character data crossing into a CONTINUE starts there
// with a fresh flags byte.
type biffString struct {
	segs [][]byte
	seg  int
	pos  int
	bad  bool
}

func (r *biffString) bytes(n int) []byte {
	var out []byte
	for n > 0 {
		if r.seg >= len(r.segs) {
			r.bad = true
			return nil
		}
		s := r.segs[r.seg]
		if r.pos >= len(s) {
			r.seg, r.pos = r.seg+1, 0
			continue
		}
		k := min(n, len(s)-r.pos)
		out = append(out, s[r.pos:r.pos+k]...)
		r.pos, n = r.pos+k, n-k
	}
	return out
}

func (r *biffString) u16() int {
	b := r.bytes(2)
	if len(b) < 2 {
		return 0
	}
	return int(binary.LittleEndian.Uint16(b))
}

// str reads an XLUnicodeString whose count takes cchBytes (1 or 2).
func (r *biffString) str(cchBytes int) (string, int) {
	var cch int
	if cchBytes == 1 {
		b := r.bytes(1)
		if len(b) == 1 {
			cch = int(b[0])
		}
	} else {
		cch = r.u16()
	}
	fl := r.bytes(1)
	if r.bad || len(fl) < 1 {
		r.bad = true
		return "", cch
	}
	flags := fl[0]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		runs = r.u16()
	}
	if flags&0x04 != 0 {
		if b := r.bytes(4); len(b) == 4 {
			ext = int(binary.LittleEndian.Uint32(b))
		}
	}
	high := flags&0x01 != 0
	units := make([]uint16, 0, min(cch, 1<<12))
	for len(units) < cch && !r.bad {
		if r.seg >= len(r.segs) {
			r.bad = true
			break
		}
		s := r.segs[r.seg]
		if r.pos >= len(s) {
			// the characters go on in the next CONTINUE, after its flags
			if r.seg+1 >= len(r.segs) || len(r.segs[r.seg+1]) == 0 {
				r.bad = true
				break
			}
			r.seg, r.pos = r.seg+1, 1
			high = r.segs[r.seg][0]&0x01 != 0
			continue
		}
		if high {
			if r.pos+1 == len(s) {
				r.bad = true // a character split over records
				break
			}
			for r.pos+1 < len(s) && len(units) < cch {
				units = append(units, binary.LittleEndian.Uint16(s[r.pos:]))
				r.pos += 2
			}
		} else {
			for r.pos < len(s) && len(units) < cch {
				units = append(units, uint16(s[r.pos]))
				r.pos++
			}
		}
	}
	r.bytes(4*runs + ext)
	return string(utf16.Decode(units)), cch
}

// xlsSheet is one sheet's entry in the workbook globals.
type xlsSheet struct {
	name   string
	pos    int
	hidden bool
	kind   byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VB module
}

// readXLS reads BIFF8 Workbook stream s, decrypting it in place with
// password when it is encrypted, and writes to out an .xlsx package of
// the same cells, number formats, merges, sheet visibility and date
// mode, of at most limit bytes of XML. It reads the stream record by
// record and writes each row as soon as the next begins: besides the
// stream it holds the shared strings, the formats and one row.
func readXLS(s []byte, password string, maxRows, maxCells int, limit int64, out io.Writer) error {
	corrupt := func(sheet string, row, col int) error {
		return xlsRefusal(sheet, row, col, "文件已损坏：.xls 工作簿的数据不完整或格式异常，无法完整读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入")
	}
	r := &biffReader{s: s}
	bof, ok := r.next()
	if !ok || bof.typ != recBOF || len(bof.data) < 4 {
		return corrupt("", 0, 0)
	}
	if v := binary.LittleEndian.Uint16(bof.data); v != 0x0600 {
		return refuse("文件是 Excel 95 或更早版本的 .xls 工作簿（BIFF5 及以前），暂不支持：请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
	}
	var (
		formats   = map[int]string{}
		xfs       []int
		sheets    []xlsSheet
		encrypted bool
	)
	w := newXLSXWriter(out, limit)
globals:
	for {
		rec, ok := r.next()
		if !ok {
			return corrupt("", 0, 0)
		}
		d := rec.data
		switch rec.typ {
		case recEOF:
			break globals
		case recFilePass:
			if encrypted {
				return corrupt("", 0, 0)
			}
			encrypted = true
			if msg := unlockXLS(s, d, r.i, password); msg != "" {
				return &refusal{msg: msg}
			}
		case recDateMode:
			w.date1904 = len(d) >= 2 && binary.LittleEndian.Uint16(d) == 1
		case recFormat:
			if len(d) < 2 {
				return corrupt("", 0, 0)
			}
			rs := &biffString{segs: [][]byte{d[2:]}}
			code, _ := rs.str(2)
			if rs.bad {
				return corrupt("", 0, 0)
			}
			formats[int(binary.LittleEndian.Uint16(d))] = code
		case recXF:
			if len(d) < 4 || len(xfs) >= maxCellFormats {
				return corrupt("", 0, 0)
			}
			xfs = append(xfs, int(binary.LittleEndian.Uint16(d[2:])))
		case recBoundSheet:
			if len(d) < 8 || len(sheets) >= maxSheets {
				return corrupt("", 0, 0)
			}
			rs := &biffString{segs: [][]byte{d[6:]}}
			name, _ := rs.str(1)
			if rs.bad {
				return corrupt("", 0, 0)
			}
			sheets = append(sheets, xlsSheet{name: name, pos: int(binary.LittleEndian.Uint32(d)), hidden: d[4]&0x03 != 0, kind: d[5]})
		case recSST:
			if len(d) < 8 {
				return corrupt("", 0, 0)
			}
			n := int(binary.LittleEndian.Uint32(d[4:]))
			if n > maxSharedStrings {
				return refuse("工作簿的共享字符串超过 %d 个的上限，已拒绝", maxSharedStrings)
			}
			rs := &biffString{segs: r.continued([][]byte{d[8:]})}
			w.sst = make([]string, 0, min(n, len(s)/3)) // a string takes 3 bytes at least
			for len(w.sst) < n {
				str, _ := rs.str(2)
				if rs.bad {
					return corrupt("", 0, 0)
				}
				w.sst = append(w.sst, str)
			}
		}
	}
	style := func(sheet string, row, col, xf int) (int, error) {
		if xf < 0 || xf >= len(xfs) {
			return 0, corrupt(sheet, row, col)
		}
		code, custom := formats[xfs[xf]]
		return w.style(xfs[xf], code, custom), nil
	}
	cells := 0
	for _, sh := range sheets {
		if sh.kind == 2 || sh.kind == 6 {
			continue // a chart or a VB module holds no cells
		}
		name := sh.name
		if ok, err := w.beginSheet(name, sh.hidden); err != nil {
			return xlsWriteError(err, name, limit)
		} else if !ok {
			return xlsRefusal(name, 0, 0, "工作表名称无效或重复，请在 Excel 或 WPS 中重命名后另存为 .xlsx 再导入")
		}
		if sh.pos < 0 || sh.pos >= len(s) {
			return corrupt(name, 0, 0)
		}
		sr := &biffReader{s: s, i: sh.pos}
		if bof, ok := sr.next(); !ok || bof.typ != recBOF || len(bof.data) < 4 || binary.LittleEndian.Uint16(bof.data) != 0x0600 {
			return corrupt(name, 0, 0)
		}
		filled := 0
		// the used range the sheet declares (DIMENSIONS), when it does:
		// a cell outside it is damage, as a changed row or column byte
		var dims *[4]int // first row, last row + 1, first column, last column + 1 (0-based)
		set := func(d []byte, col int, c xlsCell, xf int) error {
			row := int(binary.LittleEndian.Uint16(d)) + 1
			if col > 256 || dims != nil && (row-1 < dims[0] || row-1 >= dims[1] || col-1 < dims[2] || col-1 >= dims[3]) {
				return corrupt(name, row, col)
			}
			if row > maxRows {
				return xlsRefusal(name, row, 0, "工作表超过每表 %d 行的上限：自第%d行起未读取，未写入任何数据；请将其拆分为多个工作表或文件后再导入", maxRows, row)
			}
			if filled++; filled > maxCells {
				return xlsRefusal(name, row, 0, "工作表的非空单元格超过每表 %d 个的上限：自第%d行起未读取，未写入任何数据；请将其拆分为多个工作表或文件后再导入", maxCells, row)
			}
			if cells++; cells > maxXLSCells {
				return xlsRefusal(name, row, 0, "旧版 .xls 工作簿的非空单元格超过 %d 个的上限：请在 Excel 或 WPS 中另存为 .xlsx 后再导入", maxXLSCells)
			}
			switch {
			case c.kind == cellNumber && (math.IsNaN(c.num) || math.IsInf(c.num, 0)):
				return corrupt(name, row, col)
			case c.kind == cellText && utf8.RuneCountInString(c.str) > excelize.TotalCellChars:
				return xlsRefusal(name, row, col, "单元格文字超过 Excel 每格 %d 个字符的上限", excelize.TotalCellChars)
			}
			var err error
			if c.xf, err = style(name, row, col, xf); err != nil {
				return err
			}
			c.col = col
			ok, err := w.cell(row, c)
			if err != nil {
				return xlsWriteError(err, name, limit)
			}
			if !ok {
				return xlsRefusal(name, row, col, "工作表的单元格记录未按行的顺序排列（第%d行在后面的行之后），无法按顺序读取：请在 Excel 或 WPS 中另存为 .xlsx 后再导入", row)
			}
			return nil
		}
		depth := 0
	records:
		for {
			rec, ok := sr.next()
			if !ok {
				return corrupt(name, 0, 0) // a sheet ends with its EOF
			}
			d, typ := rec.data, rec.typ
			if depth > 0 { // a chart or other substream within the sheet
				switch typ {
				case recBOF:
					depth++
				case recEOF:
					depth--
				}
				continue
			}
			rowOf := func() int { return int(binary.LittleEndian.Uint16(d)) + 1 }
			cell := func(need int) (int, int, bool) {
				if len(d) < need {
					return 0, 0, false
				}
				return int(binary.LittleEndian.Uint16(d[2:])) + 1, int(binary.LittleEndian.Uint16(d[4:])), true
			}
			var err error
			switch typ {
			case recBOF:
				depth++
			case recEOF:
				break records
			case recLabelSST:
				col, xf, ok := cell(10)
				if !ok {
					return corrupt(name, 0, 0)
				}
				k := int(binary.LittleEndian.Uint32(d[6:]))
				if k >= len(w.sst) {
					return corrupt(name, rowOf(), col)
				}
				err = set(d, col, xlsCell{kind: cellShared, sst: k}, xf)
			case recLabel, recRString:
				col, xf, ok := cell(9)
				if !ok {
					return corrupt(name, 0, 0)
				}
				rs := &biffString{segs: [][]byte{d[6:]}}
				if typ == recRString {
					// RSTRING: its text is a count and bytes then runs
					rs.segs = [][]byte{append([]byte{d[6], d[7], 0}, d[8:]...)}
				}
				str, _ := rs.str(2)
				if rs.bad {
					return corrupt(name, rowOf(), col)
				}
				err = set(d, col, xlsCell{kind: cellText, str: str}, xf)
			case recNumber:
				col, xf, ok := cell(14)
				if !ok {
					return corrupt(name, 0, 0)
				}
				err = set(d, col, xlsCell{num: math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))}, xf)
			case recRK:
				col, xf, ok := cell(10)
				if !ok {
					return corrupt(name, 0, 0)
				}
				err = set(d, col, xlsCell{num: rk(binary.LittleEndian.Uint32(d[6:]))}, xf)
			case recMulRK:
				if len(d) < 6 || (len(d)-6)%6 != 0 {
					return corrupt(name, 0, 0)
				}
				first := int(binary.LittleEndian.Uint16(d[2:])) + 1
				n := (len(d) - 6) / 6
				if int(binary.LittleEndian.Uint16(d[len(d)-2:]))+1 != first+n-1 {
					return corrupt(name, rowOf(), first)
				}
				for k := 0; k < n && err == nil; k++ {
					o := 4 + 6*k
					err = set(d, first+k, xlsCell{num: rk(binary.LittleEndian.Uint32(d[o+2:]))}, int(binary.LittleEndian.Uint16(d[o:])))
				}
			case recDimensions:
				if len(d) < 12 {
					return corrupt(name, 0, 0)
				}
				dims = &[4]int{int(binary.LittleEndian.Uint32(d)), int(binary.LittleEndian.Uint32(d[4:])), int(binary.LittleEndian.Uint16(d[8:])), int(binary.LittleEndian.Uint16(d[10:]))}
			case recBlank, recMulBlank:
				// no value; a blank's format shows nothing
			case recBoolErr:
				col, xf, ok := cell(8)
				if !ok {
					return corrupt(name, 0, 0)
				}
				if d[7] == 0 {
					err = set(d, col, boolCell(d[6] != 0), xf)
				} else {
					err = set(d, col, xlsCell{kind: cellText, str: biffError(d[6])}, xf)
				}
			case recFormula:
				col, xf, ok := cell(20)
				if !ok {
					return corrupt(name, 0, 0)
				}
				res := d[6:14]
				if res[6] != 0xFF || res[7] != 0xFF {
					err = set(d, col, xlsCell{num: math.Float64frombits(binary.LittleEndian.Uint64(res))}, xf)
					break
				}
				switch res[0] {
				case 0: // the text follows in a STRING record
					str, ok := formulaString(sr)
					if !ok {
						return corrupt(name, rowOf(), col)
					}
					err = set(d, col, xlsCell{kind: cellText, str: str}, xf)
				case 1:
					err = set(d, col, boolCell(res[2] != 0), xf)
				case 2:
					err = set(d, col, xlsCell{kind: cellText, str: biffError(res[2])}, xf)
				case 3: // an empty text
				default:
					return corrupt(name, rowOf(), col)
				}
			case recString:
				return corrupt(name, 0, 0) // a formula's text without its formula
			case recMergeCells:
				if len(d) < 2 || len(d) < 2+8*int(binary.LittleEndian.Uint16(d)) {
					return corrupt(name, 0, 0)
				}
				for k := 0; k < int(binary.LittleEndian.Uint16(d)); k++ {
					o := 2 + 8*k
					r0, r1 := int(binary.LittleEndian.Uint16(d[o:]))+1, int(binary.LittleEndian.Uint16(d[o+2:]))+1
					c0, c1 := int(binary.LittleEndian.Uint16(d[o+4:]))+1, int(binary.LittleEndian.Uint16(d[o+6:]))+1
					if r1 < r0 || c1 < c0 || c1 > 256 || r1 > maxRows {
						return corrupt(name, r0, c0)
					}
					a, _ := excelize.CoordinatesToCellName(c0, r0)
					b, _ := excelize.CoordinatesToCellName(c1, r1)
					w.merge(a + ":" + b)
				}
			default:
				if oldCellRecords[typ] {
					row := 0
					if len(d) >= 2 {
						row = rowOf()
					}
					return xlsRefusal(name, row, 0, "工作表含无法识别的单元格记录（0x%04X），无法完整读取：请在 Excel 或 WPS 中另存为 .xlsx 后再导入", typ)
				}
			}
			if err != nil {
				return err
			}
		}
		if err := w.endSheet(); err != nil {
			return xlsWriteError(err, name, limit)
		}
	}
	if len(w.sheets) == 0 {
		return corrupt("", 0, 0)
	}
	if err := w.close(); err != nil {
		return xlsWriteError(err, "", limit)
	}
	return nil
}

func boolCell(b bool) xlsCell {
	if b {
		return xlsCell{kind: cellBool, num: 1}
	}
	return xlsCell{kind: cellBool}
}

// formulaString reads the STRING record (and its CONTINUE records) that
// holds the text a formula last gave, past the records that may stand
// between (a shared or array formula's); ok is false when a cell comes
// first.
func formulaString(sr *biffReader) (string, bool) {
	for {
		rec, ok := sr.next()
		switch {
		case !ok || isCellRecord(rec.typ):
			return "", false
		case rec.typ == recString:
			rs := &biffString{segs: sr.continued([][]byte{rec.data})}
			str, _ := rs.str(2)
			return str, !rs.bad
		}
	}
}

// xlsWriteError is the refusal of a write of the rebuilt workbook that
// failed at sheet.
func xlsWriteError(err error, sheet string, limit int64) error {
	var dup errDuplicateCell
	switch {
	case errors.Is(err, errXLSXLimit):
		return xlsRefusal(sheet, 0, 0, "旧版 .xls 工作簿展开后超过 %d MB 的上限，已拒绝：请将其拆分为多个文件，或在 Excel 或 WPS 中另存为 .xlsx 后再导入", limit>>20)
	case errors.As(err, &dup):
		return xlsRefusal(sheet, dup.row, dup.col, "文件已损坏：.xls 工作簿的数据不完整或格式异常，无法完整读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入")
	}
	return err
}

// isCellRecord reports whether a record type carries a cell.
func isCellRecord(t uint16) bool {
	switch t {
	case recLabelSST, recLabel, recRString, recNumber, recRK, recMulRK, recBlank, recMulBlank, recBoolErr, recFormula:
		return true
	}
	return oldCellRecords[t]
}

// rk decodes an RK number.
func rk(v uint32) float64 {
	var f float64
	if v&0x02 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&0xFFFFFFFC) << 32)
	}
	if v&0x01 != 0 {
		f /= 100
	}
	return f
}

// biffError is the text Excel shows for an error value.
func biffError(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#" + strconv.Itoa(int(code))
}

// xlsWorkbook returns the Workbook (or Book) stream of compound file src.
func xlsWorkbook(src sizedReaderAt) ([]byte, bool) {
	doc, err := mscfb.New(src)
	if err != nil {
		return nil, false
	}
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		if e.Name == "Workbook" || e.Name == "Book" {
			if e.Size < 0 || e.Size > src.Size() {
				return nil, false
			}
			b := make([]byte, e.Size)
			_, err := io.ReadFull(e, b)
			return b, err == nil
		}
	}
	return nil, false
}

// readLegacy reads the legacy workbook of compound file src into the
// .xlsx package it writes to out (readXLS).
func readLegacy(src sizedReaderAt, password string, maxRows, maxCells int, limit int64, out io.Writer) error {
	stream, ok := xlsWorkbook(src)
	if !ok {
		return refuse("文件已损坏：无法读取 .xls 工作簿中的内容，请重新保存或重新获取原文件后再导入")
	}
	return readXLS(stream, password, maxRows, maxCells, limit, out)
}

// biffEncrypted tells whether the globals of Workbook stream s have a
// FILEPASS record.
func biffEncrypted(s []byte) bool {
	r := &biffReader{s: s}
	for rec, ok := r.next(); ok && rec.typ != recEOF; rec, ok = r.next() {
		if rec.typ == recFilePass {
			return true
		}
	}
	return false
}
