package api

import (
	"embed"
	"net/http"
	"path"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// docFiles are the API reference page: Swagger UI (vendored, see
// docs/README.md) rendering /api/v1/openapi.json.
//
//go:embed docs/index.html docs/docs.js docs/swagger-ui-bundle.js docs/swagger-ui.css
var docFiles embed.FS

// docTypes are the reference page's files and their content types.
var docTypes = map[string]string{
	"index.html":           "text/html; charset=utf-8",
	"docs.js":              "text/javascript; charset=utf-8",
	"swagger-ui-bundle.js": "text/javascript; charset=utf-8",
	"swagger-ui.css":       "text/css; charset=utf-8",
}

// DocsPolicy is the content security policy of the API reference page:
// httpx.ContentSecurityPolicy, except that scripts may come from
// captrack's own files (never inline) and fetch from captrack, which the
// page needs to read the document and to try requests.
const DocsPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// docRoutes serves the reference page at /api/docs and its files under
// /api/docs/; like the document, they are public.
func docRoutes(r *gin.Engine) {
	r.GET("/api/docs", httpx.Handle(serveDoc("index.html")))
	r.GET("/api/docs/:file", httpx.Handle(func(c *gin.Context) error { return serveDoc(c.Param("file"))(c) }))
}

func serveDoc(name string) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		ctype, ok := docTypes[name]
		if !ok {
			return model.E(model.ENotFound, "api.docs", "没有这个文件")
		}
		b, err := docFiles.ReadFile(path.Join("docs", name))
		if err != nil {
			return model.Wrap("api.docs", err)
		}
		c.Header("Content-Security-Policy", DocsPolicy)
		if name != "index.html" {
			c.Header("Cache-Control", "public, max-age=86400")
		}
		c.Data(http.StatusOK, ctype, b)
		return nil
	}
}
