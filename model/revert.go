package model

import (
	"fmt"
	"time"
)

// ImportUndo is what reverting an import batch needs of one row the
// batch wrote: the row as it was before the batch's first change of it
// (Before, its JSON), or, when Before is empty, a row the batch created.
// Entity and EntityID are the audit log's names of the record (a
// milestone's observation is its milestone's), by which a later change
// of it is found.
type ImportUndo struct {
	ID        uint   `gorm:"primaryKey"`
	BatchID   uint   `gorm:"index;not null"`
	Table     string `gorm:"column:row_table;size:32;not null"`
	RowID     uint   `gorm:"not null"`
	ProjectID uint
	Entity    string `gorm:"size:32"`
	EntityID  uint
	Before    string `gorm:"type:text"`
}

// RevertResult is what reverting an import batch did.
type RevertResult struct {
	Batch    uint `json:"batch"`
	Restored int  `json:"restored"` // rows put back as they were
	Deleted  int  `json:"deleted"`  // rows the batch created, projects among them
	Projects int  `json:"projects"` // projects the batch created, deleted
}

// RevertConflict is a later change of a record an import batch wrote,
// which keeps the batch from being reverted: the project (code and name,
// empty for an indicator), the field, who changed it (a later batch, or
// a user in the UI or the API) and when.
type RevertConflict struct {
	ProjectID   uint      `json:"project_id"`
	ProjectCode string    `json:"project_code"`
	ProjectName string    `json:"project_name"`
	Entity      string    `json:"entity"`
	Field       string    `json:"field"`
	Batch       uint      `json:"batch,omitempty"`
	User        string    `json:"user"`
	Source      string    `json:"source"`
	Time        time.Time `json:"time"`
}

// RevertRefused carries the conflicts of a revert that later changes
// block, as the Err of its EConflict error: errors.As finds them.
type RevertRefused struct {
	Batch     uint
	Conflicts []RevertConflict
}

func (e *RevertRefused) Error() string {
	return fmt.Sprintf("import batch %d: %d later changes", e.Batch, len(e.Conflicts))
}

// Refused is the EConflict error of op refusing to revert batch for
// conflicts.
func Refused(op string, batch uint, conflicts []RevertConflict) *Error {
	return &Error{Kind: EConflict, Op: op, Code: CodeRevertConflict, Err: &RevertRefused{Batch: batch, Conflicts: conflicts},
		Message: fmt.Sprintf("导入批次 #%d 写入的记录此后又有 %d 处修改，撤销会覆盖这些修改，未撤销任何数据；请先撤销或处理这些修改", batch, len(conflicts))}
}

// Text says c in one Chinese line, its time in zone: 项目 CODE 名称 的
// 字段 于 … 由导入批次 #N（用户）修改.
func (c RevertConflict) Text(zone *time.Location) string {
	what := "项目"
	if c.ProjectCode != "" {
		what = fmt.Sprintf("项目 %s %s", c.ProjectCode, c.ProjectName)
	}
	field := fieldLabel(c.Entity)
	if c.Field != "" {
		field = fieldLabel(c.Field)
		if c.Entity != "project" && c.Entity != "" {
			field = fieldLabel(c.Entity) + " " + field
		}
	}
	by := "用户 " + c.User
	if c.Batch != 0 {
		by = fmt.Sprintf("导入批次 #%d（%s）", c.Batch, c.User)
	}
	return fmt.Sprintf("%s 的%s于 %s 由%s修改", what, field, c.Time.In(zone).Format("2006-01-02 15:04"), by)
}

// BatchChange is one audited change an import batch made: of a field of
// a project or of one of its records (Entity), old → new.
type BatchChange struct {
	ProjectCode, ProjectName string
	Entity, Action, Field    string
	Old, New                 string
}

// Label names c's record and field in Chinese.
func (c BatchChange) Label() string {
	if c.Entity == "project" || c.Entity == "" {
		return fieldLabel(c.Field)
	}
	if c.Field == "" {
		return fieldLabel(c.Entity)
	}
	return fieldLabel(c.Entity) + " " + fieldLabel(c.Field)
}

// BatchDetail is an import batch with what it wrote: its audited changes
// (at most the limit asked for, of ChangesTotal) and the projects it
// created and that still stand.
type BatchDetail struct {
	Batch        ImportBatch
	Changes      []BatchChange
	ChangesTotal int
	Created      []Project
}
