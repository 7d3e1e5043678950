package store

import (
	"context"
	"errors"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// FundingSources returns the register of funding sources in the order
// they were registered (the plan's first).
func (s *DB) FundingSources(ctx context.Context) ([]model.FundingSource, error) {
	var out []model.FundingSource
	err := s.reader(ctx).Order("id").Find(&out).Error
	return out, model.Wrap("store.FundingSources", err)
}

// AddFundingSource registers a funding source (admins; the caller
// checks); EConflict when it is registered already.
func (s *DB) AddFundingSource(ctx context.Context, actor model.Actor, name string) (model.FundingSource, error) {
	const op = "store.AddFundingSource"
	src := model.FundingSource{Name: strings.TrimSpace(name), CreatedBy: actor.User, CreatedAt: s.Now()}
	switch n := len([]rune(src.Name)); {
	case n == 0:
		return src, model.E(model.EInvalid, op, "资金来源名称不能为空")
	case n > 64:
		return src, model.E(model.EInvalid, op, "资金来源名称不能超过 64 个字")
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&model.FundingSource{}).Where("name = ?", src.Name).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return model.Errorf(model.EConflict, op, "资金来源“%s”已登记", src.Name)
		}
		if err := tx.Create(&src).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, 0, "funding_source", src.ID, "create", "", Change{"name", "", src.Name})
	})
	return src, model.Wrap(op, err)
}

// sourceNames lists the registered names in tx, in register order.
func sourceNames(tx *gorm.DB) ([]string, error) {
	var names []string
	err := tx.Model(&model.FundingSource{}).Order("id").Pluck("name", &names).Error
	return names, err
}

// sources checks funding-source names against the register of one
// transaction, reading it once.
type sources struct {
	known []string
	set   map[string]bool
}

func loadSources(tx *gorm.DB) (*sources, error) {
	names, err := sourceNames(tx)
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return &sources{known: names, set: set}, nil
}

// check fails for a source the register lacks; "" passes when optional.
func (r *sources) check(op, source string, optional bool) error {
	if source == "" {
		if optional {
			return nil
		}
		return model.E(model.EInvalid, op, "资金来源不能为空")
	}
	if !r.set[source] {
		return model.UnknownSource(op, source, r.known)
	}
	return nil
}

// checkSource checks one source against the register in tx.
func checkSource(tx *gorm.DB, op, source string, optional bool) error {
	r, err := loadSources(tx)
	if err != nil {
		return err
	}
	return r.check(op, source, optional)
}

// validateFund checks what every stored allocation and receipt keeps.
func (s *DB) validateFund(tx *gorm.DB, op string, f *model.Fund) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if err := model.CheckNotAfter("date", model.FundKindName(f.Kind)+"日期", f.Date, s.Today()); err != nil {
		return err
	}
	return checkSource(tx, op, f.Source, false)
}

// CreateFund records an allocation (下达) or a receipt (到位), audited.
func (s *DB) CreateFund(ctx context.Context, actor model.Actor, f model.Fund) (model.Fund, error) {
	const op = "store.CreateFund"
	f.ID, f.Version = 0, 1
	f.Source, f.DocNo = strings.TrimSpace(f.Source), strings.TrimSpace(f.DocNo)
	f.CreatedBy, f.CreatedAt, f.UpdatedAt, f.KnownOn = actor.User, s.Now(), s.Now(), s.Today()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, f.ProjectID); err != nil {
			return err
		}
		if err := s.validateFund(tx, op, &f); err != nil {
			return err
		}
		if err := tx.Create(&f).Error; err != nil {
			return err
		}
		return s.audit(tx, actor, f.ProjectID, f.Kind, f.ID, "create", "", fundChanges(model.Fund{}, f)...)
	})
	if err != nil {
		return model.Fund{}, model.Wrap(op, err)
	}
	return f, nil
}

// fundChanges lists the audited fields that differ from old to f.
func fundChanges(old, f model.Fund) []Change {
	var out []Change
	add := func(field, a, b string) {
		if a != b {
			out = append(out, Change{field, a, b})
		}
	}
	add("date", old.Date.String(), f.Date.String())
	add("amount_wan", amountText(old.Amount), amountText(f.Amount))
	add("source", old.Source, f.Source)
	add("doc_no", old.DocNo, f.DocNo)
	add("note", old.Note, f.Note)
	return out
}

// amountText is an amount in the audit trail: 万元, "" for none.
func amountText(m model.Money) string {
	if m == 0 {
		return ""
	}
	return m.WanString()
}

// UpdateFund corrects allocation or receipt id. A stale version is a
// conflict; the reason is required and audited with every change.
func (s *DB) UpdateFund(ctx context.Context, actor model.Actor, id uint, upd model.FundUpdate) (model.Fund, error) {
	const op = "store.UpdateFund"
	reason := strings.TrimSpace(upd.Reason)
	if reason == "" {
		return model.Fund{}, model.E(model.EInvalid, op, "更正资金记录必须填写更正原因")
	}
	var f model.Fund
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&f, id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return model.Errorf(model.ENotFound, op, "资金记录 %d 不存在", id)
			}
			return err
		}
		if f.Kind != upd.Kind {
			return model.Errorf(model.ENotFound, op, "%s记录 %d 不存在", model.FundKindName(upd.Kind), id)
		}
		if upd.Version != f.Version {
			return model.Stale(op, "该资金记录")
		}
		old := f
		setIf(&f.Date, upd.Date)
		setIf(&f.Amount, upd.Amount)
		setIf(&f.Note, upd.Note)
		if upd.Source != nil {
			f.Source = strings.TrimSpace(*upd.Source)
		}
		if upd.DocNo != nil {
			f.DocNo = strings.TrimSpace(*upd.DocNo)
		}
		changes := fundChanges(old, f)
		if len(changes) == 0 {
			return nil
		}
		if err := s.validateFund(tx, op, &f); err != nil {
			return err
		}
		if err := keepMoney(tx, s.Today(), &old, &f); err != nil {
			return err
		}
		f.Version, f.UpdatedAt = old.Version+1, s.Now()
		res := tx.Model(&model.Fund{}).Where("id = ? AND version = ?", f.ID, old.Version).Updates(map[string]any{
			"date": f.Date, "amount": f.Amount, "source": f.Source, "doc_no": f.DocNo, "note": f.Note,
			"version": f.Version, "updated_at": f.UpdatedAt,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return model.Stale(op, "该资金记录")
		}
		return s.audit(tx, actor, f.ProjectID, f.Kind, f.ID, "correct", reason, changes...)
	})
	if err != nil {
		return model.Fund{}, model.Wrap(op, err)
	}
	return f, nil
}

// setIf sets *dst to *v when v is not nil.
func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// ListFunds returns the allocations or receipts f selects, by date then id.
func (s *DB) ListFunds(ctx context.Context, f model.FundFilter) ([]model.Fund, error) {
	q := s.reader(ctx).Where("kind = ?", f.Kind)
	if f.ProjectID != 0 {
		q = q.Where("project_id = ?", f.ProjectID)
	}
	var out []model.Fund
	err := q.Order("date, id").Find(&out).Error
	return out, model.Wrap("store.ListFunds", err)
}
