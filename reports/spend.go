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
	name       string
	from, to   int // data.Projects[from:to]
	subtotalAt int // sheet row of the group's subtotal
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
		{"序号", 6}, {"项目编号", 14}, {"项目名称", 30}, {"责任单位", 18},
		{"计划投资\n（万元）", 14}, {"累计拨付\n（万元）", 14}, {"拨付率", 9}, {"形象进度\n（%）", 9}, {"进度差", 9},
	}
	for _, s := range data.Sources {
		name := s
		if name == "" {
			name = "未注明来源"
		}
		cols = append(cols, column{Inert(name) + "\n（万元）", 14})
	}
	fr := frame{sheet: SpendSheet, title: "资金使用进度表", asOf: data.AsOf, unit: true, columns: cols,
		rows: len(data.Projects) + len(gs), freezeCols: 3}
	sw, first, err := fr.open(f, st)
	if err != nil {
		return err
	}
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

	row, seq := first, 0
	values := make([]any, len(cols))
	for gi := range gs {
		g := &gs[gi]
		top := row
		for _, p := range data.Projects[g.from:g.to] {
			seq++
			clear(values)
			values[0] = excelize.Cell{StyleID: st.center, Value: seq}
			values[1] = text(st.text, p.Project.Code)
			values[2] = text(st.textWrap, p.Project.Name)
			values[3] = text(st.text, p.Project.ResponsibleUnit)
			values[spendPlan-1] = excelize.Cell{StyleID: st.wan}
			if p.PlanKnown {
				values[spendPlan-1] = wan(st.wan, p.Plan)
			}
			values[spendSpent-1] = wan(st.wan, p.Spent)
			values[spendRate-1] = rateFormula(st.pct, row)
			values[spendProgress-1] = percent(st.pct, p.Progress)
			values[spendGap-1] = formula(st.pct, fmt.Sprintf(`IF(OR(G%d="",H%[1]d=""),"",G%[1]d-H%[1]d)`, row))
			for i, s := range data.Sources {
				values[spendFixed+i] = excelize.Cell{StyleID: st.wan}
				if m, ok := p.SpentBySource[s]; ok {
					values[spendFixed+i] = wan(st.wan, m)
				}
			}
			if err := sw.SetRow(cell(1, row), values); err != nil {
				return err
			}
			row++
		}
		g.subtotalAt = row
		total := totalRow(st, len(cols), row, g.name)
		for _, col := range sumColumns(len(cols)) {
			total[col-1] = subtotal(st.totalWan, col, top, row-1)
		}
		if err := sw.SetRow(cell(1, row), total); err != nil {
			return err
		}
		row++
	}
	total := totalRow(st, len(cols), row, "")
	for _, col := range sumColumns(len(cols)) {
		total[col-1] = grandTotal(st.totalWan, col, first, row-1, len(gs))
	}
	if err := sw.SetRow(cell(1, row), total); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := writeSummary(f, st, gs, last); err != nil {
		return err
	}
	return writeFunds(f, st, data)
}

// rateFormula is the spend rate of row: spend over plan, blank when the
// plan is blank or zero.
func rateFormula(style, row int) excelize.Cell {
	return formula(style, fmt.Sprintf(`IF(N(E%d)=0,"",F%[1]d/E%[1]d)`, row))
}

// Labels in column A of the total rows; grandTotal finds the subtotals
// by subtotalLabel. Project rows hold a number there, never this text.
const (
	subtotalLabel = "小计"
	totalLabel    = "合计"
)

// totalRow is the frame of a subtotal row at row for category group (or,
// when group is "", of the grand total): labels, the spend rate formula,
// and blank styled cells where sumColumns' sums go.
func totalRow(st *styles, n, row int, group string) []any {
	values := make([]any, n)
	for i := range values {
		values[i] = excelize.Cell{StyleID: st.totalText}
	}
	values[0] = excelize.Cell{StyleID: st.totalText, Value: totalLabel}
	if group != "" {
		values[0] = excelize.Cell{StyleID: st.totalText, Value: subtotalLabel}
		values[2] = text(st.totalText, group)
	}
	values[spendRate-1] = rateFormula(st.totalPct, row)
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
func grandTotal(style, col, from, to, groups int) excelize.Cell {
	if groups == 0 {
		return excelize.Cell{StyleID: style, Value: 0}
	}
	c := colName(col)
	return formula(style, toFen(fmt.Sprintf(`SUMIF($A$%d:$A$%d,"%s",%s%[1]d:%[4]s%[2]d)`, from, to, subtotalLabel, c)))
}

// writeSummary writes the small summary sheet: per category its plan and
// spend (formulas reading the spend sheet's subtotals) and a clustered
// column chart of the two.
func writeSummary(f *excelize.File, st *styles, gs []spendGroup, totalRow int) error {
	const sh = SummarySheet
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	for i, h := range []string{"分类", "计划投资（万元）", "累计拨付（万元）", "拨付率"} {
		if err := f.SetCellStr(sh, cell(i+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "D1", st.header); err != nil {
		return err
	}
	ref := func(col, row int) string { return fmt.Sprintf("'%s'!%s", SpendSheet, cell(col, row)) }
	put := func(row int, label string, src int) error {
		if err := f.SetCellStr(sh, cell(1, row), Inert(label)); err != nil {
			return err
		}
		if err := f.SetCellFormula(sh, cell(2, row), ref(spendPlan, src)); err != nil {
			return err
		}
		if err := f.SetCellFormula(sh, cell(3, row), ref(spendSpent, src)); err != nil {
			return err
		}
		return f.SetCellFormula(sh, cell(4, row), fmt.Sprintf(`IF(N(B%d)=0,"",C%[1]d/B%[1]d)`, row))
	}
	for i, g := range gs {
		if err := put(i+2, g.name, g.subtotalAt); err != nil {
			return err
		}
	}
	n := len(gs) + 2
	if err := put(n, "合计", totalRow); err != nil {
		return err
	}
	for _, s := range []struct {
		from, to string
		style    int
	}{{"A2", cell(1, n), st.text}, {"B2", cell(3, n), st.wan}, {"D2", cell(4, n), st.pct}} {
		if err := f.SetCellStyle(sh, s.from, s.to, s.style); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 24); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "D", 16); err != nil {
		return err
	}
	if len(gs) == 0 {
		return nil
	}
	series := func(col int) excelize.ChartSeries {
		c := colName(col)
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$1", sh, c),
			Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", sh, n-1),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%[2]s$%d", sh, c, n-1),
		}
	}
	return f.AddChart(sh, "F2", &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{series(2), series(3)},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各类项目计划投资与累计拨付（万元）"}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		Format: excelize.GraphicOptions{ScaleX: 1.5, ScaleY: 1.3},
	})
}
