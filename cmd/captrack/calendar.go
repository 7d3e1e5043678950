package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/yanhe/captrack/calendar"
	"github.com/yanhe/captrack/model"
)

// cmdCalendar manages the working-day calendar: `calendar import
// FILE.json` adds (or replaces) a year of holidays, `calendar years`
// lists the years it knows.
func cmdCalendar(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return errors.New("用法：captrack calendar import FILE.json…，或 captrack calendar years")
	}
	switch args[0] {
	case "-h", "--help", "help":
		return cmdCalendarImport(ctx, e, []string{"-h"})
	case "import":
		return cmdCalendarImport(ctx, e, args[1:])
	case "years":
		return cmdCalendarYears(ctx, e, args[1:])
	}
	return fmt.Errorf("未知的 calendar 子命令 %q（应为 import 或 years）", args[0])
}

func cmdCalendarImport(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "calendar import")
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("请指定节假日安排文件（holiday-cn 格式的 JSON，如 2027.json）")
	}
	// Read (and check) every file before writing any.
	files := make([][]byte, fs.NArg())
	for i, path := range fs.Args() {
		b, err := readBounded(path, calendar.MaxFileBytes)
		if err != nil {
			return err
		}
		if _, err := calendar.Parse(filepath.Base(path), b); err != nil {
			return err
		}
		files[i] = b
	}
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	for i, path := range fs.Args() {
		y, err := db.ImportCalendarYear(ctx, model.Actor{User: cliUser(e), Source: "cli"}, filepath.Base(path), files[i])
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "已导入 %d 年节假日安排（%d 个调整日）。\n", y.Year, len(y.Off))
	}
	return nil
}

// readBounded reads the file at path, refusing one over max bytes.
func readBounded(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%s：文件超过 %d KiB", filepath.Base(path), max>>10)
	}
	return b, nil
}

func cmdCalendarYears(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "calendar years")
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	var years []string
	for _, y := range cal.Years() {
		years = append(years, fmt.Sprint(y))
	}
	_, err = fmt.Fprintf(e.stdout, "已有节假日安排的年份：%s\n", strings.Join(years, "、"))
	return err
}
