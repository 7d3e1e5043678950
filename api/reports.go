package api

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
)

// xlsxType is the media type of an Excel workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// reportEndpoints are the Excel downloads, one route per report. Every
// logged-in user may read them: they show what the project list and the
// alerts already show to every role.
func (s *Server) reportEndpoints() []endpoint {
	asOf := param{"as_of", "date", "截至日期 YYYY-MM-DD，默认今天"}
	var eps []endpoint
	for _, kind := range []string{reports.KindSpend, reports.KindDelayed, reports.KindProgress} {
		eps = append(eps, endpoint{method: "GET", path: "/reports/" + kind + ".xlsx", summary: "下载" + reports.Title(kind) + "（Excel）",
			query: []param{asOf}, status: 200, handler: handleReport(s.db, kind)})
	}
	return eps
}

// handleReport answers with report kind as of as_of (default today) as
// an attachment named in Chinese, e.g. 资金使用进度表_2020-06-30.xlsx. The
// workbook is built in memory first, so an error is a clean JSON error
// rather than a truncated download.
func handleReport(db *store.DB, kind string) gin.HandlerFunc {
	return func(c *gin.Context) {
		asOf, err := queryDate(c, "as_of", db.Today())
		if err != nil {
			abort(c, err)
			return
		}
		var buf bytes.Buffer
		if err := reports.Write(c.Request.Context(), &buf, db, kind, asOf); err != nil {
			abort(c, err)
			return
		}
		c.Header("Content-Disposition", attachment(fmt.Sprintf("%s_%s.xlsx", kind, asOf), fmt.Sprintf("%s_%s.xlsx", reports.Title(kind), asOf)))
		c.Data(http.StatusOK, xlsxType, buf.Bytes())
	}
}

// attachment is a Content-Disposition naming a download: an ASCII
// fallback for old clients and the real (UTF-8) name per RFC 5987/6266.
// Both names are ours (a kind, a date, a title), never user text.
func attachment(ascii, name string) string {
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name))
}
