package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
)

// qtyUnit is the unit of an area: a project stores its floor area in
// 平方米 and its land in 亩; a column or a cell may give either in any of
// them.
type qtyUnit string

const (
	unitNone  qtyUnit = ""
	unitM2    qtyUnit = "平方米"
	unitWanM2 qtyUnit = "万平方米"
	unitMu    qtyUnit = "亩"
	unitHa    qtyUnit = "公顷"
)

// areaWords are the words of area units, longest first (NFKC has made
// ㎡ and m² "m2").
var areaWords = []struct {
	text string
	unit qtyUnit
}{{"万平方米", unitWanM2}, {"平方米", unitM2}, {"平米", unitM2}, {"m2", unitM2}, {"公顷", unitHa}, {"亩", unitMu}}

// areaUnitIn is the area unit a header or a cell names, unitNone when none.
func areaUnitIn(text string) qtyUnit {
	s := clean(text)
	for _, w := range areaWords {
		if strings.Contains(s, w.text) {
			return w.unit
		}
	}
	return unitNone
}

// storedUnit is the unit a project stores a quantity of role r in.
func storedUnit(r role) qtyUnit {
	switch r {
	case roleFloorArea:
		return unitM2
	case roleLand:
		return unitMu
	}
	return unitNone
}

// perM2 is how many of each unit one 平方米 is, as exact fractions:
// 1亩 = 10000/15 平方米, 1公顷 = 10000 平方米.
var perM2 = map[qtyUnit][2]int64{
	unitM2:    {1, 1},
	unitWanM2: {1, 10000},
	unitMu:    {15, 10000},
	unitHa:    {1, 10000},
}

// convert turns v in unit from into unit to; exact is false when the
// result had to be rounded (to 2 decimals: 1亩 is 666.67 平方米).
func convert(v decimal.Decimal, from, to qtyUnit) (out decimal.Decimal, exact bool) {
	if from == to || from == unitNone || to == unitNone {
		return v, true
	}
	f, t := perM2[from], perM2[to]
	num := v.Mul(decimal.NewFromInt(f[1] * t[0]))
	den := decimal.NewFromInt(f[0] * t[1])
	out = num.DivRound(den, 12)
	if !out.Mul(den).Equal(num) {
		return num.DivRound(den, 2), false
	}
	return out, true
}

// reQualifier splits a figure from the words that qualify it: 约5000,
// ≥600, 不少于600, 600平方米以上, 5000左右.
var reQualifier = regexp.MustCompile(`^(约|大约|近|接近|≈|~|≥|>=|>|≤|<=|<|不少于|不低于|不小于|不超过|不高于|不大于|超过|逾|达|最少|至少|最多)?(.*?)(以上|以下|以内|及以上|左右|余|多|内)?$`)

// qualified splits a cleaned figure into the figure and its qualifying
// words ("" when it has none).
func qualified(s string) (figure, qualifier string) {
	if strings.Trim(s, "0123456789.,") == "" {
		return s, "" // no qualifying word begins or ends with these
	}
	m := reQualifier.FindStringSubmatch(s)
	if m == nil || m[1] == "" && m[3] == "" || m[2] == "" {
		return s, ""
	}
	return m[2], m[1] + "…" + m[3]
}

// quantity reads a floor area or land figure of column c into the unit
// the project stores it in: the cell's own unit, else the column's,
// else the stored one. Conversions are said once per column (when the
// header gives the unit) or at the cell; a qualified figure (600平方米以上)
// is read as its number with a warning and its words returned as note.
func (t *planTable) quantity(cells []string, c *column, n int, stored qtyUnit) (v decimal.NullDecimal, note string, ok bool) {
	raw := cellOf(cells, c)
	s := clean(raw)
	if isUnknown(s) {
		return v, "", true
	}
	figure, qual := qualified(s)
	unit, fromCell := c.qty, false
	if u := areaUnitIn(figure); u != unitNone {
		unit, fromCell = u, true
		for _, w := range areaWords {
			figure = strings.TrimSuffix(figure, w.text)
		}
	}
	d, known, verr := parseNumber(figure)
	if verr != "" {
		t.fail(n, c, fmt.Sprintf("的值“%s”%s", strings.TrimSpace(raw), verr))
		return v, "", false
	}
	if !known {
		return v, "", true
	}
	if unit == unitMu && stored == unitM2 {
		t.fail(n, c, fmt.Sprintf("的值“%s”以亩计，建筑面积应以平方米计", strings.TrimSpace(raw)))
		return v, "", false
	}
	out, exact := convert(d, unit, stored)
	if unit != unitNone && unit != stored {
		how := fmt.Sprintf("已按 1亩 = 10000/15 平方米、1公顷 = 10000 平方米换算为 %s %s", out, stored)
		if !exact {
			how += "（四舍五入到两位小数）"
		}
		switch {
		case fromCell && unit != c.qty:
			t.warnAt(n, c.letter, fmt.Sprintf("“%s”的值“%s”以%s计，%s", c.header, strings.TrimSpace(raw), unit, how))
		case !c.converted:
			c.converted = true
			t.warnAt(t.h.row, c.letter, fmt.Sprintf("“%s”以%s计，本列各值已按 1亩 = 10000/15 平方米、1公顷 = 10000 平方米换算为%s", c.header, unit, stored))
		}
	}
	if qual != "" {
		note = fmt.Sprintf("%s：%s", c.header, strings.TrimSpace(raw))
		t.warnQualified(n, c, raw, out.String()+string(stored))
	}
	return decimal.NewNullDecimal(out), note, true
}

// warnQualified says that a qualified figure was read as its number.
func (t *table) warnQualified(n int, c *column, raw, read string) {
	t.warnAt(n, c.letter, fmt.Sprintf("“%s”的值“%s”不是确切数字，已按 %s 导入，原文记入项目的数值说明", c.header, strings.TrimSpace(raw), read))
}

// checkQuantity compares a figure another column gives in another unit
// (占地（平方米） beside 占地（亩）) with the one stored, at the precision
// the other column writes: a disagreement is a warning naming both.
func (t *planTable) checkQuantity(cells []string, c, own *column, n int, stored decimal.Decimal, unit qtyUnit) {
	figure, _ := qualified(clean(cellOf(cells, c)))
	figure = strings.TrimSuffix(figure, string(c.qty))
	d, known, verr := parseNumber(figure)
	if verr != "" || !known {
		return
	}
	back, _ := convert(stored, unit, c.qty)
	if back.Round(max(0, -d.Exponent())).Equal(d) {
		return
	}
	t.warnAt(n, c.letter, fmt.Sprintf("“%s”（%s列）为 %s，与“%s”（%s列）的 %s %s（合 %s %s）不符；已按“%s”导入，请核对",
		c.header, c.letter, d, own.header, own.letter, stored, unit, back.Round(2), c.qty, own.header))
}

// moneyQualified reads an amount that may be qualified (约5000): its
// number, with a warning, and the words returned as note.
func (t *planTable) moneyQualified(cells []string, c *column, n int) (m *model.Money, note string) {
	raw := cellOf(cells, c)
	figure, qual := qualified(strings.TrimPrefix(clean(raw), "¥"))
	if qual == "" {
		m, _ = t.money(cells, c, n)
		return m, ""
	}
	m, verr := parseMoney(figure, c.unit)
	if verr != "" {
		t.fail(n, c, fmt.Sprintf("的值“%s”%s", strings.TrimSpace(raw), verr))
		return nil, ""
	}
	if m != nil {
		t.warnQualified(n, c, raw, m.WanString()+"万元")
	}
	return m, fmt.Sprintf("%s：%s", c.header, strings.TrimSpace(raw))
}
