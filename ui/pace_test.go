package ui

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// The fixture's lamps as of 2020-06-30: project 1 (县民政局) has not
// started 18 months after its planned start (red, 74.8 % of its time
// gone); project 2 (洪渡镇) is 60 % done with all its time gone (red, 40
// behind; yellow when red starts at 45); project 3 is finished (none).
// As of 2018-11-30 project 1 is not due to start (none), project 2 has
// started with 7.0 % of its time gone and no report known yet (green),
// and project 3 (县民政局) has not finished, 91.5 % of its time gone
// with no report (red).
func TestWebPaceLamps(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		s := f.sessionOf(t, "supervisor")
		get := func(target string) string {
			t.Helper()
			w := f.do(t, s, "GET", target, nil)
			if w.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d, want 200", target, w.Code)
			}
			return w.Body.String()
		}

		for _, tc := range []struct {
			asOf, units        string
			red, yellow, green int
		}{
			{"2020-06-30", "县民政局:1 洪渡镇人民政府:1", 2, 0, 0},
			{"2018-11-30", "县民政局:1 洪渡镇人民政府:0", 1, 0, 1},
		} {
			card := see(t, get("/?as_of="+tc.asOf)).within(t, "pace-counts")
			for label, n := range map[string]int{"红灯": tc.red, "黄灯": tc.yellow, "绿灯": tc.green} {
				if got, want := card.figureOf(label), fmt.Sprintf("%d个", n); got != want {
					t.Errorf("dashboard as of %s shows %s %q, want %q", tc.asOf, label, got, want)
				}
			}
			if _, ok := card.linkTo("/projects?as_of=" + tc.asOf + "&lamp=red"); !ok || !card.has("落后不超过 10 个百分点为绿灯") {
				t.Errorf("dashboard as of %s: links %q, text %q; want the red projects linked and the rule stated", tc.asOf, card.links, card.text)
			}
			if got := card.unitCounts(false); got != tc.units {
				t.Errorf("dashboard as of %s: red per unit %q, want %q", tc.asOf, got, tc.units)
			}
		}

		// The list: a column with both figures, and the filter.
		list := see(t, get("/projects?as_of=2020-06-30"))
		for _, want := range []string{"序时 74.8% · 形象 未开工", "序时 100% · 形象 60%", "超过 30 个为红灯"} {
			if !list.has(want) {
				t.Errorf("project list lacks %q", want)
			}
		}
		if !slices.Contains(list.options["lamp"], "红灯") {
			t.Errorf("the lamp filter offers %q, want 红灯 among them", list.options["lamp"])
		}
		for _, tc := range []struct {
			query       string
			want, avoid []string
		}{
			{"lamp=red&as_of=2020-06-30", []string{"官舟片区养老服务中心", "洪渡敬老院改扩建"}, []string{"官舟农村公益性公墓"}},
			{"lamp=green&as_of=2020-06-30", []string{"没有符合条件的项目"}, nil},
			{"lamp=green&as_of=2018-11-30", []string{"洪渡敬老院改扩建", "序时 7% · 形象 未报"}, []string{"官舟片区养老服务中心"}},
			{"lamp=red&severity=none&as_of=2020-06-30", []string{"没有符合条件的项目"}, nil},
			{"lamp=red&unit=" + unitCivil + "&as_of=2020-06-30", []string{"官舟片区养老服务中心"}, []string{"洪渡敬老院改扩建"}},
		} {
			page := see(t, get("/projects?"+tc.query))
			for _, want := range tc.want {
				if !page.has(want) {
					t.Errorf("%s: page lacks %q", tc.query, want)
				}
			}
			for _, avoid := range tc.avoid {
				if page.lists(avoid) {
					t.Errorf("%s: page lists %q", tc.query, avoid)
				}
			}
		}
		if w := f.do(t, s, "GET", "/projects?lamp=blue", nil); w.Code != http.StatusUnprocessableEntity {
			t.Errorf("lamp=blue: status %d, want 422", w.Code)
		}

		// The project page shows both figures; the thresholds are the
		// server's.
		db.Pace = model.PaceLamps{Yellow: 10, Red: 45}
		body := get("/projects/2?as_of=2020-06-30")
		for _, want := range []string{"黄灯", "序时 100% · 形象 60%", "超过 45 个为红灯"} {
			if pace := see(t, body).byID["pace"]; !strings.Contains(pace, want) {
				t.Errorf("project page's 序时进度 %q lacks %q", pace, want)
			}
		}
		if pace := see(t, get("/projects/3?as_of=2020-06-30")).byID["pace"]; !strings.HasPrefix(pace, "—") {
			t.Errorf("finished project shows a lamp: %q", pace)
		}
	})
}
