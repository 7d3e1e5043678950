package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
)

// cmdUser manages users: `user add` and `user list`.
func cmdUser(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return errors.New("用法：captrack user add --name 用户名 --role admin|supervisor|manager|finance [--unit 责任单位] --password-stdin，或 captrack user list")
	}
	switch args[0] {
	case "add":
		return cmdUserAdd(ctx, e, args[1:])
	case "list":
		return cmdUserList(ctx, e, args[1:])
	}
	return fmt.Errorf("未知的 user 子命令 %q（应为 add 或 list）", args[0])
}

// parseOnlyFlags parses args with fs (see parseFlags) and refuses
// positional arguments.
func parseOnlyFlags(fs *flag.FlagSet, args []string) (bool, error) {
	if ok, err := parseFlags(fs, args); !ok {
		return false, err
	}
	if fs.NArg() > 0 {
		return false, fmt.Errorf("多余的参数：%s", strings.Join(fs.Args(), " "))
	}
	return true, nil
}

// cmdUserAdd creates a user whose password is the first line of stdin.
func cmdUserAdd(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "user add")
	name := fs.String("name", "", "用户名")
	role := fs.String("role", "", "角色：admin、supervisor、manager 或 finance")
	unit := fs.String("unit", "", "责任单位（manager 必填）")
	fromStdin := fs.Bool("password-stdin", false, "从标准输入读取一行作为密码")
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	if !*fromStdin {
		return errors.New("请用 --password-stdin 从标准输入提供密码（不在命令行中出现）")
	}
	sc := bufio.NewScanner(e.stdin)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return fmt.Errorf("读取密码：%w", err)
		}
		return errors.New("标准输入中没有密码")
	}
	password := strings.TrimRight(sc.Text(), "\r")
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
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
