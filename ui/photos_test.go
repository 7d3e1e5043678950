package ui

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/photo/phototest"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// Photos come with a progress report from the project page's form, all
// or nothing, and show on the page as a timeline: thumbnails, the EXIF
// date, and a warning when a photo is older than the previous report.
func TestWebPhotoTimeline(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		if _, err := db.AddProgressReport(ctx, model.Actor{User: "manager", Source: "web"}, 1,
			model.ProgressReport{ReportDate: model.NewDate(2020, 5, 31), Percent: decimal.NewNullDecimal(decimal.NewFromInt(5))}); err != nil {
			t.Fatal(err)
		}
		m := f.sessionOf(t, "manager")
		fields := url.Values{csrfField: {m.csrf}, "report_date": {"2020-06-30"}, "percent": {"12"}, "problems": {"场地平整"}}
		reports := func() int {
			rs, err := db.ProgressAsOf(ctx, 1, model.NewDate(2020, 6, 30))
			if err != nil {
				t.Fatal(err)
			}
			return len(rs)
		}

		// A bad file among good ones: refused, no report stored.
		w := f.postFiles(t, m, "/projects/1/progress", fields, "photo", map[string][]byte{
			"现场.jpg": phototest.JPEG(t, 320, 240, "2020:06:29 09:30:00"), "假照片.jpg": []byte("not a photo")})
		if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "假照片.jpg") {
			t.Fatalf("a bad photo: status %d, want 422 naming it", w.Code)
		}
		if n := reports(); n != 1 {
			t.Fatalf("%d reports after a refused photo, want 1", n)
		}

		w = f.postFiles(t, m, "/projects/1/progress", fields, "photo", map[string][]byte{
			"现场.jpg": phototest.JPEG(t, 320, 240, "2020:06:29 09:30:00"),
			"旧照.jpg": phototest.JPEG(t, 320, 240, "2020:04:01 09:30:00"),
		})
		if w.Code != http.StatusSeeOther {
			t.Fatalf("progress with photos: status %d: %s", w.Code, w.Body.String())
		}
		if n := reports(); n != 2 {
			t.Fatalf("%d reports, want 2", n)
		}

		s := f.sessionOf(t, "finance")
		page := see(t, f.do(t, s, "GET", "/projects/1", nil).Body.String())
		var photos []string // the pages of the photos shown
		for _, l := range page.links {
			if strings.HasPrefix(l.href, "/photos/") {
				photos = append(photos, l.href)
			}
		}
		thumb, shown := page.srcs["现场.jpg"]
		if _, old := page.srcs["旧照.jpg"]; len(photos) != 2 || !shown || !old {
			t.Fatalf("the timeline shows %q linking to %q, want 现场.jpg and 旧照.jpg", page.images, photos)
		}
		const warning = "拍摄日期 2020-04-01 早于上一次进度报告（2020-05-31），可能是旧照片"
		for _, want := range []string{"2020-06-30 进度报告", "拍摄 2020-06-29", "拍摄 2020-04-01", warning} {
			if !page.has(want) {
				t.Errorf("timeline lacks %q", want)
			}
		}
		if n := strings.Count(page.under(t, "形象进度照片").text, warning); n != 1 {
			t.Errorf("the warning shows %d times, want once (the old photo's)", n)
		}
		for _, path := range []string{thumb, photos[0]} {
			w := f.do(t, s, "GET", path, nil)
			if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "image/jpeg") || w.Body.Len() == 0 {
				t.Errorf("GET %s: %d %q", path, w.Code, w.Header().Get("Content-Type"))
			}
		}
		if w := f.do(t, session{}, "GET", photos[0], nil); w.Code != http.StatusSeeOther {
			t.Errorf("a photo without a session: status %d, want 303 to the login", w.Code)
		}
		// As of before the report, no photo.
		if page := see(t, f.do(t, s, "GET", "/projects/1?as_of=2020-06-29", nil).Body.String()); !page.has("截至 2020-06-29 尚无现场照片") {
			t.Error("photos shown as of a date before their report")
		}
	})
}
