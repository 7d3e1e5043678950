//go:build cgo

package store

import (
	"errors"

	"github.com/mattn/go-sqlite3"
)

// sqliteMissing is why SQLite cannot be used, "" since it can.
const sqliteMissing = ""

// sqliteReason says in Chinese why SQLite could not open or read a
// database file, or "" when err is not one of SQLite's known reasons.
func sqliteReason(err error) string {
	var e sqlite3.Error
	if !errors.As(err, &e) {
		return ""
	}
	switch e.Code {
	case sqlite3.ErrCantOpen:
		return "无法打开或创建该文件（所在目录不存在，或没有读写权限）"
	case sqlite3.ErrNotADB:
		return "该文件不是 SQLite 数据库"
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrAuth:
		return "没有写入该文件的权限"
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return "数据库正被其他程序占用，请稍后再试"
	case sqlite3.ErrCorrupt:
		return "数据库文件已损坏"
	case sqlite3.ErrFull:
		return "磁盘已满"
	}
	return ""
}
