package plan

import (
	"fmt"
	"sort"
	"time"

	"github.com/yanhe/captrack/model"
)

// The demo story. The plan ran 2017–2019 (its last buildings were due in
// 2020); the county keeps a cumulative monthly return until every project
// is done. The demo holds two returns: the one of 2020-12-31, when the
// plan's time was up, and the latest, dated ReturnDate. The latest says
// that most projects were built, several of them late, and that five
// never finished: the 甘溪 centre (no land) and 后坪乡's service point (no
// money) never started, 谯家镇's nursing home and 塘坝镇's service point
// stopped half built, and the funeral home waits for an approval. So
// today's view has open red alerts, and an as-of date of DemoAsOf shows
// yellow, orange and red alerts side by side.
var (
	// ReturnDate is the date of the latest demo progress return (截至…).
	ReturnDate = model.NewDate(2026, time.October, 31)
	// PlanEndReturn is the date of the return made when the plan's time
	// was up.
	PlanEndReturn = model.NewDate(2020, time.December, 31)
	// DemoAsOf is the as-of date at which the demo's alerts show every
	// severity: projects due 2020-12 are 15 days late (yellow), 儿童福利院
	// due 2020-10 is 76 days late (orange), 2019 dues are red.
	DemoAsOf = model.NewDate(2021, time.January, 15)
)

// Returns are the dates of the demo's progress returns, oldest first.
func Returns() []model.Date { return []model.Date{PlanEndReturn, ReturnDate} }

// Progress is what the demo return says of one project.
type Progress struct {
	Name         string
	ActualStart  model.Date // zero: not started
	ActualFinish model.Date // zero: not finished
	Percent      int        // 形象进度
	Done         model.Money
	Forecast     model.Date // 预计完工时间, given for unfinished projects
	Problems     string
}

// delayNote is what a return says of a project that finished after it.
const delayNote = "施工：受新冠肺炎疫情影响，工期顺延"

// asOf is what a return dated d said of a project whose whole story is g:
// facts after d are unknown, progress grows evenly from the start to the
// finish, and a project that never finished had stalled by then.
func (g Progress) asOf(d model.Date) Progress {
	if !d.Before(ReturnDate) {
		return g
	}
	s := g
	if s.ActualStart.After(d) {
		s.ActualStart = model.Date{}
	}
	if s.ActualFinish.After(d) {
		s.ActualFinish = model.Date{}
		s.Percent = min(95, 100*d.DaysSince(g.ActualStart)/g.ActualFinish.DaysSince(g.ActualStart))
		s.Forecast = model.NewDate(g.ActualFinish.Year, g.ActualFinish.Month+1, 0)
		s.Problems = delayNote
	}
	if s.ActualStart.IsZero() {
		s.Percent = 0
	}
	if g.ActualFinish.IsZero() {
		s.Forecast = model.NewDate(d.Year+1, time.December, 31)
	}
	return s
}

// Payment is one disbursement of the demo ledger.
type Payment struct {
	Date    model.Date
	Project string
	Source  string
	Amount  model.Money
	Voucher string
	Note    string
}

func day(y int, m time.Month, d int) model.Date { return model.NewDate(y, m, d) }

// deviations are the projects whose story differs from "started and
// finished on time".
func deviations() map[string]Progress {
	return map[string]Progress{
		"官舟片区养老服务中心": {ActualStart: day(2019, 1, 8), ActualFinish: day(2021, 11, 30)},
		"中界片区养老服务中心": {ActualStart: day(2019, 3, 20), ActualFinish: day(2021, 6, 30)},
		"甘溪片区养老服务中心": {Forecast: day(2027, 12, 31),
			Problems: "用地：项目用地未落实，选址调整方案待县自然资源局审批，尚未开工"},
		"儿童福利院":     {ActualStart: day(2018, 12, 18), ActualFinish: day(2021, 5, 20)},
		"晓景乡敬老院改扩建": {ActualStart: day(2018, 12, 5), ActualFinish: day(2020, 3, 31)},
		"新景镇敬老院改扩建": {ActualStart: day(2019, 8, 1), ActualFinish: day(2021, 4, 30)},
		"谯家镇敬老院改扩建": {ActualStart: day(2019, 7, 15), Percent: 85, Forecast: day(2027, 3, 31),
			Problems: "资金：施工单位资金链断裂，已停工，正在重新招标"},
		"城区社区日间照料中心": {ActualStart: day(2019, 9, 2), ActualFinish: day(2020, 6, 30)},
		"县城殡仪馆搬迁工程": {ActualStart: day(2019, 5, 10), Percent: 70, Forecast: day(2027, 6, 30),
			Problems: "审批：火化设备环评批复尚未取得，主体工程已完工待验收"},
		"谯家镇农村公益性公墓":  {ActualStart: day(2017, 9, 12), ActualFinish: day(2018, 5, 31)},
		"沙子街道农村公益性公墓": {ActualStart: day(2018, 6, 1), ActualFinish: day(2019, 4, 30)},
		"客田镇农村公益性公墓":  {ActualStart: day(2020, 2, 15), ActualFinish: day(2021, 3, 31)},
		"后坪乡农村公益性公墓":  {ActualStart: day(2019, 9, 10), ActualFinish: day(2020, 7, 15)},
		"黑水镇集中治丧服务点":  {ActualStart: day(2019, 4, 8), ActualFinish: day(2020, 1, 20)},
		"塘坝镇集中治丧服务点": {ActualStart: day(2019, 11, 5), Percent: 40, Forecast: day(2027, 5, 31),
			Problems: "用地：群众对选址有异议，2020年停工协调"},
		"后坪乡集中治丧服务点": {Forecast: day(2027, 9, 30),
			Problems: "资金：县级配套资金未落实，尚未开工"},
	}
}

// onTime is the story of a project that kept to its plan: started in the
// planned month (or March of a year-precision year, or of the finish year
// when the plan gives no start) and finished before its due date.
func onTime(p Project) Progress {
	start := p.Start
	if start.IsZero() {
		start = model.YearPlan(p.Finish.Date.Year)
	}
	s := day(start.Date.Year, start.Date.Month, 10)
	if start.Precision == model.PrecisionYear {
		s = day(start.Date.Year, time.March, 10)
	}
	f := day(p.Finish.Date.Year, p.Finish.Date.Month, 20)
	if p.Finish.Precision == model.PrecisionYear {
		f = day(p.Finish.Date.Year, time.November, 20)
	}
	return Progress{ActualStart: s, ActualFinish: f}
}

// Story is every project's whole story, as the latest return tells it,
// in table order.
func Story() []Progress {
	dev := deviations()
	var out []Progress
	for _, p := range Projects() {
		g, ok := dev[p.Name]
		if !ok {
			g = onTime(p)
		}
		g.Name = p.Name
		if !g.ActualFinish.IsZero() {
			g.Percent = 100
		}
		g.Done = p.Investment * model.Money(g.Percent) / 100
		out = append(out, g)
	}
	return out
}

// Return is the return dated d: a row for every project, in table order.
func Return(d model.Date) []Progress {
	invest := map[string]model.Money{}
	for _, p := range Projects() {
		invest[p.Name] = p.Investment
	}
	var out []Progress
	for _, g := range Story() {
		s := g.asOf(d)
		s.Done = invest[s.Name] * model.Money(s.Percent) / 100
		out = append(out, s)
	}
	return out
}

// sources are the funding sources of a project's three tranches.
func sources(p Project) [3]string {
	switch {
	case p.Investment >= model.Yi:
		return [3]string{"地方政府专项债券", "地方政府专项债券", "县级配套"}
	case p.Unit != CivilAffairs:
		return [3]string{"省级补助", "县级配套", "县级配套"}
	case p.Name == "儿童福利院" || p.Name == "未成年人保护中心" || p.Name == "光荣院":
		return [3]string{"中央预算内投资", "省级补助", "县级配套"}
	}
	return [3]string{"中央预算内投资", "福彩公益金", "县级配套"}
}

// Ledger is the demo disbursement ledger: for every project that started,
// 30% a month after the start, 40% half a year in, and for finished
// projects 25% two months after completion (the last 5% is retained as
// 质保金). Vouchers are numbered per year in date order.
func Ledger() []Payment {
	story := map[string]Progress{}
	for _, s := range Story() {
		story[s.Name] = s
	}
	var ps []Payment
	for _, p := range Projects() {
		s := story[p.Name]
		if s.ActualStart.IsZero() {
			continue
		}
		src := sources(p)
		ps = append(ps,
			Payment{Date: s.ActualStart.AddDays(30), Project: p.Name, Source: src[0], Amount: p.Investment * 30 / 100, Note: "首期工程款"},
			Payment{Date: s.ActualStart.AddDays(180), Project: p.Name, Source: src[1], Amount: p.Investment * 40 / 100, Note: "进度款"})
		if !s.ActualFinish.IsZero() {
			ps = append(ps, Payment{Date: s.ActualFinish.AddDays(60), Project: p.Name, Source: src[2], Amount: p.Investment * 25 / 100, Note: "竣工结算款（预留5%质保金）"})
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Date.Before(ps[j].Date) })
	seq := map[int]int{}
	for i := range ps {
		y := ps[i].Date.Year
		seq[y]++
		ps[i].Voucher = fmt.Sprintf("记%d-%04d", y, seq[y])
	}
	return ps
}
