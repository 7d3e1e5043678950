package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// FundingSource is one entry of the register of 资金来源 that admins
// keep; every budget line, allocation, receipt and payment names one.
type FundingSource struct {
	ID        uint   `gorm:"primaryKey"`
	Name      string `gorm:"size:64;uniqueIndex;not null"`
	CreatedBy string `gorm:"size:64"`
	CreatedAt time.Time
}

// SeedFundingSources are the plan's sources, the register's first
// entries, in the order reports list them.
var SeedFundingSources = []string{"中央预算内投资", "省级补助", "福彩公益金", "县级配套", "地方政府专项债券"}

// UnknownSource is the error for a source the register does not hold:
// it names the known ones.
func UnknownSource(op, source string, known []string) error {
	return Errorf(EInvalid, op, "资金来源“%s”未登记；已登记的资金来源：%s", source, strings.Join(known, "、"))
}

// Fund kinds: the first two links of the funds chain (the third is the
// payments, Disbursement).
const (
	FundAllocated = "allocated" // 下达: allocated to the project by a document
	FundReceived  = "received"  // 到位: arrived at the responsible unit
)

// Fund is one 下达 (allocation, with its document number) or 到位
// (receipt) of money for a project from one funding source.
type Fund struct {
	ID        uint     `gorm:"primaryKey"`
	Kind      string   `gorm:"size:16;index;not null"`
	ProjectID uint     `gorm:"index;not null"`
	Project   *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Source    string   `gorm:"size:64;not null"`
	Amount    Money    `gorm:"not null"`
	Date      Date     `gorm:"index;not null"`
	DocNo     string   `gorm:"size:64"` // 文号, allocations only
	Note      string   `gorm:"type:text"`
	Version   int      `gorm:"not null;default:1"`
	// KnownOn is the county date the fund was entered (zero for funds
	// stored before entries were dated: known on every date).
	KnownOn   Date
	CreatedBy string `gorm:"size:64"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks a fund's own values: a known kind, an amount above
// zero and within bounds, a date in range, an allocation's 文号, and
// bounded texts. (Whether the source is registered and the date not
// after today is the store's to check.)
func (f *Fund) Validate() error {
	const op = "Fund.Validate"
	what := FundKindName(f.Kind)
	switch {
	case f.Kind != FundAllocated && f.Kind != FundReceived:
		return Errorf(EInvalid, op, "未知的资金环节 %q", f.Kind)
	case f.Amount <= 0:
		return &Error{Kind: EInvalid, Op: op, Field: "amount_wan", Message: what + "金额必须大于零"}
	case f.Date.IsZero():
		return &Error{Kind: EInvalid, Op: op, Field: "date", Message: what + "日期不能为空"}
	case f.Kind == FundAllocated && strings.TrimSpace(f.DocNo) == "":
		return &Error{Kind: EInvalid, Op: op, Field: "doc_no", Message: "下达资金必须填写文号"}
	}
	return check(CheckAmount(what+"金额", f.Amount), CheckDate("date", what+"日期", f.Date), TextFundDoc.Check(f.DocNo),
		TextSource.Check(f.Source), TextNote.Check(f.Note))
}

// FundKindName is the Chinese name of a fund kind.
func FundKindName(kind string) string {
	if kind == FundAllocated {
		return "下达"
	}
	return "到位"
}

// Lamps of the spending progress (支出进度); LampNone when nothing was
// allocated.
const (
	LampGreen  = "green"
	LampYellow = "yellow"
	LampRed    = "red"
	LampNone   = "none"
)

// SpendCheckpoint says that from Month/Day of each year on, a paid ÷
// allocated rate below MinPct is red.
type SpendCheckpoint struct {
	Month  time.Month
	Day    int
	MinPct int
}

// SpendLamps configures the spending-progress lamps: red below a
// checkpoint's rate once its date has passed, yellow below the year's
// elapsed share minus YellowGap points, green otherwise.
type SpendLamps struct {
	Checkpoints []SpendCheckpoint
	YellowGap   int
}

// DefaultSpendLamps: below 60 % at the end of the third quarter is red,
// 20 points behind the year's elapsed share yellow.
func DefaultSpendLamps() SpendLamps {
	return SpendLamps{Checkpoints: []SpendCheckpoint{{time.September, 30, 60}}, YellowGap: 20}
}

// Validate checks that every checkpoint's rate and the yellow gap are
// percentages (0–100).
func (c SpendLamps) Validate() error {
	const op = "model.SpendLamps"
	for _, cp := range c.Checkpoints {
		if cp.MinPct < 0 || cp.MinPct > 100 {
			return Errorf(EInvalid, op, "支出进度检查点的拨付率应在 0–100 之间，而不是 %d", cp.MinPct)
		}
	}
	if c.YellowGap < 0 || c.YellowGap > 100 {
		return Errorf(EInvalid, op, "支出进度黄灯的落后百分点应在 0–100 之间，而不是 %d", c.YellowGap)
	}
	return nil
}

// Text states the rule, as the pages and reports show it.
func (c SpendLamps) Text() string {
	var b strings.Builder
	b.WriteString("支出进度（拨付÷下达）：")
	for _, cp := range c.Checkpoints {
		fmt.Fprintf(&b, "%d月%d日起低于 %d%% 为红灯，", int(cp.Month), cp.Day, cp.MinPct)
	}
	fmt.Fprintf(&b, "落后全年时间进度超过 %d 个百分点为黄灯，其余为绿灯；未下达资金的项目不亮灯", c.YellowGap)
	return b.String()
}

// ParseSpendCheckpoints reads "MM-DD:PCT,…" (e.g. "06-30:30,09-30:60").
func ParseSpendCheckpoints(s string) ([]SpendCheckpoint, error) {
	var out []SpendCheckpoint
	for _, part := range strings.Split(s, ",") {
		day, pct, ok := strings.Cut(strings.TrimSpace(part), ":")
		t, err := time.Parse("01-02", day)
		n, perr := strconv.Atoi(pct)
		if !ok || err != nil || perr != nil || n < 0 || n > 100 {
			return nil, Errorf(EInvalid, "model.ParseSpendCheckpoints", "支出进度检查点应为“月-日:百分比”，如 09-30:60：%q", part)
		}
		out = append(out, SpendCheckpoint{t.Month(), t.Day(), n})
	}
	return out, nil
}

// Spend is a project's (or one source's) spending progress as of a date.
type Spend struct {
	Allocated Money
	Received  Money
	Paid      Money
	// Rate is Paid ÷ Allocated in percent, invalid when nothing was
	// allocated.
	Rate decimal.NullDecimal
	Lamp string
}

// ElapsedPct is the share of d's year that has passed by the end of d,
// in percent.
func ElapsedPct(d Date) decimal.Decimal {
	days := NewDate(d.Year, time.December, 31).Time().YearDay()
	return decimal.NewFromInt(int64(d.Time().YearDay() * 100)).Div(decimal.NewFromInt(int64(days)))
}

// Of computes the rate and the lamp of allocated, received and paid as of
// asOf.
func (c SpendLamps) Of(allocated, received, paid Money, asOf Date) Spend {
	s := Spend{Allocated: allocated, Received: received, Paid: paid, Lamp: LampNone}
	if allocated <= 0 {
		return s
	}
	rate := decimal.NewFromInt(int64(paid)).Mul(decimal.NewFromInt(100)).Div(decimal.NewFromInt(int64(allocated)))
	s.Rate = decimal.NewNullDecimal(rate.Round(1))
	s.Lamp = LampGreen
	for _, cp := range c.Checkpoints {
		if !asOf.Before(NewDate(asOf.Year, cp.Month, cp.Day)) && rate.LessThan(decimal.NewFromInt(int64(cp.MinPct))) {
			s.Lamp = LampRed
			return s
		}
	}
	if rate.LessThan(ElapsedPct(asOf).Sub(decimal.NewFromInt(int64(c.YellowGap)))) {
		s.Lamp = LampYellow
	}
	return s
}

// LampName is the Chinese name of a lamp.
func LampName(lamp string) string {
	switch lamp {
	case LampGreen:
		return "绿灯"
	case LampYellow:
		return "黄灯"
	case LampRed:
		return "红灯"
	}
	return "未下达"
}

// String is "checkpoints; gap" for logs and usage texts.
func (c SpendLamps) String() string {
	parts := make([]string, len(c.Checkpoints))
	for i, cp := range c.Checkpoints {
		parts[i] = fmt.Sprintf("%02d-%02d:%d", int(cp.Month), cp.Day, cp.MinPct)
	}
	return strings.Join(parts, ",")
}

// FundFilter selects allocations or receipts: of Kind, of one project
// (0 = all).
type FundFilter struct {
	Kind      string
	ProjectID uint
}

// FundUpdate corrects an allocation or receipt: the version it is based
// on, the fields to change (nil = keep) and the reason, audited.
type FundUpdate struct {
	Kind    string // the kind the record must be (allocation, receipt)
	Version int
	Date    *Date
	Amount  *Money
	Source  *string
	DocNo   *string
	Note    *string
	Reason  string
}

// FilterOptions are the distinct non-blank categories, townships and
// responsible units of the projects, sorted: what a list's filters offer.
type FilterOptions struct {
	Categories, Townships, Units []string
}

// MoneyChange keeps a payment's, fund's or budget line's values as they
// were before a change made on the county date ChangedOn, so that the
// records as of an earlier date show what was known then: the values at
// the end of the day before, in the day's first change of the row. A
// deletion leaves a tombstone (Deleted): the row's project, kind and
// known-on date, its values when deleted and the whole row as JSON
// (Row), so that as of a date before the deletion the row still counts
// and lists as it was.
type MoneyChange struct {
	ID        uint   `gorm:"primaryKey"`
	Table     string `gorm:"column:row_table;size:32;index:idx_money_change;not null"`
	RowID     uint   `gorm:"index:idx_money_change;not null"`
	ChangedOn Date   `gorm:"not null"`
	Date      Date
	Amount    Money
	Source    string `gorm:"size:64"`
	Deleted   bool   `gorm:"not null;default:false"`
	ProjectID uint
	Kind      string `gorm:"size:16"`
	KnownOn   Date
	Row       string `gorm:"type:text"`
}

// ProjectMoney is a project's money records as of a date: its payments
// and its allocations and receipts by date, its budget lines by year and
// source.
type ProjectMoney struct {
	Payments              []Disbursement
	Allocations, Receipts []Fund
	Budget                []BudgetLine
}
