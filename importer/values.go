package importer

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
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
var numberSuffixes = []string{"平方米", "平米", "m2", "m²", "亩", "张", "床", "个", "%"}

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
