package api

import (
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/reports"
)

// reportEndpoints are the Excel downloads, one route per report. Every
// logged-in user may read them: they show what the project list and the
// alerts already show to every role.
func (s *server) reportEndpoints() []endpoint {
	asOf := param{"as_of", "date", "截至日期 YYYY-MM-DD，默认今天"}
	var eps []endpoint
	for _, kind := range []string{reports.KindSpend, reports.KindDelayed, reports.KindProgress} {
		eps = append(eps, endpoint{method: "GET", path: "/reports/" + kind + ".xlsx", summary: "下载" + reports.Title(kind) + "（Excel）",
			query: []param{asOf}, status: 200, response: xlsx, handler: httpx.HandleReport(s.db, kind)})
	}
	return eps
}
