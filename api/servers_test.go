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
	"strings"
	"testing"
	"time"

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

// TestImportPreviewAndApplyOnTwoServers: a clean dry run on one server
// keeps the workbooks in the database, and its upload_id is applied on
// another server on the same database, once and only by its uploader; a
// refused or forbidden dry run keeps nothing (both engines).
func TestImportPreviewAndApplyOnTwoServers(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		one := newFixture(t, storetest.Open(t, dsn), api.Options{})
		db2 := storetest.Open(t, dsn)
		db2.Now = one.db.Now
		two := *one
		two.db, two.h = db2, api.NewServer(db2, api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
		finish := func() string {
			t.Helper()
			p, err := db2.GetProject(ctx, one.project[township])
			if err != nil {
				t.Fatal(err)
			}
			return p.ActualFinish.String()
		}
		for _, tc := range []struct {
			name   string
			rows   [][2]string
			status int
			msg    string
		}{
			{"another unit's project", [][2]string{{"A1-001", ""}}, http.StatusForbidden, "不属于本单位"},
			{"code and name of two projects", [][2]string{{"A1-001", "后坪乡敬老院"}}, http.StatusUnprocessableEntity, "是另一个项目"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				w := one.upload("mgr2", "?dry_run=true", progressReturn(t, tc.rows...))
				wantError(t, w, tc.status)
				if !strings.Contains(w.Body.String(), tc.msg) || strings.Contains(w.Body.String(), "upload_id") {
					t.Errorf("body = %s, want %q and no upload_id", w.Body.String(), tc.msg)
				}
				if n := storetest.PendingUploads(t, db2); n != 0 {
					t.Errorf("the refused dry run kept %d uploads, want none", n)
				}
			})
		}

		w := one.upload("mgr2", "?dry_run=true", progressReturn(t, [2]string{"A1-002", "后坪乡敬老院"}))
		var preview struct {
			DryRun    bool      `json:"dry_run"`
			UploadID  string    `json:"upload_id"`
			ExpiresAt time.Time `json:"expires_at"`
			Updated   int
		}
		decodeJSON(t, w, &preview)
		if w.Code != http.StatusOK || !preview.DryRun || len(preview.UploadID) != 32 || !preview.ExpiresAt.Equal(one.db.Now().Add(model.DefaultUploadTTL)) {
			t.Fatalf("dry run on server 1 = %d %s; want 200 with an upload_id expiring in an hour", w.Code, w.Body.String())
		}
		if got := finish(); got != "" {
			t.Fatalf("the dry run wrote a finish: %s", got)
		}
		apply := "/api/v1/imports/" + preview.UploadID + "/apply"
		wantError(t, two.do("POST", apply, "mgr", nil), http.StatusNotFound)
		w = two.do("POST", apply, "mgr2", nil)
		if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"dry_run":true`) {
			t.Fatalf("apply on server 2 = %d %s", w.Code, w.Body.String())
		}
		if got := finish(); got != "2024-06-01" {
			t.Errorf("finish after the apply on server 2 = %q, want 2024-06-01", got)
		}
		w = one.do("POST", apply, "mgr2", nil)
		wantError(t, w, http.StatusNotFound)
		if !strings.Contains(w.Body.String(), "不存在或已过期") {
			t.Errorf("second apply: %s, want it to say the upload is gone", w.Body.String())
		}
	})
}
