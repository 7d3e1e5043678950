package faults

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/yanhe/captrack/importer"
)

// part is one file of a workbook's zip.
type part struct {
	name, body string
	// declared, when not zero, is the uncompressed size the zip's headers
	// claim instead of the true one.
	declared uint64
}

const (
	nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg  = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// header is the header row of the test annex: shared strings 0..4.
var header = []string{"项目名称", "总投资（万元）", "计划开工", "计划完工", "责任单位"}

// sharedStrings is the shared-string table: the header, then the
// project row's texts (5..8).
func sharedStrings() string {
	ss := append(append([]string{}, header...), "县养老服务中心", "2019.3", "2020.12", "县民政局")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="%s" count="%d" uniqueCount="%[2]d">`, nsMain, len(ss))
	for _, s := range ss {
		fmt.Fprintf(&b, "<si><t>%s</t></si>", s)
	}
	return b.String() + "</sst>"
}

// sheet returns a worksheet of the header row and one project row;
// projectRow is the project row's r attribute, nameCell its name cell
// (shared string 5 in a valid sheet); pad is appended inside sheetData.
func sheet(projectRow, nameCell, pad string) string {
	r := fmt.Sprintf(`<row r="%s"><c r="A%[1]s" t="s">%s</c><c r="B%[1]s"><v>650</v></c><c r="C%[1]s" t="s"><v>6</v></c><c r="D%[1]s" t="s"><v>7</v></c><c r="E%[1]s" t="s"><v>8</v></c></row>`,
		projectRow, nameCell)
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="%s"><sheetData>`+
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>`+
		`%s%s</sheetData></worksheet>`, nsMain, r, pad)
}

// parts returns the parts of a valid one-project annex workbook whose
// sheet1.xml is sheetXML; without sharedStrings.xml when noStrings.
func parts(sheetXML string, noStrings bool) []part {
	ps := []part{
		{name: "[Content_Types].xml", body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{name: "_rels/.rels", body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="` + nsPkg + `">` +
			`<Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{name: "xl/workbook.xml", body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
			`<sheets><sheet name="附件1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{name: "xl/_rels/workbook.xml.rels", body: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="` + nsPkg + `">` +
			`<Relationship Id="rId1" Type="` + nsRel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + nsRel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{name: "xl/worksheets/sheet1.xml", body: sheetXML},
	}
	if !noStrings {
		ps = append(ps, part{name: "xl/sharedStrings.xml", body: sharedStrings()})
	}
	return ps
}

// zipOf builds a zip of ps with archive/zip; a part with a declared size
// is written raw, its headers claiming that size.
func zipOf(t testing.TB, ps []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range ps {
		if p.declared == 0 {
			w, err := zw.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, p.body)
			continue
		}
		var raw bytes.Buffer
		fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
		io.WriteString(fw, p.body)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE([]byte(p.body)),
			CompressedSize64: uint64(raw.Len()), UncompressedSize64: p.declared})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(raw.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// valid is the well-formed workbook every hostile one is a variant of.
func valid(t testing.TB) []byte { return zipOf(t, parts(sheet("2", "<v>5</v>", ""), false)) }

// renamed is the parts of the valid workbook with one renamed, as a
// damaged directory entry renames it.
func renamed(from, to string) []part {
	ps := parts(sheet("2", "<v>5</v>", ""), false)
	for i := range ps {
		if ps[i].name == from {
			ps[i].name = to
		}
	}
	return ps
}

// flip returns a copy of b with the byte at each offset inverted.
func flip(b []byte, offsets ...int) []byte {
	out := bytes.Clone(b)
	for _, o := range offsets {
		out[o] ^= 0xFF
	}
	return out
}

// hostileCase is one hostile workbook and the text its error must hold.
type hostileCase struct {
	name string
	data []byte
	want string // a fragment of some error message
	// limit is the MaxUnzipSize Parse gets (0: the default); the HTTP
	// import always uses the default.
	limit int64
	// httpToo says whether the case also goes through the HTTP import
	// (cases that need a small limit, or take long, do not).
	httpToo bool
}

// hostileCases are the hostile workbooks of issue 6.
func hostileCases(t testing.TB) []hostileCase {
	ok := valid(t)
	// Twelve megabytes of padding in a cell-less row: it deflates to a
	// few kilobytes.
	bomb := strings.Repeat(`<row r="3"></row>`, 12<<20/17)
	// Where the sheet's compressed data and the central directory lie.
	zr, err := zip.NewReader(bytes.NewReader(ok), int64(len(ok)))
	if err != nil {
		t.Fatal(err)
	}
	var sheetData int
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			off, err := f.DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			sheetData = int(off) + int(f.CompressedSize64)/2
		}
	}
	// The end record (the last 22 bytes) holds the directory's offset.
	cd := int(binary.LittleEndian.Uint32(ok[len(ok)-6:]))
	return []hostileCase{
		{name: "zip bomb over a small limit", data: zipOf(t, parts(sheet("2", "<v>5</v>", bomb), false)), limit: 8 << 20, want: "压缩炸弹"},
		{name: "zip bomb declared past the default limit", httpToo: true, want: "压缩炸弹",
			data: zipOf(t, append(parts(sheet("2", "<v>5</v>", ""), false), part{name: "xl/worksheets/sheet2.xml", body: sheet("2", "<v>5</v>", ""), declared: 300 << 20}))},
		{name: "zip bomb under a lying header", httpToo: true, want: "损坏",
			data: zipOf(t, []part{{name: "xl/worksheets/sheet1.xml", body: sheet("2", "<v>5</v>", bomb), declared: 1 << 10}})},
		{name: "large sheet then a bomb", httpToo: true, want: "压缩炸弹",
			data: zipOf(t, append(parts(sheet("2", "<v>5</v>", strings.Repeat(`<row r="3"></row>`, 20<<20/17)), false),
				part{name: "xl/zz.xml", body: "x", declared: 300 << 20}))},
		{name: "row number out of range", httpToo: true, want: "",
			data: zipOf(t, parts(sheet("9999999", "<v>5</v>", ""), false))},
		{name: "negative shared-string index", httpToo: true, want: "",
			data: zipOf(t, parts(sheet("2", "<v>-1</v>", ""), false))},
		{name: "shared-string index past the table", httpToo: true, want: "",
			data: zipOf(t, parts(sheet("2", "<v>99999</v>", ""), false))},
		{name: "missing shared-string table", httpToo: true, want: "",
			data: zipOf(t, parts(sheet("2", "<v>5</v>", ""), true))},
		{name: "truncated to half", httpToo: true, want: "截断", data: ok[:len(ok)/2]},
		{name: "truncated by one byte", httpToo: true, want: "", data: ok[:len(ok)-1]},
		{name: "empty file", httpToo: true, want: "", data: []byte{}},
		{name: "byte flipped in a local header", httpToo: true, want: "", data: flip(ok, 0)},
		{name: "byte flipped in compressed data", httpToo: true, want: "校验和不符或无法解压", data: flip(ok, sheetData)},
		{name: "byte flipped in the central directory", httpToo: true, want: "", data: flip(ok, cd+10)},
		{name: "sheet part missing", httpToo: true, want: "工作表的数据缺失", data: zipOf(t, renamed("xl/worksheets/sheet1.xml", "xl/worksheets/sheeu1.xml"))},
		{name: "workbook relationships missing", httpToo: true, want: "工作表的数据缺失", data: zipOf(t, renamed("xl/_rels/workbook.xml.rels", "xl/_rels/workbook.xml.relt"))},
	}
}

// tempEntries lists the entries of the temp dir.
func tempEntries(t *testing.T) []string {
	t.Helper()
	es, err := os.ReadDir(os.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// privateTemp points os.TempDir at a fresh directory of t's, so that what
// other processes on the machine do in /tmp does not disturb the check
// that nothing was left behind.
func privateTemp(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
}

// TestValidBaseWorkbook checks that the workbook every hostile case is
// made from imports cleanly, so that each case's error is its own.
func TestValidBaseWorkbook(t *testing.T) {
	p := importer.Parse("ok.xlsx", bytes.NewReader(valid(t)), importer.Options{})
	if len(p.Errors) != 0 || len(p.Set.Plans) != 1 {
		t.Fatalf("got %d errors (%v), %d projects; want 0, 1", len(p.Errors), p.Errors, len(p.Set.Plans))
	}
	if got, want := p.Set.Plans[0].Project.Name, "县养老服务中心"; got != want {
		t.Errorf("name: got %q, want %q", got, want)
	}
}

// TestHostileWorkbooksParse feeds each hostile workbook to importer.Parse:
// a clear error naming the file, no project, no recovered panic, no temp
// file left behind.
func TestHostileWorkbooksParse(t *testing.T) {
	privateTemp(t)
	for _, tc := range hostileCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			before := tempEntries(t)
			p := importer.Parse("hostile.xlsx", bytes.NewReader(tc.data), importer.Options{MaxUnzipSize: tc.limit})
			checkRejected(t, p.Errors, len(p.Set.Plans), tc.want)
			if after := tempEntries(t); len(after) != len(before) {
				t.Errorf("temp dir: got %q after, want %q as before", after, before)
			}
		})
	}
}

// TestByteFlipSweep flips every byte of the valid workbook in turn:
// whatever Parse makes of it, it never panics, and a workbook with an
// error yields no project.
func TestByteFlipSweep(t *testing.T) {
	ok := valid(t)
	for i := range ok {
		p := importer.Parse("flipped.xlsx", bytes.NewReader(flip(ok, i)), importer.Options{})
		for _, e := range p.Errors {
			if strings.Contains(e.Message, "runtime error") || strings.Contains(e.Message, "无法读取工作簿（文件已损坏或格式异常）") {
				t.Errorf("byte %d flipped: got a recovered panic: %q", i, e.Message)
			}
		}
		if len(p.Errors) > 0 && len(p.Set.Plans) > 0 {
			t.Errorf("byte %d flipped: got %d errors and %d projects; want no project with an error", i, len(p.Errors), len(p.Set.Plans))
		}
	}
}
