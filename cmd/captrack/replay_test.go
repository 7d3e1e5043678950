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
// a plan import re-planning a project and a ledger, each reverted some
// days later. After each step `alerts --json` and `projects --json` as
// of each probe date are recorded, and the past never changes: a step
// known from a date on (a return's report date, an edit's day) leaves
// every view as of an earlier date as it was, and a re-import changes
// nothing on any date nor today. Then the history's facts are replayed
// into a fresh database in the order they are known (each return on its
// report date, each edit on its day): today, as of every probe date and
// as of every edit's day it shows what the history ended showing. And
// the returns alone imported into fresh databases in date order and in
// the history's order end in the same views.
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
	views := func(show show, dates []model.Date) map[string]string {
		t.Helper()
		out := map[string]string{}
		for _, cmd := range []string{"alerts", "projects"} {
			out["today "+cmd] = show(cmd, model.Date{})
			for _, d := range dates {
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
	edits := &editor{t: t, db: db, batches: map[int]uint{}, rng: rng}
	day := time.Date(2019, time.January, 15, 10, 0, 0, 0, model.CountyZone())
	var order []model.Date // the returns in the order imported
	layouts := []uint64{2, 3, 4, 6}
	before := views(reader, probes)
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
			edits.history = append(edits.history, event{from: d, what: what})
		case op == 3 && len(order) > 0:
			d := order[rng.IntN(len(order))]
			rep := importFile(dsn, "return.xlsx", books[d])
			if rep.Created != 0 || rep.Updated != 0 {
				t.Errorf("the return of %s again: created %d, updated %d; want nothing", d, rep.Created, rep.Updated)
			}
			what = "the return of " + d.String() + " again"
		case op == 4 && edits.plan == 0:
			// The plan as typed (no edit re-planning a project is in
			// force, which this would undo).
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
		now := views(reader, probes)
		same(fmt.Sprintf("step %d on %s, %s,", step, today, what), before, now, from)
		before = now
	}

	same("the CLI", before, views(byCLI(dsn), probes), model.Date{})

	// The history replayed into a fresh database in the order its facts
	// are known (a return from its report date, an edit from its day;
	// on one date, in the history's order): today, as of every probe
	// date and as of every edit's day it shows what the history ended
	// showing.
	replay := freshDSN(t, dsn)
	importFile(replay, "annexes.xlsx", annexes)
	x := &target{db: storetest.Open(t, replay), batches: map[int]uint{}}
	for _, ev := range slices.SortedStableFunc(slices.Values(edits.history), func(a, b event) int { return a.from.Compare(b.from) }) {
		if ev.do == nil {
			importFile(replay, "return.xlsx", books[ev.from])
			continue
		}
		x.db.Now = func() time.Time { return ev.at }
		if _, err := ev.do(ctx, x); err != nil {
			t.Fatalf("replaying %s on %s: %v", ev.what, ev.from, err)
		}
	}
	days := slices.Clone(probes)
	for _, ev := range edits.history {
		if ev.do != nil && !slices.Contains(days, ev.from) {
			days = append(days, ev.from)
		}
	}
	same("replaying the history in the order its facts are known", views(reader, days), views(byCode(storetest.Open(t, replay)), days), model.Date{})

	// The returns alone, in date order and in the history's order.
	inDates := slices.SortedFunc(slices.Values(order), model.Date.Compare)
	var got []map[string]string
	for _, o := range [][]model.Date{inDates, order} {
		fresh := freshDSN(t, dsn)
		importFile(fresh, "annexes.xlsx", annexes)
		for _, d := range o {
			importFile(fresh, "return.xlsx", books[d])
		}
		got = append(got, views(byCLI(fresh), probes))
	}
	same(fmt.Sprintf("importing the returns in the order %v, not %v,", order, inDates), got[0], got[1], model.Date{})
}

// editor makes the edits of the UI and the API in db, on db's day: a
// new forecast for an open finish milestone, payments and their
// corrections and reversals, allocations, budget lines set and deleted,
// a ledger imported and reverted on a later day, and a plan import
// changing a project's name, unit, category and investment, reverted on
// a later day. It keeps each in its history, to be replayed.
type editor struct {
	t        *testing.T
	db       *store.DB
	batches  map[int]uint // the batches of db's edits (see target)
	rng      *rand.Rand
	n        int                  // edits made, for vouchers and 文号
	payments []model.Disbursement // as last stored
	batch    int                  // the edit that imported a ledger to revert, 0 for none
	plan     int                  // the edit of a plan import that changed a plan, to revert; 0 for none
	history  []event
}

// target is a database the history's edits are made in, with the
// batches its edits imported (by the number of the edit).
type target struct {
	db      *store.DB
	batches map[int]uint
}

// event is a step of the history that a replay repeats: a return (do
// nil) known from its report date, or an edit made at at, known from
// its county day. do makes the edit in any database that imported the
// annexes first and the history's edits in the same order (so the rows
// edits refer to have the same IDs), reading versions from that
// database; it returns the ID of the payment it creates.
type event struct {
	from model.Date
	at   time.Time
	what string
	do   func(ctx context.Context, x *target) (uint, error)
}

var (
	webManager = model.Actor{User: "manager", Source: "web"}
	apiFinance = model.Actor{User: "finance", Source: "api"}
)

// run makes the edit do in the history's database and keeps it in the
// history if it succeeds.
func (e *editor) run(ctx context.Context, what string, do func(ctx context.Context, x *target) (uint, error)) (uint, error) {
	id, err := do(ctx, &target{db: e.db, batches: e.batches})
	if err == nil {
		e.history = append(e.history, event{from: e.db.Today(), at: e.db.Now(), what: what, do: do})
	}
	return id, err
}

// newestBatch is the ID of the import batch db applied last.
func newestBatch(ctx context.Context, db *store.DB) (uint, error) {
	bs, err := db.ImportBatches(ctx)
	if err != nil {
		return 0, err
	}
	return bs[0].ID, nil
}

// edit makes one edit and says what it did.
func (e *editor) edit(ctx context.Context) string {
	t, db, rng := e.t, e.db, e.rng
	t.Helper()
	e.n++
	n := e.n
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
	edit := func(what string, do func(ctx context.Context, x *target) (uint, error)) string {
		t.Helper()
		_, err := e.run(ctx, what, do)
		check(err)
		return what
	}
	switch op := rng.IntN(7); {
	case op == 0 && v.ActualFinish.IsZero():
		ms, err := db.ProjectMilestones(ctx, v.ID)
		check(err)
		m := ms[len(ms)-1]
		// Later than planned, so that a milestone not yet due has a
		// forecast alert from the day on.
		forecast := today
		if m.Baseline.Date.After(today) {
			forecast = m.Baseline.Date
		}
		forecast, id := forecast.AddDays(30+rng.IntN(400)), m.ID
		return edit(fmt.Sprintf("the forecast %s of %s", forecast, v.Name), func(ctx context.Context, x *target) (uint, error) {
			m, err := x.db.GetMilestone(ctx, id)
			if err == nil {
				_, err = x.db.UpdateMilestone(ctx, webManager, id, model.MilestoneUpdate{ForecastDate: &forecast, Version: m.Version})
			}
			return 0, err
		})
	case op == 1 && len(e.payments) > 0:
		i := rng.IntN(len(e.payments))
		p := e.payments[i]
		if p.Reversed || p.ReversalOf != 0 {
			break
		}
		var what string
		if rng.IntN(3) == 0 {
			what = edit("the reversal of "+p.Voucher, func(ctx context.Context, x *target) (uint, error) {
				cur, err := x.db.GetPayment(ctx, p.ID)
				if err == nil {
					_, err = x.db.ReversePayment(ctx, apiFinance, p.ID, cur.Version, model.Date{}, "重复拨付")
				}
				return 0, err
			})
		} else {
			if dated.Before(p.Date) {
				dated = p.Date
			}
			what = edit(fmt.Sprintf("the correction of %s to %s 万元 dated %s", p.Voucher, amount.WanString(), dated), func(ctx context.Context, x *target) (uint, error) {
				cur, err := x.db.GetPayment(ctx, p.ID)
				if err == nil {
					_, err = x.db.CorrectPayment(ctx, apiFinance, p.ID, model.PaymentUpdate{Version: cur.Version, Amount: &amount, Date: &dated, Reason: "凭证录错", ConfirmOver: true})
				}
				return 0, err
			})
		}
		e.payments[i], err = db.GetPayment(ctx, p.ID)
		check(err)
		return what
	case op == 2:
		f := model.Fund{Kind: model.FundAllocated, ProjectID: v.ID, Source: "县级配套", Amount: amount, Date: dated, DocNo: fmt.Sprintf("沿财〔%d〕%d号", today.Year, n)}
		return edit(fmt.Sprintf("an allocation of %s 万元 dated %s to %s", amount.WanString(), dated, v.Name), func(ctx context.Context, x *target) (uint, error) {
			_, err := x.db.CreateFund(ctx, apiFinance, f)
			return 0, err
		})
	case op == 3:
		year := 2019 + rng.IntN(2)
		if rng.IntN(3) == 0 {
			what := fmt.Sprintf("the deletion of %s's budget for %d", v.Name, year)
			_, err := e.run(ctx, what, func(ctx context.Context, x *target) (uint, error) {
				return 0, x.db.DeleteBudgetLine(ctx, apiFinance, v.ID, year, "县级配套")
			})
			if model.Kind(err) != model.ENotFound {
				check(err)
				return what
			}
		}
		return edit(fmt.Sprintf("%s's budget for %d set to %s 万元", v.Name, year, amount.WanString()), func(ctx context.Context, x *target) (uint, error) {
			_, err := x.db.SetBudgetLine(ctx, apiFinance, v.ID, year, "县级配套", amount)
			return 0, err
		})
	case op == 4 && e.batch != 0:
		key := e.batch
		e.batch = 0
		return edit(fmt.Sprintf("the revert of import #%d", e.batches[key]), func(ctx context.Context, x *target) (uint, error) {
			_, err := x.db.RevertImport(ctx, x.batches[key], model.Actor{User: "admin", Source: "web"})
			return 0, err
		})
	case op == 5 && e.plan != 0:
		key := e.plan
		e.plan = 0
		return edit(fmt.Sprintf("the revert of plan import #%d", e.batches[key]), func(ctx context.Context, x *target) (uint, error) {
			_, err := x.db.RevertImport(ctx, x.batches[key], model.Actor{User: "admin", Source: "web"})
			return 0, err
		})
	case op == 5:
		// Another office's plan moves a project to another unit, its
		// category and its investment, and spells its name otherwise,
		// as the returns still name it (columns absent keep their
		// values).
		units := []string{"县民政局", "县住建局", "县发改局"}
		p := v.Project
		p.ResponsibleUnit, p.Category, p.Investment = units[rng.IntN(len(units))], fmt.Sprintf("类别%d", n), &amount
		p.Name = respelled(p.Name)
		set := &model.ImportSet{Plans: []model.PlanRow{{Ref: model.Ref{File: "计划调整.xlsx", Sheet: "附件", Row: 3}, Project: model.Project{
			Code: p.Code, Name: p.Name, Annex: p.Annex, Category: p.Category, ResponsibleUnit: p.ResponsibleUnit, Investment: p.Investment}}}}
		e.plan = n
		return edit(fmt.Sprintf("a plan renaming %s to %s, moving it to %s, %s, %s 万元", v.Name, p.Name, p.ResponsibleUnit, p.Category, amount.WanString()), func(ctx context.Context, x *target) (uint, error) {
			res, err := x.db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "admin", Source: "web"}, Kind: "plan", Files: []string{"计划调整.xlsx"}})
			if err == nil && (len(res.Errors) > 0 || res.Updated != 1) {
				err = fmt.Errorf("plan of %s: updated %d, %v", p.Code, res.Updated, res.Errors)
			}
			if err == nil {
				x.batches[n], err = newestBatch(ctx, x.db)
			}
			return 0, err
		})
	case op == 4:
		set := &model.ImportSet{
			Budgets: []model.BudgetRow{{Ref: model.Ref{File: "预算.xlsx", Sheet: "预算", Row: 2}, ProjectCode: v.Code, Year: 2019, Source: "县级配套", Amount: amount}},
			Funds: []model.FundRow{{Ref: model.Ref{File: "预算.xlsx", Sheet: "资金下达", Row: 2}, ProjectCode: v.Code, Kind: model.FundAllocated, Date: dated,
				Source: "省级补助", Amount: amount, DocNo: fmt.Sprintf("黔财〔%d〕%d号", today.Year, n)}},
		}
		e.batch = n
		return edit(fmt.Sprintf("a ledger of %s 万元 for %s", amount.WanString(), v.Name), func(ctx context.Context, x *target) (uint, error) {
			res, err := x.db.ApplyImport(ctx, set, model.ApplyOptions{Actor: apiFinance, Kind: "ledger", Files: []string{"预算.xlsx"}})
			if err == nil && len(res.Errors) > 0 {
				err = fmt.Errorf("ledger: %v", res.Errors)
			}
			if err == nil {
				x.batches[n], err = newestBatch(ctx, x.db)
			}
			return 0, err
		})
	}
	p := model.Disbursement{ProjectID: v.ID, Date: dated, Source: "县级配套", Amount: amount, Voucher: fmt.Sprintf("记-%d", n)}
	id, err := e.run(ctx, fmt.Sprintf("a payment of %s 万元 dated %s to %s", amount.WanString(), dated, v.Name), func(ctx context.Context, x *target) (uint, error) {
		p, err := x.db.CreatePayment(ctx, apiFinance, p, true)
		return p.ID, err
	})
	check(err)
	p, err = db.GetPayment(ctx, id)
	check(err)
	e.payments = append(e.payments, p)
	return e.history[len(e.history)-1].what
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
