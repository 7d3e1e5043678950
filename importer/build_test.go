package importer

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/bench"
)

// sheetSpec describes one sheet of a workbook a test builds.
type sheetSpec struct {
	name    string
	rows    [][]any           // from row 1 (or from start)
	start   int               // first row number, 1 when 0
	merges  [][2]string       // top-left, bottom-right
	formats map[string]string // cell → custom number format
	builtin map[string]int    // cell → built-in number format id
	hidden  bool
}

// workbook builds an .xlsx from sheets and returns its bytes.
func workbook(tb testing.TB, sheets ...sheetSpec) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			tb.Fatal(err)
		}
		start := max(s.start, 1)
		for j, r := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, start+j)
			if err := f.SetSheetRow(s.name, cell, &r); err != nil {
				tb.Fatal(err)
			}
		}
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				tb.Fatal(err)
			}
		}
		for cell, code := range s.formats {
			id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				tb.Fatal(err)
			}
			if err := f.SetCellStyle(s.name, cell, cell, id); err != nil {
				tb.Fatal(err)
			}
		}
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				tb.Fatal(err)
			}
		}
		for cell, fmtID := range s.builtin {
			id, err := f.NewStyle(&excelize.Style{NumFmt: fmtID})
			if err != nil {
				tb.Fatal(err)
			}
			if err := f.SetCellStyle(s.name, cell, cell, id); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// bigAnnex is bench.Annex's workbook of n project rows: the one
// `captrack bench` imports.
func bigAnnex(tb testing.TB, n int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := bench.Annex(&buf, n); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
