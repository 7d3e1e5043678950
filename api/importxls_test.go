package api_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// TestImportEncryptedXLS: an .xls LibreOffice saved with an open password
// is refused without its password (form field password) or with a wrong
// one, writing nothing; with it, a dry run keeps the upload, which is
// then applied without the password.
func TestImportEncryptedXLS(t *testing.T) {
	xls, err := os.ReadFile("../importer/testdata/xls/annex-rc4.xls")
	if err != nil {
		t.Fatal(err)
	}
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.NewEmpty(t, db, api.Options{})
		post := func(query, password string) *httptest.ResponseRecorder {
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			fw, err := mw.CreateFormFile("file", "annex.xls")
			if err != nil {
				t.Fatal(err)
			}
			fw.Write(xls)
			if password != "" {
				mw.WriteField("password", password)
			}
			mw.Close()
			req := httptest.NewRequest("POST", "/api/v1/imports"+query, &body)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			return f.Send(req, "admin")
		}
		projects := func() int {
			ps, _, err := db.ListProjects(t.Context(), model.ProjectFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return len(ps)
		}
		for _, tc := range []struct{ password, msg string }{
			{"", "工作簿设有打开密码：请提供密码后再导入"},
			{"captrack", "工作簿设有打开密码，所给密码不正确"},
		} {
			w := post("", tc.password)
			apitest.WantError(t, w, http.StatusUnprocessableEntity)
			if !strings.Contains(w.Body.String(), tc.msg) || projects() != 0 {
				t.Errorf("password %q: body %s, %d projects; want %q and none", tc.password, w.Body.String(), projects(), tc.msg)
			}
		}
		w := post("?dry_run=true", "captrack测试")
		var preview struct {
			UploadID string `json:"upload_id"`
			Created  int
		}
		apitest.DecodeJSON(t, w, &preview)
		if w.Code != http.StatusOK || preview.UploadID == "" || preview.Created == 0 || projects() != 0 {
			t.Fatalf("dry run: %d %s, %d projects", w.Code, w.Body.String(), projects())
		}
		w = f.Do("POST", "/api/v1/imports/"+preview.UploadID+"/apply", "admin", nil)
		var applied struct{ Created int }
		apitest.DecodeJSON(t, w, &applied)
		if w.Code != http.StatusOK || applied.Created != preview.Created || projects() != 56 {
			t.Errorf("apply: %d %s, %d projects; want the preview's %d records, the annex's 56 projects", w.Code, w.Body.String(), projects(), preview.Created)
		}
	})
}
