package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestMoneyAsOf: payments, funds and budget lines as of D are those
// entered by D, with the values they had on D; today's figures are the
// stored ones.
func TestMoneyAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db) // on 2020-06-30
		id := ids["MS-01"]
		on := func(y int, m time.Month, d int) {
			db.Now = func() time.Time { return time.Date(y, m, d, 10, 0, 0, 0, time.UTC) }
		}
		date := func(s string) model.Date { return *datePtr(s) }

		if _, err := db.CreateFund(ctx, finance, model.Fund{Kind: model.FundAllocated, ProjectID: id, Source: "县级配套", Amount: 200 * model.Wan, Date: date("2020-06-01"), DocNo: "沿财〔2020〕1号"}); err != nil {
			t.Fatal(err)
		}
		a, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: id, Date: date("2020-06-10"), Source: "县级配套", Amount: 100 * model.Wan, Voucher: "PZ-A"}, false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1000*model.Wan); err != nil {
			t.Fatal(err)
		}
		on(2020, time.August, 1) // a payment dated in May, entered in August
		if _, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: id, Date: date("2020-05-15"), Source: "县级配套", Amount: 50 * model.Wan, Voucher: "PZ-B"}, false); err != nil {
			t.Fatal(err)
		}
		on(2020, time.September, 1) // corrections
		amount := 80 * model.Wan
		if _, err := db.CorrectPayment(ctx, finance, a.ID, model.PaymentUpdate{Version: a.Version, Amount: &amount, Reason: "凭证金额录入错误"}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SetBudgetLine(ctx, finance, id, 2020, "县级配套", 1200*model.Wan); err != nil {
			t.Fatal(err)
		}

		for _, tt := range []struct {
			asOf              string
			paid, alloc, plan model.Money
		}{
			{"2020-06-29", 0, 0, 5000 * model.Wan}, // nothing entered yet: the plan is the investment
			{"2020-06-30", 100 * model.Wan, 200 * model.Wan, 1000 * model.Wan},
			{"2020-07-31", 100 * model.Wan, 200 * model.Wan, 1000 * model.Wan}, // PZ-B, dated May, not known yet
			{"2020-08-31", 150 * model.Wan, 200 * model.Wan, 1000 * model.Wan},
			{"2020-09-01", 130 * model.Wan, 200 * model.Wan, 1200 * model.Wan}, // today
		} {
			d := date(tt.asOf)
			facts, err := db.SpendFacts(ctx, d, []uint{id})
			if err != nil {
				t.Fatal(err)
			}
			if f := facts[id]; f.Paid != tt.paid || f.Allocated != tt.alloc {
				t.Errorf("SpendFacts as of %s = paid %v allocated %v, want %v %v", d, f.Paid, f.Allocated, tt.paid, tt.alloc)
			}
			data, err := db.ReportData(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range data.Projects {
				if p.Project.ID == id && (p.Spent != tt.paid || p.Allocated != tt.alloc || p.Plan != tt.plan || p.SpentBySource["县级配套"] != tt.paid) {
					t.Errorf("ReportData as of %s: spent %v allocated %v plan %v, want %v %v %v", d, p.Spent, p.Allocated, p.Plan, tt.paid, tt.alloc, tt.plan)
				}
			}
			dash, err := db.Dashboard(ctx, model.AlertQuery{AsOf: d})
			if err != nil {
				t.Fatal(err)
			}
			if dash.Spent != tt.paid || dash.Plan != tt.plan+5000*model.Wan {
				t.Errorf("Dashboard as of %s: spent %v plan %v, want %v %v", d, dash.Spent, dash.Plan, tt.paid, tt.plan+5000*model.Wan)
			}
		}
	})
}
