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
// month: one sheet per annex titled with its as-of date, its projects in
// the order of the plan's own rows, the annex's own columns in its order
// and two-row header, the plan as the plan printed it (dates with their
// precision: "2018年12月", "2019年"), then the actual dates, the latest
// physical progress, the spend and its 支出进度 lamp as of data.AsOf, the
// 序时进度 (elapsed share of the planned duration) and its lamp, closed
// by a total row.
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
		fr := frame{sheet: sheet, lead: lead, title: annexTitle(a) + "（截至" + chineseDate(data.AsOf) + "）", imprint: imprintOf(data), unit: true}
		if err := writeAnnex(f, st, fr, ps, data); err != nil {
			return err
		}
	}
	return nil
}

// Columns of an annex sheet that hold amounts, for the total row.
const (
	progressInvestment = 8  // H 计划总投资
	progressSpent      = 15 // O 累计拨付
)

// annexColumns are an annex sheet's columns: the annex's own, in its
// order (序号 … 建设规模 … 建设年限, 责任单位), then what happened: the
// actual dates, 形象进度, the spend and its 支出进度 lamp, the 序时进度 and
// its lamp.
var annexColumns = []column{
	{"序号", 6}, {"项目名称", 24}, {"建设地点", 16}, {"建设内容", 28},
	{"建筑面积\n（平方米）", 11}, {"占地\n（亩）", 8}, {"床位\n（张）", 7},
	{"计划总投资\n（万元）", 12}, {"开工", 11}, {"完工", 11}, {"责任单位", 16},
	{"实际开工", 11}, {"实际完工", 11}, {"形象进度\n（%）", 9},
	{"累计拨付\n（万元）", 12}, {"支出进度", 8},
	{"序时进度\n（%）", 9}, {"进度灯", 7},
}

// annexBands head annexColumns' groups as the annexes do.
var annexBands = []band{{5, 7, "建设规模"}, {9, 10, "建设年限"}, {12, 14, "实际进展"}, {15, 16, "资金拨付"}, {17, 18, "序时进度"}}

func writeAnnex(f *excelize.File, st *styles, fr frame, ps []*model.ProjectFacts, data model.ReportData) error {
	fr.columns, fr.bands = annexColumns, annexBands
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
		beds := excelize.Cell{StyleID: st.number}
		if p.Project.Beds != nil {
			beds.Value = *p.Project.Beds
		}
		spend := data.Lamps.Of(p.Allocated, p.Received, p.Spent, data.AsOf)
		err := t.add([]any{
			excelize.Cell{StyleID: st.center, Value: i + 1},
			text(st.text, p.Project.Name),
			text(st.text, p.Project.Site),
			text(st.text, p.Project.Content),
			number(st.number, p.Project.FloorArea),
			number(st.number, p.Project.Land),
			beds,
			investment,
			text(st.center, p.Project.PlannedStart.String()),
			text(st.center, p.Project.PlannedFinish.String()),
			text(st.text, p.Project.ResponsibleUnit),
			date(st.date, p.ActualStart),
			date(st.date, p.ActualFinish),
			percent(st.pct, p.Progress),
			wan(st.wan, p.Spent),
			lampCell(st, spend.Lamp, model.LampName(spend.Lamp)),
			percent(st.pct, elapsed),
			lampCell(st, lamp, model.PaceLampName(lamp)),
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
