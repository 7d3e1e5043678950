package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebForecastAsOf: a forecast a return gave exists on the web pages
// from the return's report date on: the alerts page as of the day
// before lists no forecast alert of project 1 (due 2020-12) and its page
// shows its finish without the forecast; as of the report date both show
// it.
func TestWebForecastAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		row := model.ProgressRow{Ref: model.Ref{File: "月报.xlsx", Sheet: "5月", Row: 4, ProjectColumn: "B"}, ProjectName: "官舟片区养老服务中心",
			ReportDate: model.NewDate(2020, 5, 31), Forecast: model.NewDate(2021, 6, 30), Columns: model.ProgressColumns{Forecast: "E"}}
		res, err := db.ApplyImport(context.Background(), &model.ImportSet{Progress: []model.ProgressRow{row}},
			model.ApplyOptions{Actor: model.Actor{User: "manager"}, Kind: "progress", Files: []string{"月报.xlsx"}})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("return: %v %+v", err, res.Errors)
		}
		s := f.sessionOf(t, "supervisor")
		const alertRow = `data-project="1" data-milestone="finish" data-kind="forecast"`
		for _, tc := range []struct {
			asOf string
			want bool
		}{{"2020-05-30", false}, {"2020-05-31", true}, {"2020-06-30", true}} {
			page := f.do(t, s, "GET", "/alerts?as_of="+tc.asOf, nil).Body.String()
			if got := strings.Contains(page, alertRow); got != tc.want {
				t.Errorf("alerts page as of %s: forecast alert of project 1 %v, want %v", tc.asOf, got, tc.want)
			}
			project := f.do(t, s, "GET", "/projects/1?as_of="+tc.asOf, nil).Body.String()
			if got := strings.Contains(project, `<td data-label="预计" class="nowrap">2021-06-30</td>`); got != tc.want {
				t.Errorf("project page as of %s: the finish's forecast 2021-06-30 %v, want %v", tc.asOf, got, tc.want)
			}
		}
	})
}
