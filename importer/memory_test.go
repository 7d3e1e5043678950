package importer

import (
	"archive/zip"
	"bufio"
	"cmp"
	"compress/flate"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
)

// The memory bound of one import, measured: each hostile workbook is
// imported in a child process (this test binary, running
// TestHostileMemoryChild), which prints its peak resident size as the
// kernel keeps it (VmHWM). The .xlsx workbooks are written as streams;
// the .xls ones are built in memory by the test (xlsbuild_test.go).

// maxImportRSS is the bound on the peak memory of one import.
const maxImportRSS = 200 << 20

// maxXLSRSS bounds an import of a 32 MB .xls whose records, or cells,
// are many: four times the file, which is held whole (an .xls of
// 500,000 shared strings is held to maxImportRSS, as its .xlsx is).
const maxXLSRSS = 4 * maxEncrypted

// hostileEnv names the workbook the child imports, and its time cap.
const hostileEnv, hostileTimeoutEnv = "CAPTRACK_HOSTILE_BOOK", "CAPTRACK_HOSTILE_TIMEOUT"

// discardStore applies nothing: it reads every chunk and drops it,
// counting its projects as created.
type discardStore struct{}

func (discardStore) ApplyImportStream(_ context.Context, next model.ImportSource, _ model.ApplyOptions) (model.ImportResult, error) {
	var rep model.ImportResult
	for {
		set, err := next()
		if err != nil || set == nil {
			return rep, err
		}
		rep.Created += len(set.Plans)
	}
}

// TestHostileMemoryChild imports the workbook hostileEnv names and prints
// the report's counts and lists, and its peak memory; it does nothing
// unless run by TestHostileMemory.
func TestHostileMemoryChild(t *testing.T) {
	path := os.Getenv(hostileEnv)
	if path == "" {
		t.Skip("run by TestHostileMemory")
	}
	timeout, _ := time.ParseDuration(os.Getenv(hostileTimeoutEnv))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Import(context.Background(), discardStore{}, []File{{Name: "hostile.xlsx", R: f}}, Options{Timeout: timeout}, model.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rep)
	fmt.Printf("REPORT %s\n", b)
	// The peak of this process's own memory: its rusage would count the
	// test process's peak too, whose memory it shared until it started.
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	_, hwm, _ := strings.Cut(string(status), "VmHWM:")
	hwm, _, _ = strings.Cut(hwm, "\n")
	fmt.Printf("PEAK %s\n", strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(hwm), "kB")))
}

func TestHostileMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds workbooks of hundreds of megabytes unpacked")
	}
	dir := t.TempDir()
	xlsx := func(write func(*zip.Writer) error) func(string) error {
		return func(path string) error { return writeBook(path, write) }
	}
	for _, tc := range []struct {
		name    string
		write   func(path string) error
		timeout time.Duration
		check   func(t *testing.T, rep model.ImportResult)
		bound   int64 // peak RSS; 0 = maxImportRSS
	}{
		{"huge sheet of bad cells and many shared strings", xlsx(badCellsBook), 5 * time.Minute, func(t *testing.T, rep model.ImportResult) {
			n := len(rep.Errors) + len(rep.Warnings)
			if n != model.MaxListed || rep.Counts.Errors != 6*100_000 || rep.Note != model.ListedNote(rep.Counts.Errors+rep.Counts.Warnings, n, "条") {
				t.Errorf("listed %d of %+v, note %q; want %d listed of 600,000 errors (six a row), and the note", n, rep.Counts, rep.Note, model.MaxListed)
			}
		}, 0},
		{"unused part of 240 MB", xlsx(unusedPartBook), time.Minute, func(t *testing.T, rep model.ImportResult) {
			if rep.Counts.Errors != 0 {
				t.Errorf("errors %v, want none: the unused part is ignored", rep.Errors)
			}
		}, 0},
		{"xls of 8 million empty records", xlsRecordsBook, time.Minute, func(t *testing.T, rep model.ImportResult) {
			if rep.Counts.Errors != 0 || rep.Created != 3 {
				t.Errorf("errors %v, %+v; want the three projects: the records are read one by one", rep.Errors, rep.Counts)
			}
		}, maxXLSRSS},
		{"xls of 5 million numbers", xlsNumbersBook, 5 * time.Minute, func(t *testing.T, rep model.ImportResult) {
			want := fmt.Sprintf("旧版 .xls 工作簿的非空单元格超过 %d 个的上限", maxXLSCells)
			if rep.Counts.Errors != 1 || !strings.Contains(rep.Errors[0].Message, want) || rep.Errors[0].Sheet != "附件1" {
				t.Errorf("errors %v, want one at 附件1: %q", rep.Errors, want)
			}
		}, maxXLSRSS},
		{"xls of 500,000 shared strings", xlsStringsBook, 5 * time.Minute, func(t *testing.T, rep model.ImportResult) {
			if rep.Counts.Errors != 0 || rep.Created != 3 {
				t.Errorf("errors %v, %+v; want the three projects", rep.Errors, rep.Counts)
			}
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := dir + "/" + strings.ReplaceAll(tc.name, " ", "-")
			if err := tc.write(path); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestHostileMemoryChild$", "-test.v")
			// The child runs as a deployment should (README: the systemd
			// unit sets GOMEMLIMIT): with a soft limit near the bound the
			// collector works harder before the heap overshoots its goal,
			// which on a loaded machine it otherwise did by a few MB
			// (201 MB seen at load 12, 161 MB at load 7).
			cmd.Env = append(os.Environ(), hostileEnv+"="+path, hostileTimeoutEnv+"="+tc.timeout.String(),
				fmt.Sprintf("GOMEMLIMIT=%dMiB", cmp.Or(tc.bound, maxImportRSS)*9/10>>20))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			_, peak, _ := strings.Cut(string(out), "PEAK ")
			peak, _, _ = strings.Cut(peak, "\n")
			kb, err := strconv.ParseInt(peak, 10, 64)
			if err != nil {
				t.Fatalf("no peak in\n%s", out)
			}
			rss := kb << 10
			t.Logf("peak RSS %d MB", rss>>20)
			if bound := cmp.Or(tc.bound, maxImportRSS); rss > bound {
				t.Errorf("peak RSS %d MB, want under %d MB", rss>>20, bound>>20)
			}
			_, report, ok := strings.Cut(string(out), "REPORT ")
			if !ok {
				t.Fatalf("no report in\n%s", out)
			}
			report, _, _ = strings.Cut(report, "\n")
			var rep model.ImportResult
			if err := json.Unmarshal([]byte(report), &rep); err != nil {
				t.Fatal(err)
			}
			tc.check(t, rep)
		})
	}
}

// writeBook writes a zip at path with write, compressing fast.
func writeBook(path string, write func(*zip.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	if err := write(zw); err != nil {
		return err
	}
	return zw.Close()
}

// part writes one part of a package with fill.
func part(zw *zip.Writer, name string, fill func(w *bufio.Writer)) error {
	w, err := zw.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fill(bw)
	return bw.Flush()
}

// packageParts writes the content types, relationships and workbook of
// a one-sheet package with shared strings.
func packageParts(zw *zip.Writer) error {
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="` + rel + `"><sheets><sheet name="附件1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
	} {
		if err := part(zw, p.name, func(w *bufio.Writer) { w.WriteString(p.body) }); err != nil {
			return err
		}
	}
	return nil
}

// bookHeader is the header of the hostile annexes: shared strings 0..7;
// 8 is 县民政局, 9 a text no column reads as a number or date.
var bookHeader = []string{"项目名称", "总投资（万元）", "建筑面积（平方米）", "占地（亩）", "床位", "计划开工", "计划完工", "责任单位"}

// sharedStrings writes the header, 县民政局, 某天前后, then project names up
// to n strings.
func sharedStrings(zw *zip.Writer, n int) error {
	return part(zw, "xl/sharedStrings.xml", func(w *bufio.Writer) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%[1]d">`, n)
		for _, s := range append(bookHeader, "县民政局", "某天前后") {
			fmt.Fprintf(w, "<si><t>%s</t></si>", s)
		}
		for i := len(bookHeader) + 2; i < n; i++ {
			fmt.Fprintf(w, "<si><t>项目%d</t></si>", i)
		}
		w.WriteString("</sst>")
	})
}

// sheet writes a sheet of the header and rows project rows from row, each
// cell given by cell(row, column).
func sheet(zw *zip.Writer, rows int, cell func(r, c int) string) error {
	return part(zw, "xl/worksheets/sheet1.xml", func(w *bufio.Writer) {
		w.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">`)
		for c := range bookHeader {
			fmt.Fprintf(w, `<c r="%c1" t="s"><v>%d</v></c>`, 'A'+c, c)
		}
		w.WriteString("</row>")
		for r := 2; r < rows+2; r++ {
			fmt.Fprintf(w, `<row r="%d">`, r)
			for c := range bookHeader {
				fmt.Fprintf(w, `<c r="%c%d" %s</c>`, 'A'+c, r, cell(r, c))
			}
			w.WriteString("</row>")
		}
		w.WriteString("</sheetData></worksheet>")
	})
}

// badCellsBook is an annex of 100,000 rows (23 MB of sheet XML, 800,000
// cells) whose every figure and date is unreadable, with a table of
// 150,000 shared strings, under the unzip cap.
func badCellsBook(zw *zip.Writer) error {
	const strs = 150_000
	if err := packageParts(zw); err != nil {
		return err
	}
	if err := sharedStrings(zw, strs); err != nil {
		return err
	}
	return sheet(zw, 100_000, func(r, c int) string {
		switch c {
		case 0:
			return fmt.Sprintf(`t="s"><v>%d</v>`, 10+r%(strs-10))
		case len(bookHeader) - 1:
			return `t="s"><v>8</v>`
		}
		return `t="s"><v>9</v>`
	})
}

// unusedPartBook is a valid annex of three projects carrying a part of
// 240 MB that no reader needs (a picture, as it were).
func unusedPartBook(zw *zip.Writer) error {
	if err := packageParts(zw); err != nil {
		return err
	}
	if err := sharedStrings(zw, 13); err != nil {
		return err
	}
	err := sheet(zw, 3, func(r, c int) string {
		switch c {
		case 0:
			return fmt.Sprintf(`t="s"><v>%d</v>`, 8+r)
		case 5, 6:
			return fmt.Sprintf(`t="inlineStr"><is><t>2019.%d</t></is>`, c)
		case len(bookHeader) - 1:
			return `t="s"><v>8</v>`
		}
		return "><v>100</v>"
	})
	if err != nil {
		return err
	}
	zeros := make([]byte, 1<<20)
	return part(zw, "xl/media/image1.png", func(w *bufio.Writer) {
		for range 240 {
			w.Write(zeros)
		}
	})
}

// TestHostileRefused: what would take more memory than the bound is
// refused before excelize reads it, naming the bound.
func TestHostileRefused(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*zip.Writer) error
		want  string
	}{
		{"too many shared strings", func(zw *zip.Writer) error {
			if err := packageParts(zw); err != nil {
				return err
			}
			if err := sharedStrings(zw, maxSharedStrings+1); err != nil {
				return err
			}
			return sheet(zw, 1, func(r, c int) string { return `t="s"><v>8</v>` })
		}, "共享字符串表有超过 500000 个字符串，超过上限，已拒绝"},
		{"a cell of 2 MB", func(zw *zip.Writer) error {
			if err := packageParts(zw); err != nil {
				return err
			}
			if err := sharedStrings(zw, 12); err != nil {
				return err
			}
			long := strings.Repeat("长", 700_000)
			return sheet(zw, 3, func(r, c int) string {
				if r == 3 && c == 1 {
					return `t="inlineStr"><is><t>` + long + `</t></is>`
				}
				return `t="s"><v>8</v>`
			})
		}, "工作表“附件1”第3行有一个单元格（或其中的文字）超过 1 MB 的上限，已拒绝"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := t.TempDir() + "/book.xlsx"
			if err := writeBook(path, tc.write); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			p := Parse("book.xlsx", f, Options{})
			if len(p.Errors) != 1 || p.Errors[0].Message != tc.want {
				t.Errorf("errors %v, want one: %q", p.Errors, tc.want)
			}
		})
	}
}
