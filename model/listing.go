package model

import (
	"fmt"
	"strings"
)

// ProjectRead is what a dry run shows of one project row, so that a clerk
// can check it before applying: the values read, each with the cell it
// came from.
type ProjectRead struct {
	File   string               `json:"file"`
	Sheet  string               `json:"sheet"`
	Row    int                  `json:"row"`
	Name   string               `json:"name"`
	Fields map[string]FieldRead `json:"fields"`
}

// FieldRead is one value of a project row and its cell (G10); Cell is ""
// for a value no single cell gave (a category from a group row).
type FieldRead struct {
	Value string `json:"value"`
	Cell  string `json:"cell"`
}

// listedFields are the fields a listing shows, in order, with their
// Chinese labels.
var listedFields = []struct{ key, label string }{
	{"code", "项目编号"}, {"category", "项目类别"}, {"site", "建设地点"}, {"responsible_unit", "责任单位"},
	{"planned_start", "计划开工"}, {"planned_finish", "计划完工"}, {"investment_wan", "计划投资（万元）"},
	{"floor_area_m2", "建筑面积（平方米）"}, {"land_mu", "占地（亩）"}, {"beds", "床位"}, {"qualifiers", "数值说明"},
}

// Line is the listing as one line of Chinese text: the row, the name,
// and each value read with its cell.
func (r ProjectRead) Line() string {
	var parts []string
	for _, f := range listedFields {
		v, ok := r.Fields[f.key]
		if !ok {
			continue
		}
		if v.Cell != "" {
			parts = append(parts, fmt.Sprintf("%s %s（%s）", f.label, v.Value, v.Cell))
		} else {
			parts = append(parts, fmt.Sprintf("%s %s", f.label, v.Value))
		}
	}
	return fmt.Sprintf("文件 %s 工作表 %s 第%d行 %s：%s", r.File, r.Sheet, r.Row, r.Name, strings.Join(parts, "，"))
}
