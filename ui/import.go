package ui

import (
	"fmt"
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

// handleWebUpload previews the import of the uploaded workbooks and,
// when it is clean, keeps them for the confirmation.
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
		u, rep, err := httpx.Preview(c, db, opts, model.PendingUpload{ReportDate: reportDate, Files: files}, pw)
		if err != nil {
			return err
		}
		d := importData{MaxMiB: opts.MaxUpload >> 20, ReportDate: reportDate.String(), Preview: newPreview(u, rep, false)}
		return render(c, tpl, http.StatusOK, "import", newPage(c, "数据导入", "import", d))
	}
}

// handleWebApply imports the pending upload :id for real. When the
// records changed since its preview, so that the import would now do
// otherwise, nothing is written and the import as it now stands is
// previewed again, to be confirmed anew.
func handleWebApply(db Store, tpl *Templates, opts httpx.Options) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		u, rep, err := httpx.Apply(c, db, opts, c.Param("id"))
		if model.Kind(err) == model.EConflict && len(u.Files) > 0 {
			again := model.PendingUpload{Kind: u.Kind, ReportDate: u.ReportDate, Files: u.Files, Decisions: u.Decisions}
			if again, rep, err = httpx.Preview(c, db, opts, again, ""); err != nil {
				return err
			}
			p := newPage(c, "数据导入", "import", importData{MaxMiB: opts.MaxUpload >> 20, Preview: newPreview(again, rep, false)})
			p.Flash = &flash{Kind: "err", Text: "自预览以来数据已有变化，未导入任何数据。下面是按当前数据重新生成的预览，请核对后再确认。"}
			return render(c, tpl, http.StatusConflict, "import", p)
		}
		if err != nil {
			return err
		}
		p := newPage(c, "数据导入", "import", importData{MaxMiB: opts.MaxUpload >> 20, Preview: newPreview(u, rep, true)})
		if !rep.Failed() {
			p.Flash = &flash{Kind: "ok", Text: fmt.Sprintf("导入完成：新增 %d，更新 %d，未变 %d。", rep.Created, rep.Updated, rep.Unchanged)}
		}
		return render(c, tpl, http.StatusOK, "import", p)
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
		u, rep, err := httpx.Decide(c, db, opts, c.Param("id"), d)
		if err != nil {
			return err
		}
		return render(c, tpl, http.StatusOK, "import", newPage(c, "数据导入", "import", importData{MaxMiB: opts.MaxUpload >> 20, Preview: newPreview(u, rep, false)}))
	}
}
