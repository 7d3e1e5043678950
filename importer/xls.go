package importer

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// Legacy .xls (BIFF8, Excel 97–2003 and WPS) is read by a strict record
// reader of its own: the Workbook stream of the compound file (mscfb)
// is read record by record into a workbook of the same cells, number
// formats, merges, sheet visibility and date mode, which then goes
// through the one .xlsx pipeline, so every rule holds for it. A record
// that carries cell data and is not understood, a record cut short, a
// cell past the limits or an encrypted file is refused naming the sheet
// and cell; nothing is skipped.

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
)

// oldCellRecords carry cells in forms BIFF8 does not use (BIFF2–4):
// met in a BIFF8 sheet they are refused, not skipped.
var oldCellRecords = map[uint16]bool{0x0001: true, 0x0002: true, 0x0003: true, 0x0004: true, 0x0005: true, 0x0007: true, 0x0206: true, 0x0406: true}

// maxXLSCells caps the cells of a legacy workbook, all sheets together:
// they are held in memory while its workbook is built.
const maxXLSCells = 2_000_000

type biffRecord struct {
	typ  uint16
	data []byte
	pos  int // offset of the record in the stream
}

// biffRecords splits a Workbook stream into records; ok is false when
// the stream ends inside one.
func biffRecords(s []byte, from int) (recs []biffRecord, ok bool) {
	for i := from; i < len(s); {
		if len(s)-i < 4 {
			return recs, false
		}
		typ, n := binary.LittleEndian.Uint16(s[i:]), int(binary.LittleEndian.Uint16(s[i+2:]))
		if len(s)-i-4 < n {
			return recs, false
		}
		recs = append(recs, biffRecord{typ, s[i+4 : i+4+n], i})
		if typ == recEOF && from != 0 {
			return recs, true
		}
		i += 4 + n
	}
	return recs, from == 0
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

// readXLS reads a BIFF8 Workbook stream into an .xlsx workbook's bytes.
func readXLS(stream []byte, maxRows, maxCells int) ([]byte, error) {
	corrupt := func(sheet string, row, col int) error {
		return xlsRefusal(sheet, row, col, "文件已损坏：.xls 工作簿的数据不完整或格式异常，无法完整读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入")
	}
	recs, ok := biffRecords(stream, 0)
	if len(recs) == 0 || recs[0].typ != recBOF || len(recs[0].data) < 4 {
		return nil, corrupt("", 0, 0)
	}
	if v := binary.LittleEndian.Uint16(recs[0].data); v != 0x0600 {
		return nil, refuse("文件是 Excel 95 或更早版本的 .xls 工作簿（BIFF5 及以前），暂不支持：请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
	}
	var (
		date1904 bool
		formats  = map[int]string{}
		xfs      []int
		sheets   []xlsSheet
		sst      []string
	)
	i := 1
globals:
	for ; i < len(recs); i++ {
		d := recs[i].data
		switch recs[i].typ {
		case recEOF:
			break globals
		case recFilePass:
			return nil, refuse("工作簿设有打开密码：加密的 .xls 工作簿不能直接导入，请在 Excel 或 WPS 中输入密码打开后另存为 .xlsx（可在另存时保留打开密码，导入时用 --password-stdin 或网页的“打开密码”提供）")
		case recDateMode:
			date1904 = len(d) >= 2 && binary.LittleEndian.Uint16(d) == 1
		case recFormat:
			if len(d) < 2 {
				return nil, corrupt("", 0, 0)
			}
			r := &biffString{segs: [][]byte{d[2:]}}
			code, _ := r.str(2)
			if r.bad {
				return nil, corrupt("", 0, 0)
			}
			formats[int(binary.LittleEndian.Uint16(d))] = code
		case recXF:
			if len(d) < 4 || len(xfs) >= maxCellFormats {
				return nil, corrupt("", 0, 0)
			}
			xfs = append(xfs, int(binary.LittleEndian.Uint16(d[2:])))
		case recBoundSheet:
			if len(d) < 8 || len(sheets) >= maxSheets {
				return nil, corrupt("", 0, 0)
			}
			r := &biffString{segs: [][]byte{d[6:]}}
			name, _ := r.str(1)
			if r.bad {
				return nil, corrupt("", 0, 0)
			}
			sheets = append(sheets, xlsSheet{name: name, pos: int(binary.LittleEndian.Uint32(d)), hidden: d[4]&0x03 != 0, kind: d[5]})
		case recSST:
			if len(d) < 8 {
				return nil, corrupt("", 0, 0)
			}
			n := int(binary.LittleEndian.Uint32(d[4:]))
			if n > maxSharedStrings {
				return nil, refuse("工作簿的共享字符串超过 %d 个的上限，已拒绝", maxSharedStrings)
			}
			r := &biffString{segs: [][]byte{d[8:]}}
			for i+1 < len(recs) && recs[i+1].typ == recContinue {
				i++
				r.segs = append(r.segs, recs[i].data)
			}
			sst = make([]string, 0, n)
			for len(sst) < n {
				s, _ := r.str(2)
				if r.bad {
					return nil, corrupt("", 0, 0)
				}
				sst = append(sst, s)
			}
		}
	}
	if !ok || i >= len(recs) {
		return nil, corrupt("", 0, 0)
	}

	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			return nil, corrupt("", 0, 0)
		}
	}
	styles := map[int]int{}
	style := func(sheet string, row, col, xf int) (int, error) {
		if xf < 0 || xf >= len(xfs) {
			return 0, corrupt(sheet, row, col)
		}
		id := xfs[xf]
		if id == 0 {
			return 0, nil
		}
		if s, ok := styles[id]; ok {
			return s, nil
		}
		st := &excelize.Style{NumFmt: id}
		if code, ok := formats[id]; ok && !(id <= 22 || 37 <= id && id <= 49) {
			st = &excelize.Style{CustomNumFmt: &code}
		}
		s, err := f.NewStyle(st)
		if err != nil {
			return 0, corrupt(sheet, row, col)
		}
		styles[id] = s
		return s, nil
	}
	cells, written := 0, 0
	for _, sh := range sheets {
		if sh.kind == 2 || sh.kind == 6 {
			continue // a chart or a VB module holds no cells
		}
		name := sh.name
		if written == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, xlsRefusal(name, 0, 0, "工作表名称无效，请在 Excel 或 WPS 中重命名后另存为 .xlsx 再导入")
			}
		} else if idx, err := f.NewSheet(name); err != nil || idx != written {
			return nil, xlsRefusal(name, 0, 0, "工作表名称无效或重复，请在 Excel 或 WPS 中重命名后另存为 .xlsx 再导入")
		}
		written++
		if sh.hidden {
			if err := f.SetSheetVisible(name, false); err != nil {
				return nil, corrupt(name, 0, 0)
			}
		}
		if sh.pos < 0 || sh.pos >= len(stream) {
			return nil, corrupt(name, 0, 0)
		}
		srecs, ok := biffRecords(stream, sh.pos)
		if !ok || len(srecs) == 0 || srecs[0].typ != recBOF || len(srecs[0].data) < 4 || binary.LittleEndian.Uint16(srecs[0].data) != 0x0600 {
			return nil, corrupt(name, 0, 0)
		}
		filled := 0
		depth := 0
		set := func(d []byte, col int, v any, xf int) error {
			row := int(binary.LittleEndian.Uint16(d)) + 1
			if col > 256 {
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
			ref, _ := excelize.CoordinatesToCellName(col, row)
			var err error
			switch v := v.(type) {
			case float64:
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return corrupt(name, row, col)
				}
				err = f.SetCellValue(name, ref, v)
			case string:
				if len([]rune(v)) > excelize.TotalCellChars {
					return xlsRefusal(name, row, col, "单元格文字超过 Excel 每格 %d 个字符的上限", excelize.TotalCellChars)
				}
				err = f.SetCellStr(name, ref, v)
			case bool:
				err = f.SetCellBool(name, ref, v)
			}
			if err != nil {
				return corrupt(name, row, col)
			}
			s, err := style(name, row, col, xf)
			if err != nil {
				return err
			}
			if s != 0 {
				if err := f.SetCellStyle(name, ref, ref, s); err != nil {
					return corrupt(name, row, col)
				}
			}
			return nil
		}
		for j := 1; j < len(srecs); j++ {
			d, typ := srecs[j].data, srecs[j].typ
			if depth > 0 {
				switch typ {
				case recBOF:
					depth++
				case recEOF:
					depth--
				}
				continue
			}
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
				j = len(srecs)
			case recLabelSST:
				col, xf, ok := cell(10)
				if !ok {
					return nil, corrupt(name, 0, 0)
				}
				k := int(binary.LittleEndian.Uint32(d[6:]))
				if k >= len(sst) {
					return nil, corrupt(name, int(binary.LittleEndian.Uint16(d))+1, col)
				}
				err = set(d, col, sst[k], xf)
			case recLabel, recRString:
				col, xf, ok := cell(9)
				if !ok {
					return nil, corrupt(name, 0, 0)
				}
				r := &biffString{segs: [][]byte{d[6:]}}
				if typ == recRString {
					// RSTRING: its text is a count and bytes then runs
					r.segs = [][]byte{append([]byte{d[6], d[7], 0}, d[8:]...)}
				}
				s, _ := r.str(2)
				if r.bad {
					return nil, corrupt(name, int(binary.LittleEndian.Uint16(d))+1, col)
				}
				err = set(d, col, s, xf)
			case recNumber:
				col, xf, ok := cell(14)
				if !ok {
					return nil, corrupt(name, 0, 0)
				}
				err = set(d, col, math.Float64frombits(binary.LittleEndian.Uint64(d[6:])), xf)
			case recRK:
				col, xf, ok := cell(10)
				if !ok {
					return nil, corrupt(name, 0, 0)
				}
				err = set(d, col, rk(binary.LittleEndian.Uint32(d[6:])), xf)
			case recMulRK:
				if len(d) < 6 || (len(d)-6)%6 != 0 {
					return nil, corrupt(name, 0, 0)
				}
				first := int(binary.LittleEndian.Uint16(d[2:])) + 1
				n := (len(d) - 6) / 6
				if int(binary.LittleEndian.Uint16(d[len(d)-2:]))+1 != first+n-1 {
					return nil, corrupt(name, int(binary.LittleEndian.Uint16(d))+1, first)
				}
				for k := 0; k < n && err == nil; k++ {
					o := 4 + 6*k
					err = set(d, first+k, rk(binary.LittleEndian.Uint32(d[o+2:])), int(binary.LittleEndian.Uint16(d[o:])))
				}
			case recBlank, recMulBlank:
				// no value; a blank's format shows nothing
			case recBoolErr:
				col, xf, ok := cell(8)
				if !ok {
					return nil, corrupt(name, 0, 0)
				}
				if d[7] == 0 {
					err = set(d, col, d[6] != 0, xf)
				} else {
					err = set(d, col, biffError(d[6]), xf)
				}
			case recFormula:
				col, xf, ok := cell(20)
				if !ok {
					return nil, corrupt(name, 0, 0)
				}
				res := d[6:14]
				if res[6] != 0xFF || res[7] != 0xFF {
					err = set(d, col, math.Float64frombits(binary.LittleEndian.Uint64(res)), xf)
					break
				}
				switch res[0] {
				case 0: // the text follows in a STRING record
					k := j + 1
					for k < len(srecs) && srecs[k].typ != recString && !isCellRecord(srecs[k].typ) {
						k++
					}
					if k >= len(srecs) || srecs[k].typ != recString {
						return nil, corrupt(name, int(binary.LittleEndian.Uint16(d))+1, col)
					}
					r := &biffString{segs: [][]byte{srecs[k].data}}
					for k+1 < len(srecs) && srecs[k+1].typ == recContinue {
						k++
						r.segs = append(r.segs, srecs[k].data)
					}
					s, _ := r.str(2)
					if r.bad {
						return nil, corrupt(name, int(binary.LittleEndian.Uint16(d))+1, col)
					}
					j = k
					err = set(d, col, s, xf)
				case 1:
					err = set(d, col, res[2] != 0, xf)
				case 2:
					err = set(d, col, biffError(res[2]), xf)
				case 3: // an empty text
				default:
					return nil, corrupt(name, int(binary.LittleEndian.Uint16(d))+1, col)
				}
			case recString:
				return nil, corrupt(name, 0, 0) // a formula's text without its formula
			case recMergeCells:
				if len(d) < 2 || len(d) < 2+8*int(binary.LittleEndian.Uint16(d)) {
					return nil, corrupt(name, 0, 0)
				}
				for k := 0; k < int(binary.LittleEndian.Uint16(d)); k++ {
					o := 2 + 8*k
					r0, r1 := int(binary.LittleEndian.Uint16(d[o:]))+1, int(binary.LittleEndian.Uint16(d[o+2:]))+1
					c0, c1 := int(binary.LittleEndian.Uint16(d[o+4:]))+1, int(binary.LittleEndian.Uint16(d[o+6:]))+1
					if r1 < r0 || c1 < c0 || c1 > 256 || r1 > maxRows {
						return nil, corrupt(name, r0, c0)
					}
					a, _ := excelize.CoordinatesToCellName(c0, r0)
					b, _ := excelize.CoordinatesToCellName(c1, r1)
					if err := f.MergeCell(name, a, b); err != nil {
						return nil, corrupt(name, r0, c0)
					}
				}
			default:
				if oldCellRecords[typ] {
					row := 0
					if len(d) >= 2 {
						row = int(binary.LittleEndian.Uint16(d)) + 1
					}
					return nil, xlsRefusal(name, row, 0, "工作表含无法识别的单元格记录（0x%04X），无法完整读取：请在 Excel 或 WPS 中另存为 .xlsx 后再导入", typ)
				}
			}
			if err != nil {
				return nil, err
			}
		}
	}
	if written == 0 {
		return nil, corrupt("", 0, 0)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, corrupt("", 0, 0)
	}
	return buf.Bytes(), nil
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

// xlsWorkbook returns the Workbook (or Book) stream of a compound file.
func xlsWorkbook(data []byte) ([]byte, bool) {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, false
	}
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		if e.Name == "Workbook" || e.Name == "Book" {
			if e.Size < 0 || e.Size > int64(len(data)) {
				return nil, false
			}
			b, err := io.ReadAll(io.LimitReader(e, int64(len(data))))
			return b, err == nil && int64(len(b)) == e.Size
		}
	}
	return nil, false
}
