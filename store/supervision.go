package store

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/model"
	"gorm.io/gorm"
)

// awaitingReply reports whether a 督办 in status waits for the unit.
func awaitingReply(status string) bool {
	return status == model.SupervisionOpen || status == model.SupervisionEscalated
}

// checkReplyDue rejects a missing reply due date or one before today.
func (s *DB) checkReplyDue(op string, due model.Date) error {
	switch {
	case due.IsZero():
		return model.E(model.EInvalid, op, "请填写回复期限")
	case due.Before(s.Today()):
		return model.Errorf(model.EInvalid, op, "回复期限（%s）不能早于今天", due)
	}
	return nil
}

// RaiseSupervision opens a 督办 on project projectID that its responsible
// unit must answer by replyDue.
func (s *DB) RaiseSupervision(ctx context.Context, a model.Actor, projectID uint, reason string, replyDue model.Date) (model.Supervision, error) {
	const op = "store.RaiseSupervision"
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return model.Supervision{}, model.E(model.EInvalid, op, "督办事由不能为空")
	}
	if err := s.checkReplyDue(op, replyDue); err != nil {
		return model.Supervision{}, err
	}
	sv := model.Supervision{ProjectID: projectID, Reason: reason, ReplyDue: replyDue, Status: model.SupervisionOpen,
		Level: 1, RaisedBy: a.User, RaisedAt: s.Now()}
	if err := sv.Validate(); err != nil {
		return model.Supervision{}, err
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := projectExists(tx, op, projectID); err != nil {
			return err
		}
		if err := tx.Create(&sv).Error; err != nil {
			return err
		}
		return s.audit(tx, a, projectID, "supervision", sv.ID, "raise", reason,
			Change{Field: "status", New: sv.Status}, Change{Field: "reply_due", New: replyDue.String()})
	})
	if err != nil {
		return model.Supervision{}, model.Wrap(op, err)
	}
	return sv, nil
}

func getSupervision(tx *gorm.DB, op string, id uint) (model.Supervision, error) {
	var sv model.Supervision
	err := tx.Preload("Replies", func(q *gorm.DB) *gorm.DB { return q.Order("id") }).Take(&sv, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return sv, model.Errorf(model.ENotFound, op, "督办 %d 不存在", id)
	}
	return sv, model.Wrap(op, err)
}

// supervisionStep is one move of a 督办's lifecycle: the message it adds
// and how it changes the notice. change returns a user error when the
// move is not allowed in the notice's status.
type supervisionStep struct {
	op, action, body string
	change           func(sv *model.Supervision) error
}

// step applies st to 督办 id in one transaction: the reply row, the new
// status (and level and due date), and their audit.
func (s *DB) step(ctx context.Context, a model.Actor, id uint, st supervisionStep) (model.Supervision, error) {
	var out model.Supervision
	if err := (&model.SupervisionReply{Body: st.body}).Validate(); err != nil {
		return out, err
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		sv, err := getSupervision(tx, st.op, id)
		if err != nil {
			return err
		}
		if sv.Status == model.SupervisionClosed {
			return model.E(model.EConflict, st.op, "该督办已办结")
		}
		old := sv
		if err := st.change(&sv); err != nil {
			return err
		}
		res := tx.Model(&model.Supervision{}).Where("id = ? AND status = ?", id, old.Status).Updates(map[string]any{
			"status": sv.Status, "level": sv.Level, "reply_due": sv.ReplyDue, "closed_at": sv.ClosedAt,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return model.E(model.EConflict, st.op, "该督办已被他人处理，请刷新后重试")
		}
		reply := model.SupervisionReply{SupervisionID: id, Author: a.User, Action: st.action, Body: st.body, CreatedAt: s.Now()}
		if err := tx.Create(&reply).Error; err != nil {
			return err
		}
		var changes []Change
		changes = appendChange(changes, "status", old.Status, sv.Status)
		changes = appendChange(changes, "level", strconv.Itoa(old.Level), strconv.Itoa(sv.Level))
		changes = appendChange(changes, "reply_due", old.ReplyDue.String(), sv.ReplyDue.String())
		if err := s.audit(tx, a, sv.ProjectID, "supervision", id, st.action, st.body, changes...); err != nil {
			return err
		}
		out, err = getSupervision(tx, st.op, id)
		return err
	})
	if err != nil {
		return model.Supervision{}, model.Wrap(st.op, err)
	}
	return out, nil
}

// ReplySupervision records the responsible unit's reply to 督办 id.
func (s *DB) ReplySupervision(ctx context.Context, a model.Actor, id uint, body string) (model.Supervision, error) {
	const op = "store.ReplySupervision"
	body = strings.TrimSpace(body)
	if body == "" {
		return model.Supervision{}, model.E(model.EInvalid, op, "回复内容不能为空")
	}
	return s.step(ctx, a, id, supervisionStep{op: op, action: "reply", body: body, change: func(sv *model.Supervision) error {
		if !awaitingReply(sv.Status) {
			return model.E(model.EConflict, op, "该督办已回复，等待督办人处理")
		}
		sv.Status = model.SupervisionReplied
		return nil
	}})
}

// CloseSupervision ends 督办 id, with an optional remark.
func (s *DB) CloseSupervision(ctx context.Context, a model.Actor, id uint, remark string) (model.Supervision, error) {
	now := s.Now()
	return s.step(ctx, a, id, supervisionStep{op: "store.CloseSupervision", action: "close", body: strings.TrimSpace(remark),
		change: func(sv *model.Supervision) error {
			sv.Status, sv.ClosedAt = model.SupervisionClosed, &now
			return nil
		}})
}

// EscalateSupervision raises the level of 督办 id and sets a new reply
// due date; the unit must answer again.
func (s *DB) EscalateSupervision(ctx context.Context, a model.Actor, id uint, remark string, newDue model.Date) (model.Supervision, error) {
	const op = "store.EscalateSupervision"
	remark = strings.TrimSpace(remark)
	if remark == "" {
		return model.Supervision{}, model.E(model.EInvalid, op, "升级督办必须说明原因")
	}
	if err := s.checkReplyDue(op, newDue); err != nil {
		return model.Supervision{}, err
	}
	if err := model.CheckDate("reply_due", "回复期限", newDue); err != nil {
		return model.Supervision{}, err
	}
	return s.step(ctx, a, id, supervisionStep{op: op, action: "escalate", body: remark, change: func(sv *model.Supervision) error {
		sv.Status, sv.Level, sv.ReplyDue = model.SupervisionEscalated, sv.Level+1, newDue
		return nil
	}})
}

// ListSupervisions returns the 督办 f selects, newest first.
func (s *DB) ListSupervisions(ctx context.Context, f model.SupervisionFilter) ([]model.SupervisionView, error) {
	const op = "store.ListSupervisions"
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = s.Today()
	}
	q := s.conn(ctx).Model(&model.Supervision{}).Joins("Project").Preload("Replies", func(q *gorm.DB) *gorm.DB { return q.Order("id") })
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
		q = q.Where(`"Project".responsible_unit = ?`, f.Unit)
	}
	if f.Overdue {
		q = q.Where("supervisions.status IN ? AND supervisions.reply_due < ?",
			[]string{model.SupervisionOpen, model.SupervisionEscalated}, asOf)
	}
	var svs []model.Supervision
	if err := q.Order("supervisions.id DESC").Find(&svs).Error; err != nil {
		return nil, model.Wrap(op, err)
	}
	views := make([]model.SupervisionView, len(svs))
	for i, sv := range svs {
		v := model.SupervisionView{ID: sv.ID, ProjectID: sv.ProjectID, Reason: sv.Reason, ReplyDue: sv.ReplyDue,
			Status: sv.Status, Level: sv.Level, RaisedBy: sv.RaisedBy, RaisedAt: sv.RaisedAt, ClosedAt: sv.ClosedAt,
			Replies:      make([]model.SupervisionReplyView, len(sv.Replies)),
			ReplyOverdue: awaitingReply(sv.Status) && sv.ReplyDue.Before(asOf)}
		if sv.Project != nil {
			v.ProjectCode, v.ProjectName, v.ResponsibleUnit = sv.Project.Code, sv.Project.Name, sv.Project.ResponsibleUnit
		}
		for j, r := range sv.Replies {
			v.Replies[j] = model.SupervisionReplyView{Author: r.Author, Action: r.Action, Body: r.Body, Time: r.CreatedAt}
			if r.Action == "reply" {
				v.RepliedLate = s.DateOf(r.CreatedAt).After(sv.ReplyDue)
			}
		}
		views[i] = v
	}
	return views, nil
}

// SupervisionByID returns the view of 督办 id, flagged as of today.
func (s *DB) SupervisionByID(ctx context.Context, id uint) (model.SupervisionView, error) {
	views, err := s.ListSupervisions(ctx, model.SupervisionFilter{ID: id})
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
