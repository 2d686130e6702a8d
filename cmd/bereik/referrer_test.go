package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReferrersKeepSchemeHostAndPath loads a visit log and an access log whose referrers
// carry an e-mail address and an IP address in their query strings, and looks for them
// where they used to arrive: the database file and its WAL, the Parquet export and query
// --format json. Only scheme, host and path of each referrer are kept; the UTM fields of
// the access log, read from the requested URL, are as before.
func TestReferrersKeepSchemeHostAndPath(t *testing.T) {
	const email, ip = "jan.jansen@example.nl", "192.168.10.23"
	dir := t.TempDir()
	db := filepath.Join(dir, "referrers.duckdb")
	visits := filepath.Join(dir, "bezoeken.csv")
	writeText(t, visits, "timestamp,visit_id,visitor_id,url,referrer\n"+
		"2021-06-14 09:30:00,1,a,https://www.kennispleingehandicaptensector.nl/begeleiding-a-la-carte/,https://mail.example.com/?to="+email+"&ip="+ip+"#inbox\n"+
		"2021-06-14 09:31:00,1,a,https://www.kennispleingehandicaptensector.nl/nieuws/,https://"+email+":x@intranet.example.nl:8443/zoek?wie="+email+"\n")
	access := filepath.Join(dir, "vilans.access.log")
	writeText(t, access, `203.0.113.7 - - [15/Jun/2021:09:30:12 +0200] "GET /artikelen/begeleiding-a-la-carte/?utm_source=nieuwsbrief&utm_medium=email HTTP/1.1" 200 18234 "https://www.google.nl/search?q=jan.jansen%40example.nl+`+ip+`" "Mozilla/5.0 (X11; Linux x86_64; rv:90.0) Gecko/20100101 Firefox/90.0"`+"\n")
	bereik(t, "ingest", "--db", db, visits, access)

	got := bereik(t, "query", "--db", db, "--sql", "SELECT referrer, utm_source FROM page_views ORDER BY ts", "--format", "json")
	for _, want := range []string{`"referrer": "https://mail.example.com/"`, `"referrer": "https://intranet.example.nl/zoek"`,
		`"referrer": "https://www.google.nl/search", "utm_source": "nieuwsbrief"`} {
		if !strings.Contains(got, want) {
			t.Errorf("query --format json: no %s in\n%s", want, got)
		}
	}
	out := filepath.Join(dir, "parquet")
	bereik(t, "export", "--db", db, "--parquet", out)
	parquet := readParquet(t, "SELECT referrer FROM read_parquet('"+out+"/tables/page_views/**/*.parquet') ORDER BY referrer")
	if parquet != "referrer\nhttps://intranet.example.nl/zoek\nhttps://mail.example.com/\nhttps://www.google.nl/search\n" {
		t.Errorf("the exported referrers: %q", parquet)
	}
	var places []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path != visits && path != access {
			places = append(places, path)
		}
		return nil
	})
	for _, f := range append(places, db+".wal") {
		data, _ := os.ReadFile(f)
		for _, secret := range []string{email, "jan.jansen%40example.nl", ip} {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("%s holds %s", f, secret)
			}
		}
	}
	if len(got) == 0 || strings.Contains(got, email) || strings.Contains(got, ip) {
		t.Errorf("query output holds the address: %s", got)
	}
}
