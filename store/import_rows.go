package store

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/model"
)

// Rows other than plan rows: indicator targets, and the progress,
// payment and budget rows that name a project.

// ---- indicators ----

func (a *applier) applyIndicators(targets []model.IndicatorTarget) error {
	if len(targets) == 0 {
		return nil
	}
	a.kinds["plan"] = true
	var annexes []int
	rows := make([]pending[model.IndicatorTarget], 0, len(targets))
	for i := range targets {
		t := &targets[i]
		t.Task = strings.TrimSpace(t.Task)
		t.ID = 0
		ref := model.Ref{File: t.SourceFile, Sheet: t.SourceSheet, Row: t.SourceRow}
		if err := t.Validate(); err != nil {
			a.invalid(ref, err)
			continue
		}
		annexes = append(annexes, t.Annex)
		rows = append(rows, pending[model.IndicatorTarget]{ref: ref, row: t})
	}
	var stored []model.IndicatorTarget
	if err := a.tx.Where("annex IN ?", distinct(annexes)).Find(&stored).Error; err != nil {
		return err
	}
	return applyRows(a, &upsert[model.IndicatorTarget]{
		claims: a.indicators,
		key:    func(t *model.IndicatorTarget) string { return fmt.Sprintf("%d|%s|%d", t.Annex, t.Task, t.Year) },
		id:     func(t *model.IndicatorTarget) uint { return t.ID },
		same: func(old, t *model.IndicatorTarget) bool {
			return old.Target == t.Target && old.ResponsibleUnit == t.ResponsibleUnit
		},
		repeated: func(t *model.IndicatorTarget, seeAlso string) string {
			return fmt.Sprintf("指标“%s”%d年在本次导入中重复出现且目标不一致（%s）", t.Task, t.Year, seeAlso)
		},
		names: func(t *model.IndicatorTarget) (uint, uint, string, uint) { return t.ID, 0, "indicator", t.ID },
		update: func(old, t *model.IndicatorTarget, at origin) (bool, error) {
			t.ID = old.ID
			if err := keepRow(a, old, old.ID, 0, "indicator", old.ID); err != nil {
				return false, err
			}
			if err := a.tx.Model(t).Select("target", "responsible_unit", "source_file", "source_sheet", "source_row").Updates(t).Error; err != nil {
				return false, err
			}
			changes := appendChange(nil, "target", old.Target, t.Target)
			at.record = fmt.Sprintf("indicator:%s:%d", t.Task, t.Year)
			a.record(at, 0, "indicator", t.ID, "update", "", appendChange(changes, "responsible_unit", old.ResponsibleUnit, t.ResponsibleUnit)...)
			*old = *t
			return true, nil
		},
	}, stored, rows)
}

// ---- rows that name a project: progress, payments, budgets ----

// resolver finds the project a progress, payment or budget row names:
// by code, else by normalised name in any annex.
type resolver struct {
	byCode map[string]*model.Project
	byName map[string][]*model.Project
}

// loadResolver loads the projects set's progress, payment and budget rows
// name (plan rows of the same import are already stored).
func (a *applier) loadResolver(set *model.ImportSet) (*resolver, error) {
	var codes, keys []string
	want := func(_ model.Ref, code, name string) {
		if c := strings.TrimSpace(code); c != "" {
			codes = append(codes, c)
		}
		if k := model.NormalizeName(name); k != "" {
			keys = append(keys, k)
		}
	}
	eachNamed(set.Progress, progressNames, want)
	eachNamed(set.Payments, paymentNames, want)
	eachNamed(set.Funds, fundNames, want)
	eachNamed(set.Budgets, budgetNames, want)
	var ps []model.Project
	if err := findIn(a.tx, "code", distinct(codes), &ps); err != nil {
		return nil, err
	}
	if err := findIn(a.tx, "name_key", distinct(keys), &ps); err != nil {
		return nil, err
	}
	r := &resolver{byCode: map[string]*model.Project{}, byName: map[string][]*model.Project{}}
	for i := range ps {
		p := &ps[i]
		if r.byCode[p.Code] != nil {
			continue
		}
		r.byCode[p.Code] = p
		r.byName[p.NameKey] = append(r.byName[p.NameKey], p)
	}
	return r, nil
}

// resolve finds the one project a row names. A row with a code names
// the project of that code; if its name names another project, the row
// is an error, never taken to mean either. A name several projects share
// is an error; so is an unknown project when final, and otherwise found
// is false, so that the row waits for the plan rows of later chunks.
func (a *applier) resolve(r *resolver, ref model.Ref, code, name string, final bool) (p *model.Project, found bool) {
	code = strings.TrimSpace(code)
	named := r.byName[model.NormalizeName(name)]
	if p := r.byCode[code]; p != nil {
		if len(named) > 0 && !slices.Contains(named, p) {
			a.fail(ref, ref.ProjectColumn, "项目编码“%s”是“%s”，而项目名称“%s”是另一个项目（%s），请核对编码与名称",
				code, p.Name, strings.TrimSpace(name), codesOf(named))
			return nil, true
		}
		return p, true
	}
	switch {
	case code != "" && !final:
		return nil, false // its project may come with a later chunk
	case len(named) == 1:
		if code != "" {
			a.warn(ref, ref.ProjectColumn, "项目编码“%s”不存在，已按项目名称匹配到“%s”（%s）", code, named[0].Name, named[0].Code)
		}
		return named[0], true
	case len(named) > 1:
		a.fail(ref, ref.ProjectColumn, "项目名称“%s”对应多个项目（%s），请填写项目编码", name, codesOf(named))
		return nil, true
	case !final:
		return nil, false
	}
	label := strings.TrimSpace(name)
	if label == "" {
		label = code
	}
	a.fail(ref, ref.ProjectColumn, "找不到项目“%s”，请先导入任务分解表或核对项目名称", label)
	return nil, true
}

// Accessors of the rows that name a project.
func progressNames(r *model.ProgressRow) (model.Ref, string, string) {
	return r.Ref, r.ProjectCode, r.ProjectName
}

func paymentNames(r *model.PaymentRow) (model.Ref, string, string) {
	return r.Ref, r.ProjectCode, r.ProjectName
}

func fundNames(r *model.FundRow) (model.Ref, string, string) {
	return r.Ref, r.ProjectCode, r.ProjectName
}

func budgetNames(r *model.BudgetRow) (model.Ref, string, string) {
	return r.Ref, r.ProjectCode, r.ProjectName
}

// eachNamed calls fn with the location, code and name of every row.
func eachNamed[T any](rows []T, names func(*T) (model.Ref, string, string), fn func(ref model.Ref, code, name string)) {
	for i := range rows {
		fn(names(&rows[i]))
	}
}

// resolveAll resolves every row; the projects of rows that cannot be
// resolved are nil. Until final, a row whose project is not found is
// appended to held and left out of the rows returned.
func resolveAll[T any](a *applier, r *resolver, rows []T, names func(*T) (model.Ref, string, string), held *[]T, final bool) ([]T, []*model.Project) {
	var kept []T
	var out []*model.Project
	for i := range rows {
		ref, code, name := names(&rows[i])
		p, found := a.resolve(r, ref, code, name, final)
		if !found {
			*held = append(*held, rows[i])
			continue
		}
		kept = append(kept, rows[i])
		out = append(out, p)
		a.name(p)
	}
	return kept, out
}

// projectIDs lists the distinct IDs of ps.
func projectIDs(ps []*model.Project) []uint {
	seen := map[uint]bool{}
	var ids []uint
	for _, p := range ps {
		if p != nil && !seen[p.ID] {
			seen[p.ID] = true
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// ---- progress ----

// authorize checks that the import's user may change the project each
// progress row resolved to.
func (a *applier) authorize(rows []model.ProgressRow, targets []*model.Project) error {
	if a.as == nil {
		return nil
	}
	for i, p := range targets {
		if p == nil || model.MayChange(*a.as, p.ResponsibleUnit) == nil {
			continue
		}
		r := rows[i]
		return model.Errorf(model.EForbidden, "store.ApplyImport", "文件“%s”工作表“%s”第%d行：项目“%s”（%s）由%s负责，不属于本单位（%s），不能导入",
			r.File, r.Sheet, r.Row, p.Name, p.Code, p.ResponsibleUnit, a.as.Unit)
	}
	return nil
}

func (a *applier) applyProgress(rows []model.ProgressRow, r *resolver, final bool) (err error) {
	if len(rows) == 0 {
		return nil
	}
	a.kinds["progress"] = true
	rows, targets := resolveAll(a, r, rows, progressNames, &a.held.Progress, final)
	if err := a.authorize(rows, targets); err != nil {
		return err
	}
	ids := projectIDs(targets)
	if err := a.loadMilestones(ids); err != nil {
		return err
	}
	var ms []*model.Milestone
	for _, id := range ids {
		ms = append(ms, a.milestones[id]...)
	}
	if err := a.loadFacts(ms...); err != nil {
		return err
	}
	// Every report of these projects: those of the rows' dates to match,
	// the later ones to tell an older return from a newer.
	var stored []model.ProgressReport
	if err := findIn(a.tx, "project_id", ids, &stored); err != nil {
		return err
	}
	later := newerReports(stored)
	var pend []pending[model.ProgressReport]
	for i := range rows {
		row, p := &rows[i], targets[i]
		if p == nil {
			continue
		}
		failed := len(a.res.Errors)
		changed, err := a.applyActuals(row, p)
		if err != nil {
			return err
		}
		if len(a.res.Errors) > failed {
			continue
		}
		rep := &model.ProgressReport{
			ProjectID: p.ID, ReportDate: row.ReportDate, KnownOn: row.ReportDate, Percent: row.Percent, InvestmentDone: row.InvestmentDone,
			Problems: strings.TrimSpace(row.Problems), Source: a.actor.Source, CreatedBy: a.actor.User, CreatedAt: a.now,
		}
		later.warn(a, row, p, rep)
		cols := map[string]string{"percent": row.Columns.Percent, "investment_done_wan": row.Columns.InvestmentDone, "problems": row.Columns.Problems}
		pend = append(pend, pending[model.ProgressReport]{ref: row.Ref, cols: cols, touched: changed, row: rep})
	}
	names := make(map[uint]string, len(ids))
	for _, p := range targets {
		if p != nil {
			names[p.ID] = p.Name
		}
	}
	// The projects' signs of life change with their reports and actuals.
	defer func() {
		if err == nil {
			err = refreshActivity(a.tx, ids)
		}
	}()
	return applyRows(a, &upsert[model.ProgressReport]{
		claims: a.reports,
		key:    func(r *model.ProgressReport) string { return reportKey(r.ProjectID, r.ReportDate) },
		id:     func(r *model.ProgressReport) uint { return r.ID },
		same:   sameReport,
		repeated: func(r *model.ProgressReport, seeAlso string) string {
			return fmt.Sprintf("项目“%s”%s的进度在本次导入中重复出现且内容不一致（%s）", names[r.ProjectID], r.ReportDate, seeAlso)
		},
		record: "progress",
		names:  func(r *model.ProgressReport) (uint, uint, string, uint) { return r.ID, r.ProjectID, "progress", r.ID },
		update: func(old, r *model.ProgressReport, at origin) (bool, error) { return true, a.updateReport(at, old, r) },
		created: func(r *model.ProgressReport, at origin) {
			a.record(at, r.ProjectID, "progress", r.ID, "create", "", Change{Field: "report_date", New: r.ReportDate.String()})
			// What the report states, for the preview (the audit row
			// stands for the whole report).
			values := appendChange(nil, "percent", "", decimalText(r.Percent))
			values = appendChange(values, "investment_done_wan", "", moneyText(r.InvestmentDone))
			a.noteChanges(at, r.ProjectID, "create", appendChange(values, "problems", "", r.Problems))
		},
	}, stored, pend)
}

// reportsByProject are stored progress reports by project, in date order.
type reportsByProject map[uint][]*model.ProgressReport

func newerReports(stored []model.ProgressReport) reportsByProject {
	by := reportsByProject{}
	for i := range stored {
		by[stored[i].ProjectID] = append(by[stored[i].ProjectID], &stored[i])
	}
	for _, rs := range by {
		slices.SortFunc(rs, func(a, b *model.ProgressReport) int { return a.ReportDate.Compare(b.ReportDate) })
	}
	return by
}

// warn says, for each value of a row from a return older than the latest
// report of project p that gave that value differently, that the newer
// value stands and the row's is kept as the earlier report's (rep); a
// report stored as it is needs no word.
func (by reportsByProject) warn(a *applier, row *model.ProgressRow, p *model.Project, rep *model.ProgressReport) {
	for _, r := range by[p.ID] {
		if r.ReportDate == rep.ReportDate && sameReport(r, rep) {
			return
		}
	}
	type value struct {
		label, column, given string
		of                   func(*model.ProgressReport) string
	}
	for _, v := range []value{
		{"形象进度", row.Columns.Percent, decimalText(row.Percent), func(r *model.ProgressReport) string { return decimalText(r.Percent) }},
		{"累计完成投资(万元)", row.Columns.InvestmentDone, moneyText(row.InvestmentDone), func(r *model.ProgressReport) string { return moneyText(r.InvestmentDone) }},
		{"存在问题", row.Columns.Problems, strings.TrimSpace(row.Problems), func(r *model.ProgressReport) string { return r.Problems }},
	} {
		if v.given == "" {
			continue
		}
		rs := by[p.ID]
		for i := len(rs) - 1; i >= 0 && rs[i].ReportDate.After(row.ReportDate); i-- {
			if newer := v.of(rs[i]); newer != "" {
				if newer != v.given {
					a.warn(row.Ref, v.column, "本行填报日期 %s 早于 %s 的进度月报，项目“%s”的%s仍为 %s；本行的 %s 记为 %s 的情况",
						row.ReportDate, rs[i].ReportDate, p.Name, v.label, newer, v.given, row.ReportDate)
				}
				break
			}
		}
	}
}

func reportKey(projectID uint, d model.Date) string { return fmt.Sprintf("%d|%s", projectID, d) }

func sameReport(a, b *model.ProgressReport) bool {
	return decimalText(a.Percent) == decimalText(b.Percent) &&
		moneyText(a.InvestmentDone) == moneyText(b.InvestmentDone) &&
		a.Problems == b.Problems
}

// updateReport corrects a stored report with a return's new figures for
// the same date.
func (a *applier) updateReport(at origin, old, rep *model.ProgressReport) error {
	changes := appendChange(nil, "percent", decimalText(old.Percent), decimalText(rep.Percent))
	changes = appendChange(changes, "investment_done_wan", moneyText(old.InvestmentDone), moneyText(rep.InvestmentDone))
	changes = appendChange(changes, "problems", old.Problems, rep.Problems)
	if err := keepRow(a, old, old.ID, old.ProjectID, "progress", old.ID); err != nil {
		return err
	}
	old.Percent, old.InvestmentDone, old.Problems, old.Source = rep.Percent, rep.InvestmentDone, rep.Problems, rep.Source
	if err := a.tx.Model(old).Select("percent", "investment_done", "problems", "source").Updates(old).Error; err != nil {
		return err
	}
	a.record(at, old.ProjectID, "progress", old.ID, "update", "", changes...)
	return nil
}

// startFinish returns the start and finish milestones of p, creating
// them from p's plan dates when p has none (for the row at ref).
func (a *applier) startFinish(p *model.Project, ref model.Ref) (start, finish *model.Milestone, err error) {
	for _, m := range baselineMilestones(p, nil, a.now) {
		if a.milestone(p.ID, m.Kind, m.Name) != nil {
			continue
		}
		if err := a.tx.Create(m).Error; err != nil {
			return nil, nil, err
		}
		if err := createdMilestones(a, []*model.Milestone{m}); err != nil {
			return nil, nil, err
		}
		a.milestones[p.ID] = append(a.milestones[p.ID], m)
		a.recordMilestoneCreated(milestoneAt(ref, "", m), m)
	}
	return a.milestone(p.ID, model.MilestoneStart, ""), a.milestone(p.ID, model.MilestoneFinish, ""), nil
}

// applyActuals checks a progress row and records its actual and forecast
// dates as observations of the project's milestones known on the row's
// report date (see observe).
func (a *applier) applyActuals(row *model.ProgressRow, p *model.Project) (bool, error) {
	if row.ReportDate.IsZero() {
		a.fail(row.Ref, "", "缺少填报日期")
		return false, nil
	}
	// The report's date is by today, and the actuals by the report's.
	if err := cmp.Or(row.Validate(), model.CheckNotAfter("report_date", "填报日期", row.ReportDate, a.today)); err != nil {
		a.invalid(row.Ref, err)
		return false, nil
	}
	start, finish, err := a.startFinish(p, row.Ref)
	if err != nil {
		return false, err
	}
	if err := a.loadFacts(start, finish); err != nil {
		return false, err
	}
	obs := []observation{
		{start, model.FactActual, row.ActualStart, "实际开工时间", row.Columns.ActualStart},
		{finish, model.FactActual, row.ActualFinish, "实际完工时间", row.Columns.ActualFinish},
		{finish, model.FactForecast, row.Forecast, "预计完工时间", row.Columns.Forecast},
	}
	ok := true
	for _, o := range obs[:2] {
		if o.value.After(row.ReportDate) {
			a.fail(row.Ref, o.column, "%s %s 晚于填报日期 %s", o.label, o.value, row.ReportDate)
			ok = false
		}
	}
	actualStart, actualFinish := start.Actual, finish.Actual
	if !row.ActualStart.IsZero() {
		actualStart = row.ActualStart
	}
	if !row.ActualFinish.IsZero() {
		actualFinish = row.ActualFinish
	}
	if ok && !actualStart.IsZero() && !actualFinish.IsZero() && actualFinish.Before(actualStart) {
		a.fail(row.Ref, row.Columns.ActualFinish, "实际完工时间 %s 早于实际开工时间 %s", actualFinish, actualStart)
		ok = false
	}
	if !ok {
		return false, nil
	}
	changed := false
	for _, o := range obs {
		if o.value.IsZero() {
			continue
		}
		c, err := a.observe(o, row.ReportDate, row.Ref, p.Name)
		if err != nil {
			return false, err
		}
		changed = changed || c
	}
	return changed, nil
}

// loadFacts loads the observations of milestones not loaded in this
// chunk.
func (a *applier) loadFacts(ms ...*model.Milestone) error {
	var ids []uint
	for _, m := range ms {
		k := factKey{m.ID, model.FactActual}
		if _, ok := a.facts[k]; !ok {
			a.facts[k] = nil
			a.facts[factKey{m.ID, model.FactForecast}] = nil
			ids = append(ids, m.ID)
		}
	}
	return loadFacts(a.tx, a.facts, ids)
}

// ---- payments ----

func (a *applier) applyPayments(rows []model.PaymentRow, r *resolver, final bool) error {
	if len(rows) == 0 {
		return nil
	}
	a.kinds["ledger"] = true
	rows, targets := resolveAll(a, r, rows, paymentNames, &a.held.Payments, final)
	reg, err := a.fundingSources()
	if err != nil {
		return err
	}
	var vouchers []string
	var pend []pending[model.Disbursement]
	for i := range rows {
		row, p := &rows[i], targets[i]
		voucher := strings.TrimSpace(row.Voucher)
		switch {
		case voucher == "":
			a.fail(row.Ref, "", "缺少凭证号")
			continue
		case row.Date.IsZero():
			a.fail(row.Ref, "", "缺少拨付日期")
			continue
		case row.Validate() != nil:
			a.invalid(row.Ref, row.Validate())
			continue
		case p == nil:
			continue
		}
		if err := model.CheckNotAfter("date", "拨付日期", row.Date, a.today); err != nil {
			a.invalid(row.Ref, err)
			continue
		}
		if err := reg.check("", strings.TrimSpace(row.Source), true); err != nil {
			a.fail(row.Ref, "", "%s", model.Message(err))
			continue
		}
		vouchers = append(vouchers, voucher)
		pend = append(pend, pending[model.Disbursement]{ref: row.Ref, row: &model.Disbursement{
			ProjectID: p.ID, Date: row.Date, Source: strings.TrimSpace(row.Source), Amount: row.Amount,
			Voucher: voucher, Note: strings.TrimSpace(row.Note), KnownOn: a.today, CreatedBy: a.actor.User, CreatedAt: a.now, UpdatedAt: a.now,
		}})
	}
	var stored []model.Disbursement
	if err := findIn(a.tx, "voucher", distinct(vouchers), &stored); err != nil {
		return err
	}
	return applyRows(a, &upsert[model.Disbursement]{
		claims: a.payments,
		key:    func(d *model.Disbursement) string { return d.Voucher },
		id:     func(d *model.Disbursement) uint { return d.ID },
		same: func(old, d *model.Disbursement) bool {
			return old.ProjectID == d.ProjectID && old.Date == d.Date && old.Source == d.Source && old.Amount == d.Amount
		},
		strict: true,
		repeated: func(d *model.Disbursement, seeAlso string) string {
			return fmt.Sprintf("凭证号“%s”在本次导入中重复出现（%s）", d.Voucher, seeAlso)
		},
		record: "payment",
		names:  func(d *model.Disbursement) (uint, uint, string, uint) { return d.ID, d.ProjectID, "payment", d.ID },
		update: func(old, d *model.Disbursement, at origin) (bool, error) {
			a.fail(at.ref, "", "凭证号“%s”已登记为另一笔拨付（%s，%s万元，%s），与本行不一致；如需更正请由财务在系统中修改",
				d.Voucher, old.Date, old.Amount.WanString(), old.Source)
			return false, nil
		},
		created: func(d *model.Disbursement, at origin) {
			a.record(at, d.ProjectID, "payment", d.ID, "create", "", Change{Field: "amount_wan", New: d.Amount.WanString()})
		},
	}, stored, pend)
}

// ---- allocations and receipts ----

// fundKey is an allocation's or receipt's identity in a ledger: its
// kind, project, source, date and 文号 (an allocation is one document's
// amount for a project and source; a receipt one arrival). A re-imported
// row with the same identity and amount changes nothing.
func fundKey(f *model.Fund) string {
	return strings.Join([]string{f.Kind, strconv.FormatUint(uint64(f.ProjectID), 10), f.Source, f.Date.String(), f.DocNo}, "\x00")
}

func (a *applier) applyFunds(rows []model.FundRow, r *resolver, final bool) error {
	if len(rows) == 0 {
		return nil
	}
	a.kinds["ledger"] = true
	rows, targets := resolveAll(a, r, rows, fundNames, &a.held.Funds, final)
	reg, err := a.fundingSources()
	if err != nil {
		return err
	}
	var stored []model.Fund
	if err := findIn(a.tx, "project_id", projectIDs(targets), &stored); err != nil {
		return err
	}
	var pend []pending[model.Fund]
	names := map[uint]string{}
	for i := range rows {
		row, p := &rows[i], targets[i]
		if p == nil {
			continue
		}
		if err := cmp.Or(row.Validate(), model.CheckNotAfter("date", model.FundKindName(row.Kind)+"日期", row.Date, a.today)); err != nil {
			a.invalid(row.Ref, err)
			continue
		}
		source := strings.TrimSpace(row.Source)
		if err := reg.check("", source, false); err != nil {
			a.fail(row.Ref, "", "%s", model.Message(err))
			continue
		}
		names[p.ID] = p.Name
		pend = append(pend, pending[model.Fund]{ref: row.Ref, row: &model.Fund{
			Kind: row.Kind, ProjectID: p.ID, Source: source, Amount: row.Amount, Date: row.Date,
			DocNo: strings.TrimSpace(row.DocNo), Note: strings.TrimSpace(row.Note), Version: 1, KnownOn: a.today,
			CreatedBy: a.actor.User, CreatedAt: a.now, UpdatedAt: a.now,
		}})
	}
	describe := func(f *model.Fund) string {
		s := fmt.Sprintf("项目“%s”%s日期 %s 的“%s”%s资金", names[f.ProjectID], model.FundKindName(f.Kind), f.Date, f.Source, model.FundKindName(f.Kind))
		if f.DocNo != "" {
			s += "（" + f.DocNo + "）"
		}
		return s
	}
	return applyRows(a, &upsert[model.Fund]{
		claims: a.funds,
		key:    fundKey,
		id:     func(f *model.Fund) uint { return f.ID },
		same:   func(old, f *model.Fund) bool { return old.Amount == f.Amount },
		strict: true,
		repeated: func(f *model.Fund, seeAlso string) string {
			return fmt.Sprintf("%s在本次导入中重复出现（%s）", describe(f), seeAlso)
		},
		record: "fund",
		names:  func(f *model.Fund) (uint, uint, string, uint) { return f.ID, f.ProjectID, f.Kind, f.ID },
		update: func(old, f *model.Fund, at origin) (bool, error) {
			a.fail(at.ref, "", "%s已登记为 %s 万元，与本行的 %s 万元不一致；如需更正请由财务在系统中修改", describe(f), old.Amount.WanString(), f.Amount.WanString())
			return false, nil
		},
		created: func(f *model.Fund, at origin) {
			a.record(at, f.ProjectID, f.Kind, f.ID, "create", "", fundChanges(model.Fund{}, *f)...)
		},
	}, stored, pend)
}

// ---- budgets ----

func (a *applier) applyBudgets(rows []model.BudgetRow, r *resolver, final bool) error {
	if len(rows) == 0 {
		return nil
	}
	a.kinds["budget"] = true
	rows, targets := resolveAll(a, r, rows, budgetNames, &a.held.Budgets, final)
	var stored []model.BudgetLine
	if err := findIn(a.tx, "project_id", projectIDs(targets), &stored); err != nil {
		return err
	}
	reg, err := a.fundingSources()
	if err != nil {
		return err
	}
	var pend []pending[model.BudgetLine]
	names := map[uint]string{}
	changed := map[uint]bool{} // projects whose breakdown changes
	for i := range rows {
		row, p := &rows[i], targets[i]
		if p == nil {
			continue
		}
		if err := row.Validate(); err != nil {
			a.invalid(row.Ref, err)
			continue
		}
		if err := reg.check("", strings.TrimSpace(row.Source), false); err != nil {
			a.fail(row.Ref, "", "%s", model.Message(err))
			continue
		}
		names[p.ID] = p.Name
		pend = append(pend, pending[model.BudgetLine]{ref: row.Ref, row: &model.BudgetLine{ProjectID: p.ID, Year: row.Year, Source: strings.TrimSpace(row.Source), Amount: row.Amount, KnownOn: a.today}})
	}
	err = applyRows(a, &upsert[model.BudgetLine]{
		claims: a.budgets,
		key: func(b *model.BudgetLine) string {
			return strconv.FormatUint(uint64(b.ProjectID), 10) + "\x00" + budgetKey(b.Year, b.Source)
		},
		id:   func(b *model.BudgetLine) uint { return b.ID },
		same: func(old, b *model.BudgetLine) bool { return old.Amount == b.Amount },
		repeated: func(b *model.BudgetLine, seeAlso string) string {
			return fmt.Sprintf("项目“%s”%d年“%s”的计划金额在本次导入中重复出现且不一致（%s）", names[b.ProjectID], b.Year, b.Source, seeAlso)
		},
		names: func(b *model.BudgetLine) (uint, uint, string, uint) { return b.ID, b.ProjectID, "budget", b.ID },
		update: func(old, b *model.BudgetLine, at origin) (bool, error) {
			changed[b.ProjectID] = true
			if err := keepRow(a, old, old.ID, old.ProjectID, "budget", old.ID); err != nil {
				return false, err
			}
			a.record(at, b.ProjectID, "budget", old.ID, "update", "", Change{Field: budgetField(*b), Old: old.Amount.WanString(), New: b.Amount.WanString()})
			if err := keepMoney(a.tx, a.today, old, b); err != nil {
				return false, err
			}
			// Update sets old.Amount too.
			return true, a.tx.Model(old).Update("amount", b.Amount).Error
		},
		created: func(b *model.BudgetLine, at origin) {
			changed[b.ProjectID] = true
			a.record(at, b.ProjectID, "budget", b.ID, "create", "", Change{Field: budgetField(*b), New: b.Amount.WanString()})
		},
	}, stored, pend)
	if err != nil {
		return err
	}
	// An imported change raises the breakdown's version, so that an
	// editor holding the old one gets a conflict.
	for id := range changed {
		if err := bumpBudget(a.tx, "store.ApplyImport", id, anyVersion); err != nil {
			return err
		}
	}
	return nil
}
