package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// badPlan is an annex of n projects whose planned start cannot be read:
// n errors, one a row.
func badPlan(t *testing.T, n int) map[string][]byte {
	t.Helper()
	sheet := testbook.Sheet{Name: "附件1", Rows: [][]any{{"项目名称", "建设地点", "总投资（万元）", "计划开工", "计划完工", "责任单位"}}}
	for i := range n {
		sheet.Rows = append(sheet.Rows, []any{fmt.Sprintf("第%d号养老服务中心", i+1), "官舟镇", 650, "不详的某天", "2020.12", apitest.Civil})
	}
	return map[string][]byte{"plan.xlsx": testbook.Workbook(t, sheet)}
}

// goodPlan is an annex of n valid projects.
func goodPlan(t *testing.T, n int) map[string][]byte {
	t.Helper()
	sheet := testbook.Sheet{Name: "附件1", Rows: [][]any{{"项目名称", "建设地点", "总投资（万元）", "计划开工", "计划完工", "责任单位"}}}
	for i := range n {
		sheet.Rows = append(sheet.Rows, []any{fmt.Sprintf("第%d号养老服务中心", i+1), "官舟镇", 650, "2018.12", "2020.12", apitest.Civil})
	}
	return map[string][]byte{"plan.xlsx": testbook.Workbook(t, sheet)}
}

// wantProjects fails unless db holds the fixture's two projects only.
func wantProjects(t *testing.T, db *store.DB) {
	t.Helper()
	_, total, err := db.ListProjects(context.Background(), model.ProjectFilter{})
	if err != nil || total != 2 {
		t.Errorf("projects stored: %d, %v; want the fixture's 2", total, err)
	}
}

// TestImportBounds: each bound of an import answers with its status and a
// Chinese message, and nothing is stored: at most 200 findings listed
// with their counts; rows and cells per sheet; time; imports at once.
func TestImportBounds(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		gate := importer.NewGate(1, 10*time.Millisecond)
		f := apitest.New(t, db, api.Options{ImportMaxRows: 400, Imports: gate})
		t.Run("findings listed", func(t *testing.T) {
			w := f.Upload("admin", "?dry_run=true", badPlan(t, 300))
			apitest.WantError(t, w, http.StatusUnprocessableEntity)
			var rep struct {
				Error    string
				Errors   []model.Finding
				Warnings []model.Finding
				Counts   model.FindingCount
				Note     string
			}
			apitest.DecodeJSON(t, w, &rep)
			if len(rep.Errors)+len(rep.Warnings) != model.MaxListed || rep.Counts.Errors != 300 || rep.Note != "全部 300 条，仅列出前 200 条" {
				t.Errorf("listed %d errors, %d warnings, counts %+v, note %q; want 200 listed of 300 errors and the note", len(rep.Errors), len(rep.Warnings), rep.Counts, rep.Note)
			}
			if len(rep.Errors) > 0 && (rep.Errors[0].Row != 2 || rep.Errors[len(rep.Errors)-1].Row != 201) {
				t.Errorf("listed rows %d–%d, want the first 200 (2–201)", rep.Errors[0].Row, rep.Errors[len(rep.Errors)-1].Row)
			}
			if !strings.Contains(rep.Error, "300 处错误") {
				t.Errorf("error = %q, want it to count 300", rep.Error)
			}
			if w.Body.Len() > 2<<20 {
				t.Errorf("response of %d bytes, want under 2 MB", w.Body.Len())
			}
		})
		t.Run("rows per sheet", func(t *testing.T) {
			w := f.Upload("admin", "", goodPlan(t, 450))
			apitest.WantError(t, w, http.StatusUnprocessableEntity)
			if want := "工作表超过每表 400 行的上限：自第401行起未读取，未写入任何数据"; !strings.Contains(w.Body.String(), want) || !strings.Contains(w.Body.String(), `"row":401`) {
				t.Errorf("body = %.500s, want %q at row 401", w.Body.String(), want)
			}
			wantProjects(t, db)
		})
		t.Run("imports at once", func(t *testing.T) {
			release, err := gate.Enter(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			w := f.Upload("admin", "", goodPlan(t, 3))
			release()
			apitest.WantError(t, w, http.StatusServiceUnavailable)
			if w.Header().Get("Retry-After") != "30" || !strings.Contains(w.Body.String(), "服务器正在处理其他导入（同时最多 1 个），请 30 秒后再试") {
				t.Errorf("busy: Retry-After %q, body %s", w.Header().Get("Retry-After"), w.Body.String())
			}
			wantProjects(t, db)
			if w := f.Upload("admin", "", goodPlan(t, 3)); w.Code != http.StatusOK {
				t.Errorf("with the slot free: %d %s", w.Code, w.Body.String())
			}
		})
	})
}

// TestImportTimeBound: an import out of time stops, says so, and writes
// nothing.
func TestImportTimeBound(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{ImportTimeout: time.Nanosecond})
		w := f.Upload("admin", "", goodPlan(t, 50))
		apitest.WantError(t, w, http.StatusUnprocessableEntity)
		if want := "导入用时超过 1 秒 的上限，已停止，未写入任何数据"; !strings.Contains(w.Body.String(), want) {
			t.Errorf("body = %s, want %q", w.Body.String(), want)
		}
		wantProjects(t, db)
	})
}

// TestImportCellsBound: a sheet of more non-empty cells than the bound
// is refused at the row that passes it, and nothing is written.
func TestImportCellsBound(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{ImportMaxCells: 2000})
		w := f.Upload("admin", "", goodPlan(t, 390)) // 6 cells a row: 2004 at row 334
		apitest.WantError(t, w, http.StatusUnprocessableEntity)
		if want := "工作表的非空单元格超过每表 2000 个的上限：自第334行起未读取"; !strings.Contains(w.Body.String(), want) {
			t.Errorf("body = %.500s, want %q", w.Body.String(), want)
		}
		wantProjects(t, db)
	})
}
