package calendar

import (
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
)

func date(t *testing.T, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEmbeddedYears(t *testing.T) {
	c := New(Embedded()...)
	got := c.Years()
	if len(got) != 10 || got[0] != 2017 || got[9] != 2026 {
		t.Fatalf("years = %v, want 2017–2026", got)
	}
	if c.Covers(2027) {
		t.Error("2027 covered without data")
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := New(Embedded()...)
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		// National Day 2026: 10-01..10-07 off, Saturday 10-10 works.
		{"2026-09-30", 5, "2026-10-13"},
		{"2026-09-30", 1, "2026-10-08"},
		{"2026-09-30", 3, "2026-10-10"},
		{"2026-10-09", 2, "2026-10-12"},
		// Mid-Autumn 2026: 09-25..09-27 off, Sunday 09-20 works.
		{"2026-09-19", 1, "2026-09-20"},
		{"2026-09-24", 1, "2026-09-28"},
		// Spring Festival 2026: Saturday 02-14 works, 02-15..02-23 off,
		// Saturday 02-28 works.
		{"2026-02-13", 1, "2026-02-14"},
		{"2026-02-14", 1, "2026-02-24"},
		{"2026-02-13", 6, "2026-02-28"},
		{"2026-02-13", 7, "2026-03-02"},
		// Ordinary week; a year's file declaring the previous year's
		// days (2019's notice: Saturday 2018-12-29 works, 12-31 off).
		{"2024-03-01", 1, "2024-03-04"},
		{"2018-12-28", 1, "2018-12-29"},
		{"2018-12-29", 1, "2019-01-02"},
		{"2026-05-06", 0, "2026-05-06"},
	} {
		if got := c.AddWorkingDays(date(t, tc.from), tc.n); got.String() != tc.want {
			t.Errorf("%s + %d working days = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	c := New(Embedded()...)
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"2026-09-30", "2026-10-13", 5},
		{"2026-09-30", "2026-10-07", 0},
		{"2026-02-13", "2026-02-24", 2},
		{"2026-10-13", "2026-10-13", 0},
		{"2026-10-13", "2026-10-01", 0},
	} {
		if got := c.WorkingDaysBetween(date(t, tc.from), date(t, tc.to)); got != tc.want {
			t.Errorf("working days (%s, %s] = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestParseLaterYear(t *testing.T) {
	y, err := Parse("2027.json", []byte(`{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"春节","date":"2027-02-06","isOffDay":false}]}`))
	if err != nil {
		t.Fatal(err)
	}
	c := New(append(Embedded(), y)...)
	if !c.Covers(2027) || c.IsWorkday(date(t, "2027-01-01")) || !c.IsWorkday(date(t, "2027-02-06")) {
		t.Errorf("2027 not applied: covers %v", c.Covers(2027))
	}
}

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"not json", `{"year":`, "不是有效的节假日 JSON"},
		{"no year", `{"days":[]}`, "year"},
		{"bad date", `{"year":2027,"days":[{"date":"2027/01/01","isOffDay":true}]}`, "YYYY-MM-DD"},
		{"no flag", `{"year":2027,"days":[{"date":"2027-01-01"}]}`, "isOffDay"},
		{"other year", `{"year":2027,"days":[{"date":"2030-01-01","isOffDay":true}]}`, "不在 2027 年前后"},
		{"repeat", `{"year":2027,"days":[{"date":"2027-01-01","isOffDay":true},{"date":"2027-01-01","isOffDay":false}]}`, "重复"},
		{"huge", `{"year":2027,"days":[` + strings.Repeat(" ", MaxFileBytes) + `]}`, "KiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.json", []byte(tc.body))
			if err == nil || !strings.Contains(model.Message(err), tc.want) || !strings.Contains(model.Message(err), "x.json") {
				t.Errorf("err = %v, want one naming x.json and %q", err, tc.want)
			}
		})
	}
}
