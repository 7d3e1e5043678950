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

// model.Financiers may record and correct payments and set budgets: finance,
// which owns money, and admin, who may do everything.

// moneyEndpoints are the payment and budget routes; reading is open to
// every logged-in user, writing to finance and admin.
func (s *server) moneyEndpoints() []endpoint {
	db := s.db
	return []endpoint{
		{method: "GET", path: "/payments", summary: "拨付记录", query: []param{
			{"project_id", "integer", "项目"}, {"from", "date", "拨付日期起（含）"}, {"to", "date", "拨付日期止（含）"},
		}, status: 200, response: "PaymentList", handler: handlePayments(db)},
		{method: "POST", path: "/payments", summary: "登记一笔拨付（财务、管理员）", roles: model.Financiers, body: "PaymentRequest", status: 201, response: "Payment", handler: handleCreatePayment(db)},
		{method: "PATCH", path: "/payments/:id", summary: "更正拨付记录（财务、管理员；须说明原因，留痕）", roles: model.Financiers, body: "PaymentPatch", status: 200, response: "Payment", handler: handleCorrectPayment(db)},
		{method: "GET", path: "/projects/:id/budget", summary: "项目分年度、分资金来源的计划投资", status: 200, response: "Budget", handler: handleBudget(db)},
		{method: "PUT", path: "/projects/:id/budget", summary: "整体替换项目的计划投资明细（财务、管理员）", roles: model.Financiers, body: "BudgetRequest", status: 200, response: "Budget", handler: handleSetBudget(db)},
	}
}

// paymentJSON is a payment as the API shows it; amounts in 万元, exact.
type paymentJSON struct {
	ID        uint        `json:"id"`
	ProjectID uint        `json:"project_id"`
	Date      model.Date  `json:"date"`
	Source    string      `json:"source"`
	AmountWan json.Number `json:"amount_wan"`
	Voucher   string      `json:"voucher"`
	Note      string      `json:"note"`
	CreatedBy string      `json:"created_by"`
	CreatedAt time.Time   `json:"created_at"`
	UpdatedAt time.Time   `json:"updated_at"`
}

func toPaymentJSON(d model.Disbursement) paymentJSON {
	return paymentJSON{ID: d.ID, ProjectID: d.ProjectID, Date: d.Date, Source: d.Source, AmountWan: json.Number(d.Amount.WanString()),
		Voucher: d.Voucher, Note: d.Note, CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt, UpdatedAt: d.UpdatedAt}
}

// wanAmount parses the amount field (in 万元) given as a JSON number or
// string; more precision than a fen, or more than model.MaxAmount, is an
// error naming the field, never silently rounded.
func wanAmount(field string, n json.Number) (model.Money, error) {
	if n == "" {
		return 0, model.Errorf(model.EInvalid, "api", "缺少金额 %s", field)
	}
	m, err := model.ParseWan(n.String())
	if err != nil {
		return 0, model.Errorf(model.EInvalid, "api", "%s：%s", field, model.Message(err))
	}
	return m, nil
}

// handlePayments lists payments, filtered by project_id, from and to.
func handlePayments(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var (
			f   store.PaymentFilter
			err error
		)
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
	ProjectID uint        `json:"project_id"`
	Date      model.Date  `json:"date"`
	Source    string      `json:"source"`
	AmountWan json.Number `json:"amount_wan"`
	Voucher   string      `json:"voucher"`
	Note      string      `json:"note"`
}

// handleCreatePayment records one payment; 409 for a voucher already
// recorded.
func handleCreatePayment(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req paymentRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		amount, err := wanAmount("amount_wan", req.AmountWan)
		if err != nil {
			return err
		}
		d, err := db.CreatePayment(c.Request.Context(), httpx.Actor(c), model.Disbursement{
			ProjectID: req.ProjectID, Date: req.Date, Source: req.Source, Amount: amount, Voucher: req.Voucher, Note: req.Note,
		})
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toPaymentJSON(d))
		return nil
	}
}

type paymentPatch struct {
	Date      optional[model.Date]  `json:"date"`
	AmountWan optional[json.Number] `json:"amount_wan"`
	Source    optional[string]      `json:"source"`
	Note      optional[string]      `json:"note"`
	Reason    string                `json:"reason"`
}

// handleCorrectPayment corrects a payment's date, amount, source or note
// with a reason; the store audits every changed field.
func handleCorrectPayment(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req paymentPatch
		id, err := idAndBody(c, &req)
		if err != nil {
			return err
		}
		upd := store.PaymentUpdate{Date: req.Date.ptr(), Source: req.Source.ptr(), Note: req.Note.ptr(), Reason: req.Reason}
		if req.AmountWan.Set {
			m, err := wanAmount("amount_wan", req.AmountWan.Value)
			if err != nil {
				return err
			}
			upd.Amount = &m
		}
		d, err := db.CorrectPayment(c.Request.Context(), httpx.Actor(c), id, upd)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, toPaymentJSON(d))
		return nil
	}
}

// budgetLineJSON is one budget line: year, funding source, 万元.
type budgetLineJSON struct {
	Year      int         `json:"year"`
	Source    string      `json:"source"`
	AmountWan json.Number `json:"amount_wan"`
}

// budgetJSON is a project's budget breakdown and its total.
type budgetJSON struct {
	ProjectID uint             `json:"project_id"`
	TotalWan  json.Number      `json:"total_wan"`
	Lines     []budgetLineJSON `json:"lines"`
}

func toBudgetJSON(projectID uint, lines []model.BudgetLine) budgetJSON {
	out := budgetJSON{ProjectID: projectID, Lines: make([]budgetLineJSON, len(lines))}
	var total model.Money
	for i, l := range lines {
		total = total.Add(l.Amount)
		out.Lines[i] = budgetLineJSON{Year: l.Year, Source: l.Source, AmountWan: json.Number(l.Amount.WanString())}
	}
	out.TotalWan = json.Number(total.WanString())
	return out
}

// handleBudget shows a project's budget lines.
func handleBudget(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		if _, err := db.GetProject(c.Request.Context(), id); err != nil {
			return err
		}
		lines, err := db.ListBudgetLines(c.Request.Context(), id)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, toBudgetJSON(id, lines))
		return nil
	}
}

type budgetRequest struct {
	Lines []budgetLineJSON `json:"lines"`
}

// handleSetBudget replaces a project's budget lines with the given ones
// in one transaction.
func handleSetBudget(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req budgetRequest
		id, err := idAndBody(c, &req)
		if err != nil {
			return err
		}
		lines := make([]model.BudgetLine, len(req.Lines))
		for i, l := range req.Lines {
			m, err := wanAmount(fmt.Sprintf("lines[%d].amount_wan", i), l.AmountWan)
			if err != nil {
				return err
			}
			lines[i] = model.BudgetLine{Year: l.Year, Source: l.Source, Amount: m}
		}
		saved, err := db.SetBudget(c.Request.Context(), httpx.Actor(c), id, lines)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, toBudgetJSON(id, saved))
		return nil
	}
}
