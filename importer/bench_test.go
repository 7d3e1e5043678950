package importer

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
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

// BenchmarkParseXLS60k parses a 60,000-row annex (an .xls holds at most
// 65,536 rows a sheet) as .xlsx and as the .xls LibreOffice saves of it
// (skipped without soffice).
func BenchmarkParseXLS60k(b *testing.B) {
	if _, err := exec.LookPath("soffice"); err != nil {
		b.Skip("needs LibreOffice (soffice) to save the annex as .xls")
	}
	const n = 60000
	dir := b.TempDir()
	xlsx := bigAnnex(b, n)
	if err := os.WriteFile(filepath.Join(dir, "big.xlsx"), xlsx, 0o644); err != nil {
		b.Fatal(err)
	}
	if out, err := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+dir+"/profile", "--convert-to", "xls", "--outdir", dir, filepath.Join(dir, "big.xlsx")).CombinedOutput(); err != nil {
		b.Fatalf("soffice: %v %s", err, out)
	}
	xls, err := os.ReadFile(filepath.Join(dir, "big.xls"))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"xlsx", xlsx}, {"xls", xls}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				p := Parse("big."+f.name, bytes.NewReader(f.data), Options{})
				if len(p.Errors) != 0 || len(p.Set.Plans) != n {
					b.Fatalf("got %d errors, %d projects; want 0, %d", len(p.Errors), len(p.Set.Plans), n)
				}
			}
		})
	}
}
