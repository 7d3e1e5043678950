package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/importer"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/sample"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/ui"
)

// shutdownGrace is how long serve lets requests in flight finish.
const shutdownGrace = 10 * time.Second

// newHTTPServer is serve's server of h: a client has 10 s to send its
// headers (at most 64 KiB of them) and 2 minutes for its whole request
// (a 32 MiB upload at 2 Mbit/s), an answer may take 10 minutes to write
// (a province's report, an import at its time cap), and an idle
// keep-alive connection is closed after 2 minutes.
func newHTTPServer(ctx context.Context, h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}

// cmdServe serves the web UI and the API until ctx ends, then shuts down
// gracefully.
func cmdServe(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "serve")
	addr := fs.String("addr", "127.0.0.1:8080", "监听`地址`")
	demo := fs.Bool("demo", false, "数据库为空时载入示例数据并创建示例用户（打印其密码）")
	fs.StringVar(&e.tz, "tz", e.tz, "县的`时区`，决定“今天”和显示的时间（默认 Asia/Shanghai，环境变量 CAPTRACK_TZ）")
	maxUpload := fs.Int64("max-upload-mb", httpx.DefaultMaxUpload>>20, "上传文件大小`上限`（MiB）")
	pace := paceFlags(fs)
	spend := spendFlags(fs)
	secure := fs.Bool("secure-cookies", false, "会话 Cookie 始终带 Secure 标记（经 HTTPS 反向代理提供服务时使用）")
	proxies := fs.String("trusted-proxy", "", "反向代理的`地址`（IP 或网段，逗号分隔）：登录限流按其 X-Forwarded-For 所给的客户端地址计数")
	uploadTTL := fs.Duration("upload-ttl", model.DefaultUploadTTL, "试导入的工作簿保留`时长`，逾期须重新上传（最长 24h）")
	maxImports := fs.Int("max-imports", importer.DefaultMaxImports, "同时进行的导入的`上限`，其余导入稍候，仍无空位则答复 503")
	bounds := importBoundFlags(fs)
	if ok, err := parseOnlyFlags(fs, args); !ok {
		return err
	}
	if *maxUpload <= 0 || *maxUpload > model.MaxUploadBytes>>20 {
		return fmt.Errorf("--max-upload-mb 应在 1 至 %d 之间", model.MaxUploadBytes>>20)
	}
	if *uploadTTL <= 0 || *uploadTTL > model.MaxUploadTTL {
		return errors.New("--upload-ttl 应为正数，最长 24h")
	}
	if *maxImports <= 0 {
		return errors.New("--max-imports 必须为正数")
	}
	if err := bounds.check(); err != nil {
		return err
	}
	trusted, err := httpx.ParseProxies(*proxies)
	if err != nil {
		return fmt.Errorf("--trusted-proxy：%w", err)
	}
	if err := spend.Validate(); err != nil {
		return err
	}
	db, err := e.openPaced(ctx, *dsn, *pace)
	if err != nil {
		return err
	}
	defer db.Close()
	db.Lamps = *spend
	if *demo {
		err := sample.Load(ctx, db, e.stdout)
		switch {
		case model.Kind(err) == model.EConflict:
			fmt.Fprintln(e.stdout, "数据库中已有数据，未载入示例数据。")
		case err != nil:
			return err
		}
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	sweepCtx, stopSweep := context.WithCancel(ctx)
	defer stopSweep() // before db.Close
	go sweepUploads(sweepCtx, db, *uploadTTL, log)
	// The UI's import jobs stop with the server and have recorded their
	// outcome before the database closes.
	jobsCtx, stopJobs := context.WithCancel(ctx)
	jobs := httpx.NewJobs(jobsCtx)
	defer func() {
		stopJobs()
		jobs.Wait()
	}()
	opts := httpx.Options{MaxUpload: *maxUpload << 20, UploadTTL: *uploadTTL, TrustedProxies: trusted, Fault: store.Fault, SecureCookies: *secure, Logger: log,
		ImportMaxRows: *bounds.rows, ImportMaxCells: *bounds.cells, ImportTimeout: *bounds.timeout,
		Imports: importer.NewGate(*maxImports, importer.DefaultGateWait), Jobs: jobs}
	h := httpx.NewEngine(opts)
	api.Mount(h, db, opts)
	ui.Mount(h, db, opts)
	srv := newHTTPServer(ctx, h)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("无法监听 %s：%w", *addr, err)
	}
	fmt.Fprintf(e.stdout, "captrack 正在 http://%s/ 提供服务（API：/api/v1，接口文档：/api/docs），按 Ctrl+C 停止。\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("停止服务：%w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "服务已停止。")
	return nil
}

// sweepUploads removes the database's expired pending uploads and
// import jobs now and then every tenth of ttl until ctx ends, so that an
// upload nobody applies is gone soon after it expires even when nobody
// previews another (each preview sweeps too, and each job started).
func sweepUploads(ctx context.Context, db *store.DB, ttl time.Duration, log *slog.Logger) {
	tick := time.NewTicker(ttl / 10)
	defer tick.Stop()
	for {
		if _, err := db.SweepUploads(ctx); err != nil && ctx.Err() == nil {
			log.Error("serve: sweeping expired uploads", "err", err)
		}
		if _, err := db.SweepImportJobs(ctx); err != nil && ctx.Err() == nil {
			log.Error("serve: sweeping expired import jobs", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
