package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// viewRow is one loaded page view of an access log, as the tests compare it. Visit and
// Visitor number the file's visits and visitors in order of their first page view.
type viewRow struct {
	TS, Site, Path, Referrer, UTM, Net string
	OnPage                             *int64
	Visit, Visitor                     int
}

func viewRows(tb testing.TB, db *sql.DB) []viewRow {
	tb.Helper()
	rows, err := db.Query(`SELECT strftime(ts, '%Y-%m-%d %H:%M:%S'), site, path, coalesce(referrer, ''),
			concat_ws('/', utm_source, utm_medium, utm_campaign), coalesce(client_net, ''), time_on_page,
			dense_rank() OVER (ORDER BY first_visit), dense_rank() OVER (ORDER BY first_visitor)
		FROM (SELECT *, min(ts) OVER (PARTITION BY visit_id) AS first_visit, min(ts) OVER (PARTITION BY visitor) AS first_visitor FROM page_views)
		ORDER BY ts, path`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []viewRow
	for rows.Next() {
		var r viewRow
		var onPage sql.NullInt64
		if err := rows.Scan(&r.TS, &r.Site, &r.Path, &r.Referrer, &r.UTM, &r.Net, &onPage, &r.Visit, &r.Visitor); err != nil {
			tb.Fatal(err)
		}
		if onPage.Valid {
			r.OnPage = &onPage.Int64
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func rejectRows(tb testing.TB, db *sql.DB) []string {
	tb.Helper()
	rows, err := db.Query(`SELECT line || ':' || col || ' ' || column_name || ': ' || reason FROM rejects ORDER BY line`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// checkOutcome compares what ingest said about one file.
func checkOutcome(tb testing.TB, o FileOutcome, kind, encoding string, rows, skipped, bots, rejected int64) {
	tb.Helper()
	if o.Status != "loaded" || o.Kind != kind || o.Encoding != encoding || o.Rows != rows || o.Skipped != skipped || o.Count("bots") != bots || o.Rejected != rejected {
		tb.Fatalf("outcome %+v (error %v),\nwant %s %s loaded with %d rows, %d skipped, %d bots, %d rejected", o, o.Err, kind, encoding, rows, skipped, bots, rejected)
	}
}

const (
	kennisplein = "https://www.kennispleingehandicaptensector.nl"
	uaChrome    = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.114 Safari/537.36"
	uaFirefox   = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:89.0) Gecko/20100101 Firefox/89.0"
)

func TestIngestAccessLogPlain(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/access_log_plain/kennisplein.access.log")
	checkOutcome(t, out[0], "access_log", "utf-8", 6, 5, 3, 2)
	nb := "nieuwsbrief/email/kennisplein-nieuwsbrief-2021-06"
	a, b := "203.0.113.0/24", "198.51.100.0/24"
	want := []viewRow{
		{"2021-06-15 09:30:12", "kennisplein", "/begeleiding-a-la-carte/hoe-een-andere-omgeving", "https://www.google.nl/", nb, a, ptr(134), 1, 1},
		// 304 Not Modified is a page view from the browser's cache; the visit ends here.
		{"2021-06-15 09:32:26", "kennisplein", "/begeleiding-a-la-carte/", kennisplein + "/begeleiding-a-la-carte/hoe-een-andere-omgeving", "", a, nil, 1, 1},
		// Exactly 30 minutes to the next view (logged 2,5 minutes out of order): same visit.
		{"2021-06-15 09:34:00", "kennisplein", "/", "", "", b, ptr(1800), 2, 2},
		{"2021-06-15 10:04:00", "kennisplein", "/begeleiding-a-la-carte/", kennisplein + "/", "", b, nil, 2, 2},
		// 32 minutes after 09:32:26: a second visit of the first visitor.
		{"2021-06-15 10:05:00", "kennisplein", "/begeleiding-a-la-carte/model-bravo", "", "", a, ptr(90), 3, 1},
		{"2021-06-15 10:06:30", "kennisplein", "/begeleiding-a-la-carte/model-bravo/", kennisplein + "/begeleiding-a-la-carte/model-bravo", "", a, nil, 3, 1},
	}
	if diff := cmp.Diff(want, viewRows(t, db)); diff != "" {
		t.Errorf("page_views (-want +got):\n%s", diff)
	}
	wantRejects := []string{
		// Stored without the cell: a malformed line may hold an address anywhere.
		`9:4 time: "…" is not a time like 15/Jun/2021:09:30:12 +0200`,
		`13:7 : the line ends after 6 fields; the combined log format has 9: client ident user [time] "request" status bytes "referrer" "user agent" (the common log format 7, without the last two)`,
	}
	if diff := cmp.Diff(wantRejects, rejectRows(t, db)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
	var visits, visitors, seconds, bots int
	var first, last string
	db.QueryRow(`SELECT count(DISTINCT visit_id), count(DISTINCT visitor), sum(time_on_page) FROM page_views`).Scan(&visits, &visitors, &seconds)
	db.QueryRow(`SELECT rows_bots, first_date::VARCHAR, last_date::VARCHAR FROM ingest_log`).Scan(&bots, &first, &last)
	if visits != 3 || visitors != 2 || seconds != 2024 || bots != 3 || first != "2021-06-15" || last != "2021-06-15" {
		t.Errorf("visits %d visitors %d seconds %d bots %d days %s..%s, want 3, 2, 2024, 3, 2021-06-15..2021-06-15", visits, visitors, seconds, bots, first, last)
	}
}

func TestIngestAccessLogVirtualHosts(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/access_log_plain/vhosts-access.log")
	// The scanner's request to the server's address as host is a 404: skipped, not rejected.
	checkOutcome(t, out[0], "access_log", "utf-8", 4, 1, 1, 1)
	c, d := "192.0.2.0/24", "192.0.2.0/24"
	want := []viewRow{
		// One visitor on two sites: one visitor, a visit per site.
		{"2021-06-16 20:15:00", "twinkelmagazine", "/twinkels/tiny-houses", "https://l.facebook.com/", "facebook/paid/twinkels 2021", c, ptr(70), 1, 1},
		{"2021-06-16 20:16:10", "twinkelmagazine", "/twinkels/", "https://www.twinkelmagazine.nl/twinkels/tiny-houses", "", c, nil, 1, 1},
		{"2021-06-16 20:17:00", "kennisplein", "/begeleiding-a-la-carte/hoe-een-andere-omgeving", "https://www.twinkelmagazine.nl/twinkels/", "", c, nil, 2, 1},
		{"2021-06-16 21:00:05", "vilans", "/artikelen/begeleiding-a-la-carte/model-bravo", "https://www.facebook.com/", "", d, nil, 3, 2},
	}
	if diff := cmp.Diff(want, viewRows(t, db)); diff != "" {
		t.Errorf("page_views (-want +got):\n%s", diff)
	}
	wantRejects := []string{`4:1 virtual host: host "…" is not configured; add it to the hosts of a [[sites]] entry in bereik.toml`}
	if diff := cmp.Diff(wantRejects, rejectRows(t, db)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}

func TestIngestAccessLogGzip(t *testing.T) {
	db, path := testDB(t)
	file := "../testdata/ingest/access_log_gz/www.twinkelmagazine.nl-access.log.gz"
	out := ingestPaths(t, db, path, file)
	checkOutcome(t, out[0], "access_log", "gzip/utf-8", 3, 1, 2, 0)
	f, l := "198.51.100.0/24", "198.51.100.0/24"
	want := []viewRow{
		// Logged in UTC: stored in Amsterdam summer time, two hours later.
		{"2021-06-17 08:00:00", "twinkelmagazine", "/twinkels/tiny-houses", "https://www.linkedin.com/", "", f, ptr(150), 1, 1},
		{"2021-06-17 08:02:30", "twinkelmagazine", "/twinkels/", "https://www.twinkelmagazine.nl/twinkels/tiny-houses", "", f, nil, 1, 1},
		{"2021-06-18 00:30:00", "twinkelmagazine", "/twinkels/", "https://l.instagram.com/", "instagram/social", l, nil, 2, 2},
	}
	if diff := cmp.Diff(want, viewRows(t, db)); diff != "" {
		t.Errorf("page_views (-want +got):\n%s", diff)
	}
	// The content hash is that of the file as stored, compressed.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	var sha, first, last string
	db.QueryRow(`SELECT sha256, first_date::VARCHAR, last_date::VARCHAR FROM ingest_log`).Scan(&sha, &first, &last)
	if sha != hex.EncodeToString(sum[:]) || first != "2021-06-17" || last != "2021-06-18" {
		t.Errorf("ingest_log sha256 %s days %s..%s, want the stored file's %x and 2021-06-17..2021-06-18", sha, first, last, sum)
	}
}

// Gzip is told by its magic bytes, not the name; a gzip file cut off is rejected whole.
func TestAccessLogGzipByContent(t *testing.T) {
	db, path := testDB(t)
	data, err := os.ReadFile("../testdata/ingest/access_log_gz/www.twinkelmagazine.nl-access.log.gz")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	renamed := writeFile(t, dir, "twinkelmagazine-access", string(data))
	cut := writeFile(t, dir, "twinkelmagazine-cut.log.gz", string(data[:len(data)-40]))
	out := ingestPaths(t, db, path, renamed, cut)
	checkOutcome(t, out[0], "access_log", "gzip/utf-8", 3, 1, 2, 0)
	if out[1].Status != "failed" || !strings.Contains(out[1].Err.Error(), "twinkelmagazine-cut.log.gz: cannot read the file on (unexpected EOF); a compressed file cut off while it was written?") {
		t.Errorf("cut-off gzip: %+v, want failed as unreadable", out[1])
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM page_views`).Scan(&n)
	if n != 3 {
		t.Errorf("%d page views, want only the whole file's 3", n)
	}
}

// Any export may come gzip-compressed: a gzipped visit log loads as the plain one does.
func TestGzipAnyExport(t *testing.T) {
	db, path := testDB(t)
	orig, err := os.ReadFile("../testdata/ingest/visit_log/paginaweergaven-2021-06.csv")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(orig)
	zw.Close()
	out := ingestPaths(t, db, path, writeFile(t, t.TempDir(), "paginaweergaven.csv.gz", buf.String()))
	if out[0].Status != "loaded" || out[0].Kind != "visit_log" || out[0].Encoding != "gzip/utf-8" || out[0].Rows != 4 || out[0].Rejected != 2 {
		t.Errorf("outcome %+v, want the visit log's 4 rows and 2 rejects, read through gzip", out[0])
	}
}

func TestIngestAccessLogIPv6(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/access_log_ipv6")
	checkOutcome(t, out[0], "access_log", "utf-8", 4, 0, 0, 1)
	n48, n24 := "2001:db8:1234::/48", "203.0.113.0/24"
	want := []viewRow{
		{"2021-06-18 14:00:00", "kennisplein", "/begeleiding-a-la-carte/", "", "", n48, ptr(180), 1, 1},
		// Another address in the same /48: another visitor, the same network.
		{"2021-06-18 14:00:30", "kennisplein", "/begeleiding-a-la-carte/", "", "", n48, nil, 2, 2},
		// An IPv4 address written as IPv6 keeps its IPv4 /24.
		{"2021-06-18 14:01:00", "kennisplein", "/", "", "", n24, nil, 3, 3},
		{"2021-06-18 14:03:00", "kennisplein", "/begeleiding-a-la-carte/model-bravo", kennisplein + "/begeleiding-a-la-carte/", "", n48, nil, 1, 1},
	}
	if diff := cmp.Diff(want, viewRows(t, db)); diff != "" {
		t.Errorf("page_views (-want +got):\n%s", diff)
	}
	wantRejects := []string{`4:1 client address: neither an IP address nor a host name`}
	if diff := cmp.Diff(wantRejects, rejectRows(t, db)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}

// getLine writes one combined-log line of a GET that succeeded.
func getLine(ip, at, target, agent string) string {
	return fmt.Sprintf("%s - - [%s +0200] \"GET %s HTTP/1.1\" 200 1024 \"-\" \"%s\"\n", ip, at, target, agent)
}

func TestAccessLogSessions(t *testing.T) {
	db, path := testDB(t)
	file := writeFile(t, t.TempDir(), "kennisplein.access.log",
		getLine("203.0.113.7", "15/Jun/2021:09:00:00", "/a", uaChrome)+
			// The same address with another browser: another visitor.
			getLine("203.0.113.7", "15/Jun/2021:09:00:10", "/b", uaFirefox)+
			getLine("203.0.113.7", "15/Jun/2021:09:10:00", "/c", uaChrome)+
			// 31 minutes idle: a second visit.
			getLine("203.0.113.7", "15/Jun/2021:09:41:00", "/d", uaChrome)+
			getLine("203.0.113.7", "15/Jun/2021:09:41:30", "/e", uaFirefox))
	out := ingestPaths(t, db, path, file)
	checkOutcome(t, out[0], "access_log", "utf-8", 5, 0, 0, 0)
	n := "203.0.113.0/24"
	want := []viewRow{
		{"2021-06-15 09:00:00", "kennisplein", "/a", "", "", n, ptr(600), 1, 1},
		{"2021-06-15 09:00:10", "kennisplein", "/b", "", "", n, nil, 2, 2},
		{"2021-06-15 09:10:00", "kennisplein", "/c", "", "", n, nil, 1, 1},
		{"2021-06-15 09:41:00", "kennisplein", "/d", "", "", n, nil, 3, 1},
		// 41 minutes 20 seconds after /b: the Firefox visitor's second visit too.
		{"2021-06-15 09:41:30", "kennisplein", "/e", "", "", n, nil, 4, 2},
	}
	if diff := cmp.Diff(want, viewRows(t, db)); diff != "" {
		t.Errorf("page_views (-want +got):\n%s", diff)
	}
}

// A log far out of time order is rejected line by line; rotated logs that meet at 06:25
// replace only each other's hours, not the whole day.
func TestAccessLogOrderAndRotation(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	older := writeFile(t, dir, "kennisplein.access.log.2",
		getLine("203.0.113.7", "15/Jun/2021:05:00:00", "/a", uaChrome)+
			getLine("203.0.113.8", "15/Jun/2021:06:20:00", "/b", uaChrome))
	newer := writeFile(t, dir, "kennisplein.access.log.1",
		getLine("203.0.113.9", "15/Jun/2021:06:25:00", "/c", uaChrome)+
			getLine("203.0.113.9", "15/Jun/2021:09:00:00", "/d", uaChrome)+
			getLine("203.0.113.10", "15/Jun/2021:08:49:00", "/e", uaChrome))
	out := ingestPaths(t, db, path, newer, older)
	// Loaded in name order: .1 (the newer) first.
	checkOutcome(t, out[0], "access_log", "utf-8", 2, 0, 0, 1)
	checkOutcome(t, out[1], "access_log", "utf-8", 2, 0, 0, 0)
	if out[0].Replaced != 0 || out[1].Replaced != 0 {
		t.Errorf("rotated logs replaced %d and %d rows of each other's hours", out[0].Replaced, out[1].Replaced)
	}
	var paths string
	db.QueryRow(`SELECT string_agg(path, ' ' ORDER BY ts) FROM page_views`).Scan(&paths)
	if paths != "/a /b /c /d" {
		t.Errorf("paths %q, want /a /b /c /d", paths)
	}
	want := []string{"3:4 time: this line is 11m0s earlier than a line above it; an access log must be in time order (give rotated logs as separate files)"}
	if diff := cmp.Diff(want, rejectRows(t, db)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
	// The same hours again (the log before rotation, read the night before) are replaced.
	again := writeFile(t, dir, "kennisplein.access.log",
		getLine("203.0.113.9", "15/Jun/2021:06:25:00", "/c", uaChrome))
	out = ingestPaths(t, db, path, again)
	if out[0].Replaced != 1 {
		t.Errorf("replaced %d, want the one row of 06:25 from the earlier file", out[0].Replaced)
	}
}

func TestAccessLogSite(t *testing.T) {
	dir := t.TempDir()
	line := getLine("203.0.113.7", "15/Jun/2021:09:00:00", "/a", uaChrome)
	for _, tc := range []struct {
		name, optionSite, wantSite string
	}{
		{"www.vilans.nl-access.log", "", "vilans"},
		{"twinkelmagazine_access_log", "", "twinkelmagazine"},
		{"access.log", "kennisplein", "kennisplein"},
		{"access.log", "", ""},
	} {
		t.Run(tc.name+"+"+tc.optionSite, func(t *testing.T) {
			db, path := testDB(t)
			file := writeFile(t, dir, tc.name, line)
			out, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: testConfig(t), Site: tc.optionSite}, []string{file})
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantSite == "" {
				if out[0].Status != "failed" || !strings.Contains(out[0].Err.Error(), "access.log:1: the log names no virtual host and nothing names its site; name the site") {
					t.Fatalf("outcome %+v, want the file rejected, saying to name the site", out[0])
				}
				return
			}
			var site string
			if err := db.QueryRow(`SELECT site FROM page_views`).Scan(&site); err != nil || site != tc.wantSite {
				t.Errorf("site %q (%v), want %s", site, err, tc.wantSite)
			}
		})
	}
	db, path := testDB(t)
	if _, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: testConfig(t), Site: "elders"}, nil); err == nil || !strings.Contains(err.Error(), `site "elders" is not configured`) {
		t.Errorf("an unconfigured --site: %v", err)
	}
}

func TestAccessLogClassifiesRequests(t *testing.T) {
	for _, tc := range []struct {
		agent string
		bot   bool
	}{
		{uaChrome, false},
		{"Mozilla/5.0 (Linux; Android 10; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.120 Mobile Safari/537.36", false},
		{"Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", true},
		{"Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)", true},
		{"Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", true},
		{"python-requests/2.25.1", true},
		{"Wget/1.20.3 (linux-gnu)", true},
		{"LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", true},
		{"WhatsApp/2.21.12.21 A", true},
		{"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 3 subscribers; like FeedFetcher-Google)", true},
		{"Mozilla/5.0 (compatible; Inoreader; +http://www.inoreader.com)", true},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/14.1.1 Safari/605.1.15", false},
		{"", true},
		{" - ", true},
	} {
		if got := isBot(tc.agent); got != tc.bot {
			t.Errorf("isBot(%q) = %v, want %v", tc.agent, got, tc.bot)
		}
	}
	for _, tc := range []struct {
		path string
		page bool
	}{
		{"/", true}, {"/begeleiding-a-la-carte/model-bravo", true}, {"/index.php", true}, {"/over.html", true},
		{"/robots.txt", false}, {"/favicon.ico", false}, {"/sitemap.xml", false}, {"/assets/app.JS", false},
		{"/media/handreiking.pdf", false}, {"/.well-known/security.txt", false}, {"/wp-json/wp/v2/posts", false},
		{"/fonts/a.woff2", false}, {"/v1.2/overzicht", true},
	} {
		if got := isPage(tc.path); got != tc.page {
			t.Errorf("isPage(%q) = %v, want %v", tc.path, got, tc.page)
		}
	}
	for _, tc := range []struct{ vhost, want string }{
		{"www.vilans.nl", "www.vilans.nl"}, {"WWW.Vilans.NL:443", "www.vilans.nl"}, {"[2001:db8::1]:443", "2001:db8::1"}, {"www.vilans.nl.", "www.vilans.nl"},
	} {
		if got := vhostName(tc.vhost); got != tc.want {
			t.Errorf("vhostName(%q) = %q, want %q", tc.vhost, got, tc.want)
		}
	}
	if got := unescapeLog(`a \"b\" c\\d \x22e\x22 \xc3\xa9 \xff`); got != "a \"b\" c\\d \"e\" é \uFFFD" {
		t.Errorf("unescapeLog = %q", got)
	}
}

var fixtureIP = regexp.MustCompile(`^(?:\S+ )?(\S+) - - \[`)

// TestAccessLogAddressesNeverReachTheDatabase scans the database file's bytes for every
// client address of the access-log fixtures, in text form, for their user agents, and for
// what the visitor hash is made of.
func TestAccessLogAddressesNeverReachTheDatabase(t *testing.T) {
	db, path := testDB(t)
	dirs := []string{"../testdata/ingest/access_log_plain", "../testdata/ingest/access_log_gz", "../testdata/ingest/access_log_ipv6"}
	out := ingestPaths(t, db, path, dirs...)
	if len(out) != 4 {
		t.Fatalf("%d files ingested, want 4", len(out))
	}
	if _, err := db.Exec(`CHECKPOINT`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, proof := range []string{"/begeleiding-a-la-carte/hoe-een-andere-omgeving", "kennisplein-nieuwsbrief-2021-06"} {
		if !bytes.Contains(data, []byte(proof)) {
			t.Fatalf("the database file does not hold %q uncompressed; this scan would prove nothing", proof)
		}
	}
	var secrets []string
	agents := 0
	for _, dir := range dirs {
		files, _ := filepath.Glob(dir + "/*")
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.HasPrefix(text, []byte{0x1f, 0x8b}) {
				zr, err := gzip.NewReader(bytes.NewReader(text))
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				buf.ReadFrom(zr)
				text = buf.Bytes()
			}
			for _, line := range strings.Split(string(text), "\n") {
				m := fixtureIP.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				ip := strings.TrimPrefix(m[1], "::ffff:")
				secrets = append(secrets, ip)
				if l, _, problem := parseLogLine(line, nil); problem == nil && len(l.agent) > 12 {
					agent := unescapeLog(l.agent)
					secrets = append(secrets, agent, ip+"\x00"+agent)
					agents++
				}
			}
		}
	}
	if addresses := len(secrets) - 2*agents; addresses != 34 || agents < 20 {
		t.Fatalf("found %d addresses and %d user agents in the fixtures, want every line's 34 addresses", addresses, agents)
	}
	for _, s := range secrets {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("%q found in the database file", s)
		}
	}
}

// Memory holds the visits still open, not the log: a day of 2.880 visitors, one every 30
// seconds, each viewing two pages a minute apart, never has more than about 40 minutes'
// worth of visits open.
func TestAccessLogOpenVisitsStayBounded(t *testing.T) {
	var b strings.Builder
	start := time.Date(2021, 6, 15, 0, 0, 0, 0, time.UTC)
	for i := range 2880 {
		at := start.Add(time.Duration(i) * 30 * time.Second)
		ip := fmt.Sprintf("198.51.%d.%d", 100+i/250, i%250)
		b.WriteString(getLine(ip, at.Format("02/Jan/2006:15:04:05"), "/a", uaChrome))
		b.WriteString(getLine(ip, at.Add(time.Minute).Format("02/Jan/2006:15:04:05"), "/b", uaChrome))
	}
	keys, err := loadKeyer(filepath.Join(t.TempDir(), "k.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	run, err := openRun(strings.NewReader(b.String()), "kennisplein.access.log", testConfig(t), keys, fileHints{})
	if err != nil {
		t.Fatal(err)
	}
	r := newBatchReader(run)
	var rows int64
	for r.Next() {
		rows += r.RecordBatch().NumRows()
	}
	r.Release()
	if run.err != nil || rows != 2*2880 || run.loaded != 2*2880 {
		t.Fatalf("rows %d loaded %d err %v, want %d", rows, run.loaded, run.err, 2*2880)
	}
	// Lines are grouped by visitor, not sorted by time: the next visitor's first line is 30
	// seconds earlier than the line above it, well within maxLag.
	if peak := run.parser.(*accessLog).peak; peak > int((visitIdle+maxLag+time.Minute)/(30*time.Second))+2 {
		t.Errorf("%d visits open at once, want at most about 41 minutes' worth (82)", peak)
	}
}
