package store_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// PaceFacts uses only what is known on D: actual dates and reports
// dated on or before it, the latest report that states a percentage.
func TestPaceFacts(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		seedProject(t, db, "后坪乡人民政府")
		a := model.Actor{User: "mgr", Source: "api"}
		v := 1
		if _, err := db.UpdateMilestone(ctx, a, sd.start, model.MilestoneUpdate{ActualDate: datePtr("2024-04-02"), Version: v}); err != nil {
			t.Fatal(err)
		}
		for _, r := range []struct{ date, pct string }{{"2024-05-31", "20"}, {"2024-06-10", "35"}, {"2024-06-12", ""}, {"2024-06-14", "40"}} {
			rep := model.ProgressReport{ReportDate: *datePtr(r.date), Problems: "无"}
			if r.pct != "" {
				rep.Percent = decimal.NewNullDecimal(decimal.RequireFromString(r.pct))
			}
			if _, err := db.AddProgressReport(ctx, a, sd.project, rep); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			asOf, start, progress string
		}{
			{"2024-04-01", "", ""},
			{"2024-06-01", "2024-04-02", "20"},
			{"2024-06-13", "2024-04-02", "35"},
			{"2024-06-15", "2024-04-02", "40"},
		} {
			fs, err := db.PaceFacts(ctx, *datePtr(tc.asOf), []uint{sd.project})
			if err != nil || len(fs) != 1 {
				t.Fatalf("PaceFacts = %v, %v", fs, err)
			}
			f := fs[0]
			got := ""
			if f.Progress.Valid {
				got = f.Progress.Decimal.String()
			}
			if f.ActualStart.String() != tc.start || got != tc.progress || f.PlannedFinish.Date.String() != "2025-06-30" || f.ResponsibleUnit != "县民政局" {
				t.Errorf("as of %s: %+v, want start %q progress %q", tc.asOf, f, tc.start, tc.progress)
			}
		}
		if fs, err := db.PaceFacts(ctx, *datePtr("2024-06-15"), nil); err != nil || len(fs) != 2 {
			t.Errorf("all projects = %d, %v; want 2", len(fs), err)
		}
	})
}
