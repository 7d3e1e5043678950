package store_test

import (
	"context"
	"slices"
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
		reports := func(t *testing.T) []model.ProgressReport {
			t.Helper()
			rs, err := db.ProjectProgress(ctx, sd.project)
			if err != nil {
				t.Fatal(err)
			}
			return rs
		}
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
		} {
			t.Run(tc.name, func(t *testing.T) {
				before := len(reports(t))
				_, err := db.AddProgressReport(ctx, api, tc.project, tc.r)
				if got := model.Kind(err); got != tc.kind {
					t.Errorf("AddProgressReport error kind = %q (%v), want %q", got, err, tc.kind)
				}
				if after := len(reports(t)); after != before {
					t.Errorf("%d reports after a refused one, want %d", after, before)
				}
			})
		}
		for _, tc := range []struct {
			name     string
			r        model.ProgressReport
			date     string // of the report stored
			problems string
		}{
			{"100 today", model.ProgressReport{Percent: pct("100")}, "2024-06-15", ""},
			{"problems only, dated", model.ProgressReport{ReportDate: *datePtr("2024-05-31"), Problems: " 资金未到位 "}, "2024-05-31", "资金未到位"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				r, err := db.AddProgressReport(ctx, api, sd.project, tc.r)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.ContainsFunc(reports(t), func(got model.ProgressReport) bool {
					return got.ID == r.ID && got.ReportDate.String() == tc.date && got.Problems == tc.problems && got.CreatedBy == "mgr" && got.Source == "api"
				}) {
					t.Errorf("reports = %+v, want one of %s by mgr through the api, problems %q", reports(t), tc.date, tc.problems)
				}
				// The latest report's 形象进度 is the project's.
				if p, err := db.GetProject(ctx, sd.project); tc.r.Percent.Valid && (err != nil || p.ProgressPct.Decimal.String() != "100") {
					t.Errorf("progress_pct = %v, %v; want 100", p.ProgressPct, err)
				}
			})
		}
	})
}
