package model

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Milestone kinds.
const (
	MilestoneStart  = "start"
	MilestoneFinish = "finish"
	MilestoneStage  = "stage"
)

// Milestone is a dated step of a project. Baseline is what the plan says
// and changes only by an explicit re-baseline; Forecast and Actual are the
// manager's; Version guards concurrent edits.
type Milestone struct {
	ID        uint     `gorm:"primaryKey"`
	ProjectID uint     `gorm:"index;not null"`
	Project   *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Kind      string   `gorm:"size:16;not null"` // start | finish | stage
	Name      string   `gorm:"size:64;not null"` // "start", "finish" or a stage name
	Seq       int
	Baseline  PlanDate `gorm:"embedded;embeddedPrefix:baseline_"`
	Forecast  Date     // Forecast and Actual: see store's dueIndexes
	Actual    Date
	// ForecastOn and ActualOn are the dates the current Forecast and
	// Actual were known on (see Observation); zero for values stored
	// without one (fixtures, older databases), which count on every date.
	ForecastOn Date
	ActualOn   Date
	SlipReason string `gorm:"size:255"`
	Version    int    `gorm:"not null;default:1"`
	UpdatedAt  time.Time
}

// Milestone fact fields.
const (
	FactForecast = "forecast"
	FactActual   = "actual"
)

// Observation is one observation of a milestone's forecast or actual
// date: the value a return dated KnownOn gave, or an edit made in the UI
// or the API on the county date KnownOn. The milestone's own columns hold
// the value of its latest fact (greatest KnownOn, then ID); the facts
// answer what was known on an earlier date.
type Observation struct {
	ID          uint       `gorm:"primaryKey"`
	ProjectID   uint       `gorm:"index;not null"`
	Project     *Project   `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	MilestoneID uint       `gorm:"index:idx_milestone_fact;not null"`
	Milestone   *Milestone `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Field       string     `gorm:"size:16;index:idx_milestone_fact;not null"` // forecast | actual
	Value       Date       // zero: cleared
	KnownOn     Date       `gorm:"index:idx_milestone_fact;not null"`
	Source      string     `gorm:"size:64"` // import batch, api, ui
	CreatedAt   time.Time
}

// TableName keeps observations in milestone_facts.
func (Observation) TableName() string { return "milestone_facts" }

// Slip reasons a manager picks from.
var SlipReasons = []string{"资金", "用地", "审批", "设计", "施工", "其他"}

// ProgressReport is a dated statement of a project's physical progress,
// from a monthly return (进度月报) or the UI.
type ProgressReport struct {
	ID             uint                `gorm:"primaryKey"`
	ProjectID      uint                `gorm:"index;not null"`
	Project        *Project            `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	ReportDate     Date                `gorm:"index;not null"`
	Percent        decimal.NullDecimal `gorm:"type:numeric"` // 形象进度 0–100
	InvestmentDone *Money              // 累计完成投资
	Problems       string              `gorm:"type:text"`
	Source         string              `gorm:"size:64"` // import batch, api, ui
	CreatedBy      string              `gorm:"size:64"`
	CreatedAt      time.Time
	// KnownOn is the date the report was known on: its report date for a
	// return, the county date it was entered for one made in the UI or
	// the API; zero for reports stored without one, known on ReportDate.
	KnownOn Date
}

// Supervision statuses: the 督办 cycle. 交办 leaves a notice unsigned;
// the lead unit's 签收 puts it in progress; its 反馈 puts it under review;
// the supervisor's 审核 closes it (办结销号) or sends it back (退回) in
// progress with a new deadline.
const (
	SupervisionUnsigned   = "unsigned"
	SupervisionInProgress = "in_progress"
	SupervisionReview     = "review"
	SupervisionClosed     = "closed"
)

// SupervisionStatuses lists the statuses in the cycle's order.
var SupervisionStatuses = []string{SupervisionUnsigned, SupervisionInProgress, SupervisionReview, SupervisionClosed}

// Supervision steps: the Action of a SupervisionReply.
const (
	StepRaise           = "raise"
	StepSign            = "sign"
	StepReply           = "reply"
	StepAccept          = "accept"
	StepReturn          = "return"
	StepExtension       = "extension"
	StepExtensionAccept = "extension_grant"
	StepExtensionRefuse = "extension_refuse"
	StepChase           = "chase"
	StepEscalate        = "escalate"
	StepClose           = "close"
)

// Supervision is a 督办: a matter the supervision office hands to a
// project's responsible unit (the lead unit), with assisting units, to be
// answered by ReplyDue. OriginalDue is the deadline it was raised with;
// an approved extension or a send-back moves ReplyDue only. SignDue is
// one working day after raising: unsigned past it, the notice shows as
// 未签收. A pending extension request is PendingDue and PendingReason.
type Supervision struct {
	ID            uint     `gorm:"primaryKey"`
	ProjectID     uint     `gorm:"index;not null"`
	Project       *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Reason        string   `gorm:"type:text;not null"`
	AssistUnits   string   `gorm:"type:text"` // one a line, each between newlines
	ReplyDue      Date     `gorm:"not null"`
	OriginalDue   Date
	SignDue       Date
	SignedAt      *time.Time
	SignedBy      string `gorm:"size:64"`
	Status        string `gorm:"size:16;index;not null"`
	Level         int    `gorm:"not null;default:1"` // 1 + the escalations
	ChaseCount    int    `gorm:"not null;default:0"`
	PendingDue    Date
	PendingReason string `gorm:"type:text"`
	RaisedBy      string `gorm:"size:64;index"`
	RaisedAt      time.Time
	ClosedAt      *time.Time
	Version       int                `gorm:"not null;default:1"`
	Replies       []SupervisionReply `gorm:"constraint:OnDelete:CASCADE"`
}

// SupervisionReply is one step of a 督办 (its Action, a Step… constant),
// who took it, when, and its text: the unit's reply, the reason of a
// send-back or an extension, a supervisor's remark. Due is the deadline
// the step set or asked for; Level and Date are an escalation's (约谈 by
// 分管县领导 on a date).
type SupervisionReply struct {
	ID            uint   `gorm:"primaryKey"`
	SupervisionID uint   `gorm:"index;not null"`
	Author        string `gorm:"size:64"`
	Action        string `gorm:"size:16"`
	Body          string `gorm:"type:text"`
	Due           Date
	Level         string `gorm:"size:64"`
	Date          Date
	CreatedAt     time.Time
}

// AuditEntry records one changed field: who, when, what, old → new, and
// where the change came from (an import batch, the API, the UI).
type AuditEntry struct {
	ID        uint `gorm:"primaryKey"`
	Time      time.Time
	User      string `gorm:"size:64"`
	ProjectID uint   `gorm:"index"`   // the log is read by project
	Entity    string `gorm:"size:32"` // project, milestone, payment, …
	EntityID  uint
	Action    string `gorm:"size:32"` // create, update, rebaseline, …
	Field     string `gorm:"size:64"`
	Old       string `gorm:"type:text"`
	New       string `gorm:"type:text"`
	Source    string `gorm:"size:64"`
	Note      string `gorm:"type:text"` // reason, document number
}

// ImportBatch is one run of the importer that wrote something.
type ImportBatch struct {
	ID        uint   `gorm:"primaryKey"`
	Kind      string `gorm:"size:16"`
	Files     string `gorm:"type:text"`
	User      string `gorm:"size:64"`
	Created   int
	Updated   int
	Unchanged int
	// ByKind splits the counts by kind of record (ImportResult.ByKind);
	// nil for batches imported before it was kept.
	ByKind    []KindCount `gorm:"serializer:json;type:text"`
	CreatedAt time.Time
	// Undoable says the batch kept what reverting it needs (model.ImportUndo);
	// batches of releases before revert did not. AuditFrom is the last
	// audit row before the batch: later changes come after it.
	Undoable   bool
	AuditFrom  uint
	RevertedAt *time.Time
	RevertedBy string `gorm:"size:64"`
}

// Roles.
const (
	RoleAdmin      = "admin"
	RoleSupervisor = "supervisor"
	RoleManager    = "manager"
	RoleFinance    = "finance"
)

// User is a person who logs in. Managers belong to a responsible unit.
type User struct {
	ID           uint   `gorm:"primaryKey"`
	Name         string `gorm:"size:64;uniqueIndex;not null"`
	Role         string `gorm:"size:16;not null"`
	Unit         string `gorm:"size:128"`
	PasswordHash string `gorm:"size:255;not null" json:"-"`
	Disabled     bool
	CreatedAt    time.Time
}

// LoginFailure is one failed login, kept for the throttle's window under
// the keys it counts against: the account's ("user:NAME") and the
// address's ("addr:IP").
type LoginFailure struct {
	ID  uint      `gorm:"primaryKey"`
	Key string    `gorm:"size:160;index:idx_login_failure,priority:1;not null"`
	At  time.Time `gorm:"index:idx_login_failure,priority:2;not null"`
}

// Token is a bearer token or browser session; only its hash is stored.
type Token struct {
	ID        uint   `gorm:"primaryKey"`
	UserID    uint   `gorm:"index;not null"`
	User      *User  `gorm:"constraint:OnDelete:CASCADE"`
	Hash      string `gorm:"size:64;uniqueIndex;not null"`
	ExpiresAt time.Time
	RevokedAt *time.Time
	CreatedAt time.Time
}

// BudgetLine is planned investment of a project for one year and one
// funding source.
type BudgetLine struct {
	ID        uint     `gorm:"primaryKey"`
	ProjectID uint     `gorm:"uniqueIndex:idx_budget;not null"`
	Project   *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Year      int      `gorm:"uniqueIndex:idx_budget"`
	Source    string   `gorm:"size:64;uniqueIndex:idx_budget"`
	Amount    Money
	// KnownOn is the county date the line was entered (zero for lines
	// stored before entries were dated: known on every date).
	KnownOn Date
}

// Disbursement is one payment from finance's ledger (资金拨付台账).
type Disbursement struct {
	ID        uint     `gorm:"primaryKey"`
	ProjectID uint     `gorm:"index;not null"`
	Project   *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Date      Date     `gorm:"index;not null"`
	Source    string   `gorm:"size:64"`
	Amount    Money
	Voucher   string `gorm:"size:64;uniqueIndex;not null"` // 凭证号
	Note      string `gorm:"type:text"`
	// ReversalOf is the payment this one reverses (红字冲销: the same
	// amount, negative), 0 for an ordinary payment; Reversed marks the
	// payment a reversal cancels.
	ReversalOf uint `gorm:"index;not null;default:0"`
	Reversed   bool `gorm:"not null;default:false"`
	Version    int  `gorm:"not null;default:1"`
	// KnownOn is the county date the payment was entered (zero for
	// payments stored before entries were dated: known on every date).
	KnownOn   Date
	CreatedBy string `gorm:"size:64"`
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the bounds of a stored milestone; the store checks
// what depends on the day and on other milestones.
func (m *Milestone) Validate() error {
	return check(TextStage.Check(m.Name), TextSlip.Check(m.SlipReason),
		CheckDate("baseline_date", "计划日期", m.Baseline.Date),
		CheckDate("forecast_date", "预计日期", m.Forecast),
		CheckDate("actual_date", "实际日期", m.Actual))
}

// Validate checks the bounds of a stored progress report.
func (r *ProgressReport) Validate() error {
	const op = "ProgressReport.Validate"
	switch {
	case r.Percent.Valid && (r.Percent.Decimal.IsNegative() || r.Percent.Decimal.GreaterThan(decimal.NewFromInt(100))):
		return &Error{Kind: EInvalid, Op: op, Field: "percent", Message: "形象进度应在 0 到 100 之间，而不是 " + r.Percent.Decimal.String()}
	case r.InvestmentDone != nil && *r.InvestmentDone < 0:
		return &Error{Kind: EInvalid, Op: op, Field: "investment_done_wan", Message: "累计完成投资不能为负数"}
	}
	return check(CheckDate("report_date", "填报日期", r.ReportDate), TextProblems.Check(r.Problems))
}

// Validate checks the bounds of a stored 督办.
func (s *Supervision) Validate() error {
	return check(TextReason.Check(s.Reason), CheckDate("reply_due", "办理期限", s.ReplyDue))
}

// Validate checks the bounds of a step's text and escalation level.
func (r *SupervisionReply) Validate() error {
	return check(TextReply.Check(r.Body), TextLevel.Check(r.Level))
}

// Validate checks the bounds of a user's name and unit.
func (u *User) Validate() error {
	const op = "User.Validate"
	if u.Name == "" {
		return &Error{Kind: EInvalid, Op: op, Field: "name", Message: "用户名不能为空"}
	}
	return check(TextUser.Check(u.Name), TextUserUnit.Check(u.Unit))
}

// Validate checks the bounds of a stored budget line.
func (l *BudgetLine) Validate() error {
	const op = "BudgetLine.Validate"
	if l.Amount < 0 {
		return &Error{Kind: EInvalid, Op: op, Field: "amount_wan", Message: "计划金额不能为负数"}
	}
	return check(CheckAmount("预算金额", l.Amount), TextSource.Check(l.Source), CheckYear("year", "年度", l.Year))
}

// Validate checks the bounds of a stored payment; the store checks that
// its date is not in the future and its voucher new.
func (d *Disbursement) Validate() error {
	const op = "Disbursement.Validate"
	switch {
	case d.Amount <= 0 && d.ReversalOf == 0:
		return &Error{Kind: EInvalid, Op: op, Field: "amount_wan", Message: "拨付金额必须大于零"}
	case d.Date.IsZero():
		return &Error{Kind: EInvalid, Op: op, Field: "date", Message: "拨付日期不能为空"}
	case d.Voucher == "":
		return &Error{Kind: EInvalid, Op: op, Field: "voucher", Message: "凭证号不能为空"}
	}
	return check(CheckAmount("拨付金额", d.Amount), CheckDate("date", "拨付日期", d.Date), TextVoucher.Check(d.Voucher),
		TextSource.Check(d.Source), TextNote.Check(d.Note))
}

// CalendarYear is a year of statutory holidays and make-up working days
// an admin imported (holiday-cn's JSON, as the file said it); it takes
// the place of the embedded year of the same number.
type CalendarYear struct {
	Year       int    `gorm:"primaryKey;autoIncrement:false"`
	Data       string `gorm:"type:text;not null"`
	ImportedBy string `gorm:"size:64"`
	ImportedAt time.Time
}

// SupervisionStatusName is the Chinese name of a 督办 status; an
// unsigned notice past its sign-off deadline is 未签收.
func SupervisionStatusName(status string, signOverdue bool) string {
	switch status {
	case SupervisionUnsigned:
		if signOverdue {
			return "未签收"
		}
		return "待签收"
	case SupervisionInProgress:
		return "办理中"
	case SupervisionReview:
		return "待审核"
	case SupervisionClosed:
		return "已办结"
	}
	return status
}

// Photo is a site photo (形象进度照片) of a progress report, stored in
// the database so that a backup holds it. TakenAt is its EXIF date, nil
// when it has none; Warning what its date says against the report's.
type Photo struct {
	ID               uint            `gorm:"primaryKey"`
	ProgressReportID uint            `gorm:"index;not null"`
	ProgressReport   *ProgressReport `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	ProjectID        uint            `gorm:"index;not null"`
	Name             string          `gorm:"size:255"`
	ContentType      string          `gorm:"size:32;not null"`
	Bytes            int
	Width, Height    int
	TakenAt          *time.Time
	Warning          string `gorm:"type:text"`
	Data             []byte `gorm:"not null"`
	Thumb            []byte `gorm:"not null"`
	CreatedBy        string `gorm:"size:64"`
	CreatedAt        time.Time
}

// Bulletin is an issued monthly 通报: the figures of Month (YYYY-MM) as
// of its last day, frozen as a JSON snapshot when it was issued, so that
// later imports or edits never change it. Issuing a month again is a
// corrected re-issue: Edition counts up, and the earlier one keeps its
// figures with SupersededBy pointing at the correction.
type Bulletin struct {
	ID           uint   `gorm:"primaryKey"`
	Month        string `gorm:"size:7;uniqueIndex:idx_bulletins_edition;not null"`
	AsOf         Date   `gorm:"not null"`
	Edition      int    `gorm:"uniqueIndex:idx_bulletins_edition;not null;default:1"`
	SupersededBy *uint
	Data         string `gorm:"type:text;not null"`
	IssuedBy     string `gorm:"size:64"`
	IssuedAt     time.Time
}

// ReportPhoto is a photo without its bytes, with its report's date: one
// picture of a project's photo timeline.
type ReportPhoto struct {
	Photo
	ReportDate Date
}

// BatchListing is an import batch as `captrack imports --json` and
// GET /api/v1/imports list it.
type BatchListing struct {
	ID        uint      `json:"id"`
	Time      time.Time `json:"time"`
	User      string    `json:"user"`
	Kind      string    `json:"kind"`
	Files     []string  `json:"files"`
	Created   int       `json:"created"`
	Updated   int       `json:"updated"`
	Unchanged int       `json:"unchanged"`
	// ByKind splits the counts by kind of record (projects, indicators,
	// progress reports…), as the import said them; absent for batches
	// imported before it was kept.
	ByKind []KindCount `json:"by_kind,omitempty"`
	// RevertedAt and RevertedBy say when and by whom the batch was
	// reverted (null and empty while it stands).
	RevertedAt *time.Time `json:"reverted_at"`
	RevertedBy string     `json:"reverted_by"`
}

// Listing is b as listed, its time in zone.
func (b ImportBatch) Listing(zone *time.Location) BatchListing {
	files := []string{}
	if b.Files != "" {
		files = strings.Split(b.Files, "\n")
	}
	l := BatchListing{ID: b.ID, Time: b.CreatedAt.In(zone), User: b.User, Kind: b.Kind, Files: files,
		Created: b.Created, Updated: b.Updated, Unchanged: b.Unchanged, ByKind: b.ByKind, RevertedBy: b.RevertedBy}
	if b.RevertedAt != nil {
		t := b.RevertedAt.In(zone)
		l.RevertedAt = &t
	}
	return l
}

// Summary says l's counts in Chinese, in all and by kind, as the import
// said them (ImportResult.Summary).
func (l BatchListing) Summary() string {
	return ImportResult{Created: l.Created, Updated: l.Updated, Unchanged: l.Unchanged, ByKind: l.ByKind}.Summary()
}
