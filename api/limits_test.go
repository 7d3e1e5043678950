package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestTextAndDateBoundsAPI: text over its limit, control characters and
// dates outside 1990–2100 are 422 naming the field, on both engines, and
// nothing is stored.
func TestTextAndDateBoundsAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		p := f.Project[apitest.Civil]
		pay := func(voucher, note string) map[string]any {
			return map[string]any{"project_id": p, "date": "2024-06-01", "source": "县级配套", "amount_wan": 1, "voucher": voucher, "note": note}
		}
		for _, tc := range []struct {
			name, method, path, user string
			body                     any
			field, message           string
		}{
			{"65-character voucher", "POST", "/api/v1/payments", "fin", pay(strings.Repeat("9", 65), ""), "voucher", "凭证号过长（65 个字，最多 64 个）"},
			{"NUL in a voucher", "POST", "/api/v1/payments", "fin", pay("PZ\x00", ""), "voucher", "凭证号含有不允许的控制字符（U+0000）"},
			{"1 MB note", "POST", "/api/v1/payments", "fin", pay("PZ-1", strings.Repeat("注", 300000)), "note", "备注过长"},
			{"forecast in 9999", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", f.Finish[apitest.Civil]), "mgr", map[string]any{"forecast_date": "9999-12-31", "version": 1}, "forecast_date", "年份应在 1990 至 2100 之间"},
			{"actual in year 0", "PATCH", fmt.Sprintf("/api/v1/milestones/%d", f.Start[apitest.Civil]), "mgr", map[string]any{"actual_date": "0000-01-01", "version": 1}, "actual_date", "年份应在 1990 至 2100 之间"},
			{"NUL in a login name, no token", "POST", "/api/v1/login", "", map[string]any{"username": "ad\x00min", "password": "x"}, "name", "用户名含有不允许的控制字符"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.Do(tc.method, tc.path, tc.user, tc.body)
				apitest.WantError(t, w, 422)
				var e struct{ Error, Field string }
				apitest.DecodeJSON(t, w, &e)
				if e.Field != tc.field || !strings.Contains(e.Error, tc.message) {
					t.Errorf("got %+v, want field %q and a message containing %q", e, tc.field, tc.message)
				}
			})
		}
		w := f.Do("GET", fmt.Sprintf("/api/v1/payments?project_id=%d", p), "fin", nil)
		if w.Code != 200 || strings.Contains(w.Body.String(), `"voucher"`) {
			t.Errorf("payments after refusals: %d %s, want none", w.Code, w.Body.String())
		}
		w = f.Do("GET", fmt.Sprintf("/api/v1/projects/%d", p), "fin", nil)
		if strings.Contains(w.Body.String(), "9999") || strings.Contains(w.Body.String(), "0000-01-01") {
			t.Errorf("a refused date was stored: %s", w.Body.String())
		}
	})
}
