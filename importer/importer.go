package importer

import (
	"archive/zip"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/internal/tempdir"
	"github.com/yanhe/captrack/model"
	"golang.org/x/sync/errgroup"
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
	// Progress, when set, is told how far the reading of each workbook
	// has come: once when it opens, every progressRows rows and when it
	// is read. It is called on the goroutine that parses.
	Progress func(Progress)
	Password string // the open password of encrypted workbooks
	List     bool   // list each project row read (Parsed.Projects), for a dry run
	// MaxRows and MaxCells cap the rows (by their number) and the
	// non-empty cells of each sheet; 0 = DefaultMaxRows, DefaultMaxCells.
	MaxRows, MaxCells int
	// Timeout caps the time of one Import; 0 = DefaultTimeout.
	Timeout time.Duration
	// Gate, when set, bounds the imports that run at once (the server's).
	Gate *Gate
}

// Default bounds of one import: well above the 100,000-row benchmark
// (ten columns a row) and the county's workbooks.
const (
	DefaultMaxRows  = 500_000
	DefaultMaxCells = 10_000_000
	DefaultTimeout  = 5 * time.Minute
)

func (o Options) maxRows() int  { return cmp.Or(max(o.MaxRows, 0), DefaultMaxRows) }
func (o Options) maxCells() int { return cmp.Or(max(o.MaxCells, 0), DefaultMaxCells) }
func (o Options) timeout() time.Duration {
	return cmp.Or(max(o.Timeout, 0), DefaultTimeout)
}

// Progress is how far the reading of one workbook has come.
type Progress struct {
	File string // the workbook's name
	Rows int    // rows read so far, of all its sheets
	// Estimate is the rows its sheets' dimensions (the used range Excel
	// records) declare, never fewer than Rows; 0 when they declare none.
	Estimate int
	Done     bool // the workbook is read
}

// progressRows is how many rows are read between Progress calls.
const progressRows = 1000

// DefaultMaxUnzipSize caps the unpacked size of a workbook.
const DefaultMaxUnzipSize = 256 << 20

// unzipLimit is the cap on the unpacked size of a workbook.
func (o Options) unzipLimit() int64 {
	if o.MaxUnzipSize <= 0 {
		return DefaultMaxUnzipSize
	}
	return o.MaxUnzipSize
}

// Parsed is what one workbook holds. Warnings and Errors list the first
// model.MaxListed findings of each kind (in sortFindings' order) and
// WarningCount and ErrorCount count them all; Projects lists the first
// model.MaxListed rows read, ProjectCount counts them.
type Parsed struct {
	Set                      model.ImportSet
	Warnings                 []model.Finding
	Errors                   []model.Finding
	WarningCount, ErrorCount int
	Projects                 []model.ProjectRead // with Options.List
	ProjectCount             int
	// panicked holds what reading stopped at, with its stack: the user
	// is told the file is unreadable, and the fuzz test fails on it.
	panicked string
}

func (p *Parsed) warn(f model.Finding) {
	p.WarningCount++
	p.Warnings = keep(p.Warnings, f, f.File)
}

func (p *Parsed) fail(f model.Finding) {
	p.ErrorCount++
	p.Errors = keep(p.Errors, f, f.File)
}

// list adds a project row to the dry run's listing.
func (p *Parsed) list(r model.ProjectRead) {
	if p.ProjectCount++; len(p.Projects) < model.MaxListed {
		p.Projects = append(p.Projects, r)
	}
}

// unlist drops the last n project rows listed.
func (p *Parsed) unlist(n int) {
	p.ProjectCount -= n
	p.Projects = p.Projects[:min(len(p.Projects), p.ProjectCount)]
}

// Parse reads one workbook from r; name is the file name shown in
// findings. It never panics and never leaves temporary files behind.
// What only the database can tell (a row repeating another, a name listed
// for several sites) is not checked here but when the rows are applied.
func Parse(name string, r io.Reader, opt Options) *Parsed {
	p := &Parsed{}
	var set model.ImportSet
	parse(context.Background(), name, r, opt, p, func(chunk *model.ImportSet) {
		set.Plans = append(set.Plans, chunk.Plans...)
		set.Indicators = append(set.Indicators, chunk.Indicators...)
		set.Progress = append(set.Progress, chunk.Progress...)
		set.Payments = append(set.Payments, chunk.Payments...)
		set.Funds = append(set.Funds, chunk.Funds...)
		set.Budgets = append(set.Budgets, chunk.Budgets...)
	})
	if p.panicked == "" {
		p.Set = set
	}
	return p
}

// parse reads one workbook as Parse does into p, handing its rows to
// handOn a chunk of about chunkRows rows at a time as they are read; each
// chunk is handOn's to keep. When ctx ends, reading stops (Import says why).
func parse(ctx context.Context, name string, r io.Reader, opt Options, p *Parsed, handOn func(*model.ImportSet)) {
	defer func() {
		if v := recover(); v != nil {
			p.panicked = fmt.Sprintf("%v\n%s", v, debug.Stack())
			p.fail(model.Finding{File: name, Message: "无法读取工作簿（文件已损坏或格式异常），请用 Excel 或 WPS 打开后重新保存再导入"})
		}
	}()
	limit := opt.unzipLimit()
	// excelize unpacks large sheets into temp files, and leaves them
	// behind when a later part of the zip fails to open (it drops the
	// half-opened workbook): give it a directory of this parse's own,
	// removed whatever happens (and, should the process be killed, by the
	// next captrack's tempdir.Sweep), which also holds the package it opens.
	tmp, err := tempdir.New("import")
	if err != nil {
		p.fail(model.Finding{File: name, Message: "无法创建临时目录，请联系管理员检查服务器磁盘"})
		return
	}
	defer tmp.Remove()
	parts, pkg, err := openPackage(name, r, opt.Password, limit, tmp.Path, opt.maxRows(), opt.maxCells())
	if err != nil {
		at := model.Finding{File: name, Message: openMessage(err, limit)}
		if refused := (*refusal)(nil); errors.As(err, &refused) {
			at.Sheet, at.Row, at.Column = refused.sheet, refused.row, refused.column
		}
		p.fail(at)
		return
	}
	defer parts.close()
	f, err := excelize.OpenFile(pkg, excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: parts.xmlLimit, TmpDir: tmp.Path})
	if err != nil {
		if f != nil {
			f.Close()
		}
		p.fail(model.Finding{File: name, Message: openMessage(err, limit)})
		return
	}
	defer f.Close()
	b := &book{ctx: ctx, f: f, name: name, opt: opt, out: p, handOn: handOn, styles: map[int]string{}, parts: parts, formats: parts.readNumFormats(), deadlines: memo[deadline]{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	if opt.Progress != nil {
		for _, sheet := range f.GetSheetList() {
			b.estimate += b.parts.rows(sheet, limit)
		}
		b.progress(false)
	}
	for _, sheet := range f.GetSheetList() {
		if ctx.Err() != nil {
			return
		}
		b.readSheet(sheet)
	}
	b.flush(nil)
	b.progress(true)
	sortFindings(p.Warnings, []string{name})
	sortFindings(p.Errors, []string{name})
	p.Warnings = p.Warnings[:min(len(p.Warnings), keepListed)]
	p.Errors = p.Errors[:min(len(p.Errors), keepListed)]
	switch {
	case b.tables > 0 || p.ErrorCount > 0 || ctx.Err() != nil:
	case !b.content:
		p.fail(model.Finding{File: name, Message: "工作簿中没有任何数据：各工作表均为空，文件可能已损坏或选错了文件"})
	default:
		p.fail(model.Finding{File: name, Message: "工作簿中没有找到含“项目名称”（或项目编码）列的表格，请检查表头"})
	}
}

// errUnzipLimit is checkPackage's error for a workbook that unpacks past the
// limit.
var errUnzipLimit = errors.New("unzip limit")

// damagedPart is checkPackage's error for a part that does not unpack to
// what the package says of it. It does not unwrap: archive/zip reports
// some damage as zip.ErrFormat, which otherwise means "not a zip at all".
type damagedPart struct {
	name string
	err  error
}

func (e *damagedPart) Error() string { return e.name + ": " + e.err.Error() }

// openMessage explains why a workbook did not open.
func openMessage(err error, limit int64) string {
	var refused *refusal
	switch {
	case errors.As(err, &refused):
		return refused.msg
	case errors.Is(err, zip.ErrFormat) || errors.Is(err, excelize.ErrWorkbookFileFormat):
		return "文件不是 Excel 工作簿（.xlsx），或已截断、损坏；旧版 .xls 文件请先另存为 .xlsx"
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return "工作簿设有打开密码，所给密码不正确"
	case errors.As(err, new(*fs.PathError)):
		return "无法读取文件：读取中断或服务器临时目录不可用，请重新导入或联系管理员"
	case errors.As(err, new(*damagedPart)):
		return "文件已损坏（校验和不符或无法解压），请重新保存或重新获取原文件后再导入"
	case errors.Is(err, errUnzipLimit), err.Error() == fmt.Sprintf("unzip size exceeds the %d bytes limit", limit):
		return fmt.Sprintf("工作簿解压后超过 %d MB 的上限，可能是压缩炸弹，已拒绝", limit>>20)
	}
	return "文件不是有效的 Excel 工作簿（.xlsx），或已截断、损坏"
}

// Store is what Import needs of storage (implemented by *store.DB).
type Store interface {
	ApplyImportStream(ctx context.Context, next model.ImportSource, opt model.ApplyOptions) (model.ImportResult, error)
}

// File is one workbook to import.
type File struct {
	Name string
	R    io.Reader
}

// errParse ends an apply whose files had errors.
var errParse = errors.New("importer: the workbooks have errors")

// Import reads the files and applies their rows in one transaction of
// st, a chunk at a time while the next is read, so that a workbook of any
// size is imported in about the memory of one chunk. If any file has an
// error, nothing is applied (all-or-nothing across files), and every
// file is still read so that the report lists all their errors. The
// store's findings (a row repeating another, in any file of the import;
// an unknown project) join the report. The error return is for storage
// failures only.
func Import(ctx context.Context, st Store, files []File, opt Options, apply model.ApplyOptions) (model.ImportResult, error) {
	rep := model.ImportResult{Warnings: []model.Finding{}, Errors: []model.Finding{}}
	if opt.Gate != nil {
		release, err := opt.Gate.Enter(ctx)
		if err != nil {
			return rep, err
		}
		defer release()
	}
	for _, file := range files {
		apply.Files = append(apply.Files, file.Name)
	}
	opt.List = opt.List || apply.DryRun
	tctx, cancel := context.WithTimeout(ctx, opt.timeout())
	defer cancel()
	// The parse and the apply run side by side: the apply takes each
	// chunk before the next is read, and reads the findings only once
	// chunks is closed. When the apply ends early (a storage failure, or
	// errParse), g's context ends and the parse drops the chunks it
	// still reads, but reads on, so that the report lists every error.
	g, gctx := errgroup.WithContext(tctx)
	chunks := make(chan *model.ImportSet)
	var reading string // the file being read
	g.Go(func() error {
		defer close(chunks)
		for _, file := range files {
			reading = file.Name
			p := &Parsed{}
			parse(gctx, file.Name, file.R, opt, p, func(set *model.ImportSet) {
				if p.ErrorCount > 0 || rep.Counts.Errors > 0 {
					return // never applied
				}
				select {
				case chunks <- set:
				case <-gctx.Done():
				}
			})
			rep.Warnings = append(rep.Warnings, p.Warnings...)
			rep.Errors = append(rep.Errors, p.Errors...)
			rep.Projects = append(rep.Projects, p.Projects...)
			rep.Counts.Warnings += p.WarningCount
			rep.Counts.Errors += p.ErrorCount
			rep.ProjectsTotal += p.ProjectCount
			if gctx.Err() != nil {
				break
			}
		}
		return nil
	})
	var res model.ImportResult
	g.Go(func() error {
		var err error
		res, err = st.ApplyImportStream(gctx, func() (*model.ImportSet, error) {
			select {
			case set, ok := <-chunks:
				switch {
				case ok:
					return set, nil
				case rep.Counts.Errors > 0:
					return nil, errParse
				}
				return nil, nil
			case <-gctx.Done():
				return nil, gctx.Err()
			}
		}, apply)
		return err
	})
	err := g.Wait()
	switch {
	case ctx.Err() == nil && errors.Is(tctx.Err(), context.DeadlineExceeded):
		// Out of time: the transaction was rolled back; the report says so.
		err = nil
		rep.Created, rep.Updated, rep.Unchanged, rep.ByKind = 0, 0, 0, nil
		rep.Errors = append(rep.Errors, model.Finding{File: reading, Message: fmt.Sprintf("导入用时超过 %s 的上限，已停止，未写入任何数据：请将工作簿拆分为较小的文件分批导入", duration(opt.timeout()))})
		rep.Counts.Errors++
	case errors.Is(err, errParse):
		err = nil
	case err == nil:
		rep.Applied, rep.Created, rep.Updated, rep.Unchanged, rep.ByKind = res.Applied, res.Created, res.Updated, res.Unchanged, res.ByKind
		rep.Digest, rep.ImportPreview = res.Digest, res.ImportPreview
		rep.Warnings = append(rep.Warnings, res.Warnings...)
		rep.Errors = append(rep.Errors, res.Errors...)
		rep.Counts.Warnings += len(res.Warnings)
		rep.Counts.Errors += len(res.Errors)
	}
	if apply.DryRun && rep.ImportPreview == nil { // the workbooks had errors
		rep.ImportPreview = &model.ImportPreview{Changes: []model.ImportChange{}, NewProjects: []model.NewProject{}, Similar: []model.SimilarRow{}}
	}
	sortFindings(rep.Warnings, apply.Files)
	sortFindings(rep.Errors, apply.Files)
	rep.Cap()
	return rep, err
}

// duration says d in Chinese: 5 分钟, 90 秒.
func duration(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		return fmt.Sprintf("%d 分钟", d/time.Minute)
	}
	return fmt.Sprintf("%d 秒", max(d.Round(time.Second)/time.Second, 1))
}
