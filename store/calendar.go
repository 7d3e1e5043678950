package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/yanhe/captrack/calendar"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Calendar returns the working-day calendar: the embedded years and
// those an admin imported, which replace embedded ones of the same year.
func (s *DB) Calendar(ctx context.Context) (*calendar.Calendar, error) {
	return s.calendarIn(s.reader(ctx))
}

func (s *DB) calendarIn(db *gorm.DB) (*calendar.Calendar, error) {
	const op = "store.Calendar"
	var rows []model.CalendarYear
	if err := db.Order("year").Find(&rows).Error; err != nil {
		return nil, model.Wrap(op, err)
	}
	years := append([]calendar.Year(nil), s.holidays...)
	for _, r := range rows {
		y, err := calendar.Parse(fmt.Sprintf("%d", r.Year), []byte(r.Data))
		if err != nil {
			return nil, model.Wrap(op, err)
		}
		years = append(years, y)
	}
	return calendar.New(years...), nil
}

// ImportCalendarYear stores a year of holidays from a holiday-cn file
// (name names it in messages), replacing the year's earlier data.
func (s *DB) ImportCalendarYear(ctx context.Context, a model.Actor, name string, b []byte) (calendar.Year, error) {
	const op = "store.ImportCalendarYear"
	y, err := calendar.Parse(name, b)
	if err != nil {
		return calendar.Year{}, err
	}
	row := model.CalendarYear{Year: y.Year, Data: string(b), ImportedBy: a.User, ImportedAt: s.Now()}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var old model.CalendarYear
		err := tx.Take(&old, "year = ?", y.Year).Error
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error; err != nil {
			return err
		}
		action := "create"
		if old.Year != 0 {
			action = "update"
		}
		return s.audit(tx, a, 0, "calendar", uint(y.Year), action, name,
			Change{Field: "days", Old: countDays(old.Data), New: fmt.Sprintf("%d", len(y.Off))})
	})
	if err != nil {
		return calendar.Year{}, model.Wrap(op, err)
	}
	return y, nil
}

// countDays is the number of exceptions an imported year's data holds,
// for the audit ("" for none).
func countDays(data string) string {
	if data == "" {
		return ""
	}
	y, err := calendar.Parse("", []byte(data))
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d", len(y.Off))
}

// CalendarImports lists the years an admin imported, without their data,
// in year order.
func (s *DB) CalendarImports(ctx context.Context) ([]model.CalendarYear, error) {
	var rows []model.CalendarYear
	err := s.reader(ctx).Select("year, imported_by, imported_at").Order("year").Find(&rows).Error
	return rows, model.Wrap("store.CalendarImports", err)
}

// UncoveredDeadlines counts, by year, the 督办 not yet closed whose
// deadline falls in a year the calendar has no data for (its working
// days are then taken as Monday to Friday).
func (s *DB) UncoveredDeadlines(ctx context.Context) (map[int]int, error) {
	const op = "store.UncoveredDeadlines"
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Year string
		N    int
	}
	// Dates are YYYY-MM-DD text: the year is its first four characters.
	err = s.reader(ctx).Model(&model.Supervision{}).Select("substr(reply_due, 1, 4) AS year, COUNT(*) AS n").
		Where("status <> ?", model.SupervisionClosed).Group("substr(reply_due, 1, 4)").Scan(&rows).Error
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	out := map[int]int{}
	for _, r := range rows {
		y, err := strconv.Atoi(r.Year)
		if err != nil {
			return nil, model.Wrap(op, err)
		}
		if !cal.Covers(y) {
			out[y] = r.N
		}
	}
	return out, nil
}
