package model

import (
	"time"
)

// The values the store's methods take and give that are not records:
// who acts, what an import applies, filters and partial updates, and the
// 督办 as it is listed. They are contracts between store and the packages
// that use it (importer, api, ui), so those need not import store.

// Actor says who made a change and through what (an import batch, "api",
// "ui"), for the audit trail.
type Actor struct {
	User   string
	Source string
}

// ApplyOptions says who applies an import and whether to keep the result.
type ApplyOptions struct {
	Actor  Actor    // Source is filled in with the batch ("import#12")
	Kind   string   // plan | progress | ledger | budget | mixed; "" = what the rows are
	Files  []string // names, for the batch record
	DryRun bool     // do all the work in a transaction, then roll it back
	// As, when set, is the user the import is for: every chunk must hold
	// only kinds of rows the user may import (MayImport), and every
	// progress row's project, once resolved, must be one the user may
	// change (MayChange); otherwise the import ends, nothing written,
	// with a forbidden error naming the row.
	As *User
	// Expect, when set, is the digest of the preview this apply carries
	// out (ImportResult.Digest): if the import would now change anything
	// else, it writes nothing and fails with a conflict.
	Expect string
	// Decisions settle the rows that resemble a stored project; a
	// decision naming a row that is not one is an error.
	Decisions MatchDecisions
}

// ImportSource yields the rows of an import a chunk at a time: the next
// chunk, or nil when there are no more. An error ends the import; nothing
// is written and ApplyImportStream returns the error (wrapped, so that
// errors.Is finds it).
type ImportSource func() (*ImportSet, error)

// ProjectFilter selects projects. Zero fields select everything; Q is a
// case-insensitive substring of the name, code, site or responsible unit;
// Limit 0 means no limit.
type ProjectFilter struct {
	Category, Unit, Township, Q string
	Annex                       int
	IDs                         []uint
	// Exclude, when not empty, leaves those projects out.
	Exclude []uint
	// State, when set, keeps the projects in that state as of a date.
	State *StateFilter
	// AsOf, when before today, gives each view the facts known at the
	// end of that county day: actual start and finish, 形象进度, payments
	// and spending progress as of it. Zero is today.
	AsOf          Date
	Limit, Offset int
}

// Only narrows f to the projects ids (to those of them it already
// selects, when it selects by id) and reports whether any is left. A
// caller whose filter is left with none lists nothing: an empty IDs
// selects every project.
func (f *ProjectFilter) Only(ids []uint) bool {
	if len(f.IDs) > 0 {
		keep := map[uint]bool{}
		for _, id := range f.IDs {
			keep[id] = true
		}
		var both []uint
		for _, id := range ids {
			if keep[id] {
				both = append(both, id)
			}
		}
		ids = both
	}
	f.IDs = ids
	return len(ids) > 0
}

// MilestoneUpdate is a manager's edit of a milestone. A nil field is left
// alone; a field pointing at the zero Date (or "") clears it. Version is
// the version the editor saw: the edit applies only if nobody changed the
// milestone since.
type MilestoneUpdate struct {
	ActualDate   *Date
	ForecastDate *Date
	SlipReason   *string
	Version      int
}

// PaymentUpdate is a correction of a recorded payment: the version it is
// based on, the fields to change (nil = keep), the reason, which the
// audit trail keeps, and whether an over-plan result is confirmed.
type PaymentUpdate struct {
	Version     int
	Date        *Date
	Amount      *Money
	Source      *string
	Note        *string
	Reason      string
	ConfirmOver bool
}

// PaymentFilter selects payments: of one project (0 = all) dated within
// [From, To] (a zero bound is open).
type PaymentFilter struct {
	ProjectID uint
	From, To  Date
}

// SupervisionFilter selects 督办. Zero fields select everything. Unit
// selects those whose lead or an assisting unit it is; Supervisor those
// he raised. Overdue keeps only those past their sign-off or reply
// deadline as of AsOf (today when zero), which also dates every item's
// flags. Limit and Offset page the list (no limit when zero).
type SupervisionFilter struct {
	ID            uint
	ProjectID     uint
	Status        string
	Unit          string
	Supervisor    string
	Overdue       bool
	AsOf          Date
	Limit, Offset int
}

// SupervisionView is a 督办 as the API and the UI list it: with its
// project, its steps, and its deadlines as of a date.
type SupervisionView struct {
	ID              uint       `json:"id"`
	ProjectID       uint       `json:"project_id"`
	ProjectCode     string     `json:"project_code"`
	ProjectName     string     `json:"project_name"`
	ResponsibleUnit string     `json:"responsible_unit"`
	AssistUnits     []string   `json:"assist_units"`
	Reason          string     `json:"reason"`
	Status          string     `json:"status"`
	Due             Date       `json:"due"`
	OriginalDue     Date       `json:"original_due"`
	SignDue         Date       `json:"sign_due"`
	SignedAt        *time.Time `json:"signed_at"`
	SignedBy        string     `json:"signed_by"`
	Level           int        `json:"level"`
	ChaseCount      int        `json:"chase_count"`
	// PendingExtension is the unit's extension request awaiting the
	// supervisor, null when there is none.
	PendingExtension *ExtensionRequest     `json:"pending_extension"`
	RaisedBy         string                `json:"raised_by"`
	RaisedAt         time.Time             `json:"raised_at"`
	ClosedAt         *time.Time            `json:"closed_at"`
	Version          int                   `json:"version"`
	Steps            []SupervisionStepView `json:"steps"`
	// SignOverdue: still unsigned after its sign-off deadline (未签收).
	SignOverdue bool `json:"sign_overdue"`
	// ReplyOverdue: awaiting the unit's reply past its deadline.
	ReplyOverdue bool `json:"reply_overdue"`
	// Overdue: either; WorkingDaysOverdue counts the working days since
	// the earlier deadline missed.
	Overdue            bool `json:"overdue"`
	WorkingDaysOverdue int  `json:"working_days_overdue"`
	// RepliedLate: the unit's latest reply came after the deadline then.
	RepliedLate bool `json:"replied_late"`
	// DueUncovered: the deadline lies in a year the calendar has no
	// holidays for, so its working days may be wrong.
	DueUncovered bool `json:"due_uncovered"`
}

// ExtensionRequest is a unit's request for a later deadline.
type ExtensionRequest struct {
	Due    Date   `json:"due"`
	Reason string `json:"reason"`
}

// SupervisionStepView is one step of a 督办: who, when, what.
type SupervisionStepView struct {
	Author string    `json:"author"`
	Action string    `json:"action"`
	Body   string    `json:"body"`
	Due    Date      `json:"due"`
	Level  string    `json:"level,omitempty"`
	Date   Date      `json:"date"`
	Time   time.Time `json:"time"`
}

// Deadline is a deadline as a user gives it: a date, or a number of
// working days from today. Exactly one must be set.
type Deadline struct {
	Date        Date
	WorkingDays int
}

// SupervisionRaise is a 交办: one matter on one or more projects, each
// to its responsible unit as lead, with assisting units and a deadline.
type SupervisionRaise struct {
	ProjectIDs  []uint
	Reason      string
	AssistUnits []string
	Due         Deadline
}

// SupervisionStep is one move of a 督办 as a user asks for it: Body is
// its text (reply, reason, remark), Due a new deadline (send-back,
// extension), Level and Date an escalation's; Version, when not zero,
// is the version the user saw (409 when it is stale).
type SupervisionStep struct {
	Body    string
	Due     Deadline
	Level   string
	Date    Date
	Version int
}
