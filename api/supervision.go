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
func handleSupervisions(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		pid, err := httpx.QueryInt(c, "project_id", 0)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		f := store.SupervisionFilter{ProjectID: uint(pid), Unit: c.Query("unit")}
		if f.Status, err = httpx.OneOf(c, "status", model.SupervisionOpen, model.SupervisionReplied, model.SupervisionClosed, model.SupervisionEscalated); err != nil {
			httpx.Abort(c, err)
			return
		}
		if f.Overdue, err = httpx.QueryBool(c, "overdue"); err != nil {
			httpx.Abort(c, err)
			return
		}
		if f.AsOf, err = httpx.QueryDate(c, "as_of", model.Date{}); err != nil {
			httpx.Abort(c, err)
			return
		}
		svs, err := db.ListSupervisions(c.Request.Context(), f)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		c.JSON(http.StatusOK, items[store.SupervisionView]{Items: svs})
	}
}

type raiseRequest struct {
	ProjectID uint       `json:"project_id"`
	Reason    string     `json:"reason"`
	ReplyDue  model.Date `json:"reply_due"`
}

// handleRaiseSupervision opens a 督办 on a project.
func handleRaiseSupervision(db *store.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req raiseRequest
		if err := decode(c, &req); err != nil {
			httpx.Abort(c, err)
			return
		}
		sv, err := db.RaiseSupervision(c.Request.Context(), httpx.Actor(c), req.ProjectID, req.Reason, req.ReplyDue)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		respondSupervision(c, db, http.StatusCreated, sv.ID)
	}
}

// respondSupervision answers with the view of 督办 id.
func respondSupervision(c *gin.Context, db *store.DB, status int, id uint) {
	v, err := db.SupervisionByID(c.Request.Context(), id)
	if err != nil {
		httpx.Abort(c, err)
		return
	}
	c.JSON(status, v)
}

// supervisionStepRequest is the body of reply, close and escalate: the
// message, and for an escalation the new reply due date.
type supervisionStepRequest struct {
	Body     string     `json:"body"`
	ReplyDue model.Date `json:"reply_due"`
}

// handleSupervisionStep moves a 督办 on by step. A manager may act only
// on 督办 of his unit's projects (replying is the manager's step).
func handleSupervisionStep(db *store.DB, step httpx.SupervisionStep) gin.HandlerFunc {
	return func(c *gin.Context) {
		v, err := httpx.SupervisionForStep(c, db)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		id := v.ID
		var req supervisionStepRequest
		if err := decode(c, &req); err != nil {
			httpx.Abort(c, err)
			return
		}
		if err := step(c, db, id, req.Body, req.ReplyDue); err != nil {
			httpx.Abort(c, err)
			return
		}
		respondSupervision(c, db, http.StatusOK, id)
	}
}
