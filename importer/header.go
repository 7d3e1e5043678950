package importer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// role is what a column holds.
type role int

const (
	roleNone role = iota
	roleSeq
	roleCode
	roleName
	roleCategory
	roleSite
	roleContent
	roleInvestment
	roleFloorArea
	roleLand
	roleBeds
	roleStart
	roleFinish
	rolePeriod
	roleUnit
	roleStage
	roleNote
	roleActualStart
	roleActualFinish
	roleForecast
	rolePercent
	roleInvestDone
	roleProblems
	roleReportDate
	rolePayDate
	rolePayAmount
	roleVoucher
	roleSource
	roleYear
	roleBudgetAmount
	roleAllocAmount   // 下达金额
	roleAllocDate     // 下达日期
	roleReceiptAmount // 到位金额
	roleReceiptDate   // 到位日期
	roleDocNo         // 文号 of an allocation
	roleTask
	roleYearTarget
	roleDate  // a bare 日期: the payment's in a ledger, the return's in a progress return
	roleOther // a known column nobody asked for (负责人, 电话)
)

// synonyms maps header words to roles. A header equal to a word takes
// its role; otherwise the longest word the header contains decides (项目
// 建设地点 is a site, 实际开工时间 not a planned start), ties going to the
// earlier rule (占地面积 is land, not floor area).
type synonym struct {
	role  role
	words []string
}

var synonyms = []synonym{
	{roleOther, []string{"负责人", "联系人", "电话", "联系方式", "本月完成", "当月完成", "本年完成", "项目性质", "建设性质", "性质", "配合单位", "协办单位", "参与单位"}},
	{roleActualStart, []string{"实际开工"}},
	{roleActualFinish, []string{"实际完工", "实际竣工", "实际完成时间"}},
	{roleForecast, []string{"预计完工", "预计竣工", "预计完成时间"}},
	{rolePercent, []string{"形象进度", "完成进度", "工程进度", "进度", "完成比例", "完成率"}},
	{roleInvestDone, []string{"累计完成投资", "完成投资", "累计投资", "累计完成"}},
	{roleProblems, []string{"存在问题", "存在的问题", "问题"}},
	{roleReportDate, []string{"填报日期", "填报时间", "报告日期", "统计日期"}},
	{rolePayDate, []string{"拨付日期", "拨款日期", "拨付时间", "支付日期"}},
	{rolePayAmount, []string{"拨付金额", "拨款金额", "拨付资金", "支付金额", "拨付", "拨款"}},
	{roleVoucher, []string{"凭证"}},
	{roleSource, []string{"资金来源", "资金渠道", "资金性质"}},
	{roleBudgetAmount, []string{"预算金额", "计划金额", "预算资金", "年度预算"}},
	{roleAllocAmount, []string{"下达金额", "下达资金", "下达数", "下达"}},
	{roleAllocDate, []string{"下达日期", "下达时间"}},
	{roleReceiptAmount, []string{"到位金额", "到位资金", "到位数", "到位"}},
	{roleReceiptDate, []string{"到位日期", "到位时间"}},
	{roleDocNo, []string{"文号", "下达文号", "文件号", "指标文号"}},
	{roleYear, []string{"年度", "年份"}},
	{roleTask, []string{"工作任务", "目标任务", "工作内容", "任务", "指标"}},
	{roleCode, []string{"项目编码", "项目代码", "项目编号", "编号", "编码", "代码"}},
	{roleCategory, []string{"项目类别", "类别", "项目类型", "类型", "项目分类"}},
	{roleName, []string{"项目名称", "建设项目", "工程名称", "项目", "名称"}},
	{roleSite, []string{"建设地点", "建设地址", "建设位置", "地点", "地址", "乡镇", "所在乡镇", "乡镇街道"}},
	{roleStage, []string{"前期手续", "主体完工", "竣工验收", "投入使用", "交付使用", "主体封顶"}},
	{rolePeriod, []string{"起止", "建设年限", "建设期限", "建设周期", "建设时间", "实施年限", "建设年度", "实施年度", "开竣工", "建设期", "建设时限", "实施期限"}},
	{roleStart, []string{"开工"}},
	{roleFinish, []string{"完工", "竣工", "完成时间", "完成时限", "建成", "计划完成"}},
	{roleContent, []string{"内容", "规模"}},
	{roleInvestment, []string{"投资", "经费", "资金", "概算", "金额"}},
	{roleLand, []string{"占地", "用地"}},
	{roleFloorArea, []string{"面积"}},
	{roleBeds, []string{"床位"}},
	{roleUnit, []string{"责任单位", "牵头单位", "实施单位", "主体单位", "建设单位", "业主单位", "项目业主", "项目单位", "单位名称", "业主", "单位"}},
	{roleSeq, []string{"序号"}},
	{roleNote, []string{"备注", "说明"}},
	{roleDate, []string{"日期"}}, // last: 开工日期 is a start
}

var (
	reParen      = regexp.MustCompile(`[(\[【〔][^)\]】〕]*[)\]】〕]`)
	reYearTarget = regexp.MustCompile(`^(\d{4})年?(?:度)?(?:目标|目标值|任务|指标|建设|实施|完成|建成)?$`)
	reDigit      = regexp.MustCompile(`\d`)
)

// headerKey is a header's text without units, brackets or white space.
func headerKey(text string) string {
	s := reParen.ReplaceAllString(clean(text), "")
	if i := strings.Index(s, "单位:"); i > 0 {
		s = s[:i]
	}
	return s
}

// roleOf maps a header text to a role; year is set for yearly target
// columns (2017年目标).
func roleOf(text string) (r role, year int) {
	key := headerKey(text)
	if key == "" || strings.Contains(clean(text), "大写") || reUnitLine.MatchString(clean(text)) {
		return roleNone, 0 // 金额（大写）: the amount in words beside the figure; 单位：元 names a unit
	}
	if m := reYearTarget.FindStringSubmatch(key); m != nil {
		y, _ := strconv.Atoi(m[1])
		return roleYearTarget, y
	}
	if reDigit.MatchString(key) || len([]rune(key)) > 16 {
		return roleNone, 0
	}
	best, bestLen := roleNone, 0
	for _, s := range synonyms {
		if slices.Contains(s.words, key) {
			best, bestLen = s.role, len(key)
			break
		}
	}
	for _, s := range synonyms {
		for _, w := range s.words {
			if len(w) > bestLen && strings.Contains(key, w) {
				best, bestLen = s.role, len(w)
			}
		}
	}
	if best == roleOther {
		return roleNone, 0
	}
	return best, 0
}

// figureUnits are the units that, written in a 规模 header, make it a
// figure column: 建设规模（平方米） holds floor areas.
var figureUnits = []struct {
	role  role
	words []string
}{
	{roleFloorArea, []string{"平方米", "平米", "m2", "m²"}},
	{roleLand, []string{"亩", "公顷"}},
	{roleBeds, []string{"张", "床"}},
}

// figureRole refines a content column whose header names a unit.
func figureRole(r role, text string) role {
	if r != roleContent {
		return r
	}
	s := clean(text)
	for _, u := range figureUnits {
		for _, w := range u.words {
			if strings.Contains(s, w) {
				return u.role
			}
		}
	}
	return r
}

// isTotal reports whether an amount header names the whole (总投资,
// 投资总额, 合计) rather than a part or a year's share.
func isTotal(header string) bool {
	return strings.Contains(header, "总") || strings.Contains(header, "合计")
}

// unitOf returns the money unit a header names (亿元, 万元, 元).
func unitOf(text string) (model.Money, bool) {
	s := clean(text)
	for _, m := range moneySuffixes {
		if strings.Contains(s, m.text) {
			return m.unit, true
		}
	}
	return 0, false
}

// column is one recognised column of a table.
type column struct {
	idx    int    // 0-based
	letter string // A, B, …
	header string // as the sheet writes it, white space removed
	role   role
	unit   model.Money // for amounts
	year   int         // for yearly targets and build-year marks
	stage  string      // for stage columns
	group  string      // the header's texts of every row, joined (建设年度2017年)
	kind   string      // the facility kind of a wide layout's column group (农村公益性公墓)
	// qty is the area unit of a floor area or land column, from its
	// header (unitNone: the cells say, else the stored unit);
	// converted is set once a conversion from it has been reported.
	qty       qtyUnit
	converted bool
}

// header is the recognised header of one table.
type header struct {
	row    int // the last header row (Excel number)
	first  map[role]*column
	stages []*column
	years  []*column
	// others are further columns of a quantity in another unit
	// (占地（平方米） beside 占地（亩）): checked against the first.
	others map[role][]*column
	// each are the columns of a figure of each site (每个占地（亩）), for
	// rows that list several sites in one cell.
	each map[role]*column
	unit model.Money // from a 单位：万元 line, else 万元
	// kinds are the column groups of a wide layout, one per facility
	// kind (农村公益性公墓 | 集中治丧服务点), each a header of its own.
	kinds    []*header
	facility string // the facility kind of such a group
}

func (h *header) has(r role) bool { return h.first[r] != nil }

// adopt lets the column of role from stand for role r when the table has
// none of its own and the column's header passes ok (nil: any).
func (h *header) adopt(r, from role, ok func(header string) bool) {
	if c := h.first[from]; c != nil && h.first[r] == nil && (ok == nil || ok(c.header)) {
		h.first[r] = c
	}
}

// at returns the column read from sheet column idx (0-based), nil when
// none is.
func (h *header) at(idx int) *column {
	for _, c := range h.first {
		if c.idx == idx {
			return c
		}
	}
	for _, c := range h.each {
		if c.idx == idx {
			return c
		}
	}
	for _, c := range slices.Concat(h.stages, h.years) {
		if c.idx == idx {
			return c
		}
	}
	return nil
}

// figureRoles are the columns that hold amounts and counts.
var figureRoles = []role{roleInvestment, roleFloorArea, roleLand, roleBeds, roleInvestDone, rolePayAmount, roleBudgetAmount, roleAllocAmount, roleReceiptAmount, rolePercent, roleYearTarget}

// headerHints are words without which a row cannot be a header; they let
// data rows skip the full check cheaply.
var headerHints = []string{"名称", "项目", "任务", "编号", "编码", "代码", "指标", "工作内容"}

// isHeader reports whether a row looks like a table header: it names a
// project (or a task) and at least two other known columns (or one, when
// nothing else is written in the row), and holds no figure.
func isHeader(cells []string) bool {
	hinted := false
	for _, c := range cells {
		if len(c) > 64 {
			continue
		}
		for _, w := range headerHints {
			if strings.Contains(c, w) {
				hinted = true
			}
		}
	}
	if !hinted {
		return isWideTop(cells)
	}
	seen, unknown := map[role]bool{}, 0
	for _, c := range cells {
		if r, _ := roleOf(c); r != roleNone {
			seen[r] = true
		} else if _, ok, _ := parseNumber(c); ok {
			return false
		} else if clean(c) != "" {
			unknown++
		}
	}
	return (seen[roleName] || seen[roleCode] || seen[roleTask]) && (len(seen) >= 3 || len(seen) == 2 && unknown == 0) || isWideTop(cells)
}

// splitHeader returns the header whose words are split over rows top and
// bottom without merged cells ("项目" over "名称", "总投资" over "（万元）"),
// or nil when the rows are not one: joined, they must be a header that
// names more columns exactly, word for word, than either row does.
func splitHeader(top, bottom []string) []string {
	j := joinHeader(top, bottom)
	if j == nil || !isHeader(j) || exactNames(j) <= max(exactNames(top), exactNames(bottom)) {
		return nil
	}
	return j
}

// joinHeader joins the texts of two rows column by column; nil unless
// each row has two texts or more.
func joinHeader(top, bottom []string) []string {
	texts := func(cells []string) int {
		return len(slices.DeleteFunc(slices.Clone(cells), func(c string) bool { return clean(c) == "" }))
	}
	if texts(top) < 2 || texts(bottom) < 2 {
		return nil
	}
	joined := make([]string, max(len(top), len(bottom)))
	for i := range joined {
		if i < len(top) {
			joined[i] = clean(top[i])
		}
		if i < len(bottom) {
			joined[i] += clean(bottom[i])
		}
	}
	return joined
}

// exactNames counts the cells that are, word for word, a known column
// name.
func exactNames(cells []string) int {
	n := 0
	for _, c := range cells {
		key := headerKey(c)
		if key != "" && slices.ContainsFunc(synonyms, func(s synonym) bool { return slices.Contains(s.words, key) }) {
			n++
		}
	}
	return n
}

// isSubHeader reports whether row continues the header rows above it
// on a further row: it names no project, holds no figure, and either
// names a known column or has several texts (合计 / 中央 / 地方 under
// 总投资). A lone text is a group row (一、养老服务中心), not a header.
func isSubHeader(above [][]string, row []string) bool {
	named, texts := false, 0
	for i, c := range row {
		s := clean(c)
		if s == "" {
			continue
		}
		texts++
		if r, _ := roleOf(c); r != roleNone {
			named = true
		} else if _, ok, _ := parseNumber(c); ok {
			return false
		}
		for _, top := range above {
			if i < len(top) {
				if r, _ := roleOf(top[i]); r == roleName || r == roleCode || r == roleSite && isWideTop(top) {
					return false // a township under a wide layout's 乡镇
				}
			}
		}
	}
	return named || texts >= 2
}

// reUnitCell is a cell of a header row that holds only units.
var reUnitCell = regexp.MustCompile(`^[(\[【〔]?(?:单位[:：])?(?:平方米|平米|m2|万平方米|亩|公顷|万元|元|亿元|张|床|个|处|%|年|月|年月|年\.月)[)\]】〕]?$`)

// isUnitRow reports whether a row holds only units ((平方米) (亩) (万元)),
// under the names of a header.
func isUnitRow(row []string) bool {
	texts := 0
	for _, c := range row {
		if s := clean(c); s != "" {
			if !reUnitCell.MatchString(s) {
				return false
			}
			texts++
		}
	}
	return texts > 0
}

// buildHeader assigns roles to the columns of a header of one to four
// rows. A merged cell's text sits in its top-left cell only, so a blank
// cell over a named cell belongs to the group on its left (建设规模 over
// 建筑面积 / 占地 / 床位) when the cell above it does too, and a blank cell
// under a named one is that cell merged downwards. A column's name is
// its lowest text, or that text joined to the groups above it
// (建设规模 + (平方米)), whichever first names a role.
func buildHeader(rows [][]string, row int, tableUnit model.Money) *header {
	h := &header{row: row, first: map[role]*column{}, unit: tableUnit}
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	cell := func(cells []string, i int) string {
		if i < len(cells) {
			return clean(cells[i])
		}
		return ""
	}
	groups := make([]string, len(rows))
	var cols []*column
	for i := 0; i < n; i++ {
		texts := make([]string, len(rows))
		deepest := -1
		for l := range rows {
			if texts[l] = cell(rows[l], i); texts[l] != "" {
				deepest = l
			}
		}
		parts := make([]string, len(rows))
		inherited := true
		for l := range rows {
			switch {
			case texts[l] != "":
				groups[l] = texts[l]
				clear(groups[l+1:])
				parts[l], inherited = texts[l], false
			case l < deepest && inherited:
				parts[l] = groups[l] // under a group merged across from the left
			default:
				groups[l] = ""
			}
		}
		if deepest < 0 {
			continue
		}
		text, r, year := "", roleNone, 0
		for j := deepest; j >= 0 && r == roleNone; j-- {
			if parts[j] == "" && j < deepest {
				continue
			}
			text = strings.Join(parts[j:deepest+1], "")
			r, year = roleOf(text)
		}
		all := strings.Join(parts, "")
		r = figureRole(r, all)
		if r == roleNone {
			continue
		}
		name, _ := excelize.ColumnNumberToName(i + 1)
		c := &column{idx: i, letter: name, header: text, role: r, year: year, unit: tableUnit, group: all}
		if u, ok := unitOf(text); ok {
			c.unit = u
		} else if u, ok := unitOf(all); ok {
			c.unit = u
		}
		if r == roleFloorArea || r == roleLand {
			c.qty = areaUnitIn(text)
			if c.qty == unitNone {
				c.qty = areaUnitIn(all)
			}
			if c.qty == unitMu {
				r, c.role = roleLand, roleLand // 面积（亩） is land
			}
		}
		c.kind = kindOf(parts[:deepest])
		cols = append(cols, c)
	}
	var kinds []string
	named := false
	for _, c := range cols {
		if c.kind != "" && !slices.Contains(kinds, c.kind) {
			kinds = append(kinds, c.kind)
		}
		named = named || c.kind == "" && c.role == roleName
	}
	for _, c := range cols {
		switch {
		case c.kind == "" || len(kinds) < 2 && named:
			c.kind = "" // one kind in a table of named projects: a group like any
			h.file(c)
		default:
			h.kindHeader(c.kind).file(c)
		}
	}
	return h
}

// file gives column c its place in the header.
func (h *header) file(c *column) {
	r := c.role
	if slices.Contains(figures, r) && isEach(c.group) {
		if h.each == nil {
			h.each = map[role]*column{}
		}
		if h.each[r] == nil {
			h.each[r] = c
		}
		return
	}
	switch r {
	case roleStage:
		c.stage = strings.TrimSuffix(strings.TrimSuffix(headerKey(c.header), "时间"), "日期")
		h.stages = append(h.stages, c)
	case roleYearTarget:
		h.years = append(h.years, c)
	case roleFloorArea, roleLand:
		h.addQuantity(c)
	default:
		if h.first[r] == nil || r == roleInvestment && isTotal(c.header) && !isTotal(h.first[r].header) {
			h.first[r] = c // 总投资 over 年度计划投资, wherever it stands
		}
	}
}

// addQuantity files a floor area or land column: the first in the unit
// the project stores reads the value, the others check it.
func (h *header) addQuantity(c *column) {
	r, first := c.role, h.first[c.role]
	if first == nil {
		h.first[r] = c
		return
	}
	if h.others == nil {
		h.others = map[role][]*column{}
	}
	inStored := func(c *column) bool { return c.qty == unitNone || c.qty == storedUnit(r) }
	if inStored(c) && !inStored(first) {
		h.first[r], c = c, first
	}
	h.others[r] = append(h.others[r], c)
}

// planColumns are the columns that make a table with yearly columns a
// list of buildings rather than of yearly targets.
var planColumns = []role{roleInvestment, roleStart, roleFinish, rolePeriod, roleFloorArea, roleLand, roleBeds, roleSite}

// kind decides what a table is from its columns. A table of yearly
// targets (工作任务 / 2017年 / 2018年 / 2019年) is an indicator table, also
// when its first column is headed 项目 rather than 任务; the named
// column then holds the task.
func (h *header) kind() (k Kind, indicator bool) {
	switch {
	case h.has(roleTask) && len(h.years) > 0 && !h.has(roleInvestment) && !h.has(roleStart) && !h.has(rolePeriod):
		return KindPlan, true
	case h.has(roleName) && len(h.years) > 0 && !slices.ContainsFunc(planColumns, h.has) && len(h.stages) == 0:
		h.first[roleTask] = h.first[roleName]
		delete(h.first, roleName)
		return KindPlan, true
	case h.has(roleVoucher) || h.has(rolePayDate) || h.has(rolePayAmount) || h.has(roleAllocAmount) || h.has(roleReceiptAmount):
		return KindLedger, false
	case h.has(roleActualStart) || h.has(roleActualFinish) || h.has(rolePercent) || h.has(roleInvestDone):
		return KindProgress, false
	case h.has(roleBudgetAmount) || (h.has(roleYear) && h.has(roleSource)):
		return KindBudget, false
	}
	return KindPlan, false
}
