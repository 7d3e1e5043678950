package main

import (
	"context"
	"errors"
)

// cmdUser is not built yet.
func cmdUser(ctx context.Context, e *env, args []string) error {
	return errors.New("user: 尚未实现")
}
