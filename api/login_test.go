package api_test

import (
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestLoginThrottleAPI: the sixth login of an account after five wrong
// passwords is 429 with Retry-After, even with the right password.
func TestLoginThrottleAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		for range 5 {
			wantError(t, f.do("POST", "/api/v1/login", "", map[string]string{"username": "fin", "password": "wrong-password"}), 401)
		}
		w := f.do("POST", "/api/v1/login", "", map[string]string{"username": "fin", "password": "password-fin"})
		wantError(t, w, 429)
		if w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "登录失败次数过多") {
			t.Errorf("throttled: Retry-After %q body %s", w.Header().Get("Retry-After"), w.Body.String())
		}
	})
}

// TestPasswordAPI: POST /password changes the caller's password under
// the rule and ends the caller's tokens.
func TestPasswordAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		w := f.do("POST", "/api/v1/password", "sup", map[string]string{"old_password": "password-sup", "new_password": "123456789a"})
		wantError(t, w, 422)
		if !strings.Contains(w.Body.String(), "过于常见") {
			t.Errorf("common password: %s", w.Body.String())
		}
		wantError(t, f.do("POST", "/api/v1/password", "sup", map[string]string{"old_password": "nope-nope-nope", "new_password": "battery staple"}), 422)
		if w := f.do("POST", "/api/v1/password", "sup", map[string]string{"old_password": "password-sup", "new_password": "battery staple"}); w.Code != 204 {
			t.Fatalf("change: %d %s", w.Code, w.Body.String())
		}
		wantError(t, f.do("GET", "/api/v1/me", "sup", nil), 401)
		if w := f.do("POST", "/api/v1/login", "", map[string]string{"username": "sup", "password": "battery staple"}); w.Code != 200 {
			t.Errorf("login with the new password: %d %s", w.Code, w.Body.String())
		}
	})
}
