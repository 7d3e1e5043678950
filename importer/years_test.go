package importer

import (
	"testing"

	"github.com/yanhe/captrack/model"
)

// TestClassBuildYearMarks: a mark under one of the year columns (2017年 /
// 2018年 / 2019年) is the planned finish at year precision, whatever the
// mark and however the header is laid out; marks under two years, or a
// value that is no mark, are refused at the row; year columns under an
// amount are no marks.
func TestClassBuildYearMarks(t *testing.T) {
	oneRow := func(rows ...[]any) []sheetSpec {
		return []sheetSpec{{Name: "附件3", Rows: append([][]any{{"项目名称", "建设地点", "总投资（万元）", "2017年", "2018年", "2019年"}}, rows...)}}
	}
	year := model.YearPlan
	runClassCases(t, []classCase{
		{name: "one header row, marks of every kind", sheets: oneRow(
			[]any{"官舟镇农村公益性公墓", "官舟镇", 400, "√"},
			[]any{"淇滩镇农村公益性公墓", "淇滩镇", 400, nil, "●"},
			[]any{"甘溪镇农村公益性公墓", "甘溪镇", 400, "", 1},
			[]any{"板场镇农村公益性公墓", "板场镇", 400, nil, "是"},
			[]any{"土地坳镇农村公益性公墓", "土地坳镇", 400, nil, nil, 2019},
			[]any{"思渠镇农村公益性公墓", "思渠镇", 400, "", "", "○"},
			[]any{"黄土镇农村公益性公墓", "黄土镇", 400, "×", "", "✓"},
			[]any{"新景镇农村公益性公墓", "新景镇", 400, nil, nil, "2019年"},
			[]any{"黑水镇农村公益性公墓", "黑水镇", 400},
		), projects: 9, want: []want{
			{name: "官舟镇农村公益性公墓", finish: year(2017)}, {name: "淇滩镇农村公益性公墓", finish: year(2018)},
			{name: "甘溪镇农村公益性公墓", finish: year(2018)}, {name: "板场镇农村公益性公墓", finish: year(2018)},
			{name: "土地坳镇农村公益性公墓", finish: year(2019)}, {name: "思渠镇农村公益性公墓", finish: year(2019)},
			{name: "黄土镇农村公益性公墓", finish: year(2019)}, {name: "新景镇农村公益性公墓", finish: year(2019)},
		}},
		{name: "建设年度 merged over years typed as numbers", sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
			{"序号", "项目名称", "占地（亩）", "投资（万元）", "建设年度", nil, nil},
			{nil, nil, nil, nil, 2017, 2018, 2019},
			{1, "官舟镇集中治丧服务点", 20, 400, "√"},
			{2, "谯家镇集中治丧服务点", 20, 400, nil, "√"},
		}, Merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "C2"}, {"D1", "D2"}, {"E1", "G1"}}}},
			projects: 2, want: []want{
				{name: "官舟镇集中治丧服务点", land: "20", investWan: "400", finish: year(2017)},
				{name: "谯家镇集中治丧服务点", finish: year(2018)},
			}},
		{name: "年度 headers split over two unmerged rows", sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
			{"项目名称", "总投资", "计划建设年度", nil, nil},
			{nil, "（万元）", "2017年度", "2018年度", "2019年度"},
			{"洪渡镇农村公益性公墓", 400, nil, nil, "●"},
		}}}, projects: 1, want: []want{{name: "洪渡镇农村公益性公墓", investWan: "400", finish: year(2019)}}},
		{name: "a finish column beside the marks: kept, checked", sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
			{"项目名称", "计划完工", "2017年", "2018年", "2019年"},
			{"官舟镇农村公益性公墓", "2017年12月", "√"},
			{"谯家镇农村公益性公墓", "2017年12月", nil, "√"},
			{"洪渡镇农村公益性公墓", nil, nil, "√"},
		}}}, projects: 3, want: []want{
			{name: "官舟镇农村公益性公墓", finish: model.MonthPlan(2017, 12)},
			{name: "谯家镇农村公益性公墓", finish: model.MonthPlan(2017, 12)},
			{name: "洪渡镇农村公益性公墓", finish: year(2018)},
		}, warnings: []model.Finding{{Row: 3, Column: "B", Message: "“计划完工”（B列）为2017年12月，“2018年”（D列）所写的完工时间为2018年，两者不符"}}},
		{name: "a start after the marked year is refused", sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
			{"项目名称", "计划开工", "2017年", "2018年"},
			{"官舟镇农村公益性公墓", "2018年3月", "√"},
		}}}, errors: []model.Finding{{Row: 2, Column: "B", Message: "计划完工时间（2017年）早于计划开工时间（2018年3月）"}}},
		{name: "marks under two years", sheets: oneRow(
			[]any{"官舟镇农村公益性公墓", "官舟镇", 400, "√"},
			[]any{"谯家镇农村公益性公墓", "谯家镇", 400, "√", nil, "√"},
		), errors: []model.Finding{{Row: 3, Column: "D", Message: "本行在“2017年”（D列）和“2019年”（F列）下都有标记，无法确定计划完成年份"}}},
		{name: "a value that is no mark", sheets: oneRow(
			[]any{"官舟镇农村公益性公墓", "官舟镇", 400, nil, "部分"},
		), errors: []model.Finding{{Row: 2, Column: "E", Message: "“2018年”的值“部分”不是建设年度的标记"}}},
		{name: "year columns under an amount are each year's money", sheets: []sheetSpec{{Name: "附件1", Rows: [][]any{
			{"项目名称", "总投资（万元）", "年度投资计划（万元）", nil, nil, "计划完工"},
			{nil, nil, "2018年", "2019年", "2020年", nil},
			{"儿童福利院", 5000, 1000, 2000, 2000, "2020.10"},
		}, Merges: [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "E1"}, {"F1", "F2"}}}},
			projects: 1, want: []want{{name: "儿童福利院", investWan: "5000", finish: model.MonthPlan(2020, 10)}}},
	})
}
