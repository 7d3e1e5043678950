package main

import (
	"context"
	"errors"
)

// cmdBench is not built yet.
func cmdBench(ctx context.Context, e *env, args []string) error {
	return errors.New("bench: 尚未实现")
}
