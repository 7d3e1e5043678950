package ui

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/internal/browsertest"
	"github.com/yanhe/captrack/internal/httpx"
)

// webBrowser is a headless Chromium session on a test server of the UI
// over db, for the browser tests.
type webBrowser struct {
	t          *testing.T
	url        string
	ctx        context.Context
	violations func() []string
}

// newWebBrowser serves the UI over db and starts Chromium on it; both
// end with the test.
func newWebBrowser(t *testing.T, chromium string, db Store, timeout time.Duration) *webBrowser {
	ts := httptest.NewServer(NewServer(db, httpx.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	t.Cleanup(ts.Close)
	ctx := browsertest.Start(t, chromium, timeout)
	return &webBrowser{t: t, url: ts.URL, ctx: ctx, violations: browsertest.CSPViolations(ctx)}
}

// step runs actions, failing the test with name when one fails.
func (b *webBrowser) step(name string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", name, err)
	}
}

// as logs in as user (with the fixtures' password) and waits for the
// dashboard.
func (b *webBrowser) as(user string) {
	b.t.Helper()
	b.step("log in as "+user,
		chromedp.Navigate(b.url+"/login"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), user),
		chromedp.SendKeys(chromedp.ID("password"), webPassword),
		chromedp.Click(chromedp.CSS(`#login-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("status-counts")),
	)
}

// checkCSP fails the test if a page broke its content security policy.
func (b *webBrowser) checkCSP() {
	b.t.Helper()
	if v := b.violations(); len(v) > 0 {
		b.t.Errorf("the pages broke their content security policy:\n%s", strings.Join(v, "\n"))
	}
}
