package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// IssueBulletin stores the snapshot data of month's 通报 as of asOf. A
// month issued before gets a corrected edition, and its earlier edition
// is marked as superseded by it; both are kept.
func (s *DB) IssueBulletin(ctx context.Context, a model.Actor, month string, asOf model.Date, data []byte) (model.Bulletin, error) {
	const op = "store.IssueBulletin"
	b := model.Bulletin{Month: month, AsOf: asOf, Edition: 1, Data: string(data), IssuedBy: a.User, IssuedAt: s.Now()}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var prev model.Bulletin
		err := tx.Where("month = ? AND superseded_by IS NULL", month).Take(&prev).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
		case err != nil:
			return err
		default:
			b.Edition = prev.Edition + 1
		}
		if err := tx.Create(&b).Error; errors.Is(err, gorm.ErrDuplicatedKey) {
			return model.E(model.EConflict, op, "该月通报正被他人印发，请刷新后重试")
		} else if err != nil {
			return err
		}
		if prev.ID != 0 {
			res := tx.Model(&model.Bulletin{}).Where("id = ? AND superseded_by IS NULL", prev.ID).Update("superseded_by", b.ID)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return model.E(model.EConflict, op, "该月通报正被他人重新印发，请刷新后重试")
			}
		}
		return s.audit(tx, a, 0, "bulletin", b.ID, "issue", month,
			Change{Field: "edition", New: fmt.Sprint(b.Edition)})
	})
	if err != nil {
		return model.Bulletin{}, model.Wrap(op, err)
	}
	return b, nil
}

// Bulletins lists the issued 通报 without their snapshots, the latest
// month first, and within a month the latest edition first.
func (s *DB) Bulletins(ctx context.Context) ([]model.Bulletin, error) {
	var bs []model.Bulletin
	err := s.reader(ctx).Omit("data").Order("month DESC, edition DESC").Find(&bs).Error
	return bs, model.Wrap("store.Bulletins", err)
}

// Bulletin returns issued 通报 id with its snapshot.
func (s *DB) Bulletin(ctx context.Context, id uint) (model.Bulletin, error) {
	var b model.Bulletin
	err := s.reader(ctx).Take(&b, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return b, model.Errorf(model.ENotFound, "store.Bulletin", "通报 %d 不存在", id)
	}
	return b, model.Wrap("store.Bulletin", err)
}

// PreviousBulletin returns the current edition of the latest 通报 issued
// for a month before month, and false when there is none.
func (s *DB) PreviousBulletin(ctx context.Context, month string) (model.Bulletin, bool, error) {
	var bs []model.Bulletin
	err := s.reader(ctx).Where("month < ? AND superseded_by IS NULL", month).Order("month DESC").Limit(1).Find(&bs).Error
	if err != nil || len(bs) == 0 {
		return model.Bulletin{}, false, model.Wrap("store.PreviousBulletin", err)
	}
	return bs[0], true, nil
}
