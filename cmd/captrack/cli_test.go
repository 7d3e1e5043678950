package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/sample"
	"github.com/yanhe/captrack/store/storetest"
)

// runCmd runs captrack with args against the database dbPath and returns
// what it printed.
func runCmd(t *testing.T, dbPath string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CAPTRACK_DB" {
			return dbPath
		}
		return ""
	}
	err = run(context.Background(), args, getenv, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

// writeFile writes b to name in a temp dir and returns its path.
func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// importReport is the --json output of import.
type importReport struct {
	Created, Updated, Unchanged int
	Digest                      string
	Warnings, Errors            []map[string]any
	Changes                     []map[string]any
	NewProjects                 []map[string]any `json:"new_projects"`
	Similar                     []map[string]any
	ByKind                      []model.KindCount `json:"by_kind"`
	Projects                    []struct {
		Row    int
		Name   string
		Fields map[string]struct{ Value, Cell string }
	}
}

// rowsCounted says whether an import report counts any row.
func rowsCounted(raw map[string]json.RawMessage) bool {
	for _, k := range []string{"created", "updated", "unchanged"} {
		if string(raw[k]) != "0" {
			return true
		}
	}
	return false
}

func importJSON(t *testing.T, dbPath string, args ...string) (importReport, error) {
	t.Helper()
	out, stderr, err := runCmd(t, dbPath, append([]string{"import", "--json"}, args...)...)
	var raw map[string]json.RawMessage
	if jerr := json.Unmarshal([]byte(out), &raw); jerr != nil {
		t.Fatalf("stdout is not one JSON object: %v\nstdout: %s\nstderr: %s", jerr, out, stderr)
	}
	want := []string{"applied", "counts", "created", "digest", "errors", "unchanged", "updated", "warnings"}
	dry := slices.Contains(args, "--dry-run")
	if dry {
		want = []string{"applied", "changes", "changes_total", "counts", "created", "digest", "errors", "new_projects", "new_projects_total", "projects", "projects_total", "similar", "unchanged", "updated", "warnings"}
	}
	// Applied says whether anything was written: a refused import's
	// counts are what it would have written.
	if applied := string(raw["applied"]) == "true"; applied != (err == nil && !dry) {
		t.Errorf("applied = %s for an import that failed: %v, dry run: %v", raw["applied"], err, dry)
	}
	if _, ok := raw["note"]; ok { // findings left off the lists
		want = append(want, "note")
	}
	if rowsCounted(raw) { // by kind, once a row is counted
		want = append(want, "by_kind")
	}
	slices.Sort(want)
	if got := sortedKeys(raw); !reflect.DeepEqual(got, want) {
		t.Errorf("report keys: got %v, want %v", got, want)
	}
	var rep importReport
	if jerr := json.Unmarshal([]byte(out), &rep); jerr != nil {
		t.Fatal(jerr)
	}
	for _, f := range append(rep.Warnings, rep.Errors...) {
		if got, want := sortedKeys(f), []string{"column", "file", "message", "row", "sheet"}; !reflect.DeepEqual(got, want) {
			t.Errorf("finding keys: got %v, want %v", got, want)
		}
	}
	return rep, err
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// projectsJSON lists the projects of dbPath through the CLI.
func projectsJSON(t *testing.T, dbPath string) []map[string]any {
	t.Helper()
	out, stderr, err := runCmd(t, dbPath, "projects", "--json")
	if err != nil {
		t.Fatalf("projects --json: %v\n%s", err, stderr)
	}
	var ps []map[string]any
	if err := json.Unmarshal([]byte(out), &ps); err != nil || ps == nil {
		t.Fatalf("projects --json is not a JSON array (%v): %s", err, out)
	}
	return ps
}

func TestImportSample(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		annexes := writeFile(t, "annexes.xlsx", sample.Annexes())
		// imported imports the annexes, unless a case did: what the cases
		// after the first import read.
		imported := func(t *testing.T) {
			t.Helper()
			if len(projectsJSON(t, dbPath)) > 0 {
				return
			}
			if rep, err := importJSON(t, dbPath, annexes); err != nil || rep.Created == 0 {
				t.Fatalf("import: created %d, err %v", rep.Created, err)
			}
		}

		t.Run("dry run writes nothing", func(t *testing.T) {
			rep, err := importJSON(t, dbPath, "--dry-run", annexes)
			if err != nil || rep.Created == 0 {
				t.Fatalf("got created %d, err %v; want created > 0, no error", rep.Created, err)
			}
			if ps := projectsJSON(t, dbPath); len(ps) != 0 {
				t.Errorf("got %d projects after a dry run, want 0", len(ps))
			}
			if len(rep.Projects) != 56 {
				t.Fatalf("dry run lists %d projects, want 56", len(rep.Projects))
			}
			var guanzhou bool
			for _, p := range rep.Projects {
				if p.Name == "官舟片区养老服务中心" {
					guanzhou = true
					if f := p.Fields["investment_wan"]; f.Value != "5000" || !regexp.MustCompile(`^[A-Z]+\d+$`).MatchString(f.Cell) || p.Row == 0 {
						t.Errorf("listing of %s: got row %d, investment %+v; want 5000 with its cell", p.Name, p.Row, f)
					}
				}
			}
			if !guanzhou {
				t.Errorf("dry run lists no 官舟片区养老服务中心")
			}
		})

		t.Run("first import", func(t *testing.T) {
			rep, err := importJSON(t, dbPath, annexes)
			if err != nil || rep.Created == 0 || len(rep.Errors) != 0 {
				t.Fatalf("got created %d, errors %v, err %v", rep.Created, rep.Errors, err)
			}
			// The plan's own annex-3 subtotals (公墓 3400 m², 340亩, 6800万;
			// 治丧点 36000 m², 360亩, 7200万) disagree with their rows.
			for _, stated := range []string{"3400", "340", "6800", "36000", "360", "7200"} {
				found := false
				for _, w := range rep.Warnings {
					msg, _ := w["message"].(string)
					found = found || (w["sheet"] == "附件3" && w["row"].(float64) > 0 && w["column"] != "" &&
						strings.Contains(msg, "小计") && strings.Contains(msg, "为 "+stated+"，"))
				}
				if !found {
					t.Errorf("no 附件3 小计 warning about the stated %s among %v", stated, rep.Warnings)
				}
			}
		})

		t.Run("re-import changes nothing", func(t *testing.T) {
			imported(t)
			rep, err := importJSON(t, dbPath, annexes)
			if err != nil || rep.Created != 0 || rep.Updated != 0 || rep.Unchanged == 0 {
				t.Errorf("got created %d updated %d unchanged %d err %v; want 0, 0, > 0", rep.Created, rep.Updated, rep.Unchanged, err)
			}
		})

		t.Run("readable summary", func(t *testing.T) {
			imported(t)
			out, _, err := runCmd(t, dbPath, "import", "--dry-run", annexes)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []*regexp.Regexp{
				regexp.MustCompile(`将新增 0 条，更新 0 条，未变 \d+ 条（项目：未变 56 条；指标：未变 \d+ 条）。`),
				regexp.MustCompile(`文件 annexes\.xlsx 工作表 附件3 第\d+行 第[A-Z]+列：.*小计`),
				regexp.MustCompile(`文件 annexes\.xlsx 工作表 \S+ 第\d+行 官舟片区养老服务中心：.*计划投资（万元） 5000（[A-Z]+\d+）`),
			} {
				if !want.MatchString(out) {
					t.Errorf("summary does not match %s:\n%s", want, out)
				}
			}
		})

		t.Run("projects --json", func(t *testing.T) {
			imported(t)
			ps := projectsJSON(t, dbPath)
			if len(ps) != 56 {
				t.Errorf("got %d projects, want 56", len(ps))
			}
			keys := []string{"id", "code", "name", "annex", "category", "site", "responsible_unit", "planned_start", "planned_finish",
				"plan_precision", "investment_wan", "floor_area_m2", "land_mu", "beds"}
			byName := map[string]map[string]any{}
			for _, p := range ps {
				for _, k := range keys {
					if _, ok := p[k]; !ok {
						t.Errorf("project %v has no key %q", p["name"], k)
					}
				}
				byName[p["name"].(string)] = p
			}
			tests := []struct {
				name string
				want map[string]any
			}{
				{"官舟片区养老服务中心", map[string]any{"annex": 1.0, "planned_start": "2018-12-31", "planned_finish": "2020-12-31",
					"plan_precision": "month", "investment_wan": 5000.0, "floor_area_m2": 13000.0, "land_mu": 20.0, "beds": 300.0, "responsible_unit": "县民政局"}},
				{"县城殡仪馆搬迁工程", map[string]any{"annex": 3.0, "planned_start": nil, "planned_finish": "2020-12-31",
					"plan_precision": "year", "investment_wan": 20000.0, "land_mu": nil, "beds": nil}},
				{"沙子街道集中治丧服务点", map[string]any{"planned_start": "2018-12-31", "responsible_unit": "沙子街道办事处", "floor_area_m2": 2000.0}},
			}
			for _, tt := range tests {
				p := byName[tt.name]
				for k, want := range tt.want {
					if got := p[k]; got != want {
						t.Errorf("%s %s: got %v, want %v", tt.name, k, got, want)
					}
				}
			}
		})

		t.Run("projects table", func(t *testing.T) {
			imported(t)
			out, _, err := runCmd(t, dbPath, "projects")
			if err != nil || !strings.Contains(out, "共 56 个项目") || !strings.Contains(out, "甘溪片区养老服务中心") {
				t.Errorf("got err %v, output:\n%s", err, out)
			}
			out, _, err = runCmd(t, dbPath, "projects", "--as-of", "2019-01-01")
			if err != nil || !strings.Contains(out, "共 56 个项目，实际开工、实际完工、形象进度和已拨付截至 2019-01-01。") {
				t.Errorf("projects --as-of 2019-01-01: got err %v, output:\n%s", err, out)
			}
		})
	})
}

// badWorkbook is an annex table with a non-numeric amount in row 3 and a
// finish before its start in row 4.
func badWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	rows := [][]any{
		{"项目名称", "总投资（万元）", "计划开工", "计划完工", "责任单位"},
		{"甲敬老院", 650, "2018年10月", "2019年12月", "县民政局"},
		{"乙敬老院", "六百五十", "2018年10月", "2019年12月", "县民政局"},
		{"丙敬老院", 650, "2019年12月", "2018年10月", "县民政局"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImportErrors(t *testing.T) {
	tests := []struct {
		name string
		file []byte
		want []map[string]any // sheet, row, column of each expected error
	}{
		{"bad rows", badWorkbook(t), []map[string]any{
			{"sheet": "Sheet1", "row": 3.0, "column": "B"},
			{"sheet": "Sheet1", "row": 4.0, "column": "D"},
		}},
		{"not a workbook", []byte("项目名称,总投资\n"), []map[string]any{{"sheet": "", "row": 0.0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbPath := filepath.Join(t.TempDir(), "captrack.db")
			path := writeFile(t, "bad.xlsx", tt.file)
			rep, err := importJSON(t, dbPath, path)
			if !errors.Is(err, errSilent) {
				t.Errorf("got err %v, want exit status 1 (errSilent)", err)
			}
			for _, w := range tt.want {
				found := false
				for _, e := range rep.Errors {
					match := e["file"] == "bad.xlsx"
					for k, v := range w {
						match = match && e[k] == v
					}
					found = found || match
				}
				if !found {
					t.Errorf("no error at %v among %v", w, rep.Errors)
				}
			}
			if ps := projectsJSON(t, dbPath); len(ps) != 0 {
				t.Errorf("got %d projects after a failed import, want 0", len(ps))
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "captrack.db")
	tests := []struct {
		name string
		args []string
	}{
		{"no files", []string{"import"}},
		{"unknown kind", []string{"import", "--kind", "xyz", "a.xlsx"}},
		{"bad report date", []string{"import", "--report-date", "2020/1/1", "a.xlsx"}},
		{"missing file", []string{"import", filepath.Join(t.TempDir(), "none.xlsx")}},
		{"bad flag", []string{"import", "--nope"}},
		{"projects with an argument", []string{"projects", "extra"}},
		{"demo with an argument", []string{"demo", "extra"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, dbPath, tt.args...)
			if err == nil || out != "" {
				t.Errorf("got err %v, stdout %q; want an error and nothing on stdout", err, out)
			}
		})
	}

}

func TestDemo(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		out, stderr, err := runCmd(t, dbPath, "demo")
		if err != nil {
			t.Fatalf("demo: %v\n%s", err, stderr)
		}
		for _, u := range sample.DemoUsers() {
			if !strings.Contains(out, u.Name) {
				t.Errorf("demo output does not name user %s:\n%s", u.Name, out)
			}
		}
		ps := projectsJSON(t, dbPath)
		if len(ps) != 56 {
			t.Errorf("got %d projects, want 56", len(ps))
		}
		spent := 0
		for _, p := range ps {
			if p["actual_start"] != nil && p["spent_wan"] != 0.0 {
				spent++
			}
		}
		if spent == 0 {
			t.Error("no project has an actual start and payments after the demo load")
		}
		_, _, err = runCmd(t, dbPath, "demo")
		if err == nil || !strings.Contains(errorText(err), "已有 56 个项目") {
			t.Errorf("second demo: got %v, want a refusal naming the 56 projects", err)
		}
	})
}

// TestProgressBar: the bar counts the rows the importer reports, one
// bar a workbook.
func TestProgressBar(t *testing.T) {
	if bar := newProgressBar(&bytes.Buffer{}, 10<<20); bar != nil {
		t.Error("got a progress bar on a writer that is no terminal")
	}
	var out bytes.Buffer
	bar := &progressBar{w: &out}
	for _, p := range []importer.Progress{
		{File: "a.xlsx", Rows: 0, Estimate: 3000},
		{File: "a.xlsx", Rows: 3000, Estimate: 3000, Done: true},
		{File: "b.xlsx", Rows: 0, Estimate: 10},
		{File: "b.xlsx", Rows: 12, Estimate: 12, Done: true},
	} {
		bar.show(p)
	}
	bar.done()
	got := out.String()
	for _, want := range []string{"读取 a.xlsx（行）", "100%", "(3000/3000)", "读取 b.xlsx（行）", "(12/12)"} {
		if !strings.Contains(got, want) {
			t.Errorf("bar output lacks %q: %q", want, got)
		}
	}
}

// TestImportAs: `import --as` applies the user's rights: a manager's
// return may touch only his unit's projects, whichever column names them.
func TestImportAs(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		if _, err := importJSON(t, dbPath, writeFile(t, "annexes.xlsx", sample.Annexes())); err != nil {
			t.Fatal(err)
		}
		byName := map[string]map[string]any{}
		for _, p := range projectsJSON(t, dbPath) {
			byName[p["name"].(string)] = p
		}
		own, other := byName["后坪乡集中治丧服务点"], byName["县城殡仪馆搬迁工程"]
		if own == nil || other == nil || own["responsible_unit"] == other["responsible_unit"] {
			t.Fatalf("the sample lacks two projects of two units: %v, %v", own, other)
		}
		if out, err := runWithStdin(t, dbPath, "hp-password-1\n", "user", "add", "--name", "hp", "--role", "manager",
			"--unit", own["responsible_unit"].(string), "--password-stdin"); err != nil {
			t.Fatalf("user add: %v %s", err, out)
		}
		ret := func(code, name string) string {
			return writeFile(t, "return.xlsx", testbook.Workbook(t, testbook.Sheet{Name: "月报", Rows: [][]any{
				{"截至2026年10月31日"},
				{"项目编码", "项目名称", "实际完工时间", "形象进度(%)"},
				{code, name, "2026-10-01", 100},
			}}))
		}
		t.Run("another unit's code, own name", func(t *testing.T) {
			rep, err := importJSON(t, dbPath, "--as", "hp", ret(other["code"].(string), "后坪乡集中治丧服务点"))
			if !errors.Is(err, errSilent) || len(rep.Errors) != 1 || rep.Errors[0]["row"] != 3.0 ||
				!strings.Contains(rep.Errors[0]["message"].(string), "是另一个项目") {
				t.Errorf("got %v, %v; want one error at row 3", rep.Errors, err)
			}
		})
		t.Run("another unit's code", func(t *testing.T) {
			_, stderr, err := runCmd(t, dbPath, "import", "--as", "hp", ret(other["code"].(string), ""))
			if err == nil || !strings.Contains(err.Error()+stderr, "不属于本单位") {
				t.Errorf("got %v %s; want a refusal naming the unit", err, stderr)
			}
		})
		t.Run("no such user", func(t *testing.T) {
			if _, _, err := runCmd(t, dbPath, "import", "--as", "nobody", ret("", "后坪乡集中治丧服务点")); err == nil || !strings.Contains(err.Error(), "没有用户") {
				t.Errorf("got %v; want 没有用户", err)
			}
		})
		for _, p := range projectsJSON(t, dbPath) {
			if p["code"] == other["code"] && p["actual_finish"] != nil {
				t.Errorf("%s finished %v by a refused import", p["name"], p["actual_finish"])
			}
		}
		t.Run("own project", func(t *testing.T) {
			if rep, err := importJSON(t, dbPath, "--as", "hp", ret("", "后坪乡集中治丧服务点")); err != nil || rep.Updated+rep.Created == 0 {
				t.Errorf("got %+v, %v", rep, err)
			}
		})
	})
}

// TestImportSeveralSites: a plan row listing three sites in one cell is
// stored as three projects named by site, each with its share of the
// row's totals; a progress return names each site's project, and the
// same plan imported again changes nothing.
func TestImportSeveralSites(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		plan := writeFile(t, "plan.xlsx", testbook.Workbook(t, testbook.Sheet{Name: "附件3", Rows: [][]any{
			{"项目名称", "建设地点", "占地（亩）", "总投资（万元）", "计划完成"},
			{"农村公益性公墓", "官舟镇、谯家镇、洪渡镇", 60, 1200, "2017年"},
		}}))
		rep, err := importJSON(t, dbPath, plan)
		if err != nil || rep.Created != 3 || len(rep.Warnings) != 1 || rep.Warnings[0]["column"] != "B" {
			t.Fatalf("import: got %+v, %v; want 3 created and the split said at B2", rep, err)
		}
		ret := writeFile(t, "return.xlsx", testbook.Workbook(t, testbook.Sheet{Name: "月报", Rows: [][]any{
			{"截至2018年1月31日"},
			{"项目名称", "实际完工时间", "形象进度(%)"},
			{"谯家镇农村公益性公墓", "2017-12-20", 100},
		}}))
		if rep, err := importJSON(t, dbPath, ret); err != nil || len(rep.Errors) != 0 {
			t.Fatalf("return: got %+v, %v", rep, err)
		}
		got := map[string]string{}
		for _, p := range projectsJSON(t, dbPath) {
			got[p["name"].(string)] = fmt.Sprintf("%v %v %v %v %v", p["site"], p["land_mu"], p["investment_wan"], p["planned_finish"], p["actual_finish"])
		}
		want := map[string]string{
			"官舟镇农村公益性公墓": "官舟镇 20 400 2017-12-31 <nil>",
			"谯家镇农村公益性公墓": "谯家镇 20 400 2017-12-31 2017-12-20",
			"洪渡镇农村公益性公墓": "洪渡镇 20 400 2017-12-31 <nil>",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("projects: got %v, want %v", got, want)
		}
		if rep, err := importJSON(t, dbPath, plan); err != nil || rep.Created != 0 || rep.Updated != 0 || rep.Unchanged != 3 {
			t.Errorf("re-import: got %+v, %v; want 3 unchanged", rep, err)
		}
	})
}

// TestImportEncryptedXLS: an .xls LibreOffice saved with an open password
// imports with `import --password-stdin` as the workbook it was saved
// from does; without the password or with a wrong one it is refused by
// name and nothing is written.
func TestImportEncryptedXLS(t *testing.T) {
	xls := filepath.Join("..", "..", "importer", "testdata", "xls", "annex-rc4.xls")
	plain := filepath.Join("..", "..", "importer", "testdata", "annex-tables-sample.xlsx")
	want := filepath.Join(t.TempDir(), "plain.db")
	if out, err := runWithStdin(t, want, "", "import", plain); err != nil {
		t.Fatalf("the source: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		name, stdin string
		args        []string
		msg         string // "" = imports
	}{
		{"no password", "", []string{"import", xls}, "工作簿设有打开密码：请提供密码后再导入"},
		{"wrong password", "captrack\n", []string{"import", "--password-stdin", xls}, "工作簿设有打开密码，所给密码不正确"},
		{"its password", "captrack测试\n", []string{"import", "--password-stdin", xls}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dbPath := filepath.Join(t.TempDir(), "captrack.db")
			out, err := runWithStdin(t, dbPath, tc.stdin, tc.args...)
			got := projectsJSON(t, dbPath)
			if tc.msg != "" {
				if err == nil || !strings.Contains(out, tc.msg) || len(got) != 0 {
					t.Fatalf("got err %v, %d projects, output\n%s\nwant a refusal with %q and none", err, len(got), out, tc.msg)
				}
				return
			}
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			names := func(ps []map[string]any) []any {
				var n []any
				for _, p := range ps {
					n = append(n, p["name"], p["planned_finish"], p["investment_wan"])
				}
				return n
			}
			if w := projectsJSON(t, want); len(got) == 0 || !reflect.DeepEqual(names(got), names(w)) {
				t.Errorf("projects:\n got  %v\n want %v", names(got), names(w))
			}
		})
	}
}
