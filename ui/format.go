package ui

import (
	"html/template"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/yanhe/captrack/alerts"
	"github.com/yanhe/captrack/model"
)

// funcs are the formatting functions every template may call; times show
// in the county's zone.
func funcs(zone *time.Location) template.FuncMap {
	return template.FuncMap{
		"wan":       Wan,
		"wanp":      wanPtr,
		"date":      dateText,
		"plan":      planText,
		"pct":       pctText,
		"time":      func(t time.Time) string { return timeText(t, zone) },
		"sev":       SeverityLabel,
		"kind":      alerts.KindName,
		"role":      RoleLabel,
		"milestone": alerts.MilestoneName,
		"supStatus": supervisionStatusLabel,
		"action":    auditActionLabel,
		"field":     auditFieldLabel,
		"entity":    model.EntityLabel,
		"lamp":      model.LampName,
		"paceLamp":  model.PaceLampName,
		"pair":      func(label string, v any) labelled { return labelled{label, v} },
		"keptIn":    keptIn,
	}
}

// labelled is a value with a label, for a partial template that needs
// both (a 通报's row and its kind).
type labelled struct {
	Label string
	Value any
}

// Wan formats an amount for a 万元 column, exactly and with thousands
// separators, never with six decimals: to two decimals of 万元 when that
// is exact ("5,000.00"), to four (the 元) when the amount is whole 元
// ("1,722.3457"), else in 元 with its unit ("1,234.56 元").
func Wan(m model.Money) string {
	switch {
	case m%(100*model.Yuan) == 0:
		return grouped(m.Wan().StringFixed(2))
	case m%model.Yuan == 0:
		return grouped(m.Wan().StringFixed(4))
	}
	return grouped(m.Yuan().StringFixed(2)) + " 元"
}

// grouped puts thousands separators into the decimal number s.
func grouped(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return sign + b.String()
}

func wanPtr(m *model.Money) string {
	if m == nil {
		return "—"
	}
	return Wan(*m)
}

func dateText(d model.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

func planText(p model.PlanDate) string {
	if p.IsZero() {
		return "—"
	}
	return p.String()
}

// pctText prints a percentage to at most one decimal: "45%", "12.5%".
func pctText(d decimal.NullDecimal) string {
	if !d.Valid {
		return "—"
	}
	return d.Decimal.Round(1).String() + "%"
}

// timeText prints a moment as county staff read it, in the county's zone.
func timeText(t time.Time, zone *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(zone).Format("2006-01-02 15:04")
}

// SeverityLabel is the Chinese name of an alert severity.
func SeverityLabel(sev string) string {
	if name := alerts.SeverityName(sev); name != sev {
		return name + "色"
	}
	return sev
}

// RoleLabel is the Chinese name of a role.
func RoleLabel(role string) string {
	switch role {
	case model.RoleAdmin:
		return "系统管理员"
	case model.RoleSupervisor:
		return "督查人员"
	case model.RoleManager:
		return "项目负责人"
	case model.RoleFinance:
		return "财务人员"
	}
	return role
}

func supervisionStatusLabel(v model.SupervisionView) string {
	return model.SupervisionStatusName(v.Status, v.SignOverdue)
}

func auditActionLabel(action string) string {
	switch action {
	case "create":
		return "新增"
	case "update":
		return "修改"
	case "delete":
		return "删除"
	case "rebaseline":
		return "调整基线"
	case "plan_changed":
		return "计划表变更"
	case "correct":
		return "更正"
	case "reverse":
		return "红字冲销"
	case model.StepRaise:
		return "交办"
	case model.StepSign:
		return "签收"
	case model.StepReply:
		return "反馈"
	case model.StepAccept:
		return "审核通过（办结销号）"
	case model.StepReturn:
		return "退回"
	case model.StepExtension:
		return "申请延期"
	case model.StepExtensionAccept:
		return "同意延期"
	case model.StepExtensionRefuse:
		return "不同意延期"
	case model.StepChase:
		return "催办"
	case model.StepEscalate:
		return "约谈（升级督办）"
	case model.StepClose:
		return "办结"
	case "issue":
		return "印发"
	}
	return action
}

// auditFieldLabel names a field the audit trail records.
func auditFieldLabel(field string) string {
	if strings.HasPrefix(field, "budget:") {
		// budget:YEAR:SOURCE
		parts := strings.SplitN(field, ":", 3)
		if len(parts) == 3 {
			return parts[1] + "年" + parts[2]
		}
	}
	switch field {
	case "actual_date":
		return "实际日期"
	case "forecast_date":
		return "预计日期"
	case "baseline_date":
		return "计划日期"
	case "slip_reason":
		return "延误原因"
	case "doc_no":
		return "文号"
	case "reversed":
		return "冲销凭证"
	case "report_date":
		return "填报日期"
	case "percent":
		return "形象进度"
	case "investment_done_wan":
		return "累计完成投资（万元）"
	case "problems":
		return "存在问题"
	case "amount_wan":
		return "金额（万元）"
	case "date":
		return "日期"
	case "source":
		return "资金来源"
	case "voucher":
		return "凭证号"
	case "note":
		return "备注"
	case "status":
		return "状态"
	case "reply_due":
		return "办理期限"
	case "pending_due":
		return "申请延期至"
	case "chase_count":
		return "催办次数"
	case "escalation":
		return "约谈层级与日期"
	case "assist_units":
		return "协办单位"
	case "taken_at":
		return "拍摄时间"
	case "photo":
		return "照片"
	case "days":
		return "调整日数"
	case "edition":
		return "版次"
	case "level":
		return "督办级别"
	case "code":
		return "项目编号"
	case "name":
		return "名称"
	case "annex":
		return "附件"
	case "category":
		return "类别"
	case "site":
		return "建设地点"
	case "township":
		return "乡镇"
	case "responsible_unit":
		return "责任单位"
	case "content":
		return "建设内容"
	case "planned_start":
		return "计划开工"
	case "planned_finish":
		return "计划完工"
	case "investment_wan":
		return "计划投资（万元）"
	case "floor_area_m2":
		return "建筑面积（平方米）"
	case "land_mu":
		return "占地（亩）"
	case "beds":
		return "床位"
	case "qualifiers":
		return "数值说明"
	case "target":
		return "目标"
	}
	return field
}
