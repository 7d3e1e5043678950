package httpx

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/alerts"
)

// Options tunes the server. Zero fields take the defaults noted.
type Options struct {
	// MaxUpload caps the size of any request body, uploads included
	// (default 32 MiB); a larger body is answered with 413.
	MaxUpload int64
	// TokenTTL is how long a login token or web session lasts (default
	// 12 hours).
	TokenTTL time.Duration
	// Alerts holds the alert thresholds (default alerts.DefaultConfig()).
	Alerts alerts.Config
	// Logger receives internal errors (default slog.Default()).
	Logger *slog.Logger
}

// Defaults.
const (
	DefaultMaxUpload = 32 << 20
	DefaultTokenTTL  = 12 * time.Hour
)

// WithDefaults returns o with its zero fields set to their defaults.
func (o Options) WithDefaults() Options {
	if o.MaxUpload <= 0 {
		o.MaxUpload = DefaultMaxUpload
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = DefaultTokenTTL
	}
	if o.Alerts == (alerts.Config{}) {
		o.Alerts = alerts.DefaultConfig()
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// NewEngine returns the gin engine that the API and the UI mount their
// routes on: panics are logged internal errors, every request body is
// capped at opts.MaxUpload, errors no route answered are answered as JSON,
// and an unknown path is a JSON 404.
func NewEngine(opts Options) *gin.Engine {
	opts = opts.WithDefaults()
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(recoverPanic(opts.Logger), JSONErrors(opts.Logger), limitBody(opts.MaxUpload))
	r.NoRoute(func(c *gin.Context) {
		c.JSON(http.StatusNotFound, ErrorBody{Error: "接口或页面不存在"})
	})
	return r
}
