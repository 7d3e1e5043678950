package reports

import (
	"fmt"
	"maps"
	"slices"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// Sheets of the spend report beside the spend sheet.
const (
	FundsSheet    = "资金链与支出进度"
	OverPlanSheet = "超计划拨付"
)

// writeFunds writes the funds chain per project (计划, 下达, 到位, 拨付,
// the rates paid ÷ allocated and paid ÷ plan, and the 支出进度 lamp) and
// the 超计划拨付 check: every project whose payments exceed its plan or a
// source's allocation.
func writeFunds(f *excelize.File, st *styles, data model.ReportData) error {
	if _, err := f.NewSheet(FundsSheet); err != nil {
		return err
	}
	cols := []column{{"序号", 6}, {"项目编号", 17}, {"项目名称", 30}, {"责任单位", 18}, {"计划投资\n（万元）", 14},
		{"已下达\n（万元）", 14}, {"已到位\n（万元）", 14}, {"累计拨付\n（万元）", 14}, {"拨付/下达", 10}, {"拨付/计划", 10}, {"支出进度", 10}}
	fr := frame{sheet: FundsSheet, title: "资金链与支出进度", imprint: imprintOf(data), unit: true, columns: cols, rows: len(data.Projects), freezeCols: 3}
	t, err := fr.open(f, st)
	if err != nil {
		return err
	}
	var over []overPlan
	for i, p := range data.Projects {
		sp := data.Lamps.Of(p.Allocated, p.Received, p.Spent, data.AsOf)
		row := t.row
		plan := 0.0
		if p.PlanKnown {
			plan = wanValue(p.Plan)
		}
		values := []any{excelize.Cell{StyleID: st.center, Value: i + 1}, text(st.text, p.Project.Code), text(st.text, p.Project.Name),
			text(st.text, p.Project.ResponsibleUnit), excelize.Cell{StyleID: st.wan}, wan(st.wan, p.Allocated), wan(st.wan, p.Received),
			wan(st.wan, p.Spent),
			formula(st.pct, fmt.Sprintf(`IF(N(F%d)=0,"",H%[1]d/F%[1]d)`, row), ratio(wanValue(p.Spent), wanValue(p.Allocated))),
			formula(st.pct, fmt.Sprintf(`IF(N(E%d)=0,"",H%[1]d/E%[1]d)`, row), ratio(wanValue(p.Spent), plan)),
			text(st.center, model.LampName(sp.Lamp))}
		if p.PlanKnown {
			values[4] = wan(st.wan, p.Plan)
		}
		if err := t.add(values); err != nil {
			return err
		}
		over = append(over, overPlans(p)...)
	}
	if err := t.flush(); err != nil {
		return err
	}
	return writeOverPlan(f, st, imprintOf(data), over)
}

// overPlan is one finding of the 超计划拨付 check.
type overPlan struct {
	p           model.ProjectFacts
	what        string // 计划投资 or a source's 下达
	limit, paid model.Money
}

// overPlans lists how p's payments exceed its plan and its sources'
// allocations (checked once the project has any allocation).
func overPlans(p model.ProjectFacts) []overPlan {
	var out []overPlan
	if p.PlanKnown && p.Spent > p.Plan {
		out = append(out, overPlan{p, "计划投资", p.Plan, p.Spent})
	}
	if p.Allocated == 0 {
		return out
	}
	for _, s := range slices.Sorted(maps.Keys(p.SpentBySource)) {
		if a, paid := p.AllocatedBySource[s], p.SpentBySource[s]; s != "" && paid > a {
			out = append(out, overPlan{p, "“" + s + "”已下达", a, paid})
		}
	}
	return out
}

func writeOverPlan(f *excelize.File, st *styles, im Imprint, over []overPlan) error {
	if _, err := f.NewSheet(OverPlanSheet); err != nil {
		return err
	}
	cols := []column{{"序号", 6}, {"项目编号", 17}, {"项目名称", 30}, {"责任单位", 18}, {"超出项", 22},
		{"限额\n（万元）", 14}, {"累计拨付\n（万元）", 14}, {"超出\n（万元）", 14}}
	fr := frame{sheet: OverPlanSheet, title: "超计划拨付检查", imprint: im, unit: true, columns: cols, rows: len(over), freezeCols: 3}
	t, err := fr.open(f, st)
	if err != nil {
		return err
	}
	for i, o := range over {
		row := t.row
		values := []any{excelize.Cell{StyleID: st.center, Value: i + 1}, text(st.text, o.p.Project.Code), text(st.text, o.p.Project.Name),
			text(st.text, o.p.Project.ResponsibleUnit), text(st.text, o.what), wan(st.wan, o.limit), wan(st.wan, o.paid),
			formula(st.wan, fmt.Sprintf("G%d-F%[1]d", row), wanValue(o.paid)-wanValue(o.limit))}
		if err := t.add(values); err != nil {
			return err
		}
	}
	if len(over) == 0 {
		if err := t.note(st.text, "截至该日无超计划或超下达拨付。"); err != nil {
			return err
		}
	}
	return t.flush()
}
