package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
)

// bulletinEndpoints are the monthly 通报.
func (s *server) bulletinEndpoints() []endpoint {
	db := s.db
	return []endpoint{
		{method: "GET", path: "/bulletins", summary: "已印发的月度通报", roles: model.Overseers, status: 200, response: items[bulletinJSON]{}, handler: handleBulletins(db)},
		{method: "POST", path: "/bulletins", summary: "印发某月通报（冻结数据；同月再次印发为更正版）", roles: model.Overseers, body: bulletinRequest{}, status: 201, response: bulletinJSON{},
			fails: []fail{{http.StatusConflict, "该月通报正被他人印发", nil}}, handler: handleIssueBulletin(db)},
		{method: "GET", path: "/bulletins/:id", summary: "下载已印发通报（路径为 {id}.xlsx）", roles: model.Overseers, status: 200, response: xlsx, handler: httpx.HandleBulletin(db)},
	}
}

// bulletinJSON is an issued 通报 as listed.
type bulletinJSON struct {
	ID           uint       `json:"id"`
	Month        string     `json:"month"`
	AsOf         model.Date `json:"as_of"`
	Edition      int        `json:"edition"`
	Title        string     `json:"title"`
	SupersededBy *uint      `json:"superseded_by"`
	IssuedBy     string     `json:"issued_by"`
	IssuedAt     time.Time  `json:"issued_at"`
	URL          string     `json:"url"`
}

func toBulletinJSON(b model.Bulletin) bulletinJSON {
	return bulletinJSON{ID: b.ID, Month: b.Month, AsOf: b.AsOf, Edition: b.Edition, Title: reports.BulletinTitle(b.Month, b.Edition),
		SupersededBy: b.SupersededBy, IssuedBy: b.IssuedBy, IssuedAt: b.IssuedAt, URL: "/api/v1/bulletins/" + strconv.FormatUint(uint64(b.ID), 10) + ".xlsx"}
}

func handleBulletins(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		bs, err := db.Bulletins(c.Request.Context())
		if err != nil {
			return err
		}
		out := make([]bulletinJSON, len(bs))
		for i, b := range bs {
			out[i] = toBulletinJSON(b)
		}
		c.JSON(http.StatusOK, items[bulletinJSON]{Items: out})
		return nil
	}
}

type bulletinRequest struct {
	Month string `json:"month" required:"true" doc:"YYYY-MM"`
}

// handleIssueBulletin issues {"month":"YYYY-MM"}.
func handleIssueBulletin(db *store.DB) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		var req bulletinRequest
		if err := decode(c, &req); err != nil {
			return err
		}
		b, err := reports.IssueBulletin(c.Request.Context(), db, httpx.Actor(c), req.Month)
		if err != nil {
			return err
		}
		c.JSON(http.StatusCreated, toBulletinJSON(b))
		return nil
	}
}
