// Package faults holds captrack's fault and robustness tests: hostile
// workbooks through the importer and the HTTP import, uploads over the
// cap, kill -9 during a large import, and concurrent writers and readers
// through the HTTP API. It has no code of its own.
package faults
