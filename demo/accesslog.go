package demo

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// The web server's access log of www.vilans.nl for the first two weeks of December 2021,
// after the visit logs end: vilans.nl's analytics export stopped with November, and the
// comms team asked IT for the server's log instead. An access log replaces the page views
// of the days it covers, per site, so it may only cover days without visit logs: the logs
// run from the programme's first day to 30 November 2021, and a log before September 2019
// would move the start of every --programme report. So no published figure can move.
var (
	accessLogFrom = dayOf(2021, time.December, 1)
	accessLogDays = 14
)

const (
	accessLogFile = "www.vilans.nl-access.log.gz"
	accessStream  = 0x616363657373 // "access"
)

// accessRequest is one line of the access log.
type accessRequest struct {
	at       time.Time // Dutch local time, as a wall clock in time.UTC
	seq      int       // order of writing, to keep requests of the same second in order
	client   *accessClient
	method   string
	target   string
	protocol string
	status   int
	bytes    int
	referrer string // "" is written as "-"
}

// accessClient is a browser or bot: its address, its user agent and whether it speaks
// HTTP/2 to the server.
type accessClient struct {
	ip, agent string
	http2     bool
}

// Browsers of 2021 that visit vilans.nl, with relative weights.
var accessAgents = []struct {
	agent  string
	weight float64
}{
	{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.45 Safari/537.36", 34},
	{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.45 Safari/537.36 Edg/96.0.1054.43", 18},
	{"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:94.0) Gecko/20100101 Firefox/94.0", 6},
	{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.1 Safari/605.1.15", 8},
	{"Mozilla/5.0 (iPhone; CPU iPhone OS 15_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.1 Mobile/15E148 Safari/604.1", 16},
	{"Mozilla/5.0 (Linux; Android 11; SM-A515F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0.4664.45 Mobile Safari/537.36", 12},
	{"Mozilla/5.0 (iPad; CPU OS 15_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.1 Mobile/15E148 Safari/604.1", 6},
}

// Crawlers, which analytics does not count.
var (
	googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
	bingbot   = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"
)

// What every page of vilans.nl loads besides itself: path and size in bytes.
var accessAssets = []struct {
	path string
	size int
}{
	{"/static/css/main.4f1c2a9e.css", 48213},
	{"/static/js/vendor.1d0c55b7.js", 187402},
	{"/static/js/app.9b3e7120.js", 61877},
	{"/static/img/logo-vilans.png", 7391},
	{"/favicon.ico", 15086},
}

// accessLogWriter plans the requests of the access log.
type accessLogWriter struct {
	rng      *rand.Rand
	requests []accessRequest
	clients  []*accessClient // people seen before, who may come back
}

// writeAccessLog writes the gzip-compressed access log in the combined log format, one
// request a line in order of time: people reading pages (with the styles, scripts and
// images each page loads, from cache after the first), Googlebot and bingbot crawling, a
// broken link and a scanner getting 404, over IPv4 and IPv6 (documentation addresses only).
func writeAccessLog(dir string, seed uint64) (File, error) {
	path := filepath.Join(dir, accessLogFile)
	w := &accessLogWriter{rng: rand.New(rand.NewPCG(seed, accessStream))}
	for i := range accessLogDays {
		w.planDay(accessLogFrom + day(i))
	}
	slices.SortFunc(w.requests, func(a, b accessRequest) int {
		return cmp.Or(a.at.Compare(b.at), cmp.Compare(a.seq, b.seq))
	})
	// The log is rotated at midnight: a visit that runs past it continues in the next file.
	end := (accessLogFrom + day(accessLogDays)).date()
	w.requests = slices.DeleteFunc(w.requests, func(r accessRequest) bool { return !r.at.Before(end) })

	var raw bytes.Buffer
	for _, r := range w.requests {
		referrer := r.referrer
		if referrer == "" {
			referrer = "-"
		}
		size := strconv.Itoa(r.bytes)
		if r.bytes == 0 {
			size = "-"
		}
		fmt.Fprintf(&raw, "%s - - [%s %s] \"%s %s %s\" %d %s \"%s\" \"%s\"\n", r.client.ip,
			r.at.Format("02/Jan/2006:15:04:05"), zone(r.at), r.method, r.target, r.protocol, r.status,
			size, referrer, r.client.agent)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	// As logrotate compresses it: the log's name and the day it was rotated; fixed, so the
	// same seed writes the same bytes.
	zw.Name = "www.vilans.nl-access.log"
	zw.ModTime = time.Date(2021, time.December, 15, 0, 0, 0, 0, time.UTC)
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return File{}, fmt.Errorf("compress %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		return File{}, fmt.Errorf("compress %s: %w", path, err)
	}
	if err := os.WriteFile(path, gz.Bytes(), 0o644); err != nil {
		return File{}, err
	}
	return File{Path: path, Kind: KindAccessLog, Rows: len(w.requests)}, nil
}

// zone formats the Dutch UTC offset of t: +0100 or +0200.
func zone(t time.Time) string { return fmt.Sprintf("+%02d00", utcOffset(t)/3600) }

// add appends a request at t.
func (w *accessLogWriter) add(t time.Time, c *accessClient, target string, status, size int, referrer string) {
	protocol := "HTTP/1.1"
	if c.http2 {
		protocol = "HTTP/2.0"
	}
	w.requests = append(w.requests, accessRequest{at: t, seq: len(w.requests), client: c, method: "GET",
		target: target, protocol: protocol, status: status, bytes: size, referrer: referrer})
}

// newIP returns a documentation address: IPv4 from the three /24 networks reserved for
// examples, or, for a quarter of the clients, IPv6 from 2001:db8::/32.
func (w *accessLogWriter) newIP() string {
	if w.rng.Float64() < 0.25 {
		return fmt.Sprintf("2001:db8:%x:%x::%x", w.rng.IntN(0x10000), w.rng.IntN(0x10000), 1+w.rng.IntN(0xffff))
	}
	nets := []string{"192.0.2", "198.51.100", "203.0.113"}
	return fmt.Sprintf("%s.%d", nets[w.rng.IntN(len(nets))], 1+w.rng.IntN(254))
}

// client returns a person: someone seen before, or someone new.
func (w *accessLogWriter) client() *accessClient {
	if len(w.clients) > 0 && w.rng.Float64() < 0.18 {
		return w.clients[w.rng.IntN(len(w.clients))]
	}
	weights := make([]float64, len(accessAgents))
	for i, a := range accessAgents {
		weights[i] = a.weight
	}
	c := &accessClient{ip: w.newIP(), agent: accessAgents[pick(w.rng, weights)].agent, http2: w.rng.Float64() < 0.6}
	w.clients = append(w.clients, c)
	return c
}

// vilansPage is a page of vilans.nl that people read in the access log, with its weight.
type vilansPage struct {
	path   string
	weight float64
}

// vilansPages returns the pages people read: the site's pages outside the programme and
// the programme's articles, which still draw readers after the programme.
func vilansPages() []vilansPage {
	var pages []vilansPage
	for _, b := range vilansBrowsePages {
		pages = append(pages, vilansPage{b.Path, b.Weight})
	}
	for _, a := range vilansArticles {
		pages = append(pages, vilansPage{vilansProgrammePrefix + slugify(a.Title), float64(a.Visits) / 60})
	}
	return pages
}

// planDay plans the requests of day d.
func (w *accessLogWriter) planDay(d day) {
	date := d.date()
	pages := vilansPages()
	weights := make([]float64, len(pages))
	for i, p := range pages {
		weights[i] = p.weight
	}
	newsletter := d == newsletterDay(vilans, d.month())
	visits := 55
	switch {
	case date.Weekday() == time.Saturday || date.Weekday() == time.Sunday:
		visits = 20
	case newsletter:
		visits = 95
	}
	visits += w.rng.IntN(12)

	for range visits {
		c := w.client()
		hour := pick(w.rng, startHourWeights[:])
		t := date.Add(time.Duration(hour*3600+w.rng.IntN(3600)) * time.Second)
		landing := pages[pick(w.rng, weights)].path
		target, referrer := landing, ""
		switch ch := pick(w.rng, []float64{20, 8, 15, 38, 10}); {
		case ch == 1 || newsletter && w.rng.Float64() < 0.5:
			target += newsletterTags(vilans, d).query()
		case ch == 2:
			referrer = []string{"https://l.facebook.com/", "https://www.linkedin.com/", "https://t.co/" + randomCode(w.rng, 10)}[w.rng.IntN(3)]
		case ch == 3:
			referrer = []string{"https://www.google.com/", "https://www.google.nl/", "https://www.bing.com/"}[pick(w.rng, []float64{45, 42, 13})]
		case ch == 4:
			referrer = "https://www.vgn.nl/nieuws"
		}
		n := 1 + pick(w.rng, []float64{55, 25, 12, 8})
		for i := range n {
			if i > 0 {
				referrer = "https://www.vilans.nl" + target
				target = pages[pick(w.rng, weights)].path
			}
			w.add(t, c, target, 200, 18_000+w.rng.IntN(42_000), referrer)
			page := "https://www.vilans.nl" + target
			for k, a := range accessAssets {
				switch {
				case i == 0 || k == len(accessAssets)-1 && w.rng.Float64() < 0.1:
					w.add(t.Add(time.Duration(k/2)*time.Second), c, a.path, 200, a.size, page)
				case k < 3:
					w.add(t.Add(time.Second), c, a.path, 304, 0, page) // from the browser's cache
				}
			}
			// Time on page: log-normal around a minute.
			seconds := math.Min(900, 60*math.Exp(0.9*w.rng.NormFloat64()))
			t = t.Add(time.Duration(5+int(seconds)) * time.Second)
		}
	}

	// A broken link in an old newsletter, and a scanner looking for WordPress.
	if d == accessLogFrom+2 {
		c := w.client()
		t := date.Add(10*time.Hour + 12*time.Minute + 5*time.Second)
		w.add(t, c, "/artikelen/begeleiding-a-la-carte/model-bravo", 404, 9_412, "https://www.vgn.nl/nieuws")
		w.add(t.Add(14*time.Second), c, "/zoeken?q=bravo", 200, 21_384, "https://www.vilans.nl/artikelen/begeleiding-a-la-carte/model-bravo")
	}
	if d == accessLogFrom+5 {
		c := &accessClient{ip: w.newIP(), agent: "python-requests/2.26.0"}
		t := date.Add(3*time.Hour + 41*time.Minute)
		for i, target := range []string{"/wp-login.php", "/.env", "/wp-admin/"} {
			w.add(t.Add(time.Duration(i)*time.Second), c, target, 404, 9_412, "")
		}
	}

	// Crawlers through the day: robots.txt first, then pages.
	for _, bot := range []struct {
		agent    string
		requests int
	}{{googlebot, 28}, {bingbot, 9}} {
		c := &accessClient{ip: w.newIP(), agent: bot.agent}
		t := date.Add(time.Duration(w.rng.IntN(3600)) * time.Second)
		w.add(t, c, "/robots.txt", 200, 312, "")
		for range bot.requests {
			t = t.Add(time.Duration(300+w.rng.IntN(3000)) * time.Second)
			if t.Sub(date) >= 24*time.Hour {
				break
			}
			w.add(t, c, pages[w.rng.IntN(len(pages))].path, 200, 18_000+w.rng.IntN(42_000), "")
		}
	}
}
