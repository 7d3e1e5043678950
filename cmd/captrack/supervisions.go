package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/model"
)

// cmdSupervisions lists 督办 as of today, filtered by status and unit.
func cmdSupervisions(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "supervisions")
	asJSON := fs.Bool("json", false, "以 JSON 数组输出")
	var f model.SupervisionFilter
	fs.StringVar(&f.Status, "status", "", "状态："+strings.Join(model.SupervisionStatuses, "、"))
	fs.StringVar(&f.Unit, "unit", "", "责任单位（牵头或协办）")
	fs.BoolVar(&f.Overdue, "overdue", false, "只列出逾期的督办")
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	if f.Status != "" && !slices.Contains(model.SupervisionStatuses, f.Status) {
		return fmt.Errorf("--status 应为 %s 之一：%q", strings.Join(model.SupervisionStatuses, "、"), f.Status)
	}
	db, err := e.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	svs, _, err := db.ListSupervisions(ctx, f)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if svs == nil {
			svs = []model.SupervisionView{}
		}
		return enc.Encode(svs)
	}
	if len(svs) == 0 {
		_, err := fmt.Fprintln(e.stdout, "没有符合条件的督办。")
		return err
	}
	rows := [][]string{{"编号", "项目", "牵头单位", "协办单位", "状态", "期限", "逾期工作日", "催办次数", "督办人"}}
	for _, v := range svs {
		overdue := ""
		if v.Overdue {
			overdue = strconv.Itoa(v.WorkingDaysOverdue)
		}
		rows = append(rows, []string{strconv.Itoa(int(v.ID)), v.ProjectName, v.ResponsibleUnit, strings.Join(v.AssistUnits, "、"),
			model.SupervisionStatusName(v.Status, v.SignOverdue), v.Due.String(), overdue, strconv.Itoa(v.ChaseCount), v.RaisedBy})
	}
	if err := writeTable(e.stdout, rows); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "共 %d 件督办。\n", len(svs))
	return err
}
