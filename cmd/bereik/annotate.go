package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"bereik/pipeline"
)

func runAnnotate(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "annotate", "[--db PATH] DATE TEXT\n\n"+
		"Records a note for a day; the report marks it on its time-series charts.\n\n"+
		"Example: bereik annotate --db out/bereik.duckdb 2021-08-09 \"start vlucht 2\"")
	db := dbFlag(e, fs)
	wait := waitFlag(fs)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) < 2 {
		fs.Usage()
		return errUsage
	}
	day, err := time.Parse(time.DateOnly, rest[0])
	if err != nil {
		return fmt.Errorf("%q is not a date like 2021-08-09", rest[0])
	}
	conn, err := pipeline.Open(ctx, *db, pipeline.OpenOptions{Wait: *wait})
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := pipeline.Annotate(ctx, conn, day, strings.Join(rest[1:], " ")); err != nil {
		return err
	}
	return nil
}
