package model

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a civil calendar date with no time of day and no zone. The zero
// Date means "unknown" and is stored as NULL and encoded as JSON null.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, normalising out-of-range days the way
// time.Date does.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, E(EInvalid, "ParseDate", fmt.Sprintf("日期格式应为 YYYY-MM-DD：%q", s))
	}
	return DateOf(t), nil
}

// IsZero reports whether d is the unknown date.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String formats d as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp(int(d.Month), int(e.Month))
	default:
		return cmp(d.Day, e.Day)
	}
}

func cmp(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// DaysSince returns the number of days from e to d (d - e).
func (d Date) DaysSince(e Date) int {
	return int(d.Time().Sub(e.Time()).Hours() / 24)
}

// AddDays returns d shifted by n days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Value stores the date as YYYY-MM-DD text (portable, sortable) or NULL.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads text, bytes or a time.Time.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case time.Time:
		*d = DateOf(v)
		return nil
	case []byte:
		return d.Scan(string(v))
	case string:
		if v == "" {
			*d = Date{}
			return nil
		}
		if len(v) > 10 {
			v = v[:10]
		}
		p, err := ParseDate(v)
		if err != nil {
			return err
		}
		*d = p
		return nil
	}
	return fmt.Errorf("model.Date: cannot scan %T", src)
}

// GormDataType makes gorm create a 10-character text column.
func (Date) GormDataType() string { return "varchar(10)" }

// MarshalJSON encodes "YYYY-MM-DD" or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON decodes "YYYY-MM-DD", "" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return E(EInvalid, "Date", "日期应为字符串 YYYY-MM-DD")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Precision is how precisely a plan date was written.
type Precision string

const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// PlanDate is a date as a plan states it: "2018年12月" is month precision
// and falls due at the end of December 2018; "2019年" is year precision and
// falls due on 31 December 2019. Date always holds the last day of the
// period so that comparisons and due dates need no further thought.
type PlanDate struct {
	Date      Date      `gorm:"column:date"`
	Precision Precision `gorm:"column:prec;type:varchar(5)"`
}

// DayPlan, MonthPlan and YearPlan build plan dates of each precision.
func DayPlan(d Date) PlanDate { return PlanDate{Date: d, Precision: PrecisionDay} }

// MonthPlan is the end of month m of year y.
func MonthPlan(y int, m time.Month) PlanDate {
	return PlanDate{Date: NewDate(y, m+1, 0), Precision: PrecisionMonth}
}

// YearPlan is 31 December of year y.
func YearPlan(y int) PlanDate {
	return PlanDate{Date: NewDate(y, time.December, 31), Precision: PrecisionYear}
}

// IsZero reports whether the plan date is unknown.
func (p PlanDate) IsZero() bool { return p.Date.IsZero() }

// Due is the date by which the planned event must have happened.
func (p PlanDate) Due() Date { return p.Date }

// String prints the date back the way the office wrote it: "2018年12月",
// "2019年" or "2018年12月20日".
func (p PlanDate) String() string {
	if p.IsZero() {
		return ""
	}
	switch p.Precision {
	case PrecisionYear:
		return fmt.Sprintf("%d年", p.Date.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%d年%d月", p.Date.Year, int(p.Date.Month))
	}
	return fmt.Sprintf("%d年%d月%d日", p.Date.Year, int(p.Date.Month), p.Date.Day)
}
