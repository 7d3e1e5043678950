package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Pending uploads wait in the database between an import's preview and
// its apply (model.PendingUpload): SaveUpload keeps the workbooks of a
// clean preview, TakeUpload hands them to the apply and removes them in
// one step (so that two applies of one upload, on one server or two,
// import it once), SweepUploads removes the expired.

// errNoUpload is the answer for an upload that is not there for the user
// asking: never was, expired, applied, or another user's.
var errNoUpload = model.E(model.ENotFound, "store.TakeUpload", "待导入的文件不存在或已过期，请重新上传")

// SaveUpload keeps u's files for ttl and returns u with its new ID,
// CreatedAt and ExpiresAt. Expired uploads are swept first, and the
// user's oldest are dropped so that he keeps at most
// model.MaxPendingPerUser.
func (s *DB) SaveUpload(ctx context.Context, u model.PendingUpload, ttl time.Duration) (model.PendingUpload, error) {
	const op = "store.SaveUpload"
	if err := u.Validate(); err != nil {
		return model.PendingUpload{}, err
	}
	b := make([]byte, 16)
	rand.Read(b)
	u.ID = hex.EncodeToString(b)
	u.CreatedAt = s.Now().UTC()
	u.ExpiresAt = u.CreatedAt.Add(ttl)
	u.Bytes = 0
	for _, f := range u.Files {
		u.Bytes += int64(len(f.Data))
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := sweepUploads(tx, u.CreatedAt); err != nil {
			return err
		}
		var keep []string
		err := tx.Model(&model.PendingUpload{}).Where("user_id = ?", u.UserID).
			Order("created_at DESC").Limit(model.MaxPendingPerUser-1).Pluck("id", &keep).Error
		if err != nil {
			return err
		}
		if _, err := deleteUploads(tx, "user_id = ? AND id NOT IN ?", u.UserID, append(keep, u.ID)); err != nil {
			return err
		}
		if err := tx.Create(&u).Error; err != nil {
			return err
		}
		for i, f := range u.Files {
			f.ID, f.UploadID, f.Seq = 0, u.ID, i
			if err := tx.Create(&f).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return model.PendingUpload{}, model.Wrap(op, err)
	}
	return u, nil
}

// TakeUpload removes pending upload id of user userID and returns it with
// its files, in their order; ENotFound when it is not there for him.
func (s *DB) TakeUpload(ctx context.Context, id string, userID uint) (model.PendingUpload, error) {
	const op = "store.TakeUpload"
	var u model.PendingUpload
	err := s.tx(ctx, func(tx *gorm.DB) error {
		err := tx.Where("id = ? AND user_id = ? AND expires_at > ?", id, userID, s.Now().UTC()).Take(&u).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return errNoUpload
		}
		if err != nil {
			return err
		}
		if err := tx.Where("upload_id = ?", id).Order("seq").Find(&u.Files).Error; err != nil {
			return err
		}
		_, err = deleteUploads(tx, "id = ?", id)
		return err
	})
	if err != nil {
		return model.PendingUpload{}, model.Wrap(op, err)
	}
	return u, nil
}

// SweepUploads removes the uploads expired by now and returns how many.
func (s *DB) SweepUploads(ctx context.Context) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) (err error) {
		n, err = sweepUploads(tx, s.Now().UTC())
		return err
	})
	return int(n), model.Wrap("store.SweepUploads", err)
}

// sweepUploads removes in tx the uploads expired by now.
func sweepUploads(tx *gorm.DB, now time.Time) (int64, error) {
	return deleteUploads(tx, "expires_at <= ?", now)
}

// deleteUploads removes in tx the uploads where the condition holds, and
// their files, and returns how many uploads it removed.
func deleteUploads(tx *gorm.DB, where string, args ...any) (int64, error) {
	ids := tx.Model(&model.PendingUpload{}).Select("id").Where(where, args...)
	if err := tx.Where("upload_id IN (?)", ids).Delete(&model.PendingFile{}).Error; err != nil {
		return 0, err
	}
	res := tx.Where(where, args...).Delete(&model.PendingUpload{})
	return res.RowsAffected, res.Error
}
