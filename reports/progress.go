package reports

import (
	"fmt"
	"io"
	"sort"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// annexTitle is the title of the progress sheet of an annex.
func annexTitle(annex int) string {
	switch annex {
	case model.AnnexFacilities:
		return "民生服务设施建设三年行动计划项目进度表"
	case model.AnnexCommunity:
		return "社区建设三年行动计划项目进度表"
	case model.AnnexFuneral:
		return "殡葬改革基础设施建设三年行动计划项目进度表"
	}
	return "项目进度表"
}

// annexSheet is the sheet name of an annex: 附件N, or 其他项目 for projects
// that came from no numbered annex.
func annexSheet(annex int) string {
	if annex <= 0 {
		return "其他项目"
	}
	return fmt.Sprintf("附件%d", annex)
}

// Progress writes 项目进度表 in the annex layout the county circulates each
// month: one sheet per annex, its projects in the order of the plan's own
// rows, the plan columns as the plan printed them (dates with their
// precision: "2018年12月", "2019年") beside the actual dates, the latest
// physical progress and the spend as of data.AsOf, the 序时进度 (elapsed
// share of the planned duration) and its lamp, closed by a total row.
func Progress(w io.Writer, data model.ReportData) error {
	return write(w, "reports.Progress", func(f *excelize.File, st *styles) error { return writeProgress(f, st, data) })
}

func writeProgress(f *excelize.File, st *styles, data model.ReportData) error {
	byAnnex := map[int][]*model.ProjectFacts{}
	for i := range data.Projects {
		p := &data.Projects[i]
		byAnnex[p.Project.Annex] = append(byAnnex[p.Project.Annex], p)
	}
	annexes := make([]int, 0, len(byAnnex))
	for a := range byAnnex {
		annexes = append(annexes, a)
	}
	sort.Ints(annexes)
	if len(annexes) == 0 {
		annexes = []int{model.AnnexFacilities}
	}
	for i, a := range annexes {
		sheet := annexSheet(a)
		var err error
		if i == 0 {
			err = f.SetSheetName("Sheet1", sheet)
		} else {
			_, err = f.NewSheet(sheet)
		}
		if err != nil {
			return err
		}
		ps := byAnnex[a]
		sort.SliceStable(ps, func(i, j int) bool {
			x, y := &ps[i].Project, &ps[j].Project
			if x.SourceSheet != y.SourceSheet {
				return x.SourceSheet < y.SourceSheet
			}
			if x.SourceRow != y.SourceRow {
				return x.SourceRow < y.SourceRow
			}
			return x.ID < y.ID
		})
		lead := ""
		if a > 0 {
			lead = sheet
		}
		if err := writeAnnex(f, st, frame{sheet: sheet, lead: lead, title: annexTitle(a), imprint: imprintOf(data), unit: true}, ps); err != nil {
			return err
		}
	}
	return nil
}

// Columns of an annex sheet that hold amounts, for the total row.
const (
	progressInvestment = 5  // E 总投资
	progressSpent      = 12 // L 累计拨付
)

func writeAnnex(f *excelize.File, st *styles, fr frame, ps []*model.ProjectFacts) error {
	fr.columns = []column{
		{"序号", 6}, {"项目名称", 28}, {"建设地点", 18}, {"建设规模", 30}, {"总投资\n（万元）", 12},
		{"计划开工", 12}, {"计划完工", 12}, {"责任单位", 16},
		{"实际开工", 12}, {"实际完工", 12}, {"形象进度\n（%）", 10}, {"累计拨付\n（万元）", 12},
		{"序时进度\n（%）", 10}, {"进度灯", 8},
	}
	fr.rows, fr.freezeCols = len(ps), 2 // the total row stays outside the filter
	t, err := fr.open(f, st)
	if err != nil {
		return err
	}
	first := t.row
	var invested, spent model.Money
	for i, p := range ps {
		var elapsed decimal.NullDecimal
		lamp := ""
		if p.Pace != nil {
			elapsed, lamp = decimal.NewNullDecimal(p.Pace.ElapsedPct.Round(1)), p.Pace.Lamp
		}
		investment := excelize.Cell{StyleID: st.wan}
		if p.Project.Investment != nil {
			investment = wan(st.wan, *p.Project.Investment)
			invested = invested.Add(*p.Project.Investment)
		}
		spent = spent.Add(p.Spent)
		err := t.add([]any{
			excelize.Cell{StyleID: st.center, Value: i + 1},
			text(st.text, p.Project.Name),
			text(st.text, p.Project.Site),
			text(st.text, p.Project.Content),
			investment,
			text(st.center, p.Project.PlannedStart.String()),
			text(st.center, p.Project.PlannedFinish.String()),
			text(st.text, p.Project.ResponsibleUnit),
			date(st.date, p.ActualStart),
			date(st.date, p.ActualFinish),
			percent(st.pct, p.Progress),
			wan(st.wan, p.Spent),
			percent(st.pct, elapsed),
			lampCell(st, lamp),
		})
		if err != nil {
			return err
		}
	}
	total := make([]any, len(fr.columns))
	for i := range total {
		total[i] = excelize.Cell{StyleID: st.totalText}
	}
	total[1] = excelize.Cell{StyleID: st.totalText, Value: "合计"}
	total[progressInvestment-1] = subtotal(st.totalWan, progressInvestment, first, t.row-1, invested)
	total[progressSpent-1] = subtotal(st.totalWan, progressSpent, first, t.row-1, spent)
	if err := t.add(total); err != nil {
		return err
	}
	return t.flush()
}
