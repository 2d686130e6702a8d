package main

import (
	"context"
	"fmt"
	"time"

	"bereik/pipeline"
	"bereik/queries"
)

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status", "[--db PATH]\n\nShows what is loaded per source kind, and the rejected rows.\n\nExample: bereik status --db out/bereik.duckdb")
	db := dbFlag(e, fs)
	wait := waitFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	conn, err := pipeline.Open(ctx, *db, pipeline.OpenOptions{ReadOnly: true, Wait: *wait})
	if err != nil {
		return err
	}
	defer conn.Close()
	// status is where a nightly job looks whether all is well: a damaged block anywhere
	// fails it, not only the next report that happens to read that block.
	if err := pipeline.CheckBlocks(ctx, conn, *db); err != nil {
		return err
	}
	for _, name := range []string{"sources", "rejects"} {
		res, err := queries.Run(ctx, conn, name, nil)
		if err != nil {
			return err
		}
		if name == "sources" {
			for _, w := range staleWarnings(res) {
				fmt.Fprintln(e.stderr, "bereik: warning:", w)
			}
		}
		fmt.Fprintf(e.stdout, "%s (bereik query %s)\n", name, name)
		if err := writeTable(e.stdout, res); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout)
	}
	return nil
}

// staleWarnings says which source kinds of a sources result are stale, and since when.
func staleWarnings(res *queries.Result) []string {
	var out []string
	kind, last, stale := res.Col("kind"), res.Col("last_day"), res.Col("stale")
	for _, row := range res.Rows {
		if b, _ := row[stale].(bool); b {
			day := "no date"
			if t, ok := row[last].(time.Time); ok {
				day = t.Format(time.DateOnly)
			}
			out = append(out, fmt.Sprintf("%v is stale: its newest data is of %s, older than stale_after in bereik.toml; download a new export", row[kind], day))
		}
	}
	return out
}
