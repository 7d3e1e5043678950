package store_test

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// storedPlan is the plan as stored before another office retypes it.
func storedPlan() []model.PlanRow {
	rows := samplePlans()
	add := func(n int, sheet string, p model.Project) {
		r := ref(n)
		r.Sheet = sheet
		rows = append(rows, model.PlanRow{Ref: r, Project: p})
	}
	add(8, "附件1", model.Project{Name: "官舟镇敬老院", Annex: 1, Category: "敬老院", Site: "官舟镇", Investment: wan(650)})
	add(9, "附件1", model.Project{Name: "光荣院", Annex: 1, Category: "优抚设施", Site: "县城", Investment: wan(1800)})
	add(10, "附件1", model.Project{Name: "城区社区日间照料中心", Annex: 1, Category: "日间照料", Site: "和平街道", Investment: wan(300)})
	add(4, "附件3", model.Project{Name: "县城殡仪馆搬迁工程", Annex: 3, Category: "殡仪馆", Investment: wan(6000)})
	add(11, "附件1", model.Project{Name: "后坪乡敬老院", Annex: 1, Category: "敬老院", Site: "后坪乡", Investment: wan(600)})
	add(12, "附件1", model.Project{Name: "未成年人保护中心", Annex: 1, Category: "儿童福利", Investment: wan(1500)})
	add(13, "附件1", model.Project{Name: "农村互助幸福院（19个乡镇各1所）", Annex: 1, Category: "互助幸福院", Investment: wan(300)})
	return rows
}

// retyped is the plan as another office types it: no codes, no
// categories, each name varied in one of the ways offices vary them,
// and three projects that are not in the stored plan, two of which
// resemble stored ones.
func retyped() []model.PlanRow {
	row := func(n int, sheet, name, site string, annex int, investment int64) model.PlanRow {
		r := ref(n)
		r.Sheet = sheet
		return model.PlanRow{Ref: r, Project: model.Project{Name: name, Annex: annex, Site: site, Investment: wan(investment)}}
	}
	return []model.PlanRow{
		row(3, "附件1", "官舟　片区养老服务中心", "", 1, 5001),       // a full-width space
		row(4, "附件1", "洪渡片区养老服务中心工程", "洪渡镇", 1, 3001),   // a trailing 工程
		row(5, "附件1", "县儿童福利院", "县城", 1, 5002),          // a leading 县
		row(6, "附件1", "沿河县光荣院建设项目", "", 1, 1801),        // the county before, 建设项目 after
		row(7, "附件1", "敬老院（官舟镇）", "", 1, 651),           // the township after
		row(8, "附件1", "和平城区社区日间照料中心", "和平街道", 1, 301),   // the township before, without 街道
		row(9, "附件1", "儿童福利中心", "县城", 1, 800),           // resembles 儿童福利院
		row(10, "附件1", "官舟镇养老院", "官舟镇", 1, 700),         // resembles 官舟镇敬老院
		row(11, "附件1", "洪渡镇光荣院", "洪渡镇", 1, 900),         // like 光荣院, but of another township
		row(5, "附件3", "县城殡仪馆搬迁项目", "", 3, 6001),         // 项目 for 工程, 县城 kept
		row(12, "附件1", "后坪敬老院", "后坪乡", 1, 601),          // the township before, without 乡
		row(13, "附件1", "县级未成年人保护中心", "", 1, 1501),       // a leading 县级
		row(14, "附件1", "农村互助幸福院(１９个乡镇各１所)", "", 1, 301), // ASCII brackets, full-width digits
	}
}

// outcome is each project's name, category and investment, sorted.
func outcome(t *testing.T, db *store.DB) []string {
	t.Helper()
	var out []string
	for name, v := range projectsByName(t, db) {
		out = append(out, name+"|"+v.Category+"|"+v.Investment.WanString())
	}
	sort.Strings(out)
	return out
}

func importWith(db *store.DB, rows []model.PlanRow, dryRun bool, d model.MatchDecisions) (model.ImportResult, error) {
	return db.ApplyImport(context.Background(), &model.ImportSet{Plans: rows}, model.ApplyOptions{
		Actor: model.Actor{User: "clerk"}, Files: []string{"annex.xlsx"}, DryRun: dryRun, Decisions: d,
	})
}

// TestRetypedPlanIdentity: a retyped plan matches every stored project
// whatever its spelling, keeps their names and categories, never
// creates a resembling project without a decision, and creates a
// project that merely shares a kind with one.
func TestRetypedPlanIdentity(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		apply(t, db, &model.ImportSet{Plans: storedPlan()}, false)
		stored := projectsByName(t, db)
		before := outcome(t, db)
		audits := auditCount(t, db)

		// Without decisions: refused, each resembling row named.
		res, err := importWith(db, retyped(), false, model.MatchDecisions{})
		if err != nil {
			t.Fatal(err)
		}
		var rows []int
		for _, e := range res.Errors {
			rows = append(rows, e.Row)
			if !strings.Contains(e.Message, "可能与") || !strings.Contains(e.Message, "未作决定") {
				t.Errorf("error %+v does not say which project the row may be", e)
			}
		}
		if !reflect.DeepEqual(rows, []int{9, 10}) {
			t.Errorf("refused rows: got %v, want 9 and 10: %+v", rows, res.Errors)
		}
		if got := outcome(t, db); !reflect.DeepEqual(got, before) || auditCount(t, db) != audits {
			t.Errorf("a refused import wrote: %v", got)
		}

		// The dry run lists them with their candidates, as new projects.
		res, err = importWith(db, retyped(), true, model.MatchDecisions{})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("dry run: %v %+v", err, res.Errors)
		}
		want := []model.SimilarRow{
			{File: "annex.xlsx", Sheet: "附件1", Row: 9, Name: "儿童福利中心", Candidates: []model.ProjectName{{Code: stored["儿童福利院"].Code, Name: "儿童福利院"}}},
			{File: "annex.xlsx", Sheet: "附件1", Row: 10, Name: "官舟镇养老院", Candidates: []model.ProjectName{{Code: stored["官舟镇敬老院"].Code, Name: "官舟镇敬老院"}}},
		}
		if !reflect.DeepEqual(res.Similar, want) {
			t.Errorf("similar:\ngot  %+v\nwant %+v", res.Similar, want)
		}
		var created []string
		for _, n := range res.NewProjects {
			created = append(created, n.Name)
		}
		if want := []string{"儿童福利中心", "官舟镇养老院", "洪渡镇光荣院"}; !reflect.DeepEqual(created, want) {
			t.Errorf("dry run creates %v, want %v", created, want)
		}

		// A decision for a row that needs none is refused.
		var typo model.MatchDecisions
		typo.AddNew("附件1!9")
		typo.AddNew("附件1!10")
		typo.AddNew("附件1!3")
		if res, _ := importWith(db, retyped(), false, typo); len(res.Errors) != 1 || res.Errors[0].Row != 3 {
			t.Errorf("decision on a matched row: got %+v, want one error at row 3", res.Errors)
		}

		// Decided: both resembling rows are new projects.
		var d model.MatchDecisions
		d.AddNew("附件1!9")
		d.AddNew("附件1!10")
		res, err = importWith(db, retyped(), false, d)
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("decided import: %v %+v", err, res.Errors)
		}
		if got, want := countsOf(res), (counts{created: 3, updated: 10}); got != want {
			t.Errorf("decided import: got %+v, want %+v", got, want)
		}
		// The same normalised name takes the row's spelling (as before);
		// another spelling of it keeps the stored name.
		wantOutcome := []string{
			"儿童福利中心||800", "儿童福利院|儿童福利|5002", "光荣院|优抚设施|1801", "县城殡仪馆搬迁工程|殡仪馆|6001",
			"城区社区日间照料中心|日间照料|301", "官舟　片区养老服务中心|养老服务中心|5001", "官舟镇养老院||700", "官舟镇敬老院|敬老院|651",
			"洪渡片区养老服务中心|养老服务中心|3001", "洪渡镇光荣院||900",
			"后坪乡敬老院|敬老院|601", "未成年人保护中心|儿童福利|1501", "农村互助幸福院(１９个乡镇各１所)|互助幸福院|301",
		}
		sort.Strings(wantOutcome)
		if got := outcome(t, db); !reflect.DeepEqual(got, wantOutcome) {
			t.Errorf("outcome:\ngot  %v\nwant %v", got, wantOutcome)
		}
		// Re-imported, the same plan changes nothing and asks nothing.
		if res, err := importWith(db, retyped(), false, model.MatchDecisions{}); err != nil || countsOf(res) != (counts{unchanged: 13}) {
			t.Errorf("re-import: got %+v, %v; want 13 unchanged", countsOf(res), err)
		}
	})
}

// TestMatchDecision: a row decided to be a stored project updates it and
// keeps its name; a decision naming an unknown code is refused.
func TestMatchDecision(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		apply(t, db, &model.ImportSet{Plans: storedPlan()}, false)
		welfare := projectsByName(t, db)["儿童福利院"]
		row := retyped()[6] // 儿童福利中心
		var wrong model.MatchDecisions
		wrong.AddMatch("附件1!9=A1-NOPE")
		if res, _ := importWith(db, []model.PlanRow{row}, false, wrong); len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "A1-NOPE") {
			t.Errorf("unknown code: got %+v, want one error naming it", res.Errors)
		}
		var d model.MatchDecisions
		if err := d.AddMatch("附件1!9=" + welfare.Code); err != nil {
			t.Fatal(err)
		}
		res, err := importWith(db, []model.PlanRow{row}, false, d)
		if err != nil || countsOf(res) != (counts{updated: 1}) {
			t.Fatalf("matched by decision: got %+v %+v, %v", countsOf(res), res.Errors, err)
		}
		got := projectsByName(t, db)
		if _, dup := got["儿童福利中心"]; dup || got["儿童福利院"].Investment.WanString() != "800" || got["儿童福利院"].Category != "儿童福利" {
			t.Errorf("after the decision: %+v", got["儿童福利院"])
		}
	})
}

// TestSimilarAcrossChunks: in an import of several chunks, a row
// resembling a project stored before is refused in a chunk after one
// that created projects, and a row resembling a project an earlier chunk
// of the same import created is not (those are no candidates).
func TestSimilarAcrossChunks(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		apply(t, db, &model.ImportSet{Plans: storedPlan()}, false)
		row := func(n int, name, site string) model.PlanRow {
			r := ref(n)
			r.Sheet = "附件1"
			return model.PlanRow{Ref: r, Project: model.Project{Name: name, Annex: 1, Site: site, Investment: wan(100)}}
		}
		chunks := func() model.ImportSource {
			return store.Chunks(
				&model.ImportSet{Plans: []model.PlanRow{row(20, "洪渡镇敬老院", "洪渡镇")}},
				&model.ImportSet{Plans: []model.PlanRow{
					row(21, "洪渡镇养老院", "洪渡镇"), // resembles row 20's project, created by this import
					row(22, "儿童福利中心", "县城"),  // resembles the stored 儿童福利院
				}},
			)
		}
		for _, dryRun := range []bool{true, false} {
			res, err := db.ApplyImportStream(context.Background(), chunks(), model.ApplyOptions{Actor: model.Actor{User: "clerk"}, Files: []string{"annex.xlsx"}, DryRun: dryRun})
			if err != nil {
				t.Fatal(err)
			}
			var rows []int
			if dryRun {
				if res.ImportPreview == nil {
					t.Fatalf("dry run without a preview: %+v", res.Errors)
				}
				for _, s := range res.Similar {
					rows = append(rows, s.Row)
				}
			} else {
				for _, e := range res.Errors {
					rows = append(rows, e.Row)
				}
			}
			if !reflect.DeepEqual(rows, []int{22}) {
				t.Errorf("dry run %v: rows resembling a stored project: got %v, want [22]: %+v", dryRun, rows, res.Errors)
			}
		}
	})
}
