package api_test

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestReportDownloads(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		for _, tc := range []struct {
			name, user, path string
			status           int
			sheet, title     string
		}{
			{"spend as manager", "mgr", "/api/v1/reports/spend.xlsx?as_of=2024-06-15", 200, reports.SpendSheet, "资金使用进度表"},
			{"delayed as finance", "fin", "/api/v1/reports/delayed.xlsx", 200, reports.DelayedSheet, "滞后项目清单"},
			{"progress as supervisor", "sup", "/api/v1/reports/progress.xlsx?as_of=2024-06-01", 200, "附件1", "项目进度表"},
			{"no token", "", "/api/v1/reports/spend.xlsx", 401, "", ""},
			{"bad date", "admin", "/api/v1/reports/spend.xlsx?as_of=15.06.2024", 422, "", ""},
			{"unknown report", "admin", "/api/v1/reports/budget.xlsx", 404, "", ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.Do("GET", tc.path, tc.user, nil)
				if tc.status != 200 {
					apitest.WantError(t, w, tc.status)
					return
				}
				if w.Code != 200 {
					t.Fatalf("status = %d (%s)", w.Code, w.Body.String())
				}
				if got := w.Header().Get("Content-Type"); got != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
					t.Errorf("Content-Type = %q", got)
				}
				kind := strings.TrimSuffix(strings.TrimPrefix(strings.Split(tc.path, "?")[0], "/api/v1/reports/"), ".xlsx")
				date := "2024-06-15"
				if i := strings.Index(tc.path, "as_of="); i >= 0 {
					date = tc.path[i+len("as_of="):]
				}
				want := fmt.Sprintf(`attachment; filename="%s_%s.xlsx"; filename*=UTF-8''%s`, kind, date,
					url.PathEscape(reports.Title(kind)+"_"+date+".xlsx"))
				if got := w.Header().Get("Content-Disposition"); got != want {
					t.Errorf("Content-Disposition = %q, want %q", got, want)
				}
				x, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
				if err != nil {
					t.Fatalf("the download is not a workbook: %v", err)
				}
				defer x.Close()
				row := "A1"
				if tc.sheet == "附件1" {
					row = "A2"
				}
				// The spend sheet's title is bare; the delayed and progress
				// reports' titles end with their as-of date.
				d, _ := model.ParseDate(date)
				if got, _ := x.GetCellValue(tc.sheet, row); !strings.Contains(got, tc.title) || (kind != "spend" && !strings.HasSuffix(got, fmt.Sprintf("（截至%d年%d月%d日）", d.Year, d.Month, d.Day))) {
					t.Errorf("%s!%s = %q, want the title %s (with the date %s but for spend)", tc.sheet, row, got, tc.title, date)
				}
			})
		}
	})
}
