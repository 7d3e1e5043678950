package importer

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/yanhe/captrack/internal/testbook"
)

// TestProgress: Progress counts the rows read, of the rows the sheets
// hold, from the open to the end. (excelize's stream writer records no
// dimension: the estimate is the last row's number.)
func TestProgress(t *testing.T) {
	var got []Progress
	opt := Options{Progress: func(p Progress) { got = append(got, p) }}
	p := Parse("big.xlsx", bytes.NewReader(bigAnnex(t, 2500)), opt)
	if len(p.Errors) > 0 {
		t.Fatalf("errors: %v", p.Errors)
	}
	// A title row, a header row and 2,500 projects.
	want := []Progress{
		{File: "big.xlsx", Rows: 0, Estimate: 2502},
		{File: "big.xlsx", Rows: 1000, Estimate: 2502},
		{File: "big.xlsx", Rows: 2000, Estimate: 2502},
		{File: "big.xlsx", Rows: 2502, Estimate: 2502, Done: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("progress:\n got %+v\nwant %+v", got, want)
	}
}

// TestProgressDimension: a sheet's dimension is its estimate.
func TestProgressDimension(t *testing.T) {
	book := testbook.Workbook(t, testbook.Sheet{Name: "附件1", Rows: [][]any{
		{"序号", "项目名称", "责任单位"},
		{1, "官舟片区养老服务中心", "县民政局"},
	}})
	var got []Progress
	Parse("small.xlsx", bytes.NewReader(book), Options{Progress: func(p Progress) { got = append(got, p) }})
	want := []Progress{{File: "small.xlsx", Estimate: 2}, {File: "small.xlsx", Rows: 2, Estimate: 2, Done: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("progress:\n got %+v\nwant %+v", got, want)
	}
}
