package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/store"
)

// alertsAsOf returns the alerts open as of the as_of query parameter
// (default today).
func alertsAsOf(c *gin.Context, db *store.DB, cfg alerts.Config) ([]alerts.Alert, error) {
	asOf, err := httpx.QueryDate(c, "as_of", db.Today())
	if err != nil {
		return nil, err
	}
	return alerts.List(c.Request.Context(), db, asOf, cfg)
}

// handleAlerts returns one page of the alerts open as of as_of, with
// their total and counts by severity.
func handleAlerts(db *store.DB, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		q, err := httpx.AlertQuery(c, db.Today())
		if err != nil {
			return err
		}
		page, err := alerts.PageOf(c.Request.Context(), db, q, cfg)
		if err != nil {
			return err
		}
		c.JSON(http.StatusOK, page)
		return nil
	}
}
