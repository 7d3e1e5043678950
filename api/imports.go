package api

import (
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// importResponse is an import's report; when it has errors, the answer is
// 422 and "error" sums them up. A clean dry run names the pending upload
// that POST /imports/{id}/apply imports, and when it expires.
type importResponse struct {
	Error     string     `json:"error,omitempty" doc:"有错误时（422）的概述"`
	DryRun    bool       `json:"dry_run" doc:"只预览，未写入"`
	UploadID  string     `json:"upload_id,omitempty" doc:"无错误的试导入保留的工作簿，用 POST /imports/{id}/apply 导入"`
	ExpiresAt *time.Time `json:"expires_at,omitempty" doc:"保留的工作簿的失效时间"`
	model.ImportResult
}

// handleImport imports the uploaded workbooks (multipart field "file",
// one or more) all-or-nothing. Query parameters: dry_run=true to
// preview without writing (a clean preview is kept for ttl, to apply
// without uploading again), digest (a preview's) to write only if the
// import still comes to it (409 otherwise), kind (plan, progress, ledger, budget; default
// detected), report_date (YYYY-MM-DD) for progress returns; form fields
// password for workbooks with an open password, and the decisions on
// rows resembling stored projects: match (ROW=CODE), new (ROW), new_all.
func handleImport(db *store.DB, opts httpx.Options) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		form, err := c.MultipartForm()
		if err != nil {
			return httpx.UploadError(err)
		}
		defer form.RemoveAll()
		dryRun, err := httpx.QueryBool(c, "dry_run")
		if err != nil {
			return err
		}
		kind, err := httpx.OneOf(c, "kind", string(importer.KindPlan), string(importer.KindProgress), string(importer.KindLedger), string(importer.KindBudget))
		if err != nil {
			return err
		}
		reportDate, err := httpx.QueryDate(c, "report_date", model.Date{})
		if err != nil {
			return err
		}
		headers := form.File["file"]
		if len(headers) == 0 {
			return model.E(model.EInvalid, "api.import", "请上传工作簿（表单字段 file）")
		}
		pw := c.PostForm("password")
		files, err := httpx.UploadedWorkbooks(headers, pw)
		if err != nil {
			return err
		}
		u := model.PendingUpload{Kind: kind, ReportDate: reportDate, Files: files, Digest: c.Query("digest")}
		var d model.MatchDecisions
		for _, m := range form.Value["match"] {
			if err := d.AddMatch(m); err != nil {
				return err
			}
		}
		for _, n := range form.Value["new"] {
			if err := d.AddNew(n); err != nil {
				return err
			}
		}
		d.NewAll = c.PostForm("new_all") == "true"
		u.SetDecisions(d)
		var rep model.ImportResult
		ctx, by := c.Request.Context(), httpx.ImportingOf(c)
		if dryRun {
			u, rep, err = httpx.Preview(ctx, db, opts, by, u, pw)
		} else if err = u.Validate(); err == nil {
			rep, err = httpx.RunImport(ctx, db, opts, by, u, pw, false)
		}
		if err != nil {
			return err
		}
		return answerImport(c, u, rep, dryRun)
	}
}

// handleApplyImport imports the pending upload :id of a clean dry run.
func handleApplyImport(db *store.DB, opts httpx.Options) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		by := httpx.ImportingOf(c)
		u, err := db.TakeUpload(c.Request.Context(), c.Param("id"), by.User.ID)
		if err != nil {
			return err
		}
		rep, err := httpx.RunImport(c.Request.Context(), db, opts, by, u, "", false)
		if err != nil {
			return err
		}
		return answerImport(c, u, rep, false)
	}
}

// answerImport answers import report rep of upload u: 422 when it has
// errors, else 200 with, for a kept preview, the upload's id.
func answerImport(c *gin.Context, u model.PendingUpload, rep model.ImportResult, dryRun bool) error {
	out := importResponse{DryRun: dryRun, ImportResult: rep}
	if rep.Failed() {
		out.Error = fmt.Sprintf("导入发现 %d 处错误，未写入任何数据", rep.Counts.Errors)
		c.JSON(http.StatusUnprocessableEntity, out)
		return nil
	}
	if dryRun && u.ID != "" {
		out.UploadID, out.ExpiresAt = u.ID, &u.ExpiresAt
	}
	c.JSON(http.StatusOK, out)
	return nil
}

// handleImports lists the import batches applied, newest first.
func handleImports(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		bs, err := db.ImportBatches(c.Request.Context())
		if err != nil {
			return err
		}
		out := items[model.BatchListing]{Items: make([]model.BatchListing, len(bs))}
		for i, b := range bs {
			out.Items[i] = b.Listing(db.TimeZone())
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}
