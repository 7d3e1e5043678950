package importer

import (
	"maps"
	"strconv"

	"github.com/yanhe/captrack/model"
)

// listing is what row n of the table gave project p, for a dry run.
func (t *planTable) listing(cells []string, n int, p *model.Project) model.ProjectRead {
	r := model.ProjectRead{File: t.b.name, Sheet: t.sheet, Row: n, Name: p.Name, Fields: map[string]model.FieldRead{}}
	put := func(key, value string, roles ...role) {
		if value == "" {
			return
		}
		for _, ro := range roles {
			cols := append([]*column{t.h.each[ro], t.h.first[ro]}, t.h.others[ro]...) // a site's own figure first
			for _, c := range cols {
				if c != nil && !isUnknown(clean(cellOf(cells, c))) {
					r.Fields[key] = model.FieldRead{Value: value, Cell: c.letter + strconv.Itoa(n)}
					return
				}
			}
		}
		r.Fields[key] = model.FieldRead{Value: value}
	}
	put("code", p.Code, roleCode)
	put("category", p.Category, roleCategory)
	put("site", p.Site, roleSite)
	put("responsible_unit", p.ResponsibleUnit, roleUnit)
	put("planned_start", p.PlannedStart.String(), roleStart, rolePeriod)
	put("planned_finish", p.PlannedFinish.String(), roleFinish, rolePeriod)
	if f, ok := r.Fields["planned_finish"]; ok && f.Cell == "" && t.marked != nil {
		f.Cell = t.marked.letter + strconv.Itoa(n)
		r.Fields["planned_finish"] = f
	}
	if p.Investment != nil {
		put("investment_wan", p.Investment.WanString(), roleInvestment)
	}
	if p.FloorArea.Valid {
		put("floor_area_m2", p.FloorArea.Decimal.String(), roleFloorArea, roleContent)
	}
	if p.Land.Valid {
		put("land_mu", p.Land.Decimal.String(), roleLand, roleContent)
	}
	if p.Beds != nil {
		put("beds", strconv.Itoa(*p.Beds), roleBeds, roleContent)
	}
	put("qualifiers", p.Qualifiers)
	return r
}

// planFields are the fields of a plan row (model.PlanRow.Columns; a
// stage's date is "stage:" and its name).
var planFields = []string{"code", "name", "category", "site", "township", "responsible_unit", "content",
	"planned_start", "planned_finish", "investment_wan", "floor_area_m2", "land_mu", "beds"}

// fieldColumns are the column letters of a header's plan fields, made
// once per header.
type fieldColumns struct {
	h    *header
	cols map[string]string
}

// of returns the column letters of t's plan fields under its header.
func (fc *fieldColumns) of(t *table) map[string]string {
	if fc.h != t.h || fc.cols == nil {
		fc.h, fc.cols = t.h, map[string]string{}
		for _, f := range planFields {
			if c := t.fieldColumn(f); c != "" {
				fc.cols[f] = c
			}
		}
		for _, c := range t.h.stages {
			fc.cols["stage:"+c.stage] = c.letter
		}
	}
	return fc.cols
}

// rowColumns are the column letters of row cells' plan fields: the
// header's (fieldColumns), except where the row's value comes from
// another column: a site's own figure (每个…) where the row gives one, and
// the year marked in the row when no column states the finish.
func (t *planTable) rowColumns(cells []string) map[string]string {
	cols := t.columns.of(t.table)
	var own map[string]string
	override := func(field, letter string) {
		if own == nil {
			own = maps.Clone(cols)
		}
		own[field] = letter
	}
	for _, f := range planFields {
		for _, r := range fieldRoles[f] {
			if c := t.h.each[r]; c != nil && !isUnknown(clean(cellOf(cells, c))) {
				override(f, c.letter)
				break
			}
		}
	}
	if _, ok := cols["planned_finish"]; !ok && t.marked != nil {
		override("planned_finish", t.marked.letter)
	}
	if own == nil {
		return cols
	}
	return own
}
