// Package plan holds the facts of 沿府办发〔2017〕176号 (the county's
// three-year livelihood-security construction plan 2017–2019) as Go data,
// the demo story of what became of its projects, and the code that writes
// both as the workbooks a county office would keep: the annex
// task-breakdown tables, a monthly progress return and finance's
// disbursement ledger.
package plan

import (
	"fmt"
	"strings"
	"time"

	"github.com/yanhe/captrack/model"
)

// Project is one row of an annex table as the plan states it. A zero
// FloorArea, Land or Beds means the plan does not say (a blank cell).
type Project struct {
	Name       string
	Site       string
	Content    string // 建设内容 as the plan words it
	FloorArea  int    // m²
	Land       int    // 亩
	Beds       int
	Investment model.Money
	Start      model.PlanDate
	Finish     model.PlanDate
	Unit       string // 责任单位
}

// Totals are the figures of a 小计 or 合计 row.
type Totals struct {
	FloorArea  int
	Land       int
	Investment model.Money
}

// Group is a group of an annex table (一、片区养老服务中心 …).
type Group struct {
	Title    string // without the numbering
	Projects []Project
	// Stated is the subtotal the plan itself states for the group, when it
	// states one; nil means the sum of the rows. Annex 3's stated subtotals
	// disagree with its rows, as in the published plan.
	Stated *Totals
}

// Annex is one capital-project annex.
type Annex struct {
	Number int
	Title  string
	Groups []Group
}

// Indicator is one task of annex 2 with its yearly targets as written.
type Indicator struct {
	Task    string
	Targets map[int]string // year → target ("20%", "15")
	Unit    string
}

// The plan's years and the county units named in it.
const (
	FirstYear    = 2017
	LastYear     = 2019
	CivilAffairs = "县民政局"
)

// ResponsibleUnit is the government of a township (镇/乡) or the office of
// a sub-district (街道).
func ResponsibleUnit(township string) string {
	if strings.HasSuffix(township, "街道") {
		return township + "办事处"
	}
	return township + "人民政府"
}

// Cemeteries and FuneralPoints list the townships of annex 3 by the year
// the plan schedules them in, exactly as the plan's text orders them.
func Cemeteries() map[int][]string {
	return map[int][]string{
		2017: {"官舟镇", "谯家镇", "洪渡镇"},
		2018: {"淇滩镇", "甘溪镇", "板场镇", "夹石镇", "沙子街道", "中界镇", "晓景乡"},
		2019: laterTownships(),
	}
}

// FuneralPoints is the schedule of the 集中治丧服务点.
func FuneralPoints() map[int][]string {
	return map[int][]string{
		2017: {"官舟镇", "洪渡镇"},
		2018: {"谯家镇", "淇滩镇", "甘溪镇", "板场镇", "夹石镇", "沙子街道", "中界镇", "晓景乡"},
		2019: laterTownships(),
	}
}

func laterTownships() []string {
	return []string{"土地坳镇", "思渠镇", "黄土镇", "新景镇", "黑水镇", "泉坝镇", "中寨镇", "塘坝镇", "客田镇", "后坪乡"}
}

func wan(n int64) model.Money { return model.Money(n) * model.Wan }

func month(y int, m time.Month) model.PlanDate { return model.MonthPlan(y, m) }

// centre builds a 片区养老服务中心.
func centre(name, site, covers string, people, elderly string, area, land, beds int, inv int64, start, finish model.PlanDate) Project {
	return Project{
		Name: name, Site: site,
		Content:   fmt.Sprintf("覆盖%s，服务总人口%s，老年人口近%s；含老年公寓养护楼和老年康养服务中心", covers, people, elderly),
		FloorArea: area, Land: land, Beds: beds, Investment: wan(inv),
		Start: start, Finish: finish, Unit: CivilAffairs,
	}
}

// nursingHome builds one 敬老院改扩建 (each 2650 m², 5亩, 100 beds, 650万).
func nursingHome(township string, start, finish model.PlanDate) Project {
	return Project{
		Name: township + "敬老院改扩建", Site: township, Content: "敬老院改扩建，创建星级敬老院",
		FloorArea: 2650, Land: 5, Beds: 100, Investment: wan(650),
		Start: start, Finish: finish, Unit: CivilAffairs,
	}
}

// Annex1 is 民生服务设施建设三年行动计划任务分解表.
func Annex1() Annex {
	return Annex{
		Number: model.AnnexFacilities,
		Title:  "附件1：沿河自治县民生服务设施建设三年行动计划(2017～2019年)任务分解表",
		Groups: []Group{
			{Title: "片区养老服务中心", Projects: []Project{
				centre("官舟片区养老服务中心", "官舟镇（猴渡坪景区）", "官舟、和平、团结、土地坳、黑水、泉坝、中寨、思渠、黄土等9个乡镇（街道）", "30万人", "4万人",
					13000, 20, 300, 5000, month(2018, 12), month(2020, 12)),
				centre("洪渡片区养老服务中心", "洪渡镇", "洪渡、塘坝、后坪、新景、客田等5个乡镇", "10万人", "1.3万人",
					9300, 15, 200, 3000, month(2018, 12), month(2020, 12)),
				centre("中界片区养老服务中心", "中界镇", "中界、晓景、沙子、谯家等4个乡镇", "12万人", "1.5万人",
					9300, 15, 200, 3000, month(2019, 1), month(2020, 12)),
				centre("甘溪片区养老服务中心", "甘溪镇", "甘溪、淇滩、夹石、板场等4个乡镇", "13万人", "1.5万人",
					9300, 15, 200, 3000, month(2019, 10), month(2020, 12)),
			}},
			{Title: "儿童福利和未成年人保护设施", Projects: []Project{
				{Name: "儿童福利院", Site: "县城", Content: "新建儿童福利院1所",
					FloorArea: 12000, Land: 15, Beds: 200, Investment: wan(5000),
					Start: month(2018, 12), Finish: month(2020, 10), Unit: CivilAffairs},
				{Name: "未成年人保护中心", Site: "官舟镇", Content: "新建未成年人保护中心1所",
					FloorArea: 4650, Land: 15, Beds: 100, Investment: wan(1500),
					Start: month(2019, 1), Finish: month(2020, 12), Unit: CivilAffairs},
			}},
			{Title: "乡镇敬老院改扩建", Projects: []Project{
				nursingHome("中界镇", month(2018, 10), month(2019, 12)),
				nursingHome("晓景乡", month(2018, 10), month(2019, 12)),
				nursingHome("黄土镇", month(2019, 6), month(2020, 12)),
				nursingHome("新景镇", month(2019, 6), month(2020, 12)),
				nursingHome("谯家镇", month(2019, 6), month(2020, 12)),
			}, Stated: &Totals{FloorArea: 13250, Land: 25, Investment: wan(3250)}},
			{Title: "优抚设施", Projects: []Project{
				{Name: "光荣院", Site: "官舟镇", Content: "新建光荣院1所",
					FloorArea: 6000, Land: 10, Beds: 200, Investment: wan(1800),
					Start: month(2018, 12), Finish: month(2020, 10), Unit: CivilAffairs},
			}},
			{Title: "社区居家养老服务设施", Projects: []Project{
				{Name: "联桥社区居家养老服务站", Site: "和平街道联桥社区", Content: "建设社区居家养老服务站1个，建筑面积600平方米以上",
					FloorArea: 600, Investment: wan(200), Finish: model.YearPlan(2019), Unit: ResponsibleUnit("和平街道")},
				{Name: "城区社区日间照料中心", Site: "城区", Content: "在城区重点打造社区日间照料中心1所",
					Investment: wan(200), Finish: model.YearPlan(2019), Unit: CivilAffairs},
				{Name: "农村互助幸福院（19个乡镇各1所）", Site: "19个乡镇", Content: "在19个乡镇各重点打造1所农村互助幸福院",
					Investment: wan(300), Finish: model.YearPlan(2019), Unit: CivilAffairs},
			}},
		},
	}
}

// Annex3 is 殡葬改革基础设施建设三年行动计划任务分解表. Its stated
// subtotals are the plan's own (3400 m², 340亩, 6800万 for the cemeteries;
// 36000 m², 360亩, 7200万 for the service points), which do not equal 20
// times the per-site figures the plan also states.
func Annex3() Annex {
	return Annex{
		Number: model.AnnexFuneral,
		Title:  "附件3：沿河自治县殡葬改革基础设施建设三年行动计划(2017～2019年)任务分解表",
		Groups: []Group{
			{Title: "殡仪馆", Projects: []Project{{
				Name: "县城殡仪馆搬迁工程", Site: "县城",
				Content:   "建设综合服务中心、食堂、吊唁厅、火化间、公安尸检、骨灰存放、公厕、大门管理用房及停车场、园林绿化、给排水、供电、消防等设施",
				FloorArea: 15000, Investment: 2 * model.Yi, Finish: model.YearPlan(2020), Unit: CivilAffairs,
			}}},
			{Title: "农村公益性公墓", Projects: perTownship(Cemeteries(), "农村公益性公墓", "新建农村公益性公墓", 200),
				Stated: &Totals{FloorArea: 3400, Land: 340, Investment: wan(6800)}},
			{Title: "集中治丧服务点", Projects: perTownship(FuneralPoints(), "集中治丧服务点", "建设农村集中治丧服务点", 2000),
				Stated: &Totals{FloorArea: 36000, Land: 360, Investment: wan(7200)}},
		},
	}
}

// perTownship lists one project per township of a yearly schedule, each
// 20亩 and 400万, built within its year.
func perTownship(schedule map[int][]string, suffix, content string, area int) []Project {
	var ps []Project
	for y := FirstYear; y <= LastYear; y++ {
		for _, t := range schedule[y] {
			ps = append(ps, Project{
				Name: t + suffix, Site: t, Content: content,
				FloorArea: area, Land: 20, Investment: wan(400),
				Start: model.YearPlan(y), Finish: model.YearPlan(y), Unit: ResponsibleUnit(t),
			})
		}
	}
	return ps
}

// Annex2Title is the title of the indicator table.
const Annex2Title = "附件2：沿河自治县社区建设三年行动计划(2017～2019年)任务分解表"

// Annex2 is the community-building indicator table: yearly targets the
// plan's section 三(三) and its goals set, not buildings.
func Annex2() []Indicator {
	return []Indicator{
		{"城乡社区基础设施建设面积达到400平方米以上的比例", map[int]string{2018: "20%", 2019: "80%"}, CivilAffairs},
		{"城乡社区基础设施建设面积达到800平方米以上的比例", map[int]string{2018: "5%", 2019: "20%"}, CivilAffairs},
		{"开展村民小组自治的行政村比例", map[int]string{2018: "5%", 2019: "100%"}, CivilAffairs},
		{"城市社区服务阵地面积（平方米）", map[int]string{2019: "600-800"}, CivilAffairs},
		{"城市社区运转经费保障（万元/年）", map[int]string{2019: "20"}, "县财政局"},
		{"农村社区运转经费保障（万元/年）", map[int]string{2019: "15"}, "县财政局"},
		{"城市社区惠民项目资金（万元/年）", map[int]string{2017: "10", 2018: "10", 2019: "10"}, "县财政局"},
		{"农村社区惠民项目资金（万元/年）", map[int]string{2017: "5～10", 2018: "5～10", 2019: "5～10"}, "县财政局"},
		{"获得社会工作职业资格的城市社区工作人员比例", map[int]string{2019: "50%"}, CivilAffairs},
		{"获得社会工作职业资格的农村社区工作人员比例", map[int]string{2019: "30%"}, CivilAffairs},
		{"重点培育优秀社区党组织书记（名）", map[int]string{2019: "50"}, "县委组织部"},
		{"县本级党员干部示范培训实践基地（个）", map[int]string{2019: "10"}, "县委组织部"},
	}
}

// Projects lists every project of the capital annexes in table order.
func Projects() []Project {
	var ps []Project
	for _, a := range []Annex{Annex1(), Annex3()} {
		for _, g := range a.Groups {
			ps = append(ps, g.Projects...)
		}
	}
	return ps
}
