package importer

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// BenchmarkParse100k parses a generated 100,000-row annex; compare it
// with BenchmarkRowsScan100k, a bare excelize Rows() scan of the same file.
func BenchmarkParse100k(b *testing.B) {
	data := bigAnnex(b, 100000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		p := Parse("big.xlsx", bytes.NewReader(data), Options{})
		if len(p.Errors) != 0 || len(p.Set.Plans) != 100000 {
			b.Fatalf("got %d errors, %d projects; want 0, 100000", len(p.Errors), len(p.Set.Plans))
		}
	}
}

// BenchmarkRowsScan100k is the baseline: open the workbook and read every
// row's raw values, doing nothing with them.
func BenchmarkRowsScan100k(b *testing.B) {
	data := bigAnnex(b, 100000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: DefaultMaxUnzipSize, UnzipXMLSizeLimit: 16 << 20})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if err := rows.Close(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		if n != 100002 {
			b.Fatalf("rows: got %d, want 100002", n)
		}
	}
}
