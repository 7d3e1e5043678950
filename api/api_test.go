package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestLoginLogoutAndTokens(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{TokenTTL: time.Hour})
		for _, tc := range []struct {
			name   string
			body   any
			status int
		}{
			{"right password", map[string]string{"username": "mgr", "password": "password-mgr"}, 200},
			{"wrong password", map[string]string{"username": "mgr", "password": "password-mgr2"}, 401},
			{"unknown user", map[string]string{"username": "nobody", "password": "password-mgr"}, 401},
			{"not JSON", "username=mgr", 422},
			{"unknown field", map[string]string{"user": "mgr", "password": "password-mgr"}, 422},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.Do("POST", "/api/v1/login", "", tc.body)
				if tc.status != 200 {
					apitest.WantError(t, w, tc.status)
					return
				}
				var got struct {
					Token     string
					ExpiresAt time.Time `json:"expires_at"`
					User      struct{ Name, Role, Unit string }
				}
				apitest.DecodeJSON(t, w, &got)
				if w.Code != 200 || got.Token == "" || !got.ExpiresAt.Equal(apitest.Now.Add(time.Hour)) || got.User.Unit != apitest.Civil {
					t.Errorf("login = %d %s", w.Code, w.Body.String())
				}
			})
		}

		// A token works, until it is revoked by logout.
		if w := f.Do("GET", "/api/v1/me", "mgr", nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"name":"mgr"`) {
			t.Fatalf("me = %d %s", w.Code, w.Body.String())
		}
		if w := f.Do("POST", "/api/v1/logout", "mgr", nil); w.Code != http.StatusNoContent {
			t.Fatalf("logout = %d %s", w.Code, w.Body.String())
		}
		apitest.WantError(t, f.Do("GET", "/api/v1/me", "mgr", nil), 401)

		// No token, a made-up one, and an expired one are all 401.
		apitest.WantError(t, f.Do("GET", "/api/v1/projects", "", nil), 401)
		f.Tokens["forger"] = "0123456789abcdef"
		apitest.WantError(t, f.Do("GET", "/api/v1/projects", "forger", nil), 401)
		if w := f.Do("GET", "/api/v1/projects", "sup", nil); w.Code != 200 {
			t.Fatalf("projects before expiry = %d", w.Code)
		}
		db.Now = func() time.Time { return apitest.Now.Add(time.Hour) }
		apitest.WantError(t, f.Do("GET", "/api/v1/projects", "sup", nil), 401)
		// The document and login need no token.
		if w := f.Do("GET", "/api/v1/openapi.json", "", nil); w.Code != 200 {
			t.Errorf("openapi.json without token = %d", w.Code)
		}
	})
}

// TestRoles walks every endpoint's status per role. A case that needs a
// state sets it through the store first (before), so that every case
// passes alone as in order.
func TestRoles(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		p, other := f.Project[apitest.Civil], f.Project[apitest.Township]
		start, finish := f.Start[apitest.Civil], f.Finish[apitest.Civil]
		patch := func(fields map[string]any) func() any {
			return func() any {
				fields["version"] = f.Version(start)
				return fields
			}
		}
		fixed := func(v any) func() any { return func() any { return v } }
		ctx, admin := context.Background(), model.Actor{User: "admin"}
		// startActual records the start's actual date through the store,
		// so that a case needing it does not depend on an earlier one.
		startActual := func(t *testing.T) {
			d := model.NewDate(2024, time.June, 1)
			if _, err := db.UpdateMilestone(ctx, admin, start, model.MilestoneUpdate{ActualDate: &d, Version: f.Version(start)}); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name, user, method, path string
			before                   func(t *testing.T) // the state the case needs, set through the store
			body                     func() any
			status                   int
		}{
			{"list as finance", "fin", "GET", "/api/v1/projects", nil, nil, 200},
			{"detail as supervisor", "sup", "GET", fmt.Sprintf("/api/v1/projects/%d", p), nil, nil, 200},
			{"detail unknown", "sup", "GET", "/api/v1/projects/9999", nil, nil, 404},
			{"detail bad id", "sup", "GET", "/api/v1/projects/abc", nil, nil, 404},
			{"users as admin", "admin", "GET", "/api/v1/users", nil, nil, 200},
			{"users as manager", "mgr", "GET", "/api/v1/users", nil, nil, 403},

			{"patch as supervisor", "sup", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, patch(map[string]any{"actual_date": "2024-06-01"}), 403},
			{"patch as finance", "fin", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, patch(map[string]any{"actual_date": "2024-06-01"}), 403},
			{"patch other unit", "mgr2", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, patch(map[string]any{"actual_date": "2024-06-01"}), 403},
			{"patch unknown", "mgr", "PATCH", "/api/v1/milestones/9999", nil, fixed(map[string]any{"actual_date": "2024-06-01", "version": 1}), 404},
			{"patch without version", "mgr", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, fixed(map[string]any{"actual_date": "2024-06-01"}), 422},
			{"patch future actual", "mgr", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, patch(map[string]any{"actual_date": "2024-06-16"}), 422},
			{"patch bad date", "mgr", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, patch(map[string]any{"actual_date": "2024/06/01"}), 422},
			{"patch as manager", "mgr", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, patch(map[string]any{"actual_date": "2024-06-01"}), 200},
			{"patch stale", "mgr", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), startActual, fixed(map[string]any{"actual_date": "2024-06-02", "version": 1}), 409},
			{"finish before start", "mgr", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", finish), startActual,
				func() any { return map[string]any{"actual_date": "2024-05-31", "version": f.Version(finish)} }, 422},
			{"patch as admin", "admin", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", start), nil, patch(map[string]any{"forecast_date": nil, "slip_reason": "用地"}), 200},

			{"stage as other manager", "mgr2", "POST", fmt.Sprintf("/api/v1/projects/%d/stages", p), nil, fixed(map[string]any{"name": "主体完工", "baseline_date": "2024-12-01", "baseline_precision": "month"}), 403},
			{"stage as manager", "mgr", "POST", fmt.Sprintf("/api/v1/projects/%d/stages", p), nil, fixed(map[string]any{"name": "主体完工", "baseline_date": "2024-12-01", "baseline_precision": "month"}), 201},
			{"stage twice", "mgr", "POST", fmt.Sprintf("/api/v1/projects/%d/stages", p), func(t *testing.T) {
				if _, err := db.AddStage(ctx, admin, p, "竣工验收备案", model.DayPlan(model.NewDate(2025, time.March, 1))); err != nil {
					t.Fatal(err)
				}
			}, fixed(map[string]any{"name": "竣工验收备案", "baseline_date": "2025-03-01"}), 409},
			{"stage bad precision", "mgr", "POST", fmt.Sprintf("/api/v1/projects/%d/stages", p), nil, fixed(map[string]any{"name": "竣工验收", "baseline_date": "2024-12-01", "baseline_precision": "week"}), 422},
			{"stage unknown project", "admin", "POST", "/api/v1/projects/9999/stages", nil, fixed(map[string]any{"name": "竣工验收", "baseline_date": "2024-12-01"}), 404},

			{"rebaseline as manager", "mgr", "POST", fmt.Sprintf("/api/v1/milestones/%d/rebaseline", finish), nil, fixed(map[string]any{"baseline_date": "2025-12-31", "reason": "x", "doc_number": "y"}), 403},
			{"rebaseline without document", "admin", "POST", fmt.Sprintf("/api/v1/milestones/%d/rebaseline", finish), nil, fixed(map[string]any{"baseline_date": "2025-12-31", "reason": "用地调整"}), 422},
			{"rebaseline unknown", "admin", "POST", "/api/v1/milestones/9999/rebaseline", nil, fixed(map[string]any{"baseline_date": "2025-12-31", "reason": "用地调整", "doc_number": "沿府〔2024〕1号"}), 404},
			{"rebaseline as admin", "admin", "POST", fmt.Sprintf("/api/v1/milestones/%d/rebaseline", finish), nil, fixed(map[string]any{"baseline_date": "2025-12-01", "baseline_precision": "month", "reason": "用地调整", "doc_number": "沿府〔2024〕1号"}), 200},

			{"progress as supervisor", "sup", "POST", fmt.Sprintf("/api/v1/projects/%d/progress", p), nil, fixed(map[string]any{"percent": 10}), 403},
			{"progress other unit", "mgr2", "POST", fmt.Sprintf("/api/v1/projects/%d/progress", p), nil, fixed(map[string]any{"percent": 10}), 403},
			{"progress over 100", "mgr", "POST", fmt.Sprintf("/api/v1/projects/%d/progress", p), nil, fixed(map[string]any{"percent": 101}), 422},
			{"progress in the future", "mgr", "POST", fmt.Sprintf("/api/v1/projects/%d/progress", p), nil, fixed(map[string]any{"percent": 10, "report_date": "2024-07-01"}), 422},
			{"progress fractional fen", "mgr", "POST", fmt.Sprintf("/api/v1/projects/%d/progress", p), nil, fixed(map[string]any{"investment_done_wan": 0.0000001}), 422},
			{"progress as manager", "mgr", "POST", fmt.Sprintf("/api/v1/projects/%d/progress", p), nil, fixed(map[string]any{"percent": 12.5, "investment_done_wan": "350.25", "problems": "雨季"}), 201},

			{"raise as manager", "mgr", "POST", "/api/v1/supervisions", nil, fixed(map[string]any{"project_id": other, "reason": "开工滞后", "due": "2024-06-20"}), 403},
			{"raise unknown project", "sup", "POST", "/api/v1/supervisions", nil, fixed(map[string]any{"project_id": 9999, "reason": "开工滞后", "due": "2024-06-20"}), 404},
			{"raise without due", "sup", "POST", "/api/v1/supervisions", nil, fixed(map[string]any{"project_id": other, "reason": "开工滞后"}), 422},
			{"raise as supervisor", "sup", "POST", "/api/v1/supervisions", nil, fixed(map[string]any{"project_id": other, "reason": "开工滞后", "due": "2024-06-20"}), 201},
			{"list 督办 as finance", "fin", "GET", "/api/v1/supervisions?status=unsigned", nil, nil, 200},
			{"list 督办 bad status", "fin", "GET", "/api/v1/supervisions?status=done", nil, nil, 422},

			{"audit as finance", "fin", "GET", fmt.Sprintf("/api/v1/projects/%d/audit", p), nil, nil, 200},
			{"audit unknown", "fin", "GET", "/api/v1/projects/9999/audit", nil, nil, 404},
			{"alerts bad date", "sup", "GET", "/api/v1/alerts?as_of=2024-13-01", nil, nil, 422},
			{"alerts bad severity", "sup", "GET", "/api/v1/alerts?severity=purple", nil, nil, 422},
			{"alerts bad page size", "sup", "GET", "/api/v1/alerts?page_size=501", nil, nil, 422},
			{"alerts bad page", "sup", "GET", "/api/v1/alerts?page=0", nil, nil, 422},
			{"projects bad page", "sup", "GET", "/api/v1/projects?page=0", nil, nil, 422},
			{"imports as supervisor", "sup", "POST", "/api/v1/imports", nil, nil, 403},
			{"imports not multipart", "admin", "POST", "/api/v1/imports", nil, fixed(map[string]any{}), 422},
			{"unknown route", "admin", "GET", "/api/v1/nothing", nil, nil, 404},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.before != nil {
					tc.before(t)
				}
				var body any
				if tc.body != nil {
					body = tc.body()
				}
				w := f.Do(tc.method, tc.path, tc.user, body)
				if tc.status >= 400 {
					apitest.WantError(t, w, tc.status)
					return
				}
				if w.Code != tc.status {
					t.Fatalf("status = %d (%s), want %d", w.Code, w.Body.String(), tc.status)
				}
			})
		}
	})
}
