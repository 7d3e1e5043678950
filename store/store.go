// Package store is the only package that holds a *gorm.DB. It keeps
// captrack's records in SQLite (the embedded default: one file, WAL,
// foreign keys on, one writer) or PostgreSQL.
package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/yanhe/captrack/model"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DB is an open captrack database.
type DB struct {
	db *gorm.DB
	// Postgres is true when the database is PostgreSQL.
	Postgres bool
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Open opens (creating if need be) the database named by dsn: a
// "postgres://" or "postgresql://" URL, or else a SQLite file path, and
// brings its schema up to date.
func Open(ctx context.Context, dsn string) (*DB, error) {
	const op = "store.Open"
	var (
		dialector gorm.Dialector
		pg        bool
	)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		dialector, pg = postgres.Open(dsn), true
	case dsn == "":
		return nil, model.E(model.EInvalid, op, "未指定数据库（--db）")
	default:
		// _txlock=immediate makes every transaction take the write lock at
		// BEGIN, so two writers queue on busy_timeout instead of failing
		// with "database is locked" on lock upgrade.
		dialector = sqlite.Open("file:" + dsn + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_synchronous=NORMAL&_txlock=immediate")
	}
	gdb, err := gorm.Open(dialector, &gorm.Config{
		Logger:                                   logger.Default.LogMode(logger.Silent),
		DisableForeignKeyConstraintWhenMigrating: false,
		TranslateError:                           true,
	})
	if err != nil {
		return nil, model.Wrap(op, fmt.Errorf("open %s: %w", redact(dsn), err))
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	if !pg {
		// One connection: SQLite has one writer anyway, and a single
		// connection means no writer ever meets another's lock.
		sqlDB.SetMaxOpenConns(1)
	}
	s := &DB{db: gdb.WithContext(ctx), Postgres: pg, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// Tables lists every table captrack keeps, in dependency order. A later
// feature adds its model here; AutoMigrate adds new tables and columns
// and never drops data.
var tables = []any{
	&model.Project{},
	&model.IndicatorTarget{},
	&model.Milestone{},
	&model.ProgressReport{},
	&model.Supervision{},
	&model.SupervisionReply{},
	&model.AuditEntry{},
	&model.ImportBatch{},
	&model.User{},
	&model.Token{},
	&model.BudgetLine{},
	&model.Disbursement{},
}

func (s *DB) migrate(ctx context.Context) error {
	if err := s.db.WithContext(ctx).AutoMigrate(tables...); err != nil {
		return model.Wrap("store.migrate", err)
	}
	return nil
}

// tx runs fn in one transaction: all of fn's writes land, or none do.
func (s *DB) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.db.WithContext(ctx).Transaction(fn)
}

// conn returns the handle for ctx.
func (s *DB) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

func redact(dsn string) string {
	if i := strings.Index(dsn, "@"); i > 0 && strings.Contains(dsn, "://") {
		return dsn[:strings.Index(dsn, "://")+3] + "…" + dsn[i:]
	}
	return dsn
}

// Pragma reads a SQLite PRAGMA (journal_mode, integrity_check, …).
func (s *DB) Pragma(ctx context.Context, name string) (string, error) {
	if s.Postgres {
		return "", model.E(model.EInvalid, "store.Pragma", "PRAGMA 仅适用于 SQLite")
	}
	var v string
	err := s.conn(ctx).Raw("PRAGMA " + name).Scan(&v).Error
	return v, model.Wrap("store.Pragma", err)
}
