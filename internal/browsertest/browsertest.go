// Package browsertest starts headless Chromium for the browser tests of
// the UI and the API reference page, and listens to what it says of the
// content security policy.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns Debian's chromium (or another Chrome on PATH).
func chromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Chromium returns the browser's path, skipping t when there is none
// (failing it when CAPTRACK_TEST_BROWSER=required).
func Chromium(t *testing.T) string {
	t.Helper()
	p := chromium()
	if p == "" {
		if os.Getenv("CAPTRACK_TEST_BROWSER") == "required" {
			t.Fatal("chromium not found, and CAPTRACK_TEST_BROWSER=required")
		}
		t.Skip("chromium not found (install Debian's chromium package): skipping the browser test")
	}
	return p
}

// Start runs headless chromium at 1366×768 with a profile of its own
// and returns a browser context that ends after timeout and with t.
func Start(t *testing.T, chromium string, timeout time.Duration) context.Context {
	t.Helper()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), // containers have a small /dev/shm
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	bctx, cancelTimeout := context.WithTimeout(bctx, timeout)
	t.Cleanup(cancelTimeout)
	return bctx
}

// CSPViolations collects what the browser says of content-security-policy
// violations from now on; the function it returns stops listening and
// returns them.
func CSPViolations(bctx context.Context) func() []string {
	ctx, stop := context.WithCancel(bctx)
	msgs := chromedp.Console(ctx)
	done := make(chan struct{})
	var got []string
	go func() {
		defer close(done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Source == "security" || strings.Contains(m.Text, "Content Security Policy") {
				got = append(got, m.URL+": "+m.Text)
			}
		}
	}()
	return func() []string {
		stop()
		<-done
		return got
	}
}
