package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// runWithStdin runs captrack with args against dbPath, stdin holding in.
func runWithStdin(t *testing.T, dbPath, in string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CAPTRACK_DB" {
			return dbPath
		}
		return ""
	}
	err := run(context.Background(), args, getenv, strings.NewReader(in), &out, &errOut)
	return out.String() + errOut.String(), err
}

func TestUserAddAndList(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		for _, tc := range []struct {
			name, stdin string
			args        []string
			wantErr     string // "" = success
		}{
			{"admin", "correct horse battery\n", []string{"user", "add", "--name", "root", "--role", "admin", "--password-stdin"}, ""},
			{"manager of a new unit", "mgr-password\r\n", []string{"user", "add", "--name", "mz", "--role", "manager", "--unit", "县民政局", "--new-unit", "--password-stdin"}, ""},
			{"unit no project has", "mgr-password\n", []string{"user", "add", "--name", "m3", "--role", "manager", "--unit", "县民证局", "--password-stdin"}, "--new-unit"},
			{"duplicate", "another-password\n", []string{"user", "add", "--name", "root", "--role", "finance", "--password-stdin"}, "已存在"},
			{"manager without unit", "mgr-password\n", []string{"user", "add", "--name", "m2", "--role", "manager", "--password-stdin"}, "责任单位"},
			{"bad role", "mgr-password\n", []string{"user", "add", "--name", "m2", "--role", "boss", "--password-stdin"}, "角色"},
			{"no --password-stdin", "", []string{"user", "add", "--name", "m2", "--role", "admin"}, "--password-stdin"},
			{"empty stdin", "", []string{"user", "add", "--name", "m2", "--role", "admin", "--password-stdin"}, "没有密码"},
			{"no subcommand", "", []string{"user"}, "子命令"},
			{"unknown subcommand", "", []string{"user", "del"}, "没有子命令"},
			{"extra argument", "", []string{"user", "list", "x"}, "多余的参数"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				out, err := runWithStdin(t, dbPath, tc.stdin, tc.args...)
				if tc.wantErr == "" {
					if err != nil {
						t.Fatalf("%v: %v\n%s", tc.args, err, out)
					}
					return
				}
				if err == nil || !strings.Contains(errorText(err), tc.wantErr) {
					t.Errorf("error = %v, want one mentioning %q", err, tc.wantErr)
				}
			})
		}
		out, err := runWithStdin(t, dbPath, "", "user", "list")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 3 || !strings.Contains(lines[1], "mz") || !strings.Contains(lines[1], "县民政局") || !strings.Contains(lines[2], "root") {
			t.Errorf("user list =\n%s\nwant a header, mz and root", out)
		}

		// The password is the stdin line without its line ending.
		db, err := store.Open(context.Background(), dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		u, err := db.Authenticate(context.Background(), "mz", "mgr-password")
		if err != nil || u.Role != model.RoleManager {
			t.Errorf("Authenticate(mz) = %+v, %v", u, err)
		}
	})
}

// TestUserPasswdDisableEnable: user passwd sets a password that follows
// the rule; disable stops logins, enable lets them again.
func TestUserPasswdDisableEnable(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		if out, err := runWithStdin(t, dbPath, "correct horse battery\n", "user", "add", "--name", "root", "--role", "admin", "--password-stdin"); err != nil {
			t.Fatalf("user add: %v\n%s", err, out)
		}
		for _, tc := range []struct {
			name, stdin string
			args        []string
			wantErr     string
		}{
			{"common password", "password123\n", []string{"user", "passwd", "root", "--password-stdin"}, "过于常见"},
			{"short password", "short\n", []string{"user", "passwd", "root", "--password-stdin"}, "至少 10 个字符"},
			{"no such user", "battery staple\n", []string{"user", "passwd", "nobody", "--password-stdin"}, "没有用户"},
			{"no --password-stdin", "", []string{"user", "passwd", "root"}, "--password-stdin"},
			{"no name", "", []string{"user", "disable"}, "请指定用户名"},
			{"new password", "battery staple\n", []string{"user", "passwd", "--password-stdin", "root"}, ""},
			{"disable", "", []string{"user", "disable", "root"}, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				out, err := runWithStdin(t, dbPath, tc.stdin, tc.args...)
				switch {
				case tc.wantErr == "" && err != nil:
					t.Fatalf("%v: %v\n%s", tc.args, err, out)
				case tc.wantErr != "" && (err == nil || !strings.Contains(errorText(err), tc.wantErr)):
					t.Errorf("error = %v, want one mentioning %q", err, tc.wantErr)
				}
			})
		}
		login := func() error {
			db, err := store.Open(context.Background(), dbPath)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			_, err = db.Authenticate(context.Background(), "root", "battery staple")
			return err
		}
		if err := login(); model.Kind(err) != model.EUnauthorized {
			t.Errorf("disabled user: %v, want unauthorized", err)
		}
		if out, err := runWithStdin(t, dbPath, "", "user", "enable", "root"); err != nil {
			t.Fatalf("user enable: %v\n%s", err, out)
		}
		if err := login(); err != nil {
			t.Errorf("enabled user with the new password: %v", err)
		}
	})
}
