// Package httpx is what the JSON API (package api) and the browser UI
// (package ui) share of HTTP: the one table from error kinds to statuses,
// the adapter that lets a handler return its error, the request's user
// and audit actor, the role and unit guards, and the readers of path and
// query parameters. It serves no route of its own.
package httpx

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/model"
)

// StatusOf is the one table from error kinds to HTTP statuses.
func StatusOf(kind string) int {
	switch kind {
	case model.EInvalid:
		return http.StatusUnprocessableEntity
	case model.ENotFound:
		return http.StatusNotFound
	case model.EConflict:
		return http.StatusConflict
	case model.EUnauthorized:
		return http.StatusUnauthorized
	case model.EForbidden:
		return http.StatusForbidden
	case model.ETooLarge:
		return http.StatusRequestEntityTooLarge
	case model.ETooMany:
		return http.StatusTooManyRequests
	case model.EUnavailable, model.EReadOnly:
		return http.StatusServiceUnavailable
	case model.ENoSpace:
		return http.StatusInsufficientStorage
	}
	return http.StatusInternalServerError
}

// ErrorBody is every JSON error answer: {"error": "…"}, in Chinese, with
// "code" for the errors callers tell apart (model.CodeOverPlan, …).
type ErrorBody struct {
	Error string `json:"error" required:"true" doc:"中文错误说明"`
	Field string `json:"field,omitempty" doc:"出错的字段（输入无效时）"` // the invalid field, when one is
	Code  string `json:"code,omitempty" doc:"stale：版本已过期；over_plan：超计划拨付未确认"`
}

// HandlerFunc is how captrack writes a handler: it answers the request,
// or returns the error that the route's error renderer answers (JSON for
// the API, the error page for the UI).
type HandlerFunc func(c *gin.Context) error

// Handle turns h into a gin handler: an error h returns aborts the
// request with it. A middleware written this way calls c.Next() and
// returns nil, or returns an error to stop the chain.
func Handle(h HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			abort(c, err)
		}
	}
}

// abort stops the request with err; the error renderer answers it.
func abort(c *gin.Context, err error) {
	c.Error(err)
	c.Abort()
}

// Errors answers a request that a handler or middleware aborted with an
// error, unless an answer is already written: render writes the status
// of the error's kind and its user message. Internal errors are logged
// with the request, tagged with who ("api", "ui"); the user sees only a
// generic message. opts.Fault first names the storage fault (a full
// disk, …) an internal error hides; those are logged too.
func Errors(opts Options, who string, render func(c *gin.Context, status int, err error)) gin.HandlerFunc {
	opts = opts.WithDefaults()
	return func(c *gin.Context) {
		c.Next()
		if len(c.Errors) == 0 || c.Writer.Written() {
			return
		}
		err := opts.Fault(c.Errors.Last().Err)
		switch kind := model.Kind(err); kind {
		case model.EInternal, model.ENoSpace, model.EReadOnly:
			opts.Logger.Error(who+": "+kind+" error", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
		}
		SetRetryAfter(c, err)
		render(c, StatusOf(model.Kind(err)), err)
	}
}

// JSONErrors answers errors as {"error": "…"}.
func JSONErrors(opts Options) gin.HandlerFunc {
	return Errors(opts, "api", func(c *gin.Context, status int, err error) {
		c.JSON(status, ErrorBody{Error: model.Message(err), Field: model.FieldOf(err), Code: model.CodeOf(err)})
	})
}

// recoverPanic answers a handler's panic with a logged internal error.
func recoverPanic(log *slog.Logger) gin.HandlerFunc {
	return gin.CustomRecoveryWithWriter(io.Discard, func(c *gin.Context, rec any) {
		log.Error("api: panic", "method", c.Request.Method, "path", c.Request.URL.Path, "panic", fmt.Sprint(rec))
		c.AbortWithStatusJSON(http.StatusInternalServerError, ErrorBody{Error: model.Message(errors.New("panic"))})
	})
}

// rawBodyKey is where limitBody keeps the request's unlimited body, for
// AllowUpload to limit afresh.
const rawBodyKey = "captrack.body"

// limitBody caps every request body at body bytes before anything reads
// it (authentication included). It refuses at once a body declared
// larger than that, or, for a multipart upload, larger than upload, the
// most an upload route (AllowUpload) takes.
func limitBody(body, upload int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		limit := body
		if strings.HasPrefix(c.ContentType(), "multipart/") {
			limit = upload
		}
		if c.Request.ContentLength > limit {
			abort(c, tooLarge(limit))
			return
		}
		c.Set(rawBodyKey, c.Request.Body)
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, body)
		c.Next()
	}
}

// AllowUpload lets an upload route, once its user is authenticated and
// authorised, read a body of up to max bytes instead of the JSON and form
// limit.
func AllowUpload(max int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > max {
			abort(c, tooLarge(max))
			return
		}
		if raw, ok := c.Get(rawBodyKey); ok {
			c.Request.Body = http.MaxBytesReader(c.Writer, raw.(io.ReadCloser), max)
		}
		c.Next()
	}
}

func tooLarge(max int64) error {
	if max < 1<<20 {
		return model.Errorf(model.ETooLarge, "api", "请求内容超过 %d KiB 的上限", max>>10)
	}
	return model.Errorf(model.ETooLarge, "api", "请求内容超过 %d MiB 的上限", max>>20)
}

// BodyError turns an error reading a request body into a captrack error.
func BodyError(err error) error {
	var (
		big     *http.MaxBytesError
		e       *model.Error
		syntax  *json.SyntaxError
		typeErr *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &big):
		return tooLarge(big.Limit)
	case errors.As(err, &e):
		return err
	case errors.Is(err, io.EOF):
		return model.E(model.EInvalid, "api.decode", "请求体为空，应为 JSON 对象")
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return model.E(model.EInvalid, "api.decode", "请求体不是有效的 JSON")
	case errors.As(err, &typeErr):
		return model.Errorf(model.EInvalid, "api.decode", "字段 %s 的类型不正确", typeErr.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return model.Errorf(model.EInvalid, "api.decode", "未知字段 %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return model.Errorf(model.EInvalid, "api.decode", "无法读取请求：%v", err)
}

// FormTooLarge reads a url-encoded form body and returns the ETooLarge
// error of one over the body limit, nil otherwise. A body whose length
// is declared is refused before (NewEngine); one sent in chunks is found
// too large only as it is read, and gin's form readers drop that error,
// so that the form would seem empty (and its CSRF token wrong).
func FormTooLarge(c *gin.Context) error {
	if c.ContentType() != "application/x-www-form-urlencoded" {
		return nil
	}
	var big *http.MaxBytesError
	if err := c.Request.ParseForm(); errors.As(err, &big) {
		return tooLarge(big.Limit)
	}
	return nil
}

// UploadError explains a multipart body that could not be read.
func UploadError(err error) error {
	if e := BodyError(err); model.Kind(e) == model.ETooLarge {
		return e
	}
	return model.E(model.EInvalid, "api.import", "请以 multipart/form-data 上传工作簿（表单字段 file）")
}

// SetRetryAfter sets the Retry-After header (whole seconds, at least 1)
// of an answer to an error that asks to wait.
func SetRetryAfter(c *gin.Context, err error) {
	if d := model.RetryAfterOf(err); d > 0 {
		c.Header("Retry-After", strconv.Itoa(int((d+time.Second-1)/time.Second)))
	}
}
