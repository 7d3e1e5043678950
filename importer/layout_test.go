package importer

import (
	"bytes"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/internal/synth"
)

// layoutCases is how many generated layouts TestGeneratedLayouts reads.
const layoutCases = 300

// TestGeneratedLayouts reads the plan's 56 projects written in layouts
// drawn from fixed seeds (synth.PlanLayout): every value imported must
// equal the plan's or carry a finding at its cell, and a workbook is
// refused only at cells written in a form that may mean two values.
func TestGeneratedLayouts(t *testing.T) {
	n := layoutCases
	if testing.Short() {
		n = 40
	}
	var refused atomic.Int32
	t.Run("seeds", func(t *testing.T) {
		for part := range layoutParts {
			t.Run(fmt.Sprint(part), func(t *testing.T) {
				t.Parallel()
				for seed := part; seed < n; seed += layoutParts {
					if checkLayout(t, uint64(seed)) {
						refused.Add(1)
					}
				}
			})
		}
	})
	if r := int(refused.Load()); r > n/4 {
		t.Errorf("%d of %d layouts refused; the generator should write mostly layouts of one meaning", r, n)
	}
}

// layoutParts is how many parallel parts the seeds are read in.
const layoutParts = 4

// checkLayout reads the layout case of seed and reports whether it was
// refused.
func checkLayout(t *testing.T, seed uint64) (refused bool) {
	t.Helper()
	c, err := synth.PlanLayout(seed)
	if err != nil {
		t.Fatal(err)
	}
	p := Parse("layout.xlsx", bytes.NewReader(c.Book), Options{})
	at := map[synth.Cell]bool{}
	for _, f := range append(p.Warnings, p.Errors...) {
		at[synth.Cell{Sheet: f.Sheet, Row: f.Row, Column: f.Column}] = true
	}
	if len(p.Errors) > 0 {
		for _, e := range p.Errors {
			if !c.Ambiguous[synth.Cell{Sheet: e.Sheet, Row: e.Row, Column: e.Column}] {
				t.Errorf("seed %d (%s): refused at a cell of one meaning: %+v", seed, c.Choices, e)
			}
		}
		return true
	}
	if len(p.Set.Plans) != len(c.Projects) {
		t.Errorf("seed %d (%s): got %d projects, want %d", seed, c.Choices, len(p.Set.Plans), len(c.Projects))
	}
	rows := byName(p.Set.Plans)
	for _, w := range c.Projects {
		got, ok := rows[w.Name]
		if !ok {
			t.Errorf("seed %d (%s): project %s missing", seed, c.Choices, w.Name)
			continue
		}
		check := func(field string, equal bool, gotV, wantV any) {
			if !equal && !at[w.Cells[field]] {
				t.Errorf("seed %d (%s): %s %s at %+v: got %v, want %v, and no finding at the cell", seed, c.Choices, w.Name, field, w.Cells[field], gotV, wantV)
			}
		}
		g := got.Project
		check(synth.FieldName, g.Annex == w.Annex, g.Annex, w.Annex)
		check(synth.FieldSite, g.Site == w.Site, g.Site, w.Site)
		check(synth.FieldUnit, g.ResponsibleUnit == w.Unit, g.ResponsibleUnit, w.Unit)
		check(synth.FieldInvestment, g.Investment != nil && *g.Investment == w.Investment, money(t, g.Investment), w.Investment.WanString())
		for _, q := range []struct {
			field string
			got   decimal.NullDecimal
			want  int
		}{{synth.FieldFloorArea, g.FloorArea, w.FloorArea}, {synth.FieldLand, g.Land, w.Land}} {
			equal := q.got.Valid == (q.want != 0) && (!q.got.Valid || q.got.Decimal.Equal(decimal.NewFromInt(int64(q.want))))
			check(q.field, equal, q.got, q.want)
		}
		check(synth.FieldBeds, w.Beds == 0 && g.Beds == nil || g.Beds != nil && *g.Beds == w.Beds, fmt.Sprint(g.Beds), w.Beds)
		check(synth.FieldStart, g.PlannedStart == w.Start, g.PlannedStart, w.Start)
		check(synth.FieldFinish, g.PlannedFinish == w.Finish, g.PlannedFinish, w.Finish)
	}
	return false
}
