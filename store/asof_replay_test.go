package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestMoneyReplay: a seeded random run of payments, corrections,
// allocations, budget edits and deletions, one county day each; what the
// spend facts, the dashboard, the reports' data and the projects' money
// records said as of each day seen, recorded on that day and on every
// later one, is what they say as of it at the end: the past never
// changes.
func TestMoneyReplay(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			storetest.ForEachDB(t, func(t *testing.T, db *store.DB) { moneyReplay(t, db, seed) })
		})
	}
}

func moneyReplay(t *testing.T, db *store.DB, seed uint64) {
	ctx := context.Background()
	ids := seedMoneyProjects(t, db)
	projects := []uint{ids["MS-01"], ids["MS-02"]}
	rng := rand.New(rand.NewPCG(seed, 7))
	snapshot := func(d model.Date) string {
		facts, err := db.SpendFacts(ctx, d, projects)
		if err != nil {
			t.Fatal(err)
		}
		dash, err := db.Dashboard(ctx, model.AlertQuery{AsOf: d})
		if err != nil {
			t.Fatal(err)
		}
		data, err := db.ReportData(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		out := fmt.Sprintf("%v spent %v plan %v;", facts, dash.Spent, dash.Plan)
		for _, p := range data.Projects {
			out += fmt.Sprintf(" %s %v %v %v %v %v;", p.Project.Code, p.Plan, p.Spent, p.Allocated, p.SpentBySource, p.AllocatedBySource)
		}
		for _, id := range projects {
			m, err := db.ProjectMoney(ctx, id, d)
			if err != nil {
				t.Fatal(err)
			}
			out += "\n" + moneyText(m)
		}
		return out
	}
	type payment struct {
		id      uint
		version int
	}
	var payments []payment
	var days []model.Date
	recorded := map[model.Date][]string{}
	day := time.Date(2020, time.July, 1, 9, 0, 0, 0, time.UTC)
	for step := range 20 {
		day = day.AddDate(0, 0, 1+rng.IntN(3))
		db.Now = func() time.Time { return day }
		today := db.Today()
		project := projects[rng.IntN(len(projects))]
		dated := today.AddDays(-rng.IntN(400))
		amount := model.Money(1+rng.IntN(500)) * model.Wan
		switch op := rng.IntN(5); {
		case op == 0 || len(payments) == 0:
			p, err := db.CreatePayment(ctx, finance, model.Disbursement{ProjectID: project, Date: dated, Source: "县级配套", Amount: amount,
				Voucher: fmt.Sprintf("R%d-%d", seed, step)}, true)
			if err != nil {
				t.Fatal(err)
			}
			payments = append(payments, payment{p.ID, p.Version})
		case op == 1:
			i := rng.IntN(len(payments))
			p, err := db.CorrectPayment(ctx, finance, payments[i].id, model.PaymentUpdate{Version: payments[i].version, Amount: &amount, Date: &dated,
				Reason: "更正", ConfirmOver: true})
			if err != nil {
				t.Fatal(err)
			}
			payments[i].version = p.Version
		case op == 2:
			if _, err := db.CreateFund(ctx, finance, model.Fund{Kind: model.FundAllocated, ProjectID: project, Source: "县级配套", Amount: amount,
				Date: dated, DocNo: fmt.Sprintf("沿财〔%d〕%d号", seed, step)}); err != nil {
				t.Fatal(err)
			}
		case op == 3:
			if _, err := db.SetBudgetLine(ctx, finance, project, 2020+rng.IntN(2), "县级配套", amount); err != nil {
				t.Fatal(err)
			}
		default:
			err := db.DeleteBudgetLine(ctx, finance, project, 2020+rng.IntN(2), "县级配套")
			if err != nil && model.Kind(err) != model.ENotFound {
				t.Fatal(err)
			}
		}
		days = append(days, today)
		for _, d := range days {
			recorded[d] = append(recorded[d], snapshot(d))
		}
	}
	db.Now = func() time.Time { return day.AddDate(0, 0, 1) }
	for _, d := range days {
		now := snapshot(d)
		for i, then := range recorded[d] {
			if then != now {
				t.Fatalf("as of %s, recorded %d days later:\n%s\nrecomputed at the end:\n%s", d, i, then, now)
			}
		}
	}
}
