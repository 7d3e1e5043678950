package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

type paymentAnswer struct {
	ID        uint        `json:"id"`
	ProjectID uint        `json:"project_id"`
	Date      string      `json:"date"`
	AmountWan json.Number `json:"amount_wan"`
	Voucher   string      `json:"voucher"`
	Source    string      `json:"source"`
	CreatedBy string      `json:"created_by"`
}

func TestPayments(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		p := f.Project[apitest.Civil]
		pay := func(voucher, amount, date string) map[string]any {
			return map[string]any{"project_id": p, "date": date, "source": "县级配套", "amount_wan": rawNumber(amount), "voucher": voucher}
		}
		// A voucher recorded before the cases, which none of them records.
		const recorded = "PZ-0"
		if _, err := db.CreatePayment(context.Background(), model.Actor{User: "fin"}, model.Disbursement{
			ProjectID: p, Date: model.NewDate(2024, 6, 1), Source: "县级配套", Amount: model.Wan, Voucher: recorded}, false); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name, user string
			body       any
			status     int
		}{
			{"no token", "", pay("PZ-1", "1", "2024-06-01"), 401},
			{"as manager", "mgr", pay("PZ-1", "1", "2024-06-01"), 403},
			{"as supervisor", "sup", pay("PZ-1", "1", "2024-06-01"), 403},
			{"as finance", "fin", pay("PZ-1", "12.345678", "2024-06-01"), 201},
			{"as admin", "admin", pay("PZ-2", "0.000001", "2024-06-15"), 201},
			{"voucher twice", "fin", pay(recorded, "1", "2024-06-01"), 409},
			{"future date", "fin", pay("PZ-3", "1", "2024-06-16"), 422},
			{"below a fen", "fin", pay("PZ-3", "0.0000001", "2024-06-01"), 422},
			{"zero", "fin", pay("PZ-3", "0", "2024-06-01"), 422},
			{"negative", "fin", pay("PZ-3", "-5", "2024-06-01"), 422},
			{"no amount", "fin", map[string]any{"project_id": p, "date": "2024-06-01", "voucher": "PZ-3"}, 422},
			{"unknown project", "fin", map[string]any{"project_id": 9999, "date": "2024-06-01", "amount_wan": 1, "voucher": "PZ-3"}, 404},
			{"unknown field", "fin", map[string]any{"project_id": p, "date": "2024-06-01", "amount_wan": 1, "voucher": "PZ-3", "amount": 1}, 422},
			{"not JSON", "fin", "{", 422},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.Do("POST", "/api/v1/payments", tc.user, tc.body)
				if tc.status != 201 {
					apitest.WantError(t, w, tc.status)
					return
				}
				if w.Code != 201 {
					t.Fatalf("status = %d (%s), want 201", w.Code, w.Body.String())
				}
				var got paymentAnswer
				apitest.DecodeJSON(t, w, &got)
				if got.ProjectID != p || got.CreatedBy != tc.user || got.ID == 0 {
					t.Errorf("answer = %+v", got)
				}
			})
		}

		// The list and the corrections are of the other project's one
		// payment, recorded here, not by a case above.
		other := f.Project[apitest.Township]
		w := f.Do("POST", "/api/v1/payments", "fin", map[string]any{"project_id": other, "date": "2024-06-01", "source": "县级配套", "amount_wan": rawNumber("12.345678"), "voucher": "PZ-T1"})
		if w.Code != 201 {
			t.Fatalf("payment of project %d: %d %s", other, w.Code, w.Body.String())
		}
		w = f.Do("POST", "/api/v1/payments", "fin", map[string]any{"project_id": other, "date": "2024-06-12", "source": "县级配套", "amount_wan": 1, "voucher": "PZ-T2"})
		if w.Code != 201 {
			t.Fatalf("payment of project %d: %d %s", other, w.Code, w.Body.String())
		}
		w = f.Do("GET", fmt.Sprintf("/api/v1/payments?project_id=%d&to=2024-06-10", other), "mgr", nil)
		if w.Code != 200 {
			t.Fatalf("list: %d %s", w.Code, w.Body.String())
		}
		var list struct{ Items []paymentAnswer }
		apitest.DecodeJSON(t, w, &list)
		if len(list.Items) != 1 || list.Items[0].AmountWan.String() != "12.345678" || list.Items[0].Voucher != "PZ-T1" {
			t.Errorf("list = %+v, want PZ-T1 of 12.345678 万元", list.Items)
		}
		if !strings.Contains(w.Body.String(), `"amount_wan":12.345678`) {
			t.Errorf("amount is not an exact JSON number: %s", w.Body.String())
		}
		apitest.WantError(t, f.Do("GET", "/api/v1/payments?from=2024-13-01", "mgr", nil), 422)

		id := list.Items[0].ID
		for _, tc := range []struct {
			name, user, path string
			body             any
			status           int
		}{
			{"correct as manager", "mgr", fmt.Sprintf("/api/v1/payments/%d", id), map[string]any{"version": 1, "amount_wan": 12, "reason": "录错"}, 403},
			{"correct without reason", "fin", fmt.Sprintf("/api/v1/payments/%d", id), map[string]any{"version": 1, "amount_wan": 12}, 422},
			{"correct unknown", "fin", "/api/v1/payments/9999", map[string]any{"version": 1, "amount_wan": 12, "reason": "录错"}, 404},
			{"correct bad amount", "fin", fmt.Sprintf("/api/v1/payments/%d", id), map[string]any{"version": 1, "amount_wan": "x", "reason": "录错"}, 422},
			{"correct as finance", "fin", fmt.Sprintf("/api/v1/payments/%d", id), map[string]any{"version": 1, "amount_wan": 12, "source": "省级补助", "reason": "凭证金额录错"}, 200},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := f.Do("PATCH", tc.path, tc.user, tc.body)
				if tc.status != 200 {
					apitest.WantError(t, w, tc.status)
					return
				}
				var got paymentAnswer
				apitest.DecodeJSON(t, w, &got)
				if w.Code != 200 || got.AmountWan.String() != "12" || got.Source != "省级补助" || got.Date != "2024-06-01" {
					t.Errorf("status %d, answer %+v", w.Code, got)
				}
				audit, err := db.ProjectAudit(context.Background(), other)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.ContainsFunc(audit, func(e model.AuditEntry) bool {
					return e.Entity == "payment" && e.Action == "correct" && e.Field == "amount_wan" && e.Old == "12.345678" && e.New == "12" && e.User == "fin" && e.Note == "凭证金额录错"
				}) {
					t.Errorf("the correction is not audited: %+v", audit)
				}
			})
		}
	})
}

// rawNumber is a JSON number sent exactly as written.
type rawNumber string

func (n rawNumber) MarshalJSON() ([]byte, error) { return []byte(n), nil }

func TestBudget(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		path := fmt.Sprintf("/api/v1/projects/%d/budget", f.Project[apitest.Civil])
		lines := map[string]any{"version": 0, "lines": []map[string]any{
			{"year": 2024, "source": "中央预算内投资", "amount_wan": 3000},
			{"year": 2025, "source": "县级配套", "amount_wan": rawNumber("1800.5")},
		}}
		// set gives the project lines' budget (version 1), through the
		// store, for the cases that need it, unless it has a budget.
		ctx, p := context.Background(), f.Project[apitest.Civil]
		set := func(t *testing.T) {
			if v, err := db.BudgetVersion(ctx, p); err != nil || v > 0 {
				return
			}
			if _, err := db.SetBudget(ctx, model.Actor{User: "fin"}, p, 0, []model.BudgetLine{
				{Year: 2024, Source: "中央预算内投资", Amount: 3000 * model.Wan}, {Year: 2025, Source: "县级配套", Amount: 18005 * model.Wan / 10}}); err != nil {
				t.Fatal(err)
			}
		}
		for _, tc := range []struct {
			name, user, method, path string
			before                   func(t *testing.T)
			body                     any
			status                   int
			total                    string
		}{
			{"empty", "mgr", "GET", path, nil, nil, 200, "0"},
			{"set as manager", "mgr", "PUT", path, nil, lines, 403, ""},
			{"set as finance", "fin", "PUT", path, nil, lines, 200, "4800.5"},
			{"read back", "sup", "GET", path, set, nil, 200, "4800.5"},
			{"negative", "fin", "PUT", path, set, map[string]any{"version": 1, "lines": []map[string]any{{"year": 2024, "source": "县级配套", "amount_wan": -1}}}, 422, ""},
			{"duplicate", "fin", "PUT", path, set, map[string]any{"version": 1, "lines": []map[string]any{{"year": 2024, "source": "县级配套", "amount_wan": 1}, {"year": 2024, "source": "县级配套", "amount_wan": 2}}}, 422, ""},
			{"unknown project", "fin", "PUT", "/api/v1/projects/9999/budget", nil, lines, 404, ""},
			{"get unknown project", "fin", "GET", "/api/v1/projects/9999/budget", nil, nil, 404, ""},
			{"stale version", "admin", "PUT", path, set, map[string]any{"version": 0, "lines": []map[string]any{{"year": 2024, "source": "福彩公益金", "amount_wan": 1}}}, 409, ""},
			{"unknown source", "admin", "PUT", path, set, map[string]any{"version": 1, "lines": []map[string]any{{"year": 2024, "source": "某基金", "amount_wan": 1}}}, 422, ""},
			{"replace as admin", "admin", "PUT", path, set, map[string]any{"version": 1, "lines": []map[string]any{{"year": 2024, "source": "福彩公益金", "amount_yuan": "10000"}}}, 200, "1"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.before != nil {
					tc.before(t)
				}
				w := f.Do(tc.method, tc.path, tc.user, tc.body)
				if tc.status != 200 {
					apitest.WantError(t, w, tc.status)
					return
				}
				if w.Code != 200 {
					t.Fatalf("status = %d (%s)", w.Code, w.Body.String())
				}
				if !strings.Contains(w.Body.String(), `"total_wan":`+tc.total) {
					t.Errorf("body %s, want total_wan %s", w.Body.String(), tc.total)
				}
			})
		}
	})
}

// At 23:30 UTC the county (UTC+8) is at 07:30 of the next day: a payment
// dated the county's today is no "future" payment.
func TestPaymentAtCountyMorning(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		db.Now = func() time.Time { return time.Date(2024, 6, 14, 23, 30, 0, 0, time.UTC) }
		body := map[string]any{"project_id": f.Project[apitest.Civil], "date": "2024-06-15", "source": "县级配套", "amount_wan": 1, "voucher": "TZ-1"}
		if w := f.Do("POST", "/api/v1/payments", "fin", body); w.Code != 201 {
			t.Fatalf("payment dated the county's today: %d %s", w.Code, w.Body.String())
		}
		body["date"], body["voucher"] = "2024-06-16", "TZ-2"
		apitest.WantError(t, f.Do("POST", "/api/v1/payments", "fin", body), 422)
	})
}

// Amounts are bounded at 10^8 万元; the 422 names the field.
func TestAmountBoundNamesField(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		p := f.Project[apitest.Civil]
		body := map[string]any{"project_id": p, "date": "2024-06-01", "source": "县级配套", "amount_wan": "100000000", "voucher": "MAX-1"}
		if w := f.Do("POST", "/api/v1/payments", "fin", body); w.Code != 201 {
			t.Fatalf("payment at the bound: %d %s", w.Code, w.Body.String())
		}
		body["amount_wan"], body["voucher"] = "100000000.01", "MAX-2"
		w := f.Do("POST", "/api/v1/payments", "fin", body)
		if w.Code != 422 || !strings.Contains(w.Body.String(), "amount_wan") || !strings.Contains(w.Body.String(), "上限") {
			t.Errorf("payment over the bound: %d %s, want 422 naming amount_wan", w.Code, w.Body.String())
		}
		budget := map[string]any{"version": 0, "lines": []map[string]any{{"year": 2024, "source": "县级配套", "amount_wan": "1e9"}}}
		w = f.Do("PUT", fmt.Sprintf("/api/v1/projects/%d/budget", p), "fin", budget)
		if w.Code != 422 || !strings.Contains(w.Body.String(), "lines[0].amount_wan") {
			t.Errorf("budget over the bound: %d %s, want 422 naming lines[0].amount_wan", w.Code, w.Body.String())
		}
	})
}
