package store

import (
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// Change is one field of an entity going from Old to New.
type Change struct {
	Field, Old, New string
}

// audit records changes of one entity in tx, stamped with now.
func (s *DB) audit(tx *gorm.DB, a model.Actor, projectID uint, entity string, entityID uint, action, note string, changes ...Change) error {
	return tx.Create(auditRows(nil, s.Now(), a, projectID, entity, entityID, action, note, changes...)).Error
}

// auditRows appends to rows one audit entry per change (one with no field
// when there are none: a create or a state change).
func auditRows(rows []model.AuditEntry, now time.Time, a model.Actor, projectID uint, entity string, entityID uint, action, note string, changes ...Change) []model.AuditEntry {
	if len(changes) == 0 {
		changes = []Change{{}}
	}
	for _, c := range changes {
		rows = append(rows, model.AuditEntry{
			Time: now, User: a.User, ProjectID: projectID, Entity: entity, EntityID: entityID,
			Action: action, Field: c.Field, Old: c.Old, New: c.New, Source: a.Source, Note: note,
		})
	}
	return rows
}
