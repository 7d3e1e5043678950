package store_test

import (
	"context"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestAddProgressReport(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		pct := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
		neg := -model.Wan
		for _, tc := range []struct {
			name    string
			project uint
			r       model.ProgressReport
			kind    string
		}{
			{"future date", sd.project, model.ProgressReport{ReportDate: *datePtr("2024-06-16"), Percent: pct("10")}, model.EInvalid},
			{"over 100", sd.project, model.ProgressReport{Percent: pct("100.5")}, model.EInvalid},
			{"negative percent", sd.project, model.ProgressReport{Percent: pct("-1")}, model.EInvalid},
			{"negative investment", sd.project, model.ProgressReport{InvestmentDone: &neg}, model.EInvalid},
			{"empty", sd.project, model.ProgressReport{}, model.EInvalid},
			{"unknown project", sd.project + 100, model.ProgressReport{Percent: pct("10")}, model.ENotFound},
			{"100 today", sd.project, model.ProgressReport{Percent: pct("100")}, ""},
			{"problems only, dated", sd.project, model.ProgressReport{ReportDate: *datePtr("2024-05-31"), Problems: " 资金未到位 "}, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.AddProgressReport(ctx, api, tc.project, tc.r)
				if got := model.Kind(err); got != tc.kind {
					t.Errorf("AddProgressReport error kind = %q (%v), want %q", got, err, tc.kind)
				}
			})
		}
		rs, err := db.ProjectProgress(ctx, sd.project)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != 2 || rs[0].ReportDate.String() != "2024-06-15" || rs[1].Problems != "资金未到位" || rs[0].CreatedBy != "mgr" || rs[0].Source != "api" {
			t.Errorf("reports = %+v", rs)
		}
		p, err := db.GetProject(ctx, sd.project)
		if err != nil || p.ProgressPct.Decimal.String() != "100" {
			t.Errorf("progress_pct = %v, %v; want 100", p.ProgressPct, err)
		}
	})
}
