package main

import (
	"context"
	"errors"
)

// cmdProjects is not built yet.
func cmdProjects(ctx context.Context, e *env, args []string) error {
	return errors.New("projects: 尚未实现")
}
