package faults

import (
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
)

// checkRejected asserts that a hostile workbook was refused with a clear
// error: at least one error, each naming its file, none a recovered
// panic (the importer's last line of defence, whose message carries a
// Go runtime error rather than a reason a clerk can act on), one holding
// want; and that no project came out of it.
func checkRejected(t *testing.T, errs []model.Finding, projects int, want string) {
	t.Helper()
	if len(errs) == 0 {
		t.Fatalf("got no error (%d projects), want one", projects)
	}
	found := false
	for _, e := range errs {
		if e.File == "" || e.Message == "" {
			t.Errorf("finding without file or message: %+v", e)
		}
		if strings.Contains(e.Message, "runtime error") || strings.Contains(e.Message, "无法读取工作簿（文件已损坏或格式异常）") {
			t.Errorf("got a recovered panic: %q; want a clear error", e.Message)
		}
		found = found || strings.Contains(e.Message, want)
	}
	if !found {
		t.Errorf("errors %v: none holds %q", errs, want)
	}
	if projects != 0 {
		t.Errorf("projects: got %d, want 0", projects)
	}
}
