package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

func TestSupervisionLifecycle(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		other := seedProject(t, db, "后坪乡人民政府")
		sup := model.Actor{User: "sup", Source: "api"}
		mgr := model.Actor{User: "mgr", Source: "api"}

		for _, tc := range []struct {
			name, reason, due string
			project           uint
			kind              string
		}{
			{"no reason", " ", "2024-06-20", sd.project, model.EInvalid},
			{"due in the past", "开工滞后", "2024-06-14", sd.project, model.EInvalid},
			{"unknown project", "开工滞后", "2024-06-20", sd.project + 100, model.ENotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.RaiseSupervision(ctx, sup, tc.project, tc.reason, *datePtr(tc.due))
				if got := model.Kind(err); got != tc.kind {
					t.Errorf("RaiseSupervision error kind = %q (%v), want %q", got, err, tc.kind)
				}
			})
		}
		sv, err := db.RaiseSupervision(ctx, sup, sd.project, "开工滞后，请说明原因", *datePtr("2024-06-20"))
		if err != nil {
			t.Fatalf("RaiseSupervision: %v", err)
		}
		if _, err := db.RaiseSupervision(ctx, sup, other.project, "未报进度", *datePtr("2024-07-01")); err != nil {
			t.Fatal(err)
		}

		list := func(f model.SupervisionFilter) []model.SupervisionView {
			t.Helper()
			vs, err := db.ListSupervisions(ctx, f)
			if err != nil {
				t.Fatalf("ListSupervisions: %v", err)
			}
			return vs
		}
		if vs := list(model.SupervisionFilter{Unit: "县民政局"}); len(vs) != 1 || vs[0].ID != sv.ID || vs[0].ProjectName != "县民政局养老服务中心" {
			t.Errorf("by unit = %+v, want 督办 %d only", vs, sv.ID)
		}
		if vs := list(model.SupervisionFilter{Overdue: true}); len(vs) != 0 {
			t.Errorf("overdue on 2024-06-15 = %d items, want none", len(vs))
		}
		// As of the due date the reply is not late; the day after it is.
		if vs := list(model.SupervisionFilter{ID: sv.ID, AsOf: *datePtr("2024-06-20")}); vs[0].ReplyOverdue {
			t.Error("reply_overdue on its due date, want false")
		}
		late := list(model.SupervisionFilter{Overdue: true, AsOf: *datePtr("2024-06-21")})
		if len(late) != 1 || late[0].ID != sv.ID || !late[0].ReplyOverdue {
			t.Errorf("overdue on 2024-06-21 = %+v, want 督办 %d flagged", late, sv.ID)
		}

		steps := []struct {
			name       string
			do         func() (model.Supervision, error)
			kind       string
			wantStatus string
			wantLevel  int
		}{
			{"empty reply", func() (model.Supervision, error) { return db.ReplySupervision(ctx, mgr, sv.ID, "") }, model.EInvalid, "", 0},
			{"reply", func() (model.Supervision, error) { return db.ReplySupervision(ctx, mgr, sv.ID, "已进场施工") }, "", model.SupervisionReplied, 1},
			{"reply twice", func() (model.Supervision, error) { return db.ReplySupervision(ctx, mgr, sv.ID, "再说一遍") }, model.EConflict, "", 0},
			{"escalate without due", func() (model.Supervision, error) {
				return db.EscalateSupervision(ctx, sup, sv.ID, "回复不实", model.Date{})
			}, model.EInvalid, "", 0},
			{"escalate", func() (model.Supervision, error) {
				return db.EscalateSupervision(ctx, sup, sv.ID, "回复不实", *datePtr("2024-06-25"))
			}, "", model.SupervisionEscalated, 2},
			{"reply again", func() (model.Supervision, error) { return db.ReplySupervision(ctx, mgr, sv.ID, "已整改") }, "", model.SupervisionReplied, 2},
			{"close", func() (model.Supervision, error) { return db.CloseSupervision(ctx, sup, sv.ID, "办结") }, "", model.SupervisionClosed, 2},
			{"reply to closed", func() (model.Supervision, error) { return db.ReplySupervision(ctx, mgr, sv.ID, "迟到") }, model.EConflict, "", 0},
			{"unknown", func() (model.Supervision, error) { return db.CloseSupervision(ctx, sup, sv.ID+100, "") }, model.ENotFound, "", 0},
		}
		for _, tc := range steps {
			t.Run(tc.name, func(t *testing.T) {
				got, err := tc.do()
				if k := model.Kind(err); k != tc.kind {
					t.Fatalf("error kind = %q (%v), want %q", k, err, tc.kind)
				}
				if tc.kind == "" && (got.Status != tc.wantStatus || got.Level != tc.wantLevel) {
					t.Errorf("status, level = %s, %d; want %s, %d", got.Status, got.Level, tc.wantStatus, tc.wantLevel)
				}
			})
		}
		v, err := db.SupervisionByID(ctx, sv.ID)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, r := range v.Replies {
			actions = append(actions, r.Action+":"+r.Body)
		}
		if want := []string{"reply:已进场施工", "escalate:回复不实", "reply:已整改", "close:办结"}; !equal(actions, want) {
			t.Errorf("replies = %q, want %q", actions, want)
		}
		if v.ClosedAt == nil || !v.ClosedAt.Equal(today) || v.ReplyDue.String() != "2024-06-25" || v.ReplyOverdue {
			t.Errorf("closed view = %+v", v)
		}
		es, err := db.ProjectAudit(ctx, sd.project)
		if err != nil {
			t.Fatal(err)
		}
		var audited []string
		for _, e := range es {
			if e.Entity == "supervision" && e.Field == "status" {
				audited = append(audited, e.Action+":"+e.Old+">"+e.New)
			}
		}
		want := []string{"raise:>open", "reply:open>replied", "escalate:replied>escalated", "reply:escalated>replied", "close:replied>closed"}
		if !equal(audited, want) {
			t.Errorf("audited status changes = %q, want %q", audited, want)
		}
	})
}

// An escalated 督办 awaits a reply again: past its new due date it is
// overdue.
func TestEscalatedReplyOverdue(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		a := model.Actor{User: "sup", Source: "api"}
		sv, err := db.RaiseSupervision(ctx, a, sd.project, "开工滞后", *datePtr("2024-06-16"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.EscalateSupervision(ctx, a, sv.ID, "逾期未回复", *datePtr("2024-06-18")); err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return today.AddDate(0, 0, 4) }
		vs, err := db.ListSupervisions(ctx, model.SupervisionFilter{Overdue: true})
		if err != nil || len(vs) != 1 || !vs[0].ReplyOverdue || vs[0].Level != 2 {
			t.Errorf("overdue today+4 = %+v, %v; want the escalated 督办 flagged", vs, err)
		}
	})
}

func TestSupervisionRepliedLate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		sup := model.Actor{User: "sup", Source: "api"}
		mgr := model.Actor{User: "mgr", Source: "api"}
		for _, tc := range []struct {
			name, due string
			replyOn   time.Time
			late      bool
		}{
			// The county's day: 23:00 and 00:30 in Asia/Shanghai.
			{"on the due date", "2024-06-20", time.Date(2024, 6, 20, 15, 0, 0, 0, time.UTC), false},
			{"the day after", "2024-06-20", time.Date(2024, 6, 20, 16, 30, 0, 0, time.UTC), true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				db.Now = func() time.Time { return today }
				sv, err := db.RaiseSupervision(ctx, sup, sd.project, "开工滞后", *datePtr(tc.due))
				if err != nil {
					t.Fatal(err)
				}
				db.Now = func() time.Time { return tc.replyOn }
				if _, err := db.ReplySupervision(ctx, mgr, sv.ID, "已开工"); err != nil {
					t.Fatal(err)
				}
				vs, err := db.ListSupervisions(ctx, model.SupervisionFilter{ID: sv.ID})
				if err != nil || len(vs) != 1 {
					t.Fatalf("ListSupervisions = %v, %v", vs, err)
				}
				if got := vs[0].RepliedLate; got != tc.late {
					t.Errorf("replied_late = %v, want %v", got, tc.late)
				}
				if vs[0].ReplyOverdue {
					t.Error("reply_overdue after a reply, want false")
				}
			})
		}
	})
}
