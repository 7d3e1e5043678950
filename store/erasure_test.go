package store_test

import (
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// TestPlanReimportKeepsWhatItLacks: a re-imported plan row that leaves a
// field empty keeps the stored value; one whose cell holds the clear
// marker clears it.
func TestPlanReimportKeepsWhatItLacks(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		audits := auditCount(t, db)
		retyped := samplePlans()
		for i := range retyped {
			p := &retyped[i].Project
			p.Category, p.Site, p.Investment, p.Beds = "", "", nil, nil
		}
		if got, want := countsOf(apply(t, db, &model.ImportSet{Plans: retyped}, false)), (counts{unchanged: 3}); got != want {
			t.Errorf("re-import without category, site, investment, beds: got %+v, want %+v", got, want)
		}
		if got := auditCount(t, db); got != audits {
			t.Errorf("audit rows: got %d, want %d", got, audits)
		}
		p := projectsByName(t, db)["官舟片区养老服务中心"]
		if p.Category != "养老服务中心" || p.Site != "官舟镇(猴渡坪景区)" || p.Investment == nil || *p.Investment != *wan(5000) || p.Beds == nil {
			t.Errorf("after the re-import: got %+v, want the stored values kept", p.Project)
		}
		retyped[0].Cleared = []string{"category", "investment_wan"}
		if got, want := countsOf(apply(t, db, &model.ImportSet{Plans: retyped}, false)), (counts{updated: 1, unchanged: 2}); got != want {
			t.Errorf("re-import clearing two fields: got %+v, want %+v", got, want)
		}
		p = projectsByName(t, db)["官舟片区养老服务中心"]
		if p.Category != "" || p.Investment != nil || p.Site == "" {
			t.Errorf("after clearing category and investment: got %+v", p.Project)
		}
	})
}
