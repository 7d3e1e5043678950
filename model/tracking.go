package model

import (
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
	ID         uint     `gorm:"primaryKey"`
	ProjectID  uint     `gorm:"index;not null"`
	Project    *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Kind       string   `gorm:"size:16;not null"` // start | finish | stage
	Name       string   `gorm:"size:64;not null"` // "start", "finish" or a stage name
	Seq        int
	Baseline   PlanDate `gorm:"embedded;embeddedPrefix:baseline_"`
	Forecast   Date     // Forecast and Actual: see store's dueIndexes
	Actual     Date
	SlipReason string `gorm:"size:255"`
	Version    int    `gorm:"not null;default:1"`
	UpdatedAt  time.Time
}

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
}

// Supervision statuses.
const (
	SupervisionOpen      = "open"
	SupervisionReplied   = "replied"
	SupervisionClosed    = "closed"
	SupervisionEscalated = "escalated"
)

// Supervision is a 督办: a notice from the supervision office that a
// project's responsible unit must answer by ReplyDue.
type Supervision struct {
	ID        uint     `gorm:"primaryKey"`
	ProjectID uint     `gorm:"index;not null"`
	Project   *Project `gorm:"constraint:OnDelete:CASCADE" json:"-"`
	Reason    string   `gorm:"type:text;not null"`
	ReplyDue  Date     `gorm:"not null"`
	Status    string   `gorm:"size:16;index;not null"`
	Level     int      `gorm:"not null;default:1"` // raised by each escalation
	RaisedBy  string   `gorm:"size:64"`
	RaisedAt  time.Time
	ClosedAt  *time.Time
	Replies   []SupervisionReply `gorm:"constraint:OnDelete:CASCADE"`
}

// SupervisionReply is one message on a 督办: a unit's reply, a
// supervisor's closing or escalation remark.
type SupervisionReply struct {
	ID            uint   `gorm:"primaryKey"`
	SupervisionID uint   `gorm:"index;not null"`
	Author        string `gorm:"size:64"`
	Action        string `gorm:"size:16"` // reply | close | escalate
	Body          string `gorm:"type:text"`
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
	CreatedAt time.Time
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
	ReversalOf uint   `gorm:"index;not null;default:0"`
	Reversed   bool   `gorm:"not null;default:false"`
	Version    int    `gorm:"not null;default:1"`
	CreatedBy  string `gorm:"size:64"`
	CreatedAt  time.Time
	UpdatedAt  time.Time
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
	return check(TextReason.Check(s.Reason), CheckDate("reply_due", "回复期限", s.ReplyDue))
}

// Validate checks the bounds of a reply, closing or escalation remark.
func (r *SupervisionReply) Validate() error { return TextReply.Check(r.Body) }

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
