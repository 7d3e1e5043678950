package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/store/storetest"
)

// boundsPlan is an annex of n projects; bad makes every planned start
// unreadable (an error a row).
func boundsPlan(t *testing.T, n int, bad bool) string {
	t.Helper()
	sheet := testbook.Sheet{Name: "附件1", Rows: [][]any{{"项目名称", "建设地点", "总投资（万元）", "计划开工", "计划完工", "责任单位"}}}
	start := "2018.12"
	if bad {
		start = "不详的某天"
	}
	for i := range n {
		sheet.Rows = append(sheet.Rows, []any{fmt.Sprintf("第%d号养老服务中心", i+1), "官舟镇", 650, start, "2020.12", "县民政局"})
	}
	return writeFile(t, "plan.xlsx", testbook.Workbook(t, sheet))
}

// TestImportBoundsCLI: the CLI lists at most 200 findings with the
// wording of the API and the web (text and --json), refuses a sheet over
// --max-rows or --max-cells at its row, and stops at --import-timeout;
// none of them writes anything.
func TestImportBoundsCLI(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) { importBoundsCLI(t, dbPath) })
}

func importBoundsCLI(t *testing.T, dbPath string) {
	noProjects := func(t *testing.T) {
		t.Helper()
		if out, _, err := runCmd(t, dbPath, "projects", "--json"); err != nil || strings.TrimSpace(out) != "[]" {
			t.Errorf("projects after a refused import: %s (%v), want none", out, err)
		}
	}
	bad := boundsPlan(t, 250, true)
	out, _, err := runCmd(t, dbPath, "import", bad)
	if err == nil || !strings.Contains(out, "导入失败：发现 250 处错误") || !strings.Contains(out, "错误和警告全部 250 条，仅列出前 200 条。") || strings.Count(out, "不详的某天") != 200 {
		t.Errorf("text: err %v, %d findings shown; out %.600s", err, strings.Count(out, "不详的某天"), out)
	}
	rep, err := importJSON(t, dbPath, bad)
	if err == nil || len(rep.Errors) != 200 {
		t.Errorf("--json: err %v, %d errors listed, want 200", err, len(rep.Errors))
	}
	out, _, _ = runCmd(t, dbPath, "import", "--json", bad)
	if !strings.Contains(out, `"counts":{"errors":250,"warnings":0},"note":"全部 250 条，仅列出前 200 条"`) {
		t.Errorf("--json: %.300s…, want the counts and the note", out)
	}
	noProjects(t)

	good := boundsPlan(t, 30, false)
	for _, tc := range []struct {
		flag, want string
	}{
		{"--max-rows=20", "工作表超过每表 20 行的上限：自第21行起未读取，未写入任何数据"},
		{"--max-cells=100", "工作表的非空单元格超过每表 100 个的上限：自第17行起未读取"},
		{"--import-timeout=1ns", "导入用时超过 1 秒 的上限，已停止，未写入任何数据"},
	} {
		out, _, err := runCmd(t, dbPath, "import", tc.flag, good)
		if err == nil || !strings.Contains(out, tc.want) {
			t.Errorf("%s: err %v, out %s; want %q", tc.flag, err, out, tc.want)
		}
		noProjects(t)
	}
	if _, stderr, err := runCmd(t, dbPath, "import", "--max-rows=0", good); err == nil {
		t.Errorf("--max-rows=0: accepted (%s)", stderr)
	}
}
