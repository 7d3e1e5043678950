package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// bulletinCells reads a 通报 workbook's title and its ranking's first
// unit line.
func bulletinCells(t *testing.T, path string) (title string, first []string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("单位排名")
	if err != nil || len(rows) < 5 {
		t.Fatalf("单位排名 = %q, %v", rows, err)
	}
	return rows[1][0], rows[4]
}

// bulletinDB stores two projects in dsn: 官舟镇敬老院 (县民政局), planned
// 2019-03 to 2019, started 2019-04-10 with no progress reported, and 公墓
// (和平街道), planned from 2019-06, never started.
func bulletinDB(t *testing.T, dsn string) string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	projects := []model.Project{
		{ID: 1, Code: "P1", Name: "官舟镇敬老院", ResponsibleUnit: "县民政局", PlannedStart: model.MonthPlan(2019, time.March), PlannedFinish: model.YearPlan(2019)},
		{ID: 2, Code: "P3", Name: "公墓", ResponsibleUnit: "和平街道", PlannedStart: model.MonthPlan(2019, time.June), PlannedFinish: model.YearPlan(2020)},
	}
	milestones := []model.Milestone{
		{ProjectID: 1, Kind: "start", Name: "start", Seq: 1, Baseline: projects[0].PlannedStart, Actual: model.NewDate(2019, time.April, 10)},
		{ProjectID: 2, Kind: "start", Name: "start", Seq: 1, Baseline: projects[1].PlannedStart},
	}
	if err := db.LoadTracking(ctx, projects, milestones, nil); err != nil {
		t.Fatal(err)
	}
	return dsn
}

func TestBulletinCommand(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		db := bulletinDB(t, dsn)
		dir := t.TempDir()
		draft := filepath.Join(dir, "draft.xlsx")
		stdout, _, err := runCmd(t, db, "bulletin", "--month", "2020-01", "--out", draft)
		if err != nil || !strings.Contains(stdout, "草稿") {
			t.Fatalf("draft: %q, %v", stdout, err)
		}
		// Both red as of 2020-01-31: one red lamp for each unit, in
		// name order (县民政局 before 和平街道 in Go's string order).
		title, first := bulletinCells(t, draft)
		if title != "2020年1月民生工程项目推进情况通报（草稿）" || first[1] != "县民政局" || first[2] != "1" {
			t.Errorf("draft: title %q, first unit %q", title, first)
		}
		list := func() int {
			s, err := store.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			bs, err := s.Bulletins(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return len(bs)
		}
		if n := list(); n != 0 {
			t.Errorf("a draft stored %d 通报, want none", n)
		}
		for i, want := range []string{"2020年1月民生工程项目推进情况通报", "2020年1月民生工程项目推进情况通报（更正版·第2版）"} {
			out := filepath.Join(dir, "issued.xlsx")
			stdout, _, err := runCmd(t, db, "bulletin", "--issue", "--month", "2020-01", "--out", out)
			if err != nil || !strings.Contains(stdout, "已印发") {
				t.Fatalf("issue: %q, %v", stdout, err)
			}
			if title, _ := bulletinCells(t, out); title != want {
				t.Errorf("issue %d: title %q, want %q", i+1, title, want)
			}
			if n := list(); n != i+1 {
				t.Errorf("after issue %d: %d 通报 stored", i+1, n)
			}
		}
		for _, tc := range []struct {
			args []string
			want string
		}{
			{[]string{"bulletin", "--out", draft}, "--month"},
			{[]string{"bulletin", "--month", "2020-01"}, "--out"},
			{[]string{"bulletin", "--month", "2020-1x", "--out", draft}, "YYYY-MM"},
			{[]string{"bulletin", "--month", "2020-01", "--out", draft, "--pace-yellow", "40", "--pace-red", "30"}, "红灯阈值"},
			{[]string{"bulletin", "--issue", "--month", "2999-01", "--out", draft}, "尚未结束"},
		} {
			if _, _, err := runCmd(t, db, tc.args...); err == nil || !strings.Contains(errorText(err), tc.want) {
				t.Errorf("%q: %v, want an error mentioning %q", tc.args, err, tc.want)
			}
		}
	})
}

// serve, report and bulletin refuse thresholds that do not fit together
// before they open the database or listen.
func TestPaceFlagsChecked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none", "captrack.db") // a directory that does not exist
	for _, args := range [][]string{
		{"serve", "--addr", "127.0.0.1:0", "--pace-yellow", "40", "--pace-red", "30"},
		{"report", "spend", "--out", "x.xlsx", "--pace-red", "101"},
		{"bulletin", "--month", "2020-01", "--out", "x.xlsx", "--pace-yellow", "-1"},
	} {
		if _, _, err := runCmd(t, db, args...); err == nil || !strings.Contains(errorText(err), "序时进度") {
			t.Errorf("%q: %v, want the thresholds refused", args, err)
		}
	}
}
