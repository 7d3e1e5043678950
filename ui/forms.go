package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// Form posts of the project page. Each goes through the same store method
// and the same authorization check as its API endpoint; on success it
// redirects back to the page (post/redirect/get), on an input error or a
// stale version it shows the page again with the message and the error's
// status.

// formDate reads an optional YYYY-MM-DD form field.
func formDate(c *gin.Context, name, label string) (model.Date, error) {
	v := strings.TrimSpace(c.PostForm(name))
	if v == "" {
		return model.Date{}, nil
	}
	d, err := model.ParseDate(v)
	if err != nil {
		return d, model.Errorf(model.EInvalid, "web", "%s应为 YYYY-MM-DD 格式的日期：%q", label, v)
	}
	return d, nil
}

// formDecimal reads an optional decimal form field.
func formDecimal(c *gin.Context, name, label string) (decimal.NullDecimal, error) {
	v := strings.TrimSpace(c.PostForm(name))
	if v == "" {
		return decimal.NullDecimal{}, nil
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		return decimal.NullDecimal{}, model.Errorf(model.EInvalid, "web", "%s应为数字：%q", label, v)
	}
	return decimal.NewNullDecimal(d), nil
}

// formFailed answers a form post that failed with err: the project page
// again, with the message, for errors the user can fix (bad input, a stale
// version), its form filled in with what was sent; the error page for
// anything else.
func formFailed(c *gin.Context, db Store, tpl *Templates, cfg alerts.Config, projectID uint, err error) error {
	switch model.Kind(err) {
	case model.EInvalid, model.EConflict:
		c.Params = append(c.Params[:0], gin.Param{Key: "id", Value: strconv.FormatUint(uint64(projectID), 10)})
		kept := keptForm{Action: c.Request.URL.Path, Values: c.Request.PostForm}
		return showProject(c, db, tpl, cfg, httpx.StatusOf(model.Kind(err)), &flash{Kind: "err", Text: formMessage(err)}, kept)
	}
	return err
}

// formMessage is the message shown for a failed form: a stale version
// is explained in the words staff know.
func formMessage(err error) string {
	if model.CodeOf(err) == model.CodeStale {
		return "已被他人修改：下面是最新数据，请核对后重新填写。"
	}
	return model.Message(err)
}

// projectBack is the project page a form returns to, with its message.
func projectBack(projectID uint, done, anchor string) string {
	return fmt.Sprintf("/projects/%d?done=%s#%s", projectID, done, anchor)
}

// milestoneEdit reads one of the two milestone forms into an update.
type milestoneEdit func(c *gin.Context) (model.MilestoneUpdate, string, error)

// milestoneActual reads the "record the actual date" form.
func milestoneActual(c *gin.Context) (model.MilestoneUpdate, string, error) {
	d, err := formDate(c, "actual_date", "实际日期")
	if err == nil && d.IsZero() {
		err = model.E(model.EInvalid, "web", "请填写实际日期")
	}
	return model.MilestoneUpdate{ActualDate: &d}, "actual", err
}

// milestoneForecast reads the "move the forecast" form: the date and the
// reason of the slip (资金 / 用地 / 审批 / 设计 / 施工 / 其他, or none).
func milestoneForecast(c *gin.Context) (model.MilestoneUpdate, string, error) {
	d, err := formDate(c, "forecast_date", "预计日期")
	if err == nil && d.IsZero() {
		err = model.E(model.EInvalid, "web", "请填写预计日期")
	}
	reason := c.PostForm("slip_reason")
	return model.MilestoneUpdate{ForecastDate: &d, SlipReason: &reason}, "forecast", err
}

// handleWebMilestone applies a milestone form, guarded by the version the
// form was rendered with.
func handleWebMilestone(db Store, tpl *Templates, cfg alerts.Config, edit milestoneEdit) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		m, err := httpx.MilestoneForChange(c, db)
		if err != nil {
			return err
		}
		upd, done, err := edit(c)
		if err != nil {
			return formFailed(c, db, tpl, cfg, m.ProjectID, err)
		}
		if upd.Version, err = strconv.Atoi(c.PostForm("version")); err != nil {
			return formFailed(c, db, tpl, cfg, m.ProjectID, model.E(model.EInvalid, "web", "表单缺少节点版本号，请刷新页面后重试"))
		}
		if _, err := db.UpdateMilestone(c.Request.Context(), httpx.Actor(c), m.ID, upd); err != nil {
			return formFailed(c, db, tpl, cfg, m.ProjectID, err)
		}
		c.Redirect(http.StatusSeeOther, projectBack(m.ProjectID, done, fmt.Sprintf("ms-%d", m.ID)))
		return nil
	}
}

// handleWebProgress files a progress report from the project page.
func handleWebProgress(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.ProjectForChange(c, db)
		if err != nil {
			return err
		}
		r, err := progressForm(c)
		var photos []model.Photo
		if err == nil {
			photos, err = httpx.UploadedPhotos(c, "photo")
		}
		if err == nil {
			_, err = db.AddProgressReport(c.Request.Context(), httpx.Actor(c), id, r, photos...)
		}
		if err != nil {
			return formFailed(c, db, tpl, cfg, id, err)
		}
		c.Redirect(http.StatusSeeOther, projectBack(id, "progress", "progress"))
		return nil
	}
}

// progressForm reads the progress report form.
func progressForm(c *gin.Context) (model.ProgressReport, error) {
	var (
		r   model.ProgressReport
		err error
	)
	if r.ReportDate, err = formDate(c, "report_date", "填报日期"); err != nil {
		return r, err
	}
	if r.Percent, err = formDecimal(c, "percent", "形象进度"); err != nil {
		return r, err
	}
	if v := strings.TrimSpace(c.PostForm("investment_wan")); v != "" {
		m, err := model.ParseWan(v)
		if err != nil {
			return r, err
		}
		r.InvestmentDone = &m
	}
	r.Problems = c.PostForm("problems")
	return r, nil
}

// withDone adds ?done=key to a local path, before any #fragment.
func withDone(path, key string) string {
	path, frag, hasFrag := strings.Cut(path, "#")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	path += sep + "done=" + key
	if hasFrag {
		path += "#" + frag
	}
	return path
}

// handleWebPayment records a disbursement from the project page (finance
// and admin, as in the API).
func handleWebPayment(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		d := model.Disbursement{ProjectID: id, Source: c.PostForm("source"), Voucher: c.PostForm("voucher"), Note: c.PostForm("note")}
		d.Date, err = formDate(c, "date", "拨付日期")
		if err == nil {
			d.Amount, err = formAmount(c, "拨付金额")
		}
		if err == nil {
			_, err = db.CreatePayment(c.Request.Context(), httpx.Actor(c), d, c.PostForm("confirm_over") != "")
		}
		if err != nil {
			return formFailed(c, db, tpl, cfg, id, err)
		}
		c.Redirect(http.StatusSeeOther, projectBack(id, "payment", "payments"))
		return nil
	}
}
