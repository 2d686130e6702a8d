package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// parseAll parses an export in memory, as ingest would before loading, and checks that
// every batch has aligned columns.
func parseAll(t *testing.T, data []byte) {
	cfg := testConfig(t)
	keys := &keyer{}
	k, err := loadKeyer(filepath.Join(t.TempDir(), "fuzz.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	*keys = *k
	run, err := openRun(bytes.NewReader(data), "fuzz.csv", cfg, keys)
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

func FuzzParseMetaAds(f *testing.F) {
	seedFrom(f, "../testdata/ingest/meta_ads_*/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

func FuzzParseVisitLog(f *testing.F) {
	seedFrom(f, "../testdata/ingest/visit_log/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

func FuzzParseCatalogue(f *testing.F) {
	seedFrom(f, "../testdata/ingest/catalogue/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

func FuzzParseMetaPosts(f *testing.F) {
	seedFrom(f, "../testdata/ingest/meta_posts_*/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

func FuzzParseLinkedIn(f *testing.F) {
	seedFrom(f, "../testdata/ingest/linkedin_csv_*/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

// FuzzParseLinkedInXLSX fuzzes the workbook reader and its conversion of cells into records.
func FuzzParseLinkedInXLSX(f *testing.F) {
	seedFrom(f, "../testdata/ingest/linkedin_xlsx_*/*.xlsx")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

func FuzzParseX(f *testing.F) {
	seedFrom(f, "../testdata/ingest/x_*/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}

func FuzzParseYouTube(f *testing.F) {
	seedFrom(f, "../testdata/ingest/youtube/*.csv")
	f.Fuzz(func(t *testing.T, data []byte) { parseAll(t, data) })
}
