// Package calendar knows China's working days: Monday to Friday, less
// the statutory holidays, plus the make-up working days (调休) the State
// Council's yearly notice declares. The official days of 2017–2026 are
// embedded (holidays-cn/, from the holiday-cn project, MIT); an admin
// adds a later year from a file in the same format.
package calendar

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"time"

	"github.com/yanhe/captrack/model"
)

//go:embed holidays-cn/*.json
var embedded embed.FS

// MaxFileBytes bounds one year's file: the real ones are about 4 KB.
const MaxFileBytes = 64 << 10

// Year is one year's exceptions to the ordinary week: Off[d] is true for
// a holiday, false for a make-up working day.
type Year struct {
	Year int
	Off  map[model.Date]bool
}

// file is the holiday-cn format.
type file struct {
	Year *int `json:"year"`
	Days []struct {
		Name     string `json:"name"`
		Date     string `json:"date"`
		IsOffDay *bool  `json:"isOffDay"`
	} `json:"days"`
}

// Parse reads one year in holiday-cn's format (name names the file in
// messages) and checks it: a year, every date in it once, each a holiday
// or a make-up working day.
func Parse(name string, b []byte) (Year, error) {
	const op = "calendar.Parse"
	if len(b) > MaxFileBytes {
		return Year{}, model.Errorf(model.ETooLarge, op, "%s：文件超过 %d KiB，不是节假日安排文件", name, MaxFileBytes>>10)
	}
	var f file
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&f); err != nil {
		return Year{}, model.Errorf(model.EInvalid, op, "%s：不是有效的节假日 JSON：%v", name, err)
	}
	if f.Year == nil || *f.Year < 2000 || *f.Year > 2200 {
		return Year{}, model.Errorf(model.EInvalid, op, "%s：缺少有效的 year 字段", name)
	}
	y := Year{Year: *f.Year, Off: make(map[model.Date]bool, len(f.Days))}
	for i, d := range f.Days {
		date, err := model.ParseDate(d.Date)
		if err != nil {
			return Year{}, model.Errorf(model.EInvalid, op, "%s：第 %d 个日期 %q 格式应为 YYYY-MM-DD", name, i+1, d.Date)
		}
		if d.IsOffDay == nil {
			return Year{}, model.Errorf(model.EInvalid, op, "%s：%s 缺少 isOffDay", name, date)
		}
		if date.Year != y.Year && date.Year != y.Year+1 && date.Year != y.Year-1 {
			return Year{}, model.Errorf(model.EInvalid, op, "%s：日期 %s 不在 %d 年前后", name, date, y.Year)
		}
		if _, dup := y.Off[date]; dup {
			return Year{}, model.Errorf(model.EInvalid, op, "%s：日期 %s 重复", name, date)
		}
		y.Off[date] = *d.IsOffDay
	}
	return y, nil
}

// Calendar answers working-day questions for the years it has data for.
// Dates in other years follow the ordinary week. A Calendar is never
// changed once built, so it is safe for concurrent use.
type Calendar struct {
	years map[int]bool
	off   map[model.Date]bool
}

// Embedded returns the years embedded in the binary.
func Embedded() []Year {
	names, err := fs.Glob(embedded, "holidays-cn/*.json")
	if err != nil {
		panic(err) // the pattern is constant
	}
	years := make([]Year, 0, len(names))
	for _, n := range names {
		b, err := embedded.ReadFile(n)
		if err == nil {
			var y Year
			if y, err = Parse(n, b); err == nil {
				years = append(years, y)
				continue
			}
		}
		panic(fmt.Sprintf("calendar: embedded %s: %v", n, err)) // a build defect, caught by the tests
	}
	return years
}

// New builds a calendar of years; a later year replaces an earlier one
// of the same number. A file may declare days of a neighbouring year
// (the 2019 notice makes 2018-12-29 a working day): they count unless
// that year's own file says otherwise.
func New(years ...Year) *Calendar {
	byYear := map[int]Year{}
	for _, y := range years {
		byYear[y.Year] = y
	}
	c := &Calendar{years: map[int]bool{}, off: map[model.Date]bool{}}
	for _, y := range byYear {
		c.years[y.Year] = true
		for d, off := range y.Off {
			if _, own := byYear[d.Year].Off[d]; d.Year == y.Year || !own {
				c.off[d] = off
			}
		}
	}
	return c
}

// Years lists the years with data, in order.
func (c *Calendar) Years() []int { return slices.Sorted(maps.Keys(c.years)) }

// Covers reports whether year has data.
func (c *Calendar) Covers(year int) bool { return c.years[year] }

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d model.Date) bool {
	if off, ok := c.off[d]; ok {
		return !off
	}
	wd := d.Time().Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// AddWorkingDays returns the n-th working day after d (n ≥ 1); for
// n ≤ 0, d itself. Raised on 2026-09-30 with 5 working days, a deadline
// is 2026-10-13.
func (c *Calendar) AddWorkingDays(d model.Date, n int) model.Date {
	for n > 0 {
		d = d.AddDays(1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after from up to and
// including to: how many working days a deadline from has been passed
// on to. It is 0 when to is not after from.
func (c *Calendar) WorkingDaysBetween(from, to model.Date) int {
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.IsWorkday(d) {
			n++
		}
	}
	return n
}
