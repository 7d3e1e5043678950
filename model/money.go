package model

import (
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an exact amount of renminbi in fen (0.01 yuan). Sums of Money
// are exact; nothing in captrack does float arithmetic on amounts.
type Money int64

// Unit sizes in fen.
const (
	Fen  Money = 1
	Yuan Money = 100
	Wan  Money = 10000 * Yuan         // 万元
	Yi   Money = 10000 * 10000 * Yuan // 亿元
)

// MoneyFromDecimal converts an amount expressed in unit (Yuan, Wan, Yi) to
// Money. It fails when the amount has digits below one fen, so that no
// figure a user typed is silently rounded.
func MoneyFromDecimal(v decimal.Decimal, unit Money) (Money, error) {
	f := v.Mul(decimal.NewFromInt(int64(unit)))
	if !f.Equal(f.Truncate(0)) {
		return 0, E(EInvalid, "MoneyFromDecimal", fmt.Sprintf("金额 %s 精度超过“分”", v.String()))
	}
	if !f.Abs().LessThan(decimal.New(1, 18)) {
		return 0, E(EInvalid, "MoneyFromDecimal", fmt.Sprintf("金额 %s 超出范围", v.String()))
	}
	return Money(f.IntPart()), nil
}

// ParseWan parses a decimal string of 万元, e.g. "5000" or "12.5".
func ParseWan(s string) (Money, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return 0, E(EInvalid, "ParseWan", fmt.Sprintf("金额应为数字：%q", s))
	}
	return MoneyFromDecimal(d, Wan)
}

// Wan returns the exact amount in 万元.
func (m Money) Wan() decimal.Decimal { return decimal.New(int64(m), -6) }

// Yuan returns the exact amount in 元.
func (m Money) Yuan() decimal.Decimal { return decimal.New(int64(m), -2) }

// WanString formats the amount in 万元 without trailing zeros: "5000",
// "12.5", "0.000001".
func (m Money) WanString() string { return m.Wan().String() }

// Value stores fen as an integer.
func (m Money) Value() (driver.Value, error) { return int64(m), nil }

// GormDataType makes gorm create a 64-bit integer column.
func (Money) GormDataType() string { return "bigint" }
