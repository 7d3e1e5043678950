package ui

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// bulletinRow is an issued 通报 of the 月度通报 page.
type bulletinRow struct {
	model.Bulletin
	Title string
}

type bulletinsData struct {
	Items []bulletinRow
	// Month is the month the forms propose: the last one ended.
	Month string
}

// handleBulletinsPage lists the issued 通报, newest first, with the forms
// to preview a draft and to issue a month's.
func handleBulletinsPage(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		bs, err := db.Bulletins(c.Request.Context())
		if err != nil {
			return err
		}
		today := db.Today()
		last := model.NewDate(today.Year, today.Month, 0) // the last day of last month
		d := bulletinsData{Month: fmt.Sprintf("%04d-%02d", last.Year, int(last.Month))}
		for _, b := range bs {
			d.Items = append(d.Items, bulletinRow{Bulletin: b, Title: reports.BulletinTitle(b.Month, b.Edition)})
		}
		return render(c, tpl, http.StatusOK, "bulletins", newPage(c, "月度通报", "bulletins", d))
	}
}

// handleWebIssueBulletin issues the month of the form and shows it.
func handleWebIssueBulletin(db Store) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		b, err := reports.IssueBulletin(c.Request.Context(), db, httpx.Actor(c), c.PostForm("month"))
		if err != nil {
			return err
		}
		c.Redirect(http.StatusSeeOther, withDone(fmt.Sprintf("/bulletins/%d/print", b.ID), "bulletin"))
		return nil
	}
}

// bulletinPage is the printable 通报: its figures, edition (0: a draft)
// and where to download it.
type bulletinPage struct {
	B          reports.Bulletin
	Title      string
	Edition    int
	Superseded bool
	IssuedAt   time.Time // zero for a draft
	Download   string
}

// handleBulletinPrint shows issued 通报 :id from its frozen figures.
func handleBulletinPrint(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id, err := httpx.IDParam(c, "id")
		if err != nil {
			return err
		}
		ib, err := reports.LoadBulletin(c.Request.Context(), db, id)
		if err != nil {
			return err
		}
		d := bulletinPage{B: ib.Bulletin, Title: reports.BulletinTitle(ib.Month, ib.Edition), Edition: ib.Edition,
			Superseded: ib.Superseded, IssuedAt: ib.IssuedAt, Download: fmt.Sprintf("/bulletins/%d.xlsx", id)}
		return renderBulletin(c, tpl, d)
	}
}

// handleBulletinDraft shows the draft of the month query parameter: the
// figures as they stand, frozen nowhere.
func handleBulletinDraft(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		b, err := reports.BuildBulletin(c.Request.Context(), db, c.Query("month"))
		if err != nil {
			return err
		}
		return renderBulletin(c, tpl, bulletinPage{B: b, Title: reports.BulletinTitle(b.Month, 0), Download: "/bulletins/draft.xlsx?month=" + b.Month})
	}
}

func renderBulletin(c *gin.Context, tpl *Templates, d bulletinPage) error {
	p := newPage(c, d.Title, "bulletins", d)
	p.AsOf = d.B.AsOf
	return render(c, tpl, http.StatusOK, "bulletin", p)
}

// handleBulletinDraftXLSX downloads the draft of the month query
// parameter as a workbook.
func handleBulletinDraftXLSX(db Store) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		b, err := reports.BuildBulletin(c.Request.Context(), db, c.Query("month"))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := reports.WriteBulletin(&buf, b, 0); err != nil {
			return err
		}
		httpx.SendWorkbook(c, fmt.Sprintf("bulletin_%s_draft.xlsx", b.Month), reports.BulletinTitle(b.Month, 0)+".xlsx", buf.Bytes())
		return nil
	}
}
