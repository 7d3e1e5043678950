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

// handleAlerts lists the alerts open as of as_of, optionally only those of
// one severity, responsible unit or kind.
func handleAlerts(db *store.DB, cfg alerts.Config) gin.HandlerFunc {
	return func(c *gin.Context) {
		severity, err := httpx.OneOf(c, "severity", alerts.Yellow, alerts.Orange, alerts.Red)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		kind, err := httpx.OneOf(c, "kind", alerts.KindOverdue, alerts.KindForecast, alerts.KindStale)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		unit := c.Query("unit")
		as, err := alertsAsOf(c, db, cfg)
		if err != nil {
			httpx.Abort(c, err)
			return
		}
		out := items[alerts.Alert]{Items: []alerts.Alert{}}
		for _, a := range as {
			if (severity == "" || a.Severity == severity) && (kind == "" || a.Kind == kind) && (unit == "" || a.ResponsibleUnit == unit) {
				out.Items = append(out.Items, a)
			}
		}
		c.JSON(http.StatusOK, out)
	}
}
