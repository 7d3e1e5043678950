package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

// want is what a test expects of one imported project; zero fields are
// not checked, except where noted.
type want struct {
	name, code, category, site, township, unit string
	annex                                      int
	investWan                                  string // "" = not checked, "nil" = unknown
	floor, land                                string
	qualifiers                                 string
	beds                                       int
	start, finish                              model.PlanDate
	stages                                     []model.StagePlan
	row                                        int
	col                                        string
}

func money(t *testing.T, p *model.Money) string {
	t.Helper()
	if p == nil {
		return "nil"
	}
	return p.WanString()
}

func checkProject(t *testing.T, got model.PlanRow, w want) {
	t.Helper()
	p := got.Project
	eq := func(field, got, want string) {
		t.Helper()
		if want != "" && got != want {
			t.Errorf("%s %s: got %q, want %q", w.name, field, got, want)
		}
	}
	eq("code", p.Code, w.code)
	eq("category", p.Category, w.category)
	eq("site", p.Site, w.site)
	eq("township", p.Township, w.township)
	eq("unit", p.ResponsibleUnit, w.unit)
	eq("investment", money(t, p.Investment), w.investWan)
	eq("qualifiers", p.Qualifiers, w.qualifiers)
	if w.floor != "" {
		eq("floor", p.FloorArea.Decimal.String(), w.floor)
	}
	if w.land != "" {
		eq("land", p.Land.Decimal.String(), w.land)
	}
	if w.annex != 0 && p.Annex != w.annex {
		t.Errorf("%s annex: got %d, want %d", w.name, p.Annex, w.annex)
	}
	if w.beds != 0 && (p.Beds == nil || *p.Beds != w.beds) {
		t.Errorf("%s beds: got %v, want %d", w.name, p.Beds, w.beds)
	}
	if !w.start.IsZero() && p.PlannedStart != w.start {
		t.Errorf("%s start: got %+v, want %+v", w.name, p.PlannedStart, w.start)
	}
	if !w.finish.IsZero() && p.PlannedFinish != w.finish {
		t.Errorf("%s finish: got %+v, want %+v", w.name, p.PlannedFinish, w.finish)
	}
	if w.stages != nil {
		if len(got.Stages) != len(w.stages) {
			t.Errorf("%s stages: got %+v, want %+v", w.name, got.Stages, w.stages)
		} else {
			for i := range w.stages {
				if got.Stages[i] != w.stages[i] {
					t.Errorf("%s stage %d: got %+v, want %+v", w.name, i, got.Stages[i], w.stages[i])
				}
			}
		}
	}
	if w.row != 0 && got.Row != w.row {
		t.Errorf("%s row: got %d, want %d", w.name, got.Row, w.row)
	}
	if w.col != "" && got.ProjectColumn != w.col {
		t.Errorf("%s column: got %q, want %q", w.name, got.ProjectColumn, w.col)
	}
	if got.File == "" || got.Sheet == "" {
		t.Errorf("%s ref: got %+v, want file and sheet", w.name, got.Ref)
	}
}

func byName(rows []model.PlanRow) map[string]model.PlanRow {
	m := map[string]model.PlanRow{}
	for _, r := range rows {
		m[r.Project.Name] = r
	}
	return m
}

func parseBytes(b []byte, opt Options) *Parsed {
	return Parse("test.xlsx", bytes.NewReader(b), opt)
}

func TestParseFixture(t *testing.T) {
	b, err := os.ReadFile("testdata/annex-tables-sample.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	p := parseBytes(b, Options{})
	if len(p.Errors) != 0 || len(p.Warnings) != 0 {
		t.Fatalf("findings: got errors %v warnings %v, want none", p.Errors, p.Warnings)
	}
	annex := map[int]int{}
	for _, r := range p.Set.Plans {
		annex[r.Project.Annex]++
	}
	if annex[1] != 15 || annex[3] != 41 || len(annex) != 2 {
		t.Errorf("projects per annex: got %v, want map[1:15 3:41]", annex)
	}
	if got := len(p.Set.Indicators); got != 10 {
		t.Errorf("indicators: got %d, want 10", got)
	}
	rows := byName(p.Set.Plans)
	for _, w := range []want{
		{name: "官舟片区养老服务中心", annex: 1, category: "片区养老服务中心", site: "官舟镇(猴渡坪景区)", township: "官舟镇", investWan: "5000",
			floor: "13000", land: "20", beds: 300, start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12), unit: "县民政局", row: 3, col: "C"},
		{name: "中界片区养老服务中心", start: model.MonthPlan(2019, 1), finish: model.MonthPlan(2020, 12)},
		{name: "甘溪片区养老服务中心", start: model.MonthPlan(2019, 10)},
		{name: "联桥社区居家养老服务站", township: "和平街道", floor: "600", investWan: "200", finish: model.MonthPlan(2019, 12)},
		{name: "县城殡仪馆搬迁工程", annex: 3, investWan: "20000", floor: "15000", start: model.MonthPlan(2018, 1), row: 4, col: "B"},
		{name: "后坪乡集中治丧服务点", annex: 3, investWan: "400", floor: "2000", land: "20", unit: "后坪乡人民政府"},
	} {
		got, ok := rows[w.name]
		if !ok {
			t.Errorf("project %s missing", w.name)
			continue
		}
		checkProject(t, got, w)
	}
	if r := rows["城区社区日间照料中心"]; r.Project.FloorArea.Valid || r.Project.Beds != nil || !r.Project.PlannedStart.IsZero() {
		t.Errorf("unknown figures: got %+v, want floor, beds, start unknown", r.Project)
	}
	ind := p.Set.Indicators[0]
	if ind.Annex != 2 || ind.Year != 2018 || ind.Target != "20%" || ind.ResponsibleUnit != "县民政局" {
		t.Errorf("first indicator: got %+v", ind)
	}
}

// cemeteries are 20 rows of 400万 under a group heading, as annex 3 lists
// them.
func cemeteries(first int) [][]any {
	var rows [][]any
	for i := 0; i < 20; i++ {
		town := []string{"官舟", "谯家", "洪渡", "淇滩", "甘溪", "板场", "夹石", "中界", "晓景", "土地坳", "思渠", "黄土", "新景", "黑水", "泉坝", "中寨", "塘坝", "客田", "后坪", "沙子"}[i]
		rows = append(rows, []any{first + i, town + "镇农村公益性公墓", town + "镇", 20, 200, 400, "2018年1月", "2018年12月", "镇人民政府"})
	}
	return rows
}

func TestParseLayouts(t *testing.T) {
	twoRow := [][]any{
		{"附件3"},
		{"殡葬改革基础设施建设三年行动计划任务分解表"},
		{"单位：万元"},
		{"序号", "项目名称", "建设地点", "建设规模", nil, "建设经费", "建设年限", nil, "责任单位"},
		{nil, nil, nil, "占地\n（亩）", "建筑面积\n（平方米）", nil, "开工", "完工"},
		{"一、殡仪馆"},
		{1, "县城殡仪馆搬迁工程", "县城", nil, "15,000", "20000", "2018年1月", "2020年12月", "县民政局"},
		{"(二)农村公益性公墓"},
	}
	twoRow = append(twoRow, cemeteries(2)...)
	twoRow = append(twoRow,
		[]any{"小计", nil, nil, 340, 3400, 6800},
		nil,
		[]any{"合 计", nil, nil, nil, nil, 26800},
		[]any{"注：公墓每处占地20亩。"},
	)
	cases := []struct {
		name     string
		sheets   []sheetSpec
		opt      Options
		projects int
		want     []want
		warnings []model.Finding // Row, Column and a word of the message
	}{
		{
			name: "two-row merged header, groups, subtotals, instructions first",
			sheets: []sheetSpec{
				{Name: "填报说明", Rows: [][]any{{"请按下表填写"}, {"项目名称", "总投资"}}},
				{Name: "Sheet2", Rows: twoRow, Merges: [][2]string{{"A4", "A5"}, {"B4", "B5"}, {"C4", "C5"}, {"D4", "E4"}, {"F4", "F5"}, {"G4", "H4"}, {"I4", "I5"}, {"A6", "I6"}}},
			},
			projects: 21,
			want: []want{
				{name: "县城殡仪馆搬迁工程", annex: 3, category: "殡仪馆", investWan: "20000", floor: "15000", start: model.MonthPlan(2018, 1), finish: model.MonthPlan(2020, 12), row: 7, col: "B"},
				{name: "官舟镇农村公益性公墓", annex: 3, category: "农村公益性公墓", land: "20", floor: "200", investWan: "400", township: "官舟镇", row: 9},
			},
			warnings: []model.Finding{
				{Message: "工作表名称表明是填报说明"},
				{Row: 29, Column: "D", Message: "340"},
				{Row: 29, Column: "E", Message: "4000"},
				{Row: 29, Column: "F", Message: "按所含 20 个项目计算为 8000"},
				{Row: 31, Column: "F", Message: "按所含 21 个项目计算为 28000"},
			},
		},
		{
			name: "synonyms, shuffled columns, codes, 亿元",
			sheets: []sheetSpec{{Name: "项目表", Rows: [][]any{
				{"牵头单位", "计划竣工", "工程名称", "项目编码", "投资估算（亿元）", "建设地址", "占地面积（亩）", "计划开工", "类别", "备用列"},
				{"县民政局", "2020.12", "官舟片区养老服务中心", "MS-01", 0.5, "官舟镇", "20", "2018.12", "养老", "x"},
				{"县民政局", "2020-10", "儿童福利院", "MS-02", "0.5", "县城", "15", "2018/12", "儿童", nil},
			}}},
			projects: 2,
			want: []want{
				{name: "官舟片区养老服务中心", code: "MS-01", annex: 1, investWan: "5000", land: "20", category: "养老", unit: "县民政局", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12), col: "C"},
				{name: "儿童福利院", code: "MS-02", investWan: "5000", finish: model.MonthPlan(2020, 10), start: model.MonthPlan(2018, 12)},
			},
		},
		{
			name: "combined period column",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"建设项目", "建设起止年限", "计划总投资（万元）"},
				{"甲", "2018.12—2020.12", 1},
				{"乙", "2018年12月至2020年12月", 1},
				{"丙", "2019年", 1},
				{"丁", "2018.12-2020.12", 1},
				{"戊", "2018年—2019年", 1},
				{"己", "2018.12.20-2019.1", 1},
			}}},
			projects: 6,
			want: []want{
				{name: "甲", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)},
				{name: "乙", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)},
				{name: "丙", start: model.YearPlan(2019), finish: model.YearPlan(2019)},
				{name: "丁", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)},
				{name: "戊", start: model.YearPlan(2018), finish: model.YearPlan(2019)},
				{name: "己", start: model.DayPlan(model.NewDate(2018, 12, 20)), finish: model.MonthPlan(2019, 1)},
			},
		},
		{
			name: "real date cells with custom and built-in formats",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"项目名称", "开工时间", "完工时间", "主体完工", "竣工验收"},
				{"甲", time.Date(2018, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 20, 0, 0, 0, 0, time.UTC), time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC), "2020.12.25"},
				{"乙", time.Date(2019, 1, 15, 0, 0, 0, 0, time.UTC), time.Date(2020, 6, 30, 0, 0, 0, 0, time.UTC), nil, nil},
				{"丙", 2019.1, 2020.12, nil, nil},
			}, Formats: map[string]string{"B2": `yyyy"年"m"月"`, "C2": "yyyy-mm-dd", "D2": `[$-804]yyyy"年"mm"月"`, "B4": "0.00"},
				Builtin: map[string]int{"B3": 14, "C3": 57}}},
			projects: 3,
			want: []want{
				{name: "甲", start: model.MonthPlan(2018, 12), finish: model.DayPlan(model.NewDate(2020, 12, 20)),
					stages: []model.StagePlan{{Name: "主体完工", Date: model.MonthPlan(2019, 12)}, {Name: "竣工验收", Date: model.DayPlan(model.NewDate(2020, 12, 25))}}},
				{name: "乙", start: model.DayPlan(model.NewDate(2019, 1, 15)), finish: model.MonthPlan(2020, 6), stages: []model.StagePlan{}},
				{name: "丙", start: model.MonthPlan(2019, 10), finish: model.MonthPlan(2020, 12)},
			},
		},
		{
			name: "numbers as text, full-width digits, amounts in 元, line breaks in headers",
			sheets: []sheetSpec{{Name: "Sheet1", Rows: [][]any{
				{"序号", "项目\n名称", "总投资\n（元）", "建筑面积(㎡)", "床位（张）", "计划\n开工", "计划完成时间"},
				{1, 2, 3, 4, 5, 6, 7},
				{"1", "甲", "50,000,000", "１３０００", " 300 ", "２０１８年１２月", "2020年12月"},
				{"2", "乙", 12345.67, "9 300.5", "—", "/", "2019年"},
				{"3", "丙", nil, "-", nil, "2018年12月20日", "2018.12.31"},
			}}},
			projects: 3,
			want: []want{
				{name: "甲", investWan: "5000", floor: "13000", beds: 300, start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)},
				{name: "乙", investWan: "1.234567", floor: "9300.5", finish: model.YearPlan(2019)},
				{name: "丙", investWan: "nil", start: model.DayPlan(model.NewDate(2018, 12, 20)), finish: model.DayPlan(model.NewDate(2018, 12, 31))},
			},
		},
		{
			name: "several tables on one sheet, annex from content",
			sheets: []sheetSpec{{Name: "汇总", Rows: [][]any{
				{"民生服务设施任务分解表"},
				{"项目名称", "总投资（万元）", "计划完工"},
				{"光荣院", 1800, "2020.10"},
				nil,
				{"殡葬改革任务分解表"},
				{"项目名称", "建设经费（亿元）", "计划完工"},
				{"殡仪馆搬迁", 2, "2020.12"},
				{"1.公墓"},
				{"谯家镇公墓", 0.04, "2017.12"},
			}}},
			projects: 3,
			want: []want{
				{name: "光荣院", annex: 1, investWan: "1800", row: 3},
				{name: "殡仪馆搬迁", annex: 3, investWan: "20000", row: 7},
				{name: "谯家镇公墓", annex: 3, investWan: "400", category: "公墓", township: "", row: 9},
			},
		},
		{
			name: "longer words win, breakdown rows skipped",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "项目建设地点", "项目负责人", "金额（万元）", "计划开工", "计划完工"},
				{1, "甲", "谯家镇", "张三", 300, "2019.1", "2019.12"},
				{nil, "其中：省级补助", nil, nil, 100},
				{"合计", nil, nil, nil, 300},
			}}},
			projects: 1,
			want:     []want{{name: "甲", site: "谯家镇", township: "谯家镇", investWan: "300", unit: "", row: 2}},
		},
		{
			name: "second header row of unknown words under a merged amount",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "总投资（万元）", nil, nil, "计划开工"},
				{nil, nil, "合计", "中央", "地方"},
				{1, "甲", 900, 600, 300, "2019.1"},
			}, Merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "E1"}, {"F1", "F2"}}}},
			projects: 1,
			want:     []want{{name: "甲", investWan: "900", start: model.MonthPlan(2019, 1), row: 3}},
		},
		{
			name: "group rows by numeral in the 序号 column, content extraction",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "建设内容及规模", "总投资（万元）"},
				{"一", "养老服务中心"},
				{1, "洪渡片区养老服务中心", "建筑面积9,300平方米，占地15亩，设置床位200张", 3000},
				{"二", "敬老院"},
				{1, "中界镇敬老院", "新建200张床位，用地5亩", 650},
				{"合计", nil, nil, 3650},
			}}},
			projects: 2,
			want: []want{
				{name: "洪渡片区养老服务中心", category: "养老服务中心", floor: "9300", land: "15", beds: 200},
				{name: "中界镇敬老院", category: "敬老院", land: "5", beds: 200},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseBytes(workbook(t, tc.sheets...), tc.opt)
			if len(p.Errors) != 0 {
				t.Fatalf("errors: got %v, want none", p.Errors)
			}
			if got := len(p.Set.Plans); got != tc.projects {
				t.Errorf("projects: got %d, want %d", got, tc.projects)
			}
			rows := byName(p.Set.Plans)
			for _, w := range tc.want {
				got, ok := rows[w.name]
				if !ok {
					t.Errorf("project %s: missing", w.name)
					continue
				}
				checkProject(t, got, w)
			}
			checkFindings(t, "warnings", p.Warnings, tc.warnings)
		})
	}
}

// checkFindings asserts that got holds exactly the findings of want, in
// order, matching row, column and a part of the message.
func checkFindings(t *testing.T, what string, got, want []model.Finding) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d %v, want %d %v", what, len(got), got, len(want), want)
		return
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Row != w.Row || g.Column != w.Column || !strings.Contains(g.Message, w.Message) || g.File == "" {
			t.Errorf("%s[%d]: got %+v, want row %d column %q message containing %q", what, i, g, w.Row, w.Column, w.Message)
		}
	}
}

func TestParseValues(t *testing.T) {
	dates := []struct {
		in   string
		want model.PlanDate
		ok   bool
	}{
		{"2018年12月", model.MonthPlan(2018, 12), true},
		{"2018.12", model.MonthPlan(2018, 12), true},
		{"2018-12", model.MonthPlan(2018, 12), true},
		{"2018/12", model.MonthPlan(2018, 12), true},
		{"2019.1", model.MonthPlan(2019, 1), true},
		{"2019.10", model.MonthPlan(2019, 10), true},
		{"2019年", model.YearPlan(2019), true},
		{"2019", model.YearPlan(2019), true},
		{"2019年底", model.YearPlan(2019), true},
		{"2018年12月20日", model.DayPlan(model.NewDate(2018, 12, 20)), true},
		{"2018.12.20", model.DayPlan(model.NewDate(2018, 12, 20)), true},
		{"2019.2.30", model.PlanDate{}, false},
		{"2019.13", model.PlanDate{}, false},
		{"明年", model.PlanDate{}, false},
		// Chinese numerals, halves and quarters, "by" suffixes
		{"二〇一八年十二月", model.MonthPlan(2018, 12), true},
		{"二〇一九年", model.YearPlan(2019), true},
		{"二零一九年十月二十日", model.DayPlan(model.NewDate(2019, 10, 20)), true},
		{"2020年十月", model.MonthPlan(2020, 10), true},
		{"2019年三月三十一日", model.DayPlan(model.NewDate(2019, 3, 31)), true},
		{"2019年上半年", model.MonthPlan(2019, 6), true},
		{"2019年下半年", model.MonthPlan(2019, 12), true},
		{"2019年第三季度", model.MonthPlan(2019, 9), true},
		{"2019年一季度末", model.MonthPlan(2019, 3), true},
		{"2019年底前", model.YearPlan(2019), true},
		{"2019年6月底前", model.MonthPlan(2019, 6), true},
		{"2019年12月31日前", model.DayPlan(model.NewDate(2019, 12, 31)), true},
		{"2019年第五季度", model.PlanDate{}, false},
		{"二〇一九年十三月", model.PlanDate{}, false},
		{"十十年", model.PlanDate{}, false},
	}
	for _, tc := range dates {
		t.Run("date "+tc.in, func(t *testing.T) {
			got, ok := parseTextDate(clean(tc.in))
			if got != tc.want || ok != tc.ok {
				t.Errorf("got %+v %v, want %+v %v", got, ok, tc.want, tc.ok)
			}
		})
	}
	numbers := []struct {
		in   string
		want string // "" = unknown
		bad  bool
	}{
		{"5000", "5000", false},
		{"1,234.5", "1234.5", false},
		{"１２ ３４", "1234", false},
		{"2650.0000000000005", "2650", false},
		{"0.30000000000000004", "0.3", false},
		{"", "", false},
		{"—", "", false},
		{"/", "", false},
		{"约5000", "", true},
		{"-3", "", true},
		{"五千", "", true},
	}
	for _, tc := range numbers {
		t.Run("number "+tc.in, func(t *testing.T) {
			d, ok, verr := parseNumber(tc.in)
			got := ""
			if ok {
				got = d.String()
			}
			if got != tc.want || (verr != "") != tc.bad {
				t.Errorf("got %q %q, want %q bad=%v", got, verr, tc.want, tc.bad)
			}
		})
	}
	if m, verr := parseMoney("1,200万", model.Yuan); verr != "" || m == nil || *m != 1200*model.Wan {
		t.Errorf("parseMoney(1,200万): got %v %q, want 1200万", m, verr)
	}
	m, verr := parseMoney("3亿元", model.Wan)
	if verr != "" || m == nil || *m != 3*model.Yi {
		t.Errorf("parseMoney(3亿元): got %v %q, want 3亿", m, verr)
	}
	if _, verr := parseMoney("0.001", model.Yuan); verr == "" {
		t.Errorf("parseMoney(0.001 元): got no error, want sub-fen error")
	}
	if got := inUnit(model.Money(12345), model.Wan); !got.Equal(decimal.RequireFromString("0.012345")) {
		t.Errorf("inUnit: got %s, want 0.012345", got)
	}
}
