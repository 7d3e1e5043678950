package faults

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3"
	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/internal/testdisk"
	"github.com/yanhe/captrack/sample"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// holderEnv makes the test binary a second process that holds the write
// lock of the SQLite file it names until its stdin closes.
const holderEnv = "CAPTRACK_FAULTS_HOLDER"

func TestMain(m *testing.M) {
	if path := os.Getenv(holderEnv); path != "" {
		os.Exit(holdWriteLock(path))
	}
	os.Exit(m.Run())
}

// holdWriteLock begins a write transaction on the SQLite file path,
// writes a row, says "locked", and commits when stdin closes.
func holdWriteLock(path string) int {
	db, err := sql.Open("sqlite3", "file:"+path+"?_txlock=immediate&_busy_timeout=10000")
	if err != nil {
		fmt.Println(err)
		return 1
	}
	defer db.Close()
	tx, err := db.Begin()
	if err == nil {
		_, err = tx.Exec("INSERT INTO login_failures (key, at) VALUES ('holder', CURRENT_TIMESTAMP)")
	}
	if err != nil {
		fmt.Println(err)
		return 1
	}
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin)
	if err := tx.Commit(); err != nil {
		fmt.Println(err)
		return 1
	}
	return 0
}

// annex is a plan workbook of n projects as a multipart body.
func annex(t *testing.T, n int) (string, []byte) {
	t.Helper()
	var book bytes.Buffer
	if err := synth.Annex(&book, n); err != nil {
		t.Fatal(err)
	}
	return apitest.Multipart(t, map[string][]byte{"annex.xlsx": book.Bytes()})
}

// intact checks that the database at path passes integrity_check and
// holds want projects and no pending upload.
func intact(t *testing.T, path string, want int64) {
	t.Helper()
	db := storetest.Open(t, path)
	if got, err := db.Pragma(context.Background(), "integrity_check"); err != nil || got != "ok" {
		t.Errorf("integrity_check: %q, %v; want ok", got, err)
	}
	if got := projectCount(t, db); got != want {
		t.Errorf("projects: %d, want %d", got, want)
	}
	if n := storetest.PendingUploads(t, db); n != 0 {
		t.Errorf("%d pending uploads, want none", n)
	}
}

// TestDiskFull: on a disk with no room (a real full tmpfs), an import
// and a dry run that would keep its upload answer 507 with 磁盘空间不足
// and write nothing; once there is room, the same import works.
func TestDiskFull(t *testing.T) {
	dir := testdisk.Mount(t, 16<<20)
	path := filepath.Join(dir, "captrack.db")
	s := apitest.NewEmpty(t, storetest.Open(t, path), api.Options{})
	ct, body := annex(t, 3000)
	free := testdisk.Fill(t, dir, 32<<10)
	for _, q := range []string{"", "?dry_run=true"} {
		status, resp := s.Fetch(t, "POST", "/api/v1/imports"+q, "admin", ct, bytes.NewReader(body))
		if status != 507 || !strings.Contains(resp, "磁盘空间不足") || !strings.Contains(resp, "未写入任何数据") {
			t.Errorf("import%s on a full disk = %d %s; want 507 saying 磁盘空间不足", q, status, resp)
		}
	}
	free()
	intact(t, path, 0)
	if status, resp := s.Fetch(t, "POST", "/api/v1/imports", "admin", ct, bytes.NewReader(body)); status != 200 {
		t.Fatalf("import with room = %d %s", status, resp)
	}
	intact(t, path, 3000)
}

// TestReadOnlyDisk: a database on a read-only disk is refused when it
// is opened, saying it is read-only and naming it, and is left as it was.
// (A disk cannot be made read-only under a server that holds the file
// open for writing: the kernel refuses the remount while it is busy.)
func TestReadOnlyDisk(t *testing.T) {
	dir := testdisk.Mount(t, 16<<20)
	path := filepath.Join(dir, "captrack.db")
	db := storetest.Open(t, path)
	if err := sample.Load(context.Background(), db, io.Discard); err != nil {
		t.Fatal(err)
	}
	db.Close()
	writable := testdisk.ReadOnly(t, dir)
	_, err := store.Open(context.Background(), path)
	if msg := fmt.Sprint(err); !strings.Contains(msg, path) || !strings.Contains(msg, "只读") {
		t.Errorf("opening a database on a read-only disk: %v; want its path and 只读", err)
	}
	writable()
	intact(t, path, 56)
}

// TestCorruptDatabase: a database file with a damaged page is refused
// when it is opened, with 数据库文件已损坏 and its path (quick_check), not
// used until some page or import fails on it.
func TestCorruptDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "captrack.db")
	db := storetest.Open(t, path)
	if err := sample.Load(context.Background(), db, io.Discard); err != nil {
		t.Fatal(err)
	}
	db.Close() // checkpoints the WAL into the file
	storetest.CorruptPage(t, path)
	_, err := store.Open(context.Background(), path)
	if msg := fmt.Sprint(err); !strings.Contains(msg, "数据库文件已损坏") || !strings.Contains(msg, path) {
		t.Errorf("opening a corrupt database: %v; want 数据库文件已损坏 and its path", err)
	}
}

// TestTwoProcessesOneSQLiteFile: while another process holds the write
// lock of the server's SQLite file for longer than the 10 s a write used
// to wait, reads go on, and a write waits for the other's commit and then
// succeeds, instead of failing.
func TestTwoProcessesOneSQLiteFile(t *testing.T) {
	if testing.Short() {
		t.Skip("holds a write lock for 12 s")
	}
	path := filepath.Join(t.TempDir(), "captrack.db")
	s := apitest.NewEmpty(t, storetest.Open(t, path), api.Options{})
	holder := exec.Command(os.Args[0], "-test.run=^$")
	holder.Env = append(os.Environ(), holderEnv+"="+path)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { holder.Process.Kill(); holder.Wait() })
	if sc := bufio.NewScanner(stdout); !sc.Scan() || sc.Text() != "locked" {
		t.Fatalf("the holder said %q", sc.Text())
	}
	type answer struct {
		status int
		body   string
	}
	wrote := make(chan answer, 1)
	go func() {
		ct, body := apitest.Multipart(t, map[string][]byte{sample.AnnexesName: sample.Annexes()})
		status, resp := s.Fetch(t, "POST", "/api/v1/imports", "admin", ct, bytes.NewReader(body))
		wrote <- answer{status, resp}
	}()
	if status, resp := s.Fetch(t, "GET", "/api/v1/projects", "admin", "", nil); status != 200 {
		t.Errorf("a read while the other process writes = %d %s", status, resp)
	}
	time.Sleep(12 * time.Second)
	select {
	case a := <-wrote:
		t.Fatalf("the import answered %d %s while the other process held the lock", a.status, a.body)
	default:
	}
	stdin.Close()
	if err := holder.Wait(); err != nil {
		t.Fatalf("the holder: %v", err)
	}
	if a := <-wrote; a.status != 200 {
		t.Errorf("the import after the other's commit = %d %s; want 200", a.status, a.body)
	}
	if n := projectCount(t, s.DB); n != 56 {
		t.Errorf("projects: %d, want 56", n)
	}
}

// TestDiskFullPostgres: when PostgreSQL's disk is full (its tables in a
// tablespace on a real full tmpfs), an import answers 507 with 磁盘空间不足
// and writes nothing; once there is room, it works.
func TestDiskFullPostgres(t *testing.T) {
	admin := os.Getenv(storetest.TestPostgresEnv)
	if admin == "" {
		t.Skip("needs " + storetest.TestPostgresEnv)
	}
	dir := testdisk.MountFor(t, 16<<20, "postgres")
	adm, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatal(err)
	}
	defer adm.Close()
	ts := "captrack_full_" + strings.TrimPrefix(filepath.Base(dir), "captrack-disk-")
	if _, err := adm.Exec("CREATE TABLESPACE " + ts + " LOCATION '" + dir + "'"); err != nil {
		t.Skipf("cannot make a tablespace on the small disk (is the server on this machine?): %v", err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", admin); err == nil {
			db.Exec("DROP TABLESPACE IF EXISTS " + ts)
			db.Close()
		}
	})
	dsn := storetest.PostgresDSN(t, admin)
	db := storetest.Open(t, dsn)
	raw, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{"ALTER TABLE ALL IN TABLESPACE pg_default SET TABLESPACE " + ts, "ALTER INDEX ALL IN TABLESPACE pg_default SET TABLESPACE " + ts} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s := apitest.NewEmpty(t, db, api.Options{})
	ct, body := annex(t, 3000)
	free := testdisk.Fill(t, dir, 32<<10)
	status, resp := s.Fetch(t, "POST", "/api/v1/imports", "admin", ct, bytes.NewReader(body))
	if status != 507 || !strings.Contains(resp, "磁盘空间不足") {
		t.Errorf("import on a full disk = %d %s; want 507 saying 磁盘空间不足", status, resp)
	}
	free()
	if n := projectCount(t, db); n != 0 {
		t.Errorf("projects after the failed import: %d, want 0", n)
	}
	if status, resp := s.Fetch(t, "POST", "/api/v1/imports", "admin", ct, bytes.NewReader(body)); status != 200 {
		t.Fatalf("import with room = %d %s", status, resp)
	}
	if n := projectCount(t, db); n != 3000 {
		t.Errorf("projects: %d, want 3000", n)
	}
}
