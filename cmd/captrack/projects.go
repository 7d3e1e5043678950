package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// projectsPage is how many projects one query fetches.
const projectsPage = 500

// cmdProjects lists every project with its facts as of a date (default
// today), as a Chinese table or, with --json, as one JSON array of
// project views.
func cmdProjects(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "projects")
	asOfFlag := fs.String("as-of", "", "`截至日期` YYYY-MM-DD（默认今天）")
	asJSON := fs.Bool("json", false, "以 JSON 数组输出")
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	db, asOf, err := openAsOf(ctx, e, *dsn, *asOfFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	return showProjects(ctx, db, asOf, *asJSON, e.stdout)
}

// showProjects writes every project of db as of asOf to w, as JSON or as
// a table.
func showProjects(ctx context.Context, db *store.DB, asOf model.Date, asJSON bool, w io.Writer) error {
	views, err := allProjects(ctx, db, asOf)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(views)
	}
	return writeProjects(w, views, asOf)
}

// allProjects pages through every project as of asOf; the result is
// never nil.
func allProjects(ctx context.Context, db *store.DB, asOf model.Date) ([]model.ProjectView, error) {
	views := []model.ProjectView{}
	for {
		page, total, err := db.ListProjects(ctx, model.ProjectFilter{Limit: projectsPage, Offset: len(views), AsOf: asOf})
		if err != nil {
			return nil, err
		}
		views = append(views, page...)
		if len(page) == 0 || int64(len(views)) >= total {
			return views, nil
		}
	}
}

// writeProjects prints projects as a Chinese table with a count line
// that names the date of their facts.
func writeProjects(w io.Writer, views []model.ProjectView, asOf model.Date) error {
	if len(views) == 0 {
		_, err := fmt.Fprintln(w, "数据库中还没有项目。用 captrack import 导入任务分解表，或用 captrack demo 载入示例数据。")
		return err
	}
	rows := [][]string{{"编号", "项目名称", "附件", "类别", "责任单位", "计划开工", "计划完工", "总投资(万元)", "实际开工", "实际完工", "形象进度"}}
	for _, v := range views {
		p := v.Project
		inv := ""
		if p.Investment != nil {
			inv = p.Investment.WanString()
		}
		pct := ""
		if v.ProgressPct.Valid {
			pct = v.ProgressPct.Decimal.String() + "%"
		}
		rows = append(rows, []string{
			p.Code, p.Name, strconv.Itoa(p.Annex), p.Category, p.ResponsibleUnit,
			p.PlannedStart.String(), p.PlannedFinish.String(), inv,
			v.ActualStart.String(), v.ActualFinish.String(), pct,
		})
	}
	if err := writeTable(w, rows); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "共 %d 个项目，实际开工、实际完工、形象进度和已拨付截至 %s。\n", len(views), asOf)
	return err
}

// openNoArgs parses the flags of a command that takes no other
// arguments and opens its database. db is nil when the command should
// stop: with err nil after -h.
func openNoArgs(ctx context.Context, e *env, fs *flag.FlagSet, dsn *string, args []string) (*store.DB, error) {
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return nil, err
	}
	return e.openDB(ctx, *dsn)
}
