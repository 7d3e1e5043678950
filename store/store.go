// Package store is the only package that holds a *gorm.DB. It keeps
// captrack's records in SQLite (the embedded default: one file, WAL,
// foreign keys on, one writer) or PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/yanhe/captrack/calendar"
	"github.com/yanhe/captrack/model"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// DB is an open captrack database.
type DB struct {
	db *gorm.DB
	// read serves the heavy reads outside transactions (alerts, project
	// lists, reports, token checks). On SQLite it is a pool of query-only
	// connections beside the one writer: in WAL mode readers run in
	// parallel with each other and with the writer, and a long read never
	// makes writers queue. On PostgreSQL it is db.
	read *gorm.DB
	// Postgres is true when the database is PostgreSQL.
	Postgres bool
	// Now returns the current time; tests replace it.
	Now func() time.Time
	// Zone is the county's time zone (default Asia/Shanghai): it says
	// which calendar day a moment falls on (Today, DateOf).
	Zone *time.Location
	// holidays are the years of the embedded calendar.
	holidays []calendar.Year
	// Lamps sets the spending-progress lamps (default
	// model.DefaultSpendLamps).
	Lamps model.SpendLamps
	// Pace sets the 序时进度 lamps (default model.DefaultPaceLamps).
	Pace model.PaceLamps
	// Org is the 编制单位 the reports print (default model.DefaultOrg).
	Org string
	// progress holds the running import jobs' progress on SQLite
	// (store/importjobs.go), shared with the handles of Atomic.
	progress *jobProgresses
}

// Today is the county's calendar date now: the one "today" every as-of
// default, entry limit and report date uses.
func (s *DB) Today() model.Date { return s.DateOf(s.Now()) }

// TimeZone is the county's time zone, Zone.
func (s *DB) TimeZone() *time.Location { return s.Zone }

// PaceLamps are the 序时进度 lamps' thresholds, Pace.
func (s *DB) PaceLamps() model.PaceLamps { return s.Pace }

// SpendLamps are the spending-progress lamps' thresholds, Lamps.
func (s *DB) SpendLamps() model.SpendLamps { return s.Lamps }

// DateOf is the county's calendar date of the moment t.
func (s *DB) DateOf(t time.Time) model.Date { return model.DateOf(t.In(s.Zone)) }

// readStatements is how many prepared statements SQLite's read handle
// keeps. gorm closes a statement it drops from its cache at once, even
// while a request that has just taken it from the cache is about to run
// it ("sql: statement is closed"): the least recently used one is
// dropped, never the one just taken, and none expires: gorm's default
// is a day from the prepare, not from the last use; ten years is its own
// "no eviction" value, for which it runs no expiry at all.
const (
	readStatements    = 512
	readStatementsTTL = 10 * 365 * 24 * time.Hour
)

// busyTimeout is how long a SQLite write waits for another connection's
// (or process's) transaction to end.
const busyTimeout = 5 * time.Minute

// Open opens (creating if need be) the database named by dsn: a
// "postgres://" or "postgresql://" URL, or else a SQLite file path, and
// brings its schema up to date.
func Open(ctx context.Context, dsn string) (*DB, error) {
	const op = "store.Open"
	var (
		dialector, reader gorm.Dialector
		pg                bool
	)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		dialector, pg = postgres.Open(dsn), true
	case dsn == "":
		return nil, model.E(model.EInvalid, op, "未指定数据库（--db）")
	case sqliteMissing != "":
		return nil, model.E(model.EInvalid, op, sqliteMissing)
	default:
		// _txlock=immediate makes every transaction take the write lock at
		// BEGIN, so two writers queue on busy_timeout instead of failing
		// with "database is locked" on lock upgrade. The wait is long
		// enough for another process's transaction to end (a province's
		// import runs for minutes): a write waits for it rather than
		// failing; past it, the error is a busy 503 (Fault).
		file := "file:" + dsn + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=" + strconv.Itoa(int(busyTimeout/time.Millisecond)) + "&_synchronous=NORMAL"
		dialector = sqlite.Open(file + "&_txlock=immediate")
		reader = sqlite.Open(file + "&_query_only=true")
	}
	// gorm keeps its callbacks in the Config: each handle needs its own.
	config := func() *gorm.Config {
		return &gorm.Config{
			Logger:                                   logger.Default.LogMode(logger.Silent),
			DisableForeignKeyConstraintWhenMigrating: false,
			TranslateError:                           true,
		}
	}
	gdb, err := gorm.Open(dialector, config())
	if err != nil {
		return nil, openError(dsn, err)
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	if !pg {
		// One connection: SQLite has one writer anyway, and a single
		// connection means no writer ever meets another's lock.
		sqlDB.SetMaxOpenConns(1)
		if err := quickCheck(ctx, gdb, dsn); err != nil {
			sqlDB.Close()
			return nil, err
		}
	}
	s := &DB{db: gdb.WithContext(ctx), Postgres: pg, Now: time.Now, Zone: model.CountyZone(), holidays: calendar.Embedded(), Lamps: model.DefaultSpendLamps(), Pace: model.DefaultPaceLamps(), Org: model.DefaultOrg, progress: &jobProgresses{}}
	s.read = s.db
	if err := s.migrate(ctx); err != nil {
		sqlDB.Close()
		if openReason(err) != "" {
			return nil, openError(dsn, err)
		}
		return nil, err
	}
	if reader != nil {
		// Opened after the migration, so that it never meets a schema
		// being created. It keeps its statements prepared (at most
		// readStatements of them, the least recently used closed first):
		// SQLite compiles a statement on every prepare, which took half
		// of a project page's database time. On PostgreSQL pgx keeps
		// them per connection itself.
		rc := config()
		rc.PrepareStmt, rc.PrepareStmtMaxSize, rc.PrepareStmtTTL = true, readStatements, readStatementsTTL
		rdb, err := gorm.Open(reader, rc)
		if err == nil {
			var readDB *sql.DB
			if readDB, err = rdb.DB(); err == nil {
				readDB.SetMaxOpenConns(max(4, 2*runtime.NumCPU()))
			}
		}
		if err != nil {
			sqlDB.Close()
			return nil, openError(dsn, err)
		}
		s.read = rdb.WithContext(ctx)
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error {
	err := closeHandle(s.db)
	if s.read != s.db {
		err = errors.Join(err, closeHandle(s.read))
	}
	return err
}

func closeHandle(g *gorm.DB) error {
	sqlDB, err := g.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// tx runs fn in one transaction: all of fn's writes land, or none do.
func (s *DB) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.db.WithContext(ctx).Transaction(fn)
}

// Atomic runs fn with a handle of s on one transaction: every read and
// write made through it (imports, users, …) commits with the others when
// fn returns nil, and none of them otherwise; a transaction a call opens
// on it is a savepoint of this one. The handle starts with s's settings
// and clock; fn may set its Now, to enter what it writes as of another
// moment, without changing s's. It is fn's alone, not to be kept after
// fn returns.
func (s *DB) Atomic(ctx context.Context, fn func(tx *DB) error) error {
	return model.Wrap("store.Atomic", s.tx(ctx, func(tx *gorm.DB) error {
		t := *s
		t.db, t.read = tx, tx
		return fn(&t)
	}))
}

// conn returns the handle for ctx.
func (s *DB) conn(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

// reader returns the read-only handle for ctx, for reads outside
// transactions; a read that must see a transaction's own writes uses
// the transaction.
func (s *DB) reader(ctx context.Context) *gorm.DB { return s.read.WithContext(ctx) }

func redact(dsn string) string {
	if i := strings.Index(dsn, "@"); i > 0 && strings.Contains(dsn, "://") {
		return dsn[:strings.Index(dsn, "://")+3] + "…" + dsn[i:]
	}
	return dsn
}

// analyze refreshes PostgreSQL's planner statistics of tables within
// transaction tx, after a bulk write: autovacuum would do it only a
// minute or more later, and until then the planner takes the new rows
// for a handful and can pick a plan thousands of times slower
// (AlertFacts over 1,000,000 fresh milestones ran a nested-loop anti join
// for 68 s instead of 0.9 s). It counts the rows tx has written too.
// ANALYZE holds its lock on a table to the end of the transaction, and
// waits for another's, so that one import would wait for another (or
// deadlock with it): it waits a moment at most, under a savepoint, and
// when another transaction holds a table the statistics are left to
// autovacuum. SQLite's planner needs no statistics for captrack's
// queries.
func (s *DB) analyze(tx *gorm.DB, tables ...string) error {
	if !s.Postgres {
		return nil
	}
	// (Statements, not gorm's SavePoint, which drops the error.)
	if err := tx.Exec("SAVEPOINT import_analyze").Error; err != nil {
		return err
	}
	err := tx.Exec("SET LOCAL lock_timeout = '200ms'").Error
	if err == nil {
		err = tx.Exec("ANALYZE " + strings.Join(tables, ", ")).Error
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "55P03" { // lock_not_available
		// Rolls back the lock timeout too.
		return tx.Exec("ROLLBACK TO SAVEPOINT import_analyze").Error
	}
	if err != nil {
		return err
	}
	if err := tx.Exec("SET LOCAL lock_timeout = DEFAULT").Error; err != nil {
		return err
	}
	return tx.Exec("RELEASE SAVEPOINT import_analyze").Error
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

// quickCheck runs SQLite's PRAGMA quick_check on the file dsn, so that a
// corrupt database is refused when it is opened, naming the file, rather
// than failing later in the middle of some page or import. (It reads
// every page once: a second or so for a province's database.)
func quickCheck(ctx context.Context, gdb *gorm.DB, dsn string) error {
	var rows []string
	if err := gdb.WithContext(ctx).Raw("PRAGMA quick_check").Scan(&rows).Error; err != nil {
		return openError(dsn, err)
	}
	if len(rows) == 1 && rows[0] == "ok" {
		return nil
	}
	return &model.Error{Kind: model.EInvalid, Op: "store.Open", Message: fmt.Sprintf("无法打开数据库 %s：%s", dsn, corruptReason),
		Err: fmt.Errorf("quick_check: %s", strings.Join(rows, "; "))}
}
