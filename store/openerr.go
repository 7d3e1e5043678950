package store

import (
	"errors"
	"fmt"
	"net"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/yanhe/captrack/model"
)

// openError is the error of Open when the database dsn cannot be opened
// or read for the reason err: a Chinese message saying why, when the
// reason is one a user can act on, else err as an internal error.
func openError(dsn string, err error) error {
	reason := openReason(err)
	if reason == "" {
		return model.Wrap("store.Open", err)
	}
	return &model.Error{Kind: model.EInvalid, Op: "store.Open", Message: fmt.Sprintf("无法打开数据库 %s：%s", redact(dsn), reason), Err: err}
}

// openReason says in Chinese why err kept a database from opening, or ""
// when it does not know.
func openReason(err error) string {
	var (
		pgErr  *pgconn.PgError
		dnsErr *net.DNSError
	)
	switch {
	case errors.As(err, &pgErr):
		switch pgErr.Code {
		case "28P01", "28000":
			return "PostgreSQL 拒绝了该用户名或密码"
		case "3D000":
			return "PostgreSQL 服务器上没有这个数据库"
		case "42501":
			return "该用户没有使用这个数据库的权限"
		}
	case errors.Is(err, syscall.ECONNREFUSED):
		return "连接被拒绝：PostgreSQL 服务器没有运行，或地址、端口不对"
	case errors.As(err, &dnsErr):
		return "找不到服务器 " + dnsErr.Name
	case errors.Is(err, syscall.ETIMEDOUT):
		return "连接服务器超时"
	}
	return sqliteReason(err)
}
