package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store/storetest"
)

// TestImportJobs: a job created through one handle is seen through
// another on the same database (both engines), by its user only: its
// progress while it runs (through the handle writing it; through the
// other too on PostgreSQL), then its outcome, a failure with its kind,
// message and retry delay; a job whose progress stood still for
// model.JobStale is failed; expired jobs are swept.
func TestImportJobs(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, b := storetest.Open(t, dsn), storetest.Open(t, dsn)
		now := time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
		a.Now = func() time.Time { return now }
		b.Now = a.Now

		j := model.ImportJob{UserID: 1, Action: model.JobPreview}
		j.SetFileNames([]string{"附件1.xlsx"})
		j, err := a.CreateImportJob(ctx, j, time.Hour)
		if err != nil || len(j.ID) != 32 || j.State != model.JobRunning {
			t.Fatalf("created %+v, %v; want a running job with a 32-digit id", j, err)
		}
		if err := a.ImportJobProgress(ctx, j.ID, 1000, 6001); err != nil {
			t.Fatal(err)
		}
		if got, err := a.ImportJob(ctx, j.ID, 1); err != nil || got.RowsDone != 1000 || got.RowsEstimated != 6001 || got.State != model.JobRunning {
			t.Errorf("running job through its writer: %+v, %v; want 1000 of 6001 rows", got, err)
		}
		if a.Postgres {
			if got, err := b.ImportJob(ctx, j.ID, 1); err != nil || got.RowsDone != 1000 {
				t.Errorf("running job through another handle: %+v, %v; want 1000 rows", got, err)
			}
		}
		if _, err := b.ImportJob(ctx, j.ID, 2); model.Kind(err) != model.ENotFound {
			t.Errorf("another user's job: %v, want not found", err)
		}

		j.State, j.RowsDone, j.RowsEstimated, j.UploadID = model.JobDone, 6001, 6001, "u1"
		j.SetReport(model.ImportResult{Created: 6000, Digest: "d"})
		if err := a.FinishImportJob(ctx, j, time.Hour); err != nil {
			t.Fatal(err)
		}
		got, err := b.ImportJob(ctx, j.ID, 1)
		if err != nil || got.State != model.JobDone || got.RowsDone != 6001 || got.UploadID != "u1" || got.Report().Created != 6000 || got.FileNames()[0] != "附件1.xlsx" {
			t.Errorf("ended job through another handle: %+v, %v", got, err)
		}

		busy, err := a.CreateImportJob(ctx, model.ImportJob{UserID: 1, Action: model.JobPreview}, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		busy.Fail(&model.Error{Kind: model.EUnavailable, Op: "test", Message: "服务器正忙", RetryAfter: 30 * time.Second})
		if err := a.FinishImportJob(ctx, busy, time.Hour); err != nil {
			t.Fatal(err)
		}
		got, err = b.ImportJob(ctx, busy.ID, 1)
		if err != nil || got.State != model.JobFailed || model.Kind(got.Err()) != model.EUnavailable || model.Message(got.Err()) != "服务器正忙" || model.RetryAfterOf(got.Err()) != 30*time.Second {
			t.Errorf("failed job through another handle: %+v, %v; want unavailable, its message and a retry after 30 s", got, err)
		}

		lost, err := a.CreateImportJob(ctx, model.ImportJob{UserID: 1, Action: model.JobApply}, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		now = now.Add(model.JobStale + time.Second)
		if got, err := b.ImportJob(ctx, lost.ID, 1); err != nil || got.State != model.JobFailed || got.ErrorKind != model.EUnavailable {
			t.Errorf("job still at its start after JobStale: %+v, %v; want failed", got, err)
		}
		now = now.Add(time.Hour)
		if n, err := b.SweepImportJobs(ctx); err != nil || n != 3 {
			t.Errorf("swept %d (%v), want the three jobs", n, err)
		}
		if _, err := a.ImportJob(ctx, j.ID, 1); model.Kind(err) != model.ENotFound {
			t.Errorf("swept job: %v, want not found", err)
		}
	})
}
