package importer

import (
	"testing"

	"github.com/yanhe/captrack/model"
)

// A ledger's allocations (下达) and receipts (到位): from a combined
// sheet whose columns say 下达 and 到位 beside the payments, and from
// sheets named 资金下达 and 资金到位 with plain 金额 and 日期 columns; the
// header's unit applies (元 here), amounts are exact to the fen.
func TestParseFunds(t *testing.T) {
	p := parseBytes(workbook(t,
		sheetSpec{Name: "资金台账", Rows: [][]any{
			{"项目名称", "资金来源", "下达金额（元）", "下达文号", "下达日期", "到位金额（元）", "到位日期", "拨付金额（元）", "拨付日期", "凭证号"},
			{"甲", "省级补助", "1,000,000.01", "黔财社〔2019〕8号", "2019.3.1", 600000, "2019.3.20", 200000, "2019.4.1", "记-001"},
			{"乙", "县级配套", nil, nil, nil, 50000, "2019.5.1", nil, nil, nil},
		}},
		sheetSpec{Name: "资金下达", Rows: [][]any{
			{"项目名称", "资金来源", "金额（万元）", "文号", "日期"},
			{"丙", "福彩公益金", 12.3456, "沿财〔2019〕2号", "2019-06-30"},
		}},
		sheetSpec{Name: "资金到位", Rows: [][]any{
			{"项目名称", "资金来源", "金额（万元）", "日期"},
			{"丙", "福彩公益金", 10, "2019年7月5日"},
		}},
	), Options{})
	checkFindings(t, "errors", p.Errors, nil)
	want := []model.FundRow{
		{ProjectName: "甲", Kind: model.FundAllocated, Source: "省级补助", Amount: 100000001, DocNo: "黔财社〔2019〕8号", Date: model.NewDate(2019, 3, 1)},
		{ProjectName: "甲", Kind: model.FundReceived, Source: "省级补助", Amount: 600000 * model.Yuan, Date: model.NewDate(2019, 3, 20)},
		{ProjectName: "乙", Kind: model.FundReceived, Source: "县级配套", Amount: 50000 * model.Yuan, Date: model.NewDate(2019, 5, 1)},
		{ProjectName: "丙", Kind: model.FundAllocated, Source: "福彩公益金", Amount: 123456 * model.Yuan, DocNo: "沿财〔2019〕2号", Date: model.NewDate(2019, 6, 30)},
		{ProjectName: "丙", Kind: model.FundReceived, Source: "福彩公益金", Amount: 10 * model.Wan, Date: model.NewDate(2019, 7, 5)},
	}
	if len(p.Set.Funds) != len(want) {
		t.Fatalf("funds: got %+v, want %d", p.Set.Funds, len(want))
	}
	for i, w := range want {
		g := p.Set.Funds[i]
		w.Ref = g.Ref
		if g != w {
			t.Errorf("fund %d: got %+v, want %+v", i, g, w)
		}
	}
	if len(p.Set.Payments) != 1 || p.Set.Payments[0].Amount != 200000*model.Yuan || p.Set.Payments[0].Voucher != "记-001" {
		t.Errorf("payments: got %+v, want the one of 记-001 (乙's row holds a receipt only)", p.Set.Payments)
	}
	if r := p.Set.Funds[3].Ref; r.Sheet != "资金下达" || r.Row != 2 || r.ProjectColumn != "A" {
		t.Errorf("ref: got %+v, want 资金下达 row 2 column A", r)
	}
}

// Bad fund cells are named at their cell; nothing is taken from a sheet
// with errors.
func TestParseFundErrors(t *testing.T) {
	p := parseBytes(workbook(t, sheetSpec{Name: "下达情况", Rows: [][]any{
		{"项目名称", "资金来源", "下达金额（万元）", "文号", "下达日期"},
		{"甲", "省级补助", "-5", "沿财〔2019〕1号", "2019.3.1"},
		{"乙", "省级补助", 10, nil, "2019.3.1"},
		{"丙", "省级补助", 10, "沿财〔2019〕3号", "明天"},
		{"丁", "省级补助", "0.0000001", "沿财〔2019〕4号", "2019.3.1"},
		{"戊", "省级补助", nil, nil, nil},
		{"己", "省级补助", 10, "沿财〔2019〕6号", "2150-01-01"},
	}}), Options{})
	checkFindings(t, "errors", p.Errors, []model.Finding{
		{Row: 2, Column: "C", Message: "不能为负数"},
		{Row: 3, Column: "D", Message: "为空，下达资金须填写文号"},
		{Row: 4, Column: "E", Message: "无法识别的日期“明天”"},
		{Row: 5, Column: "C", Message: "分"},
		{Row: 6, Column: "C", Message: "该行没有下达或到位金额"},
		{Row: 7, Column: "E", Message: "下达日期（2150-01-01）超出范围"},
	})
}
