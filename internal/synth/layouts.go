package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/internal/plan"
	"github.com/yanhe/captrack/model"
)

// A layout case writes the plan's 56 capital projects (annexes 1 and 3 of
// package plan) the way some office might: each seed draws a header of
// one to four rows (merged or not, or its words split over two rows),
// units in the headers, in a 单位 line or in the cells, a form for each
// date, the columns in any order with extra and hidden ones, group and
// 小计 rows or none, and the two annexes on two sheets or stacked on one.
// The case says which cell holds each value, so that a test can require
// every imported value to equal the plan's or carry a finding at its cell.

// Cell is one cell of a layout case.
type Cell struct {
	Sheet  string
	Row    int
	Column string
}

// Field names of LayoutProject.Cells.
const (
	FieldName       = "name"
	FieldSite       = "site"
	FieldUnit       = "responsible_unit"
	FieldInvestment = "investment"
	FieldFloorArea  = "floor_area"
	FieldLand       = "land"
	FieldBeds       = "beds"
	FieldStart      = "planned_start"
	FieldFinish     = "planned_finish"
)

// LayoutProject is one project of a layout case: the plan's facts, its
// annex, and the cell each field was written in.
type LayoutProject struct {
	plan.Project
	Annex int
	Cells map[string]Cell
}

// LayoutCase is one generated workbook and what it means.
type LayoutCase struct {
	Book     []byte
	Choices  string // the layout drawn, for messages
	Projects []LayoutProject
	// Ambiguous are the cells written in a form that may mean two values
	// (2019.1 typed into a General cell): the importer may refuse them.
	Ambiguous map[Cell]bool
}

// layout is what a seed draws.
type layout struct {
	depth        int    // header rows, 1–4
	merged       bool   // header cells merged
	split        bool   // a two-row header with its words split over the rows
	unitsInCells bool   // 13000平方米 in the cell, not in the header
	unitLine     bool   // a 单位：… line above the header gives the money unit
	money        string // 万元, 元 or 亿元
	period       bool   // one 建设起止年限 column instead of start and finish
	dateForm     int    // -1: a form drawn per cell
	groups       bool   // group rows (一、…) and 小计 rows
	stacked      bool   // both annexes on one sheet
	extra        bool   // columns nobody asked for, one of them hidden
	textNumbers  bool   // figures as text with thousands separators or full-width digits
	guide        bool   // a 填报说明 sheet first
	sitesInCell  bool   // a row per year for facilities built in several townships, listing them in one cell
	wide         bool   // annex 3's facilities of each township side by side, a column group per kind
}

func (l layout) String() string {
	return fmt.Sprintf("depth=%d merged=%v split=%v unitsInCells=%v unitLine=%v money=%s period=%v dateForm=%d groups=%v stacked=%v extra=%v textNumbers=%v guide=%v sitesInCell=%v wide=%v",
		l.depth, l.merged, l.split, l.unitsInCells, l.unitLine, l.money, l.period, l.dateForm, l.groups, l.stacked, l.extra, l.textNumbers, l.guide, l.sitesInCell, l.wide)
}

// dateForms is the number of forms a date is written in (see writeDate).
const dateForms = 7

// colSpec is one column of a layout: its group, name and unit, and the
// value of a project.
type colSpec struct {
	field       string // a Field…, or "" for extra columns
	group, name string // group "" for a column of its own
	top, bottom string // the name split over two rows
	unit        string // "" for none
	hidden      bool
	extraValue  func(i int) string
}

// PlanLayout writes the layout case of seed.
func PlanLayout(seed uint64) (*LayoutCase, error) {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	l := layout{depth: 1 + rng.IntN(4), merged: rng.IntN(2) == 0, unitsInCells: rng.IntN(3) == 0,
		money: []string{"万元", "元", "亿元"}[rng.IntN(3)], period: rng.IntN(3) == 0, dateForm: rng.IntN(dateForms+1) - 1,
		groups: rng.IntN(2) == 0, stacked: rng.IntN(3) == 0, extra: rng.IntN(2) == 0, textNumbers: rng.IntN(3) == 0, guide: rng.IntN(4) == 0}
	l.split = l.depth == 2 && rng.IntN(2) == 0
	l.sitesInCell = rng.IntN(3) == 0
	l.wide = !l.sitesInCell && rng.IntN(3) == 0
	l.unitLine = !l.unitsInCells && rng.IntN(3) == 0
	cols := columns(rng, l)
	w := &layoutWriter{rng: rng, l: l, cols: cols, f: excelize.NewFile(), c: &LayoutCase{Choices: l.String(), Ambiguous: map[Cell]bool{}}}
	defer w.f.Close()
	first := "附件1"
	if l.guide {
		first = "填报说明"
	}
	if err := w.f.SetSheetName("Sheet1", first); err != nil {
		return nil, err
	}
	if l.guide {
		w.set(first, 1, 1, "填报说明")
		w.set(first, 2, 1, "1.项目名称请填写全称；2.金额单位见表头。")
	}
	annexes := []plan.Annex{plan.Annex1(), plan.Annex3()}
	row := 1
	for i, a := range annexes {
		sheet := fmt.Sprintf("附件%d", a.Number)
		switch {
		case l.stacked && i > 0:
			sheet, row = w.sheet, row+2
		case i > 0 || l.guide:
			if _, err := w.f.NewSheet(sheet); err != nil {
				return nil, err
			}
			row = 1
		}
		w.sheet = sheet
		if !l.wide || a.Number != model.AnnexFuneral {
			row = w.table(a, row)
			continue
		}
		narrow, wide := a, a
		narrow.Groups, wide.Groups = nil, nil
		for _, g := range a.Groups {
			if perSite(g) {
				wide.Groups = append(wide.Groups, g)
			} else {
				narrow.Groups = append(narrow.Groups, g)
			}
		}
		row = w.wideTable(wide, w.table(narrow, row)+1)
	}
	if w.err != nil {
		return nil, w.err
	}
	var buf bytes.Buffer
	if err := w.f.Write(&buf); err != nil {
		return nil, err
	}
	w.c.Book = buf.Bytes()
	return w.c, nil
}

// columns draws the columns of a layout, in their sheet order.
func columns(rng *rand.Rand, l layout) []colSpec {
	pick := func(s ...string) string { return s[rng.IntN(len(s))] }
	area := pick("平方米", "㎡", "m²")
	scale := ""
	if !l.split && !l.period {
		scale = pick("建设规模", "建设内容及规模")
	}
	years := ""
	if !l.split {
		years = pick("建设年限", "计划时间")
	}
	units := [][]colSpec{
		{{field: FieldName, name: pick("项目名称", "建设项目", "工程名称"), top: "项目", bottom: "名称"}},
		{{field: FieldSite, name: pick("建设地点", "地点"), top: "建设", bottom: "地点"}},
		{
			{field: FieldFloorArea, group: scale, name: pick("建筑面积", "建设面积"), top: "建筑面积", unit: area},
			{field: FieldLand, group: scale, name: pick("占地", "用地", "占地面积"), top: "占地", unit: "亩"},
			{field: FieldBeds, group: scale, name: pick("床位", "床位数"), top: "床位", unit: "张"},
		},
		{{field: FieldInvestment, name: pick("总投资", "计划总投资", "投资估算"), top: "总投资", unit: l.money}},
		{{field: FieldUnit, name: pick("责任单位", "牵头单位"), top: "责任", bottom: "单位"}},
	}
	if l.period {
		units = append(units, []colSpec{{field: FieldStart, name: pick("建设起止年限", "建设年限"), top: "建设", bottom: "年限"}})
	} else {
		units = append(units, []colSpec{
			{field: FieldStart, group: years, name: pick("开工时间", "计划开工"), top: "计划", bottom: "开工"},
			{field: FieldFinish, group: years, name: pick("完工时间", "计划竣工", "计划完成时间"), top: "计划", bottom: "完工"},
		})
	}
	if l.extra {
		units = append(units,
			[]colSpec{{name: "联系人", top: "联系", bottom: "人", extraValue: func(i int) string { return "张" + strconv.Itoa(i) }}},
			[]colSpec{{name: "录入人", top: "录入", bottom: "人", hidden: true, extraValue: func(i int) string { return "李" + strconv.Itoa(i) }}},
		)
	}
	rng.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })
	out := []colSpec{{name: "序号", top: "序", bottom: "号"}}
	for _, u := range units {
		out = append(out, u...)
	}
	if l.extra {
		out = append(out, colSpec{name: "备注", top: "备", bottom: "注", extraValue: func(int) string { return "" }})
	}
	return out
}

// layoutWriter writes one layout case.
type layoutWriter struct {
	rng    *rand.Rand
	l      layout
	cols   []colSpec
	f      *excelize.File
	c      *LayoutCase
	sheet  string
	err    error
	styles map[string]int
	seq    int
}

func (w *layoutWriter) keep(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *layoutWriter) set(sheet string, row, col int, v any) Cell {
	name, _ := excelize.ColumnNumberToName(col)
	if v != nil && v != "" {
		w.keep(w.f.SetCellValue(sheet, name+strconv.Itoa(row), v))
	}
	return Cell{Sheet: sheet, Row: row, Column: name}
}

// style applies a number format to a cell.
func (w *layoutWriter) style(c Cell, code string) {
	if w.styles == nil {
		w.styles = map[string]int{}
	}
	id, ok := w.styles[code]
	if !ok {
		var err error
		id, err = w.f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		w.keep(err)
		w.styles[code] = id
	}
	ref := c.Column + strconv.Itoa(c.Row)
	w.keep(w.f.SetCellStyle(c.Sheet, ref, ref, id))
}

// table writes annex a from row on and returns the row after it.
func (w *layoutWriter) table(a plan.Annex, row int) int {
	w.set(w.sheet, row, 1, a.Title)
	row++
	if w.l.unitLine {
		w.set(w.sheet, row, 1, "单位："+w.l.money)
		row++
	}
	row = w.header(row)
	for gi, g := range a.Groups {
		if w.l.groups {
			w.set(w.sheet, row, w.colOf(FieldName), fmt.Sprintf("%s、%s", string([]rune("一二三四五六七八九十")[gi]), g.Title))
			row++
		}
		var sum model.Money
		for i := 0; i < len(g.Projects); {
			k := 1
			if w.l.sitesInCell && perSite(g) {
				for i+k < len(g.Projects) && g.Projects[i+k].Finish == g.Projects[i].Finish {
					k++
				}
			}
			w.projects(a.Number, g.Title, g.Projects[i:i+k], row)
			for _, p := range g.Projects[i : i+k] {
				sum += p.Investment
			}
			i += k
			row++
		}
		if w.l.groups && g.Stated == nil {
			w.set(w.sheet, row, w.colOf(FieldName), "小计")
			w.set(w.sheet, row, w.colOf(FieldInvestment), w.moneyText(sum))
			row++
		}
	}
	return row
}

// perSite reports whether each project of g is one township's facility
// of the group's kind (官舟镇 + 农村公益性公墓).
func perSite(g plan.Group) bool {
	for _, p := range g.Projects {
		if p.Name != p.Site+g.Title {
			return false
		}
	}
	return true
}

// projects writes ps in one row: one project, or several of one kind
// whose sites the row lists in one cell, with their totals.
func (w *layoutWriter) projects(annex int, kind string, ps []plan.Project, row int) {
	if len(ps) == 1 {
		w.project(annex, ps[0], row)
		return
	}
	sum := ps[0]
	sites := make([]string, len(ps))
	for i, p := range ps {
		sites[i] = p.Site
	}
	k := len(ps)
	sum.Name, sum.Site, sum.Unit = kind, strings.Join(sites, []string{"、", "，", " ", "；"}[w.rng.IntN(4)]), "各乡镇人民政府"
	sum.FloorArea, sum.Land, sum.Beds, sum.Investment = k*sum.FloorArea, k*sum.Land, k*sum.Beds, model.Money(k)*sum.Investment
	w.project(annex, sum, row)
	row0 := w.c.Projects[len(w.c.Projects)-1]
	w.c.Projects = w.c.Projects[:len(w.c.Projects)-1]
	for _, p := range ps {
		lp := row0
		lp.Project = p
		lp.Unit = sum.Unit // as the row writes it for all its sites
		w.c.Projects = append(w.c.Projects, lp)
	}
}

// colOf is the sheet column (1-based) of field.
func (w *layoutWriter) colOf(field string) int {
	for i, c := range w.cols {
		if c.field == field {
			return i + 1
		}
	}
	return 0
}

// header writes the header rows from row on and returns the row after:
// one row of names, or two (groups over names, or words split over two
// rows), then a row of units and a row of column numbers as the depth
// allows.
func (w *layoutWriter) header(row int) int {
	grouped := w.l.split
	for _, c := range w.cols {
		grouped = grouped || c.group != "" && w.l.depth >= 2
	}
	names := 1
	if grouped {
		names = 2
	}
	depth := min(w.l.depth, names+2)
	unitRow := depth > names
	// unit is the unit a column's header shows, "" when the cells or a
	// 单位 line give it.
	unit := func(c colSpec) string {
		if w.l.unitsInCells || w.l.unitLine && c.field == FieldInvestment || c.unit == "" {
			return ""
		}
		return "（" + c.unit + "）"
	}
	name := func(c colSpec) string {
		if unitRow {
			return c.name
		}
		return c.name + unit(c)
	}
	for i, c := range w.cols {
		col := i + 1
		switch {
		case w.l.split:
			w.set(w.sheet, row, col, c.top)
			if unitRow {
				w.set(w.sheet, row+1, col, c.bottom)
			} else {
				w.set(w.sheet, row+1, col, c.bottom+unit(c))
			}
		case !grouped:
			w.set(w.sheet, row, col, name(c))
		case c.group != "":
			if i == 0 || w.cols[i-1].group != c.group {
				w.set(w.sheet, row, col, c.group)
				last := i
				for last+1 < len(w.cols) && w.cols[last+1].group == c.group {
					last++
				}
				if w.l.merged && last > i {
					w.merge(row, col, row, last+1)
				}
			}
			w.set(w.sheet, row+1, col, name(c))
		default:
			w.set(w.sheet, row, col, name(c))
			if w.l.merged {
				w.merge(row, col, row+1, col)
			}
		}
		if unitRow {
			w.set(w.sheet, row+names, col, unit(c))
		}
		if depth > names+1 {
			w.set(w.sheet, row+names+1, col, col)
		}
		if c.hidden {
			w.keep(w.f.SetColVisible(w.sheet, columnName(col), false))
		}
	}
	return row + depth
}

func (w *layoutWriter) merge(r1, c1, r2, c2 int) {
	a, _ := excelize.CoordinatesToCellName(c1, r1)
	b, _ := excelize.CoordinatesToCellName(c2, r2)
	w.keep(w.f.MergeCell(w.sheet, a, b))
}

// project writes one project row.
func (w *layoutWriter) project(annex int, p plan.Project, row int) {
	w.seq++
	lp := LayoutProject{Project: p, Annex: annex, Cells: map[string]Cell{}}
	for i, c := range w.cols {
		col := i + 1
		var v any
		switch c.field {
		case FieldName:
			v = p.Name
		case FieldSite:
			v = p.Site
		case FieldUnit:
			v = p.Unit
		case FieldInvestment:
			v = w.moneyText(p.Investment)
		case FieldFloorArea:
			v = w.figure(p.FloorArea, "平方米")
		case FieldLand:
			v = w.figure(p.Land, "亩")
		case FieldBeds:
			v = w.figure(p.Beds, "张")
		case FieldStart:
			if w.l.period {
				lp.Cells[FieldFinish] = Cell{Sheet: w.sheet, Row: row, Column: columnName(col)}
				v = w.periodText(p)
			} else {
				v = w.date(p.Start, row, col)
			}
		case FieldFinish:
			v = w.date(p.Finish, row, col)
		case "":
			if c.name == "序号" {
				v = w.seq
			} else {
				v = c.extraValue(w.seq)
			}
		}
		cell := w.set(w.sheet, row, col, v)
		if c.field != "" {
			lp.Cells[c.field] = cell
		}
	}
	w.c.Projects = append(w.c.Projects, lp)
}

func columnName(col int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n
}

// moneyText writes an amount in the layout's money unit.
func (w *layoutWriter) moneyText(m model.Money) any {
	unit := map[string]model.Money{"万元": model.Wan, "元": model.Yuan, "亿元": model.Yi}[w.l.money]
	d := decimal.NewFromInt(int64(m)).Div(decimal.NewFromInt(int64(unit)))
	return w.number(d, w.l.money)
}

// figure writes a floor area, land or beds; 0 is unknown.
func (w *layoutWriter) figure(n int, unit string) any {
	if n == 0 {
		return []any{nil, "", "—", "/"}[w.rng.IntN(4)]
	}
	return w.number(decimal.NewFromInt(int64(n)), unit)
}

// number writes a figure as a number, or as text (thousands separators,
// full-width digits), with its unit when the layout puts units in cells.
func (w *layoutWriter) number(d decimal.Decimal, unit string) any {
	if !w.l.textNumbers && !w.l.unitsInCells {
		f, _ := d.Float64()
		return f
	}
	s := d.String()
	if w.l.textNumbers {
		switch w.rng.IntN(3) {
		case 0:
			whole, frac, _ := strings.Cut(s, ".")
			for i := len(whole) - 3; i > 0; i -= 3 {
				whole = whole[:i] + "," + whole[i:]
			}
			s = whole
			if frac != "" {
				s += "." + frac
			}
		case 1:
			s = strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r - '0' + '０'
				}
				return r
			}, s)
		}
	}
	if w.l.unitsInCells {
		s += unit
	}
	return s
}

// date writes a plan date in the layout's form (or one drawn for the
// cell), noting a cell whose form may mean two months.
func (w *layoutWriter) date(d model.PlanDate, row, col int) any {
	if d.IsZero() {
		return nil
	}
	form := w.l.dateForm
	if form < 0 {
		form = w.rng.IntN(dateForms)
	}
	y, m := d.Date.Year, int(d.Date.Month)
	cell := Cell{Sheet: w.sheet, Row: row, Column: columnName(col)}
	if d.Precision == model.PrecisionYear {
		switch form % 3 {
		case 0:
			return fmt.Sprintf("%d年", y)
		case 1:
			return y
		}
		return fmt.Sprintf("%d年底", y)
	}
	switch form {
	case 0:
		return fmt.Sprintf("%d.%d", y, m)
	case 1:
		return fmt.Sprintf("%d年%d月", y, m)
	case 2:
		return fmt.Sprintf("%d-%02d", y, m)
	case 3:
		return fmt.Sprintf("%02d年%d月", y%100, m)
	case 4: // a number shown with two decimals
		w.style(cell, "0.00")
		return float64(y) + float64(m)/100
	case 5: // a number in a General cell: 2019.10 shows 2019.1
		if m == 1 || m == 10 {
			w.c.Ambiguous[cell] = true
		}
		return float64(y) + float64(m)/100
	}
	w.style(cell, `yyyy"年"m"月"`) // a date cell
	return time.Date(y, time.Month(m), 1+w.rng.IntN(28), 0, 0, 0, 0, time.UTC)
}

// periodText writes a project's start and finish in one cell.
func (w *layoutWriter) periodText(p plan.Project) string {
	text := func(d model.PlanDate) string {
		if d.Precision == model.PrecisionYear {
			return fmt.Sprintf("%d年", d.Date.Year)
		}
		return fmt.Sprintf([]string{"%d.%d", "%d年%d月"}[w.rng.IntN(2)], d.Date.Year, int(d.Date.Month))
	}
	switch {
	case p.Start.IsZero():
		return "到" + text(p.Finish)
	case p.Start == p.Finish:
		return text(p.Start)
	}
	return text(p.Start) + []string{"—", "-", "至", "～"}[w.rng.IntN(4)] + text(p.Finish)
}

// wideTable writes the groups of a, each one township's facility of its
// kind, as a wide table from row on: a row per township, a column group
// per kind. It returns the row after the table.
func (w *layoutWriter) wideTable(a plan.Annex, row int) int {
	w.set(w.sheet, row, 1, a.Title)
	row++
	rng := w.rng
	rng.Shuffle(len(a.Groups), func(i, j int) { a.Groups[i], a.Groups[j] = a.Groups[j], a.Groups[i] })
	unitRow := w.l.depth >= 3
	unit := func(u string) string {
		if w.l.unitsInCells || unitRow || u == "" {
			return ""
		}
		return "（" + u + "）"
	}
	type field struct {
		field, name, unit string
		year              int // a build-year mark column
	}
	fields := []field{{FieldFloorArea, "建筑面积", "平方米", 0}, {FieldLand, "占地", "亩", 0}, {FieldInvestment, "投资", w.l.money, 0}}
	marks := rng.IntN(2) == 0
	if marks {
		for y := plan.FirstYear; y <= plan.LastYear; y++ {
			fields = append(fields, field{FieldFinish, fmt.Sprintf("%d年", y), "", y})
		}
	} else {
		fields = append(fields, field{FieldFinish, []string{"建设年份", "年份"}[rng.IntN(2)], "", 0})
	}
	township := []string{"乡镇", "乡镇（街道）"}[rng.IntN(2)]
	w.set(w.sheet, row, 1, township)
	col := 2
	for _, g := range a.Groups {
		w.set(w.sheet, row, col, g.Title)
		if w.l.merged {
			w.merge(row, col, row, col+len(fields)-1)
		}
		for i, f := range fields {
			w.set(w.sheet, row+1, col+i, f.name+unit(f.unit))
			if unitRow && f.unit != "" && !w.l.unitsInCells {
				w.set(w.sheet, row+2, col+i, "（"+f.unit+"）")
			}
		}
		col += len(fields)
	}
	unitCol := col
	w.set(w.sheet, row, unitCol, "责任单位")
	if w.l.merged {
		w.merge(row, 1, row+1, 1)
		w.merge(row, unitCol, row+1, unitCol)
	}
	row += 2
	if unitRow {
		row++
	}
	var towns []string
	byTown := map[string]map[string]plan.Project{}
	for _, g := range a.Groups {
		for _, p := range g.Projects {
			if byTown[p.Site] == nil {
				towns = append(towns, p.Site)
				byTown[p.Site] = map[string]plan.Project{}
			}
			byTown[p.Site][g.Title] = p
		}
	}
	for _, t := range towns {
		name := w.set(w.sheet, row, 1, t)
		var unitCell Cell
		col := 2
		for _, g := range a.Groups {
			p, ok := byTown[t][g.Title]
			if !ok {
				col += len(fields)
				continue
			}
			lp := LayoutProject{Project: p, Annex: a.Number, Cells: map[string]Cell{FieldName: name, FieldSite: name}}
			for i, f := range fields {
				var v any
				switch f.field {
				case FieldFloorArea:
					v = w.figure(p.FloorArea, "平方米")
				case FieldLand:
					v = w.figure(p.Land, "亩")
				case FieldInvestment:
					v = w.moneyText(p.Investment)
				case FieldFinish:
					if f.year != 0 && f.year != p.Finish.Date.Year {
						continue // no mark
					}
					v = []any{p.Finish.Date.Year, fmt.Sprintf("%d年", p.Finish.Date.Year)}[rng.IntN(2)]
					if f.year != 0 {
						v = []any{"√", "✓", "●", "○", 1, "是", f.year}[rng.IntN(7)]
					}
				}
				lp.Cells[f.field] = w.set(w.sheet, row, col+i, v)
			}
			lp.Cells[FieldStart] = lp.Cells[FieldFinish]
			if marks {
				lp.Start = model.PlanDate{} // a mark gives the finish only
			}
			unitCell = w.set(w.sheet, row, unitCol, p.Unit)
			lp.Cells[FieldUnit] = unitCell
			w.c.Projects = append(w.c.Projects, lp)
			col += len(fields)
		}
		row++
	}
	return row
}
