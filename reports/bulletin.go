package reports

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
)

// Bulletin is the monthly 通报 as of its month's last day: what an issue
// freezes (as JSON) and what the workbook and the printable page show.
type Bulletin struct {
	Month string          `json:"month"`
	AsOf  model.Date      `json:"as_of"`
	Pace  model.PaceLamps `json:"pace"`
	// Previous is the month of the issued 通报 compared with, "" when
	// there is none (then every late project is newly late).
	Previous    string                `json:"previous"`
	Units       []BulletinUnit        `json:"units"`
	Late        []BulletinProject     `json:"late"`
	NewlyLate   []BulletinProject     `json:"newly_late"`
	BackOnTrack []BulletinProject     `json:"back_on_track"`
	Raised      []BulletinSupervision `json:"raised"`
	Closed      []BulletinSupervision `json:"closed"`
	Funds       []BulletinFunds       `json:"funds"` // per unit, then the total ("合计")
}

// BulletinUnit is one responsible unit's line of the ranking: worst
// first, by red lamps, then yellow lamps, then overdue 督办.
type BulletinUnit struct {
	Rank        int    `json:"rank"`
	Unit        string `json:"unit"`
	Red         int    `json:"red"`
	Yellow      int    `json:"yellow"`
	Green       int    `json:"green"`
	Overdue     int    `json:"overdue_supervisions"`
	OpenSupervs int    `json:"open_supervisions"`
}

// BulletinProject is a project's lamp in the 通报 ("" lamp: none, as
// for a finished project).
type BulletinProject struct {
	ID         uint   `json:"id"`
	Code       string `json:"code"`
	Name       string `json:"name"`
	Unit       string `json:"unit"`
	Lamp       string `json:"lamp"`
	ElapsedPct string `json:"elapsed_pct"`
	Progress   string `json:"progress_pct"`
}

// BulletinSupervision is a 督办 raised or closed in the month.
type BulletinSupervision struct {
	ID       uint       `json:"id"`
	Project  string     `json:"project"`
	Unit     string     `json:"unit"`
	Reason   string     `json:"reason"`
	RaisedOn model.Date `json:"raised_on"`
	Due      model.Date `json:"due"`
	ClosedOn model.Date `json:"closed_on"`
}

// BulletinFunds is a unit's money: plan, paid by the month's end and in
// the month, in fen.
type BulletinFunds struct {
	Unit    string      `json:"unit"`
	Plan    model.Money `json:"plan_fen"`
	Spent   model.Money `json:"spent_fen"`
	InMonth model.Money `json:"in_month_fen"`
}

// Rate is spent ÷ plan in percent to two decimals, invalid without a
// plan.
func (f BulletinFunds) Rate() decimal.NullDecimal {
	if f.Plan <= 0 {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(decimal.NewFromInt(int64(f.Spent)).Mul(decimal.NewFromInt(100)).Div(decimal.NewFromInt(int64(f.Plan))).Round(2))
}

// BulletinSource is what the 通报 reads and writes.
type BulletinSource interface {
	Source
	Today() model.Date
	DateOf(t time.Time) model.Date
	ListSupervisions(ctx context.Context, f model.SupervisionFilter) ([]model.SupervisionView, int64, error)
	PreviousBulletin(ctx context.Context, month string) (model.Bulletin, bool, error)
	IssueBulletin(ctx context.Context, a model.Actor, month string, asOf model.Date, data []byte) (model.Bulletin, error)
	Bulletin(ctx context.Context, id uint) (model.Bulletin, error)
}

// BulletinMonth parses YYYY-MM and returns its first and last days.
func BulletinMonth(month string) (first, last model.Date, err error) {
	t, perr := time.Parse("2006-01", month)
	if perr != nil {
		return first, last, model.Errorf(model.EInvalid, "reports.BulletinMonth", "月份格式应为 YYYY-MM：%q", month)
	}
	first = model.DateOf(t)
	return first, model.NewDate(first.Year, first.Month+1, 0), nil
}

// BuildBulletin computes month's 通报 from db as of the month's last
// day, compared with the latest 通报 issued for an earlier month.
func BuildBulletin(ctx context.Context, db BulletinSource, month string) (Bulletin, error) {
	first, asOf, err := BulletinMonth(month)
	if err != nil {
		return Bulletin{}, err
	}
	b := Bulletin{Month: month, AsOf: asOf}
	data, err := db.ReportData(ctx, asOf)
	if err != nil {
		return b, err
	}
	b.Pace = data.Pace
	before, err := db.ReportData(ctx, first.AddDays(-1))
	if err != nil {
		return b, err
	}
	svs, _, err := db.ListSupervisions(ctx, model.SupervisionFilter{AsOf: asOf})
	if err != nil {
		return b, err
	}
	prevLate := map[uint]bool{}
	if prev, ok, err := db.PreviousBulletin(ctx, month); err != nil {
		return b, err
	} else if ok {
		var pb Bulletin
		if err := json.Unmarshal([]byte(prev.Data), &pb); err != nil {
			return b, model.Wrap("reports.BuildBulletin", err)
		}
		b.Previous = pb.Month
		for _, p := range pb.Late {
			prevLate[p.ID] = true
		}
	}

	units := map[string]*BulletinUnit{}
	unit := func(name string) *BulletinUnit {
		if units[name] == nil {
			units[name] = &BulletinUnit{Unit: name}
		}
		return units[name]
	}
	spentBefore := map[uint]model.Money{}
	for _, f := range before.Projects {
		spentBefore[f.Project.ID] = f.Spent
	}
	funds := map[string]*BulletinFunds{}
	var total BulletinFunds
	for _, f := range data.Projects {
		p := f.Project
		u := unit(p.ResponsibleUnit)
		fu := funds[p.ResponsibleUnit]
		if fu == nil {
			fu = &BulletinFunds{Unit: p.ResponsibleUnit}
			funds[p.ResponsibleUnit] = fu
		}
		fu.Plan += f.Plan
		fu.Spent += f.Spent
		fu.InMonth += f.Spent - spentBefore[p.ID]
		bp := BulletinProject{ID: p.ID, Code: p.Code, Name: p.Name, Unit: p.ResponsibleUnit}
		if pace := f.Pace; pace != nil {
			bp.Lamp, bp.ElapsedPct, bp.Progress = pace.Lamp, pace.ElapsedText(), pace.ProgressText()
			switch pace.Lamp {
			case model.LampRed:
				u.Red++
			case model.LampYellow:
				u.Yellow++
			default:
				u.Green++
			}
		}
		late := bp.Lamp == model.LampRed || bp.Lamp == model.LampYellow
		switch {
		case late:
			b.Late = append(b.Late, bp)
			if !prevLate[p.ID] {
				b.NewlyLate = append(b.NewlyLate, bp)
			}
		case prevLate[p.ID]:
			b.BackOnTrack = append(b.BackOnTrack, bp)
		}
	}
	for _, v := range svs {
		raised, closed := db.DateOf(v.RaisedAt), model.Date{}
		if v.ClosedAt != nil {
			closed = db.DateOf(*v.ClosedAt)
		}
		u := unit(v.ResponsibleUnit)
		if v.Status != model.SupervisionClosed {
			u.OpenSupervs++
		}
		if v.Overdue {
			u.Overdue++
		}
		bs := BulletinSupervision{ID: v.ID, Project: v.ProjectName, Unit: v.ResponsibleUnit, Reason: v.Reason, RaisedOn: raised, Due: v.Due, ClosedOn: closed}
		if !raised.Before(first) {
			b.Raised = append(b.Raised, bs)
		}
		if !closed.IsZero() && !closed.Before(first) {
			b.Closed = append(b.Closed, bs)
		}
	}
	slices.SortFunc(b.Raised, func(x, y BulletinSupervision) int { return cmp.Compare(x.ID, y.ID) })
	slices.SortFunc(b.Closed, func(x, y BulletinSupervision) int { return cmp.Compare(x.ID, y.ID) })
	for _, u := range units {
		b.Units = append(b.Units, *u)
	}
	slices.SortFunc(b.Units, func(x, y BulletinUnit) int {
		return cmp.Or(-cmp.Compare(x.Red, y.Red), -cmp.Compare(x.Yellow, y.Yellow), -cmp.Compare(x.Overdue, y.Overdue), cmp.Compare(x.Unit, y.Unit))
	})
	for i := range b.Units {
		b.Units[i].Rank = i + 1
	}
	for _, f := range funds {
		b.Funds = append(b.Funds, *f)
		total.Plan, total.Spent, total.InMonth = total.Plan+f.Plan, total.Spent+f.Spent, total.InMonth+f.InMonth
	}
	slices.SortFunc(b.Funds, func(x, y BulletinFunds) int { return cmp.Compare(x.Unit, y.Unit) })
	total.Unit = "合计"
	b.Funds = append(b.Funds, total)
	return b, nil
}

// IssueBulletin builds month's 通报 and freezes it in db.
func IssueBulletin(ctx context.Context, db BulletinSource, a model.Actor, month string) (model.Bulletin, error) {
	b, err := BuildBulletin(ctx, db, month)
	if err != nil {
		return model.Bulletin{}, err
	}
	if !b.AsOf.Before(db.Today()) {
		return model.Bulletin{}, model.Errorf(model.EInvalid, "reports.IssueBulletin", "%s 尚未结束，只能生成草稿，不能印发", month)
	}
	data, err := json.Marshal(b)
	if err != nil {
		return model.Bulletin{}, model.Wrap("reports.IssueBulletin", err)
	}
	return db.IssueBulletin(ctx, a, month, b.AsOf, data)
}

// IssuedBulletin is an issued 通报's frozen figures and its edition
// (1, or the number of a corrected re-issue) and whether a later edition
// supersedes it.
type IssuedBulletin struct {
	Bulletin
	Edition    int
	Superseded bool
	IssuedAt   time.Time
}

// LoadBulletin returns issued 通报 id's frozen figures.
func LoadBulletin(ctx context.Context, db BulletinSource, id uint) (IssuedBulletin, error) {
	row, err := db.Bulletin(ctx, id)
	if err != nil {
		return IssuedBulletin{}, err
	}
	out := IssuedBulletin{Edition: row.Edition, Superseded: row.SupersededBy != nil, IssuedAt: row.IssuedAt}
	if err := json.Unmarshal([]byte(row.Data), &out.Bulletin); err != nil {
		return out, model.Wrap("reports.LoadBulletin", err)
	}
	return out, nil
}

// BulletinTitle is the title of month's 通报 of an edition (0: a draft).
func BulletinTitle(month string, edition int) string {
	first, _, _ := BulletinMonth(month)
	t := fmt.Sprintf("%d年%d月民生工程项目推进情况通报", first.Year, int(first.Month))
	switch {
	case edition == 0:
		return t + "（草稿）"
	case edition > 1:
		return fmt.Sprintf("%s（更正版·第%d版）", t, edition)
	}
	return t
}

// WriteBulletin writes b as a workbook titled for its edition (0: a
// draft): 单位排名, 滞后变化, 督办情况 and 资金情况. It depends on b alone,
// so an issued 通报 downloads the same however the data moved on.
func WriteBulletin(w io.Writer, b Bulletin, edition int) error {
	return write(w, "reports.WriteBulletin", func(f *excelize.File, st *styles) error {
		title := BulletinTitle(b.Month, edition)
		if err := f.SetSheetName("Sheet1", "单位排名"); err != nil {
			return err
		}
		for _, s := range []string{"滞后变化", "督办情况", "资金情况"} {
			if _, err := f.NewSheet(s); err != nil {
				return err
			}
		}
		lead := b.Pace.Text()
		sheets := []struct {
			fr   frame
			rows [][]any
		}{
			{frame{sheet: "单位排名", lead: lead, title: title, columns: []column{{"排名", 6}, {"责任单位", 24}, {"红灯", 8}, {"黄灯", 8}, {"绿灯", 8}, {"逾期督办", 10}, {"在办督办", 10}}}, unitRows(st, b)},
			{frame{sheet: "滞后变化", lead: compared(b), title: title, columns: []column{{"变化", 10}, {"项目编号", 16}, {"项目名称", 30}, {"责任单位", 20}, {"序时进度(%)", 12}, {"形象进度(%)", 12}, {"本期", 8}}}, changeRows(st, b)},
			{frame{sheet: "督办情况", title: title, columns: []column{{"类别", 10}, {"编号", 8}, {"项目", 30}, {"牵头单位", 20}, {"督办事项", 36}, {"交办日期", 12}, {"办理期限", 12}, {"办结日期", 12}}}, supervisionRows(st, b)},
			{frame{sheet: "资金情况", title: title, unit: true, columns: []column{{"责任单位", 24}, {"计划投资", 14}, {"累计拨付", 14}, {"本月拨付", 14}, {"拨付率", 10}}}, fundRows(st, b)},
		}
		for _, s := range sheets {
			s.fr.imprint, s.fr.rows = Imprint{AsOf: b.AsOf}, len(s.rows)
			t, err := s.fr.open(f, st)
			if err != nil {
				return err
			}
			for _, r := range s.rows {
				if err := t.add(r); err != nil {
					return err
				}
			}
			if err := t.flush(); err != nil {
				return err
			}
		}
		return nil
	})
}

func compared(b Bulletin) string {
	if b.Previous == "" {
		return "无上期通报：本期黄灯、红灯项目均列为新增滞后"
	}
	first, _, _ := BulletinMonth(b.Previous)
	return fmt.Sprintf("与 %d年%d月 通报比较", first.Year, int(first.Month))
}

func unitRows(st *styles, b Bulletin) [][]any {
	rows := make([][]any, len(b.Units))
	for i, u := range b.Units {
		rows[i] = []any{excelize.Cell{StyleID: st.center, Value: u.Rank}, text(st.text, u.Unit),
			excelize.Cell{StyleID: st.integer, Value: u.Red}, excelize.Cell{StyleID: st.integer, Value: u.Yellow},
			excelize.Cell{StyleID: st.integer, Value: u.Green}, excelize.Cell{StyleID: st.integer, Value: u.Overdue},
			excelize.Cell{StyleID: st.integer, Value: u.OpenSupervs}}
	}
	return rows
}

func changeRows(st *styles, b Bulletin) [][]any {
	var rows [][]any
	add := func(kind string, ps []BulletinProject) {
		for _, p := range ps {
			rows = append(rows, []any{text(st.center, kind), text(st.text, p.Code), text(st.text, p.Name), text(st.text, p.Unit),
				pctCell(st, p.ElapsedPct), pctCell(st, p.Progress), lampCell(st, p.Lamp, model.PaceLampName(p.Lamp))})
		}
	}
	add("新增滞后", b.NewlyLate)
	add("恢复正常", b.BackOnTrack)
	return rows
}

// lampCell is a lamp (序时进度 or 支出进度) shown as name, filled red or
// yellow like an alert of that severity.
func lampCell(st *styles, lamp, name string) excelize.Cell {
	style, ok := st.severity[lamp]
	if !ok {
		style = st.center
	}
	return excelize.Cell{StyleID: style, Value: name}
}

// pctCell is a number of percent points, blank when unknown.
func pctCell(st *styles, s string) excelize.Cell {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return excelize.Cell{StyleID: st.center}
	}
	v, _ := d.Float64()
	return excelize.Cell{StyleID: st.center, Value: v}
}

func supervisionRows(st *styles, b Bulletin) [][]any {
	var rows [][]any
	add := func(kind string, ss []BulletinSupervision) {
		for _, s := range ss {
			rows = append(rows, []any{text(st.center, kind), excelize.Cell{StyleID: st.center, Value: s.ID}, text(st.text, s.Project),
				text(st.text, s.Unit), text(st.text, s.Reason), date(st.date, s.RaisedOn), date(st.date, s.Due), date(st.date, s.ClosedOn)})
		}
	}
	add("本月交办", b.Raised)
	add("本月办结", b.Closed)
	return rows
}

func fundRows(st *styles, b Bulletin) [][]any {
	rows := make([][]any, len(b.Funds))
	for i, f := range b.Funds {
		textStyle, wanStyle, pctStyle := st.text, st.wan, st.pct
		if i == len(b.Funds)-1 {
			textStyle, wanStyle, pctStyle = st.totalText, st.totalWan, st.totalPct
		}
		rows[i] = []any{text(textStyle, f.Unit), wan(wanStyle, f.Plan), wan(wanStyle, f.Spent), wan(wanStyle, f.InMonth), percent(pctStyle, f.Rate())}
	}
	return rows
}
