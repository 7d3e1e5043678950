package ui

import (
	"fmt"
	"net/http"
	"regexp"
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
		count := func(lamp, label string, n int) string {
			return fmt.Sprintf(`<div class="label"><span class="lamp lamp-%s"></span>%s</div><div class="value">%d<small>`, lamp, label, n)
		}
		unitRow := regexp.MustCompile(`(?s)<td data-label="责任单位"><a href="[^"]*">([^<]+)</a></td>\s*<td data-label="红灯" class="num">(?:<a [^>]*>)?(\d+)`)
		units := func(body string) string {
			var out []string
			for _, m := range unitRow.FindAllStringSubmatch(body, -1) {
				out = append(out, m[1]+":"+m[2])
			}
			return strings.Join(out, " ")
		}

		for _, tc := range []struct {
			asOf, units        string
			red, yellow, green int
		}{
			{"2020-06-30", "县民政局:1 洪渡镇人民政府:1", 2, 0, 0},
			{"2018-11-30", "县民政局:1 洪渡镇人民政府:0", 1, 0, 1},
		} {
			body := get("/?as_of=" + tc.asOf)
			for _, want := range []string{count("red", "红灯", tc.red), count("yellow", "黄灯", tc.yellow), count("green", "绿灯", tc.green),
				"落后不超过 10 个百分点为绿灯", "/projects?as_of=" + tc.asOf + "&amp;lamp=red"} {
				if !strings.Contains(body, want) {
					t.Errorf("dashboard as of %s lacks %q", tc.asOf, want)
				}
			}
			if got := units(body); got != tc.units {
				t.Errorf("dashboard as of %s: red per unit %q, want %q", tc.asOf, got, tc.units)
			}
		}

		// The list: a column with both figures, and the filter.
		body := get("/projects?as_of=2020-06-30")
		for _, want := range []string{"序时 74.8% · 形象 未开工", "序时 100% · 形象 60%", `<option value="red">红灯</option>`, "超过 30 个为红灯"} {
			if !strings.Contains(body, want) {
				t.Errorf("project list lacks %q", want)
			}
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
			body := get("/projects?" + tc.query)
			for _, want := range tc.want {
				if !strings.Contains(body, want) {
					t.Errorf("%s: page lacks %q", tc.query, want)
				}
			}
			for _, avoid := range tc.avoid {
				if strings.Contains(body, ">"+avoid+"</a>") {
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
		body = get("/projects/2?as_of=2020-06-30")
		for _, want := range []string{`<span class="badge pace-yellow"><span class="lamp lamp-yellow"></span>黄灯</span>`, "序时 100% · 形象 60%", "超过 45 个为红灯"} {
			if !strings.Contains(body, want) {
				t.Errorf("project page lacks %q", want)
			}
		}
		if body := get("/projects/3?as_of=2020-06-30"); !strings.Contains(body, `<dd id="pace"><span class="muted">—</span>`) {
			t.Errorf("finished project shows a lamp")
		}
	})
}
