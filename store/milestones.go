package store

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// GetMilestone returns milestone id.
func (s *DB) GetMilestone(ctx context.Context, id uint) (model.Milestone, error) {
	return getMilestone(s.conn(ctx), "store.GetMilestone", id)
}

func getMilestone(tx *gorm.DB, op string, id uint) (model.Milestone, error) {
	var m model.Milestone
	err := tx.Take(&m, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return m, model.Errorf(model.ENotFound, op, "节点 %d 不存在", id)
	}
	return m, model.Wrap(op, err)
}

// errStale is the answer to an edit based on an old version.
func errStale(op string) error {
	return model.Stale(op, "该节点")
}

// UpdateMilestone applies upd to milestone id and returns it with its new
// version. The version check is part of the UPDATE itself, so of two
// concurrent edits of one version exactly one succeeds; the other gets a
// conflict. An actual date after today, or a start and finish in the
// wrong order, is invalid. Every changed field is audited.
func (s *DB) UpdateMilestone(ctx context.Context, a model.Actor, id uint, upd model.MilestoneUpdate) (model.Milestone, error) {
	const op = "store.UpdateMilestone"
	if upd.ActualDate == nil && upd.ForecastDate == nil && upd.SlipReason == nil {
		return model.Milestone{}, model.E(model.EInvalid, op, "没有要修改的内容")
	}
	var out model.Milestone
	err := s.tx(ctx, func(tx *gorm.DB) error {
		m, err := getMilestone(tx, op, id)
		if err != nil {
			return err
		}
		if m.Version != upd.Version {
			return errStale(op)
		}
		next := m
		var changes []Change
		if upd.ActualDate != nil {
			next.Actual = *upd.ActualDate
			if err := s.checkActual(tx, op, next); err != nil {
				return err
			}
			changes = appendChange(changes, "actual_date", m.Actual.String(), next.Actual.String())
		}
		if upd.ForecastDate != nil {
			next.Forecast = *upd.ForecastDate
			changes = appendChange(changes, "forecast_date", m.Forecast.String(), next.Forecast.String())
		}
		if upd.SlipReason != nil {
			next.SlipReason = strings.TrimSpace(*upd.SlipReason)
			if next.SlipReason != "" && !slices.Contains(model.SlipReasons, next.SlipReason) {
				return model.Errorf(model.EInvalid, op, "延误原因应为 %s 之一", strings.Join(model.SlipReasons, "、"))
			}
			changes = appendChange(changes, "slip_reason", m.SlipReason, next.SlipReason)
		}
		if err := next.Validate(); err != nil {
			return err
		}
		now := s.Now()
		for _, f := range []struct {
			field      string
			old, value model.Date
			on         *model.Date
		}{{model.FactActual, m.Actual, next.Actual, &next.ActualOn}, {model.FactForecast, m.Forecast, next.Forecast, &next.ForecastOn}} {
			if f.old == f.value {
				continue
			}
			*f.on = s.DateOf(now)
			if err := recordEdit(tx, &m, f.field, f.old, f.value, a.Source, now, *f.on); err != nil {
				return err
			}
		}
		res := tx.Model(&model.Milestone{}).Where("id = ? AND version = ?", id, upd.Version).Updates(map[string]any{
			"actual":      next.Actual,
			"forecast":    next.Forecast,
			"actual_on":   next.ActualOn,
			"forecast_on": next.ForecastOn,
			"slip_reason": next.SlipReason,
			"version":     gorm.Expr("version + 1"),
			"updated_at":  now,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errStale(op)
		}
		refresh := refreshStates // the forecast's and actual's dates
		if m.Kind == model.MilestoneStart || m.Kind == model.MilestoneFinish {
			refresh = refreshActivity
		}
		if err := refresh(tx, []uint{m.ProjectID}); err != nil {
			return err
		}
		if len(changes) > 0 {
			if err := s.audit(tx, a, m.ProjectID, "milestone", m.ID, "update", "", changes...); err != nil {
				return err
			}
		}
		out, err = getMilestone(tx, op, id)
		return err
	})
	if err != nil {
		return model.Milestone{}, model.Wrap(op, err)
	}
	return out, nil
}

func appendChange(cs []Change, field, old, new string) []Change {
	if old == new {
		return cs
	}
	return append(cs, Change{Field: field, Old: old, New: new})
}

// checkActual rejects an actual date of m after today, and a start after
// its project's finish (or a finish before its start).
func (s *DB) checkActual(tx *gorm.DB, op string, m model.Milestone) error {
	if m.Actual.IsZero() {
		return nil
	}
	if err := model.CheckNotAfter("actual_date", "实际日期", m.Actual, s.Today()); err != nil {
		return err
	}
	var other string
	switch m.Kind {
	case model.MilestoneStart:
		other = model.MilestoneFinish
	case model.MilestoneFinish:
		other = model.MilestoneStart
	default:
		return nil
	}
	var o model.Milestone
	err := tx.Where("project_id = ? AND kind = ? AND actual IS NOT NULL", m.ProjectID, other).Take(&o).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return nil
	case err != nil:
		return err
	case m.Kind == model.MilestoneFinish && m.Actual.Before(o.Actual):
		return model.Errorf(model.EInvalid, op, "实际完工时间（%s）早于实际开工时间（%s）", m.Actual, o.Actual)
	case m.Kind == model.MilestoneStart && m.Actual.After(o.Actual):
		return model.Errorf(model.EInvalid, op, "实际开工时间（%s）晚于实际完工时间（%s）", m.Actual, o.Actual)
	}
	return nil
}

// AddStage adds a stage milestone (前期手续, 主体完工, 竣工验收, 投入使用 …)
// with its baseline to project projectID, after its existing milestones.
func (s *DB) AddStage(ctx context.Context, a model.Actor, projectID uint, name string, baseline model.PlanDate) (model.Milestone, error) {
	const op = "store.AddStage"
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return model.Milestone{}, model.E(model.EInvalid, op, "节点名称不能为空")
	case name == model.MilestoneStart || name == model.MilestoneFinish:
		return model.Milestone{}, model.Errorf(model.EInvalid, op, "节点名称不能为 %q", name)
	case baseline.IsZero():
		return model.Milestone{}, model.E(model.EInvalid, op, "节点计划日期不能为空")
	}
	m := model.Milestone{ProjectID: projectID, Kind: model.MilestoneStage, Name: name, Baseline: baseline, Version: 1, UpdatedAt: s.Now()}
	if err := m.Validate(); err != nil {
		return model.Milestone{}, err
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, projectID); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&model.Milestone{}).Where("project_id = ? AND name = ?", projectID, name).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return model.Errorf(model.EConflict, op, "该项目已有节点“%s”", name)
		}
		if err := tx.Model(&model.Milestone{}).Select("COALESCE(MAX(seq), 0) + 1").Where("project_id = ?", projectID).Scan(&m.Seq).Error; err != nil {
			return err
		}
		if err := tx.Create(&m).Error; err != nil {
			return err
		}
		if err := refreshStates(tx, []uint{projectID}); err != nil {
			return err
		}
		return s.audit(tx, a, projectID, "milestone", m.ID, "create", "", Change{Field: "baseline_date", New: baseline.String()}, Change{Field: "name", New: name})
	})
	if err != nil {
		return model.Milestone{}, model.Wrap(op, err)
	}
	return m, nil
}

// Rebaseline moves the baseline of milestone id: the only way a baseline
// changes. It needs a reason and the number of the document that approved
// it, both kept in the audit trail, and bumps the version so that open
// edits of the old baseline are refused. It returns the milestone as
// stored.
func (s *DB) Rebaseline(ctx context.Context, a model.Actor, id uint, baseline model.PlanDate, reason, docNumber string) (model.Milestone, error) {
	const op = "store.Rebaseline"
	reason, docNumber = strings.TrimSpace(reason), strings.TrimSpace(docNumber)
	switch {
	case baseline.IsZero():
		return model.Milestone{}, model.E(model.EInvalid, op, "新的计划日期不能为空")
	case reason == "":
		return model.Milestone{}, model.E(model.EInvalid, op, "调整计划必须说明原因")
	case docNumber == "":
		return model.Milestone{}, model.E(model.EInvalid, op, "调整计划必须填写批准文号")
	}
	if err := errors.Join(model.CheckDate("baseline_date", "新的计划日期", baseline.Date), model.TextReason.Check(reason), model.TextDocNumber.Check(docNumber)); err != nil {
		return model.Milestone{}, err
	}
	var out model.Milestone
	err := s.tx(ctx, func(tx *gorm.DB) error {
		m, err := getMilestone(tx, op, id)
		if err != nil {
			return err
		}
		err = tx.Model(&model.Milestone{}).Where("id = ?", id).Updates(map[string]any{
			"baseline_date": baseline.Date,
			"baseline_prec": baseline.Precision,
			"version":       gorm.Expr("version + 1"),
			"updated_at":    s.Now(),
		}).Error
		if err != nil {
			return err
		}
		if err := refreshStates(tx, []uint{m.ProjectID}); err != nil {
			return err
		}
		if err := s.audit(tx, a, m.ProjectID, "milestone", id, "rebaseline", reason+"；"+docNumber,
			Change{Field: "baseline_date", Old: m.Baseline.String(), New: baseline.String()}); err != nil {
			return err
		}
		out, err = getMilestone(tx, op, id)
		return err
	})
	return out, model.Wrap(op, err)
}
