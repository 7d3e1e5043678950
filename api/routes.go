package api

import (
	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// endpoint is one route of the API: how gin registers it and how the
// OpenAPI document describes it.
type endpoint struct {
	method, path string   // path relative to /api/v1, gin syntax (:id)
	summary      string   // Chinese, for the OpenAPI document
	public       bool     // no bearer token needed
	roles        []string // roles allowed; nil: every logged-in user
	query        []param  // documented query parameters
	body         string   // request schema in components, "upload" for multipart, "" for none
	status       int      // status of success
	response     string   // response schema in components, "" for none
	handler      httpx.HandlerFunc
}

// param is a documented query parameter.
type param struct{ name, typ, description string }

// endpoints lists the whole API surface.
func (s *server) endpoints() []endpoint {
	db, cfg := s.db, s.opts.Alerts
	asOf := param{"as_of", "date", "截至日期 YYYY-MM-DD，默认今天"}
	eps := []endpoint{
		{method: "POST", path: "/login", summary: "登录，换取令牌", public: true, body: "LoginRequest", status: 200, response: "LoginResponse", handler: handleLogin(db, s.opts.TokenTTL)},
		{method: "POST", path: "/logout", summary: "注销当前令牌", status: 204, handler: handleLogout(db)},
		{method: "POST", path: "/password", summary: "修改本人密码（原密码、新密码；所有令牌随之失效）", body: "PasswordChange", status: 204, handler: handlePassword(db)},
		{method: "GET", path: "/me", summary: "当前用户", status: 200, response: "User", handler: handleMe()},
		{method: "GET", path: "/users", summary: "用户列表", roles: model.AdminOnly, status: 200, response: "UserList", handler: handleUsers(db)},
		{method: "GET", path: "/openapi.json", summary: "本文档", public: true, status: 200, handler: handleOpenAPI(s.endpoints)},

		{method: "GET", path: "/projects", summary: "项目列表（筛选、分页）", query: []param{
			{"category", "string", "类别"}, {"unit", "string", "责任单位"}, {"township", "string", "乡镇（街道）"},
			{"annex", "integer", "附件号"}, {"q", "string", "名称、编码、地点或责任单位中的关键词"},
			{"severity", "string", "只列出有该级别（yellow、orange、red）未解除预警的项目"},
			{"lamp", "string", "只列出序时进度为该灯色（green、yellow、red）的项目"}, asOf,
			{"page", "integer", "页码，从 1 开始"}, {"page_size", "integer", "每页条数，默认 50，最多 500"},
			{"limit", "integer", "不用 page 时：最多条数"}, {"offset", "integer", "不用 page 时：跳过条数"},
		}, status: 200, response: "ProjectList", handler: handleProjects(db, cfg)},
		{method: "GET", path: "/projects/:id", summary: "项目详情：节点、滞后记录、进度报告、照片、督办、序时进度", status: 200, response: "ProjectDetail", handler: handleProject(db)},
		{method: "GET", path: "/projects/:id/audit", summary: "项目变更记录", status: 200, response: "AuditList", handler: handleAudit(db)},
		{method: "POST", path: "/projects/:id/stages", summary: "增加阶段节点（本单位项目负责人、管理员）", roles: model.Changers, body: "StageRequest", status: 201, response: "Milestone", handler: handleAddStage(db)},
		{method: "POST", path: "/projects/:id/progress", summary: "填报进度（本单位项目负责人、管理员）", roles: model.Changers, body: "ProgressRequest", status: 201, response: "Progress", handler: handleAddProgress(db)},
		{method: "PATCH", path: "/milestones/:id", summary: "填写实际日期、预计日期或延误原因（带版本号）", roles: model.Changers, body: "MilestonePatch", status: 200, response: "Milestone", handler: handlePatchMilestone(db)},
		{method: "POST", path: "/milestones/:id/rebaseline", summary: "调整计划日期（管理员，须说明原因和文号）", roles: model.AdminOnly, body: "RebaselineRequest", status: 200, response: "Milestone", handler: handleRebaseline(db)},

		{method: "GET", path: "/alerts", summary: "进度滞后预警（按级别、滞后天数、项目编码排序，分页，附总数和各级别条数）", query: []param{
			asOf, {"severity", "string", "yellow、orange 或 red"}, {"kind", "string", "overdue、forecast 或 stale"}, {"unit", "string", "责任单位"},
			{"township", "string", "乡镇（街道）"}, {"category", "string", "类别"},
			{"page", "integer", "页码，从 1 开始"}, {"page_size", "integer", "每页条数，默认 50，最多 500"},
		}, status: 200, response: "AlertList", handler: handleAlerts(db, cfg)},

		{method: "POST", path: "/imports", summary: "上传工作簿导入（任务分解表：管理员；进度月报：本单位项目负责人、管理员；台账、预算：财务、管理员）", roles: model.Importers, query: []param{
			{"dry_run", "boolean", "只预览，不写入"}, {"kind", "string", "plan、progress、ledger 或 budget，默认自动识别"},
			{"report_date", "date", "进度月报的填报日期（表中没有时）"},
		}, body: "upload", status: 200, response: "ImportReport", handler: handleImport(db)},
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
// check (unless public) and its role check.
func (s *server) routes(r *gin.Engine) {
	v1 := r.Group("/api/v1")
	for _, ep := range s.endpoints() {
		chain := []gin.HandlerFunc{}
		if !ep.public {
			chain = append(chain, httpx.Handle(requireToken(s.db)))
		}
		if ep.roles != nil {
			chain = append(chain, httpx.RequireRole(ep.roles))
		}
		if ep.body == "upload" {
			chain = append(chain, httpx.AllowUpload(s.opts.MaxUpload))
		}
		v1.Handle(ep.method, ep.path, append(chain, httpx.Handle(ep.handler))...)
	}
}
