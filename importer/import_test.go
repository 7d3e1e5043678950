package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// chunkStore is a Store that takes every chunk it is given, as the
// store's transaction does, and keeps them only when the stream ends
// without an error.
type chunkStore struct {
	calls   int
	chunks  int
	applied *model.ImportSet // nil unless the stream ended cleanly
	opt     model.ApplyOptions
	result  model.ImportResult
	err     error
}

func (r *chunkStore) ApplyImportStream(_ context.Context, next model.ImportSource, opt model.ApplyOptions) (model.ImportResult, error) {
	r.calls++
	r.opt = opt
	var all model.ImportSet
	for {
		set, err := next()
		if err != nil {
			return model.ImportResult{}, err
		}
		if set == nil {
			break
		}
		r.chunks++
		all.Plans = append(all.Plans, set.Plans...)
	}
	if r.err != nil {
		return model.ImportResult{}, r.err
	}
	r.applied = &all
	return r.result, nil
}

func TestImport(t *testing.T) {
	good := fixture(t)
	other := workbook(t, sheetSpec{Name: "附件1", Rows: [][]any{{"项目名称", "总投资（万元）"}, {"新项目", 10}}})
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
		wantPlans int // -1: nothing applied
		wantErrs  []model.Finding
		wantWarns []model.Finding
		wantErr   bool
	}{
		{"two good files in one apply", files(good, other), model.ImportResult{Created: 57}, nil, 57, nil, nil, false},
		{"an error in one file applies nothing", files(good, bad), model.ImportResult{}, nil, -1, []model.Finding{{Row: 3, Column: "D", Message: "不是数字"}}, nil, false},
		{"an error in the first file applies nothing", files(bad, good), model.ImportResult{}, nil, -1, []model.Finding{{Row: 3, Column: "D", Message: "不是数字"}}, nil, false},
		{"store findings are reported", files(other), model.ImportResult{Errors: []model.Finding{{File: "a.xlsx", Row: 2, Message: "未知项目"}},
			Warnings: []model.Finding{{File: "a.xlsx", Row: 2, Message: "记为"}}}, nil, 1, []model.Finding{{Row: 2, Message: "未知项目"}}, []model.Finding{{Row: 2, Message: "记为"}}, false},
		{"store failure", files(other), model.ImportResult{}, errors.New("disk full"), -1, nil, nil, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := &chunkStore{result: tc.result, err: tc.storeErr}
			rep, err := Import(context.Background(), st, tc.files, Options{}, model.ApplyOptions{DryRun: true})
			if (err != nil) != tc.wantErr {
				t.Fatalf("error: got %v, want error %v", err, tc.wantErr)
			}
			if st.calls != 1 {
				t.Fatalf("store calls: got %d, want 1", st.calls)
			}
			checkFindings(t, "errors", rep.Errors, tc.wantErrs)
			checkFindings(t, "warnings", rep.Warnings, tc.wantWarns)
			if tc.wantPlans < 0 {
				if st.applied != nil {
					t.Fatalf("applied %d plans, want nothing", len(st.applied.Plans))
				}
				return
			}
			if st.applied == nil || len(st.applied.Plans) != tc.wantPlans {
				t.Fatalf("plans applied: got %v, want %d", st.applied, tc.wantPlans)
			}
			if !st.opt.DryRun || len(st.opt.Files) != len(tc.files) {
				t.Errorf("apply options: got %+v, want dry run, %d files", st.opt, len(tc.files))
			}
			if rep.Created != tc.result.Created {
				t.Errorf("created: got %d, want %d", rep.Created, tc.result.Created)
			}
		})
	}
}

// TestImportChunks imports a sheet of several chunks: the store is handed
// one chunk at a time, and a row repeating one of an earlier chunk, or
// of another file, is reported by sheet, row and column with nothing
// written.
func TestImportChunks(t *testing.T) {
	n := 2*chunkRows + 10
	rows := [][]any{{"附件1"}, {"序号", "项目名称", "建设地点", "总投资（万元）"}}
	for i := range n {
		rows = append(rows, []any{i + 1, fmt.Sprintf("第%d号互助幸福院", i+1), "官舟镇", 10})
	}
	big := workbook(t, sheetSpec{Name: "附件1", Rows: rows})
	st := &chunkStore{}
	rep, err := Import(context.Background(), st, []File{{Name: "big.xlsx", R: bytes.NewReader(big)}}, Options{}, model.ApplyOptions{})
	if err != nil || len(rep.Errors) > 0 {
		t.Fatalf("Import: %v %v", err, rep.Errors)
	}
	if st.chunks < 3 || st.applied == nil || len(st.applied.Plans) != n {
		t.Fatalf("got %d chunks, %v; want 3 or more chunks of %d rows in all", st.chunks, st.applied, n)
	}
	for i, r := range st.applied.Plans {
		if r.Project.Annex != 1 || r.Row != i+3 {
			t.Fatalf("row %d: annex %d, sheet row %d", i, r.Project.Annex, r.Row)
		}
	}

	repeat := workbook(t, sheetSpec{Name: "附件1", Rows: [][]any{{"附件1"}, {"序号", "项目名称", "建设地点", "总投资（万元）"}, {1, "第7号互助幸福院", "官舟镇", 10}}})
	db := storetest.OpenSQLite(t)
	ctx := context.Background()
	rows = append(rows, []any{n + 1, "第3号互助幸福院", "官舟镇", 10})
	again := workbook(t, sheetSpec{Name: "附件1", Rows: rows})
	for _, tc := range []struct {
		name  string
		files []File
		want  model.Finding
	}{
		{"a repeat in a later chunk", []File{{Name: "big.xlsx", R: bytes.NewReader(again)}},
			model.Finding{File: "big.xlsx", Sheet: "附件1", Row: n + 3, Column: "B", Message: "项目“第3号互助幸福院”在本次导入中重复出现（另见“附件1”第5行）"}},
		{"a repeat in another file", []File{{Name: "big.xlsx", R: bytes.NewReader(big)}, {Name: "more.xlsx", R: bytes.NewReader(repeat)}},
			model.Finding{File: "more.xlsx", Sheet: "附件1", Row: 3, Column: "B", Message: "项目“第7号互助幸福院”在本次导入中重复出现（另见文件“big.xlsx”工作表“附件1”第9行）"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Import(ctx, db, tc.files, Options{}, model.ApplyOptions{Actor: model.Actor{User: "test"}})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Errors) != 1 || rep.Errors[0] != tc.want {
				t.Fatalf("errors: got %v, want %v", rep.Errors, tc.want)
			}
			if _, total, err := db.ListProjects(ctx, model.ProjectFilter{}); err != nil || total != 0 {
				t.Fatalf("projects stored: %d, %v; want none", total, err)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	st := &chunkStore{}
	rep, err := Import(context.Background(), st, nil, Options{}, model.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"applied":false,"created":0,"updated":0,"unchanged":0,"warnings":[],"errors":[],"counts":{"errors":0,"warnings":0},"digest":""}`; got != want {
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
// tests build: it must never panic (Parse recovers a panic into a
// finding for the user, and the fuzz run fails on it), and every finding
// names the file.
func FuzzParse(f *testing.F) {
	f.Add(fixture(f))
	f.Add(planSheet(f, []any{1, "MS-01", "甲", "5,000", "１３０００", 20, 300, "2018.12", "2020.12"}))
	f.Add(workbook(f, sheetSpec{Name: "台账", Rows: [][]any{{"拨付日期", "项目名称", "拨付金额(元)", "凭证号"}, {"2019.3.5", "甲", 100, "记-1"}}}))
	f.Add(workbook(f, sheetSpec{Name: "月报", Rows: [][]any{{"截至2019年6月30日"}, {"项目名称", "形象进度(%)", "实际开工时间"}, {"甲", 0.5, 43500}},
		Builtin: map[string]int{"B3": 9, "C3": 14}}))
	f.Add([]byte("PK\x03\x04"))
	// annex-velvet opens without a password: its decryption is fuzzed too
	for _, name := range []string{"plan", "october", "deep", "formulas", "annex-velvet"} {
		b, err := os.ReadFile("testdata/xls/" + name + ".xls")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p := Parse("fuzz.xlsx", bytes.NewReader(b), Options{MaxUnzipSize: 8 << 20})
		if p.panicked != "" {
			t.Fatalf("panic: %s", p.panicked)
		}
		for _, e := range append(p.Errors, p.Warnings...) {
			if e.File != "fuzz.xlsx" || e.Message == "" {
				t.Fatalf("finding without file or message: %+v", e)
			}
		}
	})
}

// TestImportRepeats: a row repeating another of the same import is found
// when the rows are applied, in any chunk or file, and reported by
// sheet, row and column with nothing written; one name listed for
// several sites is stored by site, in one chunk or across chunks, and
// keeps its identity on re-import.
func TestImportRepeats(t *testing.T) {
	ok := []any{1, "", "官舟片区养老服务中心", 5000, 13000, 20, 300, "2018.12", "2020.12"}
	with := func(col int, v any) []any {
		r := append([]any(nil), ok...)
		r[col] = v
		return r
	}
	ledgerBook := func(rows ...[]any) []byte {
		return workbook(t, sheetSpec{Name: "台账", Rows: append([][]any{{"拨付日期", "项目名称", "资金来源", "拨付金额(元)", "凭证号"}}, rows...)})
	}
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := func(t *testing.T, files ...[]byte) model.ImportResult {
			t.Helper()
			var fs []File
			for i, b := range files {
				fs = append(fs, File{Name: fmt.Sprintf("f%d.xlsx", i+1), R: bytes.NewReader(b)})
			}
			rep, err := Import(ctx, db, fs, Options{}, model.ApplyOptions{Actor: model.Actor{User: "test"}})
			if err != nil {
				t.Fatal(err)
			}
			return rep
		}
		count := func(t *testing.T) int64 {
			t.Helper()
			_, n, err := db.ListProjects(ctx, model.ProjectFilter{})
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		for _, tc := range []struct {
			name string
			file []byte
			want []model.Finding
		}{
			{"same name twice", planSheet(t, ok, with(2, "洪渡片区养老服务中心"), with(2, " 官舟片区养老服务中心")),
				[]model.Finding{{Row: 5, Column: "C", Message: "项目“官舟片区养老服务中心”在本次导入中重复出现（另见“附件1”第3行）"}}},
			{"same code twice", planSheet(t, with(1, "MS-01"), with(1, "MS-01")),
				[]model.Finding{{Row: 4, Column: "C", Message: "项目“官舟片区养老服务中心”在本次导入中重复出现（另见“附件1”第3行）"}}},
			{"same voucher twice", ledgerBook([]any{"2019.3.5", "甲", "省级补助", 100, "记-001"}, []any{"2019.3.6", "乙", "省级补助", 200, "记－001"}),
				[]model.Finding{{Row: 3, Message: "凭证号“记-001”在本次导入中重复出现（另见“台账”第2行）"}}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if tc.name == "same voucher twice" {
					if rep := run(t, workbook(t, sheetSpec{Name: "附件1", Rows: [][]any{{"项目名称", "总投资（万元）"}, {"甲", 1}, {"乙", 2}}})); rep.Created != 2 {
						t.Fatalf("projects: %+v", rep)
					}
				}
				before := count(t)
				rep := run(t, tc.file)
				checkFindings(t, "errors", rep.Errors, tc.want)
				if count(t) != before {
					t.Errorf("stored: %d projects (had %d), report %+v", count(t), before, rep)
				}
			})
		}

		t.Run("one name for several sites", func(t *testing.T) {
			header := []any{"序号", "项目名称", "建设地点", "总投资(万元)"}
			sites := [][]any{{1, "敬老院改扩建", "中界镇", 650}, {2, "敬老院改扩建", "晓景乡", 650}, {3, "县光荣院", "官舟镇", 1800}}
			small := workbook(t, sheetSpec{Name: "附件1", Rows: append([][]any{header}, sites...)})
			// The same, with the second site a chunk after the first.
			rows := [][]any{header, sites[0]}
			for i := range chunkRows {
				rows = append(rows, []any{i + 10, fmt.Sprintf("第%d号互助幸福院", i+1), "谯家镇", 5})
			}
			big := workbook(t, sheetSpec{Name: "附件2", Rows: append(rows, sites[1])})
			for k, b := range [][]byte{small, big} {
				rep := run(t, b)
				if len(rep.Errors) > 0 {
					t.Fatalf("errors: %v", rep.Errors)
				}
				var warned []string
				for _, w := range rep.Warnings {
					warned = append(warned, fmt.Sprint(w.Row, w.Column, w.Message))
				}
				last := 2 + len(rows) - 1
				if k == 0 {
					last = 3
				}
				want := []string{fmt.Sprint(2, "B", "项目名称“敬老院改扩建”按建设地点区分，记为“敬老院改扩建（中界镇）”"),
					fmt.Sprint(last, "B", "项目名称“敬老院改扩建”按建设地点区分，记为“敬老院改扩建（晓景乡）”")}
				if strings.Join(warned, "|") != strings.Join(want, "|") {
					t.Errorf("warnings: got %v, want %v", warned, want)
				}
				if again := run(t, b); len(again.Errors) > 0 || again.Created+again.Updated != 0 {
					t.Errorf("re-import: %+v, want all unchanged", again)
				}
			}
			for _, annex := range []int{1, 2} {
				ps, _, err := db.ListProjects(ctx, model.ProjectFilter{Q: "敬老院改扩建", Annex: annex})
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, p := range ps {
					names = append(names, p.Name)
					if p.Code != model.GenerateCode(annex, p.Name) {
						t.Errorf("%s: code %s, want the one its name gives", p.Name, p.Code)
					}
				}
				slices.Sort(names)
				if got := strings.Join(names, "|"); got != "敬老院改扩建（中界镇）|敬老院改扩建（晓景乡）" {
					t.Errorf("annex %d: got %v", annex, names)
				}
			}
		})

		t.Run("one name at one site twice", func(t *testing.T) {
			rep := run(t, workbook(t, sheetSpec{Name: "附件3", Rows: [][]any{{"序号", "项目名称", "建设地点"}, {1, "公墓", "中界镇"}, {2, "公墓", "晓景乡"}, {3, "公墓", "中界镇"}}}))
			checkFindings(t, "errors", rep.Errors, []model.Finding{{Row: 4, Column: "B", Message: "项目“公墓（中界镇）”在本次导入中重复出现（另见“附件3”第2行）"}})
		})
	})
}
