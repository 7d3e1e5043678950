package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// TestInsertAllMatchesGorm stores the same values with insertAll and
// with gorm's Create and compares what each wrote, column by column (as
// the model reads back), and what each set on the values.
func TestInsertAllMatchesGorm(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Date(2020, 3, 4, 5, 6, 7, 0, time.UTC)
		projects := func() []*model.Project {
			return []*model.Project{
				{Code: "P-1", Name: "甲", NameKey: "甲", Annex: 1, Category: "养老", Site: "官舟镇", Township: "官舟镇",
					ResponsibleUnit: "县民政局", Content: "新建", PlannedStart: model.MonthPlan(2018, 12), PlannedFinish: model.YearPlan(2020),
					Investment: wan(5000), FloorArea: dec("13000.5"), Land: dec("20"), Beds: intp(300),
					SourceFile: "a.xlsx", SourceSheet: "附件1", SourceRow: 5, CreatedBatch: 3, CreatedAt: at, UpdatedAt: at},
				{Code: "P-2", Name: "乙", CreatedAt: at, UpdatedAt: at}, // every optional value unknown
			}
		}
		// As imports do, by pointer; codes are unique, so each copy has its own.
		viaInsertAll, viaGorm := projects(), projects()
		for i := range viaGorm {
			viaInsertAll[i].Code += "i"
			viaGorm[i].Code += "g"
		}
		if err := store.InsertAll(ctx, db, viaInsertAll); err != nil {
			t.Fatal(err)
		}
		if err := store.GormCreate(ctx, db, viaGorm); err != nil {
			t.Fatal(err)
		}
		var stored []model.Project
		if err := store.FindAll(ctx, db, &stored); err != nil {
			t.Fatal(err)
		}
		compare(t, stored[:2], stored[2:], func(p *model.Project) { p.ID, p.Code = 0, "" })
		compare(t, values(viaInsertAll), values(viaGorm), func(p *model.Project) { p.ID, p.Code = 0, "" })
		for i := range stored[:2] {
			if stored[i].ID != viaInsertAll[i].ID {
				t.Errorf("insertAll's id of row %d: got %d, stored %d", i, viaInsertAll[i].ID, stored[i].ID)
			}
		}
		projectID := stored[0].ID

		// A column default (version) and a zero auto time (updated_at).
		milestones := func() []model.Milestone {
			return []model.Milestone{
				{ProjectID: projectID, Kind: model.MilestoneStart, Name: "start", Baseline: model.MonthPlan(2018, 12),
					Forecast: model.NewDate(2019, time.February, 1), Actual: model.NewDate(2019, time.January, 8), SlipReason: "资金", Version: 4, UpdatedAt: at},
				{ProjectID: projectID, Kind: model.MilestoneFinish, Name: "finish", Seq: 1 << 20},
			}
		}
		msI, msG := milestones(), milestones()
		if err := store.InsertAll(ctx, db, msI); err != nil {
			t.Fatal(err)
		}
		if err := store.GormCreate(ctx, db, msG); err != nil {
			t.Fatal(err)
		}
		if msI[1].UpdatedAt.IsZero() || msG[1].UpdatedAt.IsZero() {
			t.Errorf("a zero auto time: insertAll set %v, gorm %v; want both set", msI[1].UpdatedAt, msG[1].UpdatedAt)
		}
		var ms []model.Milestone
		if err := store.FindAll(ctx, db, &ms); err != nil {
			t.Fatal(err)
		}
		noTime := func(m *model.Milestone) { m.ID, m.UpdatedAt = 0, time.Time{} }
		compare(t, ms[:2], ms[2:], noTime)
		compare(t, msI, msG, noTime)
		if ms[1].Version != 1 {
			t.Errorf("a zero version: got %d, want the column default 1", ms[1].Version)
		}

		reports := func() []model.ProgressReport {
			return []model.ProgressReport{
				{ProjectID: projectID, ReportDate: model.NewDate(2020, time.December, 31), Percent: decimal.NewNullDecimal(decimal.RequireFromString("62.5")),
					InvestmentDone: wan(120), Problems: "缺资金", Source: "import#1", CreatedBy: "admin", CreatedAt: at},
				{ProjectID: projectID, ReportDate: model.NewDate(2021, time.January, 31), CreatedAt: at},
			}
		}
		compareInserted(t, db, reports)
		compareInserted(t, db, func() []model.Disbursement {
			return []model.Disbursement{
				{ProjectID: projectID, Date: model.NewDate(2019, time.February, 1), Source: "省级补助", Amount: 150 * model.Wan, Voucher: "V-1", Note: "首笔", CreatedBy: "fin", CreatedAt: at, UpdatedAt: at},
			}
		})
		compareInserted(t, db, func() []model.AuditEntry {
			return []model.AuditEntry{{Time: at, User: "u", ProjectID: projectID, Entity: "project", EntityID: projectID, Action: "update", Field: "name", Old: "a", New: "b", Source: "api", Note: "n"}}
		})
	})
}

// compareInserted stores rows() once with each of insertAll and gorm
// and compares what each stored. A field named Voucher is made unique.
func compareInserted[T any](t *testing.T, db *store.DB, rows func() []T) {
	t.Helper()
	ctx := context.Background()
	a, b := rows(), rows()
	uniq := func(xs []T, tag string) {
		for i := range xs {
			if f := reflect.ValueOf(&xs[i]).Elem().FieldByName("Voucher"); f.IsValid() {
				f.SetString(f.String() + tag)
			}
		}
	}
	uniq(a, "i")
	uniq(b, "g")
	if err := store.InsertAll(ctx, db, a); err != nil {
		t.Fatal(err)
	}
	if err := store.GormCreate(ctx, db, b); err != nil {
		t.Fatal(err)
	}
	var stored []T
	if err := store.FindAll(ctx, db, &stored); err != nil {
		t.Fatal(err)
	}
	if len(stored) != 2*len(a) {
		t.Fatalf("%T: got %d rows, want %d", a[0], len(stored), 2*len(a))
	}
	clear := func(x *T) {
		v := reflect.ValueOf(x).Elem()
		v.FieldByName("ID").SetUint(0)
		if f := v.FieldByName("Voucher"); f.IsValid() {
			f.SetString("")
		}
	}
	compare(t, stored[:len(a)], stored[len(a):], clear)
	compare(t, a, b, clear)
}

// compare reports the rows of got and want that differ once norm has
// cleared what must differ (ids, unique keys). norm works on copies.
func compare[T any](t *testing.T, got, want []T, norm func(*T)) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		norm(&g)
		norm(&w)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("row %d: insertAll gives %+v, gorm %+v", i, g, w)
		}
	}
}

func values[T any](ps []*T) []T {
	out := make([]T, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
}
