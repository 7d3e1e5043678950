package store

import (
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Change is one field of an entity going from Old to New.
type Change struct {
	Field, Old, New string
}

// Actor says who made a change and through what (an import batch, "api",
// "ui"), for the audit trail.
type Actor struct {
	User   string
	Source string
}

// audit records changes of one entity in tx, stamped with now.
func (s *DB) audit(tx *gorm.DB, a Actor, projectID uint, entity string, entityID uint, action, note string, changes ...Change) error {
	if len(changes) == 0 {
		changes = []Change{{}}
	}
	now := s.Now()
	rows := make([]model.AuditEntry, len(changes))
	for i, c := range changes {
		rows[i] = model.AuditEntry{
			Time: now, User: a.User, ProjectID: projectID, Entity: entity, EntityID: entityID,
			Action: action, Field: c.Field, Old: c.Old, New: c.New, Source: a.Source, Note: note,
		}
	}
	return tx.Create(&rows).Error
}
