package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// alertIndex is what the pages need of the open alerts: each project's
// most serious severity and whether it has an overdue milestone.
type alertIndex struct {
	worst   map[uint]string
	overdue map[uint]bool
}

// indexAlerts indexes as, which alerts.List orders most serious first.
func indexAlerts(as []alerts.Alert) alertIndex {
	x := alertIndex{worst: map[uint]string{}, overdue: map[uint]bool{}}
	for _, a := range as {
		if _, seen := x.worst[a.ProjectID]; !seen {
			x.worst[a.ProjectID] = a.Severity
		}
		if a.Kind == alerts.KindOverdue {
			x.overdue[a.ProjectID] = true
		}
	}
	return x
}

// pageAsOf returns the as_of query parameter, today when absent.
func pageAsOf(c *gin.Context, db Store) (model.Date, error) {
	return httpx.QueryDate(c, "as_of", db.Today())
}

// countItem is one figure of the dashboard, linking to the projects it
// counts.
type countItem struct {
	Label, Class, Link string
	N                  int
}

// barItem is one line of a bar list.
type barItem struct {
	Name, Link string
	N, Width   int
}

type dashboardData struct {
	AsOf       string
	Total      int
	Status     []countItem
	Severity   []countItem
	Categories []barItem
	Townships  []barItem
	Plan       model.Money
	Spent      model.Money
	// PlanUnknown counts projects with no planned investment.
	PlanUnknown int
	SpendRate   string
	SpendWidth  int64
	Delayed     []alerts.Alert
	Pace, Spend lampSummary
	// Uncovered lists the years of open 督办 deadlines that the
	// working-day calendar has no data for.
	Uncovered []uncoveredYear
}

// lampSummary is a dashboard card of lamps (序时进度 or 支出进度, its ID
// "pace" or "spend"): the lamps' counts, their rule, a note on the
// projects without one, and each unit's counts, worst first.
type lampSummary struct {
	ID, Title, Rule, Note, AsOf string
	Counts                      []countItem
	Units                       []lampUnit
}

// lampUnit is one responsible unit's lamps, each linking to its projects.
type lampUnit struct {
	Unit                     string
	Red, Yellow, Green       int
	RedLink, YellowLink, All string
}

// newLampSummary builds a card from the counts per unit as of asOf; its
// links filter the project list by the lamp with the query key param.
func newLampSummary(byUnit map[string]model.PaceCounts, card lampSummary, asOf model.Date, param string) lampSummary {
	link := func(unit, lamp string) string {
		q := url.Values{"as_of": {asOf.String()}}
		if unit != "" {
			q.Set("unit", unit)
		}
		if lamp != "" {
			q.Set(param, lamp)
		}
		return "/projects?" + q.Encode()
	}
	out := card
	out.AsOf = asOf.String()
	var total model.PaceCounts
	for unit, c := range byUnit {
		total = total.Plus(c)
		u := lampUnit{Unit: unit, Red: c.Red, Yellow: c.Yellow, Green: c.Green, All: "/projects"}
		if unit != "" {
			u.RedLink, u.YellowLink, u.All = link(unit, model.LampRed), link(unit, model.LampYellow), link(unit, "")
		} else {
			u.Unit = "（未注明）"
		}
		out.Units = append(out.Units, u)
	}
	sort.Slice(out.Units, func(i, j int) bool {
		a, b := out.Units[i], out.Units[j]
		if a.Red != b.Red {
			return a.Red > b.Red
		}
		if a.Yellow != b.Yellow {
			return a.Yellow > b.Yellow
		}
		return a.Unit < b.Unit
	})
	for _, l := range []struct {
		lamp string
		n    int
	}{{model.LampRed, total.Red}, {model.LampYellow, total.Yellow}, {model.LampGreen, total.Green}} {
		out.Counts = append(out.Counts, countItem{Label: model.LampName(l.lamp), Class: l.lamp, N: l.n, Link: link("", l.lamp)})
	}
	return out
}

// dashboardDelayed is how many of the most delayed projects the
// dashboard lists.
const dashboardDelayed = 10

// handleDashboard shows the 总览 as of as_of (default today).
func handleDashboard(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		asOf, err := pageAsOf(c, db)
		if err != nil {
			return err
		}
		ctx := c.Request.Context()
		figures, err := db.Dashboard(ctx, cfg.Query(asOf))
		if err != nil {
			return err
		}
		d := dashboardData{AsOf: asOf.String(), Total: int(figures.Total), Plan: figures.Plan, Spent: figures.Spent, PlanUnknown: int(figures.PlanUnknown)}
		link := func(key, value string) string {
			return "/projects?" + url.Values{key: {value}, "as_of": {asOf.String()}}.Encode()
		}
		byStatus := map[string]int{}
		bySeverity := map[string]int{}
		for _, st := range figures.States {
			byStatus[st.Status] += int(st.N)
			bySeverity[alerts.BandSeverity(st.Worst)] += int(st.N)
		}
		for _, st := range []struct{ key, class string }{
			{model.StatusIdle, "gray"}, {model.StatusGoing, ""}, {model.StatusDone, "green"}, {model.StatusLate, "red"},
		} {
			d.Status = append(d.Status, countItem{Label: statusLabel(st.key), Class: st.class, N: byStatus[st.key], Link: link("status", st.key)})
		}
		for _, sev := range []string{alerts.Red, alerts.Orange, alerts.Yellow} {
			d.Severity = append(d.Severity, countItem{Label: SeverityLabel(sev) + "预警", Class: sev, N: bySeverity[sev], Link: link("severity", sev)})
		}
		d.Categories = barList(figures.Categories, func(name string) string { return link("category", name) })
		d.Townships = barList(figures.Townships, func(name string) string { return link("township", name) })
		d.SpendRate, d.SpendWidth = spendRate(d.Spent, d.Plan)
		if d.Delayed, err = mostDelayed(ctx, db, cfg, asOf, dashboardDelayed); err != nil {
			return err
		}
		paces, err := db.PaceCounts(ctx, asOf)
		if err != nil {
			return err
		}
		d.Pace = newLampSummary(paces, lampSummary{ID: "pace", Title: "序时进度", Rule: db.PaceLamps().Text(),
			Note: "已完工、未到计划开工日期或缺少计划工期的项目不亮灯。"}, asOf, "lamp")
		facts, err := db.SpendFacts(ctx, asOf, nil)
		if err != nil {
			return err
		}
		lamps, spend, lit := db.SpendLamps(), map[string]model.PaceCounts{}, 0
		for _, f := range facts {
			if lamp := lamps.Of(f.Allocated, f.Received, f.Paid, asOf).Lamp; lamp != model.LampNone {
				c := spend[f.ResponsibleUnit]
				c.Add(lamp)
				spend[f.ResponsibleUnit] = c
				lit++
			}
		}
		d.Spend = newLampSummary(spend, lampSummary{ID: "spend", Title: "支出进度", Rule: lamps.Text(),
			Note: fmt.Sprintf("尚未下达资金的项目 %d 个。", d.Total-lit)}, asOf, "spend")
		if d.Uncovered, err = uncoveredYears(c, db); err != nil {
			return err
		}
		p := newPage(c, "总览", "dashboard", d)
		p.AsOf = asOf
		return render(c, tpl, http.StatusOK, "dashboard", p)
	}
}

// barList turns counts by name into bars, largest first; a blank name is
// shown as 未注明 and links to the unfiltered list.
func barList(counts map[string]int64, link func(string) string) []barItem {
	out := make([]barItem, 0, len(counts))
	most := 0
	for name, n := range counts {
		item := barItem{Name: name, N: int(n), Link: "/projects"}
		if name == "" {
			item.Name = "（未注明）"
		} else {
			item.Link = link(name)
		}
		out = append(out, item)
		most = max(most, int(n))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Name < out[j].Name
	})
	for i := range out {
		out[i].Width = out[i].N * 100 / most
	}
	return out
}

// spendRate returns spent/plan as a percentage with one decimal, computed
// exactly, and the width of its meter (0–100); "—" when there is no plan.
func spendRate(spent, plan model.Money) (string, int64) {
	if plan <= 0 {
		return "—", 0
	}
	pct := decimal.NewFromInt(int64(spent)).Mul(decimal.NewFromInt(100)).Div(decimal.NewFromInt(int64(plan)))
	return pct.StringFixed(1) + "%", min(max(pct.IntPart(), 0), 100)
}

// mostDelayed returns the n overdue milestones as of asOf that slipped
// longest, one per project: the first of each project among the worst
// overdue alerts, which are ordered by slip, read (uncounted) in growing
// numbers until n projects are found or none are left.
func mostDelayed(ctx context.Context, db Store, cfg alerts.Config, asOf model.Date, n int) ([]alerts.Alert, error) {
	for size := alerts.MaxPageSize; ; size *= 2 {
		as, err := alerts.Worst(ctx, db, alerts.Query{AsOf: asOf, Kind: alerts.KindOverdue}, cfg, size)
		if err != nil {
			return nil, err
		}
		var out []alerts.Alert
		seen := map[uint]bool{}
		for _, a := range as {
			if !seen[a.ProjectID] && len(out) < n {
				seen[a.ProjectID] = true
				out = append(out, a)
			}
		}
		if len(out) == n || len(as) < size {
			return out, nil
		}
	}
}

// projectsFilter is the filter form of the project list as submitted.
type projectsFilter struct {
	Q, Category, Township, Unit, Severity, Status, StatusLabel, Lamp, Spend string
}

type projectRow struct {
	View     model.ProjectView
	Status   string
	Severity string
	Pace     *model.Pace // nil: no 序时进度 lamp
}

// pager is the paging line of a list.
type pager struct {
	Total       int64
	Page, Pages int
	Prev, Next  string
}

type projectsData struct {
	AsOf        string
	Filter      projectsFilter
	Options     model.FilterOptions
	Rows        []projectRow
	Pager       pager
	ClearStatus string
	PaceRule    string
	SpendRule   string
}

// statusLabel is the Chinese name of a project status.
func statusLabel(status string) string {
	switch status {
	case model.StatusIdle:
		return "未开工"
	case model.StatusGoing:
		return "在建"
	case model.StatusDone:
		return "已完工"
	case model.StatusLate:
		return "滞后"
	}
	return ""
}

// handleProjectsPage lists projects: the API's filters and paging
// (category, unit, township, q, page, page_size), and as of as_of a
// status and a severity (the project's most serious open alert, or
// "none").
func handleProjectsPage(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		f, err := httpx.ProjectFilter(c)
		if err != nil {
			return err
		}
		asOf, err := pageAsOf(c, db)
		if err != nil {
			return err
		}
		form := projectsFilter{Q: f.Q, Category: f.Category, Township: f.Township, Unit: f.Unit}
		if form.Severity, err = httpx.OneOf(c, "severity", alerts.Red, alerts.Orange, alerts.Yellow, "none"); err != nil {
			return err
		}
		if form.Status, err = httpx.OneOf(c, "status", model.StatusIdle, model.StatusGoing, model.StatusDone, model.StatusLate); err != nil {
			return err
		}
		if form.Lamp, err = httpx.OneOf(c, "lamp", model.PaceLampNames...); err != nil {
			return err
		}
		if form.Spend, err = httpx.OneOf(c, "spend", model.LampRed, model.LampYellow, model.LampGreen, model.LampNone); err != nil {
			return err
		}
		form.StatusLabel = statusLabel(form.Status)
		ctx := c.Request.Context()
		opts, err := db.ProjectFilterOptions(ctx, asOf)
		if err != nil {
			return err
		}
		lamps := db.SpendLamps()
		d := projectsData{AsOf: asOf.String(), Filter: form, Options: opts, PaceRule: db.PaceLamps().Text(), SpendRule: lamps.Text()}
		q := c.Request.URL.Query()
		q.Del("status")
		q.Del("page")
		d.ClearStatus = "/projects?" + q.Encode()

		var rows []model.ProjectView
		var total int64
		f.AsOf = asOf // the views' facts as known then
		aq := cfg.Query(asOf)
		if form.Severity != "" || form.Status != "" {
			f.State = &model.StateFilter{Alerts: aq, Status: form.Status, Worst: alerts.SeverityBand(form.Severity) + 1}
			if form.Severity == "none" {
				f.State.Worst = model.WorstNone
			}
		}
		selected := true // some project passes the lamp filters
		if form.Lamp != "" {
			ids, err := db.ProjectsWithLamp(ctx, asOf, form.Lamp)
			if err != nil {
				return err
			}
			selected = f.Only(ids)
		}
		if selected && form.Spend != "" {
			facts, err := db.SpendFacts(ctx, asOf, nil)
			if err != nil {
				return err
			}
			var ids, lit []uint
			for id, sf := range facts {
				switch lamp := lamps.Of(sf.Allocated, sf.Received, sf.Paid, asOf).Lamp; {
				case lamp == form.Spend:
					ids = append(ids, id)
				case lamp != model.LampNone:
					lit = append(lit, id)
				}
			}
			slices.Sort(ids)
			if form.Spend == model.LampNone {
				f.Exclude = append(f.Exclude, lit...)
			} else {
				selected = f.Only(ids)
			}
		}
		if selected {
			if rows, total, err = db.ListProjects(ctx, f); err != nil {
				return err
			}
		}
		ids := make([]uint, len(rows))
		for i, v := range rows {
			ids[i] = v.ID
		}
		aq.ProjectIDs = ids
		states, err := db.ProjectStates(ctx, aq)
		if err != nil {
			return err
		}
		for _, v := range rows {
			st := states[v.ID]
			row := projectRow{View: v, Status: st.Status, Severity: alerts.BandSeverity(st.Worst)}
			if pc, ok := db.PaceLamps().Of(v.PaceFact(), asOf); ok { // of the view's facts, as known on asOf
				row.Pace = &pc
			}
			d.Rows = append(d.Rows, row)
		}
		d.Pager = newPager(c.Request.URL, total, f.Offset/f.Limit+1, f.Limit)
		p := newPage(c, "项目列表", "projects", d)
		p.AsOf = asOf
		return render(c, tpl, http.StatusOK, "projects", p)
	}
}

// newPager is the paging line of page (from 1) of size rows out of total,
// with links that keep the request's other parameters.
func newPager(u *url.URL, total int64, page, size int) pager {
	pages := int((total + int64(size) - 1) / int64(size))
	p := pager{Total: total, Page: page, Pages: max(pages, 1)}
	link := func(n int) string {
		q := u.Query()
		q.Set("page", strconv.Itoa(n))
		return u.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	return p
}

// milestoneRow is one milestone of the project page with its open alert
// (the most serious, if any) and, when achieved late, by how many days.
type milestoneRow struct {
	M        model.Milestone
	Alert    *alerts.Alert
	LateDays int
}

// raiseForm is the data of a "raise a 督办" form.
type raiseForm struct {
	ID          string // the form's element id, for the boxes that tick its projects
	ProjectID   uint   // 0: the projects ticked
	CSRF        string
	Back        string // local path to return to
	Reason, Due string
	Today       string
}

type projectData struct {
	View         model.ProjectView
	Status       string
	Severity     string
	AsOf         string
	Scale        string
	Gantt        *Gantt
	Milestones   []milestoneRow
	Progress     []model.ProgressReport
	Payments     []model.Disbursement
	Allocations  []model.Fund
	Receipts     []model.Fund
	Chain        []chainRow // the funds chain by source, then 合计
	Supervisions []model.SupervisionView
	Audit        []model.AuditEntry // entered on or before the as-of date
	AuditLater   int                // entries after it, not shown
	CanEdit      bool               // record dates and progress, reply to 督办
	CanSupervise bool
	CanPay       bool // record payments
	SlipReasons  []string
	Sources      []string // funding sources to pick from
	Today        string
	RaiseForm    raiseForm
	Photos       []model.ReportPhoto // known on AsOf, latest report first
	Pace         *model.Pace         // nil: no 序时进度 lamp as of AsOf
	PaceRule     string
	SpendRule    string
	Kept         keptForm // what a failed form post sent, to fill it in again
}

// keptForm holds the values of a form post that failed, so that the page
// shown with its error gives them back instead of an empty form: nothing a
// user typed is lost to a refusal (an over-plan payment, say, is sent again
// with only the confirmation ticked).
type keptForm struct {
	Action string // the failed form's action path
	Values url.Values
}

// Open reports whether the form posting to action is the one that failed.
func (k keptForm) Open(action string) bool { return k.Action == action }

// Value is the value the failed form sent for name when the form posting to
// action is that form, else def.
func (k keptForm) Value(action, name, def string) string {
	if k.Action != action || !k.Values.Has(name) {
		return def
	}
	return k.Values.Get(name)
}

// keptField is one field of a form (an amount with its unit, a funding
// source) for a partial template: the input's id, the form it belongs to,
// what that form kept and the choices offered.
type keptField struct {
	ID      string
	Action  string
	Kept    keptForm
	Choices []string
}

// Value is what the failed form sent for name, else def.
func (f keptField) Value(name, def string) string { return f.Kept.Value(f.Action, name, def) }

// keptIn is the keptField of the input id of the form posting to action.
func keptIn(kept keptForm, action, id string, choices ...[]string) keptField {
	f := keptField{ID: id, Action: action, Kept: kept}
	if len(choices) > 0 {
		f.Choices = choices[0]
	}
	return f
}

// handleProjectPage shows one project as of as_of (default today).
func handleProjectPage(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		return showProject(c, db, tpl, cfg, http.StatusOK, nil, keptForm{})
	}
}

// showProject renders the project page of the :id path parameter with
// status, an optional message (a form's error) and the values of the form
// that failed.
func showProject(c *gin.Context, db Store, tpl *Templates, cfg alerts.Config, status int, msg *flash, kept keptForm) error {
	id, err := httpx.IDParam(c, "id")
	if err != nil {
		return err
	}
	asOf, err := pageAsOf(c, db)
	if err != nil {
		return err
	}
	d, err := projectPageData(c, db, cfg, id, asOf)
	if err != nil {
		return err
	}
	p := newPage(c, d.View.Name, "projects", d)
	p.AsOf = asOf
	d.RaiseForm.CSRF = p.CSRF
	d.Kept = kept
	p.Data = d
	if msg != nil {
		p.Flash = msg
	}
	return render(c, tpl, status, "project", p)
}

// replyDays is the default time a unit gets to answer a 督办.
const replyDays = 7

func projectPageData(c *gin.Context, db Store, cfg alerts.Config, id uint, asOf model.Date) (projectData, error) {
	ctx := c.Request.Context()
	u := httpx.CurrentUser(c)
	today := db.Today()
	// The project as its plan stood on asOf; the view's facts come from
	// the milestones, reports and money the page lists, as known on asOf.
	p, unit, err := db.ProjectPlanAsOf(ctx, id, asOf)
	if err != nil {
		return projectData{}, err
	}
	d := projectData{AsOf: asOf.String(), SlipReasons: model.SlipReasons, Today: today.String()}
	ms, err := db.MilestonesAsOf(ctx, id, asOf)
	if err != nil {
		return d, err
	}
	if d.Progress, err = db.ProgressAsOf(ctx, id, asOf); err != nil {
		return d, err
	}
	// The project's own alerts, in List's order, its 序时进度 lamp, and
	// its actual start and finish and latest 形象进度.
	facts, pace := model.FactsOf(p, ms, d.Progress, asOf)
	d.View = model.ProjectView{Project: p, ActualStart: pace.ActualStart, ActualFinish: pace.ActualFinish, ProgressPct: pace.Progress}
	as := alerts.Compute(facts, asOf, cfg)
	d.Milestones, d.Gantt = milestoneRows(ms, as, asOf)
	if pc, ok := db.PaceLamps().Of(pace, asOf); ok {
		d.Pace = &pc
	}
	money, err := db.ProjectMoney(ctx, id, asOf) // as known on asOf
	if err != nil {
		return d, err
	}
	d.Payments, d.Allocations, d.Receipts = money.Payments, money.Allocations, money.Receipts
	d.Chain = fundsChain(db.SpendLamps(), d.View, money.Budget, d.Allocations, d.Receipts, d.Payments, asOf)
	var total chainRow // the chain's 合计 row: the payments and allocations dated by asOf
	if n := len(d.Chain); n > 0 {
		total = d.Chain[n-1]
	}
	d.View.Spent, d.View.Spend = total.Paid, db.SpendLamps().Of(total.Allocated, 0, total.Paid, asOf)
	if d.Supervisions, _, err = db.ListSupervisions(ctx, model.SupervisionFilter{ProjectID: id, AsOf: asOf}); err != nil {
		return d, err
	}
	audit, err := db.ProjectAudit(ctx, id)
	if err != nil {
		return d, err
	}
	for _, e := range audit { // the log as it stood at the end of asOf
		if model.DateOf(e.Time.In(db.TimeZone())).After(asOf) {
			d.AuditLater++
		} else {
			d.Audit = append(d.Audit, e)
		}
	}
	photos, err := db.ProjectPhotos(ctx, id)
	if err != nil {
		return d, err
	}
	for _, ph := range photos {
		if !ph.ReportDate.After(asOf) && !model.DateOf(ph.CreatedAt.In(db.TimeZone())).After(asOf) {
			d.Photos = append(d.Photos, ph)
		}
	}
	idx := indexAlerts(as)
	d.Severity = idx.worst[id]
	d.Status = model.ProjectStatus(pace.ActualStart, pace.ActualFinish, idx.overdue[id])
	d.PaceRule, d.SpendRule = db.PaceLamps().Text(), db.SpendLamps().Text()
	d.Scale = scaleText(p)
	// Who may change the project is its unit's today, as the changes
	// are checked (httpx.ProjectForChange), not its unit as of asOf.
	d.CanEdit = model.MayChange(u, unit) == nil
	d.CanSupervise = slices.Contains(model.Overseers, u.Role)
	d.CanPay = slices.Contains(model.Financiers, u.Role)
	if d.CanPay { // the money forms' sources
		if d.Sources, err = sourceNames(c, db); err != nil {
			return d, err
		}
	}
	d.RaiseForm = raiseForm{ProjectID: id, Back: fmt.Sprintf("/projects/%d#supervisions", id),
		Due: today.AddDays(replyDays).String(), Today: today.String()}
	return d, nil
}

// sourceNames lists the register of funding sources to pick from.
func sourceNames(c *gin.Context, db Store) ([]string, error) {
	srcs, err := db.FundingSources(c.Request.Context())
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.Name
	}
	return names, err
}

// milestoneRows returns the rows of milestones ms (a project's, as known
// on asOf) with their open alerts among as (most serious first), and
// their timeline picture.
func milestoneRows(ms []model.Milestone, as []alerts.Alert, asOf model.Date) ([]milestoneRow, *Gantt) {
	open := map[uint]*alerts.Alert{}
	for i := range as {
		a := &as[i]
		if a.MilestoneID != 0 && open[a.MilestoneID] == nil {
			open[a.MilestoneID] = a
		}
	}
	late := map[uint]int{}
	for _, s := range alerts.SlipHistory(ms) {
		late[s.MilestoneID] = s.SlipDays
	}
	rows := make([]milestoneRow, len(ms))
	for i, m := range ms {
		rows[i] = milestoneRow{M: m, Alert: open[m.ID], LateDays: late[m.ID]}
	}
	return rows, NewGantt(ms, asOf)
}

// scaleText describes a project's size: floor area, land and beds.
func scaleText(p model.Project) string {
	var parts []string
	if p.FloorArea.Valid {
		parts = append(parts, "建筑面积 "+p.FloorArea.Decimal.String()+" 平方米")
	}
	if p.Land.Valid {
		parts = append(parts, "占地 "+p.Land.Decimal.String()+" 亩")
	}
	if p.Beds != nil {
		parts = append(parts, "床位 "+strconv.Itoa(*p.Beds)+" 张")
	}
	return strings.Join(parts, "；")
}

// alertRow is one alert of the alerts page with the project's open 督办
// and the form to raise one.
type alertRow struct {
	Alert            alerts.Alert
	OpenSupervisions int
	Raise            raiseForm
}

type alertsData struct {
	AsOf    string
	Query   alerts.Query
	Options model.FilterOptions
	Counts  []countItem
	Rows    []alertRow
	Pager   pager
	// CanRaise is whether the user may raise a 督办.
	CanRaise bool
	// Bulk raises one 督办 on each project ticked in the list.
	Bulk raiseForm
}

// handleAlertsPage lists one page of the alerts open as of as_of
// (default today), filtered as GET /api/v1/alerts filters them, with
// their counts by severity; a supervisor raises a 督办 from a row.
func handleAlertsPage(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		ctx := c.Request.Context()
		today := db.Today()
		q, err := httpx.AlertQuery(c, today)
		if err != nil {
			return err
		}
		page, err := alerts.PageOf(ctx, db, q, cfg)
		if err != nil {
			return err
		}
		d := alertsData{AsOf: q.AsOf.String(), Query: q}
		if d.Options, err = db.ProjectFilterOptions(ctx, q.AsOf); err != nil {
			return err
		}
		ids := make([]uint, len(page.Items))
		for i, a := range page.Items {
			ids[i] = a.ProjectID
		}
		open, err := db.OpenSupervisionCounts(ctx, ids)
		if err != nil {
			return err
		}
		u := httpx.CurrentUser(c)
		d.CanRaise = slices.Contains(model.Overseers, u.Role)
		csrf := c.GetString(csrfKey)
		back := *c.Request.URL
		values := back.Query()
		values.Del("done")
		back.RawQuery = values.Encode()
		due := today.AddDays(replyDays).String()
		for _, a := range page.Items {
			d.Rows = append(d.Rows, alertRow{Alert: a, OpenSupervisions: open[a.ProjectID], Raise: raiseForm{
				ProjectID: a.ProjectID, CSRF: csrf, Back: back.RequestURI(),
				Reason: alertReason(a), Due: due, Today: today.String(),
			}})
		}
		d.Bulk = raiseForm{ID: "bulk-raise", CSRF: csrf, Back: back.RequestURI(), Due: due, Today: today.String(),
			Reason: "所选项目进度滞后，请说明原因，报送整改措施和完成时限。"}
		for _, sev := range []struct {
			name string
			n    int64
		}{{alerts.Red, page.Counts.Red}, {alerts.Orange, page.Counts.Orange}, {alerts.Yellow, page.Counts.Yellow}} {
			d.Counts = append(d.Counts, countItem{Label: SeverityLabel(sev.name) + "预警", Class: sev.name, N: int(sev.n)})
		}
		d.Pager = newPager(c.Request.URL, page.Total, page.Page, page.PageSize)
		p := newPage(c, "预警督办", "alerts", d)
		p.AsOf = q.AsOf
		return render(c, tpl, http.StatusOK, "alerts", p)
	}
}

// alertReason is the suggested text of a 督办 raised on alert a.
func alertReason(a alerts.Alert) string {
	switch a.Kind {
	case alerts.KindOverdue:
		return fmt.Sprintf("“%s”%s节点计划于 %s 完成，截至目前已逾期 %d 天。请说明原因，报送整改措施和完成时限。",
			a.ProjectName, alerts.MilestoneName(a.Milestone), a.Due, a.SlipDays)
	case alerts.KindForecast:
		return fmt.Sprintf("“%s”%s节点预计 %s 完成，晚于计划（%s）%d 天。请说明原因和赶工措施。",
			a.ProjectName, alerts.MilestoneName(a.Milestone), a.Forecast, a.Due, a.SlipDays)
	}
	return fmt.Sprintf("“%s”已逾期 %d 天未报送进度，请尽快报送。", a.ProjectName, a.SlipDays)
}

// reportLink is one downloadable report.
type reportLink struct {
	Title, Desc, Link string
}

type reportsData struct {
	AsOf    string
	Reports []reportLink
}

// handleReportsPage offers each Excel report for a chosen date.
func handleReportsPage(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		asOf, err := pageAsOf(c, db)
		if err != nil {
			return err
		}
		d := reportsData{AsOf: asOf.String()}
		for _, r := range []struct{ kind, desc string }{
			{reports.KindSpend, "按类别分组的计划投资、累计拨付、拨付率与形象进度对比，含小计、合计和图表。"},
			{reports.KindDelayed, "截至所选日期的全部进度预警，按等级和滞后天数排序，附最新进度和督办情况。"},
			{reports.KindProgress, "按附件格式排列的项目进度表：计划与实际开完工、形象进度和资金拨付。"},
		} {
			d.Reports = append(d.Reports, reportLink{Title: reports.Title(r.kind), Desc: r.desc,
				Link: "/reports/" + r.kind + ".xlsx?as_of=" + asOf.String()})
		}
		p := newPage(c, "报表下载", "reports", d)
		p.AsOf = asOf
		return render(c, tpl, http.StatusOK, "reports", p)
	}
}
