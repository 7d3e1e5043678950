package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/yanhe/captrack/model"
)

// userCommands are the subcommands of user.
var userCommands = map[string]command{
	"add": {summary: "添加用户，密码从标准输入读取一行",
		about: "项目负责人（manager）须指定责任单位，且须是已有项目的责任单位；新单位加 --new-unit。", run: cmdUserAdd},
	"list": {summary: "列出用户", run: cmdUserList},
	"passwd": {summary: "重设用户密码，新密码从标准输入读取一行", args: "用户名",
		about: "密码至少 10 个字符，不能是常见密码，不能与用户名相同；该用户已登录的会话全部失效。", run: cmdUserPasswd},
	"disable": {summary: "停用用户（不能再登录，已登录的会话失效）", args: "用户名", run: cmdUserDisable(true)},
	"enable":  {summary: "启用已停用的用户", args: "用户名", run: cmdUserDisable(false)},
}

// cmdUser runs a subcommand of user.
func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := e.stdout
		if len(args) == 0 {
			w = e.stderr
		}
		userUsage(w)
		if len(args) == 0 {
			return errors.New("请指定 user 的子命令")
		}
		return nil
	}
	c, ok := userCommands[args[0]]
	if !ok {
		return fmt.Errorf("user 没有子命令 %q（运行 captrack user -h 查看用法）", args[0])
	}
	e.cmd = c
	return c.run(ctx, e, args[1:])
}

// userUsage prints the help of user.
func userUsage(w io.Writer) {
	fmt.Fprintln(w, "用法：captrack user <子命令> [选项]\n\n管理用户。子命令：")
	names := make([]string, 0, len(userCommands))
	for n := range userCommands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, userCommands[n].summary)
	}
	fmt.Fprintln(w, "\n运行 captrack user <子命令> -h 查看该子命令的选项。")
}

// cmdUserAdd creates a user whose password is the first line of stdin.
func cmdUserAdd(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "user add")
	name := fs.String("name", "", "`用户名`")
	role := fs.String("role", "", "`角色`：admin、supervisor、manager 或 finance")
	unit := fs.String("unit", "", "`责任单位`（manager 必填）")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读取一行作为密码（必需：密码不出现在命令行中）")
	newUnit := fs.Bool("new-unit", false, "--unit 尚无项目时也创建（否则视为单位名写错而拒绝）")
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	password, err := readPassword(e, *fromStdin)
	if err != nil {
		return err
	}
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if *unit != "" && !*newUnit {
		_, n, err := db.ListProjects(ctx, model.ProjectFilter{Unit: *unit, Limit: 1})
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("没有责任单位为“%s”的项目：请检查单位名称；确为新单位时加 --new-unit", *unit)
		}
	}
	u, err := db.CreateUser(ctx, *name, *role, *unit, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已创建用户 %s（角色 %s%s）\n", u.Name, u.Role, unitSuffix(u.Unit))
	return nil
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return "，单位 " + unit
}

// cmdUserList prints every user.
func cmdUserList(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "user list")
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	us, err := db.ListUsers(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "用户名\t角色\t责任单位\t状态")
	for _, u := range us {
		status := "启用"
		if u.Disabled {
			status = "停用"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Name, u.Role, u.Unit, status)
	}
	return tw.Flush()
}

// readPassword reads a password from the first line of stdin, which
// --password-stdin must ask for (a password never appears on the command
// line).
func readPassword(e *env, fromStdin bool) (string, error) {
	if !fromStdin {
		return "", errors.New("请用 --password-stdin 从标准输入提供密码（不在命令行中出现）")
	}
	sc := bufio.NewScanner(e.stdin)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return "", fmt.Errorf("读取密码：%w", err)
		}
		return "", errors.New("标准输入中没有密码")
	}
	return strings.TrimRight(sc.Text(), "\r"), nil
}

// userName parses the flags of a user subcommand that names one user,
// before or after them.
func userName(fs *flag.FlagSet, args []string) (string, bool, error) {
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	ok, err := parseFlags(fs, args)
	if ok && name == "" && fs.NArg() > 0 {
		name = fs.Arg(0)
		ok, err = parseFlags(fs, fs.Args()[1:])
	}
	switch {
	case !ok:
		return "", false, err
	case fs.NArg() > 0:
		return "", false, fmt.Errorf("多余的参数：%s", strings.Join(fs.Args(), " "))
	case name == "":
		return "", false, fmt.Errorf("请指定用户名（运行 %s -h 查看用法）", fs.Name())
	}
	return name, true, nil
}

// cmdUserPasswd sets a user's password from the first line of stdin.
func cmdUserPasswd(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "user passwd")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读取一行作为新密码（必需：密码不出现在命令行中）")
	name, ok, err := userName(fs, args)
	if !ok {
		return err
	}
	password, err := readPassword(e, *fromStdin)
	if err != nil {
		return err
	}
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.SetPassword(ctx, name, password); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已重设用户 %s 的密码，其已登录的会话全部失效。\n", name)
	return nil
}

// cmdUserDisable returns user disable (disabled) or user enable.
func cmdUserDisable(disabled bool) func(ctx context.Context, e *env, args []string) error {
	verb := map[bool]string{true: "disable", false: "enable"}[disabled]
	done := map[bool]string{true: "已停用", false: "已启用"}[disabled]
	return func(ctx context.Context, e *env, args []string) error {
		fs, dsn := newFlags(e, "user "+verb)
		name, ok, err := userName(fs, args)
		if !ok {
			return err
		}
		db, err := e.openDB(ctx, *dsn)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := db.SetDisabled(ctx, name, disabled); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s用户 %s。\n", done, name)
		return nil
	}
}
