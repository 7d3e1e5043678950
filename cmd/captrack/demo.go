package main

import (
	"context"
	"errors"
)

// cmdDemo is not built yet.
func cmdDemo(ctx context.Context, e *env, args []string) error {
	return errors.New("demo: 尚未实现")
}
