package ui

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/internal/browsertest"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebImportJobBrowser drives a long import in headless Chromium: the
// job's page shows the progress bar, whose script moves it on in place
// as the import reads on, and then the page shows the preview.
func TestWebImportJobBrowser(t *testing.T) {
	chromium := browsertest.Chromium(t)
	db := storetest.OpenSQLite(t)
	newWebFixture(t, db)
	paused := newPausedStore(db)
	ts := httptest.NewServer(jobServer(paused))
	t.Cleanup(ts.Close)
	ctx := browsertest.Start(t, chromium, 2*time.Minute)
	b := &webBrowser{t: t, url: ts.URL, ctx: ctx, violations: browsertest.CSPViolations(ctx)}
	book := filepath.Join(t.TempDir(), "附件1.xlsx")
	if err := os.WriteFile(book, annexBook(t, 8000), 0o644); err != nil {
		t.Fatal(err)
	}
	b.as("admin")
	b.step("upload",
		chromedp.Navigate(b.url+"/import"),
		chromedp.WaitVisible(chromedp.ID("files")),
		chromedp.SetUploadFiles(chromedp.ID("files"), []string{book}),
		chromedp.Click(chromedp.CSS(`#upload-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.ID("import-progress")),
	)
	// The first chunk is through: the bar shows some rows, in place.
	poll := func(name, expr string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	poll("progress shown", `document.getElementById('import-progress').value > 0`)
	first, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.stayed = true, document.getElementById('import-progress').value`))
	if err != nil {
		t.Fatal(err)
	}
	paused.step <- struct{}{}
	poll("progress advances", `document.getElementById('import-progress').value > `+strconv.FormatFloat(first, 'f', -1, 64)+` && window.stayed === true`)
	close(paused.free)
	b.step("preview", chromedp.WaitVisible(chromedp.ID("apply-form")))
	b.checkCSP()
}
