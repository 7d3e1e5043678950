package reports

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
)

// DelayedSheet is the sheet name of the delayed-projects report.
const DelayedSheet = "滞后项目清单"

// DelayedRow is one open alert with what the supervision office reads
// beside it: the project's latest progress note and its open 督办.
type DelayedRow struct {
	Alert             alerts.Alert
	Note              string // 存在问题 of the latest progress report
	OpenSupervisions  int
	LatestSupervision string // reason of the latest open 督办
}

// DelayedRows joins alerts (in alerts.List's order: severity, then days
// late, longest first) with the facts of their projects.
func DelayedRows(as []alerts.Alert, data model.ReportData) []DelayedRow {
	index := make(map[uint]*model.ProjectFacts, len(data.Projects))
	for i := range data.Projects {
		index[data.Projects[i].Project.ID] = &data.Projects[i]
	}
	out := make([]DelayedRow, len(as))
	for i, a := range as {
		out[i].Alert = a
		if f := index[a.ProjectID]; f != nil {
			out[i].Note, out[i].OpenSupervisions, out[i].LatestSupervision = f.Problems, f.OpenSupervisions, f.LatestSupervision
		}
	}
	return out
}

// Delayed writes 滞后项目清单 as of im.AsOf, titled with the date, grouped
// by responsible unit: each unit's open alerts in the order given
// (DelayedRows keeps alerts.List's: red, orange, yellow, then days late,
// longest first), the units in the order of their worst alert, each
// closed by a subtotal of its projects and days late, the list by a
// total. The severity cell is filled red, orange or yellow.
func Delayed(w io.Writer, rows []DelayedRow, im Imprint) error {
	return write(w, "reports.Delayed", func(f *excelize.File, st *styles) error { return writeDelayed(f, st, rows, im) })
}

// noUnit names the group of alerts whose project has no responsible unit.
const noUnit = "未明确责任单位"

// delayedSlip is the 滞后天数 column (H).
const delayedSlip = 8

// byUnit groups rows by responsible unit, the units in the order they
// first appear, each group's rows in their order.
func byUnit(rows []DelayedRow) [][]DelayedRow {
	index := map[string]int{}
	var out [][]DelayedRow
	for _, r := range rows {
		i, ok := index[r.Alert.ResponsibleUnit]
		if !ok {
			i = len(out)
			index[r.Alert.ResponsibleUnit] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], r)
	}
	return out
}

func writeDelayed(f *excelize.File, st *styles, rows []DelayedRow, im Imprint) error {
	if err := f.SetSheetName("Sheet1", DelayedSheet); err != nil {
		return err
	}
	units := byUnit(rows)
	fr := frame{sheet: DelayedSheet, title: "滞后项目清单（截至" + chineseDate(im.AsOf) + "）", imprint: im, rows: len(rows) + len(units), freezeCols: 3, columns: []column{
		{"序号", 6}, {"项目编号", 17}, {"项目名称", 30}, {"责任单位", 18}, {"节点", 10}, {"预警类型", 12},
		{"应完成日期", 12}, {"滞后天数", 9}, {"严重程度", 9}, {"最新进度说明", 36}, {"督办情况", 36},
	}}
	t, err := fr.open(f, st)
	if err != nil {
		return err
	}
	first, seq, days := t.row, 0, 0
	projects := map[string]bool{}
	for _, group := range units {
		top, unitDays := t.row, 0
		unitProjects := map[string]bool{}
		for _, r := range group {
			a := r.Alert
			seq++
			unitDays += a.SlipDays
			unitProjects[a.ProjectCode], projects[a.ProjectCode] = true, true
			supervision := ""
			if r.OpenSupervisions > 0 {
				supervision = fmt.Sprintf("在办%d件：%s", r.OpenSupervisions, r.LatestSupervision)
			}
			err := t.add([]any{
				excelize.Cell{StyleID: st.center, Value: seq},
				text(st.text, a.ProjectCode),
				text(st.text, a.ProjectName),
				text(st.text, a.ResponsibleUnit),
				text(st.center, alerts.MilestoneName(a.Milestone)),
				text(st.center, alerts.KindName(a.Kind)),
				date(st.date, a.Due),
				excelize.Cell{StyleID: st.integer, Value: a.SlipDays},
				lampCell(st, a.Severity, alerts.SeverityName(a.Severity)),
				text(st.text, r.Note),
				text(st.text, supervision),
			})
			if err != nil {
				return err
			}
		}
		unit := group[0].Alert.ResponsibleUnit
		if unit == "" {
			unit = noUnit
		}
		total := delayedTotal(st, subtotalLabel, unit, len(unitProjects), len(group),
			formula(st.totalText, fmt.Sprintf("SUBTOTAL(9,H%d:H%d)", top, t.row-1), unitDays))
		if err := t.add(total); err != nil {
			return err
		}
		days += unitDays
	}
	sum := excelize.Cell{StyleID: st.totalText, Value: 0}
	if len(units) > 0 {
		sum = formula(st.totalText, fmt.Sprintf(`SUMIF($A$%d:$A$%d,"%s",H%[1]d:H%[2]d)`, first, t.row-1, subtotalLabel), days)
	}
	if err := t.add(delayedTotal(st, totalLabel, fmt.Sprintf("%d个单位", len(units)), len(projects), len(rows), sum)); err != nil {
		return err
	}
	return t.flush()
}

// delayedTotal is a subtotal (label 小计, for unit) or total (合计) row:
// its projects and alerts counted, days the sum of their days late.
func delayedTotal(st *styles, label, unit string, projects, alerts int, days excelize.Cell) []any {
	values := make([]any, 11)
	for i := range values {
		values[i] = excelize.Cell{StyleID: st.totalText}
	}
	values[0] = excelize.Cell{StyleID: st.totalText, Value: label}
	values[2] = excelize.Cell{StyleID: st.totalText, Value: fmt.Sprintf("%d个项目，%d条预警", projects, alerts)}
	values[3] = text(st.totalText, unit)
	values[delayedSlip-1] = days
	return values
}
