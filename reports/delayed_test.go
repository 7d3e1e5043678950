package reports_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

func open(t *testing.T, write func(*bytes.Buffer) error) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatalf("write: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("open the report: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestDelayedRows(t *testing.T) {
	as := []alerts.Alert{{ProjectID: 2, Severity: alerts.Red}, {ProjectID: 1, Severity: alerts.Yellow}, {ProjectID: 9}}
	data := model.ReportData{Projects: []model.ProjectFacts{
		{Project: model.Project{ID: 1}, Problems: "征地", OpenSupervisions: 1, LatestSupervision: "尽快开工"},
		{Project: model.Project{ID: 2}, Problems: "资金"},
	}}
	got := reports.DelayedRows(as, data)
	want := []reports.DelayedRow{
		{Alert: as[0], Note: "资金"},
		{Alert: as[1], Note: "征地", OpenSupervisions: 1, LatestSupervision: "尽快开工"},
		{Alert: as[2]},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDelayed(t *testing.T) {
	asOf := model.NewDate(2020, time.June, 30)
	rows := []reports.DelayedRow{
		{Alert: alerts.Alert{ProjectCode: "MS-01", ProjectName: "官舟片区养老服务中心", ResponsibleUnit: "县民政局", Milestone: "finish",
			Due: model.NewDate(2019, time.December, 31), SlipDays: 182, Severity: alerts.Red, Kind: alerts.KindOverdue},
			Note: "资金未到位", OpenSupervisions: 2, LatestSupervision: "请说明原因"},
		{Alert: alerts.Alert{ProjectCode: "MS-02", ProjectName: "儿童福利院", Milestone: "主体完工",
			Due: model.NewDate(2020, time.May, 1), SlipDays: 60, Severity: alerts.Orange, Kind: alerts.KindOverdue}},
		{Alert: alerts.Alert{ProjectCode: "MS-03", ProjectName: "光荣院", Milestone: "start",
			Due: model.NewDate(2020, time.June, 1), SlipDays: 29, Severity: alerts.Yellow, Kind: alerts.KindOverdue}},
		{Alert: alerts.Alert{ProjectCode: "MS-04", ProjectName: "敬老院", Milestone: alerts.StaleMilestone,
			Due: model.NewDate(2020, time.June, 20), SlipDays: 10, Severity: alerts.Yellow, Kind: alerts.KindStale}},
	}
	f := open(t, func(b *bytes.Buffer) error { return reports.Delayed(b, rows, reports.Imprint{AsOf: asOf}) })
	const sh = reports.DelayedSheet
	tests := []struct{ cell, want string }{
		{"A1", "滞后项目清单"},
		{"A2", "截至日期：2020年6月30日"},
		{"E3", "节点"},
		{"I3", "严重程度"},
		{"B4", "MS-01"},
		{"D4", "县民政局"},
		{"E4", "完工"},
		{"F4", "逾期未完成"},
		{"G4", "2019-12-31"},
		{"H4", "182"},
		{"I4", "红"},
		{"J4", "资金未到位"},
		{"K4", "在办2件：请说明原因"},
		{"E5", "主体完工"},
		{"I5", "橙"},
		{"K5", ""},
		{"E6", "开工"},
		{"I6", "黄"},
		{"E7", "进度报告"},
		{"F7", "久未报送进度"},
		{"A8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			got, err := f.GetCellValue(sh, tt.cell)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("%s = %q, want %q", tt.cell, got, tt.want)
			}
		})
	}
	for c, want := range map[string]string{"I4": "FF9999", "I5": "FFC000", "I6": "FFFF66"} {
		id, _ := f.GetCellStyle(sh, c)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], want) {
			t.Errorf("%s fill = %+v, want %s", c, st.Fill, want)
		}
	}
	if p, _ := f.GetPanes(sh); !p.Freeze || p.YSplit != 3 {
		t.Errorf("panes = %+v, want the header frozen", p)
	}
	if pl, _ := f.GetPageLayout(sh); pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Error("not printed landscape")
	}
}

func TestProgress(t *testing.T) {
	inv := 5000 * model.Wan
	data := model.ReportData{AsOf: model.NewDate(2020, time.June, 30), Projects: []model.ProjectFacts{
		{Project: model.Project{ID: 1, Annex: 3, Name: "县城殡仪馆搬迁", Investment: money(20000 * model.Wan), PlannedFinish: model.YearPlan(2020), SourceRow: 5}},
		{Project: model.Project{ID: 2, Annex: 1, Name: "儿童福利院", Site: "县城", Content: "建筑面积12000平方米", Investment: &inv,
			PlannedStart: model.MonthPlan(2018, time.December), PlannedFinish: model.MonthPlan(2020, time.October), ResponsibleUnit: "县民政局", SourceRow: 9},
			ActualStart: model.NewDate(2019, time.March, 5), Progress: nullPct("62.5"), Spent: 1234567891},
		{Project: model.Project{ID: 3, Annex: 1, Name: "官舟片区养老服务中心", Investment: &inv, PlannedStart: model.DayPlan(model.NewDate(2018, time.December, 20)), SourceRow: 6}, Spent: 1},
	}}
	f := open(t, func(b *bytes.Buffer) error { return reports.Progress(b, data) })
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "附件1" || got[1] != "附件3" {
		t.Fatalf("sheets = %q, want 附件1, 附件3", got)
	}
	tests := []struct {
		sheet, cell, want string
		calc              bool
	}{
		{"附件1", "A1", "附件1", false},
		{"附件1", "A2", "民生服务设施建设三年行动计划项目进度表", false},
		{"附件1", "A3", "截至日期：2020年6月30日", false},
		{"附件1", "N3", "单位：万元", false},
		{"附件1", "F4", "计划开工", false},
		{"附件1", "B5", "官舟片区养老服务中心", false}, // source row 6 before 9
		{"附件1", "F5", "2018年12月20日", false},
		{"附件1", "B6", "儿童福利院", false},
		{"附件1", "C6", "县城", false},
		{"附件1", "D6", "建筑面积12000平方米", false},
		{"附件1", "E6", "5,000.00", false},
		{"附件1", "F6", "2018年12月", false},
		{"附件1", "G6", "2020年10月", false},
		{"附件1", "H6", "县民政局", false},
		{"附件1", "I6", "2019-03-05", false},
		{"附件1", "J6", "", false},
		{"附件1", "K6", "62.5%", false},
		{"附件1", "L6", "1,234.567891", false},
		{"附件1", "B7", "合计", false},
		{"附件1", "E7", "10000", true},
		{"附件1", "L7", "1234.567892", true},
		{"附件3", "A1", "附件3", false},
		{"附件3", "G5", "2020年", false},
		{"附件3", "E6", "20000", true},
	}
	for _, tt := range tests {
		t.Run(tt.sheet+tt.cell, func(t *testing.T) {
			got, err := f.GetCellValue(tt.sheet, tt.cell)
			if tt.calc {
				got, err = f.CalcCellValue(tt.sheet, tt.cell, excelize.Options{RawCellValue: true})
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
			}
		})
	}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == "附件3" && d.RefersTo != "'附件3'!$1:$4" {
			t.Errorf("附件3 print titles = %q, want rows 1–4", d.RefersTo)
		}
	}
}

// A text too long for a readable row is cut where the row ends, with a
// note saying how long it is and where to read it; a shorter one is
// kept whole, and each row is as tall as its text.
func TestLongTextCut(t *testing.T) {
	long := strings.Repeat("征地拆迁未完成，", 250) // 2000 characters
	rows := []reports.DelayedRow{
		{Alert: alerts.Alert{ProjectCode: "MS-01", ProjectName: "官舟片区养老服务中心", Severity: alerts.Red}, Note: long},
		{Alert: alerts.Alert{ProjectCode: "MS-02", ProjectName: "儿童福利院", Severity: alerts.Red}, Note: long[:3*60]},
		{Alert: alerts.Alert{ProjectCode: "MS-03", ProjectName: "光荣院", Severity: alerts.Red}, Note: "资金未到位"},
	}
	f := open(t, func(b *bytes.Buffer) error {
		return reports.Delayed(b, rows, reports.Imprint{AsOf: model.NewDate(2020, 6, 30)})
	})
	const sh = reports.DelayedSheet
	cut := value(t, f, sh, "J4")
	kept, ok := strings.CutSuffix(cut, "…（全文2000字，详见系统）")
	if !ok || !strings.HasPrefix(long, kept) || len([]rune(kept)) < 60 {
		t.Errorf("J4 = %q, want the note's start and …（全文2000字，详见系统）", cut)
	}
	if got := value(t, f, sh, "J5"); got != long[:3*60] {
		t.Errorf("J5 = %q, want the note whole", got)
	}
	var heights []float64
	for r := 4; r <= 6; r++ {
		h, err := f.GetRowHeight(sh, r)
		if err != nil {
			t.Fatal(err)
		}
		heights = append(heights, h)
	}
	if !(heights[0] > heights[1] && heights[1] > heights[2] && heights[0] <= 8*14+4) {
		t.Errorf("row heights = %v, want them falling with the text, the tallest at most 8 lines", heights)
	}
}
