package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestCreateUserValidates(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.CreateUser(ctx, "alice", model.RoleAdmin, "", "correct horse"); err != nil {
			t.Fatalf("CreateUser: %v", err)
		}
		for _, tc := range []struct {
			name, user, role, unit, password, kind string
		}{
			{"duplicate name", "alice", model.RoleFinance, "", "another pass", model.EConflict},
			{"unknown role", "bob", "boss", "", "password1", model.EInvalid},
			{"manager without unit", "bob", model.RoleManager, "", "password1", model.EInvalid},
			{"empty name", " ", model.RoleAdmin, "", "password1", model.EInvalid},
			{"short password", "bob", model.RoleAdmin, "", "short", model.EInvalid},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.CreateUser(ctx, tc.user, tc.role, tc.unit, tc.password)
				if got := model.Kind(err); got != tc.kind {
					t.Errorf("CreateUser error kind = %q (%v), want %q", got, err, tc.kind)
				}
			})
		}
		us, err := db.ListUsers(ctx)
		if err != nil || len(us) != 1 || us[0].Name != "alice" {
			t.Errorf("ListUsers = %+v, %v; want only alice", us, err)
		}
	})
}

func TestAuthenticate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		want, err := db.CreateUser(ctx, "mgr", model.RoleManager, "县民政局", "s3cret-pass")
		if err != nil {
			t.Fatal(err)
		}
		if want.PasswordHash == "s3cret-pass" || want.PasswordHash == "" {
			t.Fatalf("password stored as %q, want a bcrypt hash", want.PasswordHash)
		}
		for _, tc := range []struct {
			name, user, password string
			ok                   bool
		}{
			{"right", "mgr", "s3cret-pass", true},
			{"wrong password", "mgr", "s3cret-pasS", false},
			{"unknown user", "nobody", "s3cret-pass", false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				u, err := db.Authenticate(ctx, tc.user, tc.password)
				if tc.ok {
					if err != nil || u.ID != want.ID || u.Unit != "县民政局" {
						t.Errorf("Authenticate = %+v, %v; want user %d", u, err, want.ID)
					}
					return
				}
				if got := model.Kind(err); got != model.EUnauthorized {
					t.Errorf("Authenticate error kind = %q, want %q", got, model.EUnauthorized)
				}
			})
		}
	})
}

func TestTokenExpiryAndRevocation(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		u, err := db.CreateUser(ctx, "sup", model.RoleSupervisor, "", "password-sup1")
		if err != nil {
			t.Fatal(err)
		}
		token, err := db.IssueToken(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.IssueToken(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		check := func(name, token string, wantOK bool) {
			t.Helper()
			got, err := db.UserByToken(ctx, token)
			switch {
			case wantOK && (err != nil || got.ID != u.ID || got.Name != u.Name || got.Role != u.Role || got.PasswordHash != u.PasswordHash || !got.CreatedAt.Equal(u.CreatedAt)):
				t.Errorf("%s: UserByToken = %+v, %v; want user %d", name, got, err, u.ID)
			case !wantOK && model.Kind(err) != model.EUnauthorized:
				t.Errorf("%s: UserByToken error = %v, want unauthorized", name, err)
			}
		}
		check("fresh", token, true)
		check("unknown", "deadbeef", false)
		now = now.Add(59 * time.Minute)
		check("before expiry", token, true)
		if err := db.RevokeToken(ctx, other); err != nil {
			t.Fatal(err)
		}
		check("revoked", other, false)
		check("sibling of revoked", token, true)
		now = now.Add(time.Minute)
		check("at expiry", token, false)
	})
}
