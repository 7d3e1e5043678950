package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Reading a workbook in bounded memory. excelize unpacks every part of a
// package into memory when it opens it, but for the worksheets and the
// shared strings larger than its UnzipXMLSizeLimit, which it unpacks into
// temporary files and streams; it parses a table of shared strings
// smaller than that limit whole, and indexes a larger one at some 80
// bytes a string; it decodes each cell it streams whole. So before
// excelize sees a workbook, the package is checked part by part
// (checkPackage) and handed to it without the parts the import does not
// read (pictures, drawings, printer settings, styles, which the importer
// reads itself): a part the import does not read is never unpacked.

// Bounds of one workbook beyond the unzip cap, which no real workbook
// comes near.
const (
	// maxSmallPart caps each part excelize keeps in memory whole: the
	// content types, relationships, workbook and styles.
	maxSmallPart = 4 << 20
	// maxInMemory caps all the parts excelize keeps in memory together.
	maxInMemory = 32 << 20
	// maxRecord caps the XML of one cell or shared string, and every tag
	// and text: Excel holds at most 32,767 characters in a cell.
	maxRecord = 1 << 20
	// maxRowXML caps the XML of one row.
	maxRowXML = 8 << 20
	// maxSharedStrings caps the strings of a workbook's shared-string
	// table: excelize indexes each, at some 80 bytes and a write to a
	// temporary file (about 5 s for this many on this machine).
	maxSharedStrings = 500_000
	// maxSheets caps a workbook's sheets.
	maxSheets = 1000
	// maxEncrypted caps an encrypted workbook, which is decrypted in
	// memory.
	maxEncrypted = 32 << 20
	// streamXMLLimit is excelize's UnzipXMLSizeLimit: a sheet or table
	// of shared strings larger than this is streamed from a temporary file.
	streamXMLLimit = 1 << 20
	// tinyXMLLimit is the UnzipXMLSizeLimit of a workbook whose small
	// sheets would together take more than maxInMemory / 2 at streamXMLLimit.
	tinyXMLLimit = 16 << 10
)

// refusal is a workbook's refusal: its message is for the user, at the
// sheet, row and column it names, if any.
type refusal struct {
	msg, sheet, column string
	row                int
}

func (r *refusal) Error() string { return r.msg }

func refuse(format string, args ...any) error { return &refusal{msg: fmt.Sprintf(format, args...)} }

// errUnread refuses a file whose reading failed.
var errUnread = &refusal{msg: "无法读取文件：读取中断，请重新上传或检查文件"}

// sizedReaderAt is a package's bytes.
type sizedReaderAt interface {
	io.ReaderAt
	Size() int64
}

// spool returns what r holds as bytes to read at will: r itself when it
// is a file or an upload (it can seek), else a copy in dir, refused when
// it is larger than a package that unpacks to limit bytes can be.
func spool(r io.Reader, dir string, limit int64) (sizedReaderAt, error) {
	if ra, ok := r.(interface {
		io.ReaderAt
		io.Seeker
	}); ok {
		size, err := ra.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, errUnread
		}
		return io.NewSectionReader(ra, 0, size), nil // checkPackage bounds what it unpacks
	}
	f, err := os.CreateTemp(dir, "input-")
	if err != nil {
		return nil, err
	}
	limit += 1 << 20 // a package's directory and headers
	n, err := io.Copy(f, io.LimitReader(r, limit+1))
	if err != nil {
		f.Close()
		return nil, errUnread
	}
	if n > limit {
		f.Close()
		return nil, refuse("文件大小超过 %d MB 的上限，已拒绝", limit>>20)
	}
	return spooled{io.NewSectionReader(f, 0, n), f}, nil
}

// spooled is a copy of a file in a temporary file, closed by the parse
// (and removed with its directory).
type spooled struct {
	*io.SectionReader
	f *os.File
}

func (s spooled) Close() error { return s.f.Close() }

// openPackage returns the .xlsx package file r holds, checked within the
// bounds (checkPackage), and the path in dir of the package excelize is
// to open, which holds only the parts the import reads. An encrypted
// workbook is decrypted with password first; a legacy .xls is read
// (readLegacy) within maxRows and maxCells a sheet into a package in dir.
func openPackage(name string, r io.Reader, password string, limit int64, dir string, maxRows, maxCells int) (w *workbookParts, path string, err error) {
	src, err := spool(r, dir, limit)
	if err != nil {
		return nil, "", err
	}
	closer, _ := src.(io.Closer)
	defer func() {
		if closer == nil {
			return
		}
		if w == nil {
			closer.Close()
		} else {
			w.src = closer
		}
	}()
	head := make([]byte, 4096)
	n, _ := src.ReadAt(head, 0)
	head = head[:n]
	if bytes.HasPrefix(head, oleMagic) {
		if src.Size() > maxEncrypted {
			return nil, "", refuse("设有打开密码的工作簿或旧版 .xls 工作簿超过 %d MB 的上限：请在 Excel 或 WPS 中取消打开密码、另存为 .xlsx 后再导入", maxEncrypted>>20)
		}
		dec, legacy, refused := openOLE(name, src, password)
		switch {
		case legacy:
			// the workbook it holds, rebuilt in a file of dir
			f, err := os.CreateTemp(dir, "legacy-")
			if err != nil {
				return nil, "", err
			}
			if err := readLegacy(src, password, maxRows, maxCells, limit, f); err != nil {
				f.Close()
				return nil, "", err
			}
			size, err := f.Seek(0, io.SeekEnd)
			if err != nil {
				f.Close()
				return nil, "", err
			}
			if closer != nil {
				closer.Close()
			}
			closer, src = f, spooled{io.NewSectionReader(f, 0, size), f}
		case refused != "":
			return nil, "", &refusal{msg: refused}
		default:
			src = bytes.NewReader(dec)
		}
	} else if refused := sniff(head); refused != "" {
		return nil, "", &refusal{msg: refused}
	}
	zr, err := zip.NewReader(src, src.Size())
	if err != nil {
		return nil, "", err
	}
	if kind := zipKind(zr); kind != "" {
		return nil, "", &refusal{msg: kind}
	}
	parts := newWorkbookParts(zr)
	keep, err := parts.checkPackage(limit)
	if err != nil {
		return nil, "", err
	}
	path = filepath.Join(dir, "package.xlsx")
	if err := writePackage(path, keep); err != nil {
		return nil, "", err
	}
	return parts, path, nil
}

// writePackage writes a package of the parts keep, copied as they are
// compressed.
func writePackage(path string, keep []*zip.File) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	for _, f := range keep {
		if err = copyPart(zw, f); err != nil {
			break
		}
	}
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

func copyPart(zw *zip.Writer, f *zip.File) error {
	raw, err := f.OpenRaw()
	if err != nil {
		return &damagedPart{f.Name, err}
	}
	fh := f.FileHeader
	w, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, raw)
	return err
}

// partKind is what the import reads a part for.
type partKind int

const (
	partSmall   partKind = iota // read whole: content types, relationships, workbook, styles
	partSheet                   // a worksheet, streamed
	partStrings                 // the shared strings
)

// checkPackage refuses a package whose parts declare more than limit
// bytes in all, then reads every part the import reads to its end,
// within limit bytes and the bounds above, so that archive/zip checks
// each one's CRC-32 (excelize does not, and a damaged byte could
// otherwise import as a silently different value). It returns the parts
// excelize is to see and the UnzipXMLSizeLimit to open them with (in
// w.xmlLimit). The parts it does not read are neither unpacked nor checked.
func (w *workbookParts) checkPackage(limit int64) ([]*zip.File, error) {
	if len(w.parts) > maxSheets {
		return nil, refuse("工作簿有 %d 个工作表，超过 %d 个的上限", len(w.parts), maxSheets)
	}
	type part struct {
		f     *zip.File
		kind  partKind
		sheet string
	}
	var parts []part
	seen := map[*zip.File]bool{}
	add := func(name string, kind partKind, sheet string) {
		if f := w.file(name); f != nil && !seen[f] {
			seen[f] = true
			parts = append(parts, part{f, kind, sheet})
		}
	}
	add("[Content_Types].xml", partSmall, "")
	add("_rels/.rels", partSmall, "")
	add(w.book, partSmall, "")
	add(w.bookRels, partSmall, "")
	add(w.styles, partSmall, "")
	add(sharedStringsPart, partStrings, "")
	for _, sheet := range w.sheets {
		add(w.parts[sheet], partSheet, sheet)
	}
	left := limit
	for _, f := range w.zip.File { // what the headers declare of every part, first
		if left -= int64(min(f.UncompressedSize64, uint64(limit)+1)); left < 0 {
			return nil, errUnzipLimit
		}
	}
	var (
		keep           []*zip.File
		small, inSheet int64 // bytes excelize will hold in memory
	)
	left = limit
	for _, p := range parts {
		rc, err := p.f.Open()
		if err != nil {
			return nil, &damagedPart{p.f.Name, err}
		}
		scan := &xmlBounds{kind: p.kind}
		var sink io.Writer = io.Discard
		if p.kind != partSmall {
			sink = scan
		}
		n, err := io.Copy(sink, io.LimitReader(rc, left+1))
		rc.Close()
		switch {
		case scan.err != nil:
			return nil, scan.refusal(p.sheet)
		case err != nil:
			return nil, &damagedPart{p.f.Name, err}
		}
		if left -= n; left < 0 {
			return nil, errUnzipLimit
		}
		streamed := p.kind == partStrings || strings.HasPrefix(strings.ToLower(p.f.Name), "xl/worksheets/sheet")
		switch {
		case p.kind == partSmall && n > maxSmallPart:
			return nil, refuse("工作簿的组成部分“%s”解压后超过 %d MB，不是正常的工作簿，已拒绝", clipText(p.f.Name, maxShownName), maxSmallPart>>20)
		case !streamed:
			small += n
		case n <= streamXMLLimit:
			inSheet += n
		}
		if small > maxInMemory/2 {
			return nil, refuse("工作簿中须整体读入内存的部分合计超过 %d MB（工作表未存放在 xl/worksheets/sheetN.xml），请用 Excel 或 WPS 另存后再导入", maxInMemory>>21)
		}
		if p.f.Name != w.styles { // the importer reads the styles itself
			keep = append(keep, p.f)
		}
	}
	w.xmlLimit = streamXMLLimit
	if inSheet > maxInMemory/2 {
		w.xmlLimit = tinyXMLLimit
	}
	return keep, nil
}

// sharedStringsPart is the only path at which excelize reads shared
// strings.
const sharedStringsPart = "xl/sharedStrings.xml"

// refusal says which bound a part broke.
func (x *xmlBounds) refusal(sheet string) error {
	where := "共享字符串表"
	if sheet != "" {
		where = fmt.Sprintf("工作表“%s”", clipText(sheet, maxShownName))
		if x.row > 0 {
			where += fmt.Sprintf("第%d行", x.row)
		}
	}
	switch x.err {
	case errTooManyStrings:
		return refuse("%s有超过 %d 个字符串，超过上限，已拒绝", where, maxSharedStrings)
	case errRowTooLarge:
		return refuse("%s的内容超过 %d MB 的上限，已拒绝", where, maxRowXML>>20)
	}
	return refuse("%s有一个单元格（或其中的文字）超过 %d MB 的上限，已拒绝", where, maxRecord>>20)
}

var (
	errRecordTooLarge = errors.New("record too large")
	errRowTooLarge    = errors.New("row too large")
	errTooManyStrings = errors.New("too many shared strings")
)

// xmlBounds checks, as a sheet's or the shared strings' XML streams
// through it, that no cell, string, tag or text is over maxRecord bytes,
// no row over maxRowXML, and that the shared strings are at most
// maxSharedStrings. It keeps a few bytes of state whatever it reads.
type xmlBounds struct {
	kind    partKind
	err     error
	off     int64 // bytes written
	inTag   bool
	tagFrom int64  // where the current tag or text began
	name    []byte // the current tag's name, up to 16 bytes
	named   bool   // the name is complete
	attrs   []byte // the current tag's first bytes after its name, for a row's r
	last    byte   // the byte before the current one
	// record and row begin where the open cell (or string) and row
	// began; -1 when none is open.
	record, rowFrom int64
	row             int // the current row's number
	strings         int
}

func (x *xmlBounds) Write(p []byte) (int, error) {
	if x.off == 0 {
		x.record, x.rowFrom = -1, -1
	}
	for i := 0; i < len(p) && x.err == nil; {
		switch {
		case !x.inTag:
			j := bytes.IndexByte(p[i:], '<')
			if j < 0 {
				x.off += int64(len(p) - i)
				i = len(p)
				continue
			}
			x.off += int64(j)
			i += j
			x.check()
			x.inTag, x.tagFrom, x.name, x.named, x.attrs = true, x.off, x.name[:0], false, x.attrs[:0]
			x.off++
			i++
			x.last = '<'
		case x.off-x.tagFrom > tagHead:
			// Past the name and the attributes worth reading: on to '>'.
			j := bytes.IndexByte(p[i:], '>')
			if j < 0 {
				x.off += int64(len(p) - i)
				x.last = p[len(p)-1]
				i = len(p)
				continue
			}
			if j > 0 {
				x.last = p[i+j-1]
			}
			x.off += int64(j)
			i += j
			x.endTag()
			x.off++
			i++
		default:
			c := p[i]
			switch {
			case c == '>':
				x.endTag()
			case !x.named && (isSpace(c) || c == '/' && len(x.name) > 0):
				x.named = true
			case !x.named && len(x.name) < 16:
				x.name = append(x.name, c)
			case x.named && len(x.attrs) < tagHead:
				x.attrs = append(x.attrs, c)
			}
			x.last = c
			x.off++
			i++
		}
	}
	x.check()
	if x.err != nil {
		return 0, x.err
	}
	return len(p), nil
}

// tagHead is how many bytes of a tag are read for its name and
// attributes (a row's r, a cell's r, s and t).
const tagHead = 128

// check records a bound broken so far.
func (x *xmlBounds) check() {
	switch {
	case x.err != nil:
	case x.off-x.tagFrom > maxRecord && (x.inTag || x.record < 0):
		x.err = errRecordTooLarge // a tag, or a text outside a cell
	case x.record >= 0 && x.off-x.record > maxRecord:
		x.err = errRecordTooLarge
	case x.rowFrom >= 0 && x.off-x.rowFrom > maxRowXML:
		x.err = errRowTooLarge
	}
}

// endTag handles the tag that ends at the current byte.
func (x *xmlBounds) endTag() {
	x.check()
	x.inTag = false
	x.tagFrom = x.off + 1
	name := x.name
	closing := len(name) > 0 && name[0] == '/'
	if closing {
		name = name[1:]
	}
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	selfClosing := x.last == '/'
	record := "c"
	if x.kind == partStrings {
		record = "si"
	}
	switch {
	case string(name) == record && !closing:
		if x.kind == partStrings {
			if x.strings++; x.strings > maxSharedStrings {
				x.err = errTooManyStrings
			}
		}
		if !selfClosing {
			x.record = x.off
		}
	case string(name) == record:
		x.record = -1
	case x.kind == partSheet && string(name) == "row" && !closing:
		x.row++
		if r := attrValue(x.attrs, "r"); r != "" {
			x.row, _ = strconv.Atoi(r)
		}
		if !selfClosing {
			x.rowFrom = x.off
		}
	case x.kind == partSheet && string(name) == "row":
		x.rowFrom = -1
	}
}

// attrValue returns the value of attribute name in the bytes of a tag
// after its name, "" when it has none there.
func attrValue(attrs []byte, name string) string {
	for i := 0; i+len(name)+2 <= len(attrs); i++ {
		if (i == 0 || isSpace(attrs[i-1])) && string(attrs[i:i+len(name)]) == name {
			rest := bytes.TrimLeft(attrs[i+len(name):], " \t\r\n")
			if len(rest) < 2 || rest[0] != '=' {
				continue
			}
			rest = bytes.TrimLeft(rest[1:], " \t\r\n")
			if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
				continue
			}
			if end := bytes.IndexByte(rest[1:], rest[0]); end >= 0 {
				return string(rest[1 : 1+end])
			}
		}
	}
	return ""
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
