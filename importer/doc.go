// Package importer reads the county's workbooks (annex task-breakdown
// tables, monthly progress returns, disbursement ledgers, budget tables)
// into model values and a list of findings. It decides nothing about HTTP
// or storage engines.
//
// The pipeline, top down, and where each step lives:
//
//  1. Workbook (importer.go): Parse and Import read a file, check that it
//     is a workbook that unpacks within the limit with sound checksums
//     (a legacy .xls is first decrypted when it has an open password,
//     xlscrypt.go, and read by xls.go's strict BIFF8 reader record by
//     record into an .xlsx of the same cells, formats and merges,
//     written as it reads by xlsout.go), open it with
//     excelize and read its sheets in order. Import hands the
//     rows to the store a chunk at a time while the next chunk is read.
//  2. Sheet (sheet.go: book.readSheet, sheetState.row): streams one
//     sheet's rows, fills the cells merged down from above (merge.go),
//     passes over instruction sheets, titles and table-of-contents rows,
//     and finds where each table's header starts.
//  3. Header (header.go): a header of one to four rows (merged, split over
//     unmerged rows, a row of units, a row of column numbers) gives each
//     column a role (项目名称, 计划开工, 建筑面积…) and a unit; the roles
//     decide the table's kind.
//  4. Table (sheet.go: table; plan.go, tracking.go): the shared part reads
//     what names a row, group rows (group.go) and totals; each kind of
//     table (planTable, progressTable, ledgerTable, budgetTable,
//     indicatorTable) is a recorder that turns a row into a model row.
//     A plan row may stand for several projects: one per township its
//     site cell lists (sites.go), or one per kind of facility of a wide
//     layout (wide.go: wideTable, a planTable per column group); a mark
//     under a year column gives the planned finish (years.go).
//  5. Values (values.go): a cell's text, number,
//     amount, quantity in its unit, or date as the office typed it.
//  6. Findings: every error and warning names the file, sheet, row and
//     column it was found at (table.fail, table.failAt); a workbook with an
//     error is not applied.
package importer
