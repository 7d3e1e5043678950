package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"github.com/yanhe/captrack/model"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// ValidRole reports whether role is one of captrack's roles.
func ValidRole(role string) bool {
	switch role {
	case model.RoleAdmin, model.RoleSupervisor, model.RoleManager, model.RoleFinance:
		return true
	}
	return false
}

// CreateUser adds a user with a bcrypt hash of password. A manager must
// belong to a responsible unit; a name already taken is a conflict.
func (s *DB) CreateUser(ctx context.Context, name, role, unit, password string) (model.User, error) {
	const op = "store.CreateUser"
	name, unit = strings.TrimSpace(name), strings.TrimSpace(unit)
	if err := (&model.User{Name: name, Unit: unit}).Validate(); err != nil {
		return model.User{}, err
	}
	switch {
	case !ValidRole(role):
		return model.User{}, model.Errorf(model.EInvalid, op, "角色 %q 无效，应为 admin、supervisor、manager 或 finance", role)
	case role == model.RoleManager && unit == "":
		return model.User{}, model.E(model.EInvalid, op, "项目负责人（manager）必须指定责任单位（--unit）")
	}
	if err := model.CheckPassword(name, password); err != nil {
		return model.User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return model.User{}, model.Wrap(op, err)
	}
	u := model.User{Name: name, Role: role, Unit: unit, PasswordHash: string(hash), CreatedAt: s.Now()}
	if err := s.conn(ctx).Create(&u).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return model.User{}, model.Errorf(model.EConflict, op, "用户 %q 已存在", name)
		}
		return model.User{}, model.Wrap(op, err)
	}
	return u, nil
}

// ListUsers returns every user by name.
func (s *DB) ListUsers(ctx context.Context) ([]model.User, error) {
	var us []model.User
	err := s.conn(ctx).Order("name").Find(&us).Error
	return us, model.Wrap("store.ListUsers", err)
}

// UserByName returns the user called name (ENotFound if none).
func (s *DB) UserByName(ctx context.Context, name string) (model.User, error) {
	const op = "store.UserByName"
	var u model.User
	err := s.conn(ctx).Where("name = ?", name).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return u, model.Errorf(model.ENotFound, op, "没有用户“%s”", name)
	}
	return u, model.Wrap(op, err)
}

// decoyHash is a real bcrypt hash (of a password no user has) that
// Authenticate compares against when the name is unknown.
const decoyHash = "$2a$10$9idFlJJB6hYAoyRU5DfRVuRqMar3HtPbzg4zo/MMQlKiadrkZvQUK"

// errBadLogin is what every failed login returns, whichever part was wrong.
func errBadLogin(op string) error {
	return model.E(model.EUnauthorized, op, "用户名或密码错误")
}

// Authenticate returns the enabled user name whose password is password.
// An unknown name costs a bcrypt comparison too, so that timing does not
// tell which names exist.
func (s *DB) Authenticate(ctx context.Context, name, password string) (model.User, error) {
	const op = "store.Authenticate"
	name = strings.TrimSpace(name)
	if err := model.TextUser.Check(name); err != nil {
		return model.User{}, err
	}
	var u model.User
	err := s.conn(ctx).Where("name = ?", name).Take(&u).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		bcrypt.CompareHashAndPassword([]byte(decoyHash), []byte(password))
		return model.User{}, errBadLogin(op)
	case err != nil:
		return model.User{}, model.Wrap(op, err)
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil || u.Disabled {
		return model.User{}, errBadLogin(op)
	}
	return u, nil
}

// hashToken is what the database keeps of a token.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// IssueToken returns a new random bearer token (or session) of userID,
// valid for ttl from s.Now. Only its SHA-256 is stored.
func (s *DB) IssueToken(ctx context.Context, userID uint, ttl time.Duration) (string, error) {
	const op = "store.IssueToken"
	if ttl <= 0 {
		return "", model.E(model.EInvalid, op, "令牌有效期必须为正")
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", model.Wrap(op, err)
	}
	token := hex.EncodeToString(b)
	now := s.Now()
	t := model.Token{UserID: userID, Hash: hashToken(token), ExpiresAt: now.Add(ttl), CreatedAt: now}
	if err := s.conn(ctx).Create(&t).Error; err != nil {
		return "", model.Wrap(op, err)
	}
	return token, nil
}

// UserByToken returns the user a token belongs to. An unknown, expired
// or revoked token, or one of a disabled user, is unauthorized.
func (s *DB) UserByToken(ctx context.Context, token string) (model.User, error) {
	const op = "store.UserByToken"
	// One statement, the token and its user: every request asks.
	var rows []struct {
		model.User `gorm:"embedded"`
		ExpiresAt  time.Time
		RevokedAt  *time.Time
	}
	err := s.reader(ctx).Raw("SELECT u.*, t.expires_at, t.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?",
		hashToken(token)).Scan(&rows).Error
	switch {
	case err != nil:
		return model.User{}, model.Wrap(op, err)
	case len(rows) == 0:
		return model.User{}, model.E(model.EUnauthorized, op, "未登录或登录已失效，请重新登录")
	case rows[0].RevokedAt != nil, !s.Now().Before(rows[0].ExpiresAt), rows[0].Disabled:
		return model.User{}, model.E(model.EUnauthorized, op, "登录已过期或已注销，请重新登录")
	}
	return rows[0].User, nil
}

// RevokeToken ends a token before it expires. Revoking an unknown or
// already revoked token does nothing.
func (s *DB) RevokeToken(ctx context.Context, token string) error {
	err := s.conn(ctx).Model(&model.Token{}).Where("hash = ? AND revoked_at IS NULL", hashToken(token)).
		Update("revoked_at", s.Now()).Error
	return model.Wrap("store.RevokeToken", err)
}

// SetPassword gives user name a new password (model.CheckPassword's rule)
// and revokes every token and session of the user, so that whoever knew
// the old one is logged out.
func (s *DB) SetPassword(ctx context.Context, name, password string) error {
	const op = "store.SetPassword"
	if err := model.CheckPassword(name, password); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return model.Wrap(op, err)
	}
	return s.changeUser(ctx, op, name, map[string]any{"password_hash": string(hash)})
}

// ChangePassword is a user's own change of password: the old one must be
// right (EInvalid otherwise, on the old_password field).
func (s *DB) ChangePassword(ctx context.Context, name, old, password string) error {
	if _, err := s.Authenticate(ctx, name, old); err != nil {
		if model.Kind(err) == model.EUnauthorized {
			return &model.Error{Kind: model.EInvalid, Op: "store.ChangePassword", Field: "old_password", Message: "原密码不正确"}
		}
		return err
	}
	return s.SetPassword(ctx, name, password)
}

// SetDisabled disables or enables user name; disabling revokes every
// token and session of the user.
func (s *DB) SetDisabled(ctx context.Context, name string, disabled bool) error {
	return s.changeUser(ctx, "store.SetDisabled", name, map[string]any{"disabled": disabled})
}

// changeUser updates the columns of user name and revokes its tokens.
func (s *DB) changeUser(ctx context.Context, op, name string, cols map[string]any) error {
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var u model.User
		if err := tx.Where("name = ?", name).Take(&u).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return model.Errorf(model.ENotFound, op, "没有用户“%s”", name)
			}
			return err
		}
		if err := tx.Model(&model.User{}).Where("id = ?", u.ID).Updates(cols).Error; err != nil {
			return err
		}
		now := s.Now()
		return tx.Model(&model.Token{}).Where("user_id = ? AND revoked_at IS NULL", u.ID).Update("revoked_at", &now).Error
	})
	return model.Wrap(op, err)
}
