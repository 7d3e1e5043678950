package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

var reReportPhrase = regexp.MustCompile(`(?:截至|截止|截止到|填报日期|填报时间|报告日期)[:：]?(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})`)

// projectRow is the part every tracking row shares: the project it names.
// ok is false when the row names none (an error is recorded for rows that
// hold data; a lone text such as 填报单位：… is passed over).
func (t *table) projectRow(cells []string, n int) (code, name string, ref model.Ref, ok bool) {
	cls, _ := classify(cells)
	if cls != rowData {
		return "", "", model.Ref{}, false
	}
	code, name, col := t.projectKey(cells)
	if code == "" && name == "" {
		if t.hasData(cells) {
			t.failAt(n, col, "该行有数据但缺少项目名称或项目编码")
		}
		return "", "", model.Ref{}, false
	}
	return code, name, t.ref(n, col), true
}

// progressTable reads a monthly progress return (进度月报).
type progressTable struct {
	*table
	noFinish
	reportDate model.Date // from the titles or --report-date
	undated    bool       // the missing date was reported
}

func newProgressTable(t *table) *progressTable {
	p := &progressTable{table: t, reportDate: t.b.opt.ReportDate}
	if m := reReportPhrase.FindStringSubmatch(clean(t.titles)); m != nil {
		if d, ok := parseTextDate(m[1]); ok && d.Precision == model.PrecisionDay {
			p.reportDate = d.Date
		}
	}
	return p
}

func (t *progressTable) row(cells []string, n int) {
	code, name, ref, ok := t.projectRow(cells, n)
	if !ok {
		return
	}
	h := t.h
	r := model.ProgressRow{Ref: ref, ProjectCode: code, ProjectName: name, ReportDate: t.reportDate, Problems: t.text(cells, roleProblems)}
	if c := h.first[roleReportDate]; c != nil {
		if d, ok := t.date(cells, c, n); ok && !d.IsZero() {
			r.ReportDate = d.Date
		}
	}
	if r.ReportDate.IsZero() {
		if !t.undated {
			t.undated = true
			t.failAt(h.row, "", "进度月报缺少填报日期：请加“填报日期”列、在标题写明“截至…年…月…日”，或使用 --report-date")
		}
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
	t.b.out.Set.Progress = append(t.b.out.Set.Progress, r)
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

// ledgerTable reads finance's disbursement ledger (资金拨付台账).
type ledgerTable struct {
	*table
	noFinish
}

func (t *ledgerTable) row(cells []string, n int) {
	code, name, ref, ok := t.projectRow(cells, n)
	if !ok {
		return
	}
	h := t.h
	r := model.PaymentRow{Ref: ref, ProjectCode: code, ProjectName: name, Source: t.text(cells, roleSource), Note: t.text(cells, roleNote)}
	r.Voucher = t.text(cells, roleVoucher)
	if c := h.first[roleVoucher]; c == nil {
		t.noColumn("凭证号")
	} else if r.Voucher == "" {
		t.fail(n, c, "为空，每笔拨付都须填写凭证号")
	} else if prev, dup := t.b.vouchers[r.Voucher]; dup {
		t.fail(n, c, fmt.Sprintf("“%s”与工作表“%s”第%d行重复", r.Voucher, prev.Sheet, prev.Row))
	} else {
		if t.b.vouchers == nil {
			t.b.vouchers = map[string]model.Ref{}
		}
		t.b.vouchers[r.Voucher] = ref
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
	t.b.out.Set.Payments = append(t.b.out.Set.Payments, r)
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
type budgetTable struct {
	*table
	noFinish
}

func (t *budgetTable) row(cells []string, n int) {
	code, name, ref, ok := t.projectRow(cells, n)
	if !ok {
		return
	}
	h := t.h
	r := model.BudgetRow{Ref: ref, ProjectCode: code, ProjectName: name, Source: t.text(cells, roleSource)}
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
	t.b.out.Set.Budgets = append(t.b.out.Set.Budgets, r)
}

// indicatorTable reads an annex-2-style table of yearly targets.
type indicatorTable struct {
	*table
	noFinish
}

func (t *indicatorTable) row(cells []string, n int) {
	if cls, _ := classify(cells); cls != rowData {
		return
	}
	task := t.text(cells, roleTask)
	if task == "" || reGroup.MatchString(clean(task)) && t.emptyTargets(cells) {
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
		t.b.out.Set.Indicators = append(t.b.out.Set.Indicators, model.IndicatorTarget{
			Annex: annex, Task: task, Year: c.year, Target: target,
			ResponsibleUnit: t.text(cells, roleUnit),
			SourceFile:      t.b.name, SourceSheet: t.sheet, SourceRow: n,
		})
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
