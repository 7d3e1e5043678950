package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/model"
)

// statusOf is the one table from error kinds to HTTP statuses.
func statusOf(kind string) int {
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
	}
	return http.StatusInternalServerError
}

// errorBody is every error answer: {"error": "…"}, in Chinese.
type errorBody struct {
	Error string `json:"error"`
}

// abort stops the request with err; renderErrors answers it.
func abort(c *gin.Context, err error) {
	c.Error(err)
	c.Abort()
}

// renderErrors answers a request that a handler aborted with an error:
// the status of its kind and its user message. Internal errors are logged
// with the request, and the user sees only a generic message.
func renderErrors(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if err := unanswered(c, log, "api"); err != nil {
			c.JSON(statusOf(model.Kind(err)), errorBody{Error: model.Message(err)})
		}
	}
}

// unanswered returns the error a handler aborted c with, nil if there is
// none or the answer is already written. An internal error is logged
// with the request, tagged with who ("api", "web").
func unanswered(c *gin.Context, log *slog.Logger, who string) error {
	if len(c.Errors) == 0 || c.Writer.Written() {
		return nil
	}
	err := c.Errors.Last().Err
	if model.Kind(err) == model.EInternal {
		log.Error(who+": internal error", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	return err
}

// recoverPanic answers a handler's panic with a logged internal error.
func recoverPanic(log *slog.Logger) gin.HandlerFunc {
	return gin.CustomRecoveryWithWriter(io.Discard, func(c *gin.Context, rec any) {
		log.Error("api: panic", "method", c.Request.Method, "path", c.Request.URL.Path, "panic", fmt.Sprint(rec))
		c.AbortWithStatusJSON(http.StatusInternalServerError, errorBody{Error: model.Message(errors.New("panic"))})
	})
}

// limitBody caps every request body at max bytes.
func limitBody(max int64) gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.Request.ContentLength > max {
			abort(c, tooLarge(max))
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
		c.Next()
	}
}

func tooLarge(max int64) error {
	return model.Errorf(model.ETooLarge, "api", "上传内容超过 %d MiB 的上限", max>>20)
}

// bodyError turns an error reading a request body into a captrack error.
func bodyError(err error) error {
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

// decode reads the JSON request body into v, refusing unknown fields.
func decode(c *gin.Context, v any) error {
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return bodyError(err)
	}
	return nil
}

// optional is a JSON field whose presence matters: Set is true when the
// field was in the object, even as null (which clears it).
type optional[T any] struct {
	Set   bool
	Value T
}

func (o *optional[T]) UnmarshalJSON(b []byte) error {
	o.Set = true
	if string(b) == "null" {
		var zero T
		o.Value = zero
		return nil
	}
	return json.Unmarshal(b, &o.Value)
}

// ptr returns the value of a present field, nil for an absent one.
func (o optional[T]) ptr() *T {
	if !o.Set {
		return nil
	}
	return &o.Value
}

// items is the envelope of every list answer.
type items[T any] struct {
	Items []T `json:"items"`
}

// idParam returns the positive integer path parameter name.
func idParam(c *gin.Context, name string) (uint, error) {
	id, err := strconv.ParseUint(c.Param(name), 10, 32)
	if err != nil || id == 0 {
		return 0, model.Errorf(model.ENotFound, "api", "编号 %q 无效", c.Param(name))
	}
	return uint(id), nil
}

// idAndBody returns the :id path parameter and decodes the JSON body
// into v: the opening of every handler that changes one thing.
func idAndBody(c *gin.Context, v any) (uint, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return 0, err
	}
	return id, decode(c, v)
}

// queryInt returns the non-negative integer query parameter name, def
// when absent.
func queryInt(c *gin.Context, name string, def int) (int, error) {
	v, ok := c.GetQuery(name)
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, model.Errorf(model.EInvalid, "api", "参数 %s 应为非负整数：%q", name, v)
	}
	return n, nil
}

// queryDate returns the date query parameter name, def when absent.
func queryDate(c *gin.Context, name string, def model.Date) (model.Date, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	return model.ParseDate(v)
}

// queryBool returns the boolean query parameter name (true/false/1/0).
func queryBool(c *gin.Context, name string) (bool, error) {
	v := c.Query(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, model.Errorf(model.EInvalid, "api", "参数 %s 应为 true 或 false：%q", name, v)
	}
	return b, nil
}

// oneOf checks that the query parameter name is empty or one of allowed.
func oneOf(c *gin.Context, name string, allowed ...string) (string, error) {
	v := c.Query(name)
	if v == "" {
		return "", nil
	}
	for _, a := range allowed {
		if v == a {
			return v, nil
		}
	}
	return "", model.Errorf(model.EInvalid, "api", "参数 %s 应为 %s 之一：%q", name, strings.Join(allowed, "、"), v)
}
