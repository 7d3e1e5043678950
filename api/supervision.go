package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// handleSupervisions lists 督办: filters project_id, status, unit,
// overdue=true (awaiting a reply past due as of as_of, default today).
func handleSupervisions(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		pid, err := httpx.QueryInt(c, "project_id", 0)
		if err != nil {
			return err
		}
		f := model.SupervisionFilter{ProjectID: uint(pid), Unit: c.Query("unit")}
		if f.Status, err = httpx.OneOf(c, "status", model.SupervisionOpen, model.SupervisionReplied, model.SupervisionClosed, model.SupervisionEscalated); err != nil {
			return err
		}
		if f.Overdue, err = httpx.QueryBool(c, "overdue"); err != nil {
			return err
		}
		if f.AsOf, err = httpx.QueryDate(c, "as_of", model.Date{}); err != nil {
			return err
		}
		svs, err := db.ListSupervisions(c.Request.Context(), f)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, items[model.SupervisionView]{Items: svs})
		return nil
	}
}

type raiseRequest struct {
	ProjectID uint       `json:"project_id"`
	Reason    string     `json:"reason"`
	ReplyDue  model.Date `json:"reply_due"`
}

// handleRaiseSupervision opens a 督办 on a project.
func handleRaiseSupervision(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req raiseRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		sv, err := db.RaiseSupervision(c.Request.Context(), httpx.Actor(c), req.ProjectID, req.Reason, req.ReplyDue)
		if err != nil {
			return err
		}
		return respondSupervision(c, db, http.StatusCreated, sv.ID)
	}
}

// respondSupervision answers with the view of 督办 id.
func respondSupervision(c *gin.Context, db *store.DB, status int, id uint) error {
	v, err := db.SupervisionByID(c.Request.Context(), id)
	if err != nil {
		return err
	}
	c.JSON(status, v)
	return nil
}

// supervisionStepRequest is the body of reply, close and escalate: the
// message, and for an escalation the new reply due date.
type supervisionStepRequest struct {
	Body     string     `json:"body"`
	ReplyDue model.Date `json:"reply_due"`
}

// handleSupervisionStep moves a 督办 on by step. A manager may act only
// on 督办 of his unit's projects (replying is the manager's step).
func handleSupervisionStep(db *store.DB, step httpx.SupervisionStep) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		v, err := httpx.SupervisionForStep(c, db)
		if err != nil {
			return err
		}
		id := v.ID
		var req supervisionStepRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		if err := step(c, db, id, req.Body, req.ReplyDue); err != nil {
			return err
		}
		return respondSupervision(c, db, http.StatusOK, id)
	}
}
