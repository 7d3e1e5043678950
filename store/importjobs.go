package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Import jobs (model.ImportJob) are the web's imports running in the
// background: CreateImportJob records one as running, ImportJobProgress
// says how far it has come, FinishImportJob records its outcome,
// ImportJob shows it to its user on any server, SweepImportJobs removes
// the expired.
//
// On PostgreSQL every progress is written to the job's row. On SQLite
// the import's own transaction holds the one writer for as long as the
// import runs, so that no progress could be written before the import
// ends: there the progress of a running job is kept by this handle (a
// SQLite database is served by one process) and ImportJob reads it
// from there; the row has it once the job ends.

// errNoJob is the answer for a job that is not there for the user
// asking: never was, expired, or another user's.
var errNoJob = model.E(model.ENotFound, "store.ImportJob", "导入任务不存在或已过期，请重新上传")

// jobProgress is a running job's progress kept in memory (SQLite).
type jobProgress struct {
	rows, estimate int
	at             time.Time
}

// jobProgresses are the running jobs' progress of a SQLite handle.
type jobProgresses struct {
	mu   sync.Mutex
	jobs map[string]jobProgress
}

// CreateImportJob records j as running for ttl and returns it with its
// new ID and times. Expired jobs are swept first.
func (s *DB) CreateImportJob(ctx context.Context, j model.ImportJob, ttl time.Duration) (model.ImportJob, error) {
	const op = "store.CreateImportJob"
	b := make([]byte, 16)
	rand.Read(b)
	j.ID = hex.EncodeToString(b)
	j.State = model.JobRunning
	j.CreatedAt = s.Now().UTC()
	j.UpdatedAt = j.CreatedAt
	j.ExpiresAt = j.CreatedAt.Add(ttl)
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("expires_at <= ?", j.CreatedAt).Delete(&model.ImportJob{}).Error; err != nil {
			return err
		}
		return tx.Create(&j).Error
	})
	if err != nil {
		return model.ImportJob{}, model.Wrap(op, err)
	}
	return j, nil
}

// ImportJobProgress records that running job id has read rows of the
// estimate rows of its workbooks; it also says that the job's server
// still runs it (model.ImportJob.Lost), so that the caller writes it at
// least every model.JobHeartbeat, and, being a write, at a bounded rate.
func (s *DB) ImportJobProgress(ctx context.Context, id string, rows, estimate int) error {
	now := s.Now().UTC()
	if !s.Postgres {
		s.progress.mu.Lock()
		defer s.progress.mu.Unlock()
		if s.progress.jobs == nil {
			s.progress.jobs = map[string]jobProgress{}
		}
		s.progress.jobs[id] = jobProgress{rows: rows, estimate: estimate, at: now}
		return nil
	}
	err := s.conn(ctx).Model(&model.ImportJob{}).Where("id = ? AND state = ?", id, model.JobRunning).
		Updates(map[string]any{"rows_done": rows, "rows_estimated": estimate, "updated_at": now}).Error
	return model.Wrap("store.ImportJobProgress", err)
}

// FinishImportJob records the outcome of running job j (its state,
// progress, report, upload, error) and keeps it for ttl from now.
func (s *DB) FinishImportJob(ctx context.Context, j model.ImportJob, ttl time.Duration) error {
	now := s.Now().UTC()
	s.progress.mu.Lock()
	delete(s.progress.jobs, j.ID)
	s.progress.mu.Unlock()
	err := s.conn(ctx).Model(&model.ImportJob{}).Where("id = ? AND state = ?", j.ID, model.JobRunning).
		Select("state", "rows_done", "rows_estimated", "result", "upload_id", "upload_expires", "conflict", "error_kind", "error", "retry_after", "updated_at", "expires_at").
		Updates(model.ImportJob{State: j.State, RowsDone: j.RowsDone, RowsEstimated: j.RowsEstimated, Result: j.Result, UploadID: j.UploadID, UploadExpires: j.UploadExpires,
			Conflict: j.Conflict, ErrorKind: j.ErrorKind, Error: j.Error, RetryAfter: j.RetryAfter, UpdatedAt: now, ExpiresAt: now.Add(ttl)}).Error
	return model.Wrap("store.FinishImportJob", err)
}

// ImportJob returns job id of user userID as he sees it now
// (model.ImportJob.AsSeen), with its progress so far while it runs;
// ENotFound when it is not there for him.
func (s *DB) ImportJob(ctx context.Context, id string, userID uint) (model.ImportJob, error) {
	var j model.ImportJob
	err := s.reader(ctx).Where("id = ? AND user_id = ? AND expires_at > ?", id, userID, s.Now().UTC()).Take(&j).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return j, errNoJob
	}
	if err != nil {
		return j, model.Wrap("store.ImportJob", err)
	}
	s.progress.mu.Lock()
	p, ok := s.progress.jobs[id]
	s.progress.mu.Unlock()
	if ok && j.State == model.JobRunning {
		j.RowsDone, j.RowsEstimated, j.UpdatedAt = p.rows, p.estimate, p.at
	}
	return j.AsSeen(s.Now().UTC()), nil
}

// SweepImportJobs removes the jobs expired by now and returns how many.
func (s *DB) SweepImportJobs(ctx context.Context) (int, error) {
	res := s.conn(ctx).Where("expires_at <= ?", s.Now().UTC()).Delete(&model.ImportJob{})
	return int(res.RowsAffected), model.Wrap("store.SweepImportJobs", res.Error)
}
