package model

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Text is one kind of text field and its bounds. Every text a user or a
// workbook gives is checked against its field's Text before it is stored,
// by the same rule on SQLite and PostgreSQL, in the API, the web forms
// and imports: at most Max characters, valid UTF-8, and no control
// characters (line breaks only where Lines allows them, NUL nowhere).
type Text struct {
	Field string // the JSON name, reported with the error
	Label string // the Chinese name a message uses
	Max   int    // characters
	Lines bool   // line breaks allowed
}

// Limits, in characters, by kind of text.
const (
	MaxName  = 200  // names of projects, sites, tasks
	MaxNote  = 2000 // notes, problems, reasons, replies, contents
	MaxCode  = 64   // codes, vouchers, document numbers, login names
	MaxUnit  = 100  // responsible units, categories
	MaxShort = 32   // funding sources
)

// The text fields of captrack's values.
var (
	TextCode      = Text{"code", "项目编码", MaxCode, false}
	TextName      = Text{"name", "项目名称", MaxName, false}
	TextCategory  = Text{"category", "类别", MaxUnit, false}
	TextSite      = Text{"site", "建设地点", MaxName, false}
	TextTownship  = Text{"township", "乡镇（街道）", MaxCode, false}
	TextUnit      = Text{"responsible_unit", "责任单位", MaxUnit, false}
	TextContent   = Text{"content", "建设内容及规模", MaxNote, true}
	TextStage     = Text{"name", "节点名称", MaxCode, false}
	TextSlip      = Text{"slip_reason", "延误原因", MaxCode, false}
	TextProblems  = Text{"problems", "存在问题", MaxNote, true}
	TextReason    = Text{"reason", "原因", MaxNote, true}
	TextDocNumber = Text{"doc_number", "批准文号", MaxCode, false}
	TextReply     = Text{"body", "内容", MaxNote, true}
	TextLevel     = Text{"level", "约谈层级", MaxShort, false}
	TextVoucher   = Text{"voucher", "凭证号", MaxCode, false}
	TextSource    = Text{"source", "资金来源", MaxShort, false}
	TextNote      = Text{"note", "备注", MaxNote, true}
	TextUser      = Text{"name", "用户名", MaxCode, false}
	TextUserUnit  = Text{"unit", "责任单位", MaxUnit, false}
	TextTask      = Text{"task", "任务", MaxName, false}
	TextTarget    = Text{"target", "目标值", MaxCode, false}
	TextOrg       = Text{"org", "编制单位", MaxUnit, false}
	TextFundDoc   = Text{"doc_no", "文号", MaxCode, false}
)

// Check returns an EInvalid error naming t when s breaks its bounds.
func (t Text) Check(s string) error {
	const op = "model.Text"
	if !utf8.ValidString(s) {
		return t.invalid(op, "不是有效的 UTF-8 文本")
	}
	n := 0
	for _, r := range s {
		n++
		if r == '\n' || r == '\r' {
			if !t.Lines {
				return t.invalid(op, "不能换行")
			}
			continue
		}
		if unicode.IsControl(r) {
			return t.invalid(op, fmt.Sprintf("含有不允许的控制字符（U+%04X）", r))
		}
	}
	if n > t.Max {
		return t.invalid(op, fmt.Sprintf("过长（%d 个字，最多 %d 个）", n, t.Max))
	}
	return nil
}

func (t Text) invalid(op, problem string) error {
	return &Error{Kind: EInvalid, Op: op, Field: t.Field, Message: t.Label + problem}
}

// Years a plan, actual, report or payment date may fall in.
const (
	MinYear = 1990
	MaxYear = 2100
)

// CheckDate returns an EInvalid error for field when d, if known, falls
// outside MinYear–MaxYear.
func CheckDate(field, label string, d Date) error {
	if d.IsZero() || d.Year >= MinYear && d.Year <= MaxYear {
		return nil
	}
	return &Error{Kind: EInvalid, Op: "model.CheckDate", Field: field,
		Message: fmt.Sprintf("%s（%s）超出范围：年份应在 %d 至 %d 之间", label, d, MinYear, MaxYear)}
}

// CheckNotAfter returns an EInvalid error for field when d, if known,
// lies after today: what is recorded happened by today. The API, the UI
// and imports all check a stored record's dates with it.
func CheckNotAfter(field, label string, d, today Date) error {
	if d.IsZero() || !d.After(today) {
		return nil
	}
	return &Error{Kind: EInvalid, Op: "model.CheckNotAfter", Field: field,
		Message: fmt.Sprintf("%s（%s）不能晚于今天（%s）", label, d, today)}
}

// CheckYear is CheckDate for a year alone.
func CheckYear(field, label string, y int) error {
	if y >= MinYear && y <= MaxYear {
		return nil
	}
	return &Error{Kind: EInvalid, Op: "model.CheckYear", Field: field,
		Message: fmt.Sprintf("%s（%d）超出范围：年份应在 %d 至 %d 之间", label, y, MinYear, MaxYear)}
}

// check is the first error of checks, nil when all pass.
func check(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// FieldOf returns the field an invalid value was reported for, "" when
// err names none.
func FieldOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// MaxListed is the most findings an import's report lists, errors first
// (and the most project rows a dry run lists); the rest are counted
// (ImportResult.Counts) and the report says so (ImportResult.Note).
const MaxListed = 200

// MaxChangesListed is the most changes, and the most new projects, a
// preview lists (about 0.5 MB of a page or a response); the rest are
// counted and the preview says so.
const MaxChangesListed = 2000

// ListedNote says that a list shows only listed of its total entries
// ("全部 N 条，仅列出前 200 条"), "" when it shows them all. The CLI,
// the API and the web preview all use this wording.
func ListedNote(total, listed int, unit string) string {
	if total <= listed {
		return ""
	}
	return fmt.Sprintf("全部 %d %s，仅列出前 %d %s", total, unit, listed, unit)
}
