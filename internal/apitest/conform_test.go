package apitest

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/store/storetest"
)

// The fixture's check of every exchange against the document catches an
// answer the document does not describe.
func TestConformingCatchesUndocumentedAnswers(t *testing.T) {
	real := api.NewServer(storetest.OpenSQLite(t), api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	d, err := LoadDoc(real)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		want                            string
	}{
		{"field of the wrong type", "GET", "/api/v1/me", "application/json", `{"id":"seven","name":"a","role":"admin","unit":""}`, 200, "schema refuses"},
		{"value outside the enum", "GET", "/api/v1/me", "application/json", `{"id":7,"name":"a","role":"root","unit":""}`, 200, "schema refuses"},
		{"status not listed", "GET", "/api/v1/me", "application/json", `{"error":"x"}`, 409, "does not list"},
		{"route not documented", "GET", "/api/v1/nowhere", "application/json", `{}`, 200, "not in the OpenAPI document"},
		{"error body of the wrong shape", "POST", "/api/v1/payments", "application/json", `{"message":1}`, 409, "schema refuses"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			fake := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.ctype)
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			})
			c := Conforming{Errorf: func(format string, args ...any) { got = append(got, fmt.Sprintf(format, args...)) }, Handler: fake, Doc: d}
			c.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(tc.method, tc.path, nil))
			if len(got) != 1 || !strings.Contains(got[0], tc.want) {
				t.Errorf("reports = %q, want one saying %q", got, tc.want)
			}
		})
	}
	// and lets a true answer pass
	var got []string
	c := Conforming{Errorf: func(format string, args ...any) { got = append(got, fmt.Sprintf(format, args...)) }, Handler: real, Doc: d}
	w := httptest.NewRecorder()
	c.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/me", nil))
	if w.Code != http.StatusUnauthorized || len(got) != 0 {
		t.Errorf("GET /me without a token = %d, reports %q; want 401 and none", w.Code, got)
	}
}
