package reports_test

import (
	"io"
	"testing"

	"github.com/yanhe/captrack/bench"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
)

// runWriter times write over the facts of 100,000 projects
// (bench.ReportData, the data `captrack bench` measures) and reports the
// peak heap it added.
func runWriter(b *testing.B, write func(io.Writer, store.ReportData) error) {
	if testing.Short() {
		b.Skip("100,000-project benchmark skipped in -short mode")
	}
	data := bench.ReportData(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		peak = max(peak, bench.PeakHeap(func() {
			if err := write(io.Discard, data); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
}

// BenchmarkSpendReport100k writes the spend report of 100,000 projects.
func BenchmarkSpendReport100k(b *testing.B) { runWriter(b, reports.Spend) }

// BenchmarkBareStreamWriter100k writes the same cells with a bare stream
// writer (bench.BareSpend): the baseline of BenchmarkSpendReport100k.
func BenchmarkBareStreamWriter100k(b *testing.B) { runWriter(b, bench.BareSpend) }
