package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/yanhe/captrack/model"
)

// newFlags returns the flag set of command name ("import", "user add"),
// e.cmd,
// with the --db flag every command takes and -h/--help. Its help and its
// errors are captrack's own, in Chinese: the flag package's English
// messages go nowhere, parseFlags reports them, and -h prints
// writeUsage's text on e.stdout.
func newFlags(e *env, name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("captrack "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	help := &helpFlag{show: func() { writeUsage(e.stdout, fs, e.cmd) }}
	fs.Var(help, "h", "显示本帮助")
	fs.Var(help, "help", "显示本帮助")
	db := fs.String("db", e.dbDefault(), "`数据库`：SQLite 文件路径或 postgres:// URL（也可写在命令前，或用环境变量 CAPTRACK_DB）")
	return fs, db
}

// helpFlag is -h and --help: setting it prints the command's help.
type helpFlag struct {
	show  func()
	asked bool
}

func (h *helpFlag) String() string   { return "" }
func (h *helpFlag) IsBoolFlag() bool { return true }
func (h *helpFlag) Set(string) error {
	if !h.asked {
		h.asked = true
		h.show()
	}
	return errHelpShown
}

// errHelpShown stops parsing once the help is printed.
var errHelpShown = errors.New("help shown")

// writeUsage prints the help of the command c whose flags are fs.
func writeUsage(w io.Writer, fs *flag.FlagSet, c command) {
	fmt.Fprintf(w, "用法：%s [选项]", fs.Name())
	if c.args != "" {
		fmt.Fprintf(w, " %s", c.args)
	}
	fmt.Fprintf(w, "\n\n%s\n", c.summary)
	if c.about != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(c.about, "\n"))
	}
	fmt.Fprintln(w, "\n选项：")
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "help" {
			return
		}
		if f.Name == "h" {
			fmt.Fprintln(w, "  -h, --help\n        显示本帮助")
			return
		}
		arg, text := flag.UnquoteUsage(f)
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
			arg = ""
		} else if placeholder, ok := placeholders[arg]; ok {
			arg = placeholder
		}
		fmt.Fprintf(w, "  --%s", f.Name)
		if arg != "" {
			fmt.Fprintf(w, " %s", arg)
		}
		fmt.Fprintf(w, "\n        %s", text)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(w, "（默认 %s）", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}

// placeholders name the value of a flag whose usage names none, by its
// type as flag.UnquoteUsage gives it.
var placeholders = map[string]string{
	"string": "值", "int": "整数", "int64": "整数", "uint": "整数", "uint64": "整数",
	"float": "数", "duration": "时长", "value": "值",
}

// parseFlags parses args into fs and reports whether the command should
// go on: not after -h (which printed the help), nor on a bad flag, which
// it returns as a Chinese error.
func parseFlags(fs *flag.FlagSet, args []string) (bool, error) {
	err := fs.Parse(args)
	if h, ok := fs.Lookup("h").Value.(*helpFlag); ok && h.asked {
		return false, nil
	}
	if err != nil {
		return false, flagError(fs, err)
	}
	return true, nil
}

// parseOnlyFlags parses args with fs (see parseFlags) and refuses
// positional arguments.
func parseOnlyFlags(fs *flag.FlagSet, args []string) (bool, error) {
	if ok, err := parseFlags(fs, args); !ok {
		return false, err
	}
	if fs.NArg() > 0 {
		return false, fmt.Errorf("多余的参数：%s（运行 %s -h 查看用法）", strings.Join(fs.Args(), " "), fs.Name())
	}
	return true, nil
}

// flagMessages translate the flag package's errors.
var flagMessages = []struct {
	re  *regexp.Regexp
	say func(m []string) string
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(.*)$`), func(m []string) string { return "没有选项 --" + m[1] }},
	{regexp.MustCompile(`^flag needs an argument: -+(.*)$`), func(m []string) string { return "选项 --" + m[1] + " 需要一个值" }},
	{regexp.MustCompile(`^invalid boolean value "(.*)" for -+(.*?): `), func(m []string) string {
		return fmt.Sprintf("选项 --%s 的值 %q 无效：应为 true 或 false", m[2], m[1])
	}},
	{regexp.MustCompile(`^invalid value "(.*)" for flag -+(.*?): `), func(m []string) string {
		return fmt.Sprintf("选项 --%s 的值 %q 无效", m[2], m[1])
	}},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), func(m []string) string { return "无法识别的选项 " + m[1] }},
}

// flagError says what was wrong with the flags of fs, in Chinese.
func flagError(fs *flag.FlagSet, err error) error {
	msg := "选项有误"
	for _, t := range flagMessages {
		if m := t.re.FindStringSubmatch(err.Error()); m != nil {
			msg = t.say(m)
			if f := fs.Lookup(m[len(m)-1]); f != nil && strings.HasSuffix(msg, "无效") {
				msg += expected(f)
			}
			break
		}
	}
	return fmt.Errorf("%s（运行 %s -h 查看用法）", msg, fs.Name())
}

// expected says what kind of value flag f takes, for an invalid one.
func expected(f *flag.Flag) string {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return ""
	}
	switch g.Get().(type) {
	case int, int64, uint, uint64:
		return "：应为整数"
	case float64:
		return "：应为数"
	case time.Duration:
		return "：应为时长，如 10s、2m"
	}
	return ""
}

// paceFlags adds --pace-yellow and --pace-red, the 序时进度 lamps'
// thresholds, to fs; the caller validates what they read.
func paceFlags(fs *flag.FlagSet) *model.PaceLamps {
	p := model.DefaultPaceLamps()
	fs.IntVar(&p.Yellow, "pace-yellow", p.Yellow, "序时进度落后超过该`百分点`为黄灯")
	fs.IntVar(&p.Red, "pace-red", p.Red, "序时进度落后超过该`百分点`为红灯")
	return &p
}

// spendFlags adds --spend-q3-min and --spend-lag, the 支出进度 lamps'
// checkpoint (the rate due from 30 September) and yellow gap, to fs; the
// caller validates what they read.
func spendFlags(fs *flag.FlagSet) *model.SpendLamps {
	l := model.DefaultSpendLamps()
	fs.IntVar(&l.Checkpoints[0].MinPct, "spend-q3-min", l.Checkpoints[0].MinPct, "9月30日起拨付率（拨付÷下达）低于该`百分比`为支出进度红灯")
	fs.IntVar(&l.YellowGap, "spend-lag", l.YellowGap, "拨付率落后全年时间进度超过该`百分点`为支出进度黄灯")
	return &l
}
