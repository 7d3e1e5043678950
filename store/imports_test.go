package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

var testNow = time.Date(2020, time.June, 15, 9, 0, 0, 0, time.UTC)

// openDBs runs fn on each engine with the clock fixed at testNow.
func openDBs(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		db.Now = func() time.Time { return testNow }
		fn(t, db)
	})
}

func wan(n int64) *model.Money {
	m := model.Money(n) * model.Wan
	return &m
}

func dec(s string) decimal.NullDecimal {
	return decimal.NewNullDecimal(decimal.RequireFromString(s))
}

func intp(n int) *int { return &n }

func ref(row int) model.Ref {
	return model.Ref{File: "annex.xlsx", Sheet: "附件1", Row: row, ProjectColumn: "B"}
}

// samplePlans are three annex-1 rows from the plan, without codes.
func samplePlans() []model.PlanRow {
	return []model.PlanRow{
		{Ref: ref(5), Project: model.Project{
			Name: "官舟片区养老服务中心", Annex: 1, Category: "养老服务中心", Site: "官舟镇(猴渡坪景区)", ResponsibleUnit: "县民政局",
			PlannedStart: model.MonthPlan(2018, 12), PlannedFinish: model.MonthPlan(2020, 12),
			Investment: wan(5000), FloorArea: dec("13000"), Land: dec("20"), Beds: intp(300),
		}},
		{Ref: ref(6), Project: model.Project{
			Name: "洪渡片区养老服务中心", Annex: 1, Category: "养老服务中心", Site: "洪渡镇", ResponsibleUnit: "县民政局",
			PlannedStart: model.MonthPlan(2018, 12), PlannedFinish: model.MonthPlan(2020, 12),
			Investment: wan(3000), FloorArea: dec("9300"), Land: dec("15"), Beds: intp(200),
		}},
		{Ref: ref(7), Project: model.Project{
			Name: "儿童福利院", Annex: 1, Category: "儿童福利", ResponsibleUnit: "县民政局",
			PlannedStart: model.MonthPlan(2018, 12), PlannedFinish: model.MonthPlan(2020, 10),
			Investment: wan(5000), FloorArea: dec("12000"), Land: dec("15"), Beds: intp(200),
		}, Stages: []model.StagePlan{{Name: "主体完工", Date: model.MonthPlan(2019, 12)}}},
	}
}

func apply(t *testing.T, db *store.DB, set *model.ImportSet, dryRun bool) model.ImportResult {
	t.Helper()
	res, err := db.ApplyImport(context.Background(), set, model.ApplyOptions{
		Actor: model.Actor{User: "clerk"}, Kind: "mixed", Files: []string{"annex.xlsx"}, DryRun: dryRun,
	})
	if err != nil {
		t.Fatalf("ApplyImport: %v", err)
	}
	return res
}

func checkFindings(t *testing.T, got, want []model.Finding) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("errors: got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("error %d:\ngot  %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

type counts struct{ created, updated, unchanged, errors int }

func countsOf(r model.ImportResult) counts {
	return counts{r.Created, r.Updated, r.Unchanged, len(r.Errors)}
}

func projectsByName(t *testing.T, db *store.DB) map[string]model.ProjectView {
	t.Helper()
	views, _, err := db.ListProjects(context.Background(), model.ProjectFilter{})
	if err != nil {
		t.Fatalf("ListProjects: %v", err)
	}
	out := map[string]model.ProjectView{}
	for _, v := range views {
		out[v.Name] = v
	}
	return out
}

// auditCount counts every audit row of every project (and of no project).
func auditCount(t *testing.T, db *store.DB) int {
	t.Helper()
	n := 0
	ids := []uint{0}
	for _, v := range projectsByName(t, db) {
		ids = append(ids, v.ID)
	}
	for _, id := range ids {
		es, err := db.ProjectAudit(context.Background(), id)
		if err != nil {
			t.Fatalf("ProjectAudit: %v", err)
		}
		n += len(es)
	}
	return n
}

func TestApplyImportPlansIdempotentWithHistory(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if got, want := countsOf(apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)), (counts{created: 3}); got != want {
			t.Fatalf("first import: got %+v, want %+v", got, want)
		}
		audits := auditCount(t, db)

		if got, want := countsOf(apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)), (counts{unchanged: 3}); got != want {
			t.Fatalf("re-import: got %+v, want %+v", got, want)
		}
		if got := auditCount(t, db); got != audits {
			t.Errorf("re-import added audit rows: got %d, want %d", got, audits)
		}

		changed := samplePlans()
		changed[0].Project.Investment = wan(5200)
		changed[0].Project.PlannedFinish = model.MonthPlan(2021, 6)
		changed[0].Project.Land = decimal.NullDecimal{}
		changed[0].Cleared = []string{"land_mu"} // 无 in its cell
		if got, want := countsOf(apply(t, db, &model.ImportSet{Plans: changed}, false)), (counts{updated: 1, unchanged: 2}); got != want {
			t.Fatalf("changed import: got %+v, want %+v", got, want)
		}
		p := projectsByName(t, db)["官舟片区养老服务中心"]
		if got, want := *p.Investment, 5200*model.Wan; got != want {
			t.Errorf("investment: got %d, want %d", got, want)
		}
		if got, want := p.PlannedFinish, model.MonthPlan(2021, 6); got != want {
			t.Errorf("planned finish: got %v, want %v", got, want)
		}
		if p.Land.Valid {
			t.Errorf("land: got %v, want unknown", p.Land.Decimal)
		}

		es, err := db.ProjectAudit(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var history []string
		for _, e := range es {
			if e.Action != "create" {
				history = append(history, e.Action+" "+e.Field+" "+e.Old+"→"+e.New+" "+e.Source)
			}
		}
		want := []string{
			"update planned_finish 2020年12月→2021年6月 import#3",
			"update investment_wan 5000→5200 import#3",
			"update land_mu 20→ import#3",
			"plan_changed baseline_date 2020年12月→2021年6月 import#3",
		}
		if strings.Join(history, "\n") != strings.Join(want, "\n") {
			t.Errorf("history:\ngot  %q\nwant %q", history, want)
		}
		if es[0].Action != "create" || es[0].Source != "import#1" || es[0].User != "clerk" {
			t.Errorf("first audit row: got %+v, want a create by clerk from import#1", es[0])
		}

		// The plan moved, the baseline did not.
		ms, err := db.ProjectMilestones(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ms[len(ms)-1].Baseline, model.MonthPlan(2020, 12); got != want {
			t.Errorf("finish baseline: got %v, want %v", got, want)
		}

		// The changed sheet imported again changes and notes nothing.
		audits = auditCount(t, db)
		if got, want := countsOf(apply(t, db, &model.ImportSet{Plans: changed}, false)), (counts{unchanged: 3}); got != want {
			t.Errorf("re-import of changed sheet: got %+v, want %+v", got, want)
		}
		if got := auditCount(t, db); got != audits {
			t.Errorf("re-import of changed sheet added audit rows: got %d, want %d", got, audits)
		}
	})
}

func TestApplyImportDryRunWritesNothing(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		set := &model.ImportSet{
			Plans:      samplePlans(),
			Indicators: []model.IndicatorTarget{{Annex: 2, Task: "城市社区综合服务设施覆盖率", Year: 2018, Target: "100%"}},
		}
		if got, want := countsOf(apply(t, db, set, true)), (counts{created: 4}); got != want {
			t.Fatalf("dry run: got %+v, want %+v", got, want)
		}
		if got := len(projectsByName(t, db)); got != 0 {
			t.Errorf("projects after dry run: got %d, want 0", got)
		}
		if ts, _ := db.Indicators(context.Background()); len(ts) != 0 {
			t.Errorf("indicators after dry run: got %d, want 0", len(ts))
		}
		if got := auditCount(t, db); got != 0 {
			t.Errorf("audit rows after dry run: got %d, want 0", got)
		}
		// A real import afterwards creates everything.
		if got, want := countsOf(apply(t, db, set, false)), (counts{created: 4}); got != want {
			t.Errorf("import after dry run: got %+v, want %+v", got, want)
		}
	})
}

// TestApplyImportMatching: each case imports the sample plan into a
// database of its own, then its rows, and checks which project they met.
func TestApplyImportMatching(t *testing.T) {
	coded := samplePlans()[2]
	coded.Row, coded.Project.Code = 10, "MS-05"
	renamed := coded
	renamed.Row, renamed.Project.Name = 11, "县儿童福利院"
	tests := []struct {
		name   string
		before []model.PlanRow // imported after the sample, before row
		row    model.PlanRow
		want   counts
		// check compares the projects after the import with those after
		// the sample.
		check func(t *testing.T, db *store.DB, first, after map[string]model.ProjectView)
	}{
		{
			name: "name spelled differently matches within the annex",
			row: model.PlanRow{Ref: ref(8), Project: model.Project{
				Name: "洪渡片区 养老服务中心", Annex: 1, Category: "养老服务中心", Site: "洪渡镇", ResponsibleUnit: "县民政局",
				PlannedStart: model.MonthPlan(2018, 12), PlannedFinish: model.MonthPlan(2020, 12),
				Investment: wan(3000), FloorArea: dec("9300.0"), Land: dec("15"), Beds: intp(200),
			}},
			want: counts{updated: 1},
			check: func(t *testing.T, _ *store.DB, first, after map[string]model.ProjectView) {
				if got, want := after["洪渡片区 养老服务中心"].ID, first["洪渡片区养老服务中心"].ID; got != want {
					t.Errorf("renamed-by-spelling project ID: got %d, want %d", got, want)
				}
			},
		},
		{
			name: "same name in another annex is another project",
			row: model.PlanRow{Ref: ref(9), Project: model.Project{
				Name: "儿童福利院", Annex: 3, PlannedFinish: model.YearPlan(2020),
			}},
			want: counts{created: 1},
			check: func(t *testing.T, db *store.DB, first, _ map[string]model.ProjectView) {
				views, _, err := db.ListProjects(context.Background(), model.ProjectFilter{Annex: 3})
				if err != nil || len(views) != 1 || views[0].Name != "儿童福利院" || views[0].ID == first["儿童福利院"].ID ||
					views[0].Code != model.GenerateCode(3, "儿童福利院") {
					t.Errorf("annex-3 projects: %+v, %v; want one new 儿童福利院 with its annex-3 code", views, err)
				}
			},
		},
		{
			name: "a code takes over the project whose code was generated", row: coded, want: counts{updated: 1},
			check: func(t *testing.T, _ *store.DB, first, after map[string]model.ProjectView) {
				if got := after["儿童福利院"]; got.ID != first["儿童福利院"].ID || got.Code != "MS-05" {
					t.Errorf("coded project: ID %d code %q, want ID %d code MS-05", got.ID, got.Code, first["儿童福利院"].ID)
				}
			},
		},
		{
			name: "a code matches even when the name changed", before: []model.PlanRow{coded}, row: renamed, want: counts{updated: 1},
			check: func(t *testing.T, _ *store.DB, first, after map[string]model.ProjectView) {
				if got := after["县儿童福利院"]; got.ID != first["儿童福利院"].ID || got.Code != "MS-05" {
					t.Errorf("renamed coded project: ID %d code %q, want ID %d code MS-05", got.ID, got.Code, first["儿童福利院"].ID)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			openDBs(t, func(t *testing.T, db *store.DB) {
				apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
				first := projectsByName(t, db)
				for name, p := range first {
					if got, want := p.Code, model.GenerateCode(1, name); got != want {
						t.Errorf("generated code of %s: got %q, want %q", name, got, want)
					}
				}
				if len(tt.before) > 0 {
					apply(t, db, &model.ImportSet{Plans: tt.before}, false)
				}
				if got := countsOf(apply(t, db, &model.ImportSet{Plans: []model.PlanRow{tt.row}}, false)); got != tt.want {
					t.Errorf("got %+v, want %+v", got, tt.want)
				}
				tt.check(t, db, first, projectsByName(t, db))
			})
		})
	}
}

func TestApplyImportPlanErrors(t *testing.T) {
	at := func(row int, col, msg string) model.Finding {
		return model.Finding{File: "annex.xlsx", Sheet: "附件1", Row: row, Column: col, Message: msg}
	}
	// with returns the sample rows plus one changed copy of row i.
	with := func(i, row int, change func(p *model.Project)) []model.PlanRow {
		rows := samplePlans()
		extra := rows[i]
		extra.Row = row
		change(&extra.Project)
		return append(rows, extra)
	}
	tests := []struct {
		name     string
		existing []model.PlanRow // imported first
		rows     []model.PlanRow
		want     []model.Finding
	}{
		{
			name: "finish before start",
			rows: with(1, 20, func(p *model.Project) { p.PlannedFinish = model.MonthPlan(2017, 1) }),
			want: []model.Finding{at(20, "", "计划完工时间（2017年1月）早于计划开工时间（2018年12月）")},
		},
		{
			name: "same name twice without codes",
			rows: with(0, 21, func(p *model.Project) {}),
			want: []model.Finding{at(21, "B", "项目“官舟片区养老服务中心”在本次导入中重复出现（另见“附件1”第5行）")},
		},
		{
			name: "same code twice",
			rows: []model.PlanRow{
				{Ref: ref(5), Project: model.Project{Code: "MS-01", Name: "光荣院", Annex: 1}},
				{Ref: ref(6), Project: model.Project{Code: "MS-01", Name: "未成年人保护中心", Annex: 1}},
			},
			want: []model.Finding{at(6, "B", "项目“未成年人保护中心”在本次导入中重复出现（另见“附件1”第5行）")},
		},
		{
			name:     "a stored project named by code and by name",
			existing: []model.PlanRow{{Ref: ref(5), Project: model.Project{Code: "MS-01", Name: "光荣院", Annex: 1}}},
			rows: []model.PlanRow{
				{Ref: ref(5), Project: model.Project{Code: "MS-01", Name: "光荣院", Annex: 1}},
				{Ref: ref(6), Project: model.Project{Name: "光荣院", Annex: 1}},
			},
			want: []model.Finding{at(6, "B", "项目“光荣院”在本次导入中重复出现（另见“附件1”第5行）")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			openDBs(t, func(t *testing.T, db *store.DB) {
				apply(t, db, &model.ImportSet{Plans: tt.existing}, false)
				audits := auditCount(t, db)
				res := apply(t, db, &model.ImportSet{Plans: tt.rows}, false)
				checkFindings(t, res.Errors, tt.want)
				if got, want := len(projectsByName(t, db)), len(tt.existing); got != want {
					t.Errorf("projects after a failed import: got %d, want %d", got, want)
				}
				if got := auditCount(t, db); got != audits {
					t.Errorf("audit rows after a failed import: got %d, want %d", got, audits)
				}
			})
		})
	}
}

func TestApplyImportMilestones(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		p := projectsByName(t, db)["儿童福利院"]
		describe := func() string {
			ms, err := db.ProjectMilestones(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, m := range ms {
				parts = append(parts, m.Kind+":"+m.Name+"@"+m.Baseline.String())
			}
			return strings.Join(parts, " ")
		}
		if got, want := describe(), "start:start@2018年12月 stage:主体完工@2019年12月 finish:finish@2020年10月"; got != want {
			t.Errorf("milestones: got %q, want %q", got, want)
		}

		rows := samplePlans()
		rows[2].Stages = append([]model.StagePlan{{Name: "前期手续", Date: model.MonthPlan(2019, 3)}}, rows[2].Stages...)
		if got, want := countsOf(apply(t, db, &model.ImportSet{Plans: rows}, false)), (counts{updated: 1, unchanged: 2}); got != want {
			t.Errorf("new stage column: got %+v, want %+v", got, want)
		}
		if got, want := describe(), "start:start@2018年12月 stage:前期手续@2019年3月 stage:主体完工@2019年12月 finish:finish@2020年10月"; got != want {
			t.Errorf("milestones after new stage: got %q, want %q", got, want)
		}
	})
}

// progressRow is a row of a return dated 2020-05-31.
func progressRow(row int, name string) model.ProgressRow {
	return model.ProgressRow{
		Ref:         model.Ref{File: "月报.xlsx", Sheet: "5月", Row: row, ProjectColumn: "C"},
		ProjectName: name, ReportDate: model.NewDate(2020, 5, 31),
	}
}

func TestApplyImportProgress(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		p := projectsByName(t, db)["官舟片区养老服务中心"]

		row := progressRow(4, "官舟片区养老服务中心")
		row.ActualStart = model.NewDate(2019, 3, 1)
		row.Forecast = model.NewDate(2021, 3, 31)
		row.Percent = dec("45.5")
		row.InvestmentDone = wan(2100)
		row.Problems = "征地拆迁进度慢"
		byCode := progressRow(5, "")
		byCode.ProjectCode = projectsByName(t, db)["洪渡片区养老服务中心"].Code
		byCode.Percent = dec("10")
		set := &model.ImportSet{Progress: []model.ProgressRow{row, byCode}}

		if got, want := countsOf(apply(t, db, set, false)), (counts{created: 2}); got != want {
			t.Fatalf("progress: got %+v, want %+v", got, want)
		}
		ms, _ := db.ProjectMilestones(ctx, p.ID)
		start, finish := ms[0], ms[len(ms)-1]
		if start.Actual != row.ActualStart || start.Version != 2 {
			t.Errorf("start: got actual %v version %d, want %v version 2", start.Actual, start.Version, row.ActualStart)
		}
		if finish.Forecast != row.Forecast || !finish.Actual.IsZero() || finish.Version != 2 {
			t.Errorf("finish: got forecast %v actual %v version %d, want %v, none, 2", finish.Forecast, finish.Actual, finish.Version, row.Forecast)
		}
		reps, _ := db.ProjectProgress(ctx, p.ID)
		if len(reps) != 1 || reps[0].Percent.Decimal.String() != "45.5" || *reps[0].InvestmentDone != 2100*model.Wan ||
			reps[0].Problems != "征地拆迁进度慢" || reps[0].Source != "import#2" {
			t.Errorf("reports: got %+v, want one 45.5%% report of 2100万 from import#2", reps)
		}
		v, err := db.GetProject(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.ActualStart != row.ActualStart || v.ProgressPct.Decimal.String() != "45.5" {
			t.Errorf("view: got actual start %v progress %v, want %v 45.5", v.ActualStart, v.ProgressPct, row.ActualStart)
		}

		audits := auditCount(t, db)
		if got, want := countsOf(apply(t, db, set, false)), (counts{unchanged: 2}); got != want {
			t.Errorf("re-import: got %+v, want %+v", got, want)
		}
		if got := auditCount(t, db); got != audits {
			t.Errorf("re-import added audit rows: got %d, want %d", got, audits)
		}

		later := row // a later return, dated today (a return may not be dated after it)
		later.ReportDate = model.DateOf(testNow)
		later.Percent = dec("60")
		if got, want := countsOf(apply(t, db, &model.ImportSet{Progress: []model.ProgressRow{later}}, false)), (counts{created: 1}); got != want {
			t.Errorf("a later return: got %+v, want %+v", got, want)
		}
		if v, _ := db.GetProject(ctx, p.ID); v.ProgressPct.Decimal.String() != "60" {
			t.Errorf("latest progress: got %v, want 60", v.ProgressPct)
		}
	})
}

func TestApplyImportProgressErrors(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		first := progressRow(4, "官舟片区养老服务中心")
		first.ActualStart = model.NewDate(2019, 3, 1)
		apply(t, db, &model.ImportSet{Progress: []model.ProgressRow{first}}, false)

		conflict := progressRow(4, "官舟片区养老服务中心")
		conflict.ActualStart = model.NewDate(2019, 4, 1)
		unknown := progressRow(7, "不存在的项目")
		unknown.Percent = dec("5")
		good := progressRow(8, "洪渡片区养老服务中心")
		good.ActualStart = model.NewDate(2019, 5, 1)
		tooMuch := progressRow(9, "儿童福利院")
		tooMuch.Percent = dec("120")
		future := progressRow(10, "儿童福利院")
		future.ActualFinish = model.NewDate(2020, 6, 30)
		backwards := progressRow(11, "官舟片区养老服务中心")
		backwards.ActualFinish = model.NewDate(2019, 1, 1)
		undated := progressRow(12, "儿童福利院")
		undated.ReportDate = model.Date{}
		at := func(row int, msg string) model.Finding {
			return model.Finding{File: "月报.xlsx", Sheet: "5月", Row: row, Message: msg}
		}

		tests := []struct {
			name string
			rows []model.ProgressRow
			want []model.Finding
		}{
			{"unknown project", []model.ProgressRow{good, unknown}, []model.Finding{
				{File: "月报.xlsx", Sheet: "5月", Row: 7, Column: "C", Message: "找不到项目“不存在的项目”，请先导入任务分解表或核对项目名称"},
			}},
			{"conflicting actual date", []model.ProgressRow{good, conflict}, []model.Finding{
				at(4, "项目“官舟片区养老服务中心”的实际开工时间已登记为 2019-03-01，与本行的 2019-04-01 不一致；如需更正请在系统中修改"),
			}},
			{"impossible values", []model.ProgressRow{good, tooMuch, future, backwards, undated}, []model.Finding{
				at(9, "形象进度应在 0 到 100 之间，而不是 120"),
				at(10, "实际完工时间 2020-06-30 晚于填报日期 2020-05-31"),
				at(11, "实际完工时间 2019-01-01 早于实际开工时间 2019-03-01"),
				at(12, "缺少填报日期"),
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := apply(t, db, &model.ImportSet{Progress: tt.rows}, false)
				checkFindings(t, res.Errors, tt.want)
				// All or nothing: the good row was not applied either.
				v := projectsByName(t, db)["洪渡片区养老服务中心"]
				if !v.ActualStart.IsZero() {
					t.Errorf("good row applied despite errors: actual start %v", v.ActualStart)
				}
				if reps, _ := db.ProjectProgress(ctx, v.ID); len(reps) != 0 {
					t.Errorf("reports written despite errors: got %d, want 0", len(reps))
				}
			})
		}
	})
}

func payment(row int, name, voucher string, amount model.Money) model.PaymentRow {
	return model.PaymentRow{
		Ref:         model.Ref{File: "台账.xlsx", Sheet: "拨付", Row: row, ProjectColumn: "B"},
		ProjectName: name, Date: model.NewDate(2019, 6, 1), Source: "福彩公益金", Amount: amount, Voucher: voucher,
	}
}

func TestApplyImportPayments(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		ledger := []model.PaymentRow{
			payment(3, "官舟片区养老服务中心", "记-001", 300*model.Wan),
			payment(4, "官舟片区养老服务中心", "记-002", 12345678), // 123456.78 元
			payment(5, "儿童福利院", "记-003", 50*model.Wan),
		}
		if got, want := countsOf(apply(t, db, &model.ImportSet{Payments: ledger}, false)), (counts{created: 3}); got != want {
			t.Fatalf("ledger: got %+v, want %+v", got, want)
		}
		if got, want := countsOf(apply(t, db, &model.ImportSet{Payments: ledger}, false)), (counts{unchanged: 3}); got != want {
			t.Errorf("ledger again: got %+v, want %+v", got, want)
		}
		p := projectsByName(t, db)["官舟片区养老服务中心"]
		if got, want := p.Spent, 300*model.Wan+12345678; got != want {
			t.Errorf("spent: got %d, want %d", got, want)
		}
		money, _ := db.ProjectMoney(ctx, p.ID, db.Today())
		ds := money.Payments
		if len(ds) != 2 || ds[0].Voucher != "记-001" || ds[0].CreatedBy != "clerk" {
			t.Errorf("payments: got %+v, want 记-001 and 记-002 by clerk", ds)
		}

		changed := payment(9, "官舟片区养老服务中心", "记-002", 99*model.Wan)
		res := apply(t, db, &model.ImportSet{Payments: []model.PaymentRow{payment(8, "儿童福利院", "记-004", model.Wan), changed}}, false)
		want := model.Finding{File: "台账.xlsx", Sheet: "拨付", Row: 9,
			Message: "凭证号“记-002”已登记为另一笔拨付（2019-06-01，12.345678万元，福彩公益金），与本行不一致；如需更正请由财务在系统中修改"}
		if len(res.Errors) != 1 || res.Errors[0] != want {
			t.Errorf("conflicting voucher:\ngot  %+v\nwant %+v", res.Errors, want)
		}
		if v := projectsByName(t, db)["儿童福利院"]; v.Spent != 50*model.Wan {
			t.Errorf("payment written despite errors: spent %d, want %d", v.Spent, 50*model.Wan)
		}
	})
}

func TestApplyImportBudgetsAndIndicators(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		budget := func(year int, source string, amount int64) model.BudgetRow {
			return model.BudgetRow{Ref: ref(3), ProjectName: "儿童福利院", Year: year, Source: source, Amount: *wan(amount)}
		}
		indicator := func(target string) model.IndicatorTarget {
			return model.IndicatorTarget{Annex: 2, Task: "农村社区综合服务设施覆盖率", Year: 2019, Target: target, ResponsibleUnit: "县民政局"}
		}
		steps := []struct {
			name string
			set  model.ImportSet
			want counts
		}{
			{"first", model.ImportSet{
				Budgets:    []model.BudgetRow{budget(2019, "中央预算内投资", 2000), budget(2019, "县级配套", 500)},
				Indicators: []model.IndicatorTarget{indicator("50%")},
			}, counts{created: 3}},
			{"same again", model.ImportSet{
				Budgets:    []model.BudgetRow{budget(2019, "中央预算内投资", 2000), budget(2019, "县级配套", 500)},
				Indicators: []model.IndicatorTarget{indicator("50%")},
			}, counts{unchanged: 3}},
			{"changed", model.ImportSet{
				Budgets:    []model.BudgetRow{budget(2019, "中央预算内投资", 2000), budget(2019, "县级配套", 800), budget(2020, "县级配套", 100)},
				Indicators: []model.IndicatorTarget{indicator("60%")},
			}, counts{created: 1, updated: 2, unchanged: 1}},
		}
		for _, st := range steps { // each on the one before: steps, not subtests
			if got := countsOf(apply(t, db, &st.set, false)); got != st.want {
				t.Fatalf("%s: got %+v, want %+v", st.name, got, st.want)
			}
		}
		p := projectsByName(t, db)["儿童福利院"]
		es, _ := db.ProjectAudit(ctx, p.ID)
		var updates []string
		for _, e := range es {
			if e.Entity == "budget" && e.Action == "update" {
				updates = append(updates, e.Field+" "+e.Old+"→"+e.New)
			}
		}
		if want := []string{"budget:2019:县级配套 500→800"}; strings.Join(updates, ";") != strings.Join(want, ";") {
			t.Errorf("budget history: got %q, want %q", updates, want)
		}
		ts, _ := db.Indicators(ctx)
		if len(ts) != 1 || ts[0].Target != "60%" {
			t.Errorf("indicators: got %+v, want one at 60%%", ts)
		}
	})
}

// TestApplyImportStream applies an import chunk by chunk in one
// transaction: a row may name a project a later chunk creates; a row
// repeating one of an earlier chunk is an error; a source that fails
// leaves nothing written.
func TestApplyImportStream(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		opt := model.ApplyOptions{Actor: model.Actor{User: "clerk"}, Files: []string{"a.xlsx"}}
		plans := samplePlans()
		early := progressRow(4, "儿童福利院")
		early.Percent = dec("20")

		failing := errors.New("upload cut off")
		calls := 0
		res, err := db.ApplyImportStream(ctx, func() (*model.ImportSet, error) {
			calls++
			if calls == 2 {
				return nil, failing
			}
			return &model.ImportSet{Plans: plans[:1]}, nil
		}, opt)
		if !errors.Is(err, failing) || len(projectsByName(t, db)) != 0 {
			t.Fatalf("failing source: got %+v, %v and %d projects; want the source's error and nothing stored", res, err, len(projectsByName(t, db)))
		}

		unknown := progressRow(9, "不存在的项目")
		res, err = db.ApplyImportStream(ctx, store.Chunks(
			&model.ImportSet{Progress: []model.ProgressRow{early}, Plans: plans[:1]},
			&model.ImportSet{Plans: plans[1:]},
			&model.ImportSet{Progress: []model.ProgressRow{unknown}},
		), opt)
		if err != nil {
			t.Fatal(err)
		}
		checkFindings(t, res.Errors, []model.Finding{{File: "月报.xlsx", Sheet: "5月", Row: 9, Column: "C",
			Message: "找不到项目“不存在的项目”，请先导入任务分解表或核对项目名称"}})
		if len(projectsByName(t, db)) != 0 {
			t.Fatalf("an unknown project stored the rest")
		}

		res, err = db.ApplyImportStream(ctx, store.Chunks(
			&model.ImportSet{Progress: []model.ProgressRow{early}, Plans: plans[:1]},
			&model.ImportSet{Plans: plans[1:]},
		), opt)
		if err != nil || countsOf(res) != (counts{created: 4}) {
			t.Fatalf("progress before its plan row: got %+v, %v; want 4 created", res, err)
		}
		p := projectsByName(t, db)["儿童福利院"]
		if reps, _ := db.ProjectProgress(ctx, p.ID); len(reps) != 1 || reps[0].Percent.Decimal.String() != "20" {
			t.Errorf("progress of 儿童福利院: got %+v", reps)
		}

		again := early
		again.Row = 30
		again.Percent = dec("25")
		res, err = db.ApplyImportStream(ctx, store.Chunks(
			&model.ImportSet{Progress: []model.ProgressRow{early}},
			&model.ImportSet{Progress: []model.ProgressRow{again}},
		), opt)
		if err != nil {
			t.Fatal(err)
		}
		checkFindings(t, res.Errors, []model.Finding{{File: "月报.xlsx", Sheet: "5月", Row: 30, Column: "",
			Message: "项目“儿童福利院”2020-05-31的进度在本次导入中重复出现且内容不一致（另见“5月”第4行）"}})
	})
}

// TestApplyImportBesideAnalyze: on PostgreSQL an import refreshes the
// statistics of what it has written as it goes; when another
// transaction holds a table's ANALYZE lock (another import), the import
// goes on without waiting for it.
func TestApplyImportBesideAnalyze(t *testing.T) {
	u := os.Getenv(storetest.TestPostgresEnv)
	if u == "" {
		t.Skip("PostgreSQL only: " + storetest.TestPostgresEnv + " is not set")
	}
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t, u)
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	locker, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close()
	hold, err := locker.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Rollback()
	if _, err := hold.ExecContext(ctx, "ANALYZE projects"); err != nil {
		t.Fatal(err)
	}

	var chunks []*model.ImportSet
	for c := range 2 {
		set := &model.ImportSet{}
		for i := range 1000 {
			n := c*1000 + i
			set.Plans = append(set.Plans, model.PlanRow{Ref: ref(n + 2), Project: model.Project{Name: fmt.Sprintf("第%d号互助幸福院", n), Annex: 1}})
		}
		chunks = append(chunks, set)
	}
	// Had it waited for the lock, which is held until the test ends, the
	// import would fail when this context does.
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	res, err := db.ApplyImportStream(ctx, store.Chunks(chunks...), model.ApplyOptions{Actor: model.Actor{User: "clerk"}})
	if err != nil || countsOf(res) != (counts{created: 2000}) {
		t.Fatalf("import beside a held ANALYZE lock: got %+v, %v; want 2000 created", res, err)
	}
}

// TestApplyImportNotAfterToday: an import holds what happened by today,
// as the API does: a payment, an allocation or a progress return dated
// after the county's today is refused at its row, and nothing is
// written; the same rows dated today import.
func TestApplyImportNotAfterToday(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		today := db.Today()
		rows := func(d model.Date) *model.ImportSet {
			pr := progressRow(4, "儿童福利院")
			pr.ReportDate, pr.ActualStart = d, d
			return &model.ImportSet{
				Progress: []model.ProgressRow{pr},
				Payments: []model.PaymentRow{{Ref: ref(5), ProjectName: "儿童福利院", Date: d, Source: "县级配套", Amount: model.Wan, Voucher: "FT-1"}},
				Funds:    []model.FundRow{{Ref: ref(6), ProjectName: "儿童福利院", Kind: model.FundAllocated, Date: d, Source: "县级配套", Amount: model.Wan, DocNo: "沿财〔2099〕1号"}},
			}
		}
		later := today.AddDays(1)
		res := apply(t, db, rows(later), false)
		var msgs []string
		for _, f := range res.Errors {
			msgs = append(msgs, fmt.Sprintf("%d:%s", f.Row, f.Message))
		}
		want := []string{
			fmt.Sprintf("4:填报日期（%s）不能晚于今天（%s）", later, today),
			fmt.Sprintf("5:拨付日期（%s）不能晚于今天（%s）", later, today),
			fmt.Sprintf("6:下达日期（%s）不能晚于今天（%s）", later, today),
		}
		slices.Sort(msgs)
		if !slices.Equal(msgs, want) {
			t.Errorf("errors %q, want %q", msgs, want)
		}
		p := projectsByName(t, db)["儿童福利院"]
		if ps, err := db.ListPayments(context.Background(), model.PaymentFilter{ProjectID: p.ID}); err != nil || len(ps) != 0 {
			t.Errorf("payments after the refused import: %d (%v), want none", len(ps), err)
		}
		if rs, err := db.ProjectProgress(context.Background(), p.ID); err != nil || len(rs) != 0 {
			t.Errorf("reports after the refused import: %d (%v), want none", len(rs), err)
		}
		if res := apply(t, db, rows(today), false); len(res.Errors) != 0 || res.Created == 0 {
			t.Errorf("dated today: errors %+v, created %d; want them imported", res.Errors, res.Created)
		}
	})
}
