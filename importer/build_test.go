package importer

import (
	"bytes"
	"testing"

	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/internal/testbook"
)

// sheetSpec and workbook are testbook's, under the short names these
// tests use.
type sheetSpec = testbook.Sheet

func workbook(tb testing.TB, sheets ...sheetSpec) []byte { return testbook.Workbook(tb, sheets...) }

// bigAnnex is synth.Annex's workbook of n project rows: the one
// cmd/captrack-bench imports.
func bigAnnex(tb testing.TB, n int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := synth.Annex(&buf, n); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
