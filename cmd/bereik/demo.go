package main

import (
	"context"
	"fmt"

	"bereik/demo"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--dir DIR] [--seed N] [--scale N]\n\n"+
		"Writes realistic demo exports of every kind ingest reads (Meta Ads, Meta Business Suite\n"+
		"posts, LinkedIn CSV and XLSX, X, YouTube, visit logs, a gzipped access log, Matomo and\n"+
		"Google Analytics page reports, the content catalogue) and bereik.toml into DIR,\n"+
		"calibrated to the published figures of the\n"+
		"programme Begeleiding à la carte. --scale multiplies the visit log for load tests.\n\n"+
		"Example: bereik demo --dir out/exports")
	dir := fs.String("dir", "demo-exports", "folder to write the exports into")
	seed := fs.Uint64("seed", 1, "random seed; the same seed writes the same files")
	scale := fs.Int("scale", 1, "multiply the visit log by this factor")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 || *scale < 1 {
		fs.Usage()
		return errUsage
	}
	files, err := demo.Write(demo.Options{Dir: *dir, Seed: *seed, Scale: *scale})
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(e.stdout, "%s\t%s\t%d rows\n", f.Path, f.Kind, f.Rows)
	}
	return nil
}
