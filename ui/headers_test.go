package ui

import (
	"crypto/tls"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/store/storetest"
)

// TestSecurityHeaders: every page and answer forbids framing, carries the
// content security policy and is not cached; only the static assets are
// served from /static/, never a template.
func TestSecurityHeaders(t *testing.T) {
	f := newWebFixture(t, storetest.OpenSQLite(t))
	s := f.sessionOf(t, "admin")
	for _, target := range []string{"/login", "/", "/projects/1", "/reports", "/reports/spend.xlsx", "/api/v1/openapi.json", "/no-such-page"} {
		w := f.do(t, s, "GET", target, nil)
		h := w.Header()
		if h.Get("X-Frame-Options") != "DENY" || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") ||
			h.Get("Cache-Control") != "no-store" || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v, want X-Frame-Options DENY, a CSP with frame-ancestors 'none', Cache-Control no-store, nosniff", target, h)
		}
	}
	if w := f.do(t, session{}, "GET", "/static/app.css", nil); w.Code != http.StatusOK || w.Header().Get("Cache-Control") == "no-store" {
		t.Errorf("/static/app.css: status %d, Cache-Control %q; want 200, cacheable", w.Code, w.Header().Get("Cache-Control"))
	}
	for _, target := range []string{"/static/..%2ftemplates/layout.html", "/static/../templates/layout.html", "/static/%2e%2e/templates/login.html", "/static/", "/static/templates/layout.html"} {
		w := f.do(t, session{}, "GET", target, nil)
		if w.Code < 300 || w.Code == http.StatusNotModified || strings.Contains(w.Body.String(), "{{") {
			t.Errorf("%s: status %d, body %.80q; want a 404 or redirect, no template", target, w.Code, w.Body.String())
		}
	}
}

// TestSecureCookie: the session cookie is Secure over TLS and, behind a
// TLS proxy, with --secure-cookies; not over plain HTTP otherwise.
func TestSecureCookie(t *testing.T) {
	db := storetest.OpenSQLite(t)
	f := newWebFixture(t, db)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, tc := range []struct {
		name   string
		srv    http.Handler
		tls    bool
		secure bool
	}{
		{"plain HTTP", f.srv, false, false},
		{"TLS", f.srv, true, true},
		{"--secure-cookies", NewServer(db, httpx.Options{Logger: log, SecureCookies: true}), false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			do := func(method string, form url.Values, cookie *http.Cookie) *http.Response {
				var body io.Reader
				if form != nil {
					body = strings.NewReader(form.Encode())
				}
				r := httptest.NewRequest(method, "/login", body)
				if form != nil {
					r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				}
				if tc.tls {
					r.TLS = &tls.ConnectionState{}
				}
				if cookie != nil {
					r.AddCookie(cookie)
				}
				w := httptest.NewRecorder()
				tc.srv.ServeHTTP(w, r)
				return w.Result()
			}
			get := do("GET", nil, nil)
			login := cookieNamed(get, loginCSRF)
			page, _ := io.ReadAll(get.Body)
			post := do("POST", url.Values{"username": {"admin"}, "password": {webPassword}, csrfField: {csrfIn(t, string(page))}}, login)
			c := cookieNamed(post, sessionCookie)
			if c == nil {
				t.Fatalf("login: status %d, no session cookie", post.StatusCode)
			}
			if c.Secure != tc.secure || login.Secure != tc.secure {
				t.Errorf("Secure: session %v, login %v; want %v", c.Secure, login.Secure, tc.secure)
			}
		})
	}
}

// TestFormBodyBounded: a form body over 1 MiB is refused before the login
// check reads it, and logs no one in.
func TestFormBodyBounded(t *testing.T) {
	f := newWebFixture(t, storetest.OpenSQLite(t))
	form := url.Values{"username": {"admin"}, "password": {webPassword}, "pad": {strings.Repeat("x", 2<<20)}}
	w := f.do(t, session{}, "POST", "/login", form)
	if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), "请求内容超过 1 MiB 的上限") {
		t.Errorf("status %d body %.200s, want 413 saying the limit", w.Code, w.Body.String())
	}
	if cookieNamed(w.Result(), sessionCookie) != nil {
		t.Error("an oversized login set a session cookie")
	}
}

// TestChunkedFormBounded: a form over 1 MiB sent in chunks (no declared
// length) shows the page of its error, 413 and the limit, not a
// misleading expired form, and changes nothing.
func TestChunkedFormBounded(t *testing.T) {
	f := newWebFixture(t, storetest.OpenSQLite(t))
	admin := f.sessionOf(t, "admin")
	for _, tc := range []struct {
		path string
		s    session
	}{{"/login", session{}}, {"/password", admin}} {
		form := url.Values{"username": {"admin"}, "password": {webPassword}, "old_password": {webPassword}, "new_password": {"another-Password-9"},
			csrfField: {admin.csrf}, "pad": {strings.Repeat("x", 2<<20)}}
		r := httptest.NewRequest("POST", tc.path, strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.ContentLength, r.TransferEncoding = -1, []string{"chunked"}
		if tc.s.cookie != nil {
			r.AddCookie(tc.s.cookie)
		}
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, r)
		if w.Code != http.StatusRequestEntityTooLarge || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") || !strings.Contains(w.Body.String(), "请求内容超过 1 MiB 的上限") {
			t.Errorf("%s: %d %s %.300s; want the 413 page saying the limit", tc.path, w.Code, w.Header().Get("Content-Type"), w.Body.String())
		}
		if cookieNamed(w.Result(), sessionCookie) != nil {
			t.Errorf("%s: an oversized form set a session cookie", tc.path)
		}
	}
	if w := f.do(t, f.sessionOf(t, "admin"), "GET", "/", nil); w.Code != http.StatusOK {
		t.Errorf("the password is unchanged and admin logs in: %d", w.Code)
	}
}
