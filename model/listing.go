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

// changeLabels name the fields an import changes that listedFields does
// not, and the records of a project (the part of ImportChange.Field
// before its dot).
var changeLabels = map[string]string{
	"name": "项目名称", "township": "乡镇", "content": "建设内容",
	"start": "开工节点", "finish": "完工节点", "progress": "进度报告", "payment": "拨付", "fund": "下达或到位资金",
	"baseline_date": "计划日期", "actual_date": "实际日期", "forecast_date": "预计日期",
	"report_date": "填报日期", "percent": "形象进度", "investment_done_wan": "累计完成投资（万元）",
	"problems": "存在问题", "amount_wan": "金额（万元）", "target": "目标", "responsible_unit": "责任单位",
	"photo": "照片",
}

// fieldLabel names a field of a project or of one of its records.
func fieldLabel(field string) string {
	for _, f := range listedFields {
		if f.key == field {
			return f.label
		}
	}
	if l, ok := changeLabels[field]; ok {
		return l
	}
	return field
}

// Label names c's field in Chinese: "计划投资（万元）", "完工节点 预计日期",
// "主体完工 计划日期", "预算 2019年中央预算内投资", "指标 任务 2019年 目标".
func (c ImportChange) Label() string {
	if parts := strings.SplitN(c.Field, ":", 3); len(parts) == 3 && parts[0] == "budget" {
		return "预算 " + parts[1] + "年" + parts[2]
	}
	record, field, ok := strings.Cut(c.Field, ".")
	if !ok {
		return fieldLabel(c.Field)
	}
	if parts := strings.SplitN(record, ":", 3); len(parts) == 3 && parts[0] == "indicator" {
		return "指标 " + parts[1] + " " + parts[2] + "年 " + fieldLabel(field)
	}
	return fieldLabel(record) + " " + fieldLabel(field)
}

// Line is the change as one line of Chinese text: where, the project,
// the field, the old and the new value.
func (c ImportChange) Line() string {
	place := fmt.Sprintf("文件 %s 工作表 %s 第%d行", c.File, c.Sheet, c.Row)
	if c.Column != "" {
		place += fmt.Sprintf(" 第%s列", c.Column)
	}
	project := c.ProjectName
	if c.ProjectCode != "" {
		project += "（" + c.ProjectCode + "）"
	}
	return fmt.Sprintf("%s %s %s：%s → %s", place, project, c.Label(), orEmpty(c.Old), orEmpty(c.New))
}

// orEmpty shows an empty value as （空）.
func orEmpty(v string) string {
	if v == "" {
		return "（空）"
	}
	return v
}
