package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestParseWrk(t *testing.T) {
	out := `Running 10s test @ http://127.0.0.1:8080/api/v1/alerts
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    10.57ms    3.05ms  38.63ms   71.59%
    Req/Sec     2.38k   244.09     2.94k    70.00%
  Latency Distribution
     50%   10.20ms
     75%   12.01ms
     90%   14.09ms
     99%    1.20s
  47389 requests in 10.01s, 5.56MB read
  Socket errors: connect 0, read 1, write 2, timeout 3
  Non-2xx or 3xx responses: 5
Requests/sec:   4734.82
Transfer/sec:    568.93KB
`
	got, err := ParseWrk(out)
	if err != nil {
		t.Fatal(err)
	}
	want := WrkResult{Requests: 47389, RPS: 4734.82, P99: 1200 * time.Millisecond, Non2xx: 5, SocketErrors: 6}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got.Failed() != 11 {
		t.Errorf("Failed: got %d, want 11", got.Failed())
	}
	if _, err := ParseWrk("unable to connect to 127.0.0.1:1 Connection refused"); err == nil {
		t.Error("a failed run: got no error, want one")
	}
}

func TestRowPass(t *testing.T) {
	for _, tc := range []struct {
		name string
		row  Row
		want bool
	}{
		{"at most, under", Row{Measured: 1.4, Baseline: 1, Target: 1.5}, true},
		{"at most, over", Row{Measured: 1.6, Baseline: 1, Target: 1.5}, false},
		{"at least, over", Row{Measured: 60, Baseline: 100, Target: 0.5, AtLeast: true}, true},
		{"at least, under", Row{Measured: 40, Baseline: 100, Target: 0.5, AtLeast: true}, false},
		{"no baseline", Row{Measured: 1, Target: 1.5}, false},
		{"exact count", Row{Measured: 0, Baseline: 3, Exact: true}, true},
		{"exact count missed", Row{Measured: 1, Exact: true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.row.Pass(); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRebind(t *testing.T) {
	if got, want := rebind(true, "a = ? AND b > ?"), "a = $1 AND b > $2"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := rebind(false, "a = ?"), "a = ?"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// engines are the engines the tests run on: SQLite in a temp dir, and
// PostgreSQL when storetest's variable names a server.
func engines(t *testing.T) map[string]*Engine {
	t.Helper()
	targets := map[string]string{"sqlite": t.TempDir()}
	if u := os.Getenv(storetest.TestPostgresEnv); u != "" {
		targets["postgres"] = u
	}
	out := map[string]*Engine{}
	for name, target := range targets {
		eng, err := NewEngine(context.Background(), target)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Cleanup(func() {
			if err := eng.Close(); err != nil {
				t.Error(err)
			}
		})
		out[name] = eng
	}
	return out
}

// TestBaselinesAgreeWithTheData runs the generators and baselines on a
// small scale on each engine: the bare import reads every project row of
// Annex, and the bare alert queries return the rows model.AlertFacts
// reads from Tracking's data.
func TestBaselinesAgreeWithTheData(t *testing.T) {
	ctx := context.Background()
	var book bytes.Buffer
	if err := synth.Annex(&book, 50); err != nil {
		t.Fatal(err)
	}
	for name, eng := range engines(t) {
		t.Run(name, func(t *testing.T) {
			dsn, err := eng.Fresh(ctx, "data")
			if err != nil {
				t.Fatal(err)
			}
			db, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			bare, err := eng.Bare(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer bare.Close()
			n, err := BareImport(ctx, bare, eng.Postgres(), bytes.NewReader(book.Bytes()), excelize.Options{})
			if err != nil || n != 50 {
				t.Errorf("BareImport = %d, %v; want 50", n, err)
			}
			if err := synth.Tracking(ctx, db, 200, 5); err != nil {
				t.Fatal(err)
			}
			facts, err := db.AlertFacts(ctx, synth.AsOf)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := BareAlerts(ctx, bare, eng.Postgres(), synth.AsOf)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(rows), len(facts.Milestones)+len(facts.Started); got != want || got == 0 {
				t.Errorf("BareAlerts rows: got %d, want AlertFacts' %d (not 0)", got, want)
			}
		})
	}
}

// TestBareSpend checks that the spend baseline writes a workbook excelize
// reads back: a row per project and a subtotal per category.
func TestBareSpend(t *testing.T) {
	var spend bytes.Buffer
	if err := BareSpend(&spend, synth.ReportData(100)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&spend)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	// 100 projects in 20 categories: a subtotal row after each category.
	if got, want := len(rows), 120; got != want {
		t.Errorf("rows: got %d, want %d", got, want)
	}
	if got := rows[0][1]; !strings.HasPrefix(got, "A1-") {
		t.Errorf("B1: got %q, want a project code", got)
	}
}
