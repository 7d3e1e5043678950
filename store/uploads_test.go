package store_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// countUploads returns how many pending uploads and files db holds.
func countUploads(t *testing.T, db *store.DB) (uploads, files int) {
	t.Helper()
	var us []model.PendingUpload
	var fs []model.PendingFile
	if err := store.FindAll(t.Context(), db, &us); err != nil {
		t.Fatal(err)
	}
	if err := store.FindAll(t.Context(), db, &fs); err != nil {
		t.Fatal(err)
	}
	return len(us), len(fs)
}

func upload(user uint, names ...string) model.PendingUpload {
	u := model.PendingUpload{UserID: user, Kind: "progress", ReportDate: model.Date{Year: 2020, Month: 6, Day: 30}}
	for _, n := range names {
		u.Files = append(u.Files, model.PendingFile{Name: n, Data: []byte("workbook " + n)})
	}
	return u
}

// TestPendingUploads: an upload saved through one server's handle is
// taken through another's on the same database (both engines), once,
// only by its uploader and only before it expires; expired uploads are
// swept; a user keeps at most MaxPendingPerUser; an upload out of bounds
// stores nothing.
func TestPendingUploads(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, b := storetest.Open(t, dsn), storetest.Open(t, dsn)
		now := time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
		a.Now = func() time.Time { return now }
		b.Now = a.Now

		saved, err := a.SaveUpload(ctx, upload(1, "月报.xlsx", "台账.xlsx"), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if len(saved.ID) != 32 || !saved.ExpiresAt.Equal(now.Add(time.Hour)) {
			t.Fatalf("saved id %q expires %v; want 32 hex digits, %v", saved.ID, saved.ExpiresAt, now.Add(time.Hour))
		}
		if _, err := b.TakeUpload(ctx, saved.ID, 2); model.Kind(err) != model.ENotFound {
			t.Errorf("another user's take: %v, want not found", err)
		}
		got, err := b.TakeUpload(ctx, saved.ID, 1)
		if err != nil {
			t.Fatalf("take on the second server: %v", err)
		}
		if got.Kind != "progress" || got.ReportDate != saved.ReportDate || len(got.Files) != 2 ||
			got.Files[0].Name != "月报.xlsx" || !bytes.Equal(got.Files[1].Data, []byte("workbook 台账.xlsx")) {
			t.Errorf("taken %+v; want the saved kind, date and files in order", got)
		}
		if _, err := a.TakeUpload(ctx, saved.ID, 1); model.Kind(err) != model.ENotFound || !strings.Contains(model.Message(err), "不存在或已过期") {
			t.Errorf("second take: %v, want not found", err)
		}
		if u, f := countUploads(t, a); u != 0 || f != 0 {
			t.Errorf("after the take: %d uploads, %d files; want none", u, f)
		}

		old, err := a.SaveUpload(ctx, upload(1, "a.xlsx"), time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		if _, err := b.TakeUpload(ctx, old.ID, 1); model.Kind(err) != model.ENotFound {
			t.Errorf("take of an expired upload: %v, want not found", err)
		}
		if n, err := b.SweepUploads(ctx); err != nil || n != 1 {
			t.Errorf("sweep: %d, %v; want 1 removed", n, err)
		}
		if u, f := countUploads(t, a); u != 0 || f != 0 {
			t.Errorf("after the sweep: %d uploads, %d files; want none", u, f)
		}

		var ids []string
		for i := range model.MaxPendingPerUser + 2 {
			now = now.Add(time.Second)
			u, err := a.SaveUpload(ctx, upload(1, "a.xlsx"), time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, u.ID)
			if i == 0 {
				if _, err := a.SaveUpload(ctx, upload(3, "b.xlsx"), time.Hour); err != nil {
					t.Fatal(err)
				}
			}
		}
		if u, f := countUploads(t, a); u != model.MaxPendingPerUser+1 || f != u {
			t.Errorf("%d uploads, %d files; want user 1's newest %d and user 3's one", u, f, model.MaxPendingPerUser)
		}
		if _, err := a.TakeUpload(ctx, ids[1], 1); model.Kind(err) != model.ENotFound {
			t.Errorf("a dropped upload: %v, want not found", err)
		}
		if _, err := a.TakeUpload(ctx, ids[len(ids)-1], 1); err != nil {
			t.Errorf("the newest upload: %v", err)
		}

		before, _ := countUploads(t, a)
		tooMany := upload(1)
		for range model.MaxUploadFiles + 1 {
			tooMany.Files = append(tooMany.Files, model.PendingFile{Name: "x.xlsx", Data: []byte("x")})
		}
		for _, tc := range []struct {
			name string
			u    model.PendingUpload
			kind string
			want string
		}{
			{"no file", upload(1), model.EInvalid, "请选择要导入的工作簿"},
			{"too many files", tooMany, model.EInvalid, "一次最多导入 20 个工作簿"},
			{"a control character in a name", upload(1, "a\x01.xlsx"), model.EInvalid, "文件名含有不允许的控制字符"},
			{"too large", model.PendingUpload{UserID: 1, Files: []model.PendingFile{{Name: "big.xlsx", Data: make([]byte, model.MaxUploadBytes+1)}}},
				model.ETooLarge, "超过 256 MiB 的上限"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := a.SaveUpload(ctx, tc.u, time.Hour)
				if model.Kind(err) != tc.kind || !strings.Contains(model.Message(err), tc.want) {
					t.Errorf("got %v, want %s with %q", err, tc.kind, tc.want)
				}
				if u, _ := countUploads(t, a); u != before {
					t.Errorf("%d uploads after the refusal, want %d", u, before)
				}
			})
		}
	})
}
