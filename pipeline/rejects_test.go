package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// canary is a raw visitor id that malformed rows put in every column but its own.
const canary = "v-8f3a2c91d7"

// TestRejectReasonsOfPersonalKindsQuoteNoValue loads a visit log and an access log whose
// malformed rows carry a raw visitor id in each column in turn (site, URL, host, time,
// seconds on page; virtual host, client, time, status, bytes) and checks that no stored
// reason quotes it, nor anything else of the row, while each still says what is wrong;
// nor does the terminal log. Before, `site "v-8f3a2c91d7" is not configured` reached the
// database: redaction took out only a value at a reason's start or after "host".
func TestRejectReasonsOfPersonalKindsQuoteNoValue(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	visits := writeFile(t, dir, "bezoeken.csv", "timestamp,visit_id,visitor_id,site,url,time_on_page\n"+
		"2021-06-14 09:00:00,1,a,kennisplein,/begeleiding-a-la-carte/,30\n"+
		"2021-06-14 09:01:00,2,b,"+canary+",/begeleiding-a-la-carte/,30\n"+
		"2021-06-14 09:02:00,3,c,,/"+canary+"/pagina,30\n"+
		"2021-06-14 09:03:00,4,d,,https://"+canary+".example/pagina,30\n"+
		canary+",5,e,kennisplein,/begeleiding-a-la-carte/,30\n"+
		"2021-06-14 09:05:00,6,f,kennisplein,/begeleiding-a-la-carte/,"+canary+"\n"+
		"2021-06-14 09:06:00,7,g,kennisplein,/begeleiding-a-la-carte/,1:"+canary+"\n")
	const ua = `"Mozilla/5.0 (X11; Linux x86_64; rv:90.0) Gecko/20100101 Firefox/90.0"`
	var good []string // the lines that make it an access log
	for i := range 8 {
		good = append(good, fmt.Sprintf(`www.kennispleingehandicaptensector.nl 203.0.113.7 - - [15/Jun/2021:09:2%d:00 +0200] "GET /begeleiding-a-la-carte/ HTTP/1.1" 200 100 "-" `, i)+ua)
	}
	access := writeFile(t, dir, "vhosts-access.log", strings.Join(append(good,
		canary+`.example 203.0.113.7 - - [15/Jun/2021:09:30:13 +0200] "GET /begeleiding-a-la-carte/ HTTP/1.1" 200 100 "-" `+ua,
		`www.kennispleingehandicaptensector.nl `+canary+` - - [15/Jun/2021:09:30:14 +0200] "GET / HTTP/1.1" 200 100 "-" `+ua,
		`www.kennispleingehandicaptensector.nl 203.0.113.7 - - [`+canary+`] "GET / HTTP/1.1" 200 100 "-" `+ua,
		`www.kennispleingehandicaptensector.nl 203.0.113.7 - - [15/Jun/2021:09:30:16 +0200] "GET / HTTP/1.1" `+canary[:3]+` 100 "-" `+ua,
		`www.kennispleingehandicaptensector.nl 203.0.113.7 - - [15/Jun/2021:09:30:17 +0200] "GET / HTTP/1.1" 200 `+canary+` "-" `+ua,
	), "\n")+"\n")
	var log bytes.Buffer
	out, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: testConfig(t), Logger: slog.New(slog.NewTextHandler(&log, nil))}, []string{visits, access})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Rows != 1 || out[0].Rejected != 6 || out[1].Rejected != 5 {
		t.Fatalf("outcomes %+v, want the visit log's 6 bad rows and the access log's 5 rejected", out)
	}
	want := []string{
		`3:4 site: site "…" is not configured; add it to [[sites]] in bereik.toml`,
		`4:5 url: "…" has no host and the file has no site column`,
		`5:5 url: host "…" is not configured; add it to the hosts of a [[sites]] entry in bereik.toml`,
		`6:1 timestamp: "…" is not a time like 2021-06-14 09:30:00`,
		`7:6 time_on_page: "…" is not a number of seconds`,
		`8:6 time_on_page: "…" is not a duration like 1:14`,
		`9:1 virtual host: host "…" is not configured; add it to the hosts of a [[sites]] entry in bereik.toml`,
		`10:2 client address: neither an IP address nor a host name`,
		`11:5 time: "…" is not a time like 15/Jun/2021:09:30:12 +0200`,
		`12:7 status: "…" is not an HTTP status`,
		`13:8 bytes: "…" is not a number of bytes`,
	}
	rows, err := db.Query(`SELECT line || ':' || col || ' ' || column_name || ': ' || reason FROM rejects ORDER BY file_id, line`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		got = append(got, s)
	}
	rows.Close()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stored reasons (-want +got):\n%s", diff)
	}
	if strings.Contains(log.String(), canary) {
		t.Errorf("the terminal log quotes the visitor id:\n%s", log.String())
	}
	data, _ := os.ReadFile(path)
	wal, _ := os.ReadFile(path + ".wal")
	if bytes.Contains(data, []byte(canary)) || bytes.Contains(wal, []byte(canary)) {
		t.Error("the database file holds the visitor id")
	}
}

// TestReasonWithoutValues: a reason's values are left out whatever their verb and
// wherever they stand, known arguments and the formats of value errors are kept.
func TestReasonWithoutValues(t *testing.T) {
	whole, bare := reasonf("%v in column %s; site %q at %d, %d", valuef("%q is not a time like %s", canary, known{"09:30"}), known{"Tijdstip"}, canary, 7, known{3})
	if whole != `"`+canary+`" is not a time like 09:30 in column Tijdstip; site "`+canary+`" at 7, 3` {
		t.Errorf("whole: %s", whole)
	}
	if bare != `"…" is not a time like 09:30 in column Tijdstip; site "…" at …, 3` {
		t.Errorf("without values: %s", bare)
	}
	if e := (&lineError{Reason: "x " + canary}); e.storedReason(true) == e.Reason || e.storedReason(false) != e.Reason {
		t.Errorf("a reject without template: stored %q for a personal kind", e.storedReason(true))
	}
}
