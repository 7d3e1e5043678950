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

// Delayed writes 滞后项目清单 as of im.AsOf: one row per open alert, in
// the order given (DelayedRows keeps alerts.List's: red, orange, yellow,
// then days late, longest first), the severity cell filled red, orange
// or yellow.
func Delayed(w io.Writer, rows []DelayedRow, im Imprint) error {
	return write(w, "reports.Delayed", func(f *excelize.File, st *styles) error { return writeDelayed(f, st, rows, im) })
}

func writeDelayed(f *excelize.File, st *styles, rows []DelayedRow, im Imprint) error {
	if err := f.SetSheetName("Sheet1", DelayedSheet); err != nil {
		return err
	}
	fr := frame{sheet: DelayedSheet, title: "滞后项目清单", imprint: im, rows: len(rows), freezeCols: 3, columns: []column{
		{"序号", 6}, {"项目编号", 17}, {"项目名称", 30}, {"责任单位", 18}, {"节点", 10}, {"预警类型", 12},
		{"应完成日期", 12}, {"滞后天数", 9}, {"严重程度", 9}, {"最新进度说明", 36}, {"督办情况", 36},
	}}
	t, err := fr.open(f, st)
	if err != nil {
		return err
	}
	for i, r := range rows {
		a := r.Alert
		supervision := ""
		if r.OpenSupervisions > 0 {
			supervision = fmt.Sprintf("在办%d件：%s", r.OpenSupervisions, r.LatestSupervision)
		}
		sevStyle, ok := st.severity[a.Severity]
		if !ok {
			sevStyle = st.center
		}
		err := t.add([]any{
			excelize.Cell{StyleID: st.center, Value: i + 1},
			text(st.text, a.ProjectCode),
			text(st.text, a.ProjectName),
			text(st.text, a.ResponsibleUnit),
			text(st.center, alerts.MilestoneName(a.Milestone)),
			text(st.center, alerts.KindName(a.Kind)),
			date(st.date, a.Due),
			excelize.Cell{StyleID: st.integer, Value: a.SlipDays},
			excelize.Cell{StyleID: sevStyle, Value: alerts.SeverityName(a.Severity)},
			text(st.text, r.Note),
			excelize.Cell{StyleID: st.text, Value: supervision},
		})
		if err != nil {
			return err
		}
	}
	return t.flush()
}
