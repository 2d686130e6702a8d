package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// benchmarkParse parses data as ingest does, without a database, and reports MB/s.
func benchmarkParse(b *testing.B, data []byte) {
	cfg := testConfig(b)
	keys, err := loadKeyer(filepath.Join(b.TempDir(), "bench.duckdb"), false)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		run, err := openRun(bytes.NewReader(data), "bench.csv", cfg, keys, fileHints{})
		if err != nil {
			b.Fatal(err)
		}
		r := newBatchReader(run)
		for r.Next() {
		}
		if r.Err() != nil {
			b.Fatal(r.Err())
		}
		r.Release()
	}
}

// visitLogSample repeats a realistic page view n times with distinct visits and visitors.
func visitLogSample(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("timestamp,visit_id,visitor_id,site,url,page_title,referrer,utm_source,utm_medium,utm_campaign,time_on_page\n")
	for i := range n {
		fmt.Fprintf(&buf, "2021-06-%02d 09:%02d:%02d,%d,%016x,kennisplein,https://www.kennispleingehandicaptensector.nl/begeleiding-a-la-carte/hoe-een-andere-omgeving-leidt-tot-minder-gedragsproblemen?utm_source=nieuwsbrief,Hoe een andere omgeving leidt tot minder gedragsproblemen,https://www.google.nl/,nieuwsbrief,email,kennisplein-nieuwsbrief-2021-06,%d\n",
			1+i%28, i%60, i%60, 1000000+i/3, uint64(i/7)*0x9e3779b97f4a7c15, i%300)
	}
	return buf.Bytes()
}

func BenchmarkParseVisitLog(b *testing.B) { benchmarkParse(b, visitLogSample(200_000)) }

func BenchmarkParseMetaAds(b *testing.B) {
	data, err := os.ReadFile("../testdata/ingest/meta_ads_nl_adset/Twinkels-2021-Advertentiesets-14-jun-2021-11-jul-2021.csv")
	if err != nil {
		b.Fatal(err)
	}
	// A year of daily rows per ad set: the same rows again with other dates.
	var buf bytes.Buffer
	lines := bytes.SplitAfter(data, []byte("\n"))
	buf.Write(lines[0])
	for d := range 365 {
		for _, l := range lines[1:3] {
			buf.Write(bytes.Replace(l, []byte("2021-06-14;2021-07-11"), fmt.Appendf(nil, "2021-%02d-%02d;2021-%02d-%02d", 1+d/31%12, 1+d%28, 1+d/31%12, 1+d%28), 1))
		}
	}
	benchmarkParse(b, buf.Bytes())
}

func BenchmarkParseCatalogue(b *testing.B) {
	data, err := os.ReadFile("../testdata/ingest/catalogue/inhoudscatalogus.csv")
	if err != nil {
		b.Fatal(err)
	}
	benchmarkParse(b, data)
}

// accessLogSample writes n requests of a virtual-host access log, one a second from 5.000
// clients: a page, then two assets, with a bot now and then.
func accessLogSample(n int) []byte {
	var buf bytes.Buffer
	for i := range n {
		at := fmt.Sprintf("%02d/Jun/2021:%02d:%02d:%02d +0200", 1+i/86400%28, i/3600%24, i/60%60, i%60)
		target, agent := "/begeleiding-a-la-carte/hoe-een-andere-omgeving-leidt-tot-minder-gedragsproblemen?utm_source=nieuwsbrief&utm_medium=email", uaChrome
		switch {
		case i%3 == 1:
			target = "/wp-content/themes/kennisplein/css/main.css?ver=5.7.2"
		case i%3 == 2:
			target = "/wp-content/uploads/2021/06/omgeving.jpg"
		case i%50 == 0:
			agent = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
		}
		fmt.Fprintf(&buf, "www.kennispleingehandicaptensector.nl:443 198.51.%d.%d - - [%s] \"GET %s HTTP/2.0\" 200 18234 \"https://www.google.nl/\" \"%s\"\n",
			100+i/3%5000/250, i/3%5000%250, at, target, agent)
	}
	return buf.Bytes()
}

func BenchmarkParseAccessLog(b *testing.B) { benchmarkParse(b, accessLogSample(300_000)) }
