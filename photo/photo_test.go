package photo_test

import (
	"bytes"
	"image/jpeg"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/photo"
	"github.com/yanhe/captrack/photo/phototest"
)

func TestCheckJPEG(t *testing.T) {
	p, err := photo.Check("site.jpg", phototest.JPEG(t, 800, 600, "2026:10:20 09:30:00"))
	if err != nil {
		t.Fatal(err)
	}
	if p.ContentType != "image/jpeg" || p.Width != 800 || p.Height != 600 {
		t.Errorf("photo = %s %d×%d, want image/jpeg 800×600", p.ContentType, p.Width, p.Height)
	}
	if got := p.TakenAt.Format("2006-01-02 15:04"); got != "2026-10-20 09:30" {
		t.Errorf("taken at %s, want 2026-10-20 09:30", got)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.Thumb))
	if err != nil || cfg.Width != photo.ThumbSide || cfg.Height != 240 {
		t.Errorf("thumbnail = %d×%d (%v), want %d×240", cfg.Width, cfg.Height, err, photo.ThumbSide)
	}
}

func TestCheckPNGWithoutDate(t *testing.T) {
	p, err := photo.Check("site.png", phototest.PNG(t, 100, 400))
	if err != nil {
		t.Fatal(err)
	}
	if p.ContentType != "image/png" || !p.TakenAt.IsZero() {
		t.Errorf("photo = %+v, want a PNG without a date", p)
	}
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.Thumb)); err != nil || cfg.Width != 80 || cfg.Height != photo.ThumbSide {
		t.Errorf("thumbnail = %d×%d (%v), want 80×%d", cfg.Width, cfg.Height, err, photo.ThumbSide)
	}
}

func TestCheckRefusesHostile(t *testing.T) {
	good := phototest.JPEG(t, 200, 200, "")
	for _, tc := range []struct {
		name string
		b    []byte
		kind string
		want string
	}{
		{"empty", nil, model.EInvalid, "空文件"},
		{"truncated JPEG", good[:len(good)/2], model.EInvalid, "损坏"},
		{"truncated header", good[:20], model.EInvalid, "损坏"},
		{"decompression bomb", phototest.Bomb(100000, 100000), model.ETooLarge, "尺寸 100000×100000"},
		{"too many pixels", phototest.Bomb(10000, 10000), model.ETooLarge, "万像素"},
		{"text", []byte("这不是照片"), model.EInvalid, "不是 JPEG 或 PNG"},
		{"GIF", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), model.EInvalid, "image/gif"},
		{"HEIC", phototest.HEIC(), model.EInvalid, "HEIC"},
		{"too big", append(append([]byte{}, good...), make([]byte, photo.MaxBytes)...), model.ETooLarge, "MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := photo.Check("x.jpg", tc.b)
			if model.Kind(err) != tc.kind || !strings.Contains(model.Message(err), tc.want) || !strings.Contains(model.Message(err), "x.jpg") {
				t.Errorf("err = %v (%s), want %s naming x.jpg and %q", err, model.Kind(err), tc.kind, tc.want)
			}
		})
	}
}
