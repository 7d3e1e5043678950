package httpx

import (
	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// The guards the API and the UI share: each loads what a request is about
// to change and checks, with model.MayChange, that the user may change it.

// projectUnit returns the responsible unit of project id (404 if none).
func projectUnit(c *gin.Context, db *store.DB, id uint) (string, error) {
	p, err := db.GetProject(c.Request.Context(), id)
	return p.ResponsibleUnit, err
}

// MilestoneForChange loads the milestone of the :id path parameter and
// checks that the user may change its project.
func MilestoneForChange(c *gin.Context, db *store.DB) (model.Milestone, error) {
	id, err := IDParam(c, "id")
	if err != nil {
		return model.Milestone{}, err
	}
	m, err := db.GetMilestone(c.Request.Context(), id)
	if err != nil {
		return model.Milestone{}, err
	}
	unit, err := projectUnit(c, db, m.ProjectID)
	if err != nil {
		return model.Milestone{}, err
	}
	return m, model.MayChange(CurrentUser(c), unit)
}

// ProjectForChange returns the project of the :id path parameter after
// checking that the user may change it.
func ProjectForChange(c *gin.Context, db *store.DB) (uint, error) {
	id, err := IDParam(c, "id")
	if err != nil {
		return 0, err
	}
	unit, err := projectUnit(c, db, id)
	if err != nil {
		return 0, err
	}
	return id, model.MayChange(CurrentUser(c), unit)
}

// SupervisionForStep returns the 督办 of the :id path parameter after
// checking that a manager acts only on his unit's 督办.
func SupervisionForStep(c *gin.Context, db *store.DB) (model.SupervisionView, error) {
	id, err := IDParam(c, "id")
	if err != nil {
		return model.SupervisionView{}, err
	}
	v, err := db.SupervisionByID(c.Request.Context(), id)
	if err != nil {
		return v, err
	}
	if u := CurrentUser(c); u.Role == model.RoleManager {
		return v, model.MayChange(u, v.ResponsibleUnit)
	}
	return v, nil
}

// SupervisionStep moves 督办 id on with the message body; due is the new
// reply due date of an escalation.
type SupervisionStep func(c *gin.Context, db *store.DB, id uint, body string, due model.Date) error

// The three steps of a 督办 after it is raised.
var (
	ReplySupervision SupervisionStep = func(c *gin.Context, db *store.DB, id uint, body string, _ model.Date) error {
		_, err := db.ReplySupervision(c.Request.Context(), Actor(c), id, body)
		return err
	}
	CloseSupervision SupervisionStep = func(c *gin.Context, db *store.DB, id uint, body string, _ model.Date) error {
		_, err := db.CloseSupervision(c.Request.Context(), Actor(c), id, body)
		return err
	}
	EscalateSupervision SupervisionStep = func(c *gin.Context, db *store.DB, id uint, body string, due model.Date) error {
		_, err := db.EscalateSupervision(c.Request.Context(), Actor(c), id, body, due)
		return err
	}
)
