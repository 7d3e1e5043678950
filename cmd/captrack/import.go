package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/model"
	"golang.org/x/term"
)

// cmdImport imports annex task-breakdown tables, progress returns, ledgers
// or budget tables: all files in one all-or-nothing import.
func cmdImport(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "import")
	dryRun := fs.Bool("dry-run", false, "只检查并报告将做的修改，不写入数据库")
	asJSON := fs.Bool("json", false, "在标准输出上只输出一个 JSON 对象")
	kind := fs.String("kind", "", "`文件类型`：plan、progress、ledger 或 budget（默认按表头自动识别）")
	reportDate := fs.String("report-date", "", "进度月报的`填报日期` YYYY-MM-DD（表内未注明时使用）")
	as := fs.String("as", "", "以该用户（`用户名`）的身份和权限导入（如项目负责人只能导入本单位项目的进度）；默认不限")
	passwordStdin := fs.Bool("password-stdin", false, "工作簿设有打开密码时，从标准输入读取一行作为密码")
	var decisions model.MatchDecisions
	fs.Var(decisionFlag(decisions.AddMatch), "match", "`工作表!行号=项目编码`：该行（与已有项目相似）即该已有项目，按它更新（可重复）")
	fs.Var(decisionFlag(decisions.AddNew), "new", "`工作表!行号`：该行（与已有项目相似）是新项目（可重复）")
	newAll := fs.Bool("new-all", false, "与已有项目相似的行都按新项目导入")
	expect := fs.String("expect", "", "试运行给出的`预览编号`：数据自试运行以来有变化、导入结果与预览不同时拒绝导入")
	bounds := importBoundFlags(fs)
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if err := bounds.check(); err != nil {
		return err
	}
	opt := importer.Options{Kind: importer.Kind(*kind), MaxRows: *bounds.rows, MaxCells: *bounds.cells, Timeout: *bounds.timeout}
	if *passwordStdin {
		pw, err := readPassword(e, true)
		if err != nil {
			return err
		}
		opt.Password = pw
	}
	switch opt.Kind {
	case importer.KindAuto, importer.KindPlan, importer.KindProgress, importer.KindLedger, importer.KindBudget:
	default:
		return fmt.Errorf("--kind 应为 plan、progress、ledger 或 budget，而不是 %q", *kind)
	}
	if *reportDate != "" {
		d, err := model.ParseDate(*reportDate)
		if err != nil {
			return err
		}
		opt.ReportDate = d
	}
	if fs.NArg() == 0 {
		return errors.New("请指定要导入的工作簿文件（运行 captrack import -h 查看用法）")
	}

	files, total, closeAll, err := openFiles(fs.Args())
	if err != nil {
		return err
	}
	defer closeAll()
	if bar := newProgressBar(e.stderr, total); bar != nil {
		opt.Progress = bar.show
		defer bar.done()
	}

	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	apply := model.ApplyOptions{
		Actor:  model.Actor{User: cliUser(e), Source: "cli"},
		Kind:   *kind,
		DryRun: *dryRun,
		Expect: *expect,
	}
	decisions.NewAll = *newAll
	apply.Decisions = decisions
	if *as != "" {
		u, err := db.UserByName(ctx, *as)
		if err != nil {
			return err
		}
		if u.Disabled {
			return fmt.Errorf("用户“%s”已停用", u.Name)
		}
		apply.As, apply.Actor.User = &u, u.Name
	}
	rep, err := importer.Import(ctx, db, files, opt, apply)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := json.NewEncoder(e.stdout).Encode(rep); err != nil {
			return err
		}
	} else {
		writeImportReport(e.stdout, rep, *dryRun)
	}
	if rep.Failed() {
		return errSilent
	}
	return nil
}

// decisionFlag is a repeatable flag that adds a decision on a row.
type decisionFlag func(string) error

func (f decisionFlag) String() string     { return "" }
func (f decisionFlag) Set(s string) error { return f(s) }

// openFiles opens every path for reading and returns them with their
// total size and a function that closes them all.
func openFiles(paths []string) ([]importer.File, int64, func(), error) {
	var (
		files   []importer.File
		closers []*os.File
		total   int64
	)
	closeAll := func() {
		for _, f := range closers {
			f.Close()
		}
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			closeAll()
			return nil, 0, nil, fmt.Errorf("无法打开文件 %s：%w", p, err)
		}
		closers = append(closers, f)
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				closeAll()
				return nil, 0, nil, fmt.Errorf("无法导入 %s：这是一个目录", p)
			}
			total += st.Size()
		}
		files = append(files, importer.File{Name: filepath.Base(p), R: f})
	}
	return files, total, closeAll, nil
}

// cliUser is who the audit trail records for a command-line import.
func cliUser(e *env) string {
	if u := e.getenv("USER"); u != "" {
		return u
	}
	return "cli"
}

// writeImportReport prints what an import did as a Chinese summary, with
// every warning and error located by file, sheet, row and column.
func writeImportReport(w io.Writer, rep model.ImportResult, dryRun bool) {
	switch {
	case rep.Failed():
		fmt.Fprintf(w, "导入失败：发现 %d 处错误，未写入任何数据。\n", rep.Counts.Errors)
	case dryRun:
		fmt.Fprintf(w, "试运行（未写入）：将%s。\n", rep.Summary())
	default:
		fmt.Fprintf(w, "导入完成：%s。\n", rep.Summary())
	}
	writeFindings(w, "错误", rep.Errors, rep.Counts.Errors)
	writeFindings(w, "警告", rep.Warnings, rep.Counts.Warnings)
	if rep.Note != "" {
		fmt.Fprintf(w, "\n错误和警告%s。\n", rep.Note)
	}
	if p := rep.ImportPreview; p != nil {
		if len(p.Changes) > 0 {
			fmt.Fprintf(w, "\n将修改的数据（%d 处）：\n", p.ChangesTotal)
			if p.ChangesNote != "" {
				fmt.Fprintf(w, "  （%s）\n", p.ChangesNote)
			}
			for _, c := range p.Changes {
				fmt.Fprintf(w, "  %s\n", c.Line())
			}
		}
		if len(p.NewProjects) > 0 {
			fmt.Fprintf(w, "\n将新增的项目（%d 个）：\n", p.NewProjectsTotal)
			if p.NewProjectsNote != "" {
				fmt.Fprintf(w, "  （%s）\n", p.NewProjectsNote)
			}
			for _, n := range p.NewProjects {
				fmt.Fprintf(w, "  文件 %s 工作表 %s 第%d行 %s（%s）\n", n.File, n.Sheet, n.Row, n.Name, n.Code)
			}
		}
		if !rep.Failed() {
			fmt.Fprintf(w, "\n预览编号 %s（确认导入时加 --expect %s，数据如有变化将拒绝导入）\n", rep.Digest, rep.Digest)
		}
	}
	if dryRun && len(rep.Projects) > 0 {
		fmt.Fprintf(w, "\n读到的项目（%d 个）：\n", rep.ProjectsTotal)
		if rep.ProjectsNote != "" {
			fmt.Fprintf(w, "  （%s）\n", rep.ProjectsNote)
		}
		for _, p := range rep.Projects {
			fmt.Fprintf(w, "  %s\n", p.Line())
		}
	}
}

func writeFindings(w io.Writer, title string, fs []model.Finding, total int) {
	if total == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s（%d 条）：\n", title, total)
	for _, f := range fs {
		fmt.Fprintf(w, "  %s：%s\n", findingPlace(f), f.Message)
	}
}

// findingPlace says where a finding is: 文件 a.xlsx 工作表 附件1 第12行 第F列.
func findingPlace(f model.Finding) string {
	parts := []string{"文件 " + f.File}
	if f.Sheet != "" {
		parts = append(parts, "工作表 "+f.Sheet)
	}
	if f.Row > 0 {
		parts = append(parts, fmt.Sprintf("第%d行", f.Row))
	}
	if f.Column != "" {
		parts = append(parts, fmt.Sprintf("第%s列", f.Column))
	}
	return strings.Join(parts, " ")
}

// progressBar draws, on a terminal, how many rows of each workbook the
// importer has read, of the rows its sheets hold (importer.Progress).
// The rows are applied as they are read, so the bar follows the whole
// import but the last chunk's writing.
type progressBar struct {
	w    io.Writer
	bar  *progressbar.ProgressBar
	file string
}

// barMinSize is the total input size from which a bar is worth drawing.
const barMinSize = 1 << 20

// newProgressBar returns a bar on w when w is a terminal and the input is
// large, else nil.
func newProgressBar(w io.Writer, total int64) *progressBar {
	f, ok := w.(*os.File)
	if !ok || total < barMinSize || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progressBar{w: w}
}

// show draws p: a new bar for each workbook.
func (b *progressBar) show(p importer.Progress) {
	if b.bar == nil || p.File != b.file {
		b.done()
		b.file = p.File
		b.bar = progressbar.NewOptions(max(p.Estimate, 1),
			progressbar.OptionSetWriter(b.w),
			progressbar.OptionSetDescription("读取 "+p.File+"（行）"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(false),
		)
	}
	if p.Estimate > b.bar.GetMax() {
		b.bar.ChangeMax(p.Estimate)
	}
	b.bar.Set(p.Rows)
	if p.Done {
		b.done()
	}
}

// done ends the current bar's line.
func (b *progressBar) done() {
	if b.bar != nil {
		b.bar.Finish()
		fmt.Fprintln(b.w)
		b.bar = nil
	}
}

// importBounds are the flags that bound each import (import and serve).
type importBounds struct {
	rows, cells *int
	timeout     *time.Duration
}

func importBoundFlags(fs *flag.FlagSet) importBounds {
	return importBounds{
		rows:    fs.Int("max-rows", importer.DefaultMaxRows, "每个工作表最多读取的`行数`，超过则整个导入报错、不写入"),
		cells:   fs.Int("max-cells", importer.DefaultMaxCells, "每个工作表最多的非空`单元格数`，超过则整个导入报错、不写入"),
		timeout: fs.Duration("import-timeout", importer.DefaultTimeout, "每次导入的`时间上限`（如 5m、90s），超时则停止、不写入"),
	}
}

func (b importBounds) check() error {
	switch {
	case *b.rows <= 0:
		return errors.New("--max-rows 必须为正数")
	case *b.cells <= 0:
		return errors.New("--max-cells 必须为正数")
	case *b.timeout <= 0:
		return errors.New("--import-timeout 必须为正的时长，如 5m")
	}
	return nil
}
