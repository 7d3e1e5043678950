package model

import (
	"encoding/json"
	"time"
)

// PendingUpload is a set of uploaded workbooks waiting between an
// import's preview and its apply (web and API). It is a row of the
// database, not a file on one server's disk, so that any server on the
// database may apply what another previewed, and no other captrack on the
// same machine can see it. Only its uploader may apply it, and it expires.
type PendingUpload struct {
	ID     string `gorm:"primaryKey;size:32"` // random, 32 hex digits
	UserID uint   `gorm:"index;not null"`
	// Kind is the table kind the preview forced ("" detected); ReportDate
	// the report date it gave; both apply to the apply as well.
	Kind       string `gorm:"size:16"`
	ReportDate Date
	Bytes      int64 // of all its files
	CreatedAt  time.Time
	ExpiresAt  time.Time `gorm:"index;not null"`
	// Digest is the preview's (ImportResult.Digest): the apply writes
	// nothing unless it comes to the same.
	Digest string `gorm:"size:64"`
	// Decisions are the user's on rows resembling a stored project
	// (MatchDecisions as JSON; "" none), for the preview and the apply.
	Decisions string        `gorm:"type:text"`
	Files     []PendingFile `gorm:"-"`
}

// PendingFile is one workbook of a pending upload, as uploaded (an
// encrypted workbook is kept decrypted, never with its password).
type PendingFile struct {
	ID       uint   `gorm:"primaryKey"`
	UploadID string `gorm:"size:32;index;not null"`
	Seq      int    `gorm:"not null"`
	Name     string `gorm:"size:255;not null"`
	Data     []byte `gorm:"not null"`
}

// Bounds of pending uploads.
const (
	MaxUploadFiles = 20        // workbooks in one upload
	MaxUploadBytes = 256 << 20 // all of one upload's workbooks together
	// MaxPendingPerUser is how many pending uploads one user keeps: a
	// further preview drops that user's oldest.
	MaxPendingPerUser = 5
	// DefaultUploadTTL is how long a pending upload waits to be applied;
	// a server may set at most MaxUploadTTL.
	DefaultUploadTTL = time.Hour
	MaxUploadTTL     = 24 * time.Hour
)

// TextFileName bounds an uploaded file's name.
var TextFileName = Text{"file", "文件名", 255, false}

// Validate checks u's bounds: at least one file and at most
// MaxUploadFiles, MaxUploadBytes together, names within TextFileName.
func (u PendingUpload) Validate() error {
	const op = "model.PendingUpload"
	if len(u.Files) == 0 {
		return E(EInvalid, op, "请选择要导入的工作簿")
	}
	if len(u.Files) > MaxUploadFiles {
		return Errorf(EInvalid, op, "一次最多导入 %d 个工作簿", MaxUploadFiles)
	}
	var n int64
	for _, f := range u.Files {
		if err := TextFileName.Check(f.Name); err != nil {
			return err
		}
		n += int64(len(f.Data))
	}
	if n > MaxUploadBytes {
		return Errorf(ETooLarge, op, "上传的工作簿共 %.1f MiB，超过 %d MiB 的上限", float64(n)/(1<<20), MaxUploadBytes>>20)
	}
	return CheckDate("report_date", "月报截至日期", u.ReportDate)
}

// MatchDecisions are the decisions u carries (none when it has none).
func (u PendingUpload) MatchDecisions() MatchDecisions {
	var d MatchDecisions
	if u.Decisions != "" {
		_ = json.Unmarshal([]byte(u.Decisions), &d) // written by SetDecisions only
	}
	return d
}

// SetDecisions makes d the decisions u carries.
func (u *PendingUpload) SetDecisions(d MatchDecisions) {
	u.Decisions = ""
	if !d.Empty() {
		b, _ := json.Marshal(d) // maps of strings always marshal
		u.Decisions = string(b)
	}
}
