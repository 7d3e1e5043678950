package httpx

import (
	"errors"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/photo"
)

// The guards the API and the UI share: each loads what a request is about
// to change and checks, with model.MayChange, that the user may change it.

// MilestoneForChange loads the milestone of the :id path parameter and
// checks that the user may change its project.
func MilestoneForChange(c *gin.Context, db Store) (model.Milestone, error) {
	id, err := IDParam(c, "id")
	if err != nil {
		return model.Milestone{}, err
	}
	m, err := db.GetMilestone(c.Request.Context(), id)
	if err != nil {
		return model.Milestone{}, err
	}
	unit, err := db.ProjectUnit(c.Request.Context(), m.ProjectID)
	if err != nil {
		return model.Milestone{}, err
	}
	return m, model.MayChange(CurrentUser(c), unit)
}

// ProjectForChange returns the project of the :id path parameter after
// checking that the user may change it.
func ProjectForChange(c *gin.Context, db Store) (uint, error) {
	id, err := IDParam(c, "id")
	if err != nil {
		return 0, err
	}
	unit, err := db.ProjectUnit(c.Request.Context(), id)
	if err != nil {
		return 0, err
	}
	return id, model.MayChange(CurrentUser(c), unit)
}

// SupervisionForStep returns the 督办 of the :id path parameter after
// checking that a manager acts only on his unit's 督办.
func SupervisionForStep(c *gin.Context, db Store) (model.SupervisionView, error) {
	id, err := IDParam(c, "id")
	if err != nil {
		return model.SupervisionView{}, err
	}
	v, err := db.SupervisionByID(c.Request.Context(), id)
	if err != nil {
		return v, err
	}
	if u := CurrentUser(c); u.Role == model.RoleManager {
		return v, model.MayChange(u, v.ResponsibleUnit)
	}
	return v, nil
}

// StepSupervision takes step action (a model.Step… constant) on the
// 督办 of the :id path parameter, after SupervisionForStep's check, and
// returns it as it now stands. The route's roles say who may take which
// step: the unit's (sign, reply, extension) or the supervisor's.
func StepSupervision(c *gin.Context, db Store, action string, req model.SupervisionStep) (model.SupervisionView, error) {
	v, err := SupervisionForStep(c, db)
	if err != nil {
		return v, err
	}
	if _, err := db.StepSupervision(c.Request.Context(), Actor(c), v.ID, action, req); err != nil {
		return v, err
	}
	return db.SupervisionByID(c.Request.Context(), v.ID)
}

// AddPhoto stores the photo uploaded (multipart field file) on the
// progress report of the :id path parameter, after checking that the
// user may change its project and that the file is a sound JPEG or PNG.
func AddPhoto(c *gin.Context, db Store) (model.Photo, error) {
	id, err := IDParam(c, "id")
	if err != nil {
		return model.Photo{}, err
	}
	r, err := db.GetProgressReport(c.Request.Context(), id)
	if err != nil {
		return model.Photo{}, err
	}
	unit, err := db.ProjectUnit(c.Request.Context(), r.ProjectID)
	if err != nil {
		return model.Photo{}, err
	}
	if err := model.MayChange(CurrentUser(c), unit); err != nil {
		return model.Photo{}, err
	}
	p, err := UploadedPhoto(c, "file")
	if err != nil {
		return model.Photo{}, err
	}
	return db.AddPhoto(c.Request.Context(), Actor(c), id, p)
}

// UploadedPhoto reads and checks the photo of multipart field: a sound
// JPEG or PNG within photo's limits, with its thumbnail and EXIF date.
func UploadedPhoto(c *gin.Context, field string) (model.Photo, error) {
	name, b, err := UploadedFile(c, field, photo.MaxBytes)
	if err != nil {
		return model.Photo{}, err
	}
	return checkedPhoto(name, b)
}

// UploadedPhotos reads and checks every photo of multipart field (none
// when the form has none), as UploadedPhoto does one.
func UploadedPhotos(c *gin.Context, field string) ([]model.Photo, error) {
	form, err := c.MultipartForm()
	if err != nil {
		if errors.Is(err, http.ErrNotMultipart) {
			return nil, nil
		}
		return nil, UploadError(err)
	}
	var out []model.Photo
	for _, h := range form.File[field] {
		if h.Size == 0 && h.Filename == "" {
			continue // the form's empty file input
		}
		if h.Size > photo.MaxBytes {
			return nil, model.Errorf(model.ETooLarge, "httpx.UploadedPhotos", "照片 %s 超过 %d MiB 的上限", h.Filename, photo.MaxBytes>>20)
		}
		f, err := h.Open()
		if err != nil {
			return nil, model.Wrap("httpx.UploadedPhotos", err)
		}
		b, err := io.ReadAll(io.LimitReader(f, photo.MaxBytes+1))
		f.Close()
		if err != nil {
			return nil, model.Wrap("httpx.UploadedPhotos", err)
		}
		p, err := checkedPhoto(h.Filename, b)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// checkedPhoto checks photo b named name and returns it ready to store.
func checkedPhoto(name string, b []byte) (model.Photo, error) {
	p, err := photo.Check(name, b)
	if err != nil {
		return model.Photo{}, err
	}
	stored := model.Photo{Name: name, ContentType: p.ContentType, Bytes: len(b), Width: p.Width, Height: p.Height, Data: b, Thumb: p.Thumb}
	if !p.TakenAt.IsZero() {
		stored.TakenAt = &p.TakenAt
	}
	return stored, nil
}

// HandlePhoto serves photo :id (thumb: its JPEG thumbnail), which every
// logged-in user may see, like the progress report it belongs to.
func HandlePhoto(db Store, thumb bool) HandlerFunc {
	return func(c *gin.Context) error {
		id, err := IDParam(c, "id")
		if err != nil {
			return err
		}
		p, err := db.Photo(c.Request.Context(), id, thumb)
		if err != nil {
			return err
		}
		data, ct := p.Data, p.ContentType
		if thumb {
			data, ct = p.Thumb, "image/jpeg"
		}
		c.Header("Cache-Control", "private, max-age=86400")
		c.Header("X-Content-Type-Options", "nosniff")
		c.Data(http.StatusOK, ct, data)
		return nil
	}
}
