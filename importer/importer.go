// Package importer reads the county's workbooks (annex task-breakdown
// tables, monthly progress returns, disbursement ledgers, budget tables)
// into model values and a list of findings. It decides nothing about HTTP
// or storage engines.
package importer
