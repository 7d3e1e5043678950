package store

import (
	"context"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

// PaceFacts returns the pace facts of the projects ids (every project
// when ids is nil) as of asOf, in project id order, in three queries.
func (s *DB) PaceFacts(ctx context.Context, asOf model.Date, ids []uint) ([]model.PaceFact, error) {
	const op = "store.PaceFacts"
	db := s.reader(ctx)
	q := db.Model(&model.Project{}).Select("id, responsible_unit, planned_start_date, planned_start_prec, planned_finish_date, planned_finish_prec").Order("id")
	if ids != nil {
		q = q.Where("id IN ?", ids)
	}
	var projects []model.Project
	if err := q.Find(&projects).Error; err != nil {
		return nil, model.Wrap(op, err)
	}
	facts := make([]model.PaceFact, len(projects))
	index := make(map[uint]*model.PaceFact, len(projects))
	for i, p := range projects {
		facts[i] = model.PaceFact{ProjectID: p.ID, ResponsibleUnit: p.ResponsibleUnit, PlannedStart: p.PlannedStart, PlannedFinish: p.PlannedFinish}
		index[p.ID] = &facts[i]
	}
	var actuals []struct {
		ProjectID uint
		Kind      string
		Actual    model.Date
	}
	aq := db.Model(&model.Milestone{}).Select("project_id, kind, actual").
		Where("kind IN ? AND actual IS NOT NULL AND actual <= ?", []string{model.MilestoneStart, model.MilestoneFinish}, asOf)
	if ids != nil {
		aq = aq.Where("project_id IN ?", ids)
	}
	if err := aq.Scan(&actuals).Error; err != nil {
		return nil, model.Wrap(op, err)
	}
	for _, a := range actuals {
		if f := index[a.ProjectID]; f != nil {
			if a.Kind == model.MilestoneStart {
				f.ActualStart = a.Actual
			} else {
				f.ActualFinish = a.Actual
			}
		}
	}
	// The latest report ≤ D stating a percentage: no later one (or, on
	// the same day, none recorded later) that states one.
	var reports []struct {
		ProjectID uint
		Percent   decimal.NullDecimal
	}
	rq := db.Table("progress_reports AS r").Select("r.project_id, r.percent").
		Where(`r.report_date <= ? AND r.percent IS NOT NULL AND NOT EXISTS (
			SELECT 1 FROM progress_reports q WHERE q.project_id = r.project_id AND q.report_date <= ? AND q.percent IS NOT NULL
			AND (q.report_date > r.report_date OR (q.report_date = r.report_date AND q.id > r.id)))`, asOf, asOf)
	if ids != nil {
		rq = rq.Where("r.project_id IN ?", ids)
	}
	if err := rq.Scan(&reports).Error; err != nil {
		return nil, model.Wrap(op, err)
	}
	for _, r := range reports {
		if f := index[r.ProjectID]; f != nil {
			f.Progress = r.Percent
		}
	}
	return facts, nil
}
