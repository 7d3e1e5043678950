package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/yanhe/captrack/api"
	"github.com/yanhe/captrack/internal/apitest"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
	"github.com/yanhe/captrack/store/storetest"
)

// POST /imports/:id/revert: admins only (403 otherwise); a batch is
// reverted once (the second time 409), its created project gone; a batch
// whose records were edited since is refused with 409 and the edit in
// "conflicts"; an unknown batch is 404.
func TestRevertImportAPI(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		f := apitest.New(t, db, api.Options{})
		ctx := context.Background()
		res, err := db.ApplyImport(ctx, &model.ImportSet{Plans: []model.PlanRow{
			{Ref: model.Ref{File: "more.xlsx", Sheet: "附件1", Row: 5}, Project: model.Project{Code: "A1-003", Name: "县殡仪馆", Annex: 1,
				ResponsibleUnit: apitest.Civil, PlannedStart: model.MonthPlan(2024, 3), PlannedFinish: model.MonthPlan(2025, 6)}},
		}}, model.ApplyOptions{Actor: model.Actor{User: "admin"}, Kind: "plan", Files: []string{"more.xlsx"}})
		if err != nil || res.Created != 1 {
			t.Fatalf("import: %+v %v", res, err)
		}
		for _, user := range []string{"sup", "fin", "mgr"} {
			if w := f.Do("POST", "/api/v1/imports/2/revert", user, nil); w.Code != http.StatusForbidden {
				t.Errorf("%s: got %d, want 403", user, w.Code)
			}
		}
		w := f.Do("POST", "/api/v1/imports/2/revert", "admin", nil)
		var done struct{ Batch, Restored, Deleted, Projects int }
		apitest.DecodeJSON(t, w, &done)
		if w.Code != http.StatusOK || done.Batch != 2 || done.Projects != 1 || done.Deleted != 1 {
			t.Errorf("revert: got %d %+v, want 200 and 1 project deleted", w.Code, done)
		}
		if ps, _, err := db.ListProjects(ctx, model.ProjectFilter{}); err != nil || len(ps) != 2 {
			t.Errorf("projects after the revert: got %d (%v), want the fixture's 2", len(ps), err)
		}
		var refusal struct {
			Error     string
			Code      string
			Conflicts []model.RevertConflict
		}
		w = f.Do("POST", "/api/v1/imports/2/revert", "admin", nil)
		apitest.DecodeJSON(t, w, &refusal)
		if w.Code != http.StatusConflict || refusal.Error == "" || len(refusal.Conflicts) != 0 {
			t.Errorf("second revert: got %d %+v, want 409", w.Code, refusal)
		}

		// The fixture's own batch, after a manager's edit.
		w = f.Do("PATCH", fmt.Sprintf("/api/v1/milestones/%d", f.Finish[apitest.Civil]), "mgr", map[string]any{"forecast_date": "2025-09-30", "version": f.Version(f.Finish[apitest.Civil])})
		if w.Code != http.StatusOK {
			t.Fatalf("edit: %d %s", w.Code, w.Body)
		}
		w = f.Do("POST", "/api/v1/imports/1/revert", "admin", nil)
		apitest.DecodeJSON(t, w, &refusal)
		if w.Code != http.StatusConflict || refusal.Code != model.CodeRevertConflict || len(refusal.Conflicts) != 1 {
			t.Fatalf("revert after an edit: got %d %s, want 409 with one conflict", w.Code, w.Body)
		}
		if c := refusal.Conflicts[0]; c.ProjectCode != "A1-001" || c.Field != "forecast_date" || c.User != "mgr" || c.Batch != 0 {
			t.Errorf("conflict: got %+v, want mgr's forecast of A1-001", c)
		}
		if w := f.Do("POST", "/api/v1/imports/99/revert", "admin", nil); w.Code != http.StatusNotFound {
			t.Errorf("unknown batch: got %d, want 404", w.Code)
		}
	})
}
