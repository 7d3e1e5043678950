package model

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Finding is one thing an import found wrong (an error) or doubtful (a
// warning), located the way a clerk finds it in Excel: file, sheet, row as
// Excel numbers it, and column letter. Message is Chinese and says what to
// fix; it names the column's header where there is one.
type Finding struct {
	File    string `json:"file"`
	Sheet   string `json:"sheet"`
	Row     int    `json:"row"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// Ref locates the row a value came from. ProjectColumn is the letter of
// the column that named the project (for "unknown project" errors).
type Ref struct {
	File          string
	Sheet         string
	Row           int
	ProjectColumn string
}

// At returns a finding at r in column col.
func (r Ref) At(col, msg string) Finding {
	return Finding{File: r.File, Sheet: r.Sheet, Row: r.Row, Column: col, Message: msg}
}

// StagePlan is a stage milestone a plan sheet dates (a 主体完工 column…).
type StagePlan struct {
	Name string
	Date PlanDate
}

// ClearMarker is the cell text that clears a stored value. An empty cell
// or a missing column leaves the stored value as it is.
const ClearMarker = "无"

// PlanRow is one project row of a task-breakdown table.
type PlanRow struct {
	Ref
	Project Project // Code is "" when the sheet has no code column
	Stages  []StagePlan
	// Cleared names the fields (as the audit trail does: "category",
	// "investment_wan"…) whose cell holds ClearMarker: the stored value is
	// to be cleared. Any other field left empty keeps its stored value.
	Cleared []string
	// Columns are the column letters of the row's fields, by the same
	// names ("stage:" and its name for a stage's date); the rows of one
	// table share the map.
	Columns map[string]string
}

// ProgressRow is one row of a monthly progress return (进度月报).
type ProgressRow struct {
	Ref
	ProjectCode    string
	ProjectName    string
	ReportDate     Date
	ActualStart    Date
	ActualFinish   Date
	Forecast       Date // 预计完工时间
	Percent        decimal.NullDecimal
	InvestmentDone *Money
	Problems       string
	Columns        ProgressColumns // where each value was read
}

// ProgressColumns are the column letters of a progress row's values (""
// when the return has no such column), for findings about one value.
type ProgressColumns struct {
	ActualStart, ActualFinish, Forecast, Percent, InvestmentDone, Problems string
}

// PaymentRow is one row of finance's disbursement ledger (资金拨付台账).
type PaymentRow struct {
	Ref
	ProjectCode string
	ProjectName string
	Date        Date
	Source      string
	Amount      Money
	Voucher     string
	Note        string
}

// FundRow is one allocation (下达) or receipt (到位) of a ledger: Kind
// is model.FundAllocated or model.FundReceived.
type FundRow struct {
	Ref
	ProjectCode string
	ProjectName string
	Kind        string
	Date        Date
	Source      string
	Amount      Money
	DocNo       string
	Note        string
}

// BudgetRow is one planned amount by year and funding source.
type BudgetRow struct {
	Ref
	ProjectCode string
	ProjectName string
	Year        int
	Source      string
	Amount      Money
}

// ImportSet is everything one import read from its files, ready to be
// applied in one transaction.
type ImportSet struct {
	Plans      []PlanRow
	Indicators []IndicatorTarget
	Progress   []ProgressRow
	Payments   []PaymentRow
	Funds      []FundRow
	Budgets    []BudgetRow
}

// Len is the number of rows in s.
func (s *ImportSet) Len() int {
	return len(s.Plans) + len(s.Indicators) + len(s.Progress) + len(s.Payments) + len(s.Funds) + len(s.Budgets)
}

// ImportResult counts what applying an ImportSet did (or, in a dry run,
// would do). Errors are row-level problems only the database can see,
// such as a progress row naming an unknown project or repeating another
// row of the import; when there are any, nothing was written. Warnings
// say what was stored otherwise than typed (a name told apart by site).
type ImportResult struct {
	// Applied is true when the import was written: not a dry run, nor
	// refused. Otherwise the counts are what it would have written.
	Applied   bool `json:"applied"`
	Created   int  `json:"created"`
	Updated   int  `json:"updated"`
	Unchanged int  `json:"unchanged"`
	// ByKind splits the three counts by the kind of record the rows are
	// (projects, indicators, progress reports…), in the order first met:
	// a plan sheet's indicator rows are not projects.
	ByKind []KindCount `json:"by_kind,omitempty"`
	// Errors and Warnings list at most MaxListed findings in all, errors
	// first; Counts says how many there are of each, and Note, when some
	// are not listed, says so.
	Warnings []Finding    `json:"warnings"`
	Errors   []Finding    `json:"errors"`
	Counts   FindingCount `json:"counts"`
	Note     string       `json:"note,omitempty"`
	// Projects lists, in a dry run, the first MaxListed project rows read
	// with their cells; ProjectsTotal counts them all and ProjectsNote,
	// when some are not listed, says so.
	Projects      []ProjectRead `json:"projects,omitempty"`
	ProjectsTotal int           `json:"projects_total,omitempty"`
	ProjectsNote  string        `json:"projects_note,omitempty"`
	// Digest sums up every change the import makes (or would make): a
	// preview's digest, given back with ApplyOptions.Expect, makes the
	// apply refuse to write anything the preview did not show.
	Digest string `json:"digest"`
	// The preview's lists, in a dry run only.
	*ImportPreview
}

// KindCount counts the rows of one kind of record an import read.
// Entity is the record's name in the audit trail (project, indicator,
// progress, payment, fund, budget), Label its Chinese name.
type KindCount struct {
	Entity    string `json:"entity"`
	Label     string `json:"label"`
	Created   int    `json:"created"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
}

// Counts says k's non-zero counts in Chinese: "新增 6 条，未变 4 条".
func (k KindCount) Counts() string {
	var parts []string
	for _, c := range []struct {
		word string
		n    int
	}{{"新增", k.Created}, {"更新", k.Updated}, {"未变", k.Unchanged}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 条", c.word, c.n))
		}
	}
	return strings.Join(parts, "，")
}

// Count adds one row of a record of kind entity to r: created, else
// changed, else unchanged.
func (r *ImportResult) Count(entity string, created, changed bool) {
	i := 0
	for i < len(r.ByKind) && r.ByKind[i].Entity != entity {
		i++
	}
	if i == len(r.ByKind) {
		r.ByKind = append(r.ByKind, KindCount{Entity: entity, Label: EntityLabel(entity)})
	}
	k := &r.ByKind[i]
	switch {
	case created:
		r.Created++
		k.Created++
	case changed:
		r.Updated++
		k.Updated++
	default:
		r.Unchanged++
		k.Unchanged++
	}
}

// Summary says the counts in Chinese, in all and by kind:
// "新增 6 条，更新 56 条，未变 4 条（项目：更新 56 条；指标：新增 6 条，未变 4 条）".
func (r ImportResult) Summary() string {
	s := fmt.Sprintf("新增 %d 条，更新 %d 条，未变 %d 条", r.Created, r.Updated, r.Unchanged)
	var kinds []string
	for _, k := range r.ByKind {
		kinds = append(kinds, k.Label+"："+k.Counts())
	}
	if len(kinds) > 0 {
		s += "（" + strings.Join(kinds, "；") + "）"
	}
	return s
}

// ImportPreview is what a dry run shows beyond counts: every value it
// would change, and every project it would create.
type ImportPreview struct {
	// Changes lists the first MaxChangesListed changes; ChangesTotal counts
	// them all and ChangesNote, when some are not listed, says so. The
	// digest covers them all.
	Changes      []ImportChange `json:"changes"`
	ChangesTotal int            `json:"changes_total"`
	ChangesNote  string         `json:"changes_note,omitempty"`
	// NewProjects lists the first MaxChangesListed projects created, with
	// their total and note as for Changes.
	NewProjects      []NewProject `json:"new_projects"`
	NewProjectsTotal int          `json:"new_projects_total"`
	NewProjectsNote  string       `json:"new_projects_note,omitempty"`
	// Similar are the rows that resemble a stored project and need a
	// decision (or had one): the preview counts them as new projects.
	Similar []SimilarRow `json:"similar"`
}

// SimilarRow is a plan row that matches no stored project but resembles
// some (model.Resembles), and the decision taken on it.
type SimilarRow struct {
	File       string        `json:"file"`
	Sheet      string        `json:"sheet"`
	Row        int           `json:"row"`
	Name       string        `json:"name"`
	Candidates []ProjectName `json:"candidates"`
}

// RowName is how a decision names the row (Ref.RowName).
func (s SimilarRow) RowName() string { return Ref{Sheet: s.Sheet, Row: s.Row}.RowName() }

// ProjectName is a project by code and name.
type ProjectName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// ImportChange is one stored value an import changes, with the cell its
// new value comes from. Field is the project's field as the audit trail
// names it ("investment_wan"), or, for a record of the project, the
// record and its field: "finish.forecast_date" (a milestone by kind or
// stage name), "progress.percent", "payment.amount_wan",
// "budget:2019:中央预算内投资", "indicator:任务:2019.target". Old is "" for
// a created record.
type ImportChange struct {
	ProjectCode string `json:"project_code"`
	ProjectName string `json:"project_name"`
	Field       string `json:"field"`
	Old         string `json:"old"`
	New         string `json:"new"`
	File        string `json:"file"`
	Sheet       string `json:"sheet"`
	Row         int    `json:"row"`
	Column      string `json:"column"`
}

// NewProject is a project an import creates, where its row is.
type NewProject struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Row   int    `json:"row"`
}

// FindingCount counts an import's findings by kind.
type FindingCount struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// Failed reports whether the import found any error.
func (r *ImportResult) Failed() bool { return r.Counts.Errors > 0 || len(r.Errors) > 0 }

// Cap keeps the first MaxListed findings (errors before warnings) and
// project rows in r's lists and notes what is left off. Counts and
// ProjectsTotal count what the lists held before (or more, when the
// reader listed fewer than it found).
func (r *ImportResult) Cap() {
	r.Counts.Errors = max(r.Counts.Errors, len(r.Errors))
	r.Counts.Warnings = max(r.Counts.Warnings, len(r.Warnings))
	r.ProjectsTotal = max(r.ProjectsTotal, len(r.Projects))
	r.Errors = r.Errors[:min(len(r.Errors), MaxListed)]
	r.Warnings = r.Warnings[:min(len(r.Warnings), MaxListed-len(r.Errors))]
	r.Projects = r.Projects[:min(len(r.Projects), MaxListed)]
	r.Note = ListedNote(r.Counts.Errors+r.Counts.Warnings, len(r.Errors)+len(r.Warnings), "条")
	r.ProjectsNote = ListedNote(r.ProjectsTotal, len(r.Projects), "个")
	if p := r.ImportPreview; p != nil {
		p.ChangesTotal = max(p.ChangesTotal, len(p.Changes))
		p.Changes = p.Changes[:min(len(p.Changes), MaxChangesListed)]
		p.ChangesNote = ListedNote(p.ChangesTotal, len(p.Changes), "处")
		p.NewProjectsTotal = max(p.NewProjectsTotal, len(p.NewProjects))
		p.NewProjects = p.NewProjects[:min(len(p.NewProjects), MaxChangesListed)]
		p.NewProjectsNote = ListedNote(p.NewProjectsTotal, len(p.NewProjects), "个")
	}
}

// Validate checks the bounds of a plan row: its project's and its stages'.
func (r *PlanRow) Validate() error {
	if err := r.Project.Validate(); err != nil {
		return err
	}
	for _, st := range r.Stages {
		m := Milestone{Name: st.Name, Baseline: st.Date}
		if err := m.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// projectKey checks the code and name a tracking row names its project by.
func projectKey(code, name string) error {
	return check(TextCode.Check(code), TextName.Check(name))
}

// Validate checks a progress row by the rules of the progress report and
// actual dates it records.
func (r *ProgressRow) Validate() error {
	rep := ProgressReport{ReportDate: r.ReportDate, Percent: r.Percent, InvestmentDone: r.InvestmentDone, Problems: r.Problems}
	return check(projectKey(r.ProjectCode, r.ProjectName), rep.Validate(),
		CheckDate("actual_start", "实际开工时间", r.ActualStart),
		CheckDate("actual_finish", "实际完工时间", r.ActualFinish),
		CheckDate("forecast_date", "预计完工时间", r.Forecast))
}

// Validate checks a ledger row by the rules of the payment it records.
func (r *PaymentRow) Validate() error {
	d := Disbursement{Date: r.Date, Source: r.Source, Amount: r.Amount, Voucher: r.Voucher, Note: r.Note}
	return check(projectKey(r.ProjectCode, r.ProjectName), d.Validate())
}

// Validate checks a fund row by the rules of the fund it records.
func (r *FundRow) Validate() error {
	f := Fund{Kind: r.Kind, Date: r.Date, Source: r.Source, Amount: r.Amount, DocNo: r.DocNo, Note: r.Note}
	return check(projectKey(r.ProjectCode, r.ProjectName), f.Validate())
}

// Validate checks a budget row by the rules of the budget line it records.
func (r *BudgetRow) Validate() error {
	l := BudgetLine{Year: r.Year, Source: r.Source, Amount: r.Amount}
	return check(projectKey(r.ProjectCode, r.ProjectName), l.Validate())
}
