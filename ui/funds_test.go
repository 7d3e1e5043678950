package ui

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

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
