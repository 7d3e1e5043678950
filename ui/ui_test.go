package ui

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// webNow is the fixture's "now": 2020-06-30, half a year after project 1
// was due to start.
var webNow = time.Date(2020, time.June, 30, 10, 0, 0, 0, time.UTC)

const webPassword = "secret-pass-1"

// Units of the fixture's two managers.
const (
	unitCivil  = "县民政局"
	unitHongdu = "洪渡镇人民政府"
)

// webFixture is a server on a database with three projects and a user of
// every role (named after the role; "other" manages another unit).
// Project 1 (县民政局; milestones 1 and 2) should have started 2018-12 and
// has not: an overdue start. Project 2 (洪渡镇; milestones 3 and 4) started
// and is overdue to finish. Project 3 (milestones 5 and 6) is finished.
type webFixture struct {
	db          *store.DB
	srv         http.Handler
	supervision uint // an open 督办 on project 1
}

func newWebFixture(t *testing.T, db *store.DB) *webFixture {
	t.Helper()
	ctx := context.Background()
	db.Now = func() time.Time { return webNow }
	inv := func(wan int64) *model.Money { m := model.Money(wan) * model.Wan; return &m }
	ps := []model.Project{
		{Code: "YL-01", Name: "官舟片区养老服务中心", Annex: 1, Category: "养老服务中心", Site: "官舟镇猴渡坪景区", Township: "官舟镇",
			ResponsibleUnit: unitCivil, PlannedStart: model.MonthPlan(2018, time.December), PlannedFinish: model.MonthPlan(2020, time.December), Investment: inv(5000)},
		{Code: "JL-02", Name: "洪渡敬老院改扩建", Annex: 1, Category: "敬老院", Site: "洪渡镇", Township: "洪渡镇",
			ResponsibleUnit: unitHongdu, PlannedStart: model.MonthPlan(2018, time.October), PlannedFinish: model.MonthPlan(2019, time.December), Investment: inv(650)},
		{Code: "GM-03", Name: "官舟农村公益性公墓", Annex: 3, Category: "农村公益性公墓", Site: "官舟镇", Township: "官舟镇",
			ResponsibleUnit: unitCivil, PlannedStart: model.YearPlan(2017), PlannedFinish: model.YearPlan(2018), Investment: inv(400)},
	}
	ms := []model.Milestone{
		{ProjectID: 1, Kind: model.MilestoneStart, Name: model.MilestoneStart, Seq: 0, Baseline: ps[0].PlannedStart, Version: 1},
		{ProjectID: 1, Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Seq: 1, Baseline: ps[0].PlannedFinish, Version: 1},
		{ProjectID: 2, Kind: model.MilestoneStart, Name: model.MilestoneStart, Seq: 0, Baseline: ps[1].PlannedStart, Actual: model.NewDate(2018, 10, 20), Version: 1},
		{ProjectID: 2, Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Seq: 1, Baseline: ps[1].PlannedFinish, Forecast: model.NewDate(2020, 9, 30), SlipReason: "资金", Version: 1},
		{ProjectID: 3, Kind: model.MilestoneStart, Name: model.MilestoneStart, Seq: 0, Baseline: ps[2].PlannedStart, Actual: model.NewDate(2017, 3, 10), Version: 1},
		{ProjectID: 3, Kind: model.MilestoneFinish, Name: model.MilestoneFinish, Seq: 1, Baseline: ps[2].PlannedFinish, Actual: model.NewDate(2019, 2, 20), Version: 1},
	}
	pct := func(n int64) model.ProgressReport {
		return model.ProgressReport{ProjectID: 2, ReportDate: model.NewDate(2020, 5, 31), Percent: decimal.NewNullDecimal(decimal.NewFromInt(n)), Problems: "资金未到位", Source: "fixture"}
	}
	// IDs are left to the database (explicit ones would not advance
	// PostgreSQL's sequences); on a fresh database they are 1, 2, 3 and
	// 1…6, which the milestones below and the tests' paths use.
	if err := db.LoadTracking(ctx, ps, nil, nil); err != nil {
		t.Fatalf("LoadTracking projects: %v", err)
	}
	if err := db.LoadTracking(ctx, nil, ms, []model.ProgressReport{pct(60)}); err != nil {
		t.Fatalf("LoadTracking: %v", err)
	}
	for i, p := range ps {
		if p.ID != uint(i+1) {
			t.Fatalf("project %d has id %d, want %d", i, p.ID, i+1)
		}
	}
	for i, m := range ms {
		if m.ID != uint(i+1) {
			t.Fatalf("milestone %d has id %d, want %d", i, m.ID, i+1)
		}
	}
	// The payment is entered on its date: as of a later date it is known.
	db.Now = func() time.Time { return time.Date(2019, 3, 1, 10, 0, 0, 0, time.UTC) }
	if _, err := db.CreatePayment(ctx, model.Actor{User: "finance", Source: "fixture"}, model.Disbursement{
		ProjectID: 2, Date: model.NewDate(2019, 3, 1), Source: "县级配套", Amount: 120 * model.Wan, Voucher: "V-001"}, false); err != nil {
		t.Fatalf("CreatePayment: %v", err)
	}
	db.Now = func() time.Time { return webNow }
	for _, u := range []struct{ name, role, unit string }{
		{"admin", model.RoleAdmin, ""}, {"supervisor", model.RoleSupervisor, ""}, {"finance", model.RoleFinance, ""},
		{"manager", model.RoleManager, unitCivil}, {"other", model.RoleManager, unitHongdu},
	} {
		if _, err := db.CreateUser(ctx, u.name, u.role, u.unit, webPassword); err != nil {
			t.Fatalf("CreateUser %s: %v", u.name, err)
		}
	}
	svs, err := db.RaiseSupervisions(ctx, model.Actor{User: "supervisor", Source: "fixture"}, model.SupervisionRaise{
		ProjectIDs: []uint{1}, Reason: "开工滞后，请说明原因", Due: model.Deadline{Date: model.NewDate(2020, 7, 10)}})
	if err != nil {
		t.Fatalf("RaiseSupervisions: %v", err)
	}
	f := &webFixture{db: db, supervision: svs[0].ID}
	f.srv = NewServer(db, httpx.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return f
}

// session is a logged-in browser: its cookie and its CSRF token.
type session struct {
	cookie *http.Cookie
	csrf   string
}

// sessionOf logs name in the way the login form does and returns the
// session.
func (f *webFixture) sessionOf(t *testing.T, name string) session {
	t.Helper()
	get := f.do(t, session{}, "GET", "/login", nil)
	loginCookie := cookieNamed(get.Result(), loginCSRF)
	if loginCookie == nil {
		t.Fatalf("GET /login set no %s cookie", loginCSRF)
	}
	token := csrfIn(t, get.Body.String())
	w := f.do(t, session{cookie: loginCookie}, "POST", "/login",
		url.Values{"username": {name}, "password": {webPassword}, csrfField: {token}, "next": {"/"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("login %s: status %d, want 303; body %s", name, w.Code, w.Body.String())
	}
	c := cookieNamed(w.Result(), sessionCookie)
	if c == nil {
		t.Fatalf("login %s set no session cookie", name)
	}
	return session{cookie: c, csrf: csrfToken(c.Value)}
}

// do sends a request with the session's cookie; a form is posted
// url-encoded with the session's CSRF token unless it has one.
func (f *webFixture) do(t *testing.T, s session, method, target string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	var body io.Reader
	if form != nil {
		if _, ok := form[csrfField]; !ok && s.csrf != "" {
			form.Set(csrfField, s.csrf)
		}
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if s.cookie != nil {
		r.AddCookie(s.cookie)
	}
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, r)
	return w
}

// submit sends fm as s does by pressing its button, with the fields
// labelled as in fields filled in (see form.fill).
func (f *webFixture) submit(t *testing.T, s session, fm form, fields map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	v := fm.fill(t, fields)
	switch {
	case fm.method != "post":
		return f.do(t, s, "GET", fm.action+"?"+v.Encode(), nil)
	case fm.enctype == "multipart/form-data":
		return f.postFiles(t, s, fm.action, v, "", nil)
	}
	return f.do(t, s, "POST", fm.action, v)
}

// submitted submits fm as s (submit), and returns the page its answer,
// a redirect, leads to; it fails t when the answer is not a redirect.
func (f *webFixture) submitted(t *testing.T, s session, fm form, fields map[string]string) seen {
	t.Helper()
	w := f.submit(t, s, fm, fields)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("the form %q: status %d, want 303:\n%s", fm.buttons, w.Code, see(t, w.Body.String()).text)
	}
	return f.follow(t, s, w)
}

// follow returns the page redirect w leads to, as s sees it, failing t
// unless it is there.
func (f *webFixture) follow(t *testing.T, s session, w *httptest.ResponseRecorder) seen {
	t.Helper()
	loc, _, _ := strings.Cut(w.Header().Get("Location"), "#") // a browser keeps the fragment
	next := f.do(t, s, "GET", loc, nil)
	if next.Code != http.StatusOK {
		t.Fatalf("GET %s after the form: status %d, want 200", loc, next.Code)
	}
	return see(t, next.Body.String())
}

func cookieNamed(r *http.Response, name string) *http.Cookie {
	for _, c := range r.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrfIn returns the CSRF token of the first form in page.
func csrfIn(t *testing.T, page string) string {
	t.Helper()
	m := csrfInput.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("page has no CSRF field:\n%s", page)
	}
	return m[1]
}

func TestWebRedirectsVisitorsToLogin(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		for _, tc := range []struct{ method, path, want string }{
			{"GET", "/", "/login"},
			{"GET", "/projects?q=养老", "/login?next=" + url.QueryEscape("/projects?q=养老")},
			{"GET", "/projects/1", "/login?next=%2Fprojects%2F1"},
			{"GET", "/alerts?as_of=2020-06-30", "/login?next=" + url.QueryEscape("/alerts?as_of=2020-06-30")},
			{"GET", "/import", "/login?next=%2Fimport"},
			{"GET", "/reports", "/login?next=%2Freports"},
			{"GET", "/reports/spend.xlsx", "/login?next=%2Freports%2Fspend.xlsx"},
			{"POST", "/milestones/1/actual", "/login"},
			{"POST", "/logout", "/login"},
		} {
			t.Run(tc.method+" "+tc.path, func(t *testing.T) {
				w := f.do(t, session{}, tc.method, tc.path, url.Values{})
				if w.Code != http.StatusSeeOther {
					t.Fatalf("status %d, want 303", w.Code)
				}
				if got := w.Header().Get("Location"); got != tc.want {
					t.Errorf("Location %q, want %q", got, tc.want)
				}
			})
		}
	})
}

func TestWebLogin(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		get := f.do(t, session{}, "GET", "/login?next=/projects/2", nil)
		page := get.Body.String()
		loginCookie := cookieNamed(get.Result(), loginCSRF)
		token := csrfIn(t, page)
		// The form as the page shows it logs in and goes on to next.
		login := see(t, page).formAt(t, "", "", "登录", "用户名", "密码")
		w := f.submit(t, session{cookie: loginCookie}, login, map[string]string{"用户名": "manager", "密码": webPassword})
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/projects/2" {
			t.Errorf("the login form as shown: status %d to %q, want 303 to /projects/2", w.Code, w.Header().Get("Location"))
		}
		post := func(form url.Values, withCookie bool) *httptest.ResponseRecorder {
			s := session{}
			if withCookie {
				s.cookie = loginCookie
			}
			return f.do(t, s, "POST", "/login", form)
		}
		for _, tc := range []struct {
			name       string
			form       url.Values
			withCookie bool
			status     int
			location   string
		}{
			{"no csrf", url.Values{"username": {"manager"}, "password": {webPassword}}, true, http.StatusForbidden, ""},
			{"no csrf cookie", url.Values{"username": {"manager"}, "password": {webPassword}, csrfField: {token}}, false, http.StatusForbidden, ""},
			{"wrong csrf", url.Values{"username": {"manager"}, "password": {webPassword}, csrfField: {"x" + token}}, true, http.StatusForbidden, ""},
			{"wrong password", url.Values{"username": {"manager"}, "password": {"nope-nope-nope"}, csrfField: {token}}, true, http.StatusUnauthorized, ""},
			{"back to next", url.Values{"username": {"manager"}, "password": {webPassword}, csrfField: {token}, "next": {"/projects/2?as_of=2020-01-01"}}, true, http.StatusSeeOther, "/projects/2?as_of=2020-01-01"},
			{"no open redirect", url.Values{"username": {"manager"}, "password": {webPassword}, csrfField: {token}, "next": {"//evil.example/x"}}, true, http.StatusSeeOther, "/"},
			{"no absolute redirect", url.Values{"username": {"manager"}, "password": {webPassword}, csrfField: {token}, "next": {"https://evil.example/"}}, true, http.StatusSeeOther, "/"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := post(tc.form, tc.withCookie)
				if w.Code != tc.status {
					t.Fatalf("status %d, want %d", w.Code, tc.status)
				}
				if got := w.Header().Get("Location"); got != tc.location {
					t.Errorf("Location %q, want %q", got, tc.location)
				}
				c := cookieNamed(w.Result(), sessionCookie)
				if (c != nil) != (tc.status == http.StatusSeeOther) {
					t.Errorf("session cookie %v after status %d", c, w.Code)
				}
				if c != nil && (!c.HttpOnly || c.SameSite != http.SameSiteLaxMode) {
					t.Errorf("session cookie HttpOnly=%v SameSite=%v, want true, Lax", c.HttpOnly, c.SameSite)
				}
			})
		}

		t.Run("logout ends the session", func(t *testing.T) {
			s := f.sessionOf(t, "manager")
			if w := f.do(t, s, "GET", "/", nil); w.Code != http.StatusOK {
				t.Fatalf("dashboard before logout: status %d, want 200", w.Code)
			}
			if w := f.do(t, s, "POST", "/logout", url.Values{}); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login" {
				t.Fatalf("logout: status %d Location %q, want 303 /login", w.Code, w.Header().Get("Location"))
			}
			if w := f.do(t, s, "GET", "/", nil); w.Code != http.StatusSeeOther {
				t.Errorf("dashboard after logout: status %d, want 303 to login", w.Code)
			}
		})
	})
}

func TestWebPagesByRole(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		pages := []struct {
			path string
			want []string          // text every allowed role sees
			also func(s seen) bool // and what else the page must show
		}{
			{"/", []string{"项目总览", "滞后最严重的项目", "官舟片区养老服务中心"}, nil},
			{"/?as_of=2019-01-15", []string{"数据截至 2019-01-15"}, nil},
			{"/projects", []string{"项目列表", "官舟片区养老服务中心", "洪渡敬老院改扩建", "官舟农村公益性公墓"}, nil},
			{"/projects?severity=red&status=late", []string{"官舟片区养老服务中心", "洪渡敬老院改扩建"}, nil},
			{"/projects?q=公墓", []string{"官舟农村公益性公墓"}, nil},
			{"/projects/1", []string{"官舟片区养老服务中心", "节点计划与实际", "开工滞后，请说明原因", "变更记录"},
				func(s seen) bool { return slices.Contains(s.images, "进度横道图：计划与实际对比") }},
			{"/projects/2", []string{"资金未到位", "V-001", "120"}, nil},
			{"/alerts?as_of=2020-06-30", []string{"进度预警与督办", "官舟片区养老服务中心", "逾期未完成"}, nil},
			{"/alerts?as_of=2020-06-30&page_size=1", []string{"第 1 / ", "下一页"}, nil},
			{"/alerts?as_of=2020-06-30&unit=县民政局", []string{"官舟片区养老服务中心"},
				func(s seen) bool { return slices.Equal(s.fields["unit"], []string{"县民政局"}) }},
			{"/reports", []string{"资金使用进度表", "滞后项目清单", "项目进度表"},
				func(s seen) bool { _, ok := s.linkTo("/reports/spend.xlsx?as_of=2020-06-30"); return ok }},
		}
		importers := map[string]bool{"admin": true, "manager": true, "other": true, "finance": true}
		for _, role := range []string{"admin", "supervisor", "finance", "manager", "other"} {
			s := f.sessionOf(t, role)
			for _, p := range pages {
				t.Run(role+" "+p.path, func(t *testing.T) {
					w := f.do(t, s, "GET", p.path, nil)
					if w.Code != http.StatusOK {
						t.Fatalf("status %d, want 200; body %s", w.Code, w.Body.String())
					}
					s := see(t, w.Body.String())
					for _, want := range p.want {
						if !s.has(want) {
							t.Errorf("page lacks %q", want)
						}
					}
					if p.also != nil && !p.also(s) {
						t.Errorf("page lacks what it must show: links %q, fields %q, images %q", s.links, s.fields, s.images)
					}
				})
			}
			t.Run(role+" /import", func(t *testing.T) {
				want := http.StatusForbidden
				if importers[role] {
					want = http.StatusOK
				}
				if w := f.do(t, s, "GET", "/import", nil); w.Code != want {
					t.Errorf("status %d, want %d", w.Code, want)
				}
			})
			t.Run(role+" /reports/spend.xlsx", func(t *testing.T) {
				w := f.do(t, s, "GET", "/reports/spend.xlsx?as_of=2020-06-30", nil)
				if w.Code != http.StatusOK {
					t.Fatalf("status %d, want 200; body %s", w.Code, w.Body.String())
				}
				if got := w.Header().Get("Content-Type"); !strings.Contains(got, "spreadsheetml") {
					t.Errorf("Content-Type %q, want an xlsx type", got)
				}
				if !strings.HasPrefix(w.Body.String(), "PK") {
					t.Error("body is not a zip (xlsx) file")
				}
			})
		}
	})
}

// TestWebFormsShownByRole: each role finds on project 1 (县民政局's), on
// its 督办 and on the alerts page the forms it may use, as it sees them
// (where it opens, its labels, its button, the row it sits in), and no
// other.
func TestWebFormsShownByRole(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		forms := []struct {
			page, name    string
			title, button string   // the summary it opens from, its button
			labels        []string // labels it shows
			row           string   // a cell of the row it sits in, if any
		}{
			{"/projects/1", "actual date", "记录实际日期", "保存", []string{"实际开工日期"}, "开工"},
			{"/projects/1", "forecast", "调整预计日期", "保存", []string{"预计日期", "延误原因"}, "开工"},
			{"/projects/1", "progress", "填报进度", "提交进度报告", []string{"填报日期", "形象进度（%）", "累计完成投资（万元）", "存在问题"}, ""},
			{"/supervisions/1", "sign", "", "签收", nil, ""},
			{"/supervisions/1", "close", "直接办结", "办结", []string{"办结说明"}, ""},
			{"/projects/1", "raise", "交办督办", "交办督办", []string{"督办事项", "办理期限（日期）"}, ""},
			{"/projects/1", "payment", "登记拨付", "登记", []string{"拨付日期", "金额", "资金来源", "凭证号"}, ""},
			{"/alerts?as_of=2020-06-30", "raise", "发起督办", "交办督办", []string{"督办事项"}, "洪渡敬老院改扩建 JL-02"},
		}
		for _, tc := range []struct {
			user  string
			shown map[string]bool // by page+name
		}{
			{"manager", map[string]bool{"/projects/1 actual date": true, "/projects/1 forecast": true, "/projects/1 progress": true, "/supervisions/1 sign": true}},
			{"other", map[string]bool{}},
			{"finance", map[string]bool{"/projects/1 payment": true}},
			{"supervisor", map[string]bool{"/supervisions/1 close": true, "/projects/1 raise": true, "/alerts?as_of=2020-06-30 raise": true}},
			{"admin", map[string]bool{"/projects/1 actual date": true, "/projects/1 forecast": true, "/projects/1 progress": true, "/supervisions/1 sign": true,
				"/supervisions/1 close": true, "/projects/1 raise": true, "/projects/1 payment": true, "/alerts?as_of=2020-06-30 raise": true}},
		} {
			s := f.sessionOf(t, tc.user)
			for _, form := range forms {
				key := form.page + " " + form.name
				t.Run(tc.user+" "+key, func(t *testing.T) {
					w := f.do(t, s, "GET", form.page, nil)
					if w.Code != http.StatusOK {
						t.Fatalf("status %d, want 200", w.Code)
					}
					found := len(see(t, w.Body.String()).formsAt(form.title, form.row, form.button, form.labels...))
					if want := map[bool]int{true: 1, false: 0}[tc.shown[key]]; found != want {
						t.Errorf("%d forms opening from %q with button %q and labels %q (in the row of %q), want %d", found, form.title, form.button, form.labels, form.row, want)
					}
				})
			}
		}
	})
}

// TestWebFormsOfPastPlan: a project page as of a date before its plan
// moved it to another unit shows the unit of that date, and the forms of
// the unit that may change it today, as the changes are checked.
func TestWebFormsOfPastPlan(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		db.Now = func() time.Time { return webNow.AddDate(0, 0, 1) }
		set := &model.ImportSet{Plans: []model.PlanRow{{Ref: model.Ref{File: "plan.xlsx", Sheet: "附件1", Row: 5},
			Project: model.Project{Code: "JL-02", Name: "洪渡敬老院改扩建", Annex: 1, ResponsibleUnit: unitCivil}}}}
		res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "plan"})
		if err != nil || len(res.Errors) > 0 || res.Updated != 1 {
			t.Fatalf("ApplyImport: %v %v, updated %d", err, res.Errors, res.Updated)
		}
		past := "/projects/2?as_of=" + model.DateOf(webNow).String()
		for _, tc := range []struct {
			user  string
			forms int
		}{{"manager", 1}, {"other", 0}} {
			w := f.do(t, f.sessionOf(t, tc.user), "GET", past, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("%s: status %d, want 200", tc.user, w.Code)
			}
			page := see(t, w.Body.String())
			if !page.has(unitHongdu) {
				t.Errorf("%s: the page as of %s does not show the unit of then, %s", tc.user, webNow.Format("2006-01-02"), unitHongdu)
			}
			if n := len(page.formsAt("填报进度", "", "提交进度报告")); n != tc.forms {
				t.Errorf("%s: %d progress forms, want %d", tc.user, n, tc.forms)
			}
		}
	})
}

func TestWebDashboard(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "finance")
		type kpi struct {
			label string
			n     int
		}
		for _, tc := range []struct {
			asOf    string
			figures []kpi
			want    []string
		}{
			// As of the fixture's today both unfinished projects are overdue
			// (red), and 120 of 6050 万元 is paid.
			{"2020-06-30", []kpi{{"未开工", 0}, {"在建", 0}, {"已完工", 1}, {"滞后", 2}, {"红色预警", 2}, {"橙色预警", 0}, {"黄色预警", 0}},
				[]string{"2.0%", "120.00 / 6,050.00"}},
			// Before anything was due: project 1 not started, project 2
			// started, project 3 not yet finished, nothing paid. Nothing is
			// overdue, but two alerts are red: project 2's forecast lies 274
			// days beyond its finish, and project 3 has never reported.
			{"2018-10-25", []kpi{{"未开工", 1}, {"在建", 2}, {"已完工", 0}, {"滞后", 0}, {"红色预警", 2}}, []string{"0.0%", "截至 2018-10-25 没有逾期项目"}},
		} {
			t.Run(tc.asOf, func(t *testing.T) {
				w := f.do(t, s, "GET", "/?as_of="+tc.asOf, nil)
				if w.Code != http.StatusOK {
					t.Fatalf("status %d, want 200", w.Code)
				}
				s := see(t, w.Body.String())
				for _, k := range tc.figures {
					if got, want := s.figureOf(k.label), fmt.Sprintf("%d个", k.n); got != want {
						t.Errorf("dashboard shows %s %q, want %q", k.label, got, want)
					}
				}
				for _, want := range tc.want {
					if !s.has(want) {
						t.Errorf("dashboard lacks %q", want)
					}
				}
			})
		}
	})
}

func TestWebProjectsPaging(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "supervisor")
		for _, tc := range []struct {
			query       string
			want, avoid []string
		}{
			// By annex, then code: JL-02, YL-01, GM-03.
			{"page_size=1&page=2", []string{"第 2 / 3 页", "上一页", "下一页", "官舟片区养老服务中心"}, []string{"洪渡敬老院改扩建"}},
			{"page_size=1&page=2&q=官舟", []string{"第 2 / 2 页", "上一页", "官舟农村公益性公墓"}, []string{"下一页"}},
			{"status=done", []string{"官舟农村公益性公墓", "显示全部状态"}, []string{"洪渡敬老院改扩建"}},
			{"severity=none", []string{"官舟农村公益性公墓"}, []string{"洪渡敬老院改扩建"}},
			{"unit=" + url.QueryEscape(unitHongdu), []string{"洪渡敬老院改扩建"}, []string{"官舟农村公益性公墓"}},
			{"severity=red&status=done", []string{"没有符合条件的项目"}, []string{"官舟农村公益性公墓"}},
		} {
			t.Run(tc.query, func(t *testing.T) {
				w := f.do(t, s, "GET", "/projects?"+tc.query, nil)
				if w.Code != http.StatusOK {
					t.Fatalf("status %d, want 200", w.Code)
				}
				s := see(t, w.Body.String())
				for _, want := range tc.want {
					if !s.has(want) {
						t.Errorf("page lacks %q", want)
					}
				}
				for _, avoid := range tc.avoid {
					if s.lists(avoid) {
						t.Errorf("page lists %q", avoid)
					}
				}
			})
		}
	})
}

func TestLocalPath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/projects/2?as_of=2020-01-01", "/projects/2?as_of=2020-01-01"},
		{"/", "/"},
		{"", "/"},
		{"projects", "/"},
		{"//evil.example/x", "/"},
		{"/\\evil.example", "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
	} {
		if got := localPath(tc.in); got != tc.want {
			t.Errorf("localPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWithDone(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/projects/1#supervisions", "/projects/1?done=raised#supervisions"},
		{"/alerts?as_of=2020-06-30", "/alerts?as_of=2020-06-30&done=raised"},
		{"/", "/?done=raised"},
	} {
		if got := withDone(tc.in, "raised"); got != tc.want {
			t.Errorf("withDone(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestProjectStatus(t *testing.T) {
	d := model.NewDate(2020, 1, 1)
	for _, tc := range []struct {
		name          string
		start, finish model.Date
		overdue       bool
		want          string
	}{
		{"not started", model.Date{}, model.Date{}, false, model.StatusIdle},
		{"not started and overdue", model.Date{}, model.Date{}, true, model.StatusLate},
		{"started", d, model.Date{}, false, model.StatusGoing},
		{"started and overdue", d, model.Date{}, true, model.StatusLate},
		{"finished", d, d, false, model.StatusDone},
		{"finished, a stage still overdue", d, d, true, model.StatusDone},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.ProjectStatus(tc.start, tc.finish, tc.overdue); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestSpendRate(t *testing.T) {
	for _, tc := range []struct {
		spent, plan model.Money
		text        string
		width       int64
	}{
		{120 * model.Wan, 6050 * model.Wan, "2.0%", 1},
		{45845 * model.Wan, 62250 * model.Wan, "73.6%", 73},
		{0, 100 * model.Wan, "0.0%", 0},
		{150 * model.Wan, 100 * model.Wan, "150.0%", 100},
		{1, 3, "33.3%", 33},
		{5, 0, "—", 0},
	} {
		text, width := spendRate(tc.spent, tc.plan)
		if text != tc.text || width != tc.width {
			t.Errorf("spendRate(%d, %d) = %q, %d; want %q, %d", tc.spent, tc.plan, text, width, tc.text, tc.width)
		}
	}
}

func TestWebPageErrors(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "supervisor")
		for _, tc := range []struct {
			path   string
			status int
		}{
			{"/projects/99", http.StatusNotFound},
			{"/projects/abc", http.StatusNotFound},
			{"/alerts?as_of=2020-13-01", http.StatusUnprocessableEntity},
			{"/alerts?severity=purple", http.StatusUnprocessableEntity},
			{"/projects?status=sleeping", http.StatusUnprocessableEntity},
			{"/reports/delayed.xlsx?as_of=yesterday", http.StatusUnprocessableEntity},
		} {
			t.Run(tc.path, func(t *testing.T) {
				w := f.do(t, s, "GET", tc.path, nil)
				if w.Code != tc.status {
					t.Fatalf("status %d, want %d", w.Code, tc.status)
				}
				if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
					t.Errorf("Content-Type %q, want an HTML error page", ct)
				}
			})
		}
	})
}

func TestWebCSRF(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "manager")
		other := f.sessionOf(t, "admin")
		form := func(csrf string) url.Values {
			return url.Values{"actual_date": {"2020-06-01"}, "version": {"1"}, csrfField: {csrf}}
		}
		for _, tc := range []struct {
			name string
			form url.Values
		}{
			{"missing", url.Values{"actual_date": {"2020-06-01"}, "version": {"1"}}},
			{"empty", form("")},
			{"another session's", form(other.csrf)},
			{"forged", form(strings.Repeat("0", 64))},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.do(t, session{cookie: s.cookie}, "POST", "/milestones/1/actual", tc.form)
				if w.Code != http.StatusForbidden {
					t.Fatalf("status %d, want 403", w.Code)
				}
				m, err := f.db.GetMilestone(context.Background(), 1)
				if err != nil {
					t.Fatal(err)
				}
				if !m.Actual.IsZero() {
					t.Errorf("actual date %s recorded despite the failed CSRF check", m.Actual)
				}
			})
		}
	})
}

// TestWebMilestoneForms: a milestone form refused (role, unit, input,
// version) records nothing; the forms the project page shows record an
// actual date and a forecast, which the page then shows, audited.
func TestWebMilestoneForms(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		for _, tc := range []struct {
			name, user, path string
			form             url.Values
			status           int
			body             string // expected in the answer
		}{
			{"supervisor may not", "supervisor", "/milestones/1/actual", url.Values{"actual_date": {"2020-06-01"}, "version": {"1"}}, http.StatusForbidden, "无权"},
			{"finance may not", "finance", "/milestones/1/actual", url.Values{"actual_date": {"2020-06-01"}, "version": {"1"}}, http.StatusForbidden, "无权"},
			{"other unit may not", "other", "/milestones/1/actual", url.Values{"actual_date": {"2020-06-01"}, "version": {"1"}}, http.StatusForbidden, unitHongdu},
			{"no such milestone", "manager", "/milestones/77/actual", url.Values{"actual_date": {"2020-06-01"}, "version": {"1"}}, http.StatusNotFound, "不存在"},
			{"future date", "manager", "/milestones/1/actual", url.Values{"actual_date": {"2020-07-01"}, "version": {"1"}}, http.StatusUnprocessableEntity, "不能晚于今天"},
			{"bad date", "manager", "/milestones/1/actual", url.Values{"actual_date": {"1.6.2020"}, "version": {"1"}}, http.StatusUnprocessableEntity, "YYYY-MM-DD"},
			{"no version", "manager", "/milestones/1/actual", url.Values{"actual_date": {"2020-06-01"}}, http.StatusUnprocessableEntity, "版本号"},
			{"stale version", "manager", "/milestones/1/actual", url.Values{"actual_date": {"2020-06-01"}, "version": {"0"}}, http.StatusConflict, "已被他人修改"},
			{"bad slip reason", "manager", "/milestones/2/forecast", url.Values{"forecast_date": {"2021-06-30"}, "slip_reason": {"天气"}, "version": {"1"}}, http.StatusUnprocessableEntity, "延误原因"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.do(t, f.sessionOf(t, tc.user), "POST", tc.path, tc.form)
				if w.Code != tc.status {
					t.Fatalf("status %d, want %d; body %s", w.Code, tc.status, w.Body.String())
				}
				if page := see(t, w.Body.String()); !page.has(tc.body) {
					t.Errorf("the answer does not say %q:\n%s", tc.body, page.text)
				}
				for _, id := range []uint{1, 2} {
					if m, err := f.db.GetMilestone(ctx, id); err != nil || m.Version != 1 {
						t.Errorf("milestone %d after a refused form: version %d (%v), want 1", id, m.Version, err)
					}
				}
			})
		}
		for _, tc := range []struct {
			name, user string
			project    string
			milestone  string // its row's first cell
			title      string // of the form
			fill       map[string]string
			done       string              // the message after it
			want       func([]string) bool // of the milestone's row after it
		}{
			{"actual start", "manager", "/projects/1", "开工", "记录实际日期", map[string]string{"实际开工日期": "2020-06-01"}, "已记录实际日期。",
				func(r []string) bool { return r[3] == "2020-06-01" }},
			{"forecast", "manager", "/projects/1", "完工", "调整预计日期", map[string]string{"预计日期": "2021-06-30", "延误原因": "用地"}, "已更新预计日期。",
				func(r []string) bool { return r[2] == "2021-06-30" && r[5] == "用地" }},
			{"admin may", "admin", "/projects/2", "开工", "记录实际日期", map[string]string{"实际开工日期": "2018-10-21"}, "已记录实际日期。",
				func(r []string) bool { return r[3] == "2018-10-21" }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s := f.sessionOf(t, tc.user)
				form := see(t, f.do(t, s, "GET", tc.project, nil).Body.String()).formAt(t, tc.title, tc.milestone, "保存")
				after := f.submitted(t, s, form, tc.fill)
				if r := after.rowOf(tc.milestone); !after.has(tc.done) || r == nil || !tc.want(r) {
					t.Errorf("after the form: row %q, want it changed and %q said:\n%s", r, tc.done, after.text)
				}
				audit, err := f.db.ProjectAudit(ctx, map[string]uint{"/projects/1": 1, "/projects/2": 2}[tc.project])
				if err != nil {
					t.Fatal(err)
				}
				for field, value := range tc.fill {
					if !slices.ContainsFunc(audit, func(e model.AuditEntry) bool {
						return e.New == value && e.User == tc.user && e.Source == "ui"
					}) {
						t.Errorf("no audit entry by %s from the ui for %s = %s: %+v", tc.user, field, value, audit)
					}
				}
			})
		}
	})
}

// TestWebProgressForm: a progress report refused records nothing; the
// form the project page shows files one, which the page then lists.
func TestWebProgressForm(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		reports := func(t *testing.T) []model.ProgressReport {
			t.Helper()
			rs, err := f.db.ProjectProgress(context.Background(), 1)
			if err != nil {
				t.Fatal(err)
			}
			return rs
		}
		for _, tc := range []struct {
			name, user string
			form       url.Values
			status     int
		}{
			{"other unit", "other", url.Values{"percent": {"10"}}, http.StatusForbidden},
			{"supervisor", "supervisor", url.Values{"percent": {"10"}}, http.StatusForbidden},
			{"percent over 100", "manager", url.Values{"percent": {"120"}}, http.StatusUnprocessableEntity},
			{"percent not a number", "manager", url.Values{"percent": {"十"}}, http.StatusUnprocessableEntity},
			{"fen below a fen", "manager", url.Values{"investment_wan": {"1.0000001"}}, http.StatusUnprocessableEntity},
			{"empty", "manager", url.Values{}, http.StatusUnprocessableEntity},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.do(t, f.sessionOf(t, tc.user), "POST", "/projects/1/progress", tc.form)
				if w.Code != tc.status {
					t.Fatalf("status %d, want %d; body %s", w.Code, tc.status, w.Body.String())
				}
				if rs := reports(t); len(rs) != 0 {
					t.Errorf("%d reports after a refused form, want none", len(rs))
				}
			})
		}
		t.Run("filed", func(t *testing.T) {
			s := f.sessionOf(t, "manager")
			form := see(t, f.do(t, s, "GET", "/projects/1", nil).Body.String()).formAt(t, "填报进度", "", "提交进度报告")
			after := f.submitted(t, s, form, map[string]string{"填报日期": "2020-06-30", "形象进度（%）": "35.5", "累计完成投资（万元）": "1200.5", "存在问题": "用地手续待批"})
			if !after.has("已提交进度报告。") || !after.hasRow("2020-06-30", "35.5%", "1,200.50", "用地手续待批") {
				t.Errorf("after the form, want the report listed:\n%s", after.text)
			}
			rs := reports(t)
			want, err := model.ParseWan("1200.5")
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != 1 || rs[0].Percent.Decimal.String() != "35.5" || rs[0].InvestmentDone == nil || *rs[0].InvestmentDone != want || rs[0].Problems != "用地手续待批" {
				t.Errorf("reports %+v, want one of 35.5%%, 1200.5万, 用地手续待批", rs)
			}
		})
	})
}

// TestWebPaymentForm: a payment refused records nothing; the form the
// project page shows records one, which the page then lists, in 万元 or
// in 元.
func TestWebPaymentForm(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		spent := func(t *testing.T) model.Money {
			t.Helper()
			v, err := f.db.GetProject(context.Background(), 1)
			if err != nil {
				t.Fatal(err)
			}
			return v.Spent
		}
		pay := func(voucher, amount string) url.Values {
			return url.Values{"date": {"2020-06-15"}, "amount_wan": {amount}, "source": {"省级补助"}, "voucher": {voucher}, "note": {"二期"}}
		}
		for _, tc := range []struct {
			name, user string
			form       url.Values
			status     int
		}{
			{"manager may not", "manager", pay("V-100", "10"), http.StatusForbidden},
			{"supervisor may not", "supervisor", pay("V-100", "10"), http.StatusForbidden},
			{"voucher already recorded", "finance", pay("V-001", "10"), http.StatusConflict},
			{"negative", "finance", pay("V-100", "-10"), http.StatusUnprocessableEntity},
			{"not a number", "finance", pay("V-100", "十万"), http.StatusUnprocessableEntity},
			{"future date", "finance", url.Values{"date": {"2020-07-15"}, "amount_wan": {"1"}, "voucher": {"V-100"}}, http.StatusUnprocessableEntity},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.do(t, f.sessionOf(t, tc.user), "POST", "/projects/1/payments", tc.form)
				if w.Code != tc.status {
					t.Fatalf("status %d, want %d; body %s", w.Code, tc.status, w.Body.String())
				}
				if got := spent(t); got != 0 {
					t.Errorf("spent %s 万元 after a refused form, want 0", got.WanString())
				}
			})
		}
		for _, tc := range []struct {
			name, user, voucher, amount, unit string
			listed                            string // the amount the list shows, in 万元
			want                              string // spent, in 万元
		}{
			{"finance records", "finance", "V-100", "250.5", "万元", "250.50", "250.5"},
			{"admin records in yuan", "admin", "V-101", "100", "元", "0.01", "0.01"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				s := f.sessionOf(t, tc.user)
				before := spent(t)
				form := see(t, f.do(t, s, "GET", "/projects/1", nil).Body.String()).formAt(t, "登记拨付", "", "登记", "拨付日期", "金额", "单位", "资金来源", "凭证号")
				after := f.submitted(t, s, form, map[string]string{"拨付日期": "2020-06-15", "金额": tc.amount, "单位": tc.unit, "资金来源": "省级补助", "凭证号": tc.voucher, "备注": "二期"})
				if !after.has("已登记拨付。") || !after.hasRow("2020-06-15", "省级补助", tc.listed, tc.voucher, "二期") {
					t.Errorf("after the form, want the payment listed:\n%s", after.text)
				}
				want, err := model.ParseWan(tc.want)
				if err != nil {
					t.Fatal(err)
				}
				if got := spent(t) - before; got != want {
					t.Errorf("spent grew by %s 万元, want %s", got.WanString(), tc.want)
				}
			})
		}
	})
}

// TestWebSupervisionRaise: a 督办 raised from the alerts page's row goes
// back there, one raised on several projects gets one each, and a raise
// refused raises nothing; one sent back anywhere but here returns home.
// Only the alerts page's case raises on project 2, which it needs
// without a 督办.
func TestWebSupervisionRaise(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		open := func(t *testing.T, project uint) int {
			t.Helper()
			_, n, err := f.db.ListSupervisions(ctx, model.SupervisionFilter{ProjectID: project})
			if err != nil {
				t.Fatal(err)
			}
			return int(n)
		}
		raise := func(extra url.Values) url.Values {
			v := url.Values{"project_id": {"1"}, "reason": {"完工滞后"}, "due": {"2020-07-10"}}
			for k, x := range extra {
				v[k] = x
			}
			return v
		}
		for _, tc := range []struct {
			name     string
			user     string
			form     url.Values
			status   int
			location string
			raised   [3]int // on projects 1, 2 and 3
		}{
			{"manager may not raise", "manager", raise(nil), http.StatusForbidden, "", [3]int{0, 0, 0}},
			{"raise needs a reason", "supervisor", raise(url.Values{"reason": {" "}}), http.StatusUnprocessableEntity, "", [3]int{0, 0, 0}},
			{"raise on several in working days", "supervisor", raise(url.Values{"project_id": {"1", "3"}, "due_kind": {"working_days"}, "due_working_days": {"5"}}), http.StatusSeeOther, "/?done=raised", [3]int{1, 0, 1}},
			{"raise returns only locally", "supervisor", raise(url.Values{"back": {"//evil.example"}}), http.StatusSeeOther, "/?done=raised", [3]int{1, 0, 0}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := [3]int{open(t, 1), open(t, 2), open(t, 3)}
				w := f.do(t, f.sessionOf(t, tc.user), "POST", "/supervisions", tc.form)
				if w.Code != tc.status || w.Header().Get("Location") != tc.location {
					t.Fatalf("status %d to %q, want %d to %q; body %s", w.Code, w.Header().Get("Location"), tc.status, tc.location, w.Body.String())
				}
				if got := [3]int{open(t, 1) - before[0], open(t, 2) - before[1], open(t, 3) - before[2]}; got != tc.raised {
					t.Errorf("raised %v on projects 1, 2 and 3, want %v", got, tc.raised)
				}
			})
		}
		t.Run("raise from the alerts page", func(t *testing.T) {
			s := f.sessionOf(t, "supervisor")
			before := open(t, 2)
			form := see(t, f.do(t, s, "GET", "/alerts?as_of=2020-06-30", nil).Body.String()).formAt(t, "发起督办", "洪渡敬老院改扩建 JL-02", "交办督办", "督办事项")
			w := f.submit(t, s, form, map[string]string{"督办事项": "完工滞后，请说明原因", "办理期限": "2020-07-10"})
			if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/alerts?as_of=2020-06-30&done=raised" {
				t.Fatalf("status %d to %q, want 303 back to the alerts", w.Code, w.Header().Get("Location"))
			}
			after := f.follow(t, s, w)
			if !after.has("已交办督办。") || open(t, 2) != before+1 {
				t.Errorf("%d 督办 on project 2 after the form (%d before):\n%s", open(t, 2), before, after.text)
			}
			if len(after.formsAt("发起督办", "洪渡敬老院改扩建 JL-02", "交办督办")) != 0 {
				t.Error("the alerts page still offers to raise a 督办 on the project under 督办")
			}
		})
	})
}

// TestWebSupervisionRefused: a 督办 step the user may not take, or may
// not take yet, is refused and changes nothing.
func TestWebSupervisionRefused(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		sv := "/supervisions/" + strconv.FormatUint(uint64(f.supervision), 10)
		for _, tc := range []struct {
			name, user, path string
			form             url.Values
			status           int
		}{
			{"other unit may not sign", "other", sv + "/sign", url.Values{}, http.StatusForbidden},
			{"supervisor may not sign", "supervisor", sv + "/sign", url.Values{}, http.StatusForbidden},
			{"reply before signing", "manager", sv + "/reply", url.Values{"body": {"收到"}}, http.StatusConflict},
			{"manager may not accept", "manager", sv + "/accept", url.Values{}, http.StatusForbidden},
			{"escalate needs a level", "supervisor", sv + "/escalate", url.Values{"body": {"约谈"}, "date": {"2020-06-30"}}, http.StatusUnprocessableEntity},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.do(t, f.sessionOf(t, tc.user), "POST", tc.path, tc.form)
				if w.Code != tc.status {
					t.Fatalf("status %d, want %d; body %s", w.Code, tc.status, w.Body.String())
				}
				v, err := f.db.SupervisionByID(context.Background(), f.supervision)
				if err != nil || v.Status != model.SupervisionUnsigned || len(v.Steps) != 1 {
					t.Errorf("督办 %s with %d steps (%v), want it unsigned as raised", v.Status, len(v.Steps), err)
				}
			})
		}
	})
}

// TestWebSupervisionForms follows a 督办 through the forms its page
// shows each user, one step after the other (each needs the one before,
// so they are steps of one story, not subtests): signed, given more
// time, replied to, returned, chased, escalated, replied to again and
// accepted. Then it is closed, and the lists show it by tab, unit and
// supervisor.
func TestWebSupervisionForms(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		sv := "/supervisions/" + strconv.FormatUint(uint64(f.supervision), 10)
		sessions := map[string]session{}
		for _, u := range []string{"manager", "supervisor"} {
			sessions[u] = f.sessionOf(t, u)
		}
		for _, step := range []struct {
			name, user    string
			title, button string // the form, by the summary it opens from and its button
			fill          map[string]string
			done          string // what the page says after it
			// or a request the page does not offer, refused with status
			path   string
			form   url.Values
			status int
		}{
			{"manager signs", "manager", "", "签收", nil, "已签收。", "", nil, 0},
			{"manager asks for more time", "manager", "申请延期", "提交申请", map[string]string{"新的期限（日期）": "", "新的期限": "2020-07-20", "延期理由": "雨季"}, "已提交延期申请。", "", nil, 0},
			{"supervisor approves", "supervisor", "", "同意延期", nil, "已同意延期。", "", nil, 0},
			{"manager replies", "manager", "", "提交反馈", map[string]string{"反馈办理情况": "已协调用地，7月开工"}, "已提交反馈，等待审核。", "", nil, 0},
			{"manager may not accept", "manager", "", "", nil, "", sv + "/accept", url.Values{}, http.StatusForbidden},
			{"return needs a reason", "supervisor", "", "", nil, "", sv + "/return", url.Values{"due": {"2020-07-15"}}, http.StatusUnprocessableEntity},
			{"supervisor returns", "supervisor", "", "退回重办", map[string]string{"退回理由": "请附照片", "新的期限（日期）": "", "新的期限": "2020-07-15"}, "已退回重办。", "", nil, 0},
			{"supervisor chases", "supervisor", "催办", "催办", map[string]string{"催办说明": "请抓紧"}, "已催办。", "", nil, 0},
			{"supervisor escalates", "supervisor", "约谈 / 升级督办", "记录约谈", map[string]string{"约谈层级": "分管县领导", "日期": "2020-06-30", "说明": "约谈局长"}, "已记录约谈（升级督办）。", "", nil, 0},
			{"manager replies again", "manager", "", "提交反馈", map[string]string{"反馈办理情况": "已开工"}, "已提交反馈，等待审核。", "", nil, 0},
			{"supervisor accepts", "supervisor", "", "审核通过，办结销号", map[string]string{"审核意见": "办结销号"}, "已审核通过，办结销号。", "", nil, 0},
		} {
			s := sessions[step.user]
			if step.path != "" {
				if w := f.do(t, s, "POST", step.path, step.form); w.Code != step.status {
					t.Fatalf("%s: status %d, want %d; body %s", step.name, w.Code, step.status, w.Body.String())
				}
				continue
			}
			page := see(t, f.do(t, s, "GET", sv, nil).Body.String())
			forms := page.formsAt(step.title, "", step.button)
			if len(forms) != 1 {
				t.Fatalf("%s: %d forms opening from %q with button %q, want one:\n%s", step.name, len(forms), step.title, step.button, page.text)
			}
			if after := f.submitted(t, s, forms[0], step.fill); !after.has(step.done) {
				t.Fatalf("%s: the page does not say %q:\n%s", step.name, step.done, after.text)
			}
		}
		v, err := f.db.SupervisionByID(ctx, f.supervision)
		if err != nil {
			t.Fatal(err)
		}
		if v.Status != model.SupervisionClosed || v.Level != 2 || v.ChaseCount != 1 || v.Due.String() != "2020-07-15" || v.OriginalDue.String() != "2020-07-10" || len(v.Steps) != 10 {
			t.Errorf("督办 %s level %d chased %d due %s (originally %s) with %d steps", v.Status, v.Level, v.ChaseCount, v.Due, v.OriginalDue, len(v.Steps))
		}
		page := see(t, f.do(t, sessions["supervisor"], "GET", sv, nil).Body.String())
		for _, want := range []string{"分管县领导", "约谈局长", "请附照片", "同意延期", "原定期限"} {
			if !page.has(want) {
				t.Errorf("the closed 督办's page does not show %q", want)
			}
		}
		if n := len(page.formsAt("直接办结", "", "办结")); n != 0 {
			t.Error("the closed 督办's page still offers to close it")
		}
		if w := f.do(t, sessions["supervisor"], "POST", sv+"/close", url.Values{"body": {"再办结"}}); w.Code != http.StatusConflict {
			t.Errorf("closing the closed 督办: status %d, want 409", w.Code)
		}
		// The lists, with a second 督办 unsigned on 洪渡镇's project: by
		// tab, unit and supervisor, and a manager's own.
		if _, err := f.db.RaiseSupervisions(ctx, model.Actor{User: "supervisor", Source: "fixture"}, model.SupervisionRaise{
			ProjectIDs: []uint{2}, Reason: "完工滞后", Due: model.Deadline{Date: model.NewDate(2020, 7, 10)}}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			user, path      string
			want            []string // text shown
			listed, omitted []uint   // 督办 linked from the page, and not
		}{
			{"supervisor", "/supervisions?tab=closed", nil, []uint{1}, []uint{2}},
			{"supervisor", "/supervisions?tab=unsigned", nil, []uint{2}, []uint{1}},
			{"supervisor", "/supervisions?tab=overdue", nil, nil, []uint{1}},
			{"supervisor", "/supervisions?supervisor=nobody", []string{"没有符合条件的督办"}, nil, nil},
			{"manager", "/supervisions", []string{"本单位待办"}, []uint{1}, []uint{2}},
		} {
			page := see(t, f.do(t, sessions[tc.user], "GET", tc.path, nil).Body.String())
			for _, s := range tc.want {
				if !page.has(s) {
					t.Errorf("%s %s: %q missing", tc.user, tc.path, s)
				}
			}
			for _, id := range tc.listed {
				if _, ok := page.linkTo(fmt.Sprintf("/supervisions/%d", id)); !ok {
					t.Errorf("%s %s: 督办 %d not listed", tc.user, tc.path, id)
				}
			}
			for _, id := range tc.omitted {
				if _, ok := page.linkTo(fmt.Sprintf("/supervisions/%d", id)); ok {
					t.Errorf("%s %s: 督办 %d listed", tc.user, tc.path, id)
				}
			}
		}
	})
}
