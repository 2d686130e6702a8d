package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestIngestVisitLog(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/visit_log")
	if len(out) != 1 || out[0].Kind != "visit_log" || out[0].Rows != 4 || out[0].Rejected != 2 {
		t.Fatalf("outcome = %+v, want 4 rows and 2 rejects", out)
	}
	rows, err := db.Query(`SELECT strftime(ts, '%Y-%m-%d %H:%M:%S'), site, path, coalesce(utm_source, ''), time_on_page FROM page_views ORDER BY ts`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var ts, site, p, utm string
		var seconds int
		rows.Scan(&ts, &site, &p, &utm, &seconds)
		got = append(got, fmt.Sprintf("%s %s %s %s %d", ts, site, p, utm, seconds))
	}
	want := []string{
		// 08:00Z is 10:00 in Amsterdam summer time.
		"2021-06-14 09:12:00 kennisplein /begeleiding-a-la-carte/hoe-een-andere-omgeving nieuwsbrief 95",
		"2021-06-14 09:13:35 kennisplein /  40",
		"2021-06-14 10:00:00 twinkelmagazine /twinkels/tiny-houses facebook 74",
		"2021-06-15 13:00:00 vilans /artikelen/begeleiding-a-la-carte/model-bravo  200",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("page_views (-want +got):\n%s", diff)
	}
	var rejects []string
	r2, _ := db.Query(`SELECT line || ':' || col || ': ' || reason FROM rejects ORDER BY line`)
	defer r2.Close()
	for r2.Next() {
		var s string
		r2.Scan(&s)
		rejects = append(rejects, s)
	}
	wantRejects := []string{
		`6:1: host "…" is not configured; add it to the hosts of a [[sites]] entry in bereik.toml`,
		`7:3: "…" is not a time like 2021-06-14 09:30:00`,
	}
	if diff := cmp.Diff(wantRejects, rejects); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
	var visitors, visits int
	db.QueryRow(`SELECT count(DISTINCT visitor), count(DISTINCT visit_id) FROM page_views`).Scan(&visitors, &visits)
	if visitors != 2 || visits != 3 {
		t.Errorf("visitors %d visits %d, want 2 and 3 (the same person on two sites is one visitor)", visitors, visits)
	}
}

// TestRawIdsNeverReachTheDatabase scans the database file's bytes for the fixture's raw
// visitor ids, and checks the hashing key lives beside it, readable by its owner only.
func TestRawIdsNeverReachTheDatabase(t *testing.T) {
	db, path := testDB(t)
	ingestPaths(t, db, path, "../testdata/ingest/visit_log")
	if _, err := db.Exec(`CHECKPOINT`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("/begeleiding-a-la-carte/hoe-een-andere-omgeving")) {
		t.Fatal("the database file does not hold the loaded paths uncompressed; this scan would prove nothing")
	}
	for _, id := range []string{"a1b2c3d4e5f60718", "ffeeddccbbaa9988"} {
		if bytes.Contains(data, []byte(id)) {
			t.Errorf("raw visitor id %s found in the database file", id)
		}
	}
	info, err := os.Stat(KeyPath(path))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", info.Mode().Perm())
	}
	key, _ := os.ReadFile(KeyPath(path))
	if bytes.Contains(data, bytes.TrimSpace(key)) {
		t.Error("the hashing key is stored in the database")
	}
}

func TestIngestCatalogueReplacesTheWholeCatalogue(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/catalogue")
	if out[0].Kind != "content_catalogue" || out[0].Rows != 3 {
		t.Fatalf("outcome = %+v", out[0])
	}
	var prefix bool
	var p string
	db.QueryRow(`SELECT path, is_prefix FROM content_items WHERE nr = 117`).Scan(&p, &prefix)
	if p != "/begeleiding-a-la-carte/ervaringsleren/" || !prefix {
		t.Errorf("item 117 = %q prefix %v, want the dossier's folder as a prefix", p, prefix)
	}
	// A changed catalogue is a new snapshot: it replaces, never adds.
	changed := t.TempDir() + "/catalogus-v2.csv"
	orig, _ := os.ReadFile("../testdata/ingest/catalogue/inhoudscatalogus.csv")
	os.WriteFile(changed, bytes.ReplaceAll(orig, []byte(",no,"), []byte(",yes,")), 0o644)
	out = ingestPaths(t, db, path, changed)
	if out[0].Replaced != 3 || out[0].Rows != 3 {
		t.Errorf("second catalogue: %+v, want 3 rows replacing 3", out[0])
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM content_items`).Scan(&n)
	if n != 3 {
		t.Errorf("content_items has %d rows, want 3", n)
	}
}

func TestVisitLogFieldConstantsFollowTheSpec(t *testing.T) {
	want := map[int]string{vTimestamp: "timestamp", vVisitID: "visit_id", vVisitorID: "visitor_id", vSite: "site", vURL: "url",
		vPageTitle: "page_title", vReferrer: "referrer", vUTMSource: "utm_source", vUTMMedium: "utm_medium",
		vUTMCampaign: "utm_campaign", vTimeOnPage: "time_on_page"}
	for i, name := range want {
		if got := visitLogSource.spec[i].field; got != name {
			t.Errorf("spec[%d] = %s, want %s", i, got, name)
		}
	}
}

func TestParseDateTimeAgreesWithTimeParse(t *testing.T) {
	for _, s := range []string{"2021-06-14 09:30:00", "2021-06-14T23:59:59", "2020-02-29 00:00:00", "2021-02-29 10:00:00",
		"2021-06-31 10:00:00", "2021-13-01 10:00:00", "2021-06-14 24:00:00", "2021-06-14 9:30:00", "2021-06-14 09:30:0x", "2021-06-14"} {
		// Where the fast path answers, it agrees; where it declines, parseTimestamp falls
		// back to time.Parse.
		fast, ok := parseDateTime(s)
		slow, err := time.Parse(time.DateTime, strings.Replace(s, "T", " ", 1))
		if ok && (err != nil || !fast.Equal(slow)) {
			t.Errorf("%q: fast %v, time.Parse %v %v", s, fast, slow, err)
		}
		if got, gerr := parseTimestamp(s, false); (gerr == nil) != (err == nil) || (err == nil && !got.Equal(slow)) {
			t.Errorf("parseTimestamp(%q) = %v %v, want %v %v", s, got, gerr, slow, err)
		}
	}
	if _, ok := parseDateTime("2021-06-14 09:30:00"); !ok {
		t.Error("the common layout does not take the fast path")
	}
}

// A re-downloaded visit log replaces the rows of the days it covers instead of counting
// them twice; a file of other days adds to them.
func TestVisitLogReExportReplacesItsDays(t *testing.T) {
	db, path := testDB(t)
	orig, err := os.ReadFile("../testdata/ingest/visit_log/paginaweergaven-2021-06.csv")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	again := writeFile(t, dir, "paginaweergaven-2021-06-opnieuw.csv", string(orig)+"\n")
	later := writeFile(t, dir, "paginaweergaven-2021-07.csv", "timestamp,visit_id,visitor_id,site,url\n2021-07-01 10:00:00,9,x,kennisplein,/begeleiding-a-la-carte/x\n")
	out := ingestPaths(t, db, path, "../testdata/ingest/visit_log", again, later)
	if out[1].Status != "loaded" || out[1].Replaced != 4 || out[2].Replaced != 0 {
		t.Fatalf("outcomes %+v, want the re-export to replace the 4 rows of its days", out)
	}
	var n, seconds int
	db.QueryRow(`SELECT count(*), sum(time_on_page) FROM page_views`).Scan(&n, &seconds)
	if n != 5 || seconds != 95+40+74+200+0 {
		t.Errorf("%d page views with %d seconds, want 5 with 409: nothing counted twice", n, seconds)
	}
}

// TestVisitLogReExportKeepsDaysItLacks: a re-export whose rows of one day were all
// rejected (or that has no visits that day) leaves the earlier rows of that day alone.
func TestVisitLogReExportKeepsDaysItLacks(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	first := writeFile(t, dir, "a.csv", "timestamp,visit_id,visitor_id,site,url\n"+
		"2021-10-09 09:00:00,1,x,kennisplein,/a\n2021-11-05 09:00:00,2,x,kennisplein,/b\n2021-11-12 09:00:00,3,y,kennisplein,/c\n")
	// The same export saved again, its 5 November row now unreadable.
	second := writeFile(t, dir, "b.csv", "timestamp,visit_id,visitor_id,site,url\n"+
		"2021-10-09 09:00:00,1,x,kennisplein,/a\n5 nov 2021,2,x,kennisplein,/b\n2021-11-12 09:00:00,3,y,kennisplein,/c\n")
	out := ingestPaths(t, db, path, first, second)
	if out[1].Rejected != 1 || out[1].Replaced != 2 {
		t.Fatalf("outcomes %+v, want the second file to replace only the 2 rows of its own days", out)
	}
	var days []string
	rows, err := db.Query(`SELECT strftime(ts, '%m-%d') FROM page_views ORDER BY ts`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var d string
		rows.Scan(&d)
		days = append(days, d)
	}
	if strings.Join(days, " ") != "10-09 11-05 11-12" {
		t.Errorf("page views on %v, want 10-09 11-05 11-12: 5 November kept", days)
	}
}

// TestVisitLogReadsDutchExcelTimes: Dutch Excel writes 14-6-2021 09:12, without padding.
func TestVisitLogReadsDutchExcelTimes(t *testing.T) {
	for s, day := range map[string]int{"14-6-2021 09:12": 14, "14-06-2021 09:12:00": 14, "4-6-2021 9:12": 4} {
		got, err := parseTimestamp(s, true)
		if err != nil || got.Day() != day || got.Month() != time.June || got.Year() != 2021 {
			t.Errorf("%q: %v, %v; want %d June 2021", s, got, err, day)
		}
	}
}

// TestSplitURL: a page view's URL as host and path, without its query or fragment,
// whichever comes first.
func TestSplitURL(t *testing.T) {
	for _, c := range []struct{ url, host, path string }{
		{"https://www.Kennisplein.nl/artikel?utm_source=x#boven", "www.kennisplein.nl", "/artikel"},
		{"https://www.kennisplein.nl/artikel#boven?niet", "www.kennisplein.nl", "/artikel"},
		{"https://www.kennisplein.nl?q=1", "www.kennisplein.nl", "/"},
		{"https://www.kennisplein.nl#x", "www.kennisplein.nl", "/"},
		{"https://gast@www.kennisplein.nl:8443/a/b", "www.kennisplein.nl", "/a/b"},
		{"/artikel?x=1", "", "/artikel"},
		{"?x=1", "", "/"},
		{"", "", "/"},
	} {
		if host, path := splitURL(c.url); host != c.host || path != c.path {
			t.Errorf("splitURL(%q) = %q, %q; want %q, %q", c.url, host, path, c.host, c.path)
		}
	}
}
