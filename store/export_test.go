package store

import (
	"context"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// InsertAll inserts rows with insertAll in one transaction, for the
// tests of package store_test.
func InsertAll[T any](ctx context.Context, s *DB, rows []T) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return insertAll(ctx, withPrepared(ctx, tx), s.Now(), rows) })
}

// GormCreate inserts rows with gorm's Create, the behaviour insertAll
// reproduces.
func GormCreate(ctx context.Context, s *DB, rows any) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return tx.Create(rows).Error })
}

// FindAll loads every row of dest's table in id order.
func FindAll(ctx context.Context, s *DB, dest any) error {
	return s.conn(ctx).Order("id").Find(dest).Error
}

// TableRows reads every row of table as column → value, in id order
// (or the first column's), for tests comparing whole states.
func TableRows(ctx context.Context, s *DB, table string) ([]map[string]any, error) {
	var rows []map[string]any
	err := s.conn(ctx).Table(table).Find(&rows).Error
	return rows, err
}

// RebuildSpans rebuilds the spans of every project as a write touching
// it would, in one transaction.
func RebuildSpans(ctx context.Context, s *DB) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		var ids []uint
		if err := tx.Raw("SELECT id FROM projects ORDER BY id").Scan(&ids).Error; err != nil {
			return err
		}
		return refreshSpans(tx, ids)
	})
}

// SpanRows reads every span as column → value, in key order.
func SpanRows(ctx context.Context, s *DB) ([]map[string]any, error) {
	var rows []map[string]any
	err := s.conn(ctx).Raw("SELECT " + spanColumns + " FROM project_spans ORDER BY project_id, valid_from").Scan(&rows).Error
	return rows, err
}

// Paces returns, for the tests, the 序时进度 lamps (thresholds s.Pace) as of asOf of the
// projects ids (all when nil), keyed by project; a project without a
// lamp is absent. Only the planned projects are read.
func (s *DB) Paces(ctx context.Context, asOf model.Date, ids []uint) (map[uint]model.Pace, error) {
	facts, err := s.paceFacts(ctx, asOf, ids, true)
	if err != nil {
		return nil, err
	}
	out := make(map[uint]model.Pace, len(facts))
	for _, f := range facts {
		if p, ok := s.Pace.Of(f, asOf); ok {
			out[f.ProjectID] = p
		}
	}
	return out, nil
}
