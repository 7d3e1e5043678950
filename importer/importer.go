// Package importer reads the county's workbooks (annex task-breakdown
// tables, monthly progress returns, disbursement ledgers, budget tables)
// into model values and a list of findings. It decides nothing about HTTP
// or storage engines.
package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// Kind is the kind of table a workbook holds.
type Kind string

// Kinds of table.
const (
	KindAuto     Kind = ""
	KindPlan     Kind = "plan"
	KindProgress Kind = "progress"
	KindLedger   Kind = "ledger"
	KindBudget   Kind = "budget"
)

// label is the Chinese name of a kind, for messages.
func (k Kind) label() string {
	switch k {
	case KindProgress:
		return "进度月报"
	case KindLedger:
		return "资金拨付台账"
	case KindBudget:
		return "预算表"
	}
	return "任务分解表"
}

// Options steer Parse.
type Options struct {
	Kind         Kind       // KindAuto: detect per table from its headers
	ReportDate   model.Date // --report-date for progress returns; zero = unset
	MaxUnzipSize int64      // excelize UnzipSizeLimit; 0 = DefaultMaxUnzipSize
}

// DefaultMaxUnzipSize caps the unpacked size of a workbook.
const DefaultMaxUnzipSize = 256 << 20

// unzipLimit is the cap on the unpacked size of a workbook.
func (o Options) unzipLimit() int64 {
	if o.MaxUnzipSize <= 0 {
		return DefaultMaxUnzipSize
	}
	return o.MaxUnzipSize
}

// Parsed is what one workbook held.
type Parsed struct {
	Set      model.ImportSet
	Warnings []model.Finding
	Errors   []model.Finding
}

func (p *Parsed) warn(f model.Finding) { p.Warnings = append(p.Warnings, f) }
func (p *Parsed) fail(f model.Finding) { p.Errors = append(p.Errors, f) }

// Parse reads one workbook from r; name is the file name shown in
// findings. It never panics and never leaves temporary files behind.
func Parse(name string, r io.Reader, opt Options) (p *Parsed) {
	p = &Parsed{}
	defer func() {
		if v := recover(); v != nil {
			p.Set = model.ImportSet{}
			p.fail(model.Finding{File: name, Message: fmt.Sprintf("无法读取工作簿（文件已损坏或格式异常）：%v", v)})
		}
	}()
	limit := opt.unzipLimit()
	data, err := io.ReadAll(r)
	if err != nil {
		p.fail(model.Finding{File: name, Message: "无法读取文件：" + err.Error()})
		return p
	}
	if err := verifyZip(data, limit); err != nil && !errors.Is(err, zip.ErrFormat) {
		// (Not a zip at all: excelize says what it is instead, e.g. an
		// encrypted workbook.)
		p.fail(model.Finding{File: name, Message: openMessage(err, limit)})
		return p
	}
	// excelize unpacks a sheet larger than UnzipXMLSizeLimit into a temp
	// file, and leaves it behind when a later part of the zip fails to open
	// (it drops the half-opened workbook): give it a directory of this
	// Parse's own, removed whatever happens.
	tmp, err := os.MkdirTemp("", "captrack-import-")
	if err != nil {
		p.fail(model.Finding{File: name, Message: "无法创建临时目录：" + err.Error()})
		return p
	}
	defer os.RemoveAll(tmp)
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: min(limit, 16<<20), TmpDir: tmp})
	if err != nil {
		if f != nil {
			f.Close()
		}
		p.fail(model.Finding{File: name, Message: openMessage(err, limit)})
		return p
	}
	defer f.Close()
	b := &book{f: f, name: name, opt: opt, out: p, styles: map[int]string{}, parts: newWorkbookParts(data)}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	for _, sheet := range f.GetSheetList() {
		b.readSheet(sheet)
	}
	if b.tables == 0 {
		p.fail(model.Finding{File: name, Message: "工作簿中没有找到含“项目名称”（或项目编码）列的表格，请检查表头"})
	}
	nameBySite(&p.Set, p.warn)
	checkDuplicates(name, &p.Set, p.fail)
	return p
}

// errUnzipLimit is verifyZip's error for a workbook that unpacks past the
// limit.
var errUnzipLimit = errors.New("unzip limit")

// verifyZip reads every part of the workbook to its end, within limit
// bytes in all, so that archive/zip checks each part's CRC-32: excelize
// does not, and a damaged byte could otherwise import as a silently
// different value.
func verifyZip(data []byte, limit int64) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	left := limit
	for _, f := range zr.File { // what the headers declare, first
		if left -= int64(min(f.UncompressedSize64, uint64(limit)+1)); left < 0 {
			return errUnzipLimit
		}
	}
	left = limit
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		n, err := io.Copy(io.Discard, io.LimitReader(rc, left+1))
		rc.Close()
		if err != nil {
			return err
		}
		if left -= n; left < 0 {
			return errUnzipLimit
		}
	}
	return nil
}

// nameBySite tells apart rows of one sheet that share a project name but
// not a site and have no code, as tables do that list "敬老院改扩建" once
// for each township: each such project is named "名称（建设地点）", so
// that it keeps its own identity on every re-import, and a warning says
// so, since the stored name is not the one typed.
func nameBySite(set *model.ImportSet, warn func(model.Finding)) {
	groups := map[string][]int{}
	for i, r := range set.Plans {
		if r.Project.Code == "" {
			k := fmt.Sprintf("%s\x00%d\x00%s", r.Sheet, r.Project.Annex, r.Project.NameKey)
			groups[k] = append(groups[k], i)
		}
	}
	for _, idx := range groups {
		if len(idx) < 2 {
			continue
		}
		sites := map[string]bool{}
		for _, i := range idx {
			sites[model.NormalizeName(set.Plans[i].Project.Site)] = true
		}
		if len(sites) != len(idx) || sites[""] {
			continue // a true repeat: checkDuplicates reports it
		}
		for _, i := range idx {
			r := &set.Plans[i]
			typed := r.Project.Name
			r.Project.Name = fmt.Sprintf("%s（%s）", typed, strings.TrimSpace(r.Project.Site))
			r.Project.NameKey = model.NormalizeName(r.Project.Name)
			warn(r.At(r.ProjectColumn, fmt.Sprintf("项目名称“%s”在表中出现 %d 次，按建设地点区分，记为“%s”", typed, len(idx), r.Project.Name)))
		}
	}
}

// openMessage explains why a workbook did not open.
func openMessage(err error, limit int64) string {
	switch {
	case errors.Is(err, zip.ErrFormat) || errors.Is(err, excelize.ErrWorkbookFileFormat):
		return "文件不是 Excel 工作簿（.xlsx），或已截断、损坏；旧版 .xls 文件请先另存为 .xlsx"
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return "工作簿已加密，请去掉密码后再导入"
	case errors.Is(err, zip.ErrChecksum):
		return "文件已损坏（校验和不符），请重新保存或重新获取原文件后再导入"
	case errors.Is(err, errUnzipLimit), err.Error() == fmt.Sprintf("unzip size exceeds the %d bytes limit", limit):
		return fmt.Sprintf("工作簿解压后超过 %d MB 的上限，可能是压缩炸弹，已拒绝", limit>>20)
	}
	return "文件不是有效的 Excel 工作簿，或已截断、损坏：" + err.Error()
}

// Store is what Import needs of storage (implemented by *store.DB).
type Store interface {
	ApplyImport(ctx context.Context, set *model.ImportSet, opt store.ApplyOptions) (model.ImportResult, error)
}

// File is one workbook to import.
type File struct {
	Name string
	R    io.Reader
}

// Report is what an import did, as the CLI prints it with --json.
type Report struct {
	Created   int             `json:"created"`
	Updated   int             `json:"updated"`
	Unchanged int             `json:"unchanged"`
	Warnings  []model.Finding `json:"warnings"`
	Errors    []model.Finding `json:"errors"`
}

// Import parses every file; if any has an error nothing is applied
// (all-or-nothing across files); otherwise it merges all sets and calls
// st.ApplyImport once, adding the store's row errors to the report. The
// same project in two files of one run is an error too. The error return
// is for storage failures only; findings go into the report.
func Import(ctx context.Context, st Store, files []File, opt Options, apply store.ApplyOptions) (Report, error) {
	rep := Report{Warnings: []model.Finding{}, Errors: []model.Finding{}}
	var set model.ImportSet
	for _, file := range files {
		p := Parse(file.Name, file.R, opt)
		rep.Warnings = append(rep.Warnings, p.Warnings...)
		rep.Errors = append(rep.Errors, p.Errors...)
		set.Plans = append(set.Plans, p.Set.Plans...)
		set.Indicators = append(set.Indicators, p.Set.Indicators...)
		set.Progress = append(set.Progress, p.Set.Progress...)
		set.Payments = append(set.Payments, p.Set.Payments...)
		set.Budgets = append(set.Budgets, p.Set.Budgets...)
		apply.Files = append(apply.Files, file.Name)
	}
	if len(files) > 1 {
		checkDuplicates("", &set, func(f model.Finding) { rep.Errors = append(rep.Errors, f) })
	}
	if len(rep.Errors) > 0 {
		return rep, nil
	}
	if apply.Kind == "" {
		apply.Kind = setKind(&set)
	}
	res, err := st.ApplyImport(ctx, &set, apply)
	if err != nil {
		return rep, err
	}
	rep.Created, rep.Updated, rep.Unchanged = res.Created, res.Updated, res.Unchanged
	rep.Errors = append(rep.Errors, res.Errors...)
	return rep, nil
}

// setKind names what set holds: one kind, or mixed.
func setKind(set *model.ImportSet) string {
	var kinds []Kind
	if len(set.Plans)+len(set.Indicators) > 0 {
		kinds = append(kinds, KindPlan)
	}
	if len(set.Progress) > 0 {
		kinds = append(kinds, KindProgress)
	}
	if len(set.Payments) > 0 {
		kinds = append(kinds, KindLedger)
	}
	if len(set.Budgets) > 0 {
		kinds = append(kinds, KindBudget)
	}
	if len(kinds) == 1 {
		return string(kinds[0])
	}
	if len(kinds) == 0 {
		return string(KindPlan)
	}
	return "mixed"
}

// checkDuplicates reports every plan row that repeats an earlier one (the
// same code, or the same normalised name within an annex). With file == "" the rows come from
// several files and the message names the other file.
func checkDuplicates(file string, set *model.ImportSet, fail func(model.Finding)) {
	seen := map[string]model.Ref{}
	where := func(r model.Ref) string {
		if file == "" && r.File != "" {
			return fmt.Sprintf("文件“%s”工作表“%s”第%d行", r.File, r.Sheet, r.Row)
		}
		return fmt.Sprintf("工作表“%s”第%d行", r.Sheet, r.Row)
	}
	for _, row := range set.Plans {
		key := fmt.Sprintf("name:%d:%s", row.Project.Annex, row.Project.NameKey)
		if row.Project.Code != "" {
			key = "code:" + row.Project.Code
		}
		if prev, ok := seen[key]; ok {
			fail(row.At(row.ProjectColumn, fmt.Sprintf("项目“%s”重复：与%s是同一项目", row.Project.Name, where(prev))))
			continue
		}
		seen[key] = row.Ref
	}
}
