package ui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// formAmount reads an amount as people type it: the "amount" field in
// the unit the "unit" selector names (yuan for 元, else 万元), with or
// without thousands separators; the older "amount_wan" field is 万元.
func formAmount(c *gin.Context, label string) (model.Money, error) {
	v, unit := strings.TrimSpace(c.PostForm("amount")), model.Wan
	if c.PostForm("unit") == "yuan" {
		unit = model.Yuan
	}
	if v == "" {
		v = strings.TrimSpace(c.PostForm("amount_wan"))
	}
	if v == "" {
		return 0, model.Errorf(model.EInvalid, "web", "请填写%s", label)
	}
	m, err := model.ParseAmount(v, unit)
	if err != nil {
		return 0, model.Errorf(model.EInvalid, "web", "%s：%s", label, model.Message(err))
	}
	return m, nil
}

// formVersion reads the hidden "version" field of an edit form.
func formVersion(c *gin.Context) (int, error) {
	v, err := strconv.Atoi(c.PostForm("version"))
	if err != nil {
		return 0, model.E(model.EInvalid, "web", "表单缺少版本号，请刷新页面后重试")
	}
	return v, nil
}

// handleWebFund records an allocation (下达) or a receipt (到位) from the
// project page.
func handleWebFund(db Store, tpl *Templates, cfg alerts.Config, kind string) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		f := model.Fund{Kind: kind, ProjectID: id, Source: c.PostForm("source"), DocNo: c.PostForm("doc_no"), Note: c.PostForm("note")}
		f.Date, err = formDate(c, "date", model.FundKindName(kind)+"日期")
		if err == nil {
			f.Amount, err = formAmount(c, model.FundKindName(kind)+"金额")
		}
		if err == nil {
			_, err = db.CreateFund(c.Request.Context(), httpx.Actor(c), f)
		}
		if err != nil {
			return formFailed(c, db, tpl, cfg, id, err)
		}
		c.Redirect(http.StatusSeeOther, projectBack(id, kind, "funds"))
		return nil
	}
}

// paymentOf loads the payment of the :id path parameter, for its project.
func paymentOf(c *gin.Context, db Store) (model.Disbursement, error) {
	id, err := httpx.IDParam(c, "id")
	if err != nil {
		return model.Disbursement{}, err
	}
	return db.GetPayment(c.Request.Context(), id)
}

// handleWebCorrectPayment corrects a payment from the project page: the
// version the form was shown with, the new date, amount, source and note,
// and the reason, which the audit trail keeps.
func handleWebCorrectPayment(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		d, err := paymentOf(c, db)
		if err != nil {
			return err
		}
		upd := model.PaymentUpdate{Reason: c.PostForm("reason"), ConfirmOver: c.PostForm("confirm_over") != ""}
		source, note := c.PostForm("source"), c.PostForm("note")
		upd.Source, upd.Note = &source, &note
		var date model.Date
		var amount model.Money
		upd.Version, err = formVersion(c)
		if err == nil {
			date, err = formDate(c, "date", "拨付日期")
			upd.Date = &date
		}
		if err == nil {
			amount, err = formAmount(c, "拨付金额")
			upd.Amount = &amount
		}
		if err == nil {
			_, err = db.CorrectPayment(c.Request.Context(), httpx.Actor(c), d.ID, upd)
		}
		if err != nil {
			return formFailed(c, db, tpl, cfg, d.ProjectID, err)
		}
		c.Redirect(http.StatusSeeOther, projectBack(d.ProjectID, "corrected", "payments"))
		return nil
	}
}

// handleWebReversePayment reverses a payment (红字冲销) with a reason.
func handleWebReversePayment(db Store, tpl *Templates, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		d, err := paymentOf(c, db)
		if err != nil {
			return err
		}
		v, err := formVersion(c)
		if err == nil {
			_, err = db.ReversePayment(c.Request.Context(), httpx.Actor(c), d.ID, v, model.Date{}, c.PostForm("reason"))
		}
		if err != nil {
			return formFailed(c, db, tpl, cfg, d.ProjectID, err)
		}
		c.Redirect(http.StatusSeeOther, projectBack(d.ProjectID, "reversed", "payments"))
		return nil
	}
}

// chainRow is one line of a project's funds chain: a source (or 合计)
// with its plan, allocations, receipts and payments as of the page's
// date, paid ÷ allocated with its lamp, and paid ÷ plan.
type chainRow struct {
	Source                           string
	Planned                          *model.Money
	Allocated, Received, Paid        model.Money
	RateAllocated, RatePlanned, Lamp string
}

// fundsChain sums a project's budget, allocations, receipts and payments
// dated ≤ asOf by source, with a 合计 row last. The plan of a source is
// its budget lines; the total plan is the budget's sum, else the
// project's investment.
func fundsChain(lamps model.SpendLamps, view model.ProjectView, budget []model.BudgetLine, allocations, receipts []model.Fund, payments []model.Disbursement, asOf model.Date) []chainRow {
	var order []string
	rows := map[string]*chainRow{}
	row := func(source string) *chainRow {
		if rows[source] == nil {
			rows[source] = &chainRow{Source: source}
			order = append(order, source)
		}
		return rows[source]
	}
	total := &chainRow{Source: "合计", Planned: view.Investment}
	var budgetSum model.Money
	for _, l := range budget {
		r := row(l.Source)
		m := l.Amount
		if r.Planned != nil {
			m = r.Planned.Add(m)
		}
		r.Planned = &m
		budgetSum = budgetSum.Add(l.Amount)
	}
	if len(budget) > 0 {
		total.Planned = &budgetSum
	}
	for _, f := range append(slices.Clone(allocations), receipts...) {
		if f.Date.After(asOf) {
			continue
		}
		r := row(f.Source)
		if f.Kind == model.FundAllocated {
			r.Allocated, total.Allocated = r.Allocated.Add(f.Amount), total.Allocated.Add(f.Amount)
		} else {
			r.Received, total.Received = r.Received.Add(f.Amount), total.Received.Add(f.Amount)
		}
	}
	for _, p := range payments {
		if p.Date.After(asOf) {
			continue
		}
		r := row(p.Source)
		r.Paid, total.Paid = r.Paid.Add(p.Amount), total.Paid.Add(p.Amount)
	}
	if len(order) == 0 {
		return nil
	}
	out := make([]chainRow, 0, len(order)+1)
	for _, s := range order {
		out = append(out, *rows[s])
	}
	out = append(out, *total)
	for i := range out {
		r := &out[i]
		sp := lamps.Of(r.Allocated, r.Received, r.Paid, asOf)
		r.RateAllocated, r.Lamp = pctText(sp.Rate), sp.Lamp
		if r.Planned != nil && *r.Planned > 0 {
			r.RatePlanned, _ = spendRate(r.Paid, *r.Planned)
		} else {
			r.RatePlanned = "—"
		}
		if r.Source == "" {
			r.Source = "未注明"
		}
	}
	return out
}
