package ui

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/httpx"
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

// TestWebImportBusy: an import that finds every import slot of the
// server busy is refused with 503, the API's Retry-After and its
// message, both when answered at once and on its job's page, and writes
// nothing; once the slot is free the same upload previews.
func TestWebImportBusy(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		gate := importer.NewGate(1, 10*time.Millisecond)
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		direct := NewServer(db, httpx.Options{Imports: gate, Logger: quiet})
		withPage := NewServer(db, httpx.Options{Imports: gate, ImportProgressFrom: 1, Logger: quiet})
		admin := f.sessionOf(t, "admin")
		book := map[string][]byte{"附件1.xlsx": annexBook(t, 3)}
		const busy = "服务器正在处理其他导入（同时最多 1 个），请 30 秒后再试"
		wantBusy := func(t *testing.T, w *httptest.ResponseRecorder) {
			t.Helper()
			if text := see(t, w.Body.String()).text; w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") != "30" || !strings.Contains(text, busy) {
				t.Errorf("status %d, Retry-After %q, want 503, 30 and %q:\n%s", w.Code, w.Header().Get("Retry-After"), busy, text)
			}
		}
		release, err := gate.Enter(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		t.Run("answered at once", func(t *testing.T) {
			f.srv = direct
			wantBusy(t, f.upload(t, admin, book, admin.csrf))
		})
		t.Run("job page", func(t *testing.T) {
			f.srv = withPage
			job := startedJob(t, f.upload(t, admin, book, admin.csrf))
			if st := f.waitJob(t, admin, job, ended); st.State != model.JobFailed {
				t.Errorf("job %+v, want failed", st)
			}
			wantBusy(t, f.do(t, admin, "GET", job, nil))
		})
		release()
		if storetest.PendingUploads(t, db) != 0 {
			t.Error("a refused import kept an upload")
		}
		if _, n, err := db.ListProjects(t.Context(), model.ProjectFilter{}); err != nil || n != 3 {
			t.Errorf("projects after the refusals: %d (%v), want the fixture's 3", n, err)
		}
		f.srv = direct
		if w := f.upload(t, admin, book, admin.csrf); w.Code != http.StatusOK || pendingID(w.Body.String()) == "" {
			t.Errorf("with the slot free: status %d, want the preview to confirm", w.Code)
		}
	})
}
