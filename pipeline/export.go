package pipeline

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// partitioned lists the tables that grow with history: they are written Hive-partitioned
// by source (the kind of export the rows came from) and year.
var partitioned = map[string]string{
	"page_views":   "year(t.ts)",
	"meta_ads":     "year(t.reporting_start)",
	"social_posts": "year(t.published_at)",
	"page_reports": "year(t.period_start)",
}

// ExportedFile is one table or question written as Parquet.
type ExportedFile struct {
	Name string `json:"name"`
	Path string `json:"path"`
	Rows int64  `json:"rows"`
}

// ExportTables writes every table of the database into dir/tables: the tables that grow
// with history as dir/tables/NAME/source=KIND/year=YYYY/*.parquet, the others as
// dir/tables/NAME.parquet. DuckDB, Spark and Trino read the folders as Hive partitions.
// dir is an ExportFolder's new folder: nothing is deleted.
func ExportTables(ctx context.Context, db *sql.DB, dir string) ([]ExportedFile, error) {
	root := filepath.Join(dir, "tables")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name`)
	if err != nil {
		return nil, err
	}
	var tables []string
	for rows.Next() {
		var name string
		var size int64
		if err := rows.Scan(&name, &size); err != nil {
			rows.Close()
			return nil, err
		}
		tables = append(tables, name)
	}
	rows.Close()
	tables = publishedTables(tables)
	var out []ExportedFile
	for _, t := range tables {
		var n int64
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM "`+t+`"`).Scan(&n); err != nil {
			return nil, err
		}
		f := ExportedFile{Name: t, Rows: n}
		if year, ok := partitioned[t]; ok {
			f.Path = filepath.Join(root, t)
			_, err = db.ExecContext(ctx, fmt.Sprintf(
				`COPY (SELECT t.*, l.kind AS source, %s AS year FROM %s t JOIN ingest_log l USING (file_id)) TO %s (FORMAT parquet, PARTITION_BY (source, year))`,
				year, t, sqlString(f.Path)))
		} else {
			f.Path = filepath.Join(root, t+".parquet")
			_, err = db.ExecContext(ctx, fmt.Sprintf(`COPY %s TO %s (FORMAT parquet)`, t, sqlString(f.Path)))
		}
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", t, err)
		}
		out = append(out, f)
	}
	return out, nil
}

// publishedTables replaces, in a list of the database's tables, the tables that hold rows
// loaded in parts by the views of their published rows (page_view_rows by page_views),
// and leaves out the ingest's own bookkeeping (its list of parts, its block checks): an
// export holds what the queries read.
func publishedTables(tables []string) []string {
	views := map[string]string{}
	for _, s := range sources {
		if s.parts != "" {
			views[s.parts] = s.table
		}
	}
	var out []string
	for _, t := range tables {
		switch v, ok := views[t]; {
		case t == "ingest_parts", t == "block_checks":
		case ok:
			out = append(out, v)
		default:
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ExportQuery writes the result of one question, with its parameters bound, as
// dir/questions/NAME.parquet.
func ExportQuery(ctx context.Context, db *sql.DB, dir, name, text string, args ...any) (ExportedFile, error) {
	f := ExportedFile{Name: name, Path: filepath.Join(dir, "questions", name+".parquet")}
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
		return f, err
	}
	// A temporary table takes the bound parameters, which COPY cannot; temporary tables
	// work on a read-only database too, and live on one connection.
	conn, err := db.Conn(ctx)
	if err != nil {
		return f, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TEMP TABLE bereik_question AS\n"+text, args...); err != nil {
		return f, fmt.Errorf("question %s: %w", name, err)
	}
	defer conn.ExecContext(ctx, `DROP TABLE IF EXISTS bereik_question`)
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM bereik_question`).Scan(&f.Rows); err != nil {
		return f, err
	}
	_, err = conn.ExecContext(ctx, `COPY bereik_question TO `+sqlString(f.Path)+` (FORMAT parquet)`)
	return f, err
}

// sqlString quotes s as an SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
