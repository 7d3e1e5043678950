// Package reports writes the Excel workbooks finance and the supervision
// office use: 资金使用进度表 (spend), 滞后项目清单 (delayed) and the annex-
// layout 项目进度表 (progress). Every sheet is written with excelize's
// stream writer, so a report of 100,000 projects stays in flat memory;
// all text from imports or users goes through Inert.
package reports

import (
	"context"
	"io"

	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
)

// Report kinds.
const (
	KindSpend    = "spend"
	KindDelayed  = "delayed"
	KindProgress = "progress"
)

// Title is the Chinese title of a report kind (also the stem of its
// download's file name), "" for an unknown kind.
func Title(kind string) string {
	switch kind {
	case KindSpend:
		return "资金使用进度表"
	case KindDelayed:
		return "滞后项目清单"
	case KindProgress:
		return "项目进度表"
	}
	return ""
}

// Source is what the reports need of storage; *store.DB implements it.
type Source interface {
	alerts.Source
	ReportData(ctx context.Context, asOf model.Date) (model.ReportData, error)
}

// Write writes the report kind as of asOf from db to w. It is what the
// CLI, the API and the UI call.
func Write(ctx context.Context, w io.Writer, db Source, kind string, asOf model.Date) error {
	const op = "reports.Write"
	if Title(kind) == "" {
		return model.Errorf(model.EInvalid, op, "未知报表类型 %q（可选 spend、delayed、progress）", kind)
	}
	if asOf.IsZero() {
		return model.E(model.EInvalid, op, "未指定截至日期")
	}
	data, err := db.ReportData(ctx, asOf)
	if err != nil {
		return err
	}
	switch kind {
	case KindSpend:
		return Spend(w, data)
	case KindProgress:
		return Progress(w, data)
	}
	as, err := alerts.List(ctx, db, asOf, alerts.DefaultConfig())
	if err != nil {
		return err
	}
	return Delayed(w, DelayedRows(as, data), imprintOf(data))
}
