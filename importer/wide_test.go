package importer

import (
	"testing"

	"github.com/yanhe/captrack/model"
)

// TestClassWideLayouts: one row per township with a column group per kind
// of facility gives one project per township and kind, named as the plan
// names them; a township without one kind gets no project of it; each
// kind's totals are checked on their own.
func TestClassWideLayouts(t *testing.T) {
	year := model.YearPlan
	wants := []want{
		{name: "官舟镇农村公益性公墓", site: "官舟镇", township: "官舟镇", category: "农村公益性公墓", floor: "200", land: "20", investWan: "400", start: year(2017), finish: year(2017), annex: model.AnnexFuneral},
		{name: "官舟镇集中治丧服务点", site: "官舟镇", category: "集中治丧服务点", floor: "2000", land: "20", investWan: "400", finish: year(2017), annex: model.AnnexFuneral},
		{name: "谯家镇农村公益性公墓", floor: "200", investWan: "400", finish: year(2017)},
		{name: "谯家镇集中治丧服务点", floor: "2000", investWan: "400", finish: year(2018)},
		{name: "后坪乡农村公益性公墓", floor: "200", finish: year(2019)},
	}
	two := [][]any{
		{"序号", "乡镇", "农村公益性公墓", nil, nil, nil, "集中治丧服务点", nil, nil, nil},
		{nil, nil, "建筑面积（平方米）", "占地（亩）", "投资（万元）", "建设年份", "建筑面积（平方米）", "占地（亩）", "投资（万元）", "建设年份"},
	}
	data := [][]any{
		{1, "官舟镇", 200, 20, 400, 2017, 2000, 20, 400, 2017},
		{2, "谯家镇", 200, 20, 400, "2017年", 2000, 20, 400, "2018年"},
		{3, "后坪乡", 200, 20, 400, 2019},
	}
	merges := [][2]string{{"A1", "A2"}, {"B1", "B2"}, {"C1", "F1"}, {"G1", "J1"}}
	runClassCases(t, []classCase{
		{name: "two kinds, merged", sheets: []sheetSpec{{Name: "附件3", Rows: append(two, data...), Merges: merges}}, projects: 5, want: wants},
		{name: "two kinds, unmerged, units row, totals per kind", sheets: []sheetSpec{{Name: "Sheet1", Rows: [][]any{
			{"乡镇（街道）", "农村公益性公墓", nil, nil, "集中治丧服务点", nil, nil, "责任单位"},
			{nil, "面积", "占地", "投资", "面积", "占地", "投资", nil},
			{nil, "（平方米）", "（亩）", "（万元）", "（平方米）", "（亩）", "（万元）", nil},
			{"官舟镇", 200, 20, 400, 2000, 20, 400, "官舟镇人民政府"},
			{"沙子街道", 200, 20, 400, "—", nil, nil, "沙子街道办事处"},
			{"洪渡镇", 200, 20, 400, 2000, 20, 400, "洪渡镇人民政府"},
			{"合计", 600, 60, 1200, 4000, 40, 900},
		}}}, projects: 5, want: []want{
			{name: "官舟镇农村公益性公墓", floor: "200", land: "20", investWan: "400", unit: "官舟镇人民政府"},
			{name: "官舟镇集中治丧服务点", floor: "2000", land: "20", investWan: "400", unit: "官舟镇人民政府"},
			{name: "沙子街道农村公益性公墓", site: "沙子街道", township: "沙子街道", unit: "沙子街道办事处"},
			{name: "洪渡镇集中治丧服务点", floor: "2000"},
		}, warnings: []model.Finding{{Row: 7, Column: "G", Message: "“合计”行的“投资(万元)”为 900，按所含 2 个项目计算为 800，两者不符"}}},
		{name: "build-year marks under each kind", sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
			{"乡镇", "农村公益性公墓", nil, nil, "集中治丧服务点", nil, nil},
			{nil, "2017年", "2018年", "2019年", "2017年", "2018年", "2019年"},
			{"官舟镇", "√", nil, nil, "√"},
			{"谯家镇", "√", nil, nil, nil, "√"},
			{"后坪乡", nil, nil, "√"},
		}}}, projects: 5, want: []want{
			{name: "官舟镇农村公益性公墓", finish: year(2017)}, {name: "官舟镇集中治丧服务点", finish: year(2017)},
			{name: "谯家镇农村公益性公墓", finish: year(2017)}, {name: "谯家镇集中治丧服务点", finish: year(2018)},
			{name: "后坪乡农村公益性公墓", finish: year(2019)},
		}},
		{name: "乡镇名称 names the township; a kind group in the middle", sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
			{"序号", "集中治丧服务点", nil, "乡镇名称", "农村公益性公墓", nil},
			{nil, "占地（亩）", "计划完工", nil, "占地（亩）", "计划完工"},
			{1, 20, "2017年", "洪渡镇", 20, "2017年"},
			{2, nil, nil, "客田镇", 20, "2019年"},
		}, Merges: [][2]string{{"B1", "C1"}, {"E1", "F1"}}}}, projects: 3, want: []want{
			{name: "洪渡镇集中治丧服务点", site: "洪渡镇", land: "20", finish: year(2017)},
			{name: "洪渡镇农村公益性公墓", site: "洪渡镇", land: "20", finish: year(2017)},
			{name: "客田镇农村公益性公墓", site: "客田镇", finish: year(2019)},
		}},
		{name: "marks under two years of one kind", sheets: []sheetSpec{{Name: "附件3", Rows: [][]any{
			{"乡镇", "农村公益性公墓", nil, "集中治丧服务点", nil},
			{nil, "2017年", "2018年", "2017年", "2018年"},
			{"官舟镇", "√", "√", "√"},
		}}}, errors: []model.Finding{{Row: 3, Column: "B", Message: "本行在“2017年”（B列）和“2018年”（C列）下都有标记"}}},
	})
}
