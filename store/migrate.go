package store

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// tables lists every table captrack keeps, in dependency order: a fresh
// database is created from these models in one step (initSchema). A
// feature that adds a table adds its model here AND a migration below.
var tables = []any{
	&model.Project{},
	&model.IndicatorTarget{},
	&model.Milestone{},
	&model.Observation{},
	&model.ProgressReport{},
	&model.Supervision{},
	&model.SupervisionReply{},
	&model.AuditEntry{},
	&model.ImportBatch{},
	&model.User{},
	&model.Token{},
	&model.BudgetLine{},
	&model.Disbursement{},
	&model.FundingSource{},
	&model.Fund{},
	&model.MoneyChange{},
	&model.ProjectChange{},
	&model.LoginFailure{},
	&model.CalendarYear{},
	&model.Photo{},
	&model.Bulletin{},
	&projectActivity{},
	&projectState{},
	&projectSpan{},
	&model.PendingUpload{},
	&model.PendingFile{},
	&model.ImportUndo{},
	&model.ImportJob{},
}

// migrations are the schema's versions after release 1 (the schema of
// store/testdata/release1.*, which bare AutoMigrate created), oldest
// first. Each runs once, in the transaction of the Open that finds it
// pending, against the schema its predecessors left, and never changes
// once landed: a later change is a new entry. IDs are
// "YYYYMMDDHHMM_what" in UTC, so that they sort in the order they run.
//
// A migration names the schema of its own time, not today's model, so
// that it still means the same when the model moves on: a new column is
// AutoMigrate of a struct local to the migration, named like the model
// (gorm derives the table name from it) with only the new fields:
//
//	{ID: "202612020930_projects_remark", Migrate: func(tx *gorm.DB) error {
//		type Project struct {
//			Remark string `gorm:"size:200"`
//		}
//		return tx.AutoMigrate(&Project{})
//	}},
//
// A new table is AutoMigrate of a local copy of its model; renames and
// backfills are tx.Migrator().RenameColumn and UPDATE statements.
// TestMigrateRelease1 checks that release 1's database, migrated, has
// every column and index of a fresh one.
var migrations = []*gormigrate.Migration{
	{ID: "202612012330_projects_qualifiers", Migrate: func(tx *gorm.DB) error {
		type Project struct {
			Qualifiers string `gorm:"size:512"`
		}
		return tx.AutoMigrate(&Project{})
	}},
	{ID: "202612012340_milestones_due_indexes", Migrate: func(tx *gorm.DB) error {
		err := execAll(tx, []string{"DROP INDEX IF EXISTS idx_milestones_actual", "DROP INDEX IF EXISTS idx_milestones_forecast"})
		if err != nil {
			return err
		}
		return execAll(tx, dueIndexes)
	}},
	// Facts known on a date (issue 13): the known-on date of a
	// milestone's current forecast and actual and of a progress report,
	// and every observation of a forecast or actual. Values stored before
	// keep a NULL known-on date: known on every date.
	{ID: "202612012340_milestones_known_on", Migrate: func(tx *gorm.DB) error {
		type Milestone struct {
			ForecastOn model.Date
			ActualOn   model.Date
		}
		type ProgressReport struct {
			KnownOn model.Date
		}
		return tx.AutoMigrate(&Milestone{}, &ProgressReport{})
	}},
	{ID: "202612012341_milestone_facts", Migrate: func(tx *gorm.DB) error {
		type Project struct{ ID uint }
		type Milestone struct{ ID uint }
		type MilestoneFact struct {
			ID          uint       `gorm:"primaryKey"`
			ProjectID   uint       `gorm:"index;not null"`
			Project     *Project   `gorm:"constraint:OnDelete:CASCADE"`
			MilestoneID uint       `gorm:"index:idx_milestone_fact;not null"`
			Milestone   *Milestone `gorm:"constraint:OnDelete:CASCADE"`
			Field       string     `gorm:"size:16;index:idx_milestone_fact;not null"`
			Value       model.Date
			KnownOn     model.Date `gorm:"index:idx_milestone_fact;not null"`
			Source      string     `gorm:"size:64"`
			CreatedAt   time.Time
		}
		return tx.AutoMigrate(&MilestoneFact{})
	}},
	{ID: "202612012345_funds_chain", Migrate: func(tx *gorm.DB) error {
		// The register of funding sources, the funds chain's allocations
		// and receipts, payments' versions and reversals, and the
		// budget breakdown's version.
		type Disbursement struct {
			ReversalOf uint `gorm:"index;not null;default:0"`
			Reversed   bool `gorm:"not null;default:false"`
			Version    int  `gorm:"not null;default:1"`
		}
		type Project struct {
			BudgetVersion int `gorm:"not null;default:0"`
		}
		type FundingSource struct {
			ID        uint   `gorm:"primaryKey"`
			Name      string `gorm:"size:64;uniqueIndex;not null"`
			CreatedBy string `gorm:"size:64"`
			CreatedAt time.Time
		}
		type Fund struct {
			ID        uint           `gorm:"primaryKey"`
			Kind      string         `gorm:"size:16;index;not null"`
			ProjectID uint           `gorm:"index;not null"`
			Project   *model.Project `gorm:"constraint:OnDelete:CASCADE"`
			Source    string         `gorm:"size:64;not null"`
			Amount    int64          `gorm:"type:bigint;not null"`
			Date      model.Date     `gorm:"index;not null"`
			DocNo     string         `gorm:"size:64"`
			Note      string         `gorm:"type:text"`
			Version   int            `gorm:"not null;default:1"`
			CreatedBy string         `gorm:"size:64"`
			CreatedAt time.Time
			UpdatedAt time.Time
		}
		if err := tx.AutoMigrate(&Disbursement{}, &Project{}, &FundingSource{}, &Fund{}); err != nil {
			return err
		}
		// The register starts with the plan's sources and every source
		// the stored budgets and payments already name, so that no stored
		// record names an unknown one.
		var used []string
		err := tx.Raw("SELECT source FROM budget_lines WHERE source <> '' UNION SELECT source FROM disbursements WHERE source <> '' ORDER BY 1").
			Scan(&used).Error
		if err != nil {
			return err
		}
		return seedFundingSources(tx, used)
	}},
	{ID: "202612020010_login_failures", Migrate: func(tx *gorm.DB) error {
		// The login throttle's window, shared by every server on the database.
		type LoginFailure struct {
			ID  uint      `gorm:"primaryKey"`
			Key string    `gorm:"size:160;index:idx_login_failure,priority:1;not null"`
			At  time.Time `gorm:"index:idx_login_failure,priority:2;not null"`
		}
		return tx.AutoMigrate(&LoginFailure{})
	}},
	// The 督办 cycle: assisting units, the original and sign-off
	// deadlines, who signed when, chases, a pending extension, a
	// version; the earlier statuses mapped onto the cycle (awaiting a
	// reply: signed for, in progress; replied: under review).
	{ID: "202612020050_supervisions_cycle", Migrate: func(tx *gorm.DB) error {
		type Supervision struct {
			AssistUnits   string `gorm:"type:text"`
			OriginalDue   model.Date
			SignDue       model.Date
			SignedAt      *time.Time
			SignedBy      string `gorm:"size:64"`
			ChaseCount    int    `gorm:"not null;default:0"`
			PendingDue    model.Date
			PendingReason string `gorm:"type:text"`
			RaisedBy      string `gorm:"size:64;index"`
			Version       int    `gorm:"not null;default:1"`
		}
		if err := tx.AutoMigrate(&Supervision{}); err != nil {
			return err
		}
		for _, u := range []struct{ from, to string }{{"open", "in_progress"}, {"escalated", "in_progress"}, {"replied", "review"}} {
			if err := tx.Exec("UPDATE supervisions SET status = ? WHERE status = ?", u.to, u.from).Error; err != nil {
				return err
			}
		}
		return tx.Exec("UPDATE supervisions SET original_due = reply_due WHERE original_due IS NULL").Error
	}},
	// A step's deadline, and an escalation's level and date.
	{ID: "202612020051_supervision_replies_steps", Migrate: func(tx *gorm.DB) error {
		type SupervisionReply struct {
			Due   model.Date
			Level string `gorm:"size:64"`
			Date  model.Date
		}
		return tx.AutoMigrate(&SupervisionReply{})
	}},
	{ID: "202612020052_calendar_years", Migrate: func(tx *gorm.DB) error {
		type CalendarYear struct {
			Year       int    `gorm:"primaryKey;autoIncrement:false"`
			Data       string `gorm:"type:text;not null"`
			ImportedBy string `gorm:"size:64"`
			ImportedAt time.Time
		}
		return tx.AutoMigrate(&CalendarYear{})
	}},
	{ID: "202612020053_photos", Migrate: func(tx *gorm.DB) error {
		type ProgressReport struct {
			ID uint `gorm:"primaryKey"`
		}
		type Photo struct {
			ID               uint            `gorm:"primaryKey"`
			ProgressReportID uint            `gorm:"index;not null"`
			ProgressReport   *ProgressReport `gorm:"constraint:OnDelete:CASCADE"`
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
		return tx.AutoMigrate(&Photo{})
	}},
	{ID: "202612020054_bulletins", Migrate: func(tx *gorm.DB) error {
		type Bulletin struct {
			ID           uint       `gorm:"primaryKey"`
			Month        string     `gorm:"size:7;uniqueIndex:idx_bulletins_edition;not null"`
			AsOf         model.Date `gorm:"not null"`
			Edition      int        `gorm:"uniqueIndex:idx_bulletins_edition;not null;default:1"`
			SupersededBy *uint
			Data         string `gorm:"type:text;not null"`
			IssuedBy     string `gorm:"size:64"`
			IssuedAt     time.Time
		}
		return tx.AutoMigrate(&Bulletin{})
	}},
	// Scale (issue 14): each started project's latest signs of life for
	// the stale alerts, and the indexes of the first pages: the project
	// list's order, the latest report of a project on a date, and the
	// facts learnt after a date.
	{ID: "202612020600_project_activity", Migrate: func(tx *gorm.DB) error {
		type ProjectActivity struct {
			ProjectID    uint       `gorm:"primaryKey;autoIncrement:false"`
			ActualStart  model.Date `gorm:"not null"`
			ActualFinish model.Date `gorm:"index:idx_project_activity_open,priority:1"`
			Since        model.Date `gorm:"not null;index:idx_project_activity_open,priority:2"`
			LastReport   model.Date
			ReportsKnown model.Date `gorm:"index:idx_project_activity_known"`
		}
		if err := tx.Table("project_activity").AutoMigrate(&ProjectActivity{}); err != nil {
			return err
		}
		if err := execAll(tx, scaleIndexes); err != nil {
			return err
		}
		return refreshActivityWhere(tx, tx.Table("projects").Select("id"))
	}},
	// Pending uploads between an import's preview and its apply, in the
	// database rather than a directory of one machine (issue 10 item 9).
	{ID: "202612020610_pending_uploads", Migrate: func(tx *gorm.DB) error {
		type PendingUpload struct {
			ID         string `gorm:"primaryKey;size:32"`
			UserID     uint   `gorm:"index;not null"`
			Kind       string `gorm:"size:16"`
			ReportDate model.Date
			Bytes      int64
			CreatedAt  time.Time
			ExpiresAt  time.Time `gorm:"index;not null"`
		}
		type PendingFile struct {
			ID       uint   `gorm:"primaryKey"`
			UploadID string `gorm:"size:32;index;not null"`
			Seq      int    `gorm:"not null"`
			Name     string `gorm:"size:255;not null"`
			Data     []byte `gorm:"not null"`
		}
		return tx.AutoMigrate(&PendingUpload{}, &PendingFile{})
	}},
	// The digest of a pending upload's preview, which its apply must
	// match (issue 13 point 2).
	{ID: "202612020700_upload_digest", Migrate: func(tx *gorm.DB) error {
		type PendingUpload struct {
			Digest string `gorm:"size:64"`
		}
		return tx.Migrator().AddColumn(&PendingUpload{}, "Digest")
	}},
	{ID: "202612020705_milestones_kind_actual", Migrate: func(tx *gorm.DB) error {
		return execAll(tx, stateIndexes)
	}},
	// Plan rows match stored projects by the variants of a name the
	// county's offices type (model.MatchKey), and a preview keeps the
	// user's decisions on rows that resemble a stored project (issue 13
	// point 1).
	{ID: "202612020720_match_key", Migrate: func(tx *gorm.DB) error {
		type Project struct {
			ID       uint
			Name     string
			Township string
			MatchKey string `gorm:"size:255;index"`
		}
		type PendingUpload struct {
			Decisions string `gorm:"type:text"`
		}
		if err := tx.Migrator().AddColumn(&PendingUpload{}, "Decisions"); err != nil {
			return err
		}
		if err := tx.Migrator().AddColumn(&Project{}, "MatchKey"); err != nil {
			return err
		}
		if err := tx.Migrator().CreateIndex(&Project{}, "MatchKey"); err != nil {
			return err
		}
		var ps []Project
		return tx.Select("id", "name", "township").FindInBatches(&ps, batchSize, func(b *gorm.DB, _ int) error {
			for _, p := range ps {
				if err := b.Model(&Project{}).Where("id = ?", p.ID).Update("match_key", model.MatchKey(p.Name, p.Township)).Error; err != nil {
					return err
				}
			}
			return nil
		}).Error
	}},
	// An import batch keeps what reverting it needs: the rows it wrote,
	// as they were, and whether and by whom it was reverted (issue 13
	// point 6). Earlier batches are not undoable.
	{ID: "202612021300_import_undo", Migrate: func(tx *gorm.DB) error {
		type ImportBatch struct {
			Undoable   bool
			AuditFrom  uint
			RevertedAt *time.Time
			RevertedBy string `gorm:"size:64"`
		}
		for _, col := range []string{"Undoable", "AuditFrom", "RevertedAt", "RevertedBy"} {
			if err := tx.Migrator().AddColumn(&ImportBatch{}, col); err != nil {
				return err
			}
		}
		type ImportUndo struct {
			ID        uint   `gorm:"primaryKey"`
			BatchID   uint   `gorm:"index;not null"`
			Table     string `gorm:"column:row_table;size:32;not null"`
			RowID     uint   `gorm:"not null"`
			ProjectID uint
			Entity    string `gorm:"size:32"`
			EntityID  uint
			Before    string `gorm:"type:text"`
		}
		return tx.AutoMigrate(&ImportUndo{})
	}},
	// The web's imports running in the background, with their progress
	// and outcome, seen from any server (issue 11 point 9).
	{ID: "202612021315_import_jobs", Migrate: func(tx *gorm.DB) error {
		type ImportJob struct {
			ID                      string `gorm:"primaryKey;size:32"`
			UserID                  uint   `gorm:"index;not null"`
			Action                  string `gorm:"size:16;not null"`
			State                   string `gorm:"size:16;not null"`
			RowsDone, RowsEstimated int
			Files                   string `gorm:"type:text"`
			ReportDate              model.Date
			Result                  string `gorm:"type:text"`
			UploadID                string `gorm:"size:32"`
			UploadExpires           time.Time
			Conflict                bool
			ErrorKind               string `gorm:"size:32"`
			Error                   string `gorm:"type:text"`
			CreatedAt               time.Time
			UpdatedAt               time.Time
			ExpiresAt               time.Time `gorm:"index;not null"`
		}
		return tx.AutoMigrate(&ImportJob{})
	}},
	{ID: "202612021330_money_known_on", Migrate: func(tx *gorm.DB) error {
		// Payments, funds and budget lines carry the county date they
		// were entered (NULL for those stored before: known on every
		// date), and corrections keep the values they replaced.
		type Disbursement struct{ KnownOn model.Date }
		type Fund struct{ KnownOn model.Date }
		type BudgetLine struct{ KnownOn model.Date }
		for _, m := range []any{&Disbursement{}, &Fund{}, &BudgetLine{}} {
			if err := tx.Migrator().AddColumn(m, "KnownOn"); err != nil {
				return err
			}
		}
		type MoneyChange struct {
			ID        uint       `gorm:"primaryKey"`
			Table     string     `gorm:"column:row_table;size:32;index:idx_money_change;not null"`
			RowID     uint       `gorm:"index:idx_money_change;not null"`
			ChangedOn model.Date `gorm:"not null"`
			Date      model.Date
			Amount    int64  `gorm:"type:bigint"`
			Source    string `gorm:"size:64"`
		}
		return tx.AutoMigrate(&MoneyChange{})
	}},
	// A failed import job keeps how long its error asks to wait (a
	// server whose import slots were all busy), for the web's
	// Retry-After as the API's (issue 11 point 9).
	{ID: "202612021525_import_jobs_retry_after", Migrate: func(tx *gorm.DB) error {
		type ImportJob struct {
			RetryAfter time.Duration
		}
		return tx.Migrator().AddColumn(&ImportJob{}, "RetryAfter")
	}},
	{ID: "202612021545_money_tombstones", Migrate: func(tx *gorm.DB) error {
		// A deleted payment, fund or budget line leaves a tombstone in
		// money_changes, so that dates before the deletion still see it.
		type MoneyChange struct {
			Deleted   bool `gorm:"not null;default:false"`
			ProjectID uint
			Kind      string `gorm:"size:16"`
			KnownOn   model.Date
			Row       string `gorm:"type:text"`
		}
		return tx.AutoMigrate(&MoneyChange{})
	}},
	// Scale (issue 14): each project's due state (earliest open due
	// date, actual start and finish, last sign of life, and the horizon of
	// its facts) for the dashboard and the state filters, filled for the
	// projects stored.
	{ID: "202612021600_project_states", Migrate: func(tx *gorm.DB) error {
		type Project struct{ ID uint }
		type ProjectState struct {
			ProjectID    uint     `gorm:"primaryKey;autoIncrement:false"`
			Project      *Project `gorm:"constraint:OnDelete:CASCADE"`
			OpenDue      model.Date
			ActualStart  model.Date
			ActualFinish model.Date
			Since        model.Date
			Horizon      model.Date `gorm:"index:idx_project_states_horizon"`
		}
		if err := tx.AutoMigrate(&ProjectState{}); err != nil {
			return err
		}
		if err := refreshStatesWhere(tx, tx.Table("projects").Select("id")); err != nil {
			return err
		}
		if tx.Dialector.Name() == "postgres" { // the planner's row counts of the new table
			return tx.Exec("ANALYZE project_states").Error
		}
		return nil
	}},
	// An import batch keeps its counts by kind of record.
	{ID: "202612022230_import_batch_by_kind", Migrate: func(tx *gorm.DB) error {
		type ImportBatch struct {
			ByKind []model.KindCount `gorm:"serializer:json;type:text"`
		}
		return tx.Migrator().AddColumn(&ImportBatch{}, "ByKind")
	}},
	// Records over time (issue 13): a project's plan before each day's
	// changes, so that a past date shows the plan known then.
	{ID: "202612022200_project_changes", Migrate: func(tx *gorm.DB) error {
		type Project struct{ ID uint }
		type ProjectChange struct {
			ID              uint       `gorm:"primaryKey"`
			ProjectID       uint       `gorm:"not null;index:idx_project_changes_project"`
			Project         *Project   `gorm:"constraint:OnDelete:CASCADE"`
			ChangedOn       model.Date `gorm:"not null;index:idx_project_changes_on"`
			Code            string     `gorm:"size:64;not null"`
			Name            string     `gorm:"size:255;not null"`
			NameKey         string     `gorm:"size:255"`
			MatchKey        string     `gorm:"size:255"`
			Annex           int
			Category        string         `gorm:"size:128"`
			Site            string         `gorm:"size:255"`
			Township        string         `gorm:"size:64"`
			ResponsibleUnit string         `gorm:"size:128"`
			Content         string         `gorm:"type:text"`
			PlannedStart    model.PlanDate `gorm:"embedded;embeddedPrefix:planned_start_"`
			PlannedFinish   model.PlanDate `gorm:"embedded;embeddedPrefix:planned_finish_"`
			Investment      *model.Money
			FloorArea       decimal.NullDecimal `gorm:"type:numeric"`
			Land            decimal.NullDecimal `gorm:"type:numeric"`
			Beds            *int
			Qualifiers      string `gorm:"size:512"`
		}
		return tx.AutoMigrate(&ProjectChange{})
	}},
	// Scale (issue 14): the 形象进度 of each project's latest report on
	// its state row, so that the 序时进度 lamps of today are one read of
	// the planned projects and their state rows.
	{ID: "202612031430_project_states_percent", Migrate: func(tx *gorm.DB) error {
		type ProjectState struct {
			Percent decimal.NullDecimal `gorm:"type:numeric"`
		}
		if err := tx.Migrator().AddColumn(&ProjectState{}, "Percent"); err != nil {
			return err
		}
		return refreshPercentsWhere(tx, tx.Table("project_states").Select("project_id"))
	}},
	// Scale (issue 14): on PostgreSQL, the forecasts beyond a date read
	// with their projects from the forecast index (coverForecasts).
	{ID: "202612031500_milestones_forecast_covering", Migrate: coverForecasts},
	// Scale (issue 14): each project's state by learnt-date interval
	// before its horizon (projectSpan), so that a past date's states are
	// one row a project too, filled for the projects stored.
	{ID: "202612041900_project_spans", Migrate: func(tx *gorm.DB) error {
		type Project struct{ ID uint }
		type ProjectSpan struct {
			ProjectID    uint       `gorm:"primaryKey;autoIncrement:false"`
			Project      *Project   `gorm:"constraint:OnDelete:CASCADE"`
			ValidFrom    model.Date `gorm:"primaryKey"`
			ValidTo      model.Date `gorm:"not null"`
			Level        int        `gorm:"not null"`
			OpenDue      model.Date
			ActualStart  model.Date
			ActualFinish model.Date
			Since        model.Date
			ForecastSlip *int
			Percent      decimal.NullDecimal `gorm:"type:numeric"`
		}
		if err := tx.AutoMigrate(&ProjectSpan{}); err != nil {
			return err
		}
		if err := execAll(tx, spanIndexes); err != nil {
			return err
		}
		var ids []uint
		if err := tx.Raw("SELECT project_id FROM project_states WHERE horizon IS NOT NULL ORDER BY project_id").Scan(&ids).Error; err != nil {
			return err
		}
		for len(ids) > 0 {
			n := min(len(ids), activityBatch)
			if err := refreshSpans(tx, ids[:n]); err != nil {
				return err
			}
			ids = ids[n:]
		}
		if tx.Dialector.Name() == "postgres" {
			return tx.Exec("ANALYZE project_spans").Error
		}
		return nil
	}},
	// Scale (issue 14): the spans containing a date read from their index
	// alone (coverSpans).
	{ID: "202612041940_project_spans_covering", Migrate: coverSpans},
	// Scale (issue 14): on SQLite, the forecasts beyond a date settled
	// on it read from the forecast index alone (settleForecasts).
	{ID: "202612042010_milestones_forecast_settled", Migrate: settleForecasts},
	// Scale (issue 14): on SQLite, the spans containing a past date met
	// with their projects in the projects' order (paceSpans).
	{ID: "202612042050_project_spans_pace", Migrate: paceSpans},
}

// initSchema creates a fresh database's schema from the models and seeds
// the register of funding sources.
func initSchema(tx *gorm.DB) error {
	if err := tx.AutoMigrate(tables...); err != nil {
		return err
	}
	if err := execAll(tx, dueIndexes); err != nil {
		return err
	}
	if err := execAll(tx, scaleIndexes); err != nil {
		return err
	}
	if err := execAll(tx, stateIndexes); err != nil {
		return err
	}
	if err := coverForecasts(tx); err != nil {
		return err
	}
	if err := coverSpans(tx); err != nil {
		return err
	}
	if err := settleForecasts(tx); err != nil {
		return err
	}
	if err := paceSpans(tx); err != nil {
		return err
	}
	return seedFundingSources(tx, nil)
}

// seedFundingSources registers model.SeedFundingSources, then extra,
// skipping names already registered.
func seedFundingSources(tx *gorm.DB, extra []string) error {
	now := time.Now()
	for _, name := range append(slices.Clone(model.SeedFundingSources), extra...) {
		err := tx.Clauses(clause.OnConflict{DoNothing: true}).
			Create(&model.FundingSource{Name: name, CreatedBy: "系统", CreatedAt: now}).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// dueIndexes are the milestone indexes the alert queries read
// (store/alertpage.go): open milestones as of D are ranges of the first,
// forecasts beyond D of the second, both read without the table. gorm's
// tags cannot declare them (baseline_date belongs to the embedded
// PlanDate), so a fresh schema and the migration that added them both
// run these statements; a later index is a new list and a new entry
// (on PostgreSQL, coveringForecasts replaces the second).
var dueIndexes = []string{
	"CREATE INDEX IF NOT EXISTS idx_milestones_actual_due ON milestones (actual, baseline_date)",
	"CREATE INDEX IF NOT EXISTS idx_milestones_forecast_due ON milestones (forecast, baseline_date, actual)",
}

// coveringForecasts replace, on PostgreSQL, dueIndexes' forecast index
// by one with the same keys that carries each milestone's project too
// (INCLUDE, which SQLite has not), so that the forecasts beyond D are
// read with their projects from the index alone: the forecast part of
// the projects' states as of a date (statesSQL, grouped by project in
// dueStatesSQL and redSQL) no longer fetches some 30,000 milestone rows
// by a bitmap heap scan (as of 2020-06-30 at 100,000 projects, the
// dashboard took 526 ms instead of 651, the red filter 505 instead of
// 587). It is not deduplicated, as the key-only one was: 50 MB instead
// of 8.7 MB at 1,000,000 milestones.
// (The same for the open overdue index made the counts of the alerts of
// today, ranges of it, read six times the pages: GET /api/v1/alerts
// took 73-90 ms instead of 40-45.)
var coveringForecasts = []string{
	"CREATE INDEX IF NOT EXISTS idx_milestones_forecast_due_project ON milestones (forecast, baseline_date, actual) INCLUDE (project_id)",
	"DROP INDEX IF EXISTS idx_milestones_forecast_due",
}

// coverForecasts runs coveringForecasts on PostgreSQL.
func coverForecasts(tx *gorm.DB) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	return execAll(tx, coveringForecasts)
}

// settleForecasts replaces, on SQLite, dueIndexes' forecast index by one
// of the same name and keys that carries the days each milestone's
// forecast and actual were learnt too, so that the forecasts beyond a
// past date settled on it (settledSQL) are read from the index alone:
// the page's cutoff, the n-th largest slip of the 31,000 forecasts
// beyond 2020-06-30 at 100,000 projects, read each one's row otherwise
// (116 ms in the sqlite3 shell, 14 without the condition). PostgreSQL
// reads their rows either way (coveringForecasts).
func settleForecasts(tx *gorm.DB) error {
	if tx.Dialector.Name() == "postgres" {
		return nil
	}
	return execAll(tx, []string{"DROP INDEX IF EXISTS idx_milestones_forecast_due",
		"CREATE INDEX idx_milestones_forecast_due ON milestones (forecast, baseline_date, actual, forecast_on, actual_on)"})
}

// scaleIndexes are the indexes of the first pages at 100,000 projects:
// the project list's order, a project's latest report on a date (the
// stale alerts of a past date), and the facts learnt after a date (one
// range each, where an OR of the two scanned the milestones).
var scaleIndexes = []string{
	"CREATE INDEX IF NOT EXISTS idx_projects_annex_code ON projects (annex, code)",
	"CREATE INDEX IF NOT EXISTS idx_progress_reports_project_date ON progress_reports (project_id, report_date)",
	"CREATE INDEX IF NOT EXISTS idx_milestones_forecast_on ON milestones (forecast_on)",
	"CREATE INDEX IF NOT EXISTS idx_milestones_actual_on ON milestones (actual_on)",
}

// stateIndexes are the indexes of the projects' states as of a date
// (store/states.go): the projects started and finished by D, a range of
// kind and actual each.
var stateIndexes = []string{
	"CREATE INDEX IF NOT EXISTS idx_milestones_kind_actual ON milestones (kind, actual, project_id)",
}

// execAll runs statements in tx, in order.
func execAll(tx *gorm.DB, statements []string) error {
	for _, q := range statements {
		if err := tx.Exec(q).Error; err != nil {
			return err
		}
	}
	return nil
}

// migrationTable records the IDs of the migrations a database has had.
const migrationTable = "schema_migrations"

// migrationLock is the PostgreSQL advisory lock that makes servers
// starting together on one database migrate one after the other.
const migrationLock int64 = 0x6361707472616b // "captrak"

// migrate brings the schema up to date in one transaction: on SQLite the
// transaction holds the write lock from BEGIN, on PostgreSQL it takes
// migrationLock first, so that a second server starting at the same
// time waits and then finds nothing left to do.
func (s *DB) migrate(ctx context.Context) error {
	const op = "store.migrate"
	options := &gormigrate.Options{
		TableName:                 migrationTable,
		IDColumnName:              "id",
		IDColumnSize:              255,
		ValidateUnknownMigrations: true,
	}
	var ran []string
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if s.Postgres {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", migrationLock).Error; err != nil {
				return err
			}
		}
		before, err := appliedMigrations(tx)
		if err != nil {
			return err
		}
		if !tx.Migrator().HasTable(migrationTable) && tx.Migrator().HasTable(&model.Project{}) {
			// Release 1 kept no versions: its schema is the one
			// initialised, and every migration is yet to run.
			release1 := gormigrate.New(tx, options, nil)
			release1.InitSchema(func(*gorm.DB) error { return nil })
			if err := release1.Migrate(); err != nil {
				return err
			}
		}
		m := gormigrate.New(tx, options, migrations)
		m.InitSchema(initSchema)
		if err := m.Migrate(); err != nil {
			return err
		}
		after, err := appliedMigrations(tx)
		for id := range after {
			if !before[id] {
				ran = append(ran, id)
			}
		}
		return err
	})
	if errors.Is(err, gormigrate.ErrUnknownPastMigration) {
		return model.E(model.EInvalid, op, "数据库已由更新版本的 captrack 升级过结构，请使用新版本的 captrack 打开")
	}
	if err == nil && s.Postgres {
		err = vacuumRewritten(s.db.WithContext(ctx), ran)
	}
	return model.Wrap(op, err)
}

// vacuumAfter names the tables a migration fills with many rows. On
// PostgreSQL they are vacuumed once it has committed (VACUUM cannot run
// in a transaction): index-only scans of a table (the spans' covering
// index) read its pages too until its visibility map is set, which
// autovacuum does only some time later. As of 2020-06-30 at 100,000
// projects the red filter took 372 ms before it, 127 ms after.
var vacuumAfter = map[string][]string{
	"202612041900_project_spans": {"project_spans"},
}

// vacuumRewritten vacuums and analyses the tables of vacuumAfter of the
// migrations ran, each once.
func vacuumRewritten(db *gorm.DB, ran []string) error {
	done := map[string]bool{}
	for _, id := range ran {
		for _, t := range vacuumAfter[id] {
			if done[t] {
				continue
			}
			done[t] = true
			if err := db.Exec("VACUUM (ANALYZE) " + t).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// appliedMigrations returns the IDs of the migrations the database has
// had (none before its first).
func appliedMigrations(tx *gorm.DB) (map[string]bool, error) {
	out := map[string]bool{}
	if !tx.Migrator().HasTable(migrationTable) {
		return out, nil
	}
	var ids []string
	err := tx.Table(migrationTable).Pluck("id", &ids).Error
	for _, id := range ids {
		out[id] = true
	}
	return out, err
}
