package main

import (
	"context"
	"fmt"

	"bereik/pipeline"
	"bereik/queries"
)

func runStatus(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "status", "[--db PATH]\n\nShows what is loaded per source kind, and the rejected rows.\n\nExample: bereik status --db out/bereik.duckdb")
	db := dbFlag(e, fs)
	if code, ok := parseNoArgs(fs, args); !ok {
		return code
	}
	conn, err := pipeline.Open(ctx, *db, pipeline.OpenOptions{ReadOnly: true})
	if err != nil {
		return fail(e, exitFailed, err)
	}
	defer conn.Close()
	for _, name := range []string{"sources", "rejects"} {
		res, err := queries.Run(ctx, conn, name, nil)
		if err != nil {
			return fail(e, exitFailed, err)
		}
		fmt.Fprintf(e.stdout, "%s (bereik query %s)\n", name, name)
		if err := writeTable(e.stdout, res); err != nil {
			return fail(e, exitFailed, err)
		}
		fmt.Fprintln(e.stdout)
	}
	return exitOK
}
