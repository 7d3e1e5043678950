package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Money over time. Payments, funds and budget lines carry the county
// date they were entered (known_on). A change keeps, in money_changes,
// the values a row had at the end of the day before it (the day's first
// change of the row keeps them; a day whose changes end where it began
// keeps nothing), and a deletion leaves a tombstone there with the whole
// row. moneyAsOf reads them back as one table as of a date.

// moneyValues are the values of a money row that change over time.
type moneyValues struct {
	Date   model.Date
	Amount model.Money
	Source string
}

// moneyRow is what the history of a money row keeps of it.
type moneyRow struct {
	table     string
	id        uint
	projectID uint
	kind      string
	knownOn   model.Date
	values    moneyValues
}

// moneyOf describes row, a *model.Disbursement, *model.Fund or
// *model.BudgetLine.
func moneyOf(row any) (moneyRow, error) {
	switch r := row.(type) {
	case *model.Disbursement:
		return moneyRow{"disbursements", r.ID, r.ProjectID, "", r.KnownOn, moneyValues{r.Date, r.Amount, r.Source}}, nil
	case *model.Fund:
		return moneyRow{"funds", r.ID, r.ProjectID, r.Kind, r.KnownOn, moneyValues{r.Date, r.Amount, r.Source}}, nil
	case *model.BudgetLine:
		return moneyRow{"budget_lines", r.ID, r.ProjectID, "", r.KnownOn, moneyValues{Amount: r.Amount, Source: r.Source}}, nil
	}
	return moneyRow{}, fmt.Errorf("store: %T is no money row", row)
}

// setMoney gives row (as moneyOf) the values v.
func setMoney(row any, v moneyValues) {
	switch r := row.(type) {
	case *model.Disbursement:
		r.Date, r.Amount, r.Source = v.Date, v.Amount, v.Source
	case *model.Fund:
		r.Date, r.Amount, r.Source = v.Date, v.Amount, v.Source
	case *model.BudgetLine:
		r.Amount, r.Source = v.Amount, v.Source
	}
}

// keepMoney records a change made on the county date on of a money row
// (as moneyOf) from was to now. The day's first change of the row keeps
// was, the values at the end of the day before; a later change that day
// keeps nothing more, and one that puts back the values the day began
// with removes the day's record, which says nothing then.
func keepMoney(tx *gorm.DB, on model.Date, was, now any) error {
	old, err := moneyOf(was)
	if err != nil {
		return err
	}
	cur, err := moneyOf(now)
	if err != nil {
		return err
	}
	if old.values == cur.values {
		return nil
	}
	var day model.MoneyChange
	err = tx.Where("row_table = ? AND row_id = ? AND changed_on = ? AND deleted = ?", old.table, old.id, on, false).Order("id").Take(&day).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		v := old.values
		return tx.Create(&model.MoneyChange{Table: old.table, RowID: old.id, ChangedOn: on, Date: v.Date, Amount: v.Amount, Source: v.Source}).Error
	case err != nil:
		return err
	case (moneyValues{day.Date, day.Amount, day.Source}) == cur.values:
		return tx.Delete(&day).Error
	}
	return nil
}

// forgetMoney records, before a money row (as moneyOf) is deleted on the
// county date on, its tombstone: the row as it is, so that dates before
// the deletion still see it. A row entered that day was never known at a
// day's end; its day's record goes with it.
func forgetMoney(tx *gorm.DB, on model.Date, row any) error {
	r, err := moneyOf(row)
	if err != nil {
		return err
	}
	if r.knownOn == on {
		return tx.Where("row_table = ? AND row_id = ?", r.table, r.id).Delete(&model.MoneyChange{}).Error
	}
	b, err := json.Marshal(row)
	if err != nil {
		return err
	}
	v := r.values
	return tx.Create(&model.MoneyChange{Table: r.table, RowID: r.id, ChangedOn: on, Date: v.Date, Amount: v.Amount, Source: v.Source,
		Deleted: true, ProjectID: r.projectID, Kind: r.kind, KnownOn: r.knownOn, Row: string(b)}).Error
}

// moneyAsOf is table (disbursements, funds or budget_lines) as it was
// known at the end of the county's day d, to read FROM as x (id,
// project_id, amount, source, and kind and date where the table has
// them): the rows entered by then (known_on NULL, rows stored before
// entries were dated, counts on every date), the rows deleted since
// included, each with the values it had on d, which the first change
// made after d keeps in money_changes. As of today or later it is the
// table itself. d is written into the SQL (a date's text is digits and
// dashes) so that it composes with statements of positional arguments.
func (s *DB) moneyAsOf(table string, d model.Date) string {
	if !d.Before(s.Today()) {
		return table + " x"
	}
	on := "'" + d.String() + "'"
	// rows reads the rows of from (as r) known on d, id being their id.
	rows := func(from, id, where string) string {
		cols := id + " AS id, r.project_id, COALESCE(c.amount, r.amount) AS amount, COALESCE(c.source, r.source) AS source"
		switch table {
		case "funds":
			cols += ", r.kind, COALESCE(c.date, r.date) AS date"
		case "disbursements":
			cols += ", COALESCE(c.date, r.date) AS date"
		}
		return "SELECT " + cols + " FROM " + from + " r LEFT JOIN money_changes c ON c.id = (SELECT MIN(c2.id) FROM money_changes c2 WHERE c2.row_table = '" + table +
			"' AND c2.row_id = " + id + " AND c2.changed_on > " + on + ") WHERE (r.known_on IS NULL OR r.known_on <= " + on + ")" + where
	}
	return "(" + rows(table, "r.id", "") + " UNION ALL " +
		rows("money_changes", "r.row_id", " AND r.row_table = '"+table+"' AND r.deleted AND r.changed_on > "+on) + ") x"
}

// ProjectMoney returns the payments, allocations, receipts and budget
// lines of project id as known at the end of the county's day d (see
// moneyAsOf): those entered by then, deleted since or not, with the
// values they had then; a payment is reversed as of d when its reversal
// was entered by then. As of today they are the stored ones.
func (s *DB) ProjectMoney(ctx context.Context, projectID uint, d model.Date) (model.ProjectMoney, error) {
	const op = "store.ProjectMoney"
	var out model.ProjectMoney
	db := s.reader(ctx)
	var err error
	if out.Payments, err = moneyRowsAsOf[model.Disbursement](db, s, "disbursements", projectID, d); err != nil {
		return out, model.Wrap(op, err)
	}
	funds, err := moneyRowsAsOf[model.Fund](db, s, "funds", projectID, d)
	if err != nil {
		return out, model.Wrap(op, err)
	}
	if out.Budget, err = moneyRowsAsOf[model.BudgetLine](db, s, "budget_lines", projectID, d); err != nil {
		return out, model.Wrap(op, err)
	}
	reversed := map[uint]bool{}
	for _, p := range out.Payments {
		reversed[p.ReversalOf] = true
	}
	for i := range out.Payments {
		out.Payments[i].Reversed = reversed[out.Payments[i].ID]
	}
	slices.SortFunc(out.Payments, func(a, b model.Disbursement) int { return byDateID(a.Date, b.Date, a.ID, b.ID) })
	slices.SortFunc(funds, func(a, b model.Fund) int { return byDateID(a.Date, b.Date, a.ID, b.ID) })
	for _, f := range funds {
		if f.Kind == model.FundAllocated {
			out.Allocations = append(out.Allocations, f)
		} else {
			out.Receipts = append(out.Receipts, f)
		}
	}
	slices.SortFunc(out.Budget, func(a, b model.BudgetLine) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Source, b.Source))
	})
	return out, nil
}

func byDateID(a, b model.Date, x, y uint) int {
	return cmp.Or(a.Compare(b), cmp.Compare(x, y))
}

// moneyRowsAsOf reads the rows of project projectID in table (T's) as
// moneyAsOf has them on d: each stored row, or its tombstone's copy, with
// its values then.
func moneyRowsAsOf[T any](db *gorm.DB, s *DB, table string, projectID uint, d model.Date) ([]T, error) {
	var rows []T
	if !d.Before(s.Today()) {
		return rows, db.Where("project_id = ?", projectID).Find(&rows).Error
	}
	cols := "x.id, x.amount, x.source"
	if table != "budget_lines" {
		cols += ", x.date"
	}
	var vals []struct {
		ID     uint
		Date   model.Date
		Amount model.Money
		Source string
	}
	if err := db.Table(s.moneyAsOf(table, d)).Select(cols).Where("x.project_id = ?", projectID).Scan(&vals).Error; err != nil {
		return nil, err
	}
	ids := make([]uint, len(vals))
	for i, v := range vals {
		ids[i] = v.ID
	}
	if err := findIn(db, "id", ids, &rows); err != nil {
		return nil, err
	}
	have := map[uint]bool{}
	for i := range rows {
		r, err := moneyOf(&rows[i])
		if err != nil {
			return nil, err
		}
		have[r.id] = true
	}
	var gone []model.MoneyChange
	if err := findIn(db.Where("row_table = ? AND deleted", table), "row_id", ids, &gone); err != nil {
		return nil, err
	}
	for _, g := range gone {
		if !have[g.RowID] {
			var row T
			if err := json.Unmarshal([]byte(g.Row), &row); err != nil {
				return nil, err
			}
			rows = append(rows, row)
		}
	}
	at := make(map[uint]int, len(rows))
	for i := range rows {
		r, _ := moneyOf(&rows[i])
		at[r.id] = i
	}
	for _, v := range vals {
		if i, ok := at[v.ID]; ok { // else gone between the reads with its project
			setMoney(&rows[i], moneyValues{v.Date, v.Amount, v.Source})
		}
	}
	return rows, nil
}
