package model

import (
	"encoding/json"
	"time"
)

// ImportJob is an import the web UI runs in the background: a preview
// of uploaded workbooks or the apply of a pending upload. It lives in
// the database, so that whichever server a user's next request reaches
// shows how far it has come and, once it has ended, its outcome.
type ImportJob struct {
	ID     string `gorm:"primaryKey;size:32"` // random, 32 hex digits
	UserID uint   `gorm:"index;not null"`
	Action string `gorm:"size:16;not null"` // JobPreview or JobApply
	State  string `gorm:"size:16;not null"` // JobRunning, JobDone or JobFailed
	// RowsDone are the rows read so far of all the job's workbooks, of
	// the RowsEstimated their sheets' dimensions declare (0: none yet).
	RowsDone, RowsEstimated int
	// Files names the workbooks (JSON list; see FileNames).
	Files      string `gorm:"type:text"`
	ReportDate Date
	// Once done: Result is the import's report (JSON; see Report);
	// UploadID, when not "", the pending upload it offers to apply,
	// until UploadExpires; Conflict marks an apply refused because the
	// records changed since its preview, whose Result is the import
	// previewed anew.
	Result        string `gorm:"type:text"`
	UploadID      string `gorm:"size:32"`
	UploadExpires time.Time
	Conflict      bool
	// Once failed (see Fail and Err): the error's kind, the message the
	// user sees and, when the error asks to wait before trying again (a
	// server whose import slots are all busy), how long.
	ErrorKind  string `gorm:"size:32"`
	Error      string `gorm:"type:text"`
	RetryAfter time.Duration
	CreatedAt  time.Time
	UpdatedAt  time.Time
	ExpiresAt  time.Time `gorm:"index;not null"`
}

// Import job actions and states.
const (
	JobPreview = "preview"
	JobApply   = "apply"

	JobRunning = "running"
	JobDone    = "done"
	JobFailed  = "failed"
)

// A running job writes its progress at least every JobHeartbeat; one
// whose progress has stood still for JobStale is taken for lost with
// its server (which stopped, or was killed, while it ran).
const (
	JobHeartbeat = 10 * time.Second
	JobStale     = 6 * JobHeartbeat
)

// jobLost is the message of a job lost with its server.
const jobLost = "导入未能完成：处理该导入的服务器已停止。请重新上传；若是确认导入，请先在项目列表中核对数据是否已导入"

// AsSeen returns j as its user sees it at now: a running job lost with
// its server (JobStale) is failed.
func (j ImportJob) AsSeen(now time.Time) ImportJob {
	if j.State == JobRunning && now.Sub(j.UpdatedAt) > JobStale {
		j.Fail(E(EUnavailable, "model.ImportJob", jobLost))
	}
	return j
}

// Fail records that j failed with err: its kind, the message a user may
// see (Message) and its RetryAfterOf.
func (j *ImportJob) Fail(err error) {
	j.State, j.ErrorKind, j.Error, j.RetryAfter = JobFailed, Kind(err), Message(err), RetryAfterOf(err)
}

// Err is the error a failed job j recorded (Fail), as its user sees it.
func (j ImportJob) Err() error {
	return &Error{Kind: j.ErrorKind, Op: "model.ImportJob", Message: j.Error, RetryAfter: j.RetryAfter}
}

// FileNames are the names of j's workbooks.
func (j ImportJob) FileNames() []string {
	var names []string
	if j.Files != "" {
		_ = json.Unmarshal([]byte(j.Files), &names) // written by SetFileNames only
	}
	return names
}

// SetFileNames makes names the names of j's workbooks.
func (j *ImportJob) SetFileNames(names []string) {
	b, _ := json.Marshal(names) // strings always marshal
	j.Files = string(b)
}

// Report is the report of j's import, once done.
func (j ImportJob) Report() ImportResult {
	var r ImportResult
	if j.Result != "" {
		_ = json.Unmarshal([]byte(j.Result), &r) // written by SetReport only
	}
	return r
}

// SetReport makes r the report of j's import.
func (j *ImportJob) SetReport(r ImportResult) {
	b, _ := json.Marshal(r) // plain values always marshal
	j.Result = string(b)
}
