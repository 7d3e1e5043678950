package api_test

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// progressReturn is a 进度月报 with one row per {code, name}, reporting
// the project finished on 2024-06-01.
func progressReturn(t *testing.T, rows ...[2]string) map[string][]byte {
	t.Helper()
	sheet := testbook.Sheet{Name: "月报", Rows: [][]any{
		{"截至2024年6月10日"},
		{"项目编码", "项目名称", "实际开工时间", "实际完工时间", "形象进度(%)"},
	}}
	for _, r := range rows {
		sheet.Rows = append(sheet.Rows, []any{r[0], r[1], "2024-03-01", "2024-06-01", 100})
	}
	return map[string][]byte{"return.xlsx": testbook.Workbook(t, sheet)}
}

// TestImportOwnUnitOnly: a manager's progress return may only touch his
// unit's projects, however a row names them; every row resolves to one
// project, and a row whose code and name name two projects is refused.
func TestImportOwnUnitOnly(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		for _, tc := range []struct {
			name   string
			rows   [][2]string
			status int
			msg    string
		}{
			// The attack: another unit's code with one's own project's name.
			{"other unit's code, own name", [][2]string{{"A1-001", "后坪乡敬老院"}}, http.StatusUnprocessableEntity, "项目编码“A1-001”是“县养老服务中心”，而项目名称“后坪乡敬老院”是另一个项目"},
			{"other unit's code", [][2]string{{"A1-001", ""}}, http.StatusForbidden, "不属于本单位"},
			{"other unit's name", [][2]string{{"", "县养老服务中心"}}, http.StatusForbidden, "不属于本单位"},
			{"unknown code, other unit's name", [][2]string{{"X-9", "县养老服务中心"}}, http.StatusForbidden, "不属于本单位"},
			{"own row, then another unit's", [][2]string{{"A1-002", "后坪乡敬老院"}, {"A1-001", "县养老服务中心"}}, http.StatusForbidden, "第4行：项目“县养老服务中心”（A1-001）由县民政局负责"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.Upload("mgr2", "", progressReturn(t, tc.rows...))
				apitest.WantError(t, w, tc.status)
				if !strings.Contains(w.Body.String(), tc.msg) {
					t.Errorf("body = %s, want it to contain %q", w.Body.String(), tc.msg)
				}
			})
		}
		// Nothing of any of them was stored.
		for unit, id := range f.Finish {
			ms, err := db.ProjectMilestones(t.Context(), f.Project[unit])
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if m.ID == id && !m.Actual.IsZero() {
					t.Errorf("%s: finish set to %s by a refused import", unit, m.Actual)
				}
			}
		}
		// His own project he may report, and an admin any.
		if w := f.Upload("mgr2", "", progressReturn(t, [2]string{"A1-002", "后坪乡敬老院"})); w.Code != http.StatusOK {
			t.Errorf("own project: %d %s", w.Code, w.Body.String())
		}
		if w := f.Upload("admin", "", progressReturn(t, [2]string{"A1-001", "县养老服务中心"})); w.Code != http.StatusOK {
			t.Errorf("admin: %d %s", w.Code, w.Body.String())
		}
		p, err := db.GetProject(t.Context(), f.Project[apitest.Township])
		if err != nil || p.ActualFinish.String() != "2024-06-01" {
			t.Errorf("own project after import: finish %v, %v", p.ActualFinish, err)
		}
	})
}

// planTable is an annex table giving 县养老服务中心 (A1-001) an investment.
func planTable(t *testing.T, investment int) map[string][]byte {
	t.Helper()
	return map[string][]byte{"plan.xlsx": testbook.Workbook(t, testbook.Sheet{Name: "附件1", Rows: [][]any{
		{"项目编码", "项目名称", "总投资（万元）"},
		{"A1-001", "县养老服务中心", investment},
	}})}
}

// TestImportPreviewDigest: the preview lists its changes and a digest;
// an import given that digest is refused (409, nothing written) once
// the stored records changed, and applies a fresh preview's.
func TestImportPreviewDigest(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		type report struct {
			Digest  string
			Changes []map[string]any
			Updated int
		}
		var preview report
		w := f.Upload("admin", "?dry_run=true", planTable(t, 800))
		apitest.DecodeJSON(t, w, &preview)
		want := []map[string]any{{"project_code": "A1-001", "project_name": "县养老服务中心", "field": "investment_wan",
			"old": "", "new": "800", "file": "plan.xlsx", "sheet": "附件1", "row": 2.0, "column": "C"}}
		if w.Code != http.StatusOK || !reflect.DeepEqual(preview.Changes, want) || preview.Digest == "" {
			t.Fatalf("preview = %d %s; want changes %v and a digest", w.Code, w.Body.String(), want)
		}
		if w := f.Upload("admin", "", planTable(t, 900)); w.Code != http.StatusOK {
			t.Fatalf("other import = %d %s", w.Code, w.Body.String())
		}
		apitest.WantError(t, f.Upload("admin", "?digest="+preview.Digest, planTable(t, 800)), http.StatusConflict)
		if p, err := db.GetProject(t.Context(), f.Project[apitest.Civil]); err != nil || p.Investment.WanString() != "900" {
			t.Errorf("investment after a refused import = %v, %v; want 900", p.Investment, err)
		}
		apitest.DecodeJSON(t, f.Upload("admin", "?dry_run=true", planTable(t, 800)), &preview)
		var done report
		w = f.Upload("admin", "?digest="+preview.Digest, planTable(t, 800))
		apitest.DecodeJSON(t, w, &done)
		if w.Code != http.StatusOK || done.Updated != 1 || done.Changes != nil {
			t.Errorf("import of a fresh preview = %d %s", w.Code, w.Body.String())
		}
	})
}

// TestImportsListAPI: GET /imports lists the applied batches, newest
// first.
func TestImportsListAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		if w := f.Upload("admin", "", planTable(t, 800)); w.Code != http.StatusOK {
			t.Fatalf("import = %d %s", w.Code, w.Body.String())
		}
		var got struct {
			Items []struct {
				ID               uint
				User             string
				Files            []string
				Created, Updated int
			}
		}
		w := f.Do("GET", "/api/v1/imports", "sup", nil)
		if w.Code != http.StatusOK {
			t.Fatalf("GET /imports = %d %s", w.Code, w.Body.String())
		}
		apitest.DecodeJSON(t, w, &got)
		if len(got.Items) != 2 || got.Items[0].User != "admin" || !reflect.DeepEqual(got.Items[0].Files, []string{"plan.xlsx"}) ||
			got.Items[0].Updated != 1 || got.Items[1].Created != 2 || got.Items[0].ID <= got.Items[1].ID {
			t.Errorf("imports = %+v; want the upload's batch, then the fixture's", got.Items)
		}
	})
}
