package httpx

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/model"
)

// Options tunes the server. Zero fields take the defaults noted.
type Options struct {
	// MaxUpload caps the size of an uploaded workbook (default 32 MiB);
	// a larger body is answered with 413.
	MaxUpload int64
	// MaxBody caps every other request body, JSON and forms (default
	// 1 MiB), before authentication reads it; a larger one is 413.
	MaxBody int64
	// SecureCookies marks the session cookie Secure even over plain HTTP,
	// for a server behind a TLS proxy (over TLS it always is).
	SecureCookies bool
	// TokenTTL is how long a login token or web session lasts (default
	// 12 hours).
	TokenTTL time.Duration
	// TrustedProxies are the addresses (IPs or CIDRs) of reverse proxies
	// whose X-Forwarded-For names the client, for the login throttle's
	// per-address count (gin's ClientIP); none by default, when the
	// connection's address is the client's.
	TrustedProxies []string
	// UploadTTL is how long a previewed import waits to be applied
	// (default model.DefaultUploadTTL, an hour).
	UploadTTL time.Duration
	// Alerts holds the alert thresholds (default alerts.DefaultConfig()).
	Alerts alerts.Config
	// Fault names the storage fault an internal error hides, as a
	// captrack error of its kind (store.Fault; default: none named).
	Fault func(error) error
	// Logger receives internal errors (default slog.Default()).
	Logger *slog.Logger
	// ImportMaxRows, ImportMaxCells and ImportTimeout bound each import
	// (rows and non-empty cells per sheet, time); 0 takes the importer's
	// defaults.
	ImportMaxRows, ImportMaxCells int
	ImportTimeout                 time.Duration
	// Imports bounds the imports running at once in this server; the API
	// and the UI share it (default: a gate of importer.DefaultMaxImports).
	Imports *importer.Gate
	// Jobs runs the UI's imports in the background, within the server's
	// context (default: a runner whose context never ends).
	Jobs *Jobs
	// ImportProgressFrom is the size of an upload's workbooks (default
	// DefaultImportProgressFrom) from which the UI answers its preview or
	// apply with a page that shows the import's progress, rather than
	// with its outcome once it has ended.
	ImportProgressFrom int64
}

// ImportOptions returns opt with the server's import bounds.
func (o Options) ImportOptions(opt importer.Options) importer.Options {
	opt.MaxRows, opt.MaxCells, opt.Timeout, opt.Gate = o.ImportMaxRows, o.ImportMaxCells, o.ImportTimeout, o.Imports
	return opt
}

// Defaults.
const (
	DefaultMaxUpload = 32 << 20
	DefaultMaxBody   = 1 << 20
	DefaultTokenTTL  = 12 * time.Hour
	// DefaultImportProgressFrom is the CLI's threshold of a progress bar.
	DefaultImportProgressFrom = 1 << 20
)

// WithDefaults returns o with its zero fields set to their defaults.
func (o Options) WithDefaults() Options {
	if o.MaxUpload <= 0 {
		o.MaxUpload = DefaultMaxUpload
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = DefaultTokenTTL
	}
	if o.UploadTTL <= 0 {
		o.UploadTTL = model.DefaultUploadTTL
	}
	if o.Alerts == (alerts.Config{}) {
		o.Alerts = alerts.DefaultConfig()
	}
	if o.Fault == nil {
		o.Fault = func(err error) error { return err }
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Imports == nil {
		o.Imports = importer.NewGate(importer.DefaultMaxImports, importer.DefaultGateWait)
	}
	if o.Jobs == nil {
		o.Jobs = NewJobs(context.Background())
	}
	if o.ImportProgressFrom <= 0 {
		o.ImportProgressFrom = DefaultImportProgressFrom
	}
	return o
}

// NewEngine returns the gin engine that the API and the UI mount their
// routes on: panics are logged internal errors, every request body is
// capped at opts.MaxBody (upload routes at opts.MaxUpload, see AllowUpload),
// every answer carries the security headers, errors no route answered are answered as JSON,
// and an unknown path is a JSON 404.
func NewEngine(opts Options) *gin.Engine {
	opts = opts.WithDefaults()
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	// Multipart bodies are read into memory, never into temp files that
	// a killed server would leave behind: limitBody caps them first.
	r.MaxMultipartMemory = max(opts.MaxBody, opts.MaxUpload)
	// gin trusts X-Forwarded-For from anyone unless told otherwise.
	r.RemoteIPHeaders = []string{"X-Forwarded-For"}
	if err := r.SetTrustedProxies(opts.TrustedProxies); err != nil {
		// serve checks the addresses first (ParseProxies).
		panic(err)
	}
	r.Use(recoverPanic(opts.Logger), JSONErrors(opts), securityHeaders, limitBody(opts.MaxBody, max(opts.MaxBody, opts.MaxUpload)))
	r.NoRoute(func(c *gin.Context) {
		c.JSON(http.StatusNotFound, ErrorBody{Error: "接口或页面不存在"})
	})
	return r
}

// ContentSecurityPolicy is every answer's policy: the pages load only
// their own style sheet, images and scripts (no inline script: the one
// script, static/import.js, asks captrack how far an import has come),
// post forms only
// to captrack, and may not be framed. (Style attributes are allowed: the
// bars and charts are sized by them.)
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// securityHeaders sets the headers every answer carries: no framing, the
// content security policy, no type sniffing, no referrer to other sites,
// and no caching except of the static assets (every other answer shows
// what one logged-in user may see; reports hold the county's figures).
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if !strings.HasPrefix(c.Request.URL.Path, "/static/") {
		h.Set("Cache-Control", "no-store")
	}
	c.Next()
}

// ParseProxies reads a comma-separated list of proxy addresses (IPs or
// CIDRs) for Options.TrustedProxies.
func ParseProxies(list string) ([]string, error) {
	var out []string
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			return nil, fmt.Errorf("%q 不是 IP 地址或网段（如 127.0.0.1、10.0.0.0/8）", p)
		}
		out = append(out, p)
	}
	return out, nil
}
