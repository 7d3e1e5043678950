package model

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestPlanDatesFallDueAtTheEndOfTheirPeriod(t *testing.T) {
	tests := []struct {
		name      string
		plan      PlanDate
		due, text string
	}{
		{"month", MonthPlan(2018, time.December), "2018-12-31", "2018年12月"},
		{"february leap year", MonthPlan(2020, time.February), "2020-02-29", "2020年2月"},
		{"february common year", MonthPlan(2019, time.February), "2019-02-28", "2019年2月"},
		{"thirty-day month", MonthPlan(2019, time.June), "2019-06-30", "2019年6月"},
		{"year", YearPlan(2019), "2019-12-31", "2019年"},
		{"day", DayPlan(NewDate(2018, time.December, 20)), "2018-12-20", "2018年12月20日"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.plan.Due().String(); got != tt.due {
				t.Errorf("Due() = %s, want %s", got, tt.due)
			}
			if got := tt.plan.String(); got != tt.text {
				t.Errorf("String() = %q, want %q", got, tt.text)
			}
		})
	}
}

func TestPlanOrderWrongComparesAtTheCoarserPrecision(t *testing.T) {
	tests := []struct {
		name          string
		start, finish PlanDate
		want          bool
	}{
		{"year start, month finish in that year", YearPlan(2019), MonthPlan(2019, time.June), false},
		{"month start after year finish", MonthPlan(2019, time.June), YearPlan(2018), true},
		{"same month, days reversed", DayPlan(NewDate(2019, 6, 20)), MonthPlan(2019, time.June), false},
		{"finish month before start month", MonthPlan(2020, time.January), MonthPlan(2019, time.December), true},
		{"days reversed", DayPlan(NewDate(2019, 6, 20)), DayPlan(NewDate(2019, 6, 19)), true},
		{"same day", DayPlan(NewDate(2019, 6, 20)), DayPlan(NewDate(2019, 6, 20)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlanOrderWrong(tt.start, tt.finish); got != tt.want {
				t.Errorf("PlanOrderWrong(%s, %s) = %v, want %v", tt.start, tt.finish, got, tt.want)
			}
		})
	}
}

func TestDateArithmeticAndStorage(t *testing.T) {
	d := NewDate(2020, time.February, 28)
	if got := d.AddDays(1).String(); got != "2020-02-29" {
		t.Errorf("AddDays(1) = %s, want 2020-02-29", got)
	}
	if got := NewDate(2020, time.March, 1).DaysSince(d); got != 2 {
		t.Errorf("DaysSince = %d, want 2", got)
	}
	v, err := d.Value()
	if err != nil || v != "2020-02-28" {
		t.Errorf("Value() = %v, %v; want 2020-02-28", v, err)
	}
	if v, _ := (Date{}).Value(); v != nil {
		t.Errorf("zero Date Value() = %v, want NULL", v)
	}
	for _, src := range []any{"2020-02-28", []byte("2020-02-28"), "2020-02-28T00:00:00Z", time.Date(2020, 2, 28, 0, 0, 0, 0, time.UTC)} {
		var got Date
		if err := got.Scan(src); err != nil || got != d {
			t.Errorf("Scan(%#v) = %v, %v; want %v", src, got, err, d)
		}
	}
	var bad Date
	if err := bad.Scan("2020-13-01"); err == nil {
		t.Error("Scan of month 13 succeeded")
	}
}

func TestDateJSON(t *testing.T) {
	b, _ := json.Marshal(struct{ A, B Date }{A: NewDate(2019, 1, 31)})
	if got, want := string(b), `{"A":"2019-01-31","B":null}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	var got struct{ A, B Date }
	if err := json.Unmarshal([]byte(`{"A":"2019-01-31","B":null}`), &got); err != nil || got.A != NewDate(2019, 1, 31) || !got.B.IsZero() {
		t.Errorf("Unmarshal = %+v, %v", got, err)
	}
	if err := json.Unmarshal([]byte(`{"A":"31/01/2019"}`), &got); Kind(err) != EInvalid {
		t.Errorf("Unmarshal of a bad date: kind %q, want %q", Kind(err), EInvalid)
	}
}

func TestMoneyIsExact(t *testing.T) {
	tests := []struct {
		in   string
		unit Money
		fen  int64
		err  bool
	}{
		{"5000", Wan, 50_0000_00 * 100, false},
		{"12.5", Wan, 12_5000_00, false},
		{"0.000001", Wan, 1, false},
		{"0.0000001", Wan, 0, true}, // below one fen: refused, not rounded
		{"2", Yi, 2_0000_0000_00, false},
		{"1234.56", Yuan, 123456, false},
		{"1234.567", Yuan, 0, true},
		{"-3", Wan, -3_0000_00, false}, // sign is the caller's business (Validate)
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := MoneyFromDecimal(decimal.RequireFromString(tt.in), tt.unit)
			if (err != nil) != tt.err {
				t.Fatalf("MoneyFromDecimal(%s) error = %v, want error %v", tt.in, err, tt.err)
			}
			if err == nil && int64(got) != tt.fen {
				t.Errorf("MoneyFromDecimal(%s) = %d fen, want %d", tt.in, got, tt.fen)
			}
		})
	}
	var sum Money
	for range 100 {
		sum += Fen
	}
	if got := sum.Yuan().String(); got != "1" {
		t.Errorf("100 × 0.01元 = %s元, want 1", got)
	}
	if got := Money(12_5000_00).WanString(); got != "12.5" {
		t.Errorf("WanString = %s, want 12.5", got)
	}
}

func TestNormalizeNameAndCodes(t *testing.T) {
	if a, b := NormalizeName("官舟片区 养老服务中心（猴渡坪）"), NormalizeName("官舟片区养老服务中心(猴渡坪)"); a != b {
		t.Errorf("full-width/space variants differ: %q vs %q", a, b)
	}
	c1, c2 := GenerateCode(1, "县光荣院"), GenerateCode(1, "县 光荣院")
	if c1 != c2 {
		t.Errorf("GenerateCode not stable under spacing: %s vs %s", c1, c2)
	}
	if c3 := GenerateCode(3, "县光荣院"); c3 == c1 {
		t.Errorf("GenerateCode ignores the annex: %s", c3)
	}
	if c := GenerateCode(1, "县儿童福利院"); c == c1 || len(c) != len("A1-")+12 {
		t.Errorf("GenerateCode(县儿童福利院) = %s", c)
	}
}

func TestTownshipOf(t *testing.T) {
	for site, want := range map[string]string{
		"官舟镇(猴渡坪景区)": "官舟镇",
		"和平街道联桥社区":   "和平街道",
		"晓景乡":        "晓景乡",
		"土地坳镇":       "土地坳镇",
		"县城":         "",
		"19个乡镇":      "",
	} {
		if got := TownshipOf(site); got != want {
			t.Errorf("TownshipOf(%q) = %q, want %q", site, got, want)
		}
	}
}

func TestProjectValidate(t *testing.T) {
	neg := Money(-1)
	tests := []struct {
		name string
		p    Project
		ok   bool
	}{
		{"fine", Project{Name: "县光荣院", PlannedStart: MonthPlan(2018, 12), PlannedFinish: MonthPlan(2020, 10)}, true},
		{"no name", Project{Name: " "}, false},
		{"negative investment", Project{Name: "x", Investment: &neg}, false},
		{"finish before start", Project{Name: "x", PlannedStart: MonthPlan(2020, 12), PlannedFinish: MonthPlan(2018, 12)}, false},
		{"negative area", Project{Name: "x", FloorArea: decimal.NewNullDecimal(decimal.NewFromInt(-5))}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok %v", err, tt.ok)
			}
			if err != nil && Kind(err) != EInvalid {
				t.Errorf("kind = %q, want %q", Kind(err), EInvalid)
			}
		})
	}
}

func TestErrorMessagesHideInternals(t *testing.T) {
	internal := Wrap("op", errTest("disk on fire"))
	if Kind(internal) != EInternal || Message(internal) == "disk on fire" {
		t.Errorf("internal error leaks: kind %q, message %q", Kind(internal), Message(internal))
	}
	user := E(EConflict, "op", "已被他人修改")
	if Kind(Wrap("outer", user)) != EConflict || Message(user) != "已被他人修改" {
		t.Errorf("Wrap changed a captrack error: %v", Wrap("outer", user))
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }
