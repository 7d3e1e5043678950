package importer

import (
	"strings"
	"testing"
	"time"

	"github.com/yanhe/captrack/model"
)

func d(y, m, day int) model.Date { return model.NewDate(y, time.Month(m), day) }

func TestParseProgress(t *testing.T) {
	header := []any{"序号", "项目名称", "实际开工时间", "形象进度(%)", "实际完工时间", "累计完成投资（万元）", "存在问题", "预计完工时间"}
	sheet := func(titles []any, extra map[string]int, rows ...[]any) []byte {
		all := [][]any{titles, header}
		return workbook(t, sheetSpec{Name: "6月", Rows: append(all, rows...), Builtin: extra})
	}
	title := []any{"重点项目进度月报（截至2019年6月30日）"}
	cases := []struct {
		name   string
		file   []byte
		opt    Options
		want   []model.ProgressRow
		errors []model.Finding
	}{
		{
			name: "date from the title, percent forms",
			file: sheet(title, map[string]int{"D5": 10},
				[]any{1, "官舟片区养老服务中心", "2019.3.1", "45%", nil, "1,200", "资金未到位", "2020年12月"},
				[]any{2, "洪渡片区养老服务中心", "2019年3月", 45, nil, nil, nil},
				[]any{3, "县光荣院", "2019-06-30", 0.45, "2019.06.30", 1800, nil},
			),
			want: []model.ProgressRow{
				{ProjectName: "官舟片区养老服务中心", ReportDate: d(2019, 6, 30), ActualStart: d(2019, 3, 1), Problems: "资金未到位", Forecast: d(2020, 12, 31)},
				{ProjectName: "洪渡片区养老服务中心", ReportDate: d(2019, 6, 30), ActualStart: d(2019, 3, 31)},
				{ProjectName: "县光荣院", ReportDate: d(2019, 6, 30), ActualStart: d(2019, 6, 30), ActualFinish: d(2019, 6, 30)},
			},
		},
		{
			name: "date from the option, month actual clamped to it",
			file: sheet([]any{"进度月报"}, nil, []any{1, "甲", "2019年6月", "10"}),
			opt:  Options{ReportDate: d(2019, 6, 15)},
			want: []model.ProgressRow{{ProjectName: "甲", ReportDate: d(2019, 6, 15), ActualStart: d(2019, 6, 15)}},
		},
		{
			name:   "no report date",
			file:   sheet([]any{"进度月报"}, nil, []any{1, "甲", "2019.6.1", "10"}),
			errors: []model.Finding{{Row: 2, Message: "缺少填报日期"}},
		},
		{
			name: "impossible values",
			file: sheet(title, nil,
				[]any{1, "甲", "2019.5.1", "120%"},
				[]any{2, "乙", "2019.5.1", 50, "2019.4.1"},
				[]any{3, "丙", "2019.7.1", 10},
				[]any{4, "丁", nil, 10, nil, -5},
				[]any{5, "戊", nil, "-1"},
				[]any{6, nil, nil, 10},
				[]any{"审核：李四", nil, nil, nil, nil, nil, nil, nil},
				[]any{"填报单位：县民政局"},
			),
			errors: []model.Finding{
				{Row: 3, Column: "D", Message: "超出 0–100%"},
				{Row: 4, Column: "E", Message: "早于实际开工时间"},
				{Row: 5, Column: "C", Message: "晚于填报日期"},
				{Row: 6, Column: "F", Message: "不能为负数"},
				{Row: 7, Column: "D", Message: "不能为负数"},
				{Row: 8, Column: "B", Message: "缺少项目名称"},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseBytes(tc.file, tc.opt)
			checkFindings(t, "errors", p.Errors, tc.errors)
			if tc.errors != nil {
				return
			}
			if len(p.Set.Progress) != len(tc.want) {
				t.Fatalf("rows: got %d, want %d", len(p.Set.Progress), len(tc.want))
			}
			for i, w := range tc.want {
				g := p.Set.Progress[i]
				if g.ProjectName != w.ProjectName || g.ReportDate != w.ReportDate || g.ActualStart != w.ActualStart || g.ActualFinish != w.ActualFinish || g.Problems != w.Problems || g.Forecast != w.Forecast {
					t.Errorf("row %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
	p := parseBytes(cases[0].file, Options{})
	for i, want := range []string{"45", "45", "45"} {
		if got := p.Set.Progress[i].Percent; !got.Valid || got.Decimal.String() != want {
			t.Errorf("percent %d: got %v, want %s", i, got, want)
		}
	}
	if got := p.Set.Progress[0].InvestmentDone; got == nil || *got != 1200*model.Wan {
		t.Errorf("investment done: got %v, want 1200万", got)
	}
	if got := p.Set.Progress[1].InvestmentDone; got != nil {
		t.Errorf("blank investment: got %v, want nil", *got)
	}
}

func TestParseLedgerAndBudget(t *testing.T) {
	ledger := func(rows ...[]any) []byte {
		all := [][]any{{"资金拨付台账"}, {"拨付日期", "项目编码", "项目名称", "资金来源", "拨付金额（元）", "凭证号", "备注"}}
		return workbook(t, sheetSpec{Name: "台账", Rows: append(all, rows...)})
	}
	t.Run("ledger", func(t *testing.T) {
		p := parseBytes(ledger(
			[]any{"2019.3.5", "MS-01", "官舟片区养老服务中心", "中央预算内投资", "1,500,000.50", "记-001", "首笔"},
			[]any{"2019年4月5日", nil, "洪渡片区养老服务中心", "县级配套", 200000, "记-002"},
		), Options{})
		checkFindings(t, "errors", p.Errors, nil)
		want := []model.PaymentRow{
			{ProjectCode: "MS-01", ProjectName: "官舟片区养老服务中心", Date: d(2019, 3, 5), Source: "中央预算内投资", Amount: 150000050, Voucher: "记-001", Note: "首笔"},
			{ProjectName: "洪渡片区养老服务中心", Date: d(2019, 4, 5), Source: "县级配套", Amount: 20 * model.Wan, Voucher: "记-002"},
		}
		if len(p.Set.Payments) != len(want) {
			t.Fatalf("payments: got %d, want %d", len(p.Set.Payments), len(want))
		}
		for i, w := range want {
			g := p.Set.Payments[i]
			w.Ref = g.Ref
			if g != w {
				t.Errorf("payment %d: got %+v, want %+v", i, g, w)
			}
		}
		if r := p.Set.Payments[0].Ref; r.Row != 3 || r.ProjectColumn != "C" || r.Sheet != "台账" {
			t.Errorf("ref: got %+v, want row 3 column C", r)
		}
	})
	t.Run("ledger errors", func(t *testing.T) {
		p := parseBytes(ledger(
			[]any{"2019.3.5", nil, "甲", nil, "-100", "记-001"},
			[]any{"上月", nil, "乙", nil, "一百", nil},
			[]any{"2019.3.5", nil, "丙", nil, 100, "记-001"},
			[]any{nil, nil, "丁", nil, nil, "记-009"},
		), Options{})
		checkFindings(t, "errors", p.Errors, []model.Finding{
			{Row: 3, Column: "E", Message: "不能为负数"},
			{Row: 4, Column: "A", Message: "无法识别的日期“上月”"},
			{Row: 4, Column: "E", Message: "不是数字"},
			{Row: 4, Column: "F", Message: "“凭证号”为空"},
			{Row: 6, Column: "A", Message: "为空"},
			{Row: 6, Column: "E", Message: "为空"},
		})
	})
	t.Run("ledger bounds", func(t *testing.T) {
		p := parseBytes(ledger(
			[]any{"2019.3.5", nil, "甲", "县级配套", 100, strings.Repeat("9", 65)},
			[]any{"2019.3.5", nil, "乙", "县级\u0090配套", 100, "记-002"},
			[]any{"2150年1月1日", nil, "丙", "县级配套", 100, "记-003"},
			[]any{"2019.3.5", nil, "丁", "县级配套", 0, "记-004"},
			[]any{"2019.3.5", nil, "戊", "县级配套", 100, "记-005", strings.Repeat("注", 2001)},
		), Options{})
		checkFindings(t, "errors", p.Errors, []model.Finding{
			{Row: 3, Column: "F", Message: "凭证号过长（65 个字，最多 64 个）"},
			{Row: 4, Column: "D", Message: "资金来源含有不允许的控制字符（U+0090）"},
			{Row: 5, Column: "A", Message: "拨付日期（2150-01-01）超出范围：年份应在 1990 至 2100 之间"},
			{Row: 6, Column: "E", Message: "拨付金额必须大于零"},
			{Row: 7, Column: "G", Message: "备注过长（2001 个字，最多 2000 个）"},
		})
	})
	t.Run("ledger without voucher column", func(t *testing.T) {
		p := parseBytes(workbook(t, sheetSpec{Name: "台账", Rows: [][]any{
			{"拨付日期", "项目名称", "金额（元）"},
			{"2019.3.5", "甲", 100},
			{"2019.3.6", "乙", 100},
		}}), Options{})
		checkFindings(t, "errors", p.Errors, []model.Finding{{Row: 1, Message: "表格缺少“凭证号”列"}})
		if len(p.Set.Payments) != 2 || p.Set.Payments[1].Amount != 100*model.Yuan {
			t.Errorf("payments: got %+v, want two of 100 元", p.Set.Payments)
		}
	})
	t.Run("budget", func(t *testing.T) {
		p := parseBytes(workbook(t, sheetSpec{Name: "预算", Rows: [][]any{
			{"项目名称", "年度", "资金来源", "预算金额(万元)"},
			{"甲", "2019年", "省级补助", 300},
			{"甲", 2020, "县级配套", "1,000"},
			{"乙", "明年", "县级配套", nil},
		}}), Options{})
		checkFindings(t, "errors", p.Errors, []model.Finding{
			{Row: 4, Column: "B", Message: "不是年份"},
			{Row: 4, Column: "D", Message: "为空"},
		})
		if len(p.Set.Budgets) != 3 || p.Set.Budgets[1].Year != 2020 || p.Set.Budgets[1].Amount != 1000*model.Wan || p.Set.Budgets[0].Source != "省级补助" {
			t.Errorf("budgets: got %+v", p.Set.Budgets)
		}
	})
}

func TestParseKindFilter(t *testing.T) {
	b := fixture(t)
	for _, tc := range []struct {
		kind       Kind
		plans, ind int
		warnings   int
	}{
		{KindAuto, 56, 10, 0},
		{KindPlan, 56, 10, 0},
		{KindProgress, 0, 0, 3},
	} {
		t.Run(string(tc.kind), func(t *testing.T) {
			p := parseBytes(b, Options{Kind: tc.kind})
			if len(p.Set.Plans) != tc.plans || len(p.Set.Indicators) != tc.ind || len(p.Warnings) != tc.warnings || len(p.Errors) != 0 {
				t.Errorf("got %d plans, %d indicators, warnings %v, errors %v; want %d, %d, %d warnings, no errors",
					len(p.Set.Plans), len(p.Set.Indicators), p.Warnings, p.Errors, tc.plans, tc.ind, tc.warnings)
			}
		})
	}
}
