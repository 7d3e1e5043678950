package reports_test

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// hostile are texts that a spreadsheet would run as formulas.
var hostile = []string{`=HYPERLINK("http://evil","x")`, "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1"}

func money(m model.Money) *model.Money { return &m }

func nullPct(s string) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: decimal.RequireFromString(s), Valid: true}
}

// spendData is two categories: 养老 with a project of 100 one-fen
// payments and a hostile name, one lagging its progress by 40 points and
// one ahead; 殡葬 with a project of unknown plan.
func spendData() model.ReportData {
	return model.ReportData{
		AsOf:    model.NewDate(2020, time.June, 30),
		Sources: []string{"福彩公益金", "县级配套", ""},
		Projects: []model.ProjectFacts{
			{Project: model.Project{ID: 1, Code: "MS-01", Name: hostile[0], Category: "养老", ResponsibleUnit: "+县民政局"},
				Plan: 4800 * model.Wan, PlanKnown: true, Spent: 100, SpentBySource: map[string]model.Money{"福彩公益金": 100}, Progress: nullPct("55.5")},
			{Project: model.Project{ID: 2, Code: "MS-02", Name: "洪渡片区养老服务中心", Category: "养老"},
				Plan: 1000 * model.Wan, PlanKnown: true, Spent: 100 * model.Wan, SpentBySource: map[string]model.Money{"县级配套": 100 * model.Wan}, Progress: nullPct("50")},
			{Project: model.Project{ID: 3, Code: "MS-03", Name: "中界片区养老服务中心", Category: "养老"},
				Plan: 100 * model.Wan, PlanKnown: true, Spent: 90 * model.Wan, SpentBySource: map[string]model.Money{"": 90 * model.Wan}, Progress: nullPct("10")},
			{Project: model.Project{ID: 4, Code: "FS-01", Name: "县城殡仪馆搬迁", Category: "殡葬"},
				Spent: 123456789, SpentBySource: map[string]model.Money{"县级配套": 123456789}},
		},
	}
}

func writeSpend(t *testing.T, data model.ReportData) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := reports.Spend(&buf, data); err != nil {
		t.Fatalf("Spend: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("open the report: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func value(t *testing.T, f *excelize.File, sheet, c string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, c, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, c, err)
	}
	return v
}

func calc(t *testing.T, f *excelize.File, sheet, c string) string {
	t.Helper()
	v, err := f.CalcCellValue(sheet, c, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("calc %s!%s: %v", sheet, c, err)
	}
	return v
}

func TestSpendValues(t *testing.T) {
	f, _ := writeSpend(t, spendData())
	const sh = reports.SpendSheet
	// Rows: 1 title, 2 date, 3 header; 4–6 养老, 7 subtotal; 8 殡葬,
	// 9 subtotal; 10 grand total. Columns J–L: 福彩公益金, 县级配套, 未注明.
	tests := []struct {
		cell, want string
		calc       bool
	}{
		{"A1", "资金使用进度表", false},
		{"A2", "截至日期：2020年6月30日", false},
		{"L2", "单位：万元", false},
		{"A3", "序号", false},
		{"I3", "进度差", false},
		{"J3", "福彩公益金\n（万元）", false},
		{"L3", "未注明来源\n（万元）", false},
		{"A4", "1", false},
		{"B4", "MS-01", false},
		{"E4", "4800", false},
		{"F4", "0.0001", false},
		{"H4", "0.555", false},
		{"J4", "0.0001", false},
		{"G5", "0.1", true},
		{"I5", "-0.4", true},
		{"I6", "0.8", true},
		{"A7", "小计", false},
		{"C7", "养老", false},
		{"E7", "5900", true},
		{"F7", "190.0001", true},
		{"G7", "0.032203406779661", true},
		{"J7", "0.0001", true},
		{"K7", "100", true},
		{"L7", "90", true},
		{"E8", "", false},
		{"G8", "", true},
		{"I8", "", true},
		{"E9", "0", true},
		{"F9", "123.456789", true},
		{"A10", "合计", false},
		{"E10", "5900", true},
		{"F10", "313.456889", true},
		{"K10", "223.456789", true},
		{"L10", "90", true},
		{"A11", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			got := value(t, f, sh, tt.cell)
			if tt.calc {
				got = calc(t, f, sh, tt.cell)
			}
			if got != tt.want {
				t.Errorf("%s = %q, want %q", tt.cell, got, tt.want)
			}
		})
	}
	for _, c := range []string{"E7", "F10", "G4", "I4"} {
		if formula, _ := f.GetCellFormula(sh, c); formula == "" {
			t.Errorf("%s holds no formula, want a live formula", c)
		}
	}
	if got, _ := f.GetCellFormula(sh, "F7"); got != "ROUND(SUBTOTAL(9,F4:F6)*1000000,0)/1000000" {
		t.Errorf("F7 formula = %q", got)
	}
}

// TestSpendExactSums checks that 100 payments of 0.01 元 and amounts with
// every fen digit set add up, in the sheet's own formulas, to exactly the
// sum of the stored integers.
func TestSpendExactSums(t *testing.T) {
	var ps []model.ProjectFacts
	var sum model.Money
	for i := range 100 {
		m := model.Money(1)
		if i%10 == 0 {
			m = 987654321 + model.Money(i) // 987.654321万元 and up
		}
		sum += m
		ps = append(ps, model.ProjectFacts{Project: model.Project{ID: uint(i + 1), Code: "X", Category: "甲"}, Plan: m, PlanKnown: true, Spent: m})
	}
	f, _ := writeSpend(t, model.ReportData{AsOf: model.NewDate(2020, 1, 1), Projects: ps})
	want := sum.WanString()
	for _, c := range []string{"F104", "F105", "E104", "E105"} {
		if got := calc(t, f, reports.SpendSheet, c); got != want {
			t.Errorf("%s = %s, want the stored sum %s", c, got, want)
		}
		if got := value(t, f, reports.SpendSheet, c); got != want {
			t.Errorf("%s carries %s, want the stored sum %s", c, got, want)
		}
	}
	for _, c := range []string{"C4", "C5"} {
		if got := calc(t, f, reports.SummarySheet, c); got != want {
			t.Errorf("summary %s = %s, want %s", c, got, want)
		}
		if got := value(t, f, reports.SummarySheet, c); got != want {
			t.Errorf("summary %s carries %s, want %s", c, got, want)
		}
	}
}

func TestSpendLayout(t *testing.T) {
	f, raw := writeSpend(t, spendData())
	const sh = reports.SpendSheet
	t.Run("sheets", func(t *testing.T) {
		if got := f.GetSheetList(); len(got) != 4 || got[0] != sh || got[1] != reports.SummarySheet ||
			got[2] != reports.FundsSheet || got[3] != reports.OverPlanSheet {
			t.Errorf("sheets = %q", got)
		}
	})
	t.Run("styles", func(t *testing.T) {
		for c, want := range map[string]string{"E4": "#,##0.00####", "F10": "#,##0.00####", "G4": "0.0%", "I4": "0.0%"} {
			id, err := f.GetCellStyle(sh, c)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.CustomNumFmt == nil || *st.CustomNumFmt != want {
				t.Errorf("%s number format = %v, want %q", c, st.CustomNumFmt, want)
			}
		}
		id, _ := f.GetCellStyle(sh, "A3")
		if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold || len(st.Border) == 0 {
			t.Errorf("header style = %+v, want bold with borders", st)
		}
	})
	t.Run("column widths", func(t *testing.T) {
		for c, want := range map[string]float64{"A": 6, "C": 30, "E": 14, "G": 9, "L": 14} {
			if got, err := f.GetColWidth(sh, c); err != nil || got != want {
				t.Errorf("width of %s = %v (%v), want %v", c, got, err, want)
			}
		}
		sheetXML := unzipped(t, raw, "xl/worksheets/sheet1.xml")
		if i, j := strings.Index(sheetXML, `<col min="1"`), strings.Index(sheetXML, `<col min="12"`); i < 0 || j < i {
			t.Errorf("<col> elements are not in ascending order")
		}
	})
	t.Run("panes", func(t *testing.T) {
		p, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != 3 || p.XSplit != 3 || p.TopLeftCell != "D4" {
			t.Errorf("panes = %+v, want frozen at D4", p)
		}
	})
	t.Run("defined names", func(t *testing.T) {
		want := map[string]string{
			"_xlnm.Print_Titles":    "'资金使用进度表'!$1:$3",
			"_xlnm._FilterDatabase": "'资金使用进度表'!$A$3:$L$9",
		}
		for _, d := range f.GetDefinedName() {
			if w, ok := want[d.Name]; ok && d.RefersTo == w && d.Scope == sh {
				delete(want, d.Name)
			}
		}
		if len(want) > 0 {
			t.Errorf("missing defined names %v in %+v", want, f.GetDefinedName())
		}
	})
	t.Run("page layout", func(t *testing.T) {
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("page layout = size %v orientation %v fit %v×%v, want A4 (9) landscape fit 1 wide",
				deref(pl.Size), deref(pl.Orientation), deref(pl.FitToWidth), deref(pl.FitToHeight))
		}
		props, err := f.GetSheetProps(sh)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Error("fit to page is off")
		}
	})
	t.Run("conditional format", func(t *testing.T) {
		cf, err := f.GetConditionalFormats(sh)
		if err != nil {
			t.Fatal(err)
		}
		rules := cf["A4:L9"]
		if len(rules) != 2 || rules[0].Criteria != "AND(ISNUMBER($I4),$I4<-0.2)" || rules[1].Criteria != "AND(ISNUMBER($I4),$I4>0.2)" {
			t.Fatalf("conditional formats = %+v", cf)
		}
		for i, want := range []string{"FFC7CE", "FFEB9C"} {
			st, err := f.GetConditionalStyle(*rules[i].Format)
			if err != nil {
				t.Fatal(err)
			}
			if st.Fill.Type != "pattern" || len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], want) {
				t.Errorf("rule %d fill = %+v, want %s", i, st.Fill, want)
			}
		}
	})
	t.Run("chart", func(t *testing.T) {
		chart := html.UnescapeString(unzipped(t, raw, "xl/charts/chart1.xml"))
		for _, want := range []string{"<barChart>", `<barDir val="col">`, `<grouping val="clustered">`, "'分类汇总'!$B$4:$B$5", "'分类汇总'!$C$4:$C$5"} {
			if !strings.Contains(chart, want) {
				t.Errorf("chart lacks %s", want)
			}
		}
		if got := calc(t, f, reports.SummarySheet, "B4"); got != "5900" {
			t.Errorf("summary B4 = %s, want 5900 (the 养老 subtotal)", got)
		}
		if got := calc(t, f, reports.SummarySheet, "C6"); got != "313.456889" {
			t.Errorf("summary C6 = %s, want 313.456889 (the grand total)", got)
		}
	})
}

// unzipped returns the part name of the workbook raw.
func unzipped(t *testing.T, raw []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range z.File {
		if zf.Name == name {
			r, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			b, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("the workbook has no %s", name)
	return ""
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestSpendEmpty(t *testing.T) {
	f, _ := writeSpend(t, model.ReportData{AsOf: model.NewDate(2020, 1, 1)})
	if got := value(t, f, reports.SpendSheet, "A4"); got != "合计" {
		t.Errorf("A4 = %q, want the total row", got)
	}
	if got := calc(t, f, reports.SpendSheet, "F4"); got != "0" {
		t.Errorf("F4 = %q, want 0", got)
	}
}

// The funds-chain sheet shows allocated, received and paid with their
// rates and lamp; the 超计划拨付 check lists payments above the plan and
// above a source's allocation.
func TestSpendFundsChain(t *testing.T) {
	p := model.ProjectFacts{Project: model.Project{ID: 1, Code: "FC-1", Name: "公墓", Category: "殡葬"},
		Plan: 100 * model.Wan, PlanKnown: true, Allocated: 50 * model.Wan, Received: 40 * model.Wan, Spent: 120 * model.Wan,
		SpentBySource: map[string]model.Money{"县级配套": 120 * model.Wan}, AllocatedBySource: map[string]model.Money{"县级配套": 50 * model.Wan}}
	f, _ := writeSpend(t, model.ReportData{AsOf: model.NewDate(2020, 6, 30), Projects: []model.ProjectFacts{p}, Lamps: model.DefaultSpendLamps()})
	for _, tc := range []struct{ sheet, cell, want string }{
		{reports.FundsSheet, "F4", "50"}, {reports.FundsSheet, "G4", "40"}, {reports.FundsSheet, "H4", "120"}, {reports.FundsSheet, "K4", "绿灯"},
		{reports.OverPlanSheet, "E4", "计划投资"}, {reports.OverPlanSheet, "E5", "“县级配套”已下达"}, {reports.OverPlanSheet, "F5", "50"},
	} {
		if got := value(t, f, tc.sheet, tc.cell); got != tc.want {
			t.Errorf("%s!%s = %q, want %q", tc.sheet, tc.cell, got, tc.want)
		}
	}
	if got := calc(t, f, reports.FundsSheet, "I4"); got != "2.4" {
		t.Errorf("paid ÷ allocated = %s, want 2.4", got)
	}
}
