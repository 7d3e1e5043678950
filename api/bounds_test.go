package api_test

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/store/storetest"
)

// TestRequestBodyBounded: JSON bodies are capped at 1 MiB before the token
// or the password is looked at (declared or streamed), trailing data after
// the JSON value is refused, and uploads keep their own cap.
func TestRequestBodyBounded(t *testing.T) {
	f := apitest.New(t, storetest.OpenSQLite(t), api.Options{})
	big := `{"username":"admin","password":"` + strings.Repeat("x", 2<<20) + `"}`
	post := func(body io.Reader) (int, string) {
		r := httptest.NewRequest("POST", "/api/v1/login", body)
		r.Header.Set("Content-Type", "application/json")
		w := f.Send(r, "")
		return w.Code, w.Body.String()
	}
	for _, tc := range []struct {
		name    string
		body    io.Reader
		status  int
		message string
	}{
		{"declared 2 MiB", strings.NewReader(big), 413, "请求内容超过 1 MiB 的上限"},
		{"streamed 2 MiB", io.MultiReader(strings.NewReader(big)), 413, "请求内容超过 1 MiB 的上限"},
		{"trailing data", strings.NewReader(`{"username":"admin","password":"x"} {"x":1}`), 422, "请求体在 JSON 对象之后还有多余内容"},
		{"trailing garbage", strings.NewReader(`{"username":"admin","password":"x"}garbage`), 422, "请求体在 JSON 对象之后还有多余内容"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := post(tc.body)
			if status != tc.status || !strings.Contains(body, tc.message) {
				t.Errorf("got %d %s, want %d saying %q", status, body, tc.status, tc.message)
			}
		})
	}
	// An upload over the JSON limit passes it (and is read as a workbook).
	w := f.Upload("admin", "?dry_run=true", map[string][]byte{"big.xlsx": []byte(strings.Repeat("x", 3<<20))})
	if w.Code == 413 {
		t.Errorf("a 3 MiB upload: %d %s, want it read, not refused by the JSON limit", w.Code, w.Body.String())
	}
	// A multipart body declared over the upload cap is refused unread.
	w = f.Upload("admin", "", map[string][]byte{"huge.xlsx": make([]byte, 33<<20)})
	if w.Code != 413 || !strings.Contains(w.Body.String(), "32 MiB") {
		t.Errorf("a 33 MiB upload: %d %.200s, want 413", w.Code, w.Body.String())
	}
}
