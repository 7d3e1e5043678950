package api

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// fundJSON is an allocation (下达) or a receipt (到位); amounts in 万元.
type fundJSON struct {
	ID        uint        `json:"id"`
	ProjectID uint        `json:"project_id"`
	Source    string      `json:"source"`
	AmountWan json.Number `json:"amount_wan"`
	Date      model.Date  `json:"date"`
	DocNo     string      `json:"doc_no,omitempty" doc:"下达文号（下达资金）"`
	Note      string      `json:"note"`
	Version   int         `json:"version"`
	CreatedBy string      `json:"created_by"`
	CreatedAt time.Time   `json:"created_at"`
	UpdatedAt time.Time   `json:"updated_at"`
}

func toFundJSON(f model.Fund) fundJSON {
	return fundJSON{ID: f.ID, ProjectID: f.ProjectID, Source: f.Source, AmountWan: json.Number(f.Amount.WanString()),
		Date: f.Date, DocNo: f.DocNo, Note: f.Note, Version: f.Version, CreatedBy: f.CreatedBy, CreatedAt: f.CreatedAt, UpdatedAt: f.UpdatedAt}
}

// handleFunds lists the allocations or receipts, filtered by project_id.
func handleFunds(db *store.DB, kind string) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		pid, err := httpx.QueryInt(c, "project_id", 0)
		if err != nil {
			return err
		}
		fs, err := db.ListFunds(c.Request.Context(), model.FundFilter{Kind: kind, ProjectID: uint(pid)})
		if err != nil {
			return err
		}
		out := items[fundJSON]{Items: make([]fundJSON, len(fs))}
		for i, f := range fs {
			out.Items[i] = toFundJSON(f)
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}

type fundRequest struct {
	ProjectID  uint        `json:"project_id" required:"true"`
	Source     string      `json:"source" required:"true" doc:"已登记的资金来源"`
	AmountWan  json.Number `json:"amount_wan" doc:"金额（万元）；与 amount_yuan 二选一"`
	AmountYuan json.Number `json:"amount_yuan" doc:"金额（元）"`
	Date       model.Date  `json:"date" required:"true"`
	DocNo      string      `json:"doc_no" doc:"下达文号（只用于下达资金）"`
	Note       string      `json:"note"`
}

// handleCreateFund records an allocation or a receipt.
func handleCreateFund(db *store.DB, kind string) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req fundRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		if kind == model.FundReceived && req.DocNo != "" {
			return model.E(model.EInvalid, "api", "资金到位记录没有文号 doc_no")
		}
		m, err := amount("", req.AmountWan, req.AmountYuan)
		if err != nil {
			return err
		}
		f, err := db.CreateFund(c.Request.Context(), httpx.Actor(c), model.Fund{Kind: kind, ProjectID: req.ProjectID,
			Source: req.Source, Amount: m, Date: req.Date, DocNo: req.DocNo, Note: req.Note})
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toFundJSON(f))
		return nil
	}
}

type fundPatch struct {
	Version    *int                  `json:"version" required:"true" doc:"所更正记录的版本号"`
	Source     optional[string]      `json:"source"`
	AmountWan  optional[json.Number] `json:"amount_wan"`
	AmountYuan optional[json.Number] `json:"amount_yuan"`
	Date       optional[model.Date]  `json:"date"`
	DocNo      optional[string]      `json:"doc_no"`
	Note       optional[string]      `json:"note"`
	Reason     string                `json:"reason" required:"true" doc:"更正原因（留痕）"`
}

// handleUpdateFund corrects an allocation or a receipt of the given
// version (409 when stale), with a reason.
func handleUpdateFund(db *store.DB, kind string) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req fundPatch
		id, err := idAndBody(c, &req)
		if err != nil {
			return err
		}
		upd := model.FundUpdate{Kind: kind, Source: req.Source.ptr(), Date: req.Date.ptr(), DocNo: req.DocNo.ptr(), Note: req.Note.ptr(), Reason: req.Reason}
		if upd.Version, err = version(req.Version); err != nil {
			return err
		}
		if upd.Amount, err = changedAmount(req.AmountWan, req.AmountYuan); err != nil {
			return err
		}
		f, err := db.UpdateFund(c.Request.Context(), httpx.Actor(c), id, upd)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, toFundJSON(f))
		return nil
	}
}

type fundingSourceJSON struct {
	ID   uint   `json:"id"`
	Name string `json:"name"`
}

// handleFundingSources lists the register of funding sources.
func handleFundingSources(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		srcs, err := db.FundingSources(c.Request.Context())
		if err != nil {
			return err
		}
		out := items[fundingSourceJSON]{Items: make([]fundingSourceJSON, len(srcs))}
		for i, s := range srcs {
			out.Items[i] = fundingSourceJSON{ID: s.ID, Name: s.Name}
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}

type fundingSourceRequest struct {
	Name string `json:"name" required:"true" doc:"资金来源名称"`
}

// handleAddFundingSource registers a funding source (admin).
func handleAddFundingSource(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req fundingSourceRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		s, err := db.AddFundingSource(c.Request.Context(), httpx.Actor(c), req.Name)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, fundingSourceJSON{ID: s.ID, Name: s.Name})
		return nil
	}
}
