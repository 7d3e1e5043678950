package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/model"
)

// A plan table may say when each project is built by a mark under one of
// its year columns (2017年 / 2018年 / 2019年, perhaps under 建设年度): that
// year is the planned finish, at year precision. Year columns under an
// amount (年度投资计划 over 2017年 / 2018年) hold each year's share of the
// money instead, which no project field keeps.

// marks are what a clerk writes under the year a project is built in
// (besides the year itself); unmarks say it is not.
var (
	marks   = []string{"1", "√", "✓", "✔", "☑", "●", "○", "◎", "★", "☆", "▲", "是", "Y", "y"}
	unmarks = []string{"0", "否", "×", "✗", "✘", "x", "X"}
)

// amountWords in a year column's header make it a year's amount.
var amountWords = []string{"投资", "资金", "金额", "经费", "预算", "拨付"}

// markColumns are the year columns of a plan table that hold marks:
// those whose header names no amount.
func (h *header) markColumns() []*column {
	return slices.DeleteFunc(slices.Clone(h.years), func(c *column) bool {
		_, money := unitOf(c.group)
		return money || slices.ContainsFunc(amountWords, func(w string) bool { return strings.Contains(c.group, w) })
	})
}

// markedYear reads the year columns of row n: the year marked, as a
// finish at year precision; nil when none is. A value that is no mark,
// or marks under two years, is an error (ok false).
func (t *planTable) markedYear(cells []string, n int) (r *dateRead, ok bool) {
	var marked []*column
	for _, c := range t.marks {
		raw := cellOf(cells, c)
		s := clean(raw)
		switch {
		case isUnknown(s) || slices.Contains(unmarks, s):
		case slices.Contains(marks, s) || s == strconv.Itoa(c.year) || s == strconv.Itoa(c.year)+"年":
			marked = append(marked, c)
		default:
			t.fail(n, c, fmt.Sprintf("的值“%s”不是建设年度的标记：请在建设的年份下填 √、●、1 或该年份，其余年份留空", strings.TrimSpace(raw)))
			return nil, false
		}
	}
	switch len(marked) {
	case 0:
		return nil, true
	case 1:
		return &dateRead{c: marked[0], d: model.YearPlan(marked[0].year)}, true
	}
	var names []string
	for _, c := range marked {
		names = append(names, fmt.Sprintf("“%s”（%s列）", c.header, c.letter))
	}
	t.failAt(n, marked[0].letter, fmt.Sprintf("本行在%s下都有标记，无法确定计划完成年份：请只在一个年份下标记", strings.Join(names, "和")))
	return nil, false
}
