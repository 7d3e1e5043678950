package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// fundRow is a ledger row of kind for project name.
func fundRow(row int, name, kind, source string, amount model.Money, docNo string) model.FundRow {
	return model.FundRow{Ref: model.Ref{File: "台账.xlsx", Sheet: "资金下达", Row: row, ProjectColumn: "A"}, ProjectName: name, Kind: kind,
		Source: source, Amount: amount, Date: model.NewDate(2019, 3, 1), DocNo: docNo}
}

// Allocations and receipts from a ledger: stored exactly and audited,
// unchanged when imported again; a row repeated in the import, an amount
// contradicting the stored one, an unknown source or project are errors
// at their rows, and then nothing of the import is written.
func TestApplyImportFunds(t *testing.T) {
	openDBs(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		apply(t, db, &model.ImportSet{Plans: samplePlans()}, false)
		ledger := []model.FundRow{
			fundRow(2, "官舟片区养老服务中心", model.FundAllocated, "省级补助", 100000001, "黔财社〔2019〕8号"), // 1,000,000.01 元
			fundRow(3, "官舟片区养老服务中心", model.FundReceived, "省级补助", 60*model.Wan, ""),
			fundRow(4, "儿童福利院", model.FundAllocated, "县级配套", 1, "沿财〔2019〕1号"), // 0.01 元
		}
		if got, want := countsOf(apply(t, db, &model.ImportSet{Funds: ledger}, false)), (counts{created: 3}); got != want {
			t.Fatalf("ledger: got %+v, want %+v", got, want)
		}
		if got, want := countsOf(apply(t, db, &model.ImportSet{Funds: ledger}, false)), (counts{unchanged: 3}); got != want {
			t.Errorf("ledger again: got %+v, want %+v", got, want)
		}
		ps := projectsByName(t, db)
		p := ps["官舟片区养老服务中心"]
		allocated, err := db.ListFunds(ctx, model.FundFilter{Kind: model.FundAllocated, ProjectID: p.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(allocated) != 1 || allocated[0].Amount != 100000001 || allocated[0].DocNo != "黔财社〔2019〕8号" || allocated[0].CreatedBy != "clerk" || allocated[0].Version != 1 {
			t.Errorf("allocations: got %+v, want 1,000,000.01 元 by 黔财社〔2019〕8号", allocated)
		}
		received, _ := db.ListFunds(ctx, model.FundFilter{Kind: model.FundReceived, ProjectID: p.ID})
		if len(received) != 1 || received[0].Amount != 60*model.Wan {
			t.Errorf("receipts: got %+v, want 60 万元", received)
		}
		small, _ := db.ListFunds(ctx, model.FundFilter{Kind: model.FundAllocated, ProjectID: ps["儿童福利院"].ID})
		if len(small) != 1 || small[0].Amount != 1 {
			t.Errorf("0.01 元: got %+v", small)
		}
		audit, _ := db.ProjectAudit(ctx, p.ID)
		found := false
		for _, e := range audit {
			if e.Entity == model.FundAllocated && e.Action == "create" && e.Field == "amount_wan" && e.New == "100.000001" {
				found = true
			}
		}
		if !found {
			t.Errorf("audit of the allocation: %+v", audit)
		}

		bad := []model.FundRow{
			fundRow(2, "洪渡片区养老服务中心", model.FundReceived, "县级配套", model.Wan, ""), // good, not written
			fundRow(3, "官舟片区养老服务中心", model.FundAllocated, "省级补助", 99*model.Wan, "黔财社〔2019〕8号"),
			fundRow(4, "洪渡片区养老服务中心", model.FundReceived, "县级配套", model.Wan, ""),
			fundRow(5, "洪渡片区养老服务中心", model.FundReceived, "世行贷款", model.Wan, ""),
			fundRow(6, "不存在的项目", model.FundReceived, "县级配套", model.Wan, ""),
		}
		res := apply(t, db, &model.ImportSet{Funds: bad}, false)
		byRow := map[int]string{}
		for _, e := range res.Errors {
			byRow[e.Row] = e.Message
		}
		for row, want := range map[int]string{
			3: "项目“官舟片区养老服务中心”下达日期 2019-03-01 的“省级补助”下达资金（黔财社〔2019〕8号）已登记为 100.000001 万元，与本行的 99 万元不一致；如需更正请由财务在系统中修改",
			4: "项目“洪渡片区养老服务中心”到位日期 2019-03-01 的“县级配套”到位资金在本次导入中重复出现（另见“资金下达”第2行）",
			5: "资金来源“世行贷款”未登记",
			6: "找不到项目“不存在的项目”",
		} {
			if !strings.Contains(byRow[row], want) {
				t.Errorf("row %d: error %q, want %q", row, byRow[row], want)
			}
		}
		if len(res.Errors) != 4 {
			t.Errorf("errors: got %+v, want four (rows 3–6)", res.Errors)
		}
		if fs, _ := db.ListFunds(ctx, model.FundFilter{Kind: model.FundReceived, ProjectID: ps["洪渡片区养老服务中心"].ID}); len(fs) != 0 {
			t.Errorf("an import with errors wrote %+v", fs)
		}
	})
}
