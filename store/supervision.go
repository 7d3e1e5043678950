package store

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/calendar"
	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// MaxDueWorkingDays bounds a deadline given in working days.
const MaxDueWorkingDays = 250

// awaitingReply reports whether a 督办 in status waits for the unit.
func awaitingReply(status string) bool {
	return status == model.SupervisionUnsigned || status == model.SupervisionInProgress
}

// checkDue rejects a missing deadline or one before today.
func (s *DB) checkDue(op string, due model.Date) error {
	switch {
	case due.IsZero():
		return model.E(model.EInvalid, op, "请填写办理期限")
	case due.Before(s.Today()):
		return model.Errorf(model.EInvalid, op, "办理期限（%s）不能早于今天", due)
	}
	return nil
}

// resolve returns the date of d as of today under cal.
func (s *DB) resolve(op string, cal *calendar.Calendar, d model.Deadline) (model.Date, error) {
	switch {
	case !d.Date.IsZero() && d.WorkingDays != 0:
		return model.Date{}, model.E(model.EInvalid, op, "办理期限只能填写日期或工作日天数之一")
	case d.WorkingDays < 0 || d.WorkingDays > MaxDueWorkingDays:
		return model.Date{}, model.Errorf(model.EInvalid, op, "工作日天数应在 1 到 %d 之间", MaxDueWorkingDays)
	case d.WorkingDays > 0:
		return cal.AddWorkingDays(s.Today(), d.WorkingDays), nil
	}
	if err := s.checkDue(op, d.Date); err != nil {
		return model.Date{}, err
	}
	return d.Date, model.CheckDate("due", "办理期限", d.Date)
}

// MaxRaiseProjects bounds the projects one 交办 may name.
const MaxRaiseProjects = 500

// RaiseSupervisions opens a 督办 on each project of r, all or none.
func (s *DB) RaiseSupervisions(ctx context.Context, a model.Actor, r model.SupervisionRaise) ([]model.Supervision, error) {
	const op = "store.RaiseSupervision"
	r.ProjectIDs = distinct(r.ProjectIDs) // one 督办 each, however often a project is named
	reason := strings.TrimSpace(r.Reason)
	switch {
	case reason == "":
		return nil, model.E(model.EInvalid, op, "督办事项不能为空")
	case len(r.ProjectIDs) == 0:
		return nil, model.E(model.EInvalid, op, "请选择督办的项目")
	case len(r.ProjectIDs) > MaxRaiseProjects:
		return nil, model.Errorf(model.EInvalid, op, "一次最多交办 %d 个项目", MaxRaiseProjects)
	}
	assist, err := assistUnits(op, r.AssistUnits)
	if err != nil {
		return nil, err
	}
	var out []model.Supervision
	err = s.tx(ctx, func(tx *gorm.DB) error {
		cal, err := s.calendarIn(tx)
		if err != nil {
			return err
		}
		due, err := s.resolve(op, cal, r.Due)
		if err != nil {
			return err
		}
		now := s.Now()
		for _, pid := range r.ProjectIDs {
			if err := projectExists(tx, op, pid); err != nil {
				return err
			}
			sv := model.Supervision{ProjectID: pid, Reason: reason, AssistUnits: assist, ReplyDue: due, OriginalDue: due,
				SignDue: cal.AddWorkingDays(s.DateOf(now), 1), Status: model.SupervisionUnsigned,
				Level: 1, RaisedBy: a.User, RaisedAt: now, Version: 1}
			if err := sv.Validate(); err != nil {
				return err
			}
			if err := tx.Create(&sv).Error; err != nil {
				return err
			}
			step := model.SupervisionReply{SupervisionID: sv.ID, Author: a.User, Action: model.StepRaise, Body: reason, Due: due, CreatedAt: now}
			if err := tx.Create(&step).Error; err != nil {
				return err
			}
			if err := s.audit(tx, a, pid, "supervision", sv.ID, model.StepRaise, reason,
				Change{Field: "status", New: sv.Status}, Change{Field: "reply_due", New: due.String()},
				Change{Field: "assist_units", New: strings.Join(r.AssistUnits, "、")}); err != nil {
				return err
			}
			out = append(out, sv)
		}
		return nil
	})
	if err != nil {
		return nil, model.Wrap(op, err)
	}
	return out, nil
}

// assistUnits checks and stores the assisting units: each between
// newlines, so that a unit is found by LIKE '%\nunit\n%'.
func assistUnits(op string, units []string) (string, error) {
	var clean []string
	for _, u := range units {
		u = strings.TrimSpace(u)
		switch {
		case u == "":
			continue
		case len(u) > 128 || strings.ContainsAny(u, "\r\n"):
			return "", model.Errorf(model.EInvalid, op, "协办单位名称无效：%q", u)
		case !slices.Contains(clean, u):
			clean = append(clean, u)
		}
	}
	if len(clean) > 20 {
		return "", model.E(model.EInvalid, op, "协办单位最多 20 个")
	}
	if len(clean) == 0 {
		return "", nil
	}
	return "\n" + strings.Join(clean, "\n") + "\n", nil
}

func splitUnits(s string) []string {
	units := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' })
	if units == nil {
		return []string{}
	}
	return units
}

func getSupervision(tx *gorm.DB, op string, id uint) (model.Supervision, error) {
	var sv model.Supervision
	err := tx.Take(&sv, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return sv, model.Errorf(model.ENotFound, op, "督办 %d 不存在", id)
	}
	return sv, model.Wrap(op, err)
}

// stepRule is what one kind of step checks: the statuses it is allowed
// in, whether it needs a text, and prepare, which checks the rest
// against the notice and fills in the step row (its deadline, level,
// date). applyStep then moves the notice on.
type stepRule struct {
	op        string
	from      []string
	needsBody string // the message when the body is required and empty
	prepare   func(s *DB, cal *calendar.Calendar, sv model.Supervision, st *model.SupervisionReply, req model.SupervisionStep) error
}

var (
	stillOpen   = []string{model.SupervisionUnsigned, model.SupervisionInProgress, model.SupervisionReview}
	beforeReply = []string{model.SupervisionUnsigned, model.SupervisionInProgress}
)

// pendingExtension refuses a step on an extension when there is none.
func pendingExtension(op string) func(*DB, *calendar.Calendar, model.Supervision, *model.SupervisionReply, model.SupervisionStep) error {
	return func(_ *DB, _ *calendar.Calendar, sv model.Supervision, _ *model.SupervisionReply, _ model.SupervisionStep) error {
		if sv.PendingDue.IsZero() {
			return model.E(model.EConflict, op, "没有待审批的延期申请")
		}
		return nil
	}
}

var stepRules = map[string]stepRule{
	model.StepSign:   {op: "store.SignSupervision", from: []string{model.SupervisionUnsigned}},
	model.StepReply:  {op: "store.ReplySupervision", from: []string{model.SupervisionInProgress}, needsBody: "反馈内容不能为空"},
	model.StepAccept: {op: "store.AcceptSupervision", from: []string{model.SupervisionReview}},
	model.StepReturn: {op: "store.ReturnSupervision", from: []string{model.SupervisionReview}, needsBody: "退回必须说明理由",
		prepare: func(s *DB, cal *calendar.Calendar, _ model.Supervision, st *model.SupervisionReply, req model.SupervisionStep) error {
			due, err := s.resolve("store.ReturnSupervision", cal, req.Due)
			st.Due = due
			return err
		}},
	model.StepExtension: {op: "store.RequestExtension", from: beforeReply, needsBody: "申请延期必须说明理由",
		prepare: func(s *DB, cal *calendar.Calendar, sv model.Supervision, st *model.SupervisionReply, req model.SupervisionStep) error {
			const op = "store.RequestExtension"
			if !sv.PendingDue.IsZero() {
				return model.E(model.EConflict, op, "已有延期申请等待审批")
			}
			due, err := s.resolve(op, cal, req.Due)
			if err != nil {
				return err
			}
			if !due.After(sv.ReplyDue) {
				return model.Errorf(model.EInvalid, op, "申请的期限（%s）应晚于现在的期限（%s）", due, sv.ReplyDue)
			}
			st.Due = due
			return nil
		}},
	model.StepExtensionAccept: {op: "store.ApproveExtension", from: beforeReply, prepare: func(s *DB, cal *calendar.Calendar, sv model.Supervision, st *model.SupervisionReply, req model.SupervisionStep) error {
		st.Due = sv.PendingDue
		return pendingExtension("store.ApproveExtension")(s, cal, sv, st, req)
	}},
	model.StepExtensionRefuse: {op: "store.RefuseExtension", from: beforeReply, needsBody: "不同意延期必须说明理由",
		prepare: pendingExtension("store.RefuseExtension")},
	model.StepChase: {op: "store.ChaseSupervision", from: stillOpen},
	model.StepEscalate: {op: "store.EscalateSupervision", from: stillOpen, needsBody: "约谈（升级督办）必须填写说明",
		prepare: func(s *DB, _ *calendar.Calendar, _ model.Supervision, st *model.SupervisionReply, req model.SupervisionStep) error {
			const op = "store.EscalateSupervision"
			st.Level, st.Date = strings.TrimSpace(req.Level), req.Date
			switch {
			case st.Level == "":
				return model.E(model.EInvalid, op, "请填写约谈（升级）层级，如“分管县领导”")
			case len(st.Level) > 64:
				return model.E(model.EInvalid, op, "约谈层级过长")
			case st.Date.IsZero():
				st.Date = s.Today()
			}
			return nil
		}},
	model.StepClose: {op: "store.CloseSupervision", from: stillOpen},
}

// applyStep moves sv on by step st: the one place that says what each
// step does to a notice, used when a step is taken and when a notice is
// replayed as of a date.
func applyStep(sv *model.Supervision, st model.SupervisionReply) {
	at := st.CreatedAt
	switch st.Action {
	case model.StepRaise:
		sv.Status, sv.ReplyDue, sv.Level, sv.ChaseCount = model.SupervisionUnsigned, st.Due, 1, 0
		sv.SignedAt, sv.SignedBy, sv.ClosedAt, sv.PendingDue, sv.PendingReason = nil, "", nil, model.Date{}, ""
	case model.StepSign:
		sv.Status, sv.SignedAt, sv.SignedBy = model.SupervisionInProgress, &at, st.Author
	case model.StepReply:
		sv.Status = model.SupervisionReview
	case model.StepAccept, model.StepClose:
		sv.Status, sv.ClosedAt, sv.PendingDue, sv.PendingReason = model.SupervisionClosed, &at, model.Date{}, ""
	case model.StepReturn:
		sv.Status, sv.ReplyDue = model.SupervisionInProgress, st.Due
	case model.StepExtension:
		sv.PendingDue, sv.PendingReason = st.Due, st.Body
	case model.StepExtensionAccept:
		sv.ReplyDue, sv.PendingDue, sv.PendingReason = st.Due, model.Date{}, ""
	case model.StepExtensionRefuse:
		sv.PendingDue, sv.PendingReason = model.Date{}, ""
	case model.StepChase:
		sv.ChaseCount++
	case model.StepEscalate:
		sv.Level++
	}
}

var stepRefusals = map[string]string{
	model.SupervisionUnsigned:   "该督办尚未签收",
	model.SupervisionInProgress: "该督办正在办理中",
	model.SupervisionReview:     "该督办已反馈，等待审核",
	model.SupervisionClosed:     "该督办已办结",
}

// StepSupervision takes step action (a model.Step… other than raise) on
// 督办 id in one transaction: the step row, the notice's new state, and
// their audit, guarded by the notice's version.
func (s *DB) StepSupervision(ctx context.Context, a model.Actor, id uint, action string, req model.SupervisionStep) (model.Supervision, error) {
	rule, ok := stepRules[action]
	if !ok {
		return model.Supervision{}, model.Errorf(model.EInvalid, "store.StepSupervision", "未知的督办操作 %q", action)
	}
	op := rule.op
	body := strings.TrimSpace(req.Body)
	if rule.needsBody != "" && body == "" {
		return model.Supervision{}, model.E(model.EInvalid, op, rule.needsBody)
	}
	if err := (&model.SupervisionReply{Body: body, Level: req.Level}).Validate(); err != nil {
		return model.Supervision{}, err
	}
	var out model.Supervision
	err := s.tx(ctx, func(tx *gorm.DB) error {
		sv, err := getSupervision(tx, op, id)
		if err != nil {
			return err
		}
		if req.Version != 0 && req.Version != sv.Version {
			return model.E(model.EConflict, op, "该督办已被他人处理，请刷新后重试")
		}
		if !slices.Contains(rule.from, sv.Status) {
			return model.E(model.EConflict, op, stepRefusals[sv.Status])
		}
		cal, err := s.calendarIn(tx)
		if err != nil {
			return err
		}
		old := sv
		st := model.SupervisionReply{SupervisionID: id, Author: a.User, Action: action, Body: body, CreatedAt: s.Now()}
		if rule.prepare != nil {
			if err := rule.prepare(s, cal, sv, &st, req); err != nil {
				return err
			}
		}
		applyStep(&sv, st)
		sv.Version++
		res := tx.Model(&model.Supervision{}).Where("id = ? AND version = ?", id, old.Version).Updates(map[string]any{
			"status": sv.Status, "level": sv.Level, "reply_due": sv.ReplyDue, "closed_at": sv.ClosedAt,
			"signed_at": sv.SignedAt, "signed_by": sv.SignedBy, "chase_count": sv.ChaseCount,
			"pending_due": sv.PendingDue, "pending_reason": sv.PendingReason, "version": sv.Version,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return model.E(model.EConflict, op, "该督办已被他人处理，请刷新后重试")
		}
		if err := tx.Create(&st).Error; err != nil {
			return err
		}
		var changes []Change
		changes = appendChange(changes, "status", old.Status, sv.Status)
		changes = appendChange(changes, "level", strconv.Itoa(old.Level), strconv.Itoa(sv.Level))
		changes = appendChange(changes, "reply_due", old.ReplyDue.String(), sv.ReplyDue.String())
		changes = appendChange(changes, "pending_due", old.PendingDue.String(), sv.PendingDue.String())
		changes = appendChange(changes, "chase_count", strconv.Itoa(old.ChaseCount), strconv.Itoa(sv.ChaseCount))
		changes = appendChange(changes, "escalation", "", strings.TrimSpace(st.Level+" "+st.Date.String()))
		if err := s.audit(tx, a, sv.ProjectID, "supervision", id, action, body, changes...); err != nil {
			return err
		}
		out = sv
		return nil
	})
	if err != nil {
		return model.Supervision{}, model.Wrap(op, err)
	}
	return out, nil
}

// supervisionQuery selects the 督办 of f, without paging, with their
// projects: joined, or when f selects one project's (and no unit) read
// after them, one project and only when it has 督办.
func supervisionQuery(q *gorm.DB, f model.SupervisionFilter, asOf model.Date) *gorm.DB {
	if f.ProjectID != 0 && f.Unit == "" {
		q = q.Model(&model.Supervision{}).Preload("Project")
	} else {
		q = q.Model(&model.Supervision{}).Joins("Project")
	}
	if f.ID != 0 {
		q = q.Where("supervisions.id = ?", f.ID)
	}
	if f.ProjectID != 0 {
		q = q.Where("supervisions.project_id = ?", f.ProjectID)
	}
	if f.Status != "" {
		q = q.Where("supervisions.status = ?", f.Status)
	}
	if f.Unit != "" {
		q = q.Where(`("Project".responsible_unit = ? OR supervisions.assist_units LIKE ? ESCAPE '\')`, f.Unit, "%\n"+escapeLike(f.Unit)+"\n%")
	}
	if f.Supervisor != "" {
		q = q.Where("supervisions.raised_by = ?", f.Supervisor)
	}
	if f.Overdue {
		q = q.Where("((supervisions.status = ? AND supervisions.sign_due < ?) OR (supervisions.status IN ? AND supervisions.reply_due < ?))",
			model.SupervisionUnsigned, asOf, []string{model.SupervisionUnsigned, model.SupervisionInProgress}, asOf)
	}
	return q
}

// escapeLike makes s match itself in a LIKE pattern escaped by '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// ListSupervisions returns a page of the 督办 f selects, newest first,
// and how many f selects in all. Each is as it stood at the end of AsOf:
// its steps taken by then replayed. As of today the status and overdue
// filters are SQL; as of an earlier day they apply to the replayed
// notices.
func (s *DB) ListSupervisions(ctx context.Context, f model.SupervisionFilter) ([]model.SupervisionView, int64, error) {
	const op = "store.ListSupervisions"
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = s.Today()
	}
	past := asOf.Before(s.Today())
	sqlF := f
	if past {
		sqlF.Status, sqlF.Overdue, sqlF.Limit = "", false, 0
	}
	db := s.reader(ctx)
	// When a plan changed after asOf, the projects' names and units are
	// those known on asOf (projectsAsOf), and so is the unit filter:
	// asked before the 督办 are read when a unit filters them, else
	// only when there are some.
	var replanned bool
	var err error
	if f.Unit != "" {
		if replanned, err = s.plansChanged(db, asOf); err != nil {
			return nil, 0, model.Wrap(op, err)
		}
	}
	if replanned {
		sqlF.Unit = ""
	}
	var total int64
	// A page of SQL is counted; otherwise the total is the items'.
	if sqlF.Limit > 0 {
		if err := supervisionQuery(db, sqlF, asOf).Count(&total).Error; err != nil {
			return nil, 0, model.Wrap(op, err)
		}
	}
	q := supervisionQuery(db, sqlF, asOf).Preload("Replies", func(q *gorm.DB) *gorm.DB { return q.Order("id") }).Order("supervisions.id DESC")
	if sqlF.Limit > 0 {
		q = q.Limit(f.Limit).Offset(f.Offset)
	}
	var svs []model.Supervision
	if err := q.Find(&svs).Error; err != nil {
		return nil, 0, model.Wrap(op, err)
	}
	if f.Unit == "" && len(svs) > 0 {
		if replanned, err = s.plansChanged(db, asOf); err != nil {
			return nil, 0, model.Wrap(op, err)
		}
	}
	if replanned {
		if err := s.projectsOfSupervisions(db, asOf, svs); err != nil {
			return nil, 0, model.Wrap(op, err)
		}
	}
	var cal *calendar.Calendar // the deadlines' working days, when there are any
	if len(svs) > 0 {
		if cal, err = s.calendarIn(db); err != nil {
			return nil, 0, err
		}
	}
	views := make([]model.SupervisionView, 0, len(svs))
	for _, sv := range svs {
		state, ok := s.stateAsOf(sv, asOf)
		if !ok {
			continue
		}
		v := s.supervisionView(cal, state, asOf)
		if past && ((f.Status != "" && v.Status != f.Status) || (f.Overdue && !v.Overdue)) {
			continue
		}
		if replanned && f.Unit != "" && v.ResponsibleUnit != f.Unit && !slices.Contains(v.AssistUnits, f.Unit) {
			continue
		}
		views = append(views, v)
	}
	if sqlF.Limit == 0 {
		total = int64(len(views))
		if f.Limit > 0 {
			views = views[min(f.Offset, len(views)):min(f.Offset+f.Limit, len(views))]
		}
	}
	return views, total, nil
}

// projectsOfSupervisions gives each of svs its project as known at the
// end of the county day d (projectsAsOf).
func (s *DB) projectsOfSupervisions(db *gorm.DB, d model.Date, svs []model.Supervision) error {
	ids := make([]uint, 0, len(svs))
	for _, sv := range svs {
		ids = append(ids, sv.ProjectID)
	}
	var ps []model.Project
	if err := db.Table(s.plansAsOf(true, d, "projects")).Where("id IN "+s.idSet(), idList(ids)).Find(&ps).Error; err != nil {
		return err
	}
	byID := make(map[uint]*model.Project, len(ps))
	for i := range ps {
		byID[ps[i].ID] = &ps[i]
	}
	for i := range svs {
		svs[i].Project = byID[svs[i].ProjectID]
	}
	return nil
}

// SupervisionFilterOptions returns the 督办 list's filter options: every
// unit that leads or assists a 督办 and every supervisor who raised one,
// sorted, from one DISTINCT read rather than the notices themselves.
func (s *DB) SupervisionFilterOptions(ctx context.Context) (units, supervisors []string, err error) {
	var rows []struct{ Unit, AssistUnits, RaisedBy string }
	err = s.reader(ctx).Raw(`SELECT DISTINCT COALESCE(p.responsible_unit, '') AS unit, s.assist_units, s.raised_by
	FROM supervisions s LEFT JOIN projects p ON p.id = s.project_id`).Scan(&rows).Error
	if err != nil {
		return nil, nil, model.Wrap("store.SupervisionFilterOptions", err)
	}
	for _, r := range rows {
		for _, unit := range append([]string{r.Unit}, splitUnits(r.AssistUnits)...) {
			if unit != "" && !slices.Contains(units, unit) {
				units = append(units, unit)
			}
		}
		if !slices.Contains(supervisors, r.RaisedBy) {
			supervisors = append(supervisors, r.RaisedBy)
		}
	}
	slices.Sort(units)
	slices.Sort(supervisors)
	return units, supervisors, nil
}

// stateAsOf is sv as it stood at the end of the county's day asOf: its
// steps taken by then replayed, and false when it was raised later.
// Release 1's notices, which have no raise step, keep their stored state.
func (s *DB) stateAsOf(sv model.Supervision, asOf model.Date) (model.Supervision, bool) {
	if len(sv.Replies) == 0 || sv.Replies[0].Action != model.StepRaise {
		return sv, !s.DateOf(sv.RaisedAt).After(asOf)
	}
	state := sv
	state.Replies = nil
	for _, st := range sv.Replies {
		if s.DateOf(st.CreatedAt).After(asOf) {
			break
		}
		applyStep(&state, st)
		state.Replies = append(state.Replies, st)
	}
	return state, state.Replies != nil
}

// supervisionView is sv as of asOf.
func (s *DB) supervisionView(cal *calendar.Calendar, sv model.Supervision, asOf model.Date) model.SupervisionView {
	v := model.SupervisionView{ID: sv.ID, ProjectID: sv.ProjectID, AssistUnits: splitUnits(sv.AssistUnits), Reason: sv.Reason,
		Status: sv.Status, Due: sv.ReplyDue, OriginalDue: sv.OriginalDue, SignDue: sv.SignDue, SignedAt: sv.SignedAt,
		SignedBy: sv.SignedBy, Level: sv.Level, ChaseCount: sv.ChaseCount, RaisedBy: sv.RaisedBy, RaisedAt: sv.RaisedAt,
		ClosedAt: sv.ClosedAt, Version: sv.Version, Steps: make([]model.SupervisionStepView, len(sv.Replies)),
		DueUncovered: !cal.Covers(sv.ReplyDue.Year)}
	if sv.Project != nil {
		v.ProjectCode, v.ProjectName, v.ResponsibleUnit = sv.Project.Code, sv.Project.Name, sv.Project.ResponsibleUnit
	}
	if !sv.PendingDue.IsZero() {
		v.PendingExtension = &model.ExtensionRequest{Due: sv.PendingDue, Reason: sv.PendingReason}
	}
	due := sv.ReplyDue
	for j, r := range sv.Replies {
		v.Steps[j] = model.SupervisionStepView{Author: r.Author, Action: r.Action, Body: r.Body, Due: r.Due, Level: r.Level, Date: r.Date, Time: r.CreatedAt}
		switch r.Action {
		case model.StepRaise, model.StepReturn, model.StepExtensionAccept:
			due = r.Due
		case model.StepReply:
			v.RepliedLate = !due.IsZero() && s.DateOf(r.CreatedAt).After(due)
		}
	}
	v.SignOverdue = sv.Status == model.SupervisionUnsigned && !sv.SignDue.IsZero() && sv.SignDue.Before(asOf)
	v.ReplyOverdue = awaitingReply(sv.Status) && sv.ReplyDue.Before(asOf)
	v.Overdue = v.SignOverdue || v.ReplyOverdue
	switch {
	case v.SignOverdue:
		v.WorkingDaysOverdue = cal.WorkingDaysBetween(sv.SignDue, asOf)
	case v.ReplyOverdue:
		v.WorkingDaysOverdue = cal.WorkingDaysBetween(sv.ReplyDue, asOf)
	}
	return v
}

// SupervisionByID returns the view of 督办 id, flagged as of today.
func (s *DB) SupervisionByID(ctx context.Context, id uint) (model.SupervisionView, error) {
	views, _, err := s.ListSupervisions(ctx, model.SupervisionFilter{ID: id})
	if err != nil {
		return model.SupervisionView{}, err
	}
	if len(views) == 0 {
		return model.SupervisionView{}, model.Errorf(model.ENotFound, "store.SupervisionByID", "督办 %d 不存在", id)
	}
	return views[0], nil
}

// OpenSupervisionCounts returns how many 督办 not closed each of the
// projects ids has (projects with none are absent).
func (s *DB) OpenSupervisionCounts(ctx context.Context, ids []uint) (map[uint]int, error) {
	out := map[uint]int{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ProjectID uint
		N         int
	}
	err := s.reader(ctx).Model(&model.Supervision{}).Select("project_id, COUNT(*) AS n").
		Where("project_id IN ? AND status <> ?", ids, model.SupervisionClosed).Group("project_id").Scan(&rows).Error
	for _, r := range rows {
		out[r.ProjectID] = r.N
	}
	return out, model.Wrap("store.OpenSupervisionCounts", err)
}
