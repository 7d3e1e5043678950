package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// cmdBulletin writes a month's 通报: captrack bulletin --month YYYY-MM
// --out FILE.xlsx [--issue]. Without --issue it is a draft of the
// figures as they stand, frozen nowhere; with it the 通报 is issued (its
// figures frozen, a second issue of a month being a corrected edition)
// and the file is the issued edition.
func cmdBulletin(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "bulletin")
	month := fs.String("month", "", "通报`月份` YYYY-MM（截至该月最后一天）")
	out := fs.String("out", "", "输出`文件`（.xlsx）")
	issue := fs.Bool("issue", false, "印发并冻结本期数据（同月再次印发为更正版）；不带此项只生成草稿")
	pace := paceFlags(fs)
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	switch {
	case *month == "":
		return errors.New("请用 --month 指定通报月份（YYYY-MM）")
	case *out == "":
		return errors.New("请用 --out 指定输出文件")
	}
	if _, _, err := reports.BulletinMonth(*month); err != nil {
		return err
	}
	db, err := e.openPaced(ctx, *dsn, *pace)
	if err != nil {
		return err
	}
	defer db.Close()
	var (
		b       reports.Bulletin
		edition int
	)
	if *issue {
		row, err := reports.IssueBulletin(ctx, db, model.Actor{User: cliUser(e), Source: "cli"}, *month)
		if err != nil {
			return err
		}
		ib, err := reports.LoadBulletin(ctx, db, row.ID)
		if err != nil {
			return err
		}
		b, edition = ib.Bulletin, ib.Edition
	} else if b, err = reports.BuildBulletin(ctx, db, *month); err != nil {
		return err
	}
	if err := writeAtomically(*out, func(w io.Writer) error { return reports.WriteBulletin(w, b, edition) }); err != nil {
		if *issue {
			return fmt.Errorf("通报已印发，但%w；可从网页或 API 重新下载", err)
		}
		return err
	}
	what := "已生成草稿（未冻结）"
	if *issue {
		what = "已印发"
	}
	fmt.Fprintf(e.stdout, "%s %s（截至 %s）：%s\n", what, reports.BulletinTitle(b.Month, edition), b.AsOf, *out)
	return nil
}
