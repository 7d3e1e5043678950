package store

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Facts: every forecast and actual date of a milestone is an observation
// known on a date (model.Observation). The milestone's columns hold the
// latest observation's value, and ForecastOn/ActualOn the date from which
// that value has been known without a break, so that an as-of view on or
// after that date reads the columns alone.

// factKey names the observations of one field of one milestone.
type factKey struct {
	milestone uint
	field     string
}

// factLog holds loaded observations in (KnownOn, ID) order.
type factLog map[factKey][]*model.Observation

// loadFacts adds the observations of milestones ids to log.
func loadFacts(tx *gorm.DB, log factLog, ids []uint) error {
	var fs []model.Observation
	if err := findIn(tx, "milestone_id", ids, &fs); err != nil {
		return err
	}
	for i := range fs {
		f := &fs[i]
		k := factKey{f.MilestoneID, f.Field}
		log[k] = append(log[k], f)
	}
	for _, l := range log {
		slices.SortStableFunc(l, factOrder)
	}
	return nil
}

func factOrder(a, b *model.Observation) int {
	if c := a.KnownOn.Compare(b.KnownOn); c != 0 {
		return c
	}
	return int(a.ID) - int(b.ID)
}

// column returns the value and known-on date a milestone's columns hold
// for field.
func column(m *model.Milestone, field string) (value, on *model.Date) {
	if field == model.FactActual {
		return &m.Actual, &m.ActualOn
	}
	return &m.Forecast, &m.ForecastOn
}

// follow sets m's column for field from the observations fs: the latest
// value, known since the earliest observation of the unbroken run of
// that value that ends with it. It reports whether the value changed and
// whether anything did.
func follow(m *model.Milestone, field string, fs []*model.Observation) (old model.Date, valueChanged, changed bool) {
	if len(fs) == 0 {
		return model.Date{}, false, false
	}
	last := fs[len(fs)-1]
	since := last.KnownOn
	for i := len(fs) - 2; i >= 0 && fs[i].Value == last.Value; i-- {
		since = fs[i].KnownOn
	}
	value, on := column(m, field)
	old = *value
	valueChanged = *value != last.Value
	changed = valueChanged || *on != since
	*value, *on = last.Value, since
	return old, valueChanged, changed
}

// legacyOn is the known-on date given to a value stored without one when
// its milestone gets its first observation: known since ever.
var legacyOn = model.Date{Year: 1, Month: 1, Day: 1}

// observation is a value a return row gives one field of a milestone.
type observation struct {
	m      *model.Milestone
	field  string
	value  model.Date
	label  string // the field as the return names it
	column string // its column letter
}

// observe records o, given by a return dated on, in a's transaction. A
// value already known (the same value observed on that date, or as the
// latest value before it) changes nothing. Otherwise the observation is
// stored, and the milestone's column follows the latest one: a return
// dated before the observation that set the column leaves the column
// alone, which a warning at the row's cell says. An actual date that
// contradicts the recorded one is an error (it is corrected in the UI).
func (a *applier) observe(o observation, on model.Date, ref model.Ref, name string) (changed bool, err error) {
	k := factKey{o.m.ID, o.field}
	fs := a.facts[k]
	from := milestoneAt(ref, o.column, o.m)
	value, colOn := column(o.m, o.field)
	if len(fs) == 0 && !value.IsZero() {
		legacy := &model.Observation{ProjectID: o.m.ProjectID, MilestoneID: o.m.ID, Field: o.field, Value: *value, KnownOn: legacyOn, Source: "legacy", CreatedAt: a.now}
		if err := a.tx.Create(legacy).Error; err != nil {
			return false, err
		}
		if err := createdFact(a, legacy); err != nil {
			return false, err
		}
		fs = []*model.Observation{legacy}
		if colOn.IsZero() {
			*colOn = legacyOn
		}
	}
	var at, before *model.Observation
	for _, f := range fs {
		switch {
		case f.KnownOn == on:
			at = f
		case f.KnownOn.Before(on):
			before = f
		}
	}
	switch {
	case at != nil && at.Value == o.value,
		at == nil && before != nil && before.Value == o.value:
		a.facts[k] = fs
		return false, nil
	case o.field == model.FactActual && !value.IsZero() && *value != o.value:
		a.fail(ref, o.column, "项目“%s”的%s已登记为 %s，与本行的 %s 不一致；如需更正请在系统中修改", name, o.label, *value, o.value)
		return false, nil
	case at != nil:
		// The return of that date, corrected.
		old := at.Value
		if err := keepRow(a, at, at.ID, at.ProjectID, "milestone", at.MilestoneID); err != nil {
			return false, err
		}
		at.Value, at.Source = o.value, a.actor.Source
		if err := a.tx.Model(at).Select("value", "source").Updates(at).Error; err != nil {
			return false, err
		}
		if on.Before(fs[len(fs)-1].KnownOn) {
			a.record(from, o.m.ProjectID, "milestone", o.m.ID, "observe", "填报日期 "+on.String(), Change{Field: o.field + "_date", Old: old.String(), New: o.value.String()})
		}
	default:
		f := &model.Observation{ProjectID: o.m.ProjectID, MilestoneID: o.m.ID, Field: o.field, Value: o.value, KnownOn: on, Source: a.actor.Source, CreatedAt: a.now}
		if err := a.tx.Create(f).Error; err != nil {
			return false, err
		}
		if err := createdFact(a, f); err != nil {
			return false, err
		}
		fs = append(fs, f)
		slices.SortStableFunc(fs, factOrder)
	}
	a.facts[k] = fs
	last := fs[len(fs)-1]
	if on.Before(last.KnownOn) {
		if last.Value != o.value {
			a.warn(ref, o.column, "本行填报日期 %s 早于 %s 的进度月报，项目“%s”的%s仍为 %s；本行的 %s 记为较早的情况",
				on, last.KnownOn, name, o.label, last.Value, o.value)
		}
		if at == nil {
			a.record(from, o.m.ProjectID, "milestone", o.m.ID, "observe", "填报日期 "+on.String(), Change{Field: o.field + "_date", New: o.value.String()})
		}
	}
	old, valueChanged, moved := follow(o.m, o.field, fs)
	if !moved {
		return true, nil
	}
	var changes []Change
	if valueChanged {
		changes = append(changes, Change{Field: o.field + "_date", Old: old.String(), New: last.Value.String()})
	}
	return true, a.saveMilestone(from, o.m, changes...)
}

// recordEdit stores an edit of field of m (from old to value), made at
// now in the UI or the API, as an observation known on today, the county
// date of now. A value m held without an observation is stored first as known
// since ever, so that earlier dates still see it.
func recordEdit(tx *gorm.DB, m *model.Milestone, field string, old, value model.Date, source string, now time.Time, today model.Date) error {
	var n int64
	if err := tx.Model(&model.Observation{}).Where("milestone_id = ? AND field = ?", m.ID, field).Count(&n).Error; err != nil {
		return err
	}
	fs := []model.Observation{{ProjectID: m.ProjectID, MilestoneID: m.ID, Field: field, Value: value, KnownOn: today, Source: source, CreatedAt: now}}
	if n == 0 && !old.IsZero() {
		fs = append([]model.Observation{{ProjectID: m.ProjectID, MilestoneID: m.ID, Field: field, Value: old, KnownOn: legacyOn, Source: "legacy", CreatedAt: now}}, fs...)
	}
	return tx.Create(&fs).Error
}

// MilestonesAsOf returns the milestones of a project in schedule order
// with their forecast and actual dates as known on d (see
// model.Observation): what the project page shows as of d.
func (s *DB) MilestonesAsOf(ctx context.Context, projectID uint, d model.Date) ([]model.Milestone, error) {
	const op = "store.MilestonesAsOf"
	ms, err := s.ProjectMilestones(ctx, projectID)
	if err != nil {
		return nil, err
	}
	var ids []uint
	for _, m := range ms {
		if m.ForecastOn.After(d) || m.ActualOn.After(d) {
			ids = append(ids, m.ID)
		}
	}
	log := factLog{}
	if err := loadFacts(s.reader(ctx), log, ids); err != nil {
		return nil, model.Wrap(op, err)
	}
	for i := range ms {
		m := &ms[i]
		for _, field := range []string{model.FactForecast, model.FactActual} {
			value, on := column(m, field)
			if !on.After(d) {
				continue
			}
			*value, *on = model.Date{}, model.Date{}
			for _, f := range log[factKey{m.ID, field}] {
				if !f.KnownOn.After(d) {
					*value, *on = f.Value, f.KnownOn
				}
			}
		}
		if m.Actual.After(d) { // a value stored undated
			m.Actual, m.ActualOn = model.Date{}, model.Date{}
		}
	}
	return ms, nil
}

// ProgressAsOf returns the progress reports of a project known on d,
// newest first.
func (s *DB) ProgressAsOf(ctx context.Context, projectID uint, d model.Date) ([]model.ProgressReport, error) {
	var rs []model.ProgressReport
	err := s.reader(ctx).Where("project_id = @p AND "+reportKnownSQL, sql.Named("p", projectID), sql.Named("d", d)).
		Order("report_date DESC, id DESC").Find(&rs).Error
	return rs, model.Wrap("store.ProgressAsOf", err)
}
