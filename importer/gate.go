package importer

import (
	"context"
	"fmt"
	"time"

	"github.com/yanhe/captrack/model"
)

// Gate bounds the imports that run at once in one process (a server):
// each holds one of its slots while it reads and applies its workbooks.
// An import that finds every slot taken waits a little for one, then is
// refused with model.EUnavailable and a RetryAfter.
type Gate struct {
	slots chan struct{}
	wait  time.Duration
}

// Defaults of a server's Gate.
const (
	DefaultMaxImports = 2
	DefaultGateWait   = 5 * time.Second
)

// gateRetry is the Retry-After of an import refused for want of a slot.
const gateRetry = 30 * time.Second

// NewGate returns a Gate of n slots (DefaultMaxImports when n ≤ 0) on
// which an import waits at most wait for a slot.
func NewGate(n int, wait time.Duration) *Gate {
	if n <= 0 {
		n = DefaultMaxImports
	}
	return &Gate{slots: make(chan struct{}, n), wait: wait}
}

// Enter takes a slot, and returns the function that gives it back; when
// none frees within the Gate's wait, it is an EUnavailable error.
func (g *Gate) Enter(ctx context.Context) (release func(), err error) {
	release = func() { <-g.slots }
	select {
	case g.slots <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return release, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-t.C:
		return nil, &model.Error{Kind: model.EUnavailable, Op: "importer.Import", RetryAfter: gateRetry,
			Message: fmt.Sprintf("服务器正在处理其他导入（同时最多 %d 个），请 %d 秒后再试", cap(g.slots), gateRetry/time.Second)}
	}
}
