package importer

import (
	"testing"

	"github.com/yanhe/captrack/model"
)

// TestPlanRowColumns: the cell a preview names for a change is the one
// the row's value came from, also when it is not the header's column for
// that field: a site's own figure (每个…) and the year column marked in
// the row.
func TestPlanRowColumns(t *testing.T) {
	b := workbook(t, sheetSpec{Name: "附件3", Rows: [][]any{
		{"项目名称", "建设地点", "总投资（万元）", "每个投资（万元）", "2017年", "2018年", "2019年"},
		{"农村公益性公墓", "官舟镇、谯家镇", 800, 400, nil, "√"},
		{"洪渡镇农村公益性公墓", "洪渡镇", 400, nil, nil, nil, "√"},
	}})
	p := parseBytes(b, Options{})
	if len(p.Errors) != 0 || len(p.Set.Plans) != 3 {
		t.Fatalf("got errors %v, %d plan rows; want 3", p.Errors, len(p.Set.Plans))
	}
	want := []map[string]string{
		{"investment_wan": "D", "planned_finish": "F", "site": "B"},
		{"investment_wan": "D", "planned_finish": "F", "site": "B"},
		{"investment_wan": "C", "planned_finish": "G", "site": "B"},
	}
	for i, r := range p.Set.Plans {
		for field, col := range want[i] {
			if got := r.Columns[field]; got != col {
				t.Errorf("%s (row %d) %s: column %q, want %q", r.Project.Name, r.Ref.Row, field, got, col)
			}
		}
	}
	if p.Set.Plans[0].Project.Investment == nil || *p.Set.Plans[0].Project.Investment != 400*model.Wan {
		t.Errorf("a site's investment: %v, want 400 万元", p.Set.Plans[0].Project.Investment)
	}
}
