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

// PaymentUpdate is a correction of a recorded payment: the fields to
// change (nil = keep) and the reason, which the audit trail keeps.
type PaymentUpdate struct {
	Date   *model.Date
	Amount *model.Money
	Source *string
	Note   *string
	Reason string
}

// PaymentFilter selects payments: of one project (0 = all) dated within
// [From, To] (a zero bound is open).
type PaymentFilter struct {
	ProjectID uint
	From, To  model.Date
}

// CreatePayment records one disbursement. The voucher number must be new
// (EConflict otherwise), the amount positive and the date not in the
// future.
func (s *DB) CreatePayment(ctx context.Context, actor Actor, d model.Disbursement) (model.Disbursement, error) {
	const op = "store.CreatePayment"
	d.ID = 0
	d.Voucher = strings.TrimSpace(d.Voucher)
	d.Source = strings.TrimSpace(d.Source)
	d.CreatedBy = actor.User
	d.CreatedAt, d.UpdatedAt = s.Now(), s.Now()
	if err := s.validatePayment(op, &d); err != nil {
		return model.Disbursement{}, err
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, d.ProjectID); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&model.Disbursement{}).Where("voucher = ?", d.Voucher).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return model.Errorf(model.EConflict, op, "凭证号 %s 已登记，不能重复登记", d.Voucher)
		}
		if err := tx.Create(&d).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return model.Errorf(model.EConflict, op, "凭证号 %s 已登记，不能重复登记", d.Voucher)
			}
			return err
		}
		return s.audit(tx, actor, d.ProjectID, "payment", d.ID, "create", "",
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

// validatePayment checks what every stored payment keeps: its model
// bounds and a date that is not in the future.
func (s *DB) validatePayment(op string, d *model.Disbursement) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if d.Date.After(s.Today()) {
		return &model.Error{Kind: model.EInvalid, Op: op, Field: "date", Message: fmt.Sprintf("拨付日期 %s 晚于今天", d.Date)}
	}
	return nil
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

// CorrectPayment changes a recorded payment. The reason is required and
// every changed field is audited old → new with it. A correction that
// changes nothing returns the payment as it is and records nothing.
func (s *DB) CorrectPayment(ctx context.Context, actor Actor, id uint, upd PaymentUpdate) (model.Disbursement, error) {
	const op = "store.CorrectPayment"
	reason := strings.TrimSpace(upd.Reason)
	if reason == "" {
		return model.Disbursement{}, model.E(model.EInvalid, op, "更正拨付记录必须填写更正原因")
	}
	var d model.Disbursement
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&d, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return model.Errorf(model.ENotFound, op, "拨付记录 %d 不存在", id)
			}
			return err
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
		d.UpdatedAt = s.Now()
		err := tx.Model(&model.Disbursement{}).Where("id = ?", d.ID).Updates(map[string]any{
			"date": d.Date, "amount": d.Amount, "source": d.Source, "note": d.Note, "updated_at": d.UpdatedAt,
		}).Error
		if err != nil {
			return err
		}
		return s.audit(tx, actor, d.ProjectID, "payment", d.ID, "correct", reason, changes...)
	})
	if err != nil {
		return model.Disbursement{}, model.Wrap(op, err)
	}
	return d, nil
}

// ListPayments returns the payments f selects, by date then id.
func (s *DB) ListPayments(ctx context.Context, f PaymentFilter) ([]model.Disbursement, error) {
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
func (s *DB) SetBudgetLine(ctx context.Context, actor Actor, projectID uint, year int, source string, amount model.Money) (model.BudgetLine, error) {
	const op = "store.SetBudgetLine"
	var line model.BudgetLine
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, projectID); err != nil {
			return err
		}
		var err error
		line, err = s.setBudgetLine(tx, actor, op, model.BudgetLine{ProjectID: projectID, Year: year, Source: source, Amount: amount})
		return err
	})
	return line, model.Wrap(op, err)
}

// DeleteBudgetLine removes the line of a project for year and source;
// ENotFound when there is none.
func (s *DB) DeleteBudgetLine(ctx context.Context, actor Actor, projectID uint, year int, source string) error {
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
		return s.deleteBudgetLine(tx, actor, line)
	})
	return model.Wrap(op, err)
}

// SetBudget replaces a project's whole budget breakdown with lines in one
// transaction: lines not given are deleted, the others set; each change
// audited.
func (s *DB) SetBudget(ctx context.Context, actor Actor, projectID uint, lines []model.BudgetLine) ([]model.BudgetLine, error) {
	const op = "store.SetBudget"
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, projectID); err != nil {
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
func (s *DB) setBudgetLine(tx *gorm.DB, actor Actor, op string, l model.BudgetLine) (model.BudgetLine, error) {
	l.Source = strings.TrimSpace(l.Source)
	if l.Source == "" {
		return l, &model.Error{Kind: model.EInvalid, Op: op, Field: "source", Message: "资金来源不能为空"}
	}
	if err := l.Validate(); err != nil {
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

// deleteBudgetLine deletes l in tx and audits it.
func (s *DB) deleteBudgetLine(tx *gorm.DB, actor Actor, l model.BudgetLine) error {
	if err := tx.Delete(&model.BudgetLine{}, l.ID).Error; err != nil {
		return err
	}
	return s.audit(tx, actor, l.ProjectID, "budget", l.ID, "delete", "", Change{budgetField(l), l.Amount.WanString(), ""})
}
