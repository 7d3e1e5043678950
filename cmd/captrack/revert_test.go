package main

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/yanhe/captrack/store/storetest"
)

// TestImportsRevert: `imports revert ID` undoes a batch (the projects it
// created go, the fields it changed come back), refuses one a later
// import changed, listing that change, and refuses a second revert; its
// -h and its messages are Chinese.
func TestImportsRevert(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		if _, err := importJSON(t, dbPath, writeFile(t, "plan.xlsx", smallPlan(t, 650))); err != nil {
			t.Fatal(err)
		}
		if _, err := importJSON(t, dbPath, "--new-all", writeFile(t, "second.xlsx", smallPlan(t, 680, []any{"丙敬老院", 300, "2018年10月", "2019年12月", "县民政局"}))); err != nil {
			t.Fatal(err)
		}
		if _, err := importJSON(t, dbPath, writeFile(t, "third.xlsx", smallPlan(t, 690))); err != nil {
			t.Fatal(err)
		}
		_, stderr, err := runCmd(t, dbPath, "imports", "revert", "2")
		if !errors.Is(err, errSilent) || !strings.Contains(stderr, "导入批次 #2 写入的记录此后又有 1 处修改") ||
			!strings.Contains(stderr, "甲敬老院 的计划投资（万元）于 ") || !strings.Contains(stderr, "由导入批次 #3（cli）修改") {
			t.Fatalf("revert of a batch changed later: %v\n%s", err, stderr)
		}
		out, _, err := runCmd(t, dbPath, "imports", "revert", "--json", "3")
		var res map[string]int
		if err != nil || json.Unmarshal([]byte(out), &res) != nil || res["restored"] != 1 || res["deleted"] != 0 {
			t.Fatalf("revert 3: %v\n%s", err, out)
		}
		out, _, err = runCmd(t, dbPath, "imports", "revert", "2")
		if err != nil || !strings.Contains(out, "已撤销导入批次 #2：恢复 1 条记录，删除 1 条记录（其中项目 1 个）") {
			t.Fatalf("revert 2: %v\n%s", err, out)
		}
		projects, _, err := runCmd(t, dbPath, "projects", "--json")
		if err != nil || strings.Contains(projects, "丙敬老院") || !strings.Contains(projects, "甲敬老院") {
			t.Errorf("projects after the reverts: %v\n%s", err, projects)
		}
		if !strings.Contains(projects, `"650"`) && !strings.Contains(projects, "650") {
			t.Errorf("investment not restored to 650:\n%s", projects)
		}
		if _, _, err := runCmd(t, dbPath, "imports", "revert", "2"); err == nil || !strings.Contains(errorText(err), "已于") {
			t.Errorf("second revert: got %v, want refused as reverted already", err)
		}
		list, _, _ := runCmd(t, dbPath, "imports")
		if !strings.Contains(list, "second.xlsx  已于") {
			t.Errorf("imports does not show the revert:\n%s", list)
		}
		help, _, _ := runCmd(t, dbPath, "imports", "revert", "-h")
		if !strings.Contains(help, "用法：captrack imports revert [选项] 编号") || !strings.Contains(help, "撤销一次导入") {
			t.Errorf("help:\n%s", help)
		}
		if _, _, err := runCmd(t, dbPath, "imports", "revert", "x"); err == nil || !strings.Contains(err.Error(), "正整数") {
			t.Errorf("bad id: got %v", err)
		}
	})
}
