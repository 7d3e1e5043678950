package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/yanhe/captrack/internal/tempdir"
	"github.com/yanhe/captrack/reports"
)

// cmdReport writes an Excel report: captrack report KIND --out FILE.xlsx
// [--as-of D]. The workbook is written to a temp file beside FILE and
// renamed into place only when complete, so a failed run never leaves a
// half-written report (nor replaces a good one).
func cmdReport(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "report")
	out := fs.String("out", "", "输出`文件`（.xlsx）")
	asOfFlag := fs.String("as-of", "", "`截至日期` YYYY-MM-DD（默认今天）")
	pace := paceFlags(fs)
	spend := spendFlags(fs)
	// The kind may come before or after the flags.
	var kind string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kind, args = args[0], args[1:]
	}
	ok, err := parseFlags(fs, args)
	if ok && kind == "" && fs.NArg() > 0 {
		kind = fs.Arg(0)
		ok, err = parseFlags(fs, fs.Args()[1:])
	}
	if !ok {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("多余的参数：%s", strings.Join(fs.Args(), " "))
	case reports.Title(kind) == "":
		return fmt.Errorf("请指定报表类型 spend、delayed 或 progress（而不是 %q；运行 captrack report -h 查看用法）", kind)
	case *out == "":
		return errors.New("请用 --out 指定输出文件")
	}
	if err := pace.Validate(); err != nil {
		return err
	}
	if err := spend.Validate(); err != nil {
		return err
	}
	db, asOf, err := openAsOf(ctx, e, *dsn, *asOfFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	db.Pace, db.Lamps = *pace, *spend
	if err := writeAtomically(*out, func(w io.Writer) error { return reports.Write(ctx, w, db, kind, asOf) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已生成%s（截至 %s）：%s\n", reports.Title(kind), asOf, *out)
	return nil
}

// reportTemp names the temp files of writeAtomically.
const reportTemp = ".captrack-report-*.xlsx"

// writeAtomically writes a file named out with write: to a temp file
// beside it, renamed into place only when complete, so that a failed run
// never leaves a half-written file (nor replaces a good one). The temp
// file is locked while it is written, and temp files of killed runs
// found beside it are removed first.
func writeAtomically(out string, write func(io.Writer) error) error {
	dir := filepath.Dir(out)
	tempdir.SweepIn(dir, reportTemp)
	tmp, err := os.CreateTemp(dir, reportTemp)
	if err != nil {
		return fmt.Errorf("无法创建输出文件：%w", err)
	}
	lock, err := tempdir.Lock(tmp.Name())
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("无法创建输出文件：%w", err)
	}
	defer lock.Close()
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes it private
		return fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("写入 %s 失败：%w", out, err)
	}
	done = true
	return nil
}
