package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/internal/browsertest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebOverPlanPayment drives the payment form in headless Chromium as
// finance: a payment above what was allocated from its source is refused
// with the reason and the box to tick, nothing is recorded, and the form
// comes back open with what was typed; ticked, the same payment is
// recorded without typing it again.
func TestWebOverPlanPayment(t *testing.T) {
	chromium := browsertest.Chromium(t)
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) { webOverPlanPayment(t, chromium, db) })
}

func webOverPlanPayment(t *testing.T, chromium string, db *store.DB) {
	ctx := context.Background()
	newWebFixture(t, db)
	if _, err := db.CreateFund(ctx, model.Actor{User: "finance"}, model.Fund{Kind: model.FundAllocated, ProjectID: 1, Source: "省级补助",
		Amount: 100 * model.Wan, Date: model.NewDate(2020, time.June, 1), DocNo: "黔财社〔2020〕8号"}); err != nil {
		t.Fatal(err)
	}
	b := newWebBrowser(t, chromium, db, 2*time.Minute)
	text := func(sel string) string {
		t.Helper()
		got, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return got
	}
	paid := func() []model.Disbursement {
		t.Helper()
		ps, err := db.ListPayments(ctx, model.PaymentFilter{ProjectID: 1})
		if err != nil {
			t.Fatal(err)
		}
		var out []model.Disbursement
		for _, p := range ps {
			if p.Voucher == "V-900" {
				out = append(out, p)
			}
		}
		return out
	}
	// fill opens the project page's payment form and types a payment of
	// 1,000,000.01 元 from 省级补助, 100 万元 of which were allocated.
	fill := func() {
		t.Helper()
		b.step("fill the payment form",
			chromedp.Navigate(b.url+"/projects/1"),
			chromedp.Click(chromedp.CSS(`#payments details.edit summary`)),
			chromedp.WaitVisible(chromedp.ID("payment-form")),
			chromedp.SetValue(chromedp.ID("pay-date"), "2020-06-15"),
			chromedp.SetValue(chromedp.ID("pay-amount"), "1000000.01"),
			chromedp.SetValue(chromedp.CSS(`#payment-form select[name=unit]`), "yuan"),
			chromedp.SetValue(chromedp.ID("pay-source"), "省级补助"),
			chromedp.SetValue(chromedp.ID("pay-voucher"), "V-900"),
		)
	}

	b.as("finance")
	fill()
	b.step("submit without the confirmation",
		chromedp.Click(chromedp.CSS(`#payment-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.err`)),
	)
	if msg := text(`.flash.err`); !strings.Contains(msg, "超过") || !strings.Contains(msg, "已下达") || !strings.Contains(msg, "确认超计划拨付") {
		t.Errorf("refusal says %q, want the allocation exceeded and the box to tick", msg)
	}
	if got := paid(); len(got) != 0 {
		t.Fatalf("an unconfirmed over-plan payment was recorded: %+v", got)
	}

	kept, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](`(() => {
		const f = document.getElementById('payment-form');
		return [f.closest('details').open ? 'open' : 'closed', f.date.value, f.amount.value, f.unit.value, f.source.value, f.voucher.value];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"open", "2020-06-15", "1000000.01", "yuan", "省级补助", "V-900"}; fmt.Sprint(kept) != fmt.Sprint(want) {
		t.Errorf("after the refusal the payment form holds %q, want %q", kept, want)
	}
	b.step("submit with the confirmation",
		chromedp.Click(chromedp.ID("pay-confirm")),
		chromedp.Click(chromedp.CSS(`#payment-form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
	)
	got := paid()
	if len(got) != 1 || got[0].Amount != 100000001 || got[0].Source != "省级补助" || got[0].Date != model.NewDate(2020, time.June, 15) {
		t.Fatalf("confirmed payment: %+v, want V-900 of 1,000,000.01 元 from 省级补助 on 2020-06-15", got)
	}
	if row := text(fmt.Sprintf("#pay-%d", got[0].ID)); !strings.Contains(row, "1,000,000.01 元") {
		t.Errorf("the payments table shows %q, want 1,000,000.01 元", row)
	}
	b.checkCSP()
}
