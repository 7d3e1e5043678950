package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestLoginThrottle: five failures of one account, or twenty from one
// address, within 15 minutes refuse further logins (even with the right
// password) with ETooMany and a Retry-After, counted by every server on
// the database; a success clears the account's failures. Two servers
// share one database here, on each engine.
func TestLoginThrottle(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dsn string) {
		ctx := context.Background()
		a, b := storetest.Open(t, dsn), storetest.Open(t, dsn)
		now := time.Date(2024, 6, 15, 10, 0, 0, 0, time.UTC)
		clock := func() time.Time { return now }
		a.Now, b.Now = clock, clock
		for _, name := range []string{"alice", "bob"} {
			if _, err := a.CreateUser(ctx, name, model.RoleAdmin, "", "correct horse"); err != nil {
				t.Fatal(err)
			}
		}
		// Failures alternate between the two servers.
		for i := range store.UserFailures {
			db := []*store.DB{a, b}[i%2]
			if _, err := db.Login(ctx, "alice", "wrong password", "10.0.0.1"); model.Kind(err) != model.EUnauthorized {
				t.Fatalf("failure %d: got %v, want unauthorized", i+1, err)
			}
		}
		_, err := b.Login(ctx, "alice", "correct horse", "10.0.0.2")
		if model.Kind(err) != model.ETooMany || model.RetryAfterOf(err) != store.LoginWindow || !strings.Contains(model.Message(err), "登录失败次数过多，请 15 分钟后再试") {
			t.Fatalf("right password after 5 failures: got %v (retry %s), want too many, retry in 15 min", err, model.RetryAfterOf(err))
		}
		if _, err := a.Login(ctx, "bob", "correct horse", "10.0.0.1"); err != nil {
			t.Errorf("another account from the same address: %v", err)
		}
		now = now.Add(store.LoginWindow + time.Second)
		if _, err := a.Login(ctx, "alice", "correct horse", "10.0.0.2"); err != nil {
			t.Fatalf("after the window: %v", err)
		}
		// A success cleared alice's failures: four more are allowed again.
		for i := range store.UserFailures - 1 {
			if _, err := b.Login(ctx, "alice", "wrong password", "10.0.0.3"); model.Kind(err) != model.EUnauthorized {
				t.Fatalf("failure %d after success: %v", i+1, err)
			}
		}
		if _, err := a.Login(ctx, "alice", "correct horse", "10.0.0.3"); err != nil {
			t.Fatalf("login after 4 failures: %v", err)
		}
		// Twenty failures from one address, over many names, close it.
		for i := range store.AddrFailures {
			db := []*store.DB{a, b}[i%2]
			if _, err := db.Login(ctx, "guess"+string(rune('a'+i)), "x", "10.9.9.9"); model.Kind(err) != model.EUnauthorized {
				t.Fatalf("address failure %d: %v", i+1, err)
			}
		}
		if _, err := a.Login(ctx, "bob", "correct horse", "10.9.9.9"); model.Kind(err) != model.ETooMany {
			t.Errorf("from a closed address: got %v, want too many", err)
		}
	})
}

// TestPasswdAndDisable: a new password must follow the rule and ends the
// user's sessions; a disabled user cannot log in until enabled.
func TestPasswdAndDisable(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "carol", model.RoleFinance, "", "correct horse")
		if err != nil {
			t.Fatal(err)
		}
		token, err := db.IssueToken(ctx, u.ID, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"short", "password123", "Carol", "qwertyuiop"} {
			if err := db.SetPassword(ctx, "carol", bad); model.Kind(err) != model.EInvalid {
				t.Errorf("SetPassword(%q): got %v, want invalid", bad, err)
			}
		}
		if _, err := db.UserByToken(ctx, token); err != nil {
			t.Fatalf("a refused password ended the session: %v", err)
		}
		if err := db.SetPassword(ctx, "nobody", "battery staple"); model.Kind(err) != model.ENotFound {
			t.Errorf("SetPassword of no user: %v", err)
		}
		if err := db.SetPassword(ctx, "carol", "battery staple"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.UserByToken(ctx, token); err == nil {
			t.Error("the old session outlived the password change")
		}
		if _, err := db.Authenticate(ctx, "carol", "correct horse"); err == nil {
			t.Error("the old password still works")
		}
		if err := db.SetDisabled(ctx, "carol", true); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Authenticate(ctx, "carol", "battery staple"); model.Kind(err) != model.EUnauthorized {
			t.Errorf("disabled user logged in: %v", err)
		}
		if err := db.SetDisabled(ctx, "carol", false); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Authenticate(ctx, "carol", "battery staple"); err != nil {
			t.Errorf("enabled user: %v", err)
		}
	})
}
