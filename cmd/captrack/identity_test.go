package main

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store/storetest"
)

// TestReimportOtherOfficesPlan: the plan as another office typed it
// (testdata/annex-tables-sample.xlsx: 县儿童福利院 for 儿童福利院, no
// group rows in annex 3, …) imported onto the demo creates no project,
// keeps every name and category, leaves the planned investment at
// 62,250 万元 and the alerts as they were.
func TestReimportOtherOfficesPlan(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		if _, stderr, err := runCmd(t, dbPath, "demo"); err != nil {
			t.Fatalf("demo: %v %s", err, stderr)
		}
		alerts := func() int {
			out, _, err := runCmd(t, dbPath, "alerts", "--json")
			var as []any
			if err != nil || json.Unmarshal([]byte(out), &as) != nil {
				t.Fatalf("alerts: %v %s", err, out)
			}
			return len(as)
		}
		type kept struct{ Name, Category string }
		snapshot := func() (map[string]kept, float64) {
			out := map[string]kept{}
			var total float64
			for _, p := range projectsJSON(t, dbPath) {
				cat, _ := p["category"].(string)
				out[p["code"].(string)] = kept{p["name"].(string), cat}
				inv, _ := p["investment_wan"].(float64)
				total += inv
			}
			return out, total
		}
		before, total := snapshot()
		alertsBefore := alerts()
		// The dry run says what the six new records are: indicator
		// targets of annex 2, not projects (it lists no new project).
		out, _, err := runCmd(t, dbPath, "import", "--dry-run", "testdata/annex-tables-sample.xlsx")
		if err != nil || !strings.Contains(out, "试运行（未写入）：将新增 6 条，更新 56 条，未变 4 条（项目：更新 56 条；指标：新增 6 条，未变 4 条）。") || strings.Contains(out, "将新增的项目") {
			t.Fatalf("dry run: %v\n%s", err, out)
		}
		rep, err := importJSON(t, dbPath, "testdata/annex-tables-sample.xlsx")
		if err != nil || len(rep.Errors) > 0 || rep.Created != 6 { // the six indicator targets of annex 2
			t.Fatalf("import: created %d, errors %v, %v", rep.Created, rep.Errors, err)
		}
		wantKinds := []model.KindCount{{Entity: "project", Label: "项目", Updated: 56}, {Entity: "indicator", Label: "指标", Created: 6, Unchanged: 4}}
		if !reflect.DeepEqual(rep.ByKind, wantKinds) {
			t.Errorf("by kind: %+v, want %+v", rep.ByKind, wantKinds)
		}
		after, totalAfter := snapshot()
		if len(after) != 56 || total != 62250 || totalAfter != 62250 {
			t.Errorf("projects %d, investment %v → %v; want 56, 62250 → 62250", len(after), total, totalAfter)
		}
		for code, b := range before {
			a := after[code]
			// The one rename is a spelling of the same normalised name.
			if a.Category != b.Category || (a.Name != b.Name && code != "A1-7A8B9ED81659") {
				t.Errorf("%s: %+v became %+v", code, b, a)
			}
		}
		for _, w := range []string{"县儿童福利院", "县光荣院", "县未成年人保护中心"} {
			found := false
			for _, f := range rep.Warnings {
				found = found || strings.Contains(f["message"].(string), "项目名称“"+w+"”与已有项目")
			}
			if !found {
				t.Errorf("no warning that %s matched a stored project", w)
			}
		}
		if got := alerts(); got != alertsBefore {
			t.Errorf("alerts: %d → %d", alertsBefore, got)
		}
	})
}

// TestImportDecisionsCLI: a row resembling a stored project is refused
// without a decision, listed by the dry run, and imported by --new,
// --new-all or --match.
func TestImportDecisionsCLI(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		plan := func(rows ...[]any) string {
			return writeFile(t, "plan.xlsx", testbook.Workbook(t, testbook.Sheet{Name: "附件1", Rows: append([][]any{
				{"项目名称", "建设地点", "总投资（万元）", "责任单位"}}, rows...)}))
		}
		if _, err := importJSON(t, dbPath, plan([]any{"儿童福利院", "县城", 5000, "县民政局"})); err != nil {
			t.Fatal(err)
		}
		code := projectsJSON(t, dbPath)[0]["code"].(string)
		other := plan([]any{"儿童福利中心", "县城", 800, "县民政局"})

		rep, err := importJSON(t, dbPath, other)
		if err == nil || len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0]["message"].(string), "可能与“儿童福利院”（"+code+"）为同一项目") {
			t.Errorf("undecided: got %v, %v; want the row refused", rep.Errors, err)
		}
		out, _, _ := runCmd(t, dbPath, "import", "--dry-run", other)
		if !strings.Contains(out, "文件 plan.xlsx 工作表 附件1 第2行 第A列：项目“儿童福利中心”可能与“儿童福利院”（"+code+"）为同一项目") ||
			!strings.Contains(out, "--match 附件1!2="+code) {
			t.Errorf("dry run does not list the row:\n%s", out)
		}
		rep, _ = importJSON(t, dbPath, "--dry-run", other)
		if len(rep.Similar) != 1 || rep.Similar[0]["row"] != 2.0 {
			t.Errorf("dry run similar: %v", rep.Similar)
		}
		if rep, err := importJSON(t, dbPath, "--match", "附件1!2="+code, other); err != nil || rep.Updated != 1 || rep.Created != 0 {
			t.Errorf("--match: %+v, %v", rep, err)
		}
		if ps := projectsJSON(t, dbPath); len(ps) != 1 || ps[0]["investment_wan"] != 800.0 || ps[0]["name"] != "儿童福利院" {
			t.Errorf("after --match: %v", ps)
		}
		third := plan([]any{"儿童福利之家", "县城", 300, "县民政局"})
		if rep, err := importJSON(t, dbPath, "--new", "附件1!2", third); err != nil || rep.Created != 1 {
			t.Errorf("--new: %+v, %v", rep, err)
		}
		fourth := plan([]any{"儿童福利站", "县城", 200, "县民政局"})
		if rep, err := importJSON(t, dbPath, "--new-all", fourth); err != nil || rep.Created != 1 {
			t.Errorf("--new-all: %+v, %v", rep, err)
		}
		var names []string
		for _, p := range projectsJSON(t, dbPath) {
			names = append(names, p["name"].(string))
		}
		if want := []string{"儿童福利之家", "儿童福利站", "儿童福利院"}; !reflect.DeepEqual(sorted(names), want) {
			t.Errorf("projects: %v, want %v", names, want)
		}
		if _, stderr, err := runCmd(t, dbPath, "import", "--new", "附件1", fourth); err == nil || !strings.Contains(err.Error(), "--new 的值") {
			t.Errorf("bad --new: %v %s", err, stderr)
		}
	})
}

func sorted(xs []string) []string { slices.Sort(xs); return xs }
