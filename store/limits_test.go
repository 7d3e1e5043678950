package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestTextAndDateBounds: every write refuses text over its field's limit,
// control characters and dates outside 1990–2100 with EInvalid, the same
// on both engines, and stores nothing (no row, no audit entry).
func TestTextAndDateBounds(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := seedMoneyProjects(t, db)
		pid := ids["MS-01"]
		today := model.DateOf(moneyNow)
		ms, err := db.ProjectMilestones(ctx, pid)
		if err != nil || len(ms) == 0 {
			t.Fatalf("ProjectMilestones: %v %d", err, len(ms))
		}
		far := model.NewDate(9999, 1, 1)
		pay := func(edit func(*model.Disbursement)) error {
			d := model.Disbursement{ProjectID: pid, Date: today, Source: "县级配套", Amount: model.Wan, Voucher: "PZ-1"}
			edit(&d)
			_, err := db.CreatePayment(ctx, finance, d, false)
			return err
		}
		tests := []struct {
			name, field, message string
			write                func() error
		}{
			{"65-character voucher", "voucher", "凭证号过长（65 个字，最多 64 个）", func() error {
				return pay(func(d *model.Disbursement) { d.Voucher = strings.Repeat("9", 65) })
			}},
			{"NUL in a voucher", "voucher", "凭证号含有不允许的控制字符", func() error {
				return pay(func(d *model.Disbursement) { d.Voucher = "PZ\x00-1" })
			}},
			{"2001-character note", "note", "备注过长", func() error {
				return pay(func(d *model.Disbursement) { d.Note = strings.Repeat("注", 2001) })
			}},
			{"payment in 1989", "date", "拨付日期（1989-12-31）超出范围：年份应在 1990 至 2100 之间", func() error {
				return pay(func(d *model.Disbursement) { d.Date = model.NewDate(1989, 12, 31) })
			}},
			{"53-character budget source", "source", "资金来源过长", func() error {
				_, err := db.SetBudgetLine(ctx, finance, pid, 2019, strings.Repeat("源", 53), model.Wan)
				return err
			}},
			{"problems of 1 MB", "problems", "存在问题过长", func() error {
				_, err := db.AddProgressReport(ctx, finance, pid, model.ProgressReport{ReportDate: today, Problems: strings.Repeat("问", 1<<20)})
				return err
			}},
			{"progress dated year 0", "report_date", "填报日期（0000-01-01）超出范围", func() error {
				_, err := db.AddProgressReport(ctx, finance, pid, model.ProgressReport{ReportDate: model.Date{Month: 1, Day: 1}, Percent: decimal.NewNullDecimal(decimal.NewFromInt(5))})
				return err
			}},
			{"forecast in 9999", "forecast_date", "预计日期（9999-01-01）超出范围", func() error {
				_, err := db.UpdateMilestone(ctx, finance, ms[0].ID, model.MilestoneUpdate{ForecastDate: &far, Version: ms[0].Version})
				return err
			}},
			{"stage name with NUL", "name", "节点名称含有不允许的控制字符", func() error {
				_, err := db.AddStage(ctx, finance, pid, "主体\x00完工", model.YearPlan(2019))
				return err
			}},
			{"stage planned in 2150", "baseline_date", "计划日期（2150-12-31）超出范围", func() error {
				_, err := db.AddStage(ctx, finance, pid, "主体完工", model.YearPlan(2150))
				return err
			}},
			{"rebaseline to 9999", "baseline_date", "新的计划日期（9999-12-31）超出范围", func() error {
				_, err := db.Rebaseline(ctx, finance, ms[0].ID, model.YearPlan(9999), "原因", "文号")
				return err
			}},
			{"督办 reason with a bell", "reason", "原因含有不允许的控制字符（U+0007）", func() error {
				_, err := db.RaiseSupervisions(ctx, finance, model.SupervisionRaise{ProjectIDs: []uint{pid}, Reason: "请\a回复", Due: model.Deadline{Date: today.AddDays(7)}})
				return err
			}},
			{"督办 deadline in 2150", "due", "办理期限（2150-01-01）超出范围", func() error {
				_, err := db.RaiseSupervisions(ctx, finance, model.SupervisionRaise{ProjectIDs: []uint{pid}, Reason: "请回复", Due: model.Deadline{Date: model.NewDate(2150, 1, 1)}})
				return err
			}},
			{"user name with NUL", "name", "用户名含有不允许的控制字符", func() error {
				_, err := db.CreateUser(ctx, "ad\x00min", model.RoleAdmin, "", "correct horse battery")
				return err
			}},
		}
		before := auditCount(t, db)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := tt.write()
				if model.Kind(err) != model.EInvalid || model.FieldOf(err) != tt.field || !strings.Contains(model.Message(err), tt.message) {
					t.Fatalf("got %v (kind %q, field %q), want %s on %q saying %q", err, model.Kind(err), model.FieldOf(err), model.EInvalid, tt.field, tt.message)
				}
			})
		}
		if got := auditCount(t, db); got != before {
			t.Errorf("audit entries: got %d, want %d (nothing stored)", got, before)
		}
		pays, err := db.ListPayments(ctx, model.PaymentFilter{})
		if err != nil || len(pays) != 0 {
			t.Errorf("payments: got %d (%v), want none", len(pays), err)
		}
		reps, err := db.ProjectProgress(ctx, pid)
		if err != nil || len(reps) != 0 {
			t.Errorf("progress reports: got %d (%v), want none", len(reps), err)
		}
		if after, err := db.ProjectMilestones(ctx, pid); err != nil || len(after) != len(ms) || after[0].Version != ms[0].Version {
			t.Errorf("milestones changed: %v", err)
		}
		if us, err := db.ListUsers(ctx); err != nil || len(us) != 0 {
			t.Errorf("users: got %d (%v), want none", len(us), err)
		}
		// A NUL in a login name is refused before the database sees it.
		if _, err := db.Authenticate(ctx, "ad\x00min", "x"); model.Kind(err) != model.EInvalid {
			t.Errorf("Authenticate with NUL: got %v, want %s", err, model.EInvalid)
		}
	})
}
