package store

import (
	"context"
	"database/sql"
	"sort"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// ReportData gathers the reports' facts as of asOf in a fixed number of
// queries, whatever the number of projects: projects, budget sums,
// payment, allocation and receipt sums by project and source, the latest
// progress report per project and the latest stating a percentage,
// actual dates and open 督办; each project's 序时进度 lamp follows from
// them. Sums are exact integers of fen.
func (s *DB) ReportData(ctx context.Context, asOf model.Date) (model.ReportData, error) {
	const op = "store.ReportData"
	db := s.reader(ctx)
	out := model.ReportData{AsOf: asOf, Lamps: s.Lamps, Pace: s.Pace, Org: s.Org, Printed: s.Now().In(s.Zone)}

	var projects []model.Project
	if err := s.projectTable(ctx, asOf).Order("id").Find(&projects).Error; err != nil {
		return out, model.Wrap(op, err)
	}
	sort.SliceStable(projects, func(i, j int) bool {
		a, b := &projects[i], &projects[j]
		if a.Category != b.Category {
			return a.Category < b.Category
		}
		return a.Annex < b.Annex
	})
	out.Projects = make([]model.ProjectFacts, len(projects))
	index := make(map[uint]*model.ProjectFacts, len(projects))
	for i, p := range projects {
		f := &out.Projects[i]
		f.Project = p
		if p.Investment != nil {
			f.Plan, f.PlanKnown = *p.Investment, true
		}
		index[p.ID] = f
	}

	var budgets []struct {
		ProjectID uint
		Hi, Lo    int64
	}
	err := db.Table(s.moneyAsOf("budget_lines", asOf)).Select("project_id, " + sumFen("amount")).Group("project_id").Scan(&budgets).Error
	if err != nil {
		return out, model.Wrap(op, err)
	}
	for _, b := range budgets {
		if f := index[b.ProjectID]; f != nil {
			f.Plan, f.PlanKnown, f.PlanFromBudget = fenTotal(b.Hi, b.Lo), true, true
		}
	}

	var spent []struct {
		ProjectID uint
		Source    string
		Hi, Lo    int64
	}
	err = db.Table(s.moneyAsOf("disbursements", asOf)).Select("project_id, source, "+sumFen("amount")).
		Where("date <= ?", asOf).Group("project_id, source").Scan(&spent).Error
	if err != nil {
		return out, model.Wrap(op, err)
	}
	var funds []struct {
		ProjectID    uint
		Kind, Source string
		Hi, Lo       int64
	}
	err = db.Table(s.moneyAsOf("funds", asOf)).Select("project_id, kind, source, "+sumFen("amount")).
		Where("date <= ?", asOf).Group("project_id, kind, source").Scan(&funds).Error
	if err != nil {
		return out, model.Wrap(op, err)
	}
	seen := map[string]bool{}
	add := func(id uint, kind, source string, m model.Money) {
		f := index[id]
		if f == nil {
			return
		}
		total, by := &f.Spent, &f.SpentBySource
		switch kind {
		case model.FundAllocated:
			total, by = &f.Allocated, &f.AllocatedBySource
		case model.FundReceived:
			total, by = &f.Received, &f.ReceivedBySource
		}
		if *by == nil {
			*by = map[string]model.Money{}
		}
		(*by)[source] = (*by)[source].Add(m)
		*total = total.Add(m)
		seen[source] = true
	}
	for _, r := range spent {
		add(r.ProjectID, "", r.Source, fenTotal(r.Hi, r.Lo))
	}
	for _, r := range funds {
		add(r.ProjectID, r.Kind, r.Source, fenTotal(r.Hi, r.Lo))
	}
	registered, err := sourceNames(db)
	if err != nil {
		return out, model.Wrap(op, err)
	}
	out.Sources = orderSources(registered, seen)

	var reports []struct {
		ProjectID  uint
		ReportDate model.Date
		Percent    decimal.NullDecimal
		Problems   string
	}
	// The latest report ≤ D of each project: no later one (or, on the
	// same day, none with a higher id) exists.
	err = db.Raw(`SELECT r.project_id, r.report_date, r.percent, r.problems FROM progress_reports r
		WHERE COALESCE(r.known_on, r.report_date) <= @d AND NOT EXISTS (
			SELECT 1 FROM progress_reports q WHERE q.project_id = r.project_id AND COALESCE(q.known_on, q.report_date) <= @d
			AND (q.report_date > r.report_date OR (q.report_date = r.report_date AND q.id > r.id)))`,
		sql.Named("d", asOf)).Scan(&reports).Error
	if err != nil {
		return out, model.Wrap(op, err)
	}
	for _, r := range reports {
		if f := index[r.ProjectID]; f != nil {
			f.Progress, f.ProgressDate, f.Problems = r.Percent, r.ReportDate, r.Problems
		}
	}

	err = actualsAsOf(db, asOf, func(id uint, kind string, d model.Date) {
		if f := index[id]; f != nil {
			if kind == model.MilestoneStart {
				f.ActualStart = d
			} else {
				f.ActualFinish = d
			}
		}
	})
	if err != nil {
		return out, model.Wrap(op, err)
	}
	stated := map[uint]decimal.NullDecimal{}
	if err := percentsAsOf(db, asOf, func(id uint, pct decimal.NullDecimal) { stated[id] = pct }); err != nil {
		return out, model.Wrap(op, err)
	}
	for i := range out.Projects {
		f := &out.Projects[i]
		p := f.Project
		fact := model.PaceFact{ProjectID: p.ID, ResponsibleUnit: p.ResponsibleUnit, PlannedStart: p.PlannedStart, PlannedFinish: p.PlannedFinish,
			ActualStart: f.ActualStart, ActualFinish: f.ActualFinish, Progress: stated[p.ID]}
		if pace, ok := s.Pace.Of(fact, asOf); ok {
			f.Pace = &pace
		}
	}

	// A 督办 is open as of D when raised before the end of D and not
	// closed by then, in the county's zone.
	endOfDay := time.Date(asOf.Year, asOf.Month, asOf.Day+1, 0, 0, 0, 0, s.Zone)
	var sups []struct {
		ProjectID uint
		Reason    string
	}
	err = db.Model(&model.Supervision{}).Select("project_id, reason").
		Where("raised_at < ? AND (closed_at >= ? OR (closed_at IS NULL AND status <> ?))", endOfDay, endOfDay, model.SupervisionClosed).
		Order("project_id, raised_at, id").Scan(&sups).Error
	if err != nil {
		return out, model.Wrap(op, err)
	}
	for _, r := range sups {
		if f := index[r.ProjectID]; f != nil {
			f.OpenSupervisions++
			f.LatestSupervision = r.Reason
		}
	}
	return out, nil
}

// orderSources lists the sources of seen: the registered ones first in
// register order, then the rest sorted.
func orderSources(registered []string, seen map[string]bool) []string {
	var out []string
	known := map[string]bool{}
	for _, s := range registered {
		known[s] = true
		if seen[s] {
			out = append(out, s)
		}
	}
	var rest []string
	for s := range seen {
		if !known[s] {
			rest = append(rest, s)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// actualsAsOf calls set with each start and finish actual date on or
// before asOf as known on asOf: ReportData reads the milestones, not the
// spans, so that the tests comparing the spans' states with it compare
// them with the facts.
func actualsAsOf(db *gorm.DB, asOf model.Date, set func(projectID uint, kind string, d model.Date)) error {
	var rows []struct {
		ProjectID uint
		Kind      string
		Actual    model.Date
	}
	err := db.Raw(`SELECT project_id, kind, actual FROM `+milestonesAsOfSQL+` m
		WHERE kind IN @kinds AND actual IS NOT NULL AND actual <= @d`,
		sql.Named("d", asOf), sql.Named("kinds", []string{model.MilestoneStart, model.MilestoneFinish})).Scan(&rows).Error
	for _, r := range rows {
		set(r.ProjectID, r.Kind, r.Actual)
	}
	return err
}

// percentsAsOf calls set with the 形象进度 of each project's latest
// report known on asOf that states one (no later one, or on the same day
// none recorded later, does).
func percentsAsOf(db *gorm.DB, asOf model.Date, set func(projectID uint, pct decimal.NullDecimal)) error {
	var rows []struct {
		ProjectID uint
		Percent   decimal.NullDecimal
	}
	err := db.Raw(`SELECT r.project_id, r.percent FROM progress_reports r
	WHERE COALESCE(r.known_on, r.report_date) <= @d AND r.percent IS NOT NULL AND NOT EXISTS (
		SELECT 1 FROM progress_reports q WHERE q.project_id = r.project_id AND COALESCE(q.known_on, q.report_date) <= @d
		AND q.percent IS NOT NULL AND (q.report_date > r.report_date OR (q.report_date = r.report_date AND q.id > r.id)))`,
		sql.Named("d", asOf)).Scan(&rows).Error
	for _, r := range rows {
		set(r.ProjectID, r.Percent)
	}
	return err
}
