package model

import (
	"database/sql/driver"
	"fmt"
	"math"
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

// MaxAmount bounds every single amount captrack accepts (a payment, a
// budget line, an investment, an allocation): 10^8 万元. A sum of
// amounts overflows int64 only past 92,000 of them at the bound; Add
// saturates there rather than wrapping.
const MaxAmount = 100000000 * Wan

// MoneyFromDecimal converts an amount expressed in unit (Yuan, Wan, Yi) to
// Money. It fails when the amount has digits below one fen, so that no
// figure a user typed is silently rounded.
func MoneyFromDecimal(v decimal.Decimal, unit Money) (Money, error) {
	f := v.Mul(decimal.NewFromInt(int64(unit)))
	if !f.Equal(f.Truncate(0)) {
		return 0, E(EInvalid, "MoneyFromDecimal", fmt.Sprintf("金额 %s 精度超过“分”", v.String()))
	}
	if f.Abs().GreaterThan(decimal.NewFromInt(int64(MaxAmount))) {
		return 0, E(EInvalid, "MoneyFromDecimal", fmt.Sprintf("金额 %s 超过上限（1 亿万元）", v.String()))
	}
	return Money(f.IntPart()), nil
}

// CheckAmount fails when m lies outside ±MaxAmount, naming field.
func CheckAmount(field string, m Money) error {
	if m > MaxAmount || m < -MaxAmount {
		return Errorf(EInvalid, "model.CheckAmount", "%s超过上限（1 亿万元）", field)
	}
	return nil
}

// Add returns m+n; a sum beyond the int64 range of fen stops at its end
// instead of wrapping, so that no stored data can make a total fail.
func (m Money) Add(n Money) Money {
	switch {
	case n > 0 && m > math.MaxInt64-n:
		return math.MaxInt64
	case n < 0 && m < math.MinInt64-n:
		return math.MinInt64
	}
	return m + n
}

// SumParts returns hi×split + lo, the exact total of a sum taken in two
// parts (see store's fen sums), saturating like Add.
func SumParts(hi, lo, split int64) Money {
	if hi > math.MaxInt64/split {
		return math.MaxInt64
	}
	if hi < math.MinInt64/split {
		return math.MinInt64
	}
	return Money(hi * split).Add(Money(lo))
}

// ParseWan parses a decimal string of 万元, e.g. "5000" or "12.5".
func ParseWan(s string) (Money, error) { return ParseAmount(s, Wan) }

// ParseAmount parses a decimal string of unit (Yuan, Wan) exactly, with
// or without thousands separators: "1,234.56".
func ParseAmount(s string, unit Money) (Money, error) {
	d, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimSpace(s), ",", ""))
	if err != nil {
		return 0, E(EInvalid, "ParseAmount", fmt.Sprintf("金额应为数字：%q", s))
	}
	return MoneyFromDecimal(d, unit)
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
