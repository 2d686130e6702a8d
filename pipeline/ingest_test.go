package pipeline

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// testDB opens a fresh database in a temporary folder.
func testDB(tb testing.TB) (*sql.DB, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.duckdb")
	db, err := Open(context.Background(), path, OpenOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db, path
}

func testConfig(tb testing.TB) *Config {
	tb.Helper()
	cfg, err := LoadConfig("")
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}

func ingestPaths(tb testing.TB, db *sql.DB, dbPath string, paths ...string) []FileOutcome {
	tb.Helper()
	out, err := Ingest(context.Background(), db, IngestOptions{DBPath: dbPath, Config: testConfig(tb)}, exportsOf(tb, paths))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// exportsOf lists the export files of a case folder of testdata/ingest, without its
// want.json; other paths stay as they are.
func exportsOf(tb testing.TB, paths []string) []string {
	tb.Helper()
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() || !strings.Contains(filepath.ToSlash(p), "testdata/ingest/") {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range entries {
			if n := e.Name(); n != "want.json" && n != "bereik.toml" && !strings.HasSuffix(n, ".md") {
				out = append(out, filepath.Join(p, n))
			}
		}
	}
	return out
}

// metaRow is one loaded Meta Ads row, as the tests compare it.
type metaRow struct {
	Start, End, AdSet, Ad, Campaign, Format string
	Flight                                  int64
	Impressions, Reach, Clicks              int64
	Views                                   *int64
}

func metaRows(tb testing.TB, db *sql.DB) []metaRow {
	tb.Helper()
	rows, err := db.Query(`SELECT strftime(reporting_start, '%Y-%m-%d'), strftime(reporting_end, '%Y-%m-%d'), adset_name, ad_name,
		coalesce(campaign, ''), coalesce(format, ''), coalesce(flight, 0), impressions, reach, link_clicks, video_plays_3s
		FROM meta_ads ORDER BY reporting_start, adset_name, ad_name`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []metaRow
	for rows.Next() {
		var r metaRow
		var views sql.NullInt64
		if err := rows.Scan(&r.Start, &r.End, &r.AdSet, &r.Ad, &r.Campaign, &r.Format, &r.Flight, &r.Impressions, &r.Reach, &r.Clicks, &views); err != nil {
			tb.Fatal(err)
		}
		if views.Valid {
			r.Views = &views.Int64
		}
		out = append(out, r)
	}
	return out
}

func ptr(n int64) *int64 { return &n }

func TestIngestMetaAdsDutchAdSetLevel(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/meta_ads_nl_adset")
	if len(out) != 1 || out[0].Status != "loaded" || out[0].Kind != "meta_ads" || out[0].Encoding != "utf-8-bom" {
		t.Fatalf("outcome = %+v", out)
	}
	if out[0].Rows != 2 || out[0].Skipped != 3 || out[0].Rejected != 0 {
		t.Errorf("rows %d skipped %d rejected %d, want 2 data rows, the totals row and two blank rows skipped", out[0].Rows, out[0].Skipped, out[0].Rejected)
	}
	want := []metaRow{
		{"2021-06-14", "2021-07-11", "Vlucht 1 - dynamisch (korte video)", "", "Twinkels 2021", "dynamic", 1, 97008, 30568, 797, ptr(61635)},
		{"2021-06-14", "2021-07-11", "Vlucht 1 - statisch (foto met quote)", "", "Twinkels 2021", "static", 1, 896158, 151136, 6402, nil},
	}
	if diff := cmp.Diff(want, metaRows(t, db)); diff != "" {
		t.Errorf("meta_ads (-want +got):\n%s", diff)
	}
}

func TestIngestMetaAdsEnglishAdLevel(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/meta_ads_en_ad")
	if len(out) != 1 || out[0].Status != "loaded" || out[0].Rows != 4 || out[0].Encoding != "utf-8" {
		t.Fatalf("outcome = %+v", out)
	}
	want := []metaRow{
		{"2021-08-09", "2021-08-31", "Algemeen", "Aanmelden nieuwsbrief", "", "", 0, 3400, 1200, 31, nil},
		{"2021-08-09", "2021-08-31", "Flight 2 - dynamic (short video)", "Twinkel #11 - De Berkelhof", "Twinkels 2021", "dynamic", 2, 54986, 23571, 487, ptr(36861)},
		{"2021-08-09", "2021-08-31", "Flight 2 - static (photo with quote)", "Twinkel #3 - Prinsenstichting", "Twinkels 2021", "static", 2, 201040, 61204, 2510, nil},
		{"2021-08-09", "2021-08-31", "Flight 2 - static (photo with quote)", "Twinkel #7 - Middin", "Twinkels 2021", "static", 2, 174545, 55873, 2057, nil},
	}
	if diff := cmp.Diff(want, metaRows(t, db)); diff != "" {
		t.Errorf("meta_ads (-want +got):\n%s", diff)
	}
}

func TestIngestSameFileTwiceLoadsNothingNew(t *testing.T) {
	db, path := testDB(t)
	ingestPaths(t, db, path, "../testdata/ingest/meta_ads_nl_adset")
	before := metaRows(t, db)
	out := ingestPaths(t, db, path, "../testdata/ingest/meta_ads_nl_adset")
	if len(out) != 1 || out[0].Status != "unchanged" {
		t.Fatalf("second ingest outcome = %+v, want unchanged", out)
	}
	if diff := cmp.Diff(before, metaRows(t, db)); diff != "" {
		t.Errorf("second ingest changed meta_ads (-before +after):\n%s", diff)
	}
	var files int
	db.QueryRow(`SELECT count(*) FROM ingest_log`).Scan(&files)
	if files != 1 {
		t.Errorf("ingest_log has %d files, want 1", files)
	}
}

func TestIngestAmbiguousNumbersRejectsFile(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/meta_ads_ambiguous")
	if out[0].Status != "failed" || !strings.Contains(out[0].Err.Error(), `cannot tell whether "896.158" means thousands (Dutch) or a decimal (English)`) {
		t.Fatalf("outcome = %+v, want failed naming the ambiguous number", out[0])
	}
	if n := len(metaRows(t, db)); n != 0 {
		t.Errorf("%d rows loaded from a rejected file", n)
	}
}

func TestIngestBadRowsAreRejectedWithPlace(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/meta_ads_bad_rows")
	if out[0].Status != "loaded" || out[0].Rows != 2 || out[0].Rejected != 2 {
		t.Fatalf("outcome = %+v, want 2 rows loaded and 2 rejected", out[0])
	}
	rows, err := db.Query(`SELECT line, col, reason FROM rejects ORDER BY line`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var line, col int
		var reason string
		rows.Scan(&line, &col, &reason)
		got = append(got, fmt.Sprintf("%d:%d: %s", line, col, reason))
	}
	want := []string{
		`3:5: "1,2,3" is not a number in column Weergaven (numbers in this file are Dutch (1.234,5))`,
		`4:2: reporting period ends (2021-06-14) before it starts (2021-07-11)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}

// TestNewerDownloadLoadsLast: a browser names a second download "x (1).csv", which sorts
// before "x.csv"; ingest loads the copies of a download after it, so the newer export's
// figures stay.
func TestNewerDownloadLoadsLast(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	header := "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes,url clicks\n"
	writeFile(t, dir, "tweets.csv", header+"1404750000000000001,https://twitter.com/x/status/1404750000000000001,Tekst,2021-06-15 09:30 +0000,800,30,0.0375,1,1,10,3\n")
	newer := writeFile(t, dir, "tweets (1).csv", header+"1404750000000000001,https://twitter.com/x/status/1404750000000000001,Tekst,2021-06-15 09:30 +0000,1500,61,0.0407,2,2,20,5\n")
	// Written newest first: the order comes from the names, not from the clock.
	if err := os.Chtimes(newer, time.Now().Add(-time.Hour), time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	ingestPaths(t, db, path, dir)
	var impressions int
	if err := db.QueryRow(`SELECT impressions FROM social_posts`).Scan(&impressions); err != nil {
		t.Fatal(err)
	}
	if impressions != 1500 {
		t.Errorf("impressions %d, want the newer download's 1500 (%s)", impressions, newer)
	}
}

// TestHashWhileParsing checks that a file hashed while it is parsed is logged with the
// SHA-256 and size of the whole file, also when its parser stops before the end (Google
// Analytics' further sections); that the same file again is passed over, hashed first as
// a file of a size loaded already; and that a file found to be loaded only once it is
// hashed at the end is passed over with nothing of it left.
func TestHashWhileParsing(t *testing.T) {
	defer func(n int64) { hashWhileParsing = n }(hashWhileParsing)
	hashWhileParsing = 1
	dir := t.TempDir()
	ga, err := os.ReadFile("../testdata/ingest/ga4_pages_en/Pages_and_screens_Page_path_and_screen_class.csv")
	if err != nil {
		t.Fatal(err)
	}
	// A further section longer than what the reader buffers, so that the parser stops
	// well before the file's end.
	ga = append(ga, "\n# Date\nDate,Views\n"...)
	for i := range 100_000 {
		ga = fmt.Appendf(ga, "2021%04d,%d\n", i%1200, 4000+i%1000)
	}
	gaPath := filepath.Join(dir, "Pages_and_screens_Page_path_and_screen_class.csv")
	if err := os.WriteFile(gaPath, ga, 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{gaPath, "../testdata/ingest/access_log_plain/kennisplein.access.log",
		"../testdata/ingest/meta_ads_nl_adset/Twinkels-2021-Advertentiesets-14-jun-2021-11-jul-2021.csv"}
	db, path := testDB(t)
	for _, f := range files {
		out := ingestPaths(t, db, path, f)
		if len(out) != 1 || out[0].Status != "loaded" {
			t.Fatalf("%s: %+v, want loaded", f, out)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var sha string
		var size int64
		if err := db.QueryRow(`SELECT sha256, bytes FROM ingest_log WHERE path = ?`, f).Scan(&sha, &size); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("%x", sha256.Sum256(data)); sha != want || size != int64(len(data)) {
			t.Errorf("%s: logged as %s of %d bytes, want %s of %d", f, sha, size, want, len(data))
		}
		if out := ingestPaths(t, db, path, f); len(out) != 1 || out[0].Status != "unchanged" {
			t.Errorf("%s again: %+v, want unchanged", f, out)
		}
	}
	// The log's size of the access log made other: it is hashed while parsed, and found
	// loaded at the end.
	if _, err := db.Exec(`UPDATE ingest_log SET bytes = bytes + 1 WHERE kind = 'access_log'`); err != nil {
		t.Fatal(err)
	}
	var views int
	if err := db.QueryRow(`SELECT count(*) FROM page_view_rows`).Scan(&views); err != nil {
		t.Fatal(err)
	}
	if out := ingestPaths(t, db, path, files[1]); len(out) != 1 || out[0].Status != "unchanged" {
		t.Errorf("the access log, hashed at the end: %+v, want unchanged", out)
	}
	var after, parts, logged int
	for q, into := range map[string]*int{`SELECT count(*) FROM page_view_rows`: &after,
		`SELECT count(*) FROM ingest_parts`: &parts, `SELECT count(*) FROM ingest_log`: &logged} {
		if err := db.QueryRow(q).Scan(into); err != nil {
			t.Fatal(err)
		}
	}
	if after != views || parts != 0 || logged != len(files) {
		t.Errorf("after a file found loaded at the end: %d page view rows (was %d), %d unfinished parts, %d files logged, want %d", after, views, parts, logged, len(files))
	}
}

// TestDigestOfAFileThatGrows checks that a file hashed while parsed is logged as it was
// read: what a log still being written gains after the parser read its end is not in the
// hash, so that the next ingest loads the file again with it.
func TestDigestOfAFileThatGrows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "growing.access.log")
	first := []byte("the lines read\n")
	if err := os.WriteFile(path, first, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := &digest{h: sha256.New()}
	if _, err := io.ReadAll(d.reading(f)); err != nil {
		t.Fatal(err)
	}
	w, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteString("a line written after\n"); err != nil {
		t.Fatal(err)
	}
	w.Close()
	sha, size, err := d.sum()
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%x", sha256.Sum256(first)); sha != want || size != int64(len(first)) {
		t.Errorf("digest %s of %d bytes, want the %d bytes read: %s", sha, size, len(first), want)
	}
}
