package store

import "github.com/yanhe/captrack/model"

// upsert is what applyRows needs to know of one kind of row an import
// writes (indicator targets, progress reports, payments, budget lines).
type upsert[T any] struct {
	claims claims          // this import's claims on the kind's stored rows
	key    func(*T) string // identity among the stored rows
	id     func(*T) uint   // stored id
	same   func(old, row *T) bool
	// strict makes every repeat within the import an error, even an
	// identical one (a voucher is one payment).
	strict bool
	// repeated is the message of a row repeating another of this import
	// (seeAlso names that row).
	repeated func(row *T, seeAlso string) string
	// record names the kind's rows in the preview ("progress"…).
	record string
	// update writes row's values over old, a stored row, and audits the
	// change as coming from at; it may instead fail the row (then it
	// reports false).
	update func(old, row *T, at origin) (bool, error)
	// created audits a created row, once it has its id.
	created func(row *T, at origin)
	// names are a stored row's id, project and audit entity and id (see
	// keepRow).
	names func(row *T) (id, projectID uint, entity string, entityID uint)
}

// pending is one row of a chunk on its way to applyRows: valid, with
// its project resolved. touched says the row changed something else
// already (a milestone's dates), so that an unchanged record still
// counts the row as an update.
type pending[T any] struct {
	ref     model.Ref
	cols    map[string]string // the columns of its fields, by audit name
	row     *T
	touched bool
}

// applyRows is the one apply loop of the rows that are not plan rows:
// each row is matched to the stored rows by key; a new key is created,
// an identical row left alone, a different one updated, and a row that
// repeats another of the same import (in any chunk) is an error naming
// that row. Every row is counted and claimed.
func applyRows[T any](a *applier, u *upsert[T], stored []T, rows []pending[T]) error {
	known := make(map[string]*T, len(stored))
	for i := range stored {
		known[u.key(&stored[i])] = &stored[i]
	}
	mine := map[string]claim{} // rows of this chunk, by key
	var created []*T
	var createdAt []origin
	for _, r := range rows {
		at := origin{ref: r.ref, cols: r.cols, record: u.record}
		k := u.key(r.row)
		old := known[k]
		prev, dup := mine[k]
		if !dup && old != nil {
			prev, dup = u.claims[u.id(old)]
		}
		if !dup {
			mine[k] = a.claim(r.ref, false)
		}
		_, _, entity, _ := u.names(r.row)
		switch {
		case dup && u.strict:
			a.fail(r.ref, "", "%s", u.repeated(r.row, a.seeAlso(prev, r.ref)))
		case old == nil:
			known[k] = r.row
			created = append(created, r.row)
			createdAt = append(createdAt, at)
			a.res.Count(entity, true, false)
		case u.same(old, r.row):
			a.res.Count(entity, false, r.touched)
		case dup:
			a.fail(r.ref, "", "%s", u.repeated(r.row, a.seeAlso(prev, r.ref)))
		default:
			ok, err := u.update(old, r.row, at)
			if err != nil {
				return err
			}
			if ok {
				a.res.Count(entity, false, true)
			}
		}
	}
	if err := create(a, created); err != nil {
		return err
	}
	if err := keepCreated(a, created, u.names); err != nil {
		return err
	}
	if u.created != nil {
		for i, row := range created {
			u.created(row, createdAt[i])
		}
	}
	for k, c := range mine {
		u.claims[u.id(known[k])] = c
	}
	return nil
}
