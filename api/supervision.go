package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// supervisionEndpoints are the 督办 cycle and the working-day calendar.
func (s *server) supervisionEndpoints() []endpoint {
	db := s.db
	step := func(path, summary string, roles []string, action string) endpoint {
		return endpoint{method: "POST", path: "/supervisions/:id/" + path, summary: summary, roles: roles, body: supervisionStepRequest{},
			status: 200, response: model.SupervisionView{}, fails: []fail{stepRefused}, handler: handleSupervisionStep(db, action)}
	}
	return []endpoint{
		{method: "GET", path: "/supervisions", summary: "督办列表（筛选、分页）", query: []param{
			{"project_id", "integer", "项目"}, {"status", "string", "unsigned、in_progress、review 或 closed"},
			{"unit", "string", "责任单位（牵头或协办）"}, {"supervisor", "string", "督办人"},
			{"overdue", "boolean", "只列出逾期（签收或办理期限已过）的督办"}, {"as_of", "date", "截至日期 YYYY-MM-DD，默认今天"},
			{"page", "integer", "页码，从 1 开始"}, {"page_size", "integer", "每页条数，默认 50，最多 500"},
		}, status: 200, response: supervisionList{}, handler: handleSupervisions(db)},
		{method: "POST", path: "/supervisions", summary: "交办督办（督办人员、管理员）", roles: model.Overseers, body: raiseRequest{}, status: 201, response: model.SupervisionView{}, fails: []fail{noProject}, handler: handleRaiseSupervision(db)},
		step("sign", "签收督办（牵头单位项目负责人、管理员）", model.Changers, model.StepSign),
		step("reply", "反馈办理情况（牵头单位项目负责人、管理员）", model.Changers, model.StepReply),
		step("extension", "申请延期：due 与 reason（牵头单位项目负责人、管理员）", model.Changers, model.StepExtension),
		step("accept", "审核通过，办结销号（督办人员、管理员）", model.Overseers, model.StepAccept),
		step("return", "退回重办：reason 与新的 due（督办人员、管理员）", model.Overseers, model.StepReturn),
		step("extension/approve", "同意延期（督办人员、管理员）", model.Overseers, model.StepExtensionAccept),
		step("extension/refuse", "不同意延期，须说明理由（督办人员、管理员）", model.Overseers, model.StepExtensionRefuse),
		step("chase", "催办（督办人员、管理员）", model.Overseers, model.StepChase),
		step("escalate", "约谈、升级督办：level、date、note（督办人员、管理员）", model.Overseers, model.StepEscalate),
		step("close", "直接办结（督办人员、管理员）", model.Overseers, model.StepClose),

		{method: "GET", path: "/calendar/due", summary: "按工作日计算期限", query: []param{
			{"from", "date", "起算日期 YYYY-MM-DD"}, {"working_days", "integer", "工作日天数"},
		}, status: 200, response: dueResponse{}, handler: handleCalendarDue(db)},
		{method: "GET", path: "/calendar/years", summary: "已有节假日安排的年份", status: 200, response: calendarYears{}, handler: handleCalendarYears(db)},
		{method: "POST", path: "/calendar/years", summary: "导入一年的节假日安排（holiday-cn 格式 JSON，管理员）", roles: model.AdminOnly, body: upload{file: "holiday-cn 格式的一年节假日安排（JSON 文件）"}, status: 201, response: calendarYears{}, handler: handleCalendarImport(db)},
	}
}

type supervisionList struct {
	Items []model.SupervisionView `json:"items"`
	Total int64                   `json:"total"`
}

// handleSupervisions lists 督办 as of as_of (default today): filters
// project_id, status, unit, supervisor, overdue=true; paged.
func handleSupervisions(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		pid, err := httpx.QueryInt(c, "project_id", 0)
		if err != nil {
			return err
		}
		f := model.SupervisionFilter{ProjectID: uint(pid), Unit: c.Query("unit"), Supervisor: c.Query("supervisor")}
		if f.Status, err = httpx.OneOf(c, "status", model.SupervisionStatuses...); err != nil {
			return err
		}
		if f.Overdue, err = httpx.QueryBool(c, "overdue"); err != nil {
			return err
		}
		if f.AsOf, err = httpx.QueryDate(c, "as_of", model.Date{}); err != nil {
			return err
		}
		if f.Limit, f.Offset, err = httpx.Page(c); err != nil {
			return err
		}
		svs, total, err := db.ListSupervisions(c.Request.Context(), f)
		if err != nil {
			return err
		}
		if svs == nil {
			svs = []model.SupervisionView{}
		}
		c.JSON(http.StatusOK, supervisionList{Items: svs, Total: total})
		return nil
	}
}

type raiseRequest struct {
	ProjectID      uint       `json:"project_id" required:"true"`
	Reason         string     `json:"reason" required:"true" doc:"督办事项"`
	AssistUnits    []string   `json:"assist_units"`
	Due            model.Date `json:"due" doc:"办理期限；与 due_working_days 二选一"`
	DueWorkingDays int        `json:"due_working_days" doc:"办理期限：交办后的工作日天数"`
}

// handleRaiseSupervision hands a 督办 to a project's responsible unit.
func handleRaiseSupervision(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req raiseRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		svs, err := db.RaiseSupervisions(c.Request.Context(), httpx.Actor(c), model.SupervisionRaise{
			ProjectIDs: []uint{req.ProjectID}, Reason: req.Reason, AssistUnits: req.AssistUnits,
			Due: model.Deadline{Date: req.Due, WorkingDays: req.DueWorkingDays},
		})
		if err != nil {
			return err
		}
		v, err := db.SupervisionByID(c.Request.Context(), svs[0].ID)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, v)
		return nil
	}
}

// supervisionStepRequest is the body of every step: its text (body, or
// reason for a send-back or an extension, note for an escalation), a
// deadline (due or due_working_days) for return and extension, level
// and date for an escalation, and optionally the version seen.
type supervisionStepRequest struct {
	Body           string     `json:"body" doc:"反馈、说明"`
	Reason         string     `json:"reason" doc:"退回、延期的理由"`
	Note           string     `json:"note" doc:"约谈、升级的说明"`
	Due            model.Date `json:"due" doc:"新的期限（退回、延期）"`
	DueWorkingDays int        `json:"due_working_days" doc:"新的期限：工作日天数"`
	Level          string     `json:"level" doc:"升级级别（约谈）"`
	Date           model.Date `json:"date" doc:"约谈日期"`
	Version        int        `json:"version" doc:"所见版本号；不为 0 时，已被他人处理则返回 409"`
}

// handleSupervisionStep takes step action on 督办 :id.
func handleSupervisionStep(db *store.DB, action string) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req supervisionStepRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		text := req.Body
		for _, t := range []string{req.Reason, req.Note} {
			if text == "" {
				text = t
			}
		}
		v, err := httpx.StepSupervision(c, db, action, model.SupervisionStep{Body: text, Level: req.Level, Date: req.Date, Version: req.Version,
			Due: model.Deadline{Date: req.Due, WorkingDays: req.DueWorkingDays}})
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, v)
		return nil
	}
}

// dueResponse is a deadline counted in working days.
type dueResponse struct {
	Due     model.Date `json:"due"`
	Covered bool       `json:"covered" doc:"期限所在年份有节假日安排数据；false 时只跳过了周末"`
}

// calendarYears lists the years whose holidays are known.
type calendarYears struct {
	Years []int `json:"years"`
}

// handleCalendarDue answers {"due"}: the working_days-th working day
// after from.
func handleCalendarDue(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		from, err := httpx.QueryDate(c, "from", model.Date{})
		if err != nil {
			return err
		}
		if from.IsZero() {
			return model.E(model.EInvalid, "api.calendarDue", "请提供起算日期 from（YYYY-MM-DD）")
		}
		n, err := httpx.QueryInt(c, "working_days", 0)
		if err != nil {
			return err
		}
		if n < 1 || n > store.MaxDueWorkingDays {
			return model.Errorf(model.EInvalid, "api.calendarDue", "working_days 应在 1 到 %d 之间", store.MaxDueWorkingDays)
		}
		cal, err := db.Calendar(c.Request.Context())
		if err != nil {
			return err
		}
		due := cal.AddWorkingDays(from, n)
		c.JSON(http.StatusOK, dueResponse{Due: due, Covered: cal.Covers(due.Year)})
		return nil
	}
}

func answerCalendarYears(c *gin.Context, db *store.DB, status int) error {
	cal, err := db.Calendar(c.Request.Context())
	if err != nil {
		return err
	}
	c.JSON(status, calendarYears{Years: cal.Years()})
	return nil
}

func handleCalendarYears(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error { return answerCalendarYears(c, db, http.StatusOK) }
}

// handleCalendarImport stores the year of the uploaded file (multipart
// field file).
func handleCalendarImport(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		if _, err := httpx.ImportCalendar(c, db); err != nil {
			return err
		}
		return answerCalendarYears(c, db, http.StatusCreated)
	}
}
