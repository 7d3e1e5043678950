package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

// reReportPhrase finds a return's date in its titles: 截至2019年6月30日,
// 截止日期：2019-06-30, 填报日期：2019.7.2, or a month's end (截至2019年6月底).
var reReportPhrase = regexp.MustCompile(`(?:截至|截止|填报|报告|统计)(?:到|日期|时间)?[:：]?(\d{4}年\d{1,2}月(?:\d{1,2}日|底|末)?|\d{4}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?)`)

// trackingRow is the part every tracking table's row shares: it passes
// over rows that name no project (an error is recorded for those that
// hold data; a lone text such as 填报单位：… is passed over), opens group
// rows (一、养老服务设施, with or without subtotals), and hands rows that
// name a project to r.
func (t *table) trackingRow(r recorder, cells []string, n int) {
	if cls, _ := classify(cells); cls != rowData {
		return
	}
	cells, k, g := t.read(cells, n)
	switch {
	case g != nil:
		t.openGroup(r, g, cells, n, k.figured)
	case k.code == "" && k.name == "":
		if k.figured {
			t.failAt(n, k.col, "该行有数据但缺少项目名称或项目编码")
		}
	default:
		t.take(r, cells, n, k)
	}
}

// progressTable reads a monthly progress return (进度月报).
type progressTable struct {
	*table
	reportDate model.Date   // from the titles, a line below the table, or --report-date
	waiting    []waitingRow // rows waiting for a date a line below the table may give
}

// waitingRow is a row of a progress return read before its date is known.
type waitingRow struct {
	cells []string
	n     int
	k     rowKey
}

// reportDateIn finds a return's date in a line of text (titles, or a
// 填报日期：… line below the table).
func reportDateIn(text string) (model.Date, bool) {
	if m := reReportPhrase.FindStringSubmatch(clean(text)); m != nil {
		if d, ok := parseTextDate(m[1]); ok && d.Precision != model.PrecisionYear {
			return d.Date, true // a month's last day for 截至2019年6月底
		}
	}
	return model.Date{}, false
}

// newProgressTable reads a progress return, where a plain 开工时间 or
// 完工时间 (not 计划…) is the actual one, and a bare 日期 the return's.
func newProgressTable(t *table) *progressTable {
	actual := func(h string) bool { return !strings.Contains(h, "计划") }
	t.h.adopt(roleActualStart, roleStart, actual)
	t.h.adopt(roleActualFinish, roleFinish, actual)
	t.h.adopt(roleReportDate, roleDate, nil)
	p := &progressTable{table: t, reportDate: t.b.opt.ReportDate}
	if d, ok := reportDateIn(t.titles); ok {
		p.reportDate = d
	}
	return p
}

// finish reads the rows waiting for a date: with the one a line below
// the table gave, or, when none did, reporting that the return has none.
func (t *progressTable) finish() {
	t.closeGroups(0, t)
	if len(t.waiting) > 0 && t.reportDate.IsZero() {
		t.failAt(t.h.row, "", "进度月报缺少填报日期：请加“填报日期”列、在标题写明“截至…年…月…日”，或使用 --report-date")
	}
	for _, r := range t.waiting {
		t.write(r.cells, r.n, r.k)
	}
	t.waiting = nil
}

func (t *progressTable) row(cells []string, n int) {
	if cls, _ := classify(cells); cls == rowSkip && t.reportDate.IsZero() {
		if d, ok := reportDateIn(strings.Join(cells, "")); ok {
			t.reportDate = d // 填报日期：2019年7月3日 below the table
		}
	}
	t.trackingRow(t, cells, n)
}

// record reads a row now, or keeps it waiting while the return's date is
// unknown.
func (t *progressTable) record(cells []string, n int, k rowKey) {
	if t.reportDate.IsZero() && isUnknown(clean(t.cell(cells, roleReportDate))) {
		t.waiting = append(t.waiting, waitingRow{cells: cells, n: n, k: k})
		return
	}
	t.write(cells, n, k)
}

func (t *progressTable) write(cells []string, n int, k rowKey) {
	h := t.h
	before := t.b.out.ErrorCount
	r := model.ProgressRow{Ref: t.ref(n, k.col), ProjectCode: k.code, ProjectName: k.name, ReportDate: t.reportDate, Problems: t.text(cells, roleProblems)}
	if c := h.first[roleReportDate]; c != nil {
		if d, ok := t.date(cells, c, n); ok && !d.IsZero() {
			r.ReportDate = d.Date
		}
	}
	letter := func(r role) string {
		if c := h.first[r]; c != nil {
			return c.letter
		}
		return ""
	}
	r.Columns = model.ProgressColumns{
		ActualStart: letter(roleActualStart), ActualFinish: letter(roleActualFinish), Forecast: letter(roleForecast),
		Percent: letter(rolePercent), InvestmentDone: letter(roleInvestDone), Problems: letter(roleProblems),
	}
	var start, finish model.PlanDate
	if c := h.first[roleActualStart]; c != nil {
		start, _ = t.actual(cells, c, n, r.ReportDate)
		r.ActualStart = start.Date
	}
	if c := h.first[roleActualFinish]; c != nil {
		finish, _ = t.actual(cells, c, n, r.ReportDate)
		r.ActualFinish = finish.Date
		if !start.IsZero() && !finish.IsZero() && model.PlanOrderWrong(start, finish) {
			t.fail(n, c, fmt.Sprintf("（%s）早于实际开工时间（%s）", finish, start))
		}
	}
	if c := h.first[roleForecast]; c != nil {
		if d, ok := t.date(cells, c, n); ok {
			r.Forecast = d.Date
		}
	}
	if c := h.first[rolePercent]; c != nil {
		r.Percent = t.percent(cells, c, n)
	}
	if c := h.first[roleInvestDone]; c != nil {
		r.InvestmentDone, _ = t.money(cells, c, n)
	}
	t.validate(n, before, r.Validate())
	t.b.set.Progress = append(t.b.set.Progress, r)
}

// actual reads an actual date, which cannot lie after the report date. A
// month- or year-precision actual date means "some day in that period": it
// is kept as the period's last day, or the report date if that is earlier.
func (t *progressTable) actual(cells []string, c *column, n int, report model.Date) (model.PlanDate, bool) {
	d, ok := t.date(cells, c, n)
	if !ok || d.IsZero() || report.IsZero() {
		return d, ok
	}
	if model.PlanOrderWrong(d, model.DayPlan(report)) {
		t.fail(n, c, fmt.Sprintf("（%s）晚于填报日期（%s），实际日期不能在将来", d, report))
		return model.PlanDate{}, false
	}
	if d.Date.After(report) {
		d.Date = report
	}
	return d, true
}

// percent reads 形象进度: "45%", 45, or 0.45 from a percent-formatted cell.
func (t *progressTable) percent(cells []string, c *column, n int) decimal.NullDecimal {
	raw := cellOf(cells, c)
	s := clean(raw)
	d, ok, verr := parseNumber(s)
	if verr != "" {
		t.fail(n, c, fmt.Sprintf("的值“%s”%s", strings.TrimSpace(raw), verr))
		return decimal.NullDecimal{}
	}
	if !ok {
		return decimal.NullDecimal{}
	}
	if !strings.HasSuffix(s, "%") && d.LessThanOrEqual(decimal.NewFromInt(1)) && d.IsPositive() && strings.Contains(t.numFmt(c, n), "%") {
		d = d.Shift(2)
	}
	if d.GreaterThan(decimal.NewFromInt(100)) {
		t.fail(n, c, fmt.Sprintf("的值“%s”超出 0–100%%", strings.TrimSpace(raw)))
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(d)
}

// ledgerTable reads finance's ledger: its disbursements (资金拨付台账,
// one per row with a 凭证号) and its allocations (下达) and receipts
// (到位), from the columns that say so (下达金额, 下达日期, 文号, 到位金额,
// 到位日期), or, on a sheet whose name says 下达 or 到位, from its plain
// 金额 and 日期 columns. A row may hold a payment, an allocation and a
// receipt at once; a sheet with no payment columns holds funds only.
type ledgerTable struct {
	*table
	payments bool
	funds    []fundColumns
}

// fundColumns are the columns of one kind of fund in a ledger.
type fundColumns struct {
	kind         string // model.FundAllocated or model.FundReceived
	amount, date *column
}

func newLedgerTable(t *table) *ledgerTable {
	h := t.h
	l := &ledgerTable{table: t, payments: h.has(roleVoucher) || h.has(rolePayAmount) || h.has(rolePayDate)}
	sheetKind := fundKindOfSheet(t.sheet)
	for _, f := range []struct {
		kind         string
		amount, date role
	}{{model.FundAllocated, roleAllocAmount, roleAllocDate}, {model.FundReceived, roleReceiptAmount, roleReceiptDate}} {
		fc := fundColumns{kind: f.kind, amount: h.first[f.amount], date: h.first[f.date]}
		if sheetKind == f.kind && !l.payments {
			// 资金下达 with 金额 and 日期 columns.
			if fc.amount == nil {
				fc.amount = h.first[roleInvestment]
			}
			if fc.date == nil {
				fc.date = h.first[roleDate]
			}
		}
		if fc.amount != nil {
			l.funds = append(l.funds, fc)
		}
	}
	if len(l.funds) == 1 && l.funds[0].date == nil && !l.payments {
		l.funds[0].date = h.first[roleDate] // the one kind's bare 日期
	}
	if l.payments {
		h.adopt(rolePayDate, roleDate, nil) // 日期 beside 凭证号
	}
	return l
}

// fundKindOfSheet is the fund kind a sheet's name says (资金下达,
// 到位情况), "" when it says neither or both.
func fundKindOfSheet(sheet string) string {
	alloc, recv := strings.Contains(sheet, "下达"), strings.Contains(sheet, "到位")
	switch {
	case alloc && !recv:
		return model.FundAllocated
	case recv && !alloc:
		return model.FundReceived
	}
	return ""
}

func (t *ledgerTable) row(cells []string, n int) { t.trackingRow(t, cells, n) }
func (t *ledgerTable) finish()                   { t.closeGroups(0, t) }

func (t *ledgerTable) record(cells []string, n int, k rowKey) {
	funds := t.recordFunds(cells, n, k)
	if !t.payments {
		if funds == 0 {
			t.failAt(n, t.funds[0].amount.letter, "该行没有下达或到位金额")
		}
		return
	}
	if funds > 0 && t.empty(cells, rolePayAmount) && t.empty(cells, roleVoucher) {
		return // an allocation or receipt only
	}
	h := t.h
	before := t.b.out.ErrorCount
	r := model.PaymentRow{Ref: t.ref(n, k.col), ProjectCode: k.code, ProjectName: k.name, Source: t.text(cells, roleSource), Note: t.text(cells, roleNote)}
	r.Voucher = clean(t.cell(cells, roleVoucher)) // 记－2019－0012 and 记-2019-0012 are one voucher
	if c := h.first[roleVoucher]; c == nil {
		t.noColumn("凭证号")
	} else if r.Voucher == "" {
		t.fail(n, c, "为空，每笔拨付都须填写凭证号")
	}
	if c := h.first[rolePayDate]; c == nil {
		t.noColumn("拨付日期")
	} else if d, ok := t.date(cells, c, n); ok {
		if d.IsZero() {
			t.fail(n, c, "为空")
		}
		r.Date = d.Date
	}
	r.Amount = t.required(cells, rolePayAmount, n, "拨付金额")
	t.validate(n, before, r.Validate())
	t.b.set.Payments = append(t.b.set.Payments, r)
}

// empty says whether column r is absent from the table or blank in cells.
func (t *ledgerTable) empty(cells []string, r role) bool {
	return isUnknown(clean(t.cell(cells, r)))
}

// recordFunds reads the allocation and the receipt row n holds (each
// where its amount cell is not blank) and returns how many it read,
// with their findings at their own cells.
func (t *ledgerTable) recordFunds(cells []string, n int, k rowKey) int {
	read := 0
	for _, fc := range t.funds {
		if isUnknown(clean(cellOf(cells, fc.amount))) {
			continue
		}
		read++
		what := model.FundKindName(fc.kind)
		before := t.b.out.ErrorCount
		r := model.FundRow{Ref: t.ref(n, k.col), ProjectCode: k.code, ProjectName: k.name, Kind: fc.kind,
			Source: t.text(cells, roleSource), Note: t.text(cells, roleNote)}
		if m, ok := t.money(cells, fc.amount, n); ok && m != nil {
			if *m <= 0 {
				t.fail(n, fc.amount, "必须大于零")
			}
			r.Amount = *m
		}
		if fc.date == nil {
			t.noColumn(what + "日期")
		} else if d, ok := t.date(cells, fc.date, n); ok {
			if d.IsZero() {
				t.fail(n, fc.date, "为空")
			}
			r.Date = d.Date
		}
		if fc.kind == model.FundAllocated {
			r.DocNo = t.text(cells, roleDocNo)
			if c := t.h.first[roleDocNo]; c == nil {
				t.noColumn("文号")
			} else if r.DocNo == "" {
				t.fail(n, c, "为空，下达资金须填写文号")
			}
		}
		if t.b.out.ErrorCount == before {
			if err := r.Validate(); err != nil {
				col := t.fieldColumn(model.FieldOf(err))
				switch model.FieldOf(err) {
				case "amount_wan":
					col = fc.amount.letter
				case "date":
					col = fc.date.letter
				}
				t.failAt(n, col, model.Message(err))
			}
		}
		t.b.set.Funds = append(t.b.set.Funds, r)
	}
	return read
}

// required reads an amount that must be given, from the column of role r
// or else a general amount column (投资, 资金); what names the column in
// the message when there is none.
func (t *table) required(cells []string, r role, n int, what string) model.Money {
	c := t.h.first[r]
	if c == nil {
		c = t.h.first[roleInvestment]
	}
	if c == nil {
		t.noColumn(what)
		return 0
	}
	m, ok := t.money(cells, c, n)
	if ok && m == nil {
		t.fail(n, c, "为空")
	}
	if m == nil {
		return 0
	}
	return *m
}

// budgetTable reads planned amounts by year and funding source.
type budgetTable struct{ *table }

func newBudgetTable(t *table) *budgetTable { return &budgetTable{table: t} }

func (t *budgetTable) row(cells []string, n int) { t.trackingRow(t, cells, n) }
func (t *budgetTable) finish()                   { t.closeGroups(0, t) }

func (t *budgetTable) record(cells []string, n int, k rowKey) {
	h := t.h
	before := t.b.out.ErrorCount
	r := model.BudgetRow{Ref: t.ref(n, k.col), ProjectCode: k.code, ProjectName: k.name, Source: t.text(cells, roleSource)}
	if c := h.first[roleYear]; c == nil {
		t.noColumn("年度")
	} else {
		raw := clean(cellOf(cells, c))
		y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(raw, "年度"), "年"))
		if err != nil || y < 1900 || y > 2200 {
			t.fail(n, c, fmt.Sprintf("的值“%s”不是年份", raw))
		}
		r.Year = y
	}
	r.Amount = t.required(cells, roleBudgetAmount, n, "计划金额")
	t.validate(n, before, r.Validate())
	t.b.set.Budgets = append(t.b.set.Budgets, r)
}

// indicatorTable reads an annex-2-style table of yearly targets.
type indicatorTable struct{ *table }

func (t *indicatorTable) finish() {}

func (t *indicatorTable) row(cells []string, n int) {
	if cls, _ := classify(cells); cls != rowData {
		return
	}
	cells = t.fill(cells, n)
	task := t.text(cells, roleTask)
	if _, _, group := groupOf(task); task == "" || group && t.emptyTargets(cells) {
		return
	}
	annex := t.annex
	if annex == 0 {
		annex = model.AnnexCommunity
	}
	for _, c := range t.h.years {
		target := strings.TrimSpace(cellOf(cells, c))
		if isUnknown(clean(target)) {
			continue
		}
		if d, ok, _ := parseNumber(target); ok && !strings.Contains(target, "%") && strings.Contains(t.numFmt(c, n), "%") {
			target = d.Shift(2).String() + "%"
		}
		it := model.IndicatorTarget{
			Annex: annex, Task: task, Year: c.year, Target: target,
			ResponsibleUnit: t.text(cells, roleUnit),
			SourceFile:      t.b.name, SourceSheet: t.sheet, SourceRow: n,
		}
		if err := it.Validate(); err != nil {
			col := t.fieldColumn(model.FieldOf(err)) // the task's or unit's
			if col == "" {
				col = c.letter // the year's target
			}
			t.failAt(n, col, model.Message(err))
		}
		t.b.set.Indicators = append(t.b.set.Indicators, it)
	}
}

func (t *indicatorTable) emptyTargets(cells []string) bool {
	for _, c := range t.h.years {
		if !isUnknown(clean(cellOf(cells, c))) {
			return false
		}
	}
	return true
}
