// Command gen writes the sample workbooks that package sample embeds. It
// runs from `go generate ./sample` in the sample directory.
package main

import (
	"fmt"
	"os"

	"github.com/yanhe/captrack/internal/plan"
)

func main() {
	for name, build := range plan.Workbooks() {
		b, err := build()
		if err == nil {
			err = os.WriteFile(name, b, 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gen %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}
