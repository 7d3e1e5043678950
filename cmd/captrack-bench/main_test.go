package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

func TestSelection(t *testing.T) {
	for _, tc := range []struct {
		only string
		want []string
		ok   bool
	}{
		{"import,alerts,report,http,pages", parts, true},
		{"http, import", []string{"import", "http"}, true},
		{"report", []string{"report"}, true},
		{"", nil, false},
		{"alerts,nope", nil, false},
	} {
		t.Run(tc.only, func(t *testing.T) {
			got, err := selection(tc.only)
			if (err == nil) != tc.ok || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, %v; want %v (ok %v)", got, err, tc.want, tc.ok)
			}
		})
	}
}

// TestBenchSmall runs every part of the bench on a small scale into a
// directory of its own and checks the table: every row with a figure,
// a ratio, a target and a verdict. The verdicts themselves are timings,
// which tests do not assert.
func TestBenchSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the benchmarks (small scale, with wrk for two seconds when installed)")
	}
	dir := t.TempDir()
	var stdout, stderr strings.Builder
	err := run(context.Background(), []string{"--db", dir, "--rows", "200", "--runs", "1",
		"--http-projects", "20", "--http-duration", "1s"}, &stdout, &stderr)
	if err != nil && !errors.Is(err, errMissed) {
		t.Fatalf("bench: %v\nstderr: %s", err, stderr.String())
	}
	want := []string{"导入 200 行：耗时", "导入峰值堆内存 200 行 / 20 行", "预警 200 项目 / 2000 节点：耗时",
		"资金使用进度表 200 项目：耗时", "资金使用进度表 200 项目：峰值堆内存"}
	if _, err := exec.LookPath("wrk"); err == nil {
		want = append(want, "：吞吐", "：p99 延迟", "：失败请求")
	}
	lines := strings.Split(stdout.String(), "\n")
	for _, w := range want {
		found := false
		for _, l := range lines {
			if strings.Contains(l, w) {
				found = true
				if !strings.Contains(l, "PASS") && !strings.Contains(l, "MISS") {
					t.Errorf("row %q: no verdict", l)
				}
			}
		}
		if !found {
			t.Errorf("no row %q in\n%s", w, stdout.String())
		}
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) == 0 {
		t.Errorf("--db %s: got %d entries, %v; want the bench's SQLite files there", dir, len(entries), err)
	}
}
