package importer

import (
	"slices"
	"testing"
)

// TestClearMarker: a plan cell holding 无 asks to clear the stored value
// (the row's Cleared names the field); an empty cell names nothing.
func TestClearMarker(t *testing.T) {
	b := workbook(t, sheetSpec{Name: "附件1", Rows: [][]any{
		{"项目名称", "类别", "建设地点", "总投资（万元）", "责任单位"},
		{"官舟片区养老服务中心", "无", "无", "无", "县民政局"},
		{"洪渡片区养老服务中心", "", "洪渡镇", "", "县民政局"},
	}})
	p := parseBytes(b, Options{})
	if len(p.Errors) > 0 {
		t.Fatalf("errors: %+v", p.Errors)
	}
	rows := byName(p.Set.Plans)
	got := rows["官舟片区养老服务中心"]
	if want := []string{"category", "site", "township", "investment_wan"}; !slices.Equal(got.Cleared, want) {
		t.Errorf("cleared: got %v, want %v", got.Cleared, want)
	}
	if got.Project.Category != "" || got.Project.Site != "" || got.Project.Investment != nil {
		t.Errorf("a cleared value is empty: got %+v", got.Project)
	}
	if c := rows["洪渡片区养老服务中心"].Cleared; len(c) != 0 {
		t.Errorf("empty cells clear nothing: got %v", c)
	}
}
