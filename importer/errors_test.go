package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
)

func fixture(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/annex-tables-sample.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// rezip rewrites the parts of an .xlsx: edit returns a part's new content,
// or nil to leave it out.
func rezip(t testing.TB, b []byte, edit func(name string, data []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if data = edit(f.Name, data); data == nil {
			continue
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func planSheet(t testing.TB, rows ...[]any) []byte {
	header := []any{"序号", "项目编号", "项目名称", "总投资（万元）", "建筑面积（平方米）", "占地（亩）", "床位", "计划开工", "计划完工"}
	return workbook(t, sheetSpec{Name: "附件1", Rows: append([][]any{{"附件1 任务分解表"}, header}, rows...)})
}

func TestParseErrors(t *testing.T) {
	ok := []any{1, "", "官舟片区养老服务中心", 5000, 13000, 20, 300, "2018.12", "2020.12"}
	with := func(col int, v any) []any {
		r := append([]any(nil), ok...)
		r[col] = v
		return r
	}
	cases := []struct {
		name string
		file []byte
		opt  Options
		want []model.Finding
	}{
		{"not a workbook", []byte("项目名称,总投资\n甲,1\n"), Options{}, []model.Finding{{Message: "不是 Excel 工作簿"}}},
		{"truncated", fixture(t)[:3000], Options{}, []model.Finding{{Message: "已截断、损坏"}}},
		{"empty input", nil, Options{}, []model.Finding{{Message: "工作簿"}}},
		{"every sheet empty", workbook(t, sheetSpec{Name: "Sheet1"}), Options{}, []model.Finding{{Message: "工作簿中没有任何数据"}}},
		{"zip bomb over the unzip limit", fixture(t), Options{MaxUnzipSize: 4096}, []model.Finding{{Message: "压缩炸弹"}}},
		{"no project-name column", workbook(t, sheetSpec{Name: "S", Rows: [][]any{{"地点", "总投资"}, {"官舟镇", 1}}}), Options{}, []model.Finding{{Message: "没有找到含“项目名称”"}}},
		{"non-numeric amount", planSheet(t, with(3, "五千万")), Options{}, []model.Finding{{Row: 3, Column: "D", Message: "“总投资(万元)”的值“五千万”不是数字"}}},
		{"approximate amount in words", planSheet(t, with(3, "约五千")), Options{}, []model.Finding{{Row: 3, Column: "D", Message: "“总投资(万元)”的值“约五千”不是数字"}}},
		{"negative area", planSheet(t, with(4, -13000)), Options{}, []model.Finding{{Row: 3, Column: "E", Message: "不能为负数"}}},
		{"negative land as text", planSheet(t, with(5, "－20")), Options{}, []model.Finding{{Row: 3, Column: "F", Message: "不能为负数"}}},
		{"fractional beds", planSheet(t, with(6, 2.5)), Options{}, []model.Finding{{Row: 3, Column: "G", Message: "应为整数"}}},
		{"amount below a fen", planSheet(t, with(3, "0.0000001")), Options{}, []model.Finding{{Row: 3, Column: "D", Message: "精度超过"}}},
		{"unreadable date", planSheet(t, with(7, "明年春天")), Options{}, []model.Finding{{Row: 3, Column: "H", Message: "无法识别的日期“明年春天”"}}},
		{"finish before start", planSheet(t, with(8, "2018.6")), Options{}, []model.Finding{{Row: 3, Column: "I", Message: "计划完工时间（2018年6月）早于计划开工时间（2018年12月）"}}},
		{"name too long", planSheet(t, with(2, strings.Repeat("长", 256))), Options{}, []model.Finding{{Row: 3, Column: "C", Message: "项目名称过长（256 个字，最多 200 个）"}}},
		{"figures without a name", planSheet(t, with(2, "")), Options{}, []model.Finding{{Row: 3, Column: "C", Message: "缺少项目名称"}}},
		{"every error listed", planSheet(t, with(3, "x"), ok, with(7, "?")), Options{}, []model.Finding{
			{Row: 3, Column: "D", Message: "不是数字"},
			{Row: 5, Column: "H", Message: "无法识别"},
		}},
		{"missing shared strings", rezip(t, fixture(t), func(name string, data []byte) []byte {
			if name == "xl/sharedStrings.xml" {
				return nil
			}
			return data
		}), Options{}, []model.Finding{{Message: "没有找到"}}},
		{"row number out of range", rezip(t, fixture(t), func(name string, data []byte) []byte {
			if name == "xl/worksheets/sheet2.xml" {
				return bytes.Replace(data, []byte(`<row r="3"`), []byte(`<row r="99999999"`), 1)
			}
			return data
		}), Options{}, []model.Finding{{Message: "工作表数据损坏：行号超出 Excel 的上限"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := Parse("bad.xlsx", bytes.NewReader(tc.file), tc.opt)
			checkFindings(t, "errors", p.Errors, tc.want)
		})
	}
}

// TestParseBadSharedStrings: negative shared-string indexes read as
// empty cells (excelize ignores them while streaming), so the sheet whose
// header they hid is reported as skipped rather than passed over in silence.
func TestParseBadSharedStrings(t *testing.T) {
	b := rezip(t, fixture(t), func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet3.xml" {
			return regexp.MustCompile(`t="s"><v>\d+</v>`).ReplaceAll(data, []byte(`t="s"><v>-1</v>`))
		}
		return data
	})
	p := parseBytes(b, Options{})
	checkFindings(t, "warnings", p.Warnings, []model.Finding{{Message: "没有找到可识别的表头"}})
	if len(p.Errors) != 0 {
		t.Errorf("errors: got %v, want none", p.Errors)
	}
}

// TestParseByteFlips corrupts the fixture byte by byte: every result is
// either a clean parse or a list of errors, never a panic.
func TestParseByteFlips(t *testing.T) {
	b := fixture(t)
	for i := 0; i < len(b); i += 97 {
		c := append([]byte(nil), b...)
		c[i] ^= 0xFF
		p := Parse("flip.xlsx", bytes.NewReader(c), Options{})
		for _, e := range p.Errors {
			if e.File != "flip.xlsx" || e.Message == "" {
				t.Fatalf("flip at %d: got finding %+v, want file and message", i, e)
			}
		}
	}
}

func TestParseLeavesNoTempFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 60,000-row workbook")
	}
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	p := parseBytes(bigAnnex(t, 60000), Options{})
	if len(p.Errors) != 0 || len(p.Set.Plans) != 60000 {
		t.Fatalf("got %d errors %v and %d projects, want none and 60000", len(p.Errors), p.Errors[:min(3, len(p.Errors))], len(p.Set.Plans))
	}
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range left {
		names = append(names, e.Name())
	}
	if len(names) != 0 {
		t.Errorf("temp files left: got %s, want none", strings.Join(names, ", "))
	}
}

// TestParseChecksum: a byte changed inside a stored (uncompressed) part
// keeps the XML valid but breaks the part's CRC-32, which must be an
// error rather than a silently different value.
func TestParseChecksum(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zr, err := zip.NewReader(bytes.NewReader(fixture(t)), int64(len(fixture(t))))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	good := buf.Bytes()
	if p := Parse("good.xlsx", bytes.NewReader(good), Options{}); len(p.Errors) != 0 {
		t.Fatalf("stored copy of the fixture: errors %v", p.Errors)
	}
	i := bytes.Index(good, []byte("5000"))
	if i < 0 {
		t.Fatal("no 5000 in the stored fixture")
	}
	bad := bytes.Clone(good)
	bad[i] = '6' // 5000 → 6000, still a valid number
	p := Parse("bad.xlsx", bytes.NewReader(bad), Options{})
	checkFindings(t, "errors", p.Errors, []model.Finding{{Message: "校验和不符"}})
	if len(p.Set.Plans) != 0 {
		t.Errorf("got %d projects from a damaged file, want none", len(p.Set.Plans))
	}
}
