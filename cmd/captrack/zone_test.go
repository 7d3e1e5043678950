package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// An unknown zone, in CAPTRACK_TZ or serve --tz, stops the command with
// the zone named.
func TestUnknownZone(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "captrack.db")
	for _, tc := range []struct {
		name string
		env  string
		args []string
	}{
		{"CAPTRACK_TZ", "Mars/Olympus", []string{"projects"}},
		{"serve --tz", "", []string{"serve", "--addr", "127.0.0.1:0", "--tz", "Mars/Olympus"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string {
				switch k {
				case "CAPTRACK_DB":
					return dbPath
				case "CAPTRACK_TZ":
					return tc.env
				}
				return ""
			}
			var out, errOut bytes.Buffer
			err := run(context.Background(), tc.args, getenv, strings.NewReader(""), &out, &errOut)
			if err == nil || !strings.Contains(errorText(err), "Mars/Olympus") {
				t.Errorf("err = %v, want one naming the zone", err)
			}
		})
	}
}
