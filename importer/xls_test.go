package importer

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// xlsCases are workbooks the suite builds, saved as .xls by LibreOffice
// into testdata/xls/NAME.xls (with CAPTRACK_TEST_LIBREOFFICE set, saved
// afresh, and written there when CAPTRACK_UPDATE_XLS is set too): the
// .xls must import exactly as the .xlsx it was saved from.
func xlsCases(t testing.TB) map[string][]byte {
	return map[string][]byte{
		"annex":   fixture(t),
		"plan":    planSheet(t, []any{1, "MS-01", "甲", "5,000", "１３０００", 20, 300, "2018.12", "2020.12"}),
		"october": workbook(t, dateSheet(2019.1, 2020.12, map[string]string{"B2": "0.00"})),
		"general": workbook(t, dateSheet(2019.1, 2020.12, nil)),
		"serial":  workbook(t, dateSheet(43435, 44000, map[string]string{"B2": "yyyy-mm-dd"})),
		"progress": workbook(t, sheetSpec{Name: "月报", Rows: [][]any{{"截至2019年6月30日"}, {"项目名称", "形象进度(%)", "实际开工时间"}, {"甲", 0.5, 43500}},
			Builtin: map[string]int{"B3": 9, "C3": 14}}),
		"date1904": date1904(t, workbook(t, dateSheet(42000, 42500, map[string]string{"B2": "yyyy-mm-dd", "C2": "yyyy-mm-dd"}))),
		"hidden": workbook(t, dateSheet(2019.1, 2020.12, map[string]string{"B2": "0.00"}),
			sheetSpec{Name: "备用", Hidden: true, Rows: [][]any{{"甲", "乙"}, {1, 2}}},
			sheetSpec{Name: "杂项", Rows: [][]any{{"甲", "乙"}, {1, 2}}}),
		"deep": workbook(t, sheetSpec{Name: "附件2", Rows: [][]any{
			{"项目名称", "建设规模", "", "总投资", "计划开工"},
			{"", "建筑面积", "占地", "", ""},
			{"", "（平方米）", "（亩）", "（万元）", ""},
			{"甲", 5000, 20, 300, "2019.3"},
			{"乙", 6000, 30, 400, "2019.5"},
		}, Merges: [][2]string{{"A1", "A3"}, {"B1", "C1"}, {"D1", "D2"}, {"E1", "E3"}}}),
	}
}

// date1904 returns workbook b in the 1904 date mode.
func date1904(t testing.TB, b []byte) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	on := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSReadsAsItsXLSX(t *testing.T) {
	for name, xlsx := range xlsCases(t) {
		path := filepath.Join("testdata", "xls", name+".xls")
		xls, err := os.ReadFile(path)
		fresh := os.Getenv("CAPTRACK_TEST_LIBREOFFICE") != ""
		if err != nil && !fresh {
			t.Fatal(err)
		}
		if fresh {
			dir := t.TempDir()
			src := filepath.Join(dir, name+".xlsx")
			if err := os.WriteFile(src, xlsx, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "xls", "--outdir", dir, src).CombinedOutput()
			if err != nil {
				t.Fatalf("soffice: %v %s", err, out)
			}
			if xls, err = os.ReadFile(filepath.Join(dir, name+".xls")); err != nil {
				t.Fatal(err)
			}
			if os.Getenv("CAPTRACK_UPDATE_XLS") != "" {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, xls, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		want := Parse("book", bytes.NewReader(xlsx), Options{})
		got := Parse("book", bytes.NewReader(xls), Options{})
		if got.panicked != "" {
			t.Fatalf("%s: panic %s", name, got.panicked)
		}
		if !reflect.DeepEqual(got.Errors, want.Errors) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
			t.Errorf("%s: findings differ:\n xls  %+v %+v\n xlsx %+v %+v", name, got.Errors, got.Warnings, want.Errors, want.Warnings)
		}
		if !reflect.DeepEqual(got.Set, want.Set) {
			t.Errorf("%s: values differ:\n xls  %+v\n xlsx %+v", name, got.Set, want.Set)
		}
	}
}

// patchRecord returns b with the first BIFF record of type from (after
// the workbook's BOF) retyped to, in place in the compound file.
func patchRecord(t *testing.T, b []byte, from, to uint16) []byte {
	t.Helper()
	stream, ok := xlsWorkbook(bytes.NewReader(b))
	if !ok {
		t.Fatal("no Workbook stream")
	}
	rd := &biffReader{s: stream}
	rd.next()
	for r, ok := rd.next(); ok; r, ok = rd.next() {
		if r.typ == from {
			at := bytes.Index(b, stream[r.pos:r.pos+4+len(r.data)])
			if at < 0 {
				t.Fatal("record not contiguous in the file")
			}
			c := append([]byte(nil), b...)
			c[at], c[at+1] = byte(to), byte(to>>8)
			return c
		}
	}
	t.Fatalf("no record %04x", from)
	return nil
}

// TestXLSRefusals: an encrypted .xls, a cell record the reader does not
// know, and damaged files are refused naming the file (and sheet and
// cell where there is one), never read in part, never a panic.
func TestXLSRefusals(t *testing.T) {
	plan, err := os.ReadFile("testdata/xls/plan.xls")
	if err != nil {
		t.Fatal(err)
	}
	// built is the hostile workbook of three projects, then more records
	built := func(more func(k *biffBook)) []byte {
		path := filepath.Join(t.TempDir(), "a.xls")
		if err := writeCFB(path, hostileXLS(func(k *biffBook) {
			for range 1200 { // past the compound file's small streams
				k.rec(0x00E2)
			}
			more(k)
		})); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if p := Parse("a.xls", bytes.NewReader(built(func(*biffBook) {})), Options{}); len(p.Errors) != 0 || len(p.Set.Plans) != 3 {
		t.Fatalf("the built workbook: %+v, %d projects; want 3", p.Errors, len(p.Set.Plans))
	}
	cases := []struct {
		name, sheet, msg string
		file             []byte
		opt              Options
	}{
		{"unknown cell record", "附件1", "无法识别的单元格记录", patchRecord(t, plan, recLabelSST, 0x0004), Options{}},
		{"a row after a later row", "附件1", "单元格记录未按行的顺序排列（第2行在后面的行之后）", built(func(k *biffBook) { k.rec(recRK, u16(1, 2, 0), rkInt(7)) }), Options{}},
		{"two cells at one place", "附件1", "文件已损坏", built(func(k *biffBook) { k.rec(recRK, u16(3, 2, 0), rkInt(7)) }), Options{}},
		{"rows over the limit", "附件1", "工作表超过每表 2 行的上限", plan, Options{MaxRows: 2}},
		{"cells over the limit", "附件1", "非空单元格超过每表 5 个的上限", plan, Options{MaxCells: 5}},
	}
	for _, tc := range cases {
		p := Parse("a.xls", bytes.NewReader(tc.file), tc.opt)
		if len(p.Errors) != 1 || p.Errors[0].File != "a.xls" || p.Errors[0].Sheet != tc.sheet || !bytes.Contains([]byte(p.Errors[0].Message), []byte(tc.msg)) || p.Set.Len() != 0 {
			t.Errorf("%s: got %+v (%d rows), want one error at sheet %q with %q", tc.name, p.Errors, p.Set.Len(), tc.sheet, tc.msg)
		}
	}
	// Cut short or with a byte changed anywhere, a workbook imports as
	// its whole self or with an error: never fewer rows without one.
	whole := Parse("a.xls", bytes.NewReader(plan), Options{}).Set
	for i := 0; i < len(plan); i += 17 {
		for _, c := range [][]byte{plan[:i], append(append(append([]byte(nil), plan[:i]...), plan[i]^0xFF), plan[i+1:]...)} {
			p := Parse("a.xls", bytes.NewReader(c), Options{})
			if p.panicked != "" {
				t.Fatalf("at %d: panic %s", i, p.panicked)
			}
			if p.ErrorCount == 0 && len(p.Errors) == 0 && p.Set.Len() < whole.Len() {
				t.Errorf("at %d: %d rows of %d without an error", i, p.Set.Len(), whole.Len())
			}
		}
	}
}

// TestXLSEncrypted: .xls workbooks saved with an open password by
// LibreOffice and by Apache POI (testdata/xls/README.md says how) import
// with their password exactly as the workbook they were saved from; one
// saved with Excel's default password opens without one. Without the
// password, with a wrong one, or in XOR obfuscation, they are refused
// by name and nothing is read.
func TestXLSEncrypted(t *testing.T) {
	want := Parse("book", bytes.NewReader(fixture(t)), Options{})
	if len(want.Errors) != 0 || want.Set.Len() == 0 {
		t.Fatalf("the source: %+v", want.Errors)
	}
	const zh, ascii = "captrack测试", "captrack"
	for _, tc := range []struct {
		file, password string
	}{
		{"annex-rc4.xls", zh},          // LibreOffice 7.4: RC4 (Office 97)
		{"annex-rc4-poi.xls", ascii},   // POI: RC4 (Office 97)
		{"annex-cryptoapi.xls", zh},    // POI: RC4 CryptoAPI, 40 bits
		{"annex-cryptoapi128.xls", zh}, // POI: RC4 CryptoAPI, 128 bits
		{"annex-velvet.xls", ""},       // POI: CryptoAPI, VelvetSweatshop
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "xls", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got := Parse("book", bytes.NewReader(data), Options{Password: tc.password})
			if !reflect.DeepEqual(got.Errors, want.Errors) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
				t.Errorf("findings differ:\n xls  %+v %+v\n xlsx %+v %+v", got.Errors, got.Warnings, want.Errors, want.Warnings)
			}
			if !reflect.DeepEqual(got.Set, want.Set) {
				t.Errorf("values differ:\n xls  %+v\n xlsx %+v", got.Set, want.Set)
			}
			// the web import keeps what Unlock gives, which needs no password
			if tc.password != "" {
				kept := Parse("book", bytes.NewReader(Unlock("book.xls", data, tc.password)), Options{})
				if len(kept.Errors) != 0 || !reflect.DeepEqual(kept.Set, want.Set) {
					t.Errorf("unlocked: errors %+v, %d rows of %d", kept.Errors, kept.Set.Len(), want.Set.Len())
				}
			}
			if tc.password == "" {
				return
			}
			for _, pw := range []struct{ password, msg string }{{"", msgPasswordNeeded}, {"captrack测", msgPasswordWrong}, {zh + ascii, msgPasswordWrong}} {
				if pw.password != "" && bytes.Equal(Unlock("book.xls", data, pw.password), data) == false {
					t.Errorf("password %q: Unlock changed the file", pw.password)
				}
				p := Parse("a.xls", bytes.NewReader(data), Options{Password: pw.password})
				if len(p.Errors) != 1 || p.Errors[0].Message != pw.msg || p.Errors[0].File != "a.xls" || p.Set.Len() != 0 {
					t.Errorf("password %q: got %+v (%d rows), want only %q", pw.password, p.Errors, p.Set.Len(), pw.msg)
				}
			}
		})
	}
	// Cut short or with a byte changed, an encrypted workbook imports
	// whole or with an error, never in part without one, never a panic.
	rc4, err := os.ReadFile("testdata/xls/annex-rc4.xls")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(rc4); i += 97 {
		for _, c := range [][]byte{rc4[:i], append(append(append([]byte(nil), rc4[:i]...), rc4[i]^0xFF), rc4[i+1:]...)} {
			p := Parse("a.xls", bytes.NewReader(c), Options{Password: zh})
			if p.panicked != "" {
				t.Fatalf("at %d: panic %s", i, p.panicked)
			}
			if len(p.Errors) == 0 && p.Set.Len() < want.Set.Len() {
				t.Errorf("at %d: %d rows of %d without an error", i, p.Set.Len(), want.Set.Len())
			}
		}
	}
	xor, err := os.ReadFile("testdata/xls/annex-xor.xls")
	if err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"", ascii} {
		p := Parse("a.xls", bytes.NewReader(xor), Options{Password: pw})
		if len(p.Errors) != 1 || !strings.Contains(p.Errors[0].Message, "“弱加密（XOR）”方式，暂不支持") || p.Set.Len() != 0 {
			t.Errorf("XOR, password %q: got %+v (%d rows), want the XOR refusal", pw, p.Errors, p.Set.Len())
		}
	}
}

// TestXLSFormulas: a plan table whose figures, dates and names are
// formulas, saved by LibreOffice as .xls and as .xlsx
// (testdata/xls/make/formulas.py), imports from the .xls with the results
// cached in it, exactly as from the .xlsx.
func TestXLSFormulas(t *testing.T) {
	read := func(name string) *Parsed {
		b, err := os.ReadFile(filepath.Join("testdata", "xls", name))
		if err != nil {
			t.Fatal(err)
		}
		return Parse("book", bytes.NewReader(b), Options{})
	}
	got, want := read("formulas.xls"), read("formulas.xlsx")
	if !reflect.DeepEqual(got.Errors, want.Errors) || !reflect.DeepEqual(got.Warnings, want.Warnings) {
		t.Errorf("findings differ:\n xls  %+v %+v\n xlsx %+v %+v", got.Errors, got.Warnings, want.Errors, want.Warnings)
	}
	if !reflect.DeepEqual(got.Set, want.Set) {
		t.Errorf("values differ:\n xls  %+v\n xlsx %+v", got.Set, want.Set)
	}
	var rows []string
	for _, p := range got.Set.Plans {
		rows = append(rows, fmt.Sprintf("%s %s %s %s-%s %s", p.Project.Name, p.Project.Investment.WanString(), p.Project.FloorArea.Decimal, p.Project.PlannedStart, p.Project.PlannedFinish, p.Project.ResponsibleUnit))
	}
	// what the formulas give: =B2*2, =SUM(C2;1000), =DATE(…), =EDATE(D3;14),
	// ="乙"&"敬老院", =F2, =ROUND(B2/3;2), =D3+31, =TEXT(…;"yyyy.mm") …
	wantRows := []string{
		"甲敬老院 150 5000 2019年3月1日-2020年12月31日 县民政局",
		"乙敬老院 300 6000 2019年10月1日-2020年12月1日 县民政局",
		"丙敬老院 50 11000 2019年11月1日-2021年6月30日 县民政局",
		"丁敬老院 149.5 7333.33333333333 -2020年10月 县民政局", // 2019.1 in General is flagged
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("rows:\n got  %q\n want %q", rows, wantRows)
	}
}
