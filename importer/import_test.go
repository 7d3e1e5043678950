package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// recorder is a Store that records what it was asked to apply.
type recorder struct {
	calls  int
	set    *model.ImportSet
	opt    store.ApplyOptions
	result model.ImportResult
	err    error
}

func (r *recorder) ApplyImport(_ context.Context, set *model.ImportSet, opt store.ApplyOptions) (model.ImportResult, error) {
	r.calls++
	r.set, r.opt = set, opt
	return r.result, r.err
}

func TestImport(t *testing.T) {
	good := fixture(t)
	other := workbook(t, sheetSpec{name: "附件1", rows: [][]any{{"项目名称", "总投资（万元）"}, {"新项目", 10}}})
	dupOfFixture := workbook(t, sheetSpec{name: "附件1", rows: [][]any{{"项目名称", "总投资（万元）"}, {"县光荣院", 1800}}})
	bad := planSheet(t, []any{1, "", "甲", "x"})
	files := func(bs ...[]byte) []File {
		var fs []File
		for i, b := range bs {
			fs = append(fs, File{Name: string(rune('a'+i)) + ".xlsx", R: bytes.NewReader(b)})
		}
		return fs
	}
	cases := []struct {
		name      string
		files     []File
		result    model.ImportResult
		storeErr  error
		wantCalls int
		wantPlans int
		wantKind  string
		wantErrs  []model.Finding
		wantErr   bool
	}{
		{"two good files merged into one apply", files(good, other), model.ImportResult{Created: 57}, nil, 1, 57, "plan", nil, false},
		{"an error in one file applies nothing", files(good, bad), model.ImportResult{}, nil, 0, 0, "", []model.Finding{{Row: 3, Column: "D", Message: "不是数字"}}, false},
		{"the same project in two files", files(good, dupOfFixture), model.ImportResult{}, nil, 0, 0, "", []model.Finding{{Row: 2, Column: "A", Message: "与文件“a.xlsx”工作表“附件1”第14行是同一项目"}}, false},
		{"store row errors are reported", files(other), model.ImportResult{Errors: []model.Finding{{File: "b.xlsx", Row: 2, Message: "未知项目"}}}, nil, 1, 1, "plan", []model.Finding{{Row: 2, Message: "未知项目"}}, false},
		{"store failure", files(other), model.ImportResult{}, errors.New("disk full"), 1, 1, "plan", nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := &recorder{result: tc.result, err: tc.storeErr}
			rep, err := Import(context.Background(), st, tc.files, Options{}, store.ApplyOptions{DryRun: true})
			if (err != nil) != tc.wantErr {
				t.Fatalf("error: got %v, want error %v", err, tc.wantErr)
			}
			if st.calls != tc.wantCalls {
				t.Fatalf("store calls: got %d, want %d", st.calls, tc.wantCalls)
			}
			checkFindings(t, "errors", rep.Errors, tc.wantErrs)
			if st.calls == 0 {
				return
			}
			if got := len(st.set.Plans); got != tc.wantPlans {
				t.Errorf("plans applied: got %d, want %d", got, tc.wantPlans)
			}
			if !st.opt.DryRun || st.opt.Kind != tc.wantKind || len(st.opt.Files) != len(tc.files) {
				t.Errorf("apply options: got %+v, want dry run, kind %s, %d files", st.opt, tc.wantKind, len(tc.files))
			}
			if rep.Created != tc.result.Created {
				t.Errorf("created: got %d, want %d", rep.Created, tc.result.Created)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	st := &recorder{}
	rep, err := Import(context.Background(), st, nil, Options{}, store.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"created":0,"updated":0,"unchanged":0,"warnings":[],"errors":[]}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if !strings.Contains(string(mustJSON(t, model.Finding{Row: 3})), `"row":3`) {
		t.Errorf("finding JSON lacks row")
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzParse feeds Parse arbitrary bytes, seeded with the workbooks the
// tests build: it must never panic, and every finding names the file.
func FuzzParse(f *testing.F) {
	f.Add(fixture(f))
	f.Add(planSheet(f, []any{1, "MS-01", "甲", "5,000", "１３０００", 20, 300, "2018.12", "2020.12"}))
	f.Add(workbook(f, sheetSpec{name: "台账", rows: [][]any{{"拨付日期", "项目名称", "拨付金额(元)", "凭证号"}, {"2019.3.5", "甲", 100, "记-1"}}}))
	f.Add(workbook(f, sheetSpec{name: "月报", rows: [][]any{{"截至2019年6月30日"}, {"项目名称", "形象进度(%)", "实际开工时间"}, {"甲", 0.5, 43500}},
		builtin: map[string]int{"B3": 9, "C3": 14}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p := Parse("fuzz.xlsx", bytes.NewReader(b), Options{MaxUnzipSize: 8 << 20})
		for _, e := range append(p.Errors, p.Warnings...) {
			if e.File != "fuzz.xlsx" || e.Message == "" {
				t.Fatalf("finding without file or message: %+v", e)
			}
		}
	})
}
