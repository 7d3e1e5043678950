package api

import (
	"context"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// importGuard applies an import only if its user may write every part of
// it: plans and indicators are the admin's, progress returns the admin's
// and the managers' (a manager's only for projects of his unit), ledgers
// and budgets the admin's and finance's. Each chunk is checked before it
// is applied; a forbidden one ends the import with nothing written.
type importGuard struct {
	db   *store.DB
	user model.User
	own  map[string]bool // a manager's projects, by "code:" and "name:" key, once loaded
}

func (g *importGuard) ApplyImportStream(ctx context.Context, next store.ImportSource, opt store.ApplyOptions) (model.ImportResult, error) {
	return g.db.ApplyImportStream(ctx, func() (*model.ImportSet, error) {
		set, err := next()
		if err == nil && set != nil {
			err = g.check(ctx, set)
		}
		return set, err
	}, opt)
}

func (g *importGuard) check(ctx context.Context, set *model.ImportSet) error {
	const op = "api.import"
	role := g.user.Role
	switch {
	case len(set.Plans)+len(set.Indicators) > 0 && role != model.RoleAdmin:
		return model.E(model.EForbidden, op, "只有管理员可以导入任务分解表")
	case len(set.Payments)+len(set.Budgets) > 0 && role != model.RoleAdmin && role != model.RoleFinance:
		return model.E(model.EForbidden, op, "只有财务人员或管理员可以导入资金拨付台账和预算表")
	case len(set.Progress) > 0 && role != model.RoleAdmin && role != model.RoleManager:
		return model.E(model.EForbidden, op, "只有项目负责人或管理员可以导入进度月报")
	case len(set.Progress) == 0 || role != model.RoleManager:
		return nil
	}
	if g.own == nil {
		ps, _, err := g.db.ListProjects(ctx, store.ProjectFilter{Unit: g.user.Unit})
		if err != nil {
			return err
		}
		g.own = make(map[string]bool, 2*len(ps))
		for _, p := range ps {
			g.own["code:"+p.Code], g.own["name:"+p.NameKey] = true, true
		}
	}
	for _, r := range set.Progress {
		if !g.own["code:"+r.ProjectCode] && !g.own["name:"+model.NormalizeName(r.ProjectName)] {
			return model.Errorf(model.EForbidden, op, "工作表“%s”第%d行的项目“%s”不属于本单位（%s），不能导入",
				r.Sheet, r.Row, r.ProjectName+r.ProjectCode, g.user.Unit)
		}
	}
	return nil
}

// importResponse is an import's report; when it has errors, the answer is
// 422 and "error" sums them up.
type importResponse struct {
	Error  string `json:"error,omitempty"`
	DryRun bool   `json:"dry_run"`
	importer.Report
}

// handleImport imports the uploaded workbooks (multipart field "file",
// one or more) all-or-nothing. Query parameters: dry_run=true to
// preview without writing, kind (plan, progress, ledger, budget; default
// detected), report_date (YYYY-MM-DD) for progress returns.
func handleImport(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		form, err := c.MultipartForm()
		if err != nil {
			abort(c, uploadError(err))
			return
		}
		defer form.RemoveAll()
		dryRun, err := queryBool(c, "dry_run")
		if err != nil {
			abort(c, err)
			return
		}
		kind, err := oneOf(c, "kind", string(importer.KindPlan), string(importer.KindProgress), string(importer.KindLedger), string(importer.KindBudget))
		if err != nil {
			abort(c, err)
			return
		}
		reportDate, err := queryDate(c, "report_date", model.Date{})
		if err != nil {
			abort(c, err)
			return
		}
		headers := form.File["file"]
		if len(headers) == 0 {
			abort(c, model.E(model.EInvalid, "api.import", "请上传工作簿（表单字段 file）"))
			return
		}
		files := make([]importer.File, len(headers))
		for i, h := range headers {
			f, err := h.Open()
			if err != nil {
				abort(c, model.Wrap("api.import", err))
				return
			}
			defer f.Close()
			files[i] = importer.File{Name: h.Filename, R: f}
		}
		u := currentUser(c)
		rep, err := importer.Import(c.Request.Context(), &importGuard{db: db, user: u}, files,
			importer.Options{Kind: importer.Kind(kind), ReportDate: reportDate},
			store.ApplyOptions{Actor: actor(c), DryRun: dryRun})
		if err != nil {
			abort(c, err)
			return
		}
		out := importResponse{DryRun: dryRun, Report: rep}
		if len(rep.Errors) > 0 {
			out.Error = fmt.Sprintf("导入发现 %d 处错误，未写入任何数据", len(rep.Errors))
			c.JSON(http.StatusUnprocessableEntity, out)
			return
		}
		c.JSON(http.StatusOK, out)
	}
}

// uploadError explains a multipart body that could not be read.
func uploadError(err error) error {
	if e := bodyError(err); model.Kind(e) == model.ETooLarge {
		return e
	}
	return model.E(model.EInvalid, "api.import", "请以 multipart/form-data 上传工作簿（表单字段 file）")
}
