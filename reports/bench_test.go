package reports_test

import (
	"io"
	"testing"

	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/reports"
)

// BenchmarkSpendReport100k writes the spend report of 100,000 projects
// (synth.ReportData, the data cmd/captrack-bench measures, which also
// compares it with a bare stream writer and measures its peak heap).
func BenchmarkSpendReport100k(b *testing.B) {
	if testing.Short() {
		b.Skip("100,000-project benchmark skipped in -short mode")
	}
	data := synth.ReportData(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := reports.Spend(io.Discard, data); err != nil {
			b.Fatal(err)
		}
	}
}
