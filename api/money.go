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
		}, status: 200, response: items[paymentJSON]{}, handler: handlePayments(db)},
		{method: "POST", path: "/payments", summary: "登记一笔拨付（财务、管理员；超计划或超下达须 confirm_over）", roles: model.Financiers, body: paymentRequest{}, status: 201, response: paymentJSON{},
			fails: []fail{{http.StatusConflict, "凭证号已登记", nil}, noProject}, handler: handleCreatePayment(db)},
		{method: "PATCH", path: "/payments/:id", summary: "更正拨付记录（财务、管理员；须说明原因并给出版本号，留痕）", roles: model.Financiers, body: paymentPatch{}, status: 200, response: paymentJSON{}, fails: []fail{staleVersion}, handler: handleCorrectPayment(db)},
		{method: "POST", path: "/payments/:id/reverse", summary: "红字冲销一笔拨付（财务、管理员；须说明原因）", roles: model.Financiers, body: paymentReverse{}, status: 201, response: paymentJSON{},
			fails: []fail{staleVersion}, handler: handleReversePayment(db)},
		{method: "GET", path: "/allocations", summary: "下达资金记录", query: byProject, status: 200, response: items[fundJSON]{}, handler: handleFunds(db, model.FundAllocated)},
		{method: "POST", path: "/allocations", summary: "登记下达资金（财务、管理员）", roles: model.Financiers, body: fundRequest{}, status: 201, response: fundJSON{}, fails: []fail{noProject}, handler: handleCreateFund(db, model.FundAllocated)},
		{method: "PATCH", path: "/allocations/:id", summary: "更正下达资金记录（须版本号和原因）", roles: model.Financiers, body: fundPatch{}, status: 200, response: fundJSON{}, fails: []fail{staleVersion}, handler: handleUpdateFund(db, model.FundAllocated)},
		{method: "GET", path: "/receipts", summary: "资金到位记录", query: byProject, status: 200, response: items[fundJSON]{}, handler: handleFunds(db, model.FundReceived)},
		{method: "POST", path: "/receipts", summary: "登记资金到位（财务、管理员）", roles: model.Financiers, body: fundRequest{}, status: 201, response: fundJSON{}, fails: []fail{noProject}, handler: handleCreateFund(db, model.FundReceived)},
		{method: "PATCH", path: "/receipts/:id", summary: "更正资金到位记录（须版本号和原因）", roles: model.Financiers, body: fundPatch{}, status: 200, response: fundJSON{}, fails: []fail{staleVersion}, handler: handleUpdateFund(db, model.FundReceived)},
		{method: "GET", path: "/funding-sources", summary: "已登记的资金来源", status: 200, response: items[fundingSourceJSON]{}, handler: handleFundingSources(db)},
		{method: "POST", path: "/funding-sources", summary: "登记资金来源（管理员）", roles: model.AdminOnly, body: fundingSourceRequest{}, status: 201, response: fundingSourceJSON{},
			fails: []fail{{http.StatusConflict, "资金来源已登记", nil}}, handler: handleAddFundingSource(db)},
		{method: "GET", path: "/projects/:id/budget", summary: "项目分年度、分资金来源的计划投资", status: 200, response: budgetJSON{}, handler: handleBudget(db)},
		{method: "PUT", path: "/projects/:id/budget", summary: "整体替换项目的计划投资明细（财务、管理员；须版本号）", roles: model.Financiers, body: budgetRequest{}, status: 200, response: budgetJSON{}, fails: []fail{staleVersion}, handler: handleSetBudget(db)},
	}
}

// paymentJSON is a payment as the API shows it; amounts in 万元, exact.
type paymentJSON struct {
	ID         uint        `json:"id"`
	ProjectID  uint        `json:"project_id"`
	Date       model.Date  `json:"date"`
	Source     string      `json:"source" doc:"资金来源"`
	AmountWan  json.Number `json:"amount_wan" doc:"拨付金额（万元，精确到分）"`
	Voucher    string      `json:"voucher" doc:"凭证号，唯一"`
	Note       string      `json:"note"`
	ReversalOf uint        `json:"reversal_of,omitempty" doc:"本记录冲销的拨付记录（红字冲销）"`
	Reversed   bool        `json:"reversed" doc:"已被红字冲销"`
	Version    int         `json:"version" doc:"版本号，更正时须原样提交"`
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
	ProjectID   uint        `json:"project_id" required:"true"`
	Date        model.Date  `json:"date" required:"true" doc:"拨付日期，不得晚于今天"`
	Source      string      `json:"source" doc:"资金来源，如 中央预算内投资、县级配套"`
	AmountWan   json.Number `json:"amount_wan" doc:"拨付金额（万元，大于零，精确到分）；与 amount_yuan 二选一"`
	AmountYuan  json.Number `json:"amount_yuan" doc:"拨付金额（元）；与 amount_wan 二选一"`
	Voucher     string      `json:"voucher" required:"true" doc:"凭证号；已登记的凭证号返回 409"`
	Note        string      `json:"note"`
	ConfirmOver bool        `json:"confirm_over" doc:"确认超计划投资或超下达资金的拨付；未确认时返回 422，code 为 over_plan"`
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
	Version     *int                  `json:"version" required:"true" doc:"所更正记录的版本号；已被他人修改时返回 409"`
	Date        optional[model.Date]  `json:"date"`
	AmountWan   optional[json.Number] `json:"amount_wan" doc:"新金额（万元）；与 amount_yuan 二选一"`
	AmountYuan  optional[json.Number] `json:"amount_yuan" doc:"新金额（元）"`
	Source      optional[string]      `json:"source"`
	Note        optional[string]      `json:"note"`
	Reason      string                `json:"reason" required:"true" doc:"更正原因（留痕）"`
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
	Version *int       `json:"version" required:"true" doc:"所冲销记录的版本号"`
	Date    model.Date `json:"date" doc:"冲销日期，默认今天"`
	Reason  string     `json:"reason" required:"true" doc:"冲销原因（留痕）"`
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
	Year       int         `json:"year" required:"true"`
	Source     string      `json:"source" required:"true" doc:"资金来源"`
	AmountWan  json.Number `json:"amount_wan" doc:"计划金额（万元）"`
	AmountYuan json.Number `json:"amount_yuan,omitempty" doc:"计划金额（元），请求中与 amount_wan 二选一"`
}

// budgetJSON is a project's budget breakdown, its total and its version.
type budgetJSON struct {
	ProjectID uint             `json:"project_id"`
	Version   int              `json:"version" doc:"计划投资明细的版本号"`
	TotalWan  json.Number      `json:"total_wan" doc:"明细合计（万元）"`
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
	Version *int             `json:"version" required:"true" doc:"所替换明细的版本号；已被他人修改时返回 409"`
	Lines   []budgetLineJSON `json:"lines" required:"true" doc:"整体替换：未列出的明细将被删除"`
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
