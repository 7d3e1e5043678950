package store

import (
	"context"
	"errors"
	"strings"
	"sync"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// Plans over time. A project's plan (its name, unit, category, township,
// site, planned dates and investment: model.ProjectChange's columns)
// changes by plan imports and by reverts of them. The day's first change
// of a project keeps, in project_changes, its plan at the end of the day
// before; projectsAsOf reads the projects back as of a date with the
// plan of their first change after it. A project's first plan, the one
// known at the end of the day it was created, holds for every date
// before that day: a plan typed into captrack in 2026 was the plan of
// 2018 too, and the returns of 2018 imported since are read against it.

// keepPlan records a change made on the county date on of project was's
// plan to now's, as keepMoney records a money row's: the day's first
// change keeps was's plan, a later one that day nothing more, and one
// that puts back the plan the day began with removes the day's record. A
// project created that day (its creation's county date created) keeps
// nothing: its plan at the day's end is its first.
func keepPlan(tx *gorm.DB, on, created model.Date, was, now *model.Project) error {
	old, cur := model.PlanOf(was), model.PlanOf(now)
	if old.SamePlan(cur) || created == on {
		return nil
	}
	var day model.ProjectChange
	err := tx.Where("project_id = ? AND changed_on = ?", was.ID, on).Order("id").Take(&day).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		old.ChangedOn = on
		return tx.Create(&old).Error
	case err != nil:
		return err
	case day.SamePlan(cur):
		return tx.Delete(&day).Error
	}
	return nil
}

// keepPlan records the change this import makes of project was's plan
// to now's (keepPlan).
func (a *applier) keepPlan(was, now *model.Project) error {
	return keepPlan(a.tx, a.today, model.DateOf(was.CreatedAt.In(a.zone)), was, now)
}

// planColumns lists the projects table's columns for plansAsOf: each
// column a change keeps taken from the change c when there is one, the
// others from the project p.
var planColumns = func() string {
	var cache sync.Map
	proj := must(schema.Parse(&model.Project{}, &cache, schema.NamingStrategy{}))
	change := must(schema.Parse(&model.ProjectChange{}, &cache, schema.NamingStrategy{}))
	cols := make([]string, 0, len(proj.DBNames))
	for _, c := range proj.DBNames {
		if c != "id" && change.LookUpField(c) != nil {
			cols = append(cols, "CASE WHEN c.id IS NULL THEN p."+c+" ELSE c."+c+" END AS "+c)
		} else {
			cols = append(cols, "p."+c)
		}
	}
	return strings.Join(cols, ", ")
}()

// must is v, panicking on err: for what only a programming error fails.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// projectsAsOf is the projects table as its plans were known at the end
// of the county's day d, to read FROM as alias: each project with the
// plan its first change after d kept. As of today or later, or when no
// plan changed after d (one read of an index's end), it is the table
// itself. d is written into the SQL (a date's text is digits and
// dashes) so that it composes with statements of positional arguments.
func (s *DB) projectsAsOf(db *gorm.DB, d model.Date, alias string) (string, error) {
	changed, err := s.plansChanged(db, d)
	return s.plansAsOf(changed, d, alias), err
}

// plansChanged reports whether some project's plan changed after the
// county day d (never as of today or later), by one read of an index's
// end.
func (s *DB) plansChanged(db *gorm.DB, d model.Date) (bool, error) {
	if d.IsZero() || !d.Before(s.Today()) {
		return false, nil
	}
	var last model.Date
	err := db.Raw("SELECT MAX(changed_on) FROM project_changes").Scan(&last).Error
	return last.After(d), err
}

// plansAsOf is projectsAsOf's table when changed says whether some plan
// changed after d.
func (s *DB) plansAsOf(changed bool, d model.Date, alias string) string {
	if !changed {
		if alias == "projects" {
			return alias
		}
		return "projects " + alias
	}
	return "(SELECT " + planColumns + " FROM projects p LEFT JOIN (SELECT project_id, MIN(id) AS cid FROM project_changes WHERE changed_on > '" + d.String() +
		"' GROUP BY project_id) k ON k.project_id = p.id LEFT JOIN project_changes c ON c.id = k.cid) " + alias
}

// projectTable is a query of the projects as of the county day d (zero:
// today), as projectsAsOf has them.
func (s *DB) projectTable(ctx context.Context, d model.Date) *gorm.DB {
	db := s.reader(ctx)
	from, err := s.projectsAsOf(db, d, "projects")
	q := db.Table(from)
	if err != nil {
		q.AddError(err)
	}
	return q
}
