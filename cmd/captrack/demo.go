package main

import (
	"context"

	"github.com/yanhe/captrack/sample"
)

// cmdDemo loads the embedded sample data (the plan's annexes, a progress
// return and a disbursement ledger) into an empty database and creates
// demo users, printing their passwords.
func cmdDemo(ctx context.Context, e *env, args []string) error {
	fs, dsn := newFlags(e, "demo")
	db, err := openNoArgs(ctx, e, fs, dsn, args)
	if db == nil {
		return err
	}
	defer db.Close()
	return sample.Load(ctx, db, e.stdout)
}
