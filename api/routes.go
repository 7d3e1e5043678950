package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// endpoint is one route of the API: how gin registers it and how the
// OpenAPI document describes it. The document is generated from this
// table and the Go types it names (openapi.go): to add a route, add its
// line here (or to a feature's xxxEndpoints) with a zero value of the
// request type it decodes and of the answer it writes.
type endpoint struct {
	method, path string   // path relative to /api/v1, gin syntax (:id)
	summary      string   // Chinese, for the OpenAPI document
	public       bool     // no bearer token needed
	roles        []string // roles allowed; nil: every logged-in user
	query        []param  // documented query parameters
	// body is a zero value of the JSON request's Go type, an upload for
	// multipart, nil for none.
	body   any
	status int // status of success
	// response is a zero value of the JSON answer's Go type, a download
	// for a file, nil for none.
	response any
	// fails are the error statuses the endpoint answers beyond those
	// every endpoint of its kind does (see operation in openapi.go).
	fails   []fail
	handler httpx.HandlerFunc
}

// param is a documented query parameter.
type param struct{ name, typ, description string }

// upload is a multipart request body: files in field "file" (several
// when many) and other form fields.
type upload struct {
	file   string // what the file is, in Chinese
	many   bool
	fields []param
}

// download is an answer that is a file.
type download struct{ types []string }

var (
	xlsx  = download{[]string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}}
	image = download{[]string{"image/jpeg", "image/png"}}
)

// fail is an error status an endpoint answers, when, and its body: a
// zero value of its Go type, or nil for the usual {"error": …}.
type fail struct {
	status int
	why    string
	answer any
}

// Failures several endpoints share.
var (
	staleVersion = fail{http.StatusConflict, "版本号已过期：记录已被他人修改，请重新读取", nil}
	noProject    = fail{http.StatusNotFound, "project_id 所指的项目不存在", nil}
	stepRefused  = fail{http.StatusConflict, "督办当前状态不能执行此操作，或已被他人处理", nil}
)

// endpoints lists the whole API surface.
func (s *server) endpoints() []endpoint {
	db, cfg := s.db, s.opts.Alerts
	asOf := param{"as_of", "date", "截至日期 YYYY-MM-DD，默认今天"}
	eps := []endpoint{
		{method: "POST", path: "/login", summary: "登录，换取令牌", public: true, body: loginRequest{}, status: 200, response: loginResponse{},
			fails: []fail{{http.StatusUnauthorized, "用户名或密码错误", nil}, {http.StatusTooManyRequests, "失败次数过多，稍后再试（见 Retry-After）", nil}}, handler: handleLogin(db, s.opts.TokenTTL)},
		{method: "POST", path: "/logout", summary: "注销当前令牌", status: 204, handler: handleLogout(db)},
		{method: "POST", path: "/password", summary: "修改本人密码（原密码、新密码；所有令牌随之失效）", body: passwordChange{}, status: 204, handler: handlePassword(db)},
		{method: "GET", path: "/me", summary: "当前用户", status: 200, response: userJSON{}, handler: handleMe()},
		{method: "GET", path: "/users", summary: "用户列表", roles: model.AdminOnly, status: 200, response: items[userJSON]{}, handler: handleUsers(db)},
		{method: "GET", path: "/openapi.json", summary: "本文档（OpenAPI 3；可读版见 /api/docs）", public: true, status: 200, response: download{[]string{"application/json"}}, handler: handleOpenAPI(s.endpoints)},

		{method: "GET", path: "/projects", summary: "项目列表（筛选、分页）", query: []param{
			{"category", "string", "类别"}, {"unit", "string", "责任单位"}, {"township", "string", "乡镇（街道）"},
			{"annex", "integer", "附件号"}, {"q", "string", "名称、编码、地点或责任单位中的关键词"},
			{"severity", "string", "只列出有该级别（yellow、orange、red）未解除预警的项目"},
			{"lamp", "string", "只列出序时进度为该灯色（green、yellow、red）的项目"}, asOf,
			{"page", "integer", "页码，从 1 开始"}, {"page_size", "integer", "每页条数，默认 50，最多 500"},
			{"limit", "integer", "不用 page 时：最多条数"}, {"offset", "integer", "不用 page 时：跳过条数"},
		}, status: 200, response: projectList{}, handler: handleProjects(db, cfg)},
		{method: "GET", path: "/projects/:id", summary: "项目详情：节点、滞后记录、进度报告、照片、督办、序时进度", status: 200, response: projectDetail{}, handler: handleProject(db)},
		{method: "GET", path: "/projects/:id/audit", summary: "项目变更记录", status: 200, response: items[auditJSON]{}, handler: handleAudit(db)},
		{method: "POST", path: "/projects/:id/stages", summary: "增加阶段节点（本单位项目负责人、管理员）", roles: model.Changers, body: stageRequest{}, status: 201, response: milestoneJSON{},
			fails: []fail{{http.StatusConflict, "该项目已有同名节点", nil}}, handler: handleAddStage(db)},
		{method: "POST", path: "/projects/:id/progress", summary: "填报进度（本单位项目负责人、管理员）", roles: model.Changers, body: progressRequest{}, status: 201, response: progressJSON{}, handler: handleAddProgress(db)},
		{method: "PATCH", path: "/milestones/:id", summary: "填写实际日期、预计日期或延误原因（带版本号）", roles: model.Changers, body: milestonePatch{}, status: 200, response: milestoneJSON{}, fails: []fail{staleVersion}, handler: handlePatchMilestone(db)},
		{method: "POST", path: "/milestones/:id/rebaseline", summary: "调整计划日期（管理员，须说明原因和文号）", roles: model.AdminOnly, body: rebaselineRequest{}, status: 200, response: milestoneJSON{}, fails: []fail{staleVersion}, handler: handleRebaseline(db)},

		{method: "GET", path: "/alerts", summary: "进度滞后预警（按级别、滞后天数、项目编码排序，分页，附总数和各级别条数）", query: []param{
			asOf, {"severity", "string", "yellow、orange 或 red"}, {"kind", "string", "overdue、forecast 或 stale"}, {"unit", "string", "责任单位"},
			{"township", "string", "乡镇（街道）"}, {"category", "string", "类别"},
			{"page", "integer", "页码，从 1 开始"}, {"page_size", "integer", "每页条数，默认 50，最多 500"},
		}, status: 200, response: alerts.Page{}, handler: handleAlerts(db, cfg)},

		{method: "GET", path: "/imports", summary: "已完成的导入批次（新的在前）", status: 200, response: items[model.BatchListing]{}, handler: handleImports(db)},
		{method: "POST", path: "/imports", summary: "上传工作簿导入（任务分解表：管理员；进度月报：本单位项目负责人、管理员；台账、预算：财务、管理员）", roles: model.Importers, query: []param{
			{"dry_run", "boolean", "只预览，不写入"}, {"kind", "string", "plan、progress、ledger 或 budget，默认自动识别"},
			{"report_date", "date", "进度月报的填报日期（表中没有时）"},
			{"digest", "string", "所确认的预览的 digest：导入结果与预览不同时不写入（409）"},
		}, body: upload{file: "一个或多个 .xlsx 工作簿", many: true, fields: []param{{"password", "string", "工作簿的打开密码（有时）"},
			{"match", "string", "与已有项目相似的行按该项目更新：工作表!行号=项目编码（可重复）"}, {"new", "string", "与已有项目相似的行按新项目导入：工作表!行号（可重复）"},
			{"new_all", "boolean", "与已有项目相似的行都按新项目导入"}}},
			status: 200, response: importResponse{}, fails: []fail{
				{http.StatusUnprocessableEntity, "参数或工作簿有错误，未写入任何数据：工作簿的错误仍以导入报告答复（error 概述，errors 逐条列出）", importResponse{}},
				{http.StatusConflict, "导入期间记录已被他人修改，或导入结果已与所给 digest 的预览不同：未写入任何数据，请重新预览", nil},
				{http.StatusServiceUnavailable, "服务器同时进行的导入已达上限，请按 Retry-After 稍后再试", nil},
			}, handler: handleImport(db, s.opts)},
		{method: "POST", path: "/imports/:id/apply", summary: "导入试导入（dry_run）时保留的工作簿（upload_id，仅限本人，有效期默认一小时）", roles: model.Importers,
			status: 200, response: importResponse{}, fails: []fail{
				{http.StatusUnprocessableEntity, "导入时发现错误，未写入任何数据（以导入报告答复）", importResponse{}},
				{http.StatusConflict, "导入期间记录已被他人修改，或自试导入以来数据有变化、导入结果已与预览不同：未写入任何数据，请重新试导入", nil},
				{http.StatusServiceUnavailable, "服务器同时进行的导入已达上限，请按 Retry-After 稍后再试", nil},
			}, handler: handleApplyImport(db, s.opts)},
		{method: "POST", path: "/imports/:id/revert", summary: "撤销一次导入（管理员）：恢复该批次修改过的字段，删除它新建的记录，一个事务，记入审计日志", roles: model.AdminOnly,
			status: 200, response: model.RevertResult{}, fails: []fail{
				{http.StatusNotFound, "导入批次不存在", nil},
				{http.StatusUnprocessableEntity, "该批次由旧版本导入，未保存撤销所需的原值，无法撤销", nil},
				{http.StatusConflict, "该批次已撤销，或它写入的记录此后又被其他导入或在系统中修改：未撤销任何数据，conflicts 列出这些修改", revertRefusal{}},
			}, handler: handleRevertImport(db)},
	}
	// Finance and report endpoints (api/money.go, api/reports.go).
	eps = append(eps, s.moneyEndpoints()...)
	eps = append(eps, s.reportEndpoints()...)
	eps = append(eps, s.supervisionEndpoints()...)
	eps = append(eps, s.photoEndpoints()...)
	eps = append(eps, s.bulletinEndpoints()...)
	return eps
}

// routes registers every endpoint under /api/v1, each behind the token
// check (unless public) and its role check, and the reference page
// /api/docs.
func (s *server) routes(r *gin.Engine) {
	docRoutes(r)
	v1 := r.Group("/api/v1")
	for _, ep := range s.endpoints() {
		chain := []gin.HandlerFunc{}
		if !ep.public {
			chain = append(chain, httpx.Handle(requireToken(s.db)))
		}
		if ep.roles != nil {
			chain = append(chain, httpx.RequireRole(ep.roles))
		}
		if _, ok := ep.body.(upload); ok {
			chain = append(chain, httpx.AllowUpload(s.opts.MaxUpload))
		}
		v1.Handle(ep.method, ep.path, append(chain, httpx.Handle(ep.handler))...)
	}
}
