package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"
)

// PeakHeap runs fn and returns how far the live heap (as each garbage
// collection measures it) rose above its level before fn, in bytes: the
// memory fn holds, not the garbage it leaves for the collector, whose
// amount follows GOGC and the size of the heap around it.
func PeakHeap(fn func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var (
		peak uint64
		wg   sync.WaitGroup
	)
	stop := make(chan struct{})
	wg.Go(func() {
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
	})
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

// Compare runs measured and baseline alternately n times each (at least
// once), so that a change in the machine's load touches both alike, and
// returns the median of the times each reports (the time of the work
// measured, without its setup); it stops at the first error.
func Compare(n int, measured, baseline func() (time.Duration, error)) (m, b time.Duration, err error) {
	var ms, bs []time.Duration
	for range max(n, 1) {
		d, err := measured()
		if err != nil {
			return 0, 0, err
		}
		ms = append(ms, d)
		if d, err = baseline(); err != nil {
			return 0, 0, err
		}
		bs = append(bs, d)
	}
	return median(ms), median(bs), nil
}

// Timed returns a function that runs fn and reports how long it took.
func Timed(fn func() error) func() (time.Duration, error) {
	return func() (time.Duration, error) {
		t0 := time.Now()
		err := fn()
		return time.Since(t0), err
	}
}

func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// LoadAvg returns the machine's one-minute load average as /proc/loadavg
// shows it, or "?" where there is none.
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "?"
}

// WrkResult is what a wrk run measured.
type WrkResult struct {
	Requests     int
	RPS          float64
	P99          time.Duration
	Non2xx       int // non-2xx or 3xx responses
	SocketErrors int // connect, read, write and timeout errors
}

// Failed is the number of requests that failed in any way.
func (r WrkResult) Failed() int { return r.Non2xx + r.SocketErrors }

// Wrk runs the wrk load generator (a second process) at path against
// url with conns connections on two threads for d, sending header (when
// not empty) with every request, and returns what it measured.
func Wrk(ctx context.Context, path, url, header string, conns int, d time.Duration) (WrkResult, error) {
	args := []string{"-t2", "-c" + strconv.Itoa(conns), "-d" + strconv.Itoa(int(d.Seconds())) + "s", "--timeout", "30s", "--latency"}
	if header != "" {
		args = append(args, "-H", header)
	}
	out, err := exec.CommandContext(ctx, path, append(args, url)...).CombinedOutput()
	if err != nil {
		return WrkResult{}, fmt.Errorf("wrk: %v: %s", err, out)
	}
	return ParseWrk(string(out))
}

var (
	wrkRequests = regexp.MustCompile(`(\d+) requests in `)
	wrkRPS      = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	wrkP99      = regexp.MustCompile(`\s99%\s+([\d.]+)(us|ms|s|m)\b`)
	wrkNon2xx   = regexp.MustCompile(`Non-2xx or 3xx responses: (\d+)`)
	wrkSocket   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
)

// ParseWrk reads the report wrk --latency prints.
func ParseWrk(out string) (WrkResult, error) {
	var r WrkResult
	m := wrkRequests.FindStringSubmatch(out)
	p := wrkP99.FindStringSubmatch(out)
	s := wrkRPS.FindStringSubmatch(out)
	if m == nil || p == nil || s == nil {
		return r, errors.New("wrk: unexpected output: " + out)
	}
	r.Requests, _ = strconv.Atoi(m[1])
	r.RPS, _ = strconv.ParseFloat(s[1], 64)
	r.P99, _ = time.ParseDuration(p[1] + p[2])
	if m := wrkNon2xx.FindStringSubmatch(out); m != nil {
		r.Non2xx, _ = strconv.Atoi(m[1])
	}
	if m := wrkSocket.FindStringSubmatch(out); m != nil {
		for _, v := range m[1:] {
			n, _ := strconv.Atoi(v)
			r.SocketErrors += n
		}
	}
	return r, nil
}

// Row is one line of the benchmark table: a measured figure against its
// baseline, their ratio and the target it must meet.
type Row struct {
	Name     string
	Unit     string // of Measured and Baseline: "s", "MB", "req/s", "ms", "requests"
	Measured float64
	Baseline float64
	// Target is the limit of Measured/Baseline: at most Target, or at
	// least Target when AtLeast. With Exact, Measured must equal Target
	// (a count that has no ratio).
	Target  float64
	AtLeast bool
	Exact   bool
	Load    string // the one-minute load average when the figure was taken
	Note    string
}

// Ratio is Measured/Baseline (0 when there is no baseline).
func (r Row) Ratio() float64 {
	if r.Baseline == 0 {
		return 0
	}
	return r.Measured / r.Baseline
}

// Pass reports whether the row meets its target.
func (r Row) Pass() bool {
	switch {
	case r.Exact:
		return r.Measured == r.Target
	case r.Baseline == 0:
		return false
	case r.AtLeast:
		return r.Ratio() >= r.Target
	}
	return r.Ratio() <= r.Target
}

// WriteTable writes rows as an aligned table under title.
func WriteTable(w io.Writer, title string, rows []Row) error {
	fmt.Fprintln(w, title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "项目\t实测\t基线\t比值\t目标\t结果\t负载\t\t")
	for _, r := range rows {
		ratio, target := fmt.Sprintf("%.2f×", r.Ratio()), fmt.Sprintf("≤%.1f×", r.Target)
		switch {
		case r.Exact:
			ratio, target = "-", fmt.Sprintf("=%g", r.Target)
		case r.AtLeast:
			target = fmt.Sprintf("≥%.1f×", r.Target)
		}
		result := "MISS"
		if r.Pass() {
			result = "PASS"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t %s\t\n", r.Name, figure(r.Measured, r.Unit), figure(r.Baseline, r.Unit),
			ratio, target, result, r.Load, r.Note)
	}
	return tw.Flush()
}

// figure formats a value with its unit.
func figure(v float64, unit string) string {
	switch unit {
	case "requests":
		return strconv.FormatFloat(v, 'f', 0, 64)
	case "MB", "req/s":
		return strconv.FormatFloat(v, 'f', 1, 64) + " " + unit
	}
	return strconv.FormatFloat(v, 'f', 3, 64) + " " + unit
}
