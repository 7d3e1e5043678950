package main

import (
	"context"
	"errors"
)

// cmdServe is not built yet.
func cmdServe(ctx context.Context, e *env, args []string) error {
	return errors.New("serve: 尚未实现")
}
