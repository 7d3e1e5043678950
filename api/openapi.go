package api

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// schemaFiles hold the OpenAPI component schemas, one JSON object of
// named schemas per file, merged; each feature may add its own file.
//
//go:embed openapi/*.json
var schemaFiles embed.FS

// pathParam matches a gin path parameter.
var pathParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// openAPIPath turns a gin path into an OpenAPI path: /a/:id → /a/{id}.
func openAPIPath(ginPath string) string {
	return pathParam.ReplaceAllString(ginPath, "{$1}")
}

// handleOpenAPI serves the OpenAPI 3 document of the endpoints list
// returns, built on first use.
func handleOpenAPI(list func() []endpoint) httpx.HandlerFunc {
	doc := sync.OnceValues(func() ([]byte, error) { return openAPIDocument(list()) })
	return func(c *gin.Context) error {
		b, err := doc()
		if err != nil {
			return err
		}
		c.Data(http.StatusOK, "application/json; charset=utf-8", b)
		return nil
	}
}

type object = map[string]any

func ref(schema string) object { return object{"$ref": "#/components/schemas/" + schema} }

func jsonContent(schema string) object {
	return object{"application/json": object{"schema": ref(schema)}}
}

// openAPIDocument describes eps as an OpenAPI 3 document.
func openAPIDocument(eps []endpoint) ([]byte, error) {
	const op = "api.openAPIDocument"
	schemas := object{}
	files, err := fs.Glob(schemaFiles, "openapi/*.json")
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	for _, name := range files {
		b, err := schemaFiles.ReadFile(name)
		if err != nil {
			return nil, model.Wrap(op, err)
		}
		var part object
		if err := json.Unmarshal(b, &part); err != nil {
			return nil, model.Wrap(op, err)
		}
		for k, v := range part {
			schemas[k] = v
		}
	}
	paths := object{}
	for _, ep := range eps {
		p := openAPIPath(ep.path)
		item, _ := paths[p].(object)
		if item == nil {
			item = object{}
			paths[p] = item
		}
		item[strings.ToLower(ep.method)] = operation(ep)
	}
	return json.MarshalIndent(object{
		"openapi": "3.0.3",
		"info": object{
			"title":       "captrack API",
			"version":     "1",
			"description": "县级重点项目进度跟踪系统的 REST API。除登录和本文档外，每个请求都须携带 Authorization: Bearer <令牌>（POST /login 获取）。错误一律为 {\"error\": \"…\"}。",
		},
		"servers":    []object{{"url": "/api/v1"}},
		"security":   []object{{"bearer": []string{}}},
		"paths":      paths,
		"components": object{"schemas": schemas, "securitySchemes": object{"bearer": object{"type": "http", "scheme": "bearer"}}},
	}, "", "  ")
}

// operation describes one endpoint.
func operation(ep endpoint) object {
	op := object{"summary": ep.summary, "operationId": strings.ToLower(ep.method) + strings.NewReplacer("/", "_", ":", "", ".", "_").Replace(ep.path)}
	if ep.public {
		op["security"] = []object{}
	}
	var params []object
	for _, m := range pathParam.FindAllStringSubmatch(ep.path, -1) {
		typ := "string"
		if m[1] == "id" {
			typ = "integer"
		}
		params = append(params, object{"name": m[1], "in": "path", "required": true, "schema": object{"type": typ}})
	}
	for _, q := range ep.query {
		schema := object{"type": q.typ}
		if q.typ == "date" {
			schema = object{"type": "string", "format": "date"}
		}
		params = append(params, object{"name": q.name, "in": "query", "description": q.description, "schema": schema})
	}
	if params != nil {
		op["parameters"] = params
	}
	switch ep.body {
	case "":
	case "upload":
		op["requestBody"] = object{"required": true, "content": object{"multipart/form-data": object{"schema": object{
			"type": "object", "required": []string{"file"},
			"properties": object{"file": object{"type": "array", "items": object{"type": "string", "format": "binary"}, "description": "一个或多个 .xlsx 工作簿"}},
		}}}}
	default:
		op["requestBody"] = object{"required": true, "content": jsonContent(ep.body)}
	}
	ok := object{"description": http.StatusText(ep.status)}
	if ep.response != "" {
		ok["content"] = jsonContent(ep.response)
	}
	responses := object{strconv.Itoa(ep.status): ok}
	fail := func(status int, why string) {
		responses[strconv.Itoa(status)] = object{"description": why, "content": jsonContent("Error")}
	}
	if !ep.public {
		fail(http.StatusUnauthorized, "未登录，或令牌已过期、已注销")
	}
	if ep.roles != nil {
		fail(http.StatusForbidden, "角色或单位无权执行")
	}
	if strings.Contains(ep.path, ":") {
		fail(http.StatusNotFound, "不存在")
	}
	if ep.body != "" || ep.query != nil {
		fail(http.StatusUnprocessableEntity, "输入有误")
	}
	if ep.body != "" {
		fail(http.StatusRequestEntityTooLarge, "请求体超过上限")
	}
	if ep.method == "PATCH" || strings.HasPrefix(ep.path, "/supervisions/") || strings.HasSuffix(ep.path, "/stages") {
		fail(http.StatusConflict, "版本已过期或状态冲突")
	}
	if ep.method == "POST" && ep.path == "/login" {
		fail(http.StatusUnauthorized, "用户名或密码错误")
	}
	op["responses"] = responses
	return op
}
