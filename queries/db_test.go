package queries_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"bereik/pipeline"
	"bereik/queries"
)

// TestEveryQueryGivesItsDeclaredColumns runs every query on a database that holds a few
// exports of each kind, once with no parameters (the configuration stored at ingest fills
// those it keeps) and once with a period: Run checks that the result's columns and their
// types are the ones the query's header declares.
func TestEveryQueryGivesItsDeclaredColumns(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "queries.duckdb")
	db, err := pipeline.Open(ctx, path, pipeline.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg, err := pipeline.LoadConfig("")
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, dir := range []string{"visit_log", "catalogue", "meta_ads_en_ad", "meta_posts_fb_en", "youtube", "page_report_ga_en", "meta_ads_bad_rows"} {
		files = append(files, filepath.Join("..", "testdata", "ingest", dir))
	}
	if _, err := pipeline.Ingest(ctx, db, pipeline.IngestOptions{DBPath: path, Config: cfg}, files); err != nil {
		t.Fatal(err)
	}
	qs, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	period := queries.Args{
		"from": time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC),
		"to":   time.Date(2021, 8, 31, 0, 0, 0, 0, time.UTC),
	}
	for _, q := range qs {
		t.Run(q.Name, func(t *testing.T) {
			res, err := queries.Run(ctx, db, q.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Declared) != len(res.Columns) {
				t.Errorf("%d columns declared, %d in the result", len(res.Declared), len(res.Columns))
			}
			args := queries.Args{}
			for _, p := range q.Params {
				if v, ok := period[p.Name]; ok {
					args[p.Name] = v
				}
			}
			if _, err := queries.Run(ctx, db, q.Name, args); err != nil {
				t.Fatal(err)
			}
		})
	}
}
