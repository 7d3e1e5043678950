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

// mustStatus sends a request and fails unless it is answered with status
// and a body containing every one of contains; it returns the body.
func mustStatus(t *testing.T, f *apitest.Fixture, method, path, user string, body any, status int, contains ...string) string {
	t.Helper()
	w := f.Do(method, path, user, body)
	if w.Code != status {
		t.Fatalf("%s %s = %d %s, want %d", method, path, w.Code, w.Body.String(), status)
	}
	for _, c := range contains {
		if !strings.Contains(w.Body.String(), c) {
			t.Errorf("%s %s: body %s lacks %s", method, path, w.Body.String(), c)
		}
	}
	return w.Body.String()
}

func TestFundingSources(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		mustStatus(t, f, "GET", "/api/v1/funding-sources", "mgr", nil, 200,
			`"name":"中央预算内投资"`, `"name":"省级补助"`, `"name":"福彩公益金"`, `"name":"县级配套"`, `"name":"地方政府专项债券"`)
		apitest.WantError(t, f.Do("POST", "/api/v1/funding-sources", "fin", map[string]any{"name": "彩票公益金"}), 403)
		mustStatus(t, f, "POST", "/api/v1/funding-sources", "admin", map[string]any{"name": "彩票公益金"}, 201, `"name":"彩票公益金"`)
		apitest.WantError(t, f.Do("POST", "/api/v1/funding-sources", "admin", map[string]any{"name": "彩票公益金"}), 409)
		pay := map[string]any{"project_id": f.Project[apitest.Civil], "date": "2024-06-01", "source": "某某基金", "amount_wan": 1, "voucher": "S-1"}
		mustStatus(t, f, "POST", "/api/v1/payments", "fin", pay, 422, "某某基金", "中央预算内投资、省级补助", "彩票公益金")
		pay["source"] = "彩票公益金"
		mustStatus(t, f, "POST", "/api/v1/payments", "fin", pay, 201)
	})
}

func TestFundsChainAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		p, other := f.Project[apitest.Civil], f.Project[apitest.Township]
		alloc := map[string]any{"project_id": p, "source": "县级配套", "amount_yuan": "1000000.01", "date": "2024-05-01", "doc_no": "沿财预〔2024〕12号"}
		apitest.WantError(t, f.Do("POST", "/api/v1/allocations", "mgr", alloc), 403)
		body := mustStatus(t, f, "POST", "/api/v1/allocations", "fin", alloc, 201, `"amount_wan":100.000001`, `"doc_no":"沿财预〔2024〕12号"`, `"version":1`)
		noDoc := map[string]any{"project_id": p, "source": "县级配套", "amount_wan": 1, "date": "2024-05-01"}
		apitest.WantError(t, f.Do("POST", "/api/v1/allocations", "fin", noDoc), 422)
		mustStatus(t, f, "POST", "/api/v1/receipts", "fin", map[string]any{"project_id": p, "source": "县级配套", "amount_wan": "80", "date": "2024-05-20"}, 201)
		mustStatus(t, f, "POST", "/api/v1/receipts", "fin", map[string]any{"project_id": other, "source": "省级补助", "amount_wan": 5, "date": "2024-05-20"}, 201)
		apitest.WantError(t, f.Do("POST", "/api/v1/receipts", "fin", map[string]any{"project_id": p, "source": "县级配套", "amount_wan": 1, "amount_yuan": 1, "date": "2024-05-20"}), 422)

		list := mustStatus(t, f, "GET", fmt.Sprintf("/api/v1/receipts?project_id=%d", p), "sup", nil, 200, `"amount_wan":80`)
		if strings.Contains(list, `"amount_wan":5`) {
			t.Errorf("receipts of project %d list another project's: %s", p, list)
		}
		mustStatus(t, f, "GET", fmt.Sprintf("/api/v1/allocations?project_id=%d", p), "sup", nil, 200, `"doc_no":"沿财预〔2024〕12号"`)

		// A correction needs the version it is based on: of two editors
		// of version 1, the second gets 409.
		id := between(body, `"id":`, ",")
		path := "/api/v1/allocations/" + id
		fix := map[string]any{"version": 1, "amount_wan": "120", "reason": "文件金额更正"}
		mustStatus(t, f, "PATCH", path, "fin", fix, 200, `"version":2`, `"amount_wan":120`)
		apitest.WantError(t, f.Do("PATCH", path, "admin", fix), 409)
		apitest.WantError(t, f.Do("PATCH", "/api/v1/receipts/"+id, "fin", map[string]any{"version": 2, "amount_wan": 1, "reason": "x"}), 404)

		// Paid above what was allocated from the source needs confirm_over.
		pay := map[string]any{"project_id": p, "date": "2024-06-01", "source": "县级配套", "amount_wan": "120.01", "voucher": "OV-1"}
		mustStatus(t, f, "POST", "/api/v1/payments", "fin", pay, 422, `"code":"over_plan"`, "超过已下达")
		pay["confirm_over"] = true
		mustStatus(t, f, "POST", "/api/v1/payments", "fin", pay, 201)
	})
}

func TestPaymentVersionsAndReversal(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		p := f.Project[apitest.Civil]
		pay := map[string]any{"project_id": p, "date": "2024-06-01", "source": "县级配套", "amount_yuan": "0.01", "voucher": "V-1"}
		body := mustStatus(t, f, "POST", "/api/v1/payments", "fin", pay, 201, `"amount_wan":0.000001`, `"version":1`)
		mustStatus(t, f, "POST", "/api/v1/payments", "fin", pay, 409, "凭证号 V-1 已登记")
		id := between(body, `"id":`, ",")
		path := "/api/v1/payments/" + id
		fix := map[string]any{"version": 1, "amount_yuan": "0.02", "reason": "录错"}
		mustStatus(t, f, "PATCH", path, "fin", fix, 200, `"amount_wan":0.000002`, `"version":2`)
		mustStatus(t, f, "PATCH", path, "admin", fix, 409, "已被他人修改")
		apitest.WantError(t, f.Do("PATCH", path, "fin", map[string]any{"amount_wan": 1, "reason": "录错"}), 422)

		apitest.WantError(t, f.Do("POST", path+"/reverse", "fin", map[string]any{"version": 2}), 422)
		mustStatus(t, f, "POST", path+"/reverse", "fin", map[string]any{"version": 2, "reason": "重复拨付"}, 201,
			`"amount_wan":-0.000002`, `"voucher":"V-1-冲"`, `"reversal_of":`+id)
		mustStatus(t, f, "POST", path+"/reverse", "fin", map[string]any{"version": 3, "reason": "again"}, 422)
		mustStatus(t, f, "GET", fmt.Sprintf("/api/v1/projects/%d", p), "fin", nil, 200, `"spent_wan":0`)
	})
}

// between returns the text of s after the first before up to after.
func between(s, before, after string) string {
	_, rest, _ := strings.Cut(s, before)
	v, _, _ := strings.Cut(rest, after)
	return v
}
