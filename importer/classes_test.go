package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// classCase is one workbook of a class of layout or value issue 12
// names: the projects it must give exactly, and the findings at their
// cells (errors mean the whole workbook is refused).
type classCase struct {
	name     string
	sheets   []sheetSpec
	want     []want
	projects int // -1: not checked
	warnings []model.Finding
	errors   []model.Finding
}

func runClassCases(t *testing.T, cases []classCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := workbook(t, tc.sheets...)
			p := parseBytes(b, Options{})
			checkFindings(t, "errors", p.Errors, tc.errors)
			checkFindings(t, "warnings", p.Warnings, tc.warnings)
			if len(tc.errors) > 0 {
				checkRefused(t, b)
				return
			}
			if tc.projects >= 0 && len(p.Set.Plans) != tc.projects {
				t.Errorf("projects: got %d %+v, want %d", len(p.Set.Plans), p.Set.Plans, tc.projects)
			}
			rows := byName(p.Set.Plans)
			for _, w := range tc.want {
				got, ok := rows[w.name]
				if !ok {
					t.Errorf("project %s missing; got %+v", w.name, p.Set.Plans)
					continue
				}
				checkProject(t, got, w)
			}
		})
	}
}

// checkRefused imports b and checks that nothing reaches the store.
func checkRefused(t *testing.T, b []byte) {
	t.Helper()
	st := &chunkStore{}
	rep, err := Import(context.Background(), st, []File{{Name: "test.xlsx", R: bytes.NewReader(b)}}, Options{}, model.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) == 0 || st.chunks != 0 || st.applied != nil {
		t.Errorf("refused workbook: got %d errors, %d chunks applied, want errors and nothing applied", len(rep.Errors), st.chunks)
	}
}

// dateSheet is a one-project plan sheet with the given start and finish
// cells, and number formats by cell.
func dateSheet(start, finish any, formats map[string]string) sheetSpec {
	return sheetSpec{Name: "附件1", Formats: formats, Rows: [][]any{
		{"项目名称", "计划开工", "计划完工", "总投资（万元）"},
		{"甲", start, finish, 100},
	}}
}

// TestClassNumberDates: months typed as numbers read as their cells show
// them; 2019.1 in a General cell is January or October, settled by the
// row's other date where only one reading fits, else refused at the cell.
func TestClassNumberDates(t *testing.T) {
	day := func(y, m, d int) model.PlanDate { return model.DayPlan(model.NewDate(y, time.Month(m), d)) }
	runClassCases(t, []classCase{
		{name: "two decimals show October", sheets: []sheetSpec{dateSheet(2019.1, 2020.12, map[string]string{"B2": "0.00"})},
			projects: 1, want: []want{{name: "甲", start: model.MonthPlan(2019, 10), finish: model.MonthPlan(2020, 12)}}},
		{name: "General 2018.12 is December", sheets: []sheetSpec{dateSheet(2018.12, 2020.12, nil)},
			projects: 1, want: []want{{name: "甲", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)}}},
		{name: "two-digit year typed as a number", sheets: []sheetSpec{dateSheet(18.12, 20.12, nil)},
			projects: 1, want: []want{{name: "甲", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)}}},
		{name: "start 2019.1 before a June finish is January", sheets: []sheetSpec{dateSheet(2019.1, 2019.6, nil)},
			projects: 1, want: []want{{name: "甲", start: model.MonthPlan(2019, 1), finish: model.MonthPlan(2019, 6)}},
			warnings: []model.Finding{{Row: 2, Column: "B", Message: "只有2019年1月与本行其他日期相符"}}},
		{name: "finish 2019.1 after a June start is October", sheets: []sheetSpec{dateSheet(2019.6, 2019.1, nil)},
			projects: 1, want: []want{{name: "甲", start: model.MonthPlan(2019, 6), finish: model.MonthPlan(2019, 10)}},
			warnings: []model.Finding{{Row: 2, Column: "C", Message: "只有2019年10月与本行其他日期相符"}}},
		{name: "2019.1 that either reading fits is refused", sheets: []sheetSpec{dateSheet(2019.1, 2020.12, nil)},
			errors: []model.Finding{{Row: 2, Column: "B", Message: "“计划开工”的数字 2019.1 可能是2019年1月，也可能是2019年10月"}}},
		{name: "both ambiguous, both readings fit", sheets: []sheetSpec{dateSheet(2018.1, 2019.1, nil)},
			errors: []model.Finding{{Row: 2, Column: "B", Message: "2018.1"}, {Row: 2, Column: "C", Message: "2019.1"}}},
		{name: "text 2019.1 is January as typed", sheets: []sheetSpec{dateSheet("2019.1", "2020.12", nil)},
			projects: 1, want: []want{{name: "甲", start: model.MonthPlan(2019, 1)}}},
		{name: "Excel serials in General cells stay days", sheets: []sheetSpec{dateSheet(43435, 44195, nil)},
			projects: 1, want: []want{{name: "甲", start: day(2018, 12, 1), finish: day(2020, 12, 30)}}},
		{name: "a number that is no month", sheets: []sheetSpec{dateSheet(2019.13, 2020.12, nil)},
			errors: []model.Finding{{Row: 2, Column: "B", Message: "的数字 2019.13 不是日期"}}},
	})
}

// TestClassDateWords: two-digit years, deadlines, parts of a month; vague
// words refused; a period column beside start and finish columns keeps
// every date and says where they disagree.
func TestClassDateWords(t *testing.T) {
	period := func(rows ...[]any) []sheetSpec {
		return []sheetSpec{{Name: "附件1", Rows: append([][]any{{"项目名称", "建设起止年限", "计划竣工日期", "总投资（万元）"}}, rows...)}}
	}
	runClassCases(t, []classCase{
		{name: "two-digit years", sheets: []sheetSpec{dateSheet("18年12月", "20.12", nil)},
			projects: 1, want: []want{{name: "甲", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)}}},
		{name: "deadlines", sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
			{"项目名称", "计划开工", "计划完工", "总投资（万元）"},
			{"甲", nil, "到2019年", 100}, {"乙", nil, "2019年前", 100}, {"丙", nil, "2019年底前", 100}, {"丁", "2019年6月上旬", "2019年12月下旬", 100},
		}}}, projects: 4, want: []want{
			{name: "甲", finish: model.YearPlan(2019)}, {name: "乙", finish: model.YearPlan(2019)}, {name: "丙", finish: model.YearPlan(2019)},
			{name: "丁", start: model.MonthPlan(2019, 6), finish: model.MonthPlan(2019, 12)}}},
		{name: "vague words are refused", sheets: []sheetSpec{dateSheet("2019年初", "2020.12", nil)},
			errors: []model.Finding{{Row: 2, Column: "B", Message: "“计划开工”的“2019年初”不是确定的时间"}}},
		{name: "a period and a finish column: both kept", sheets: period(
			[]any{"甲", "2018.12—2020.12", nil, 100},
			[]any{"乙", "2018.12—2020.12", "2020年10月", 100},
			[]any{"丙", "到2019年", nil, 100},
			[]any{"丁", "2018.12-2020.12", "2020年12月20日", 100},
		), projects: 4, want: []want{
			{name: "甲", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)},
			{name: "乙", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 10)},
			{name: "丙", finish: model.YearPlan(2019)},
			{name: "丁", start: model.MonthPlan(2018, 12), finish: model.DayPlan(model.NewDate(2020, 12, 20))},
		}, warnings: []model.Finding{{Row: 3, Column: "C", Message: "“计划竣工日期”（C列）为2020年10月，“建设起止年限”（B列）所写的完工时间为2020年12月，两者不符"}}},
	})
}

// TestClassNotProjectTables: a 目录, 说明 or cover sheet is no table of
// projects, decided from its rows; a row naming a table is no project;
// each sheet passed over says why.
func TestClassNotProjectTables(t *testing.T) {
	annex := sheetSpec{Name: "附件1", Rows: [][]any{
		{"项目名称", "建设地点", "总投资（万元）", "计划完工"},
		{"官舟片区养老服务中心", "官舟镇", 5000, "2020.12"},
		{"儿童福利院", "县城", 5000, "2020.10"},
	}}
	runClassCases(t, []classCase{
		{name: "a 目录 sheet of table titles with a 名称 header", sheets: []sheetSpec{
			{Name: "目录", Rows: [][]any{{"序号", "表格名称", "备注"}, {1, "民生服务设施建设三年行动计划任务分解表"}, {2, "社区建设三年行动计划任务分解表"}, {3, "殡葬改革基础设施建设三年行动计划任务分解表"}}},
			annex,
		}, projects: 2, want: []want{{name: "官舟片区养老服务中心", investWan: "5000"}},
			warnings: []model.Finding{{Row: 1, Message: "第1行起的表格不是项目表（3 行名称是表格标题（如目录）），已跳过"}}},
		{name: "a 目录 of names with page numbers", sheets: []sheetSpec{
			{Name: "Sheet1", Rows: [][]any{{"序号", "名称", "页码", "说明"}, {1, "养老服务设施", 2}, {2, "儿童福利设施", 5}, {3, "殡葬设施", 8}}},
			annex,
		}, projects: 2, warnings: []model.Finding{{Row: 1, Message: "3 行中只有 0 行写有名称以外的内容"}}},
		{name: "a cover sheet and an instructions sheet", sheets: []sheetSpec{
			{Name: "封面", Rows: [][]any{{"沿河土家族自治县民生保障三年行动计划"}, {"（2017—2019年）"}}},
			{Name: "Sheet2", Rows: [][]any{{"填表说明"}, {"项目名称", "总投资"}, {"1.请填写项目全称", nil}}},
			annex,
		}, projects: 2, warnings: []model.Finding{{Message: "工作表中没有找到可识别的表头"}, {Row: 1, Message: "是填报说明，未作为数据表读取"}}},
		{name: "a table title among project rows", sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
			{"项目名称", "建设地点", "总投资（万元）"},
			{"民生服务设施建设三年行动计划任务分解表", "全县"},
			{"官舟片区养老服务中心", "官舟镇", 5000},
			{"儿童福利院", "县城", 5000},
		}}}, projects: 2, warnings: []model.Finding{{Row: 2, Column: "A", Message: "该行的名称是表格标题，不是项目，已跳过"}}},
	})
}

// TestClassUnits: every quantity takes its unit from its header or its
// cell; land in 平方米 or 公顷 is converted to 亩 exactly and said once per
// column; two columns of one field in two units check each other; a
// qualified figure imports as its number with its words kept.
func TestClassUnits(t *testing.T) {
	sheet := func(header []any, rows ...[]any) []sheetSpec {
		return []sheetSpec{{Name: "附件1", Rows: append([][]any{header}, rows...)}}
	}
	runClassCases(t, []classCase{
		{name: "land in 平方米 only", sheets: sheet([]any{"项目名称", "占地（平方米）", "总投资（万元）"}, []any{"甲", 20010, 100}, []any{"乙", "13,340", 100}),
			projects: 2, want: []want{{name: "甲", land: "30.015"}, {name: "乙", land: "20.01"}},
			warnings: []model.Finding{{Row: 1, Column: "B", Message: "“占地(平方米)”以平方米计，本列各值已按 1亩 = 10000/15 平方米、1公顷 = 10000 平方米换算为亩"}}},
		{name: "land in 亩 beside land in 平方米", sheets: sheet([]any{"项目名称", "占地（平方米）", "占地（亩）", "总投资（万元）"},
			[]any{"甲", 13333, 20, 100}, []any{"乙", 12000, 20, 100}, []any{"丙", 10000, nil, 100}),
			projects: 3, want: []want{{name: "甲", land: "20"}, {name: "乙", land: "20"}, {name: "丙", land: "15"}},
			warnings: []model.Finding{
				{Row: 1, Column: "B", Message: "换算为亩"},
				{Row: 3, Column: "B", Message: "“占地(平方米)”（B列）为 12000，与“占地(亩)”（C列）的 20 亩（合 13333.33 平方米）不符；已按“占地(亩)”导入"},
			}},
		{name: "面积 in 亩 is land; 公顷; amounts in 亿元 and 元; beds in 床", sheets: sheet([]any{"项目名称", "面积（亩）", "用地（公顷）", "总投资（亿元）", "配套资金（元）", "床位"},
			[]any{"甲", 20, nil, 2, nil, "300床"}, []any{"乙", nil, 2, "0.5", nil, 100}),
			projects: 2, want: []want{{name: "甲", land: "20", investWan: "20000", beds: 300}, {name: "乙", land: "30", investWan: "5000", beds: 100}},
			warnings: []model.Finding{{Row: 1, Column: "C", Message: "“用地(公顷)”以公顷计"}}},
		{name: "a unit in the cell decides", sheets: sheet([]any{"项目名称", "用地", "建筑面积", "总投资（万元）"},
			[]any{"甲", "13340平方米", "1.3万平方米", 100}, []any{"乙", "20亩", "9300㎡", 100}),
			projects: 2, want: []want{{name: "甲", land: "20.01", floor: "13000"}, {name: "乙", land: "20", floor: "9300"}},
			warnings: []model.Finding{
				{Row: 2, Column: "B", Message: "“用地”的值“13340平方米”以平方米计，已按 1亩 = 10000/15 平方米、1公顷 = 10000 平方米换算为 20.01 亩"},
				{Row: 2, Column: "C", Message: "“建筑面积”的值“1.3万平方米”以万平方米计"},
			}},
		{name: "a floor area in 亩 is refused", sheets: sheet([]any{"项目名称", "建筑面积", "总投资（万元）"}, []any{"甲", "20亩", 100}),
			errors: []model.Finding{{Row: 2, Column: "B", Message: "“建筑面积”的值“20亩”以亩计，建筑面积应以平方米计"}}},
		{name: "qualified figures keep their words", sheets: sheet([]any{"项目名称", "建筑面积（平方米）", "总投资（万元）", "床位（张）"},
			[]any{"联桥社区居家养老服务站", "600平方米以上", "约200", "≥50"}),
			projects: 1, want: []want{{name: "联桥社区居家养老服务站", floor: "600", investWan: "200", beds: 50,
				qualifiers: "总投资(万元)：约200；建筑面积(平方米)：600平方米以上；床位(张)：≥50"}},
			warnings: []model.Finding{
				{Row: 2, Column: "B", Message: "“建筑面积(平方米)”的值“600平方米以上”不是确切数字，已按 600平方米 导入，原文记入项目的数值说明"},
				{Row: 2, Column: "C", Message: "“总投资(万元)”的值“约200”不是确切数字，已按 200万元 导入"},
				{Row: 2, Column: "D", Message: "“床位(张)”的值“≥50”不是确切数字，已按 50张 导入"},
			}},
	})
}

// TestClassDeepHeaders: headers over up to four rows, with a row of
// units under the names and a row of column numbers, none of them data.
func TestClassDeepHeaders(t *testing.T) {
	data := [][]any{
		{1, "官舟片区养老服务中心", "官舟镇", 13000, 20, 300, 5000, "2018.12", "2020.12"},
		{2, "儿童福利院", "县城", 12000, 15, 200, 5000, "2018.12", "2020.10"},
	}
	wants := []want{
		{name: "官舟片区养老服务中心", site: "官舟镇", floor: "13000", land: "20", beds: 300, investWan: "5000", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12), row: 5},
		{name: "儿童福利院", floor: "12000", land: "15", beds: 200, investWan: "5000", finish: model.MonthPlan(2020, 10)},
	}
	three := [][]any{
		{"序号", "项目名称", "建设地点", "建设内容及规模", nil, nil, "计划投资", "建设年限", nil},
		{nil, nil, nil, "建筑面积", "占地", "床位", nil, "开工", "完工"},
		{nil, nil, nil, "（平方米）", "（亩）", "（张）", "（万元）", nil, nil},
	}
	merges := [][2]string{{"A1", "A3"}, {"B1", "B3"}, {"C1", "C3"}, {"D1", "F1"}, {"G1", "G2"}, {"H1", "I1"}}
	four := append([][]any{{"序号", "项目名称", "建设地点", "建设内容及规模", nil, nil, "计划投资", "建设年限", nil}}, three[1:]...)
	four = append(four, []any{1, 2, 3, 4, 5, 6, 7, 8, 9})
	fourWithData := append(append([][]any{}, four...), data...)
	for i := range wants {
		wants[i].row = 0
	}
	runClassCases(t, []classCase{
		{name: "three rows: names over names over units, merged", sheets: []sheetSpec{{Name: "附件1", Rows: append(append([][]any{}, three...), data...), Merges: merges}},
			projects: 2, want: wants},
		{name: "three rows, unmerged", sheets: []sheetSpec{{Name: "附件1", Rows: append(append([][]any{}, three...), data...)}},
			projects: 2, want: wants},
		{name: "four rows with a row of column numbers", sheets: []sheetSpec{{Name: "附件1", Rows: fourWithData, Merges: merges}},
			projects: 2, want: wants},
		{name: "a unit row under a one-row header", sheets: []sheetSpec{{Name: "附件1", Rows: append([][]any{
			{"序号", "项目名称", "建设地点", "建筑面积", "占地", "床位", "计划投资", "计划开工", "计划完工"},
			{nil, nil, nil, "（平方米）", "（公顷）", "（张）", "（亿元）"},
		}, [][]any{{1, "官舟片区养老服务中心", "官舟镇", 13000, 2, 300, 0.5, "2018.12", "2020.12"}}...)}},
			projects: 1, want: []want{{name: "官舟片区养老服务中心", floor: "13000", land: "30", beds: 300, investWan: "5000"}},
			warnings: []model.Finding{{Row: 2, Column: "E", Message: "以公顷计"}}},
	})
}

// TestClassFileFormats: what is no .xlsx is named, an encrypted workbook
// opens with its password and says so without one, and no message shows
// a Go error.
func TestClassFileFormats(t *testing.T) {
	plain := workbook(t, sheetSpec{Name: "附件1", Rows: [][]any{{"项目名称", "总投资（万元）"}, {"甲", 100}}})
	encrypted, err := excelize.Encrypt(plain, &excelize.Options{Password: "县民政局2019"})
	if err != nil {
		t.Fatal(err)
	}
	zipOf := func(files map[string]string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, body := range files {
			w, _ := zw.Create(name)
			w.Write([]byte(body))
		}
		zw.Close()
		return buf.Bytes()
	}
	cases := []struct {
		name, file string
		data       []byte
		password   string
		want       string // "" = imports
	}{
		{"encrypted without a password", "a.xlsx", encrypted, "", "工作簿设有打开密码"},
		{"encrypted, wrong password", "a.xlsx", encrypted, "123", "工作簿设有打开密码，所给密码不正确"},
		{"encrypted, right password", "a.xlsx", encrypted, "县民政局2019", ""},
		{"ods", "a.ods", zipOf(map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}), "", "OpenDocument 电子表格（.ods）"},
		{"docx", "a.docx", zipOf(map[string]string{"word/document.xml": "<x/>"}), "", "Word 文档"},
		{"csv", "a.csv", []byte("项目名称,总投资\n甲,100\n"), "", "文本文件（如 CSV）"},
		{"html saved as xls", "a.xls", []byte("<html><body><table><tr><td>甲</td></tr></table></body></html>"), "", "网页（HTML）"},
		{"pdf", "a.pdf", []byte("%PDF-1.4\n..."), "", "PDF 文档"},
		{"empty", "a.xlsx", nil, "", "不是 Excel 工作簿"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := Parse(tc.file, bytes.NewReader(tc.data), Options{Password: tc.password})
			if tc.want == "" {
				if len(p.Errors) != 0 || len(p.Set.Plans) != 1 || p.Set.Plans[0].Project.Name != "甲" {
					t.Fatalf("got errors %v, plans %+v; want 甲", p.Errors, p.Set.Plans)
				}
				return
			}
			if len(p.Errors) != 1 || !strings.Contains(p.Errors[0].Message, tc.want) || p.Errors[0].File != tc.file {
				t.Fatalf("errors: got %+v, want one for %s containing %q", p.Errors, tc.file, tc.want)
			}
			for _, bad := range []string{"EOF", "zip:", "runtime error", "excelize"} {
				if strings.Contains(p.Errors[0].Message, bad) {
					t.Errorf("message %q shows a Go error", p.Errors[0].Message)
				}
			}
		})
	}
}
