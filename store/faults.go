package store

import (
	"errors"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/yanhe/captrack/model"
)

// Storage faults in words. Every write is one transaction, so a fault
// leaves nothing half-written; the messages say so.
const (
	noSpaceText  = "磁盘空间不足，未写入任何数据；请清理磁盘后重试"
	readOnlyText = "数据库是只读的（数据库文件、所在目录或磁盘不允许写入），未写入任何数据"
	busyText     = "数据库正忙（另一个程序正在写入），请稍后重试"
	corruptText  = "数据库文件已损坏，请停止 captrack 并从备份恢复"
)

// Reasons Open gives for a file it cannot use.
const (
	corruptReason  = "数据库文件已损坏，请从备份恢复"
	readOnlyReason = "数据库文件或所在目录不允许写入（只读）"
	cantOpenReason = "无法打开或创建该文件（所在目录不存在，或没有读写权限）"
)

// busyRetry is the Retry-After of a busy database.
const busyRetry = 5 * time.Second

// Fault returns err as the storage fault it is, when it is one that an
// internal error hides (a full disk, a read-only database or folder, a
// database busy past the wait, a corrupt file): ENoSpace, EReadOnly or
// EUnavailable with its message, the original error kept inside. Any
// other error is returned as it is. The API, the UI and the CLI pass
// their errors through it, so that a fault deep in an import, a commit or
// a report's file says what happened.
func Fault(err error) error {
	if err == nil || model.Kind(err) != model.EInternal {
		return err
	}
	kind, msg := faultOf(err)
	if kind == "" {
		return err
	}
	e := &model.Error{Kind: kind, Op: "store", Message: msg, Err: err}
	if msg == busyText {
		e.RetryAfter = busyRetry
	}
	return e
}

// faultOf classifies err: the kind and message of its fault, "" for none.
func faultOf(err error) (kind, msg string) {
	var pgErr *pgconn.PgError
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return model.ENoSpace, noSpaceText
	case errors.Is(err, syscall.EROFS):
		return model.EReadOnly, readOnlyText
	case errors.As(err, &pgErr):
		switch pgErr.Code {
		case "53100": // disk_full
			return model.ENoSpace, noSpaceText
		case "25006": // read_only_sql_transaction
			return model.EReadOnly, readOnlyText
		case "55P03", "40P01": // lock_not_available, deadlock_detected
			return model.EUnavailable, busyText
		}
		return "", ""
	}
	return sqliteFault(err)
}
