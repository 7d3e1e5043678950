// Command captrack-bench measures captrack at province scale: it
// generates the data (internal/synth), runs captrack's import, alerts,
// spend report and alerts API and a bare baseline of each in the same
// run, and prints a table of figures, ratios and the issue's targets. It
// exits 1 when a target is missed.
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
	"github.com/yanhe/captrack/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errMissed):
		os.Exit(1)
	case err != nil:
		fmt.Fprintln(os.Stderr, "captrack-bench:", err)
		os.Exit(1)
	}
}

// parts are the parts of the bench, in the order they run.
var parts = []string{"import", "alerts", "report", "http", "pages"}

// benchMilestones is the number of milestones of each generated project:
// 100,000 projects make 1,000,000 milestones.
const benchMilestones = 10

// errMissed says that the table, already printed, has a missed target.
var errMissed = errors.New("a target was missed")

// benchRun is one run of the bench: where its databases live, what it
// measures and the rows of its table.
type benchRun struct {
	log          io.Writer
	eng          *Engine
	rows, runs   int
	httpProjects int
	httpFor      time.Duration
	wrk          string
	keep         bool     // the pages part reuses and keeps its databases
	match        []string // the pages part measures only the calls whose name or path contains one
	table        []Row
}

// run parses args, generates the data and measures the parts asked for,
// writing the table to stdout and its progress to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("captrack-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.String("db", "", "基准测试数据库所在：SQLite 文件目录或 postgres:// URL（在其服务器上新建临时数据库）；默认临时目录")
	rows := fs.Int("rows", 100_000, "项目数（导入工作簿行数、预警和报表的项目数）")
	only := fs.String("only", strings.Join(parts, ","), "只运行这些部分："+strings.Join(parts, ","))
	runs := fs.Int("runs", 3, "每项重复次数，取中位数")
	httpFor := fs.Duration("http-duration", 10*time.Second, "每次 wrk 压测时长")
	httpProjects := fs.Int("http-projects", 1000, "压测 GET /api/v1/alerts 时数据库中的项目数")
	keep := fs.Bool("keep", false, "页面部分沿用并保留生成的数据库（--db 目录中的 pagesN.db，或 PostgreSQL 的 库名_kept_pagesN，库名取自 --db 的 URL，未给出时为 captrack_bench），不再重新生成")
	match := fs.String("match", "", "页面部分只测名称或路径含这些字符串之一（逗号分隔）的页面和调用；默认全部")
	cpuProfile := fs.String("cpuprofile", "", "把整个运行的 CPU 剖析写入该文件（go tool pprof 读取）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("多余的参数：%s", strings.Join(fs.Args(), " "))
	}
	selected, err := selection(*only)
	if err != nil {
		return err
	}
	if *rows < 10 || *runs < 1 || *httpProjects < 1 || *httpFor < time.Second {
		return errors.New("--rows 至少为 10，--runs、--http-projects 至少为 1，--http-duration 至少 1 秒")
	}
	if *target == "" {
		// Never the default captrack.db: the benchmark writes its own data.
		dir, err := os.MkdirTemp("", "captrack-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		*target = dir
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	eng, err := NewEngine(ctx, *target)
	if err != nil {
		return fmt.Errorf("基准测试数据库：%w", err)
	}
	defer eng.Close()
	b := &benchRun{log: stderr, eng: eng, rows: *rows, runs: *runs, httpProjects: *httpProjects, httpFor: *httpFor, keep: *keep}
	if *match != "" {
		b.match = strings.Split(*match, ",")
	}
	b.wrk, _ = exec.LookPath("wrk")
	steps := map[string]func(context.Context) error{"import": b.importer, "alerts": b.alerts, "report": b.report, "http": b.http, "pages": b.pages}
	for _, p := range selected {
		if err := steps[p](ctx); err != nil {
			return fmt.Errorf("bench %s：%w", p, err)
		}
	}
	title := fmt.Sprintf("captrack-bench：%d 个项目，%s，%s %s/%s，%d 核，重复 %d 次取中位数",
		b.rows, eng, runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), b.runs)
	if err := WriteTable(stdout, title, b.table); err != nil {
		return err
	}
	missed := 0
	for _, r := range b.table {
		if !r.Pass() {
			missed++
		}
	}
	if missed > 0 {
		fmt.Fprintf(stdout, "%d 项未达到目标。\n", missed)
		return errMissed
	}
	return nil
}

// selection parses --only.
func selection(only string) ([]string, error) {
	want := map[string]bool{}
	for _, p := range strings.Split(only, ",") {
		want[strings.TrimSpace(p)] = true
	}
	var selected []string
	for _, p := range parts {
		if want[p] {
			selected = append(selected, p)
			delete(want, p)
		}
	}
	delete(want, "")
	if len(want) > 0 || len(selected) == 0 {
		return nil, fmt.Errorf("--only 应为 %s 中的一个或几个（以逗号分隔），而不是 %q", strings.Join(parts, ","), only)
	}
	return selected, nil
}

func (b *benchRun) logf(format string, args ...any) {
	fmt.Fprintf(b.log, "[%s] "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

// add appends a row to the table, with the load average of now.
func (b *benchRun) add(r Row) {
	r.Load = LoadAvg()
	b.table = append(b.table, r)
	b.logf("%s：实测 %.3f，基线 %.3f（%s）", r.Name, r.Measured, r.Baseline, r.Unit)
}

// open opens a fresh database called name, with its bare handle.
func (b *benchRun) open(ctx context.Context, name string) (*store.DB, *sql.DB, error) {
	return b.openDSN(ctx, b.eng.Fresh, name)
}

// openDSN opens the database that fresh (Engine.Fresh or Engine.Kept)
// returns for name, with its bare handle.
func (b *benchRun) openDSN(ctx context.Context, fresh func(context.Context, string) (string, error), name string) (*store.DB, *sql.DB, error) {
	dsn, err := fresh(ctx, name)
	if err != nil {
		return nil, nil, err
	}
	db, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	bare, err := b.eng.Bare(dsn)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, bare, nil
}

func mb(bytes uint64) float64 { return float64(bytes) / (1 << 20) }

// importer measures importer.Import of an annex of b.rows rows into a
// fresh database against a bare Rows() scan plus a prepared insert of
// the same rows in one transaction, and the import's peak heap against
// that of a tenth of the rows.
func (b *benchRun) importer(ctx context.Context) error {
	var big, small bytes.Buffer
	if err := synth.Annex(&big, b.rows); err != nil {
		return err
	}
	if err := synth.Annex(&small, b.rows/10); err != nil {
		return err
	}
	b.logf("导入：工作簿 %d 行 %.1f MB，%d 行 %.1f MB", b.rows, mb(uint64(big.Len())), b.rows/10, mb(uint64(small.Len())))
	var peakBig, peakSmall, peakBare uint64
	run := 0
	measured := func(data []byte, n int, peak *uint64) func() (time.Duration, error) {
		return func() (time.Duration, error) {
			run++
			dsn, err := b.eng.Fresh(ctx, fmt.Sprintf("import%d", run))
			if err != nil {
				return 0, err
			}
			db, err := store.Open(ctx, dsn)
			if err != nil {
				return 0, err
			}
			defer db.Close()
			var (
				d   time.Duration
				rep model.ImportResult
			)
			*peak = max(*peak, PeakHeap(func() {
				t0 := time.Now()
				rep, err = importer.Import(ctx, db, []importer.File{{Name: "bench.xlsx", R: bytes.NewReader(data)}},
					importer.Options{}, model.ApplyOptions{Actor: model.Actor{User: "bench", Source: "bench"}})
				d = time.Since(t0)
			}))
			switch {
			case err != nil:
				return 0, err
			case len(rep.Errors) > 0 || rep.Created != n:
				return 0, fmt.Errorf("导入 %d 行：新建 %d 个项目，%d 处错误（第一处：%v）", n, rep.Created, len(rep.Errors), rep.Errors)
			}
			return d, nil
		}
	}
	baseline := func() (time.Duration, error) {
		run++
		dsn, err := b.eng.Fresh(ctx, fmt.Sprintf("bare%d", run))
		if err != nil {
			return 0, err
		}
		bare, err := b.eng.Bare(dsn)
		if err != nil {
			return 0, err
		}
		defer bare.Close()
		var (
			d time.Duration
			n int
		)
		peakBare = max(peakBare, PeakHeap(func() {
			t0 := time.Now()
			// The importer's own unzip limits (importer.Parse).
			opt := excelize.Options{UnzipSizeLimit: importer.DefaultMaxUnzipSize, UnzipXMLSizeLimit: min(importer.DefaultMaxUnzipSize, 16<<20)}
			n, err = BareImport(ctx, bare, b.eng.Postgres(), bytes.NewReader(big.Bytes()), opt)
			d = time.Since(t0)
		}))
		if err == nil && n != b.rows {
			err = fmt.Errorf("基线导入 %d 行，应为 %d 行", n, b.rows)
		}
		return d, err
	}
	m, base, err := Compare(b.runs, measured(big.Bytes(), b.rows, &peakBig), baseline)
	if err != nil {
		return err
	}
	b.add(Row{Name: fmt.Sprintf("导入 %d 行：耗时", b.rows), Unit: "s", Measured: m.Seconds(), Baseline: base.Seconds(), Target: 1.5,
		Note: "基线：Rows() 扫描 + 单事务预编译 INSERT"})
	if _, err := measured(small.Bytes(), b.rows/10, &peakSmall)(); err != nil {
		return err
	}
	b.add(Row{Name: fmt.Sprintf("导入峰值堆内存 %d 行 / %d 行", b.rows, b.rows/10), Unit: "MB", Measured: mb(peakBig), Baseline: mb(peakSmall), Target: 1.5,
		Note: fmt.Sprintf("基线导入峰值 %.1f MB", mb(peakBare))})
	return nil
}

// alerts measures alerts.List over b.rows projects of benchMilestones
// milestones against the bare queries returning the same rows.
func (b *benchRun) alerts(ctx context.Context) error {
	db, bare, err := b.open(ctx, "alerts")
	if err != nil {
		return err
	}
	defer db.Close()
	defer bare.Close()
	t0 := time.Now()
	if err := synth.Tracking(ctx, db, b.rows, benchMilestones); err != nil {
		return err
	}
	if err := b.eng.Settle(ctx, bare); err != nil {
		return err
	}
	b.logf("预警：生成 %d 个项目、%d 个节点，用时 %s", b.rows, b.rows*benchMilestones, time.Since(t0).Round(time.Second))
	var alertsN, rowsN int
	measured := Timed(func() error {
		as, err := alerts.List(ctx, db, synth.AsOf, alerts.DefaultConfig())
		alertsN = len(as)
		return err
	})
	baseline := Timed(func() error {
		rows, err := BareAlerts(ctx, bare, b.eng.Postgres(), synth.AsOf)
		rowsN = len(rows)
		return err
	})
	// One unmeasured pass each warms the caches.
	if _, _, err := Compare(1, measured, baseline); err != nil {
		return err
	}
	m, base, err := Compare(b.runs, measured, baseline)
	if err != nil {
		return err
	}
	b.add(Row{Name: fmt.Sprintf("预警 %d 项目 / %d 节点：耗时", b.rows, b.rows*benchMilestones), Unit: "s", Measured: m.Seconds(), Baseline: base.Seconds(), Target: 2,
		Note: fmt.Sprintf("%d 条预警；基线：同样两条 SQL 读出 %d 行", alertsN, rowsN)})
	return nil
}

// report measures reports.Spend of b.rows projects against a bare stream
// writer writing the same cells, in time and peak heap.
func (b *benchRun) report(ctx context.Context) error {
	data := synth.ReportData(b.rows)
	var peakSpend, peakBare uint64
	write := func(fn func(io.Writer, model.ReportData) error, peak *uint64) func() (time.Duration, error) {
		return func() (time.Duration, error) {
			var (
				d   time.Duration
				err error
			)
			*peak = max(*peak, PeakHeap(func() {
				t0 := time.Now()
				err = fn(io.Discard, data)
				d = time.Since(t0)
			}))
			return d, err
		}
	}
	m, base, err := Compare(b.runs, write(reports.Spend, &peakSpend), write(BareSpend, &peakBare))
	if err != nil {
		return err
	}
	b.add(Row{Name: fmt.Sprintf("资金使用进度表 %d 项目：耗时", b.rows), Unit: "s", Measured: m.Seconds(), Baseline: base.Seconds(), Target: 1.3,
		Note: "基线：裸 StreamWriter 写同样的单元格"})
	b.add(Row{Name: fmt.Sprintf("资金使用进度表 %d 项目：峰值堆内存", b.rows), Unit: "MB", Measured: mb(peakSpend), Baseline: mb(peakBare), Target: 1.5})
	return nil
}

// http measures GET /api/v1/alerts (its first page) under wrk at 50
// connections against a bare net/http handler serving the whole list's
// queries of the same database (as the API did before it was paged):
// the page must serve at least as many requests.
func (b *benchRun) http(ctx context.Context) error {
	const conns = 50
	if b.wrk == "" {
		b.logf("HTTP：未找到 wrk（Debian 软件包 wrk），跳过")
		return nil
	}
	db, bare, err := b.open(ctx, "http")
	if err != nil {
		return err
	}
	defer db.Close()
	defer bare.Close()
	if err := synth.Tracking(ctx, db, b.httpProjects, benchMilestones); err != nil {
		return err
	}
	if err := b.eng.Settle(ctx, bare); err != nil {
		return err
	}
	token, err := benchToken(ctx, db)
	if err != nil {
		return err
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	path := "/api/v1/alerts?as_of=" + synth.AsOf.String()
	measuredURL, stop, err := serveLoopback(api.NewServer(db, api.Options{Logger: quiet}))
	if err != nil {
		return err
	}
	defer stop()
	bareURL, stopBare, err := serveLoopback(BareAlertsHandler(bare, b.eng.Postgres(), synth.AsOf))
	if err != nil {
		return err
	}
	defer stopBare()
	auth := "Authorization: Bearer " + token
	b.logf("HTTP：%d 个项目，wrk %d 连接，每轮 %s", b.httpProjects, conns, b.httpFor)
	m, err := Wrk(ctx, b.wrk, measuredURL+path, auth, conns, b.httpFor)
	if err != nil {
		return err
	}
	base, err := Wrk(ctx, b.wrk, bareURL+path, "", conns, b.httpFor)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("GET /api/v1/alerts（%d 项目，%d 连接）", b.httpProjects, conns)
	b.add(Row{Name: name + "：吞吐", Unit: "req/s", Measured: m.RPS, Baseline: base.RPS, Target: 1, AtLeast: true,
		Note: fmt.Sprintf("请求数 %d / %d", m.Requests, base.Requests)})
	b.add(Row{Name: name + "：p99 延迟", Unit: "ms", Measured: float64(m.P99) / float64(time.Millisecond), Baseline: float64(base.P99) / float64(time.Millisecond), Target: 3})
	b.add(Row{Name: name + "：失败请求", Unit: "requests", Measured: float64(m.Failed()), Baseline: float64(base.Failed()), Exact: true,
		Note: fmt.Sprintf("非 2xx %d，套接字错误 %d", m.Non2xx, m.SocketErrors)})
	return nil
}

// benchToken creates a supervisor with a random password (unless a kept
// database has one) and returns a token of theirs.
func benchToken(ctx context.Context, db *store.DB) (string, error) {
	u, err := db.UserByName(ctx, "bench")
	if model.Kind(err) == model.ENotFound {
		pw := make([]byte, 16)
		rand.Read(pw)
		u, err = db.CreateUser(ctx, "bench", model.RoleSupervisor, "", hex.EncodeToString(pw))
	}
	if err != nil {
		return "", err
	}
	return db.IssueToken(ctx, u.ID, 24*time.Hour)
}

// serveLoopback serves h on a free loopback port and returns its base
// URL and a function that stops it.
func serveLoopback(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}
