package httpx

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
)

// Paging of the project list.
const (
	defaultPageSize = 50
	maxPageSize     = 500
)

// IDParam returns the positive integer path parameter name.
func IDParam(c *gin.Context, name string) (uint, error) {
	id, err := strconv.ParseUint(c.Param(name), 10, 32)
	if err != nil || id == 0 {
		return 0, model.Errorf(model.ENotFound, "api", "编号 %q 无效", c.Param(name))
	}
	return uint(id), nil
}

// QueryInt returns the non-negative integer query parameter name, def
// when absent.
func QueryInt(c *gin.Context, name string, def int) (int, error) {
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

// QueryDate returns the date query parameter name, def when absent.
func QueryDate(c *gin.Context, name string, def model.Date) (model.Date, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	return model.ParseDate(v)
}

// QueryBool returns the boolean query parameter name (true/false/1/0).
func QueryBool(c *gin.Context, name string) (bool, error) {
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

// OneOf checks that the query parameter name is empty or one of allowed.
func OneOf(c *gin.Context, name string, allowed ...string) (string, error) {
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

// Page reads page (from 1) and page_size (default 50, at most 500) as a
// limit and an offset.
func Page(c *gin.Context) (limit, offset int, err error) {
	page, err := QueryInt(c, "page", 1)
	if err != nil {
		return 0, 0, err
	}
	size, err := QueryInt(c, "page_size", defaultPageSize)
	if err != nil {
		return 0, 0, err
	}
	if page < 1 || size < 1 || size > maxPageSize {
		return 0, 0, model.Errorf(model.EInvalid, "api", "page 应从 1 开始，page_size 应在 1 到 %d 之间", maxPageSize)
	}
	return size, (page - 1) * size, nil
}

// ProjectFilter reads the filters and paging of a project list.
func ProjectFilter(c *gin.Context) (model.ProjectFilter, error) {
	f := model.ProjectFilter{Category: c.Query("category"), Unit: c.Query("unit"), Township: c.Query("township"), Q: c.Query("q")}
	var err error
	if f.Annex, err = QueryInt(c, "annex", 0); err != nil {
		return f, err
	}
	if _, byPage := c.GetQuery("page"); byPage || c.Query("limit") == "" {
		f.Limit, f.Offset, err = Page(c)
		return f, err
	}
	if f.Limit, err = QueryInt(c, "limit", defaultPageSize); err != nil {
		return f, err
	}
	if f.Offset, err = QueryInt(c, "offset", 0); err != nil {
		return f, err
	}
	if f.Limit < 1 || f.Limit > maxPageSize {
		return f, model.Errorf(model.EInvalid, "api", "limit 应在 1 到 %d 之间", maxPageSize)
	}
	return f, nil
}

// AlertQuery reads an alert list's as_of (default today), filters
// (severity, kind, unit, township, category) and paging (page from 1,
// page_size default 50, at most 500).
func AlertQuery(c *gin.Context, today model.Date) (alerts.Query, error) {
	q := alerts.Query{Unit: c.Query("unit"), Township: c.Query("township"), Category: c.Query("category")}
	var err error
	if q.AsOf, err = QueryDate(c, "as_of", today); err != nil {
		return q, err
	}
	if q.Severity, err = OneOf(c, "severity", alerts.Yellow, alerts.Orange, alerts.Red); err != nil {
		return q, err
	}
	if q.Kind, err = OneOf(c, "kind", alerts.KindOverdue, alerts.KindForecast, alerts.KindStale); err != nil {
		return q, err
	}
	if q.Page, err = QueryInt(c, "page", 1); err != nil {
		return q, err
	}
	if q.PageSize, err = QueryInt(c, "page_size", alerts.DefaultPageSize); err != nil {
		return q, err
	}
	return q, q.Validate()
}

// UploadedFile reads the one file of multipart field (its name and
// bytes), refusing a missing file and one over max bytes.
func UploadedFile(c *gin.Context, field string, max int64) (string, []byte, error) {
	const op = "httpx.UploadedFile"
	h, err := c.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) {
		return "", nil, model.Errorf(model.EInvalid, op, "请上传文件（表单字段 %s）", field)
	}
	if err != nil {
		return "", nil, UploadError(err)
	}
	if h.Size > max {
		return "", nil, model.Errorf(model.ETooLarge, op, "文件 %s 超过 %d KiB 的上限", h.Filename, max>>10)
	}
	f, err := h.Open()
	if err != nil {
		return "", nil, model.Wrap(op, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return "", nil, model.Wrap(op, err)
	}
	if int64(len(b)) > max {
		return "", nil, model.Errorf(model.ETooLarge, op, "文件 %s 超过 %d KiB 的上限", h.Filename, max>>10)
	}
	return h.Filename, b, nil
}
