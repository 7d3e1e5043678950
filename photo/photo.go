// Package photo checks an uploaded site photo (形象进度照片) and makes
// its thumbnail: JPEG or PNG only, bounded in bytes and in pixels (the
// dimensions are read from the header before anything is decoded, so a
// decompression bomb is refused unread), decoded in full (so a truncated
// file is refused), with its EXIF date when the camera wrote one. It
// decides nothing about storage.
package photo

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"net/http"
	"time"

	"github.com/rwcarlsen/goexif/exif"
	"github.com/yanhe/captrack/model"
	"golang.org/x/image/draw"
)

// Limits of one photo.
const (
	MaxBytes  = 10 << 20   // 10 MiB, a phone's full-size JPEG
	MaxSide   = 12000      // pixels on either side
	MaxPixels = 50_000_000 // 50 megapixels
	ThumbSide = 320        // the thumbnail's longer side
)

// Photo is a checked upload.
type Photo struct {
	ContentType   string // image/jpeg or image/png
	Width, Height int
	Thumb         []byte // JPEG, at most ThumbSide on its longer side
	// TakenAt is the EXIF DateTimeOriginal (or DateTime), in the
	// camera's own clock; zero when the file has none.
	TakenAt time.Time
}

// Check checks the upload b named name and makes its thumbnail. Every
// refusal is a Chinese message naming the file.
func Check(name string, b []byte) (Photo, error) {
	const op = "photo.Check"
	if len(b) > MaxBytes {
		return Photo{}, model.Errorf(model.ETooLarge, op, "照片 %s 超过 %d MiB 的上限", name, MaxBytes>>20)
	}
	if len(b) == 0 {
		return Photo{}, model.Errorf(model.EInvalid, op, "照片 %s 是空文件", name)
	}
	var p Photo
	var decode func(*bytes.Reader) (image.Image, error)
	switch ct := http.DetectContentType(b); {
	case ct == "image/jpeg":
		p.ContentType, decode = ct, func(r *bytes.Reader) (image.Image, error) { return jpeg.Decode(r) }
	case ct == "image/png":
		p.ContentType, decode = ct, func(r *bytes.Reader) (image.Image, error) { return png.Decode(r) }
	case isHEIF(b):
		return Photo{}, model.Errorf(model.EInvalid, op,
			"照片 %s 是 HEIC/HEIF 格式，系统暂不支持；请在手机相机设置中选择“兼容性最佳”，或导出为 JPEG 后再上传", name)
	default:
		return Photo{}, model.Errorf(model.EInvalid, op, "文件 %s 不是 JPEG 或 PNG 照片（识别为 %s）", name, ct)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return Photo{}, model.Errorf(model.EInvalid, op, "照片 %s 已损坏，无法读取尺寸：%v", name, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxSide || cfg.Height > MaxSide || cfg.Width*cfg.Height > MaxPixels {
		return Photo{}, model.Errorf(model.ETooLarge, op, "照片 %s 的尺寸 %d×%d 超过上限（每边不超过 %d 像素，共不超过 %d 万像素）",
			name, cfg.Width, cfg.Height, MaxSide, MaxPixels/10000)
	}
	img, err := decode(bytes.NewReader(b))
	if err != nil {
		return Photo{}, model.Errorf(model.EInvalid, op, "照片 %s 已损坏或不完整：%v", name, err)
	}
	p.Width, p.Height = cfg.Width, cfg.Height
	if p.Thumb, err = thumbnail(img); err != nil {
		return Photo{}, model.Wrap(op, err)
	}
	if p.ContentType == "image/jpeg" {
		p.TakenAt = takenAt(b)
	}
	return p, nil
}

// isHEIF reports whether b is an ISO base media file of an HEIF brand.
func isHEIF(b []byte) bool {
	if len(b) < 12 || string(b[4:8]) != "ftyp" {
		return false
	}
	switch string(b[8:12]) {
	case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif":
		return true
	}
	return false
}

// thumbnail scales img to at most ThumbSide on its longer side, as JPEG.
func thumbnail(img image.Image) ([]byte, error) {
	bounds := img.Bounds()
	w, h := bounds.Dx(), bounds.Dy()
	if w > ThumbSide || h > ThumbSide {
		if w >= h {
			w, h = ThumbSide, max(1, h*ThumbSide/w)
		} else {
			w, h = max(1, w*ThumbSide/h), ThumbSide
		}
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, bounds, draw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 80}); err != nil {
		return nil, fmt.Errorf("thumbnail: %w", err)
	}
	return buf.Bytes(), nil
}

// takenAt is the EXIF date of a JPEG, zero when it has none or its EXIF
// cannot be read (a photo without a date is still a photo).
func takenAt(b []byte) (t time.Time) {
	defer func() {
		if recover() != nil { // goexif on malformed EXIF
			t = time.Time{}
		}
	}()
	x, err := exif.Decode(bytes.NewReader(b))
	if err != nil {
		return time.Time{}
	}
	t, err = x.DateTime()
	if err != nil {
		return time.Time{}
	}
	return t
}
