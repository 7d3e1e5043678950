// Package testbook builds small workbooks for the tests of several
// packages (a sheet is its rows, merges, number formats and visibility)
// and reads written ones back as text.
package testbook

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Sheet describes one sheet of a workbook a test builds.
type Sheet struct {
	Name    string
	Rows    [][]any           // from row 1 (or from start)
	Start   int               // first row number, 1 when 0
	Merges  [][2]string       // top-left, bottom-right
	Formats map[string]string // cell → custom number format
	Builtin map[string]int    // cell → built-in number format id
	Hidden  bool
}

// Workbook builds an .xlsx from sheets and returns its bytes.
func Workbook(tb testing.TB, sheets ...Sheet) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			tb.Fatal(err)
		}
		start := max(s.Start, 1)
		for j, r := range s.Rows {
			cell, _ := excelize.CoordinatesToCellName(1, start+j)
			if err := f.SetSheetRow(s.Name, cell, &r); err != nil {
				tb.Fatal(err)
			}
		}
		for _, m := range s.Merges {
			if err := f.MergeCell(s.Name, m[0], m[1]); err != nil {
				tb.Fatal(err)
			}
		}
		for cell, code := range s.Formats {
			id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				tb.Fatal(err)
			}
			if err := f.SetCellStyle(s.Name, cell, cell, id); err != nil {
				tb.Fatal(err)
			}
		}
		if s.Hidden {
			if err := f.SetSheetVisible(s.Name, false); err != nil {
				tb.Fatal(err)
			}
		}
		for cell, fmtID := range s.Builtin {
			id, err := f.NewStyle(&excelize.Style{NumFmt: fmtID})
			if err != nil {
				tb.Fatal(err)
			}
			if err := f.SetCellStyle(s.Name, cell, cell, id); err != nil {
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

// Cells reads every sheet of workbook b as rows of cell text, by sheet.
func Cells(tb testing.TB, b []byte) map[string][][]string {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		if out[s], err = f.GetRows(s); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// SameCells reports whether two workbooks' Cells are the same.
func SameCells(a, b map[string][][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, rows := range a {
		if !slices.EqualFunc(rows, b[k], slices.Equal) {
			return false
		}
	}
	return true
}
