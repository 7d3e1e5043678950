package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// Batches is what the admin's import batch pages need of storage.
type Batches interface {
	ImportBatches(ctx context.Context) ([]model.ImportBatch, error)
	ImportBatchDetail(ctx context.Context, id uint, limit int) (model.BatchDetail, error)
	RevertImport(ctx context.Context, id uint, actor model.Actor) (model.RevertResult, error)
}

// batchChangesShown is how many changes a batch page lists.
const batchChangesShown = 2000

// handleBatchesPage lists the import batches, newest first.
func handleBatchesPage(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		bs, err := db.ImportBatches(c.Request.Context())
		if err != nil {
			return err
		}
		ls := make([]model.BatchListing, len(bs))
		for i, b := range bs {
			ls[i] = b.Listing(db.TimeZone())
		}
		return render(c, tpl, http.StatusOK, "batches", newPage(c, "导入记录", "batches", ls))
	}
}

// batchPage is the data of one batch's page: what it changed and, after
// a refused revert, why.
type batchPage struct {
	B         model.BatchListing
	D         model.BatchDetail
	Refusal   string
	Conflicts []string
}

// handleBatchPage shows import batch :id.
func handleBatchPage(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		return renderBatch(c, db, tpl, http.StatusOK, "", nil)
	}
}

func renderBatch(c *gin.Context, db Store, tpl *Templates, status int, refusal string, conflicts []string) error {
	id, err := httpx.IDParam(c, "id")
	if err != nil {
		return err
	}
	d, err := db.ImportBatchDetail(c.Request.Context(), id, batchChangesShown)
	if err != nil {
		return err
	}
	p := batchPage{B: d.Batch.Listing(db.TimeZone()), D: d, Refusal: refusal, Conflicts: conflicts}
	return render(c, tpl, status, "batch", newPage(c, fmt.Sprintf("导入批次 #%d", id), "batches", p))
}

// handleWebRevert reverts import batch :id (撤销本次导入); a refusal is
// the batch's page again with the reason and the later changes.
func handleWebRevert(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		_, err = db.RevertImport(c.Request.Context(), id, httpx.Actor(c))
		if model.Kind(err) == model.EConflict || model.Kind(err) == model.EInvalid {
			var lines []string
			var refused *model.RevertRefused
			if errors.As(err, &refused) {
				for _, cf := range refused.Conflicts {
					lines = append(lines, cf.Text(db.TimeZone()))
				}
			}
			return renderBatch(c, db, tpl, httpx.StatusOf(model.Kind(err)), model.Message(err), lines)
		}
		if err != nil {
			return err
		}
		c.Redirect(http.StatusSeeOther, fmt.Sprintf("/imports/%d?done=reverted", id))
		return nil
	}
}
