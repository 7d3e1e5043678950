package model

import (
	"strings"
	"testing"
)

func TestTextCheck(t *testing.T) {
	tests := []struct {
		name  string
		text  Text
		value string
		want  string // "" when valid, else a part of the message
	}{
		{"at the limit", TextName, strings.Repeat("长", MaxName), ""},
		{"over the limit", TextName, strings.Repeat("长", MaxName+1), "项目名称过长（201 个字，最多 200 个）"},
		{"65-character voucher", TextVoucher, strings.Repeat("9", 65), "凭证号过长（65 个字，最多 64 个）"},
		{"NUL in a name", TextUser, "ad\x00min", "用户名含有不允许的控制字符（U+0000）"},
		{"NUL in a note", TextNote, "备\x00注", "备注含有不允许的控制字符（U+0000）"},
		{"line break in a note", TextNote, "第一行\r\n第二行", ""},
		{"line break in a name", TextName, "甲\n乙", "项目名称不能换行"},
		{"tab in a note", TextNote, "a\tb", "控制字符（U+0009）"},
		{"C1 control", TextSource, "县级\u0085配套", "控制字符（U+0085）"},
		{"invalid UTF-8", TextNote, "\xff\xfe", "不是有效的 UTF-8 文本"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.text.Check(tt.value)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("got %v, want valid", err)
			case tt.want != "" && (err == nil || !strings.Contains(Message(err), tt.want)):
				t.Fatalf("got %v, want message containing %q", err, tt.want)
			case err != nil && (Kind(err) != EInvalid || FieldOf(err) != tt.text.Field):
				t.Fatalf("got kind %q field %q, want %q %q", Kind(err), FieldOf(err), EInvalid, tt.text.Field)
			}
		})
	}
}

func TestCheckDate(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want bool
	}{{Date{}, true}, {NewDate(1990, 1, 1), true}, {NewDate(2100, 12, 31), true}, {NewDate(1989, 12, 31), false}, {NewDate(2101, 1, 1), false}, {NewDate(9999, 1, 1), false}} {
		err := CheckDate("actual_date", "实际日期", tt.d)
		if (err == nil) != tt.want {
			t.Errorf("CheckDate(%s): got %v, want valid %v", tt.d, err, tt.want)
		}
		if err != nil && !strings.Contains(Message(err), "年份应在 1990 至 2100 之间") {
			t.Errorf("CheckDate(%s): message %q does not say the range", tt.d, Message(err))
		}
	}
}

func TestValidateRows(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"zero payment", (&PaymentRow{Date: NewDate(2019, 5, 1), Voucher: "1"}).Validate(), "amount_wan"},
		{"payment in 2099 is valid here (the store checks the day)", (&PaymentRow{Date: NewDate(2099, 5, 1), Voucher: "1", Amount: 1}).Validate(), ""},
		{"payment in 9999", (&PaymentRow{Date: NewDate(9999, 5, 1), Voucher: "1", Amount: 1}).Validate(), "date"},
		{"actual start in year 0", (&ProgressRow{ProjectName: "甲", ActualStart: Date{Year: 0, Month: 1, Day: 1}}).Validate(), "actual_start"},
		{"long source", (&BudgetRow{ProjectName: "甲", Year: 2019, Source: strings.Repeat("源", 33)}).Validate(), "source"},
		{"budget year 1949", (&BudgetRow{ProjectName: "甲", Year: 1949, Source: "县级配套"}).Validate(), "year"},
		{"plan date in 2150", (&PlanRow{Project: Project{Name: "甲", PlannedFinish: YearPlan(2150)}}).Validate(), "planned_finish"},
		{"stage name too long", (&PlanRow{Project: Project{Name: "甲"}, Stages: []StagePlan{{Name: strings.Repeat("段", 65), Date: YearPlan(2019)}}}).Validate(), "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FieldOf(tt.err); got != tt.field || (tt.field != "") != (tt.err != nil) {
				t.Fatalf("got %v (field %q), want field %q", tt.err, got, tt.field)
			}
		})
	}
}

// TestCapPreview: a preview lists at most MaxChangesListed changes and new
// projects, the first ones, and counts and notes them all; a short one is
// listed whole with no note.
func TestCapPreview(t *testing.T) {
	preview := func(changes, created int) *ImportResult {
		p := &ImportPreview{}
		for i := range changes {
			p.Changes = append(p.Changes, ImportChange{ProjectCode: "P", Field: "name", New: strings.Repeat("x", i%7), Row: i + 2})
		}
		for i := range created {
			p.NewProjects = append(p.NewProjects, NewProject{Name: "项目", Row: i + 2})
		}
		return &ImportResult{ImportPreview: p}
	}
	r := preview(MaxChangesListed+501, MaxChangesListed+1)
	r.Cap()
	p := r.ImportPreview
	if len(p.Changes) != MaxChangesListed || p.Changes[MaxChangesListed-1].Row != MaxChangesListed+1 || p.ChangesTotal != MaxChangesListed+501 {
		t.Errorf("changes: %d listed (last row %d), total %d", len(p.Changes), p.Changes[len(p.Changes)-1].Row, p.ChangesTotal)
	}
	if want := "全部 2501 处，仅列出前 2000 处"; p.ChangesNote != want {
		t.Errorf("changes note %q, want %q", p.ChangesNote, want)
	}
	if len(p.NewProjects) != MaxChangesListed || p.NewProjectsTotal != MaxChangesListed+1 || p.NewProjectsNote != "全部 2001 个，仅列出前 2000 个" {
		t.Errorf("new projects: %d listed, total %d, note %q", len(p.NewProjects), p.NewProjectsTotal, p.NewProjectsNote)
	}
	r = preview(3, 1)
	r.Cap()
	if p := r.ImportPreview; len(p.Changes) != 3 || p.ChangesTotal != 3 || p.ChangesNote != "" || p.NewProjectsTotal != 1 || p.NewProjectsNote != "" {
		t.Errorf("short preview: %+v", p)
	}
}
