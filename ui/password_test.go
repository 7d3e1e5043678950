package ui

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebPasswordChange: every user has the change-password page; a weak
// new password or a wrong old one is the form's error and changes
// nothing; a good one ends the session.
func TestWebPasswordChange(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "supervisor")
		if w := f.do(t, s, "GET", "/password", nil); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `name="new_password"`) {
			t.Fatalf("GET /password: %d", w.Code)
		}
		for _, tc := range []struct{ old, new, want string }{
			{"wrong-password", "battery staple", "原密码不正确"},
			{webPassword, "password123", "密码过于常见"},
			{webPassword, "short", "密码至少 10 个字符"},
		} {
			w := f.do(t, s, "POST", "/password", url.Values{"old_password": {tc.old}, "new_password": {tc.new}})
			if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), tc.want) {
				t.Errorf("%q → %q: %d, want 422 saying %q", tc.old, tc.new, w.Code, tc.want)
			}
		}
		if _, err := db.Authenticate(context.Background(), "supervisor", webPassword); err != nil {
			t.Fatalf("a refused change changed the password: %v", err)
		}
		w := f.do(t, s, "POST", "/password", url.Values{"old_password": {webPassword}, "new_password": {"battery staple"}})
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login" {
			t.Fatalf("change: %d %q, want 303 to /login", w.Code, w.Header().Get("Location"))
		}
		if w := f.do(t, s, "GET", "/", nil); w.Code != http.StatusSeeOther {
			t.Errorf("the old session outlived the change: %d", w.Code)
		}
		if _, err := db.Authenticate(context.Background(), "supervisor", "battery staple"); err != nil {
			t.Errorf("new password: %v", err)
		}
	})
}

// TestWebLoginThrottle: after five wrong passwords the login page says,
// in Chinese, to wait, with 429 and Retry-After, even for the right one.
func TestWebLoginThrottle(t *testing.T) {
	f := newWebFixture(t, storetest.OpenSQLite(t))
	get := f.do(t, session{}, "GET", "/login", nil)
	s := session{cookie: cookieNamed(get.Result(), loginCSRF)}
	token := csrfIn(t, get.Body.String())
	post := func(password string) *http.Response {
		return f.do(t, s, "POST", "/login", url.Values{"username": {"manager"}, "password": {password}, csrfField: {token}}).Result()
	}
	for range 5 {
		if r := post("wrong-password"); r.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong password: %d", r.StatusCode)
		}
	}
	r := post(webPassword)
	body := new(strings.Builder)
	r.Write(body)
	if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") != "900" || !strings.Contains(body.String(), "登录失败次数过多，请 15 分钟后再试") {
		t.Errorf("after 5 failures: %d Retry-After %q, want 429, 900 and the Chinese message", r.StatusCode, r.Header.Get("Retry-After"))
	}
	if cookieNamed(r, sessionCookie) != nil {
		t.Error("a throttled login set a session")
	}
}
