package ui

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebImportListed: a preview of a workbook with thousands of bad
// cells lists the first 200 findings, counts them all in the API's
// wording (全部 N 条，仅列出前 200 条), stays small, and keeps nothing.
func TestWebImportListed(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		admin := f.sessionOf(t, "admin")
		sheet := testbook.Sheet{Name: "附件1", Rows: [][]any{{"项目名称", "建设地点", "总投资（万元）", "计划开工", "计划完工", "责任单位"}}}
		long := strings.Repeat("很长的无法识别的日期", 3000) // a cell of 30,000 characters
		for i := range 2500 {
			sheet.Rows = append(sheet.Rows, []any{fmt.Sprintf("第%d号养老服务中心", i+1), "官舟镇", 650, long, "2020.12", "县民政局"})
		}
		_, before, err := db.ListProjects(t.Context(), model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		w := f.upload(t, admin, map[string][]byte{"plan.xlsx": testbook.Workbook(t, sheet)}, admin.csrf)
		page := w.Body.String()
		if w.Code != http.StatusOK || !strings.Contains(page, "错误和警告全部 2500 条，仅列出前 200 条。") || !strings.Contains(page, "发现 2500 处错误") {
			t.Errorf("status %d, page %.2000s; want the counts and the note", w.Code, page)
		}
		if n := strings.Count(page, "很长的无法识别的日期"); n > 2*model.MaxListed*10 {
			t.Errorf("the long cell shows %d times its words, want it cut short in each finding", n)
		}
		if len(page) > 2<<20 {
			t.Errorf("preview page of %d bytes, want under 2 MB", len(page))
		}
		if pendingID(page) != "" || storetest.PendingUploads(t, db) != 0 {
			t.Error("a preview with errors offers or keeps an upload")
		}
		if _, after, err := db.ListProjects(t.Context(), model.ProjectFilter{}); err != nil || after != before {
			t.Errorf("projects: %d after, %d before (%v)", after, before, err)
		}
	})
}
