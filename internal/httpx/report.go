package httpx

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// HandleReport answers with report kind as of as_of (default today) as
// an attachment named in Chinese, e.g. 资金使用进度表_2020-06-30.xlsx. The
// workbook is built in memory first, so an error is a clean error answer
// rather than a truncated download.
func HandleReport(db Store, kind string) HandlerFunc {
	return func(c *gin.Context) error {
		asOf, err := QueryDate(c, "as_of", db.Today())
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := reports.Write(c.Request.Context(), &buf, db, kind, asOf); err != nil {
			return err
		}
		SendWorkbook(c, fmt.Sprintf("%s_%s.xlsx", kind, asOf), fmt.Sprintf("%s_%s.xlsx", reports.Title(kind), asOf), buf.Bytes())
		return nil
	}
}

// attachment is a Content-Disposition naming a download: an ASCII
// fallback for old clients and the real (UTF-8) name per RFC 5987/6266.
// Both names are ours (a kind, a date, a title), never user text.
func attachment(ascii, name string) string {
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name))
}

// SendWorkbook answers with workbook b as an attachment named name (the
// ASCII fallback ascii); both names are ours, never user text.
func SendWorkbook(c *gin.Context, ascii, name string, b []byte) {
	c.Header("Content-Disposition", attachment(ascii, name))
	c.Data(http.StatusOK, xlsxType, b)
}

// xlsxType is the media type of an Excel workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// HandleBulletin answers with issued 通报 :id (the path parameter, with
// or without .xlsx) as a workbook built from its frozen figures.
func HandleBulletin(db Store) HandlerFunc {
	return func(c *gin.Context) error {
		raw := strings.TrimSuffix(c.Param("id"), ".xlsx")
		id, err := strconv.ParseUint(raw, 10, 32)
		if err != nil || id == 0 {
			return model.Errorf(model.ENotFound, "httpx.HandleBulletin", "通报编号 %q 无效", c.Param("id"))
		}
		b, err := reports.LoadBulletin(c.Request.Context(), db, uint(id))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := reports.WriteBulletin(&buf, b.Bulletin, b.Edition); err != nil {
			return err
		}
		SendWorkbook(c, fmt.Sprintf("bulletin_%s_%d.xlsx", b.Month, b.Edition), reports.BulletinTitle(b.Month, b.Edition)+".xlsx", buf.Bytes())
		return nil
	}
}
