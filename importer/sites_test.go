package importer

import (
	"testing"

	"github.com/yanhe/captrack/model"
)

// TestClassSeveralSites: a row listing several sites in one cell becomes
// one project per site, named as the plan names them, with each site's
// figures from a 每个 header or cell, else the totals divided evenly
// (exactly, with a warning at the row); totals beside per-site figures
// are checked; sites that cannot be told apart are refused at the cell.
func TestClassSeveralSites(t *testing.T) {
	sheet := func(header []any, rows ...[]any) []sheetSpec {
		return []sheetSpec{{Name: "附件3", Rows: append([][]any{header}, rows...)}}
	}
	three := []string{"官舟镇农村公益性公墓", "谯家镇农村公益性公墓", "洪渡镇农村公益性公墓"}
	each := func(land, floor, inv string, finish model.PlanDate) []want {
		var ws []want
		for i, name := range three {
			ws = append(ws, want{name: name, site: []string{"官舟镇", "谯家镇", "洪渡镇"}[i], township: []string{"官舟镇", "谯家镇", "洪渡镇"}[i],
				land: land, floor: floor, investWan: inv, finish: finish, annex: model.AnnexFuneral})
		}
		return ws
	}
	split := "本行列出 3 个建设地点，已按地点分为 3 个项目：官舟镇农村公益性公墓、谯家镇农村公益性公墓、洪渡镇农村公益性公墓"
	runClassCases(t, []classCase{
		{name: "每个 columns give each site's figures", sheets: sheet(
			[]any{"项目名称", "建设地点", "每个占地（亩）", "每个建筑面积（平方米）", "每个投资（万元）", "计划完成"},
			[]any{"农村公益性公墓", "官舟镇、谯家镇、洪渡镇", 20, 200, 400, "2017年"},
		), projects: 3, want: each("20", "200", "400", model.YearPlan(2017)),
			warnings: []model.Finding{{Row: 2, Column: "B", Message: split}}},
		{name: "totals only: divided evenly with a warning", sheets: sheet(
			[]any{"项目名称", "建设地点", "占地（亩）", "建筑面积（平方米）", "总投资（万元）", "计划完成"},
			[]any{"农村公益性公墓", "官舟镇，谯家镇，洪渡镇", 60, 600, 1200, "2017年"},
			[]any{"合计", nil, 60, 600, 1200},
		), projects: 3, want: each("20", "200", "400", model.YearPlan(2017)),
			warnings: []model.Finding{{Row: 2, Column: "B", Message: split + "；本行未写每个地点的数值，已将合计平均分配（“总投资(万元)”每个 400 万元，“建筑面积(平方米)”每个 200 平方米，“占地(亩)”每个 20 亩），请核对"}}},
		{name: "每个 in the cells, totals beside checked", sheets: sheet(
			[]any{"项目名称", "建设地点", "占地", "总投资（万元）", "每处投资（万元）"},
			[]any{"新建农村公益性公墓", "官舟镇 谯家镇 洪渡镇", "每个20亩", 1000, 400},
		), projects: 3, want: each("20", "", "400", model.PlanDate{}),
			warnings: []model.Finding{
				{Row: 2, Column: "B", Message: split},
				{Row: 2, Column: "D", Message: "“总投资(万元)”为 1000 万元，按每个地点 400 万元 × 3 个地点计算为 1200 万元，两者不符"},
			}},
		{name: "官舟镇等3个乡镇 with the list in a note", sheets: sheet(
			[]any{"项目名称", "建设地点", "占地（亩）", "投资（万元）", "备注"},
			[]any{"农村公益性公墓（3个）", "官舟镇等3个乡镇", 60, 1200, "分别为：官舟镇、谯家镇、洪渡镇"},
		), projects: 3, want: each("20", "", "400", model.PlanDate{}),
			warnings: []model.Finding{{Row: 2, Column: "B", Message: split + "；本行未写每个地点的数值"}}},
		{name: "a money total that does not divide to the fen", sheets: sheet(
			[]any{"项目名称", "建设地点", "总投资（万元）"},
			[]any{"农村公益性公墓", "官舟镇、谯家镇、洪渡镇", 1000},
		), errors: []model.Finding{{Row: 2, Column: "C", Message: "“总投资(万元)” 1000 万元 不能按 3 个地点平均分开（精确到分）"}}},
		{name: "an area that does not divide", sheets: sheet(
			[]any{"项目名称", "建设地点", "占地（亩）", "总投资（万元）"},
			[]any{"农村公益性公墓", "官舟镇、谯家镇、洪渡镇", 50, 1200},
		), errors: []model.Finding{{Row: 2, Column: "C", Message: "“占地(亩)” 50 亩 不能按 3 个地点平均分开（除不尽）"}}},
		{name: "等3个乡镇 without the list is refused", sheets: sheet(
			[]any{"项目名称", "建设地点", "占地（亩）", "投资（万元）", "备注"},
			[]any{"农村公益性公墓", "官舟镇等3个乡镇", 60, 1200, "2017年建设"},
		), errors: []model.Finding{{Row: 2, Column: "B", Message: "“建设地点”的值“官舟镇等3个乡镇”只写出了 3 个地点中的一部分，无法分清各地点的项目"}}},
		{name: "a list that counts otherwise is refused", sheets: sheet(
			[]any{"项目名称", "建设地点", "投资（万元）", "备注"},
			[]any{"农村公益性公墓", "官舟镇等3个乡镇", 1200, "官舟镇、谯家镇"},
		), errors: []model.Finding{{Row: 2, Column: "B", Message: "无法分清各地点的项目"}}},
		{name: "a site listed twice is refused", sheets: sheet(
			[]any{"项目名称", "建设地点", "投资（万元）"},
			[]any{"农村公益性公墓", "官舟镇、官舟镇", 800},
		), errors: []model.Finding{{Row: 2, Column: "B", Message: "中“官舟镇”出现了两次"}}},
		{name: "a project code over several sites is refused", sheets: sheet(
			[]any{"项目编码", "项目名称", "建设地点", "投资（万元）"},
			[]any{"GM-01", "农村公益性公墓", "官舟镇、谯家镇", 800},
		), errors: []model.Finding{{Row: 2, Column: "A", Message: "项目编码“GM-01”所在行列出了 2 个建设地点"}}},
		{name: "one site, or a count of sites unnamed, stays one project", sheets: sheet(
			[]any{"项目名称", "建设地点", "投资（万元）", "每个床位"},
			[]any{"官舟片区养老服务中心", "官舟镇（猴渡坪景区）", 5000, 300},
			[]any{"农村互助幸福院", "19个乡镇", 300},
		), projects: 2, want: []want{
			{name: "官舟片区养老服务中心", site: "官舟镇（猴渡坪景区）", investWan: "5000", beds: 300},
			{name: "农村互助幸福院", site: "19个乡镇", investWan: "300"},
		}},
	})
}

// TestSeveralSitesListing: a dry run lists each site's project with the
// cells its values came from: the site cell, and the 每个 column's cell
// for a figure of each site.
func TestSeveralSitesListing(t *testing.T) {
	b := workbook(t, sheetSpec{Name: "附件3", Rows: [][]any{
		{"项目名称", "建设地点", "占地合计（亩）", "每个投资（万元）"},
		{"农村公益性公墓", "官舟镇、谯家镇", 40, 400},
	}})
	p := parseBytes(b, Options{List: true})
	if len(p.Errors) != 0 || len(p.Projects) != 2 {
		t.Fatalf("got errors %v, listing %+v; want 2 projects", p.Errors, p.Projects)
	}
	for i, name := range []string{"官舟镇农村公益性公墓", "谯家镇农村公益性公墓"} {
		got := p.Projects[i]
		want := map[string]model.FieldRead{"site": {Value: []string{"官舟镇", "谯家镇"}[i], Cell: "B2"},
			"land_mu": {Value: "20", Cell: "C2"}, "investment_wan": {Value: "400", Cell: "D2"}}
		if got.Name != name || got.Row != 2 {
			t.Errorf("listing %d: got %s at row %d, want %s at row 2", i, got.Name, got.Row, name)
		}
		for k, w := range want {
			if got.Fields[k] != w {
				t.Errorf("%s %s: got %+v, want %+v", name, k, got.Fields[k], w)
			}
		}
	}
}
