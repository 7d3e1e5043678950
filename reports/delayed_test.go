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
		{Alert: alerts.Alert{ProjectCode: "MS-01", ProjectName: "官舟片区养老服务中心", ResponsibleUnit: "县民政局", Milestone: "start",
			Due: model.NewDate(2020, time.June, 25), SlipDays: 5, Severity: alerts.Red, Kind: alerts.KindOverdue},
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
	// Grouped by unit in the order of their worst alert: 县民政局 (rows
	// 4–5, MS-01's two alerts, subtotal 6), then the alerts without a
	// unit (7–9, subtotal 10), the total 11.
	tests := []struct{ cell, want string }{
		{"A1", "滞后项目清单（截至2020年6月30日）"},
		{"A2", "截至日期：2020年6月30日"},
		{"E3", "节点"},
		{"I3", "严重程度"},
		{"A4", "1"},
		{"B4", "MS-01"},
		{"D4", "县民政局"},
		{"E4", "完工"},
		{"F4", "逾期未完成"},
		{"G4", "2019-12-31"},
		{"H4", "182"},
		{"I4", "红"},
		{"J4", "资金未到位"},
		{"K4", "在办2件：请说明原因"},
		{"A5", "2"},
		{"E5", "开工"},
		{"H5", "5"},
		{"A6", "小计"},
		{"C6", "1个项目，2条预警"},
		{"D6", "县民政局"},
		{"H6", "187"},
		{"A7", "3"},
		{"E7", "主体完工"},
		{"I7", "橙"},
		{"K7", ""},
		{"E8", "开工"},
		{"I8", "黄"},
		{"E9", "进度报告"},
		{"F9", "久未报送进度"},
		{"A10", "小计"},
		{"C10", "3个项目，3条预警"},
		{"D10", "未明确责任单位"},
		{"H10", "99"},
		{"A11", "合计"},
		{"C11", "4个项目，5条预警"},
		{"D11", "2个单位"},
		{"H11", "286"},
		{"A12", ""},
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
	for c, want := range map[string]string{"I4": "FF9999", "I7": "FFC000", "I8": "FFFF66"} {
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
	for c, want := range map[string]string{"H6": "187", "H10": "99", "H11": "286"} {
		if got := calc(t, f, sh, c); got != want {
			t.Errorf("%s computes to %s, want %s", c, got, want)
		}
	}
	if pl, _ := f.GetPageLayout(sh); pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Error("not printed landscape")
	}
}

func TestProgress(t *testing.T) {
	inv, beds := 5000*model.Wan, 300
	data := model.ReportData{AsOf: model.NewDate(2020, time.June, 30), Lamps: model.DefaultSpendLamps(), Projects: []model.ProjectFacts{
		{Project: model.Project{ID: 1, Annex: 3, Name: "县城殡仪馆搬迁", Investment: money(20000 * model.Wan), PlannedFinish: model.YearPlan(2020), SourceRow: 5}},
		{Project: model.Project{ID: 2, Annex: 1, Name: "儿童福利院", Site: "县城", Content: "建筑面积12000平方米", Investment: &inv,
			FloorArea: nullPct("12000"), Land: nullPct("20.5"), Beds: &beds,
			PlannedStart: model.MonthPlan(2018, time.December), PlannedFinish: model.MonthPlan(2020, time.October), ResponsibleUnit: "县民政局", SourceRow: 9},
			ActualStart: model.NewDate(2019, time.March, 5), Progress: nullPct("62.5"), Spent: 1234567891, Allocated: 2000 * model.Wan},
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
		{"附件1", "A2", "民生服务设施建设三年行动计划项目进度表（截至2020年6月30日）", false},
		{"附件1", "A3", "截至日期：2020年6月30日", false},
		{"附件1", "R3", "单位：万元", false},
		// The annex's own columns and two-row header, then the tracking.
		{"附件1", "A4", "序号", false},
		{"附件1", "D4", "建设内容", false},
		{"附件1", "E4", "建设规模", false},
		{"附件1", "E5", "建筑面积\n（平方米）", false},
		{"附件1", "G5", "床位\n（张）", false},
		{"附件1", "H4", "计划总投资\n（万元）", false},
		{"附件1", "I4", "建设年限", false},
		{"附件1", "I5", "开工", false},
		{"附件1", "K4", "责任单位", false},
		{"附件1", "L5", "实际开工", false},
		{"附件1", "P5", "支出进度", false},
		{"附件1", "B6", "官舟片区养老服务中心", false}, // source row 6 before 9
		{"附件1", "I6", "2018年12月20日", false},
		{"附件1", "P6", "未下达", false},
		{"附件1", "B7", "儿童福利院", false},
		{"附件1", "C7", "县城", false},
		{"附件1", "D7", "建筑面积12000平方米", false},
		{"附件1", "E7", "12000", false},
		{"附件1", "F7", "20.5", false},
		{"附件1", "G7", "300", false},
		{"附件1", "H7", "5,000.00", false},
		{"附件1", "I7", "2018年12月", false},
		{"附件1", "J7", "2020年10月", false},
		{"附件1", "K7", "县民政局", false},
		{"附件1", "L7", "2019-03-05", false},
		{"附件1", "M7", "", false},
		{"附件1", "N7", "62.5%", false},
		{"附件1", "O7", "1,234.567891", false},
		{"附件1", "P7", "绿灯", false},
		{"附件1", "B8", "合计", false},
		{"附件1", "H8", "10000", true},
		{"附件1", "O8", "1234.567892", true},
		{"附件3", "A1", "附件3", false},
		{"附件3", "J6", "2020年", false},
		{"附件3", "H7", "20000", true},
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
		if d.Name == "_xlnm.Print_Titles" && d.Scope == "附件3" && d.RefersTo != "'附件3'!$1:$5" {
			t.Errorf("附件3 print titles = %q, want rows 1–5", d.RefersTo)
		}
	}
	if p, err := f.GetPanes("附件1"); err != nil || p.YSplit != 5 || p.TopLeftCell != "C6" {
		t.Errorf("panes = %+v (%v), want frozen below the two header rows", p, err)
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
