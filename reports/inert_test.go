package reports_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

func TestInert(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"官舟镇", "官舟镇"},
		{"1+1", "1+1"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"\n=1", "'\n=1"},
		{"'already", "'already"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := reports.Inert(tt.in); got != tt.want {
				t.Errorf("Inert(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkInert asserts that cell holds the hostile text h as an inert
// string: a string cell, no formula, the text behind a leading quote.
func checkInert(t *testing.T, f *excelize.File, sheet, cell, h string) {
	t.Helper()
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("%s!%s type = %v, want a string", sheet, cell, typ)
	}
	if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
		t.Errorf("%s!%s holds formula %q", sheet, cell, formula)
	}
	if got, _ := f.GetCellValue(sheet, cell); got != "'"+h {
		t.Errorf("%s!%s = %q, want %q", sheet, cell, got, "'"+h)
	}
}

func TestHostileTextInert(t *testing.T) {
	asOf := model.NewDate(2020, time.June, 30)
	for _, h := range hostile {
		t.Run(h, func(t *testing.T) {
			p := model.Project{ID: 1, Code: h, Name: h, ResponsibleUnit: h, Category: h, Site: h, Content: h, Annex: 1}
			data := model.ReportData{AsOf: asOf, Sources: []string{h},
				Projects: []model.ProjectFacts{{Project: p, Spent: 1, SpentBySource: map[string]model.Money{h: 1}, Problems: h}}}

			f := open(t, func(b *bytes.Buffer) error { return reports.Spend(b, data) })
			for _, c := range []string{"B4", "C4", "D4", "C5"} {
				checkInert(t, f, reports.SpendSheet, c, h)
			}
			checkInert(t, f, reports.SummarySheet, "A4", h)
			if got, _ := f.GetCellValue(reports.SpendSheet, "J3"); got != "'"+h+"\n（万元）" {
				t.Errorf("source header = %q, want it quoted", got)
			}

			rows := []reports.DelayedRow{{Alert: alerts.Alert{ProjectCode: h, ProjectName: h, ResponsibleUnit: h, Milestone: h, Severity: alerts.Red, Kind: alerts.KindOverdue}, Note: h}}
			f = open(t, func(b *bytes.Buffer) error { return reports.Delayed(b, rows, reports.Imprint{AsOf: asOf}) })
			for _, c := range []string{"B4", "C4", "D4", "E4", "J4"} {
				checkInert(t, f, reports.DelayedSheet, c, h)
			}

			f = open(t, func(b *bytes.Buffer) error { return reports.Progress(b, data) })
			for _, c := range []string{"B6", "C6", "D6", "K6"} {
				checkInert(t, f, "附件1", c, h)
			}
		})
	}
}
