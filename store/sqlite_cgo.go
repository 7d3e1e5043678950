//go:build cgo

package store

import (
	"errors"
	"syscall"

	"github.com/mattn/go-sqlite3"
	"github.com/yanhe/captrack/model"
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
		return cantOpenReason
	case sqlite3.ErrNotADB:
		return "该文件不是 SQLite 数据库"
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrAuth:
		return readOnlyReason
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return "数据库正被其他程序占用，请稍后再试"
	case sqlite3.ErrCorrupt:
		return corruptReason
	case sqlite3.ErrFull:
		return "磁盘空间不足"
	}
	return ""
}

// sqliteFault classifies a SQLite error met while running (see Fault).
func sqliteFault(err error) (kind, msg string) {
	var e sqlite3.Error
	if !errors.As(err, &e) {
		return "", ""
	}
	switch {
	case e.SystemErrno == syscall.ENOSPC:
		return model.ENoSpace, noSpaceText
	case e.SystemErrno == syscall.EROFS:
		return model.EReadOnly, readOnlyText
	}
	switch e.Code {
	case sqlite3.ErrFull:
		return model.ENoSpace, noSpaceText
	case sqlite3.ErrReadonly:
		return model.EReadOnly, readOnlyText
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return model.EUnavailable, busyText
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return model.EUnavailable, corruptText
	}
	return "", ""
}
