package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver of the PostgreSQL baselines
)

// Engine hands out fresh databases for the benchmarks: SQLite files in a
// directory, or PostgreSQL databases created on a server (and dropped by
// Close). Each has a DSN for store.Open and a bare database/sql handle
// on the same engine for the baselines.
type Engine struct {
	dir     string  // SQLite: the directory of the files
	admin   *sql.DB // PostgreSQL: the server's admin connection
	baseURL *url.URL
	created []string // PostgreSQL databases to drop
}

// NewEngine returns the engine target names: a postgres:// URL, or a
// directory (created if need be) for SQLite files.
func NewEngine(ctx context.Context, target string) (*Engine, error) {
	if !strings.HasPrefix(target, "postgres://") && !strings.HasPrefix(target, "postgresql://") {
		if err := os.MkdirAll(target, 0o755); err != nil {
			return nil, err
		}
		return &Engine{dir: target}, nil
	}
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	admin, err := sql.Open("pgx", target)
	if err != nil {
		return nil, err
	}
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		return nil, err
	}
	return &Engine{admin: admin, baseURL: u}, nil
}

// Kept returns the DSN of the database called name that an earlier run
// kept, creating it empty if there is none: a SQLite file of that name
// in the directory, or the PostgreSQL database PREFIX_kept_NAME, which
// Close leaves in place; PREFIX is the database the --db URL names (so
// that engineers sharing a server each keep their own), captrack_bench
// if it names none or postgres. Generating 100,000 projects takes
// minutes; kept databases let runs share one generation.
func (e *Engine) Kept(ctx context.Context, name string) (string, error) {
	if !e.Postgres() {
		return filepath.Join(e.dir, name+".db"), nil
	}
	prefix := strings.TrimPrefix(e.baseURL.Path, "/")
	if prefix == "" || prefix == "postgres" {
		prefix = "captrack_bench"
	}
	db := prefix + "_kept_" + name
	var n int
	if err := e.admin.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_database WHERE datname = $1", db).Scan(&n); err != nil {
		return "", err
	}
	if n == 0 {
		if _, err := e.admin.ExecContext(ctx, "CREATE DATABASE "+db); err != nil {
			return "", err
		}
	}
	u := *e.baseURL
	u.Path = "/" + db
	return u.String(), nil
}

// Postgres reports whether the engine is PostgreSQL.
func (e *Engine) Postgres() bool { return e.admin != nil }

// String names the engine for the table's title.
func (e *Engine) String() string {
	if e.Postgres() {
		return "PostgreSQL " + e.baseURL.Host
	}
	return "SQLite " + e.dir
}

// Fresh creates an empty database called name and returns the DSN
// store.Open takes for it. A SQLite file of that name is replaced.
func (e *Engine) Fresh(ctx context.Context, name string) (string, error) {
	if !e.Postgres() {
		path := filepath.Join(e.dir, name+".db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(path + suffix); err != nil && !os.IsNotExist(err) {
				return "", err
			}
		}
		return path, nil
	}
	b := make([]byte, 4)
	rand.Read(b)
	db := "captrack_bench_" + name + "_" + hex.EncodeToString(b)
	if _, err := e.admin.ExecContext(ctx, "CREATE DATABASE "+db); err != nil {
		return "", err
	}
	e.created = append(e.created, db)
	u := *e.baseURL
	u.Path = "/" + db
	return u.String(), nil
}

// Bare opens a bare database/sql handle on the database of dsn (from
// Fresh), with SQLite's settings as store.Open makes them (WAL, busy
// timeout, synchronous=NORMAL).
func (e *Engine) Bare(dsn string) (*sql.DB, error) {
	if e.Postgres() {
		return sql.Open("pgx", dsn)
	}
	return sql.Open("sqlite3", "file:"+dsn+"?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_synchronous=NORMAL")
}

// Settle brings a freshly loaded database to its steady state before it
// is measured: on PostgreSQL, VACUUM ANALYZE (the first reads after a
// bulk load otherwise pay for autovacuum and hint bits, which made
// figures swing tenfold); SQLite needs nothing.
func (e *Engine) Settle(ctx context.Context, bare *sql.DB) error {
	if !e.Postgres() {
		return nil
	}
	_, err := bare.ExecContext(ctx, "VACUUM ANALYZE")
	return err
}

// Close drops the PostgreSQL databases Fresh created. SQLite files stay
// in the directory, which the caller owns.
func (e *Engine) Close() error {
	if !e.Postgres() {
		return nil
	}
	var first error
	for _, db := range e.created {
		if _, err := e.admin.Exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"); err != nil && first == nil {
			first = fmt.Errorf("drop %s: %w", db, err)
		}
	}
	if err := e.admin.Close(); err != nil && first == nil {
		first = err
	}
	return first
}

// rebind turns the ? placeholders of q into PostgreSQL's $1, $2, ….
func rebind(pg bool, q string) string {
	if !pg {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
