// Package apitest is the one fixture of the tests that talk to the JSON
// API (package api's own, and the fault tests'): a server on a real
// database with one logged-in user per role, optionally two imported
// projects, whose every in-process exchange is checked against the API's
// OpenAPI document (Conform), and helpers to send requests as a user, in
// process or over a real loopback listener.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// Now is the fixture database's fixed "now".
var Now = time.Date(2024, 6, 15, 10, 0, 0, 0, time.UTC)

// Units of the two projects of New.
const (
	Civil    = "县民政局"
	Township = "后坪乡人民政府"
)

// Users are the fixture's users by name, with their role and unit; each
// one's password is "password-" and the name.
var Users = []struct{ Name, Role, Unit string }{
	{"admin", model.RoleAdmin, ""}, {"sup", model.RoleSupervisor, ""}, {"fin", model.RoleFinance, ""},
	{"mgr", model.RoleManager, Civil}, {"mgr2", model.RoleManager, Township},
}

// Fixture is the API served on a database holding a logged-in user of
// every role (Users) and, made by New, two imported projects, one per
// unit.
type Fixture struct {
	T  *testing.T
	DB *store.DB
	// H serves the API through the check of every exchange against its
	// OpenAPI document (Conform); Server is the API itself.
	H, Server http.Handler
	// Tokens are the users' bearer tokens, by name.
	Tokens map[string]string
	// Project and its Start and Finish milestones, by unit (New).
	Project, Start, Finish map[string]uint
	listen                 func() string // Listen
}

// New serves the API, tuned by opts, on db holding the users and two
// projects imported from a plan: A1-001 县养老服务中心 of Civil (planned
// 2024-03 to 2025-06) and A1-002 后坪乡敬老院 of Township (2023-12 to 2024).
func New(t *testing.T, db *store.DB, opts api.Options) *Fixture {
	t.Helper()
	db.Now = func() time.Time { return Now }
	set := &model.ImportSet{Plans: []model.PlanRow{
		{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: 5}, Project: model.Project{Code: "A1-001", Name: "县养老服务中心", Annex: 1,
			Category: "养老", Township: "和平街道", ResponsibleUnit: Civil, PlannedStart: model.MonthPlan(2024, 3), PlannedFinish: model.MonthPlan(2025, 6)}},
		{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: 6}, Project: model.Project{Code: "A1-002", Name: "后坪乡敬老院", Annex: 1,
			Category: "养老", Township: "后坪乡", ResponsibleUnit: Township, PlannedStart: model.MonthPlan(2023, 12), PlannedFinish: model.YearPlan(2024)}},
	}}
	ctx := context.Background()
	res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "plan", Files: []string{"plan.xlsx"}})
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("ApplyImport = %+v, %v", res, err)
	}
	f := NewEmpty(t, db, opts)
	ps, _, err := db.ListProjects(ctx, model.ProjectFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		f.Project[p.ResponsibleUnit] = p.ID
		ms, err := db.ProjectMilestones(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			switch m.Kind {
			case model.MilestoneStart:
				f.Start[p.ResponsibleUnit] = m.ID
			case model.MilestoneFinish:
				f.Finish[p.ResponsibleUnit] = m.ID
			}
		}
	}
	return f
}

// NewEmpty serves the API, tuned by opts, on db with the users added and
// nothing else: no project, and db's clock as it is.
func NewEmpty(t *testing.T, db *store.DB, opts api.Options) *Fixture {
	t.Helper()
	ctx := context.Background()
	f := &Fixture{T: t, DB: db, Tokens: map[string]string{},
		Project: map[string]uint{}, Start: map[string]uint{}, Finish: map[string]uint{}}
	for _, u := range Users {
		user, err := db.CreateUser(ctx, u.Name, u.Role, u.Unit, "password-"+u.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Tokens[u.Name], err = db.IssueToken(ctx, user.ID, time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	f.serve(opts)
	return f
}

// On is f's users and records served by another server, tuned by opts,
// on db: another handle on f's database.
func (f *Fixture) On(db *store.DB, opts api.Options) *Fixture {
	g := *f
	g.DB = db
	g.serve(opts)
	return &g
}

// serve makes f serve the API on f.DB, logging nowhere unless opts say.
func (f *Fixture) serve(opts api.Options) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	server := api.NewServer(f.DB, opts)
	f.Server, f.H = server, Conform(f.T, server)
	t := f.T
	f.listen = sync.OnceValue(func() string {
		ts := httptest.NewServer(server)
		t.Cleanup(ts.Close)
		return ts.URL
	})
}

// Send serves r as user (none when "") through H and returns the answer.
func (f *Fixture) Send(r *http.Request, user string) *httptest.ResponseRecorder {
	f.Authorize(r, user)
	w := httptest.NewRecorder()
	f.H.ServeHTTP(w, r)
	return w
}

// Authorize gives r the bearer token of user, unless user is "".
func (f *Fixture) Authorize(r *http.Request, user string) {
	if user != "" {
		r.Header.Set("Authorization", "Bearer "+f.Tokens[user])
	}
}

// Do sends a request as user ("" for none) with body (a string is sent
// as is, anything else as JSON) and returns the answer.
func (f *Fixture) Do(method, path, user string, body any) *httptest.ResponseRecorder {
	f.T.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			f.T.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := httptest.NewRequest(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return f.Send(req, user)
}

// Upload posts workbooks to /api/v1/imports with query as user.
func (f *Fixture) Upload(user, query string, files map[string][]byte) *httptest.ResponseRecorder {
	f.T.Helper()
	return f.UploadTo("/api/v1/imports"+query, user, files)
}

// UploadTo posts files (name → bytes) to path as user.
func (f *Fixture) UploadTo(path, user string, files map[string][]byte) *httptest.ResponseRecorder {
	f.T.Helper()
	ct, body := Multipart(f.T, files)
	req := httptest.NewRequest("POST", path, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	return f.Send(req, user)
}

// Multipart is a multipart/form-data body holding files (name → bytes)
// as field "file", the field the API's uploads read, and its content
// type.
func Multipart(t testing.TB, files map[string][]byte) (contentType string, body []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, b := range files {
		fw, err := mw.CreateFormFile("file", name)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(b)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), buf.Bytes()
}

// Version returns the current version of milestone id.
func (f *Fixture) Version(id uint) int {
	f.T.Helper()
	m, err := f.DB.GetMilestone(context.Background(), id)
	if err != nil {
		f.T.Fatal(err)
	}
	return m.Version
}

// Listen serves f's Server on a loopback listener, started on the first
// call (from any goroutine) and closed when the test ends, and returns
// its URL. It serves the API itself, not through Conform, which reads a
// request's whole body first: over the listener bodies stream as they
// would in production.
func (f *Fixture) Listen() string { return f.listen() }

// Fetch sends a request as user over Listen's listener, with body of
// contentType (none when ""), and returns the status and the answer.
func (f *Fixture) Fetch(t testing.TB, method, path, user, contentType string, body io.Reader) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.Listen()+path, body)
	if err != nil {
		t.Fatal(err)
	}
	f.Authorize(req, user)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", method, path, err)
	}
	return resp.StatusCode, string(b)
}

// DecodeJSON decodes the answer w's body into v.
func DecodeJSON(t testing.TB, w *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.Unmarshal(w.Body.Bytes(), v); err != nil {
		t.Fatalf("response %q is not JSON: %v", w.Body.String(), err)
	}
}

// WantError checks that w is an {"error": …} answer of status.
func WantError(t testing.TB, w *httptest.ResponseRecorder, status int) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status = %d (%s), want %d", w.Code, w.Body.String(), status)
	}
	var e struct{ Error string }
	DecodeJSON(t, w, &e)
	if e.Error == "" {
		t.Errorf("body %s has no error message", w.Body.String())
	}
}
