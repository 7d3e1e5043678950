package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

type projectList struct {
	Items []projectItem `json:"items"`
	Total int64         `json:"total" doc:"符合筛选的项目总数（不分页）"`
}

// projectItem is a project of the list with its 序时进度 lamp ("pace":
// null when it has none: finished, not yet due to start, no plan).
type projectItem struct {
	model.ProjectJSON
	Pace *model.PaceJSON `json:"pace" doc:"序时进度灯；已完工、未到开工时间或没有计划日期时为 null"`
}

// paceOf is the JSON of view v's 序时进度 lamp as of asOf (of the
// view's facts, as known then), nil when it has none.
func paceOf(lamps model.PaceLamps, v model.ProjectView, asOf model.Date) *model.PaceJSON {
	pc, ok := lamps.Of(v.PaceFact(), asOf)
	if !ok {
		return nil
	}
	j := pc.JSON()
	return &j
}

// handleProjects lists projects with their facts and lamps as of as_of
// (default today): filters category, unit, township, q, severity (projects with
// an open alert of that severity) and lamp; paging by page (from 1) and
// page_size (default 50, at most 500), or by limit and offset.
func handleProjects(db *store.DB, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		ctx := c.Request.Context()
		f, err := httpx.ProjectFilter(c)
		if err != nil {
			return err
		}
		severity, err := httpx.OneOf(c, "severity", alerts.Yellow, alerts.Orange, alerts.Red)
		if err != nil {
			return err
		}
		lamp, err := httpx.OneOf(c, "lamp", model.PaceLampNames...)
		if err != nil {
			return err
		}
		asOf, err := httpx.QueryDate(c, "as_of", db.Today())
		if err != nil {
			return err
		}
		f.AsOf = asOf
		empty := projectList{Items: []projectItem{}}
		if severity != "" {
			f.State = &model.StateFilter{Alerts: cfg.Query(asOf), Any: alerts.SeverityBand(severity) + 1}
		}
		if lamp != "" {
			ids, err := db.ProjectsWithLamp(ctx, asOf, lamp)
			if err != nil {
				return err
			}
			if !f.Only(ids) {
				c.JSON(http.StatusOK, empty)
				return nil
			}
		}
		ps, total, err := db.ListProjects(ctx, f)
		if err != nil {
			return err
		}
		out := projectList{Items: make([]projectItem, len(ps)), Total: total}
		for i, p := range ps {
			out.Items[i] = projectItem{ProjectJSON: p.JSON(), Pace: paceOf(db.Pace, p, asOf)}
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}

// milestoneJSON is a milestone as the API shows it.
type milestoneJSON struct {
	ID                uint             `json:"id"`
	ProjectID         uint             `json:"project_id"`
	Kind              string           `json:"kind"`
	Name              string           `json:"name"`
	BaselineDate      model.Date       `json:"baseline_date"`
	BaselinePrecision *model.Precision `json:"baseline_precision" doc:"计划日期的精度"`
	ForecastDate      model.Date       `json:"forecast_date"`
	ActualDate        model.Date       `json:"actual_date"`
	SlipReason        string           `json:"slip_reason"`
	Version           int              `json:"version" doc:"版本号，修改时须原样提交"`
	UpdatedAt         time.Time        `json:"updated_at"`
}

func toMilestoneJSON(m model.Milestone) milestoneJSON {
	j := milestoneJSON{ID: m.ID, ProjectID: m.ProjectID, Kind: m.Kind, Name: m.Name, BaselineDate: m.Baseline.Date,
		ForecastDate: m.Forecast, ActualDate: m.Actual, SlipReason: m.SlipReason, Version: m.Version, UpdatedAt: m.UpdatedAt}
	if !m.Baseline.IsZero() {
		j.BaselinePrecision = &m.Baseline.Precision
	}
	return j
}

// progressJSON is a progress report as the API shows it.
type progressJSON struct {
	ID                uint         `json:"id"`
	ReportDate        model.Date   `json:"report_date"`
	Percent           *json.Number `json:"percent"`
	InvestmentDoneWan *json.Number `json:"investment_done_wan"`
	Problems          string       `json:"problems"`
	Source            string       `json:"source"`
	CreatedBy         string       `json:"created_by"`
}

func toProgressJSON(r model.ProgressReport) progressJSON {
	j := progressJSON{ID: r.ID, ReportDate: r.ReportDate, Problems: r.Problems, Source: r.Source, CreatedBy: r.CreatedBy}
	if r.Percent.Valid {
		n := json.Number(r.Percent.Decimal.String())
		j.Percent = &n
	}
	if r.InvestmentDone != nil {
		n := json.Number(r.InvestmentDone.WanString())
		j.InvestmentDoneWan = &n
	}
	return j
}

// handleProject returns a project with its milestones, slip history,
// progress reports and 督办.
func handleProject(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		out, err := projectDetailOf(c, db, id)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}

// projectDetail is a project with its milestones, slip history,
// progress reports, 督办, photos and 序时进度 lamp today.
type projectDetail struct {
	model.ProjectJSON
	Milestones   []milestoneJSON         `json:"milestones"`
	SlipHistory  []alerts.Slip           `json:"slip_history" doc:"逾期达成的节点"`
	Progress     []progressJSON          `json:"progress"`
	Supervisions []model.SupervisionView `json:"supervisions"`
	Photos       []photoJSON             `json:"photos"`
	Pace         *model.PaceJSON         `json:"pace" doc:"今天的序时进度灯；没有时为 null"`
}

// projectDetailOf reads project id's detail.
func projectDetailOf(c *gin.Context, db *store.DB, id uint) (projectDetail, error) {
	ctx := c.Request.Context()
	p, err := db.GetProject(ctx, id)
	if err != nil {
		return projectDetail{}, err
	}
	ms, err := db.ProjectMilestones(ctx, id)
	if err != nil {
		return projectDetail{}, err
	}
	rs, err := db.ProjectProgress(ctx, id)
	if err != nil {
		return projectDetail{}, err
	}
	svs, _, err := db.ListSupervisions(ctx, model.SupervisionFilter{ProjectID: id})
	if err != nil {
		return projectDetail{}, err
	}
	photos, err := db.ProjectPhotos(ctx, id)
	if err != nil {
		return projectDetail{}, err
	}
	out := projectDetail{ProjectJSON: p.JSON(), Milestones: make([]milestoneJSON, len(ms)), SlipHistory: alerts.SlipHistory(ms),
		Progress: make([]progressJSON, len(rs)), Supervisions: append([]model.SupervisionView{}, svs...),
		Photos: make([]photoJSON, len(photos))}
	// The lamp today, from the milestones and reports: their stored
	// values are those known today.
	today := db.Today()
	_, pace := model.FactsOf(p.Project, ms, rs, today)
	if pc, ok := db.Pace.Of(pace, today); ok {
		j := pc.JSON()
		out.Pace = &j
	}
	for i, m := range ms {
		out.Milestones[i] = toMilestoneJSON(m)
	}
	for i, r := range rs {
		out.Progress[i] = toProgressJSON(r)
	}
	for i, ph := range photos {
		out.Photos[i] = toPhotoJSON(ph.Photo, ph.ReportDate)
	}
	return out, nil
}

type milestonePatch struct {
	ActualDate   optional[model.Date] `json:"actual_date" doc:"出现才修改；null 或空串清除"`
	ForecastDate optional[model.Date] `json:"forecast_date" doc:"出现才修改；null 或空串清除"`
	SlipReason   optional[string]     `json:"slip_reason"`
	Version      *int                 `json:"version" required:"true" doc:"节点的当前版本号；已被他人修改时返回 409"`
}

// handlePatchMilestone records an actual date, a forecast or a slip
// reason, guarded by the version the editor saw.
func handlePatchMilestone(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		m, err := httpx.MilestoneForChange(c, db)
		if err != nil {
			return err
		}
		var req milestonePatch
		if err := decode(c, &req); err != nil {
			return err
		}
		if req.Version == nil {
			return model.E(model.EInvalid, "api", "缺少 version（节点的当前版本号）")
		}
		m, err = db.UpdateMilestone(c.Request.Context(), httpx.Actor(c), m.ID, model.MilestoneUpdate{
			ActualDate: req.ActualDate.ptr(), ForecastDate: req.ForecastDate.ptr(), SlipReason: req.SlipReason.ptr(), Version: *req.Version,
		})
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, toMilestoneJSON(m))
		return nil
	}
}

// planDateRequest is a plan date as the API takes it: a date and its
// precision (day, the default; month or year, for which the date may be
// any day of the period).
type planDateRequest struct {
	BaselineDate      model.Date      `json:"baseline_date" required:"true" doc:"计划日期"`
	BaselinePrecision model.Precision `json:"baseline_precision" doc:"精度，默认 day；month、year 时日期可为该月、该年的任一天"`
}

func (r planDateRequest) plan() (model.PlanDate, error) {
	d := r.BaselineDate
	if d.IsZero() {
		return model.PlanDate{}, model.E(model.EInvalid, "api", "缺少 baseline_date")
	}
	switch r.BaselinePrecision {
	case "", model.PrecisionDay:
		return model.DayPlan(d), nil
	case model.PrecisionMonth:
		return model.MonthPlan(d.Year, d.Month), nil
	case model.PrecisionYear:
		return model.YearPlan(d.Year), nil
	}
	return model.PlanDate{}, model.Errorf(model.EInvalid, "api", "baseline_precision 应为 day、month 或 year：%q", r.BaselinePrecision)
}

type stageRequest struct {
	Name string `json:"name" required:"true" doc:"节点名称"`
	planDateRequest
}

// handleAddStage adds a stage milestone to a project.
func handleAddStage(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.ProjectForChange(c, db)
		if err != nil {
			return err
		}
		var req stageRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		plan, err := req.plan()
		if err != nil {
			return err
		}
		m, err := db.AddStage(c.Request.Context(), httpx.Actor(c), id, req.Name, plan)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toMilestoneJSON(m))
		return nil
	}
}

type rebaselineRequest struct {
	planDateRequest
	Reason    string `json:"reason" required:"true" doc:"调整原因"`
	DocNumber string `json:"doc_number" required:"true" doc:"批准文号"`
}

// handleRebaseline moves a milestone's baseline (admin only).
func handleRebaseline(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req rebaselineRequest
		id, err := idAndBody(c, &req)
		if err != nil {
			return err
		}
		plan, err := req.plan()
		if err != nil {
			return err
		}
		m, err := db.Rebaseline(c.Request.Context(), httpx.Actor(c), id, plan, req.Reason, req.DocNumber)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, toMilestoneJSON(m))
		return nil
	}
}

type progressRequest struct {
	ReportDate        model.Date          `json:"report_date" doc:"填报日期，默认今天"`
	Percent           decimal.NullDecimal `json:"percent" doc:"形象进度（%）"`
	InvestmentDoneWan *json.Number        `json:"investment_done_wan" doc:"累计完成投资（万元）"`
	Problems          string              `json:"problems" doc:"存在问题"`
}

// handleAddProgress files a progress report on a project.
func handleAddProgress(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.ProjectForChange(c, db)
		if err != nil {
			return err
		}
		var req progressRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		r := model.ProgressReport{ReportDate: req.ReportDate, Percent: req.Percent, Problems: req.Problems}
		if req.InvestmentDoneWan != nil {
			m, err := model.ParseWan(req.InvestmentDoneWan.String())
			if err != nil {
				return err
			}
			r.InvestmentDone = &m
		}
		r, err = db.AddProgressReport(c.Request.Context(), httpx.Actor(c), id, r)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toProgressJSON(r))
		return nil
	}
}

type auditJSON struct {
	Time     time.Time `json:"time"`
	User     string    `json:"user"`
	Entity   string    `json:"entity"`
	EntityID uint      `json:"entity_id"`
	Action   string    `json:"action"`
	Field    string    `json:"field"`
	Old      string    `json:"old"`
	New      string    `json:"new"`
	Source   string    `json:"source"`
	Note     string    `json:"note"`
}

// existingProject returns the project ID of the :id path parameter,
// not found unless the project exists.
func existingProject(c *gin.Context, db *store.DB) (uint, error) {
	id, err := httpx.IDParam(c, "id")
	if err != nil {
		return 0, err
	}
	_, err = db.GetProject(c.Request.Context(), id)
	return id, err
}

// handleAudit returns a project's history, oldest first.
func handleAudit(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := existingProject(c, db)
		if err != nil {
			return err
		}
		es, err := db.ProjectAudit(c.Request.Context(), id)
		if err != nil {
			return err
		}
		out := items[auditJSON]{Items: make([]auditJSON, len(es))}
		for i, e := range es {
			out.Items[i] = auditJSON{Time: e.Time, User: e.User, Entity: e.Entity, EntityID: e.EntityID, Action: e.Action,
				Field: e.Field, Old: e.Old, New: e.New, Source: e.Source, Note: e.Note}
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}
