package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/yanhe/captrack/internal/browsertest"
	"github.com/yanhe/captrack/internal/testbook"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebImportDecisions drives the import page in headless Chromium:
// a plan whose two rows resemble stored projects offers no import until
// each row is decided; 更新该项目 for one and 新建项目 for the other,
// previewed again and confirmed, update the one and create the other.
func TestWebImportDecisions(t *testing.T) {
	chromium := browsertest.Chromium(t)
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		newWebFixture(t, db)
		plan := filepath.Join(t.TempDir(), "plan.xlsx")
		if err := os.WriteFile(plan, testbook.Workbook(t, testbook.Sheet{Name: "附件1", Rows: [][]any{
			{"项目名称", "建设地点", "总投资（万元）", "责任单位"},
			{"洪渡镇敬老院", "洪渡镇", 700, unitHongdu},   // resembles 洪渡敬老院改扩建 (JL-02)
			{"官舟片区养老中心", "官舟镇", 2000, unitCivil}, // resembles 官舟片区养老服务中心 (YL-01)
		}}), 0o644); err != nil {
			t.Fatal(err)
		}
		b := newWebBrowser(t, chromium, db, 2*time.Minute)
		bctx, step := b.ctx, b.step
		b.as("admin")
		step("upload",
			chromedp.Navigate(b.url+"/import"),
			chromedp.WaitVisible(chromedp.ID("files")),
			chromedp.SetUploadFiles(chromedp.ID("files"), []string{plan}),
			chromedp.Click(chromedp.CSS(`#upload-form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.ID("decide-form")),
		)
		text, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("decide-form")))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"第2行：“洪渡镇敬老院”可能与“洪渡敬老院改扩建”（JL-02）为同一项目", "第3行：“官舟片区养老中心”可能与“官舟片区养老服务中心”（YL-01）为同一项目", "更新该项目", "新建项目"} {
			if !strings.Contains(text, want) {
				t.Errorf("decision form lacks %q:\n%s", want, text)
			}
		}
		if n, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll('#apply-form').length`)); err != nil || n != 0 {
			t.Errorf("the undecided preview offers to import (%d, %v)", n, err)
		}
		step("decide",
			chromedp.Click(chromedp.CSS(`input[name="row:附件1!2"][value="JL-02"]`)),
			chromedp.Click(chromedp.CSS(`input[name="row:附件1!3"][value="new"]`)),
			chromedp.Click(chromedp.CSS(`#decide-form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.ID("apply-form")),
		)
		changes, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("preview-changes")))
		if err != nil || !strings.Contains(changes, "洪渡敬老院改扩建（JL-02）") || !strings.Contains(changes, "650") || !strings.Contains(changes, "700") {
			t.Errorf("the decided preview does not show JL-02's change (%v):\n%s", err, changes)
		}
		step("confirm",
			chromedp.Click(chromedp.CSS(`#apply-form button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`.flash.ok`)),
		)
		got := map[string]string{}
		views, _, err := db.ListProjects(t.Context(), model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range views {
			got[v.Name] = v.Investment.WanString()
		}
		if len(got) != 4 || got["洪渡敬老院改扩建"] != "700" || got["官舟片区养老中心"] != "2000" || got["官舟片区养老服务中心"] != "5000" {
			t.Errorf("after the import: %v", got)
		}
		b.checkCSP()
	})
}
