package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// parseAll parses an export in memory, as ingest would before loading, and checks that
// every batch has aligned columns.
func parseAll(t *testing.T, data []byte) { parseNamed(t, "fuzz.csv", fileHints{}, data) }

// parseNamed is parseAll for a file of the given name, with the given ingest options.
func parseNamed(t *testing.T, name string, hints fileHints, data []byte) {
	cfg := testConfig(t)
	keys := &keyer{}
	k, err := loadKeyer(filepath.Join(t.TempDir(), "fuzz.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	*keys = *k
	run, err := openRun(bytes.NewReader(data), name, cfg, keys, hints)
	if err != nil {
		return // rejected whole, with an error: fine
	}
	r := newBatchReader(run)
	var rows int64
	for r.Next() {
		rows += r.RecordBatch().NumRows()
	}
	r.Release()
	// Every row counted as loaded is in a batch, and no row is both.
	if run.err == nil && rows != run.loaded {
		t.Fatalf("batches hold %d rows, the parser counted %d loaded", rows, run.loaded)
	}
	// A file read line by line accounts for every non-blank line exactly once.
	if run.err == nil && run.f.byLine {
		lines := 0
		for _, l := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		bots := countNamed(run.counts(), "bots")
		if got := run.loaded + run.skipped + bots + run.nReject; run.f.encoding == "utf-8" && got != int64(lines) {
			t.Fatalf("%d lines, but %d loaded + %d skipped + %d bots + %d rejected", lines, run.loaded, run.skipped, bots, run.nReject)
		}
	}
}

func seedFrom(f *testing.F, glob string) {
	files, _ := filepath.Glob(glob)
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzParse fuzzes the parser of the files that glob seeds: whatever kind the mutated
// bytes are recognised as.
func fuzzParse(f *testing.F, glob string) {
	seedFrom(f, glob)
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

func FuzzParseMetaAds(f *testing.F) { fuzzParse(f, "../testdata/ingest/meta_ads_*/*.csv") }

func FuzzParseVisitLog(f *testing.F) { fuzzParse(f, "../testdata/ingest/visit_log/*.csv") }

func FuzzParseCatalogue(f *testing.F) { fuzzParse(f, "../testdata/ingest/catalogue/*.csv") }

func FuzzParseMetaPosts(f *testing.F) { fuzzParse(f, "../testdata/ingest/meta_posts_*/*.csv") }

func FuzzParseLinkedIn(f *testing.F) { fuzzParse(f, "../testdata/ingest/linkedin_csv_*/*.csv") }

// FuzzParseLinkedInXLSX fuzzes the workbook reader and its conversion of cells into records.
func FuzzParseLinkedInXLSX(f *testing.F) { fuzzParse(f, "../testdata/ingest/linkedin_xlsx_*/*.xlsx") }

func FuzzParseX(f *testing.F) { fuzzParse(f, "../testdata/ingest/x_*/*.csv") }

func FuzzParseYouTube(f *testing.F) { fuzzParse(f, "../testdata/ingest/youtube/*.csv") }

func FuzzParseAccessLog(f *testing.F) {
	seedFrom(f, "../testdata/ingest/access_log_*/*")
	f.Fuzz(func(t *testing.T, data []byte) { parseNamed(t, "kennisplein.access.log", fileHints{}, data) })
}

func FuzzParsePageReport(f *testing.F) {
	seedFrom(f, "../testdata/ingest/page_report_*/*")
	summer := fileHints{period: Period{Start: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2021, 8, 31, 0, 0, 0, 0, time.UTC)}}
	f.Fuzz(func(t *testing.T, data []byte) { parseNamed(t, "pages.csv", summer, data) })
}
