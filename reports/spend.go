package reports

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// Sheet names of the spend report.
const (
	SpendSheet   = "资金使用进度表"
	SummarySheet = "分类汇总"
)

// Columns of the spend sheet (from 1); funding sources follow spendFixed.
const (
	spendPlan     = 5 // E 计划投资
	spendSpent    = 6 // F 累计拨付
	spendRate     = 7 // G 拨付率
	spendProgress = 8 // H 形象进度
	spendGap      = 9 // I 进度差
	spendFixed    = 9
)

// lagPoints is how far (as a fraction) the spend rate may trail or lead
// physical progress before the row is highlighted.
const lagPoints = "0.2"

// uncategorised names the group of projects without a category.
const uncategorised = "未分类"

// spendGroup is a run of data.Projects of one category.
type spendGroup struct {
	name        string
	from, to    int // data.Projects[from:to]
	subtotalAt  int // sheet row of the group's subtotal
	plan, spent model.Money
}

// groups splits ps, sorted by category, into runs of one category.
func groups(ps []model.ProjectFacts) []spendGroup {
	var out []spendGroup
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].Project.Category == ps[i].Project.Category {
			j++
		}
		name := ps[i].Project.Category
		if name == "" {
			name = uncategorised
		}
		out = append(out, spendGroup{name: name, from: i, to: j})
		i = j
	}
	return out
}

// Spend writes 资金使用进度表, spend against plan as of data.AsOf: one row
// per project grouped by category (data.Projects must be in category
// order, as model.ReportData returns them), each group closed by a
// subtotal row (SUBTOTAL(9, …)) and the table by a grand total (the sum
// of the subtotals), all live formulas; the spend rate and its gap to
// physical progress are formulas too. Rows where spend lags progress by
// more than 20 points are filled red, rows where it runs ahead amber. A
// second sheet sums the groups (formulas into the first) and charts plan
// against spend.
func Spend(w io.Writer, data model.ReportData) error {
	return write(w, "reports.Spend", func(f *excelize.File, st *styles) error { return writeSpend(f, st, data) })
}

func writeSpend(f *excelize.File, st *styles, data model.ReportData) error {
	if err := f.SetSheetName("Sheet1", SpendSheet); err != nil {
		return err
	}
	gs := groups(data.Projects)
	cols := []column{
		{"序号", 6}, {"项目编号", 17}, {"项目名称", 30}, {"责任单位", 18},
		{"计划投资\n（万元）", 14}, {"累计拨付\n（万元）", 14}, {"拨付率", 9}, {"形象进度\n（%）", 9}, {"进度差", 9},
	}
	for _, s := range data.Sources {
		name := s
		if name == "" {
			name = "未注明来源"
		}
		cols = append(cols, column{Inert(name) + "\n（万元）", 14})
	}
	fr := frame{sheet: SpendSheet, title: "资金使用进度表", imprint: imprintOf(data), unit: true, columns: cols,
		rows: len(data.Projects) + len(gs), freezeCols: 3}
	t, err := fr.open(f, st)
	if err != nil {
		return err
	}
	first := t.row
	last := first + fr.rows // the grand total's row, outside the filter
	lastCol := colName(len(cols))
	rule := func(cond string, style int) excelize.ConditionalFormatOptions {
		return excelize.ConditionalFormatOptions{Type: "formula", Criteria: fmt.Sprintf(cond, first), Format: &style}
	}
	err = f.SetConditionalFormat(SpendSheet, fmt.Sprintf("A%d:%s%d", first, lastCol, last-1), []excelize.ConditionalFormatOptions{
		rule("AND(ISNUMBER($I%d),$I%[1]d<-"+lagPoints+")", st.lagFill),
		rule("AND(ISNUMBER($I%d),$I%[1]d>"+lagPoints+")", st.aheadFill),
	})
	if err != nil {
		return err
	}

	seq := 0
	// sums[i] is the sum of column sumColumns(…)[i] over the group, grand
	// over the table, for the total rows' values.
	sumCols := sumColumns(len(cols))
	grand := make([]model.Money, len(sumCols))
	values := make([]any, len(cols))
	for gi := range gs {
		g := &gs[gi]
		top := t.row
		sums := make([]model.Money, len(sumCols))
		for _, p := range data.Projects[g.from:g.to] {
			seq++
			row := t.row
			clear(values)
			values[0] = excelize.Cell{StyleID: st.center, Value: seq}
			values[1] = text(st.text, p.Project.Code)
			values[2] = text(st.text, p.Project.Name)
			values[3] = text(st.text, p.Project.ResponsibleUnit)
			values[spendPlan-1] = excelize.Cell{StyleID: st.wan}
			plan := 0.0
			if p.PlanKnown {
				values[spendPlan-1] = wan(st.wan, p.Plan)
				plan = wanValue(p.Plan)
			}
			values[spendSpent-1] = wan(st.wan, p.Spent)
			rate := ratio(wanValue(p.Spent), plan)
			values[spendRate-1] = rateFormula(st.pct, row, rate)
			values[spendProgress-1] = percent(st.pct, p.Progress)
			var gap any = ""
			if r, ok := rate.(float64); ok && p.Progress.Valid {
				gap = r - pctValue(p.Progress.Decimal)
			}
			values[spendGap-1] = formula(st.pct, fmt.Sprintf(`IF(OR(G%d="",H%[1]d=""),"",G%[1]d-H%[1]d)`, row), gap)
			for i, s := range data.Sources {
				values[spendFixed+i] = excelize.Cell{StyleID: st.wan}
				if m, ok := p.SpentBySource[s]; ok {
					values[spendFixed+i] = wan(st.wan, m)
				}
			}
			for i, col := range sumCols {
				if c := values[col-1].(excelize.Cell); c.Value != nil {
					sums[i] = sums[i].Add(spendAmount(p, data.Sources, col))
				}
			}
			if err := t.add(values); err != nil {
				return err
			}
		}
		g.subtotalAt, g.plan, g.spent = t.row, sums[0], sums[1]
		total := totalRow(st, len(cols), t.row, g.name, sums[1], sums[0])
		for i, col := range sumCols {
			total[col-1] = subtotal(st.totalWan, col, top, t.row-1, sums[i])
			grand[i] = grand[i].Add(sums[i])
		}
		if err := t.add(total); err != nil {
			return err
		}
	}
	total := totalRow(st, len(cols), t.row, "", grand[1], grand[0])
	for i, col := range sumCols {
		total[col-1] = grandTotal(st.totalWan, col, first, t.row-1, len(gs), grand[i])
	}
	if err := t.add(total); err != nil {
		return err
	}
	if err := t.flush(); err != nil {
		return err
	}
	if err := writeSummary(f, st, imprintOf(data), gs, last, grand[0], grand[1]); err != nil {
		return err
	}
	return writeFunds(f, st, data)
}

// spendAmount is the amount of p in column col of the spend sheet: its
// plan, its spend, or its spend from a source.
func spendAmount(p model.ProjectFacts, sources []string, col int) model.Money {
	switch col {
	case spendPlan:
		return p.Plan
	case spendSpent:
		return p.Spent
	}
	return p.SpentBySource[sources[col-spendFixed-1]]
}

// rateFormula is the spend rate of row: spend over plan, blank when the
// plan is blank or zero; value is its result (see ratio).
func rateFormula(style, row int, value any) excelize.Cell {
	return formula(style, fmt.Sprintf(`IF(N(E%d)=0,"",F%[1]d/E%[1]d)`, row), value)
}

// Labels in column A of the total rows; grandTotal finds the subtotals
// by subtotalLabel. Project rows hold a number there, never this text.
const (
	subtotalLabel = "小计"
	totalLabel    = "合计"
)

// totalRow is the frame of a subtotal row at row for category group (or,
// when group is "", of the grand total): labels, the spend rate formula
// (of the sums spent and plan), and blank styled cells where
// sumColumns' sums go.
func totalRow(st *styles, n, row int, group string, spent, plan model.Money) []any {
	values := make([]any, n)
	for i := range values {
		values[i] = excelize.Cell{StyleID: st.totalText}
	}
	values[0] = excelize.Cell{StyleID: st.totalText, Value: totalLabel}
	if group != "" {
		values[0] = excelize.Cell{StyleID: st.totalText, Value: subtotalLabel}
		values[2] = text(st.totalText, group)
	}
	values[spendRate-1] = rateFormula(st.totalPct, row, ratio(wanValue(spent), wanValue(plan)))
	return values
}

// sumColumns are the columns of a sheet of n columns that total rows sum:
// plan, spend and each funding source.
func sumColumns(n int) []int {
	cols := []int{spendPlan, spendSpent}
	for c := spendFixed + 1; c <= n; c++ {
		cols = append(cols, c)
	}
	return cols
}

// grandTotal sums the group subtotals of column col in rows from..to
// with SUMIF over the subtotal label: every spreadsheet (and excelize's
// own calculator, whose SUBTOTAL does not skip nested subtotals)
// computes it alike, and since the subtotals follow the filter, so does
// the grand total.
func grandTotal(style, col, from, to, groups int, sum model.Money) excelize.Cell {
	if groups == 0 {
		return excelize.Cell{StyleID: style, Value: 0}
	}
	c := colName(col)
	return formula(style, toFen(fmt.Sprintf(`SUMIF($A$%d:$A$%d,"%s",%s%[1]d:%[4]s%[2]d)`, from, to, subtotalLabel, c)), wanValue(sum))
}

// writeSummary writes the small summary sheet: per category its plan and
// spend (formulas reading the spend sheet's subtotals, totalRow its
// total, whose sums are plan and spent) and a clustered column chart of
// the two, all printed on one page.
func writeSummary(f *excelize.File, st *styles, im Imprint, gs []spendGroup, totalRow int, plan, spent model.Money) error {
	const sh = SummarySheet
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	cols := []column{{"分类", 24}, {"计划投资（万元）", 16}, {"累计拨付（万元）", 16}, {"拨付率", 16}}
	// Rows: title, date, header (3), the groups from 4, the total.
	const top = 4
	n := top + len(gs)
	fr := frame{sheet: sh, title: "资金使用进度分类汇总", imprint: im, unit: true, columns: cols, rows: len(gs), onePage: true}
	if len(gs) > 0 {
		fr.before = func() error { return addSummaryChart(f, top, n-1) }
	}
	t, err := fr.open(f, st)
	if err != nil {
		return err
	}
	ref := func(col, row int) string { return fmt.Sprintf("'%s'!%s", SpendSheet, cell(col, row)) }
	put := func(label string, src int, plan, spent model.Money, textStyle, wanStyle, pctStyle int) error {
		row := t.row
		return t.add([]any{
			text(textStyle, label),
			formula(wanStyle, ref(spendPlan, src), wanValue(plan)),
			formula(wanStyle, ref(spendSpent, src), wanValue(spent)),
			formula(pctStyle, fmt.Sprintf(`IF(N(B%d)=0,"",C%[1]d/B%[1]d)`, row), ratio(wanValue(spent), wanValue(plan))),
		})
	}
	for _, g := range gs {
		if err := put(g.name, g.subtotalAt, g.plan, g.spent, st.text, st.wan, st.pct); err != nil {
			return err
		}
	}
	if err := put(totalLabel, totalRow, plan, spent, st.totalText, st.totalWan, st.totalPct); err != nil {
		return err
	}
	return t.flush()
}

// addSummaryChart charts the summary's plan and spend of rows from..to,
// beside the table.
func addSummaryChart(f *excelize.File, from, to int) error {
	const sh = SummarySheet
	series := func(col int) excelize.ChartSeries {
		c := colName(col)
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$3", sh, c),
			Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", sh, from, to),
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%[2]s$%[4]d", sh, c, from, to),
		}
	}
	return f.AddChart(sh, "F3", &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{series(2), series(3)},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各类项目计划投资与累计拨付（万元）"}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		Format: excelize.GraphicOptions{ScaleX: 1.5, ScaleY: 1.3},
	})
}
