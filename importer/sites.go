package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"golang.org/x/text/unicode/norm"
)

// A row may stand for several identical facilities, listing their sites
// in one cell (官舟镇、谯家镇、洪渡镇), or naming one and counting the rest
// (官舟镇等3个乡镇) with the list in the 备注 column. Such a row becomes one
// project per site, named as the plan names them (官舟镇农村公益性公墓),
// each with the figures of one site where the header or the cell gives
// them (每个占地（亩）, 每个20亩); else the row's totals are divided evenly,
// exactly or not at all. Totals beside per-site figures are checked.

var (
	reSiteSep = regexp.MustCompile(`[、，,；;/／]|\s+`)
	// reEtc names some sites and counts them all: 官舟镇等3个乡镇.
	reEtc = regexp.MustCompile(`^(.+?)等(\d+|[一二三四五六七八九十]+)(?:个|处)(?:乡镇|乡|镇|街道|地点|乡镇\(街道\))?$`)
	// reListIntro is the words before a list of sites in a note.
	reListIntro = regexp.MustCompile(`^.*[:：]|^(?:包括|分别为|分别是|即|为)`)
	// reEachPrefix is a figure of each site typed in its cell (每个20亩).
	reEachPrefix = regexp.MustCompile(`^(?:每个|每处|每所|每座|每点|单个|单处|各)(?:乡镇|点|地)?(?:\(街道\))?`)
	// reNameLead is what a row's name may start with that a site's
	// project name drops: 各乡镇, 新建.
	reNameLead = regexp.MustCompile(`^(?:各|每个)?乡镇(?:\(街道\))?|^(?:新建|建设|修建)`)
	reNameTail = regexp.MustCompile(`[(（]?(?:\d+|[一二三四五六七八九十]+)(?:个|处|所)[)）]?$`)
	eachWords  = []string{"每个", "每处", "每所", "每座", "每点", "单个", "单处", "每一"}
)

// isEach reports whether a header names the figure of each site.
func isEach(header string) bool {
	return slices.ContainsFunc(eachWords, func(w string) bool { return strings.Contains(header, w) })
}

// eachCells strips 每个 from the figure cells of a row that state each
// site's figure; prefixed lists their roles.
func (t *planTable) eachCells(cells []string) ([]string, map[role]bool) {
	var prefixed map[role]bool
	for _, r := range figures {
		c := t.h.first[r]
		raw := cellOf(cells, c)
		if !strings.ContainsAny(raw, "每单各") {
			continue // the common case, without cleaning the cell
		}
		loc := reEachPrefix.FindStringIndex(clean(raw))
		if loc == nil {
			continue
		}
		if prefixed == nil {
			prefixed = map[role]bool{}
			cells = slices.Clone(cells)
		}
		prefixed[r] = true
		cells[c.idx] = clean(raw)[loc[1]:]
	}
	return cells, prefixed
}

// siteFigures are the figures of one site a row gives, and the column
// each came from.
type siteFigures struct {
	p    model.Project
	cols map[role]*column
}

// perSite reads the figures of each site: from the 每个 columns, or from
// the row's own figure columns whose cells said 每个 (p's figures then
// being no totals), or from 建设内容 text that says 每个.
func (t *planTable) perSite(cells []string, n int, p *model.Project, prefixed map[role]bool, note func(string)) siteFigures {
	e := siteFigures{cols: map[role]*column{}}
	for r, c := range t.h.each {
		switch r {
		case roleInvestment:
			var s string
			e.p.Investment, s = t.moneyQualified(cells, c, n)
			note(s)
		case roleFloorArea, roleLand:
			v, s, _ := t.quantity(cells, c, n, storedUnit(r))
			note(s)
			setQuantity(&e.p, r, v)
		case roleBeds:
			e.p.Beds = t.beds(cells, c, n, note)
		}
		if _, ok := figureValue(&e.p, r); ok {
			e.cols[r] = c
		}
	}
	for _, r := range figures {
		fromContent := t.h.first[r] == nil && isEach(p.Content)
		if e.cols[r] != nil || !prefixed[r] && !fromContent {
			continue
		}
		if v, ok := figureValue(p, r); ok {
			setFigure(&e.p, r, v)
			e.cols[r] = t.h.first[r] // nil for the content's
			clearFigure(p, r)
		}
	}
	return e
}

func setQuantity(p *model.Project, r role, v decimal.NullDecimal) {
	if r == roleLand {
		p.Land = v
	} else {
		p.FloorArea = v
	}
}

// figureValue is a project's figure r: its investment in fen, its areas
// in their stored units, its beds.
func figureValue(p *model.Project, r role) (decimal.Decimal, bool) {
	switch r {
	case roleInvestment:
		if p.Investment != nil {
			return decimal.NewFromInt(int64(*p.Investment)), true
		}
	case roleFloorArea:
		return p.FloorArea.Decimal, p.FloorArea.Valid
	case roleLand:
		return p.Land.Decimal, p.Land.Valid
	case roleBeds:
		if p.Beds != nil {
			return decimal.NewFromInt(int64(*p.Beds)), true
		}
	}
	return decimal.Decimal{}, false
}

// setFigure sets a project's figure r as figureValue reads it.
func setFigure(p *model.Project, r role, v decimal.Decimal) {
	switch r {
	case roleInvestment:
		m := model.Money(v.IntPart())
		p.Investment = &m
	case roleFloorArea, roleLand:
		setQuantity(p, r, decimal.NewNullDecimal(v))
	case roleBeds:
		b := int(v.IntPart())
		p.Beds = &b
	}
}

func clearFigure(p *model.Project, r role) {
	switch r {
	case roleInvestment:
		p.Investment = nil
	case roleFloorArea, roleLand:
		setQuantity(p, r, decimal.NullDecimal{})
	case roleBeds:
		p.Beds = nil
	}
}

// figureText writes figure r as figureValue reads it, with its unit.
func figureText(r role, v decimal.Decimal) string {
	switch r {
	case roleInvestment:
		return model.Money(v.IntPart()).WanString() + " 万元"
	case roleFloorArea:
		return v.String() + " 平方米"
	case roleLand:
		return v.String() + " 亩"
	}
	return v.String() + " 张"
}

// figureName is how a message names figure r.
func (t *planTable) figureName(r role) string {
	if c := t.h.first[r]; c != nil {
		return "“" + c.header + "”"
	}
	return map[role]string{roleInvestment: "投资", roleFloorArea: "建筑面积", roleLand: "占地", roleBeds: "床位"}[r]
}

// divide splits v into k equal parts, exactly (money to the fen, beds
// whole) or not at all.
func divide(v decimal.Decimal, k int, r role) (decimal.Decimal, bool) {
	kd := decimal.NewFromInt(int64(k))
	if r == roleInvestment || r == roleBeds {
		return v.Div(kd).Truncate(0), v.Mod(kd).IsZero()
	}
	q := v.DivRound(kd, 12)
	return q, q.Mul(kd).Equal(v)
}

// bySite returns the projects row n stands for: p itself, or one per
// site it lists, each with the figures of one site.
func (t *planTable) bySite(cells []string, n int, p *model.Project, each siteFigures) []model.Project {
	sites, siteCol := t.sites(cells, n, p)
	k := max(1, len(sites))
	one := *p
	var divided []string
	for _, r := range figures {
		total, hasTotal := figureValue(p, r)
		if ec := each.cols[r]; ec != nil {
			per, _ := figureValue(&each.p, r)
			setFigure(&one, r, per)
			if c := t.h.first[r]; hasTotal && c != nil && c != ec {
				if sum := per.Mul(decimal.NewFromInt(int64(k))); !sum.Equal(total) {
					t.warnAt(n, c.letter, fmt.Sprintf("%s为 %s，按每个地点 %s × %d 个地点计算为 %s，两者不符；各项目已按每个地点 %s 导入，请核对",
						t.figureName(r), figureText(r, total), figureText(r, per), k, figureText(r, sum), figureText(r, per)))
				}
			}
			continue
		}
		if !hasTotal || k == 1 {
			continue
		}
		per, exact := divide(total, k, r)
		if !exact {
			col := siteCol
			if c := t.h.first[r]; c != nil {
				col = c.letter
			}
			t.failAt(n, col, fmt.Sprintf("%s %s 不能按 %d 个地点平均分开（%s）：请写明每个地点的数值（如“每个…”列），或按地点分行填写",
				t.figureName(r), figureText(r, total), k, map[bool]string{true: "精确到分", false: "除不尽"}[r == roleInvestment]))
			return []model.Project{*p}
		}
		setFigure(&one, r, per)
		divided = append(divided, fmt.Sprintf("%s每个 %s", t.figureName(r), figureText(r, per)))
	}
	if len(sites) < 2 {
		return []model.Project{one}
	}
	out := make([]model.Project, len(sites))
	names := make([]string, len(sites))
	for i, s := range sites {
		q := one
		q.Site, q.Township = s, model.TownshipOf(s)
		q.Name = siteProject(p.Name, q.Township)
		out[i], names[i] = q, q.Name
	}
	msg := fmt.Sprintf("本行列出 %d 个建设地点，已按地点分为 %d 个项目：%s", k, k, strings.Join(names, "、"))
	if len(divided) > 0 {
		msg += fmt.Sprintf("；本行未写每个地点的数值，已将合计平均分配（%s），请核对", strings.Join(divided, "，"))
	}
	t.warnAt(n, siteCol, msg)
	return out
}

// siteProject names the project of one township of a row named name, as
// the plan names them: 官舟镇农村公益性公墓.
func siteProject(name, township string) string {
	base := reNameTail.ReplaceAllString(reNameLead.ReplaceAllString(name, ""), "")
	if base == "" {
		base = name
	}
	return township + base
}

// sites returns the sites a row's site cell lists, nil when it names one
// (or names none it can tell apart from the others, which is refused at
// the cell), and the letter of the site column.
func (t *planTable) sites(cells []string, n int, p *model.Project) ([]string, string) {
	c := t.h.first[roleSite]
	if c == nil {
		return nil, ""
	}
	if !strings.ContainsAny(cellOf(cells, c), "、､﹑，,﹐；;﹔/／ \t\n\u3000等") {
		return nil, c.letter // one site: the common case, without normalising the cell
	}
	raw := strings.TrimSpace(norm.NFKC.String(cellOf(cells, c)))
	refuse := func(msg string) ([]string, string) {
		t.failAt(n, c.letter, fmt.Sprintf("“%s”的值“%s”%s", c.header, raw, msg))
		return nil, c.letter
	}
	var sites []string
	if m := reEtc.FindStringSubmatch(clean(raw)); m != nil {
		count, _ := strconv.Atoi(arabicNumerals(m[2]))
		named := siteItems(m[1])
		sites = listIn(t.text(cells, roleNote))
		if sites == nil {
			sites = listIn(p.Content)
		}
		if len(sites) != count || len(named) > len(sites) || !slices.Equal(named, sites[:len(named)]) {
			return refuse(fmt.Sprintf("只写出了 %d 个地点中的一部分，无法分清各地点的项目：请在备注中列出全部 %d 个地点（如 官舟镇、谯家镇、洪渡镇），或按地点分行填写", count, count))
		}
	} else if items := siteItems(raw); len(items) >= 2 && allPlaces(items) {
		sites = items
	}
	if len(sites) < 2 {
		return nil, c.letter
	}
	for i, s := range sites {
		if slices.Contains(sites[:i], s) {
			return refuse(fmt.Sprintf("中“%s”出现了两次，无法分清各地点的项目", s))
		}
	}
	if p.Code != "" {
		t.failAt(n, t.h.first[roleCode].letter, fmt.Sprintf("项目编码“%s”所在行列出了 %d 个建设地点：一个编码只能对应一个项目，请按地点分行填写各自的编码", p.Code, len(sites)))
		return nil, c.letter
	}
	return sites, c.letter
}

// siteItems splits a list of sites.
func siteItems(s string) []string {
	var out []string
	for _, x := range reSiteSep.Split(s, -1) {
		if x = clean(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// allPlaces reports whether each item starts with a township (镇, 乡,
// 街道).
func allPlaces(items []string) bool {
	return !slices.ContainsFunc(items, func(s string) bool { return model.TownshipOf(s) == "" })
}

// listIn reads a list of sites from a note (分别为官舟镇、谯家镇、洪渡镇。),
// each a township and nothing else; nil when it holds none.
func listIn(note string) []string {
	s := strings.TrimRight(clean(note), "。.")
	s = reListIntro.ReplaceAllString(s, "")
	items := siteItems(s)
	if len(items) < 2 || slices.ContainsFunc(items, func(s string) bool { return model.TownshipOf(s) != s }) {
		return nil
	}
	return items
}
