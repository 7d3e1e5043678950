package plan

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// sheet writes cells of one worksheet, keeping the first error.
type sheet struct {
	f    *excelize.File
	name string
	err  error
}

func (s *sheet) cell(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	s.keep(err)
	return c
}

func (s *sheet) keep(err error) {
	if s.err == nil {
		s.err = err
	}
}

// set writes v into (col, row): text, an int (blank when 0), an amount
// in 万元 written exactly as a number, or a date cell with style.
func (s *sheet) set(col, row int, v any) {
	c := s.cell(col, row)
	switch v := v.(type) {
	case int:
		if v != 0 {
			s.keep(s.f.SetCellInt(s.name, c, int64(v)))
		}
	case model.Money:
		s.keep(s.f.SetCellDefault(s.name, c, v.WanString()))
	case string:
		if v != "" {
			s.keep(s.f.SetCellStr(s.name, c, v))
		}
	default:
		s.keep(fmt.Errorf("plan: cannot write %T", v))
	}
}

// date writes d as a real Excel date cell with style st, blank when zero.
func (s *sheet) date(col, row int, d model.Date, st int) {
	if d.IsZero() {
		return
	}
	c := s.cell(col, row)
	s.keep(s.f.SetCellValue(s.name, c, d.Time()))
	s.keep(s.f.SetCellStyle(s.name, c, c, st))
}

func (s *sheet) merge(c1, r1, c2, r2 int) {
	s.keep(s.f.MergeCell(s.name, s.cell(c1, r1), s.cell(c2, r2)))
}

func (s *sheet) widths(ws ...float64) {
	for i, w := range ws {
		c, err := excelize.ColumnNumberToName(i + 1)
		s.keep(err)
		s.keep(s.f.SetColWidth(s.name, c, c, w))
	}
}

// row writes vs from column 1 of row r.
func (s *sheet) row(r int, vs ...any) {
	for i, v := range vs {
		s.set(i+1, r, v)
	}
}

// newSheet adds (or, for the first, renames) a worksheet.
func newSheet(f *excelize.File, name string, first bool) *sheet {
	s := &sheet{f: f, name: name}
	if first {
		s.keep(f.SetSheetName(f.GetSheetName(0), name))
	} else {
		_, err := f.NewSheet(name)
		s.keep(err)
	}
	return s
}

func finish(f *excelize.File, sheets ...*sheet) ([]byte, error) {
	for _, s := range sheets {
		if s.err != nil {
			return nil, s.err
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), f.Close()
}

var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// Annex columns, left to right.
const (
	colSeq = iota + 1
	colName
	colSite
	colContent
	colArea
	colLand
	colBeds
	colInvestment
	colStart
	colFinish
	colUnit
	annexCols = colUnit
)

// annexSheet writes one capital annex the way the county office typed it:
// title, units line, a two-row merged header, group rows, 小计 rows
// carrying the plan's own stated subtotals, a 合计 row and a footnote.
func annexSheet(s *sheet, a Annex) {
	s.set(1, 1, a.Title)
	s.merge(1, 1, annexCols, 1)
	s.set(1, 2, "单位：万元")
	s.merge(1, 2, annexCols, 2)
	s.row(3, "序号", "项目名称", "建设地点", "建设内容", "建设规模", "", "", "计划总投资（万元）", "建设年限", "", "责任单位")
	s.row(4, "", "", "", "", "建筑面积（平方米）", "占地（亩）", "床位（张）", "", "开工", "完工", "")
	for _, c := range []int{colSeq, colName, colSite, colContent, colInvestment, colUnit} {
		s.merge(c, 3, c, 4)
	}
	s.merge(colArea, 3, colBeds, 3)
	s.merge(colStart, 3, colFinish, 3)
	s.widths(6, 34, 18, 40, 12, 10, 10, 14, 12, 12, 18)

	r, seq := 5, 0
	var total Totals
	var totalBeds int
	for gi, g := range a.Groups {
		s.set(colName, r, chineseNumerals[gi]+"、"+g.Title)
		r++
		var sum Totals
		var beds int
		for _, p := range g.Projects {
			seq++
			s.row(r, strconv.Itoa(seq), p.Name, p.Site, p.Content, p.FloorArea, p.Land, p.Beds, p.Investment, p.Start.String(), p.Finish.String(), p.Unit)
			sum.FloorArea += p.FloorArea
			sum.Land += p.Land
			sum.Investment += p.Investment
			beds += p.Beds
			r++
		}
		if g.Stated != nil {
			sum = *g.Stated
		}
		if len(g.Projects) > 1 {
			s.set(colName, r, "小计")
			s.set(colArea, r, sum.FloorArea)
			s.set(colLand, r, sum.Land)
			s.set(colBeds, r, beds)
			s.set(colInvestment, r, sum.Investment)
			r++
		}
		total.FloorArea += sum.FloorArea
		total.Land += sum.Land
		total.Investment += sum.Investment
		totalBeds += beds
	}
	s.set(colName, r, "合计")
	s.set(colArea, r, total.FloorArea)
	s.set(colLand, r, total.Land)
	s.set(colBeds, r, totalBeds)
	s.set(colInvestment, r, total.Investment)
	s.set(1, r+1, "注：建设年限只写年份的，指在该年内建成；建设规模空白的，方案未作规定。")
	s.merge(1, r+1, annexCols, r+1)
}

// indicatorSheet writes annex 2: one row per task, one column per year.
func indicatorSheet(s *sheet) {
	s.set(1, 1, Annex2Title)
	s.merge(1, 1, 6, 1)
	s.row(2, "序号", "工作任务", "2017年", "2018年", "2019年", "责任单位")
	s.widths(6, 48, 12, 12, 12, 14)
	for i, ind := range Annex2() {
		s.row(i+3, strconv.Itoa(i+1), ind.Task, ind.Targets[2017], ind.Targets[2018], ind.Targets[2019], ind.Unit)
	}
}

// AnnexWorkbook builds the plan's annex workbook: sheets 附件1, 附件2 and
// 附件3.
func AnnexWorkbook() ([]byte, error) {
	f := excelize.NewFile()
	a1 := newSheet(f, "附件1", true)
	annexSheet(a1, Annex1())
	a2 := newSheet(f, "附件2", false)
	indicatorSheet(a2)
	a3 := newSheet(f, "附件3", false)
	annexSheet(a3, Annex3())
	return finish(f, a1, a2, a3)
}

// dateStyle is the number format offices give date cells.
func dateStyle(f *excelize.File) (int, error) {
	format := `yyyy"年"m"月"d"日"`
	return f.NewStyle(&excelize.Style{CustomNumFmt: &format})
}

// ProgressWorkbook builds the demo monthly progress returns (进度月报),
// one sheet per return, each dated in its title, with real date cells.
func ProgressWorkbook() ([]byte, error) {
	f := excelize.NewFile()
	st, err := dateStyle(f)
	if err != nil {
		return nil, err
	}
	units := map[string]string{}
	for _, p := range Projects() {
		units[p.Name] = p.Unit
	}
	var sheets []*sheet
	for i, d := range Returns() {
		s := newSheet(f, fmt.Sprintf("%d年%d月", d.Year, int(d.Month)), i == 0)
		sheets = append(sheets, s)
		s.set(1, 1, "沿河自治县民生保障工程项目建设进度月报")
		s.merge(1, 1, 10, 1)
		s.set(1, 2, fmt.Sprintf("填报单位：县民政局　　截至%d年%d月%d日", d.Year, int(d.Month), d.Day))
		s.merge(1, 2, 10, 2)
		s.row(3, "序号", "项目名称", "责任单位", "实际开工时间", "实际完工时间", "形象进度（%）", "预计完工时间", "累计完成投资（万元）", "存在问题", "备注")
		s.widths(6, 34, 18, 16, 16, 12, 16, 16, 48, 10)
		for i, g := range Return(d) {
			r := i + 4
			s.row(r, strconv.Itoa(i+1), g.Name, units[g.Name])
			s.date(4, r, g.ActualStart, st)
			s.date(5, r, g.ActualFinish, st)
			s.keep(f.SetCellInt(s.name, s.cell(6, r), int64(g.Percent)))
			s.date(7, r, g.Forecast, st)
			s.set(8, r, g.Done)
			s.set(9, r, g.Problems)
		}
	}
	return finish(f, sheets...)
}

// LedgerWorkbook builds finance's demo disbursement ledger (资金拨付台账).
func LedgerWorkbook() ([]byte, error) {
	f := excelize.NewFile()
	s := newSheet(f, "资金拨付台账", true)
	s.set(1, 1, "沿河自治县民生保障工程资金拨付台账")
	s.merge(1, 1, 7, 1)
	s.set(1, 2, "单位：万元")
	s.merge(1, 2, 7, 2)
	s.row(3, "序号", "拨付日期", "项目名称", "资金来源", "拨付金额（万元）", "凭证号", "备注")
	s.widths(6, 12, 34, 18, 12, 14, 28)
	for i, p := range Ledger() {
		d := fmt.Sprintf("%d.%02d.%02d", p.Date.Year, int(p.Date.Month), p.Date.Day)
		s.row(i+4, strconv.Itoa(i+1), d, p.Project, p.Source, p.Amount, p.Voucher, p.Note)
	}
	return finish(f, s)
}

// Workbooks maps the file name of each sample workbook to its builder.
func Workbooks() map[string]func() ([]byte, error) {
	return map[string]func() ([]byte, error){
		"annexes.xlsx":  AnnexWorkbook,
		"progress.xlsx": ProgressWorkbook,
		"ledger.xlsx":   LedgerWorkbook,
	}
}
