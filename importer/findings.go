package importer

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

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

// keepListed is how many findings of each kind a reader keeps while it
// reads: the first of them in the order sortFindings gives are those an
// import lists (model.MaxListed).
const keepListed = model.MaxListed

// keep adds f to fs, clipped, and when fs has grown to twice keepListed
// drops all but its first keepListed, so that a workbook with millions
// of bad cells is read in bounded memory; name is the file's.
func keep(fs []model.Finding, f model.Finding, name string) []model.Finding {
	fs = append(fs, clipFinding(f))
	if len(fs) >= 2*keepListed {
		sortFindings(fs, []string{name})
		clear(fs[keepListed:])
		fs = fs[:keepListed]
	}
	return fs
}

// Bounds of the text a finding shows, in characters: a sheet's or
// file's name, a value quoted in a message (“…”), a whole message. A
// longer text is cut and ends in “…”, so that a cell of a megabyte
// cannot make a report of hundreds.
const (
	maxShownName    = 100
	maxShownQuote   = 100
	maxShownFinding = 1000
)

// clipFinding bounds what f shows.
func clipFinding(f model.Finding) model.Finding {
	f.File = clipText(f.File, maxShownName)
	f.Sheet = clipText(f.Sheet, maxShownName)
	f.Column = clipText(f.Column, 3)
	if len(f.Message) > maxShownQuote {
		var b strings.Builder
		rest := f.Message
		for {
			open := strings.Index(rest, "“")
			if open < 0 {
				break
			}
			end := strings.Index(rest[open:], "”")
			if end < 0 {
				break
			}
			b.WriteString(rest[:open+len("“")])
			b.WriteString(clipText(rest[open+len("“"):open+end], maxShownQuote))
			b.WriteString("”")
			rest = rest[open+end+len("”"):]
		}
		b.WriteString(rest)
		f.Message = clipText(b.String(), maxShownFinding)
	}
	return f
}

// clipText cuts s to max characters, the last of them “…”.
func clipText(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	return string(runes[:max-1]) + "…"
}
