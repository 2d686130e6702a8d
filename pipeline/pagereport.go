package pipeline

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// The fields of a page report, in the order of pageReportSource.spec.
const (
	prLabel = iota
	prURL
	prPageviews
	prUnique
	prTime
	prBounce
	prExit
	prEntrances
)

// pageReportSource reads the page reports of Matomo (Behaviour > Pages, flattened, or
// Page titles) and Google Analytics (Universal Analytics: Behaviour > Site Content > All
// Pages, or by Page Title), English or Dutch: one row per page or page title over one
// reporting period. Google Analytics' # preamble names the period; its totals row (no
// page) is skipped, and the table ends at the first blank line or # line after it (the
// sections that follow are per day). Other columns (Page Value, generation time) are
// ignored.
var pageReportSource = &source{
	kind:  "page_report",
	label: label{nl: "Paginarapporten", en: "Page reports"},
	is:    "a Matomo or Google Analytics page report",
	stale: staleByData,
	table: "page_reports",
	spec: []headerSpec{
		{field: "label", aliases: []string{"label", "page", "page title", "page url", "page name"}, dutch: []string{"pagina", "paginatitel", "pagina-url", "paginanaam"}, required: true},
		{field: "url", aliases: []string{"url", "metadata_url"}},
		{field: "pageviews", aliases: []string{"pageviews", "nb_hits"}, dutch: []string{"paginaweergaven"}, required: true},
		{field: "unique_pageviews", aliases: []string{"unique pageviews", "nb_visits"}, dutch: []string{"unieke paginaweergaven"}},
		{field: "avg_time_on_page", aliases: []string{"avg. time on page", "avg_time_on_page"}, dutch: []string{"gem. tijd op pagina", "gemiddelde tijd op pagina"}},
		{field: "bounce_rate", aliases: []string{"bounce rate", "bounce_rate"}, dutch: []string{"bouncepercentage"}},
		{field: "exit_rate", aliases: []string{"exit rate", "% exit", "exit_rate"}, dutch: []string{"uitstappercentage", "% uitstappen"}},
		{field: "entrances", aliases: []string{"entrances", "entry_nb_visits"}, dutch: []string{"instappen"}},
	},
	schema: arrow.NewSchema([]arrow.Field{
		field("line", typInt64),
		field("tool", typString),
		field("site", typString),
		field("period_start", typDate),
		field("period_end", typDate),
		field("path", typString),
		field("page_title", typString),
		field("pageviews", typInt64),
		field("unique_pageviews", typInt64),
		field("avg_time_on_page", typFloat),
		field("bounce_rate", typFloat),
		field("exit_rate", typFloat),
		field("users", typInt64),
		field("avg_engagement_time", typFloat),
		field("event_count", typInt64),
		field("sessions", typInt64),
	}, nil),
	merge:     replaceByKey,
	keys:      []string{"tool", "site", "path", "page_title", "period_start", "period_end"},
	numbers:   []string{"pageviews", "unique_pageviews", "bounce_rate", "exit_rate", "entrances"},
	tableEnds: true,
	parser:    newPageReport,
}

// pageReport is the state of reading one page report: what the file says as a whole, and
// its rows by page.
//
// Rows of one page that differ only in their query string (/x and /x?utm_source=y) are
// added into one row, which is the one loaded; the rows added to it count as skipped.
// Their counts add up; time on page, bounce and exit rate are means weighted by what each
// tool divides by: Google Analytics' time by page views that were not exits and its exit
// rate by page views, Matomo's time by page views and its exit rate by unique page views,
// bounce rates by entrances where the file has them, else by unique page views.
type pageReport struct {
	p      *parseRun
	tool   string // matomo or ga
	titles bool   // rows are page titles, not paths
	period Period
	site   string // the site of rows without host, from the file name or the options; "" if neither says
	pages  map[pageKey]*pageRow
	order  []*pageRow
}

type pageKey struct {
	site, path, title string
}

type pageRow struct {
	key                      pageKey
	line                     int
	pageviews, unique        int64
	havePageviews, haveUniq  bool
	onPage, bounce, exitRate mean
}

// mean is a weighted mean built row by row. One row's value is kept as it is; where the
// rows weigh nothing, it is their plain mean.
type mean struct {
	sum, weight, plain float64
	n                  int
}

func (m *mean) add(v, w float64) {
	m.sum += v * w
	m.weight += w
	m.plain += v
	m.n++
}

func (m mean) value() (float64, bool) {
	switch {
	case m.n == 0:
		return 0, false
	case m.n > 1 && m.weight > 0:
		return m.sum / m.weight, true
	}
	return m.plain / float64(m.n), true
}

var (
	preamblePeriod = regexp.MustCompile(`^#\s*(\d{8})\s*-\s*(\d{8})\s*$`)
	isoPeriodName  = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})[^0-9]{1,6}(\d{4}-\d{2}-\d{2})`)
	compactPeriod  = regexp.MustCompile(`(?:^|[^0-9])(\d{8})[-_](\d{8})(?:[^0-9]|$)`)
)

// periodIn reads a period from two dates in the given layout; ok is false unless both are
// dates and the first is not after the second.
func periodIn(layout, from, to string) (Period, bool) {
	start, err1 := time.Parse(layout, from)
	end, err2 := time.Parse(layout, to)
	if err1 != nil || err2 != nil || end.Before(start) {
		return Period{}, false
	}
	return Period{Start: start, End: end}, true
}

// periodInName reads a period from a file name: ..._2021-06-01_2021-08-31.csv or
// ... 20210601-20210831.csv.
func periodInName(path string) Period {
	name := baseName(path)
	if m := isoPeriodName.FindStringSubmatch(name); m != nil {
		if p, ok := periodIn(time.DateOnly, m[1], m[2]); ok {
			return p
		}
	}
	if m := compactPeriod.FindStringSubmatch(name); m != nil {
		if p, ok := periodIn("20060102", m[1], m[2]); ok {
			return p
		}
	}
	return Period{}
}

func newPageReport(p *parseRun) (parser, error) {
	r := &pageReport{p: p, pages: map[pageKey]*pageRow{}}
	labelHeader := normHeader(p.f.header[p.cols["label"]])
	switch labelHeader {
	case "label", "page url", "page name", "pagina-url", "paginanaam":
		r.tool = "matomo"
		r.titles = labelHeader == "page name" || labelHeader == "paginanaam"
	case "page title", "paginatitel":
		r.tool, r.titles = "ga", true
	default:
		r.tool = "ga"
	}
	if labelHeader == "label" {
		// Matomo names the first column Label in both its page URL and its page title
		// reports: the labels tell which this is.
		paths, titles := 0, 0
		for _, rec := range p.sampled() {
			switch l := p.cell(rec, prLabel); {
			case l == "":
			case strings.HasPrefix(l, "/") || strings.Contains(l, "://"):
				paths++
			case strings.ContainsAny(l, " \t"):
				titles++
			case strings.Contains(l, "/"):
				paths++
			}
		}
		if paths == titles && paths > 0 {
			return nil, fmt.Errorf("%s: cannot tell whether this Matomo report lists page URLs or page titles (%d labels look like paths, %d like titles); export Pages or Page titles without mixing; nothing of this file was loaded", p.f.path, paths, titles)
		}
		r.titles = titles > paths
	}

	var periods []Period
	for _, l := range p.f.preamble {
		if m := preamblePeriod.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			if period, ok := periodIn("20060102", m[1], m[2]); ok && !containsPeriod(periods, period) {
				periods = append(periods, period)
			}
		}
	}
	switch {
	case len(periods) > 1:
		return nil, fmt.Errorf("%s: the report compares two periods (%s and %s); export one date range without comparison; nothing of this file was loaded", p.f.path, periods[0], periods[1])
	case len(periods) == 1:
		r.period = periods[0]
	default:
		// The file's own name before --period: the flag is for files that say nothing.
		if r.period = periodInName(p.f.path); r.period.IsZero() {
			r.period = p.hints.period
		}
	}
	if r.period.IsZero() {
		return nil, fmt.Errorf("%s: the file does not say which period it reports on; give it with --period 2021-06-01..2021-08-31, or put the dates in the file name (pages_2021-06-01_2021-08-31.csv); nothing of this file was loaded", p.f.path)
	}
	if r.site = siteInName(p.cfg, p.f.path); r.site == "" {
		r.site = p.hints.site
	}
	p.seeDate(r.period.Start)
	p.seeDate(r.period.End)
	return r, nil
}

func containsPeriod(ps []Period, p Period) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func (r *pageReport) row(rec []string, line int) error {
	p := r.p
	if blank(rec) {
		return errSkip
	}
	bad := func(name, format string, args ...any) error { return p.rowError(line, name, format, args...) }
	label := p.cell(rec, prLabel)
	if label == "" {
		return errSkip // the totals row
	}
	key := pageKey{site: r.site}
	if r.titles {
		key.title = label
	} else {
		raw := label
		if u := p.cell(rec, prURL); u != "" {
			raw = u
		}
		if strings.HasPrefix(raw, "(") && strings.HasSuffix(raw, ")") {
			return errSkip // Google Analytics' (other) and (not set): no page
		}
		host, path := pagePath(p.cfg, raw)
		if host != "" {
			if key.site = p.cfg.SiteOfHost(host); key.site == "" {
				return bad("label", "host %q is not configured; add it to the hosts of a [[sites]] entry in bereik.toml", host)
			}
		}
		if r.tool == "matomo" && raw == label {
			// Matomo names a folder's own page (a URL ending in /) "index" in its
			// flattened labels: /index is the home page, /dossier/index the dossier's.
			if dir, ok := strings.CutSuffix(path, "/index"); ok {
				path = dir + "/"
			}
		}
		key.path = path
	}
	var counts [3]int64
	var have [3]bool
	for i, f := range []string{"pageviews", "unique_pageviews", "entrances"} {
		var err error
		if counts[i], have[i], err = parseCount(p.cols.field(rec, f), p.locale); err != nil {
			return p.numberError(line, f, err)
		}
	}
	var onPage float64
	cell := p.cell(rec, prTime)
	haveOnPage := cell != "" && cell != "-"
	if haveOnPage {
		seconds, err := parseSeconds(cell)
		if err != nil {
			return bad("avg_time_on_page", "%v in column %s", err, p.f.header[p.cols["avg_time_on_page"]])
		}
		onPage = float64(seconds)
	}
	var rates [2]float64
	var haveRate [2]bool
	for i, f := range []string{"bounce_rate", "exit_rate"} {
		var err error
		if rates[i], haveRate[i], err = parseRate(p.cols.field(rec, f), p.locale); err != nil {
			return p.numberError(line, f, err)
		}
	}
	pageviews, unique, entrances := float64(counts[0]), float64(counts[1]), float64(counts[2])

	row := r.pages[key]
	fresh := row == nil
	if fresh {
		row = &pageRow{key: key, line: line}
		r.pages[key] = row
		r.order = append(r.order, row)
	}
	row.pageviews += counts[0]
	row.unique += counts[1]
	row.havePageviews = row.havePageviews || have[0]
	row.haveUniq = row.haveUniq || have[1]
	if haveOnPage {
		w := pageviews
		if r.tool == "ga" && haveRate[1] {
			w = pageviews * (1 - rates[1])
		}
		row.onPage.add(onPage, w)
	}
	if haveRate[0] {
		w := unique
		if have[2] {
			w = entrances
		}
		row.bounce.add(rates[0], w)
	}
	if haveRate[1] {
		w := pageviews
		if r.tool == "matomo" {
			w = unique
		}
		row.exitRate.add(rates[1], w)
	}
	if !fresh {
		return errSkip // added into the row of the same page above
	}
	return nil
}

// pagePath returns the host (lower case, "" if none) and the path, without query string,
// of a page report's page: a full URL, a path, a path without its leading / (Matomo's
// flattened labels), or a configured host followed by a path (a Google Analytics view
// that shows host names).
func pagePath(cfg *Config, raw string) (host, path string) {
	host, path = splitURL(raw)
	if host == "" {
		if first, rest, ok := strings.Cut(path, "/"); ok && first != "" && cfg.SiteOfHost(first) != "" {
			host, path = strings.ToLower(first), "/"+rest
		}
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return host, path
}

// parseRate reads a percentage in the file's locale (45,5% or 45.5 %) as a fraction. A
// rate without % is refused: 0,5 could be a fraction or a percentage.
func parseRate(cell string, loc numberLocale) (float64, bool, error) {
	s := strings.TrimSpace(cell)
	if s == "" || s == "-" {
		return 0, false, nil
	}
	n, ok := strings.CutSuffix(s, "%")
	if !ok {
		return 0, false, fmt.Errorf("%q is not a percentage like 45,5%%", cell)
	}
	f, ok, err := parseNumber(strings.TrimSpace(n), loc)
	if err != nil || !ok {
		return 0, false, fmt.Errorf("%q is not a percentage like 45,5%%", cell)
	}
	if f < 0 {
		return 0, false, fmt.Errorf("%q is a negative percentage", cell)
	}
	return f / 100, true, nil
}

func (r *pageReport) flush() {
	o := r.p.out
	line, tool, site, path, title := countOf(o, "line"), textOf(o, "tool"), textOf(o, "site"), textOf(o, "path"), textOf(o, "page_title")
	start, end := dateOf(o, "period_start"), dateOf(o, "period_end")
	pageviews, unique := countOf(o, "pageviews"), countOf(o, "unique_pageviews")
	onPage, bounce, exit := floatOf(o, "avg_time_on_page"), floatOf(o, "bounce_rate"), floatOf(o, "exit_rate")
	users, engagement, events, sessions := countOf(o, "users"), floatOf(o, "avg_engagement_time"), countOf(o, "event_count"), countOf(o, "sessions")
	for _, row := range r.order {
		line.put(int64(row.line), true)
		tool.put(r.tool)
		site.put(row.key.site)
		start.put(r.period.Start)
		end.put(r.period.End)
		path.put(row.key.path)
		title.put(row.key.title)
		pageviews.put(row.pageviews, row.havePageviews)
		unique.put(row.unique, row.haveUniq)
		onPage.put(row.onPage.value())
		bounce.put(row.bounce.value())
		exit.put(row.exitRate.value())
		users.put(0, false)
		engagement.put(0, false)
		events.put(0, false)
		sessions.put(0, false)
	}
}
