package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// alertsDB writes a small database for the alerts command into the
// database path and returns path: P1's finish is overdue as of 2020-01-10, P2's finish is forecast
// late, P3 never started.
func alertsDB(t *testing.T, path string) string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	projects := []model.Project{
		{ID: 1, Code: "P1", Name: "官舟镇敬老院", ResponsibleUnit: "县民政局"},
		{ID: 2, Code: "P2", Name: "殡仪馆", ResponsibleUnit: "县民政局"},
		{ID: 3, Code: "P3", Name: "公墓", ResponsibleUnit: "和平街道"},
	}
	milestones := []model.Milestone{
		{ProjectID: 1, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2019, time.March), Actual: model.NewDate(2019, time.April, 10)},
		{ProjectID: 1, Kind: "finish", Name: "finish", Seq: 2, Baseline: model.YearPlan(2019)},
		{ProjectID: 2, Kind: "stage", Name: "主体完工", Seq: 2, Baseline: model.YearPlan(2020), Forecast: model.NewDate(2021, time.January, 20)},
		{ProjectID: 3, Kind: "start", Name: "start", Seq: 1, Baseline: model.MonthPlan(2019, time.June)},
	}
	reports := []model.ProgressReport{{ProjectID: 1, ReportDate: model.NewDate(2019, time.December, 20)}}
	if err := db.LoadTracking(ctx, projects, milestones, reports); err != nil {
		t.Fatal(err)
	}
	return path
}

func runAlerts(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	getenv := func(string) string { return "" }
	err := run(context.Background(), append([]string{"alerts"}, args...), getenv, strings.NewReader(""), &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

func TestAlertsJSON(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		path := alertsDB(t, dsn)
		tests := []struct {
			name string
			args []string
			want []map[string]any
		}{
			{"as of 2020-01-10", []string{"--as-of", "2020-01-10"}, []map[string]any{
				{"project_code": "P3", "project_name": "公墓", "responsible_unit": "和平街道", "milestone": "start", "due": "2019-06-30", "slip_days": 194.0, "severity": "red", "kind": "overdue"},
				{"project_code": "P2", "project_name": "殡仪馆", "responsible_unit": "县民政局", "milestone": "主体完工", "due": "2020-12-31", "slip_days": 20.0, "severity": "yellow", "kind": "forecast"},
				{"project_code": "P1", "project_name": "官舟镇敬老院", "responsible_unit": "县民政局", "milestone": "finish", "due": "2019-12-31", "slip_days": 10.0, "severity": "yellow", "kind": "overdue"},
			}},
			{"thresholds from flags", []string{"--as-of", "2020-01-10", "--yellow-max", "5", "--orange-max", "15", "--stale-days", "10"}, []map[string]any{
				{"project_code": "P3", "project_name": "公墓", "responsible_unit": "和平街道", "milestone": "start", "due": "2019-06-30", "slip_days": 194.0, "severity": "red", "kind": "overdue"},
				{"project_code": "P2", "project_name": "殡仪馆", "responsible_unit": "县民政局", "milestone": "主体完工", "due": "2020-12-31", "slip_days": 20.0, "severity": "red", "kind": "forecast"},
				{"project_code": "P1", "project_name": "官舟镇敬老院", "responsible_unit": "县民政局", "milestone": "进度报告", "due": "2019-12-30", "slip_days": 11.0, "severity": "orange", "kind": "stale"},
				{"project_code": "P1", "project_name": "官舟镇敬老院", "responsible_unit": "县民政局", "milestone": "finish", "due": "2019-12-31", "slip_days": 10.0, "severity": "orange", "kind": "overdue"},
			}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				out, stderr, err := runAlerts(t, append(tt.args, "--json", "--db", path)...)
				if err != nil {
					t.Fatalf("run: %v (stderr %q)", err, stderr)
				}
				var got []map[string]any
				if err := json.Unmarshal([]byte(out), &got); err != nil {
					t.Fatalf("output is not one JSON array: %v\n%s", err, out)
				}
				if got == nil {
					t.Fatalf("got %q, want an array", out)
				}
				for _, a := range got {
					for _, k := range []string{"project_id", "township", "category", "milestone_id", "forecast"} {
						delete(a, k)
					}
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("got %v, want %v", got, tt.want)
				}
			})
		}
	})
}

func TestAlertsTable(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		path := alertsDB(t, dsn)
		out, _, err := runAlerts(t, "--as-of", "2020-01-10", "--db", path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		want := []string{
			"截至 2020-01-10 的进度滞后预警：",
			"严重程度  项目编号  项目          责任单位  节点      应完成日期  滞后天数  类型",
			"红        P3        公墓          和平街道  开工      2019-06-30  194       逾期未完成",
			"黄        P2        殡仪馆        县民政局  主体完工  2020-12-31  20        预计延误",
			"黄        P1        官舟镇敬老院  县民政局  完工      2019-12-31  10        逾期未完成",
			"共 3 条预警（红 1，橙 0，黄 2）。",
		}
		if !reflect.DeepEqual(lines, want) {
			t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
	})
}

func TestAlertsNone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"json", []string{"--json"}, "[]\n"},
		{"table", nil, "截至 2020-01-10 无进度滞后预警。\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runAlerts(t, append(tt.args, "--as-of", "2020-01-10", "--db", path)...)
			if err != nil {
				t.Fatal(err)
			}
			if out != tt.want {
				t.Errorf("got %q, want %q", out, tt.want)
			}
		})
	}
}

func TestAlertsBadInput(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		path := alertsDB(t, dsn)
		tests := []struct {
			name string
			args []string
			want string
		}{
			{"bad date", []string{"--as-of", "2020-02-30"}, "日期格式应为 YYYY-MM-DD"},
			{"orange not above yellow", []string{"--yellow-max", "30", "--orange-max", "30"}, "橙色预警上限天数必须大于黄色预警上限天数"},
			{"stale days zero", []string{"--stale-days", "0"}, "未报进度天数阈值必须至少为 1"},
			{"extra argument", []string{"2020-01-01"}, "多余的参数"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, _, err := runAlerts(t, append(tt.args, "--db", path)...)
				if err == nil {
					t.Fatal("got no error, want one")
				}
				if got := errorText(err); !strings.Contains(got, tt.want) {
					t.Errorf("got %q, want it to contain %q", got, tt.want)
				}
			})
		}
		if _, _, err := runAlerts(t, "--no-such-flag", "--db", path); err == nil || !strings.Contains(errorText(err), "--no-such-flag") {
			t.Errorf("unknown flag: got %v; want an error naming the flag", err)
		}
	})
}
