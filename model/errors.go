package model

import (
	"errors"
	"fmt"
	"time"
)

// Error kinds. The API maps each to one HTTP status in one table.
const (
	EInvalid      = "invalid"      // the input is wrong; the message says how
	ENotFound     = "not_found"    // no such thing
	EConflict     = "conflict"     // a stale version, a duplicate
	EUnauthorized = "unauthorized" // not logged in
	EForbidden    = "forbidden"    // logged in, not allowed
	ETooLarge     = "too_large"    // an upload over the limit
	ETooMany      = "too_many"     // too many attempts; try again after RetryAfter
	EUnavailable  = "unavailable"  // busy; try again after RetryAfter
	ENoSpace      = "no_space"     // the disk is full: nothing was written
	EReadOnly     = "read_only"    // the database or its folder cannot be written
	EInternal     = "internal"     // our fault; logged, never shown in detail
)

// Error is captrack's error: a kind, the operation that failed and a
// message a user can act on (Chinese, since users read Chinese).
type Error struct {
	Kind    string
	Op      string
	Message string
	// Field is the JSON name of the field an EInvalid error is about,
	// when it is about one.
	Field string
	// Code tells apart errors of one kind that callers treat differently
	// (CodeStale, CodeOverPlan); the API shows it as "code".
	Code string
	// RetryAfter is when an ETooMany or EUnavailable request may be
	// tried again.
	RetryAfter time.Duration
	Err        error
}

// Error codes.
const (
	CodeStale    = "stale"     // an edit based on an old version
	CodeOverPlan = "over_plan" // a payment above plan or allocation, unconfirmed
	// CodeRevertConflict: an import batch's records changed later (the
	// error's Err is a *RevertRefused listing the changes).
	CodeRevertConflict = "revert_conflict"
)

// Stale is the conflict of an edit of what based on an old version.
func Stale(op, what string) *Error {
	return &Error{Kind: EConflict, Op: op, Code: CodeStale, Message: what + "已被他人修改，请刷新后重试"}
}

// CodeOf returns err's code, "" when it has none.
func CodeOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// E builds an *Error.
func E(kind, op, msg string) *Error { return &Error{Kind: kind, Op: op, Message: msg} }

// Errorf builds an *Error with a formatted message.
func Errorf(kind, op, format string, args ...any) *Error {
	return &Error{Kind: kind, Op: op, Message: fmt.Sprintf(format, args...)}
}

// Wrap records err as an internal error of op.
func Wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Kind: EInternal, Op: op, Err: err}
}

func (e *Error) Error() string {
	switch {
	case e.Err != nil && e.Message != "":
		return fmt.Sprintf("%s: %s: %v", e.Op, e.Message, e.Err)
	case e.Err != nil:
		return fmt.Sprintf("%s: %v", e.Op, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Kind returns the kind of err, EInternal for foreign errors, "" for nil.
func Kind(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return EInternal
}

// Message returns the text a user may see for err: the message of a
// captrack error, a generic one for anything internal.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Kind != EInternal && e.Message != "" {
		return e.Message
	}
	return "服务器内部错误，请稍后重试或联系管理员"
}

// RetryAfterOf returns how long err asks to wait before trying again, 0
// when it does not.
func RetryAfterOf(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}
