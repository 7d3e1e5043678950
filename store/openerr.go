package store

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/yanhe/captrack/model"
)

// openError is the error of Open when the database dsn cannot be opened
// or read for the reason err: a Chinese message saying why, when the
// reason is one a user can act on, else err as an internal error.
func openError(dsn string, err error) error {
	reason := openReason(err)
	if reason == cantOpenReason || reason == readOnlyReason {
		if r := pathReason(dsn); r != "" {
			reason = r
		}
	}
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

// pathReason says why the SQLite file path cannot be written, as its
// file system tells (SQLite's own error says only that it could not open
// the file, or its -wal and -shm beside it), or "" when it does not.
func pathReason(path string) string {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return "所在目录不存在"
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err == nil {
		f.Close()
		var probe *os.File
		if probe, err = os.CreateTemp(dir, ".captrack-probe-*"); err == nil {
			probe.Close()
			os.Remove(probe.Name())
		}
	}
	switch {
	case errors.Is(err, syscall.EROFS):
		return readOnlyReason + "：所在磁盘以只读方式挂载"
	case errors.Is(err, fs.ErrPermission):
		return readOnlyReason + "：没有写入权限"
	}
	return ""
}
