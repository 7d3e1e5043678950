package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/internal/httpx"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// projectCount is the number of projects in db.
func projectCount(t *testing.T, db *store.DB) int64 {
	t.Helper()
	_, n, err := db.ListProjects(context.Background(), model.ProjectFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestHostileWorkbooksHTTP uploads each hostile workbook to POST
// /api/v1/imports: 422 with a report of errors, nothing written, no temp
// file left behind (the upload's included).
func TestHostileWorkbooksHTTP(t *testing.T) {
	privateTemp(t)
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		s := apitest.NewEmpty(t, db, api.Options{})
		for _, tc := range hostileCases(t) {
			if !tc.httpToo {
				continue
			}
			t.Run(tc.name, func(t *testing.T) {
				before := tempEntries(t)
				ct, body := apitest.Multipart(t, map[string][]byte{"hostile.xlsx": tc.data})
				status, answer := s.Fetch(t, "POST", "/api/v1/imports", "admin", ct, bytes.NewReader(body))
				if status != http.StatusUnprocessableEntity {
					t.Fatalf("status: got %d (%s), want 422", status, answer)
				}
				var rep struct {
					Error  string          `json:"error"`
					Errors []model.Finding `json:"errors"`
				}
				if err := json.Unmarshal([]byte(answer), &rep); err != nil {
					t.Fatalf("answer %q: %v", answer, err)
				}
				if rep.Error == "" {
					t.Errorf("answer %s: no error summary", answer)
				}
				checkRejected(t, rep.Errors, 0, tc.want)
				if n := projectCount(t, db); n != 0 {
					t.Errorf("projects: got %d, want 0", n)
				}
				if after := tempEntries(t); len(after) != len(before) {
					t.Errorf("temp dir: got %q after, want %q as before", after, before)
				}
			})
		}
	})
}

// TestUploadOverTheDefaultCap posts a workbook-sized body just over the
// default 32 MiB cap, once with its length declared and once streamed
// without one (cut off while multipart spools it to disk): 413 both
// times, nothing written, no temp file left behind.
func TestUploadOverTheDefaultCap(t *testing.T) {
	privateTemp(t)
	s := apitest.NewEmpty(t, storetest.OpenSQLite(t), api.Options{})
	ct, body := apitest.Multipart(t, map[string][]byte{"big.xlsx": bytes.Repeat([]byte("x"), httpx.DefaultMaxUpload+1<<20)})
	for _, tc := range []struct {
		name string
		body io.Reader
	}{
		{"with Content-Length", bytes.NewReader(body)},
		{"streamed", struct{ io.Reader }{bytes.NewReader(body)}}, // hides Len: chunked, no Content-Length
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tempEntries(t)
			status, answer := s.Fetch(t, "POST", "/api/v1/imports", "admin", ct, tc.body)
			if status != http.StatusRequestEntityTooLarge || !strings.Contains(answer, `"error"`) {
				t.Errorf("got %d %s, want 413 with an error", status, answer)
			}
			if n := projectCount(t, s.DB); n != 0 {
				t.Errorf("projects: got %d, want 0", n)
			}
			if after := tempEntries(t); len(after) != len(before) {
				t.Errorf("temp dir: got %q after, want %q as before", after, before)
			}
		})
	}
}
