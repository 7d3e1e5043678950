package api

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// revertRefusal is the 409 answer of POST /imports/:id/revert: why, and
// the later changes that keep the batch from being reverted (none when
// it is reverted already).
type revertRefusal struct {
	Error     string                 `json:"error" required:"true" doc:"中文错误说明"`
	Code      string                 `json:"code,omitempty" doc:"revert_conflict：该批次写入的记录此后又有修改"`
	Conflicts []model.RevertConflict `json:"conflicts" required:"true" doc:"此后的修改：项目、字段、导入批次或用户、时间"`
}

// handleRevertImport reverts import batch :id (see store.RevertImport).
func handleRevertImport(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		res, err := db.RevertImport(c.Request.Context(), id, httpx.Actor(c))
		if model.Kind(err) == model.EConflict {
			out := revertRefusal{Error: model.Message(err), Code: model.CodeOf(err), Conflicts: []model.RevertConflict{}}
			var refused *model.RevertRefused
			if errors.As(err, &refused) {
				out.Conflicts = refused.Conflicts
			}
			c.JSON(http.StatusConflict, out)
			return nil
		}
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, res)
		return nil
	}
}
