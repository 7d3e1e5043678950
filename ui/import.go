package ui

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// The import page: upload workbooks, see the dry run, confirm. Between the
// two steps the uploaded bytes wait on the server in a directory named by
// a random id (the browser sends back only that id, never a path), owned
// by the user who uploaded them; applying removes them, and uploads left
// unconfirmed expire.

// uploadTTL is how long an unconfirmed upload is kept.
const uploadTTL = time.Hour

// uploadID is the form of a pending upload's id.
var uploadID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// uploadsDir is where pending uploads wait.
func uploadsDir() string { return filepath.Join(os.TempDir(), "captrack-uploads") }

// pendingUpload describes the files of a pending upload (meta.json).
type pendingUpload struct {
	UserID     uint       `json:"user_id"`
	Names      []string   `json:"names"`
	ReportDate model.Date `json:"report_date"`
}

type importPreview struct {
	ID      string
	Files   []string
	Report  model.ImportResult
	Applied bool
}

type importData struct {
	MaxMiB     int64
	ReportDate string
	Preview    *importPreview
}

// handleImportPage shows the upload form.
func handleImportPage(tpl *Templates, maxUpload int64) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		return render(c, tpl, http.StatusOK, "import", newPage(c, "数据导入", "import", importData{MaxMiB: maxUpload >> 20}))
	}
}

// handleWebUpload keeps the uploaded workbooks and shows what importing
// them would do.
func handleWebUpload(db *store.DB, tpl *Templates, maxUpload int64) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		form, err := c.MultipartForm()
		if err != nil {
			return httpx.UploadError(err)
		}
		defer form.RemoveAll()
		reportDate, err := formDate(c, "report_date", "月报截至日期")
		if err != nil {
			return err
		}
		headers := form.File["files"]
		if len(headers) == 0 {
			return model.E(model.EInvalid, "web.import", "请选择要导入的工作簿")
		}
		sweepUploads(uploadsDir(), time.Now().Add(-uploadTTL))
		id, err := saveUpload(uploadsDir(), headers, pendingUpload{UserID: httpx.CurrentUser(c).ID, ReportDate: reportDate})
		if err != nil {
			return err
		}
		if pw := c.PostForm("password"); pw != "" {
			if err := unlockUpload(filepath.Join(uploadsDir(), id), headers, pw); err != nil {
				return err
			}
		}
		d := importData{MaxMiB: maxUpload >> 20, ReportDate: reportDate.String()}
		d.Preview, err = runImport(c, db, id, true)
		if err != nil {
			return err
		}
		if len(d.Preview.Report.Errors) > 0 {
			os.RemoveAll(filepath.Join(uploadsDir(), id))
		}
		return render(c, tpl, http.StatusOK, "import", newPage(c, "数据导入", "import", d))
	}
}

// handleWebApply imports the pending upload :id for real and removes it.
func handleWebApply(db *store.DB, tpl *Templates, maxUpload int64) httpx.HandlerFunc {
	return func(c *gin.Context) error {
		id := c.Param("id")
		if !uploadID.MatchString(id) {
			return model.E(model.ENotFound, "web.import", "待导入的文件不存在")
		}
		preview, err := runImport(c, db, id, false)
		if model.Kind(err) != model.ENotFound {
			// Applied, or failed for good: either way it is done with. A
			// missing upload, or another user's, is left alone.
			os.RemoveAll(filepath.Join(uploadsDir(), id))
		}
		if err != nil {
			return err
		}
		d := importData{MaxMiB: maxUpload >> 20, Preview: preview}
		p := newPage(c, "数据导入", "import", d)
		if len(preview.Report.Errors) == 0 {
			p.Flash = &flash{Kind: "ok", Text: fmt.Sprintf("导入完成：新增 %d，更新 %d，未变 %d。", preview.Report.Created, preview.Report.Updated, preview.Report.Unchanged)}
		}
		return render(c, tpl, http.StatusOK, "import", p)
	}
}

// runImport imports the pending upload id of the request's user, as a
// dry run or for real, through the API's role guard.
func runImport(c *gin.Context, db *store.DB, id string, dryRun bool) (*importPreview, error) {
	const op = "web.import"
	dir := filepath.Join(uploadsDir(), id)
	meta, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		return nil, model.E(model.ENotFound, op, "待导入的文件不存在或已过期，请重新上传")
	}
	var pu pendingUpload
	if err := json.Unmarshal(meta, &pu); err != nil {
		return nil, model.Wrap(op, err)
	}
	u := httpx.CurrentUser(c)
	if pu.UserID != u.ID {
		return nil, model.E(model.ENotFound, op, "待导入的文件不存在或已过期，请重新上传")
	}
	files := make([]importer.File, len(pu.Names))
	for i, name := range pu.Names {
		f, err := os.Open(filepath.Join(dir, fmt.Sprintf("%d.xlsx", i)))
		if err != nil {
			return nil, model.Wrap(op, err)
		}
		defer f.Close()
		files[i] = importer.File{Name: name, R: f}
	}
	rep, err := importer.Import(c.Request.Context(), db, files,
		importer.Options{ReportDate: pu.ReportDate}, model.ApplyOptions{Actor: httpx.Actor(c), DryRun: dryRun, As: &u})
	if err != nil {
		return nil, err
	}
	return &importPreview{ID: id, Files: pu.Names, Report: rep, Applied: !dryRun}, nil
}

// saveUpload copies the uploaded files into a new pending upload under
// root and returns its id.
func saveUpload(root string, headers []*multipart.FileHeader, pu pendingUpload) (string, error) {
	const op = "web.import"
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	dir := filepath.Join(root, id)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", model.Wrap(op, err)
	}
	for i, h := range headers {
		if err := copyUpload(h, filepath.Join(dir, fmt.Sprintf("%d.xlsx", i))); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
		pu.Names = append(pu.Names, filepath.Base(h.Filename))
	}
	meta, err := json.Marshal(pu)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "meta.json"), meta, 0o600)
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", model.Wrap(op, err)
	}
	return id, nil
}

// unlockUpload replaces the saved files of an upload that password opens
// by their decrypted workbooks, so that the password is not kept.
func unlockUpload(dir string, headers []*multipart.FileHeader, password string) error {
	for i, h := range headers {
		path := filepath.Join(dir, fmt.Sprintf("%d.xlsx", i))
		data, err := os.ReadFile(path)
		if err != nil {
			return model.Wrap("web.import", err)
		}
		if dec := importer.Unlock(h.Filename, data, password); !bytes.Equal(dec, data) {
			if err := os.WriteFile(path, dec, 0o600); err != nil {
				return model.Wrap("web.import", err)
			}
		}
	}
	return nil
}

func copyUpload(h *multipart.FileHeader, path string) error {
	src, err := h.Open()
	if err != nil {
		return model.Wrap("web.import", err)
	}
	defer src.Close()
	dst, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return model.Wrap("web.import", err)
	}
	_, err = io.Copy(dst, src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return model.Wrap("web.import", err)
}

// sweepUploads removes the pending uploads under root last changed before
// cutoff.
func sweepUploads(root string, cutoff time.Time) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	for _, e := range entries {
		info, err := e.Info()
		if err == nil && uploadID.MatchString(e.Name()) && info.ModTime().Before(cutoff) {
			os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
}
