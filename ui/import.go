package ui

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// The import page: upload workbooks, see the dry run, confirm. A clean
// dry run keeps the workbooks in the database as a pending upload (see
// httpx.Preview) under a random id, the only thing the browser sends
// back; confirming applies it on whichever server the request reaches.
// Each dry run and apply runs as a job (httpx.StartJob), whose page
// (/import/jobs/:id) shows how far it has come, on any server, and then
// its outcome.

type importPreview struct {
	ID      string
	Expires time.Time
	Files   []string
	Report  model.ImportResult
	Applied bool
}

type importData struct {
	MaxMiB     int64
	ReportDate string
	Preview    *importPreview
}

// newPreview is the preview of upload u's import report rep.
func newPreview(u model.PendingUpload, rep model.ImportResult, applied bool) *importPreview {
	p := &importPreview{ID: u.ID, Expires: u.ExpiresAt, Report: rep, Applied: applied}
	for _, f := range u.Files {
		p.Files = append(p.Files, f.Name)
	}
	return p
}

// handleImportPage shows the upload form.
func handleImportPage(tpl *Templates, maxUpload int64) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		return render(c, tpl, http.StatusOK, "import", newPage(c, "数据导入", "import", importData{MaxMiB: maxUpload >> 20}))
	}
}

// handleWebUpload previews the import of the uploaded workbooks as a
// job and, when it is clean, keeps them for the confirmation.
func handleWebUpload(db Store, tpl *Templates, opts httpx.Options) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		form, err := c.MultipartForm()
		if err != nil {
			return httpx.UploadError(err)
		}
		defer form.RemoveAll()
		reportDate, err := formDate(c, "report_date", "月报截至日期")
		if err != nil {
			return err
		}
		pw := c.PostForm("password")
		files, err := httpx.UploadedWorkbooks(form.File["files"], pw)
		if err != nil {
			return err
		}
		u := model.PendingUpload{ReportDate: reportDate, Files: files}
		if err := u.Validate(); err != nil {
			return err
		}
		return startImport(c, db, tpl, opts, model.JobPreview, u, func(ctx context.Context, by httpx.Importing, job *model.ImportJob) error {
			kept, rep, err := httpx.Preview(ctx, db, opts, by, u, pw)
			offer(job, kept, rep)
			return err
		})
	}
}

// handleWebApply imports the pending upload :id for real, as a job. When
// the records changed since its preview, so that the import would now do
// otherwise, nothing is written and the import as it now stands is
// previewed again, to be confirmed anew.
func handleWebApply(db Store, tpl *Templates, opts httpx.Options) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		u, err := db.TakeUpload(c.Request.Context(), c.Param("id"), httpx.CurrentUser(c).ID)
		if err != nil {
			return err
		}
		return startImport(c, db, tpl, opts, model.JobApply, u, func(ctx context.Context, by httpx.Importing, job *model.ImportJob) error {
			rep, err := httpx.RunImport(ctx, db, opts, by, u, "", false)
			if model.Kind(err) == model.EConflict {
				again := model.PendingUpload{Kind: u.Kind, ReportDate: u.ReportDate, Files: u.Files, Decisions: u.Decisions}
				again, rep, err = httpx.Preview(ctx, db, opts, by, again, "")
				job.Conflict = true
				offer(job, again, rep)
				return err
			}
			job.SetReport(rep)
			return err
		})
	}
}

// offer records in job the report rep of its preview and the pending
// upload u it keeps, if any.
func offer(job *model.ImportJob, u model.PendingUpload, rep model.ImportResult) {
	job.SetReport(rep)
	job.UploadID, job.UploadExpires = u.ID, u.ExpiresAt
}

// startImport runs work, the import of u's workbooks (action
// model.JobPreview or JobApply), as a job (httpx.StartJob). Workbooks
// smaller than opts.ImportProgressFrom are answered with the job's
// outcome once it has ended; larger ones with the job's page, which
// shows the import's progress and then its outcome.
func startImport(c *gin.Context, db Store, tpl *Templates, opts httpx.Options, action string, u model.PendingUpload, work httpx.JobWork) error {
	job := model.ImportJob{Action: action, ReportDate: u.ReportDate}
	var size int64
	names := make([]string, len(u.Files))
	for i, f := range u.Files {
		names[i] = f.Name
		size += int64(len(f.Data))
	}
	job.SetFileNames(names)
	job, done, err := httpx.StartJob(c, db, opts, job, work)
	if err != nil {
		return err
	}
	if size >= opts.ImportProgressFrom {
		c.Redirect(http.StatusSeeOther, jobPath(job.ID))
		return nil
	}
	select {
	case job = <-done:
		return renderJob(c, tpl, opts, job)
	case <-c.Request.Context().Done(): // the client left; the job goes on
		return nil
	}
}

// jobPath is the page of job id.
func jobPath(id string) string { return "/import/jobs/" + id }

// jobPage is the data of the page of a running job.
type jobPage struct {
	model.ImportJob
	Files []string
}

// renderJob answers with job: while it runs, the page of its progress;
// once failed, the error page; once done, the import page with its
// outcome.
func renderJob(c *gin.Context, tpl *Templates, opts httpx.Options, job model.ImportJob) error {
	switch job.State {
	case model.JobRunning:
		return render(c, tpl, http.StatusOK, "importjob", newPage(c, "数据导入", "import", jobPage{ImportJob: job, Files: job.FileNames()}))
	case model.JobFailed:
		// Logged when it failed: rendered here, not returned.
		err := job.Err()
		httpx.SetRetryAfter(c, err)
		pageErrors(tpl)(c, httpx.StatusOf(job.ErrorKind), err)
		return nil
	}
	rep := job.Report()
	preview := &importPreview{ID: job.UploadID, Expires: job.UploadExpires, Files: job.FileNames(), Report: rep, Applied: job.Action == model.JobApply && !job.Conflict}
	d := importData{MaxMiB: opts.MaxUpload >> 20, Preview: preview}
	if job.Action == model.JobPreview {
		d.ReportDate = job.ReportDate.String()
	}
	p := newPage(c, "数据导入", "import", d)
	status := http.StatusOK
	switch {
	case job.Conflict:
		status = http.StatusConflict
		p.Flash = &flash{Kind: "err", Text: "自预览以来数据已有变化，未导入任何数据。下面是按当前数据重新生成的预览，请核对后再确认。"}
	case preview.Applied && !rep.Failed():
		p.Flash = &flash{Kind: "ok", Text: "导入完成：" + rep.Summary() + "。"}
	}
	return render(c, tpl, status, "import", p)
}

// handleImportJob shows the user's job :id: its progress while it runs,
// then its outcome.
func handleImportJob(db Store, tpl *Templates, opts httpx.Options) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		job, err := db.ImportJob(c.Request.Context(), c.Param("id"), httpx.CurrentUser(c).ID)
		if err != nil {
			return err
		}
		return renderJob(c, tpl, opts, job)
	}
}

// jobStatus is the answer of a job's status, for static/import.js.
type jobStatus struct {
	State         string `json:"state"` // model.JobRunning, JobDone or JobFailed
	RowsDone      int    `json:"rows_done"`
	RowsEstimated int    `json:"rows_estimated"`
}

// handleImportJobStatus answers how far the user's job :id has come.
func handleImportJobStatus(db Store) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		job, err := db.ImportJob(c.Request.Context(), c.Param("id"), httpx.CurrentUser(c).ID)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, jobStatus{State: job.State, RowsDone: job.RowsDone, RowsEstimated: job.RowsEstimated})
		return nil
	}
}

// decisionField prefixes the form field of a row's decision: its value
// is the code of the project to update, or "new".
const decisionField = "row:"

// handleWebDecide previews the pending upload :id again with the
// decisions taken on its rows that resemble stored projects (更新该项目
// or 新建项目), kept for the confirmation.
func handleWebDecide(db Store, tpl *Templates, opts httpx.Options) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		if err := c.Request.ParseForm(); err != nil {
			return model.E(model.EInvalid, "web.import", "表单无法读取")
		}
		var d model.MatchDecisions
		for key, values := range c.Request.PostForm {
			row, ok := strings.CutPrefix(key, decisionField)
			if !ok || len(values) != 1 {
				continue
			}
			var err error
			if values[0] == "new" {
				err = d.AddNew(row)
			} else {
				err = d.AddMatch(row + "=" + values[0])
			}
			if err != nil {
				return err
			}
		}
		u, err := db.TakeUpload(c.Request.Context(), c.Param("id"), httpx.CurrentUser(c).ID)
		if err != nil {
			return err
		}
		u = httpx.Decided(u, d)
		return startImport(c, db, tpl, opts, model.JobPreview, u, func(ctx context.Context, by httpx.Importing, job *model.ImportJob) error {
			kept, rep, err := httpx.Preview(ctx, db, opts, by, u, "")
			offer(job, kept, rep)
			return err
		})
	}
}
