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
// Page titles), Google Analytics Universal (Behaviour > Site Content > All Pages, or by
// Page Title) and Google Analytics 4 (Engagement > Pages and screens, by page path or by
// page title, and Landing page), English or Dutch: one row per page or page title over
// one reporting period. Google Analytics' # preamble names the period (Universal:
// "# 20210601-20210831"; GA4: "# Start date: 20210601" and "# End date: 20210831") and
// GA4's names the property; a totals row (no page), (other) and (not set) are skipped,
// and the table ends at the first blank line or # line after it (the sections that follow
// are per day). Other columns (Page Value, generation time, views per user, key events,
// revenue) are ignored. Every row needs a site: a host in its URL, else a GA4 property
// named by a configured host or site, else a site named in the file name, else --site;
// a report that says none is refused.
var pageReportSource = &source{
	kind:  "page_report",
	label: label{nl: "Paginarapporten", en: "Page reports"},
	is:    "a Matomo or Google Analytics page report",
	stale: staleByData,
	table: "page_reports",
	spec: []headerSpec{
		{field: "label", aliases: []string{"label", "page", "page title", "page url", "page name",
			"page path and screen class", "page title and screen class", "page path", "landing page"},
			dutch: []string{"pagina", "paginatitel", "pagina-url", "paginanaam",
				"paginapad en schermklasse", "paginatitel en schermklasse", "paginapad", "bestemmingspagina", "landingspagina"}, required: true},
		{field: "url", aliases: []string{"url", "metadata_url"}},
		{field: "pageviews", aliases: []string{"pageviews", "nb_hits", "views"}, dutch: []string{"paginaweergaven", "weergaven"}},
		{field: "unique_pageviews", aliases: []string{"unique pageviews", "nb_visits"}, dutch: []string{"unieke paginaweergaven"}},
		{field: "avg_time_on_page", aliases: []string{"avg. time on page", "avg_time_on_page"}, dutch: []string{"gem. tijd op pagina", "gemiddelde tijd op pagina"}},
		{field: "bounce_rate", aliases: []string{"bounce rate", "bounce_rate"}, dutch: []string{"bouncepercentage"}},
		{field: "exit_rate", aliases: []string{"exit rate", "% exit", "exit_rate"}, dutch: []string{"uitstappercentage", "% uitstappen"}},
		{field: "entrances", aliases: []string{"entrances", "entry_nb_visits"}, dutch: []string{"instappen"}},
		{field: "users", aliases: []string{"users", "active users", "total users"}, dutch: []string{"gebruikers", "actieve gebruikers", "totaal aantal gebruikers"}},
		{field: "engagement", aliases: []string{"average engagement time", "average engagement time per active user", "average engagement time per session"},
			dutch: []string{"gemiddelde betrokkenheidstijd", "gemiddelde betrokkenheidstijd per actieve gebruiker", "gemiddelde betrokkenheidstijd per sessie"}},
		{field: "events", aliases: []string{"event count"}, dutch: []string{"aantal gebeurtenissen"}},
		{field: "sessions", aliases: []string{"sessions"}, dutch: []string{"sessies"}},
		// Read only as evidence of the number locale.
		{field: "views_per_user", aliases: []string{"views per user", "views per active user"}, dutch: []string{"weergaven per gebruiker", "weergaven per actieve gebruiker"}},
	},
	oneOf: [][]string{{"pageviews", "users", "sessions"}},
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
		field("report", typString),
	}, nil),
	merge:     replaceByKey,
	keys:      []string{"tool", "report", "site", "path", "page_title", "period_start", "period_end"},
	numbers:   []string{"pageviews", "unique_pageviews", "bounce_rate", "exit_rate", "entrances", "users", "engagement", "events", "sessions", "views_per_user"},
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
	p    *parseRun
	tool string // matomo, ga (Universal Analytics) or ga4
	// report is pages, page_titles or landing_pages: which report of the tool this is.
	report string
	titles bool // rows are page titles, not paths
	period Period
	site   string // the site of rows without host, from the file name or the options; "" if neither says
	pages  map[pageKey]*pageRow
	order  []*pageRow
}

type pageKey struct {
	site, path, title string
}

type pageRow struct {
	key                                 pageKey
	line                                int
	pageviews, unique                   int64
	havePageviews, haveUniq             bool
	onPage, bounce, exitRate            mean
	users, events, sessions             int64
	haveUsers, haveEvents, haveSessions bool
	engagement                          mean
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
	// GA4 names the start and end on lines of their own, and the property.
	preambleStart    = regexp.MustCompile(`(?i)^#\s*(?:start date|startdatum|begindatum)\s*:\s*(\d{8})\s*$`)
	preambleEnd      = regexp.MustCompile(`(?i)^#\s*(?:end date|einddatum)\s*:\s*(\d{8})\s*$`)
	preambleProperty = regexp.MustCompile(`(?i)^#\s*(?:property|property-naam|eigenschap)\s*:\s*(.+?)\s*$`)
	isoPeriodName    = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})[^0-9]{1,6}(\d{4}-\d{2}-\d{2})`)
	compactPeriod    = regexp.MustCompile(`(?:^|[^0-9])(\d{8})[-_](\d{8})(?:[^0-9]|$)`)
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
	r := &pageReport{p: p, pages: map[pageKey]*pageRow{}, report: "pages"}
	labelHeader := normHeader(p.f.header[p.cols["label"]])
	ga4 := p.has("users") || p.has("events") || p.has("sessions") || p.has("engagement")
	switch labelHeader {
	case "label", "page url", "page name", "pagina-url", "paginanaam":
		r.tool = "matomo"
		r.titles = labelHeader == "page name" || labelHeader == "paginanaam"
	case "page title", "paginatitel", "page title and screen class", "paginatitel en schermklasse":
		r.tool, r.titles = "ga", true
	case "landing page", "landingspagina", "bestemmingspagina":
		r.tool, r.report = "ga", "landing_pages"
	default:
		r.tool = "ga"
	}
	if r.tool == "ga" && ga4 {
		r.tool = "ga4"
	}
	if r.titles {
		r.report = "page_titles"
	}
	if labelHeader == "label" {
		if err := r.matomoLabels(); err != nil {
			return nil, err
		}
	}

	var periods []Period
	var start, end string
	for _, l := range p.f.preamble {
		l = strings.TrimSpace(l)
		if m := preamblePeriod.FindStringSubmatch(l); m != nil {
			if period, ok := periodIn("20060102", m[1], m[2]); ok && !containsPeriod(periods, period) {
				periods = append(periods, period)
			}
		}
		if m := preambleStart.FindStringSubmatch(l); m != nil {
			start = m[1]
		}
		if m := preambleEnd.FindStringSubmatch(l); m != nil {
			end = m[1]
		}
		if m := preambleProperty.FindStringSubmatch(l); m != nil && r.site == "" {
			r.site = p.cfg.siteNamed(m[1])
		}
	}
	if start != "" && end != "" {
		if period, ok := periodIn("20060102", start, end); ok && !containsPeriod(periods, period) {
			periods = append(periods, period)
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
	if r.site == "" {
		r.site = siteInName(p.cfg, p.f.path)
	}
	if r.site == "" {
		r.site = p.hints.site
	}
	p.seeDate(r.period.Start)
	p.seeDate(r.period.End)
	return r, nil
}

// matomoLabels tells from a Matomo report's labels (the sample's) whether it lists page
// URLs or page titles, as Matomo names the first column Label in both, and refuses a
// Pages report exported without flattening: its folder rows (begeleiding-a-la-carte)
// hold the sums of pages that the export leaves out.
func (r *pageReport) matomoLabels() error {
	p := r.p
	paths, titles, folders, leaves := 0, 0, 0, 0
	var folder string
	for _, rec := range p.sampled() {
		switch l := p.cell(rec, prLabel); {
		case l == "":
		case strings.HasPrefix(l, "/") || strings.Contains(l, "://"):
			paths++
			leaves++
		case strings.ContainsAny(l, " \t"):
			titles++
		case strings.Contains(l, "/"):
			paths++
		case l != "index" && !strings.HasPrefix(l, "index."):
			folders++
			if folder == "" {
				folder = l
			}
		}
	}
	if leaves > 0 && folders > 0 && titles == 0 {
		return fmt.Errorf("%s: this Matomo Pages report is not flattened: rows like %q are folders that sum pages the export leaves out; export it flattened (Flatten in the report's options, or flat=1); nothing of this file was loaded", p.f.path, folder)
	}
	if paths == titles && paths > 0 {
		return fmt.Errorf("%s: cannot tell whether this Matomo report lists page URLs or page titles (%d labels look like paths, %d like titles); export Pages or Page titles without mixing; nothing of this file was loaded", p.f.path, paths, titles)
	}
	r.titles = titles > paths
	return nil
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
	if key.site == "" {
		return fmt.Errorf("%s:%d: the report does not say which site its pages are on: no host in its URLs, no GA4 property or site in the file or its name; give --site (one of %s), or put the site in the file name (%s_pages_2021-06-01_2021-08-31.csv); nothing of this file was loaded",
			p.f.path, line, strings.Join(p.cfg.siteNames(), ", "), p.cfg.siteNames()[0])
	}
	var counts [6]int64
	var have [6]bool
	for i, f := range []string{"pageviews", "unique_pageviews", "entrances", "users", "events", "sessions"} {
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
			return p.cellError(line, "avg_time_on_page", err)
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
	engagement, haveEngagement, err := r.seconds(rec, line, "engagement")
	if err != nil {
		return err
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
	// Users of rows of the same page add up to at most the page's users; GA4 writes
	// one row per page path, so rows are added only where query strings split a page.
	row.users += counts[3]
	row.events += counts[4]
	row.sessions += counts[5]
	row.haveUsers = row.haveUsers || have[3]
	row.haveEvents = row.haveEvents || have[4]
	row.haveSessions = row.haveSessions || have[5]
	if haveEngagement {
		// GA4's engagement time is per active user (pages) or per session (landing pages).
		w := float64(counts[3])
		if r.report == "landing_pages" && have[5] {
			w = float64(counts[5])
		}
		row.engagement.add(engagement, w)
	}
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

// seconds reads a duration cell of field: seconds as a number in the file's locale
// (41.23958, as GA4 writes it), or 0:00:41.
func (r *pageReport) seconds(rec []string, line int, field string) (float64, bool, error) {
	p := r.p
	cell := p.cols.field(rec, field)
	if cell == "" || cell == "-" {
		return 0, false, nil
	}
	if strings.Contains(cell, ":") {
		s, err := parseSeconds(cell)
		if err != nil {
			return 0, false, p.cellError(line, field, err)
		}
		return float64(s), true, nil
	}
	v, ok, err := parseNumber(cell, p.locale)
	if err == nil && v < 0 {
		err = fmt.Errorf("%q is below zero", cell)
	}
	if err != nil {
		return 0, false, p.numberError(line, field, err)
	}
	return v, ok, nil
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
	report := textOf(o, "report")
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
		users.put(row.users, row.haveUsers)
		engagement.put(row.engagement.value())
		events.put(row.events, row.haveEvents)
		sessions.put(row.sessions, row.haveSessions)
		report.put(r.report)
	}
}
