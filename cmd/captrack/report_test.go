package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/internal/tempdir"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// leftovers lists the temp files a report run left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, ".captrack-report-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReportCommand(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		db := alertsDB(t, dsn)
		dir := t.TempDir()
		tests := []struct {
			name       string
			args       []string
			sheet      string
			cell, want string
		}{
			{"spend", []string{"report", "spend", "--out", "spend.xlsx", "--as-of", "2020-01-10"}, "资金使用进度表", "A2", "截至日期：2020年1月10日"},
			{"kind after flags", []string{"report", "--as-of", "2020-01-10", "--out", "delayed.xlsx", "delayed"}, "滞后项目清单", "B4", "P3"},
			{"progress", []string{"report", "progress", "--as-of", "2020-01-10", "--out", "progress.xlsx"}, "其他项目", "B5", "官舟镇敬老院"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				out := filepath.Join(dir, tt.args[indexOf(tt.args, "--out")+1])
				args := append([]string(nil), tt.args...)
				args[indexOf(args, "--out")+1] = out
				stdout, stderr, err := runCmd(t, db, args...)
				if err != nil {
					t.Fatalf("report: %v\n%s", err, stderr)
				}
				if !strings.Contains(stdout, out) {
					t.Errorf("stdout = %q, want it to name %s", stdout, out)
				}
				f, err := excelize.OpenFile(out)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if got, _ := f.GetCellValue(tt.sheet, tt.cell); got != tt.want {
					t.Errorf("%s!%s = %q, want %q", tt.sheet, tt.cell, got, tt.want)
				}
				if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
					t.Errorf("mode = %v, want 0644", fi.Mode().Perm())
				}
			})
		}
		if l := leftovers(t, dir); len(l) > 0 {
			t.Errorf("temp files left behind: %v", l)
		}
	})
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func TestReportCommandErrors(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		db := alertsDB(t, dsn)
		dir := t.TempDir()
		existing := filepath.Join(dir, "old.xlsx")
		if err := os.WriteFile(existing, []byte("previous report"), 0o644); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			args []string
			want string
		}{
			{"unknown kind", []string{"report", "budget", "--out", existing}, "spend、delayed 或 progress"},
			{"no kind", []string{"report", "--out", existing}, "spend、delayed 或 progress"},
			{"no out", []string{"report", "spend"}, "--out"},
			{"bad date", []string{"report", "spend", "--out", existing, "--as-of", "2020-13-01"}, "YYYY-MM-DD"},
			{"extra argument", []string{"report", "spend", "--out", existing, "more"}, "多余的参数"},
			{"missing directory", []string{"report", "spend", "--out", filepath.Join(dir, "no", "such.xlsx")}, "无法创建输出文件"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, _, err := runCmd(t, db, tt.args...)
				if err == nil || !strings.Contains(errorText(err), tt.want) {
					t.Errorf("err = %v, want one mentioning %q", err, tt.want)
				}
			})
		}
		if b, _ := os.ReadFile(existing); string(b) != "previous report" {
			t.Errorf("a failed run changed %s", existing)
		}
		if l := leftovers(t, dir); len(l) > 0 {
			t.Errorf("temp files left behind: %v", l)
		}
	})
}

// CAPTRACK_ORG names the 编制单位 every printed page of a report shows; a
// value no unit could have is refused before anything is written.
func TestReportOrg(t *testing.T) {
	db := alertsDB(t, filepath.Join(t.TempDir(), "org.db"))
	out := filepath.Join(t.TempDir(), "spend.xlsx")
	for _, tt := range []struct{ org, want string }{{"", "编制单位：沿河土家族自治县"}, {"县财政局 & 县民政局", "编制单位：县财政局 && 县民政局"}} {
		getenv := func(k string) string {
			return map[string]string{"CAPTRACK_DB": db, "CAPTRACK_ORG": tt.org}[k]
		}
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"report", "spend", "--out", out}, getenv, strings.NewReader(""), &stdout, &stderr); err != nil {
			t.Fatalf("report: %v", err)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		hf, err := f.GetHeaderFooter("资金使用进度表")
		f.Close()
		if err != nil || !strings.Contains(hf.OddHeader, tt.want) || !strings.Contains(hf.OddFooter, "打印时间：") {
			t.Errorf("CAPTRACK_ORG=%q: header %q footer %q (%v), want %q and 打印时间", tt.org, hf.OddHeader, hf.OddFooter, err, tt.want)
		}
	}
	getenv := func(k string) string {
		return map[string]string{"CAPTRACK_DB": db, "CAPTRACK_ORG": "县财政局\n"}[k]
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"report", "spend", "--out", out}, getenv, strings.NewReader(""), &stdout, &stderr)
	if err == nil || !strings.Contains(errorText(err), "CAPTRACK_ORG") || !strings.Contains(errorText(err), "编制单位") {
		t.Errorf("a line break in CAPTRACK_ORG: %v, want it refused naming CAPTRACK_ORG", err)
	}
}

// TestKilledRunsSwept: a report's temp file and a temp directory left by
// killed captracks (unlocked, over a minute old) are removed by the next
// run; one in use (locked) by a live run is not.
func TestKilledRunsSwept(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	db := alertsDB(t, filepath.Join(t.TempDir(), "captrack.db"))
	dir := t.TempDir()
	past := time.Now().Add(-2 * time.Minute)
	left := func(path string, mkdir bool) string {
		t.Helper()
		var err error
		if mkdir {
			err = os.Mkdir(path, 0o700)
		} else {
			err = os.WriteFile(path, []byte("half a report"), 0o600)
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, past, past); err != nil {
			t.Fatal(err)
		}
		return path
	}
	killedReport := left(filepath.Join(dir, ".captrack-report-1.xlsx"), false)
	killedImport := left(filepath.Join(os.TempDir(), "captrack-tmp-import-1"), true)
	live := left(filepath.Join(dir, ".captrack-report-2.xlsx"), false)
	lock, err := tempdir.Lock(live)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if _, stderr, err := runCmd(t, db, "report", "spend", "--out", filepath.Join(dir, "spend.xlsx")); err != nil {
		t.Fatalf("report: %v\n%s", err, stderr)
	}
	for path, want := range map[string]bool{killedReport: false, killedImport: false, live: true} {
		if _, err := os.Stat(path); (err == nil) != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(path), err == nil, want)
		}
	}
}

// --spend-q3-min and --spend-lag set the 支出进度 lamps a report shows:
// P1, 40 % paid of its allocation on 2019-10-15, is red below the
// default 60 %, yellow with the checkpoint at 30 %, green with a lag of
// 30 points too; a value that is no percentage is refused.
func TestReportSpendFlags(t *testing.T) {
	path := alertsDB(t, filepath.Join(t.TempDir(), "spend.db"))
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	actor := model.Actor{User: "finance"}
	db.Now = func() time.Time { return time.Date(2019, 3, 1, 10, 0, 0, 0, time.UTC) } // entered before the report's as-of date
	if _, err := db.CreateFund(ctx, actor, model.Fund{Kind: model.FundAllocated, ProjectID: 1, Source: "县级配套", Amount: 100 * model.Wan, Date: model.NewDate(2019, 1, 10), DocNo: "沿财〔2019〕1号"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreatePayment(ctx, actor, model.Disbursement{ProjectID: 1, Source: "县级配套", Amount: 40 * model.Wan, Date: model.NewDate(2019, 3, 1), Voucher: "V1"}, false); err != nil {
		t.Fatal(err)
	}
	db.Close()
	out := filepath.Join(t.TempDir(), "spend.xlsx")
	for _, tc := range []struct {
		flags []string
		want  string
	}{{nil, "红灯"}, {[]string{"--spend-q3-min", "30"}, "黄灯"}, {[]string{"--spend-q3-min", "30", "--spend-lag", "40"}, "绿灯"}} {
		args := append([]string{"report", "spend", "--as-of", "2019-10-15", "--out", out}, tc.flags...)
		if _, stderr, err := runCmd(t, path, args...); err != nil {
			t.Fatalf("%v: %v\n%s", tc.flags, err, stderr)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := f.GetCellValue(reports.FundsSheet, "K4")
		f.Close()
		if got != tc.want {
			t.Errorf("%v: P1's lamp = %q, want %s", tc.flags, got, tc.want)
		}
	}
	for _, cmd := range [][]string{{"report", "spend", "--out", out}, {"serve", "--addr", "127.0.0.1:0"}} {
		_, _, err := runCmd(t, path, append(cmd, "--spend-lag", "101")...)
		if err == nil || !strings.Contains(errorText(err), "0–100") {
			t.Errorf("%s --spend-lag 101: %v, want it refused", cmd[0], err)
		}
	}
}
