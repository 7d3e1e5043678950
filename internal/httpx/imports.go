package httpx

import (
	"bytes"
	"io"
	"mime/multipart"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/model"
)

// The import flow the API and the UI share. A preview (a dry run) of
// uploaded workbooks that finds no error keeps them in the database as a
// pending upload (store.SaveUpload), which any server on the database
// may then apply for the same user (Apply, through store.TakeUpload). A
// preview with errors, or one the user may not import, keeps nothing.

// UploadedWorkbooks reads uploaded files as the files of a pending
// upload, each one decrypted when it is an encrypted workbook that
// password opens, so that what is kept needs no password.
func UploadedWorkbooks(headers []*multipart.FileHeader, password string) ([]model.PendingFile, error) {
	files := make([]model.PendingFile, len(headers))
	for i, h := range headers {
		f, err := h.Open()
		if err != nil {
			return nil, model.Wrap("httpx.UploadedWorkbooks", err)
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, UploadError(err)
		}
		files[i] = model.PendingFile{Name: h.Filename, Data: importer.Unlock(h.Filename, data, password)}
	}
	return files, nil
}

// Preview imports u's files as a dry run for the request's user (password
// for workbooks UploadedWorkbooks could not open, so that the report says
// why) and, when the report has no error, keeps u pending for opts.UploadTTL: the
// upload returned carries the ID that Apply takes. Otherwise it returns u
// without an ID and keeps nothing.
func Preview(c *gin.Context, db Store, opts Options, u model.PendingUpload, password string) (model.PendingUpload, model.ImportResult, error) {
	u.UserID = CurrentUser(c).ID
	if err := u.Validate(); err != nil {
		return u, model.ImportResult{}, err
	}
	rep, err := RunImport(c, db, opts, u, password, true)
	if err != nil || rep.Failed() {
		return u, rep, err
	}
	u.Digest = rep.Digest
	u, err = db.SaveUpload(c.Request.Context(), u, opts.UploadTTL)
	return u, rep, err
}

// Apply takes the pending upload id of the request's user and imports it
// for real. The upload is gone afterwards whatever the import's outcome:
// an import that failed is previewed again from a new upload.
func Apply(c *gin.Context, db Store, opts Options, id string) (model.PendingUpload, model.ImportResult, error) {
	u, err := db.TakeUpload(c.Request.Context(), id, CurrentUser(c).ID)
	if err != nil {
		return u, model.ImportResult{}, err
	}
	rep, err := RunImport(c, db, opts, u, "", false)
	return u, rep, err
}

// RunImport imports u's files, with its kind and report date, as the
// request's user, through the importer's role guard, with u's decisions
// on rows resembling stored projects; for real, only if
// it comes to u's digest, when u has one (a preview's: else nothing is
// written and the error is a conflict), within opts' import bounds
// (rows, cells, time, and the server's gate).
func RunImport(c *gin.Context, db Store, opts Options, u model.PendingUpload, password string, dryRun bool) (model.ImportResult, error) {
	files := make([]importer.File, len(u.Files))
	for i, f := range u.Files {
		files[i] = importer.File{Name: f.Name, R: bytes.NewReader(f.Data)}
	}
	user := CurrentUser(c)
	return importer.Import(c.Request.Context(), db, files,
		opts.ImportOptions(importer.Options{Kind: importer.Kind(u.Kind), ReportDate: u.ReportDate, Password: password}),
		model.ApplyOptions{Actor: Actor(c), DryRun: dryRun, As: &user, Expect: u.Digest, Decisions: u.MatchDecisions()})
}

// Decide takes the pending upload id of the request's user and previews
// it again with its decisions and d's, kept as a new pending upload.
func Decide(c *gin.Context, db Store, opts Options, id string, d model.MatchDecisions) (model.PendingUpload, model.ImportResult, error) {
	u, err := db.TakeUpload(c.Request.Context(), id, CurrentUser(c).ID)
	if err != nil {
		return u, model.ImportResult{}, err
	}
	all := u.MatchDecisions()
	all.Merge(d)
	u.SetDecisions(all)
	u.ID, u.Digest = "", ""
	return Preview(c, db, opts, u, "")
}
