package importer

import (
	"encoding/binary"
	"fmt"
	"os"
	"unicode/utf16"
)

// Hostile legacy workbooks for the memory tests, written by hand since
// no real software writes them: a BIFF8 Workbook stream (biffBook) in a
// compound file of 4,096-byte sectors (writeCFB).

// biffBook builds a Workbook stream.
type biffBook struct{ b []byte }

func (k *biffBook) rec(typ uint16, data ...[]byte) {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	k.b = binary.LittleEndian.AppendUint16(k.b, typ)
	k.b = binary.LittleEndian.AppendUint16(k.b, uint16(n))
	for _, d := range data {
		k.b = append(k.b, d...)
	}
}

func u16(v ...int) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint16(b, uint16(x))
	}
	return b
}

func u32(v int) []byte { return binary.LittleEndian.AppendUint32(nil, uint32(v)) }

// biffText is an XLUnicodeString of UTF-16 characters whose count takes
// cch bytes.
func biffText(s string, cch int) []byte {
	units := utf16.Encode([]rune(s))
	var b []byte
	if cch == 1 {
		b = []byte{byte(len(units))}
	} else {
		b = u16(len(units))
	}
	b = append(b, 1)
	return append(b, u16(intsOf(units)...)...)
}

func intsOf(u []uint16) []int {
	out := make([]int, len(u))
	for i, v := range u {
		out[i] = int(v)
	}
	return out
}

// rkInt is integer n as an RK number.
func rkInt(n int) []byte { return u32(n<<2 | 2) }

// hostileXLS is a one-sheet workbook, 附件1, whose sheet holds the header
// of bookHeader and three projects, then what fill appends to the
// sheet's records, then its EOF.
func hostileXLS(fill func(k *biffBook)) []byte {
	k := &biffBook{}
	k.rec(recBOF, u16(0x0600, 0x0005, 0, 0), u32(0), u32(0x0600))
	for range 16 {
		k.rec(recXF, make([]byte, 20))
	}
	sheetAt := len(k.b) + 4
	k.rec(recBoundSheet, u32(0), []byte{0, 0}, biffText("附件1", 1))
	strs := append(append([]string(nil), bookHeader...), "县民政局", "甲", "乙", "丙")
	var sst []byte
	for _, s := range strs {
		sst = append(sst, biffText(s, 2)...)
	}
	k.rec(recSST, u32(len(strs)), u32(len(strs)), sst)
	k.rec(recEOF)
	binary.LittleEndian.PutUint32(k.b[sheetAt:], uint32(len(k.b)))
	k.rec(recBOF, u16(0x0600, 0x0010, 0, 0), u32(0), u32(0x0600))
	for c := range bookHeader {
		k.rec(recLabelSST, u16(0, c, 0), u32(c))
	}
	for r := 1; r <= 3; r++ {
		k.rec(recLabelSST, u16(r, 0, 0), u32(len(bookHeader)+r))
		for c := 1; c <= 4; c++ {
			k.rec(recRK, u16(r, c, 0), rkInt(100*c))
		}
		k.rec(recLabel, u16(r, 5, 0), biffText("2019.6", 2))
		k.rec(recLabel, u16(r, 6, 0), biffText("2020.12", 2))
		k.rec(recLabelSST, u16(r, 7, 0), u32(len(bookHeader)))
	}
	fill(k)
	k.rec(recEOF)
	return k.b
}

// writeCFB writes a compound file (version 4) at path whose one stream,
// Workbook, is stream: a header sector, the FAT, a directory sector,
// then the stream's sectors in a chain.
func writeCFB(path string, stream []byte) error {
	const sector = 4096
	const free, end, fatSect, noStream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	data := (len(stream) + sector - 1) / sector
	fats := 1
	for fats*sector/4 < fats+1+data {
		fats++
	}
	if fats > 109 {
		panic("stream too large for a header-only DIFAT")
	}
	le := binary.LittleEndian
	head := make([]byte, sector)
	copy(head, oleMagic)
	le.PutUint16(head[24:], 0x003E)
	le.PutUint16(head[26:], 4)
	le.PutUint16(head[28:], 0xFFFE)
	le.PutUint16(head[30:], 12)
	le.PutUint16(head[32:], 6)
	le.PutUint32(head[40:], 1)            // directory sectors
	le.PutUint32(head[44:], uint32(fats)) // FAT sectors
	le.PutUint32(head[48:], uint32(fats)) // the directory's first sector
	le.PutUint32(head[56:], 4096)         // mini stream cutoff
	le.PutUint32(head[60:], end)
	le.PutUint32(head[68:], end)
	for i := range 109 {
		v := uint32(free)
		if i < fats {
			v = uint32(i)
		}
		le.PutUint32(head[76+4*i:], v)
	}
	fat := make([]byte, fats*sector)
	for i := range fats * sector / 4 {
		v := uint32(free)
		switch {
		case i < fats:
			v = fatSect
		case i == fats:
			v = end
		case i < fats+data:
			v = uint32(i + 1)
		case i == fats+data:
			v = end
		}
		le.PutUint32(fat[4*i:], v)
	}
	dir := make([]byte, sector)
	entry := func(at int, name string, typ byte, child, start uint32, size int) {
		e := dir[at*128:]
		units := utf16.Encode([]rune(name))
		for i, u := range units {
			le.PutUint16(e[2*i:], u)
		}
		le.PutUint16(e[64:], uint16(2*len(units)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint64(e[120:], uint64(size))
	}
	entry(0, "Root Entry", 5, 1, end, 0)
	entry(1, "Workbook", 2, noStream, uint32(fats+1), len(stream))
	for i := 2; i < sector/128; i++ {
		e := dir[i*128:]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	pad := make([]byte, data*sector-len(stream))
	for _, b := range [][]byte{head, fat, dir, stream, pad} {
		if _, err := f.Write(b); err != nil {
			return err
		}
	}
	return f.Close()
}

// xlsBudget is the stream a hostile .xls may take: the file stays within
// maxEncrypted with its compound file's sectors.
const xlsBudget = maxEncrypted - 64<<10

// xlsRecordsBook is a valid .xls of three projects whose sheet then
// holds empty records (INTERFACEEND) up to 32 MB, some 8 million.
func xlsRecordsBook(path string) error {
	return writeCFB(path, hostileXLS(func(k *biffBook) {
		for len(k.b)+8 < xlsBudget {
			k.rec(0x00E2)
		}
	}))
}

// xlsNumbersBook is an .xls of three projects then rows of 256 numbers
// (MULRK) up to 32 MB, some 5 million cells.
func xlsNumbersBook(path string) error {
	return writeCFB(path, hostileXLS(func(k *biffBook) {
		var row []byte
		for c := range 256 {
			row = append(row, u16(0)...)
			row = append(row, rkInt(c)...)
		}
		for r := 4; len(k.b)+4+6+len(row)+8 < xlsBudget; r++ {
			k.rec(recMulRK, u16(r, 0), row, u16(255))
		}
	}))
}

// xlsStringsBook is an .xls of three projects whose table of shared
// strings holds 500,000 strings (in CONTINUE records), near 32 MB.
func xlsStringsBook(path string) error {
	b := hostileXLS(func(k *biffBook) {})
	// the stream again, with the big table for the small one
	k := &biffBook{}
	r := &biffReader{s: b}
	var sheetAt int
	for rec, ok := r.next(); ok; rec, ok = r.next() {
		switch rec.typ {
		case recBoundSheet:
			sheetAt = len(k.b) + 4
			k.rec(rec.typ, rec.data)
		case recSST:
			n := int(binary.LittleEndian.Uint32(rec.data[4:]))
			total := maxSharedStrings
			head := append(append(u32(total), u32(total)...), rec.data[8:]...)
			chunk := head
			first := true
			flush := func() {
				if first {
					k.rec(recSST, chunk)
				} else {
					k.rec(recContinue, chunk)
				}
				first, chunk = false, nil
			}
			for i := n; i < total; i++ {
				s := biffText(fmt.Sprintf("某某县某某镇某某村第%07d号农村互助幸福院", i), 2)
				if len(chunk)+len(s) > 8224 {
					flush()
				}
				chunk = append(chunk, s...)
			}
			flush()
		case recBOF:
			if rec.pos > 0 {
				binary.LittleEndian.PutUint32(k.b[sheetAt:], uint32(len(k.b)))
			}
			k.rec(rec.typ, rec.data)
		default:
			k.rec(rec.typ, rec.data)
		}
	}
	if len(k.b) > xlsBudget {
		return fmt.Errorf("stream of %d bytes", len(k.b))
	}
	return writeCFB(path, k.b)
}
