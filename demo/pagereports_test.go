package demo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"net/netip"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"
)

// testPageFigures is a page's figures over a period, from the visit logs or a page report.
type testPageFigures struct {
	Pageviews, Visits, Entrances int
	BounceRate, ExitRate         string // as the report writes them
	AvgTime                      string
}

// logPageCounts counts, per path of site, the page views, visits, entrances, bounces and
// exits of the visits in the logs that start in [from, to), and the time on page.
type logPageCounts struct {
	pageviews, visits, entrances, bounces, exits int
	seconds, staying                             int
}

func countPages(logs *testLogs, site string, from, to time.Time) map[string]*logPageCounts {
	out := map[string]*logPageCounts{}
	for _, v := range logs.visits {
		if v.Site != site || v.start().Before(from) || !v.start().Before(to) {
			continue
		}
		seen := map[string]bool{}
		for i, w := range v.Views {
			c := out[w.Path]
			if c == nil {
				c = &logPageCounts{}
				out[w.Path] = c
			}
			c.pageviews++
			c.seconds += w.Seconds
			if !seen[w.Path] {
				seen[w.Path] = true
				c.visits++
			}
			if i == 0 {
				c.entrances++
				if len(v.Views) == 1 {
					c.bounces++
				}
			}
			if i == len(v.Views)-1 {
				c.exits++
			} else {
				c.staying += w.Seconds
			}
		}
	}
	return out
}

var (
	lastQuarterFrom = time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	lastQuarterTo   = time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC) // exclusive
)

// checkPageReports checks that the Matomo report of Kennisplein and the Google Analytics
// report of vilans.nl for June - August 2021 agree with the visit logs: the same visits
// (unique page views) per page, so a page report can never move a published figure.
func checkPageReports(t *testing.T, dir string, logs *testLogs) {
	t.Run("matomo", func(t *testing.T) {
		want := map[string]testPageFigures{}
		for path, c := range countPages(logs, "kennisplein", lastQuarterFrom, lastQuarterTo) {
			want[path] = testPageFigures{
				Pageviews: c.pageviews, Visits: c.visits,
				BounceRate: fmt.Sprintf("%.0f%%", roundHalfUp(100*ratio(c.bounces, c.entrances), 0)),
				ExitRate:   fmt.Sprintf("%.0f%%", roundHalfUp(100*ratio(c.exits, c.visits), 0)),
				AvgTime:    strconv.Itoa(int(roundHalfUp(ratio(c.seconds, c.pageviews), 0))),
			}
		}
		got := readMatomoReport(t, filepath.Join(dir, matomoReportFile))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Matomo page report against the visit logs (-logs +report):\n%s", diff)
		}
	})
	t.Run("google analytics", func(t *testing.T) {
		want := map[string]testPageFigures{}
		var total logPageCounts
		for path, c := range countPages(logs, "vilans", lastQuarterFrom, lastQuarterTo) {
			want[path] = gaWant(*c)
			total.pageviews += c.pageviews
			total.visits += c.visits
			total.entrances += c.entrances
			total.bounces += c.bounces
			total.exits += c.exits
			total.staying += c.staying
		}
		want[""] = gaWant(total)
		got := readGAReport(t, filepath.Join(dir, gaReportFile))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Google Analytics page report against the visit logs (-logs +report):\n%s", diff)
		}
	})
}

func ratio(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

func roundHalfUp(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Floor(x*p+0.5+1e-9) / p
}

// gaWant is what Google Analytics shows for a page's counts, in Dutch notation.
func gaWant(c logPageCounts) testPageFigures {
	avg := int(roundHalfUp(ratio(c.staying, c.pageviews-c.exits), 0))
	dutch := func(part, whole int) string {
		if whole == 0 {
			return "0,00%"
		}
		return strings.Replace(strconv.FormatFloat(float64(100*part)/float64(whole), 'f', 2, 64), ".", ",", 1) + "%"
	}
	return testPageFigures{
		Pageviews: c.pageviews, Visits: c.visits, Entrances: c.entrances,
		BounceRate: dutch(c.bounces, c.entrances),
		ExitRate:   dutch(c.exits, c.pageviews),
		AvgTime:    fmt.Sprintf("%02d:%02d:%02d", avg/3600, avg/60%60, avg%60),
	}
}

// readMatomoReport reads Matomo's page report: UTF-16LE with a byte order mark, tabs.
func readMatomoReport(tb testing.TB, path string) map[string]testPageFigures {
	tb.Helper()
	data := readFile(tb, path)
	if !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		tb.Fatalf("%s: no UTF-16LE byte order mark", path)
	}
	text, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		tb.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = '\t'
	rows, err := r.ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if diff := cmp.Diff([]string{"Label", "Unique Pageviews", "Pageviews", "Bounce rate", "Avg. time on page", "Exit rate"}, rows[0]); diff != "" {
		tb.Fatalf("%s: header (-want +got):\n%s", path, diff)
	}
	if bytes.Contains(text, []byte("2021")) {
		tb.Errorf("%s: dates inside; Matomo's export names its period only in the file name", path)
	}
	out := map[string]testPageFigures{}
	for _, rec := range rows[1:] {
		// Matomo's flattened labels: folders without a leading slash, a folder's page "index".
		path := rec[0]
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		path = strings.TrimSuffix(path, "index")
		out[path] = testPageFigures{Visits: atoi(tb, rec[1]), Pageviews: atoi(tb, rec[2]), BounceRate: rec[3], AvgTime: rec[4], ExitRate: rec[5]}
	}
	return out
}

// readGAReport reads Google Analytics' Dutch page report: its # preamble, a blank line,
// the table with quoted Dutch numbers and a totals row, keyed "".
func readGAReport(tb testing.TB, path string) map[string]testPageFigures {
	tb.Helper()
	data := readFile(tb, path)
	lines := strings.Split(string(data), "\n")
	const rule = "# ----------------------------------------"
	if len(lines) < 7 || lines[0] != rule || !strings.HasPrefix(lines[1], "# ") || !strings.HasPrefix(lines[2], "# ") ||
		lines[3] != "# 20210601-20210831" || lines[4] != rule || lines[5] != "" {
		tb.Fatalf("%s: does not begin with GA's preamble naming the period and a blank line: %q", path, lines[:min(6, len(lines))])
	}
	if !regexp.MustCompile(`,"\d{1,3}(\.\d{3})+",`).Match(data) || !regexp.MustCompile(`,"\d+,\d\d%",`).Match(data) {
		tb.Errorf("%s: no quoted Dutch numbers like \"2.546\" and \"99,88%%\"", path)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.Join(lines[6:], "\n"))).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if got := strings.Join(rows[0], ","); got != gaReportHeader {
		tb.Fatalf("%s: header %q", path, got)
	}
	if rows[len(rows)-1][0] != "" {
		tb.Errorf("%s: no totals row at the end", path)
	}
	out := map[string]testPageFigures{}
	for _, rec := range rows[1:] {
		if rec[7] != "€ 0,00" {
			tb.Errorf("%s: page value %q", path, rec[7])
		}
		out[rec[0]] = testPageFigures{
			Pageviews: int(dutchNumber(tb, rec[1])), Visits: int(dutchNumber(tb, rec[2])), AvgTime: rec[3],
			Entrances: int(dutchNumber(tb, rec[4])), BounceRate: rec[5], ExitRate: rec[6],
		}
	}
	return out
}

// TestAccessLog reads the access log back: the combined log format, gzip-compressed,
// documentation addresses only, and only days that no visit log covers.
func TestAccessLog(t *testing.T) {
	dir := t.TempDir()
	f, err := writeAccessLog(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(filepath.Base(f.Path), "www.vilans.nl") || !strings.HasSuffix(f.Path, ".gz") {
		t.Errorf("%s does not name the site's host or is not .gz", f.Path)
	}
	zr, err := gzip.NewReader(bytes.NewReader(readFile(t, f.Path)))
	if err != nil {
		t.Fatal(err)
	}
	combined := regexp.MustCompile(`^(\S+) - - \[(\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4})\] "GET (\S+) HTTP/(?:1\.1|2\.0)" (\d{3}) (\d+|-) "([^"]*)" "([^"]+)"$`)
	docNets := []netip.Prefix{
		netip.MustParsePrefix("192.0.2.0/24"), netip.MustParsePrefix("198.51.100.0/24"),
		netip.MustParsePrefix("203.0.113.0/24"), netip.MustParsePrefix("2001:db8::/32"),
	}
	lastVisitLogDay := time.Date(2021, 11, 30, 0, 0, 0, 0, time.UTC) // the visit logs' last day
	seen := map[string]int{}
	var prev time.Time
	lines := 0
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		lines++
		m := combined.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Fatalf("line %d is not in the combined log format: %q", lines, sc.Text())
		}
		addr, err := netip.ParseAddr(m[1])
		if err != nil || !containsAddr(docNets, addr) {
			t.Errorf("line %d: %q is not a documentation address", lines, m[1])
		}
		if addr.Is6() {
			seen["ipv6"]++
		}
		ts, err := time.Parse("02/Jan/2006:15:04:05 -0700", m[2])
		if err != nil {
			t.Fatalf("line %d: %v", lines, err)
		}
		if !strings.HasSuffix(m[2], " +0100") {
			t.Errorf("line %d: %s is not Dutch winter time", lines, m[2])
		}
		if local := ts.UTC().Add(time.Hour); local.Before(lastVisitLogDay.Add(24*time.Hour)) || !local.Before(time.Date(2021, 12, 15, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("line %d: %s is not in 1-14 December 2021, after the visit logs", lines, m[2])
		}
		if ts.Before(prev) {
			t.Errorf("line %d: %s is before the line above", lines, m[2])
		}
		prev = ts
		switch {
		case strings.Contains(m[7], "Googlebot"):
			seen["googlebot"]++
		case strings.Contains(m[7], "bingbot"):
			seen["bingbot"]++
		}
		for _, ext := range []string{".css", ".js", ".png"} {
			if strings.HasSuffix(m[3], ext) {
				seen[ext]++
			}
		}
		seen["status "+m[4]]++
		if strings.Contains(m[3], "utm_source=") {
			seen["utm"]++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != f.Rows {
		t.Errorf("Rows = %d, the log has %d lines", f.Rows, lines)
	}
	for _, want := range []string{"ipv6", "googlebot", "bingbot", ".css", ".js", ".png", "status 200", "status 304", "status 404", "utm"} {
		if seen[want] == 0 {
			t.Errorf("no %s in the access log", want)
		}
	}
	t.Logf("%d lines: %v", lines, seen)
	if _, err := io.ReadAll(zr); err != nil {
		t.Error(err)
	}
}

func containsAddr(nets []netip.Prefix, a netip.Addr) bool {
	for _, n := range nets {
		if n.Contains(a) {
			return true
		}
	}
	return false
}
