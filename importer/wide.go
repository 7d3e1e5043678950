package importer

import (
	"maps"
	"regexp"
)

// A wide layout has one row per township and, side by side, a group of
// columns for each kind of facility (农村公益性公墓 over 面积 / 占地 / 投资 /
// 年份, then 集中治丧服务点 over the same): each row gives one project per
// township and kind, named as the plan names them (官舟镇农村公益性公墓).

// reFacility is a header text that names a kind of facility.
var reFacility = regexp.MustCompile(`\p{Han}{2,}(?:公墓|陵园|治丧点|敬老院|幸福院|养老院|光荣院|福利院|殡仪馆|服务点|服务站|服务中心|照料中心|中心)$`)

// kindOf is the facility kind a column's upper header rows name, "" when
// they name none.
func kindOf(above []string) string {
	for _, a := range above {
		if k := headerKey(a); reFacility.MatchString(k) {
			if r, _ := roleOf(a); r == roleNone {
				return k
			}
		}
	}
	return ""
}

// isWideTop reports whether a row is the top row of a wide layout's
// header: it names a township column and a facility kind, and holds no
// figure.
func isWideTop(cells []string) bool {
	site, kind := false, false
	for _, c := range cells {
		s := clean(c)
		if s == "" {
			continue
		}
		r, _ := roleOf(c)
		switch {
		case r == roleSite || r == roleName:
			site = true
		case r == roleNone && reFacility.MatchString(headerKey(s)):
			kind = true
		case r == roleNone:
			if _, ok, _ := parseNumber(c); ok {
				return false
			}
		}
	}
	return site && kind
}

// kindHeader returns the header of the column group of kind k, added
// when new.
func (h *header) kindHeader(k string) *header {
	for _, g := range h.kinds {
		if g.facility == k {
			return g
		}
	}
	g := &header{row: h.row, first: map[role]*column{}, unit: h.unit, facility: k}
	h.kinds = append(h.kinds, g)
	return g
}

// states reports whether a row states anything in the columns of the
// kind h is the header of.
func (h *header) states(cells []string) bool {
	for _, c := range h.first {
		if !isUnknown(clean(cellOf(cells, c))) {
			return true
		}
	}
	for _, cols := range [][]*column{h.years, h.stages} {
		for _, c := range cols {
			if !isUnknown(clean(cellOf(cells, c))) {
				return true
			}
		}
	}
	for _, c := range h.each {
		if !isUnknown(clean(cellOf(cells, c))) {
			return true
		}
	}
	return false
}

// wideTable reads a wide layout: a plan table for each kind, over the
// shared columns (序号, 乡镇, 责任单位…) and the kind's own.
type wideTable struct {
	t     *table
	parts []*planTable
}

func newWideTable(t *table) *wideTable {
	w := &wideTable{t: t}
	if t.annex == 0 {
		text := t.titles
		for _, g := range t.h.kinds {
			text += g.facility
		}
		t.annex = annexOfNames(text)
	}
	for _, g := range t.h.kinds {
		h := *t.h
		h.first = maps.Clone(t.h.first)
		maps.Copy(h.first, g.first)
		h.others, h.each, h.years, h.stages, h.kinds, h.facility = g.others, g.each, g.years, g.stages, nil, g.facility
		township := h.first[roleSite]
		if township == nil {
			township = h.first[roleName]
		}
		h.first[roleName], h.first[roleSite] = township, township
		part := *t
		part.h = &h
		p := newPlanTable(&part)
		p.decided, p.facility = true, g
		w.parts = append(w.parts, p)
	}
	return w
}

func (w *wideTable) row(cells []string, n int) {
	for _, p := range w.parts {
		p.below = w.t.below
		p.row(cells, n)
	}
}

// settle sets the annex of the rows read so far, which the parts read
// interleaved.
func (w *wideTable) settle() {
	k := 0
	for _, p := range w.parts {
		k, p.unsettled = k+p.unsettled, 0
	}
	rows := w.t.b.set.Plans[len(w.t.b.set.Plans)-k:]
	for i := range rows {
		rows[i].Project.Annex = w.t.annex
	}
}

func (w *wideTable) finish() {
	for _, p := range w.parts {
		p.check()
	}
	w.settle()
}
