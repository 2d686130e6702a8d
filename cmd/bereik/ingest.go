package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"bereik/pipeline"
	"bereik/queries"
)

// ingestGoMemoryLimit is the Go heap's soft limit while ingest runs, unless GOMEMLIMIT
// sets one: the parser's batches are collected before their garbage adds up, so that
// ingest's memory stays flat in the file's size (docs/BENCHMARKS.md). It is soft: a file
// that needs more gets it, with the collector working harder.
const ingestGoMemoryLimit = 150 << 20

func runIngest(ctx context.Context, e *env, args []string) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(ingestGoMemoryLimit))
	}
	fs := newFlags(e, "ingest", "[--db PATH] [--config FILE] [--wait 30s] [--kind KIND] [--site SITE] [--period FROM..TO]\n"+
		"              [--log-format text|json] PATH...\n\n"+
		"Loads export files, and every file in the given folders, into the database. Each file\n"+
		"is one transaction; a file loaded before is passed over. Exit code 0: all loaded;\n"+
		"1: some files or rows were rejected (bereik status lists them); 2: nothing done;\n"+
		"130: interrupted (SIGINT or SIGTERM): the file being loaded was rolled back, the\n"+
		"files before it stay loaded.\n\n"+
		"Example: bereik ingest --db out/bereik.duckdb out/exports")
	db := dbFlag(e, fs)
	wait := waitFlag(fs)
	configPath := fs.String("config", "", "configuration file (default bereik.toml beside the database, else built-in)")
	kind := fs.String("kind", "", "read every file as this kind instead of recognising it: "+strings.Join(pipeline.Kinds(), ", "))
	site := fs.String("site", "", "the configured site of access logs and page reports that name it neither inside nor in their file name")
	period := fs.String("period", "", "the period of page reports that hold no dates, e.g. 2021-06-01..2021-08-31")
	logger := logFlag(e, fs)
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return errUsage
	}
	var bar *progressBar
	if e.isTerminal(e.stderr) {
		bar = &progressBar{w: e.stderr}
		e.stderr = bar // log lines and errors go above the bar
		defer bar.finish()
	}
	log := logger()
	cfg, err := loadConfig(*configPath, *db)
	if err != nil {
		return err
	}
	conn, err := pipeline.Open(ctx, *db, pipeline.OpenOptions{Wait: *wait})
	if err != nil {
		return err
	}
	defer conn.Close()
	opts := pipeline.IngestOptions{DBPath: *db, Config: cfg, Logger: log, Kind: *kind, Site: *site}
	if *period != "" {
		if opts.Period, err = pipeline.ParsePeriod(*period); err != nil {
			return fmt.Errorf("--period: %w", err)
		}
	}
	if bar != nil {
		opts.Progress = bar.update
	}
	outcomes, err := pipeline.Ingest(ctx, conn, opts, paths)
	if bar != nil {
		bar.finish()
	}
	if err != nil {
		return err
	}
	if res, err := queries.Run(ctx, conn, "sources", nil); err == nil {
		for _, w := range staleWarnings(res) {
			log.Warn(w)
		}
	}
	var loaded, unchanged, failed, rejected int
	var rows int64
	for _, o := range outcomes {
		switch o.Status {
		case "loaded":
			loaded++
			rows += o.Rows
		case "unchanged":
			unchanged++
		case "failed":
			failed++
		}
		if o.Rejected > 0 {
			rejected++
		}
	}
	log.Info("ingest finished", "files", len(outcomes), "loaded", loaded, "unchanged", unchanged,
		"failed", failed, "with_rejects", rejected, "rows", rows, "db", *db)
	if failed > 0 || rejected > 0 {
		if loaded == 0 && unchanged == 0 && failed == len(outcomes) {
			return exitWith(exitPartial, errors.New("no file could be loaded"))
		}
		log.Warn("some files were not loaded or had rows rejected; see the log above and bereik status",
			"not_loaded", failed, "with_rejects", rejected)
		return exitWith(exitPartial, nil)
	}
	return nil
}
