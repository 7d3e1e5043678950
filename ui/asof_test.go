package ui

import (
	"context"
	"strings"
	"testing"
	"time"

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

// The project page as of D shows the change log as it stood at the end
// of D: a change entered the next day (county time) is not in it, and
// the page says how many later entries it leaves out.
func TestWebChangeLogAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		day := model.DateOf(webNow.In(db.Zone)).AddDays(1)
		db.Now = func() time.Time { return time.Date(day.Year, day.Month, day.Day, 0, 30, 0, 0, db.Zone) }
		ms, err := db.ProjectMilestones(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		forecast := model.NewDate(2021, 3, 31)
		if _, err := db.UpdateMilestone(ctx, model.Actor{User: "manager", Source: "web"}, ms[1].ID, model.MilestoneUpdate{ForecastDate: &forecast, Version: ms[1].Version}); err != nil {
			t.Fatal(err)
		}
		s := f.sessionOf(t, "supervisor")
		entry := `<td data-label="新值">2021-03-31</td>`
		for _, tc := range []struct {
			asOf        model.Date
			shown       bool
			laterNotice string
		}{{day.AddDays(-1), false, "此后另有 1 条变更"}, {day, true, ""}} {
			page := f.do(t, s, "GET", "/projects/1?as_of="+tc.asOf.String(), nil).Body.String()
			if got := strings.Contains(page, entry); got != tc.shown {
				t.Errorf("as of %s: the change entered on %s shown %v, want %v", tc.asOf, day, got, tc.shown)
			}
			if got := strings.Contains(page, `id="audit-later"`); got != (tc.laterNotice != "") || tc.laterNotice != "" && !strings.Contains(page, tc.laterNotice) {
				t.Errorf("as of %s: later-entries notice %v, want %q", tc.asOf, got, tc.laterNotice)
			}
		}
	})
}
