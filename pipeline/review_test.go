package pipeline

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeFile writes a test export into dir and returns its path.
func writeFile(tb testing.TB, dir, name, text string) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func flightImpressions(tb testing.TB, db *sql.DB, flight int) int64 {
	tb.Helper()
	var n sql.NullInt64
	if err := db.QueryRow(`SELECT sum(impressions) FROM campaign_rows('Twinkels 2021', DATE '1900-01-01', DATE '9999-12-31') WHERE flight = ?`, flight).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n.Int64
}

const metaHeaderEN = "Reporting starts,Reporting ends,Campaign name,Ad set name,Ad name,Impressions,Reach,Link clicks\n"

// An ad set is counted at one level: a shorter ad-set export beside the full ad-level
// export must not add to it.
func TestCampaignRowsCountOneLevelPerAdSet(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	ads := writeFile(t, dir, "ads.csv", metaHeaderEN+
		"2021-10-11,2021-11-28,Twinkels 2021,Vlucht 3 - statisch,Twinkel #1,600000,90000,6000\n"+
		"2021-10-11,2021-11-28,Twinkels 2021,Vlucht 3 - statisch,Twinkel #2,400000,70000,4000\n")
	adSet := writeFile(t, dir, "adset.csv", strings.Replace(metaHeaderEN, "Ad name,", "", 1)+
		"2021-10-11,2021-10-31,Twinkels 2021,Vlucht 3 - statisch,500000,100000,5000\n")
	ingestPaths(t, db, path, ads, adSet)
	if got := flightImpressions(t, db, 3); got != 1000000 {
		t.Errorf("flight 3 impressions %d, want 1000000 from the ads reaching 28 November only", got)
	}
}

// A calendar-month export overlaps one flight and belongs to it; a configuration that
// gains flights later applies to the rows already loaded.
func TestFlightsFollowTheConfigurationAsItIsNow(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	month := writeFile(t, dir, "aug.csv", strings.Replace(metaHeaderEN, "Ad name,", "", 1)+
		"2021-08-01,2021-08-31,Twinkels 2021,Vlucht 2 - statisch,375585,111267,4567\n"+
		"2021-10-01,2021-10-31,Twinkels 2021,Vlucht 3 - statisch,100,50,1\n")
	full := testConfig(t)
	short, err := ParseConfig(bytes.Replace(DefaultConfigTOML, []byte("start = 2021-10-11\nend = 2021-11-28"), []byte("start = 2022-10-11\nend = 2022-11-28"), 1), "short.toml")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: short}, []string{month})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Count("unassigned") != 1 {
		t.Errorf("unassigned %d, want the October row outside every flight", out[0].Count("unassigned"))
	}
	if got := flightImpressions(t, db, 2); got != 375585 {
		t.Errorf("flight 2 impressions %d, want the August export's 375585", got)
	}
	if got := flightImpressions(t, db, 3); got != 0 {
		t.Errorf("flight 3 impressions %d before it is configured", got)
	}
	if _, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: full}, []string{month}); err != nil {
		t.Fatal(err)
	}
	if got := flightImpressions(t, db, 3); got != 100 {
		t.Errorf("flight 3 impressions %d after configuring it, want 100", got)
	}
}

func TestCatalogueWithRejectsOrNoRowsKeepsTheCurrentOne(t *testing.T) {
	db, path := testDB(t)
	ingestPaths(t, db, path, "../testdata/ingest/catalogue")
	dir := t.TempDir()
	orig, _ := os.ReadFile("../testdata/ingest/catalogue/inhoudscatalogus.csv")
	bad := writeFile(t, dir, "typo.csv", strings.Replace(string(orig), "www.kennisplein", "www.kenisplein", 1))
	empty := writeFile(t, dir, "empty.csv", "nr,type,title,organisations,themes,online_by_aug_2021,url\n")
	out := ingestPaths(t, db, path, bad, empty)
	for _, o := range out {
		if o.Status != "failed" {
			t.Errorf("%s: %s, want failed", o.Path, o.Status)
		}
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM content_items`).Scan(&n)
	if n != 3 {
		t.Errorf("content_items has %d rows, want the current catalogue's 3", n)
	}
}

// TestInvalidUTF8AfterTheSampleIsRejectedWithItsLine: past the text sniffed, and past the
// records sampled for the number and date formats (where the records are read ahead and
// a chunk's text is checked at once), a cell that is not UTF-8 rejects its row.
func TestInvalidUTF8AfterTheSampleIsRejectedWithItsLine(t *testing.T) {
	for _, past := range []struct {
		name, bad string
		col       int
	}{
		{"the text sniffed", "2021-06-14 09:00:00,2,abc,kennisplein,/begeleiding-a-la-carte/caf\xe9\n", 5},
		{"the records sampled", "2021-06-14 09:00:00,2,abc,kennisplein,/begeleiding-a-la-carte/caf\xe9\n", 5},
		// Two cells that are not UTF-8 but are when joined ("\xc3\xa9" is é).
		{"the records sampled, cells that join", "2021-06-14 09:00:00,2,ab\xc3,\xa9kennisplein,/begeleiding-a-la-carte/x\n", 3},
	} {
		t.Run(past.name, func(t *testing.T) {
			db, path := testDB(t)
			var b strings.Builder
			b.WriteString("timestamp,visit_id,visitor_id,site,url\n")
			n := 2 * sampleSize / 64
			if strings.HasPrefix(past.name, "the records sampled") {
				n = sampleRecords + 10
			}
			for range n {
				b.WriteString("2021-06-14 09:00:00,1,abc,kennisplein,/begeleiding-a-la-carte/x\n")
			}
			lines := strings.Count(b.String(), "\n")
			b.WriteString(past.bad)
			b.WriteString("2021-06-14 09:00:00,3,abc,kennisplein,/begeleiding-a-la-carte/y\n")
			out := ingestPaths(t, db, path, writeFile(t, t.TempDir(), "late-cp1252.csv", b.String()))
			if out[0].Status != "loaded" || out[0].Rejected != 1 || out[0].Rows != int64(lines) {
				t.Fatalf("outcome %+v, want every row but the one after line %d loaded", out[0], lines)
			}
			var line, col int
			var reason string
			db.QueryRow(`SELECT line, col, reason FROM rejects`).Scan(&line, &col, &reason)
			if line != lines+1 || col != past.col || !strings.Contains(reason, "not valid UTF-8") {
				t.Errorf("reject %d:%d %s, want line %d column %d", line, col, reason, lines+1, past.col)
			}
		})
	}
}

// TestInvalidUTF8InAnAccessLogIsRejectedWithItsLine: an access log's lines are read a
// block at a time and checked for UTF-8 per block (lineRecords); a line that is not UTF-8
// is rejected as its line, in the sample (after the text sniffed for its encoding) and
// after it, in every block that holds one.
func TestInvalidUTF8InAnAccessLogIsRejectedWithItsLine(t *testing.T) {
	db, path := testDB(t)
	var b strings.Builder
	line := 0
	var bad []int
	for i := range sampleRecords + 3*lineChunkSize {
		at := time.Date(2021, 6, 15, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second).Format("02/Jan/2006:15:04:05")
		agent := uaChrome
		if i == 1000 || i == sampleRecords+50 || i == sampleRecords+2*lineChunkSize+7 {
			agent = "Mozilla/5.0 caf\xe9"
			bad = append(bad, line+1)
		}
		b.WriteString(getLine(fmt.Sprintf("198.51.100.%d", i%200), at, "/begeleiding-a-la-carte/x", agent))
		line++
	}
	out := ingestPaths(t, db, path, writeFile(t, t.TempDir(), "kennisplein.access.log", b.String()))
	if out[0].Status != "loaded" || out[0].Rejected != int64(len(bad)) || out[0].Rows != int64(line-len(bad)) {
		t.Fatalf("outcome %+v, want %d rows loaded and lines %v rejected", out[0], line-len(bad), bad)
	}
	var got []int
	for _, r := range rejectRows(t, db) {
		var n int
		fmt.Sscanf(r, "%d:", &n)
		if !strings.Contains(r, "not valid UTF-8") {
			t.Errorf("reject %s", r)
		}
		got = append(got, n)
	}
	if fmt.Sprint(got) != fmt.Sprint(bad) {
		t.Errorf("rejected lines %v, want %v", got, bad)
	}
}
