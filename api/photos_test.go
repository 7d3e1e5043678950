package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/photo/phototest"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// Photos through the API: uploaded on a progress report by its unit's
// manager, checked (hostile files refused, nothing stored), dated from
// EXIF against the report dates, served with their thumbnails and listed
// on the project.
func TestPhotoUpload(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		ctx := context.Background()
		pid := f.Project[apitest.Civil]
		mgr := model.Actor{User: "mgr", Source: "api"}
		report := func(date model.Date) uint {
			t.Helper()
			r, err := db.AddProgressReport(ctx, mgr, pid, model.ProgressReport{ReportDate: date, Percent: decimal.NewNullDecimal(decimal.NewFromInt(20))})
			if err != nil {
				t.Fatal(err)
			}
			return r.ID
		}
		report(model.NewDate(2024, 5, 31))
		june := report(model.NewDate(2024, 6, 14))
		path := fmt.Sprintf("/api/v1/progress/%d/photos", june)
		for _, tc := range []struct {
			name, user, file string
			b                []byte
			status           int
			warning          string
		}{
			{"other unit", "mgr2", "a.jpg", phototest.JPEG(t, 64, 48, "2024:06:13 10:00:00"), 403, ""},
			{"supervisor", "sup", "a.jpg", phototest.JPEG(t, 64, 48, "2024:06:13 10:00:00"), 403, ""},
			{"not an image", "mgr", "a.jpg", []byte("<html>not a photo</html>"), 422, ""},
			{"truncated", "mgr", "a.jpg", phototest.JPEG(t, 64, 48, "")[:200], 422, ""},
			{"decompression bomb", "mgr", "bomb.png", phototest.Bomb(60000, 60000), 413, ""},
			{"HEIC", "mgr", "a.heic", phototest.HEIC(), 422, ""},
			{"taken between the reports", "mgr", "现场.jpg", phototest.JPEG(t, 640, 480, "2024:06:13 10:00:00"), 201, ""},
			{"taken before the previous report", "mgr", "旧照.jpg", phototest.JPEG(t, 64, 48, "2024:05:01 10:00:00"), 201, "早于上一次进度报告（2024-05-31）"},
			{"no EXIF date", "mgr", "图.png", phototest.PNG(t, 64, 48), 201, "没有拍摄日期"},
		} {
			w := f.UploadTo(path, tc.user, map[string][]byte{tc.file: tc.b})
			if w.Code != tc.status {
				t.Errorf("%s: status %d, want %d: %s", tc.name, w.Code, tc.status, w.Body.String())
				continue
			}
			if tc.status != 201 {
				continue
			}
			var got struct {
				ID       uint       `json:"id"`
				Name     string     `json:"name"`
				Warning  string     `json:"warning"`
				TakenAt  *time.Time `json:"taken_at"`
				URL      string     `json:"url"`
				ThumbURL string     `json:"thumb_url"`
				Width    int        `json:"width"`
			}
			apitest.DecodeJSON(t, w, &got)
			if got.Name != tc.file || !strings.Contains(got.Warning, tc.warning) || (tc.warning == "") != (got.Warning == "") {
				t.Errorf("%s: %+v, want warning %q", tc.name, got, tc.warning)
			}
			for _, u := range []struct{ url, ct string }{{got.URL, "image/"}, {got.ThumbURL, "image/jpeg"}} {
				r := f.Do("GET", u.url, "fin", nil)
				if r.Code != 200 || !strings.HasPrefix(r.Header().Get("Content-Type"), u.ct) || r.Body.Len() == 0 {
					t.Errorf("%s: GET %s = %d %q", tc.name, u.url, r.Code, r.Header().Get("Content-Type"))
				}
			}
		}
		if w := f.Do("GET", "/api/v1/photos/1", "", nil); w.Code != 401 {
			t.Errorf("photo without a token: %d, want 401", w.Code)
		}
		photos, err := db.ProjectPhotos(ctx, pid)
		if err != nil || len(photos) != 3 {
			t.Fatalf("stored photos = %d (%v), want the 3 accepted", len(photos), err)
		}
		var detail struct {
			Photos []struct {
				Name       string     `json:"name"`
				ReportDate model.Date `json:"report_date"`
			} `json:"photos"`
		}
		apitest.DecodeJSON(t, f.Do("GET", fmt.Sprintf("/api/v1/projects/%d", pid), "fin", nil), &detail)
		if len(detail.Photos) != 3 || detail.Photos[0].ReportDate != model.NewDate(2024, 6, 14) {
			t.Errorf("project photos = %+v", detail.Photos)
		}
	})
}
