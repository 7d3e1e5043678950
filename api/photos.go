package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// photoEndpoints are the site photos of progress reports.
func (s *server) photoEndpoints() []endpoint {
	db := s.db
	return []endpoint{
		{method: "POST", path: "/progress/:id/photos", summary: "上传进度报告的现场照片（multipart 字段 file；JPEG、PNG；本单位项目负责人、管理员）",
			roles: model.Changers, body: upload{file: "JPEG 或 PNG 照片"}, status: 201, response: photoJSON{}, handler: handleAddPhoto(db)},
		{method: "GET", path: "/photos/:id", summary: "下载照片原图", status: 200, response: image, handler: httpx.HandlePhoto(db, false)},
		{method: "GET", path: "/photos/:id/thumb", summary: "下载照片缩略图（JPEG）", status: 200, response: download{[]string{"image/jpeg"}}, handler: httpx.HandlePhoto(db, true)},
	}
}

// photoJSON is a photo as the API shows it.
type photoJSON struct {
	ID               uint       `json:"id"`
	ProgressReportID uint       `json:"progress_report_id"`
	ProjectID        uint       `json:"project_id"`
	Name             string     `json:"name"`
	ContentType      string     `json:"content_type"`
	Bytes            int        `json:"bytes"`
	Width            int        `json:"width"`
	Height           int        `json:"height"`
	TakenAt          *time.Time `json:"taken_at"`
	ReportDate       model.Date `json:"report_date,omitzero"`
	Warning          string     `json:"warning"`
	URL              string     `json:"url"`
	ThumbURL         string     `json:"thumb_url"`
	CreatedBy        string     `json:"created_by"`
	CreatedAt        time.Time  `json:"created_at"`
}

func toPhotoJSON(p model.Photo, reportDate model.Date) photoJSON {
	id := strconv.FormatUint(uint64(p.ID), 10)
	return photoJSON{ID: p.ID, ProgressReportID: p.ProgressReportID, ProjectID: p.ProjectID, Name: p.Name, ContentType: p.ContentType,
		Bytes: p.Bytes, Width: p.Width, Height: p.Height, TakenAt: p.TakenAt, ReportDate: reportDate, Warning: p.Warning,
		URL: "/api/v1/photos/" + id, ThumbURL: "/api/v1/photos/" + id + "/thumb", CreatedBy: p.CreatedBy, CreatedAt: p.CreatedAt}
}

// handleAddPhoto checks and stores the uploaded photo on progress
// report :id of a project the user may change.
func handleAddPhoto(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		p, err := httpx.AddPhoto(c, db)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toPhotoJSON(p, model.Date{}))
		return nil
	}
}
