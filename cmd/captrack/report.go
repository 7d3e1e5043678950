package main

import (
	"context"
	"errors"
)

// cmdReport is not built yet.
func cmdReport(ctx context.Context, e *env, args []string) error {
	return errors.New("report: 尚未实现")
}
