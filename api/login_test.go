package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestLoginThrottleAPI: the sixth login of an account after five wrong
// passwords is 429 with Retry-After, even with the right password.
func TestLoginThrottleAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		for range 5 {
			apitest.WantError(t, f.Do("POST", "/api/v1/login", "", map[string]string{"username": "fin", "password": "wrong-password"}), 401)
		}
		w := f.Do("POST", "/api/v1/login", "", map[string]string{"username": "fin", "password": "password-fin"})
		apitest.WantError(t, w, 429)
		if w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "登录失败次数过多") {
			t.Errorf("throttled: Retry-After %q body %s", w.Header().Get("Retry-After"), w.Body.String())
		}
	})
}

// TestPasswordAPI: POST /password changes the caller's password under
// the rule and ends the caller's tokens.
func TestPasswordAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		w := f.Do("POST", "/api/v1/password", "sup", map[string]string{"old_password": "password-sup", "new_password": "123456789a"})
		apitest.WantError(t, w, 422)
		if !strings.Contains(w.Body.String(), "过于常见") {
			t.Errorf("common password: %s", w.Body.String())
		}
		apitest.WantError(t, f.Do("POST", "/api/v1/password", "sup", map[string]string{"old_password": "nope-nope-nope", "new_password": "battery staple"}), 422)
		if w := f.Do("POST", "/api/v1/password", "sup", map[string]string{"old_password": "password-sup", "new_password": "battery staple"}); w.Code != 204 {
			t.Fatalf("change: %d %s", w.Code, w.Body.String())
		}
		apitest.WantError(t, f.Do("GET", "/api/v1/me", "sup", nil), 401)
		if w := f.Do("POST", "/api/v1/login", "", map[string]string{"username": "sup", "password": "battery staple"}); w.Code != 200 {
			t.Errorf("login with the new password: %d %s", w.Code, w.Body.String())
		}
	})
}

// TestLoginThrottleBehindProxy: the per-address count takes the client
// from X-Forwarded-For only when the connection is a trusted proxy's;
// otherwise a client cannot dodge it by sending the header.
func TestLoginThrottleBehindProxy(t *testing.T) {
	// httptest requests come from 192.0.2.1.
	for _, tc := range []struct {
		name    string
		proxies []string
		other   int // status of a wrong login from another forwarded client
	}{
		{"trusted proxy", []string{"192.0.2.1"}, 401},
		{"no proxy trusted", nil, 429},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := apitest.New(t, storetest.OpenSQLite(t), api.Options{TrustedProxies: tc.proxies})
			login := func(user, client string) *httptest.ResponseRecorder {
				b, _ := json.Marshal(map[string]string{"username": user, "password": "wrong-password"})
				r := httptest.NewRequest("POST", "/api/v1/login", bytes.NewReader(b))
				r.Header.Set("Content-Type", "application/json")
				r.Header.Set("X-Forwarded-For", client)
				return f.Send(r, "")
			}
			for i := range store.AddrFailures {
				apitest.WantError(t, login(fmt.Sprintf("nobody%d", i), "198.51.100.7"), 401)
			}
			apitest.WantError(t, login("nobody-more", "198.51.100.7"), 429)
			apitest.WantError(t, login("nobody-else", "198.51.100.8"), tc.other)
		})
	}
}
