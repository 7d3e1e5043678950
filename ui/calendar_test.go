package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// postCalendar posts a year's file to /calendar as the admin's form does.
func (f *webFixture) postCalendar(t *testing.T, s session, name string, b []byte) *httptest.ResponseRecorder {
	t.Helper()
	return f.postFiles(t, s, "/calendar", url.Values{csrfField: {s.csrf}}, "file", map[string][]byte{name: b})
}

// The admin's 节假日安排 page lists the years and imports one; the
// dashboard warns of open 督办 whose deadline falls in a year without
// data until it is imported.
func TestWebCalendar(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		if _, err := db.RaiseSupervisions(context.Background(), model.Actor{User: "supervisor", Source: "web"}, model.SupervisionRaise{
			ProjectIDs: []uint{2}, Reason: "长期督办", Due: model.Deadline{Date: model.NewDate(2031, 3, 2)}}); err != nil {
			t.Fatal(err)
		}
		admin, sup := f.sessionOf(t, "admin"), f.sessionOf(t, "supervisor")
		body := func(s session, target string) string {
			t.Helper()
			w := f.do(t, s, "GET", target, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d", target, w.Code)
			}
			return w.Body.String()
		}
		const warning = "有 1 件在办督办的期限在 2031 年，该年尚无节假日安排"
		for _, tc := range []struct {
			s    session
			want []string
		}{
			{admin, []string{warning, `<a href="/calendar">导入节假日安排</a>`, `href="/calendar"`}},
			{sup, []string{warning, "请管理员导入该年的节假日安排"}},
		} {
			page := body(tc.s, "/")
			for _, want := range tc.want {
				if !strings.Contains(page, want) {
					t.Errorf("dashboard lacks %q", want)
				}
			}
		}
		if strings.Contains(body(sup, "/"), `href="/calendar"`) {
			t.Error("a supervisor's page links to the admin's calendar page")
		}
		for _, name := range []string{"supervisor", "manager"} {
			if w := f.do(t, f.sessionOf(t, name), "GET", "/calendar", nil); w.Code != http.StatusForbidden {
				t.Errorf("%s GET /calendar: status %d, want 403", name, w.Code)
			}
		}
		page := body(admin, "/calendar")
		for _, want := range []string{`<tr data-year="2017">`, `<tr data-year="2026">`, "系统内置（holiday-cn）", warning} {
			if !strings.Contains(page, want) {
				t.Errorf("calendar page lacks %q", want)
			}
		}

		// A bad file is refused and nothing stored.
		if w := f.postCalendar(t, admin, "2031.json", []byte(`{"year":2031,"days":[{"date":"2031-01-01"}]}`)); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "2031.json：2031-01-01 缺少 isOffDay") {
			t.Errorf("a day without isOffDay: status %d, want 422 naming the file and the day", w.Code)
		}
		if strings.Contains(body(admin, "/calendar"), `data-year="2031"`) {
			t.Error("a refused file was stored")
		}
		w := f.postCalendar(t, admin, "2031.json", []byte(`{"year":2031,"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}`))
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/calendar?done=calendar" {
			t.Fatalf("import: status %d, location %q: %s", w.Code, w.Header().Get("Location"), w.Body.String())
		}
		page = body(admin, "/calendar?done=calendar")
		for _, want := range []string{"已导入节假日安排", `<tr data-year="2031"><td data-label="年份">2031</td><td data-label="来源">管理员 admin 于`} {
			if !strings.Contains(page, want) {
				t.Errorf("calendar page after the import lacks %q", want)
			}
		}
		if strings.Contains(body(admin, "/"), "calendar-uncovered") {
			t.Error("the dashboard still warns after 2031 was imported")
		}
	})
}
