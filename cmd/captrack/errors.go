package main

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
	"unicode"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// internalText is what the user sees of an error nobody put in words.
const internalText = "内部错误，操作未完成（设置环境变量 CAPTRACK_DEBUG=1 再运行可看到技术细节）"

// errorText is what the user sees for err, never a Go error's own text:
// a captrack error's message; a message the command wrote itself, with
// the Chinese reason of the system error it wraps in place of that
// error's text; anything else is internalText. (CAPTRACK_DEBUG=1 makes
// main print the whole error as well.)
func errorText(err error) string {
	err = store.Fault(err)
	var e *model.Error
	if errors.As(err, &e) {
		if e.Message != "" {
			return e.Message
		}
		return internalText
	}
	inner := errors.Unwrap(err)
	if inner == nil {
		if chinese(err.Error()) {
			return err.Error()
		}
		return internalText
	}
	return strings.TrimSuffix(err.Error(), inner.Error()) + systemReason(inner)
}

// chinese reports whether s has a Han character: the commands' own
// messages are Chinese, the Go library's English.
func chinese(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// systemReason says in Chinese what a system error means.
func systemReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件或目录不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, syscall.EISDIR):
		return "这是一个目录"
	case errors.Is(err, syscall.ENOSPC):
		return "磁盘空间不足"
	case errors.Is(err, syscall.EROFS):
		return "文件系统是只读的"
	case errors.Is(err, syscall.EADDRINUSE):
		return "该地址已被占用（可能已有一个 captrack 在运行），请换一个 --addr"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return "本机没有这个地址"
	}
	return "系统错误（设置环境变量 CAPTRACK_DEBUG=1 再运行可看到技术细节）"
}
