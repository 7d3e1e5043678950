package store_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// planColumns are the column letters of samplePlans' sheet.
var planColumns = map[string]string{
	"name": "B", "category": "C", "site": "D", "township": "D", "responsible_unit": "E",
	"planned_start": "F", "planned_finish": "G", "investment_wan": "H", "floor_area_m2": "I",
	"land_mu": "J", "beds": "K", "stage:主体完工": "L",
}

func change(code, name, field, old, new, file, sheet string, row int, col string) model.ImportChange {
	return model.ImportChange{ProjectCode: code, ProjectName: name, Field: field, Old: old, New: new, File: file, Sheet: sheet, Row: row, Column: col}
}

func withColumns(rows []model.PlanRow) []model.PlanRow {
	for i := range rows {
		rows[i].Columns = planColumns
	}
	return rows
}

// TestImportPreviewListsChanges: a dry run lists every value it would
// change, with old and new value and its cell, and every project it
// would create; the import itself changes exactly those.
func TestImportPreviewListsChanges(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: withColumns(samplePlans())}, false)
		before := projectsByName(t, db)
		guanzhou, welfare := before["官舟片区养老服务中心"], before["儿童福利院"]

		rows := withColumns(samplePlans())
		rows[0].Project.Investment = wan(5200)
		rows[0].Project.Category = "片区养老服务中心"
		rows[2].Project.Beds = intp(220)
		rows[2].Stages = append(rows[2].Stages, model.StagePlan{Name: "竣工验收", Date: model.MonthPlan(2020, 12)})
		rows[2].Columns = map[string]string{"beds": "K", "stage:竣工验收": "M"}
		rows = append(rows, model.PlanRow{Ref: ref(8), Columns: planColumns, Project: model.Project{
			Name: "甘溪片区养老服务中心", Annex: 1, ResponsibleUnit: "县民政局", Investment: wan(3000),
		}})
		row := progressRow(4, "洪渡片区养老服务中心")
		row.Percent, row.Columns.Percent = dec("30"), "F"
		set := &model.ImportSet{Plans: rows, Progress: []model.ProgressRow{row}}

		preview := apply(t, db, set, true)
		if preview.ImportPreview == nil {
			t.Fatal("dry run: no preview")
		}
		hongdu := before["洪渡片区养老服务中心"]
		want := []model.ImportChange{
			change(guanzhou.Code, "官舟片区养老服务中心", "category", "养老服务中心", "片区养老服务中心", "annex.xlsx", "附件1", 5, "C"),
			change(guanzhou.Code, "官舟片区养老服务中心", "investment_wan", "5000", "5200", "annex.xlsx", "附件1", 5, "H"),
			change(welfare.Code, "儿童福利院", "beds", "200", "220", "annex.xlsx", "附件1", 7, "K"),
			change(welfare.Code, "儿童福利院", "竣工验收.baseline_date", "", "2020年12月", "annex.xlsx", "附件1", 7, "M"),
			change(hongdu.Code, "洪渡片区养老服务中心", "progress.report_date", "", "2020-05-31", "月报.xlsx", "5月", 4, ""),
			change(hongdu.Code, "洪渡片区养老服务中心", "progress.percent", "", "30", "月报.xlsx", "5月", 4, "F"),
		}
		if !reflect.DeepEqual(preview.Changes, want) {
			t.Errorf("changes:\ngot  %+v\nwant %+v", preview.Changes, want)
		}
		if n := preview.NewProjects; len(n) != 1 || n[0].Name != "甘溪片区养老服务中心" || n[0].Row != 8 || n[0].Code == "" {
			t.Errorf("new projects: got %+v, want 甘溪片区养老服务中心 of row 8", n)
		}
		if preview.Digest == "" {
			t.Error("dry run: no digest")
		}

		// The preview's digest applies the same changes.
		audits := auditCount(t, db)
		res, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "clerk"}, Files: []string{"annex.xlsx", "月报.xlsx"}, Expect: preview.Digest})
		if err != nil {
			t.Fatalf("apply with the preview's digest: %v", err)
		}
		if res.Digest != preview.Digest || res.ImportPreview != nil {
			t.Errorf("apply: got digest %s preview %v, want %s and no lists", res.Digest, res.ImportPreview, preview.Digest)
		}
		// One audit row per change but the progress report's figures,
		// which its creation stands for, and the new project's creation
		// (by its batch).
		if got, want := auditCount(t, db)-audits, len(want)-1+1; got != want {
			t.Errorf("audit rows written: got %d, want %d", got, want)
		}
		after := projectsByName(t, db)
		if got := after["官舟片区养老服务中心"]; got.Category != "片区养老服务中心" || got.Investment.WanString() != "5200" {
			t.Errorf("applied: got %s %s, want 片区养老服务中心 5200", got.Category, got.Investment.WanString())
		}
		if _, ok := after["甘溪片区养老服务中心"]; !ok {
			t.Error("applied: 甘溪片区养老服务中心 not created")
		}
	})
}

// TestImportPreviewStale: an apply carrying a preview's digest writes
// nothing when the stored records changed since the preview.
func TestImportPreviewStale(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: withColumns(samplePlans())}, false)
		rows := withColumns(samplePlans())
		rows[0].Project.Investment = wan(5200)
		set := &model.ImportSet{Plans: rows}
		preview := apply(t, db, set, true)

		// Meanwhile another import changes the same project.
		other := withColumns(samplePlans())
		other[0].Project.Investment = wan(5100)
		other[1].Project.Beds = intp(210)
		apply(t, db, &model.ImportSet{Plans: other}, false)
		audits := auditCount(t, db)

		_, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "clerk"}, Files: []string{"annex.xlsx"}, Expect: preview.Digest})
		if model.Kind(err) != model.EConflict {
			t.Fatalf("stale apply: got %v, want a conflict", err)
		}
		if got := projectsByName(t, db)["官舟片区养老服务中心"].Investment.WanString(); got != "5100" {
			t.Errorf("investment after a refused apply: got %s, want 5100", got)
		}
		if got := auditCount(t, db); got != audits {
			t.Errorf("audit rows after a refused apply: got %d, want %d", got, audits)
		}
		// Previewed again, it applies.
		again := apply(t, db, set, true)
		if again.Digest == preview.Digest {
			t.Fatal("the digest did not change with the stored records")
		}
		want := []model.ImportChange{change(projectsByName(t, db)["官舟片区养老服务中心"].Code, "官舟片区养老服务中心", "investment_wan", "5100", "5200", "annex.xlsx", "附件1", 5, "H"),
			change(projectsByName(t, db)["洪渡片区养老服务中心"].Code, "洪渡片区养老服务中心", "beds", "210", "200", "annex.xlsx", "附件1", 6, "K")}
		if !reflect.DeepEqual(again.Changes, want) {
			t.Errorf("second preview:\ngot  %+v\nwant %+v", again.Changes, want)
		}
		if _, err := db.ApplyImport(ctx, set, model.ApplyOptions{Actor: model.Actor{User: "clerk"}, Files: []string{"annex.xlsx"}, Expect: again.Digest}); err != nil {
			t.Errorf("apply of the second preview: %v", err)
		}
	})
}
