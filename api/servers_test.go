package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestTwoServersOneDatabase runs two API servers, each with its own
// connections, on one PostgreSQL database, as a deployment behind a load
// balancer does: a token issued by one is honoured by the other, and a
// logout on one revokes it on both.
func TestTwoServersOneDatabase(t *testing.T) {
	admin := os.Getenv(storetest.TestPostgresEnv)
	if admin == "" {
		t.Skip("needs " + storetest.TestPostgresEnv)
	}
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t, admin)
	var servers [2]http.Handler
	for i := range servers {
		db, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if i == 0 {
			if _, err := db.CreateUser(ctx, "sup", model.RoleSupervisor, "", "password-sup"); err != nil {
				t.Fatal(err)
			}
		}
		servers[i] = api.NewServer(db, api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	}
	do := func(h http.Handler, method, path, token string, body any) *httptest.ResponseRecorder {
		var r io.Reader
		if body != nil {
			b, _ := json.Marshal(body)
			r = bytes.NewReader(b)
		}
		req := httptest.NewRequest(method, path, r)
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return w
	}
	w := do(servers[0], "POST", "/api/v1/login", "", map[string]string{"username": "sup", "password": "password-sup"})
	var login struct{ Token string }
	if err := json.Unmarshal(w.Body.Bytes(), &login); err != nil || w.Code != 200 || login.Token == "" {
		t.Fatalf("login on server 1 = %d %s", w.Code, w.Body.String())
	}
	if w := do(servers[1], "GET", "/api/v1/me", login.Token, nil); w.Code != 200 {
		t.Fatalf("me on server 2 = %d %s", w.Code, w.Body.String())
	}
	if w := do(servers[1], "GET", "/api/v1/alerts", login.Token, nil); w.Code != 200 {
		t.Fatalf("alerts on server 2 = %d %s", w.Code, w.Body.String())
	}
	if w := do(servers[1], "POST", "/api/v1/logout", login.Token, nil); w.Code != 204 {
		t.Fatalf("logout on server 2 = %d %s", w.Code, w.Body.String())
	}
	if w := do(servers[0], "GET", "/api/v1/me", login.Token, nil); w.Code != 401 {
		t.Fatalf("me on server 1 after logout on server 2 = %d, want 401", w.Code)
	}
}
