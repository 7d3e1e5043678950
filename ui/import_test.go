package ui

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/internal/testdisk"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/sample"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
	"golang.org/x/net/html"
)

// upload posts files (name → bytes) to /import as the form does.
func (f *webFixture) upload(t *testing.T, s session, files map[string][]byte, csrf string) *httptest.ResponseRecorder {
	t.Helper()
	return f.postFiles(t, s, "/import", url.Values{csrfField: {csrf}}, "files", files)
}

// postFiles posts a multipart form to path: fields (a CSRF token only
// when not "") and files (name → bytes) in field.
func (f *webFixture) postFiles(t *testing.T, s session, path string, fields url.Values, field string, files map[string][]byte) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			if k != csrfField || v != "" {
				mw.WriteField(k, v)
			}
		}
	}
	for name, b := range files {
		w, err := mw.CreateFormFile(field, name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	mw.Close()
	r := httptest.NewRequest("POST", path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.AddCookie(s.cookie)
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	return w
}

var applyPath = regexp.MustCompile(`^/import/([0-9a-f]{32})/apply$`)

// pendingID returns the id of the upload a preview offers to apply (the
// one its 确认导入 button posts), "" if it offers none.
func pendingID(page string) string {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return ""
	}
	for _, f := range seenOf(root).formsAt("", "", "确认导入") {
		if m := applyPath.FindStringSubmatch(f.action); m != nil && f.method == "post" {
			return m[1]
		}
	}
	return ""
}

func TestWebImport(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		admin := f.sessionOf(t, "admin")
		annexes := map[string][]byte{sample.AnnexesName: sample.Annexes()}

		t.Run("without csrf", func(t *testing.T) {
			if w := f.upload(t, admin, annexes, ""); w.Code != http.StatusForbidden {
				t.Errorf("status %d, want 403", w.Code)
			}
		})
		t.Run("no file", func(t *testing.T) {
			if w := f.upload(t, admin, nil, admin.csrf); w.Code != http.StatusUnprocessableEntity {
				t.Errorf("status %d, want 422", w.Code)
			}
		})
		t.Run("supervisor may not", func(t *testing.T) {
			s := f.sessionOf(t, "supervisor")
			if w := f.upload(t, s, annexes, s.csrf); w.Code != http.StatusForbidden {
				t.Errorf("status %d, want 403", w.Code)
			}
		})
		t.Run("finance may not import plans", func(t *testing.T) {
			s := f.sessionOf(t, "finance")
			w := f.upload(t, s, annexes, s.csrf)
			if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "只有管理员可以导入任务分解表") {
				t.Errorf("status %d, want 403 with the guard's message; body %s", w.Code, w.Body.String())
			}
			if n := storetest.PendingUploads(t, db); n != 0 {
				t.Errorf("a forbidden preview kept %d pending uploads, want none", n)
			}
		})
		t.Run("not a workbook", func(t *testing.T) {
			w := f.upload(t, admin, map[string][]byte{"说明.xlsx": []byte("not a zip")}, admin.csrf)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d, want 200 with the findings", w.Code)
			}
			page := w.Body.String()
			if !strings.Contains(page, "说明.xlsx") || !strings.Contains(page, "整批数据不会导入") || pendingID(page) != "" {
				t.Errorf("preview of a broken file should list its error and offer no import:\n%s", page)
			}
			if n := storetest.PendingUploads(t, db); n != 0 {
				t.Errorf("a refused preview kept %d pending uploads, want none", n)
			}
		})

		_, before, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		w := f.upload(t, admin, annexes, admin.csrf)
		if w.Code != http.StatusOK {
			t.Fatalf("upload: status %d; body %s", w.Code, w.Body.String())
		}
		page := w.Body.String()
		id := pendingID(page)
		if id == "" || !strings.Contains(page, "新增") || !strings.Contains(page, sample.AnnexesName) {
			t.Fatalf("preview lacks the counts, the file or the confirm form:\n%s", page)
		}
		if _, n, _ := db.ListProjects(ctx, model.ProjectFilter{}); n != before {
			t.Fatalf("the dry run wrote: %d projects, want %d", n, before)
		}

		for _, tc := range []struct {
			name, user, path string
			status           int
		}{
			{"another user's upload", "manager", "/import/" + id + "/apply", http.StatusNotFound},
			{"a path, not an id", "admin", "/import/..%2F..%2Fetc/apply", http.StatusNotFound},
			{"an unknown id", "admin", "/import/" + strings.Repeat("ab", 16) + "/apply", http.StatusNotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if w := f.do(t, f.sessionOf(t, tc.user), "POST", tc.path, url.Values{}); w.Code != tc.status {
					t.Errorf("status %d, want %d", w.Code, tc.status)
				}
			})
		}

		w = f.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{})
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "导入完成") {
			t.Fatalf("apply: status %d; body %s", w.Code, w.Body.String())
		}
		ps, n, _ := db.ListProjects(ctx, model.ProjectFilter{})
		if n <= before {
			t.Fatalf("after apply %d projects, want more than %d", n, before)
		}
		// The project's history begins with the batch, which names the
		// file once, as uploaded.
		if es, err := db.ProjectAudit(ctx, ps[0].ID); err != nil || len(es) == 0 || es[0].Action != "create" || es[0].User != "admin" || es[0].Note != sample.AnnexesName {
			t.Errorf("history of %s: got %+v, %v; want its creation by admin from %s", ps[0].Name, es, err, sample.AnnexesName)
		}
		if n := storetest.PendingUploads(t, db); n != 0 {
			t.Errorf("%d pending uploads after the apply, want none", n)
		}
		if w := f.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{}); w.Code != http.StatusNotFound {
			t.Errorf("applying twice: status %d, want 404", w.Code)
		}
	})
}

// TestWebImportOwnUnitOnly: the preview refuses a manager's return that
// touches another unit's project, whichever column names it, and offers
// nothing to apply.
func TestWebImportOwnUnitOnly(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "other") // 洪渡镇: project JL-02 only
		ret := func(code, name string) map[string][]byte {
			return map[string][]byte{"月报.xlsx": testbook.Workbook(t, testbook.Sheet{Name: "月报", Rows: [][]any{
				{"截至2020年6月10日"},
				{"项目编码", "项目名称", "实际完工时间", "形象进度(%)"},
				{code, name, "2020-06-01", 100},
			}})}
		}
		for _, tc := range []struct {
			name, code, project string
			status              int
			text                string
		}{
			{"another unit's code, own name", "YL-01", "洪渡敬老院改扩建", http.StatusOK, "而项目名称“洪渡敬老院改扩建”是另一个项目"},
			{"another unit's code", "YL-01", "", http.StatusForbidden, "不属于本单位"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.upload(t, s, ret(tc.code, tc.project), s.csrf)
				page := w.Body.String()
				if w.Code != tc.status || !strings.Contains(page, tc.text) || pendingID(page) != "" {
					t.Errorf("status %d, want %d with %q and nothing to apply:\n%s", w.Code, tc.status, tc.text, page)
				}
				if n := storetest.PendingUploads(t, db); n != 0 {
					t.Errorf("the refused preview kept %d pending uploads, want none", n)
				}
			})
		}
		p, err := db.GetProject(t.Context(), 1)
		if err != nil || !p.ActualFinish.IsZero() {
			t.Errorf("YL-01 finish = %v, %v; want none", p.ActualFinish, err)
		}
	})
}

// TestWebImportTwoServers: two servers on one database, as behind a
// load balancer: a session from a login on one is honoured by the other,
// a preview on one is applied on the other, once, and an expired preview
// is applied nowhere.
func TestWebImportTwoServers(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		one := newWebFixture(t, storetest.Open(t, dsn))
		now := webNow
		one.db.Now = func() time.Time { return now }
		db2 := storetest.Open(t, dsn)
		db2.Now = one.db.Now
		two := &webFixture{db: db2, srv: NewServer(db2, httpx.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})}

		if w := one.do(t, two.sessionOf(t, "admin"), "GET", "/import", nil); w.Code != http.StatusOK {
			t.Fatalf("server 2's session on server 1: status %d", w.Code)
		}
		admin := one.sessionOf(t, "admin")
		annexes := map[string][]byte{sample.AnnexesName: sample.Annexes()}
		id := pendingID(one.upload(t, admin, annexes, admin.csrf).Body.String())
		if id == "" {
			t.Fatal("the preview on server 1 offers nothing to apply")
		}
		w := two.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{})
		if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "导入完成") {
			t.Fatalf("apply on server 2: status %d; body %s", w.Code, w.Body.String())
		}
		_, n, err := db2.ListProjects(ctx, model.ProjectFilter{})
		if err != nil || n <= 3 {
			t.Fatalf("after the apply on server 2: %d projects (%v), want the annexes' too", n, err)
		}
		if w := one.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{}); w.Code != http.StatusNotFound {
			t.Errorf("applying again on server 1: status %d, want 404", w.Code)
		}

		id = pendingID(two.upload(t, admin, annexes, admin.csrf).Body.String())
		if id == "" {
			t.Fatal("the second preview offers nothing to apply")
		}
		now = now.Add(model.DefaultUploadTTL)
		w = one.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{})
		if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "不存在或已过期") {
			t.Errorf("applying an expired preview: status %d, want 404 saying so; body %s", w.Code, w.Body.String())
		}
		if _, m, _ := db2.ListProjects(ctx, model.ProjectFilter{}); m != n {
			t.Errorf("the expired apply wrote: %d projects, want %d", m, n)
		}
	})
}

// TestWebImportPreviewChanges: the preview shows each change with its old
// and new value and each new project; confirmed after the records
// changed, it writes nothing and shows the import as it now stands.
func TestWebImportPreviewChanges(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		admin := f.sessionOf(t, "admin")
		plan := func(investment int) map[string][]byte {
			return map[string][]byte{"plan.xlsx": testbook.Workbook(t, testbook.Sheet{Name: "附件1", Rows: [][]any{
				{"项目编码", "项目名称", "总投资（万元）"},
				{"YL-01", "官舟片区养老服务中心", investment},
				{"", "甘溪片区养老服务中心", 3000},
			}})}
		}
		page := f.upload(t, admin, plan(5200), admin.csrf).Body.String()
		preview := see(t, page)
		if !preview.hasRow("官舟片区养老服务中心（YL-01）", "计划投资（万元）", "5000", "5200", "plan.xlsx 附件1 第2行 第C列") {
			t.Errorf("preview has no row of the changed investment: %q", preview.rows)
		}
		if !preview.has("将新增的项目（1 个）") || !preview.has("甘溪片区养老服务中心（") {
			t.Errorf("preview does not list the new project: %q", preview.text)
		}
		if !preview.has("按类别：项目 新增 1、更新 1、未变 0") {
			t.Errorf("preview does not count the rows by kind: %q", preview.text)
		}
		id := pendingID(page)

		// Another import changes the investment meanwhile.
		other := f.upload(t, admin, plan(5100), admin.csrf).Body.String()
		if w := f.do(t, admin, "POST", "/import/"+pendingID(other)+"/apply", url.Values{}); w.Code != http.StatusOK {
			t.Fatalf("other import: status %d", w.Code)
		}
		w := f.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{})
		page = w.Body.String()
		if w.Code != http.StatusConflict || !strings.Contains(page, "自预览以来数据已有变化") || !see(t, page).hasRow("5100", "5200") || pendingID(page) == "" {
			t.Fatalf("stale confirm: status %d, want 409 with the new preview to confirm:\n%s", w.Code, page)
		}
		if p, _ := db.GetProject(t.Context(), 1); p.Investment.WanString() != "5100" {
			t.Errorf("investment after a refused confirm: %s, want 5100", p.Investment.WanString())
		}
		if w := f.do(t, admin, "POST", "/import/"+pendingID(page)+"/apply", url.Values{}); w.Code != http.StatusOK {
			t.Errorf("confirm of the new preview: status %d", w.Code)
		}
		if p, _ := db.GetProject(t.Context(), 1); p.Investment.WanString() != "5200" {
			t.Errorf("investment after the confirm: %s, want 5200", p.Investment.WanString())
		}
	})
}

// TestWebImportDiskFull: on a full disk (a real tmpfs), the preview's
// page says 磁盘空间不足 with status 507 and keeps nothing.
func TestWebImportDiskFull(t *testing.T) {
	dir := testdisk.Mount(t, 16<<20)
	db := storetest.Open(t, filepath.Join(dir, "captrack.db"))
	f := newWebFixture(t, db)
	f.srv = NewServer(db, httpx.Options{Fault: store.Fault, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	admin := f.sessionOf(t, "admin")
	free := testdisk.Fill(t, dir, 16<<10)
	w := f.upload(t, admin, map[string][]byte{sample.AnnexesName: sample.Annexes()}, admin.csrf)
	if w.Code != http.StatusInsufficientStorage || !strings.Contains(w.Body.String(), "磁盘空间不足") || pendingID(w.Body.String()) != "" {
		t.Errorf("preview on a full disk: status %d, want 507 saying 磁盘空间不足 and offering nothing; body %s", w.Code, w.Body.String())
	}
	free()
	if n := storetest.PendingUploads(t, db); n != 0 {
		t.Errorf("%d pending uploads, want none", n)
	}
	if _, n, err := db.ListProjects(t.Context(), model.ProjectFilter{}); err != nil || n != 3 {
		t.Errorf("projects: %d (%v), want the fixture's 3", n, err)
	}
}
