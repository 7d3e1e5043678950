// Package alerts computes schedule-slip alerts: milestones overdue as of a
// date, milestones forecast beyond their baseline, and started projects
// that have stopped reporting progress. The rules live in Compute, a pure
// function of the facts the store supplies; List wires the two together.
package alerts

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/yanhe/captrack/model"
)

// Severities, from least to most serious.
const (
	Yellow = "yellow"
	Orange = "orange"
	Red    = "red"
)

// Kinds of alert.
const (
	KindOverdue  = "overdue"  // due before the as-of date and not achieved by it
	KindForecast = "forecast" // not yet due, but forecast beyond its baseline
	KindStale    = "stale"    // started, unfinished, no recent progress report
)

// StaleMilestone is the Milestone of a stale alert: the overdue thing is
// the project's next progress report.
const StaleMilestone = "进度报告"

// Config holds the thresholds. A slip of 1..YellowMax days is yellow,
// YellowMax+1..OrangeMax orange and more red; a started project is stale
// when its last progress report is more than StaleDays old.
type Config struct {
	YellowMax int
	OrangeMax int
	StaleDays int
}

// DefaultConfig is yellow up to 30 days, orange up to 90, red beyond, and
// stale after 45 days without a progress report.
func DefaultConfig() Config { return Config{YellowMax: 30, OrangeMax: 90, StaleDays: 45} }

// Validate checks that the thresholds make sense together.
func (c Config) Validate() error {
	const op = "alerts.Config"
	switch {
	case c.YellowMax < 1:
		return model.E(model.EInvalid, op, "黄色预警上限天数必须至少为 1")
	case c.OrangeMax <= c.YellowMax:
		return model.E(model.EInvalid, op, "橙色预警上限天数必须大于黄色预警上限天数")
	case c.StaleDays < 1:
		return model.E(model.EInvalid, op, "未报进度天数阈值必须至少为 1")
	}
	return nil
}

// Alert is one open schedule slip as of a date.
type Alert struct {
	ProjectID       uint   `json:"project_id"`
	ProjectCode     string `json:"project_code"`
	ProjectName     string `json:"project_name"`
	ResponsibleUnit string `json:"responsible_unit"`
	Township        string `json:"township"`
	Category        string `json:"category"`
	// MilestoneID is 0 for a stale alert, which concerns no milestone.
	MilestoneID uint `json:"milestone_id"`
	// Milestone is "start", "finish", a stage name, or StaleMilestone.
	Milestone string `json:"milestone"`
	// Due is the baseline due date; for a stale alert, the date by which
	// the next progress report was due.
	Due model.Date `json:"due"`
	// Forecast is the milestone's forecast date, null when none.
	Forecast model.Date `json:"forecast"`
	SlipDays int        `json:"slip_days"`
	Severity string     `json:"severity"`
	Kind     string     `json:"kind"`

	seq int // milestone order within the project, for sorting
}

// Severity grades a slip of slipDays days: "" when there is no slip.
func Severity(slipDays int, cfg Config) string {
	switch {
	case slipDays < 1:
		return ""
	case slipDays <= cfg.YellowMax:
		return Yellow
	case slipDays <= cfg.OrangeMax:
		return Orange
	}
	return Red
}

// milestone is how alerts and slips name a milestone: its kind for the
// start and finish, its name for a stage.
func milestone(kind, name string) string {
	if kind == model.MilestoneStage {
		return name
	}
	return kind
}

// SeverityName is the Chinese name of a severity: 红, 橙 or 黄.
func SeverityName(severity string) string {
	switch severity {
	case Red:
		return "红"
	case Orange:
		return "橙"
	case Yellow:
		return "黄"
	}
	return severity
}

// KindName is the Chinese name of a kind of alert.
func KindName(kind string) string {
	switch kind {
	case KindOverdue:
		return "逾期未完成"
	case KindForecast:
		return "预计延误"
	case KindStale:
		return "久未报送进度"
	}
	return kind
}

// MilestoneName is the Chinese name of an alert's or slip's milestone:
// 开工, 完工, or the stage's own name.
func MilestoneName(m string) string {
	switch m {
	case model.MilestoneStart:
		return "开工"
	case model.MilestoneFinish:
		return "完工"
	}
	return m
}

// achieved reports whether actual is known and on or before asOf.
func achieved(actual, asOf model.Date) bool {
	return !actual.IsZero() && !actual.After(asOf)
}

// Compute returns the alerts that facts raise as of asOf, sorted as List
// sorts them. facts may hold more than AlertFacts selects; every rule is
// checked here:
//
//   - overdue: the baseline is due before asOf and the milestone has no
//     actual date on or before asOf (an actual after asOf was not known
//     then); slip = asOf − due.
//   - forecast: the milestone is not achieved as of asOf, not overdue, and
//     its forecast lies beyond its baseline; slip = forecast − due.
//   - stale: a project of facts.Started (unfinished as of asOf, as the
//     store selects them) started on or before asOf, and the later of its
//     actual start and its last progress report on or before asOf is more
//     than StaleDays before asOf; due = that date + StaleDays, slip =
//     asOf − due.
//
// A milestone without a baseline raises nothing.
func Compute(facts model.AlertFacts, asOf model.Date, cfg Config) []Alert {
	out := []Alert{}
	for _, m := range facts.Milestones {
		due := m.Baseline.Due()
		if due.IsZero() || achieved(m.Actual, asOf) {
			continue
		}
		a := Alert{
			ProjectID: m.ProjectID, ProjectCode: m.Code, ProjectName: m.ProjectFact.Name,
			ResponsibleUnit: m.ResponsibleUnit, Township: m.Township, Category: m.Category,
			MilestoneID: m.MilestoneID, Milestone: milestone(m.Kind, m.Name),
			Due: due, Forecast: m.Forecast, seq: m.Seq,
		}
		switch {
		case due.Before(asOf):
			a.Kind, a.SlipDays = KindOverdue, asOf.DaysSince(due)
		case !m.Forecast.IsZero() && m.Forecast.After(due):
			a.Kind, a.SlipDays = KindForecast, m.Forecast.DaysSince(due)
		default:
			continue
		}
		a.Severity = Severity(a.SlipDays, cfg)
		out = append(out, a)
	}
	for _, p := range facts.Started {
		if p.ActualStart.IsZero() || p.ActualStart.After(asOf) {
			continue
		}
		since := p.ActualStart
		if p.LastReport.After(since) && !p.LastReport.After(asOf) {
			since = p.LastReport
		}
		due := since.AddDays(cfg.StaleDays)
		slip := asOf.DaysSince(due)
		if slip < 1 {
			continue
		}
		out = append(out, Alert{
			ProjectID: p.ProjectID, ProjectCode: p.Code, ProjectName: p.Name,
			ResponsibleUnit: p.ResponsibleUnit, Township: p.Township, Category: p.Category,
			Milestone: StaleMilestone, Due: due, SlipDays: slip, Severity: Severity(slip, cfg), Kind: KindStale,
			seq: math.MaxInt, // after every milestone of the project
		})
	}
	sortAlerts(out)
	return out
}

// rank orders severities, most serious first.
func rank(severity string) int {
	switch severity {
	case Red:
		return 0
	case Orange:
		return 1
	}
	return 2
}

// sortAlerts orders alerts red, orange, yellow; then by slip, longest
// first; then by project code and the milestone's place in the project.
func sortAlerts(as []Alert) {
	slices.SortFunc(as, func(a, b Alert) int {
		return cmp.Or(
			cmp.Compare(rank(a.Severity), rank(b.Severity)),
			cmp.Compare(b.SlipDays, a.SlipDays),
			strings.Compare(a.ProjectCode, b.ProjectCode),
			cmp.Compare(a.seq, b.seq),
			strings.Compare(a.Milestone, b.Milestone),
			strings.Compare(a.Kind, b.Kind),
			cmp.Compare(a.MilestoneID, b.MilestoneID),
		)
	})
}

// Source is what alerts need of storage; *store.DB implements it.
type Source interface {
	AlertFacts(ctx context.Context, asOf model.Date) (model.AlertFacts, error)
}

// List returns the alerts open as of asOf, most serious first (see
// Compute); never nil.
func List(ctx context.Context, src Source, asOf model.Date, cfg Config) ([]Alert, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	facts, err := src.AlertFacts(ctx, asOf)
	if err != nil {
		return nil, err
	}
	return Compute(facts, asOf, cfg), nil
}

// Slip is a milestone achieved after its baseline was due: part of a
// project's slip history, not an open alert.
type Slip struct {
	MilestoneID uint       `json:"milestone_id"`
	Milestone   string     `json:"milestone"`
	Due         model.Date `json:"due"`
	Actual      model.Date `json:"actual"`
	SlipDays    int        `json:"slip_days"`
	SlipReason  string     `json:"slip_reason"`
}

// SlipHistory returns the milestones of ms achieved late, in the order of
// ms; never nil.
func SlipHistory(ms []model.Milestone) []Slip {
	out := []Slip{}
	for _, m := range ms {
		due := m.Baseline.Due()
		if due.IsZero() || m.Actual.IsZero() || !m.Actual.After(due) {
			continue
		}
		out = append(out, Slip{
			MilestoneID: m.ID, Milestone: milestone(m.Kind, m.Name),
			Due: due, Actual: m.Actual, SlipDays: m.Actual.DaysSince(due), SlipReason: m.SlipReason,
		})
	}
	return out
}

// Paging of alert lists.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// Query selects a page of the alerts open as of AsOf: of one severity
// and kind when given, of the projects of one responsible unit, township
// and category, or of one project, when given. Page counts from 1.
type Query struct {
	AsOf                     model.Date
	Severity, Kind           string
	Unit, Township, Category string
	ProjectID                uint
	Page, PageSize           int
}

// Counts counts alerts by severity.
type Counts struct {
	Red    int64 `json:"red"`
	Orange int64 `json:"orange"`
	Yellow int64 `json:"yellow"`
}

// Page is one page of alerts, the number of alerts the query selects
// and their counts by severity (whatever the query's severity, so that a
// list can offer each).
type Page struct {
	Items    []Alert `json:"items"`
	Total    int64   `json:"total"`
	Counts   Counts  `json:"counts"`
	Page     int     `json:"page"`
	PageSize int     `json:"page_size"`
}

// PageSource is what a page of alerts needs of storage; *store.DB
// implements it.
type PageSource interface {
	AlertPage(ctx context.Context, q model.AlertQuery, n int) (model.AlertPage, error)
}

// bands are the severities of the store's slip bands, in band order.
var bands = [3]string{Yellow, Orange, Red}

// Validate checks a query's paging, severity and kind.
func (q Query) Validate() error {
	const op = "alerts.Query"
	switch {
	case q.AsOf.IsZero():
		return model.E(model.EInvalid, op, "未指定截至日期")
	case q.Page < 1 || q.PageSize < 1 || q.PageSize > MaxPageSize:
		return model.Errorf(model.EInvalid, op, "page 应从 1 开始，page_size 应在 1 到 %d 之间", MaxPageSize)
	case q.Severity != "" && !slices.Contains(bands[:], q.Severity):
		return model.Errorf(model.EInvalid, op, "预警级别“%s”无效", q.Severity)
	case q.Kind != "" && q.Kind != KindOverdue && q.Kind != KindForecast && q.Kind != KindStale:
		return model.Errorf(model.EInvalid, op, "预警类型“%s”无效", q.Kind)
	}
	return nil
}

// storeQuery is the store's form of q with thresholds cfg.
func (q Query) storeQuery(cfg Config) model.AlertQuery {
	sq := cfg.Query(q.AsOf)
	sq.Kind, sq.Band, sq.Unit, sq.Township, sq.Category, sq.ProjectID = q.Kind, SeverityBand(q.Severity), q.Unit, q.Township, q.Category, q.ProjectID
	return sq
}

// Query is the store's query of every alert open as of asOf with cfg's
// thresholds: what its aggregates (store.Dashboard, store.ProjectStates,
// model.StateFilter) count by.
func (cfg Config) Query(asOf model.Date) model.AlertQuery {
	return model.AlertQuery{AsOf: asOf, YellowMax: cfg.YellowMax, OrangeMax: cfg.OrangeMax, StaleDays: cfg.StaleDays, Band: -1}
}

// SeverityBand is the store's band of a severity (0 yellow, 1 orange,
// 2 red), -1 for any other.
func SeverityBand(severity string) int { return slices.Index(bands[:], severity) }

// BandSeverity is the severity of a store band, "" for none.
func BandSeverity(band int) string {
	if band < 0 || band >= len(bands) {
		return ""
	}
	return bands[band]
}

// Worst returns the first n alerts q selects (q's paging aside), in
// List's order, without counting them: the store reads only the first n
// rows of each ordered source.
func Worst(ctx context.Context, src PageSource, q Query, cfg Config, n int) ([]Alert, error) {
	q.Page, q.PageSize = 1, 1
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	sq := q.storeQuery(cfg)
	sq.Uncounted = true
	sp, err := src.AlertPage(ctx, sq, n)
	if err != nil {
		return nil, err
	}
	as := Compute(sp.Facts, q.AsOf, cfg)
	return as[:min(len(as), n)], nil
}

// PageOf returns page q.Page of the alerts q selects, in List's order,
// with the total and the counts by severity. The store reads, of each
// ordered source of alerts, only as many rows as the pages up to this
// one hold; Compute orders them and applies the rules.
func PageOf(ctx context.Context, src PageSource, q Query, cfg Config) (Page, error) {
	if err := cfg.Validate(); err != nil {
		return Page{}, err
	}
	if err := q.Validate(); err != nil {
		return Page{}, err
	}
	offset := (q.Page - 1) * q.PageSize
	sp, err := src.AlertPage(ctx, q.storeQuery(cfg), offset+q.PageSize)
	if err != nil {
		return Page{}, err
	}
	p := Page{Items: []Alert{}, Page: q.Page, PageSize: q.PageSize,
		Counts: Counts{Yellow: sp.Counts[0], Orange: sp.Counts[1], Red: sp.Counts[2]}}
	p.Total = sp.Counts[0] + sp.Counts[1] + sp.Counts[2]
	if b := SeverityBand(q.Severity); b >= 0 {
		p.Total = sp.Counts[b]
	}
	as := Compute(sp.Facts, q.AsOf, cfg)
	if offset < len(as) {
		p.Items = as[offset:min(len(as), offset+q.PageSize)]
	}
	return p, nil
}
