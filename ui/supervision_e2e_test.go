package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/internal/browsertest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/photo/phototest"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebSupervisionCycle drives the 督办 cycle's main path in headless
// Chromium, each step by the user whose step it is: the supervisor
// raises a 督办 on a project ticked on the alerts page, and one on
// project 1 from its page, the unit's manager signs for
// it and replies with a site photo, the supervisor sends it back, the
// manager replies again, and the supervisor accepts it.
func TestWebSupervisionCycle(t *testing.T) {
	chromium := browsertest.Chromium(t)
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) { webSupervisionCycle(t, chromium, db) })
}

func webSupervisionCycle(t *testing.T, chromium string, db *store.DB) {
	ctx := context.Background()
	newWebFixture(t, db)
	b := newWebBrowser(t, chromium, db, 3*time.Minute)
	shot := filepath.Join(t.TempDir(), "现场.jpg")
	if err := os.WriteFile(shot, phototest.JPEG(t, 320, 240, "2020:06:29 09:30:00"), 0o644); err != nil {
		t.Fatal(err)
	}
	step, as := b.step, b.as
	logout := func() {
		t.Helper()
		step("log out", chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("username")))
	}
	const reason = "开工严重滞后，请报送整改措施"
	var sv model.SupervisionView
	// status reads the 督办 from the database and checks its status.
	status := func(when, want string) {
		t.Helper()
		svs, _, err := db.ListSupervisions(ctx, model.SupervisionFilter{ProjectID: 1})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(svs, func(v model.SupervisionView) bool { return v.Reason == reason })
		if i < 0 {
			t.Fatalf("%s: no 督办 %q on project 1", when, reason)
		}
		if sv = svs[i]; sv.Status != want {
			t.Fatalf("%s: status %s, want %s", when, sv.Status, want)
		}
	}
	open := func() {
		t.Helper()
		step("open the 督办", chromedp.Navigate(fmt.Sprintf("%s/supervisions/%d", b.url, sv.ID)), chromedp.WaitVisible(chromedp.ID("supervision-summary")))
	}

	as("supervisor")
	// The alerts page raises on the projects ticked (project 2 here:
	// project 1 already has an open 督办).
	step("raise from the alerts page",
		chromedp.Navigate(b.url+"/alerts"),
		chromedp.WaitVisible(chromedp.ID("bulk-raise")),
		chromedp.Click(chromedp.CSS(`input[form=bulk-raise][value="2"]`)),
		chromedp.Click(chromedp.CSS(`#bulk-raise button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
	)
	if svs, _, err := db.ListSupervisions(ctx, model.SupervisionFilter{ProjectID: 2}); err != nil || len(svs) != 1 {
		t.Fatalf("project 2 has %d 督办 (%v) after the bulk raise, want 1", len(svs), err)
	}
	step("raise from the project page",
		chromedp.Navigate(b.url+"/projects/1"),
		chromedp.Click(chromedp.CSS(`#supervisions details summary`)),
		chromedp.WaitVisible(chromedp.CSS(`#supervisions .raise-form`)),
		chromedp.SetValue(chromedp.CSS(`#supervisions .raise-form textarea[name=reason]`), reason),
		chromedp.Click(chromedp.CSS(`#supervisions .raise-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
	)
	status("raised", model.SupervisionUnsigned)
	logout()

	as("manager")
	open()
	step("sign", chromedp.Click(chromedp.CSS(`#sign-form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	status("signed", model.SupervisionInProgress)
	open()
	step("reply with a photo",
		chromedp.SetValue(chromedp.ID("reply-body"), "已进场平整场地"),
		chromedp.SetValue(chromedp.ID("reply-percent"), "15"),
		chromedp.SetUploadFiles(chromedp.ID("reply-photo"), []string{shot}),
		chromedp.Click(chromedp.CSS(`#reply-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
	)
	status("replied", model.SupervisionReview)
	photos, err := db.ProjectPhotos(ctx, 1)
	if err != nil || len(photos) != 1 || photos[0].Name != "现场.jpg" || photos[0].TakenAt == nil {
		t.Fatalf("project 1's photos = %+v, %v; want 现场.jpg with its EXIF date", photos, err)
	}
	logout()

	as("supervisor")
	open()
	step("send back",
		chromedp.SetValue(chromedp.ID("return-body"), "照片未反映施工现场，请补充"),
		chromedp.Click(chromedp.CSS(`#return-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
	)
	status("sent back", model.SupervisionInProgress)
	logout()

	as("manager")
	open()
	step("reply again",
		chromedp.SetValue(chromedp.ID("reply-body"), "已补充基础施工照片和进度说明"),
		chromedp.Click(chromedp.CSS(`#reply-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
	)
	status("replied again", model.SupervisionReview)
	logout()

	as("supervisor")
	open()
	step("accept", chromedp.Click(chromedp.CSS(`#accept-form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)))
	status("accepted", model.SupervisionClosed)

	// The page's record of the cycle, oldest first, and who took each step.
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('#supervision-steps li')].map(li => li.dataset.action + ' ' + li.querySelector('.meta').textContent.split(' · ')[0])`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"raise supervisor", "sign manager", "reply manager", "return supervisor", "reply manager", "accept supervisor"}
	if !slices.Equal(got, want) {
		t.Errorf("steps shown = %q, want %q", got, want)
	}
	b.checkCSP()
}

// The alerts page ticks projects for one 督办 each: a box in every row of
// a project without an open 督办, bound to the bulk form; a project
// ticked twice gets one.
func TestWebBulkRaise(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "supervisor")
		page := f.do(t, s, "GET", "/alerts?as_of=2020-06-30", nil).Body.String()
		box := func(id int) string {
			return fmt.Sprintf(`<input type="checkbox" name="project_id" value="%d" form="bulk-raise"`, id)
		}
		// Project 1 has an open 督办; project 2 an overdue finish.
		if strings.Contains(page, box(1)) || strings.Count(page, box(2)) != 1 || !strings.Contains(page, `id="bulk-raise"`) {
			t.Fatalf("alerts page: boxes of project 1 %d, of project 2 %d; bulk form %v",
				strings.Count(page, box(1)), strings.Count(page, box(2)), strings.Contains(page, `id="bulk-raise"`))
		}
		if m := f.do(t, f.sessionOf(t, "manager"), "GET", "/alerts", nil).Body.String(); strings.Contains(m, `form="bulk-raise"`) {
			t.Error("a manager's alerts page has the bulk form's boxes")
		}
		w := f.do(t, s, "POST", "/supervisions", url.Values{"project_id": {"2", "3", "2"}, "reason": {"批量督办"}, "due": {"2020-07-10"},
			"back": {"/alerts?as_of=2020-06-30"}})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("bulk raise: status %d: %s", w.Code, w.Body.String())
		}
		for _, pid := range []uint{2, 3} {
			svs, _, err := db.ListSupervisions(context.Background(), model.SupervisionFilter{ProjectID: pid})
			if err != nil || len(svs) != 1 || svs[0].Reason != "批量督办" {
				t.Errorf("project %d: %d 督办 (%v), want one", pid, len(svs), err)
			}
		}
		if w := f.do(t, s, "POST", "/supervisions", url.Values{"reason": {"批量督办"}, "due": {"2020-07-10"}}); w.Code != http.StatusUnprocessableEntity {
			t.Errorf("bulk raise of nothing ticked: status %d, want 422", w.Code)
		}
	})
}
