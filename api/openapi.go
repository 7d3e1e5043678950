package api

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3gen"
	"github.com/gin-gonic/gin"
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// The OpenAPI document is generated from the endpoint table (routes.go)
// and the Go types it names: openapi3gen reflects each request and answer
// type's JSON fields. In those types, the struct tag doc:"…" is a field's
// description and required:"true" marks a request field that must be
// given; enums below lists the fields whose values come from a Go list,
// and leaf types and shapes describe the types that write their own
// JSON. A type that writes its own JSON and is in neither makes the
// generation fail (and TestOpenAPIDocument with it), so that the document
// never guesses.

// pathParam matches a gin path parameter.
var pathParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// openAPIPath turns a gin path into an OpenAPI path: /a/:id → /a/{id}.
func openAPIPath(ginPath string) string {
	return pathParam.ReplaceAllString(ginPath, "{$1}")
}

// handleOpenAPI serves the OpenAPI 3 document of the endpoints list
// returns, built on first use.
func handleOpenAPI(list func() []endpoint) httpx.HandlerFunc {
	doc := sync.OnceValues(func() ([]byte, error) {
		d, err := openAPIDocument(list())
		if err != nil {
			return nil, err
		}
		return json.MarshalIndent(d, "", "  ")
	})
	return func(c *gin.Context) error {
		b, err := doc()
		if err != nil {
			return model.Wrap("api.openapi", err)
		}
		c.Data(http.StatusOK, "application/json; charset=utf-8", b)
		return nil
	}
}

// shapes are the types that write their JSON through another type: the
// document describes that one.
var shapes = map[reflect.Type]reflect.Type{
	reflect.TypeFor[model.ProjectView](): reflect.TypeFor[model.ProjectJSON](),
	reflect.TypeFor[model.Pace]():        reflect.TypeFor[model.PaceJSON](),
}

// enumField names a field of a Go struct type.
type enumField struct {
	t     reflect.Type
	field string
}

var (
	precisions = []string{string(model.PrecisionDay), string(model.PrecisionMonth), string(model.PrecisionYear)}
	severities = []string{alerts.Yellow, alerts.Orange, alerts.Red}
)

// enums are the fields whose values are one of a list.
var enums = map[enumField][]string{
	{reflect.TypeFor[userJSON](), "Role"}:                     {model.RoleAdmin, model.RoleSupervisor, model.RoleManager, model.RoleFinance},
	{reflect.TypeFor[milestoneJSON](), "Kind"}:                {model.MilestoneStart, model.MilestoneFinish, model.MilestoneStage},
	{reflect.TypeFor[milestonePatch](), "SlipReason"}:         append([]string{""}, model.SlipReasons...),
	{reflect.TypeFor[alerts.Alert](), "Severity"}:             severities,
	{reflect.TypeFor[alerts.Alert](), "Kind"}:                 {alerts.KindOverdue, alerts.KindForecast, alerts.KindStale},
	{reflect.TypeFor[model.PaceJSON](), "Lamp"}:               model.PaceLampNames,
	{reflect.TypeFor[model.SpendJSON](), "Lamp"}:              {model.LampGreen, model.LampYellow, model.LampRed, model.LampNone},
	{reflect.TypeFor[model.SupervisionView](), "Status"}:      model.SupervisionStatuses,
	{reflect.TypeFor[planDateRequest](), "BaselinePrecision"}: append([]string{""}, precisions...),
}

// direction tells a request's schemas from an answer's: a request takes
// an amount as a number or a string and refuses unknown fields.
type direction int

const (
	request direction = iota
	answer
)

// schemaGen generates the schemas of one direction.
type schemaGen struct{ dir direction }

// schema describes Go type t.
func (g schemaGen) schema(t reflect.Type) (*openapi3.Schema, error) {
	ref, err := openapi3gen.NewSchemaRefForValue(reflect.Zero(t).Interface(), nil, openapi3gen.SchemaCustomizer(g.customize))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", t, err)
	}
	return ref.Value, nil
}

var (
	timeType        = reflect.TypeFor[time.Time]()
	dateType        = reflect.TypeFor[model.Date]()
	precisionType   = reflect.TypeFor[model.Precision]()
	numberType      = reflect.TypeFor[json.Number]()
	decimalType     = reflect.TypeFor[decimal.Decimal]()
	nullDecimalType = reflect.TypeFor[decimal.NullDecimal]()
	marshalerType   = reflect.TypeFor[json.Marshaler]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
)

func types(names ...string) *openapi3.Types { t := openapi3.Types(names); return &t }

// number is how an exact decimal is written: an answer writes a JSON
// number; a request may give a number or a string.
func (g schemaGen) number() openapi3.Schema {
	if g.dir == answer {
		return openapi3.Schema{Type: types("number")}
	}
	return openapi3.Schema{OneOf: openapi3.SchemaRefs{
		{Value: &openapi3.Schema{Type: types("number")}},
		{Value: &openapi3.Schema{Type: types("string"), Pattern: `^-?[0-9]+(\.[0-9]+)?$`}},
	}}
}

// customize completes the schema openapi3gen made of a value of type t
// (a field with tag, or the root): the types that write their own JSON,
// descriptions, required fields, enums, and closed request objects.
func (g schemaGen) customize(_ string, t reflect.Type, tag reflect.StructTag, s *openapi3.Schema) error {
	nullable := s.Nullable
	switch {
	case t == timeType:
	case t == dateType:
		*s = openapi3.Schema{Type: types("string"), Format: "date"}
		nullable = true
	case t == precisionType:
		*s = openapi3.Schema{Type: types("string"), Enum: anys(precisions)}
	case t == numberType:
		*s = g.number()
	case t == decimalType || t == nullDecimalType:
		*s = g.number()
		if g.dir == answer {
			*s = openapi3.Schema{Type: types("string"), Format: "decimal"}
		}
		nullable = nullable || t == nullDecimalType
	case strings.HasPrefix(t.Name(), "optional["):
		v, err := g.schema(t.Field(1).Type)
		if err != nil {
			return err
		}
		*s = *v
		nullable = true
	case shapes[t] != nil:
		v, err := g.schema(shapes[t])
		if err != nil {
			return err
		}
		*s = *v
	case t.Implements(marshalerType) || reflect.PointerTo(t).Implements(unmarshalerType) || reflect.PointerTo(t).Implements(marshalerType):
		return fmt.Errorf("%s writes or reads its own JSON: describe it in api/openapi.go (shapes or customize)", t)
	case t.Kind() == reflect.Struct:
		if err := g.object(t, s); err != nil {
			return err
		}
	}
	s.Nullable = nullable
	if d := tag.Get("doc"); d != "" {
		s.Description = d
	}
	return nil
}

func anys(vs []string) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// object adds to struct t's schema its required fields and enums; a
// request's object refuses fields it does not know (the API decodes
// with DisallowUnknownFields).
func (g schemaGen) object(t reflect.Type, s *openapi3.Schema) error {
	for _, f := range jsonFields(t) {
		prop := s.Properties[f.name]
		if prop == nil || prop.Value == nil {
			continue
		}
		if f.field.Tag.Get("required") == "true" {
			s.Required = append(s.Required, f.name)
		}
		if vs, ok := enums[enumField{f.owner, f.field.Name}]; ok {
			prop.Value.Enum = anys(vs)
		}
	}
	if g.dir == request && s.Properties != nil {
		no := false
		s.AdditionalProperties = openapi3.AdditionalProperties{Has: &no}
	}
	return nil
}

// jsonField is a field encoding/json writes: its JSON name, the field,
// and the struct type that declares it.
type jsonField struct {
	name  string
	field reflect.StructField
	owner reflect.Type
}

// jsonFields lists t's JSON fields, those of untagged embedded structs
// included.
func jsonFields(t reflect.Type) []jsonField {
	var out []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if r, _ := utf8.DecodeRuneInString(f.Name); !unicode.IsUpper(r) {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{name, f, t})
	}
	return out
}

// componentName names the schema of Go type t: an API type by its name
// without "JSON" (paymentJSON → Payment, items[paymentJSON] →
// PaymentList), another package's type qualified (alerts.Page).
func componentName(t reflect.Type) string {
	if strings.HasPrefix(t.Name(), "items[") {
		return componentName(t.Field(0).Type.Elem()) + "List"
	}
	name := strings.TrimSuffix(t.Name(), "JSON")
	r, n := utf8.DecodeRuneInString(name)
	name = string(unicode.ToUpper(r)) + name[n:]
	if pkg := path.Base(t.PkgPath()); pkg != "api" {
		name = pkg + "." + name
	}
	return name
}

// components collects the named schemas of the document's requests and
// answers.
type components struct {
	schemas openapi3.Schemas
	owner   map[string]reflect.Type
}

// ref is a reference to the schema of v's type in direction dir, which
// it adds on first use.
func (cs *components) ref(v any, dir direction) (*openapi3.SchemaRef, error) {
	t := reflect.TypeOf(v)
	name := componentName(t)
	if dir == request && !strings.HasSuffix(name, "Request") {
		name += "Request"
	}
	switch owner, ok := cs.owner[name]; {
	case !ok:
		s, err := schemaGen{dir}.schema(t)
		if err != nil {
			return nil, err
		}
		cs.schemas[name] = openapi3.NewSchemaRef("", s)
		cs.owner[name] = t
	case owner != t:
		return nil, fmt.Errorf("schema name %s stands for both %s and %s", name, owner, t)
	}
	return openapi3.NewSchemaRef("#/components/schemas/"+name, nil), nil
}

// openAPIDocument describes eps as an OpenAPI 3 document.
func openAPIDocument(eps []endpoint) (*openapi3.T, error) {
	cs := &components{schemas: openapi3.Schemas{}, owner: map[string]reflect.Type{}}
	paths := openapi3.NewPaths()
	for _, ep := range eps {
		op, err := operation(cs, ep)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", ep.method, ep.path, err)
		}
		p := openAPIPath(ep.path)
		item := paths.Value(p)
		if item == nil {
			item = &openapi3.PathItem{}
			paths.Set(p, item)
		}
		item.SetOperation(ep.method, op)
	}
	return &openapi3.T{
		OpenAPI: "3.0.3",
		Info: &openapi3.Info{
			Title:   "captrack API",
			Version: "1",
			Description: "县级重点项目进度跟踪系统的 REST API。除登录和本文档外，每个请求都须携带 Authorization: Bearer <令牌>（POST /login 获取）。" +
				"错误一律为 {\"error\": \"…\"}，输入有误时 field 指出字段，code 区分需要分别处理的错误（stale：版本已过期；over_plan：超计划拨付未确认）。" +
				"日期为 YYYY-MM-DD，金额单位万元（精确十进制；请求中也可用 amount_yuan 给出元）。",
		},
		Servers:  openapi3.Servers{{URL: "/api/v1"}},
		Security: openapi3.SecurityRequirements{{"bearer": {}}},
		Paths:    paths,
		Components: &openapi3.Components{
			Schemas:         cs.schemas,
			SecuritySchemes: openapi3.SecuritySchemes{"bearer": {Value: openapi3.NewJWTSecurityScheme().WithBearerFormat("")}},
		},
	}, nil
}

// operation describes one endpoint.
func operation(cs *components, ep endpoint) (*openapi3.Operation, error) {
	op := &openapi3.Operation{
		Summary:     ep.summary,
		OperationID: strings.ToLower(ep.method) + strings.NewReplacer("/", "_", ":", "", ".", "_").Replace(ep.path),
		Responses:   openapi3.NewResponses(),
	}
	op.Responses.Delete("default")
	if ep.public {
		op.Security = &openapi3.SecurityRequirements{}
	}
	for _, m := range pathParam.FindAllStringSubmatch(ep.path, -1) {
		typ := "string"
		if m[1] == "id" {
			typ = "integer"
		}
		op.AddParameter(openapi3.NewPathParameter(m[1]).WithSchema(&openapi3.Schema{Type: types(typ)}))
	}
	for _, q := range ep.query {
		schema := &openapi3.Schema{Type: types(q.typ)}
		if q.typ == "date" {
			schema = openapi3.NewDateTimeSchema()
			schema.Format = "date"
		}
		op.AddParameter(openapi3.NewQueryParameter(q.name).WithDescription(q.description).WithSchema(schema))
	}
	switch b := ep.body.(type) {
	case nil:
	case upload:
		file := &openapi3.Schema{Type: types("string"), Format: "binary", Description: b.file}
		if b.many {
			file = &openapi3.Schema{Type: types("array"), Items: openapi3.NewSchemaRef("", file), Description: b.file}
		}
		form := openapi3.NewObjectSchema().WithPropertyRef("file", openapi3.NewSchemaRef("", file))
		form.Required = []string{"file"}
		for _, f := range b.fields {
			form.WithProperty(f.name, &openapi3.Schema{Type: types(f.typ), Description: f.description})
		}
		op.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithRequired(true).
			WithContent(openapi3.Content{"multipart/form-data": openapi3.NewMediaType().WithSchema(form)})}
	default:
		ref, err := cs.ref(b, request)
		if err != nil {
			return nil, err
		}
		op.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithRequired(true).
			WithContent(openapi3.NewContentWithJSONSchemaRef(ref))}
	}
	ok := openapi3.NewResponse().WithDescription(http.StatusText(ep.status))
	switch r := ep.response.(type) {
	case nil:
	case download:
		content := openapi3.Content{}
		for _, t := range r.types {
			file := &openapi3.Schema{Type: types("string"), Format: "binary"}
			if t == "application/json" {
				file = openapi3.NewObjectSchema()
			}
			content[t] = openapi3.NewMediaType().WithSchema(file)
		}
		ok.WithContent(content)
	default:
		ref, err := cs.ref(r, answer)
		if err != nil {
			return nil, err
		}
		ok.WithContent(openapi3.NewContentWithJSONSchemaRef(ref))
	}
	op.AddResponse(ep.status, ok)
	errRef, err := cs.ref(httpx.ErrorBody{}, answer)
	if err != nil {
		return nil, err
	}
	fails := map[int]fail{}
	add := func(f fail) {
		if prev, ok := fails[f.status]; ok && f.answer == nil {
			f.why, f.answer = prev.why+"；"+f.why, prev.answer
		}
		fails[f.status] = f
	}
	if !ep.public {
		add(fail{http.StatusUnauthorized, "未登录，或令牌已过期、已注销", nil})
	}
	if ep.roles != nil {
		add(fail{http.StatusForbidden, "角色或单位无权执行", nil})
	}
	if strings.Contains(ep.path, ":") {
		add(fail{http.StatusNotFound, "路径所指的记录不存在", nil})
	}
	if ep.body != nil || ep.query != nil {
		add(fail{http.StatusUnprocessableEntity, "输入有误（error 说明，field 指出字段）", nil})
	}
	if ep.body != nil {
		add(fail{http.StatusRequestEntityTooLarge, "请求体超过上限", nil})
	}
	for _, f := range ep.fails {
		if f.status == http.StatusUnprocessableEntity && f.answer != nil {
			delete(fails, f.status)
		}
		add(f)
	}
	for _, status := range slices.Sorted(maps.Keys(fails)) {
		f := fails[status]
		ref := errRef
		if f.answer != nil {
			if ref, err = cs.ref(f.answer, answer); err != nil {
				return nil, err
			}
		}
		op.AddResponse(status, openapi3.NewResponse().WithDescription(f.why).WithContent(openapi3.NewContentWithJSONSchemaRef(ref)))
	}
	return op, nil
}
