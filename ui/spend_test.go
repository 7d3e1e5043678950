package ui

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// The 支出进度 lamps on the dashboard (counts, and per unit) and in the
// project list (a column and a filter), as of 2019-10-15, past the
// 30 September checkpoint: project 1 (县民政局) has 100 万元 allocated and
// nothing paid (0 %, red), project 2 (洪渡镇) 300 万元 allocated and the
// fixture's 120 万元 paid (40 %, red below 60 %; yellow when the
// checkpoint is 30 %, being more than 20 points behind the year's 78.9 %),
// project 3 nothing allocated (no lamp).
func TestWebSpendLamps(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		ctx := context.Background()
		db.Now = func() time.Time { return time.Date(2019, time.January, 10, 10, 0, 0, 0, time.UTC) } // entered on their date
		for _, a := range []struct {
			project uint
			amount  model.Money
		}{{1, 100 * model.Wan}, {2, 300 * model.Wan}} {
			_, err := db.CreateFund(ctx, model.Actor{User: "finance"}, model.Fund{Kind: model.FundAllocated, ProjectID: a.project,
				Source: "县级配套", Amount: a.amount, Date: model.NewDate(2019, time.January, 10), DocNo: "沿财〔2019〕1号"})
			if err != nil {
				t.Fatal(err)
			}
		}
		db.Now = func() time.Time { return webNow }
		s := f.sessionOf(t, "finance")
		get := func(target string) string {
			t.Helper()
			w := f.do(t, s, "GET", target, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d, want 200", target, w.Code)
			}
			return w.Body.String()
		}
		for _, tc := range []struct {
			lamps             model.SpendLamps
			units, rule, lamp string
			red, yellow       int
		}{
			{model.DefaultSpendLamps(), "县民政局:1/0 洪渡镇人民政府:1/0", "9月30日起低于 60% 为红灯", "红灯", 2, 0},
			{model.SpendLamps{Checkpoints: []model.SpendCheckpoint{{Month: time.September, Day: 30, MinPct: 30}}, YellowGap: 20},
				"县民政局:1/0 洪渡镇人民政府:0/1", "9月30日起低于 30% 为红灯", "黄灯", 1, 1},
		} {
			db.Lamps = tc.lamps
			c := see(t, get("/?as_of=2019-10-15")).within(t, "spend-counts")
			for label, n := range map[string]int{"红灯": tc.red, "黄灯": tc.yellow, "绿灯": 0} {
				if got, want := c.figureOf(label), fmt.Sprintf("%d个", n); got != want {
					t.Errorf("%s: the 支出进度 card shows %s %q, want %q", tc.rule, label, got, want)
				}
			}
			for _, want := range []string{tc.rule, "超过 20 个百分点为黄灯", "尚未下达资金的项目 1 个"} {
				if !c.has(want) {
					t.Errorf("%s: the 支出进度 card lacks %q", tc.rule, want)
				}
			}
			if _, ok := c.linkTo("/projects?as_of=2019-10-15&spend=red"); !ok {
				t.Errorf("%s: the 支出进度 card does not link the red projects: %q", tc.rule, c.links)
			}
			if got := c.unitCounts(true); got != tc.units {
				t.Errorf("%s: red/yellow per unit %q, want %q", tc.rule, got, tc.units)
			}
			list := see(t, get("/projects?as_of=2019-10-15"))
			for _, want := range []string{tc.lamp + " 拨付", "拨付 40%", "拨付 0%", "未下达"} {
				if !list.cellHas(want) {
					t.Errorf("%s: no cell of the project list shows %q", tc.rule, want)
				}
			}
			if !list.has(tc.rule) || !slices.Contains(list.options["spend"], "未下达") {
				t.Errorf("%s: the project list does not state the rule or offer the 未下达 filter (%q)", tc.rule, list.options["spend"])
			}
		}

		db.Lamps = model.DefaultSpendLamps()
		for _, tc := range []struct {
			query       string
			want, avoid []string
		}{
			{"spend=red&as_of=2019-10-15", []string{"官舟片区养老服务中心", "洪渡敬老院改扩建"}, []string{"官舟农村公益性公墓"}},
			{"spend=none&as_of=2019-10-15", []string{"官舟农村公益性公墓"}, []string{"官舟片区养老服务中心", "洪渡敬老院改扩建"}},
			// Before the checkpoint, as of 2019-06-30 (49.6 % of the year
			// gone), 40 % is green and 0 % yellow.
			{"spend=green&as_of=2019-06-30", []string{"洪渡敬老院改扩建"}, []string{"官舟片区养老服务中心"}},
			{"spend=red&unit=" + unitCivil + "&as_of=2019-10-15", []string{"官舟片区养老服务中心"}, []string{"洪渡敬老院改扩建"}},
		} {
			page := see(t, get("/projects?"+tc.query))
			for _, want := range tc.want {
				if !page.lists(want) {
					t.Errorf("%s: the page does not list %q", tc.query, want)
				}
			}
			for _, avoid := range tc.avoid {
				if page.lists(avoid) {
					t.Errorf("%s: the page lists %q", tc.query, avoid)
				}
			}
		}
		if w := f.do(t, s, "GET", "/projects?spend=blue", nil); w.Code != http.StatusUnprocessableEntity {
			t.Errorf("spend=blue: status %d, want 422", w.Code)
		}
		if rule := see(t, get("/projects/2?as_of=2019-10-15")).byID["spend-rule"]; !strings.Contains(rule, "9月30日起低于 60% 为红灯") {
			t.Error("the project page does not state the 支出进度 rule")
		}
	})
}
