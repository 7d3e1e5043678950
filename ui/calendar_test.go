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
		page := func(s session, target string) seen {
			t.Helper()
			w := f.do(t, s, "GET", target, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d", target, w.Code)
			}
			return see(t, w.Body.String())
		}
		const warning = "有 1 件在办督办的期限在 2031 年，该年尚无节假日安排"
		if p := page(admin, "/"); !p.has(warning) || !p.hasLink("/calendar", "导入节假日安排") {
			t.Errorf("an admin's dashboard lacks the warning or the link to 导入节假日安排:\n%s", p.text)
		}
		p := page(sup, "/")
		if _, linked := p.linkTo("/calendar"); !p.has(warning) || !p.has("请管理员导入该年的节假日安排") || linked {
			t.Errorf("a supervisor's dashboard: want the warning, asking for an admin, and no link to the calendar page:\n%s", p.text)
		}
		for _, name := range []string{"supervisor", "manager"} {
			if w := f.do(t, f.sessionOf(t, name), "GET", "/calendar", nil); w.Code != http.StatusForbidden {
				t.Errorf("%s GET /calendar: status %d, want 403", name, w.Code)
			}
		}
		if p := page(admin, "/calendar"); p.rowOf("2017") == nil || p.rowOf("2026") == nil || !p.has("系统内置（holiday-cn）") || !p.has(warning) {
			t.Errorf("calendar page: want 2017 and 2026 built in, and the warning:\n%s", p.text)
		}

		// A bad file is refused and nothing stored.
		if w := f.postCalendar(t, admin, "2031.json", []byte(`{"year":2031,"days":[{"date":"2031-01-01"}]}`)); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "2031.json：2031-01-01 缺少 isOffDay") {
			t.Errorf("a day without isOffDay: status %d, want 422 naming the file and the day", w.Code)
		}
		if page(admin, "/calendar").rowOf("2031") != nil {
			t.Error("a refused file was stored")
		}
		w := f.postCalendar(t, admin, "2031.json", []byte(`{"year":2031,"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}`))
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/calendar?done=calendar" {
			t.Fatalf("import: status %d, location %q: %s", w.Code, w.Header().Get("Location"), w.Body.String())
		}
		p = f.follow(t, admin, w)
		if r := p.rowOf("2031"); !p.has("已导入节假日安排") || len(r) != 2 || !strings.HasPrefix(r[1], "管理员 admin 于") {
			t.Errorf("calendar page after the import: row %q, want 2031 imported by admin:\n%s", r, p.text)
		}
		if page(admin, "/").has(warning) {
			t.Error("the dashboard still warns after 2031 was imported")
		}
	})
}
