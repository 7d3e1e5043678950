package ui

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/browsertest"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/internal/plan"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/sample"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// screenshotsEnv names a directory where the end-to-end test saves
// screenshots of the dashboard at office and phone width, for a person to
// look at; unset, it takes none.
const screenshotsEnv = "CAPTRACK_SCREENSHOTS"

// overdueStart returns an overdue "start" alert as of asOf.
func overdueStart(t *testing.T, db *store.DB, asOf model.Date) (alerts.Alert, bool) {
	t.Helper()
	as, err := alerts.List(context.Background(), db, asOf, alerts.DefaultConfig())
	if err != nil {
		t.Fatalf("alerts.List: %v", err)
	}
	for _, a := range as {
		if a.Kind == alerts.KindOverdue && a.Milestone == model.MilestoneStart {
			return a, true
		}
	}
	return alerts.Alert{}, false
}

// TestWebEndToEnd drives the real server in headless Chromium: a manager
// logs in through the form, opens the dashboard, opens a project whose
// start is overdue, records the actual start date through the form, and
// sees that project's overdue-start alert gone from the alerts page.
func TestWebEndToEnd(t *testing.T) {
	chromium := browsertest.Chromium(t)
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) { webEndToEnd(t, chromium, db) })
}

func webEndToEnd(t *testing.T, chromium string, db *store.DB) {
	ctx := context.Background()
	// The sample is loaded after its latest return, as a county would
	// (nothing is recorded before it happened); then the manager works
	// on the demo's as-of date.
	db.Now = func() time.Time { return plan.ReturnDate.Time().Add(36 * time.Hour) }
	if err := sample.Load(ctx, db, io.Discard); err != nil {
		t.Fatalf("sample.Load: %v", err)
	}
	today := sample.DemoAsOf()
	db.Now = func() time.Time { return today.Time().Add(12 * time.Hour) }
	alert, ok := overdueStart(t, db, today)
	if !ok {
		t.Fatalf("the sample data has no overdue start as of %s", today)
	}
	const user = "e2e-manager"
	if _, err := db.CreateUser(ctx, user, model.RoleManager, alert.ResponsibleUnit, webPassword); err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	ts := httptest.NewServer(NewServer(db, httpx.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer ts.Close()

	bctx := browsertest.Start(t, chromium, 2*time.Minute)
	violations := browsertest.CSPViolations(bctx)

	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	// hasAlertRow counts the alerts page's rows of the project's overdue start.
	hasAlertRow := func() int {
		t.Helper()
		n, err := chromedp.Run(bctx, chromedp.Evaluate[int](fmt.Sprintf(
			`document.querySelectorAll('#alert-list tr[data-project="%d"][data-milestone="start"][data-kind="overdue"]').length`, alert.ProjectID)))
		if err != nil {
			t.Fatalf("count alert rows: %v", err)
		}
		return n
	}

	step("log in",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("username")),
		chromedp.SendKeys(chromedp.ID("username"), user),
		chromedp.SendKeys(chromedp.ID("password"), webPassword),
		chromedp.Click(chromedp.CSS(`#login-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("status-counts")),
	)
	title, err := chromedp.Run(bctx, chromedp.Title())
	if err != nil || title != "总览 · 民生项目建设监管平台" {
		t.Fatalf("after login the title is %q (%v), want the dashboard's", title, err)
	}
	shoot := func(name string) {
		if dir := os.Getenv(screenshotsEnv); dir != "" {
			saveScreenshots(t, bctx, dir, name)
		}
	}
	shoot("dashboard")

	step("open the alerts page", chromedp.Navigate(ts.URL+"/alerts"), chromedp.WaitVisible(chromedp.ID("alert-list")))
	shoot("alerts")
	if n := hasAlertRow(); n != 1 {
		t.Fatalf("before: %d rows of project %d's overdue start, want 1", n, alert.ProjectID)
	}

	ms, err := db.ProjectMilestones(ctx, alert.ProjectID)
	if err != nil {
		t.Fatal(err)
	}
	start := ms[0]
	if start.Kind != model.MilestoneStart {
		t.Fatalf("first milestone of project %d is %q, want start", alert.ProjectID, start.Kind)
	}
	form := fmt.Sprintf("#actual-%d", start.ID)
	step("open the project",
		chromedp.Navigate(fmt.Sprintf("%s/projects/%d", ts.URL, alert.ProjectID)),
		chromedp.WaitVisible(chromedp.ID("milestones")),
	)
	shoot("project")
	step("record the actual start",
		chromedp.Click(chromedp.CSS(fmt.Sprintf("#ms-%d details summary", start.ID))),
		chromedp.WaitVisible(chromedp.CSS(form)),
		chromedp.SetValue(chromedp.CSS(form+` input[name=actual_date]`), today.String()),
		chromedp.Click(chromedp.CSS(form+` button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
	)
	got, err := db.GetMilestone(ctx, start.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Actual != today {
		t.Fatalf("actual start %s, want %s", got.Actual, today)
	}

	step("reopen the alerts page", chromedp.Navigate(ts.URL+"/alerts"), chromedp.WaitVisible(chromedp.ID("alert-list")))
	if n := hasAlertRow(); n != 0 {
		t.Errorf("after: %d rows of project %d's overdue start, want none", n, alert.ProjectID)
	}
	for _, path := range []string{"/reports", "/import", "/projects"} {
		step("open "+path, chromedp.Navigate(ts.URL+path), chromedp.WaitReady(chromedp.CSS("main")))
	}
	if v := violations(); len(v) > 0 {
		t.Errorf("the pages broke their content security policy:\n%s", strings.Join(v, "\n"))
	}
}

// saveScreenshots saves the current page as NAME-office.png (1366×768)
// and NAME-phone.png (390 wide), full length, and leaves the office size.
func saveScreenshots(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	for _, size := range []struct {
		suffix        string
		width, height int64
	}{{"phone", 390, 844}, {"office", 1366, 768}} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(size.width, size.height)); err != nil {
			t.Fatalf("viewport %s: %v", size.suffix, err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", size.suffix, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+"-"+size.suffix+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
