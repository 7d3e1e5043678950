package model

import "time"

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
	Limit, Offset               int
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

// SupervisionFilter selects 督办. Zero fields select everything. Overdue
// keeps only those awaiting a reply past their due date as of AsOf (today
// when zero), which also dates the ReplyOverdue flag of every item.
type SupervisionFilter struct {
	ID        uint
	ProjectID uint
	Status    string
	Unit      string
	Overdue   bool
	AsOf      Date
}

// SupervisionView is a 督办 as the API and the UI list it: with its
// project, its replies, and whether its reply is overdue.
type SupervisionView struct {
	ID              uint                   `json:"id"`
	ProjectID       uint                   `json:"project_id"`
	ProjectCode     string                 `json:"project_code"`
	ProjectName     string                 `json:"project_name"`
	ResponsibleUnit string                 `json:"responsible_unit"`
	Reason          string                 `json:"reason"`
	ReplyDue        Date                   `json:"reply_due"`
	Status          string                 `json:"status"`
	Level           int                    `json:"level"`
	RaisedBy        string                 `json:"raised_by"`
	RaisedAt        time.Time              `json:"raised_at"`
	ClosedAt        *time.Time             `json:"closed_at"`
	Replies         []SupervisionReplyView `json:"replies"`
	// ReplyOverdue: open or escalated, so awaiting the unit's reply, and
	// the reply due date has passed.
	ReplyOverdue bool `json:"reply_overdue"`
	// RepliedLate: the unit's latest reply came after the reply due date.
	RepliedLate bool `json:"replied_late"`
}

// SupervisionReplyView is one message on a 督办.
type SupervisionReplyView struct {
	Author string    `json:"author"`
	Action string    `json:"action"` // reply | close | escalate
	Body   string    `json:"body"`
	Time   time.Time `json:"time"`
}
