package main

import (
	"context"
	"errors"
)

// cmdAlerts is not built yet.
func cmdAlerts(ctx context.Context, e *env, args []string) error {
	return errors.New("alerts: 尚未实现")
}
