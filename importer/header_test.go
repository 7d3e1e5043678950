package importer

import "testing"

func TestRoleOf(t *testing.T) {
	cases := []struct {
		header string
		want   role
		year   int
	}{
		{"项目名称", roleName, 0},
		{"建设项目", roleName, 0},
		{"工程名称", roleName, 0},
		{"项目类别", roleCategory, 0},
		{"项目编码", roleCode, 0},
		{"项目建设地点", roleSite, 0},
		{"建设地址", roleSite, 0},
		{"项目业主", roleUnit, 0},
		{"项目单位", roleUnit, 0},
		{"牵头单位", roleUnit, 0},
		{"项目负责人", roleNone, 0},
		{"总投资（万元）", roleInvestment, 0},
		{"计划总投资\n(万元)", roleInvestment, 0},
		{"投资估算（万元）", roleInvestment, 0},
		{"建设经费(亿元)", roleInvestment, 0},
		{"累计完成投资（万元）", roleInvestDone, 0},
		{"占地面积（亩）", roleLand, 0},
		{"用地", roleLand, 0},
		{"建筑面积(㎡)", roleFloorArea, 0},
		{"计划开工", roleStart, 0},
		{"开工时间", roleStart, 0},
		{"实际开工时间", roleActualStart, 0},
		{"计划竣工", roleFinish, 0},
		{"计划完成时间", roleFinish, 0},
		{"预计完成时间", roleForecast, 0},
		{"主体完工时间", roleStage, 0},
		{"竣工验收", roleStage, 0},
		{"建设起止年限", rolePeriod, 0},
		{"建设期限", rolePeriod, 0},
		{"形象进度(%)", rolePercent, 0},
		{"拨付金额（元）", rolePayAmount, 0},
		{"凭证号", roleVoucher, 0},
		{"资金来源", roleSource, 0},
		{"年度预算", roleBudgetAmount, 0},
		{"年度", roleYear, 0},
		{"2017年目标", roleYearTarget, 2017},
		{"2019年", roleYearTarget, 2019},
		{"工作任务", roleTask, 0},
		{"建筑面积13000平方米", roleNone, 0},
		{"县民政局", roleNone, 0},
		{"名称", roleName, 0},
		{"责任单位名称", roleUnit, 0},
		{"建设年度", rolePeriod, 0},
		{"计划开竣工时间", rolePeriod, 0},
		{"本月完成投资", roleNone, 0},
		{"完成比例", rolePercent, 0},
	}
	for _, tc := range cases {
		t.Run(tc.header, func(t *testing.T) {
			got, year := roleOf(tc.header)
			if got != tc.want || year != tc.year {
				t.Errorf("got %d %d, want %d %d", got, year, tc.want, tc.year)
			}
		})
	}
}
