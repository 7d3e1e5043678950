package store

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/model"
)

// identify finds the stored project of plan row r without a code that
// neither its code nor its normalised name matched: the user's decision
// on the row, else a project whose name is another spelling of the
// row's (model.MatchKey), whose stored name is kept. A row that only
// resembles stored projects (model.Resembles) is created only by a
// decision; without one it is listed in a dry run (and created there)
// and an error otherwise. stop says the row was failed.
//
// Projects this import created are no candidates (loadSimilar does not
// load them); projects another row of it matched are, so that the
// outcome does not depend on row order.
func (a *applier) identify(c *planChunk, r *model.PlanRow, p *model.Project) (old *model.Project, ambiguous []*model.Project, stop bool) {
	row := r.RowName()
	keep := func(o *model.Project, format string) *model.Project {
		a.warn(r.Ref, r.ProjectColumn, format, p.Name, o.Name, o.Code)
		p.Name, p.NameKey = o.Name, o.NameKey
		return o
	}
	if code, ok := a.decisions.Match[row]; ok {
		a.decided[row] = true
		o := c.x.byCode[code]
		if o == nil || o.Annex != p.Annex {
			a.fail(r.Ref, r.ProjectColumn, "所选的项目编码“%s”不是附件%d中的已有项目", code, p.Annex)
			return nil, nil, true
		}
		return keep(o, "项目“%s”按所选更新已有项目“%s”（%s），名称不变"), nil, false
	}
	if a.decisions.New[row] {
		a.decided[row] = true
		return nil, nil, false
	}
	switch named := c.x.byMatch[annexName(p.Annex, a.matchKey(p.Name, p.Township))]; len(named) {
	case 0:
	case 1:
		return keep(named[0], "项目名称“%s”与已有项目“%s”（%s）是同一名称的不同写法，按该项目更新，名称不变"), nil, false
	default:
		return nil, named, false
	}
	if a.decisions.NewAll {
		return nil, nil, false
	}
	var like []*model.Project
	for _, o := range c.x.similar {
		if model.Resembles(p, o) {
			like = append(like, o)
		}
	}
	if len(like) == 0 {
		return nil, nil, false
	}
	var names []string
	sim := model.SimilarRow{File: r.File, Sheet: r.Sheet, Row: r.Row, Name: p.Name}
	for _, o := range like {
		names = append(names, fmt.Sprintf("“%s”（%s）", o.Name, o.Code))
		sim.Candidates = append(sim.Candidates, model.ProjectName{Code: o.Code, Name: o.Name})
	}
	maybe := fmt.Sprintf("项目“%s”可能与%s为同一项目", p.Name, strings.Join(names, "、"))
	how := fmt.Sprintf("请决定：更新该项目（--match %s=%s）或新建项目（--new %s）", row, like[0].Code, row)
	if a.preview != nil {
		a.preview.Similar = append(a.preview.Similar, sim)
		a.warn(r.Ref, r.ProjectColumn, "%s；试运行按新建项目计算，导入前%s", maybe, how)
		return nil, nil, false
	}
	a.fail(r.Ref, r.ProjectColumn, "%s，未作决定，不能导入；%s", maybe, how)
	return nil, nil, true
}

// undecided reports, as errors, the decisions that named no row which
// needed one (a typo in a row, or a row that matched by itself).
func (a *applier) undecided() {
	var rows []string
	for row := range a.decisions.Match {
		rows = append(rows, row)
	}
	for row := range a.decisions.New {
		rows = append(rows, row)
	}
	sort.Strings(rows)
	for _, row := range slices.Compact(rows) {
		if a.decided[row] {
			continue
		}
		sheet, n, _ := strings.Cut(row, "!")
		line, _ := strconv.Atoi(n)
		a.res.Errors = append(a.res.Errors, model.Finding{Sheet: sheet, Row: line,
			Message: fmt.Sprintf("所作的决定“%s”不对应任何需要决定的行（该行不存在、已有编码或已按名称匹配到项目）", row)})
	}
}
