package ui

import (
	"context"
	"github.com/yanhe/captrack/calendar"
	"time"

	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// Store is what the UI needs of storage. *store.DB implements it and
// cmd wires it in, so that the UI does not depend on package store.
type Store interface {
	httpx.Store
	alerts.PageSource
	TimeZone() *time.Location

	// sessions and passwords
	UserByToken(ctx context.Context, token string) (model.User, error)
	Login(ctx context.Context, name, password, addr string) (model.User, error)
	IssueToken(ctx context.Context, userID uint, ttl time.Duration) (string, error)
	RevokeToken(ctx context.Context, token string) error
	ChangePassword(ctx context.Context, name, old, password string) error

	// projects, milestones, progress
	ListProjects(ctx context.Context, f model.ProjectFilter) ([]model.ProjectView, int64, error)
	ProjectPlanAsOf(ctx context.Context, id uint, d model.Date) (model.Project, string, error)
	Dashboard(ctx context.Context, q model.AlertQuery) (model.Dashboard, error)
	ProjectStates(ctx context.Context, q model.AlertQuery) (map[uint]model.ProjectState, error)
	SpendFacts(ctx context.Context, asOf model.Date, ids []uint) (map[uint]model.SpendFact, error)
	ProjectFilterOptions(ctx context.Context, d model.Date) (model.FilterOptions, error)
	ProjectAudit(ctx context.Context, projectID uint) ([]model.AuditEntry, error)
	MilestonesAsOf(ctx context.Context, projectID uint, d model.Date) ([]model.Milestone, error)
	ProgressAsOf(ctx context.Context, projectID uint, d model.Date) ([]model.ProgressReport, error)
	UpdateMilestone(ctx context.Context, a model.Actor, id uint, upd model.MilestoneUpdate) (model.Milestone, error)
	AddProgressReport(ctx context.Context, a model.Actor, projectID uint, r model.ProgressReport, photos ...model.Photo) (model.ProgressReport, error)

	// 序时进度 lamps
	PaceLamps() model.PaceLamps
	PaceCounts(ctx context.Context, asOf model.Date) (map[string]model.PaceCounts, error)
	ProjectsWithLamp(ctx context.Context, asOf model.Date, lamp string) ([]uint, error)

	// money
	SpendLamps() model.SpendLamps
	ProjectMoney(ctx context.Context, projectID uint, d model.Date) (model.ProjectMoney, error)
	GetPayment(ctx context.Context, id uint) (model.Disbursement, error)
	CreatePayment(ctx context.Context, actor model.Actor, d model.Disbursement, confirmOver bool) (model.Disbursement, error)
	CorrectPayment(ctx context.Context, actor model.Actor, id uint, upd model.PaymentUpdate) (model.Disbursement, error)
	ReversePayment(ctx context.Context, actor model.Actor, id uint, version int, date model.Date, reason string) (model.Disbursement, error)
	CreateFund(ctx context.Context, actor model.Actor, f model.Fund) (model.Fund, error)
	FundingSources(ctx context.Context) ([]model.FundingSource, error)

	// 督办 and 通报
	Bulletins(ctx context.Context) ([]model.Bulletin, error)
	RaiseSupervisions(ctx context.Context, a model.Actor, r model.SupervisionRaise) ([]model.Supervision, error)
	OpenSupervisionCounts(ctx context.Context, ids []uint) (map[uint]int, error)
	SupervisionFilterOptions(ctx context.Context) (units, supervisors []string, err error)

	// site photos
	ProjectPhotos(ctx context.Context, projectID uint) ([]model.ReportPhoto, error)

	// the working-day calendar
	Calendar(ctx context.Context) (*calendar.Calendar, error)
	CalendarImports(ctx context.Context) ([]model.CalendarYear, error)
	UncoveredDeadlines(ctx context.Context) (map[int]int, error)

	// import batches and their revert
	Batches
}
