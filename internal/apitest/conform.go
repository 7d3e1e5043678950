package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// Conforming serves Handler and checks every exchange against the API's
// own OpenAPI document: the answer's status is documented for the
// operation, a JSON answer matches the status's schema, and a JSON
// request that succeeded matches the request schema. Every test through
// the fixture so checks that the document tells the truth.
type Conforming struct {
	Errorf  func(format string, args ...any) // t.Errorf
	Handler http.Handler
	Doc     *Doc
}

// Doc is the API's loaded OpenAPI document with its paths as patterns.
type Doc struct {
	Spec  *openapi3.T // the document itself
	paths []docPath
}

type docPath struct {
	re   *regexp.Regexp
	item *openapi3.PathItem
}

var (
	loadDocOnce sync.Once
	loadedDoc   *Doc
	loadDocErr  error
)

// LoadDoc fetches /api/v1/openapi.json from h and validates it (once:
// the document is the same for every server).
func LoadDoc(h http.Handler) (*Doc, error) {
	loadDocOnce.Do(func() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
		if w.Code != http.StatusOK {
			loadDocErr = fmt.Errorf("GET /api/v1/openapi.json = %d", w.Code)
			return
		}
		doc, err := openapi3.NewLoader().LoadFromData(w.Body.Bytes())
		if err != nil {
			loadDocErr = err
			return
		}
		if err := doc.Validate(context.Background()); err != nil {
			loadDocErr = fmt.Errorf("the document does not validate: %w", err)
			return
		}
		d := &Doc{Spec: doc}
		for p, item := range doc.Paths.Map() {
			re := "^/api/v1" + regexp.MustCompile(`\\\{[a-z_]+\\\}`).ReplaceAllString(regexp.QuoteMeta(p), `[^/]+`) + "$"
			d.paths = append(d.paths, docPath{regexp.MustCompile(re), item})
		}
		loadedDoc = d
	})
	return loadedDoc, loadDocErr
}

// operation is the documented operation of method and path, nil when
// there is none. A literal path wins over a templated one.
func (d *Doc) operation(method, path string) *openapi3.Operation {
	var found *openapi3.Operation
	for _, p := range d.paths {
		if op := p.item.GetOperation(method); op != nil && p.re.MatchString(path) {
			if !strings.Contains(p.re.String(), "[^/]+") {
				return op
			}
			found = op
		}
	}
	return found
}

// Conform is h checked against its OpenAPI document, every mismatch an
// error of t.
func Conform(t *testing.T, h http.Handler) http.Handler {
	t.Helper()
	d, err := LoadDoc(h)
	if err != nil {
		t.Fatal(err)
	}
	return Conforming{t.Errorf, h, d}
}

func (c Conforming) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		body, _ = io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	rec := httptest.NewRecorder()
	c.Handler.ServeHTTP(rec, r)
	c.check(r, body, rec)
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

func (c Conforming) check(r *http.Request, body []byte, rec *httptest.ResponseRecorder) {
	if !strings.HasPrefix(r.URL.Path, "/api/v1/") || rec.Code >= 500 {
		return
	}
	op := c.Doc.operation(r.Method, r.URL.Path)
	what := r.Method + " " + r.URL.Path
	if op == nil {
		if rec.Code != http.StatusNotFound && rec.Code != http.StatusMethodNotAllowed {
			c.Errorf("%s answered %d but is not in the OpenAPI document", what, rec.Code)
		}
		return
	}
	resp := op.Responses.Status(rec.Code)
	if resp == nil || resp.Value == nil {
		c.Errorf("%s answered %d, which the OpenAPI document does not list (%s)", what, rec.Code, rec.Body.String())
		return
	}
	if ct, _, _ := mime.ParseMediaType(rec.Header().Get("Content-Type")); ct == "application/json" && rec.Code != http.StatusNoContent {
		if err := c.matches(resp.Value.Content, rec.Body.Bytes()); err != nil {
			c.Errorf("%s answered %d with a body its schema refuses: %v\n%.500s", what, rec.Code, err, rec.Body.String())
		}
	}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/json" && rec.Code < 300 && op.RequestBody != nil {
		if err := c.matches(op.RequestBody.Value.Content, body); err != nil {
			c.Errorf("%s took a body its request schema refuses: %v\n%s", what, err, body)
		}
	}
}

// matches checks a JSON body against content's JSON schema.
func (c Conforming) matches(content openapi3.Content, body []byte) error {
	mt := content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return fmt.Errorf("no JSON schema documented")
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return err
	}
	err := mt.Schema.Value.VisitJSON(v, openapi3.MultiErrors())
	if err != nil && len(err.Error()) > 2000 {
		err = fmt.Errorf("%.2000s…", err)
	}
	return err
}

// Documented reports whether the document lists status for method and
// path (an OpenAPI path).
func (d *Doc) Documented(method, path string, status int) bool {
	item := d.Spec.Paths.Value(path)
	if item == nil || item.GetOperation(method) == nil {
		return false
	}
	return item.GetOperation(method).Responses.Value(strconv.Itoa(status)) != nil
}
