package store

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"
)

// preparedTx is the connection of a long write transaction (an import):
// it prepares each distinct statement once and runs it again with new
// arguments. gorm prepares every statement anew (its PrepareStmt mode
// too, within a transaction), and for SQLite preparing a 500-row INSERT
// cost as much as running it.
type preparedTx struct {
	gorm.ConnPool
	stmts map[string]*sql.Stmt // closed with the transaction
}

// withPrepared returns tx on a preparedTx.
func withPrepared(ctx context.Context, tx *gorm.DB) *gorm.DB {
	tx = tx.Session(&gorm.Session{Context: ctx})
	tx.Statement.ConnPool = &preparedTx{ConnPool: tx.Statement.ConnPool, stmts: map[string]*sql.Stmt{}}
	return tx
}

func (c *preparedTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.ConnPool.PrepareContext(ctx, query)
	if err == nil {
		c.stmts[query] = st
	}
	return st, err
}

func (c *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c *preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (c *preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(ctx, query)
	if err != nil {
		// A Row carries its error only from a query: run the statement
		// unprepared, which reports the same error.
		return c.ConnPool.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// Commit and Rollback make preparedTx the transaction it wraps to gorm,
// which nests a transaction begun on it as a savepoint.
func (c *preparedTx) Commit() error   { return c.ConnPool.(gorm.TxCommitter).Commit() }
func (c *preparedTx) Rollback() error { return c.ConnPool.(gorm.TxCommitter).Rollback() }

// insertAll inserts rows (of one model, or pointers to it) in batches of batchSize with
// multi-row INSERT … RETURNING statements, each prepared once per
// transaction, and sets each row's id, as gorm's CreateInBatches does for
// captrack's models: a column's default fills a zero value, the
// transaction's time a zero auto time. It does without gorm's per-batch
// statement building, which cost a large import a fifth of its time.
func insertAll[T any](ctx context.Context, tx *gorm.DB, now time.Time, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(rows[0]); err != nil {
		return err
	}
	sch := stmt.Schema
	pk := sch.PrioritizedPrimaryField
	var fields []*schema.Field
	for _, name := range sch.DBNames {
		// As gorm does, leave out columns the database fills in.
		if f := sch.FieldsByDBName[name]; f.Creatable && (!f.HasDefaultValue || f.DefaultValueInterface != nil) {
			fields = append(fields, f)
		}
	}
	pg := tx.Dialector.Name() == "postgres"
	return inBatches(rows, func(batch []T) error {
		var q strings.Builder
		q.WriteString("INSERT INTO " + stmt.Quote(sch.Table) + " (")
		for i, f := range fields {
			if i > 0 {
				q.WriteByte(',')
			}
			q.WriteString(stmt.Quote(f.DBName))
		}
		q.WriteString(") VALUES ")
		args := make([]any, 0, len(batch)*len(fields))
		for i := range batch {
			if i > 0 {
				q.WriteByte(',')
			}
			q.WriteByte('(')
			rv := reflect.Indirect(reflect.ValueOf(&batch[i]).Elem())
			for j, f := range fields {
				v, zero := f.ValueOf(ctx, rv)
				switch {
				case !zero:
				case f.DefaultValueInterface != nil:
					v = f.DefaultValueInterface
					if err := f.Set(ctx, rv, v); err != nil {
						return err
					}
				case f.AutoCreateTime > 0 || f.AutoUpdateTime > 0:
					if err := f.Set(ctx, rv, now); err != nil {
						return err
					}
					v, _ = f.ValueOf(ctx, rv)
				}
				args = append(args, v)
				if j > 0 {
					q.WriteByte(',')
				}
				if pg {
					q.WriteString("$" + strconv.Itoa(len(args)))
				} else {
					q.WriteByte('?')
				}
			}
			q.WriteByte(')')
		}
		q.WriteString(" RETURNING " + stmt.Quote(pk.DBName))
		res, err := tx.Statement.ConnPool.QueryContext(ctx, q.String(), args...)
		if err != nil {
			return err
		}
		defer res.Close()
		n := 0
		for ; res.Next() && n < len(batch); n++ {
			var id uint
			if err := res.Scan(&id); err != nil {
				return err
			}
			if err := pk.Set(ctx, reflect.Indirect(reflect.ValueOf(&batch[n]).Elem()), id); err != nil {
				return err
			}
		}
		if err := res.Err(); err != nil {
			return err
		}
		if n != len(batch) {
			return fmt.Errorf("store: insert into %s returned %d ids for %d rows", sch.Table, n, len(batch))
		}
		return nil
	})
}
