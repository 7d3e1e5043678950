package api

import (
	"encoding/json"
	"net/http"
	"slices"
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
	Total int64         `json:"total"`
}

// projectItem is a project of the list with its 序时进度 lamp ("pace":
// null when it has none: finished, not yet due to start, no plan).
type projectItem struct {
	model.ProjectView
	Pace *model.Pace
}

// MarshalJSON is the view's JSON with "pace" added.
func (p projectItem) MarshalJSON() ([]byte, error) {
	view, err := json.Marshal(p.ProjectView)
	if err != nil {
		return nil, err
	}
	pace, err := json.Marshal(p.Pace)
	if err != nil {
		return nil, err
	}
	out := append(view[:len(view)-1:len(view)-1], `,"pace":`...)
	return append(append(out, pace...), '}'), nil
}

// onlyIDs narrows f to the projects keep selects among ids (all of them
// when f selected none yet), and reports whether any is left.
func onlyIDs(f *model.ProjectFilter, ids []uint) bool {
	if len(f.IDs) > 0 {
		ids = slices.DeleteFunc(ids, func(id uint) bool { return !slices.Contains(f.IDs, id) })
	}
	f.IDs = ids
	return len(ids) > 0
}

// handleProjects lists projects with their lamps as of as_of (default
// today): filters category, unit, township, q, severity (projects with
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
		empty := projectList{Items: []projectItem{}}
		if severity != "" {
			as, err := alerts.List(ctx, db, asOf, cfg)
			if err != nil {
				return err
			}
			var ids []uint
			for _, a := range as {
				if a.Severity == severity && !slices.Contains(ids, a.ProjectID) {
					ids = append(ids, a.ProjectID)
				}
			}
			if !onlyIDs(&f, ids) {
				c.JSON(http.StatusOK, empty)
				return nil
			}
		}
		if lamp != "" {
			ids, err := db.ProjectsWithLamp(ctx, asOf, lamp)
			if err != nil {
				return err
			}
			if !onlyIDs(&f, ids) {
				c.JSON(http.StatusOK, empty)
				return nil
			}
		}
		ps, total, err := db.ListProjects(ctx, f)
		if err != nil {
			return err
		}
		ids := make([]uint, len(ps))
		for i, p := range ps {
			ids[i] = p.ID
		}
		paces, err := db.Paces(ctx, asOf, ids)
		if err != nil {
			return err
		}
		out := projectList{Items: make([]projectItem, len(ps)), Total: total}
		for i, p := range ps {
			out.Items[i].ProjectView = p
			if pc, ok := paces[p.ID]; ok {
				out.Items[i].Pace = &pc
			}
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
	BaselinePrecision *model.Precision `json:"baseline_precision"`
	ForecastDate      model.Date       `json:"forecast_date"`
	ActualDate        model.Date       `json:"actual_date"`
	SlipReason        string           `json:"slip_reason"`
	Version           int              `json:"version"`
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
		out, err := projectDetail(c, db, id)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}

// projectDetail is the project JSON with "milestones", "slip_history",
// "progress" and "supervisions" added.
func projectDetail(c *gin.Context, db *store.DB, id uint) (map[string]any, error) {
	ctx := c.Request.Context()
	p, err := db.GetProject(ctx, id)
	if err != nil {
		return nil, err
	}
	ms, err := db.ProjectMilestones(ctx, id)
	if err != nil {
		return nil, err
	}
	rs, err := db.ProjectProgress(ctx, id)
	if err != nil {
		return nil, err
	}
	svs, _, err := db.ListSupervisions(ctx, model.SupervisionFilter{ProjectID: id})
	if err != nil {
		return nil, err
	}
	photos, err := db.ProjectPhotos(ctx, id)
	if err != nil {
		return nil, err
	}
	paces, err := db.Paces(ctx, db.Today(), []uint{id})
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(p)
	if err != nil {
		return nil, model.Wrap("api.projectDetail", err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, model.Wrap("api.projectDetail", err)
	}
	mj := make([]milestoneJSON, len(ms))
	for i, m := range ms {
		mj[i] = toMilestoneJSON(m)
	}
	pj := make([]progressJSON, len(rs))
	for i, r := range rs {
		pj[i] = toProgressJSON(r)
	}
	phj := make([]photoJSON, len(photos))
	for i, ph := range photos {
		phj[i] = toPhotoJSON(ph.Photo, ph.ReportDate)
	}
	out["milestones"], out["slip_history"], out["progress"], out["supervisions"], out["photos"] = mj, alerts.SlipHistory(ms), pj, svs, phj
	if pc, ok := paces[id]; ok {
		out["pace"] = pc
	} else {
		out["pace"] = nil
	}
	return out, nil
}

type milestonePatch struct {
	ActualDate   optional[model.Date] `json:"actual_date"`
	ForecastDate optional[model.Date] `json:"forecast_date"`
	SlipReason   optional[string]     `json:"slip_reason"`
	Version      *int                 `json:"version"`
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
	BaselineDate      model.Date      `json:"baseline_date"`
	BaselinePrecision model.Precision `json:"baseline_precision"`
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
	Name string `json:"name"`
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
	Reason    string `json:"reason"`
	DocNumber string `json:"doc_number"`
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
	ReportDate        model.Date          `json:"report_date"`
	Percent           decimal.NullDecimal `json:"percent"`
	InvestmentDoneWan *json.Number        `json:"investment_done_wan"`
	Problems          string              `json:"problems"`
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
