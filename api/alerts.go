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

// alertQuery reads an alert list's as_of (default today), filters
// (severity, kind, unit, township, category) and paging (page from 1,
// page_size default 50, at most 500).
func alertQuery(c *gin.Context, db *store.DB) (alerts.Query, error) {
	q := alerts.Query{Unit: c.Query("unit"), Township: c.Query("township"), Category: c.Query("category")}
	var err error
	if q.AsOf, err = httpx.QueryDate(c, "as_of", db.Today()); err != nil {
		return q, err
	}
	if q.Severity, err = httpx.OneOf(c, "severity", alerts.Yellow, alerts.Orange, alerts.Red); err != nil {
		return q, err
	}
	if q.Kind, err = httpx.OneOf(c, "kind", alerts.KindOverdue, alerts.KindForecast, alerts.KindStale); err != nil {
		return q, err
	}
	if q.Page, err = httpx.QueryInt(c, "page", 1); err != nil {
		return q, err
	}
	if q.PageSize, err = httpx.QueryInt(c, "page_size", alerts.DefaultPageSize); err != nil {
		return q, err
	}
	return q, q.Validate()
}

// handleAlerts returns one page of the alerts open as of as_of, with
// their total and counts by severity.
func handleAlerts(db *store.DB, cfg alerts.Config) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		q, err := alertQuery(c, db)
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
