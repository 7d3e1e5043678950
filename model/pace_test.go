package model

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
)

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A 100-day plan (2026-01-01 → 2026-04-11): as of 2026-03-02, 60 % of
// it has elapsed.
func TestPaceBoundaries(t *testing.T) {
	cfg := DefaultPaceLamps()
	fact := func(started, finished, progress string) PaceFact {
		f := PaceFact{ProjectID: 1, PlannedStart: DayPlan(mustDate(t, "2026-01-01")), PlannedFinish: DayPlan(mustDate(t, "2026-04-11"))}
		if started != "" {
			f.ActualStart = mustDate(t, started)
		}
		if finished != "" {
			f.ActualFinish = mustDate(t, finished)
		}
		if progress != "" {
			f.Progress = decimal.NewNullDecimal(decimal.RequireFromString(progress))
		}
		return f
	}
	for _, tc := range []struct {
		name, asOf, started, finished, progress string
		lamp, elapsed                           string // "" lamp: none
	}{
		{"on pace", "2026-03-02", "2026-01-05", "", "60", LampGreen, "60"},
		{"exactly 10 behind", "2026-03-02", "2026-01-05", "", "50", LampGreen, "60"},
		{"just over 10 behind", "2026-03-02", "2026-01-05", "", "49.9", LampYellow, "60"},
		{"exactly 30 behind", "2026-03-02", "2026-01-05", "", "30", LampYellow, "60"},
		{"just over 30 behind", "2026-03-02", "2026-01-05", "", "29.99", LampRed, "60"},
		{"ahead", "2026-03-02", "2026-01-05", "", "90", LampGreen, "60"},
		{"no report counts as 0", "2026-01-21", "2026-01-05", "", "", LampYellow, "20"},
		{"past the planned finish", "2026-06-01", "2026-01-05", "", "95", LampGreen, "100"},
		{"not started on its planned start", "2026-01-01", "", "", "", "", ""},
		{"not started the day after", "2026-01-02", "", "", "", LampRed, "1"},
		{"finished", "2026-03-02", "2026-01-05", "2026-03-01", "100", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := cfg.Of(fact(tc.started, tc.finished, tc.progress), mustDate(t, tc.asOf))
			if ok != (tc.lamp != "") || p.Lamp != tc.lamp {
				t.Fatalf("lamp = %q (%v), want %q", p.Lamp, ok, tc.lamp)
			}
			if ok && !p.ElapsedPct.Equal(decimal.RequireFromString(tc.elapsed)) {
				t.Errorf("elapsed = %s, want %s", p.ElapsedPct, tc.elapsed)
			}
		})
	}
	// Thresholds are the config's.
	if p, _ := (PaceLamps{Yellow: 5, Red: 15}).Of(fact("2026-01-05", "", "50"), mustDate(t, "2026-03-02")); p.Lamp != LampYellow {
		t.Errorf("10 behind with yellow at 5 = %s, want yellow", p.Lamp)
	}
	p, _ := cfg.Of(fact("2026-01-05", "", "12.5"), mustDate(t, "2026-01-21"))
	b, err := json.Marshal(p)
	if want := `{"elapsed_pct":20,"progress_pct":12.5,"lamp":"green"}`; err != nil || string(b) != want {
		t.Errorf("JSON = %s, %v; want %s", b, err, want)
	}
}

func TestPaceConfigValidate(t *testing.T) {
	for _, c := range []PaceLamps{{Yellow: -1, Red: 30}, {Yellow: 10, Red: 10}, {Yellow: 10, Red: 101}} {
		if c.Validate() == nil {
			t.Errorf("%+v valid, want an error", c)
		}
	}
	if err := DefaultPaceLamps().Validate(); err != nil {
		t.Error(err)
	}
}

func TestProjectFilterOnly(t *testing.T) {
	for _, tc := range []struct {
		had, ids, want []uint
		left           bool
	}{
		{nil, []uint{3, 1}, []uint{3, 1}, true},
		{[]uint{1, 2}, []uint{2, 3}, []uint{2}, true},
		{[]uint{1}, []uint{2}, nil, false},
		{nil, nil, nil, false},
	} {
		f := ProjectFilter{IDs: tc.had}
		left := f.Only(tc.ids)
		if left != tc.left || len(f.IDs) != len(tc.want) {
			t.Errorf("%v.Only(%v) = %v, IDs %v; want %v, %v", tc.had, tc.ids, left, f.IDs, tc.left, tc.want)
			continue
		}
		for i := range tc.want {
			if f.IDs[i] != tc.want[i] {
				t.Errorf("%v.Only(%v): IDs %v, want %v", tc.had, tc.ids, f.IDs, tc.want)
			}
		}
	}
}
