package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// decode reads the JSON request body into v, refusing unknown fields and
// anything after the one JSON value.
func decode(c *gin.Context, v any) error {
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return httpx.BodyError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		var big *http.MaxBytesError
		if errors.As(err, &big) {
			return httpx.BodyError(err)
		}
		return model.E(model.EInvalid, "api.decode", "请求体在 JSON 对象之后还有多余内容")
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

// idAndBody returns the :id path parameter and decodes the JSON body
// into v: the opening of every handler that changes one thing.
func idAndBody(c *gin.Context, v any) (uint, error) {
	id, err := httpx.IDParam(c, "id")
	if err != nil {
		return 0, err
	}
	return id, decode(c, v)
}
