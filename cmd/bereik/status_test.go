package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"bereik/pipeline"
)

// sourceRows runs the sources question and returns its rows column by kind.
func sourceRows(tb testing.TB, db string) map[string]int64 {
	tb.Helper()
	recs, err := csv.NewReader(strings.NewReader(bereik(tb, "query", "--db", db, "sources", "--format", "csv"))).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	kind, rows := -1, -1
	for i, c := range recs[0] {
		switch c {
		case "kind":
			kind = i
		case "rows":
			rows = i
		}
	}
	out := map[string]int64{}
	for _, rec := range recs[1:] {
		n, err := strconv.ParseInt(rec[rows], 10, 64)
		if err != nil {
			tb.Fatal(err)
		}
		out[rec[kind]] = n
	}
	return out
}

// tableRows returns the rows of every table a kind loads into, together.
func tableRows(tb testing.TB, db string) int64 {
	tb.Helper()
	conn, err := pipeline.Open(context.Background(), db, pipeline.OpenOptions{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	tables, err := conn.Query(`SELECT DISTINCT target_table FROM source_kinds`)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var t string
		tables.Scan(&t)
		names = append(names, t)
	}
	tables.Close()
	sources, err := os.ReadFile("../../queries/sources.sql")
	if err != nil {
		tb.Fatal(err)
	}
	var total int64
	for _, t := range names {
		counted := t
		if t == "page_views" {
			counted = "page_view_keys" // the same rows, without the dimensions' columns
		}
		if !regexp.MustCompile(`SELECT file_id FROM ` + counted + `\b`).Match(sources) {
			tb.Errorf("queries/sources.sql does not count the rows of %s, a kind's table", t)
		}
		var n int64
		if err := conn.QueryRow(`SELECT count(*) FROM ` + t).Scan(&n); err != nil {
			tb.Fatal(err)
		}
		total += n
	}
	return total
}

// TestStatusCountsWhatTheTablesHold: an access log loaded after a visit log of the same
// site and hours replaces the visit log's page views of those hours. status counts each
// kind's rows by what the tables hold now: never negative, and adding up to the tables.
// Before, it showed rows loaded less rows replaced, and the access log, which replaced
// more visit-log rows than it loaded, came out negative.
func TestStatusCountsWhatTheTablesHold(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "status.duckdb")
	visits := writeVisitLog(t, dir, "visits.csv", time.Date(2021, 6, 1, 8, 0, 0, 0, time.UTC), 600)
	var log strings.Builder
	for i := range 100 {
		fmt.Fprintf(&log, "203.0.113.%d - - [01/Jun/2021:08:%02d:%02d +0200] \"GET /begeleiding-a-la-carte/wat-is-er HTTP/1.1\" 200 1234 \"-\" \"Mozilla/5.0 (X11; Linux x86_64; rv:90.0) Gecko/20100101 Firefox/90.0\"\n",
			1+i%50, 1+i/6, i%6*10)
	}
	access := filepath.Join(dir, "kennisplein.access.log")
	if err := os.WriteFile(access, []byte(log.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	bereik(t, "ingest", "--db", db, visits)
	bereik(t, "ingest", "--db", db, access)
	got := sourceRows(t, db)
	total := tableRows(t, db)
	if got["access_log"] != 100 || got["visit_log"] < 0 || got["visit_log"] >= 600 || got["access_log"]+got["visit_log"] != total {
		t.Errorf("status rows %v, want access_log 100 and visit_log what is left of its 600, together the %d page views held", got, total)
	}
	t.Logf("status rows %v; the tables hold %d", got, total)

	// The demo, every kind: the kinds' rows add up to the tables' rows.
	demo, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for kind, n := range sourceRows(t, demo) {
		if n < 0 {
			t.Errorf("demo: %s has %d rows", kind, n)
		}
		sum += n
	}
	if total := tableRows(t, demo); sum != total {
		t.Errorf("demo: the kinds' rows add up to %d, the tables hold %d", sum, total)
	}
}
