package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// MaxPhotosPerReport bounds the photos of one progress report.
const MaxPhotosPerReport = 20

// photoMeta are the columns of a photo without its bytes.
var photoMeta = []string{"id", "progress_report_id", "project_id", "name", "content_type", "bytes", "width", "height",
	"taken_at", "warning", "created_by", "created_at"}

// AddPhoto stores photo p (checked, with its thumbnail) on progress
// report reportID, with a warning when its EXIF date is after the
// report's date or before the project's previous report. It returns the
// photo without its bytes.
func (s *DB) AddPhoto(ctx context.Context, a model.Actor, reportID uint, p model.Photo) (model.Photo, error) {
	const op = "store.AddPhoto"
	err := s.tx(ctx, func(tx *gorm.DB) error {
		return s.addPhoto(tx, a, reportID, &p)
	})
	if err != nil {
		return model.Photo{}, model.Wrap(op, err)
	}
	p.Data, p.Thumb = nil, nil
	return p, nil
}

// photoDateWarning is what p's EXIF date says against its report's date
// and the project's previous report (zero when none).
func photoDateWarning(p model.Photo, report, previous model.Date) string {
	if p.TakenAt == nil {
		return "照片没有拍摄日期（EXIF），无法核对"
	}
	taken := model.DateOf(*p.TakenAt)
	switch {
	case taken.After(report):
		return fmt.Sprintf("拍摄日期 %s 晚于填报日期 %s", taken, report)
	case !previous.IsZero() && taken.Before(previous):
		return fmt.Sprintf("拍摄日期 %s 早于上一次进度报告（%s），可能是旧照片", taken, previous)
	}
	return ""
}

// Photo returns photo id with its bytes (thumb: only its thumbnail).
func (s *DB) Photo(ctx context.Context, id uint, thumb bool) (model.Photo, error) {
	const op = "store.Photo"
	cols := append([]string{"data"}, photoMeta...)
	if thumb {
		cols[0] = "thumb"
	}
	var p model.Photo
	err := s.reader(ctx).Select(cols).Take(&p, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return p, model.Errorf(model.ENotFound, op, "照片 %d 不存在", id)
	}
	return p, model.Wrap(op, err)
}

// ProjectPhotos returns the photos of a project without their bytes,
// the latest report's first: its photo timeline.
func (s *DB) ProjectPhotos(ctx context.Context, projectID uint) ([]model.ReportPhoto, error) {
	cols := make([]string, 0, len(photoMeta)+1)
	for _, c := range photoMeta {
		cols = append(cols, "photos."+c)
	}
	var ps []model.ReportPhoto
	err := s.reader(ctx).Model(&model.Photo{}).Select(append(cols, "r.report_date AS report_date")).
		Joins("JOIN progress_reports r ON r.id = photos.progress_report_id").
		Where("photos.project_id = ?", projectID).Order("r.report_date DESC, r.id DESC, photos.id").Scan(&ps).Error
	return ps, model.Wrap("store.ProjectPhotos", err)
}

// addPhoto stores photo p on progress report reportID in tx, audited.
func (s *DB) addPhoto(tx *gorm.DB, a model.Actor, reportID uint, p *model.Photo) error {
	const op = "store.AddPhoto"
	var r model.ProgressReport
	if err := tx.Take(&r, reportID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return model.Errorf(model.ENotFound, op, "进度报告 %d 不存在", reportID)
	} else if err != nil {
		return err
	}
	var n int64
	if err := tx.Model(&model.Photo{}).Where("progress_report_id = ?", reportID).Count(&n).Error; err != nil {
		return err
	}
	if n >= MaxPhotosPerReport {
		return model.Errorf(model.EInvalid, op, "每份进度报告最多 %d 张照片", MaxPhotosPerReport)
	}
	var prev model.ProgressReport
	err := tx.Where("project_id = ? AND report_date < ?", r.ProjectID, r.ReportDate).Order("report_date DESC").Limit(1).Find(&prev).Error
	if err != nil {
		return err
	}
	p.ID, p.ProgressReportID, p.ProjectID, p.ProgressReport = 0, reportID, r.ProjectID, nil
	p.Warning = photoDateWarning(*p, r.ReportDate, prev.ReportDate)
	p.CreatedBy, p.CreatedAt = a.User, s.Now()
	if err := tx.Create(p).Error; err != nil {
		return err
	}
	taken := ""
	if p.TakenAt != nil {
		taken = p.TakenAt.Format("2006-01-02 15:04")
	}
	return s.audit(tx, a, r.ProjectID, "photo", p.ID, "create", p.Warning,
		Change{Field: "photo", New: fmt.Sprintf("%s（进度报告 %s）", p.Name, r.ReportDate)}, Change{Field: "taken_at", New: taken})
}
