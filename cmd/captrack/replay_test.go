package main

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/plan"
	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestRecordsReplay: the county's records over time, as the CLI shows
// them. The plan is imported, then a seeded random history runs, one
// step a county day or more apart: monthly returns of the demo story
// (plan.Return) on part of the projects, imported late and out of
// order; the plan again as other offices retyped it (synth.PlanLayout);
// a return imported again; on the day, forecast edits, payments, their
// corrections and reversals, allocations, budget lines set and deleted,
// and a ledger imported and reverted some days later. After each step `alerts --json` and `projects --json` as of each
// probe date are recorded, and the past never changes: a step known
// from a date on (a return's report date, an edit's day) leaves every
// view as of an earlier date as it was, and a re-import changes nothing
// on any date nor today. Then the same returns imported into fresh
// databases in date order and in the history's order end in the same
// views, today and as of every probe date.
func TestRecordsReplay(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			storetest.ForEachDSN(t, func(t *testing.T, dsn string) { recordsReplay(t, dsn, seed) })
		})
	}
}

// returnBook writes the return dated d for the projects of the demo
// story that keep says, laid out as plan.ProgressWorkbook lays it out.
func returnBook(t *testing.T, d model.Date, keep func() bool) []byte {
	t.Helper()
	dateText := func(x model.Date) any {
		if x.IsZero() {
			return ""
		}
		return fmt.Sprintf("%d年%d月%d日", x.Year, int(x.Month), x.Day)
	}
	rows := [][]any{
		{"沿河自治县民生保障工程项目建设进度月报"},
		{fmt.Sprintf("填报单位：县民政局　　截至%d年%d月%d日", d.Year, int(d.Month), d.Day)},
		{"序号", "项目名称", "实际开工时间", "实际完工时间", "形象进度（%）", "预计完工时间", "累计完成投资（万元）", "存在问题"},
	}
	for _, g := range plan.Return(d) {
		if keep() {
			rows = append(rows, []any{len(rows) - 2, g.Name, dateText(g.ActualStart), dateText(g.ActualFinish), g.Percent,
				dateText(g.Forecast), g.Done.WanString(), g.Problems})
		}
	}
	return testbook.Workbook(t, testbook.Sheet{Name: fmt.Sprintf("%d年%d月", d.Year, int(d.Month)), Rows: rows})
}

// freshDSN is a new empty database on dsn's engine.
func freshDSN(t *testing.T, dsn string) string {
	t.Helper()
	if strings.HasPrefix(dsn, "postgres") {
		return storetest.PostgresDSN(t, os.Getenv(storetest.TestPostgresEnv))
	}
	return filepath.Join(t.TempDir(), "captrack.db")
}

func recordsReplay(t *testing.T, dsn string, seed uint64) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(seed, 13))
	cli := func(dsn string, args ...string) string {
		t.Helper()
		out, stderr, err := runCmd(t, dsn, args...)
		if err != nil {
			t.Fatalf("captrack %s: %v\n%s", strings.Join(args, " "), err, stderr)
		}
		return out
	}
	importFile := func(dsn, name string, b []byte) importReport {
		t.Helper()
		rep, err := importJSON(t, dsn, writeFile(t, name, b))
		if err != nil || len(rep.Errors) > 0 {
			t.Fatalf("import %s: %v %v", name, err, rep.Errors)
		}
		return rep
	}
	annexes, err := plan.AnnexWorkbook()
	if err != nil {
		t.Fatal(err)
	}

	// Six returns, each of its month's end, each on about two thirds of
	// the projects.
	var dates []model.Date
	for len(dates) < 6 {
		m := rng.IntN(36)
		d := model.NewDate(2019+m/12, time.Month(m%12+2), 0)
		if !slices.Contains(dates, d) {
			dates = append(dates, d)
		}
	}
	books := map[model.Date][]byte{}
	for _, d := range dates {
		books[d] = returnBook(t, d, func() bool { return rng.IntN(3) > 0 })
	}
	probes := append(slices.Clone(dates), model.NewDate(2019, time.January, 1), model.NewDate(2020, time.June, 30), model.NewDate(2022, time.June, 30))
	slices.SortFunc(probes, model.Date.Compare)
	// What `captrack alerts|projects --json [--as-of D]` print (today
	// when D is zero): by the CLI, or by the commands' own code on an
	// open database, which the history's many steps read faster.
	type show func(cmd string, d model.Date) string
	byCLI := func(dsn string) show {
		return func(cmd string, d model.Date) string {
			args := []string{cmd, "--json"}
			if !d.IsZero() {
				args = append(args, "--as-of", d.String())
			}
			return cli(dsn, args...)
		}
	}
	byCode := func(db *store.DB) show {
		return func(cmd string, d model.Date) string {
			t.Helper()
			if d.IsZero() {
				d = db.Today()
			}
			var b strings.Builder
			var err error
			if cmd == "alerts" {
				err = showAlerts(ctx, db, d, alerts.DefaultConfig(), true, &b)
			} else {
				err = showProjects(ctx, db, d, true, &b)
			}
			if err != nil {
				t.Fatalf("%s as of %s: %v", cmd, d, err)
			}
			return b.String()
		}
	}
	views := func(show show) map[string]string {
		t.Helper()
		out := map[string]string{}
		for _, cmd := range []string{"alerts", "projects"} {
			out["today "+cmd] = show(cmd, model.Date{})
			for _, d := range probes {
				out[d.String()+" "+cmd] = show(cmd, d)
			}
		}
		return out
	}
	// same fails t for each view that step changed as of a date before
	// from (every view, today's too, when from is zero).
	same := func(step string, was, now map[string]string, from model.Date) {
		t.Helper()
		for _, k := range slices.Sorted(maps.Keys(now)) {
			d, err := model.ParseDate(strings.Fields(k)[0])
			if (from.IsZero() || err == nil && d.Before(from)) && was[k] != now[k] {
				t.Errorf("%s changed %s:\nwas %s\nnow %s", step, k, was[k], now[k])
			}
		}
	}

	importFile(dsn, "annexes.xlsx", annexes)
	db := storetest.Open(t, dsn) // the UI's and the API's edits, on the day they are made
	reader := byCode(storetest.Open(t, dsn))
	edits := &editor{t: t, db: db, rng: rng}
	day := time.Date(2019, time.January, 15, 10, 0, 0, 0, model.CountyZone())
	var order []model.Date // the returns in the order imported
	layouts := []uint64{2, 3, 4, 6}
	before := views(reader)
	for step := 0; len(order) < len(dates); step++ {
		day = day.AddDate(0, 0, 20+rng.IntN(60))
		db.Now = func() time.Time { return day }
		today := db.Today()
		var due []model.Date // returns dated by today not yet imported
		for _, d := range dates {
			if !d.After(today) && !slices.Contains(order, d) {
				due = append(due, d)
			}
		}
		if today.After(dates[0].AddDays(3*365)) && len(due) == 0 {
			t.Fatalf("returns %v never came due", dates)
		}
		var what string
		var from model.Date // the first date the step may change
		switch op := rng.IntN(8); {
		case len(due) > 0 && op < 3:
			d := due[rng.IntN(len(due))]
			order = append(order, d)
			importFile(dsn, "return.xlsx", books[d])
			what, from = "the return of "+d.String(), d
		case op == 3 && len(order) > 0:
			d := order[rng.IntN(len(order))]
			rep := importFile(dsn, "return.xlsx", books[d])
			if rep.Created != 0 || rep.Updated != 0 {
				t.Errorf("the return of %s again: created %d, updated %d; want nothing", d, rep.Created, rep.Updated)
			}
			what = "the return of " + d.String() + " again"
		case op == 4:
			c, err := synth.PlanLayout(layouts[rng.IntN(len(layouts))])
			if err != nil {
				t.Fatal(err)
			}
			rep := importFile(dsn, "plan.xlsx", c.Book)
			if rep.Created != 0 || rep.Updated != 0 {
				t.Errorf("the plan retyped (%s): created %d, updated %d; want nothing", c.Choices, rep.Created, rep.Updated)
			}
			what = "the plan retyped (" + c.Choices + ")"
		default:
			what, from = edits.edit(ctx), today
		}
		now := views(reader)
		same(fmt.Sprintf("step %d on %s, %s,", step, today, what), before, now, from)
		before = now
	}

	same("the CLI", before, views(byCLI(dsn)), model.Date{})

	// The returns alone, in date order and in the history's order.
	inDates := slices.SortedFunc(slices.Values(order), model.Date.Compare)
	var got []map[string]string
	for _, o := range [][]model.Date{inDates, order} {
		fresh := freshDSN(t, dsn)
		importFile(fresh, "annexes.xlsx", annexes)
		for _, d := range o {
			importFile(fresh, "return.xlsx", books[d])
		}
		got = append(got, views(byCLI(fresh)))
	}
	same(fmt.Sprintf("importing the returns in the order %v, not %v,", order, inDates), got[0], got[1], model.Date{})
}

// editor makes the edits of the UI and the API in db, on db's day: a
// new forecast for an open finish milestone, payments and their
// corrections and reversals, allocations, budget lines set and deleted,
// a ledger imported and reverted on a later day, and a plan import
// changing a project's name, unit, category and investment, reverted on
// a later day.
type editor struct {
	t        *testing.T
	db       *store.DB
	rng      *rand.Rand
	n        int                  // edits made, for vouchers and 文号
	payments []model.Disbursement // as last stored
	batch    uint                 // a ledger import to revert, 0 for none
	plan     uint                 // a plan import that changed a plan, to revert; 0 for none
}

var (
	webManager = model.Actor{User: "manager", Source: "web"}
	apiFinance = model.Actor{User: "finance", Source: "api"}
)

// edit makes one edit and says what it did.
func (e *editor) edit(ctx context.Context) string {
	t, db, rng := e.t, e.db, e.rng
	t.Helper()
	e.n++
	views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
	if err != nil {
		t.Fatal(err)
	}
	v := views[rng.IntN(len(views))]
	today := db.Today()
	amount := model.Money(1+rng.IntN(300)) * model.Wan
	dated := today.AddDays(-rng.IntN(200))
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	switch op := rng.IntN(7); {
	case op == 0 && v.ActualFinish.IsZero():
		ms, err := db.ProjectMilestones(ctx, v.ID)
		check(err)
		m := ms[len(ms)-1]
		forecast := today.AddDays(30 + rng.IntN(400))
		_, err = db.UpdateMilestone(ctx, webManager, m.ID, model.MilestoneUpdate{ForecastDate: &forecast, Version: m.Version})
		check(err)
		return fmt.Sprintf("the forecast %s of %s", forecast, v.Name)
	case op == 1 && len(e.payments) > 0:
		i := rng.IntN(len(e.payments))
		p := e.payments[i]
		if p.Reversed || p.ReversalOf != 0 {
			break
		}
		if rng.IntN(3) == 0 {
			_, err := db.ReversePayment(ctx, apiFinance, p.ID, p.Version, model.Date{}, "重复拨付")
			check(err)
			p, err = db.GetPayment(ctx, p.ID)
			check(err)
			e.payments[i] = p
			return "the reversal of " + p.Voucher
		}
		if dated.Before(p.Date) {
			dated = p.Date
		}
		p, err = db.CorrectPayment(ctx, apiFinance, p.ID, model.PaymentUpdate{Version: p.Version, Amount: &amount, Date: &dated, Reason: "凭证录错", ConfirmOver: true})
		check(err)
		e.payments[i] = p
		return fmt.Sprintf("the correction of %s to %s 万元 dated %s", p.Voucher, p.Amount.WanString(), p.Date)
	case op == 2:
		_, err := db.CreateFund(ctx, apiFinance, model.Fund{Kind: model.FundAllocated, ProjectID: v.ID, Source: "县级配套", Amount: amount, Date: dated, DocNo: fmt.Sprintf("沿财〔%d〕%d号", today.Year, e.n)})
		check(err)
		return fmt.Sprintf("an allocation of %s 万元 dated %s to %s", amount.WanString(), dated, v.Name)
	case op == 3:
		year := 2019 + rng.IntN(2)
		if rng.IntN(3) == 0 {
			if err := db.DeleteBudgetLine(ctx, apiFinance, v.ID, year, "县级配套"); model.Kind(err) != model.ENotFound {
				check(err)
				return fmt.Sprintf("the deletion of %s's budget for %d", v.Name, year)
			}
		}
		_, err := db.SetBudgetLine(ctx, apiFinance, v.ID, year, "县级配套", amount)
		check(err)
		return fmt.Sprintf("%s's budget for %d set to %s 万元", v.Name, year, amount.WanString())
	case op == 4 && e.batch != 0:
		_, err := db.RevertImport(ctx, e.batch, model.Actor{User: "admin", Source: "web"})
		check(err)
		what := fmt.Sprintf("the revert of import #%d", e.batch)
		e.batch = 0
		return what
	case op == 5 && e.plan != 0:
		_, err := db.RevertImport(ctx, e.plan, model.Actor{User: "admin", Source: "web"})
		check(err)
		what := fmt.Sprintf("the revert of plan import #%d", e.plan)
		e.plan = 0
		return what
	case op == 5:
		// Another office's plan moves a project to another unit, its
		// category and its investment, and spells its name otherwise,
		// as the returns still name it (columns absent keep their
		// values).
		units := []string{"县民政局", "县住建局", "县发改局"}
		p := v.Project
		p.ResponsibleUnit, p.Category, p.Investment = units[rng.IntN(len(units))], fmt.Sprintf("类别%d", e.n), &amount
		p.Name = respelled(p.Name)
		set := &model.ImportSet{Plans: []model.PlanRow{{Ref: model.Ref{File: "计划调整.xlsx", Sheet: "附件", Row: 3}, Project: model.Project{
			Code: p.Code, Name: p.Name, Annex: p.Annex, Category: p.Category, ResponsibleUnit: p.ResponsibleUnit, Investment: p.Investment}}}}
		res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "admin", Source: "web"}, Kind: "plan", Files: []string{"计划调整.xlsx"}})
		check(err)
		if len(res.Errors) > 0 || res.Updated != 1 {
			t.Fatalf("plan of %s: updated %d, %v", p.Code, res.Updated, res.Errors)
		}
		bs, err := db.ImportBatches(ctx)
		check(err)
		e.plan = bs[0].ID
		return fmt.Sprintf("a plan (import #%d) renaming %s to %s, moving it to %s, %s, %s 万元", e.plan, v.Name, p.Name, p.ResponsibleUnit, p.Category, amount.WanString())
	case op == 4:
		set := &model.ImportSet{
			Budgets: []model.BudgetRow{{Ref: model.Ref{File: "预算.xlsx", Sheet: "预算", Row: 2}, ProjectCode: v.Code, Year: 2019, Source: "县级配套", Amount: amount}},
			Funds: []model.FundRow{{Ref: model.Ref{File: "预算.xlsx", Sheet: "资金下达", Row: 2}, ProjectCode: v.Code, Kind: model.FundAllocated, Date: dated,
				Source: "省级补助", Amount: amount, DocNo: fmt.Sprintf("黔财〔%d〕%d号", today.Year, e.n)}},
		}
		res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: apiFinance, Kind: "ledger", Files: []string{"预算.xlsx"}})
		check(err)
		if len(res.Errors) > 0 {
			t.Fatalf("ledger: %v", res.Errors)
		}
		bs, err := db.ImportBatches(ctx)
		check(err)
		e.batch = bs[0].ID
		return fmt.Sprintf("a ledger (import #%d) of %s 万元 for %s", e.batch, amount.WanString(), v.Name)
	}
	p := model.Disbursement{ProjectID: v.ID, Date: dated, Source: "县级配套", Amount: amount, Voucher: fmt.Sprintf("记-%d", e.n)}
	p, err = db.CreatePayment(ctx, apiFinance, p, true)
	check(err)
	e.payments = append(e.payments, p)
	return fmt.Sprintf("a payment of %s 万元 dated %s to %s", p.Amount.WanString(), p.Date, v.Name)
}

// respelled is name spelled another way that names the same project
// (model.NormalizeName): with an ideographic space after its first two
// characters, or without the spaces it has.
func respelled(name string) string {
	if strings.Contains(name, "　") {
		return strings.ReplaceAll(name, "　", "")
	}
	r := []rune(name)
	return string(r[:2]) + "　" + string(r[2:])
}
