package ui

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// The 月度通报 page: a draft, an issue, the printable page and the
// download; an issued 通报 shows and downloads the same after later
// edits, while a draft follows them.
func TestWebBulletins(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "supervisor")
		get := func(target string) *http.Response {
			t.Helper()
			w := f.do(t, s, "GET", target, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d, want 200: %s", target, w.Code, w.Body.String())
			}
			return w.Result()
		}
		body := func(r *http.Response) string {
			var b bytes.Buffer
			b.ReadFrom(r.Body)
			return b.String()
		}
		xlsx := func(target string) map[string][][]string {
			t.Helper()
			r := get(target)
			if ct := r.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
				t.Fatalf("GET %s: content type %q", target, ct)
			}
			var b bytes.Buffer
			b.ReadFrom(r.Body)
			return testbook.Cells(t, b.Bytes())
		}
		page := body(get("/bulletins"))
		if s := see(t, page); !s.hasLink("/bulletins", "月度通报") || !s.has("尚未印发通报") || !slices.Contains(s.fields["month"], "2020-05") {
			t.Errorf("月度通报 page: links %q, fields %q, text %q; want the 月度通报 link, 尚未印发通报 and the month 2020-05 offered", s.links, s.fields, s.text)
		}

		// May's draft: both unfinished projects red (project 2 at 60 % as
		// of May 31, all its time gone), one each for 县民政局 and 洪渡镇.
		draft := see(t, body(get("/bulletins/draft?month=2020-05")))
		for _, want := range []string{"2020年5月民生工程项目推进情况通报（草稿）", "数据截至 2020-05-31", "草稿（按当前数据生成，未冻结）", "新增滞后", "超过 30 个为红灯"} {
			if !draft.has(want) {
				t.Errorf("draft lacks %q", want)
			}
		}
		if !draft.hasRow("洪渡镇人民政府", "1") {
			t.Errorf("draft has no row 洪渡镇人民政府 | 1: %q", draft.rows)
		}
		if _, ok := draft.linkTo("/bulletins/draft.xlsx?month=2020-05"); !ok {
			t.Errorf("draft has no download link: %q", draft.links)
		}
		if got := xlsx("/bulletins/draft.xlsx?month=2020-05")["单位排名"][1][0]; got != "2020年5月民生工程项目推进情况通报（草稿）" {
			t.Errorf("draft workbook title = %q", got)
		}
		if list := body(get("/bulletins")); !strings.Contains(list, "尚未印发通报") {
			t.Error("a draft was stored")
		}

		// Issue May; June is not over on the fixture's today.
		w := f.do(t, s, "POST", "/bulletins", url.Values{"month": {"2020-05"}})
		if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/bulletins/1/print") {
			t.Fatalf("issue: status %d, location %q", w.Code, w.Header().Get("Location"))
		}
		if w := f.do(t, s, "POST", "/bulletins", url.Values{"month": {"2020-06"}}); w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "尚未结束") {
			t.Errorf("issue June on June 30: status %d", w.Code)
		}
		printed := see(t, body(get("/bulletins/1/print")))
		if _, ok := printed.linkTo("/bulletins/1.xlsx"); !slices.Contains(printed.headings, "2020年5月民生工程项目推进情况通报") || !printed.has("印发于") || !ok {
			t.Errorf("issued page: headings %q, links %q; want the title, 印发于 and the download", printed.headings, printed.links)
		}
		issued := xlsx("/bulletins/1.xlsx")
		if list := see(t, body(get("/bulletins"))); !list.hasLink("/bulletins/1/print", "2020年5月民生工程项目推进情况通报") || !list.has("现行") {
			t.Errorf("list lacks the issued 通报: links %q, text %q", list.links, list.text)
		}

		// Later: a report dated in May entered an hour later (project 2
		// at 95 %), the thresholds changed. A new draft follows the
		// thresholds; the issued 通报 follows nothing.
		db.Now = func() time.Time { return webNow.Add(time.Hour) }
		if _, err := db.AddProgressReport(context.Background(), model.Actor{User: "other", Source: "web"}, 2,
			model.ProgressReport{ReportDate: model.NewDate(2020, 5, 30), Percent: decimal.NewNullDecimal(decimal.NewFromInt(95))}); err != nil {
			t.Fatal(err)
		}
		db.Pace = model.PaceLamps{Yellow: 20, Red: 50}
		if again := see(t, body(get("/bulletins/1/print"))); again.text != printed.text {
			t.Error("the issued 通报's page changed after later edits")
		}
		if again := xlsx("/bulletins/1.xlsx"); !testbook.SameCells(again, issued) {
			t.Errorf("the issued 通报's workbook changed after later edits:\n%q\nwas\n%q", again, issued)
		}
		if redraft := body(get("/bulletins/draft?month=2020-05")); !strings.Contains(redraft, "超过 50 个为红灯") {
			t.Error("a new draft does not use the new thresholds")
		}

		// Managers may not see the page nor its link.
		m := f.sessionOf(t, "manager")
		for _, target := range []string{"/bulletins", "/bulletins/draft?month=2020-05", "/bulletins/1.xlsx", "/bulletins/1/print"} {
			if w := f.do(t, m, "GET", target, nil); w.Code != http.StatusForbidden {
				t.Errorf("manager GET %s: status %d, want 403", target, w.Code)
			}
		}
		if _, ok := see(t, f.do(t, m, "GET", "/", nil).Body.String()).linkTo("/bulletins"); ok {
			t.Error("a manager's navigation links to 月度通报")
		}
		if w := f.do(t, s, "GET", "/bulletins/draft?month=2020-13", nil); w.Code != http.StatusUnprocessableEntity {
			t.Errorf("draft of 2020-13: status %d, want 422", w.Code)
		}
	})
}
