package store

import (
	"context"

	"github.com/yanhe/captrack/model"
)

// ApplyOptions says who applies an import and whether to keep the result.
type ApplyOptions struct {
	Actor  Actor    // Source is filled in with the batch ("import#12")
	Kind   string   // plan | progress | ledger | budget | mixed
	Files  []string // names, for the batch record
	DryRun bool     // do all the work in a transaction, then roll it back
}

// ApplyImport writes set in one transaction. STUB: the store helper
// replaces this.
func (s *DB) ApplyImport(ctx context.Context, set *model.ImportSet, opt ApplyOptions) (model.ImportResult, error) {
	return model.ImportResult{}, model.E(model.EInternal, "store.ApplyImport", "not implemented")
}
