package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// model.Financiers may record and correct payments, allocations, receipts
// and budgets: finance, which owns money, and admin, who may do
// everything.

// moneyEndpoints are the funds-chain and budget routes; reading is open
// to every logged-in user, writing to finance and admin, the register of
// funding sources to admin.
func (s *server) moneyEndpoints() []endpoint {
	db := s.db
	byProject := []param{{"project_id", "integer", "项目"}}
	return []endpoint{
		{method: "GET", path: "/payments", summary: "拨付记录", query: []param{
			{"project_id", "integer", "项目"}, {"from", "date", "拨付日期起（含）"}, {"to", "date", "拨付日期止（含）"},
		}, status: 200, response: "PaymentList", handler: handlePayments(db)},
		{method: "POST", path: "/payments", summary: "登记一笔拨付（财务、管理员；超计划或超下达须 confirm_over）", roles: model.Financiers, body: "PaymentRequest", status: 201, response: "Payment", handler: handleCreatePayment(db)},
		{method: "PATCH", path: "/payments/:id", summary: "更正拨付记录（财务、管理员；须说明原因并给出版本号，留痕）", roles: model.Financiers, body: "PaymentPatch", status: 200, response: "Payment", handler: handleCorrectPayment(db)},
		{method: "POST", path: "/payments/:id/reverse", summary: "红字冲销一笔拨付（财务、管理员；须说明原因）", roles: model.Financiers, body: "PaymentReverse", status: 201, response: "Payment", handler: handleReversePayment(db)},
		{method: "GET", path: "/allocations", summary: "下达资金记录", query: byProject, status: 200, response: "FundList", handler: handleFunds(db, model.FundAllocated)},
		{method: "POST", path: "/allocations", summary: "登记下达资金（财务、管理员）", roles: model.Financiers, body: "FundRequest", status: 201, response: "Fund", handler: handleCreateFund(db, model.FundAllocated)},
		{method: "PATCH", path: "/allocations/:id", summary: "更正下达资金记录（须版本号和原因）", roles: model.Financiers, body: "FundPatch", status: 200, response: "Fund", handler: handleUpdateFund(db, model.FundAllocated)},
		{method: "GET", path: "/receipts", summary: "资金到位记录", query: byProject, status: 200, response: "FundList", handler: handleFunds(db, model.FundReceived)},
		{method: "POST", path: "/receipts", summary: "登记资金到位（财务、管理员）", roles: model.Financiers, body: "FundRequest", status: 201, response: "Fund", handler: handleCreateFund(db, model.FundReceived)},
		{method: "PATCH", path: "/receipts/:id", summary: "更正资金到位记录（须版本号和原因）", roles: model.Financiers, body: "FundPatch", status: 200, response: "Fund", handler: handleUpdateFund(db, model.FundReceived)},
		{method: "GET", path: "/funding-sources", summary: "已登记的资金来源", status: 200, response: "FundingSourceList", handler: handleFundingSources(db)},
		{method: "POST", path: "/funding-sources", summary: "登记资金来源（管理员）", roles: model.AdminOnly, body: "FundingSourceRequest", status: 201, response: "FundingSource", handler: handleAddFundingSource(db)},
		{method: "GET", path: "/projects/:id/budget", summary: "项目分年度、分资金来源的计划投资", status: 200, response: "Budget", handler: handleBudget(db)},
		{method: "PUT", path: "/projects/:id/budget", summary: "整体替换项目的计划投资明细（财务、管理员；须版本号）", roles: model.Financiers, body: "BudgetRequest", status: 200, response: "Budget", handler: handleSetBudget(db)},
	}
}

// paymentJSON is a payment as the API shows it; amounts in 万元, exact.
type paymentJSON struct {
	ID         uint        `json:"id"`
	ProjectID  uint        `json:"project_id"`
	Date       model.Date  `json:"date"`
	Source     string      `json:"source"`
	AmountWan  json.Number `json:"amount_wan"`
	Voucher    string      `json:"voucher"`
	Note       string      `json:"note"`
	ReversalOf uint        `json:"reversal_of,omitempty"`
	Reversed   bool        `json:"reversed"`
	Version    int         `json:"version"`
	CreatedBy  string      `json:"created_by"`
	CreatedAt  time.Time   `json:"created_at"`
	UpdatedAt  time.Time   `json:"updated_at"`
}

func toPaymentJSON(d model.Disbursement) paymentJSON {
	return paymentJSON{ID: d.ID, ProjectID: d.ProjectID, Date: d.Date, Source: d.Source, AmountWan: json.Number(d.Amount.WanString()),
		Voucher: d.Voucher, Note: d.Note, ReversalOf: d.ReversalOf, Reversed: d.Reversed, Version: d.Version,
		CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt}
}

// changedAmount is a correction's new amount: nil when the body names
// neither amount_wan nor amount_yuan.
func changedAmount(wan, yuan optional[json.Number]) (*model.Money, error) {
	if !wan.Set && !yuan.Set {
		return nil, nil
	}
	m, err := amount("", wan.Value, yuan.Value)
	return &m, err
}

// amount parses an amount given as amount_wan (万元) or amount_yuan (元),
// exactly one of them, each a JSON number or string; more precision than
// a fen, or more than model.MaxAmount, is an error naming the field,
// never silently rounded. prefix names the object ("lines[0].").
func amount(prefix string, wan, yuan json.Number) (model.Money, error) {
	field, text, unit := prefix+"amount_wan", wan, model.Wan
	switch {
	case wan != "" && yuan != "":
		return 0, model.Errorf(model.EInvalid, "api", "%samount_wan 和 %samount_yuan 只能填一个", prefix, prefix)
	case wan == "" && yuan == "":
		return 0, model.Errorf(model.EInvalid, "api", "缺少金额 %samount_wan 或 %samount_yuan", prefix, prefix)
	case yuan != "":
		field, text, unit = prefix+"amount_yuan", yuan, model.Yuan
	}
	m, err := model.ParseAmount(text.String(), unit)
	if err != nil {
		return 0, model.Errorf(model.EInvalid, "api", "%s：%s", field, model.Message(err))
	}
	return m, nil
}

// handlePayments lists payments, filtered by project_id, from and to.
func handlePayments(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var f model.PaymentFilter
		pid, err := httpx.QueryInt(c, "project_id", 0)
		if err != nil {
			return err
		}
		f.ProjectID = uint(pid)
		if f.From, err = httpx.QueryDate(c, "from", model.Date{}); err != nil {
			return err
		}
		if f.To, err = httpx.QueryDate(c, "to", model.Date{}); err != nil {
			return err
		}
		ps, err := db.ListPayments(c.Request.Context(), f)
		if err != nil {
			return err
		}
		out := items[paymentJSON]{Items: make([]paymentJSON, len(ps))}
		for i, p := range ps {
			out.Items[i] = toPaymentJSON(p)
		}
		c.JSON(http.StatusOK, out)
		return nil
	}
}

type paymentRequest struct {
	ProjectID   uint        `json:"project_id"`
	Date        model.Date  `json:"date"`
	Source      string      `json:"source"`
	AmountWan   json.Number `json:"amount_wan"`
	AmountYuan  json.Number `json:"amount_yuan"`
	Voucher     string      `json:"voucher"`
	Note        string      `json:"note"`
	ConfirmOver bool        `json:"confirm_over"`
}

// handleCreatePayment records one payment; 409 for a voucher already
// recorded, 422 with code over_plan for an unconfirmed over-plan one.
func handleCreatePayment(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req paymentRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		m, err := amount("", req.AmountWan, req.AmountYuan)
		if err != nil {
			return err
		}
		d, err := db.CreatePayment(c.Request.Context(), httpx.Actor(c), model.Disbursement{
			ProjectID: req.ProjectID, Date: req.Date, Source: req.Source, Amount: m, Voucher: req.Voucher, Note: req.Note,
		}, req.ConfirmOver)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toPaymentJSON(d))
		return nil
	}
}

type paymentPatch struct {
	Version     *int                  `json:"version"`
	Date        optional[model.Date]  `json:"date"`
	AmountWan   optional[json.Number] `json:"amount_wan"`
	AmountYuan  optional[json.Number] `json:"amount_yuan"`
	Source      optional[string]      `json:"source"`
	Note        optional[string]      `json:"note"`
	Reason      string                `json:"reason"`
	ConfirmOver bool                  `json:"confirm_over"`
}

// version is a request's required "version".
func version(v *int) (int, error) {
	if v == nil {
		return 0, model.E(model.EInvalid, "api", "缺少版本号 version（取自最近一次读取的记录）")
	}
	return *v, nil
}

// handleCorrectPayment corrects a payment's date, amount, source or note
// with a reason and the version it is based on (409 when stale); the
// store audits every changed field.
func handleCorrectPayment(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req paymentPatch
		id, err := idAndBody(c, &req)
		if err != nil {
			return err
		}
		upd := model.PaymentUpdate{Date: req.Date.ptr(), Source: req.Source.ptr(), Note: req.Note.ptr(), Reason: req.Reason, ConfirmOver: req.ConfirmOver}
		if upd.Version, err = version(req.Version); err != nil {
			return err
		}
		if upd.Amount, err = changedAmount(req.AmountWan, req.AmountYuan); err != nil {
			return err
		}
		d, err := db.CorrectPayment(c.Request.Context(), httpx.Actor(c), id, upd)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, toPaymentJSON(d))
		return nil
	}
}

type paymentReverse struct {
	Version *int       `json:"version"`
	Date    model.Date `json:"date"`
	Reason  string     `json:"reason"`
}

// handleReversePayment reverses a payment (红字冲销) and answers the
// reversal.
func handleReversePayment(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req paymentReverse
		id, err := idAndBody(c, &req)
		if err != nil {
			return err
		}
		v, err := version(req.Version)
		if err != nil {
			return err
		}
		rev, err := db.ReversePayment(c.Request.Context(), httpx.Actor(c), id, v, req.Date, req.Reason)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toPaymentJSON(rev))
		return nil
	}
}

// budgetLineJSON is one budget line: year, funding source, 万元 (or 元
// in a request).
type budgetLineJSON struct {
	Year       int         `json:"year"`
	Source     string      `json:"source"`
	AmountWan  json.Number `json:"amount_wan"`
	AmountYuan json.Number `json:"amount_yuan,omitempty"`
}

// budgetJSON is a project's budget breakdown, its total and its version.
type budgetJSON struct {
	ProjectID uint             `json:"project_id"`
	Version   int              `json:"version"`
	TotalWan  json.Number      `json:"total_wan"`
	Lines     []budgetLineJSON `json:"lines"`
}

func toBudgetJSON(projectID uint, version int, lines []model.BudgetLine) budgetJSON {
	out := budgetJSON{ProjectID: projectID, Version: version, Lines: make([]budgetLineJSON, len(lines))}
	var total model.Money
	for i, l := range lines {
		total = total.Add(l.Amount)
		out.Lines[i] = budgetLineJSON{Year: l.Year, Source: l.Source, AmountWan: json.Number(l.Amount.WanString())}
	}
	out.TotalWan = json.Number(total.WanString())
	return out
}

// budgetAnswer answers project id's budget as it is stored.
func budgetAnswer(c *gin.Context, db *store.DB, id uint) error {
	v, err := db.BudgetVersion(c.Request.Context(), id)
	if err != nil {
		return err
	}
	lines, err := db.ListBudgetLines(c.Request.Context(), id)
	if err != nil {
		return err
	}
	c.JSON(http.StatusOK, toBudgetJSON(id, v, lines))
	return nil
}

// handleBudget shows a project's budget lines.
func handleBudget(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		return budgetAnswer(c, db, id)
	}
}

type budgetRequest struct {
	Version *int             `json:"version"`
	Lines   []budgetLineJSON `json:"lines"`
}

// handleSetBudget replaces a project's budget lines of the given version
// with the given ones in one transaction (409 when stale).
func handleSetBudget(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req budgetRequest
		id, err := idAndBody(c, &req)
		if err != nil {
			return err
		}
		v, err := version(req.Version)
		if err != nil {
			return err
		}
		lines := make([]model.BudgetLine, len(req.Lines))
		for i, l := range req.Lines {
			m, err := amount(fmt.Sprintf("lines[%d].", i), l.AmountWan, l.AmountYuan)
			if err != nil {
				return err
			}
			lines[i] = model.BudgetLine{Year: l.Year, Source: l.Source, Amount: m}
		}
		if _, err := db.SetBudget(c.Request.Context(), httpx.Actor(c), id, v, lines); err != nil {
			return err
		}
		return budgetAnswer(c, db, id)
	}
}
