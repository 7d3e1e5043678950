package ui

import (
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestWebImportEncryptedXLS: the import page offers .xls files; an .xls
// LibreOffice saved with an open password is refused with a wrong
// 打开密码, nothing kept, and with the right one previewed and imported.
func TestWebImportEncryptedXLS(t *testing.T) {
	xls, err := os.ReadFile("../importer/testdata/xls/plan-rc4.xls")
	if err != nil {
		t.Fatal(err)
	}
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := newWebFixture(t, db)
		admin := f.sessionOf(t, "admin")
		if page := f.do(t, admin, "GET", "/import", nil).Body.String(); !strings.Contains(page, `accept=".xlsx,.xlsm,.xls"`) || !strings.Contains(page, "旧版 .xls") {
			t.Errorf("the import page does not offer .xls files:\n%s", page)
		}
		post := func(password string) string {
			w := f.postFiles(t, admin, "/import", url.Values{csrfField: {admin.csrf}, "password": {password}}, "files", map[string][]byte{"plan.xls": xls})
			if w.Code != http.StatusOK {
				t.Fatalf("upload: status %d; body %s", w.Code, w.Body.String())
			}
			return w.Body.String()
		}
		if page := post("县民政局"); !strings.Contains(page, "工作簿设有打开密码，所给密码不正确") || pendingID(page) != "" || storetest.PendingUploads(t, db) != 0 {
			t.Errorf("a wrong password: want its message and nothing kept:\n%s", page)
		}
		page := post("县民政局2019")
		id := pendingID(page)
		if id == "" || !strings.Contains(page, "新增") {
			t.Fatalf("preview lacks the counts or the confirm form:\n%s", page)
		}
		if w := f.do(t, admin, "POST", "/import/"+id+"/apply", url.Values{}); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "导入完成") {
			t.Fatalf("apply: status %d; body %s", w.Code, w.Body.String())
		}
		ps, _, err := db.ListProjects(t.Context(), model.ProjectFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, p := range ps {
			names = append(names, p.Name)
		}
		if !slices.Contains(names, "甲") {
			t.Errorf("projects %v, want 甲 imported from the .xls", names)
		}
	})
}
