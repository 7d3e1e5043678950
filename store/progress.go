package store

import (
	"context"
	"errors"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// AddProgressReport records a dated progress report of project projectID:
// the percentage (0–100), the investment done and the problems, with its
// site photos (checked, see AddPhoto), all or nothing. A report dated
// after today is invalid; a zero date means today.
func (s *DB) AddProgressReport(ctx context.Context, a model.Actor, projectID uint, r model.ProgressReport, photos ...model.Photo) (model.ProgressReport, error) {
	const op = "store.AddProgressReport"
	today := s.Today()
	if r.ReportDate.IsZero() {
		r.ReportDate = today
	}
	r.Problems = strings.TrimSpace(r.Problems)
	if err := r.Validate(); err != nil {
		return model.ProgressReport{}, err
	}
	if err := model.CheckNotAfter("report_date", "填报日期", r.ReportDate, today); err != nil {
		return model.ProgressReport{}, err
	}
	switch {
	case !r.Percent.Valid && r.InvestmentDone == nil && r.Problems == "":
		return model.ProgressReport{}, model.E(model.EInvalid, op, "进度报告至少要填写形象进度、累计完成投资或存在问题之一")
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.addProgress(tx, a, projectID, &r); err != nil {
			return err
		}
		for i := range photos {
			if err := s.addPhoto(tx, a, r.ID, &photos[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return model.ProgressReport{}, model.Wrap(op, err)
	}
	return r, nil
}

// GetProgressReport returns progress report id.
func (s *DB) GetProgressReport(ctx context.Context, id uint) (model.ProgressReport, error) {
	var r model.ProgressReport
	err := s.reader(ctx).Take(&r, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r, model.Errorf(model.ENotFound, "store.GetProgressReport", "进度报告 %d 不存在", id)
	}
	return r, model.Wrap("store.GetProgressReport", err)
}

// addProgress stores progress report r (checked) of project projectID in
// tx, audited.
func (s *DB) addProgress(tx *gorm.DB, a model.Actor, projectID uint, r *model.ProgressReport) error {
	r.ID, r.ProjectID, r.Project = 0, projectID, nil
	r.Source, r.CreatedBy, r.CreatedAt, r.KnownOn = a.Source, a.User, s.Now(), s.Today()
	if err := projectExists(tx, "store.AddProgressReport", projectID); err != nil {
		return err
	}
	if err := tx.Create(r).Error; err != nil {
		return err
	}
	if err := refreshActivity(tx, []uint{projectID}); err != nil {
		return err
	}
	changes := []Change{{Field: "report_date", New: r.ReportDate.String()}}
	if r.Percent.Valid {
		changes = append(changes, Change{Field: "percent", New: r.Percent.Decimal.String()})
	}
	if r.InvestmentDone != nil {
		changes = append(changes, Change{Field: "investment_done_wan", New: r.InvestmentDone.WanString()})
	}
	if r.Problems != "" {
		changes = append(changes, Change{Field: "problems", New: r.Problems})
	}
	return s.audit(tx, a, projectID, "progress", r.ID, "create", "", changes...)
}
