package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/yanhe/captrack/model"
)

// cmdImports lists the import batches applied, newest first, as a
// Chinese table or, with --json, as one JSON array.
func cmdImports(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "revert" {
		return cmdImportsRevert(ctx, e, args[1:])
	}
	fs, dsn := newFlags(e, "imports")
	asJSON := fs.Bool("json", false, "以 JSON 数组输出")
	db, err := openNoArgs(ctx, e, fs, dsn, args)
	if db == nil {
		return err
	}
	defer db.Close()
	bs, err := db.ImportBatches(ctx)
	if err != nil {
		return err
	}
	out := make([]model.BatchListing, len(bs))
	for i, b := range bs {
		out[i] = b.Listing(db.TimeZone())
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(out)
	}
	return writeImports(e.stdout, out)
}

// writeImports prints batches as a Chinese list.
func writeImports(w io.Writer, bs []model.BatchListing) error {
	if len(bs) == 0 {
		_, err := fmt.Fprintln(w, "还没有导入记录。")
		return err
	}
	for _, b := range bs {
		reverted := ""
		if b.RevertedAt != nil {
			reverted = fmt.Sprintf("  已于 %s 由 %s 撤销", b.RevertedAt.Format("2006-01-02 15:04"), b.RevertedBy)
		}
		if _, err := fmt.Fprintf(w, "#%d  %s  %s  %s  %s%s\n", b.ID, b.Time.Format("2006-01-02 15:04"),
			b.User, b.Summary(), strings.Join(b.Files, "、"), reverted); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "共 %d 次导入\n", len(bs))
	return err
}
