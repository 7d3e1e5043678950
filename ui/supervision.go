package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// supervisionTab is one list of the 督办 page.
type supervisionTab struct {
	Key, Label, Link string
	Active           bool
}

// supervisionTabs are the page's lists: key → the filter it applies.
var supervisionTabs = []struct {
	key, label string
	filter     func(*model.SupervisionFilter)
}{
	{"all", "全部", func(*model.SupervisionFilter) {}},
	{"unsigned", "未签收", func(f *model.SupervisionFilter) { f.Status = model.SupervisionUnsigned }},
	{"in_progress", "办理中", func(f *model.SupervisionFilter) { f.Status = model.SupervisionInProgress }},
	{"overdue", "逾期", func(f *model.SupervisionFilter) { f.Overdue = true }},
	{"review", "待审核", func(f *model.SupervisionFilter) { f.Status = model.SupervisionReview }},
	{"closed", "已办结", func(f *model.SupervisionFilter) { f.Status = model.SupervisionClosed }},
}

type supervisionsData struct {
	Tabs               []supervisionTab
	Unit, Supervisor   string
	Units, Supervisors []string
	Items              []model.SupervisionView
	Pager              pager
	// MyUnit is the manager's unit: the page opens on 本单位待办.
	MyUnit string
	Mine   bool
}

const supervisionsPageSize = 50

// handleSupervisionsPage lists 督办: one tab per list, by unit (lead or
// assisting) and by supervisor, paginated. A manager's 本单位待办 is his
// unit's notices not yet closed.
func handleSupervisionsPage(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		ctx := c.Request.Context()
		u := httpx.CurrentUser(c)
		tab := c.DefaultQuery("tab", "all")
		d := supervisionsData{Unit: c.Query("unit"), Supervisor: c.Query("supervisor")}
		if u.Role == model.RoleManager {
			d.MyUnit = u.Unit
			d.Mine = c.Query("mine") != "0"
		}
		f := model.SupervisionFilter{Unit: d.Unit, Supervisor: d.Supervisor}
		if d.Mine {
			f.Unit = d.MyUnit
		}
		found := false
		for _, t := range supervisionTabs {
			q := url.Values{"tab": {t.key}}
			for k, v := range map[string]string{"unit": d.Unit, "supervisor": d.Supervisor} {
				if v != "" {
					q.Set(k, v)
				}
			}
			if d.MyUnit != "" && !d.Mine {
				q.Set("mine", "0")
			}
			active := t.key == tab
			if active {
				t.filter(&f)
				found = true
			}
			d.Tabs = append(d.Tabs, supervisionTab{Key: t.key, Label: t.label, Link: "/supervisions?" + q.Encode(), Active: active})
		}
		if !found {
			return model.Errorf(model.EInvalid, "ui.supervisions", "未知的列表 %q", tab)
		}
		page, err := httpx.QueryInt(c, "page", 1)
		if err != nil {
			return err
		}
		page = max(page, 1)
		f.Limit, f.Offset = supervisionsPageSize, (page-1)*supervisionsPageSize
		items, total, err := db.ListSupervisions(ctx, f)
		if err != nil {
			return err
		}
		d.Items = items
		d.Pager = pagerOf(c, total, page, supervisionsPageSize)
		if d.Units, d.Supervisors, err = db.SupervisionFilterOptions(ctx); err != nil {
			return err
		}
		render(c, tpl, http.StatusOK, "supervisions", newPage(c, "督办", "supervisions", d))
		return nil
	}
}

// pagerOf is the paging line of page (from 1) of total items, its links
// the request's URL with another page.
func pagerOf(c *gin.Context, total int64, page, size int) pager {
	pages := max(1, int((total+int64(size)-1)/int64(size)))
	p := pager{Total: total, Page: page, Pages: pages}
	link := func(n int) string {
		u := *c.Request.URL
		q := u.Query()
		q.Set("page", strconv.Itoa(n))
		q.Del("done")
		u.RawQuery = q.Encode()
		return u.RequestURI()
	}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	return p
}

type supervisionData struct {
	S model.SupervisionView
	// The forms the user may use on the notice in its status.
	CanSign, CanReply, CanExtend     bool
	CanReview, CanDecide, CanOversee bool
	Today, DefaultDue                string
	PhotoNote                        string
}

// handleSupervisionPage shows 督办 :id with its steps and the forms of
// the steps the user may take now.
func handleSupervisionPage(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		v, err := db.SupervisionByID(c.Request.Context(), id)
		if err != nil {
			return err
		}
		u := httpx.CurrentUser(c)
		unit := model.MayChange(u, v.ResponsibleUnit) == nil
		oversee := slices.Contains(model.Overseers, u.Role)
		today := db.Today()
		d := supervisionData{S: v, Today: today.String(), DefaultDue: today.AddDays(replyDays).String(),
			CanSign:    unit && v.Status == model.SupervisionUnsigned,
			CanReply:   unit && v.Status == model.SupervisionInProgress,
			CanExtend:  unit && v.PendingExtension == nil && (v.Status == model.SupervisionUnsigned || v.Status == model.SupervisionInProgress),
			CanReview:  oversee && v.Status == model.SupervisionReview,
			CanDecide:  oversee && v.PendingExtension != nil,
			CanOversee: oversee && v.Status != model.SupervisionClosed,
		}
		render(c, tpl, http.StatusOK, "supervision", newPage(c, fmt.Sprintf("督办 %d", v.ID), "supervisions", d))
		return nil
	}
}

// handleWebRaise hands a 督办 to the responsible unit of each project_id
// of the form (the project page sends one, the alerts page those ticked)
// and returns to the page it came from.
func handleWebRaise(db Store) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var ids []uint
		for _, s := range c.PostFormArray("project_id") {
			id, err := strconv.ParseUint(s, 10, 32)
			if err != nil || id == 0 {
				return model.Errorf(model.EInvalid, "ui.raise", "项目编号 %q 无效", s)
			}
			ids = append(ids, uint(id))
		}
		due, err := formDeadline(c)
		if err != nil {
			return err
		}
		assist := strings.FieldsFunc(c.PostForm("assist_units"), func(r rune) bool { return strings.ContainsRune("、，,;；\n", r) })
		if _, err := db.RaiseSupervisions(c.Request.Context(), httpx.Actor(c),
			model.SupervisionRaise{ProjectIDs: ids, Reason: c.PostForm("reason"), AssistUnits: assist, Due: due}); err != nil {
			return err
		}
		c.Redirect(http.StatusSeeOther, withDone(localPath(c.PostForm("back")), "raised"))
		return nil
	}
}

// formDeadline reads a deadline of a form: a date (due) or a number of
// working days (due_working_days), as the user chose.
func formDeadline(c *gin.Context) (model.Deadline, error) {
	var d model.Deadline
	if c.PostForm("due_kind") == "working_days" {
		n, err := strconv.Atoi(strings.TrimSpace(c.PostForm("due_working_days")))
		if err != nil {
			return d, model.E(model.EInvalid, "ui.deadline", "工作日天数应为整数")
		}
		d.WorkingDays = n
		return d, nil
	}
	var err error
	d.Date, err = formDate(c, "due", "办理期限")
	return d, err
}

// webSteps are the steps the 督办 page posts to /supervisions/:id/KEY,
// with who may take them (as in the API) and the confirmation shown.
var webSteps = []struct {
	path, action string
	roles        []string
}{
	{"sign", model.StepSign, model.Changers},
	{"reply", model.StepReply, model.Changers},
	{"extension", model.StepExtension, model.Changers},
	{"accept", model.StepAccept, model.Overseers},
	{"return", model.StepReturn, model.Overseers},
	{"extension-approve", model.StepExtensionAccept, model.Overseers},
	{"extension-refuse", model.StepExtensionRefuse, model.Overseers},
	{"chase", model.StepChase, model.Overseers},
	{"escalate", model.StepEscalate, model.Overseers},
	{"close", model.StepClose, model.Overseers},
}

// handleWebStep takes step action on 督办 :id from its page's form. A
// reply may carry a site photo (field photo) and a 形象进度: they are
// recorded as a progress report of the project, the photo on it, and the
// reply says so.
func handleWebStep(db Store, action string) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		v, err := httpx.SupervisionForStep(c, db)
		if err != nil {
			return err
		}
		req := model.SupervisionStep{Body: c.PostForm("body"), Level: c.PostForm("level")}
		if req.Version, err = strconv.Atoi(c.DefaultPostForm("version", "0")); err != nil {
			return model.E(model.EInvalid, "ui.step", "版本号无效")
		}
		if action == model.StepReturn || action == model.StepExtension {
			if req.Due, err = formDeadline(c); err != nil {
				return err
			}
		}
		if action == model.StepEscalate {
			if req.Date, err = formDate(c, "date", "约谈日期"); err != nil {
				return err
			}
		}
		var attach func() error
		if action == model.StepReply {
			if attach, err = replyPhoto(c, db, v, &req); err != nil {
				return err
			}
		}
		if _, err := httpx.StepSupervision(c, db, action, req); err != nil {
			return err
		}
		if attach != nil {
			if err := attach(); err != nil {
				return err
			}
		}
		c.Redirect(http.StatusSeeOther, fmt.Sprintf("/supervisions/%d?done=%s", v.ID, "sup_"+action))
		return nil
	}
}

// replyPhoto checks the photo and 形象进度 a reply form carries (if
// any), notes them in the reply, and returns what records them once the
// reply is taken: a progress report of v's project dated today with the
// photo on it. Everything is checked before the reply is taken.
func replyPhoto(c *gin.Context, db Store, v model.SupervisionView, req *model.SupervisionStep) (func() error, error) {
	if _, err := c.FormFile("photo"); err != nil {
		return nil, nil
	}
	p, err := httpx.UploadedPhoto(c, "photo")
	if err != nil {
		return nil, err
	}
	r := model.ProgressReport{ReportDate: db.Today(), Problems: "督办反馈：" + strings.TrimSpace(req.Body)}
	if pct := strings.TrimSpace(c.PostForm("percent")); pct != "" {
		d, err := decimal.NewFromString(pct)
		if err != nil || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(100)) {
			return nil, model.Errorf(model.EInvalid, "ui.reply", "形象进度应为 0 到 100 的数：%q", pct)
		}
		r.Percent = decimal.NewNullDecimal(d)
	}
	req.Body = fmt.Sprintf("%s\n（附现场照片 %s，见 %s 进度报告）", strings.TrimSpace(req.Body), p.Name, r.ReportDate)
	return func() error {
		_, err := db.AddProgressReport(c.Request.Context(), httpx.Actor(c), v.ProjectID, r, p)
		return err
	}, nil
}
