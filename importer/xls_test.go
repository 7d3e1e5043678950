package importer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
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
	stream, ok := xlsWorkbook(b)
	if !ok {
		t.Fatal("no Workbook stream")
	}
	recs, _ := biffRecords(stream, 0)
	for _, r := range recs[1:] {
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
	cases := []struct {
		name, sheet, msg string
		file             []byte
		opt              Options
	}{
		{"encrypted", "", "工作簿设有打开密码：加密的 .xls 工作簿不能直接导入", patchRecord(t, plan, 0x00E1, recFilePass), Options{}},
		{"unknown cell record", "附件1", "无法识别的单元格记录", patchRecord(t, plan, recLabelSST, 0x0004), Options{}},
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
