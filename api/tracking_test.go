package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/sample"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// Two managers PATCH one milestone with the version both saw: exactly one
// gets 200, the others 409.
func TestConcurrentPatch(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		id := f.Start[apitest.Civil]
		const editors = 6
		var (
			start = make(chan struct{})
			wg    sync.WaitGroup
			codes = make([]int, editors)
		)
		for i := range editors {
			user := []string{"mgr", "admin"}[i%2]
			req := httptest.NewRequest("PATCH", fmt.Sprintf("/api/v1/milestones/%d", id),
				strings.NewReader(fmt.Sprintf(`{"actual_date":"2024-06-%02d","version":1}`, i+1)))
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				codes[i] = f.Send(req, user).Code
			}()
		}
		close(start)
		wg.Wait()
		count := map[int]int{}
		for _, c := range codes {
			count[c]++
		}
		if count[200] != 1 || count[409] != editors-1 {
			t.Errorf("statuses = %v, want one 200 and %d 409", count, editors-1)
		}
		if got := f.Version(id); got != 2 {
			t.Errorf("version = %d, want 2", got)
		}
	})
}

func TestProjectDetailAndAudit(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		p, start := f.Project[apitest.Civil], f.Start[apitest.Civil]
		// Started 2024-05-10, after its March baseline: a slip of 40 days.
		w := f.Do("PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), "mgr",
			map[string]any{"actual_date": "2024-05-10", "slip_reason": "审批", "version": 1})
		if w.Code != 200 {
			t.Fatalf("PATCH = %d %s", w.Code, w.Body.String())
		}
		var m struct {
			ActualDate string `json:"actual_date"`
			Version    int
		}
		apitest.DecodeJSON(t, w, &m)
		if m.ActualDate != "2024-05-10" || m.Version != 2 {
			t.Errorf("PATCH answer = %s, want actual 2024-05-10 version 2", w.Body.String())
		}
		if w := f.Do("POST", fmt.Sprintf("/api/v1/projects/%d/progress", p), "mgr", map[string]any{"percent": "30"}); w.Code != 201 {
			t.Fatalf("progress = %d %s", w.Code, w.Body.String())
		}

		w = f.Do("GET", fmt.Sprintf("/api/v1/projects/%d", p), "sup", nil)
		var d struct {
			Code        string
			ActualStart string `json:"actual_start"`
			ProgressPct any    `json:"progress_pct"`
			Milestones  []struct {
				ID                uint
				Kind              string
				BaselineDate      string `json:"baseline_date"`
				BaselinePrecision string `json:"baseline_precision"`
				ActualDate        *string
				Version           int
			}
			SlipHistory []struct {
				Milestone  string
				SlipDays   int    `json:"slip_days"`
				SlipReason string `json:"slip_reason"`
			} `json:"slip_history"`
			Progress     []map[string]any
			Supervisions []map[string]any
		}
		apitest.DecodeJSON(t, w, &d)
		if d.Code != "A1-001" || d.ActualStart != "2024-05-10" || fmt.Sprint(d.ProgressPct) != "30" {
			t.Errorf("project = %s", w.Body.String())
		}
		if len(d.Milestones) != 2 || d.Milestones[0].Kind != "start" || d.Milestones[0].BaselineDate != "2024-03-31" ||
			d.Milestones[0].BaselinePrecision != "month" || d.Milestones[0].Version != 2 {
			t.Errorf("milestones = %+v", d.Milestones)
		}
		if len(d.SlipHistory) != 1 || d.SlipHistory[0].SlipDays != 40 || d.SlipHistory[0].SlipReason != "审批" {
			t.Errorf("slip_history = %+v, want the start 40 days late for 审批", d.SlipHistory)
		}
		if len(d.Progress) != 1 || d.Supervisions == nil {
			t.Errorf("progress = %v, supervisions = %v", d.Progress, d.Supervisions)
		}

		w = f.Do("GET", fmt.Sprintf("/api/v1/projects/%d/audit", p), "fin", nil)
		var audit struct {
			Items []struct{ User, Action, Field, Old, New, Source string }
		}
		apitest.DecodeJSON(t, w, &audit)
		var fromImport, fromAPI []string
		for _, e := range audit.Items {
			switch {
			case strings.HasPrefix(e.Source, "import#"):
				fromImport = append(fromImport, e.Action)
			case e.Source == "api":
				fromAPI = append(fromAPI, e.User+" "+e.Field+" "+e.Old+">"+e.New)
			}
		}
		if len(fromImport) == 0 {
			t.Errorf("audit has no import entries: %s", w.Body.String())
		}
		want := []string{"mgr actual_date >2024-05-10", "mgr slip_reason >审批", "mgr report_date >2024-06-15", "mgr percent >30"}
		if strings.Join(fromAPI, "|") != strings.Join(want, "|") {
			t.Errorf("API audit = %q, want %q", fromAPI, want)
		}
	})
}

func TestAlertsAndSeverityFilter(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		// As of 2024-06-15 the apitest.Township project's start (due 2023-12-31)
		// is 167 days late: red; the apitest.Civil one's (due 2024-03-31) 76: orange.
		for _, tc := range []struct {
			query string
			want  []string // project_code severity slip_days
		}{
			{"", []string{"A1-002 red 167", "A1-001 orange 76"}},
			{"?severity=orange", []string{"A1-001 orange 76"}},
			{"?unit=" + apitest.Township, []string{"A1-002 red 167"}},
			{"?as_of=2024-01-01", []string{"A1-002 yellow 1"}},
			{"?as_of=2023-12-31", nil},
		} {
			t.Run("alerts"+tc.query, func(t *testing.T) {
				w := f.Do("GET", "/api/v1/alerts"+tc.query, "sup", nil)
				var out struct {
					Items []struct {
						ProjectCode string `json:"project_code"`
						Severity    string
						SlipDays    int `json:"slip_days"`
						Kind        string
					}
				}
				apitest.DecodeJSON(t, w, &out)
				var got []string
				for _, a := range out.Items {
					if a.Kind == "overdue" {
						got = append(got, fmt.Sprintf("%s %s %d", a.ProjectCode, a.Severity, a.SlipDays))
					}
				}
				if strings.Join(got, "|") != strings.Join(tc.want, "|") || out.Items == nil {
					t.Errorf("alerts = %q, want %q", got, tc.want)
				}
			})
		}
		for _, tc := range []struct {
			query    string
			want     string // project_code kind of each item
			total    int
			counts   [3]int // red, orange, yellow
			page     int
			pageSize int
		}{
			{"?kind=overdue", "A1-002 overdue|A1-001 overdue", 2, [3]int{1, 1, 0}, 1, 50},
			{"?kind=overdue&page_size=1", "A1-002 overdue", 2, [3]int{1, 1, 0}, 1, 1},
			{"?kind=overdue&page_size=1&page=2", "A1-001 overdue", 2, [3]int{1, 1, 0}, 2, 1},
			{"?kind=overdue&page_size=1&page=3", "", 2, [3]int{1, 1, 0}, 3, 1},
			{"?kind=overdue&severity=orange", "A1-001 overdue", 1, [3]int{1, 1, 0}, 1, 50},
		} {
			t.Run("alert page"+tc.query, func(t *testing.T) {
				w := f.Do("GET", "/api/v1/alerts"+tc.query, "sup", nil)
				var out struct {
					Items []struct {
						ProjectCode string `json:"project_code"`
						Kind        string
					}
					Total    int
					Counts   struct{ Red, Orange, Yellow int }
					Page     int
					PageSize int `json:"page_size"`
				}
				apitest.DecodeJSON(t, w, &out)
				var got []string
				for _, a := range out.Items {
					got = append(got, a.ProjectCode+" "+a.Kind)
				}
				counts := [3]int{out.Counts.Red, out.Counts.Orange, out.Counts.Yellow}
				if strings.Join(got, "|") != tc.want || out.Total != tc.total || counts != tc.counts || out.Page != tc.page || out.PageSize != tc.pageSize {
					t.Errorf("alerts = %q total %d counts %v page %d/%d, want %q %d %v %d/%d",
						got, out.Total, counts, out.Page, out.PageSize, tc.want, tc.total, tc.counts, tc.page, tc.pageSize)
				}
			})
		}
		for _, tc := range []struct {
			query string
			want  string
			total int
		}{
			{"?severity=red", "A1-002", 1},
			{"?severity=yellow", "", 0},
			{"?severity=yellow&as_of=2024-01-01", "A1-002", 1},
			{"?unit=" + apitest.Civil, "A1-001", 1},
			{"?q=敬老院", "A1-002", 1},
			{"?page=2&page_size=1", "A1-002", 2},
			{"?limit=1&offset=0", "A1-001", 2},
		} {
			t.Run("projects"+tc.query, func(t *testing.T) {
				w := f.Do("GET", "/api/v1/projects"+tc.query, "mgr", nil)
				var out struct {
					Items []struct{ Code string }
					Total int
				}
				apitest.DecodeJSON(t, w, &out)
				var codes []string
				for _, p := range out.Items {
					codes = append(codes, p.Code)
				}
				if strings.Join(codes, ",") != tc.want || out.Total != tc.total || out.Items == nil {
					t.Errorf("projects = %q total %d, want %q total %d", codes, out.Total, tc.want, tc.total)
				}
			})
		}
	})
}

// supervisionJSON is what the tests read of a 督办.
type supervisionJSON struct {
	ID                 uint
	Status             string
	Level              int
	Due                string
	OriginalDue        string  `json:"original_due"`
	SignedAt           *string `json:"signed_at"`
	ChaseCount         int     `json:"chase_count"`
	Overdue            bool
	WorkingDaysOverdue int      `json:"working_days_overdue"`
	AssistUnits        []string `json:"assist_units"`
	Version            int
	Steps              []struct{ Action, Body, Level string }
}

// Every step of the cycle through the API, with who may take it. The
// fixture's today is Saturday 2024-06-15.
func TestSupervisionAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		w := f.Do("POST", "/api/v1/supervisions", "sup", map[string]any{"project_id": f.Project[apitest.Civil], "reason": "开工滞后，请书面说明",
			"assist_units": []string{"县财政局"}, "due_working_days": 3})
		if w.Code != 201 {
			t.Fatalf("raise = %d %s", w.Code, w.Body.String())
		}
		var sv supervisionJSON
		apitest.DecodeJSON(t, w, &sv)
		if sv.Status != "unsigned" || sv.Due != "2024-06-19" || sv.OriginalDue != "2024-06-19" || sv.SignedAt != nil || len(sv.AssistUnits) != 1 {
			t.Fatalf("raised = %+v", sv)
		}
		apitest.WantError(t, f.Do("POST", "/api/v1/supervisions", "sup", map[string]any{"project_id": f.Project[apitest.Civil], "reason": "x", "due": "2024-06-20", "due_working_days": 3}), 422)
		path := fmt.Sprintf("/api/v1/supervisions/%d/", sv.ID)

		list := func(query string) []supervisionJSON {
			w := f.Do("GET", "/api/v1/supervisions?"+query, "sup", nil)
			var out struct {
				Items []supervisionJSON
				Total int
			}
			apitest.DecodeJSON(t, w, &out)
			if out.Total != len(out.Items) || out.Items == nil {
				t.Errorf("%s: total %d, %d items", query, out.Total, len(out.Items))
			}
			return out.Items
		}
		if got := list("overdue=true&as_of=2024-06-17"); len(got) != 0 {
			t.Errorf("overdue on the sign-off deadline = %d, want 0", len(got))
		}
		if got := list("overdue=true&as_of=2024-06-18"); len(got) != 1 || got[0].WorkingDaysOverdue != 1 {
			t.Errorf("overdue the day after = %+v, want 1 by 1 working day", got)
		}
		if got := list("status=unsigned&unit=" + url.QueryEscape("县财政局")); len(got) != 1 {
			t.Errorf("unsigned of the assisting unit = %d, want 1", len(got))
		}
		for _, tc := range []struct {
			name, user, step string
			body             map[string]any
			status           int
			wantStatus, due  string
		}{
			{"other unit signs", "mgr2", "sign", map[string]any{}, 403, "", ""},
			{"supervisor signs", "sup", "sign", map[string]any{}, 403, "", ""},
			{"reply unsigned", "mgr", "reply", map[string]any{"body": "收到"}, 409, "", ""},
			{"sign at a stale version", "mgr", "sign", map[string]any{"version": 9}, 409, "", ""},
			{"sign", "mgr", "sign", map[string]any{"version": 1}, 200, "in_progress", "2024-06-19"},
			{"extension", "mgr", "extension", map[string]any{"due": "2024-06-28", "reason": "用地手续"}, 200, "in_progress", "2024-06-19"},
			{"manager approves", "mgr", "extension/approve", map[string]any{}, 403, "", ""},
			{"refuse", "sup", "extension/refuse", map[string]any{"reason": "理由不足"}, 200, "in_progress", "2024-06-19"},
			{"extension again", "mgr", "extension", map[string]any{"due": "2024-06-26", "reason": "雨季"}, 200, "in_progress", "2024-06-19"},
			{"approve", "sup", "extension/approve", map[string]any{}, 200, "in_progress", "2024-06-26"},
			{"chase", "sup", "chase", map[string]any{"body": "请抓紧"}, 200, "in_progress", "2024-06-26"},
			{"empty reply", "mgr", "reply", map[string]any{"body": ""}, 422, "", ""},
			{"reply", "mgr", "reply", map[string]any{"body": "已办理施工许可"}, 200, "review", "2024-06-26"},
			{"manager accepts", "mgr", "accept", map[string]any{}, 403, "", ""},
			{"return without reason", "sup", "return", map[string]any{"due": "2024-07-01"}, 422, "", ""},
			{"return", "sup", "return", map[string]any{"reason": "未附现场照片", "due": "2024-07-01"}, 200, "in_progress", "2024-07-01"},
			{"escalate without level", "sup", "escalate", map[string]any{"note": "约谈"}, 422, "", ""},
			{"escalate", "sup", "escalate", map[string]any{"level": "分管县领导", "date": "2024-06-15", "note": "约谈局长"}, 200, "in_progress", "2024-07-01"},
			{"admin replies", "admin", "reply", map[string]any{"body": "已补照片"}, 200, "review", "2024-07-01"},
			{"accept", "sup", "accept", map[string]any{"body": "办结销号"}, 200, "closed", "2024-07-01"},
			{"chase closed", "sup", "chase", map[string]any{}, 409, "", ""},
		} {
			// Steps of one story, each needing the ones before: not subtests.
			w := f.Do("POST", path+tc.step, tc.user, tc.body)
			if w.Code != tc.status {
				t.Fatalf("%s: status %d (%s), want %d", tc.name, w.Code, w.Body.String(), tc.status)
			}
			if tc.status != 200 {
				apitest.WantError(t, w, tc.status)
				continue
			}
			apitest.DecodeJSON(t, w, &sv)
			if sv.Status != tc.wantStatus || sv.Due != tc.due {
				t.Fatalf("%s: %s, want status %s due %s", tc.name, w.Body.String(), tc.wantStatus, tc.due)
			}
		}
		if sv.ChaseCount != 1 || sv.Level != 2 || sv.OriginalDue != "2024-06-19" || sv.SignedAt == nil || len(sv.Steps) != 12 {
			t.Errorf("closed = %+v", sv)
		}
		if got := list("status=closed&supervisor=sup"); len(got) != 1 {
			t.Errorf("closed by sup = %d, want 1", len(got))
		}
		// The day before it was raised it did not exist.
		if got := list("as_of=2024-06-14"); len(got) != 0 {
			t.Errorf("督办 as of 2024-06-14 = %d, want 0", len(got))
		}
		apitest.WantError(t, f.Do("GET", "/api/v1/supervisions?status=open", "sup", nil), 422)
		apitest.WantError(t, f.Do("POST", "/api/v1/supervisions/9999/close", "sup", map[string]any{}), 404)
	})
}

func TestCalendarDue(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		for _, tc := range []struct {
			query  string
			status int
			due    string
		}{
			{"from=2026-09-30&working_days=5", 200, "2026-10-13"},
			{"from=2026-02-13&working_days=2", 200, "2026-02-24"},
			{"from=2026-09-30", 422, ""},
			{"from=2026-09-30&working_days=0", 422, ""},
			{"from=2026-13-01&working_days=1", 422, ""},
			{"working_days=1", 422, ""},
		} {
			w := f.Do("GET", "/api/v1/calendar/due?"+tc.query, "fin", nil)
			if tc.status != 200 {
				apitest.WantError(t, w, tc.status)
				continue
			}
			var out struct{ Due string }
			apitest.DecodeJSON(t, w, &out)
			if out.Due != tc.due {
				t.Errorf("%s: due %s, want %s", tc.query, out.Due, tc.due)
			}
		}
		year := map[string][]byte{"2027.json": []byte(`{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}`)}
		apitest.WantError(t, f.UploadTo("/api/v1/calendar/years", "sup", year), 403)
		apitest.WantError(t, f.UploadTo("/api/v1/calendar/years", "admin", map[string][]byte{"bad.json": []byte(`{"year":`)}), 422)
		if w := f.UploadTo("/api/v1/calendar/years", "admin", year); w.Code != 201 || !strings.Contains(w.Body.String(), "2027") {
			t.Errorf("import 2027 = %d %s", w.Code, w.Body.String())
		}
	})
}

func TestImportUpload(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		plan := map[string][]byte{sample.AnnexesName: sample.Annexes()}
		ledger := map[string][]byte{sample.LedgerName: sample.Ledger()}
		for _, tc := range []struct {
			name, user, query string
			files             map[string][]byte
			status            int
		}{
			{"plan as manager", "mgr", "?dry_run=true", plan, 403},
			{"plan as finance", "fin", "?dry_run=true", plan, 403},
			{"ledger as manager", "mgr", "?dry_run=true", ledger, 403},
			{"no file", "admin", "", map[string][]byte{}, 422},
			{"not a workbook", "admin", "", map[string][]byte{"x.xlsx": []byte("hello")}, 422},
			{"bad dry_run", "admin", "?dry_run=maybe", plan, 422},
			{"plan dry run as admin", "admin", "?dry_run=true", plan, 200},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.Upload(tc.user, tc.query, tc.files)
				if tc.status != 200 {
					apitest.WantError(t, w, tc.status)
					return
				}
				var rep struct {
					DryRun  bool `json:"dry_run"`
					Created int
				}
				apitest.DecodeJSON(t, w, &rep)
				if w.Code != 200 || !rep.DryRun || rep.Created == 0 {
					t.Errorf("import = %d %s", w.Code, w.Body.String())
				}
			})
		}
		// The dry run wrote nothing.
		if _, n, err := db.ListProjects(t.Context(), model.ProjectFilter{}); err != nil || n != 2 {
			t.Errorf("projects after dry run = %d, %v; want the fixture's 2", n, err)
		}
	})
}

func TestUploadTooLarge(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{MaxUpload: 1 << 10, MaxBody: 1 << 10})
		big := map[string][]byte{"big.xlsx": bytes.Repeat([]byte("x"), 4<<10)}
		apitest.WantError(t, f.Upload("admin", "", big), http.StatusRequestEntityTooLarge)

		// A body without a Content-Length is cut off while it is read.
		req := httptest.NewRequest("PATCH", fmt.Sprintf("/api/v1/milestones/%d", f.Start[apitest.Civil]),
			struct{ *strings.Reader }{strings.NewReader(`{"slip_reason":"` + strings.Repeat("资", 1<<10) + `","version":1}`)})
		req.ContentLength = -1
		w := f.Send(req, "mgr")
		apitest.WantError(t, w, http.StatusRequestEntityTooLarge)
	})
}

// GET /projects?as_of=D gives each project's facts as known on D: an
// actual start recorded today and a payment entered today are not known
// the day before.
func TestProjectsAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		w := f.Do("PATCH", fmt.Sprintf("/api/v1/milestones/%d", f.Start[apitest.Civil]), "mgr", map[string]any{"actual_date": "2024-06-03", "version": 1})
		if w.Code != http.StatusOK {
			t.Fatalf("PATCH: %d %s", w.Code, w.Body)
		}
		if _, err := db.CreatePayment(t.Context(), model.Actor{User: "fin", Source: "api"}, model.Disbursement{ProjectID: f.Project[apitest.Civil],
			Date: model.NewDate(2024, 6, 1), Source: "县级配套", Amount: 100 * model.Wan, Voucher: "V-1"}, true); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct{ asOf, start, spent string }{
			{"2024-06-14", "", "0"}, {"2024-06-15", "2024-06-03", "100"}, {"", "2024-06-03", "100"},
		} {
			w := f.Do("GET", "/api/v1/projects?q=县养老服务中心&as_of="+tc.asOf, "mgr", nil)
			var out struct {
				Items []struct {
					ActualStart *string     `json:"actual_start"`
					Spent       json.Number `json:"spent_wan"`
				}
			}
			apitest.DecodeJSON(t, w, &out)
			if len(out.Items) != 1 {
				t.Fatalf("as of %q: %d projects, want 1", tc.asOf, len(out.Items))
			}
			got := out.Items[0]
			start := ""
			if got.ActualStart != nil {
				start = *got.ActualStart
			}
			if start != tc.start || got.Spent.String() != tc.spent {
				t.Errorf("as of %q: actual start %q, spent %s; want %q, %s", tc.asOf, start, got.Spent, tc.start, tc.spent)
			}
		}
	})
}

// GET /alerts?as_of=D shows a forecast only from the report date of the
// return that gave it: the day before, A1-001 (due 2025-06) has no
// forecast alert; on the date it has one, with the forecast.
func TestAlertsForecastAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		row := model.ProgressRow{Ref: model.Ref{File: "月报.xlsx", Sheet: "5月", Row: 4, ProjectColumn: "B"}, ProjectName: "县养老服务中心",
			ReportDate: model.NewDate(2024, 5, 31), Forecast: model.NewDate(2025, 12, 31), Columns: model.ProgressColumns{Forecast: "E"}}
		res, err := db.ApplyImport(context.Background(), &model.ImportSet{Progress: []model.ProgressRow{row}},
			model.ApplyOptions{Actor: model.Actor{User: "mgr"}, Kind: "progress", Files: []string{"月报.xlsx"}})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("return: %v %+v", err, res.Errors)
		}
		for _, tc := range []struct {
			asOf, want string
		}{{"2024-05-30", ""}, {"2024-05-31", "A1-001 2025-12-31"}, {"2024-06-15", "A1-001 2025-12-31"}} {
			w := f.Do("GET", "/api/v1/alerts?kind=forecast&as_of="+tc.asOf, "sup", nil)
			var out struct {
				Items []struct {
					ProjectCode string `json:"project_code"`
					Forecast    string
				}
			}
			apitest.DecodeJSON(t, w, &out)
			var got []string
			for _, a := range out.Items {
				got = append(got, a.ProjectCode+" "+a.Forecast)
			}
			if strings.Join(got, "|") != tc.want {
				t.Errorf("forecast alerts as of %s: got %q, want %q", tc.asOf, got, tc.want)
			}
		}
	})
}
