package plan

import (
	"reflect"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
)

func byName() map[string]Project {
	m := map[string]Project{}
	for _, p := range Projects() {
		m[p.Name] = p
	}
	return m
}

// TestAnnex1 checks every annex-1 project against the plan's section
// 三(二) and the facts table of annex-tables.md.
func TestAnnex1(t *testing.T) {
	type want struct {
		area, land, beds int
		inv              int64 // 万元
		start, finish    model.PlanDate
	}
	m, y := model.MonthPlan, model.YearPlan
	tests := map[string]want{
		"官舟片区养老服务中心":        {13000, 20, 300, 5000, m(2018, time.December), m(2020, time.December)},
		"洪渡片区养老服务中心":        {9300, 15, 200, 3000, m(2018, time.December), m(2020, time.December)},
		"中界片区养老服务中心":        {9300, 15, 200, 3000, m(2019, time.January), m(2020, time.December)},
		"甘溪片区养老服务中心":        {9300, 15, 200, 3000, m(2019, time.October), m(2020, time.December)},
		"儿童福利院":             {12000, 15, 200, 5000, m(2018, time.December), m(2020, time.October)},
		"未成年人保护中心":          {4650, 15, 100, 1500, m(2019, time.January), m(2020, time.December)},
		"中界镇敬老院改扩建":         {2650, 5, 100, 650, m(2018, time.October), m(2019, time.December)},
		"晓景乡敬老院改扩建":         {2650, 5, 100, 650, m(2018, time.October), m(2019, time.December)},
		"黄土镇敬老院改扩建":         {2650, 5, 100, 650, m(2019, time.June), m(2020, time.December)},
		"新景镇敬老院改扩建":         {2650, 5, 100, 650, m(2019, time.June), m(2020, time.December)},
		"谯家镇敬老院改扩建":         {2650, 5, 100, 650, m(2019, time.June), m(2020, time.December)},
		"光荣院":               {6000, 10, 200, 1800, m(2018, time.December), m(2020, time.October)},
		"联桥社区居家养老服务站":       {600, 0, 0, 200, model.PlanDate{}, y(2019)},
		"城区社区日间照料中心":        {0, 0, 0, 200, model.PlanDate{}, y(2019)},
		"农村互助幸福院（19个乡镇各1所）": {0, 0, 0, 300, model.PlanDate{}, y(2019)},
	}
	var got []Project
	for _, g := range Annex1().Groups {
		got = append(got, g.Projects...)
	}
	if len(got) != len(tests) {
		t.Fatalf("annex 1 has %d projects, want %d", len(got), len(tests))
	}
	var sum model.Money
	for _, p := range got {
		t.Run(p.Name, func(t *testing.T) {
			w, ok := tests[p.Name]
			if !ok {
				t.Fatalf("project %q is not in the plan", p.Name)
			}
			g := want{p.FloorArea, p.Land, p.Beds, int64(p.Investment / model.Wan), p.Start, p.Finish}
			if g != w || p.Investment%model.Wan != 0 {
				t.Errorf("got %+v, want %+v", g, w)
			}
		})
		sum += p.Investment
	}
	if want := 26250 * model.Wan; sum != want {
		t.Errorf("annex 1 total investment: got %s万, want %s万", sum.WanString(), want.WanString())
	}
}

// TestNursingHomesAgree checks the one annex-1 subtotal the plan states
// (13250 m², 25亩, 3250万 for the five nursing homes) equals its rows.
func TestNursingHomesAgree(t *testing.T) {
	g := Annex1().Groups[2]
	var sum Totals
	for _, p := range g.Projects {
		sum.FloorArea += p.FloorArea
		sum.Land += p.Land
		sum.Investment += p.Investment
	}
	if g.Stated == nil || *g.Stated != sum {
		t.Errorf("stated %+v, rows sum to %+v", g.Stated, sum)
	}
}

// TestAnnex3 checks the funeral home, the 20 cemeteries and the 20
// service points: per-year township lists as in the plan's text, per-site
// figures, and the plan's own (contradictory) stated subtotals.
func TestAnnex3(t *testing.T) {
	a := Annex3()
	home := a.Groups[0].Projects
	if len(home) != 1 || home[0].Investment != 2*model.Yi || home[0].FloorArea != 15000 || home[0].Finish != model.YearPlan(2020) || home[0].Unit != CivilAffairs {
		t.Errorf("funeral home: got %+v", home)
	}
	tests := []struct {
		group    Group
		area     int
		schedule map[int][]string
		stated   Totals
	}{
		{a.Groups[1], 200, map[int][]string{
			2017: {"官舟镇", "谯家镇", "洪渡镇"},
			2018: {"淇滩镇", "甘溪镇", "板场镇", "夹石镇", "沙子街道", "中界镇", "晓景乡"},
			2019: {"土地坳镇", "思渠镇", "黄土镇", "新景镇", "黑水镇", "泉坝镇", "中寨镇", "塘坝镇", "客田镇", "后坪乡"},
		}, Totals{3400, 340, 6800 * model.Wan}},
		{a.Groups[2], 2000, map[int][]string{
			2017: {"官舟镇", "洪渡镇"},
			2018: {"谯家镇", "淇滩镇", "甘溪镇", "板场镇", "夹石镇", "沙子街道", "中界镇", "晓景乡"},
			2019: {"土地坳镇", "思渠镇", "黄土镇", "新景镇", "黑水镇", "泉坝镇", "中寨镇", "塘坝镇", "客田镇", "后坪乡"},
		}, Totals{36000, 360, 7200 * model.Wan}},
	}
	for _, tt := range tests {
		t.Run(tt.group.Title, func(t *testing.T) {
			if n := len(tt.group.Projects); n != 20 {
				t.Fatalf("got %d projects, want 20", n)
			}
			got := map[int][]string{}
			var sum Totals
			for _, p := range tt.group.Projects {
				if p.Start != p.Finish || p.Start.Precision != model.PrecisionYear {
					t.Errorf("%s: built within one year, got %s → %s", p.Name, p.Start, p.Finish)
				}
				if p.Name != p.Site+tt.group.Title {
					t.Errorf("%s: name does not start with its site %s", p.Name, p.Site)
				}
				if p.FloorArea != tt.area || p.Land != 20 || p.Investment != 400*model.Wan {
					t.Errorf("%s: got %d m², %d亩, %s万; want %d m², 20亩, 400万", p.Name, p.FloorArea, p.Land, p.Investment.WanString(), tt.area)
				}
				if p.Unit != ResponsibleUnit(p.Site) {
					t.Errorf("%s: unit %s, want %s", p.Name, p.Unit, ResponsibleUnit(p.Site))
				}
				got[p.Start.Date.Year] = append(got[p.Start.Date.Year], p.Site)
				sum.FloorArea += p.FloorArea
				sum.Land += p.Land
				sum.Investment += p.Investment
			}
			if !reflect.DeepEqual(got, tt.schedule) {
				t.Errorf("schedule: got %v, want %v", got, tt.schedule)
			}
			if tt.group.Stated == nil || *tt.group.Stated != tt.stated {
				t.Errorf("stated subtotal: got %+v, want the plan's %+v", tt.group.Stated, tt.stated)
			}
			if sum == tt.stated {
				t.Errorf("rows sum to the stated subtotal %+v; the plan's figures disagree", sum)
			}
		})
	}
}

func TestResponsibleUnit(t *testing.T) {
	for in, want := range map[string]string{"官舟镇": "官舟镇人民政府", "晓景乡": "晓景乡人民政府", "沙子街道": "沙子街道办事处", "和平街道": "和平街道办事处"} {
		if got := ResponsibleUnit(in); got != want {
			t.Errorf("ResponsibleUnit(%s): got %s, want %s", in, got, want)
		}
	}
}

func TestAnnex2(t *testing.T) {
	got := map[string]map[int]string{}
	for _, ind := range Annex2() {
		got[ind.Task] = ind.Targets
	}
	for task, want := range map[string]map[int]string{
		"城乡社区基础设施建设面积达到400平方米以上的比例": {2018: "20%", 2019: "80%"},
		"城乡社区基础设施建设面积达到800平方米以上的比例": {2018: "5%", 2019: "20%"},
		"开展村民小组自治的行政村比例":            {2018: "5%", 2019: "100%"},
		"城市社区运转经费保障（万元/年）":          {2019: "20"},
		"农村社区运转经费保障（万元/年）":          {2019: "15"},
		"获得社会工作职业资格的城市社区工作人员比例":     {2019: "50%"},
		"获得社会工作职业资格的农村社区工作人员比例":     {2019: "30%"},
	} {
		if !reflect.DeepEqual(got[task], want) {
			t.Errorf("%s: got %v, want %v", task, got[task], want)
		}
	}
}

// TestStory checks the demo story is consistent: it names only projects
// of the plan, no return states an actual date after its own date,
// payments never exceed a project's investment, and vouchers are unique.
func TestStory(t *testing.T) {
	projects := byName()
	for name := range deviations() {
		if _, ok := projects[name]; !ok {
			t.Errorf("story names %q, which is not a project of the plan", name)
		}
	}
	for _, d := range Returns() {
		t.Run(d.String(), func(t *testing.T) {
			rows := Return(d)
			if len(rows) != len(projects) {
				t.Fatalf("return has %d rows, want %d", len(rows), len(projects))
			}
			for _, s := range rows {
				switch {
				case s.ActualStart.After(d), s.ActualFinish.After(d):
					t.Errorf("%s: actual date after the return's date", s.Name)
				case !s.ActualFinish.IsZero() && s.ActualFinish.Before(s.ActualStart):
					t.Errorf("%s: finished %s before it started %s", s.Name, s.ActualFinish, s.ActualStart)
				case s.ActualFinish.IsZero() && !s.Forecast.After(d):
					t.Errorf("%s: unfinished without a forecast after the return", s.Name)
				case s.Percent < 0 || s.Percent > 100 || (s.Percent == 100) != !s.ActualFinish.IsZero():
					t.Errorf("%s: progress %d%% with actual finish %q", s.Name, s.Percent, s.ActualFinish)
				}
			}
		})
	}
	var open int
	for _, s := range Return(ReturnDate) {
		if s.ActualFinish.IsZero() {
			open++
		}
	}
	if open != 5 {
		t.Errorf("got %d projects unfinished in the latest return, want 5", open)
	}
	paid := map[string]model.Money{}
	vouchers := map[string]bool{}
	for _, p := range Ledger() {
		if p.Date.After(ReturnDate) {
			t.Errorf("%s: payment dated %s after the return", p.Voucher, p.Date)
		}
		if vouchers[p.Voucher] {
			t.Errorf("voucher %s twice", p.Voucher)
		}
		vouchers[p.Voucher] = true
		paid[p.Project] += p.Amount
	}
	for name, sum := range paid {
		if sum > projects[name].Investment {
			t.Errorf("%s: paid %s万, more than its investment %s万", name, sum.WanString(), projects[name].Investment.WanString())
		}
	}
}
