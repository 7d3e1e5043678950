package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// englishMarks are the flag package's and Go's English, never shown.
var englishMarks = []string{"Usage of", "(default", "flag provided but not defined", "invalid value", "store.Open", "open ", "no such file"}

func noEnglish(t *testing.T, what, text string) {
	t.Helper()
	for _, m := range englishMarks {
		if strings.Contains(text, m) {
			t.Errorf("%s shows %q:\n%s", what, m, text)
		}
	}
}

// TestHelp: every command's and user subcommand's -h prints its Chinese
// help, with every option, on stdout and succeeds.
func TestHelp(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "captrack.db")
	cases := [][]string{{"-h"}, {"help"}, {"user", "-h"}, {"user", "--help"}}
	for name := range commands {
		cases = append(cases, []string{name, "-h"}, []string{name, "--help"})
	}
	for name := range userCommands {
		cases = append(cases, []string{"user", name, "-h"})
	}
	for _, args := range cases {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdout, stderr, err := runCmd(t, dbPath, args...)
			if err != nil || stderr != "" {
				t.Fatalf("got %v, stderr %q; want the help and no error", err, stderr)
			}
			if !strings.HasPrefix(stdout, "用法：captrack") {
				t.Errorf("help does not begin with 用法：captrack:\n%s", stdout)
			}
			noEnglish(t, "help", stdout)
			if args[len(args)-1] == "-h" && args[0] != "-h" && args[len(args)-2] != "user" {
				for _, want := range []string{"--db 数据库", "-h, --help", "（默认 "} {
					if !strings.Contains(stdout, want) {
						t.Errorf("help lacks %q:\n%s", want, stdout)
					}
				}
			}
		})
	}
	// Every option is listed.
	stdout, _, _ := runCmd(t, dbPath, "import", "-h")
	for _, opt := range []string{"--as 用户名", "--dry-run", "--json", "--kind 文件类型", "--report-date 填报日期"} {
		if !strings.Contains(stdout, opt) {
			t.Errorf("import -h lacks %q:\n%s", opt, stdout)
		}
	}
}

// TestFlagErrors: a wrong option is refused in Chinese, naming it and
// pointing at -h, with nothing on stdout.
func TestFlagErrors(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "captrack.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--nope", "a.xlsx"}, "没有选项 --nope"},
		{[]string{"alerts", "--yellow-max", "x"}, "选项 --yellow-max 的值 \"x\" 无效：应为整数"},
		{[]string{"alerts", "--json=maybe"}, "应为 true 或 false"},
		{[]string{"report", "spend", "--out"}, "选项 --out 需要一个值"},
		{[]string{"projects", "extra"}, "多余的参数：extra"},
		{[]string{"--nope", "projects"}, "命令前只能使用 --db 和 --tz"},
		{[]string{"--db"}, "选项 --db 需要一个值"},
		{[]string{"nope"}, "没有命令 \"nope\""},
		{[]string{"user", "nope"}, "user 没有子命令 \"nope\""},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			stdout, _, err := runCmd(t, dbPath, tc.args...)
			if err == nil || stdout != "" {
				t.Fatalf("got %v, stdout %q; want an error", err, stdout)
			}
			got := errorText(err)
			if !strings.Contains(got, tc.want) {
				t.Errorf("error %q, want one saying %q", got, tc.want)
			}
			noEnglish(t, "error", got)
		})
	}
}

// TestGlobalFlags: --db and --tz may come before the command; the
// command's own --db wins over the global one.
func TestGlobalFlags(t *testing.T) {
	dir := t.TempDir()
	global, own := filepath.Join(dir, "global.db"), filepath.Join(dir, "own.db")
	for _, args := range [][]string{
		{"--db", global, "demo"},
		{"--db=" + global, "--tz", "Asia/Shanghai", "projects"},
		{"--db", global, "projects", "--db", own},
	} {
		if _, stderr, err := runCmd(t, "", args...); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
	}
	stdout, _, err := runCmd(t, "", "--db", global, "projects")
	if err != nil || !strings.Contains(stdout, "共 56 个项目") {
		t.Errorf("projects on the global --db: %v\n%s", err, stdout)
	}
	stdout, _, err = runCmd(t, "", "--db", global, "projects", "--db", own)
	if err != nil || !strings.Contains(stdout, "还没有项目") {
		t.Errorf("projects on its own --db: %v\n%s", err, stdout)
	}
	if _, _, err := runCmd(t, "", "--tz", "Mars/Olympus", "--db", global, "alerts"); err == nil {
		t.Errorf("alerts with an unknown --tz before the command: no error")
	}
}

// TestErrorsInChinese: failures of the database, files and the network
// are told in Chinese, never as the Go error's text.
func TestErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--db", filepath.Join(dir, "none", "x.db"), "projects"}, "无法打开数据库"},
		{[]string{"--db", filepath.Join(dir, "x.db"), "import", filepath.Join(dir, "none.xlsx")}, "无法打开文件"},
		{[]string{"--db", filepath.Join(dir, "x.db"), "import", dir}, "这是一个目录"},
		{[]string{"--db", filepath.Join(dir, "x.db"), "report", "spend", "--out", filepath.Join(dir, "none", "r.xlsx")}, "无法创建输出文件：文件或目录不存在"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			_, _, err := runCmd(t, "", tc.args...)
			if err == nil || !strings.Contains(errorText(err), tc.want) {
				t.Fatalf("got %v, want an error saying %q", err, tc.want)
			}
			noEnglish(t, "error", errorText(err))
		})
	}
}
