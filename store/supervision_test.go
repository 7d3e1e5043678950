package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// raise opens one 督办 on project due by the date due (or in n working
// days when due is "").
func raise(t *testing.T, db *store.DB, project uint, due string, n int, assist ...string) model.Supervision {
	t.Helper()
	d := model.Deadline{WorkingDays: n}
	if due != "" {
		d.Date = *datePtr(due)
	}
	svs, err := db.RaiseSupervisions(context.Background(), model.Actor{User: "sup", Source: "api"},
		model.SupervisionRaise{ProjectIDs: []uint{project}, Reason: "开工滞后，请说明原因", AssistUnits: assist, Due: d})
	if err != nil || len(svs) != 1 {
		t.Fatalf("RaiseSupervisions = %v, %v", svs, err)
	}
	return svs[0]
}

func view(t *testing.T, db *store.DB, id uint, asOf string) model.SupervisionView {
	t.Helper()
	f := model.SupervisionFilter{ID: id}
	if asOf != "" {
		f.AsOf = *datePtr(asOf)
	}
	vs, _, err := db.ListSupervisions(context.Background(), f)
	if err != nil || len(vs) != 1 {
		t.Fatalf("ListSupervisions(%d) = %v, %v", id, vs, err)
	}
	return vs[0]
}

func TestRaiseSupervisionRefuses(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		sup := model.Actor{User: "sup", Source: "api"}
		for _, tc := range []struct {
			name string
			r    model.SupervisionRaise
			kind string
		}{
			{"no matter", model.SupervisionRaise{ProjectIDs: []uint{sd.project}, Reason: " ", Due: model.Deadline{WorkingDays: 5}}, model.EInvalid},
			{"no project", model.SupervisionRaise{Reason: "滞后", Due: model.Deadline{WorkingDays: 5}}, model.EInvalid},
			{"no deadline", model.SupervisionRaise{ProjectIDs: []uint{sd.project}, Reason: "滞后"}, model.EInvalid},
			{"past deadline", model.SupervisionRaise{ProjectIDs: []uint{sd.project}, Reason: "滞后", Due: model.Deadline{Date: *datePtr("2024-06-14")}}, model.EInvalid},
			{"both deadlines", model.SupervisionRaise{ProjectIDs: []uint{sd.project}, Reason: "滞后", Due: model.Deadline{Date: *datePtr("2024-06-20"), WorkingDays: 3}}, model.EInvalid},
			{"too many working days", model.SupervisionRaise{ProjectIDs: []uint{sd.project}, Reason: "滞后", Due: model.Deadline{WorkingDays: 1000}}, model.EInvalid},
			{"bad assisting unit", model.SupervisionRaise{ProjectIDs: []uint{sd.project}, Reason: "滞后", AssistUnits: []string{"a\nb"}, Due: model.Deadline{WorkingDays: 3}}, model.EInvalid},
			// One unknown project of two: neither is raised.
			{"unknown project", model.SupervisionRaise{ProjectIDs: []uint{sd.project, sd.project + 100}, Reason: "滞后", Due: model.Deadline{WorkingDays: 3}}, model.ENotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := db.RaiseSupervisions(ctx, sup, tc.r)
				if got := model.Kind(err); got != tc.kind {
					t.Errorf("error kind = %q (%v), want %q", got, err, tc.kind)
				}
			})
		}
		if vs, total, err := db.ListSupervisions(ctx, model.SupervisionFilter{}); err != nil || total != 0 || len(vs) != 0 {
			t.Errorf("after refusals: %d 督办 (%v), want none", total, err)
		}
	})
}

// The whole cycle: 交办 → 签收 → 延期申请 (approved) → 反馈 → 退回 →
// 延期申请 (refused) → 催办 → 约谈 → 反馈 → 办结, each step audited.
func TestSupervisionCycle(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		sup := model.Actor{User: "sup", Source: "api"}
		mgr := model.Actor{User: "mgr", Source: "api"}
		// Raised on Saturday 2024-06-15: signed for by Monday 06-17, due
		// five working days on, Friday 06-21.
		sv := raise(t, db, sd.project, "", 5, "县财政局", "官舟镇人民政府")
		v := view(t, db, sv.ID, "")
		if v.Status != model.SupervisionUnsigned || v.Due.String() != "2024-06-21" || v.OriginalDue.String() != "2024-06-21" ||
			v.SignDue.String() != "2024-06-17" || len(v.AssistUnits) != 2 || v.Version != 1 {
			t.Fatalf("raised = %+v", v)
		}
		if v := view(t, db, sv.ID, "2024-06-18"); !v.SignOverdue || !v.Overdue || v.WorkingDaysOverdue != 1 || v.ReplyOverdue {
			t.Errorf("unsigned on 06-18: sign_overdue %v overdue %v working days %d, want 未签收 by 1 working day", v.SignOverdue, v.Overdue, v.WorkingDaysOverdue)
		}
		if v := view(t, db, sv.ID, "2024-06-17"); v.Overdue {
			t.Error("overdue on its sign-off deadline, want not yet")
		}

		step := func(a model.Actor, action string, req model.SupervisionStep) (model.Supervision, error) {
			return db.StepSupervision(ctx, a, sv.ID, action, req)
		}
		due := func(s string) model.Deadline { return model.Deadline{Date: *datePtr(s)} }
		for _, tc := range []struct {
			name, action string
			a            model.Actor
			req          model.SupervisionStep
			kind         string
			status, due  string
		}{
			{"reply before signing", model.StepReply, mgr, model.SupervisionStep{Body: "已开工"}, model.EConflict, "", ""},
			{"accept before reply", model.StepAccept, sup, model.SupervisionStep{}, model.EConflict, "", ""},
			{"sign at a stale version", model.StepSign, mgr, model.SupervisionStep{Version: 7}, model.EConflict, "", ""},
			{"sign", model.StepSign, mgr, model.SupervisionStep{Version: 1}, "", model.SupervisionInProgress, "2024-06-21"},
			{"sign twice", model.StepSign, mgr, model.SupervisionStep{}, model.EConflict, "", ""},
			{"extension without reason", model.StepExtension, mgr, model.SupervisionStep{Due: due("2024-06-28")}, model.EInvalid, "", ""},
			{"extension not later", model.StepExtension, mgr, model.SupervisionStep{Body: "用地", Due: due("2024-06-20")}, model.EInvalid, "", ""},
			{"approve without request", model.StepExtensionAccept, sup, model.SupervisionStep{}, model.EConflict, "", ""},
			{"extension", model.StepExtension, mgr, model.SupervisionStep{Body: "用地手续未完成", Due: due("2024-06-28")}, "", model.SupervisionInProgress, "2024-06-21"},
			{"second extension", model.StepExtension, mgr, model.SupervisionStep{Body: "再延", Due: due("2024-06-30")}, model.EConflict, "", ""},
			{"approve", model.StepExtensionAccept, sup, model.SupervisionStep{}, "", model.SupervisionInProgress, "2024-06-28"},
			{"empty reply", model.StepReply, mgr, model.SupervisionStep{Body: " "}, model.EInvalid, "", ""},
			{"reply", model.StepReply, mgr, model.SupervisionStep{Body: "已进场施工"}, "", model.SupervisionReview, "2024-06-28"},
			{"return without reason", model.StepReturn, sup, model.SupervisionStep{Due: due("2024-07-05")}, model.EInvalid, "", ""},
			{"return without deadline", model.StepReturn, sup, model.SupervisionStep{Body: "未附照片"}, model.EInvalid, "", ""},
			{"return", model.StepReturn, sup, model.SupervisionStep{Body: "未附照片", Due: model.Deadline{WorkingDays: 3}}, "", model.SupervisionInProgress, "2024-06-19"},
			{"extension again", model.StepExtension, mgr, model.SupervisionStep{Body: "雨季", Due: due("2024-07-10")}, "", model.SupervisionInProgress, "2024-06-19"},
			{"refuse without reason", model.StepExtensionRefuse, sup, model.SupervisionStep{}, model.EInvalid, "", ""},
			{"refuse", model.StepExtensionRefuse, sup, model.SupervisionStep{Body: "理由不充分"}, "", model.SupervisionInProgress, "2024-06-19"},
			{"chase", model.StepChase, sup, model.SupervisionStep{Body: "请抓紧"}, "", model.SupervisionInProgress, "2024-06-19"},
			{"chase again", model.StepChase, sup, model.SupervisionStep{}, "", model.SupervisionInProgress, "2024-06-19"},
			{"escalate without level", model.StepEscalate, sup, model.SupervisionStep{Body: "约谈"}, model.EInvalid, "", ""},
			{"escalate", model.StepEscalate, sup, model.SupervisionStep{Body: "约谈局长", Level: "分管县领导", Date: *datePtr("2024-06-18")}, "", model.SupervisionInProgress, "2024-06-19"},
			{"reply again", model.StepReply, mgr, model.SupervisionStep{Body: "已补照片"}, "", model.SupervisionReview, "2024-06-19"},
			{"accept", model.StepAccept, sup, model.SupervisionStep{Body: "办结销号"}, "", model.SupervisionClosed, "2024-06-19"},
			{"chase closed", model.StepChase, sup, model.SupervisionStep{}, model.EConflict, "", ""},
			{"unknown step", "delete", sup, model.SupervisionStep{}, model.EInvalid, "", ""},
		} {
			// Steps of one story, each needing the ones before: not subtests.
			got, err := step(tc.a, tc.action, tc.req)
			if k := model.Kind(err); k != tc.kind {
				t.Fatalf("%s: error kind = %q (%v), want %q", tc.name, k, err, tc.kind)
			}
			if tc.kind == "" && (got.Status != tc.status || got.ReplyDue.String() != tc.due) {
				t.Fatalf("%s: status, due = %s, %s; want %s, %s", tc.name, got.Status, got.ReplyDue, tc.status, tc.due)
			}
		}
		v = view(t, db, sv.ID, "")
		if v.ClosedAt == nil || v.ChaseCount != 2 || v.Level != 2 || v.OriginalDue.String() != "2024-06-21" ||
			v.SignedBy != "mgr" || v.SignedAt == nil || v.PendingExtension != nil || v.Overdue || v.Version != 13 {
			t.Errorf("closed view = %+v", v)
		}
		var steps []string
		for _, s := range v.Steps {
			steps = append(steps, s.Action+":"+s.Author+":"+s.Body+":"+s.Due.String()+":"+s.Level)
		}
		want := []string{
			"raise:sup:开工滞后，请说明原因:2024-06-21:", "sign:mgr:::", "extension:mgr:用地手续未完成:2024-06-28:",
			"extension_grant:sup::2024-06-28:", "reply:mgr:已进场施工::", "return:sup:未附照片:2024-06-19:",
			"extension:mgr:雨季:2024-07-10:", "extension_refuse:sup:理由不充分::", "chase:sup:请抓紧::", "chase:sup:::",
			"escalate:sup:约谈局长::分管县领导", "reply:mgr:已补照片::", "accept:sup:办结销号::",
		}
		if !equal(steps, want) {
			t.Errorf("steps =\n%q\nwant\n%q", steps, want)
		}
		es, err := db.ProjectAudit(ctx, sd.project)
		if err != nil {
			t.Fatal(err)
		}
		var audited []string
		for _, e := range es {
			if e.Entity == "supervision" && (e.Field == "status" || e.Field == "reply_due") {
				audited = append(audited, e.Action+":"+e.Field+":"+e.Old+">"+e.New)
			}
		}
		wantAudit := []string{"raise:status:>unsigned", "raise:reply_due:>2024-06-21", "sign:status:unsigned>in_progress",
			"extension_grant:reply_due:2024-06-21>2024-06-28", "reply:status:in_progress>review",
			"return:status:review>in_progress", "return:reply_due:2024-06-28>2024-06-19",
			"reply:status:in_progress>review", "accept:status:review>closed"}
		if !equal(audited, wantAudit) {
			t.Errorf("audited =\n%q\nwant\n%q", audited, wantAudit)
		}
	})
}

// Working-day deadlines across the 2026 National Day and Spring
// Festival, and overdue counted in working days.
func TestSupervisionWorkingDays(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		mgr := model.Actor{User: "mgr", Source: "api"}
		db.Now = func() time.Time { return time.Date(2026, 9, 30, 9, 0, 0, 0, time.UTC) }
		sv := raise(t, db, sd.project, "", 5)
		v := view(t, db, sv.ID, "")
		if v.Due.String() != "2026-10-13" || v.SignDue.String() != "2026-10-08" {
			t.Errorf("raised 2026-09-30 + 5 working days: due %s, sign by %s; want 2026-10-13, 2026-10-08", v.Due, v.SignDue)
		}
		if _, err := db.StepSupervision(ctx, mgr, sv.ID, model.StepSign, model.SupervisionStep{}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			asOf string
			days int
		}{{"2026-10-13", 0}, {"2026-10-14", 1}, {"2026-10-19", 4}} {
			v := view(t, db, sv.ID, tc.asOf)
			if v.Overdue != (tc.days > 0) || v.WorkingDaysOverdue != tc.days {
				t.Errorf("as of %s: overdue %v by %d working days, want %d", tc.asOf, v.Overdue, v.WorkingDaysOverdue, tc.days)
			}
		}
		db.Now = func() time.Time { return time.Date(2026, 2, 13, 9, 0, 0, 0, time.UTC) }
		sv = raise(t, db, sd.project, "", 2)
		if v := view(t, db, sv.ID, ""); v.Due.String() != "2026-02-24" || v.SignDue.String() != "2026-02-14" {
			t.Errorf("raised 2026-02-13 + 2 working days: due %s, sign by %s; want 2026-02-24, 2026-02-14", v.Due, v.SignDue)
		}
		if v := view(t, db, sv.ID, "2026-02-23"); !v.SignOverdue || v.WorkingDaysOverdue != 0 {
			t.Errorf("as of 2026-02-23: sign overdue %v by %d working days, want true by 0 (a holiday)", v.SignOverdue, v.WorkingDaysOverdue)
		}
		// A deadline in 2027, a year with no calendar yet, is flagged.
		db.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
		sv = raise(t, db, sd.project, "2027-01-15", 0)
		if v := view(t, db, sv.ID, ""); !v.DueUncovered {
			t.Error("due_uncovered = false for a 2027 deadline without 2027 data")
		}
		if got, err := db.UncoveredDeadlines(ctx); err != nil || len(got) != 1 || got[2027] != 1 {
			t.Errorf("UncoveredDeadlines = %v, %v; want 2027: 1", got, err)
		}
		if _, err := db.ImportCalendarYear(ctx, model.Actor{User: "admin", Source: "cli"}, "2027.json",
			[]byte(`{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}`)); err != nil {
			t.Fatal(err)
		}
		if v := view(t, db, sv.ID, ""); v.DueUncovered {
			t.Error("due_uncovered after importing 2027")
		}
		if got, err := db.UncoveredDeadlines(ctx); err != nil || len(got) != 0 {
			t.Errorf("UncoveredDeadlines after importing 2027 = %v, %v; want none", got, err)
		}
		if got, err := db.CalendarImports(ctx); err != nil || len(got) != 1 || got[0].Year != 2027 || got[0].ImportedBy != "admin" || got[0].Data != "" {
			t.Errorf("CalendarImports = %+v, %v; want 2027 by admin, without its data", got, err)
		}
	})
}

func TestSupervisionLists(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		other := seedProject(t, db, "后坪乡人民政府")
		a := raise(t, db, sd.project, "2024-06-20", 0)
		b := raise(t, db, other.project, "2024-07-01", 0, "县民政局")
		c := raise(t, db, other.project, "2024-07-01", 0, "县民政局_x")
		if _, err := db.StepSupervision(ctx, model.Actor{User: "m"}, c.ID, model.StepSign, model.SupervisionStep{}); err != nil {
			t.Fatal(err)
		}
		ids := func(f model.SupervisionFilter) []uint {
			t.Helper()
			vs, total, err := db.ListSupervisions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []uint
			for _, v := range vs {
				out = append(out, v.ID)
			}
			if f.Limit == 0 && int(total) != len(out) {
				t.Errorf("total = %d, items %d", total, len(out))
			}
			return out
		}
		for _, tc := range []struct {
			name string
			f    model.SupervisionFilter
			want []uint
		}{
			{"lead or assisting unit", model.SupervisionFilter{Unit: "县民政局"}, []uint{b.ID, a.ID}},
			{"unit with a LIKE wildcard", model.SupervisionFilter{Unit: "县民政局_x"}, []uint{c.ID}},
			{"status", model.SupervisionFilter{Status: model.SupervisionInProgress}, []uint{c.ID}},
			{"supervisor", model.SupervisionFilter{Supervisor: "sup"}, []uint{c.ID, b.ID, a.ID}},
			{"nobody's", model.SupervisionFilter{Supervisor: "x"}, nil},
			{"overdue 06-18: unsigned", model.SupervisionFilter{Overdue: true, AsOf: *datePtr("2024-06-18")}, []uint{b.ID, a.ID}},
			{"overdue 07-02", model.SupervisionFilter{Overdue: true, AsOf: *datePtr("2024-07-02")}, []uint{c.ID, b.ID, a.ID}},
			{"page 2", model.SupervisionFilter{Limit: 2, Offset: 2}, []uint{a.ID}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if got := ids(tc.f); !slices.Equal(got, tc.want) {
					t.Errorf("ids = %v, want %v", got, tc.want)
				}
			})
		}
		// The filters' options: every lead and assisting unit, and every
		// supervisor, once each.
		units, supervisors, err := db.SupervisionFilterOptions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"县民政局", "县民政局_x", "后坪乡人民政府"}; !slices.Equal(units, want) {
			t.Errorf("units = %q, want %q", units, want)
		}
		if want := []string{"sup"}; !slices.Equal(supervisors, want) {
			t.Errorf("supervisors = %q, want %q", supervisors, want)
		}
	})
}

func TestSupervisionRepliedLate(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
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
				sv := raise(t, db, sd.project, tc.due, 0)
				db.Now = func() time.Time { return tc.replyOn }
				for _, action := range []string{model.StepSign, model.StepReply} {
					if _, err := db.StepSupervision(ctx, mgr, sv.ID, action, model.SupervisionStep{Body: "已开工"}); err != nil {
						t.Fatal(err)
					}
				}
				v := view(t, db, sv.ID, "")
				if v.RepliedLate != tc.late || v.ReplyOverdue {
					t.Errorf("replied_late, reply_overdue = %v, %v; want %v, false", v.RepliedLate, v.ReplyOverdue, tc.late)
				}
			})
		}
	})
}

// As of an earlier day a 督办 is what its steps by then made it.
func TestSupervisionAsOf(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		sd := seedProject(t, db, "县民政局")
		at := func(day int) { db.Now = func() time.Time { return time.Date(2026, 11, day, 2, 0, 0, 0, time.UTC) } }
		at(2)
		sv := raise(t, db, sd.project, "2026-11-20", 0)
		for _, s := range []struct {
			day    int
			action string
			body   string
		}{{3, model.StepSign, ""}, {5, model.StepReply, "已开工"}, {6, model.StepReturn, "未附照片"}, {10, model.StepReply, "已补"}, {12, model.StepAccept, ""}} {
			at(s.day)
			if _, err := db.StepSupervision(ctx, model.Actor{User: "u"}, sv.ID, s.action, model.SupervisionStep{Body: s.body, Due: model.Deadline{Date: *datePtr("2026-11-27")}}); err != nil {
				t.Fatal(err)
			}
		}
		at(30)
		for _, tc := range []struct {
			asOf, status, due string
			steps             int
		}{
			{"2026-11-02", model.SupervisionUnsigned, "2026-11-20", 1},
			{"2026-11-04", model.SupervisionInProgress, "2026-11-20", 2},
			{"2026-11-05", model.SupervisionReview, "2026-11-20", 3},
			{"2026-11-07", model.SupervisionInProgress, "2026-11-27", 4},
			{"2026-11-12", model.SupervisionClosed, "2026-11-27", 6},
		} {
			v := view(t, db, sv.ID, tc.asOf)
			if v.Status != tc.status || v.Due.String() != tc.due || len(v.Steps) != tc.steps {
				t.Errorf("as of %s: %s due %s with %d steps, want %s due %s with %d", tc.asOf, v.Status, v.Due, len(v.Steps), tc.status, tc.due, tc.steps)
			}
		}
		vs, total, err := db.ListSupervisions(ctx, model.SupervisionFilter{AsOf: *datePtr("2026-11-01")})
		if err != nil || total != 0 || len(vs) != 0 {
			t.Errorf("as of the day before raising: %d (%v), want none", total, err)
		}
		vs, total, err = db.ListSupervisions(ctx, model.SupervisionFilter{AsOf: *datePtr("2026-11-07"), Status: model.SupervisionInProgress})
		if err != nil || total != 1 || len(vs) != 1 {
			t.Errorf("in progress as of 11-07: %d (%v), want 1", total, err)
		}
	})
}
