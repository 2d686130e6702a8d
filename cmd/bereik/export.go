package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"bereik/pipeline"
	"bereik/queries"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[--db PATH] --parquet DIR\n\n"+
		"Writes every table as Parquet into DIR/tables (page views and ads Hive-partitioned by\n"+
		"source and year) and every named question's result, with default parameters, into\n"+
		"DIR/questions, for DuckDB, Spark or Trino elsewhere. The export is written into a new\n"+
		"folder beside DIR and swapped in whole, with a manifest (bereik-export.json); DIR must\n"+
		"be new, empty or an earlier bereik export holding nothing else.\n\n"+
		"Example: bereik export --db out/bereik.duckdb --parquet out/parquet")
	db := dbFlag(e, fs)
	wait := waitFlag(fs)
	dir := fs.String("parquet", "", "folder to write the Parquet files into")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		fs.Usage()
		return errUsage
	}
	conn, err := pipeline.Open(ctx, *db, pipeline.OpenOptions{ReadOnly: true, Wait: *wait})
	if err != nil {
		return err
	}
	defer conn.Close()
	exp, err := pipeline.NewExport(*dir)
	if err != nil {
		return err
	}
	defer exp.Abort()
	files, err := pipeline.ExportTables(ctx, conn, exp.Dir())
	if err != nil {
		return err
	}
	questions, err := exportQuestions(ctx, conn, exp.Dir(), func(err error) { fmt.Fprintln(e.stderr, "bereik: warning:", err) })
	if err != nil {
		return err
	}
	written, err := exp.Commit(ctx, conn, *db, append(files, questions...))
	if err != nil {
		return err
	}
	for _, f := range written {
		fmt.Fprintf(e.stdout, "%s\t%d rows\t%s\n", f.Name, f.Rows, f.Path)
	}
	if exp.Leftover != nil {
		fmt.Fprintf(e.stderr, "bereik: warning: %v\n", exp.Leftover)
	}
	return nil
}

// exportQuestions writes every named question's result with its default parameters and
// those the stored configuration gives; a question the configuration gives no value for
// is passed over with a warning.
func exportQuestions(ctx context.Context, db *sql.DB, dir string, warn func(error)) ([]pipeline.ExportedFile, error) {
	qs, err := queries.All()
	if err != nil {
		return nil, err
	}
	var out []pipeline.ExportedFile
	for _, q := range qs {
		_, args, err := q.Prepare(ctx, db, nil)
		if errors.Is(err, queries.ErrNotConfigured) {
			warn(err)
			continue
		}
		if err != nil {
			return nil, err
		}
		f, err := pipeline.ExportQuery(ctx, db, dir, q.Name, q.SQL, args...)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}
