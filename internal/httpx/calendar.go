package httpx

import (
	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/calendar"
)

// ImportCalendar stores the year of the holiday-cn file uploaded as the
// multipart field file, for the API and the admin's page alike.
func ImportCalendar(c *gin.Context, db Store) (calendar.Year, error) {
	name, b, err := UploadedFile(c, "file", calendar.MaxFileBytes)
	if err != nil {
		return calendar.Year{}, err
	}
	return db.ImportCalendarYear(c.Request.Context(), Actor(c), name, b)
}
