package api_test

import (
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/internal/browsertest"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/store/storetest"
)

// The OpenAPI document validates, every route gin serves under /api/v1
// is in it with its method, and the statuses a client must handle are
// listed.
func TestOpenAPIDocument(t *testing.T) {
	s := api.NewServer(storetest.OpenSQLite(t), api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	d, err := apitest.LoadDoc(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Spec.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", d.Spec.OpenAPI)
	}
	ginParam := regexp.MustCompile(`:([a-z_]+)`)
	routes := 0
	for _, r := range s.Routes() {
		path, ok := strings.CutPrefix(r.Path, "/api/v1")
		if !ok {
			continue
		}
		routes++
		if !d.Documented(r.Method, ginParam.ReplaceAllString(path, "{$1}"), http.StatusUnauthorized) &&
			!d.Documented(r.Method, ginParam.ReplaceAllString(path, "{$1}"), http.StatusOK) {
			t.Errorf("%s %s is served but not in openapi.json (or lists neither 200 nor 401)", r.Method, r.Path)
		}
	}
	if routes < 50 {
		t.Errorf("only %d API routes registered, want at least 50", routes)
	}
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"POST", "/payments", 409}, {"POST", "/payments", 404}, {"POST", "/payments", 422},
		{"POST", "/supervisions", 404}, {"PATCH", "/milestones/{id}", 409}, {"POST", "/login", 429},
		{"GET", "/projects", 200}, {"GET", "/projects/{id}", 404},
	} {
		if !d.Documented(tc.method, tc.path, tc.status) {
			t.Errorf("%s %s: status %d is not documented", tc.method, tc.path, tc.status)
		}
	}
}

// /api/docs is a page that loads Swagger UI and its starter from
// captrack itself, under a policy that allows no inline script.
func TestAPIDocs(t *testing.T) {
	s := api.NewServer(storetest.OpenSQLite(t), api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	get := func(path string) *httptest.ResponseRecorder {
		t.Helper()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != http.StatusOK {
			t.Fatalf("GET %s = %d (%s)", path, w.Code, w.Body.String())
		}
		return w
	}
	page := get("/api/docs")
	if ct := page.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("/api/docs Content-Type = %q", ct)
	}
	body := page.Body.String()
	if !strings.Contains(body, "captrack API") {
		t.Errorf("the page has no title naming the API:\n%s", body)
	}
	csp := page.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("CSP = %q, want scripts from captrack only", csp)
	}
	scripts := regexp.MustCompile(`<script([^>]*)>`).FindAllStringSubmatch(body, -1)
	if len(scripts) == 0 {
		t.Fatal("the page loads no script")
	}
	for _, m := range scripts {
		src := regexp.MustCompile(`src="([^"]+)"`).FindStringSubmatch(m[1])
		if src == nil {
			t.Errorf("inline script on the page: <script%s>", m[1])
			continue
		}
		js := get(src[1])
		if ct := js.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
			t.Errorf("%s Content-Type = %q", src[1], ct)
		}
	}
	if starter := get("/api/docs/docs.js").Body.String(); !strings.Contains(starter, `"/api/v1/openapi.json"`) {
		t.Errorf("docs.js does not load the document:\n%s", starter)
	}
	for _, m := range regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		get(m[1])
	}
	spec := get("/api/v1/openapi.json")
	if ct := spec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("openapi.json Content-Type = %q", ct)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/api/docs/nothing.js", nil))
	if w.Code != http.StatusNotFound {
		t.Errorf("GET /api/docs/nothing.js = %d, want 404", w.Code)
	}
}

// In a real browser, under the page's content security policy, /api/docs
// shows the API's title and its operations, and the policy is never
// broken.
func TestAPIDocsInBrowser(t *testing.T) {
	chromium := browsertest.Chromium(t)
	ts := httptest.NewServer(api.NewServer(storetest.OpenSQLite(t), api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer ts.Close()
	bctx := browsertest.Start(t, chromium, time.Minute)
	violations := browsertest.CSPViolations(bctx)
	if err := chromedp.Do(bctx, chromedp.Navigate(ts.URL+"/api/docs"), chromedp.WaitVisible(chromedp.CSS(`[data-path="/payments"]`))); err != nil {
		t.Fatalf("the reference page shows no POST /payments: %v", err)
	}
	title, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(".info .title")))
	if err != nil || !strings.Contains(title, "captrack API") {
		t.Errorf("title = %q, %v; want it to name captrack API", title, err)
	}
	text, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS("#swagger-ui")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/projects/{id}", "/supervisions", "登记一笔拨付"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	if dir := os.Getenv("CAPTRACK_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "api-docs.png"), png, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if v := violations(); len(v) > 0 {
		t.Errorf("the reference page broke its content security policy:\n%s", strings.Join(v, "\n"))
	}
}
