package store

import (
	"context"
	"errors"

	"github.com/go-gormigrate/gormigrate/v2"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// tables lists every table captrack keeps, in dependency order: a fresh
// database is created from these models in one step (initSchema). A
// feature that adds a table adds its model here AND a migration below.
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

// migrations are the schema's versions after release 1 (the schema of
// store/testdata/release1.*, which bare AutoMigrate created), oldest
// first. Each runs once, in the transaction of the Open that finds it
// pending, against the schema its predecessors left, and never changes
// once landed: a later change is a new entry. IDs are
// "YYYYMMDDHHMM_what" in UTC, so that they sort in the order they run.
//
// A migration names the schema of its own time, not today's model, so
// that it still means the same when the model moves on: a new column is
// AutoMigrate of a struct local to the migration, named like the model
// (gorm derives the table name from it) with only the new fields:
//
//	{ID: "202612020930_projects_remark", Migrate: func(tx *gorm.DB) error {
//		type Project struct {
//			Remark string `gorm:"size:200"`
//		}
//		return tx.AutoMigrate(&Project{})
//	}},
//
// A new table is AutoMigrate of a local copy of its model; renames and
// backfills are tx.Migrator().RenameColumn and UPDATE statements.
// TestMigrateRelease1 checks that release 1's database, migrated, has
// every column and index of a fresh one.
var migrations = []*gormigrate.Migration{
	{ID: "202612012330_projects_qualifiers", Migrate: func(tx *gorm.DB) error {
		type Project struct {
			Qualifiers string `gorm:"size:512"`
		}
		return tx.AutoMigrate(&Project{})
	}},
}

// migrationTable records the IDs of the migrations a database has had.
const migrationTable = "schema_migrations"

// migrationLock is the PostgreSQL advisory lock that makes servers
// starting together on one database migrate one after the other.
const migrationLock int64 = 0x6361707472616b // "captrak"

// migrate brings the schema up to date in one transaction: on SQLite the
// transaction holds the write lock from BEGIN, on PostgreSQL it takes
// migrationLock first, so that a second server starting at the same
// time waits and then finds nothing left to do.
func (s *DB) migrate(ctx context.Context) error {
	const op = "store.migrate"
	options := &gormigrate.Options{
		TableName:                 migrationTable,
		IDColumnName:              "id",
		IDColumnSize:              255,
		ValidateUnknownMigrations: true,
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if s.Postgres {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", migrationLock).Error; err != nil {
				return err
			}
		}
		if !tx.Migrator().HasTable(migrationTable) && tx.Migrator().HasTable(&model.Project{}) {
			// Release 1 kept no versions: its schema is the one
			// initialised, and every migration is yet to run.
			release1 := gormigrate.New(tx, options, nil)
			release1.InitSchema(func(*gorm.DB) error { return nil })
			if err := release1.Migrate(); err != nil {
				return err
			}
		}
		m := gormigrate.New(tx, options, migrations)
		m.InitSchema(func(tx *gorm.DB) error { return tx.AutoMigrate(tables...) })
		return m.Migrate()
	})
	if errors.Is(err, gormigrate.ErrUnknownPastMigration) {
		return model.E(model.EInvalid, op, "数据库已由更新版本的 captrack 升级过结构，请使用新版本的 captrack 打开")
	}
	return model.Wrap(op, err)
}
