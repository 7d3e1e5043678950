// Package synth generates test data: a large annex workbook, a database
// of projects with their milestones and progress reports, the facts of a
// spend report, and the plan's projects written in layouts drawn at
// random from a seed (PlanLayout, layouts.go). The package tests and
// benchmarks of importer, alerts, reports and faults use it, and
// cmd/captrack-bench measures captrack on it. (Small hand-written
// workbooks are internal/testbook's.)
package synth

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"github.com/yanhe/captrack/model"
	"github.com/yanhe/captrack/store"
)

// annexHeader is the header row of the workbook Annex writes.
var annexHeader = []any{"序号", "项目名称", "建设地点", "总投资（万元）", "建筑面积（平方米）", "占地（亩）", "床位", "计划开工", "计划完工", "责任单位"}

// AnnexColumns is the number of cells of each row Annex writes.
var AnnexColumns = len(annexHeader)

// AnnexFirstRow is the row number of the first project row Annex writes.
const AnnexFirstRow = 3

// AnnexRow returns the cells of project row i (0-based) of Annex.
func AnnexRow(i int) []any {
	return []any{i + 1, fmt.Sprintf("第%d号养老服务中心", i+1), "官舟镇", 650 + i%7, 2650.5, 5, 100, "2018.12", "2020.12", "县民政局"}
}

// Annex writes an annex task-breakdown workbook of n project rows (a
// title row, a header row, then the projects) with the stream writer.
func Annex(w io.Writer, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"附件1：民生服务设施建设任务分解表"}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", annexHeader); err != nil {
		return err
	}
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+AnnexFirstRow)
		if err := sw.SetRow(cell, AnnexRow(i)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// AsOf is the as-of date of the generated tracking data and report facts.
var AsOf = model.NewDate(2020, time.June, 30)

// trackingChunk is how many projects one LoadTracking transaction holds.
const trackingChunk = 10_000

// Tracking loads projects projects of milestones milestones each (start,
// stages, finish) into db, dated around AsOf: baselines spread over
// 2018–2022, two thirds of projects started, stages achieved at random
// (some late, some after AsOf), forecasts on a tenth of open milestones,
// and a progress report every few months of each started project. The
// data is the same for the same arguments.
func Tracking(ctx context.Context, db *store.DB, projects, milestones int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	day0 := model.NewDate(2018, time.January, 1)
	for first := 1; first <= projects; first += trackingChunk {
		var (
			ps  []model.Project
			ms  []model.Milestone
			prs []model.ProgressReport
		)
		for id := first; id < first+trackingChunk && id <= projects; id++ {
			ps = append(ps, model.Project{
				ID: uint(id), Code: fmt.Sprintf("B%06d", id), Name: fmt.Sprintf("基准项目%d", id),
				ResponsibleUnit: fmt.Sprintf("单位%d", id%40), Township: fmt.Sprintf("镇%d", id%20), Category: "养老服务",
			})
			start := day0.AddDays(rng.IntN(3 * 365))
			started := rng.IntN(3) < 2
			// The plan's dates and amount, as annex rows give them: the
			// months of the first and last milestones.
			end := start.AddDays((milestones - 1) * 60)
			p := &ps[len(ps)-1]
			p.PlannedStart, p.PlannedFinish = model.MonthPlan(start.Year, start.Month), model.MonthPlan(end.Year, end.Month)
			p.Investment = new(model.Money(100+rng.IntN(9900)) * model.Wan)
			for k := range milestones {
				m := model.Milestone{ProjectID: uint(id), Kind: model.MilestoneStage, Name: fmt.Sprintf("阶段%d", k), Seq: k}
				due := start.AddDays(k * 60)
				switch k {
				case 0:
					m.Kind, m.Name = model.MilestoneStart, model.MilestoneStart
				case milestones - 1:
					m.Kind, m.Name = model.MilestoneFinish, model.MilestoneFinish
				}
				m.Baseline = model.MonthPlan(due.Year, due.Month)
				switch {
				case k == 0 && started, k > 0 && started && rng.IntN(3) == 0:
					m.Actual = due.AddDays(rng.IntN(120) - 30)
				case rng.IntN(10) == 0:
					m.Forecast = due.AddDays(rng.IntN(200))
				}
				ms = append(ms, m)
			}
			if started {
				pct := 0
				for r := start.AddDays(rng.IntN(90)); r.Before(AsOf.AddDays(60)); r = r.AddDays(30 + rng.IntN(120)) {
					pct = min(100, pct+rng.IntN(30))
					prs = append(prs, model.ProgressReport{ProjectID: uint(id), ReportDate: r, Percent: decimal.NewNullDecimal(decimal.NewFromInt(int64(pct)))})
				}
			}
		}
		if err := db.LoadTracking(ctx, ps, ms, prs); err != nil {
			return err
		}
	}
	return nil
}

// sources are the funding sources of ReportData's payments.
var sources = []string{"中央预算内投资", "省级补助", "福彩公益金", "县级配套"}

// ReportData returns the facts of a spend report on n projects in 20
// categories with four funding sources, as model.ReportData returns them
// (sorted by category).
func ReportData(n int) model.ReportData {
	data := model.ReportData{AsOf: AsOf, Sources: sources, Projects: make([]model.ProjectFacts, n)}
	for i := range data.Projects {
		by := map[string]model.Money{}
		var spent model.Money
		for j, s := range sources {
			m := model.Money((i+1)*(j+3)*12345) % (50 * model.Wan)
			by[s], spent = m, spent+m
		}
		data.Projects[i] = model.ProjectFacts{
			Project: model.Project{ID: uint(i + 1), Code: fmt.Sprintf("A1-%08X", i), Name: fmt.Sprintf("第%d号农村互助幸福院建设项目", i),
				Category: fmt.Sprintf("类别%02d", i*20/n), ResponsibleUnit: "县民政局"},
			Plan: model.Money(i%997+1) * model.Wan, PlanKnown: true, Spent: spent, SpentBySource: by,
			Progress: decimal.NewNullDecimal(decimal.New(int64(i%1001), -1)),
		}
	}
	return data
}
