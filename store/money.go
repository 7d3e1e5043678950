package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// fenSplit splits a SQL sum of fen into a quotient part and a remainder
// part, each of which stays far inside int64 whatever the rows hold:
// SQLite's SUM fails on an overflow, and PostgreSQL's numeric sum would
// fail when cast back. fenTotal joins the parts.
const fenSplit = 1_000_000_000

// sumFen is the select expression of the two parts of col's sum, as hi
// and lo.
func sumFen(col string) string {
	return fmt.Sprintf("SUM(%[1]s / %[2]d) AS hi, SUM(%[1]s %% %[2]d) AS lo", col, fenSplit)
}

// fenTotal joins sumFen's parts.
func fenTotal(hi, lo int64) model.Money { return model.SumParts(hi, lo, fenSplit) }

// errVoucherTaken is the answer to a voucher number already recorded.
func errVoucherTaken(op, voucher string) error {
	return model.Errorf(model.EConflict, op, "凭证号 %s 已登记，不能重复登记", voucher)
}

// CreatePayment records one disbursement. The voucher number must be new
// (EConflict otherwise), the amount positive, the date not after the
// county's today and the source registered. A payment that takes the
// project's paid total above its planned investment, or the source's
// above what was allocated from it, needs confirmOver (else an
// EInvalid with model.CodeOverPlan).
func (s *DB) CreatePayment(ctx context.Context, actor model.Actor, d model.Disbursement, confirmOver bool) (model.Disbursement, error) {
	const op = "store.CreatePayment"
	d.ID, d.Version, d.ReversalOf, d.Reversed = 0, 1, 0, false
	d.Voucher = strings.TrimSpace(d.Voucher)
	d.Source = strings.TrimSpace(d.Source)
	d.CreatedBy, d.KnownOn = actor.User, s.Today()
	d.CreatedAt, d.UpdatedAt = s.Now(), s.Now()
	if err := s.validatePayment(op, &d); err != nil {
		return model.Disbursement{}, err
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, d.ProjectID); err != nil {
			return err
		}
		if err := checkSource(tx, op, d.Source, true); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&model.Disbursement{}).Where("voucher = ?", d.Voucher).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return errVoucherTaken(op, d.Voucher)
		}
		over, err := overPlan(tx, op, d, 0)
		if err != nil {
			return err
		}
		note := ""
		if over != "" {
			if !confirmOver {
				return &model.Error{Kind: model.EInvalid, Op: op, Code: model.CodeOverPlan, Message: over + "；确认无误请勾选“确认超计划拨付”后再提交"}
			}
			note = "超计划拨付（已确认）：" + over
		}
		if err := tx.Create(&d).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return errVoucherTaken(op, d.Voucher)
			}
			return err
		}
		return s.audit(tx, actor, d.ProjectID, "payment", d.ID, "create", note,
			Change{"date", "", d.Date.String()},
			Change{"amount_wan", "", d.Amount.WanString()},
			Change{"source", "", d.Source},
			Change{"voucher", "", d.Voucher},
			Change{"note", "", d.Note})
	})
	if err != nil {
		return model.Disbursement{}, model.Wrap(op, err)
	}
	return d, nil
}

// overPlan says how payment d (replacing payment except, when not 0)
// would take its project above plan or its source above allocation: the
// Chinese reason, "" when it does not. The plan is the budget's sum when
// the project has budget lines, else its investment; the allocation is
// checked once the project has any allocation recorded.
func overPlan(tx *gorm.DB, op string, d model.Disbursement, except uint) (string, error) {
	var p model.Project
	if err := tx.First(&p, d.ProjectID).Error; err != nil {
		return "", err
	}
	sum := func(q *gorm.DB) (model.Money, error) {
		var r struct{ Hi, Lo int64 }
		err := q.Select(sumFen("amount")).Scan(&r).Error
		return fenTotal(r.Hi, r.Lo), err
	}
	paid := func(source string) (model.Money, error) {
		q := tx.Model(&model.Disbursement{}).Where("project_id = ? AND id <> ?", d.ProjectID, except)
		if source != "" {
			q = q.Where("source = ?", source)
		}
		m, err := sum(q)
		return m.Add(d.Amount), err
	}
	var lines int64
	if err := tx.Model(&model.BudgetLine{}).Where("project_id = ?", d.ProjectID).Count(&lines).Error; err != nil {
		return "", err
	}
	plan, planKnown := model.Money(0), p.Investment != nil
	if planKnown {
		plan = *p.Investment
	}
	if lines > 0 {
		m, err := sum(tx.Model(&model.BudgetLine{}).Where("project_id = ?", d.ProjectID))
		if err != nil {
			return "", err
		}
		plan, planKnown = m, true
	}
	total, err := paid("")
	if err != nil {
		return "", err
	}
	if planKnown && total > plan {
		return fmt.Sprintf("拨付后累计 %s 万元，超过计划投资 %s 万元", total.WanString(), plan.WanString()), nil
	}
	allocations := tx.Model(&model.Fund{}).Where("project_id = ? AND kind = ?", d.ProjectID, model.FundAllocated)
	var n int64
	if err := allocations.Count(&n).Error; err != nil || n == 0 || d.Source == "" {
		return "", err
	}
	allocated, err := sum(tx.Model(&model.Fund{}).Where("project_id = ? AND kind = ? AND source = ?", d.ProjectID, model.FundAllocated, d.Source))
	if err != nil {
		return "", err
	}
	bySource, err := paid(d.Source)
	if err != nil {
		return "", err
	}
	if bySource > allocated {
		return fmt.Sprintf("“%s”拨付后累计 %s 万元，超过已下达的 %s 万元", d.Source, bySource.WanString(), allocated.WanString()), nil
	}
	return "", nil
}

// validatePayment checks what every stored payment keeps: its model
// bounds (a reversal's amount is negative) and a date that is not after
// the county's today.
func (s *DB) validatePayment(op string, d *model.Disbursement) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return model.CheckNotAfter("date", "拨付日期", d.Date, s.Today())
}

// projectExists fails with ENotFound when no project has id.
func projectExists(tx *gorm.DB, op string, id uint) error {
	var n int64
	if err := tx.Model(&model.Project{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return model.Errorf(model.ENotFound, op, "项目 %d 不存在", id)
	}
	return nil
}

// payment loads payment id in tx for a change based on version: ENotFound,
// or a stale conflict when the payment moved on.
func payment(tx *gorm.DB, op string, id uint, version int) (model.Disbursement, error) {
	var d model.Disbursement
	if err := tx.First(&d, id).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return d, model.Errorf(model.ENotFound, op, "拨付记录 %d 不存在", id)
		}
		return d, err
	}
	if d.Version != version {
		return d, model.Stale(op, "该拨付记录")
	}
	return d, nil
}

// savePayment writes the changed fields of d, raising its version from
// old's; a concurrent change of the same version loses with a conflict.
func (s *DB) savePayment(tx *gorm.DB, op string, d *model.Disbursement, old int) error {
	d.Version, d.UpdatedAt = old+1, s.Now()
	res := tx.Model(&model.Disbursement{}).Where("id = ? AND version = ?", d.ID, old).Updates(map[string]any{
		"date": d.Date, "amount": d.Amount, "source": d.Source, "note": d.Note, "reversed": d.Reversed,
		"version": d.Version, "updated_at": d.UpdatedAt,
	})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return model.Stale(op, "该拨付记录")
	}
	return nil
}

// CorrectPayment changes a recorded payment of version upd.Version (a
// stale one is a conflict). The reason is required and every changed
// field is audited old → new with it. A correction that changes nothing
// returns the payment as it is and records nothing. A reversed payment
// and a reversal are not corrected: reverse again instead.
func (s *DB) CorrectPayment(ctx context.Context, actor model.Actor, id uint, upd model.PaymentUpdate) (model.Disbursement, error) {
	const op = "store.CorrectPayment"
	reason := strings.TrimSpace(upd.Reason)
	if reason == "" {
		return model.Disbursement{}, model.E(model.EInvalid, op, "更正拨付记录必须填写更正原因")
	}
	var d model.Disbursement
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if d, err = payment(tx, op, id, upd.Version); err != nil {
			return err
		}
		if d.Reversed || d.ReversalOf != 0 {
			return model.E(model.EInvalid, op, "已冲销的拨付记录和冲销记录不能更正")
		}
		old := d
		var changes []Change
		if upd.Date != nil && *upd.Date != d.Date {
			d.Date = *upd.Date
			changes = append(changes, Change{"date", old.Date.String(), d.Date.String()})
		}
		if upd.Amount != nil && *upd.Amount != d.Amount {
			d.Amount = *upd.Amount
			changes = append(changes, Change{"amount_wan", old.Amount.WanString(), d.Amount.WanString()})
		}
		if upd.Source != nil && strings.TrimSpace(*upd.Source) != d.Source {
			d.Source = strings.TrimSpace(*upd.Source)
			changes = append(changes, Change{"source", old.Source, d.Source})
		}
		if upd.Note != nil && *upd.Note != d.Note {
			d.Note = *upd.Note
			changes = append(changes, Change{"note", old.Note, d.Note})
		}
		if len(changes) == 0 {
			return nil
		}
		if err := s.validatePayment(op, &d); err != nil {
			return err
		}
		if err := checkSource(tx, op, d.Source, true); err != nil {
			return err
		}
		if d.Amount > old.Amount || d.Source != old.Source {
			over, err := overPlan(tx, op, d, d.ID)
			if err != nil {
				return err
			}
			if over != "" && !upd.ConfirmOver {
				return &model.Error{Kind: model.EInvalid, Op: op, Code: model.CodeOverPlan, Message: over + "；确认无误请勾选“确认超计划拨付”后再提交"}
			}
			if over != "" {
				reason += "（超计划拨付，已确认：" + over + "）"
			}
		}
		if err := keepMoney(tx, s.Today(), &old, &d); err != nil {
			return err
		}
		if err := s.savePayment(tx, op, &d, old.Version); err != nil {
			return err
		}
		return s.audit(tx, actor, d.ProjectID, "payment", d.ID, "correct", reason, changes...)
	})
	if err != nil {
		return model.Disbursement{}, model.Wrap(op, err)
	}
	return d, nil
}

// ReversePayment reverses payment id of version (红字冲销): it records a
// payment of the negative amount, voucher "原凭证号-冲", dated date (the
// county's today when zero), marks the original reversed, and audits
// both with the reason. It returns the reversal.
func (s *DB) ReversePayment(ctx context.Context, actor model.Actor, id uint, version int, date model.Date, reason string) (model.Disbursement, error) {
	const op = "store.ReversePayment"
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return model.Disbursement{}, model.E(model.EInvalid, op, "红字冲销必须填写冲销原因")
	}
	if date.IsZero() {
		date = s.Today()
	}
	var rev model.Disbursement
	err := s.tx(ctx, func(tx *gorm.DB) error {
		d, err := payment(tx, op, id, version)
		if err != nil {
			return err
		}
		if d.Reversed || d.ReversalOf != 0 {
			return model.E(model.EInvalid, op, "该拨付记录已冲销或本身是冲销记录")
		}
		rev = model.Disbursement{ProjectID: d.ProjectID, Date: date, Source: d.Source, Amount: -d.Amount,
			Voucher: d.Voucher + "-冲", Note: reason, ReversalOf: d.ID, Version: 1, KnownOn: s.Today(),
			CreatedBy: actor.User, CreatedAt: s.Now(), UpdatedAt: s.Now()}
		if err := s.validatePayment(op, &rev); err != nil {
			return err
		}
		if rev.Date.Before(d.Date) {
			return model.Errorf(model.EInvalid, op, "冲销日期 %s 早于原拨付日期 %s", rev.Date, d.Date)
		}
		if err := tx.Create(&rev).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return errVoucherTaken(op, rev.Voucher)
			}
			return err
		}
		d.Reversed = true
		if err := s.savePayment(tx, op, &d, d.Version); err != nil {
			return err
		}
		if err := s.audit(tx, actor, d.ProjectID, "payment", d.ID, "reverse", reason, Change{"reversed", "", rev.Voucher}); err != nil {
			return err
		}
		return s.audit(tx, actor, rev.ProjectID, "payment", rev.ID, "create", reason,
			Change{"date", "", rev.Date.String()}, Change{"amount_wan", "", rev.Amount.WanString()}, Change{"voucher", "", rev.Voucher})
	})
	if err != nil {
		return model.Disbursement{}, model.Wrap(op, err)
	}
	return rev, nil
}

// ListPayments returns the payments f selects, by date then id.
func (s *DB) ListPayments(ctx context.Context, f model.PaymentFilter) ([]model.Disbursement, error) {
	q := s.conn(ctx).Model(&model.Disbursement{})
	if f.ProjectID != 0 {
		q = q.Where("project_id = ?", f.ProjectID)
	}
	if !f.From.IsZero() {
		q = q.Where("date >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("date <= ?", f.To)
	}
	var out []model.Disbursement
	if err := q.Order("date, id").Find(&out).Error; err != nil {
		return nil, model.Wrap("store.ListPayments", err)
	}
	return out, nil
}

// ListBudgetLines returns a project's budget lines by year and source.
func (s *DB) ListBudgetLines(ctx context.Context, projectID uint) ([]model.BudgetLine, error) {
	var out []model.BudgetLine
	err := s.conn(ctx).Where("project_id = ?", projectID).Order("year, source").Find(&out).Error
	return out, model.Wrap("store.ListBudgetLines", err)
}

// SetBudgetLine sets the planned amount of a project for one year and
// funding source, creating the line if need be; audited old → new.
func (s *DB) SetBudgetLine(ctx context.Context, actor model.Actor, projectID uint, year int, source string, amount model.Money) (model.BudgetLine, error) {
	const op = "store.SetBudgetLine"
	var line model.BudgetLine
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, projectID); err != nil {
			return err
		}
		var err error
		line, err = s.setBudgetLine(tx, actor, op, model.BudgetLine{ProjectID: projectID, Year: year, Source: source, Amount: amount})
		if err != nil {
			return err
		}
		return bumpBudget(tx, op, projectID, anyVersion)
	})
	return line, model.Wrap(op, err)
}

// DeleteBudgetLine removes the line of a project for year and source;
// ENotFound when there is none.
func (s *DB) DeleteBudgetLine(ctx context.Context, actor model.Actor, projectID uint, year int, source string) error {
	const op = "store.DeleteBudgetLine"
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var line model.BudgetLine
		err := tx.Where("project_id = ? AND year = ? AND source = ?", projectID, year, strings.TrimSpace(source)).First(&line).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return model.Errorf(model.ENotFound, op, "项目 %d 没有 %d 年“%s”的预算", projectID, year, source)
		}
		if err != nil {
			return err
		}
		if err := s.deleteBudgetLine(tx, actor, line); err != nil {
			return err
		}
		return bumpBudget(tx, op, projectID, anyVersion)
	})
	return model.Wrap(op, err)
}

// anyVersion makes bumpBudget raise whatever version is stored.
const anyVersion = -1

// bumpBudget raises the budget version of project id, which must be
// version (unless anyVersion): of two replacements of one version,
// exactly one succeeds and the other is a stale conflict.
func bumpBudget(tx *gorm.DB, op string, id uint, version int) error {
	q := tx.Model(&model.Project{}).Where("id = ?", id)
	if version != anyVersion {
		q = q.Where("budget_version = ?", version)
	}
	res := q.Update("budget_version", gorm.Expr("budget_version + 1"))
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return model.Stale(op, "该项目的计划投资明细")
	}
	return nil
}

// BudgetVersion is the version of project id's budget breakdown.
func (s *DB) BudgetVersion(ctx context.Context, id uint) (int, error) {
	var p model.Project
	err := s.reader(ctx).Select("id, budget_version").First(&p, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, model.Errorf(model.ENotFound, "store.BudgetVersion", "项目 %d 不存在", id)
	}
	return p.BudgetVersion, model.Wrap("store.BudgetVersion", err)
}

// SetBudget replaces a project's whole budget breakdown of version (see
// BudgetVersion; a stale one is a conflict) with lines in one
// transaction: lines not given are deleted, the others set; each change
// audited.
func (s *DB) SetBudget(ctx context.Context, actor model.Actor, projectID uint, version int, lines []model.BudgetLine) ([]model.BudgetLine, error) {
	const op = "store.SetBudget"
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, projectID); err != nil {
			return err
		}
		if err := bumpBudget(tx, op, projectID, version); err != nil {
			return err
		}
		keep := make(map[string]bool, len(lines))
		for _, l := range lines {
			l.ProjectID = projectID
			l.Source = strings.TrimSpace(l.Source)
			k := budgetKey(l.Year, l.Source)
			if keep[k] {
				return model.Errorf(model.EInvalid, op, "%d 年“%s”的预算重复填写", l.Year, l.Source)
			}
			keep[k] = true
			if _, err := s.setBudgetLine(tx, actor, op, l); err != nil {
				return err
			}
		}
		var existing []model.BudgetLine
		if err := tx.Where("project_id = ?", projectID).Find(&existing).Error; err != nil {
			return err
		}
		for _, l := range existing {
			if !keep[budgetKey(l.Year, l.Source)] {
				if err := s.deleteBudgetLine(tx, actor, l); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	return s.ListBudgetLines(ctx, projectID)
}

func budgetKey(year int, source string) string { return fmt.Sprintf("%d\x00%s", year, source) }

// budgetField names a budget line in the audit trail, as imports do;
// amounts there are in 万元.
func budgetField(l model.BudgetLine) string { return fmt.Sprintf("budget:%d:%s", l.Year, l.Source) }

// setBudgetLine upserts l in tx and audits the change, if any.
func (s *DB) setBudgetLine(tx *gorm.DB, actor model.Actor, op string, l model.BudgetLine) (model.BudgetLine, error) {
	l.Source = strings.TrimSpace(l.Source)
	if l.Source == "" {
		return l, &model.Error{Kind: model.EInvalid, Op: op, Field: "source", Message: "资金来源不能为空"}
	}
	if err := l.Validate(); err != nil {
		return l, err
	}
	if err := checkSource(tx, op, l.Source, false); err != nil {
		return l, err
	}
	var old model.BudgetLine
	err := tx.Where("project_id = ? AND year = ? AND source = ?", l.ProjectID, l.Year, l.Source).First(&old).Error
	found := err == nil
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return l, err
	}
	if found && old.Amount == l.Amount {
		return old, nil
	}
	if found {
		if err := keepMoney(tx, s.Today(), &old, &l); err != nil {
			return l, err
		}
	} else {
		l.KnownOn = s.Today()
	}
	err = tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "project_id"}, {Name: "year"}, {Name: "source"}},
		DoUpdates: clause.AssignmentColumns([]string{"amount"}),
	}).Create(&l).Error
	if err != nil {
		return l, err
	}
	oldAmount, action := "", "create"
	if found {
		l.ID, oldAmount, action = old.ID, old.Amount.WanString(), "update"
	}
	return l, s.audit(tx, actor, l.ProjectID, "budget", l.ID, action, "", Change{budgetField(l), oldAmount, l.Amount.WanString()})
}

// deleteBudgetLine deletes l in tx, keeping its tombstone for the dates
// before (see forgetMoney), and audits it.
func (s *DB) deleteBudgetLine(tx *gorm.DB, actor model.Actor, l model.BudgetLine) error {
	if err := forgetMoney(tx, s.Today(), &l); err != nil {
		return err
	}
	if err := tx.Delete(&model.BudgetLine{}, l.ID).Error; err != nil {
		return err
	}
	return s.audit(tx, actor, l.ProjectID, "budget", l.ID, "delete", "", Change{budgetField(l), l.Amount.WanString(), ""})
}

// GetPayment returns payment id.
func (s *DB) GetPayment(ctx context.Context, id uint) (model.Disbursement, error) {
	var d model.Disbursement
	err := s.reader(ctx).First(&d, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return d, model.Errorf(model.ENotFound, "store.GetPayment", "拨付记录 %d 不存在", id)
	}
	return d, model.Wrap("store.GetPayment", err)
}
