package api

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// importResponse is an import's report; when it has errors, the answer is
// 422 and "error" sums them up.
type importResponse struct {
	Error  string `json:"error,omitempty" doc:"有错误时（422）的概述"`
	DryRun bool   `json:"dry_run" doc:"只预览，未写入"`
	model.ImportResult
}

// handleImport imports the uploaded workbooks (multipart field "file",
// one or more) all-or-nothing. Query parameters: dry_run=true to
// preview without writing, kind (plan, progress, ledger, budget; default
// detected), report_date (YYYY-MM-DD) for progress returns, password
// (form field) for workbooks with an open password.
func handleImport(db *store.DB) httpx.HandlerFunc {
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
		files := make([]importer.File, len(headers))
		for i, h := range headers {
			f, err := h.Open()
			if err != nil {
				return model.Wrap("api.import", err)
			}
			defer f.Close()
			files[i] = importer.File{Name: h.Filename, R: f}
		}
		u := httpx.CurrentUser(c)
		rep, err := importer.Import(c.Request.Context(), db, files,
			importer.Options{Kind: importer.Kind(kind), ReportDate: reportDate, Password: c.PostForm("password")},
			model.ApplyOptions{Actor: httpx.Actor(c), DryRun: dryRun, As: &u})
		if err != nil {
			return err
		}
		out := importResponse{DryRun: dryRun, ImportResult: rep}
		if len(rep.Errors) > 0 {
			out.Error = fmt.Sprintf("导入发现 %d 处错误，未写入任何数据", len(rep.Errors))
			c.JSON(http.StatusUnprocessableEntity, out)
			return nil
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}
