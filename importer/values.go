package importer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
	"golang.org/x/text/unicode/norm"
)

// clean is the canonical form of a cell's text: NFKC (full-width digits,
// letters and brackets become ASCII), no white space of any kind.
func clean(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// isUnknown reports whether a cleaned cell says "not known".
func isUnknown(s string) bool {
	switch s {
	case "", "-", "--", "—", "——", "－", "/", "\\", "无", "暂无", "不详", "待定":
		return true
	}
	return false
}

// numberSuffixes are units a clerk may type after a figure in its cell.
var numberSuffixes = []string{"平方米", "平米", "m2", "m²", "亩", "张", "个", "%"}

// moneySuffixes are units typed after an amount; they override the header.
var moneySuffixes = []struct {
	text string
	unit model.Money
}{{"亿元", model.Yi}, {"万元", model.Wan}, {"元", model.Yuan}, {"亿", model.Yi}, {"万", model.Wan}}

// valueError is why a cell did not read; the caller adds where it was.
type valueError string

// parseNumber reads a non-negative figure as written; ok is false for an
// unknown (blank or dash) value.
func parseNumber(raw string) (d decimal.Decimal, ok bool, err valueError) {
	s := clean(raw)
	if isUnknown(s) {
		return decimal.Decimal{}, false, ""
	}
	for _, suf := range numberSuffixes {
		s = strings.TrimSuffix(s, suf)
	}
	return readDecimal(s)
}

// readDecimal reads a cleaned figure: thousands separators allowed, doubles
// from numeric cells rounded to 15 significant digits, negatives refused.
func readDecimal(s string) (decimal.Decimal, bool, valueError) {
	if strings.HasPrefix(s, "#") {
		return decimal.Decimal{}, false, "是公式的错误值，请修正公式后再导入"
	}
	if strings.HasPrefix(s, "约") || strings.HasPrefix(s, "≈") || strings.HasPrefix(s, "≥") || strings.HasPrefix(s, "≤") || strings.HasPrefix(s, ">") || strings.HasPrefix(s, "<") {
		return decimal.Decimal{}, false, "不是确切数字（含“约”“≥”等字样），请填写确切数字"
	}
	s = strings.Map(func(r rune) rune {
		if r == ',' || r == '，' || r == '、' {
			return -1
		}
		return r
	}, s)
	d, e := decimal.NewFromString(s)
	if e != nil {
		return decimal.Decimal{}, false, "不是数字"
	}
	if significantDigits(s) > 15 {
		f, _ := strconv.ParseFloat(s, 64)
		d, _ = decimal.NewFromString(strconv.FormatFloat(f, 'g', 15, 64))
	}
	if d.IsNegative() {
		return decimal.Decimal{}, false, "不能为负数"
	}
	return d, true, ""
}

func significantDigits(s string) int {
	s = strings.TrimLeft(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.SplitN(strings.ToLower(s), "e", 2)[0]), "0")
	return len(s)
}

// parseMoney reads an amount in unit (the header's), or in the unit typed
// after the figure.
func parseMoney(raw string, unit model.Money) (*model.Money, valueError) {
	s := strings.TrimPrefix(clean(raw), "¥")
	if isUnknown(s) {
		return nil, ""
	}
	for _, m := range moneySuffixes {
		if t, ok := strings.CutSuffix(s, m.text); ok {
			s, unit = t, m.unit
			break
		}
	}
	d, ok, verr := readDecimal(s)
	if !ok {
		return nil, verr
	}
	m, err := model.MoneyFromDecimal(d, unit)
	if err != nil {
		return nil, valueError(model.Message(err))
	}
	return &m, ""
}

// parseInt reads a whole non-negative count (beds).
func parseInt(raw string) (*int, valueError) {
	d, ok, verr := parseNumber(raw)
	if !ok {
		return nil, verr
	}
	if !d.IsInteger() || d.GreaterThan(decimal.NewFromInt(1e9)) {
		return nil, "应为整数"
	}
	n := int(d.IntPart())
	return &n, ""
}

var (
	reDay   = regexp.MustCompile(`^(\d{4})(?:年|[.\-/])(\d{1,2})(?:月|[.\-/])(\d{1,2})日?(?:前|以前|之前)?$`)
	reMonth = regexp.MustCompile(`^(\d{4})(?:年|[.\-/])(\d{1,2})月?(?:底|末|份)?(?:前|以前|之前)?$`)
	reYear  = regexp.MustCompile(`^(\d{4})年?(?:底|末|内|年底|年内)?(?:前|以前|之前)?$`)
	// reYearPart is a half or a quarter of a year (2019年上半年, 2019年第三季度):
	// read as the last month of that part, at month precision.
	reYearPart   = regexp.MustCompile(`^(\d{4})年?(?:(上半年)|(下半年)|第?([1-4])季度)(?:末|底)?(?:前|以前|之前)?$`)
	reSerial     = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
	rangeSeps    = []string{"至", "到", "—", "–", "~", "～", "〜", "-", "－"}
	reDateInText = regexp.MustCompile(`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})`)
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
	s = arabicNumerals(s)
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	plausible := func(y int) bool { return y >= 1900 && y <= 2200 }
	if m := reDay.FindStringSubmatch(s); m != nil {
		y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
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
		y, mo := atoi(m[1]), atoi(m[2])
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
			month = 3 * atoi(m[4])
		}
		return model.MonthPlan(atoi(m[1]), time.Month(month)), true
	}
	return model.PlanDate{}, false
}

// parseRange reads a combined period ("2018.12—2020.12", "2018年12月至
// 2020年12月", "2019年"): a single date is both start and finish.
func parseRange(raw string) (start, finish model.PlanDate, ok bool) {
	s := clean(raw)
	if d, ok := parseTextDate(s); ok {
		return d, d, true
	}
	for _, sep := range rangeSeps {
		for i := strings.Index(s, sep); i >= 0; {
			a, b := s[:i], s[i+len(sep):]
			if da, ok := parseTextDate(a); ok {
				if db, ok := parseTextDate(b); ok {
					return da, db, true
				}
			}
			j := strings.Index(s[i+len(sep):], sep)
			if j < 0 {
				break
			}
			i += len(sep) + j
		}
	}
	return model.PlanDate{}, model.PlanDate{}, false
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
