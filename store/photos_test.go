package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestPhotos(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		a := model.Actor{User: "mgr", Source: "api"}
		report := func(date string) model.ProgressReport {
			r, err := db.AddProgressReport(ctx, a, sd.project, model.ProgressReport{ReportDate: *datePtr(date), Percent: decimal.NewNullDecimal(decimal.NewFromInt(30))})
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		report("2024-05-31")
		r := report("2024-06-14")
		at := func(s string) *time.Time {
			tm, err := time.Parse(time.DateOnly, s)
			if err != nil {
				t.Fatal(err)
			}
			return &tm
		}
		photo := func(taken *time.Time) (model.Photo, error) {
			return db.AddPhoto(ctx, a, r.ID, model.Photo{Name: "a.jpg", ContentType: "image/jpeg", Bytes: 3, Data: []byte{1, 2, 3}, Thumb: []byte{4}, TakenAt: taken})
		}
		added := 0 // photos on r, whichever cases run
		for _, tc := range []struct {
			name    string
			taken   *time.Time
			warning string
		}{
			{"dated between the reports", at("2024-06-10"), ""},
			{"after the report", at("2024-06-15"), "拍摄日期 2024-06-15 晚于填报日期 2024-06-14"},
			{"before the previous report", at("2024-05-01"), "拍摄日期 2024-05-01 早于上一次进度报告（2024-05-31），可能是旧照片"},
			{"no date", nil, "照片没有拍摄日期（EXIF），无法核对"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p, err := photo(tc.taken)
				if err != nil {
					t.Fatal(err)
				}
				added++
				if p.Warning != tc.warning || p.ProjectID != sd.project || p.Data != nil {
					t.Errorf("photo = %+v, want warning %q", p, tc.warning)
				}
			})
		}
		if _, err := db.AddPhoto(ctx, a, r.ID+100, model.Photo{ContentType: "image/jpeg", Data: []byte{1}, Thumb: []byte{1}}); model.Kind(err) != model.ENotFound {
			t.Errorf("photo on an unknown report: %v, want not found", err)
		}
		if _, err := photo(at("2024-06-12")); err != nil {
			t.Fatal(err)
		}
		added++
		ps, err := db.ProjectPhotos(ctx, sd.project)
		if err != nil || len(ps) != added || ps[0].ReportDate.String() != "2024-06-14" || ps[0].Data != nil {
			t.Fatalf("ProjectPhotos = %+v, %v", ps, err)
		}
		full, err := db.Photo(ctx, ps[0].ID, false)
		if err != nil || string(full.Data) != "\x01\x02\x03" || full.Thumb != nil {
			t.Errorf("Photo = %+v, %v", full, err)
		}
		thumb, err := db.Photo(ctx, ps[0].ID, true)
		if err != nil || string(thumb.Thumb) != "\x04" || thumb.Data != nil {
			t.Errorf("thumb = %+v, %v", thumb, err)
		}
		for i := added; i < store.MaxPhotosPerReport; i++ {
			if _, err := db.AddPhoto(ctx, a, r.ID, model.Photo{ContentType: "image/jpeg", Data: []byte{1}, Thumb: []byte{1}}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.AddPhoto(ctx, a, r.ID, model.Photo{ContentType: "image/jpeg", Data: []byte{1}, Thumb: []byte{1}}); model.Kind(err) != model.EInvalid {
			t.Errorf("photo %d: %v, want the cap refused", store.MaxPhotosPerReport+1, err)
		}
	})
}
