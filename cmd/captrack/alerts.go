package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"golang.org/x/text/width"
)

// cmdAlerts lists the schedule-slip alerts open as of a date (default
// today), as a table or, with --json, as one JSON array.
func cmdAlerts(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "alerts")
	asOfFlag := fs.String("as-of", "", "`截至日期` YYYY-MM-DD（默认今天）")
	asJSON := fs.Bool("json", false, "以 JSON 数组输出")
	cfg := alerts.DefaultConfig()
	fs.IntVar(&cfg.YellowMax, "yellow-max", cfg.YellowMax, "滞后不超过此`天数`为黄色预警")
	fs.IntVar(&cfg.OrangeMax, "orange-max", cfg.OrangeMax, "滞后不超过此`天数`为橙色预警，超过为红色")
	fs.IntVar(&cfg.StaleDays, "stale-days", cfg.StaleDays, "已开工未完工项目超过此`天数`未报进度即预警")
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	db, asOf, err := openAsOf(ctx, e, *dsn, *asOfFlag)
	if err != nil {
		return err
	}
	defer db.Close()
	return showAlerts(ctx, db, asOf, cfg, *asJSON, e.stdout)
}

// showAlerts writes the alerts of db open as of asOf to w, as JSON or as
// a table.
func showAlerts(ctx context.Context, db *store.DB, asOf model.Date, cfg alerts.Config, asJSON bool, w io.Writer) error {
	as, err := alerts.List(ctx, db, asOf, cfg)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(as)
	}
	return writeAlerts(w, asOf, as)
}

// openAsOf parses an --as-of value, then opens the database; an empty
// value means the county's today.
func openAsOf(ctx context.Context, e *env, dsn, asOfFlag string) (*store.DB, model.Date, error) {
	var asOf model.Date
	if asOfFlag != "" {
		d, err := model.ParseDate(asOfFlag)
		if err != nil {
			return nil, asOf, err
		}
		asOf = d
	}
	db, err := e.openDB(ctx, dsn)
	if err != nil {
		return nil, asOf, err
	}
	if asOf.IsZero() {
		asOf = db.Today()
	}
	return db, asOf, nil
}

// writeAlerts prints alerts as a Chinese table with a count line.
func writeAlerts(w io.Writer, asOf model.Date, as []alerts.Alert) error {
	if len(as) == 0 {
		_, err := fmt.Fprintf(w, "截至 %s 无进度滞后预警。\n", asOf)
		return err
	}
	rows := [][]string{{"严重程度", "项目编号", "项目", "责任单位", "节点", "应完成日期", "滞后天数", "类型"}}
	count := map[string]int{}
	for _, a := range as {
		count[a.Severity]++
		rows = append(rows, []string{
			alerts.SeverityName(a.Severity), a.ProjectCode, a.ProjectName, a.ResponsibleUnit,
			alerts.MilestoneName(a.Milestone), a.Due.String(), strconv.Itoa(a.SlipDays), alerts.KindName(a.Kind),
		})
	}
	fmt.Fprintf(w, "截至 %s 的进度滞后预警：\n", asOf)
	if err := writeTable(w, rows); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "共 %d 条预警（红 %d，橙 %d，黄 %d）。\n",
		len(as), count[alerts.Red], count[alerts.Orange], count[alerts.Yellow])
	return err
}

// writeTable prints rows as columns separated by two spaces, padding each
// cell to its column's display width (a Chinese character is two columns
// wide in a terminal, which text/tabwriter does not know).
func writeTable(w io.Writer, rows [][]string) error {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is how many terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
