package ui

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// The funds chain as finance works it in the browser's forms: amounts in
// 元 or 万元, an allocation, a payment over it that needs the explicit
// confirmation, a duplicate voucher named as such, a correction of a
// stale version refused, and a reversal with its reason audited.
func TestWebFundsChain(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		fin := f.sessionOf(t, "finance")
		post := func(path string, form url.Values, status int, contains ...string) {
			t.Helper()
			w := f.do(t, fin, "POST", path, form)
			if w.Code != status {
				t.Fatalf("POST %s: status %d, want %d; body %s", path, w.Code, status, w.Body.String())
			}
			for _, c := range contains {
				if !strings.Contains(w.Body.String(), c) {
					t.Errorf("POST %s: the page lacks %q", path, c)
				}
			}
		}
		post("/projects/1/allocations", url.Values{"date": {"2020-06-01"}, "amount": {"1,000,000"}, "unit": {"yuan"},
			"source": {"省级补助"}, "doc_no": {"黔财社〔2020〕8号"}}, http.StatusSeeOther)
		pay := url.Values{"date": {"2020-06-15"}, "amount": {"1000000.01"}, "unit": {"yuan"}, "source": {"省级补助"}, "voucher": {"V-200"}}
		post("/projects/1/payments", pay, http.StatusUnprocessableEntity, "超过已下达", "确认超计划拨付")
		pay.Set("confirm_over", "1")
		post("/projects/1/payments", pay, http.StatusSeeOther)
		post("/projects/1/payments", pay, http.StatusConflict, "凭证号 V-200 已登记")

		ps, err := db.ListPayments(context.Background(), model.PaymentFilter{ProjectID: 1})
		if err != nil {
			t.Fatal(err)
		}
		var p model.Disbursement
		for _, x := range ps {
			if x.Voucher == "V-200" {
				p = x
			}
		}
		if p.Amount != 100000001 {
			t.Fatalf("V-200 stored as %d fen, want 100000001 (1,000,000.01 元)", p.Amount)
		}
		page := f.do(t, fin, "GET", "/projects/1", nil).Body.String()
		for _, want := range []string{"1,000,000.01 元", "100.00", "黔财社〔2020〕8号", "拨付/下达"} {
			if !strings.Contains(page, want) {
				t.Errorf("project page lacks %q", want)
			}
		}

		path := "/payments/" + strconv.FormatUint(uint64(p.ID), 10)
		fix := url.Values{"version": {"1"}, "date": {"2020-06-15"}, "amount": {"90"}, "unit": {"wan"}, "source": {"省级补助"}, "reason": {"金额录错"}}
		post(path+"/correct", fix, http.StatusSeeOther)
		post(path+"/correct", fix, http.StatusConflict, "已被他人修改")
		post(path+"/reverse", url.Values{"version": {"2"}, "reason": {"重复拨付"}}, http.StatusSeeOther)
		audit, err := db.ProjectAudit(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, e := range audit {
			if e.Entity == "payment" && e.EntityID == p.ID {
				found[e.Action+":"+e.Note] = true
			}
		}
		if !found["correct:金额录错"] || !found["reverse:重复拨付"] {
			t.Errorf("audit of V-200 = %v, want the correction and the reversal with their reasons", found)
		}
	})
}

// The project page as of a date lists the payments, allocations and
// budget lines known then, with their values then: a payment entered
// later is missing, a corrected one shows its old amount, a budget line
// deleted since is still planned, and the figures above follow; a 督办
// raised later is not listed.
func TestWebProjectMoneyAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		fin := model.Actor{User: "finance", Source: "test"}
		on := func(day int) {
			db.Now = func() time.Time { return time.Date(2020, time.June, day, 10, 0, 0, 0, time.UTC) }
		}
		check := func(_ any, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		on(1)
		check(db.CreateFund(ctx, fin, model.Fund{Kind: model.FundAllocated, ProjectID: 1, Source: "省级补助", Amount: 100 * model.Wan, Date: model.NewDate(2020, 6, 1), DocNo: "黔财社〔2020〕8号"}))
		p, err := db.CreatePayment(ctx, fin, model.Disbursement{ProjectID: 1, Date: model.NewDate(2020, 6, 1), Source: "省级补助", Amount: 50 * model.Wan, Voucher: "V-300"}, false)
		check(p, err)
		check(db.SetBudgetLine(ctx, fin, 1, 2020, "省级补助", 800*model.Wan))
		check(db.SetBudgetLine(ctx, fin, 1, 2021, "县级配套", 200*model.Wan))
		on(20)
		amount := 60 * model.Wan
		check(db.CorrectPayment(ctx, fin, p.ID, model.PaymentUpdate{Version: p.Version, Amount: &amount, Reason: "金额录错"}))
		check(nil, db.DeleteBudgetLine(ctx, fin, 1, 2021, "县级配套"))
		check(db.CreatePayment(ctx, fin, model.Disbursement{ProjectID: 1, Date: model.NewDate(2020, 6, 5), Source: "省级补助", Amount: 10 * model.Wan, Voucher: "V-301"}, false))
		db.Now = func() time.Time { return webNow }

		s := f.sessionOf(t, "finance")
		for _, tt := range []struct {
			asOf     string
			payments [][]string
			missing  []string
			chain    [][]string
			spent    string
		}{
			{"2020-06-10", [][]string{{"2020-06-01", "省级补助", "50.00", "V-300"}}, []string{"V-301"},
				[][]string{{"省级补助", "800.00", "100.00", "0.00", "50.00"}, {"县级配套", "200.00"}, {"合计", "1,000.00", "100.00", "0.00", "50.00"}}, "50.00"},
			{"2020-06-30", [][]string{{"2020-06-01", "省级补助", "60.00", "V-300"}, {"2020-06-05", "省级补助", "10.00", "V-301"}}, []string{"县级配套"}, // the chain's rows
				[][]string{{"省级补助", "800.00", "100.00", "0.00", "70.00"}, {"合计", "800.00", "100.00", "0.00", "70.00"}}, "70.00"},
		} {
			page := see(t, f.do(t, s, "GET", "/projects/1?as_of="+tt.asOf, nil).Body.String())
			pays, chain := page.within(t, "payments"), page.within(t, "funds-chain")
			for _, r := range tt.payments {
				if !pays.hasRow(r...) {
					t.Errorf("as of %s the payments lack the row %v; rows %v", tt.asOf, r, pays.rows)
				}
			}
			for _, r := range tt.chain {
				if !chain.hasRow(r...) {
					t.Errorf("as of %s the funds chain lacks the row %v; rows %v", tt.asOf, r, chain.rows)
				}
			}
			for _, m := range tt.missing {
				if slices.ContainsFunc(append(pays.rows, chain.rows...), func(r []string) bool { return slices.Contains(r, m) }) {
					t.Errorf("as of %s the page lists %s", tt.asOf, m)
				}
			}
			if !pays.hasRow("合计", tt.spent) || !page.has("累计拨付"+tt.spent+" 万元") {
				t.Errorf("as of %s: the page's paid total is not %s: %v", tt.asOf, tt.spent, pays.rows)
			}
			// The fixture's 督办 was raised on 2020-06-30.
			if got, want := page.within(t, "supervisions").has("开工滞后，请说明原因"), tt.asOf == "2020-06-30"; got != want {
				t.Errorf("as of %s the page lists the 督办 raised on 2020-06-30: %v, want %v", tt.asOf, got, want)
			}
		}
	})
}
