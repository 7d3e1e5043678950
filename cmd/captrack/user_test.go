package main

import (
	"bytes"
	"context"
	"slices"
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

// login authenticates name with password on the database at dbPath.
func login(t *testing.T, dbPath, name, password string) (model.User, error) {
	t.Helper()
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return db.Authenticate(context.Background(), name, password)
}

// TestUserAddAndList: user add adds a user (the password is the stdin
// line without its line ending) whom user list then shows; bad input is
// refused in Chinese.
func TestUserAddAndList(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		if out, err := runWithStdin(t, dbPath, "correct horse battery\n", "user", "add", "--name", "root", "--role", "admin", "--password-stdin"); err != nil {
			t.Fatalf("user add: %v\n%s", err, out)
		}
		for _, tc := range []struct {
			name, stdin string
			args        []string
			wantErr     string // "" = success
			user, unit  string // the user added, shown with unit
			password    string
		}{
			{"admin", "correct horse battery\n", []string{"user", "add", "--name", "root2", "--role", "admin", "--password-stdin"}, "", "root2", "", "correct horse battery"},
			{"manager of a new unit", "mgr-password\r\n", []string{"user", "add", "--name", "mz", "--role", "manager", "--unit", "县民政局", "--new-unit", "--password-stdin"}, "", "mz", "县民政局", "mgr-password"},
			{"unit no project has", "mgr-password\n", []string{"user", "add", "--name", "m3", "--role", "manager", "--unit", "县民证局", "--password-stdin"}, "--new-unit", "", "", ""},
			{"duplicate", "another-password\n", []string{"user", "add", "--name", "root", "--role", "finance", "--password-stdin"}, "已存在", "", "", ""},
			{"manager without unit", "mgr-password\n", []string{"user", "add", "--name", "m2", "--role", "manager", "--password-stdin"}, "责任单位", "", "", ""},
			{"bad role", "mgr-password\n", []string{"user", "add", "--name", "m2", "--role", "boss", "--password-stdin"}, "角色", "", "", ""},
			{"no --password-stdin", "", []string{"user", "add", "--name", "m2", "--role", "admin"}, "--password-stdin", "", "", ""},
			{"empty stdin", "", []string{"user", "add", "--name", "m2", "--role", "admin", "--password-stdin"}, "没有密码", "", "", ""},
			{"no subcommand", "", []string{"user"}, "子命令", "", "", ""},
			{"unknown subcommand", "", []string{"user", "del"}, "没有子命令", "", "", ""},
			{"extra argument", "", []string{"user", "list", "x"}, "多余的参数", "", "", ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				out, err := runWithStdin(t, dbPath, tc.stdin, tc.args...)
				if tc.wantErr != "" {
					if err == nil || !strings.Contains(errorText(err), tc.wantErr) {
						t.Errorf("error = %v, want one mentioning %q", err, tc.wantErr)
					}
					return
				}
				if err != nil {
					t.Fatalf("%v: %v\n%s", tc.args, err, out)
				}
				out, err = runWithStdin(t, dbPath, "", "user", "list")
				if err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(strings.TrimSpace(out), "\n")
				if !slices.ContainsFunc(lines[1:], func(l string) bool {
					return slices.Contains(strings.Fields(l), tc.user) && strings.Contains(l, tc.unit)
				}) || !slices.ContainsFunc(lines[1:], func(l string) bool { return slices.Contains(strings.Fields(l), "root") }) {
					t.Errorf("user list =\n%s\nwant a header, root and %s %s", out, tc.user, tc.unit)
				}
				if u, err := login(t, dbPath, tc.user, tc.password); err != nil || u.Name != tc.user {
					t.Errorf("Authenticate(%s) = %+v, %v", tc.user, u, err)
				}
			})
		}
	})
}

// TestUserPasswdDisableEnable: user passwd sets a password that follows
// the rule; disable stops logins, enable lets them again.
func TestUserPasswdDisableEnable(t *testing.T) {
	storetest.ForEachDSN(t, func(t *testing.T, dbPath string) {
		for _, name := range []string{"root", "ops"} {
			if out, err := runWithStdin(t, dbPath, "correct horse battery\n", "user", "add", "--name", name, "--role", "admin", "--password-stdin"); err != nil {
				t.Fatalf("user add: %v\n%s", err, out)
			}
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
		} {
			t.Run(tc.name, func(t *testing.T) {
				if _, err := runWithStdin(t, dbPath, tc.stdin, tc.args...); err == nil || !strings.Contains(errorText(err), tc.wantErr) {
					t.Errorf("error = %v, want one mentioning %q", err, tc.wantErr)
				}
			})
		}
		t.Run("new password", func(t *testing.T) {
			if out, err := runWithStdin(t, dbPath, "battery staple\n", "user", "passwd", "--password-stdin", "root"); err != nil {
				t.Fatalf("user passwd: %v\n%s", err, out)
			}
			if _, err := login(t, dbPath, "root", "battery staple"); err != nil {
				t.Errorf("the new password: %v", err)
			}
			if _, err := login(t, dbPath, "root", "correct horse battery"); model.Kind(err) != model.EUnauthorized {
				t.Errorf("the old password: %v, want unauthorized", err)
			}
		})
		t.Run("disable and enable", func(t *testing.T) {
			if out, err := runWithStdin(t, dbPath, "", "user", "disable", "ops"); err != nil {
				t.Fatalf("user disable: %v\n%s", err, out)
			}
			if _, err := login(t, dbPath, "ops", "correct horse battery"); model.Kind(err) != model.EUnauthorized {
				t.Errorf("disabled user: %v, want unauthorized", err)
			}
			if out, err := runWithStdin(t, dbPath, "", "user", "enable", "ops"); err != nil {
				t.Fatalf("user enable: %v\n%s", err, out)
			}
			if _, err := login(t, dbPath, "ops", "correct horse battery"); err != nil {
				t.Errorf("enabled user: %v", err)
			}
		})
	})
}
