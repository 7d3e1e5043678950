package httpx

import (
	"context"
	"github.com/yanhe/captrack/calendar"
	"time"

	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// Store is what the shared guards, downloads and import flow need of
// storage. *store.DB implements it and cmd wires it in, so that httpx,
// and the UI through it, do not depend on package store.
type Store interface {
	importer.Store
	reports.BulletinSource
	ProjectUnit(ctx context.Context, id uint) (string, error)
	GetMilestone(ctx context.Context, id uint) (model.Milestone, error)
	SupervisionByID(ctx context.Context, id uint) (model.SupervisionView, error)
	StepSupervision(ctx context.Context, a model.Actor, id uint, action string, req model.SupervisionStep) (model.Supervision, error)
	GetProgressReport(ctx context.Context, id uint) (model.ProgressReport, error)
	AddPhoto(ctx context.Context, a model.Actor, reportID uint, p model.Photo) (model.Photo, error)
	Photo(ctx context.Context, id uint, thumb bool) (model.Photo, error)
	SaveUpload(ctx context.Context, u model.PendingUpload, ttl time.Duration) (model.PendingUpload, error)
	TakeUpload(ctx context.Context, id string, userID uint) (model.PendingUpload, error)
	CreateImportJob(ctx context.Context, j model.ImportJob, ttl time.Duration) (model.ImportJob, error)
	ImportJobProgress(ctx context.Context, id string, rows, estimate int) error
	FinishImportJob(ctx context.Context, j model.ImportJob, ttl time.Duration) error
	ImportJob(ctx context.Context, id string, userID uint) (model.ImportJob, error)
	ImportCalendarYear(ctx context.Context, a model.Actor, name string, b []byte) (calendar.Year, error)
}
