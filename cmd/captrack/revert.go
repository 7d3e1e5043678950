package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/yanhe/captrack/model"
)

// cmdImportsRevert is `imports revert ID`: it undoes import batch ID, or
// says which later changes keep it from being undone.
func cmdImportsRevert(ctx context.Context, e *env, args []string) error {
	e.cmd = command{summary: "撤销一次导入：恢复该批次修改过的全部字段，删除它新建的项目、节点、进度报告、拨付、资金和预算记录（一个事务，记入审计日志）",
		args:  "编号",
		about: "编号为 captrack imports 列出的批次编号。该批次写入的记录此后又被其他导入或在系统中修改时，不撤销任何数据，并列出这些修改。",
		run:   cmdImportsRevert}
	fs, dsn := newFlags(e, "imports revert")
	asJSON := fs.Bool("json", false, "以 JSON 输出结果（被拒绝时为冲突列表）")
	if ok, err := parseFlags(fs, args); !ok {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("请指定一个导入批次编号，如 captrack imports revert 12（编号见 captrack imports）")
	}
	id, err := strconv.ParseUint(fs.Arg(0), 10, 32)
	if err != nil || id == 0 {
		return fmt.Errorf("导入批次编号应为正整数，而不是 %q", fs.Arg(0))
	}
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.RevertImport(ctx, uint(id), model.Actor{User: cliUser(e), Source: "cli"})
	var refused *model.RevertRefused
	if errors.As(err, &refused) {
		if *asJSON {
			if err := json.NewEncoder(e.stdout).Encode(map[string]any{"error": model.Message(err), "conflicts": refused.Conflicts}); err != nil {
				return err
			}
			return errSilent
		}
		fmt.Fprintln(e.stderr, model.Message(err))
		for _, c := range refused.Conflicts {
			fmt.Fprintln(e.stderr, "  "+c.Text(db.TimeZone()))
		}
		return errSilent
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(res)
	}
	_, err = fmt.Fprintf(e.stdout, "已撤销导入批次 #%d：恢复 %d 条记录，删除 %d 条记录（其中项目 %d 个）。\n", res.Batch, res.Restored, res.Deleted, res.Projects)
	return err
}
