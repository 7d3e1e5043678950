package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// The login throttle: after UserFailures failed logins of one account, or
// AddrFailures from one address, within LoginWindow, Login refuses that
// account or address until the oldest of them leaves the window. The
// failures are rows of the database, so every server on it counts the
// same ones (an in-process limiter such as golang.org/x/time/rate would
// let each of several servers grant its own allowance).
const (
	UserFailures = 5
	AddrFailures = 20
	LoginWindow  = 15 * time.Minute
)

// Login is Authenticate behind the throttle, for a request from address
// addr: a refused account or address is ETooMany with RetryAfter; a
// failure is recorded against both; a success clears the account's.
func (s *DB) Login(ctx context.Context, name, password, addr string) (model.User, error) {
	const op = "store.Login"
	name = strings.TrimSpace(name)
	if err := model.TextUser.Check(name); err != nil {
		return model.User{}, err
	}
	keys := []string{"user:" + name, "addr:" + addr}
	limits := []int{UserFailures, AddrFailures}
	now := s.Now()
	since := now.Add(-LoginWindow)
	for i, k := range keys {
		var ats []time.Time
		err := s.conn(ctx).Model(&model.LoginFailure{}).Where("key = ? AND at > ?", k, since).
			Order("at DESC").Limit(limits[i]).Pluck("at", &ats).Error
		if err != nil {
			return model.User{}, model.Wrap(op, err)
		}
		if len(ats) >= limits[i] {
			wait := ats[len(ats)-1].Add(LoginWindow).Sub(now)
			return model.User{}, &model.Error{Kind: model.ETooMany, Op: op, RetryAfter: wait,
				Message: fmt.Sprintf("登录失败次数过多，请 %d 分钟后再试", int((wait+time.Minute-1)/time.Minute))}
		}
	}
	u, err := s.Authenticate(ctx, name, password)
	switch model.Kind(err) {
	case "":
		return u, model.Wrap(op, s.conn(ctx).Where("key = ?", keys[0]).Delete(&model.LoginFailure{}).Error)
	case model.EUnauthorized:
		werr := s.tx(ctx, func(tx *gorm.DB) error {
			if err := tx.Where("key IN ? AND at <= ?", keys, since).Delete(&model.LoginFailure{}).Error; err != nil {
				return err
			}
			return tx.Create([]model.LoginFailure{{Key: keys[0], At: now}, {Key: keys[1], At: now}}).Error
		})
		if werr != nil {
			return model.User{}, model.Wrap(op, werr)
		}
	}
	return model.User{}, err
}
