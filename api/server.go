// Package api serves captrack's authenticated REST API under /api/v1 with
// gin. routes.go lists the whole surface; handlers are functions that get
// exactly the dependencies they use; http.go holds the one table from
// error kinds to HTTP statuses and the decode/encode helpers.
package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/store"
)

// Options tunes a Server. Zero fields take the defaults noted.
type Options struct {
	// MaxUpload caps the size of any request body, uploads included
	// (default 32 MiB); a larger body is answered with 413.
	MaxUpload int64
	// TokenTTL is how long a login token lasts (default 12 hours).
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

// Server is captrack's HTTP handler.
type Server struct {
	db     *store.DB
	opts   Options
	engine *gin.Engine
}

// NewServer returns the handler of the API on db.
func NewServer(db *store.DB, opts Options) *Server {
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = DefaultMaxUpload
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = DefaultTokenTTL
	}
	if opts.Alerts == (alerts.Config{}) {
		opts.Alerts = alerts.DefaultConfig()
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{db: db, opts: opts, engine: gin.New()}
	s.engine.Use(recoverPanic(opts.Logger), renderErrors(opts.Logger), limitBody(opts.MaxUpload))
	s.routes()
	return s
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }
