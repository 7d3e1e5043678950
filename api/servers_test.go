package api_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
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
	dsn := storetest.PostgresDSN(t, admin)
	one := apitest.NewEmpty(t, storetest.Open(t, dsn), api.Options{})
	two := one.On(storetest.Open(t, dsn), api.Options{})
	w := one.Do("POST", "/api/v1/login", "", map[string]string{"username": "sup", "password": "password-sup"})
	var login struct{ Token string }
	apitest.DecodeJSON(t, w, &login)
	if w.Code != 200 || login.Token == "" {
		t.Fatalf("login on server 1 = %d %s", w.Code, w.Body.String())
	}
	one.Tokens["login"] = login.Token // the servers share their tokens (On)
	if w := two.Do("GET", "/api/v1/me", "login", nil); w.Code != 200 {
		t.Fatalf("me on server 2 = %d %s", w.Code, w.Body.String())
	}
	if w := two.Do("GET", "/api/v1/alerts", "login", nil); w.Code != 200 {
		t.Fatalf("alerts on server 2 = %d %s", w.Code, w.Body.String())
	}
	if w := two.Do("POST", "/api/v1/logout", "login", nil); w.Code != 204 {
		t.Fatalf("logout on server 2 = %d %s", w.Code, w.Body.String())
	}
	if w := one.Do("GET", "/api/v1/me", "login", nil); w.Code != 401 {
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
		one := apitest.New(t, storetest.Open(t, dsn), api.Options{})
		db2 := storetest.Open(t, dsn)
		db2.Now = one.DB.Now
		two := one.On(db2, api.Options{})
		finish := func() string {
			t.Helper()
			p, err := db2.GetProject(ctx, one.Project[apitest.Township])
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
				w := one.Upload("mgr2", "?dry_run=true", progressReturn(t, tc.rows...))
				apitest.WantError(t, w, tc.status)
				if !strings.Contains(w.Body.String(), tc.msg) || strings.Contains(w.Body.String(), "upload_id") {
					t.Errorf("body = %s, want %q and no upload_id", w.Body.String(), tc.msg)
				}
				if n := storetest.PendingUploads(t, db2); n != 0 {
					t.Errorf("the refused dry run kept %d uploads, want none", n)
				}
			})
		}

		w := one.Upload("mgr2", "?dry_run=true", progressReturn(t, [2]string{"A1-002", "后坪乡敬老院"}))
		var preview struct {
			DryRun    bool      `json:"dry_run"`
			UploadID  string    `json:"upload_id"`
			ExpiresAt time.Time `json:"expires_at"`
			Updated   int
		}
		apitest.DecodeJSON(t, w, &preview)
		if w.Code != http.StatusOK || !preview.DryRun || len(preview.UploadID) != 32 || !preview.ExpiresAt.Equal(one.DB.Now().Add(model.DefaultUploadTTL)) {
			t.Fatalf("dry run on server 1 = %d %s; want 200 with an upload_id expiring in an hour", w.Code, w.Body.String())
		}
		if got := finish(); got != "" {
			t.Fatalf("the dry run wrote a finish: %s", got)
		}
		apply := "/api/v1/imports/" + preview.UploadID + "/apply"
		apitest.WantError(t, two.Do("POST", apply, "mgr", nil), http.StatusNotFound)
		w = two.Do("POST", apply, "mgr2", nil)
		if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"dry_run":true`) {
			t.Fatalf("apply on server 2 = %d %s", w.Code, w.Body.String())
		}
		if got := finish(); got != "2024-06-01" {
			t.Errorf("finish after the apply on server 2 = %q, want 2024-06-01", got)
		}
		w = one.Do("POST", apply, "mgr2", nil)
		apitest.WantError(t, w, http.StatusNotFound)
		if !strings.Contains(w.Body.String(), "不存在或已过期") {
			t.Errorf("second apply: %s, want it to say the upload is gone", w.Body.String())
		}
	})
}
