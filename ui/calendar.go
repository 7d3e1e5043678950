package ui

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/calendar"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
)

// calendarYear is one year of the admin's 节假日安排 page.
type calendarYear struct {
	Year     int
	Imported *model.CalendarYear // nil: embedded in captrack
}

type calendarData struct {
	Years []calendarYear
	// Uncovered lists the years of open 督办 deadlines without data.
	Uncovered []uncoveredYear
	MaxKiB    int
}

// handleCalendarPage lists the years the working-day calendar covers,
// which of them an admin imported, and the form to import one.
func handleCalendarPage(db Store, tpl *Templates) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		ctx := c.Request.Context()
		cal, err := db.Calendar(ctx)
		if err != nil {
			return err
		}
		imports, err := db.CalendarImports(ctx)
		if err != nil {
			return err
		}
		byYear := map[int]*model.CalendarYear{}
		for i := range imports {
			byYear[imports[i].Year] = &imports[i]
		}
		d := calendarData{MaxKiB: calendar.MaxFileBytes >> 10}
		for _, y := range cal.Years() {
			d.Years = append(d.Years, calendarYear{Year: y, Imported: byYear[y]})
		}
		if d.Uncovered, err = uncoveredYears(c, db); err != nil {
			return err
		}
		return render(c, tpl, http.StatusOK, "calendar", newPage(c, "节假日安排", "calendar", d))
	}
}

// handleWebCalendarImport stores the uploaded year (field file).
func handleWebCalendarImport(db Store) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		if _, err := httpx.ImportCalendar(c, db); err != nil {
			return err
		}
		c.Redirect(http.StatusSeeOther, "/calendar?done=calendar")
		return nil
	}
}

// uncoveredYear is a year of open 督办 deadlines without calendar data.
type uncoveredYear struct {
	Year, N int
}

// uncoveredYears lists the years of open 督办 deadlines the calendar has
// no data for, in order.
func uncoveredYears(c *gin.Context, db Store) ([]uncoveredYear, error) {
	byYear, err := db.UncoveredDeadlines(c.Request.Context())
	if err != nil {
		return nil, err
	}
	var out []uncoveredYear
	for y, n := range byYear {
		out = append(out, uncoveredYear{Year: y, N: n})
	}
	slices.SortFunc(out, func(a, b uncoveredYear) int { return a.Year - b.Year })
	return out, nil
}
