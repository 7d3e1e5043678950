package importer

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// The workbooks below are typed the way county clerks type them, in
// layouts the other tests do not use: each asserts the exact values read
// and the exact findings.

func TestParseGenre(t *testing.T) {
	day := func(y, m, dd int) model.PlanDate { return model.DayPlan(model.NewDate(y, time.Month(m), dd)) }
	cases := []struct {
		name       string
		sheets     []sheetSpec
		book       []byte // instead of sheets
		projects   int
		indicators int
		want       []want
		warnings   []model.Finding
		errors     []model.Finding
	}{
		{
			name: "title block, units line, blank row, two-row header, group rows carrying subtotals, extra columns",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"附件1"},
				{"沿河自治县民生服务设施建设三年行动计划任务分解表"},
				{"（2017年～2019年）"},
				{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "单位：万元"},
				nil,
				{"项目名称", "项目性质", "建设地点", "建设规模", nil, nil, "计划总投资\n（万元）", "建设年限", nil, "资金来源", "责任单位", "前期工作进展", "备注"},
				{nil, nil, nil, "建筑面积\n（平方米）", "占地（亩）", "床位（张）", nil, "开工", "完工"},
				{"一、养老服务设施", nil, nil, 22300, 35, 500, 8000},
				{"（一）片区养老服务中心"},
				{" 官舟片区养老服务中心\u00a0", "新建", "官舟镇（猴渡坪景区）", 13000, 20, 300, 5000, "2018.12", "2020.12", "中央预算内投资", "县民政局", "已完成选址", nil},
				{"洪渡片区养老服务中心", "新建", "洪渡镇", "9 300", "15", "200", "3,000", "2018年12月", "2020年12月", "地方配套", "县民政局", nil, "—"},
				{"小计", nil, nil, 22300, 35, 500, 8000},
				nil,
				{"二、儿童福利设施", nil, nil, 12000, 15, 200, 5000},
				{"儿童福利院", "新建", "县城", 12000, 15, 200, 5000, "2018/12", "2020-10", nil, "县民政局"},
				{"合计", nil, nil, 34300, 50, 700, 14000},
				{"注：1.建设规模为建筑面积；2.资金来源以批复为准。"},
				{"填表人：张三", nil, nil, "审核人：李四", nil, nil, "填报日期：2017年11月20日"},
			}, Merges: [][2]string{{"A2", "M2"}, {"A6", "A7"}, {"B6", "B7"}, {"C6", "C7"}, {"D6", "F6"}, {"G6", "G7"}, {"H6", "I6"},
				{"J6", "J7"}, {"K6", "K7"}, {"L6", "L7"}, {"M6", "M7"}}}},
			projects: 3,
			want: []want{
				{name: "官舟片区养老服务中心", annex: 1, category: "片区养老服务中心", site: "官舟镇（猴渡坪景区）", township: "官舟镇", unit: "县民政局",
					investWan: "5000", floor: "13000", land: "20", beds: 300, start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12), row: 10, col: "A"},
				{name: "洪渡片区养老服务中心", annex: 1, category: "片区养老服务中心", investWan: "3000", floor: "9300", land: "15", beds: 200, row: 11},
				{name: "儿童福利院", annex: 1, category: "儿童福利设施", investWan: "5000", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 10), row: 15},
			},
			warnings: []model.Finding{{Row: 16, Column: "G", Message: "“合计”行的“计划总投资(万元)”为 14000，按所含 3 个项目计算为 13000"}},
		},
		{
			name: "group row subtotals that disagree, nested groups, a total at the top",
			sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
				{"殡葬改革基础设施建设三年行动计划任务分解表"},
				{"序号", "建设项目", "建设规模（平方米）", "用地（亩）", "投资估算（万元）", "计划完成时间"},
				{"合计", nil, 3600, 60, 21000},
				{"一", "殡仪馆", 15000, nil, 20000},
				{1, "县城殡仪馆搬迁", 15000, nil, 20000, "2020年"},
				{"二", "农村公益性公墓", 3400, 340, 6800},
				{"(一)", "2017年"},
				{1, "官舟镇公墓", 200, 20, 400, "2017年"},
				{2, "谯家镇公墓", 200, 20, 400, "2017年"},
				{"（二）2018年", nil, 200, 20, 500},
				{1, "淇滩镇公墓", 200, 20, 400, "2018年"},
			}}},
			projects: 4,
			want: []want{
				{name: "县城殡仪馆搬迁", annex: 3, category: "殡仪馆", investWan: "20000", floor: "15000", finish: model.YearPlan(2020)},
				{name: "官舟镇公墓", annex: 3, category: "2017年", investWan: "400", land: "20"},
				{name: "淇滩镇公墓", annex: 3, category: "2018年", investWan: "400"},
			},
			warnings: []model.Finding{
				{Row: 3, Column: "C", Message: "“合计”行的“建设规模(平方米)”为 3600，按所含 4 个项目计算为 15600"},
				{Row: 3, Column: "E", Message: "为 21000，按所含 4 个项目计算为 21200"},
				{Row: 6, Column: "C", Message: "“农村公益性公墓”行的“建设规模(平方米)”为 3400，按所含 3 个项目计算为 600"},
				{Row: 6, Column: "D", Message: "为 340，按所含 3 个项目计算为 60"},
				{Row: 6, Column: "E", Message: "为 6800，按所含 3 个项目计算为 1200"},
				{Row: 10, Column: "E", Message: "“(二)2018年”行的“投资估算(万元)”为 500，按所含 1 个项目计算为 400"},
			},
		},
		{
			name: "cells merged down the rows: one unit for many projects, one name for several sites, one amount for several rows",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "建设地点", "总投资（万元）", "计划开工", "计划完工", "责任单位"},
				{"一", "敬老院"},
				{1, "敬老院改扩建", "中界镇", 650, "2018.10", "2019.12", "县民政局"},
				{2, nil, "晓景乡", 650},
				{3, nil, "黄土乡", 650, "2019.6", "2020.12"},
				{"二", "其他"},
				{4, "光荣院", "官舟镇", 1950},
				{5, "未成年人保护中心", "官舟镇"},
				{"合计", nil, nil, 3900},
			}, Merges: [][2]string{{"B3", "B5"}, {"E3", "E4"}, {"F3", "F4"}, {"G3", "G8"}, {"D7", "D8"}}}},
			projects: 5,
			want: []want{
				{name: "敬老院改扩建", site: "中界镇", unit: "县民政局", investWan: "650", start: model.MonthPlan(2018, 10), finish: model.MonthPlan(2019, 12), category: "敬老院", row: 3},
				{name: "敬老院改扩建", site: "晓景乡", unit: "县民政局", investWan: "650", start: model.MonthPlan(2018, 10), finish: model.MonthPlan(2019, 12), row: 4},
				{name: "敬老院改扩建", site: "黄土乡", unit: "县民政局", start: model.MonthPlan(2019, 6), finish: model.MonthPlan(2020, 12), row: 5},
				{name: "光荣院", unit: "县民政局", investWan: "1950", category: "其他"},
				{name: "未成年人保护中心", unit: "县民政局", investWan: "nil"},
			},
			warnings: []model.Finding{
				{Row: 7, Column: "D", Message: "“总投资(万元)”单元格合并了第7–8行，其值只计入第7行"},
			},
		},
		{
			name: "three-row header under a super-group row, header repeated on each page, page subtotals",
			sheets: []sheetSpec{
				{Name: "Sheet1", Rows: [][]any{
					{"附件3"},
					{"项目基本情况", nil, nil, "建设规模及投资", nil, nil, "进度安排"},
					{"序号", "项目名称", "建设地点", "建设规模", nil, "投资估算（万元）", "建设年限", nil},
					{nil, nil, nil, "用地（亩）", "建筑面积（平方米）", nil, "开工", "完工"},
					{1, "1、官舟镇农村公益性公墓", "官舟镇", 20, 200, 400, "2017.1", "2017.12"},
					{2, "2．谯家镇农村\n公益性公墓", "谯家镇", 20, 200, 400, "2017.1", "2017.12"},
					{"本页小计", nil, nil, 40, 400, 800},
					{"序号", "项目名称", "建设地点", "建设规模", nil, "投资估算（万元）", "建设年限", nil},
					{nil, nil, nil, "用地（亩）", "建筑面积（平方米）", nil, "开工", "完工"},
					{3, "（3）洪渡镇农村公益性公墓", "洪渡镇", 20, 200, 400, "2017.1", "2017.12"},
					{"本页小计", nil, nil, 20, 200, 400},
					{"总计", nil, nil, 60, 600, 1300},
				}, Merges: [][2]string{{"A2", "C2"}, {"D2", "F2"}, {"G2", "H2"}, {"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "E3"}, {"F3", "F4"}, {"G3", "H3"}}},
				{Name: "下拉选项", Rows: [][]any{{"官舟镇"}, {"谯家镇"}}, Hidden: true},
			},
			projects: 3,
			want: []want{
				{name: "官舟镇农村公益性公墓", annex: 3, site: "官舟镇", land: "20", floor: "200", investWan: "400", start: model.MonthPlan(2017, 1), finish: model.MonthPlan(2017, 12), row: 5},
				{name: "谯家镇农村公益性公墓", annex: 3, row: 6},
				{name: "洪渡镇农村公益性公墓", annex: 3, investWan: "400", row: 10},
			},
			warnings: []model.Finding{{Row: 12, Column: "F", Message: "“总计”行的“投资估算(万元)”为 1300，按所含 3 个项目计算为 1200"}},
		},
		{
			name: "shuffled columns, 项目性质 before the name, codes in 编码, amounts in 元, one period column",
			sheets: []sheetSpec{{Name: "Sheet1", Rows: [][]any{
				{"项目性质", "编码", "建设规模（平方米）", "占地（亩）", "床位（张）", "总投资（元）", "建设起止年限", "建设项目", "牵头单位", "备注"},
				{"新建", "MS-04", "2650", "5", "100", "6500000", "2018.10—2019.12", "中界镇敬老院改扩建", "中界镇人民政府", "—"},
				{"续建", "MS-05", "2,650", 5, 100, "6,500,000", "2018年10月-2019年12月", "晓景乡敬老院改扩建", "晓景乡人民政府", nil},
				{"新建", "MS-06", "２６５０", nil, nil, "6 500 000", "2019年6月至2020年12月", "黄土乡敬老院改扩建"},
				{"新建", "MS-07", nil, nil, nil, "2000000", "2019年", "社区日间照料中心"},
				{"新建", "MS-08", nil, nil, nil, nil, "2018~2019年", "农村互助幸福院"},
				{"新建", "MS-09", "600", nil, nil, nil, "2017-2019年", "社区居家养老服务站"},
				{"新建", "MS-10", nil, nil, nil, nil, "2018年12月20日-2020年12月", "光荣院"},
				{"新建", "MS-11", nil, nil, nil, nil, "2018.12–2020.10", "儿童福利院"},
			}}},
			projects: 8,
			want: []want{
				{name: "中界镇敬老院改扩建", code: "MS-04", unit: "中界镇人民政府", investWan: "650", floor: "2650", land: "5", beds: 100, start: model.MonthPlan(2018, 10), finish: model.MonthPlan(2019, 12), col: "H"},
				{name: "晓景乡敬老院改扩建", code: "MS-05", investWan: "650", floor: "2650", start: model.MonthPlan(2018, 10), finish: model.MonthPlan(2019, 12)},
				{name: "黄土乡敬老院改扩建", code: "MS-06", investWan: "650", floor: "2650", start: model.MonthPlan(2019, 6), finish: model.MonthPlan(2020, 12)},
				{name: "社区日间照料中心", investWan: "200", start: model.YearPlan(2019), finish: model.YearPlan(2019)},
				{name: "农村互助幸福院", investWan: "nil", start: model.YearPlan(2018), finish: model.YearPlan(2019)},
				{name: "社区居家养老服务站", floor: "600", start: model.YearPlan(2017), finish: model.YearPlan(2019)},
				{name: "光荣院", start: day(2018, 12, 20), finish: model.MonthPlan(2020, 12)},
				{name: "儿童福利院", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 10)},
			},
		},
		{
			name: "dates in every form, real date cells with their formats",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "计划开工", "计划竣工"},
				{1, "甲", "2018年12月20日", "2018/12"},
				{2, "乙", "2018-12", "二〇二〇年十二月"},
				{3, "丙", time.Date(2018, 12, 5, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)},
				{4, "丁", 43439, "二〇一九年"},
				{5, "戊", "2018年12月底", "2020年十月"},
			}, Formats: map[string]string{"C4": `yyyy"年"m"月"`, "D4": "yyyy/m/d"}}},
			projects: 5,
			want: []want{
				{name: "甲", start: day(2018, 12, 20), finish: model.MonthPlan(2018, 12)},
				{name: "乙", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12)},
				{name: "丙", start: model.MonthPlan(2018, 12), finish: day(2020, 12, 31)},
				{name: "丁", start: day(2018, 12, 5), finish: model.YearPlan(2019)},
				{name: "戊", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 10)},
			},
		},
		{
			name: "units row under the header, amounts in 亿元, units typed in cells",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"民生服务设施建设任务分解表"},
				{"序号", " 项目名称\u00a0", "总\u3000投资", "建筑面积 ", "占地", "床位", "完成时限"},
				{nil, nil, "亿元", "平方米", "亩", "张"},
				{1, "官舟片区养老服务中心", 0.5, 13000, 20, 300, "2020年12月"},
				{2, "洪渡片区养老服务中心", "0.3亿", "9300平方米", "15亩", "200张", "2020.12"},
				{3, "光荣院", "1800万元", nil, nil, nil, nil},
			}, Merges: [][2]string{{"A2", "A3"}, {"B2", "B3"}, {"G2", "G3"}}}},
			projects: 3,
			want: []want{
				{name: "官舟片区养老服务中心", investWan: "5000", floor: "13000", land: "20", beds: 300, finish: model.MonthPlan(2020, 12), row: 4},
				{name: "洪渡片区养老服务中心", investWan: "3000", floor: "9300", land: "15", beds: 200},
				{name: "光荣院", investWan: "1800"},
			},
		},
		{
			name: "instructions in Sheet1, chart sheet, three annexes on Sheet2..Sheet4 named by their titles",
			book: threeAnnexes(t),
			want: []want{
				{name: "官舟片区养老服务中心", annex: 1, investWan: "5000", row: 4},
				{name: "县城殡仪馆搬迁", annex: 3, investWan: "20000", category: "殡仪馆"},
				{name: "官舟镇公墓", annex: 3, category: "农村公益性公墓", investWan: "400"},
			},
			projects:   3,
			indicators: 4,
			warnings:   []model.Finding{{Row: 1, Message: "是填报说明，未作为数据表读取"}},
		},
		{
			name: "yearly targets under a 项目 or 工作内容 column are indicators, not projects",
			sheets: []sheetSpec{
				{Name: "社区建设", Rows: [][]any{
					{"社区建设三年行动计划任务分解表"},
					{"序号", "项目", 2017, 2018, 2019, "责任单位"},
					{1, "村民小组自治的行政村比例", nil, "5%", "100%", "县民政局"},
				}},
				{Name: "附件2", Rows: [][]any{
					{"序号", "工作内容", "2017年目标", "2018年目标", "2019年目标", "牵头单位"},
					{"一、社区基础设施"},
					{1, "面积达到400平方米以上的社区", "—", "20%", "80%", "县民政局"},
				}},
			},
			indicators: 4,
		},
		{
			name: "formulas read as their cached values, hidden rows kept",
			book: formulaBook(t),
			want: []want{
				{name: "甲", investWan: "600", row: 3},
				{name: "乙", investWan: "400", row: 4},
			},
			projects: 2,
			warnings: []model.Finding{{Row: 5, Column: "C", Message: "为 1100，按所含 2 个项目计算为 1000"}},
		},
		{
			name: "vertically merged one-row header, a used range reaching far below, very long texts",
			book: farRange(t),
			want: []want{
				{name: "甲", investWan: "100", site: "官舟镇", row: 4},
			},
			projects: 2,
			errors:   []model.Finding{{Row: 5, Column: "A", Message: "项目名称过长（280 个字，最多 200 个）"}},
		},
		{
			name: "a 小计 written under its group row, an empty group",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "总投资（万元）"},
				{"一", "敬老院"},
				{"小计", nil, 1400},
				{1, "中界镇敬老院", 650},
				{2, "晓景乡敬老院", 650},
				{"二", "光荣院"},
				{nil, "小计", 0},
				{"三", "幸福院"},
				{1, "幸福院", 300},
			}}},
			projects: 3,
			want:     []want{{name: "幸福院", category: "幸福院", investWan: "300"}},
			warnings: []model.Finding{{Row: 3, Column: "C", Message: "“小计”行的“总投资(万元)”为 1400，按所含 2 个项目计算为 1300"}},
		},
		{
			name: "projects numbered with Chinese numerals, each with its figures",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "总投资（万元）", "计划完工"},
				{"一", "县光荣院", 1800, "2020.10"},
				{"二", "县儿童福利院", 5000, "2020.10"},
				{"三", "未成年人保护中心", 1500, "2020.12"},
				{"合计", nil, 8300},
			}}},
			projects: 3,
			want: []want{
				{name: "县光荣院", investWan: "1800", finish: model.MonthPlan(2020, 10), row: 2},
				{name: "未成年人保护中心", investWan: "1500", row: 4},
			},
		},
		{
			name: "编号 that only numbers the rows of two annexes is no code",
			sheets: []sheetSpec{
				{Name: "附件1", Rows: [][]any{{"编号", "项目名称", "总投资（万元）"}, {1, "光荣院", 1800}, {2, "儿童福利院", 5000}}},
				{Name: "附件3", Rows: [][]any{{"编号", "项目名称", "总投资（万元）"}, {1, "殡仪馆", 20000}, {2, "官舟镇公墓", 400}}},
			},
			projects: 4,
			want: []want{
				{name: "光荣院", annex: 1, investWan: "1800"},
				{name: "殡仪馆", annex: 3, investWan: "20000"},
			},
		},
		{
			name: "the year's share of an amount before the total, figures only in the content, a 配合单位 before the 牵头单位",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"项目名称", "主要建设内容", "年度计划投资（万元）", "计划总投资（万元）", "配合单位", "牵头单位"},
				{"县光荣院", "建设规模：6000㎡，占地10亩，床位200张", 600, 1800, "县财政局", "县民政局"},
			}}},
			projects: 1,
			want:     []want{{name: "县光荣院", investWan: "1800", floor: "6000", land: "10", beds: 200, unit: "县民政局"}},
		},
		{
			name: "two annexes on one sheet under the same header, each under its title",
			sheets: []sheetSpec{{Name: "Sheet1", Rows: [][]any{
				{"附件1 民生服务设施建设任务分解表"},
				{"序号", "项目名称", "总投资（万元）"},
				{1, "光荣院", 1800},
				nil,
				{"附件3 殡葬改革基础设施建设任务分解表"},
				{"序号", "项目名称", "总投资（万元）"},
				{1, "殡仪馆", 20000},
			}}},
			projects: 2,
			want:     []want{{name: "光荣院", annex: 1}, {name: "殡仪馆", annex: 3}},
		},
		{
			name: "the unit written in a corner of the header row",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "总投资", "责任单位", "单位：元"},
				{1, "县光荣院", "18,000,000", "县民政局"},
			}}},
			projects: 1,
			want:     []want{{name: "县光荣院", investWan: "1800", unit: "县民政局"}},
		},
		{
			name: "inexact and impossible values",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "总投资（万元）", "建筑面积（平方米）", "计划开工", "计划完工"},
				{1, "甲", "约5000", "≥600", "2018.12", "2020.12"},
				{2, "乙", 100, nil, "明年", "2020年13月"},
				{3, "丙", 100, nil, "2020.12", "2019.12"},
				{4, "丁", "#REF!"},
			}}},
			projects: 4,
			warnings: []model.Finding{
				{Row: 2, Column: "C", Message: "“总投资(万元)”的值“约5000”不是确切数字，已按 5000万元 导入"},
				{Row: 2, Column: "D", Message: "“建筑面积(平方米)”的值“≥600”不是确切数字，已按 600平方米 导入"},
			},
			errors: []model.Finding{
				{Row: 3, Column: "E", Message: "无法识别的日期“明年”"},
				{Row: 3, Column: "F", Message: "无法识别的日期“2020年13月”"},
				{Row: 4, Column: "F", Message: "早于计划开工时间"},
				{Row: 5, Column: "C", Message: "“总投资(万元)”的值“#REF!”是公式的错误值"},
			},
		},
		{
			name: "header words split over two rows without merged cells",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"附件1"},
				{"民生服务设施建设任务分解表"},
				{"序号", "项目", "建设", "总投资", "计划开工", "计划完工", "责任"},
				{nil, "名称", "地点", "（万元）", nil, nil, "单位"},
				{1, "官舟片区养老服务中心", "官舟镇", 5000, "2018.12", "2020.12", "县民政局"},
				{2, "县光荣院", "和平街道", 1800, "2018.12", "2020.10", "县民政局"},
			}}},
			projects: 2,
			want: []want{
				{name: "官舟片区养老服务中心", site: "官舟镇", unit: "县民政局", investWan: "5000", start: model.MonthPlan(2018, 12), finish: model.MonthPlan(2020, 12), annex: 1, row: 5},
				{name: "县光荣院", site: "和平街道", investWan: "1800", finish: model.MonthPlan(2020, 10), row: 6},
			},
		},
		{
			name: "header words split over two rows, the top row no header alone",
			sheets: []sheetSpec{{Name: "Sheet1", Rows: [][]any{
				{"附件3 殡葬设施建设任务分解表"},
				{"序号", "项目", "建设", "总投资"},
				{nil, "名称", "地点", "（万元）"},
				{1, "县殡仪馆", "官舟镇", 2800},
			}}},
			projects: 1,
			want:     []want{{name: "县殡仪馆", site: "官舟镇", investWan: "2800", annex: 3, row: 4}},
		},
		{
			name: "totals under other words, signature lines in the name column",
			sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
				{"序号", "项目名称", "总投资（万元）"},
				{1, "甲", 100},
				{2, "乙", 200},
				{nil, "全县合计", 300},
				{nil, "审核：李四"},
				{nil, "复核人：王五", nil},
				{nil, "资料来源：县发改局"},
			}}},
			projects: 2,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := tc.book
			if b == nil {
				b = workbook(t, tc.sheets...)
			}
			p := parseBytes(b, Options{})
			checkFindings(t, "errors", p.Errors, tc.errors)
			checkFindings(t, "warnings", p.Warnings, tc.warnings)
			if got := len(p.Set.Plans); got != tc.projects {
				var names []string
				for _, r := range p.Set.Plans {
					names = append(names, r.Project.Name)
				}
				t.Errorf("projects: got %d %v, want %d", got, names, tc.projects)
			}
			if got := len(p.Set.Indicators); got != tc.indicators {
				t.Errorf("indicators: got %d %+v, want %d", got, p.Set.Indicators, tc.indicators)
			}
			for _, w := range tc.want {
				// The row of that name (and at that sheet row, when
				// one name is listed for several sites).
				i := slices.IndexFunc(p.Set.Plans, func(r model.PlanRow) bool {
					return r.Project.Name == w.name && (w.row == 0 || r.Row == w.row)
				})
				if i < 0 {
					t.Errorf("project %s: missing", w.name)
					continue
				}
				got := p.Set.Plans[i]
				checkProject(t, got, w)
				if got.Project.Name != w.name {
					t.Errorf("name: got %q, want %q", got.Project.Name, w.name)
				}
			}
		})
	}
}

// threeAnnexes is a workbook as an office sends it: instructions on the
// first sheet, a chart, then one annex a sheet under default names.
func threeAnnexes(t *testing.T) []byte {
	t.Helper()
	b := workbook(t,
		sheetSpec{Name: "Sheet1", Rows: [][]any{
			{"填报说明："},
			{"1.项目名称：填写项目全称。"},
			{"2.总投资：单位为万元。示例："},
			{"项目名称", "总投资（万元）", "计划完工"},
			{"示例：某某镇敬老院", 650, "2019.12"},
		}},
		sheetSpec{Name: "空白"},
		sheetSpec{Name: "Sheet2", Rows: [][]any{
			{"附件1：民生服务设施建设三年行动计划任务分解表"},
			{"单位：万元"},
			{"序号", "项目名称", "投资", "责任单位"},
			{1, "官舟片区养老服务中心", 5000, "县民政局"},
		}},
		sheetSpec{Name: "Sheet3", Rows: [][]any{
			{"附件2"},
			{"社区建设三年行动计划任务分解表"},
			{"序号", "工作任务", "年度目标", nil, nil, "责任单位"},
			{nil, nil, "2017年", "2018年", "2019年"},
			{1, "城乡社区基础设施建设面积达到400平方米以上", nil, "20%", "80%", "县民政局"},
			{2, "开展村民小组自治的行政村", nil, 0.05, "100%", "县民政局"},
		}, Merges: [][2]string{{"A3", "A4"}, {"B3", "B4"}, {"C3", "E3"}, {"F3", "F4"}}, Builtin: map[string]int{"D6": 9}},
		sheetSpec{Name: "Sheet4", Rows: [][]any{
			{"附件3"},
			{"殡葬改革基础设施建设三年行动计划任务分解表"},
			{"序号", "项目名称", "建设经费（万元）"},
			{"一、殡仪馆"},
			{1, "县城殡仪馆搬迁", 20000},
			{"(二)农村公益性公墓"},
			{"1.农村公益性公墓"},
			{1, "官舟镇公墓", 400},
		}},
	)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.AddChartSheet("图表", &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: "Sheet2!$B$4", Values: "Sheet2!$C$4:$C$4"}}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// formulaBook holds formulas with cached values, as Excel and WPS save
// them, and a hidden row.
func formulaBook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"单位：万元"},
		{"序号", "项目名称", "总投资", "其中：中央", "地方"},
		{1, "甲", 600, 400, 200},
		{2, "乙", 400, 300, 100},
		{"合计", nil, 1100, 700, 300},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for cell, formula := range map[string]string{"C3": "D3+E3", "C4": "D4+E4", "C5": "SUM(C3:C4)"} {
		if err := f.SetCellFormula("Sheet1", cell, formula); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetRowVisible("Sheet1", 4, false); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestParseGenreProgress(t *testing.T) {
	money := func(m model.Money) *model.Money { return &m }
	header := []any{"序号", "项目名称", "计划总投资（万元）", "累计完成投资（元）", "形象进度(%)", "实际开工时间", "预计完工时间", "存在问题", "填报日期"}
	cases := []struct {
		name    string
		sheet   sheetSpec
		opt     Options
		want    []model.ProgressRow
		percent []string // "" = unknown
		errors  []model.Finding
	}{
		{
			name: "title date, group rows, date cells, percent forms, amounts in 元",
			sheet: sheetSpec{Name: "6月", Rows: [][]any{
				{"沿河县民生工程项目建设进度月报（截至2019年6月30日）"},
				{"填报单位：县民政局", nil, nil, nil, nil, nil, nil, nil, "单位：元"},
				header,
				{"一、养老服务设施", nil, 8000, "3,000,000"},
				{1, " 官舟片区养老服务中心 ", 5000, "1,234,567.89", 45, time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC), "资金未到位", nil},
				{2, "洪渡片区养老服务中心", 3000, 1765432.11, "45%", "2019年4月", "2020年12月", nil, time.Date(2019, 7, 2, 0, 0, 0, 0, time.UTC)},
				{"(二)儿童福利设施"},
				{1, "儿童福利院", 5000, nil, 0.45, "—", nil, "用地未落实", nil},
				{"小计", nil, 8000, "3,000,000"},
				{"合计", nil, 13000, "3,000,000"},
				{"填表人：张三", nil, "审核：李四", nil, nil, "会计：王五"},
			}, Formats: map[string]string{"F5": "yyyy-mm-dd", "G5": `yyyy"年"m"月"`, "I6": `yyyy"年"m"月"d"日"`}, Builtin: map[string]int{"E8": 10}},
			want: []model.ProgressRow{
				{ProjectName: "官舟片区养老服务中心", ReportDate: d(2019, 6, 30), ActualStart: d(2019, 3, 1), Forecast: d(2020, 12, 31), Problems: "资金未到位", InvestmentDone: money(123456789)},
				{ProjectName: "洪渡片区养老服务中心", ReportDate: d(2019, 7, 2), ActualStart: d(2019, 4, 30), Forecast: d(2020, 12, 31), InvestmentDone: money(176543211)},
				{ProjectName: "儿童福利院", ReportDate: d(2019, 6, 30), Problems: "用地未落实"},
			},
			percent: []string{"45", "45", "45"},
		},
		{
			name: "截至 a month end, codes only, full-width percent",
			sheet: sheetSpec{Name: "Sheet1", Rows: [][]any{
				{"民生工程进度月报"},
				{"（截至2019年6月底）"},
				{"项目编号", "形象进度（％）", "实际开工", "实际竣工"},
				{"MS-01", "１００％", "2019.3.1", "2019.6.28"},
				{"MS-02", nil, "未开工", "未完工"},
			}},
			want: []model.ProgressRow{
				{ProjectCode: "MS-01", ReportDate: d(2019, 6, 30), ActualStart: d(2019, 3, 1), ActualFinish: d(2019, 6, 28)},
				{ProjectCode: "MS-02", ReportDate: d(2019, 6, 30)},
			},
			percent: []string{"100", ""},
		},
		{
			name: "截止日期 phrase",
			sheet: sheetSpec{Name: "Sheet1", Rows: [][]any{
				{"进度月报", nil, "截止日期：2019-06-30"},
				{"项目名称", "形象进度", "累计完成投资(万元)"},
				{"甲", "30%", "12.5"},
			}},
			want:    []model.ProgressRow{{ProjectName: "甲", ReportDate: d(2019, 6, 30), InvestmentDone: money(125000 * model.Yuan)}},
			percent: []string{"30"},
		},
		{
			name: "plain 开工时间 and 完工时间 are actual dates, a bare 日期 is the return's",
			sheet: sheetSpec{Name: "Sheet1", Rows: [][]any{
				{"项目名称", "开工时间", "完工时间", "计划完工时间", "形象进度", "日期"},
				{"甲", "2019.3.1", "2019.6.20", "2019.12", "100%", "2019.6.30"},
			}},
			want:    []model.ProgressRow{{ProjectName: "甲", ReportDate: d(2019, 6, 30), ActualStart: d(2019, 3, 1), ActualFinish: d(2019, 6, 20)}},
			percent: []string{"100"},
		},
		{
			name: "group rows numbered in the 序号 column carrying subtotals, projects numbered likewise",
			sheet: sheetSpec{Name: "Sheet1", Rows: [][]any{
				{"进度月报（截至2019年6月30日）"},
				{"序号", "项目名称", "累计完成投资(万元)", "形象进度(%)"},
				{"一", "养老服务设施", 300},
				{1, "甲", 100, 10},
				{2, "乙", 200, 20},
				{"二", "丙", 50, 5},
			}},
			want: []model.ProgressRow{
				{ProjectName: "甲", ReportDate: d(2019, 6, 30), InvestmentDone: money(100 * model.Wan)},
				{ProjectName: "乙", ReportDate: d(2019, 6, 30), InvestmentDone: money(200 * model.Wan)},
				{ProjectName: "丙", ReportDate: d(2019, 6, 30), InvestmentDone: money(50 * model.Wan)},
			},
			percent: []string{"10", "20", "5"},
		},
		{
			name: "the date on the signature line below the table",
			sheet: sheetSpec{Name: "Sheet1", Rows: [][]any{
				{"沿河县民生工程项目建设进度月报"},
				{"项目名称", "实际开工时间", "形象进度(%)"},
				{"甲", "2019年6月", 30},
				{"乙", "2019.5.8", 60},
				{"填报人：张三    审核人：李四    填报日期：2019年6月25日"},
			}},
			want: []model.ProgressRow{
				{ProjectName: "甲", ReportDate: d(2019, 6, 25), ActualStart: d(2019, 6, 25)},
				{ProjectName: "乙", ReportDate: d(2019, 6, 25), ActualStart: d(2019, 5, 8)},
			},
			percent: []string{"30", "60"},
		},
		{
			name: "no date anywhere",
			sheet: sheetSpec{Name: "Sheet1", Rows: [][]any{
				{"沿河县民生工程项目建设进度月报（2019年6月）"},
				{"项目名称", "形象进度(%)", "实际开工时间"},
				{"甲", 30, "2019.3.1"},
			}},
			errors: []model.Finding{{Row: 2, Message: "进度月报缺少填报日期"}},
		},
		{
			name: "progress written in words",
			sheet: sheetSpec{Name: "Sheet1", Rows: [][]any{
				{"进度月报（截至2019年6月30日）"},
				{"项目名称", "形象进度(%)"},
				{"甲", "主体完工"},
			}},
			errors: []model.Finding{{Row: 3, Column: "B", Message: "“形象进度(%)”的值“主体完工”不是数字"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseBytes(workbook(t, tc.sheet), tc.opt)
			checkFindings(t, "errors", p.Errors, tc.errors)
			checkFindings(t, "warnings", p.Warnings, nil)
			if tc.errors != nil {
				return
			}
			if len(p.Set.Progress) != len(tc.want) {
				t.Fatalf("rows: got %d %+v, want %d", len(p.Set.Progress), p.Set.Progress, len(tc.want))
			}
			for i, w := range tc.want {
				g := p.Set.Progress[i]
				if g.ProjectName != w.ProjectName || g.ProjectCode != w.ProjectCode || g.ReportDate != w.ReportDate || g.ActualStart != w.ActualStart ||
					g.ActualFinish != w.ActualFinish || g.Problems != w.Problems || g.Forecast != w.Forecast {
					t.Errorf("row %d: got %+v, want %+v", i, g, w)
				}
				if (g.InvestmentDone == nil) != (w.InvestmentDone == nil) || g.InvestmentDone != nil && *g.InvestmentDone != *w.InvestmentDone {
					t.Errorf("row %d investment done: got %v, want %v", i, g.InvestmentDone, w.InvestmentDone)
				}
				got := ""
				if g.Percent.Valid {
					got = g.Percent.Decimal.String()
				}
				if got != tc.percent[i] {
					t.Errorf("row %d percent: got %q, want %q", i, got, tc.percent[i])
				}
			}
		})
	}
}

func TestParseGenreLedger(t *testing.T) {
	cases := []struct {
		name   string
		sheet  sheetSpec
		want   []model.PaymentRow
		errors []model.Finding
	}{
		{
			name: "title, units line, date cells, thousands separators, totals and signatures",
			sheet: sheetSpec{Name: "2019年", Rows: [][]any{
				{"沿河自治县2019年民生工程资金拨付台账"},
				{nil, nil, nil, nil, "单位：元"},
				{"序号", "拨付日期", "项目名称", "资金来源", "拨付金额（元）", "凭证号", "备注"},
				{"一、养老服务设施"},
				{1, time.Date(2019, 3, 5, 0, 0, 0, 0, time.UTC), "官舟片区养老服务中心", "中央预算内投资", "1,234,567.89", "记-2019-0012", "首笔"},
				{2, "2019年4月5日", "\u00a0洪渡片区养老服务中心", "县级配套", 2000000, " 记-2019-0013 ", nil},
				{nil, nil, "本月合计", nil, "3,234,567.89"},
				{3, time.Date(2019, 5, 6, 0, 0, 0, 0, time.UTC), "儿童福利院", "省级补助", "５０００００", "记-2019-0020"},
				{"合计", nil, nil, nil, 3734567.89},
				{"会计：王五", nil, "出纳：赵六", nil, "制表：张三"},
			}, Formats: map[string]string{"B5": `yyyy"年"m"月"d"日"`, "B8": "yyyy/m/d h:mm"}},
			want: []model.PaymentRow{
				{ProjectName: "官舟片区养老服务中心", Date: d(2019, 3, 5), Source: "中央预算内投资", Amount: 123456789, Voucher: "记-2019-0012", Note: "首笔"},
				{ProjectName: "洪渡片区养老服务中心", Date: d(2019, 4, 5), Source: "县级配套", Amount: 2000000 * model.Yuan, Voucher: "记-2019-0013"},
				{ProjectName: "儿童福利院", Date: d(2019, 5, 6), Source: "省级补助", Amount: 500000 * model.Yuan, Voucher: "记-2019-0020"},
			},
		},
		{
			name: "amounts in 万元 by the units line, code only",
			sheet: sheetSpec{Name: "台账", Rows: [][]any{
				{"资金拨付台账（单位：万元）"},
				{"拨款日期", "项目代码", "拨款金额", "凭证编号"},
				{"2019.03.05", "MS-01", "123.456789", "记-1"},
				{"2019/3/6", "MS-02", "0.01", "记-2"},
			}},
			want: []model.PaymentRow{
				{ProjectCode: "MS-01", Date: d(2019, 3, 5), Amount: 123456789, Voucher: "记-1"},
				{ProjectCode: "MS-02", Date: d(2019, 3, 6), Amount: 100 * model.Yuan, Voucher: "记-2"},
			},
		},
		{
			name: "a bare 日期 column, 摘要 and 金额",
			sheet: sheetSpec{Name: "台账", Rows: [][]any{
				{"日期", "凭证号", "摘要", "项目名称", "金额（元）"},
				{"2019-03-05", "记-7", "拨付建设资金", "甲", "100"},
			}},
			want: []model.PaymentRow{{ProjectName: "甲", Date: d(2019, 3, 5), Amount: 100 * model.Yuan, Voucher: "记-7"}},
		},
		{
			name: "the amount in words beside the figure, a currency sign, a full-width voucher",
			sheet: sheetSpec{Name: "台账", Rows: [][]any{
				{"拨付日期", "项目编码", "拨付金额（大写）", "拨付金额（元）", "凭证号"},
				{"2019.3.5", "ＭＳ－０１", "壹佰万元整", "￥1,000,000.00", "记－２０１９－０００１"},
			}},
			want: []model.PaymentRow{{ProjectCode: "MS-01", Date: d(2019, 3, 5), Amount: 1000000 * model.Yuan, Voucher: "记-2019-0001"}},
		},
		{
			name: "a payment of an inexact amount",
			sheet: sheetSpec{Name: "台账", Rows: [][]any{
				{"拨付日期", "项目名称", "拨付金额（元）", "凭证号"},
				{"2019.3.5", "甲", "约100万", "记-1"},
				{"2019.3.5", "乙", "0.001", "记-2"},
			}},
			errors: []model.Finding{
				{Row: 2, Column: "C", Message: "不是确切数字"},
				{Row: 3, Column: "C", Message: "“拨付金额(元)”的值“0.001”"},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseBytes(workbook(t, tc.sheet), Options{})
			checkFindings(t, "errors", p.Errors, tc.errors)
			checkFindings(t, "warnings", p.Warnings, nil)
			if tc.errors != nil {
				return
			}
			if len(p.Set.Payments) != len(tc.want) {
				t.Fatalf("payments: got %d %+v, want %d", len(p.Set.Payments), p.Set.Payments, len(tc.want))
			}
			for i, w := range tc.want {
				g := p.Set.Payments[i]
				w.Ref = g.Ref
				if g != w {
					t.Errorf("payment %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestGenreValues(t *testing.T) {
	for _, tc := range []struct{ fn, in, want string }{
		{"fold", " 官舟片区\n养老服务中心\u00a0", "官舟片区养老服务中心"},
		{"fold", "Phase\n2  工程", "Phase 2工程"},
		{"unnumbered", "1、官舟片区养老服务中心", "官舟片区养老服务中心"},
		{"unnumbered", "（12）洪渡镇公墓", "洪渡镇公墓"},
		{"unnumbered", "2. 谯家镇公墓", "谯家镇公墓"},
		{"unnumbered", "5.12地震纪念馆", "5.12地震纪念馆"},
		{"unnumbered", "1号楼", "1号楼"},
	} {
		t.Run(tc.fn+" "+tc.in, func(t *testing.T) {
			got := map[string]func(string) string{"fold": fold, "unnumbered": unnumbered}[tc.fn](tc.in)
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		titles, sheet string
		want          int
	}{
		{"附件三\n殡葬改革任务分解表", "Sheet1", 3},
		{"附件 2", "", 2},
		{"任务分解表", "附件1", 1},
		{"任务分解表", "Sheet1", 0},
	} {
		if got := annexOf(tc.titles, tc.sheet); got != tc.want {
			t.Errorf("annexOf(%q, %q): got %d, want %d", tc.titles, tc.sheet, got, tc.want)
		}
	}
}

// TestGenreStableIdentity: the same rows typed in two layouts give the
// same project identities (annex and normalised name, from which the
// store derives a code when the sheet has none).
func TestGenreStableIdentity(t *testing.T) {
	a := workbook(t, sheetSpec{Name: "Sheet1", Rows: [][]any{
		{"附件三"},
		{"序号", "项目名称", "建设经费（万元）"},
		{1, "县城殡仪馆搬迁", 20000},
		{2, "官舟镇 农村公益性公墓", 400},
	}})
	b := workbook(t, sheetSpec{Name: "附件3", Rows: [][]any{
		{"工程名称", "总投资（亿元）", "计划竣工", "备注"},
		{"1.县城殡仪馆搬迁", 2, "2020年", nil},
		{"官舟镇农村公益性公墓\n", "400万", "2017.12", "新增"},
	}})
	ids := func(file []byte) []string {
		p := parseBytes(file, Options{})
		if len(p.Errors) != 0 {
			t.Fatalf("errors: %v", p.Errors)
		}
		var out []string
		for _, r := range p.Set.Plans {
			out = append(out, model.GenerateCode(r.Project.Annex, r.Project.Name)+" "+r.Project.Investment.WanString())
		}
		return out
	}
	first, again, other := ids(a), ids(a), ids(b)
	if len(first) != 2 {
		t.Fatalf("projects: got %v, want 2", first)
	}
	for i := range first {
		if first[i] != again[i] || first[i] != other[i] {
			t.Errorf("project %d: got %s, %s and %s, want the same", i, first[i], again[i], other[i])
		}
	}
}

// farRange has a title merged across the sheet, a header merged down two
// rows with nothing under it, a styled empty cell far below the table
// (a used range of 60,000 rows), and very long texts.
func farRange(t *testing.T) []byte {
	t.Helper()
	b := workbook(t, sheetSpec{Name: "附件1", Rows: [][]any{
		{"民生服务设施建设任务分解表"},
		{"项目名称", "建设地点", "建设内容", "总投资（万元）"},
		nil,
		{"甲", "官舟镇", strings.Repeat("新建养老服务用房及配套设施。", 140), 100},
		{strings.Repeat("很长的项目名称", 40), "官舟镇", nil, 100},
	}, Merges: [][2]string{{"A1", "Z1"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}, {"D2", "D3"}}})
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("附件1", "Z60000", "Z60000", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGenreImportRoundTrip imports, through real storage, a plan typed
// with merged cells and group subtotals, then a progress return and a
// ledger that name its projects in their own layouts; importing all of
// it again changes nothing.
func TestGenreImportRoundTrip(t *testing.T) {
	plan := workbook(t, sheetSpec{Name: "Sheet1", Rows: [][]any{
		{"附件一"},
		{"民生服务设施建设三年行动计划任务分解表"},
		{"序号", "项目名称", "建设地点", "建设规模（平方米）", "计划总投资（元）", "建设起止年限", "责任单位"},
		{"一", "敬老院改扩建", nil, 5300, 13000000},
		{1, "敬老院改扩建", "中界镇", 2650, "6,500,000", "2018.10—2019.12", "县民政局"},
		{2, nil, "晓景乡", 2650, "6,500,000", "2018.10—2019.12"},
		{"二", "县光荣院", "官舟镇", 6000, 18000000, "2018年12月至2020年10月"},
	}, Merges: [][2]string{{"B5", "B6"}, {"G5", "G7"}}})
	progress := workbook(t, sheetSpec{Name: "6月", Rows: [][]any{
		{"进度月报（截至2019年6月30日）"},
		{"序号", "项目名称", "实际开工时间", "形象进度(%)", "累计完成投资（万元）"},
		{"一", "敬老院", nil, nil, 300},
		{1, "敬老院改扩建（中界镇）", "2018年10月", "45%", 300},
		{"二", "县光荣院", "2019.1.8", 10, nil},
	}})
	ledger := workbook(t, sheetSpec{Name: "台账", Rows: [][]any{
		{"资金拨付台账", nil, nil, "单位：元"},
		{"拨付日期", "项目名称", "资金来源", "拨付金额", "凭证号"},
		{"2019.3.5", "县光荣院", "中央预算内投资", "1,234,567.89", "记-2019-0012"},
		{"本月合计", nil, nil, "1,234,567.89"},
	}})
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := func(kind string, b []byte) model.ImportResult {
			t.Helper()
			rep, err := Import(ctx, db, []File{{Name: kind + ".xlsx", R: bytes.NewReader(b)}}, Options{}, model.ApplyOptions{Actor: model.Actor{User: "test", Source: "cli"}})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Errors) != 0 {
				t.Fatalf("%s errors: %v", kind, rep.Errors)
			}
			return rep
		}
		if rep := run("plan", plan); rep.Created != 3 {
			t.Fatalf("plan created: got %d, want 3", rep.Created)
		}
		run("progress", progress)
		run("ledger", ledger)
		views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]model.ProjectView{}
		for _, v := range views {
			got[v.Name] = v
		}
		zj, gry := got["敬老院改扩建（中界镇）"], got["县光荣院"]
		if zj.Annex != 1 || zj.ResponsibleUnit != "县民政局" || zj.Investment == nil || *zj.Investment != 650*model.Wan ||
			zj.PlannedStart != model.MonthPlan(2018, 10) || zj.FloorArea.Decimal.String() != "2650" || zj.Category != "敬老院改扩建" {
			t.Errorf("中界镇: got %+v", zj.Project)
		}
		if zj.ActualStart != d(2018, 10, 31) || !zj.ProgressPct.Valid || zj.ProgressPct.Decimal.String() != "45" {
			t.Errorf("中界镇 progress: got start %s, %v", zj.ActualStart, zj.ProgressPct)
		}
		if gry.ResponsibleUnit != "县民政局" || gry.Spent != 123456789 || gry.ActualStart != d(2019, 1, 8) || gry.PlannedFinish != model.MonthPlan(2020, 10) {
			t.Errorf("光荣院: got %+v, spent %d, start %s", gry.Project, gry.Spent, gry.ActualStart)
		}
		for _, f := range []struct {
			kind string
			b    []byte
		}{{"plan", plan}, {"progress", progress}, {"ledger", ledger}} {
			if rep := run(f.kind, f.b); rep.Created != 0 || rep.Updated != 0 {
				t.Errorf("%s again: got %+v, want nothing created or updated", f.kind, rep)
			}
		}
	})
}
