package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// notYet are what a date cell says of a milestone not reached: no date.
var notYet = []string{"未开工", "未完工", "未竣工", "未完成", "未启动", "暂未开工", "在建", "正在建设", "待开工"}

// dateRead is one date cell as read. A month typed as a number may mean
// two months: 2019.10 typed into a General cell is the number 2019.1, so
// 2019.1 is January or October; alt then holds October, and the row's
// other dates decide (pickDates) or the cell is refused.
type dateRead struct {
	c        *column
	d, alt   model.PlanDate
	by       bool   // a deadline (到2019年, 2019年底前): no start
	shown    string // the number as the cell shows it, for messages
	resolved bool   // alt was ruled out, or chosen, by the row's other dates
}

// ambiguous reports whether the cell may mean two dates.
func (r *dateRead) ambiguous() bool { return r != nil && !r.alt.IsZero() && !r.resolved }

// readDate reads a date cell: text in any of the office's forms, a month
// typed as a number (as its number format shows it), or a real date cell
// (a serial with a date format; its format decides whether it states a
// day or only a month, and a General serial is a day). ok is false (with
// an error recorded) when the cell holds something else or a year
// outside model.MinYear–model.MaxYear.
func (t *table) readDate(cells []string, c *column, n int) (dateRead, bool) {
	r, ok := t.readCell(cells, c, n)
	if err := model.CheckDate("", c.header, r.d.Date); ok && err != nil {
		t.failAt(n, c.letter, model.Message(err))
		return dateRead{c: c}, false
	}
	return r, ok
}

func (t *table) readCell(cells []string, c *column, n int) (r dateRead, ok bool) {
	r.c = c
	raw := cellOf(cells, c)
	s := clean(raw)
	if isUnknown(s) || slices.Contains(notYet, s) {
		return r, true
	}
	if reNumberDate.MatchString(s) && t.isNumber(c, n) {
		return t.numberDate(s, c, n)
	}
	if d := t.b.deadlines.of(s, readDeadline); d.ok {
		r.d, r.by = d.d, d.by
		return r, true
	}
	if reSerial.MatchString(s) {
		if day, ok := serialDate(s, t.b.date1904); ok {
			p, isDate := formatPrecision(t.numFmt(c, n))
			if !isDate {
				p = model.PrecisionDay
			}
			r.d = planDateOf(day, p)
			return r, true
		}
	}
	if reVague.MatchString(s) {
		t.fail(n, c, fmt.Sprintf("的“%s”不是确定的时间，请写明年月（如 2019年3月）", strings.TrimSpace(raw)))
		return r, false
	}
	t.fail(n, c, fmt.Sprintf("无法识别的日期“%s”，请写成 2018年12月、2018.12 或 2018年12月20日", strings.TrimSpace(raw)))
	return r, false
}

// numberDate reads a month typed as a number (2018.12) as the cell shows
// it: a format with two decimals shows 2019.1 as 2019.10, October; a
// General cell shows 2019.1, which may be either.
func (t *table) numberDate(s string, c *column, n int) (r dateRead, ok bool) {
	r.c = c
	f, _ := strconv.ParseFloat(s, 64)
	s = strconv.FormatFloat(f, 'f', -1, 64)
	if d, err := decimal.NewFromString(strconv.FormatFloat(f, 'g', 15, 64)); err == nil {
		s = d.String() // 2018.1199999999999 as Excel stores 2018.12
		if k := formatDecimals(t.numFmt(c, n)); k >= 2 {
			s = d.StringFixed(int32(k))
		}
	}
	r.shown = s
	d, ok := parseDate(s)
	if !ok {
		t.fail(n, c, fmt.Sprintf("的数字 %s 不是日期，请写成 2018年12月、2018.12 或 2018年12月20日", s))
		return r, false
	}
	r.d = d
	if strings.HasSuffix(s, ".1") {
		r.alt = model.MonthPlan(d.Date.Year, time.October)
	}
	return r, true
}

// isNumber reports whether the cell at column c of row n is stored as a
// number (not text).
// A cell a merge covers is of the type of the merge's top cell, as
// excelize's GetCellType reads it.
func (t *table) isNumber(c *column, n int) bool {
	for _, g := range t.below {
		if g.col == c.idx {
			return isNumberType(g.typ)
		}
	}
	_, typ := t.b.cells.at(n, c.idx+1)
	return isNumberType(typ)
}

// formatDecimals is the number of decimals a number format shows, -1 for
// General or a format without a fixed count.
func formatDecimals(code string) int {
	code, _, _ = strings.Cut(code, ";")
	_, frac, ok := strings.Cut(code, ".")
	if !ok {
		return -1
	}
	k := 0
	for _, r := range frac {
		if r != '0' && r != '#' {
			break
		}
		k++
	}
	return k
}

// date reads a date cell that no other cell of its row can settle: one
// that may mean two dates is refused.
func (t *table) date(cells []string, c *column, n int) (model.PlanDate, bool) {
	r, ok := t.readDate(cells, c, n)
	if !ok {
		return model.PlanDate{}, false
	}
	if r.ambiguous() {
		t.failAmbiguous(n, &r)
		return model.PlanDate{}, false
	}
	return r.d, true
}

// failAmbiguous refuses a cell whose number may mean two months.
func (t *table) failAmbiguous(n int, r *dateRead) {
	t.fail(n, r.c, fmt.Sprintf("的数字 %s 可能是%s，也可能是%s（2019.10 作为数字输入时显示为 2019.1），无法确定：请改为文本“%s”或“%s”，或把单元格格式设为两位小数",
		r.shown, r.d, r.alt, r.alt, r.d))
}

// pickDates settles the dates of a row that may each mean two months by
// the row's other dates: the one choice of readings that fits (fits
// reports whether the current readings do) is taken, with a warning at
// each cell; when none or several fit, each such cell is refused.
func (t *table) pickDates(n int, reads []*dateRead, fits func() bool) bool {
	var open []*dateRead
	for _, r := range reads {
		if r.ambiguous() && !slices.Contains(open, r) {
			open = append(open, r)
		}
	}
	if len(open) == 0 {
		return true
	}
	found, choice := 0, 0
	for mask := 0; mask < 1<<len(open); mask++ {
		for i, r := range open {
			r.d, r.alt = r.pair(mask&(1<<i) != 0)
		}
		if fits() {
			found, choice = found+1, mask
		}
		for i, r := range open {
			r.d, r.alt = r.pair(mask&(1<<i) != 0) // back to the first reading
		}
	}
	if found != 1 {
		for _, r := range open {
			t.failAmbiguous(n, r)
			r.d = model.PlanDate{}
		}
		return false
	}
	for i, r := range open {
		r.d, r.alt = r.pair(choice&(1<<i) != 0)
		r.resolved = true
		t.warnAt(n, r.c.letter, fmt.Sprintf("“%s”的数字 %s 可能是%s或%s（2019.10 作为数字输入时显示为 2019.1）；只有%s与本行其他日期相符，已按%s导入，请核对",
			r.c.header, r.shown, r.alt, r.d, r.d, r.d))
	}
	return true
}

// pair swaps the two readings when swap is set.
func (r *dateRead) pair(swap bool) (model.PlanDate, model.PlanDate) {
	if swap {
		return r.alt, r.d
	}
	return r.d, r.alt
}

// A year is written with four digits or two (18年12月, 18.12 mean 2018).
// A deadline (到2019年, 2019年前, 2019年底前) means the end of its period.
var (
	reDay   = regexp.MustCompile(`^(\d{4}|\d{2})(?:年|[.\-/])(\d{1,2})(?:月|[.\-/])(\d{1,2})日?$`)
	reMonth = regexp.MustCompile(`^(\d{4}|\d{2})(?:年|[.\-/])(\d{1,2})月?(?:底|末|份|上旬|中旬|下旬|中下旬|上中旬)?$`)
	reYear  = regexp.MustCompile(`^(\d{4}年?|\d{2}年)(?:底|末|内|年底|年内)?$`)
	// reYearPart is a half or a quarter of a year (2019年上半年, 2019年第三季度):
	// read as the last month of that part, at month precision.
	reYearPart = regexp.MustCompile(`^(\d{4}|\d{2})年?(?:(上半年)|(下半年)|第?([1-4])季度)(?:末|底)?$`)
	reDeadline = regexp.MustCompile(`^(?:截止到|截至|截止|到|至|于|在)(.+)$|^(.+?)(?:前|以前|之前)$`)
	reSerial   = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
	// reNumberDate is a month typed as a number: 2018.12, 18.12.
	reNumberDate = regexp.MustCompile(`^(\d{4}|\d{2})\.(\d+)$`)
	// reVague are words that name no date (年初, 近期).
	reVague   = regexp.MustCompile(`年初|年中|月初|近期|尽快|适时|待定|另行|视情况`)
	rangeSeps = []string{"至", "到", "—", "–", "~", "～", "〜", "-", "－"}
)

// chineseDigits are the numerals clerks write dates in (二〇一八年十二月).
const chineseDigits = "〇一二三四五六七八九"

// arabicNumerals rewrites runs of Chinese numerals in Arabic digits: a
// run with 十 is a number (十二 = 12, 二十 = 20, 三十一 = 31), any other is
// read digit by digit (二〇一八 = 2018).
func arabicNumerals(s string) string {
	if !strings.ContainsAny(s, chineseDigits+"零十") {
		return s
	}
	digit := func(r rune) int {
		if r == '零' {
			return 0
		}
		return strings.IndexRune(chineseDigits, r) / len("〇")
	}
	var b strings.Builder
	runes := []rune(s)
	for i := 0; i < len(runes); {
		j := i
		for j < len(runes) && (strings.ContainsRune(chineseDigits, runes[j]) || runes[j] == '零' || runes[j] == '十') {
			j++
		}
		if j == i {
			b.WriteRune(runes[i])
			i++
			continue
		}
		run := runes[i:j]
		if k := slices.Index(run, '十'); k >= 0 && k <= 1 && len(run)-k <= 2 && !slices.Contains(run[k+1:], '十') {
			tens, units := 1, 0
			if k == 1 {
				tens = digit(run[0])
			}
			if k+1 < len(run) {
				units = digit(run[k+1])
			}
			b.WriteString(strconv.Itoa(tens*10 + units))
		} else {
			for _, r := range run {
				if r == '十' {
					b.WriteRune(r) // not a number: left for the date to fail
					continue
				}
				b.WriteString(strconv.Itoa(digit(r)))
			}
		}
		i = j
	}
	return b.String()
}

// parseTextDate reads a date as an office writes it, keeping its
// precision. ok is false when the text is no date.
func parseTextDate(s string) (model.PlanDate, bool) {
	d, _, ok := parseDeadline(s)
	return d, ok
}

// parseDeadline reads a date as parseTextDate does; by is set for a
// deadline (到2019年, 2019年底前), which says when a thing ends but not
// when it starts.
func parseDeadline(s string) (d model.PlanDate, by, ok bool) {
	s = arabicNumerals(s)
	if m := reDeadline.FindStringSubmatch(s); m != nil {
		if d, ok := parseDate(m[1] + m[2]); ok {
			return d, true, true
		}
	}
	d, ok = parseDate(s)
	return d, false, ok
}

// deadline is what parseDeadline reads.
type deadline struct {
	d      model.PlanDate
	by, ok bool
}

func readDeadline(s string) deadline {
	d, by, ok := parseDeadline(s)
	return deadline{d, by, ok}
}

// parseDate reads a date without deadline words.
func parseDate(s string) (model.PlanDate, bool) {
	atoi := func(x string) int {
		x = strings.TrimSuffix(x, "年")
		n, _ := strconv.Atoi(x)
		if len(x) == 2 {
			n += 2000 // 18年12月
		}
		return n
	}
	plausible := func(y int) bool { return y >= 1900 && y <= 2200 }
	if m := reDay.FindStringSubmatch(s); m != nil {
		y, mo, d := atoi(m[1]), num(m[2]), num(m[3])
		if !plausible(y) || mo < 1 || mo > 12 || d < 1 || d > 31 {
			return model.PlanDate{}, false
		}
		date := model.NewDate(y, time.Month(mo), d)
		if int(date.Month) != mo {
			return model.PlanDate{}, false
		}
		return model.DayPlan(date), true
	}
	if m := reMonth.FindStringSubmatch(s); m != nil {
		y, mo := atoi(m[1]), num(m[2])
		if !plausible(y) || mo < 1 || mo > 12 {
			return model.PlanDate{}, false
		}
		return model.MonthPlan(y, time.Month(mo)), true
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		if y := atoi(m[1]); plausible(y) {
			return model.YearPlan(y), true
		}
	}
	if m := reYearPart.FindStringSubmatch(s); m != nil && plausible(atoi(m[1])) {
		month := 12
		switch {
		case m[2] != "":
			month = 6
		case m[4] != "":
			month = 3 * num(m[4])
		}
		return model.MonthPlan(atoi(m[1]), time.Month(month)), true
	}
	return model.PlanDate{}, false
}

// num reads digits the date patterns matched.
func num(x string) int {
	n, _ := strconv.Atoi(x)
	return n
}

// parseRange reads a combined period ("2018.12—2020.12", "2018年12月至
// 2020年12月", "2019年", "到2019年"): a single date is both start and
// finish, a deadline (by) only the finish.
func parseRange(raw string) (start, finish model.PlanDate, by, ok bool) {
	s := clean(raw)
	if d, by, ok := parseDeadline(s); ok {
		return d, d, by, true
	}
	for _, sep := range rangeSeps {
		for i := strings.Index(s, sep); i >= 0; {
			a, b := s[:i], s[i+len(sep):]
			if da, ok := parseTextDate(a); ok {
				if db, ok := parseTextDate(b); ok {
					return da, db, false, true
				}
			}
			j := strings.Index(s[i+len(sep):], sep)
			if j < 0 {
				break
			}
			i += len(sep) + j
		}
	}
	return model.PlanDate{}, model.PlanDate{}, false, false
}

// serialDate converts an Excel date serial to a date.
func serialDate(s string, date1904 bool) (model.Date, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 {
		return model.Date{}, false
	}
	t, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil {
		return model.Date{}, false
	}
	return model.DateOf(t), true
}

// formatPrecision tells from a number format code whether a date cell
// shows a day, only a month, or only a year; isDate is false when the
// format shows no date at all.
func formatPrecision(code string) (p model.Precision, isDate bool) {
	var b strings.Builder
	quoted, bracket := false, false
	for _, r := range strings.ToLower(code) {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		default:
			b.WriteRune(r)
		}
	}
	f := b.String()
	hasY, hasD := strings.ContainsRune(f, 'y'), strings.ContainsRune(f, 'd')
	hasM := strings.ContainsRune(f, 'm')
	switch {
	case hasD:
		return model.PrecisionDay, true
	case hasY && hasM:
		return model.PrecisionMonth, true
	case hasY:
		return model.PrecisionYear, true
	}
	return "", false
}

// builtinDateFormat returns the code of an Excel built-in date format
// (the CJK ones included), "" for any other format id.
func builtinDateFormat(id int) string {
	switch id {
	case 14, 15, 16, 22, 30:
		return "m/d/yy"
	case 17:
		return "mmm-yy"
	case 27, 36, 50, 52, 57:
		return `yyyy"年"m"月"`
	case 28, 29, 51, 53, 54, 58:
		return `m"月"d"日"`
	case 31:
		return `yyyy"年"m"月"d"日"`
	}
	return ""
}

// planDateOf applies precision p to a day.
func planDateOf(d model.Date, p model.Precision) model.PlanDate {
	switch p {
	case model.PrecisionMonth:
		return model.MonthPlan(d.Year, d.Month)
	case model.PrecisionYear:
		return model.YearPlan(d.Year)
	}
	return model.DayPlan(d)
}
