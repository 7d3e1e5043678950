package store_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// revertTables are the tables an import writes, with what a database
// derives from them.
var revertTables = []string{"projects", "milestones", "milestone_facts", "progress_reports", "disbursements", "funds",
	"budget_lines", "indicator_targets", "project_activity"}

// snapshot is every row of revertTables, without the columns that move
// forward on any change (versions, update times).
func snapshot(t *testing.T, db *store.DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range revertTables {
		rows, err := store.TableRows(context.Background(), db, table)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, r := range rows {
			var cols []string
			for k, v := range r {
				switch k {
				case "version", "budget_version", "updated_at":
					continue
				}
				if tm, ok := v.(time.Time); ok {
					v = tm.UTC().Format(time.RFC3339Nano)
				}
				cols = append(cols, fmt.Sprintf("%s=%v", k, v))
			}
			sort.Strings(cols)
			lines = append(lines, strings.Join(cols, " "))
		}
		sort.Strings(lines)
		fmt.Fprintf(&b, "%s:\n  %s\n", table, strings.Join(lines, "\n  "))
	}
	return b.String()
}

// lastBatch is the id of the newest import batch.
func lastBatch(t *testing.T, db *store.DB) uint {
	t.Helper()
	bs, err := db.ImportBatches(context.Background())
	if err != nil || len(bs) == 0 {
		t.Fatalf("batches: %v %v", bs, err)
	}
	return bs[0].ID
}

var admin = model.Actor{User: "admin", Source: "api"}

func revert(t *testing.T, db *store.DB, id uint) model.RevertResult {
	t.Helper()
	res, err := db.RevertImport(context.Background(), id, admin)
	if err != nil {
		t.Fatalf("revert #%d: %v", id, err)
	}
	return res
}

// A plan import that created projects, changed others' fields and added
// a stage, a progress return and a ledger (a payment, an allocation) with
// a budget table: each reverted, the
// database reads exactly as before the import (versions aside, which go
// up), the revert is audited, and a second revert is refused.
func TestRevertImport(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		plans := samplePlans()
		apply(t, db, &model.ImportSet{Plans: plans[:2]}, false)
		returns := returnRows()
		d1 := model.NewDate(2019, time.June, 30)
		apply(t, db, &model.ImportSet{Progress: returns[d1][:1]}, false)
		before := snapshot(t, db)

		// Plan: one project changed (category, investment, site) and
		// given a stage, one created with its milestones.
		retyped := samplePlans()
		retyped[0].Project.Category, retyped[0].Project.Investment, retyped[0].Project.Site = "养老", wan(5200), "官舟镇"
		retyped[0].Stages = []model.StagePlan{{Name: "竣工验收", Date: model.MonthPlan(2020, 12)}}
		apply(t, db, &model.ImportSet{Plans: retyped}, false)
		plan := lastBatch(t, db)
		if snapshot(t, db) == before {
			t.Fatal("the plan import changed nothing")
		}
		detail, err := db.ImportBatchDetail(ctx, plan, 100)
		if err != nil {
			t.Fatal(err)
		}
		var changed []string
		for _, c := range detail.Changes {
			if c.Action == "update" {
				changed = append(changed, c.ProjectName+" "+c.Label()+" "+c.Old+"→"+c.New)
			}
		}
		sort.Strings(changed)
		if got, want := strings.Join(changed, "; "), "官舟片区养老服务中心 建设地点 官舟镇(猴渡坪景区)→官舟镇; 官舟片区养老服务中心 计划投资（万元） 5000→5200; 官舟片区养老服务中心 项目类别 养老服务中心→养老"; got != want || len(detail.Created) != 1 || detail.Created[0].Name != "儿童福利院" {
			t.Errorf("batch detail: got %s, created %+v; want %s and 儿童福利院", got, detail.Created, want)
		}
		res := revert(t, db, plan)
		if res.Projects != 1 || res.Restored == 0 {
			t.Errorf("plan revert: got %+v, want 1 project deleted and rows restored", res)
		}
		if got := snapshot(t, db); got != before {
			t.Errorf("after reverting the plan import:\n%s\nwant:\n%s", got, before)
		}
		ps := projectsByName(t, db)
		log, err := db.ProjectAudit(ctx, ps["官舟片区养老服务中心"].ID)
		if err != nil {
			t.Fatal(err)
		}
		var reverts []string
		for _, e := range log {
			if e.Action == "revert" {
				reverts = append(reverts, e.Field+":"+e.Old+"→"+e.New)
				if e.Note != fmt.Sprintf("撤销导入批次 #%d", plan) || e.User != "admin" {
					t.Errorf("revert row %+v: want note naming batch %d, user admin", e, plan)
				}
			}
		}
		sort.Strings(reverts)
		// The stage removed, the fields put back.
		if got, want := strings.Join(reverts, " "), "baseline_date:2020年12月→ category:养老→养老服务中心 investment_wan:5200→5000 site:官舟镇→官舟镇(猴渡坪景区)"; got != want {
			t.Errorf("revert audit: got %s, want %s", got, want)
		}
		_, err = db.RevertImport(ctx, plan, admin)
		if model.Kind(err) != model.EConflict || !strings.Contains(model.Message(err), "已于") {
			t.Errorf("second revert: got %v, want a conflict saying it was reverted", err)
		}
		bs, _ := db.ImportBatches(ctx)
		if bs[0].RevertedAt == nil || bs[0].RevertedBy != "admin" {
			t.Errorf("batch: got %+v, want reverted by admin", bs[0])
		}

		// A later return: forecasts, a start, figures.
		d2 := model.NewDate(2019, time.December, 31)
		before = snapshot(t, db)
		apply(t, db, &model.ImportSet{Progress: returns[d2][:1]}, false)
		revert(t, db, lastBatch(t, db))
		if got := snapshot(t, db); got != before {
			t.Errorf("after reverting the return:\n%s\nwant:\n%s", got, before)
		}
		// An older return after it is reverted too: facts kept as earlier
		// observations go.
		apply(t, db, &model.ImportSet{Progress: returns[d2][:1]}, false)
		before = snapshot(t, db)
		older := returns[d1][:1]
		older[0].Percent = dec("12")
		apply(t, db, &model.ImportSet{Progress: older}, false)
		revert(t, db, lastBatch(t, db))
		if got := snapshot(t, db); got != before {
			t.Errorf("after reverting the older return:\n%s\nwant:\n%s", got, before)
		}

		// A ledger and a budget table.
		before = snapshot(t, db)
		v0, _ := db.BudgetVersion(ctx, ps["官舟片区养老服务中心"].ID)
		apply(t, db, &model.ImportSet{
			Payments: []model.PaymentRow{payment(3, "官舟片区养老服务中心", "记-001", 50*model.Wan)},
			Funds:    []model.FundRow{fundRow(2, "官舟片区养老服务中心", model.FundAllocated, "省级补助", 100*model.Wan, "黔财社〔2019〕8号")},
			Budgets:  []model.BudgetRow{{Ref: model.Ref{File: "预算.xlsx", Sheet: "预算", Row: 2}, ProjectName: "官舟片区养老服务中心", Year: 2019, Source: "省级补助", Amount: 300 * model.Wan}},
		}, false)
		if ps, err := db.ListPayments(ctx, model.PaymentFilter{ProjectID: ps["官舟片区养老服务中心"].ID}); err != nil || len(ps) != 1 {
			t.Fatalf("payments after the ledger: %v %v, want 1", ps, err)
		}
		res = revert(t, db, lastBatch(t, db))
		if res.Deleted != 3 {
			t.Errorf("ledger revert: got %+v, want 3 rows deleted", res)
		}
		if got := snapshot(t, db); got != before {
			t.Errorf("after reverting the ledger:\n%s\nwant:\n%s", got, before)
		}
		if v, _ := db.BudgetVersion(ctx, ps["官舟片区养老服务中心"].ID); v <= v0 {
			t.Errorf("budget version: got %d, want above %d", v, v0)
		}
	})
}

// A revert is refused, with nothing written, when a later import or an
// edit changed what the batch wrote; the refusal lists each change. Once
// the later batch is reverted, the earlier one can be.
func TestRevertImportRefused(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		plan := lastBatch(t, db)
		retyped := samplePlans()
		retyped[2].Project.ResponsibleUnit = "县教育局"
		apply(t, db, &model.ImportSet{Plans: retyped}, false)
		later := lastBatch(t, db)
		ps := projectsByName(t, db)
		ms, err := db.ProjectMilestones(ctx, ps["洪渡片区养老服务中心"].ID)
		if err != nil {
			t.Fatal(err)
		}
		forecast := model.NewDate(2021, time.March, 31)
		if _, err := db.UpdateMilestone(ctx, model.Actor{User: "manager1", Source: "ui"}, ms[len(ms)-1].ID, model.MilestoneUpdate{ForecastDate: &forecast, Version: ms[len(ms)-1].Version}); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, db)
		_, err = db.RevertImport(ctx, plan, admin)
		var refused *model.RevertRefused
		if !errors.As(err, &refused) || model.Kind(err) != model.EConflict {
			t.Fatalf("revert: got %v, want refused", err)
		}
		var got []string
		for _, c := range refused.Conflicts {
			got = append(got, fmt.Sprintf("%s|%s|%d|%s", c.ProjectName, c.Field, c.Batch, c.User))
			if c.ProjectCode == "" || c.Time.IsZero() {
				t.Errorf("conflict %+v: want the project's code and a time", c)
			}
		}
		sort.Strings(got)
		want := []string{
			fmt.Sprintf("儿童福利院|responsible_unit|%d|clerk", later),
			"洪渡片区养老服务中心|forecast_date|0|manager1",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("conflicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if after := snapshot(t, db); after != before {
			t.Errorf("a refused revert wrote:\n%s\nwant:\n%s", after, before)
		}
		if bs, _ := db.ImportBatches(ctx); bs[1].RevertedAt != nil {
			t.Errorf("refused batch marked reverted: %+v", bs[1])
		}
		revert(t, db, later)
		_, err = db.RevertImport(ctx, plan, admin)
		if !errors.As(err, &refused) || len(refused.Conflicts) != 1 || refused.Conflicts[0].User != "manager1" {
			t.Errorf("after reverting the later batch: got %v, want only the edit", err)
		}
	})
}

// A batch of a release that kept no undo record is never guessed at.
func TestRevertImportOldBatch(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if err := store.InsertAll(ctx, db, []model.ImportBatch{{Kind: "plan", Files: "old.xlsx", User: "clerk", Created: 3, CreatedAt: testNow}}); err != nil {
			t.Fatal(err)
		}
		_, err := db.RevertImport(ctx, lastBatch(t, db), admin)
		if model.Kind(err) != model.EInvalid || !strings.Contains(model.Message(err), "旧版本") {
			t.Errorf("got %v, want refused as imported by an older release", err)
		}
		if bs, _ := db.ImportBatches(ctx); bs[0].RevertedAt != nil {
			t.Errorf("old batch marked reverted: %+v", bs[0])
		}
		if _, err := db.RevertImport(ctx, 999, admin); model.Kind(err) != model.ENotFound {
			t.Errorf("unknown batch: got %v, want not found", err)
		}
	})
}

// A photo added to a report a return created blocks reverting that
// return (deleting the report would take the photo along).
func TestRevertImportPhoto(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		d1 := model.NewDate(2019, time.June, 30)
		apply(t, db, &model.ImportSet{Progress: returnRows()[d1][:1]}, false)
		ps := projectsByName(t, db)
		rs, err := db.ProgressAsOf(ctx, ps["官舟片区养老服务中心"].ID, model.NewDate(2020, 1, 1))
		if err != nil || len(rs) != 1 {
			t.Fatalf("reports: %v %v", rs, err)
		}
		if _, err := db.AddPhoto(ctx, model.Actor{User: "mgr", Source: "ui"}, rs[0].ID, model.Photo{Name: "a.jpg", ContentType: "image/jpeg", Bytes: 3, Data: []byte{1, 2, 3}, Thumb: []byte{4}}); err != nil {
			t.Fatal(err)
		}
		_, err = db.RevertImport(ctx, lastBatch(t, db), admin)
		var refused *model.RevertRefused
		if !errors.As(err, &refused) || len(refused.Conflicts) != 1 || refused.Conflicts[0].Entity != "photo" || refused.Conflicts[0].User != "mgr" ||
			refused.Conflicts[0].ProjectName != "官舟片区养老服务中心" {
			t.Errorf("got %v %+v, want refused for mgr's photo", err, refused)
		}
	})
}
