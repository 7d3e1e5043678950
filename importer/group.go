package importer

import "strings"

// group is an open group of a table: a group row (一、养老服务设施) and
// the rows under it. Offices often write the group's subtotal on the
// group row itself; stated keeps that row, to check against the rows
// under it when the group closes, or to read as a row of its own when
// nothing turns out to be under it (projects numbered 一、二、三).
type group struct {
	level    int // 1 for the outermost (一、), 2 for (一), 3 for 1., 4 for (1)
	category string
	label    string // the group row's text, for messages
	row      int
	stated   []string // the group row's cells when it states figures
	subtotal bool     // stated is a 小计 row written just under the group row
	sums     *sums    // of the plan rows under it
	rows     int      // rows recorded under it
}

// heading recognises a group row: 一、养老服务中心 / (二)农村公益性公墓 /
// 1.xxx in the name column, a numeral 一 / (一) in the 序号 column beside
// a name, or a lone text. A row that states figures is a group only when
// numbered with Chinese numerals (projects are numbered 1, 2, 3).
func (t *table) heading(cells []string, name string, figured bool) (*group, bool) {
	accept := func(category, label string, level int) (*group, bool) {
		if figured && level > 2 {
			return nil, false
		}
		return &group{level: level, category: category, label: label}, true
	}
	if c, level, ok := groupOf(name); ok {
		return accept(c, clean(name), level)
	}
	if seq := clean(t.cell(cells, roleSeq)); name != "" && reNumeral.MatchString(seq) {
		level := 1
		if strings.HasPrefix(seq, "(") {
			level = 2
		}
		return accept(name, name, level)
	}
	if name != "" {
		return nil, false
	}
	for _, c := range cells {
		s := clean(c)
		if s == "" {
			continue
		}
		if c, level, ok := groupOf(s); ok {
			return accept(c, s, level)
		}
		if _, ok, _ := parseNumber(s); !ok && !reNumeral.MatchString(s) && !figured {
			return &group{level: 1, category: s, label: s}, true
		}
	}
	return nil, false
}

// openGroup closes the open groups at g's level or deeper and opens g,
// read from row n (whose cells are kept when they state figures).
func (t *table) openGroup(r recorder, g *group, cells []string, n int, figured bool) {
	g.row, g.sums = n, newSums()
	if figured {
		g.stated = cells
	}
	t.closeGroups(g.level, r)
	t.groups = append(t.groups, g)
}

// closeGroups closes the open groups of level or deeper, innermost first:
// a group row that stated figures is checked (by r) against the rows
// under it or, when no row followed it, is itself a row.
func (t *table) closeGroups(level int, r recorder) {
	for len(t.groups) > 0 {
		g := t.groups[len(t.groups)-1]
		if g.level < level {
			return
		}
		t.groups = t.groups[:len(t.groups)-1]
		switch {
		case g.stated == nil:
		case g.rows == 0 && !g.subtotal:
			k := t.key(g.stated)
			k.name = unnumbered(k.name)
			t.take(r, g.stated, g.row, k)
		default:
			r.checkGroup(g)
		}
	}
}

// take has r record a row that names a project, under the open groups.
func (t *table) take(r recorder, cells []string, n int, k rowKey) {
	for _, g := range t.groups {
		g.rows++
	}
	r.record(cells, n, k)
}

// innermost is the innermost open group, nil when none is.
func (t *table) innermost() *group {
	if len(t.groups) == 0 {
		return nil
	}
	return t.groups[len(t.groups)-1]
}

// category is the innermost open group's.
func (t *table) category() string {
	if g := t.innermost(); g != nil {
		return g.category
	}
	return ""
}
