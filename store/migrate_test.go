package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// The release-1 fixtures hold the database release 1 (bare AutoMigrate,
// no schema versions) made of `captrack demo` plus
//
//	echo fixture-password-1 | captrack user add --name fixture --role manager --unit 县民政局 --password-stdin
//
// release1.db is that SQLite file (VACUUMed, journal_mode=DELETE);
// release1.postgres.sql is `pg_dump --inserts --no-owner --no-privileges
// --no-comments` of the same on PostgreSQL, without psql's \restrict
// lines. They never change: every migration must apply to them.

// TestMigrateRelease1 opens release 1's database, which migrates it, and
// checks that its data reads as before, that it takes new writes, and
// that its schema is now that of a fresh database.
func TestMigrateRelease1(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		data, err := os.ReadFile("testdata/release1.db")
		if err != nil {
			t.Fatal(err)
		}
		old := filepath.Join(t.TempDir(), "release1.db")
		if err := os.WriteFile(old, data, 0o600); err != nil {
			t.Fatal(err)
		}
		checkRelease1(t, old, filepath.Join(t.TempDir(), "fresh.db"), sqlite.Open)
	})
	u := os.Getenv(storetest.TestPostgresEnv)
	if u == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		old := storetest.PostgresDSN(t, u)
		dump, err := os.ReadFile("testdata/release1.postgres.sql")
		if err != nil {
			t.Fatal(err)
		}
		restore := gormOpen(t, postgres.Open(old))
		if err := restore.Exec(string(dump)).Error; err != nil {
			t.Fatalf("restore release1.postgres.sql: %v", err)
		}
		closeGorm(restore)
		checkRelease1(t, old, storetest.PostgresDSN(t, u), postgres.Open)
	})
}

func checkRelease1(t *testing.T, old, fresh string, dialect func(string) gorm.Dialector) {
	ctx := context.Background()
	db, err := store.Open(ctx, old)
	if err != nil {
		t.Fatalf("store.Open(release 1): %v", err)
	}
	defer db.Close()

	_, total, err := db.ListProjects(ctx, model.ProjectFilter{})
	if err != nil || total != 56 {
		t.Errorf("ListProjects: total %d, %v; want 56", total, err)
	}
	for id, want := range map[uint]string{
		1:  `{"id":1,"code":"A1-F6DC0BA4E7F6","name":"官舟片区养老服务中心","annex":1,"category":"片区养老服务中心","site":"官舟镇（猴渡坪景区）","township":"官舟镇","responsible_unit":"县民政局","planned_start":"2018-12-31","planned_finish":"2020-12-31","plan_precision":"month","planned_start_precision":"month","planned_finish_precision":"month","investment_wan":5000,"floor_area_m2":13000,"land_mu":20,"beds":300,"actual_start":"2019-01-08","actual_finish":"2021-11-30","progress_pct":100,"spent_wan":4750,"spend":{"allocated_wan":0,"paid_wan":4750,"rate_pct":null,"lamp":"none"}}`,
		11: `{"id":11,"code":"A1-5C7431184214","name":"谯家镇敬老院改扩建","annex":1,"category":"乡镇敬老院改扩建","site":"谯家镇","township":"谯家镇","responsible_unit":"县民政局","planned_start":"2019-06-30","planned_finish":"2020-12-31","plan_precision":"month","planned_start_precision":"month","planned_finish_precision":"month","investment_wan":650,"floor_area_m2":2650,"land_mu":5,"beds":100,"actual_start":"2019-07-15","actual_finish":null,"progress_pct":85,"spent_wan":455,"spend":{"allocated_wan":0,"paid_wan":455,"rate_pct":null,"lamp":"none"}}`,
	} {
		p, err := db.GetProject(ctx, id)
		if err != nil {
			t.Fatalf("GetProject(%d): %v", id, err)
		}
		got, _ := json.Marshal(p)
		if string(got) != want {
			t.Errorf("project %d:\n got %s\nwant %s", id, got, want)
		}
	}
	ms, err := db.ProjectMilestones(ctx, 11)
	if err != nil || len(ms) != 2 {
		t.Errorf("ProjectMilestones(11): %d, %v; want 2", len(ms), err)
	}
	// Stored before entries were dated: known on every date.
	money, err := db.ProjectMoney(ctx, 11, model.NewDate(2001, 1, 1))
	if err != nil || len(money.Payments) != 2 {
		t.Errorf("ProjectMoney(11) as of 2001-01-01: %d payments, %v; want 2", len(money.Payments), err)
	}
	u, err := db.Authenticate(ctx, "fixture", "fixture-password-1")
	if err != nil || u.Role != model.RoleManager || u.Unit != "县民政局" {
		t.Errorf("Authenticate(fixture) = %+v, %v", u, err)
	}
	// The sequences survived: a new row gets the next id.
	nu, err := db.CreateUser(ctx, "newcomer", model.RoleFinance, "", "newcomer-password")
	if err != nil || nu.ID != 7 {
		t.Errorf("CreateUser after migration: id %d, %v; want 7", nu.ID, err)
	}
	// The spans the migration backfilled are those the writes keep.
	spans := func() (string, int) {
		rows, err := store.SpanRows(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(rows)
		return string(out), len(rows)
	}
	if d := dialect(old); d.Name() == "postgres" {
		// Vacuumed after the migration: every page of the spans is
		// visible to index-only scans.
		raw := gormOpen(t, d)
		var pages, visible int64
		if err := raw.Raw("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'project_spans'").Row().Scan(&pages, &visible); err != nil {
			t.Fatal(err)
		}
		closeGorm(raw)
		if pages == 0 || visible != pages {
			t.Errorf("project_spans after the migration: %d pages, %d all-visible; want all", pages, visible)
		}
	}
	backfilled, n := spans()
	if err := store.RebuildSpans(ctx, db); err != nil {
		t.Fatal(err)
	}
	if rebuilt, _ := spans(); n == 0 || backfilled != rebuilt {
		t.Errorf("%d spans backfilled %.500s\nrebuilt %.500s", n, backfilled, rebuilt)
	}
	db.Close()

	// Opening again finds nothing to do.
	again, err := store.Open(ctx, old)
	if err != nil {
		t.Fatalf("store.Open(migrated release 1): %v", err)
	}
	again.Close()

	freshDB, err := store.Open(ctx, fresh)
	if err != nil {
		t.Fatalf("store.Open(fresh): %v", err)
	}
	freshDB.Close()
	if got, want := schemaOf(t, dialect(old)), schemaOf(t, dialect(fresh)); !slices.Equal(got, want) {
		t.Errorf("release 1 migrated and a fresh database differ:\nmigrated %q\n   fresh %q", diff(got, want), diff(want, got))
	}
}

// TestMigrateConcurrentOpen starts several servers at once on one fresh
// PostgreSQL database: each waits for the one migrating, and all open.
func TestMigrateConcurrentOpen(t *testing.T) {
	u := os.Getenv(storetest.TestPostgresEnv)
	if u == "" {
		t.Skip(storetest.TestPostgresEnv + " not set")
	}
	dsn := storetest.PostgresDSN(t, u)
	const servers = 4
	var wg sync.WaitGroup
	errs := make([]error, servers)
	for i := range servers {
		wg.Go(func() {
			db, err := store.Open(context.Background(), dsn)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("server %d: store.Open: %v", i, err)
		}
	}
	g := gormOpen(t, postgres.Open(dsn))
	defer closeGorm(g)
	var inits int64
	if err := g.Table("schema_migrations").Where("id = ?", "SCHEMA_INIT").Count(&inits).Error; err != nil || inits != 1 {
		t.Errorf("schema initialised %d times, %v; want once", inits, err)
	}
}

// TestOpenRefusesNewerSchema: a database migrated by a later captrack is
// not opened by this one.
func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "captrack.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	g := gormOpen(t, sqlite.Open(path))
	err = g.Exec("INSERT INTO schema_migrations (id) VALUES ('209901010000_from_the_future')").Error
	closeGorm(g)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(context.Background(), path)
	if model.Kind(err) != model.EInvalid || model.Message(err) == "" {
		t.Errorf("store.Open(newer schema) = %v, want an invalid-kind error saying so", err)
	}
}

// schemaOf lists every table's columns (name, type, nullability) and
// every index's definition.
func schemaOf(t *testing.T, dialector gorm.Dialector) []string {
	t.Helper()
	g := gormOpen(t, dialector)
	defer closeGorm(g)
	m := g.Migrator()
	tables, err := m.GetTables()
	if err != nil {
		t.Fatal(err)
	}
	var schema []string
	for _, table := range tables {
		cols, err := m.ColumnTypes(table)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			null, _ := c.Nullable()
			schema = append(schema, fmt.Sprintf("%s.%s %s null=%v", table, c.Name(), c.DatabaseTypeName(), null))
		}
	}
	// (Not Migrator().GetIndexes, which logs every query on SQLite.)
	indexes := "SELECT tbl_name || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index'"
	if g.Dialector.Name() == "postgres" {
		indexes = "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
	}
	var idx []string
	if err := g.Raw(indexes).Scan(&idx).Error; err != nil {
		t.Fatal(err)
	}
	schema = append(schema, idx...)
	slices.Sort(schema)
	return schema
}

// diff lists what a has and b lacks.
func diff(a, b []string) []string {
	var d []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			d = append(d, s)
		}
	}
	return d
}

func gormOpen(t *testing.T, dialector gorm.Dialector) *gorm.DB {
	t.Helper()
	g, err := gorm.Open(dialector, &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func closeGorm(g *gorm.DB) {
	if sqlDB, err := g.DB(); err == nil {
		sqlDB.Close()
	}
}
