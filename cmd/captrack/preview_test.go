package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/store/storetest"
)

// smallPlan is an annex table of two 敬老院, 甲's investment given.
func smallPlan(t *testing.T, investment any, more ...[]any) []byte {
	rows := [][]any{
		{"项目名称", "总投资（万元）", "计划开工", "计划完工", "责任单位"},
		{"甲敬老院", investment, "2018年10月", "2019年12月", "县民政局"},
		{"乙敬老院", 700, "2018年10月", "2019年12月", "县民政局"},
	}
	return testbook.Workbook(t, testbook.Sheet{Name: "附件1", Rows: append(rows, more...)})
}

// TestImportPreviewCLI: the dry run lists each change (text: a line each;
// --json: "changes") and each new project, and its digest, given to
// --expect, refuses an import whose outcome changed since.
func TestImportPreviewCLI(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		if _, err := importJSON(t, dbPath, writeFile(t, "plan.xlsx", smallPlan(t, 650))); err != nil {
			t.Fatal(err)
		}
		codes := map[string]string{}
		for _, p := range projectsJSON(t, dbPath) {
			codes[p["name"].(string)] = p["code"].(string)
		}
		retyped := writeFile(t, "retyped.xlsx", smallPlan(t, 680, []any{"丙日间照料中心", 300, "2019年1月", "2019年12月", "县民政局"}))
		rep, err := importJSON(t, dbPath, "--dry-run", retyped)
		if err != nil {
			t.Fatal(err)
		}
		want := []map[string]any{{"project_code": codes["甲敬老院"], "project_name": "甲敬老院", "field": "investment_wan",
			"old": "650", "new": "680", "file": "retyped.xlsx", "sheet": "附件1", "row": 2.0, "column": "B"}}
		if !reflect.DeepEqual(rep.Changes, want) {
			t.Errorf("changes:\ngot  %v\nwant %v", rep.Changes, want)
		}
		if len(rep.NewProjects) != 1 || rep.NewProjects[0]["name"] != "丙日间照料中心" || rep.NewProjects[0]["row"] != 4.0 {
			t.Errorf("new projects: got %v, want 丙日间照料中心 of row 4", rep.NewProjects)
		}

		out, _, err := runCmd(t, dbPath, "import", "--dry-run", retyped)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range []string{
			"将修改的数据（1 处）：\n  文件 retyped.xlsx 工作表 附件1 第2行 第B列 甲敬老院（" + codes["甲敬老院"] + "） 计划投资（万元）：650 → 680\n",
			"将新增的项目（1 个）：\n  文件 retyped.xlsx 工作表 附件1 第4行 丙日间照料中心（",
			"预览编号 " + rep.Digest,
		} {
			if !strings.Contains(out, line) {
				t.Errorf("dry run text lacks %q:\n%s", line, out)
			}
		}

		// Meanwhile 甲's investment is changed by another import: the
		// preview no longer holds, and nothing is written.
		if _, err := importJSON(t, dbPath, writeFile(t, "other.xlsx", smallPlan(t, 660))); err != nil {
			t.Fatal(err)
		}
		_, stderr, err := runCmd(t, dbPath, "import", "--expect", rep.Digest, retyped)
		if err == nil || !strings.Contains(stderr+err.Error(), "自预览以来数据已有变化") {
			t.Errorf("stale --expect: got err %v, stderr %q; want the refusal", err, stderr)
		}
		if ps := projectsJSON(t, dbPath); len(ps) != 2 {
			t.Errorf("projects after a refused import: got %d, want 2", len(ps))
		}
		again, err := importJSON(t, dbPath, "--dry-run", retyped)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := importJSON(t, dbPath, "--expect", again.Digest, retyped); err != nil || got.Created != 1 || got.Updated != 1 {
			t.Errorf("import of a fresh preview: got %+v, %v; want 1 created, 1 updated", got, err)
		}
	})
}

// TestImportsList: `imports --json` lists the applied batches, newest
// first, with their user, files and counts; dry runs and refused imports
// leave none.
func TestImportsList(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		first := writeFile(t, "plan.xlsx", smallPlan(t, 650))
		if _, err := importJSON(t, dbPath, first); err != nil {
			t.Fatal(err)
		}
		if _, err := importJSON(t, dbPath, "--dry-run", writeFile(t, "dry.xlsx", smallPlan(t, 700))); err != nil {
			t.Fatal(err)
		}
		if _, err := importJSON(t, dbPath, writeFile(t, "second.xlsx", smallPlan(t, 680))); err != nil {
			t.Fatal(err)
		}
		out, _, err := runCmd(t, dbPath, "imports", "--json")
		if err != nil {
			t.Fatal(err)
		}
		var got []map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("imports --json: %v\n%s", err, out)
		}
		type batch struct {
			files                       string
			created, updated, unchanged float64
			byKind                      string
		}
		var brief []batch
		for _, b := range got {
			files, _ := json.Marshal(b["files"])
			byKind, _ := json.Marshal(b["by_kind"])
			brief = append(brief, batch{string(files), b["created"].(float64), b["updated"].(float64), b["unchanged"].(float64), string(byKind)})
			if b["user"] != "cli" || b["kind"] != "plan" || b["time"] == "" || b["id"] == nil {
				t.Errorf("batch %v lacks its user, kind, time or id", b)
			}
		}
		if want := []batch{
			{`["second.xlsx"]`, 0, 1, 1, `[{"created":0,"entity":"project","label":"项目","unchanged":1,"updated":1}]`},
			{`["plan.xlsx"]`, 2, 0, 0, `[{"created":2,"entity":"project","label":"项目","unchanged":0,"updated":0}]`},
		}; !reflect.DeepEqual(brief, want) {
			t.Errorf("batches: got %+v, want %+v", brief, want)
		}
		text, _, err := runCmd(t, dbPath, "imports")
		if err != nil || !strings.Contains(text, "新增 2 条，更新 0 条，未变 0 条（项目：新增 2 条）  plan.xlsx") || !strings.Contains(text, "共 2 次导入") {
			t.Errorf("imports: %v\n%s", err, text)
		}
	})
}
