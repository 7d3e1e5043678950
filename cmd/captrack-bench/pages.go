package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"time"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/internal/synth"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/ui"
)

// pagesSmall is the small database of the pages part: growth is the
// time at b.rows projects over the time at this many.
const pagesSmall = 1000

// maxPage is the largest HTML page allowed.
const maxPage = 1 << 20

// pageCase is one page or API call of the pages part and the bare
// queries that read the same figures through the same indexes.
type pageCase struct {
	name, path string
	html       bool
	bare       func(ctx context.Context, db *sql.DB, pg bool) error
}

// pageCases are the calls measured, as of today and as of synth.AsOf.
func pageCases(today model.Date) []pageCase {
	var cs []pageCase
	for _, d := range []model.Date{today, synth.AsOf} {
		q := "?as_of=" + d.String()
		alertsBare := func(ctx context.Context, db *sql.DB, pg bool) error { return BareAlertPage(ctx, db, pg, d) }
		cs = append(cs,
			pageCase{name: "总览 " + d.String(), path: "/" + q, html: true, bare: func(ctx context.Context, db *sql.DB, pg bool) error {
				return BareDashboard(ctx, db, pg, d)
			}},
			pageCase{name: "项目列表 第 1 页 " + d.String(), path: "/projects" + q, html: true, bare: func(ctx context.Context, db *sql.DB, pg bool) error {
				return BareProjectsPage(ctx, db, pg, d, false)
			}},
			pageCase{name: "项目列表 红色预警 第 1 页 " + d.String(), path: "/projects" + q + "&severity=red", html: true, bare: func(ctx context.Context, db *sql.DB, pg bool) error {
				return BareProjectsPage(ctx, db, pg, d, true)
			}},
			pageCase{name: "GET /api/v1/alerts 第 1 页 " + d.String(), path: "/api/v1/alerts" + q, bare: alertsBare},
			pageCase{name: "预警页 第 1 页 " + d.String(), path: "/alerts" + q, html: true, bare: alertsBare},
			pageCase{name: "项目页 " + d.String(), path: "/projects/7" + q, html: true, bare: func(ctx context.Context, db *sql.DB, pg bool) error {
				return BareProjectUI(ctx, db, pg, 7)
			}},
		)
	}
	return append(cs,
		pageCase{name: "督办 第 1 页", path: "/supervisions", html: true, bare: BareSupervisionsPage},
		pageCase{name: "GET /api/v1/projects 第 1 页", path: "/api/v1/projects", bare: BareProjectPage},
		pageCase{name: "GET /api/v1/projects/7", path: "/api/v1/projects/7", bare: func(ctx context.Context, db *sql.DB, pg bool) error {
			return BareProject(ctx, db, pg, 7)
		}},
	)
}

// pages measures each page and API call of pageCases on pagesSmall and
// on b.rows projects, each against its bare queries in the same run, and
// prints the ratio at b.rows projects and the growth.
func (b *benchRun) pages(ctx context.Context) error {
	type result struct{ m, base time.Duration }
	results := map[int]map[string]result{}
	sizes := map[string]int{}
	var cases []pageCase
	for _, n := range []int{pagesSmall, b.rows} {
		fresh := b.eng.Fresh
		if b.keep {
			fresh = b.eng.Kept
		}
		db, bare, err := b.openDSN(ctx, fresh, fmt.Sprintf("pages%d", n))
		if err != nil {
			return err
		}
		defer db.Close()
		defer bare.Close()
		var have int
		if err := bare.QueryRowContext(ctx, "SELECT COUNT(*) FROM projects").Scan(&have); err != nil {
			return err
		}
		switch {
		case have == n:
			b.logf("页面：沿用已生成的 %d 个项目", n)
		case have > 0:
			return fmt.Errorf("保留的数据库 pages%d 有 %d 个项目，不是 %d 个：请删除后重新生成", n, have, n)
		default:
			t0 := time.Now()
			if err := synth.Tracking(ctx, db, n, benchMilestones); err != nil {
				return err
			}
			if err := b.eng.Settle(ctx, bare); err != nil {
				return err
			}
			b.logf("页面：生成 %d 个项目，用时 %s", n, time.Since(t0).Round(time.Second))
		}
		var raised int
		if err := bare.QueryRowContext(ctx, "SELECT COUNT(*) FROM supervisions").Scan(&raised); err != nil {
			return err
		}
		if raised == 0 {
			if err := benchSupervisions(ctx, db, n); err != nil {
				return err
			}
		}
		token, err := benchToken(ctx, db)
		if err != nil {
			return err
		}
		opts := httpx.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
		apiH, uiH := api.NewServer(db, opts), ui.NewServer(db, opts)
		cases = b.matching(pageCases(db.Today()))
		results[n] = map[string]result{}
		for _, pc := range cases {
			h, req := apiH, httptest.NewRequest("GET", pc.path, nil)
			if pc.html {
				h = uiH
				req.AddCookie(&http.Cookie{Name: "captrack_session", Value: token})
			} else {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			measured := Timed(func() error {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req.Clone(ctx))
				if w.Code != http.StatusOK {
					return fmt.Errorf("%s：状态 %d：%.200s", pc.path, w.Code, w.Body.String())
				}
				sizes[pc.name] = max(sizes[pc.name], w.Body.Len())
				return nil
			})
			baseline := Timed(func() error { return pc.bare(ctx, bare, b.eng.Postgres()) })
			if _, _, err := Compare(1, measured, baseline); err != nil {
				return err
			}
			m, base, err := Compare(b.runs, measured, baseline)
			if err != nil {
				return err
			}
			results[n][pc.name] = result{m, base}
		}
	}
	for _, pc := range cases {
		big, small := results[b.rows][pc.name], results[pagesSmall][pc.name]
		note := fmt.Sprintf("%d 项目时 %.1f ms；增长 %d÷%d：%.2f×（基线 %.2f×）；响应至多 %d KB", pagesSmall,
			ms(small.m), b.rows, pagesSmall, ms(big.m)/ms(small.m), ms(big.base)/ms(small.base), sizes[pc.name]>>10)
		b.add(Row{Name: fmt.Sprintf("%s（%d 项目）", pc.name, b.rows), Unit: "ms", Measured: ms(big.m), Baseline: ms(big.base), Target: 1.5, Note: note})
		if pc.html {
			b.add(Row{Name: pc.name + "：超过 1 MB 的页面", Unit: "requests", Measured: float64(btoi(sizes[pc.name] > maxPage)), Exact: true})
		}
	}
	return nil
}

// matching returns the cases of cs that b.match selects (all without it).
func (b *benchRun) matching(cs []pageCase) []pageCase {
	if len(b.match) == 0 {
		return cs
	}
	var out []pageCase
	for _, pc := range cs {
		if slices.ContainsFunc(b.match, func(m string) bool { return strings.Contains(pc.name, m) || strings.Contains(pc.path, m) }) {
			out = append(out, pc)
		}
	}
	return out
}

// supervisionEvery: the pages' data has a 督办 on every this many projects.
const supervisionEvery = 50

// benchSupervisions raises a 督办 on every supervisionEvery-th of n
// projects, due in ten working days.
func benchSupervisions(ctx context.Context, db *store.DB, n int) error {
	var ids []uint
	for id := supervisionEvery; id <= n; id += supervisionEvery {
		ids = append(ids, uint(id))
	}
	for len(ids) > 0 {
		k := min(len(ids), store.MaxRaiseProjects)
		_, err := db.RaiseSupervisions(ctx, model.Actor{User: "bench", Source: "bench"},
			model.SupervisionRaise{ProjectIDs: ids[:k], Reason: "进度滞后，请说明原因", Due: model.Deadline{WorkingDays: 10}})
		if err != nil {
			return err
		}
		ids = ids[k:]
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
