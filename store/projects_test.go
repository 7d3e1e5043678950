package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// listFixture imports annex-1 and annex-3 projects with codes.
func listFixture(t *testing.T, db *store.DB) {
	t.Helper()
	row := func(n int, code, name string, annex int, category, site, unit string) model.PlanRow {
		return model.PlanRow{Ref: ref(n), Project: model.Project{
			Code: code, Name: name, Annex: annex, Category: category, Site: site, ResponsibleUnit: unit,
			PlannedFinish: model.YearPlan(2020),
		}}
	}
	plans := []model.PlanRow{
		row(3, "MS-02", "洪渡片区养老服务中心", 1, "养老服务中心", "洪渡镇", "县民政局"),
		row(4, "MS-01", "官舟片区养老服务中心", 1, "养老服务中心", "官舟镇(猴渡坪景区)", "县民政局"),
		row(5, "MS-10", "光荣院", 1, "优抚", "官舟镇", "县退役军人事务局"),
		row(6, "bz-01", "县城殡仪馆搬迁", 3, "殡仪馆", "", "县民政局"),
		row(7, "BZ-02", "官舟镇农村公益性公墓", 3, "公益性公墓", "官舟镇", "官舟镇人民政府"),
	}
	if res := apply(t, db, &model.ImportSet{Plans: plans}, false); len(res.Errors) > 0 {
		t.Fatalf("fixture: %+v", res.Errors)
	}
}

func TestListProjects(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		listFixture(t, db)
		tests := []struct {
			name      string
			filter    model.ProjectFilter
			wantCodes string
			wantTotal int64
		}{
			{"all, by annex then code", model.ProjectFilter{}, "MS-01 MS-02 MS-10 BZ-02 bz-01", 5},
			{"annex", model.ProjectFilter{Annex: 3}, "BZ-02 bz-01", 2},
			{"category", model.ProjectFilter{Category: "养老服务中心"}, "MS-01 MS-02", 2},
			{"unit", model.ProjectFilter{Unit: "县民政局"}, "MS-01 MS-02 bz-01", 3},
			{"township", model.ProjectFilter{Township: "官舟镇"}, "MS-01 MS-10 BZ-02", 3},
			{"search name", model.ProjectFilter{Q: "养老"}, "MS-01 MS-02", 2},
			{"search code ignores case", model.ProjectFilter{Q: "bz-0"}, "BZ-02 bz-01", 2},
			{"search site", model.ProjectFilter{Q: "猴渡坪"}, "MS-01", 1},
			{"search unit", model.ProjectFilter{Q: "退役军人"}, "MS-10", 1},
			{"search treats % literally", model.ProjectFilter{Q: "%"}, "", 0},
			{"page", model.ProjectFilter{Limit: 2, Offset: 1}, "MS-02 MS-10", 5},
			{"filtered page", model.ProjectFilter{Township: "官舟镇", Limit: 1, Offset: 2}, "BZ-02", 3},
			{"offset without limit", model.ProjectFilter{Offset: 3}, "BZ-02 bz-01", 5},
			{"combined", model.ProjectFilter{Annex: 1, Unit: "县民政局", Q: "洪渡"}, "MS-02", 1},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				views, total, err := db.ListProjects(context.Background(), tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				var codes []string
				for _, v := range views {
					codes = append(codes, v.Code)
				}
				if got := strings.Join(codes, " "); got != tt.wantCodes || total != tt.wantTotal {
					t.Errorf("got %q (total %d), want %q (total %d)", got, total, tt.wantCodes, tt.wantTotal)
				}
			})
		}
	})
}

func TestGetProjectNotFound(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		_, err := db.GetProject(context.Background(), 42)
		if got, want := model.Kind(err), model.ENotFound; got != want {
			t.Errorf("kind: got %q, want %q (err %v)", got, want, err)
		}
	})
}

func TestProjectViewJSON(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		half := model.Money(12500000) // 12.5 万元 in fen
		plans := []model.PlanRow{
			{Ref: ref(3), Project: model.Project{
				Code: "MS-01", Name: "官舟片区养老服务中心", Annex: 1, Category: "养老服务中心", Site: "官舟镇(猴渡坪景区)",
				ResponsibleUnit: "县民政局", PlannedStart: model.MonthPlan(2018, 12), PlannedFinish: model.MonthPlan(2020, 2),
				Investment: &half, FloorArea: dec("13000"), Land: dec("20.5"), Beds: intp(300),
			}},
			{Ref: ref(4), Project: model.Project{Code: "MS-02", Name: "社区日间照料中心", Annex: 1}},
			{Ref: ref(5), Project: model.Project{Code: "MS-03", Name: "农村互助幸福院", Annex: 1, PlannedStart: model.DayPlan(model.NewDate(2019, 3, 8))}},
		}
		progress := model.ProgressRow{Ref: ref(6), ProjectCode: "MS-01", ReportDate: model.NewDate(2020, 5, 31),
			ActualStart: model.NewDate(2019, 2, 1), ActualFinish: model.NewDate(2020, 5, 20), Percent: dec("100")}
		payments := []model.PaymentRow{
			{Ref: ref(7), ProjectCode: "MS-01", Date: model.NewDate(2019, 5, 1), Amount: 100 * model.Wan, Voucher: "V1"},
			{Ref: ref(8), ProjectCode: "MS-01", Date: model.NewDate(2019, 6, 1), Amount: 1, Voucher: "V2"},
		}
		set := &model.ImportSet{Plans: plans, Progress: []model.ProgressRow{progress}, Payments: payments}
		if res := apply(t, db, set, false); len(res.Errors) > 0 {
			t.Fatalf("fixture: %+v", res.Errors)
		}
		views, _, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.Marshal(views)
		if err != nil {
			t.Fatal(err)
		}
		want := `[` +
			`{"id":1,"code":"MS-01","name":"官舟片区养老服务中心","annex":1,"category":"养老服务中心","site":"官舟镇(猴渡坪景区)","township":"官舟镇",` +
			`"responsible_unit":"县民政局","planned_start":"2018-12-31","planned_finish":"2020-02-29","plan_precision":"month",` +
			`"planned_start_precision":"month","planned_finish_precision":"month","investment_wan":12.5,"floor_area_m2":13000,"land_mu":20.5,"beds":300,` +
			`"actual_start":"2019-02-01","actual_finish":"2020-05-20","progress_pct":100,"spent_wan":100.000001,"spend":{"allocated_wan":0,"paid_wan":100.000001,"rate_pct":null,"lamp":"none"}},` +
			`{"id":2,"code":"MS-02","name":"社区日间照料中心","annex":1,"category":"","site":"","township":"",` +
			`"responsible_unit":"","planned_start":null,"planned_finish":null,"plan_precision":null,` +
			`"planned_start_precision":null,"planned_finish_precision":null,"investment_wan":null,"floor_area_m2":null,"land_mu":null,"beds":null,` +
			`"actual_start":null,"actual_finish":null,"progress_pct":null,"spent_wan":0,"spend":{"allocated_wan":0,"paid_wan":0,"rate_pct":null,"lamp":"none"}},` +
			`{"id":3,"code":"MS-03","name":"农村互助幸福院","annex":1,"category":"","site":"","township":"",` +
			`"responsible_unit":"","planned_start":"2019-03-08","planned_finish":null,"plan_precision":"day",` +
			`"planned_start_precision":"day","planned_finish_precision":null,"investment_wan":null,"floor_area_m2":null,"land_mu":null,"beds":null,` +
			`"actual_start":null,"actual_finish":null,"progress_pct":null,"spent_wan":0,"spend":{"allocated_wan":0,"paid_wan":0,"rate_pct":null,"lamp":"none"}}` +
			`]`
		if string(got) != want {
			t.Errorf("JSON:\ngot  %s\nwant %s", got, want)
		}
	})
}

func TestProjectDetailReads(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		p := projectsByName(t, db)["儿童福利院"]
		for _, d := range []model.Date{model.NewDate(2019, 9, 30), model.NewDate(2020, 3, 31)} {
			row := progressRow(4, "儿童福利院")
			row.ReportDate = d
			apply(t, db, &model.ImportSet{Progress: []model.ProgressRow{row}}, false)
		}
		reps, err := db.ProjectProgress(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(reps) != 2 || reps[0].ReportDate != model.NewDate(2020, 3, 31) {
			t.Errorf("progress: got %+v, want 2 reports, newest first", reps)
		}
		es, err := db.ProjectAudit(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(es); i++ {
			if es[i].ID < es[i-1].ID {
				t.Errorf("audit not oldest first: %d after %d", es[i].ID, es[i-1].ID)
			}
		}
		if len(es) == 0 || es[0].Action != "create" || es[0].Entity != "project" || es[0].EntityID != p.ID ||
			es[0].User != "clerk" || es[0].Source != "import#1" || es[0].Note != "annex.xlsx" || !es[0].Time.Equal(testNow) {
			t.Errorf("audit starts with %+v, want the project's creation by clerk's import#1 of annex.xlsx", es)
		}
	})
}

// TestListProjectsLongIDLists filters by lists longer than either engine
// takes as statement parameters (SQLite 32,766, PostgreSQL 65,535), as the
// project list's lamp filters do at 100,000 projects.
func TestListProjectsLongIDLists(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		listFixture(t, db)
		ctx := context.Background()
		all, _, err := db.ListProjects(ctx, model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		id := map[string]uint{}
		for _, v := range all {
			id[v.Code] = v.ID
		}
		long := func(real ...uint) []uint {
			ids := make([]uint, 0, 70000+len(real))
			for i := range 70000 {
				ids = append(ids, uint(1_000_000+i))
			}
			return append(ids, real...)
		}
		for _, tt := range []struct {
			name   string
			filter model.ProjectFilter
			want   string
		}{
			{"only", model.ProjectFilter{IDs: long(id["MS-10"], id["BZ-02"])}, "MS-10 BZ-02"},
			{"exclude", model.ProjectFilter{Exclude: long(id["MS-01"], id["bz-01"])}, "MS-02 MS-10 BZ-02"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				views, total, err := db.ListProjects(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				var codes []string
				for _, v := range views {
					codes = append(codes, v.Code)
				}
				if got := strings.Join(codes, " "); got != tt.want || int(total) != len(codes) {
					t.Errorf("got %q (total %d), want %q", got, total, tt.want)
				}
			})
		}
	})
}

// TestProjectFilterOptions checks the filter options (a skip scan of
// each column's index) against the distinct non-empty values of the
// projects, with blanks, repeats, Latin letters of both cases, spaces and
// values that are prefixes of others.
func TestProjectFilterOptions(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		units := []string{"县民政局", "", "县民政局 ", "Zeta", "alpha", "官舟镇人民政府", "县民政局"}
		towns := []string{"", "官舟镇", "官舟", "中界镇"}
		var ps []model.Project
		want := map[string]map[string]bool{"unit": {}, "town": {}, "cat": {}}
		for id := 1; id <= 40; id++ {
			p := model.Project{ID: uint(id), Code: fmt.Sprintf("P%02d", id), Name: fmt.Sprintf("项目%d", id),
				ResponsibleUnit: units[id%len(units)], Township: towns[id%len(towns)], Category: []string{"敬老院", "公墓", ""}[id%3]}
			ps = append(ps, p)
			for k, v := range map[string]string{"unit": p.ResponsibleUnit, "town": p.Township, "cat": p.Category} {
				if v != "" {
					want[k][v] = true
				}
			}
		}
		if err := db.LoadTracking(context.Background(), ps, nil, nil); err != nil {
			t.Fatal(err)
		}
		o, err := db.ProjectFilterOptions(context.Background(), model.Date{})
		if err != nil {
			t.Fatal(err)
		}
		for k, got := range map[string][]string{"unit": o.Units, "town": o.Townships, "cat": o.Categories} {
			var w []string
			for v := range want[k] {
				w = append(w, v)
			}
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("%s options = %q, want %q", k, got, w)
			}
		}
	})
}
