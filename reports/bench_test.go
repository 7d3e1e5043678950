package reports_test

import (
	"fmt"
	"io"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
)

// benchData is n projects in 20 categories with four funding sources,
// as store.ReportData returns them (sorted by category).
func benchData(n int) store.ReportData {
	sources := []string{"中央预算内投资", "省级补助", "福彩公益金", "县级配套"}
	data := store.ReportData{AsOf: model.NewDate(2020, time.June, 30), Sources: sources, Projects: make([]store.ProjectFacts, n)}
	for i := range data.Projects {
		by := map[string]model.Money{}
		var spent model.Money
		for j, s := range sources {
			m := model.Money((i+1)*(j+3)*12345) % (50 * model.Wan)
			by[s], spent = m, spent+m
		}
		data.Projects[i] = store.ProjectFacts{
			Project: model.Project{ID: uint(i + 1), Code: fmt.Sprintf("A1-%08X", i), Name: fmt.Sprintf("第%d号农村互助幸福院建设项目", i),
				Category: fmt.Sprintf("类别%02d", i*20/n), ResponsibleUnit: "县民政局"},
			Plan: model.Money(i%997+1) * model.Wan, PlanKnown: true, Spent: spent, SpentBySource: by,
			Progress: decimal.NewNullDecimal(decimal.New(int64(i%1001), -1)),
		}
	}
	return data
}

// peakHeap returns how far the live heap (as each garbage collection
// measures it) rose above its level before fn, in bytes: the memory fn
// holds, not the garbage it leaves for the collector, whose amount
// follows GOGC and the size of the heap around it.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var (
		peak uint64
		wg   sync.WaitGroup
	)
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	runtime.GC() // a last measure, in case fn ended between collections
	close(stop)
	wg.Wait()
	peak = max(peak, read())
	if peak < base {
		return 0
	}
	return peak - base
}

// runWriter times write over data and reports the peak heap it added.
func runWriter(b *testing.B, write func(io.Writer, store.ReportData) error) {
	if testing.Short() {
		b.Skip("100,000-project benchmark skipped in -short mode")
	}
	data := benchData(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			if err := write(io.Discard, data); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
}

// BenchmarkSpendReport100k writes the spend report of 100,000 projects.
func BenchmarkSpendReport100k(b *testing.B) { runWriter(b, reports.Spend) }

// BenchmarkBareStreamWriter100k writes the same cells (the same values,
// the same formulas, one row per project and per subtotal) with a bare
// stream writer: no styles, no title rows, no print setup, no summary
// sheet. It is the baseline of BenchmarkSpendReport100k.
func BenchmarkBareStreamWriter100k(b *testing.B) { runWriter(b, bareSpend) }

func bareSpend(w io.Writer, data store.ReportData) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	num := func(m model.Money) float64 { v, _ := strconv.ParseFloat(m.WanString(), 64); return v }
	row, top := 1, 1
	values := make([]any, 9+len(data.Sources))
	subtotal := func() error {
		clear(values)
		values[0] = "小计"
		for c := 5; c <= len(values); c++ {
			if c == 7 || c == 8 || c == 9 {
				continue
			}
			col, _ := excelize.ColumnNumberToName(c)
			values[c-1] = excelize.Cell{Formula: fmt.Sprintf("ROUND(SUBTOTAL(9,%s%d:%[1]s%[3]d)*1000000,0)/1000000", col, top, row-1)}
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), values); err != nil {
			return err
		}
		row++
		top = row
		return nil
	}
	for i, p := range data.Projects {
		if i > 0 && p.Project.Category != data.Projects[i-1].Project.Category {
			if err := subtotal(); err != nil {
				return err
			}
		}
		clear(values)
		values[0], values[1], values[2], values[3] = i+1, p.Project.Code, p.Project.Name, p.Project.ResponsibleUnit
		values[4], values[5] = num(p.Plan), num(p.Spent)
		values[6] = excelize.Cell{Formula: fmt.Sprintf(`IF(N(E%d)=0,"",F%[1]d/E%[1]d)`, row)}
		values[7], _ = strconv.ParseFloat(p.Progress.Decimal.Shift(-2).String(), 64)
		values[8] = excelize.Cell{Formula: fmt.Sprintf(`IF(OR(G%d="",H%[1]d=""),"",G%[1]d-H%[1]d)`, row)}
		for j, s := range data.Sources {
			values[9+j] = num(p.SpentBySource[s])
		}
		if err := sw.SetRow("A"+strconv.Itoa(row), values); err != nil {
			return err
		}
		row++
	}
	if err := subtotal(); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
