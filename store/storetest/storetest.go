// Package storetest opens fresh captrack databases for tests: SQLite in a temp
// dir always, PostgreSQL too when CAPTRACK_TEST_POSTGRES names a server.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// TestPostgresEnv names the environment variable that, when it holds a
// PostgreSQL URL, makes ForEachDB run tests against PostgreSQL as well.
const TestPostgresEnv = "CAPTRACK_TEST_POSTGRES"

// ForEachDB runs fn as a subtest against a fresh SQLite database in a temp
// dir, and, when CAPTRACK_TEST_POSTGRES is set, against a fresh
// PostgreSQL database created for the subtest and dropped after it. Other
// packages' tests use it too, so that every storage-touching suite covers
// both engines.
func ForEachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, OpenSQLite(t)) })
	if u := os.Getenv(TestPostgresEnv); u != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, OpenPostgres(t, u)) })
	}
}

// OpenSQLite opens a fresh SQLite database in t's temp dir.
func OpenSQLite(t testing.TB) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "captrack.db"))
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// ForEachDSN is ForEachDB for code that opens its database itself (the
// CLI): fn gets the --db value of a fresh SQLite file or PostgreSQL
// database.
func ForEachDSN(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, filepath.Join(t.TempDir(), "captrack.db")) })
	if u := os.Getenv(TestPostgresEnv); u != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, PostgresDSN(t, u)) })
	}
}

// OpenPostgres opens a fresh database (see PostgresDSN).
func OpenPostgres(t testing.TB, adminURL string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), PostgresDSN(t, adminURL))
	if err != nil {
		t.Fatalf("store.Open postgres: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// PostgresDSN creates a uniquely named database on the server of
// adminURL, drops it when t ends, and returns its URL.
func PostgresDSN(t testing.TB, adminURL string) string {
	t.Helper()
	admin, err := gorm.Open(postgres.Open(adminURL), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		t.Fatalf("connect %s: %v", TestPostgresEnv, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "captrack_test_" + hex.EncodeToString(b)
	if err := admin.Exec("CREATE DATABASE " + name).Error; err != nil {
		t.Fatalf("create test database: %v", err)
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		t.Fatalf("parse %s: %v", TestPostgresEnv, err)
	}
	u.Path = "/" + name
	// Registered first, so that it runs after the cleanups that close the
	// database's connections.
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		if sqlDB, err := admin.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return u.String()
}

// Open opens the database dsn once more, as another server on it would,
// and closes it when t ends.
func Open(t testing.TB, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// PendingUploads counts the pending uploads db holds by sweeping them
// all, as if they had expired: for checks that none is left.
func PendingUploads(t testing.TB, db *store.DB) int {
	t.Helper()
	now := db.Now
	defer func() { db.Now = now }()
	later := now().Add(model.MaxUploadTTL)
	db.Now = func() time.Time { return later }
	n, err := db.SweepUploads(context.Background())
	if err != nil {
		t.Fatalf("SweepUploads: %v", err)
	}
	return n
}

// CorruptPage overwrites a page in the middle of the closed SQLite file
// at path with garbage, as a failing disk would.
func CorruptPage(t testing.TB, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	mid := len(b) / page / 2 * page
	for i := mid; i < mid+page && i < len(b); i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
