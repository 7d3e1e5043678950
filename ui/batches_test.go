package ui

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// importPlan imports plan rows for the web fixture as admin.
func importPlan(t *testing.T, db *store.DB, file string, rows ...model.PlanRow) {
	t.Helper()
	res, err := db.ApplyImport(context.Background(), &model.ImportSet{Plans: rows}, model.ApplyOptions{
		Actor: model.Actor{User: "admin"}, Kind: "plan", Files: []string{file}, Decisions: model.MatchDecisions{NewAll: true}})
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("import %s: %+v %v", file, res, err)
	}
}

// planRow is a plan row for YL-01 with investment wan, or a new project.
func planRow(row int, code, name string, wan int64) model.PlanRow {
	inv := model.Money(wan) * model.Wan
	return model.PlanRow{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: row, ProjectColumn: "B"}, Project: model.Project{
		Code: code, Name: name, Annex: 1, ResponsibleUnit: unitCivil, Investment: &inv}}
}

// The import batch pages are the admin's only (403 for the others); a
// batch's page lists its changes and created projects.
func TestBatchPages(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		importPlan(t, db, "plan.xlsx", planRow(2, "YL-01", "官舟片区养老服务中心", 5200), planRow(3, "", "沙子镇敬老院", 300))
		for _, name := range []string{"supervisor", "finance", "manager"} {
			s := f.sessionOf(t, name)
			for _, target := range []string{"/imports", "/imports/1"} {
				if w := f.do(t, s, "GET", target, nil); w.Code != http.StatusForbidden {
					t.Errorf("%s GET %s: status %d, want 403", name, target, w.Code)
				}
			}
			if w := f.do(t, s, "POST", "/imports/1/revert", url.Values{}); w.Code != http.StatusForbidden {
				t.Errorf("%s POST revert: status %d, want 403", name, w.Code)
			}
		}
		admin := f.sessionOf(t, "admin")
		list := see(t, f.do(t, admin, "GET", "/imports", nil).Body.String())
		if r := list.rowOf("#1"); !list.hasLink("/imports/1", "#1") || len(r) != 9 || r[3] != "plan.xlsx" || r[7] != "项目：新增 1 条，更新 1 条" || r[8] != "有效" {
			t.Errorf("batch list: row %q, want batch #1 of plan.xlsx, its counts by kind, 有效, linked:\n%s", r, list.text)
		}
		page := see(t, f.do(t, admin, "GET", "/imports/1", nil).Body.String())
		if !page.hasRow("官舟片区养老服务中心（YL-01）", "计划投资（万元）", "5000", "5200") || !page.has("沙子镇敬老院") ||
			!page.has("新增 1 条，更新 1 条，未变 0 条（项目：新增 1 条，更新 1 条）") {
			t.Errorf("batch page lacks the change of YL-01's investment, the created project or the counts by kind:\n%s", page.text)
		}
		if revert := page.formAt(t, "", "", "撤销本次导入"); revert.values.Get(csrfField) == "" {
			t.Error("the revert form carries no CSRF token")
		}
		if w := f.do(t, admin, "POST", "/imports/1/revert", url.Values{csrfField: {""}}); w.Code != http.StatusForbidden {
			t.Errorf("revert without the CSRF token: status %d, want 403", w.Code)
		}
	})
}
