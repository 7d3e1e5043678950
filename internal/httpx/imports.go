package httpx

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"

	"github.com/gin-gonic/gin"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/model"
)

// The import flow the API and the UI share. A preview (a dry run) of
// uploaded workbooks that finds no error keeps them in the database as a
// pending upload (store.SaveUpload), which any server on the database
// may then apply for the same user (store.TakeUpload, then RunImport). A
// preview with errors, or one the user may not import, keeps nothing.
// The UI runs these imports as jobs in the background (StartJob), the
// API within its request.

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

// Importing is who imports and how far the import has come: the user,
// whose role and unit the importer's guard checks, the audit actor, and,
// when set, what is told the import's progress (importer.Options.Progress).
// It holds nothing of the request, so that an import may outlive it
// (StartJob).
type Importing struct {
	User     model.User
	Actor    model.Actor
	Progress func(importer.Progress)
}

// ImportingOf is the request's user importing.
func ImportingOf(c *gin.Context) Importing {
	return Importing{User: CurrentUser(c), Actor: Actor(c)}
}

// Preview imports u's files as a dry run for by's user (password for
// workbooks UploadedWorkbooks could not open, so that the report says
// why) and, when the report has no error, keeps u pending for
// opts.UploadTTL: the upload returned carries the ID that Apply takes.
// Otherwise it returns u without an ID and keeps nothing.
func Preview(ctx context.Context, db Store, opts Options, by Importing, u model.PendingUpload, password string) (model.PendingUpload, model.ImportResult, error) {
	u.UserID = by.User.ID
	if err := u.Validate(); err != nil {
		return u, model.ImportResult{}, err
	}
	rep, err := RunImport(ctx, db, opts, by, u, password, true)
	if err != nil || rep.Failed() {
		return u, rep, err
	}
	u.Digest = rep.Digest
	u, err = db.SaveUpload(ctx, u, opts.UploadTTL)
	return u, rep, err
}

// RunImport imports u's files, with its kind and report date, as by's
// user, through the importer's role guard, with u's decisions on rows
// resembling stored projects; for real, only if it comes to u's digest,
// when u has one (a preview's: else nothing is written and the error is
// a conflict), within opts' import bounds (rows, cells, time, and the
// server's gate).
func RunImport(ctx context.Context, db Store, opts Options, by Importing, u model.PendingUpload, password string, dryRun bool) (model.ImportResult, error) {
	files := make([]importer.File, len(u.Files))
	for i, f := range u.Files {
		files[i] = importer.File{Name: f.Name, R: bytes.NewReader(f.Data)}
	}
	user := by.User
	return importer.Import(ctx, db, files,
		opts.ImportOptions(importer.Options{Kind: importer.Kind(u.Kind), ReportDate: u.ReportDate, Password: password, Progress: by.Progress}),
		model.ApplyOptions{Actor: by.Actor, DryRun: dryRun, As: &user, Expect: u.Digest, Decisions: u.MatchDecisions()})
}

// Decided is taken upload u with its decisions and d's, to be previewed
// again as a new pending upload.
func Decided(u model.PendingUpload, d model.MatchDecisions) model.PendingUpload {
	all := u.MatchDecisions()
	all.Merge(d)
	u.SetDecisions(all)
	u.ID, u.Digest = "", ""
	return u
}
