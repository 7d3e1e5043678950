// Command captrack tracks the capital projects of a county plan: it
// imports annex workbooks, progress returns and payment ledgers, computes
// schedule-slip alerts, writes Excel reports and serves the web UI and API.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if !errors.Is(err, errSilent) {
			fmt.Fprintln(os.Stderr, "captrack:", errorText(err))
		}
		os.Exit(1)
	}
}

// env is what a command may touch of the outside world; tests fill it in.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// tz is the county's time zone a command's flag set (serve --tz);
	// "" means the environment's CAPTRACK_TZ, else model.DefaultZone.
	tz string
}

// command is one subcommand: a one-line Chinese summary and its body.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand.
var commands = map[string]command{
	"import":   {"导入任务分解表、进度月报或资金拨付台账", cmdImport},
	"projects": {"列出项目", cmdProjects},
	"demo":     {"向空数据库载入示例数据（依据三年行动方案）", cmdDemo},
	"alerts":   {"列出进度滞后预警", cmdAlerts},
	"user":     {"管理用户（user add）", cmdUser},
	"serve":    {"启动网页和 API 服务", cmdServe},
	"report":   {"生成 Excel 报表（spend、delayed、progress）", cmdReport},
}

// errSilent is returned by a command that has already told the user what
// went wrong (e.g. an import's error list) and only needs exit status 1.
var errSilent = errors.New("failed")

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		usage(stderr)
		return fmt.Errorf("未知命令 %q", args[0])
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "用法: captrack <命令> [选项]\n\n命令:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\n每个命令都接受 --db（SQLite 文件路径或 postgres:// URL，默认 captrack.db，环境变量 CAPTRACK_DB）。\n运行 captrack <命令> -h 查看该命令的选项。")
}

// newFlags returns a flag set for command name that writes its usage to
// e.stderr and carries the --db flag every command takes.
func newFlags(e *env, name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("captrack "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	def := e.getenv("CAPTRACK_DB")
	if def == "" {
		def = "captrack.db"
	}
	db := fs.String("db", def, "数据库：SQLite 文件路径或 postgres:// URL（环境变量 CAPTRACK_DB）")
	return fs, db
}

// openDB opens the database a command's --db names, with the county's
// time zone (serve --tz, else CAPTRACK_TZ, else Asia/Shanghai).
func (e *env) openDB(ctx context.Context, dsn string) (*store.DB, error) {
	name := e.tz
	if name == "" {
		name = e.getenv("CAPTRACK_TZ")
	}
	zone, err := model.LoadZone(name)
	if err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	db.Zone = zone
	return db, nil
}

// errorText is what the user sees for err: the message of a captrack
// error, the full text of anything else (a CLI user is the operator).
func errorText(err error) string {
	var e *model.Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	return err.Error()
}
