// Package pipeline owns getting exports into the database: recognising a file's kind by
// its content, decoding its encoding and locale, parsing each source kind into Arrow
// record batches, loading them into DuckDB one file per transaction, the schema and its
// migrations, and the ingest log. It is the only package that knows which driver is used.
package pipeline

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrLocked means another process holds the database: an ingest writing, or (for an
// ingest) a report or query reading.
var ErrLocked error = lockedError{}

type lockedError struct{}

func (lockedError) Error() string {
	return "another bereik process holds the database (an ingest running, or a report or query reading)"
}

// Hint says what to do.
func (lockedError) Hint() string {
	return "try again when it has finished, or wait longer with --wait"
}

// OpenOptions says how to open a database.
type OpenOptions struct {
	// ReadOnly opens without taking the write lock, for report, query and status.
	ReadOnly bool
	// Wait is how long to keep trying while another process holds the database.
	Wait time.Duration
	// Sandboxed opens a read-only database for the analyst's own SQL (query --sql) behind
	// DuckDB's guards: no access to any file but the database itself (no COPY TO, ATTACH,
	// read_csv, read_text of the hashing key, EXPORT), no installing or loading
	// extensions, and the configuration locked so that no statement can undo that. It
	// holds one connection, the one the guards were set on.
	Sandboxed bool
}

// sandbox is the DuckDB configuration of a sandboxed open, set when the database starts.
// lock_configuration is set after TimeZone, on the connection (see open).
const sandbox = "&enable_external_access=false&autoinstall_known_extensions=false&autoload_known_extensions=false" +
	"&allow_community_extensions=false&allow_unsigned_extensions=false"

// ingestMemoryLimit is DuckDB's memory limit on a database opened for writing;
// publishMemoryLimits those tried in turn while a file loaded in parts is published
// (load.go): 10M page views publish in 128 MB.
const ingestMemoryLimit = "64MB"

// migrationMemoryLimit is DuckDB's memory limit while migrations run.
const migrationMemoryLimit = "1GB"

var publishMemoryLimits = []string{"128MB", "512MB"}

// lockRetry is how often a locked database is tried again.
const lockRetry = 100 * time.Millisecond

// Open opens (creating if needed) the DuckDB database at path and brings its schema up to
// date. Read-only opens never migrate: they require an existing, current database. While
// another process holds the database, Open tries again until opts.Wait has passed.
func Open(ctx context.Context, dbPath string, opts OpenOptions) (*sql.DB, error) {
	deadline := time.Now().Add(opts.Wait)
	for {
		db, err := open(ctx, dbPath, opts)
		if !errors.Is(err, ErrLocked) || !time.Now().Before(deadline) {
			if errors.Is(err, ErrLocked) && opts.Wait > 0 {
				err = fmt.Errorf("%w (waited %s)", err, opts.Wait)
			}
			return db, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%s: %w", dbPath, ctx.Err())
		case <-time.After(lockRetry):
		}
	}
}

func open(ctx context.Context, dbPath string, opts OpenOptions) (*sql.DB, error) {
	// Dates and wall-clock times mean the same on every machine: DuckDB would otherwise
	// take the machine's time zone, and a date parameter (bound as a time.Time at UTC
	// midnight) would become the day before west of Greenwich.
	dsn := dbPath
	if opts.ReadOnly {
		dsn += "?access_mode=READ_ONLY"
		if opts.Sandboxed {
			dsn += sandbox
		}
	}
	connector, err := duckdb.NewConnector(dsn, func(ex driver.ExecerContext) error {
		_, err := ex.ExecContext(context.Background(), `SET TimeZone = 'UTC'`, nil)
		if err == nil && !opts.ReadOnly {
			// Ingest streams rows into DuckDB: a small buffer pool keeps its memory flat in
			// the size of the file and of the database (docs/BENCHMARKS.md: 325-350 MiB at
			// 3M and 10M page views, against 435 and 610 MiB with 256 MB), at a few per cent
			// of its speed. Reads keep DuckDB's default (a report sets its own: cmd/bereik/report.go).
			_, err = ex.ExecContext(context.Background(), `SET memory_limit = '`+ingestMemoryLimit+`'`, nil)
			if err == nil {
				// memory_limit bounds the buffer pool, not what DuckDB's allocator (jemalloc)
				// keeps of freed memory: without its background threads to hand that back,
				// an ingest's resident memory grew about 11 MB per million rows inserted
				// (10M page views 347-393 MiB, 3M 287-342); with them 285-315 against
				// 278-296 (docs/BENCHMARKS.md).
				_, err = ex.ExecContext(context.Background(), `SET allocator_background_threads = true`, nil)
			}
		}
		if err == nil && opts.Sandboxed {
			_, err = ex.ExecContext(context.Background(), `SET lock_configuration = true`, nil)
		}
		return err
	})
	if err != nil {
		return nil, openError(dbPath, err)
	}
	db := sql.OpenDB(connector)
	if opts.Sandboxed {
		// The configuration is locked once the first connection is made: a second one
		// could not set its time zone.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, openError(dbPath, err)
	}
	if opts.ReadOnly {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'`).Scan(&n); err != nil || n == 0 {
			db.Close()
			return nil, fmt.Errorf("%s holds no bereik data yet: run bereik ingest first", dbPath)
		}
		// A database written by an older bereik is brought up to date first: the
		// migrations need the write lock for a moment, then it is opened read-only again.
		var have int
		if err := db.QueryRowContext(ctx, `SELECT count(DISTINCT version) FROM schema_migrations`).Scan(&have); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", dbPath, err)
		}
		if have < len(migrationVersions()) {
			db.Close()
			rw, err := open(ctx, dbPath, OpenOptions{})
			if err != nil {
				return nil, err
			}
			if err := rw.Close(); err != nil {
				return nil, err
			}
			return open(ctx, dbPath, opts)
		}
		return db, nil
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", dbPath, err)
	}
	return db, nil
}

func openError(dbPath string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "Conflicting lock") || strings.Contains(msg, "Could not set lock"):
		return fmt.Errorf("%s: %w", dbPath, ErrLocked)
	case strings.Contains(msg, "No such file") || strings.Contains(msg, "does not exist"):
		return fmt.Errorf("%s does not exist: run bereik ingest first, or pass --db", dbPath)
	}
	return fmt.Errorf("open %s: %w", dbPath, err)
}

// migrationVersions returns the numbers of the embedded migrations.
func migrationVersions() []int {
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	var versions []int
	for _, name := range names {
		if v, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0]); err == nil {
			versions = append(versions, v)
		}
	}
	return versions
}

// latestMigration is the number of the newest embedded migration.
func latestMigration() int { return slices.Max(migrationVersions()) }

// migrate applies, in order and each in its own transaction, the embedded migrations the
// database has not recorded yet.
func migrate(ctx context.Context, db *sql.DB) error {
	// A migration may rework every row of a large table once (014 aggregates every visit):
	// it gets the memory a report gets, and ingest its own limit back after.
	if _, err := db.ExecContext(ctx, `SET memory_limit = '`+migrationMemoryLimit+`'`); err != nil {
		return err
	}
	defer db.ExecContext(context.WithoutCancel(ctx), `SET memory_limit = '`+ingestMemoryLimit+`'`)
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, name := range names {
		base := path.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with its number", base)
		}
		var done int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&done); err != nil {
			return err
		}
		if done > 0 {
			continue
		}
		text, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(text)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, version, base); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// damagedError is a database whose blocks fail their checksums, with what to do.
type damagedError struct {
	path, table string
	err         error
}

func (e *damagedError) Error() string {
	return fmt.Sprintf("the database %s is damaged: table %s cannot be read whole (%v)", e.path, e.table, e.err)
}

func (e *damagedError) Unwrap() error { return e.err }

// Hint says how to get a whole database back.
func (e *damagedError) Hint() string {
	return "restore the database from its last backup (with its hashing key), or load the exports again into a new database with bereik ingest --db NEW.duckdb"
}

// blockCheckEvery is how often ingest reads every block of the database.
const blockCheckEvery = 20 * time.Hour

// checkBlocksDaily runs CheckBlocks when the last full check (block_checks) is older than
// blockCheckEvery, and records it when it passes.
func checkBlocksDaily(ctx context.Context, db *sql.DB, dbPath string) error {
	var last sql.NullTime
	if err := db.QueryRowContext(ctx, `SELECT max(checked_at) FROM block_checks`).Scan(&last); err != nil {
		return err
	}
	now := time.Now().UTC()
	if last.Valid && now.Sub(last.Time) < blockCheckEvery {
		return nil
	}
	if err := CheckBlocks(ctx, db, dbPath); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM block_checks`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO block_checks VALUES (?)`, now); err != nil {
		return err
	}
	return tx.Commit()
}

// CheckBlocks reads every block of every table of the database, so that DuckDB verifies
// each block's checksum, and returns a damaged-database error naming the first table that
// cannot be read whole. A query reads only the columns and row groups it needs, and a
// count none at all: without this, a damaged block in a column no query of the run
// touches goes unnoticed. It hashes every row, which reads every column of every row
// group: about 0,2 s per million page views on this machine (2 cores, shared).
func CheckBlocks(ctx context.Context, db *sql.DB, dbPath string) error {
	rows, err := db.QueryContext(ctx, `SELECT table_name FROM duckdb_tables()
		WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY table_name`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range tables {
		var n int64
		quoted := `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM `+quoted+` bereik_row WHERE hash(bereik_row) = 0`).Scan(&n)
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return ctx.Err()
		default:
			return &damagedError{path: dbPath, table: t, err: err}
		}
	}
	return nil
}
