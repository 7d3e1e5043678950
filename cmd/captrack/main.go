// Command captrack tracks the capital projects of a county plan: it
// imports annex workbooks, progress returns and payment ledgers, computes
// schedule-slip alerts, writes Excel reports and serves the web UI and API.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"github.com/yanhe/captrack/internal/tempdir"
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
			if os.Getenv("CAPTRACK_DEBUG") != "" {
				fmt.Fprintln(os.Stderr, "技术细节：", err)
			}
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
	// cmd is the command running, whose help -h prints.
	cmd command
	// db is the --db given before the command, "" if none.
	db string
	// tz is the county's time zone given by --tz (before the command, or
	// serve's); "" means the environment's CAPTRACK_TZ, else
	// model.DefaultZone.
	tz string
}

// dbDefault is the --db a command uses when it is given none: the one
// given before the command, else CAPTRACK_DB, else captrack.db.
func (e *env) dbDefault() string {
	switch {
	case e.db != "":
		return e.db
	case e.getenv("CAPTRACK_DB") != "":
		return e.getenv("CAPTRACK_DB")
	}
	return "captrack.db"
}

// command is one subcommand: a one-line Chinese summary, what follows
// its options in its help (args) and more help text (about), and its
// body. newFlags's -h prints the first three.
type command struct {
	summary, args, about string
	run                  func(ctx context.Context, e *env, args []string) error
}

// commands lists every subcommand.
var commands = map[string]command{
	"import": {summary: "导入任务分解表、进度月报或资金拨付台账：所有文件在一个事务中，全部导入或全部不导入", args: "文件...",
		about: "文件类型按表头自动识别；任一文件有错误时不写入任何数据，退出状态为 1。", run: cmdImport},
	"projects": {summary: "列出项目", run: cmdProjects},
	"imports": {summary: "列出已完成的导入批次（编号、时间、用户、文件、新增和更新数），或撤销其中一次", args: "[revert 编号]",
		about: "revert 编号：撤销该次导入（运行 captrack imports revert -h 查看说明）。", run: cmdImports},
	"demo":   {summary: "向空数据库载入示例数据（依据三年行动方案）并创建示例用户，打印其密码（仅此一次）", run: cmdDemo},
	"alerts": {summary: "列出进度滞后预警", run: cmdAlerts},
	"user":   {summary: "管理用户", args: "子命令", run: cmdUser},
	"serve":  {summary: "启动网页和 API 服务", run: cmdServe},
	"report": {summary: "生成 Excel 报表", args: "spend|delayed|progress --out 文件.xlsx",
		about: "报表类型：\n  spend     资金使用进度表\n  delayed   滞后项目清单\n  progress  项目进度表（附件格式）", run: cmdReport},
	"calendar": {summary: "节假日安排", args: "import 文件.json...|years",
		about: "import 导入一年或几年的节假日安排（holiday-cn 格式 JSON，先全部检查再写入）；years 列出已有数据的年份。", run: cmdCalendar},
	"supervisions": {summary: "列出督办", run: cmdSupervisions},
	"bulletin": {summary: "生成月度通报（Excel）：草稿，或用 --issue 印发并冻结", args: "--month YYYY-MM --out 文件.xlsx",
		about: "通报截至该月最后一天：各单位红黄灯和逾期督办排名、新增滞后和恢复正常的项目、本月交办和办结的督办、资金情况。\n印发后数据冻结，以后的导入和修改不再改变它；同月再次印发为更正版，两版都保留。", run: cmdBulletin},
}

// errSilent is returned by a command that has already told the user what
// went wrong (e.g. an import's error list) and only needs exit status 1.
var errSilent = errors.New("failed")

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	args, err := e.globalFlags(args)
	if err != nil {
		return err
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		return fmt.Errorf("没有命令 %q（运行 captrack -h 查看所有命令）", args[0])
	}
	e.cmd = c
	return c.run(ctx, e, args[1:])
}

// globalFlags takes the options given before the command (--db, --tz)
// off args.
func (e *env) globalFlags(args []string) ([]string, error) {
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		var dst *string
		switch name {
		case "db":
			dst = &e.db
		case "tz":
			dst = &e.tz
		default:
			return nil, fmt.Errorf("命令前只能使用 --db 和 --tz，没有选项 %s（运行 captrack -h 查看用法）", args[0])
		}
		args = args[1:]
		if !hasValue {
			if len(args) == 0 {
				return nil, fmt.Errorf("选项 --%s 需要一个值", name)
			}
			value, args = args[0], args[1:]
		}
		if value == "" {
			return nil, fmt.Errorf("选项 --%s 需要一个值", name)
		}
		*dst = value
	}
	return args, nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "用法：captrack [--db 数据库] [--tz 时区] <命令> [选项]\n\n命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, `
全局选项（写在命令前，也可写在命令后）：
  --db 数据库   SQLite 文件路径或 postgres:// URL（默认 captrack.db，环境变量 CAPTRACK_DB）
  --tz 时区     县的时区，决定“今天”（默认 Asia/Shanghai，环境变量 CAPTRACK_TZ）

运行 captrack <命令> -h 查看该命令的选项。`)
}

// openDB opens the database a command's --db names, with the county's
// time zone (serve --tz, else CAPTRACK_TZ, else Asia/Shanghai) and the
// 编制单位 the reports print (CAPTRACK_ORG, else model.DefaultOrg).
func (e *env) openDB(ctx context.Context, dsn string) (*store.DB, error) {
	name := e.tz
	if name == "" {
		name = e.getenv("CAPTRACK_TZ")
	}
	zone, err := model.LoadZone(name)
	if err != nil {
		return nil, err
	}
	// Every command that opens the database starts by removing what
	// killed captracks left in the temp dir.
	tempdir.Sweep()
	org := e.getenv("CAPTRACK_ORG")
	if err := model.TextOrg.Check(org); err != nil {
		return nil, model.Errorf(model.EInvalid, "main.openDB", "环境变量 CAPTRACK_ORG：%s", errorText(err))
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	db.Zone = zone
	if org != "" {
		db.Org = org
	}
	return db, nil
}

// openPaced is openDB with the 序时进度 thresholds pace, checked first.
func (e *env) openPaced(ctx context.Context, dsn string, pace model.PaceLamps) (*store.DB, error) {
	if err := pace.Validate(); err != nil {
		return nil, err
	}
	db, err := e.openDB(ctx, dsn)
	if err != nil {
		return nil, err
	}
	db.Pace = pace
	return db, nil
}
