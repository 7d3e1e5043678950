package httpx

import (
	"cmp"
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/model"
)

// Jobs runs the UI's imports in the background (StartJob), within the
// server's context: when it ends, with the server, they stop and are
// recorded as failed. Wait waits until every job has ended.
type Jobs struct {
	ctx context.Context
	wg  sync.WaitGroup
}

// NewJobs returns the runner of jobs that stop when ctx ends.
func NewJobs(ctx context.Context) *Jobs { return &Jobs{ctx: ctx} }

// Wait waits until every job started has ended and recorded its outcome.
func (js *Jobs) Wait() { js.wg.Wait() }

// JobTick is how often, at most, a running job writes its progress to
// the database; it writes it at least every model.JobHeartbeat.
const JobTick = 250 * time.Millisecond

// finishWait bounds the writing of a job's outcome, which happens even
// when the server is stopping.
const finishWait = 10 * time.Second

// JobWork is the import a job runs as by, whose Progress the job reads:
// it records its outcome in job (SetReport, UploadID, …); an error it
// returns fails the job.
type JobWork func(ctx context.Context, by Importing, job *model.ImportJob) error

// StartJob records job (its action, files and report date) as running
// for the request's user, and runs work for it in the background on
// opts.Jobs within opts' import bounds: the import's progress is written
// to the job as it comes, at most every JobTick, and its outcome when it
// ends. It returns the job recorded, and a channel that receives the job
// once it has ended, as recorded.
func StartJob(c *gin.Context, db Store, opts Options, job model.ImportJob, work JobWork) (model.ImportJob, <-chan model.ImportJob, error) {
	by := ImportingOf(c)
	job.UserID = by.User.ID
	job, err := db.CreateImportJob(c.Request.Context(), job, jobTTL(opts))
	if err != nil {
		return job, nil, err
	}
	done := make(chan model.ImportJob, 1)
	js := opts.Jobs
	js.wg.Add(1)
	go func() {
		defer js.wg.Done()
		done <- js.run(db, opts, by, job, work)
	}()
	return job, done, nil
}

// jobTTL is how long a job is kept: as long as the upload it may offer,
// and at least as long as an import may run.
func jobTTL(opts Options) time.Duration {
	return max(opts.UploadTTL, cmp.Or(opts.ImportTimeout, importer.DefaultTimeout)+model.JobStale)
}

// errStopped is a job's error when the server stopped it.
var errStopped = model.E(model.EUnavailable, "httpx.Jobs", "服务器正在停止，导入已中止，未写入任何数据：请稍后重新上传")

// run runs job's work and records its outcome.
func (js *Jobs) run(db Store, opts Options, by Importing, job model.ImportJob, work JobWork) model.ImportJob {
	var m meter
	by.Progress = m.add
	stop, written := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(written)
		m.write(js.ctx, db, opts, job.ID, stop)
	}()
	err := safely(func() error { return work(js.ctx, by, &job) })
	close(stop)
	<-written
	job.RowsDone, job.RowsEstimated, _ = m.read()
	job.State = model.JobDone
	if err != nil {
		if js.ctx.Err() != nil {
			err = errStopped
		}
		err = opts.Fault(err)
		switch kind := model.Kind(err); kind {
		case model.EInternal, model.ENoSpace, model.EReadOnly:
			opts.Logger.Error("ui: import job: "+kind+" error", "job", job.ID, "user", by.User.Name, "err", err)
		}
		job.Fail(err)
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(js.ctx), finishWait)
	defer cancel()
	if err := db.FinishImportJob(ctx, job, jobTTL(opts)); err != nil {
		opts.Logger.Error("ui: recording an import job's outcome", "job", job.ID, "err", opts.Fault(err))
	}
	return job
}

// safely runs fn, turning a panic into an internal error: a job's
// goroutine has no recovery of gin's above it.
func safely(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = model.Wrap("httpx.Jobs", fmt.Errorf("panic: %v", v))
		}
	}()
	return fn()
}

// meter sums up the importer's progress over a job's workbooks, which
// it reads one after the other.
type meter struct {
	mu sync.Mutex
	// base is the rows of the workbooks read before cur.
	base int
	cur  importer.Progress
	seq  int // how many progresses were added
}

// add takes the importer's progress p (on the goroutine that parses).
func (m *meter) add(p importer.Progress) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cur.File != "" && (p.File != m.cur.File || m.cur.Done) {
		m.base += m.cur.Rows
	}
	m.cur = p
	m.seq++
}

// read returns the rows read, of the rows estimated so far, and how many
// progresses were added.
func (m *meter) read() (rows, estimate, seq int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.base + m.cur.Rows, m.base + max(m.cur.Estimate, m.cur.Rows), m.seq
}

// write writes m's progress to job id every JobTick when it moved, and
// every model.JobHeartbeat when it did not, until stop is closed or ctx
// ends. The parse never waits for it.
func (m *meter) write(ctx context.Context, db Store, opts Options, id string, stop <-chan struct{}) {
	tick := time.NewTicker(JobTick)
	defer tick.Stop()
	wrote, last := 0, time.Now()
	for {
		select {
		case <-stop:
			return
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		rows, estimate, seq := m.read()
		if seq == wrote && time.Since(last) < model.JobHeartbeat {
			continue
		}
		if err := db.ImportJobProgress(ctx, id, rows, estimate); err != nil && ctx.Err() == nil {
			opts.Logger.Warn("ui: writing an import job's progress", "job", id, "err", opts.Fault(err))
		}
		wrote, last = seq, time.Now()
	}
}
