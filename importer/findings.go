package importer

import (
	"cmp"
	"slices"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// sortFindings orders findings as a clerk walks the workbooks: by file
// (in the order given), sheet (in the order the findings first name
// them, which is the workbook's), row and column; findings of a whole
// file or sheet come before those of its rows.
func sortFindings(fs []model.Finding, files []string) {
	fileRank := map[string]int{}
	for i, f := range files {
		if _, ok := fileRank[f]; !ok {
			fileRank[f] = i
		}
	}
	sheetRank := map[[2]string]int{}
	for _, f := range fs {
		k := [2]string{f.File, f.Sheet}
		if _, ok := sheetRank[k]; !ok && f.Sheet != "" {
			sheetRank[k] = len(sheetRank) + 1
		}
	}
	rank := func(f string) int {
		if r, ok := fileRank[f]; ok {
			return r
		}
		return len(files)
	}
	col := func(c string) int {
		n, _ := excelize.ColumnNameToNumber(c)
		return n
	}
	slices.SortStableFunc(fs, func(a, b model.Finding) int {
		return cmp.Or(
			cmp.Compare(rank(a.File), rank(b.File)),
			cmp.Compare(sheetRank[[2]string{a.File, a.Sheet}], sheetRank[[2]string{b.File, b.Sheet}]),
			cmp.Compare(a.Row, b.Row),
			cmp.Compare(col(a.Column), col(b.Column)),
		)
	})
}
