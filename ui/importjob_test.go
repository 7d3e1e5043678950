package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// pausedStore holds each import's apply before every chunk after its
// first until the test lets one more through (step) or all (free), so
// that a test sees an import job while it runs, at a known point.
type pausedStore struct {
	Store
	step chan struct{}
	free chan struct{}
}

func newPausedStore(db Store) *pausedStore {
	return &pausedStore{Store: db, step: make(chan struct{}), free: make(chan struct{})}
}

func (s *pausedStore) ApplyImportStream(ctx context.Context, next model.ImportSource, opt model.ApplyOptions) (model.ImportResult, error) {
	n := 0
	return s.Store.ApplyImportStream(ctx, func() (*model.ImportSet, error) {
		if n++; n > 1 {
			select {
			case <-s.step:
			case <-s.free:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		return next()
	}, opt)
}

// annexBook is an annex workbook of a header row and n new projects,
// none resembling the fixture's.
func annexBook(t testing.TB, n int) []byte {
	t.Helper()
	sheet := testbook.Sheet{Name: "附件1", Rows: [][]any{{"项目名称", "建设地点", "总投资（万元）", "责任单位"}}}
	for i := range n {
		sheet.Rows = append(sheet.Rows, []any{fmt.Sprintf("沙子镇第%d号文化广场", i+1), "沙子镇", 100, "县文体局"})
	}
	return testbook.Workbook(t, sheet)
}

// jobServer serves the UI over db with import jobs shown from the first
// byte.
func jobServer(db Store) http.Handler {
	return NewServer(db, httpx.Options{ImportProgressFrom: 1, ImportTimeout: time.Minute, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

// startedJob returns the job page a form post w was sent on to.
func startedJob(t *testing.T, w interface {
	Result() *http.Response
}) string {
	t.Helper()
	r := w.Result()
	loc := r.Header.Get("Location")
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/import/jobs/") {
		t.Fatalf("status %d to %q, want 303 to a job's page", r.StatusCode, loc)
	}
	return loc
}

// waitJob asks the status of job page job as s until until holds of it.
func (f *webFixture) waitJob(t *testing.T, s session, job string, until func(jobStatus) bool) jobStatus {
	t.Helper()
	for {
		w := f.do(t, s, "GET", job+"/status", nil)
		var st jobStatus
		if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &st) != nil {
			t.Fatalf("status of %s: %d %s", job, w.Code, w.Body.String())
		}
		if until(st) {
			return st
		}
		if t.Context().Err() != nil {
			t.Fatalf("job %s: last status %+v", job, st)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func read(st jobStatus) bool  { return st.RowsDone > 0 }
func ended(st jobStatus) bool { return st.State != model.JobRunning }

// TestWebImportJob: an upload from ImportProgressFrom on is answered
// with its job's page, which shows the rows read of the rows the sheet
// declares while the import runs, as its status does, and refreshes
// itself without script; then it shows the preview, whose confirmation
// is a job too, ending in the result. Another user's job is not found.
func TestWebImportJob(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		paused := newPausedStore(db)
		f.srv = jobServer(paused)
		// Logged in first: on SQLite a login waits for the import's writes.
		admin, manager := f.sessionOf(t, "admin"), f.sessionOf(t, "manager")
		const n = 6000
		job := startedJob(t, f.upload(t, admin, map[string][]byte{"附件1.xlsx": annexBook(t, n)}, admin.csrf))

		st := f.waitJob(t, admin, job, read)
		want := 1 + n
		if st.State != model.JobRunning || st.RowsEstimated != want || st.RowsDone >= want {
			t.Errorf("paused job: %+v; want running, some of %d rows read", st, want)
		}
		w := f.do(t, admin, "GET", job, nil)
		page := see(t, w.Body.String())
		line := fmt.Sprintf("已读取 %d 行，共约 %d 行", st.RowsDone, want)
		if w.Code != http.StatusOK || !page.has("正在读取工作簿，生成预览") || !page.has(line) || !page.has("附件1.xlsx") {
			t.Errorf("job page: status %d, want 200 saying %q of 附件1.xlsx:\n%s", w.Code, line, page.text)
		}
		if !strings.Contains(w.Body.String(), `<noscript><meta http-equiv="refresh"`) || !strings.Contains(w.Body.String(), `<script src="/static/import.js"`) {
			t.Error("the job page neither polls with its script nor refreshes without")
		}
		for _, path := range []string{job, job + "/status"} {
			if w := f.do(t, manager, "GET", path, nil); w.Code != http.StatusNotFound {
				t.Errorf("another user's %s: status %d, want 404", path, w.Code)
			}
		}

		close(paused.free)
		if st := f.waitJob(t, admin, job, ended); st.State != model.JobDone || st.RowsDone != want {
			t.Errorf("ended job: %+v; want done, %d rows read", st, want)
		}
		w = f.do(t, admin, "GET", job, nil)
		id := pendingID(w.Body.String())
		if w.Code != http.StatusOK || id == "" || !see(t, w.Body.String()).has(fmt.Sprintf("将新增的项目（%d 个）", n)) {
			t.Fatalf("ended job's page: status %d, want the preview of %d new projects to confirm:\n%s", w.Code, n, w.Body.String())
		}

		job = startedJob(t, f.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{}))
		if st := f.waitJob(t, admin, job, ended); st.State != model.JobDone {
			t.Errorf("apply job: %+v, want done", st)
		}
		w = f.do(t, admin, "GET", job, nil)
		if text := see(t, w.Body.String()).text; w.Code != http.StatusOK || !strings.Contains(text, fmt.Sprintf("导入完成：新增 %d 条，更新 0 条，未变 0 条（项目：新增 %d 条）。", n, n)) {
			t.Errorf("apply job's page: status %d, want the result:\n%s", w.Code, text)
		}
		if _, got, err := db.ListProjects(t.Context(), model.ProjectFilter{}); err != nil || got != 3+n {
			t.Errorf("projects after the apply: %d (%v), want %d", got, err, 3+n)
		}
	})
}

// TestWebImportJobTwoServers: a job started on one server is followed on
// another sharing the database: its progress while it runs (PostgreSQL;
// SQLite has one server), then its preview, whose confirmation on the
// second server ends in the result seen on the first.
func TestWebImportJobTwoServers(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		one := newWebFixture(t, storetest.Open(t, dsn))
		paused := newPausedStore(one.db)
		one.srv = jobServer(paused)
		db2 := storetest.Open(t, dsn)
		db2.Now = one.db.Now
		two := &webFixture{db: db2, srv: jobServer(db2)}
		admin := one.sessionOf(t, "admin")
		const n = 6000
		job := startedJob(t, one.upload(t, admin, map[string][]byte{"附件1.xlsx": annexBook(t, n)}, admin.csrf))
		if db2.Postgres {
			if st := two.waitJob(t, admin, job, read); st.State != model.JobRunning || st.RowsEstimated != 1+n {
				t.Errorf("server 2 sees %+v; want the job running, with its estimate", st)
			}
		}
		close(paused.free)
		two.waitJob(t, admin, job, ended)
		id := pendingID(two.do(t, admin, "GET", job, nil).Body.String())
		if id == "" {
			t.Fatal("server 2 shows no preview to confirm")
		}
		job = startedJob(t, two.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{}))
		one.waitJob(t, admin, job, ended)
		if w := one.do(t, admin, "GET", job, nil); !see(t, w.Body.String()).has(fmt.Sprintf("导入完成：新增 %d", n)) {
			t.Errorf("server 1's page of server 2's apply: status %d\n%s", w.Code, see(t, w.Body.String()).text)
		}
	})
}
