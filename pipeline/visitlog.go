package pipeline

import (
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the sites' time zone on machines without zoneinfo

	"github.com/apache/arrow-go/v18/arrow"
)

// amsterdam is the sites' local time; page views are stored in it, without zone.
var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err) // embedded by time/tzdata: cannot fail
	}
	return loc
}()

// The fields of a visit log, in the order of visitLogSource.spec.
const (
	vTimestamp = iota
	vVisitID
	vVisitorID
	vSite
	vURL
	vPageTitle
	vReferrer
	vUTMSource
	vUTMMedium
	vUTMCampaign
	vTimeOnPage
)

// pageViewSchema is page_views without file_id: the columns every source of page views
// loads. client_net is an access log's (a visit log has no addresses).
var pageViewSchema = arrow.NewSchema([]arrow.Field{
	field("ts", typTime),
	field("site", typString),
	field("visit_id", typUint64),
	field("visitor", typUint64),
	field("page_key", typUint64),
	field("page_title", typString),
	field("origin_key", typUint64),
	field("utm_campaign", typString),
	field("time_on_page", typInt32),
	field("client_net", typString),
}, nil)

// pageViewColumns are the columns of a page_views batch, resolved once per file.
type pageViewColumns struct {
	ts                           timeCol
	site, title, utmCampaign     textCol
	visitID, visitor, page, from hashCol
	timeOnPage                   intCol
	clientNet                    textCol
	dims                         *dimValues
}

func pageViewColumnsOf(p *parseRun) pageViewColumns {
	o := p.out
	return pageViewColumns{ts: timeOf(o, "ts"), site: textOf(o, "site"), visitID: hashOf(o, "visit_id"),
		visitor: hashOf(o, "visitor"), page: hashOf(o, "page_key"), title: textOf(o, "page_title"),
		from: hashOf(o, "origin_key"), utmCampaign: textOf(o, "utm_campaign"), timeOnPage: intOf(o, "time_on_page"),
		clientNet: textOf(o, "client_net"), dims: p.dims}
}

// putPage writes the key of the row's page, noting the page for its dimension.
func (o *pageViewColumns) putPage(site, path string) {
	k := pageViewPageKey(site, path)
	o.page.put(k)
	o.dims.note(0, k, false, site, path)
}

// putOrigin writes the key of where the row's visitor came from (an empty value is
// NULL), noting it for its dimension.
func (o *pageViewColumns) putOrigin(referrer, utmSource, utmMedium string) {
	k := pageViewOriginKey(referrer, utmSource, utmMedium)
	o.from.put(k)
	o.dims.note(1, k, true, referrer, utmSource, utmMedium)
}

// visitLogSource reads a page-view visit log: one row per page view, columns in any order.
var visitLogSource = &source{
	kind:     "visit_log",
	label:    label{nl: "Bezoekerslogs", en: "Visit logs"},
	is:       "a visit log",
	stale:    staleByData,
	table:    "page_views",
	parts:    "page_view_rows",
	computed: pageViewKeys,
	spec: []headerSpec{
		{field: "timestamp", aliases: []string{"timestamp", "time", "datetime", "date_time"}, dutch: []string{"tijdstip", "datum_tijd"}, required: true},
		{field: "visit_id", aliases: []string{"visit_id", "visit id", "idvisit", "session_id"}, dutch: []string{"bezoek_id", "bezoek id"}, required: true},
		{field: "visitor_id", aliases: []string{"visitor_id", "visitor id", "idvisitor", "client_id"}, dutch: []string{"bezoeker_id", "bezoeker id"}, required: true},
		{field: "site", aliases: []string{"site"}},
		{field: "url", aliases: []string{"url", "page_url", "page url"}, dutch: []string{"pagina_url", "pagina-url"}, required: true},
		{field: "page_title", aliases: []string{"page_title", "page title", "title"}, dutch: []string{"paginatitel", "titel"}},
		{field: "referrer", aliases: []string{"referrer", "referer", "referrer_url"}, dutch: []string{"verwijzer"}},
		{field: "utm_source", aliases: []string{"utm_source"}},
		{field: "utm_medium", aliases: []string{"utm_medium"}},
		{field: "utm_campaign", aliases: []string{"utm_campaign"}},
		{field: "time_on_page", aliases: []string{"time_on_page", "time on page", "seconds_on_page"}, dutch: []string{"tijd_op_pagina", "tijd op pagina"}},
	},
	schema:   pageViewSchema,
	merge:    replaceDays,
	personal: true,
	dates:    []string{"timestamp"},
	parser: func(p *parseRun) (parser, error) {
		return &visitLogParser{p: p, out: pageViewColumnsOf(p)}, nil
	},
}

type visitLogParser struct {
	p   *parseRun
	out pageViewColumns
}

func (v *visitLogParser) row(rec []string, line int) error {
	p := v.p
	if blank(rec) {
		return errSkip
	}
	bad := func(name, format string, args ...any) error { return p.rowError(line, name, format, args...) }
	ts, err := parseTimestamp(p.cell(rec, vTimestamp), p.dayFirst)
	if err != nil {
		return bad("timestamp", "%v", err)
	}
	visitID, visitorID := p.cell(rec, vVisitID), p.cell(rec, vVisitorID)
	if visitID == "" {
		return bad("visit_id", "empty visit id")
	}
	if visitorID == "" {
		return bad("visitor_id", "empty visitor id")
	}
	host, path := splitURL(p.cell(rec, vURL))
	site := p.cell(rec, vSite)
	switch {
	case site != "" && !p.cfg.hasSite(site):
		return bad("site", "site %q is not configured; add it to [[sites]] in bereik.toml", site)
	case site == "" && host == "":
		return bad("url", "%q has no host and the file has no site column", p.cell(rec, vURL))
	case site == "":
		if site = p.cfg.SiteOfHost(host); site == "" {
			return bad("url", "host %q is not configured; add it to the hosts of a [[sites]] entry in bereik.toml", host)
		}
	}
	var seconds int64
	var haveSeconds bool
	if cell := p.cell(rec, vTimeOnPage); cell != "" {
		seconds, err = parseSeconds(cell)
		if err != nil {
			return bad("time_on_page", "%v", err)
		}
		haveSeconds = true
	}
	p.seeDate(ts)

	o := &v.out
	o.ts.put(ts)
	o.site.put(site)
	o.visitID.put(p.keyer.hash("visit", site, visitID))
	o.visitor.put(p.keyer.hash("visitor", "", visitorID))
	o.putPage(site, path)
	o.title.putOrNull(p.cell(rec, vPageTitle))
	o.putOrigin(referrerPage(p.cell(rec, vReferrer)), p.cell(rec, vUTMSource), p.cell(rec, vUTMMedium))
	o.utmCampaign.putOrNull(p.cell(rec, vUTMCampaign))
	o.timeOnPage.put(int32(seconds), haveSeconds)
	o.clientNet.putOrNull("")
	return nil
}

// parseTimestamp reads a page view's time. A time with a zone or offset is converted to
// Amsterdam time; one without is taken as Amsterdam time already. A time like 05-06-2021
// 09:30 is read day first or month first as the file writes its dates.
func parseTimestamp(s string, dayFirst bool) (time.Time, error) {
	if t, ok := parseDateTime(s); ok {
		return t, nil
	}
	order := []string{"1-2-2006 15:04:05", "1-2-2006 15:04", "1/2/2006 15:04:05", "1/2/2006 15:04"}
	if dayFirst {
		order = []string{"2-1-2006 15:04:05", "2-1-2006 15:04", "2/1/2006 15:04:05", "2/1/2006 15:04"}
	}
	for _, layout := range append([]string{time.DateTime, "2006-01-02T15:04:05", "2006-01-02 15:04"}, order...) {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.In(amsterdam), nil
		}
	}
	return time.Time{}, valuef("%q is not a time like 2021-06-14 09:30:00", s)
}

// parseDateTime reads the common layout 2006-01-02 15:04:05 (or with a T) without the
// generality, and the cost, of time.Parse; ok is false for anything else.
func parseDateTime(s string) (time.Time, bool) {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	var n [6]int
	for i, span := range [6][2]int{{0, 4}, {5, 7}, {8, 10}, {11, 13}, {14, 16}, {17, 19}} {
		for _, c := range []byte(s[span[0]:span[1]]) {
			if c < '0' || c > '9' {
				return time.Time{}, false
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	if n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 31 || n[3] > 23 || n[4] > 59 || n[5] > 59 {
		return time.Time{}, false
	}
	t := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, time.UTC)
	if t.Day() != n[2] { // 31 June and the like
		return time.Time{}, false
	}
	return t, true
}

// parseSeconds reads a duration in whole seconds: 74, 1:14 or 0:01:14.
func parseSeconds(s string) (int64, error) {
	if !strings.Contains(s, ":") {
		n, err := strconv.ParseInt(s, 10, 32)
		if err != nil || n < 0 {
			return 0, valuef("%q is not a number of seconds", s)
		}
		return n, nil
	}
	var total int64
	for _, part := range strings.Split(s, ":") {
		n, err := strconv.ParseInt(part, 10, 32)
		if err != nil || n < 0 || (total > 0 && n >= 60) {
			return 0, valuef("%q is not a duration like 1:14", s)
		}
		total = total*60 + n
	}
	return total, nil
}

// splitURL returns the lower-case host and the path of a URL, without query or fragment.
// A bare path has no host.
func splitURL(raw string) (host, path string) {
	s := raw
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
		host = s
		if j := strings.IndexByte(s, '/'); j >= 0 {
			host, s = s[:j], s[j:]
		} else {
			s = "/"
		}
		host = beforeQuery(host)
		if k := strings.LastIndexByte(host, '@'); k >= 0 {
			host = host[k+1:]
		}
		if k := strings.IndexByte(host, ':'); k >= 0 {
			host = host[:k]
		}
		host = strings.ToLower(host)
	}
	if s = beforeQuery(s); s == "" {
		s = "/"
	}
	return host, s
}

// beforeQuery is s up to its first ? or #: two byte searches, where strings.IndexAny
// built its set of bytes anew for every URL (2.4% of a large ingest's CPU).
func beforeQuery(s string) string {
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return s
}
