package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/yanhe/captrack/model"
)

// The preview of an import: every change it makes is summed up in a
// digest (always), and listed with the cell it comes from (in a dry run).
// An apply that carries a preview's digest (ApplyOptions.Expect) writes
// nothing unless it comes to the same digest: nothing is applied that
// the preview did not show.

// origin is where a change comes from: the row, the columns of its
// fields (by audit field name), and the record of the project the change
// is to ("" for the project itself; "finish", "progress", "payment"…),
// which qualifies the field in the preview.
type origin struct {
	ref    model.Ref
	cols   map[string]string
	record string
}

// digest sums the hashes of the changes as 256-bit numbers, so that it
// does not depend on the order in which rows are applied (a chunk's
// rows are applied by kind, and a held row at the end).
type digest struct {
	sum [4]uint64
	n   uint64
}

// add adds one item, its parts separated by NUL.
func (d *digest) add(parts ...string) {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	var carry uint64
	for i := range d.sum {
		d.sum[i], carry = bits.Add64(d.sum[i], binary.BigEndian.Uint64(h[8*i:]), carry)
	}
	d.n++
}

// text is the digest with the import's counts.
func (d *digest) text(res model.ImportResult) string {
	b := make([]byte, 0, 8*8)
	for _, w := range d.sum {
		b = binary.BigEndian.AppendUint64(b, w)
	}
	for _, n := range []int{res.Created, res.Updated, res.Unchanged} {
		b = binary.BigEndian.AppendUint64(b, uint64(n))
	}
	b = binary.BigEndian.AppendUint64(b, d.n)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// listed reports whether an audit action changes a value the preview
// lists; the others (an earlier observation kept, a plan date that
// moved from its baseline) are notes, which the warnings tell.
func listed(action string) bool { return action == "create" || action == "update" }

// noteChanges adds changes of project projectID from at to the digest
// and, in a dry run, to the preview.
func (a *applier) noteChanges(at origin, projectID uint, action string, changes []Change) {
	var code, name string
	if p := a.named[projectID]; p != nil {
		code, name = p.Code, p.Name
	}
	for _, c := range changes {
		field := c.Field
		if at.record != "" {
			field = at.record + "." + field
		}
		col := at.cols[c.Field]
		a.digest.add("change", code, name, field, action, c.Old, c.New, at.ref.File, at.ref.Sheet, strconv.Itoa(at.ref.Row), col)
		if a.preview != nil && listed(action) {
			a.preview.Changes = append(a.preview.Changes, model.ImportChange{
				ProjectCode: code, ProjectName: name, Field: field, Old: c.Old, New: c.New,
				File: at.ref.File, Sheet: at.ref.Sheet, Row: at.ref.Row, Column: col,
			})
		}
	}
}

// noteCreated adds a project the import creates to the digest and, in a
// dry run, to the preview.
func (a *applier) noteCreated(p *model.Project, ref model.Ref) {
	a.digest.add("project", p.Code, p.Name, ref.File, ref.Sheet, strconv.Itoa(ref.Row))
	if a.preview != nil {
		a.preview.NewProjects = append(a.preview.NewProjects, model.NewProject{Code: p.Code, Name: p.Name, File: ref.File, Sheet: ref.Sheet, Row: ref.Row})
	}
}

// name makes the projects ps known by id, so that the changes to them
// are listed with their code and name.
func (a *applier) name(ps ...*model.Project) {
	for _, p := range ps {
		if p != nil {
			a.named[p.ID] = p
		}
	}
}

// milestoneAt is the origin of a change to milestone m from the row at
// ref, whose column col gave the date.
func milestoneAt(ref model.Ref, col string, m *model.Milestone) origin {
	return origin{ref: ref, cols: map[string]string{"baseline_date": col, "actual_date": col, "forecast_date": col}, record: milestoneRecord(m)}
}

// planMilestoneAt is the origin of a change plan row it makes to its
// milestone m: the column of its plan date.
func planMilestoneAt(it *planItem, m *model.Milestone) origin {
	field := "stage:" + m.Name
	switch m.Kind {
	case model.MilestoneStart:
		field = "planned_start"
	case model.MilestoneFinish:
		field = "planned_finish"
	}
	return milestoneAt(it.row.Ref, it.row.Columns[field], m)
}

// milestoneRecord names a milestone in the preview: its kind, or a
// stage's name.
func milestoneRecord(m *model.Milestone) string {
	if m.Kind == model.MilestoneStage {
		return m.Name
	}
	return m.Kind
}

// sortPreview orders the preview's lists by file (in the order given),
// sheet, row and column.
func sortPreview(p *model.ImportPreview, files []string) {
	order := func(file string) int {
		if i := slices.Index(files, file); i >= 0 {
			return i
		}
		return len(files)
	}
	slices.SortStableFunc(p.Changes, func(x, y model.ImportChange) int {
		if c := order(x.File) - order(y.File); c != 0 {
			return c
		}
		if c := strings.Compare(x.Sheet, y.Sheet); c != 0 {
			return c
		}
		if x.Row != y.Row {
			return x.Row - y.Row
		}
		if c := len(x.Column) - len(y.Column); c != 0 {
			return c // B before AA
		}
		return strings.Compare(x.Column, y.Column)
	})
	slices.SortStableFunc(p.NewProjects, func(x, y model.NewProject) int {
		if c := order(x.File) - order(y.File); c != 0 {
			return c
		}
		if c := strings.Compare(x.Sheet, y.Sheet); c != 0 {
			return c
		}
		return x.Row - y.Row
	})
}
