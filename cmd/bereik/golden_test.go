package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden runs each subcommand on the demo database and compares its stdout with
// testdata/golden/NAME.txt. Temporary paths and load times are replaced by $DIR and $TIME.
// Cases run in order: the annotation added by one is what a later one reads.
func TestGolden(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(db)
	parquet := filepath.Join(t.TempDir(), "parquet")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"queries", []string{"queries"}},
		{"query_twinkel_flights_table", []string{"query", "--db", db, "twinkel_flights", "--param", "to=2021-08-31"}},
		{"query_twinkel_totals_csv", []string{"query", "--db", db, "twinkel_totals", "--param", "to=2021-08-31", "--format", "csv"}},
		{"query_visits_per_quarter_json", []string{"query", "--db", db, "visits_per_quarter", "--param", "to=2021-08-31", "--format", "json"}},
		{"query_funnel_table", []string{"query", "--db", db, "funnel", "--param", "from=2021-06-14", "--param", "to=2021-08-31"}},
		{"query_sql", []string{"query", "--db", db, "--sql", "SELECT site, count(*) AS page_views FROM page_views GROUP BY site ORDER BY site"}},
		{"status", []string{"status", "--db", db}},
		{"annotate", []string{"annotate", "--db", db, "2021-08-09", "start vlucht 2"}},
		{"query_annotations", []string{"query", "--db", db, "annotations", "--format", "csv"}},
		{"export", []string{"export", "--db", db, "--parquet", parquet}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := bereik(t, tc.args...)
			got = strings.ReplaceAll(got, parquet, "$PARQUET")
			got = strings.ReplaceAll(got, dir, "$DIR")
			got = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?`).ReplaceAllString(got, "$$TIME")
			golden := filepath.Join("testdata", "golden", tc.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("bereik %s (-want +got):\n%s", tc.name, diff)
			}
		})
	}
}

// TestParquetRoundTrip exports the demo database and reads the files back with DuckDB's
// read_parquet: counts and sums must equal the database's.
func TestParquetRoundTrip(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "parquet")
	bereik(t, "export", "--db", db, "--parquet", dir)
	for _, tc := range []struct{ name, fromDB, fromParquet string }{
		{"page views",
			`SELECT count(*), count(DISTINCT visitor), sum(time_on_page), min(ts), max(ts) FROM page_views`,
			`SELECT count(*), count(DISTINCT visitor), sum(time_on_page), min(ts), max(ts) FROM read_parquet('` + dir + `/tables/page_views/**/*.parquet', hive_partitioning = true)`},
		{"page views per partition",
			`SELECT l.kind, year(ts), count(*) FROM page_views JOIN ingest_log l USING (file_id) GROUP BY ALL ORDER BY ALL`,
			`SELECT source, year, count(*) FROM read_parquet('` + dir + `/tables/page_views/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`},
		{"ads",
			`SELECT count(*), sum(impressions), sum(reach), sum(link_clicks), sum(video_plays_3s) FROM meta_ads`,
			`SELECT count(*), sum(impressions), sum(reach), sum(link_clicks), sum(video_plays_3s) FROM read_parquet('` + dir + `/tables/meta_ads/**/*.parquet', hive_partitioning = true)`},
		{"social posts",
			`SELECT platform, year(published_at), count(*), sum(impressions), sum(clicks) FROM social_posts GROUP BY ALL ORDER BY ALL`,
			`SELECT platform, year, count(*), sum(impressions), sum(clicks) FROM read_parquet('` + dir + `/tables/social_posts/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`},
		{"catalogue", `SELECT count(*), count(path) FROM content_items`, `SELECT count(*), count(path) FROM '` + dir + `/tables/content_items.parquet'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := bereik(t, "query", "--db", db, "--sql", tc.fromDB, "--format", "csv")
			got := readParquet(t, tc.fromParquet)
			if diff := cmp.Diff(dataRows(want), dataRows(got)); diff != "" {
				t.Errorf("(-database +parquet):\n%s", diff)
			}
		})
	}
	// A question's exported result equals running it.
	want := bereik(t, "query", "--db", db, "twinkel_totals", "--format", "csv")
	got := readParquet(t, `SELECT * FROM '`+dir+`/questions/twinkel_totals.parquet'`)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("questions/twinkel_totals.parquet (-query +parquet):\n%s", diff)
	}
}

// dataRows drops the header line, whose column names differ between the two readings.
func dataRows(csv string) string {
	_, rows, _ := strings.Cut(csv, "\n")
	return rows
}
