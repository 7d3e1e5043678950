package reports_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/reports"
)

// unique is text of n characters that no other row's text shares a
// character with: row i draws on its own eight CJK characters, so that
// every piece of it the PDF shows names its row.
func unique(i, n int) string {
	var b strings.Builder
	for k := range n {
		b.WriteRune(rune(0x5000 + i*8 + k%8))
	}
	return b.String()
}

// printData is n projects in three categories over annexes 1 and 3,
// with names, sites, contents, problems and 督办 of every length up to
// the limits (one in five at 2000 characters), and an open alert each.
func printData(n int) (model.ReportData, []reports.DelayedRow) {
	data := model.ReportData{
		AsOf: model.NewDate(2021, time.January, 15), Org: "沿河土家族自治县民政局 & 财政局",
		Printed: time.Date(2021, time.January, 16, 9, 30, 0, 0, model.CountyZone()),
		Sources: []string{"中央预算内投资", "县级配套"}, Lamps: model.DefaultSpendLamps(),
	}
	var rows []reports.DelayedRow
	for i := range n {
		long := 40 + i*37%400
		if i%5 == 0 {
			long = model.MaxNote
		}
		inv := model.Money(100+i) * model.Wan
		p := model.ProjectFacts{
			Project: model.Project{ID: uint(i + 1), Code: fmt.Sprintf("A%d-%012X", 1+i%2*2, i*7919), Name: unique(i, 4+i%30),
				Annex: 1 + i%2*2, Category: []string{"养老服务中心", "农村公益性公墓", "敬老院改扩建"}[i%3],
				ResponsibleUnit: "县民政局", Site: unique(i, 3+i%20), Content: unique(i, long/2), Investment: &inv,
				PlannedStart: model.MonthPlan(2018, time.December), PlannedFinish: model.MonthPlan(2020, time.December), SourceRow: i + 5},
			Plan: inv, PlanKnown: true, Spent: inv / 3, Allocated: inv / 2, Received: inv / 2,
			SpentBySource:     map[string]model.Money{"中央预算内投资": inv / 3},
			AllocatedBySource: map[string]model.Money{"中央预算内投资": inv / 2},
			Progress:          nullPct(strconv.Itoa(i % 100)), Problems: unique(i, long),
			OpenSupervisions: 1 + i%3, LatestSupervision: unique(i, long),
		}
		if i%7 == 0 {
			p.Spent = inv + model.Wan // over plan
			p.SpentBySource = map[string]model.Money{"中央预算内投资": p.Spent}
		}
		data.Projects = append(data.Projects, p)
	}
	// ReportData's order: by category.
	var sorted []model.ProjectFacts
	for _, c := range []string{"农村公益性公墓", "敬老院改扩建", "养老服务中心"} {
		for _, p := range data.Projects {
			if p.Project.Category == c {
				sorted = append(sorted, p)
			}
		}
	}
	data.Projects = sorted
	for _, p := range data.Projects {
		rows = append(rows, reports.DelayedRow{Alert: alerts.Alert{ProjectID: p.Project.ID, ProjectCode: p.Project.Code,
			ProjectName: p.Project.Name, ResponsibleUnit: p.Project.ResponsibleUnit, Milestone: "finish",
			Due: model.NewDate(2020, time.December, 31), SlipDays: 15, Severity: alerts.Yellow, Kind: alerts.KindOverdue},
			Note: p.Problems, OpenSupervisions: p.OpenSupervisions, LatestSupervision: p.LatestSupervision})
	}
	return data, rows
}

// printReports writes the reports of printData(n) into dir, named
// prefix-spend.xlsx and so on, and returns their paths by kind.
func printReports(t *testing.T, dir, prefix string, n int) map[string]string {
	t.Helper()
	data, rows := printData(n)
	out := map[string]string{}
	for kind, write := range map[string]func(*bytes.Buffer) error{
		reports.KindSpend: func(b *bytes.Buffer) error { return reports.Spend(b, data) },
		reports.KindDelayed: func(b *bytes.Buffer) error {
			return reports.Delayed(b, rows, reports.Imprint{Org: data.Org, AsOf: data.AsOf, Printed: data.Printed})
		},
		reports.KindProgress: func(b *bytes.Buffer) error { return reports.Progress(b, data) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		out[kind] = filepath.Join(dir, prefix+"-"+kind+".xlsx")
		if err := os.WriteFile(out[kind], b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// Every formula cell of every report carries its result, the one a
// spreadsheet computes, so that a viewer that does not recalculate shows
// the same figures.
func TestFormulasCarryValues(t *testing.T) {
	for kind, path := range printReports(t, t.TempDir(), "v", 40) {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		formulas := 0
		for _, sh := range f.GetSheetList() {
			rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			for r, row := range rows {
				for c := range row {
					ref := cellName(c+1, r+1)
					if fx, _ := f.GetCellFormula(sh, ref); fx == "" {
						continue
					}
					formulas++
					cached := row[c]
					want, err := f.CalcCellValue(sh, ref, excelize.Options{RawCellValue: true})
					if err != nil {
						t.Fatalf("%s %s!%s: %v", kind, sh, ref, err)
					}
					if !sameNumber(cached, want) {
						t.Errorf("%s %s!%s carries %q, computes to %q", kind, sh, ref, cached, want)
					}
				}
			}
		}
		if formulas == 0 && kind != reports.KindDelayed {
			t.Errorf("%s: no formula cells", kind)
		}
	}
}

// sameNumber says whether a and b are the same text or numbers within
// 10^-13 of each other (excelize's calculator rounds its 15th digit).
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && math.Abs(x-y) <= 1e-13*max(math.Abs(x), math.Abs(y))
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// soffice finds LibreOffice, or skips the test (fails it when
// CAPTRACK_TEST_LIBREOFFICE=required).
func soffice(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("soffice")
	if err == nil {
		_, err = exec.LookPath("pdftotext")
	}
	if err != nil {
		if os.Getenv("CAPTRACK_TEST_LIBREOFFICE") == "required" {
			t.Fatalf("LibreOffice and poppler are required: %v", err)
		}
		t.Skipf("LibreOffice or poppler missing (%v); set CAPTRACK_TEST_LIBREOFFICE=required to fail", err)
	}
	return path
}

// convert runs one soffice over files with a throw-away profile that
// never recalculates Excel files on loading, writing to outdir.
func convert(t *testing.T, bin, profile, to, outdir string, files []string) {
	t.Helper()
	user := filepath.Join(profile, "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	const never = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>1</value></prop></item>
</oor:items>`
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(never), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", to, "--outdir", outdir}, files...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
}

// pdfWord is one word of pdftotext -bbox.
type pdfWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// pdfPages reads the words of each page of the PDF at path.
func pdfPages(t *testing.T, path string) [][]pdfWord {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	var doc struct {
		Pages []struct {
			Words []pdfWord `xml:"word"`
		} `xml:"body>doc>page"`
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := make([][]pdfWord, len(doc.Pages))
	for i, p := range doc.Pages {
		pages[i] = p.Words
	}
	return pages
}

// sheetText is what the test knows of a report sheet: its title (the
// page header's middle), the header row's first and last column
// headers, and the text of each table row below the header.
type sheetText struct {
	name, title, first, last string
	rows                     map[int][]string
}

func sheetTexts(t *testing.T, path string) []sheetText {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sheetText
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		title, header := 0, 2
		if strings.HasPrefix(rows[0][0], "附件") {
			title, header = 1, 3
		}
		hdr := rows[header]
		last := hdr[len(hdr)-1]
		if len(rows[header+1]) > 0 && rows[header+1][0] == "" { // a two-row header
			header++
			last = rows[header][len(rows[header])-1]
		}
		firstLine := func(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }
		st := sheetText{name: sh, title: rows[title][0], first: firstLine(hdr[0]), last: firstLine(last), rows: map[int][]string{}}
		for r := header + 1; r < len(rows); r++ {
			for _, v := range rows[r] {
				if v != "" {
					st.rows[r] = append(st.rows[r], v)
				}
			}
		}
		out = append(out, st)
	}
	return out
}

// rowOf is the one table row whose text contains w, or -1.
func (st sheetText) rowOf(w string) int {
	found := -1
	for r, texts := range st.rows {
		for _, s := range texts {
			if strings.Contains(s, w) {
				if found >= 0 && found != r {
					return -1
				}
				found = r
			}
		}
	}
	return found
}

var pageNumber = regexp.MustCompile(`第 (\d+) 页，共 (\d+) 页`)

// The reports printed by LibreOffice: A4 landscape pages, each with the
// page header (编制单位, title, 截至日期) and footer (打印时间, page
// numbers), the column headers repeated and every column on every page;
// no row's text reaching into the next row; the summary and its chart
// on one page; and, read without recalculating, the totals the workbook
// carries.
func TestPrintedWithLibreOffice(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	big := printReports(t, dir, "big", 45)
	small := printReports(t, dir, "small", 3)
	files := []string{big[reports.KindSpend], big[reports.KindDelayed], big[reports.KindProgress], small[reports.KindProgress], small[reports.KindDelayed]}
	pdfDir, csvDir := filepath.Join(dir, "pdf"), filepath.Join(dir, "csv")
	convert(t, bin, filepath.Join(dir, "profile"), "pdf", pdfDir, files)
	// Every sheet to its own file, values as stored (not as shown).
	convert(t, bin, filepath.Join(dir, "profile"), "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", csvDir,
		[]string{big[reports.KindSpend], big[reports.KindProgress]})

	pdfOf := func(xlsx string) string {
		return filepath.Join(pdfDir, strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")+".pdf")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			sheets := sheetTexts(t, file)
			pages := pdfPages(t, pdfOf(file))
			pagesOf := map[string]int{}
			for i, words := range pages {
				var all []string
				for _, w := range words {
					all = append(all, w.Text)
				}
				text := strings.Join(all, " ")
				var st *sheetText
				for k := range sheets {
					if strings.Contains(" "+text+" ", " "+sheets[k].title+" ") {
						st = &sheets[k]
					}
				}
				if st == nil {
					t.Fatalf("page %d names no sheet's title: %s", i+1, text)
				}
				pagesOf[st.name]++
				for _, want := range []string{"编制单位：沿河土家族自治县民政局 & 财政局", "截至日期：2021年1月15日", "打印时间：2021-01-16 09:30", st.first, st.last} {
					if !strings.Contains(text, want) {
						t.Errorf("page %d (%s) lacks %q", i+1, st.name, want)
					}
				}
				if m := pageNumber.FindStringSubmatch(text); m == nil || m[1] != strconv.Itoa(i+1) || m[2] != strconv.Itoa(len(pages)) {
					t.Errorf("page %d (%s): page number %q, want 第 %d 页，共 %d 页", i+1, st.name, m, i+1, len(pages))
				}
				checkRowsApart(t, i+1, *st, words)
			}
			switch file {
			case small[reports.KindProgress]: // 2 projects of annex 1, 1 of annex 3
				if len(pages) != 2 || pagesOf["附件1"] != 1 || pagesOf["附件3"] != 1 {
					t.Errorf("small progress report: %d pages %v, want one per annex", len(pages), pagesOf)
				}
			case small[reports.KindDelayed]:
				if len(pages) != 1 {
					t.Errorf("small delayed report: %d pages, want 1", len(pages))
				}
			case big[reports.KindSpend]:
				if pagesOf[reports.SummarySheet] != 1 {
					t.Errorf("the summary and its chart print on %d pages, want 1", pagesOf[reports.SummarySheet])
				}
				chart := 0
				for _, words := range pages {
					for _, w := range words {
						if w.Text == "各类项目计划投资与累计拨付（万元）" {
							chart++
						}
					}
				}
				if chart != 1 {
					t.Errorf("the chart's title shows %d times, want once", chart)
				}
				fallthrough
			default:
				for _, st := range sheets {
					if pagesOf[st.name] < 1 {
						t.Errorf("sheet %s prints on no page", st.name)
					}
				}
			}
			if t.Failed() {
				t.Logf("pages per sheet: %v", pagesOf)
			}
		})
	}

	t.Run("totals without recalculation", func(t *testing.T) {
		data, _ := printData(45)
		var plan, spent model.Money
		for _, p := range data.Projects {
			plan, spent = plan.Add(p.Plan), spent.Add(p.Spent)
		}
		// csvRow is the first row of file whose column col holds label.
		csvRow := func(file string, col int, label string) []string {
			b, err := os.ReadFile(filepath.Join(csvDir, file))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				if f := strings.Split(strings.TrimRight(line, "\r"), ","); len(f) > col && f[col] == label {
					return f
				}
			}
			t.Fatalf("%s has no row %q", file, label)
			return nil
		}
		num := func(m model.Money) string {
			v, _ := strconv.ParseFloat(m.WanString(), 64)
			return strconv.FormatFloat(v, 'f', -1, 64)
		}
		if got := csvRow("big-spend-"+reports.SpendSheet+".csv", 0, "合计"); got[4] != num(plan) || got[5] != num(spent) {
			t.Errorf("spend grand total = %q / %q, want %s / %s", got[4], got[5], num(plan), num(spent))
		}
		if got := csvRow("big-spend-"+reports.SummarySheet+".csv", 0, "合计"); got[1] != num(plan) || got[2] != num(spent) {
			t.Errorf("summary total = %q / %q, want %s / %s", got[1], got[2], num(plan), num(spent))
		}
		var inv1 model.Money
		for _, p := range data.Projects {
			if p.Project.Annex == 1 {
				inv1 = inv1.Add(*p.Project.Investment)
			}
		}
		if got := csvRow("big-progress-附件1.csv", 1, "合计"); got[7] != num(inv1) {
			t.Errorf("附件1 total = %q, want %s", got[7], num(inv1))
		}
	})
}

// checkRowsApart checks that on one page the text of each table row
// lies above the text of every later row: no wrapped text reaches into
// its neighbour. A word counts for the one row whose text contains it,
// unless the page shows it twice (a chart's labels repeat the table's).
func checkRowsApart(t *testing.T, page int, st sheetText, words []pdfWord) {
	t.Helper()
	type box struct{ top, bottom float64 }
	boxes := map[int]*box{}
	seen := map[string]int{}
	for _, w := range words {
		seen[w.Text]++
	}
	for _, w := range words {
		if len([]rune(w.Text)) < 2 || seen[w.Text] > 1 {
			continue
		}
		r := st.rowOf(w.Text)
		if r < 0 {
			continue
		}
		if b := boxes[r]; b == nil {
			boxes[r] = &box{w.YMin, w.YMax}
		} else {
			b.top, b.bottom = min(b.top, w.YMin), max(b.bottom, w.YMax)
		}
	}
	if len(boxes) == 0 {
		return
	}
	for r, a := range boxes {
		for s, b := range boxes {
			if r < s && a.bottom > b.top+0.5 {
				t.Errorf("page %d (%s): row %d's text (y %.1f–%.1f) runs into row %d's (y %.1f–%.1f)", page, st.name, r+1, a.top, a.bottom, s+1, b.top, b.bottom)
			}
		}
	}
}
