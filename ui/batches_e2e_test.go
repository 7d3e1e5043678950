package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/internal/browsertest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebRevertImport drives the batch pages in headless Chromium: 撤销本次
// 导入 of a batch a later import changed is refused, the page listing that
// import; reverting the later one, then the first, restores the stored
// investment and removes the project the first created.
func TestWebRevertImport(t *testing.T) {
	chromium := browsertest.Chromium(t)
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		newWebFixture(t, db)
		importPlan(t, db, "plan.xlsx", planRow(2, "YL-01", "官舟片区养老服务中心", 5200), planRow(3, "", "沙子镇敬老院", 300))
		importPlan(t, db, "again.xlsx", planRow(2, "YL-01", "官舟片区养老服务中心", 5300))
		b := newWebBrowser(t, chromium, db, 2*time.Minute)
		bctx, step := b.ctx, b.step
		b.as("admin")
		step("refused",
			chromedp.Navigate(b.url+"/imports/1"),
			chromedp.WaitVisible(chromedp.ID("batch-changes")),
			chromedp.Click(chromedp.CSS(`#revert-form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.ID("revert-refused")),
		)
		text, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("revert-refused")))
		if err != nil || !strings.Contains(text, "导入批次 #1 写入的记录此后又有 1 处修改") ||
			!strings.Contains(text, "项目 YL-01 官舟片区养老服务中心 的计划投资（万元）于 2020-06-30 18:00 由导入批次 #2（admin）修改") {
			t.Errorf("refusal (%v):\n%s", err, text)
		}
		for _, id := range []string{"2", "1"} {
			step("revert #"+id,
				chromedp.Navigate(b.url+"/imports/"+id),
				chromedp.WaitVisible(chromedp.ID("revert-form")),
				chromedp.Click(chromedp.CSS(`#revert-form button[type=submit]`)),
				chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
				chromedp.WaitVisible(chromedp.ID("batch-reverted")),
			)
		}
		step("list", chromedp.Navigate(b.url+"/imports"), chromedp.WaitVisible(chromedp.ID("batches")))
		list, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("batches")))
		// Each batch's counts by kind of record, as its import said them.
		if err != nil || strings.Count(list, "已撤销") != 2 || !strings.Contains(list, "项目：新增 1 条，更新 1 条") || !strings.Contains(list, "项目：更新 1 条") {
			t.Errorf("batch list after the reverts (%v):\n%s", err, list)
		}
		views, _, err := db.ListProjects(t.Context(), model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, v := range views {
			got[v.Name] = v.Investment.WanString()
		}
		if len(got) != 3 || got["官舟片区养老服务中心"] != "5000" {
			t.Errorf("after the reverts: %v, want the fixture's 3 projects, YL-01 at 5000", got)
		}
		b.checkCSP()
	})
}
