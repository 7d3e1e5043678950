// Package api serves captrack's authenticated JSON API under /api/v1 with
// gin. routes.go lists the whole surface; handlers are functions that get
// exactly the dependencies they use and return their errors, which
// package httpx maps to statuses through its one table. The browser UI is
// package ui; cmd/captrack mounts both on one engine.
package api

import (
	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/store"
)

// Options tunes the API (see httpx.Options).
type Options = httpx.Options

// Mount registers the API's routes on r.
func Mount(r *gin.Engine, db *store.DB, opts Options) {
	s := &server{db: db, opts: opts.WithDefaults()}
	s.routes(r)
}

// NewServer returns the handler of the API alone on db, its storage
// faults named by store.Fault.
func NewServer(db *store.DB, opts Options) *gin.Engine {
	if opts.Fault == nil {
		opts.Fault = store.Fault
	}
	r := httpx.NewEngine(opts)
	Mount(r, db, opts)
	return r
}

// server holds what the endpoint table needs.
type server struct {
	db   *store.DB
	opts Options
}
