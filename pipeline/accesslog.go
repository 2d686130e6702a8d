package pipeline

import (
	"container/list"
	"fmt"
	"net/netip"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// accessLogSource reads web server access logs in the combined log format of Apache and
// nginx, plain or gzip-compressed, optionally with the virtual host (and port) in front
// as Apache's vhost_combined writes it. A GET of a page by a person becomes a page_views
// row; the rows are made into visits by accessLog. Requests by bots and requests for
// anything but a page are counted and left out.
var accessLogSource = &source{
	kind:      "access_log",
	label:     label{nl: "Toegangslogs", en: "Access logs"},
	is:        "an access log in the combined log format",
	stale:     staleByData,
	table:     "page_views",
	parts:     "page_view_rows",
	computed:  pageViewKeys,
	schema:    pageViewSchema,
	merge:     replaceSpan,
	personal:  true,
	lineMatch: isAccessLogLine,
	parser:    newAccessLog,
}

const (
	// visitIdle is how long a visitor may go without a page view before the visit ends.
	visitIdle = 30 * time.Minute
	// maxLag is how far a line may lag behind the latest time above it: a server writes a
	// request's line when it is answered, stamped with when it came in, so slow requests
	// stand a little out of order. A line lagging more is rejected.
	maxLag = 10 * time.Minute
)

// botAgents are lower-case parts of a user agent that mark a bot: crawlers, link
// previews, monitors and scripts. An empty or "-" user agent is a bot too.
var botAgents = []string{
	"bot", "crawl", "spider", "slurp", "archiver", "mediapartners", "facebookexternalhit",
	"whatsapp/", "preview", "headlesschrome", "phantomjs", "lighthouse", "pingdom",
	"curl", "wget", "python-requests", "python-urllib", "go-http-client", "java/",
	"libwww-perl", "okhttp", "apache-httpclient", "scrapy", "axios", "node-fetch",
	"feed", "inoreader", "newsblur", "rss", // feed readers fetch feeds for no one in particular
}

// assetExtensions are file types that are not pages: style sheets and scripts, images
// and icons, fonts, feeds, sitemaps and data, and downloads (documents, archives, audio
// and video). A PDF is a download, not a page view, as analytics tools count it.
var assetExtensions = map[string]bool{
	"css": true, "js": true, "mjs": true, "map": true,
	"png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true, "ico": true, "webp": true, "avif": true, "bmp": true,
	"woff": true, "woff2": true, "ttf": true, "otf": true, "eot": true,
	"xml": true, "txt": true, "json": true, "rss": true, "atom": true, "webmanifest": true,
	"pdf": true, "doc": true, "docx": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true, "odt": true, "csv": true, "zip": true, "gz": true,
	"mp3": true, "mp4": true, "webm": true, "ogg": true, "wav": true, "mov": true, "vtt": true,
}

// assetPrefixes are paths under which nothing is a page.
var assetPrefixes = []string{"/.well-known/", "/wp-admin/", "/wp-content/", "/wp-includes/", "/wp-json/"}

// logFieldNames name the fields of a combined log line, in order, for error messages.
var logFieldNames = []string{"client address", "ident", "user", "time", "request", "status", "bytes", "referrer", "user agent"}

// logField is one field of a log line: a word, or the inside of [brackets] or "quotes".
type logField struct {
	text              string
	quoted, bracketed bool
}

// logLine is a well-formed line of an access log.
type logLine struct {
	vhost string // "" without virtual-host field
	// offset is 1 when the line starts with a virtual host: its field numbers shift by one.
	offset int
	// common marks a line of the Common Log Format: no referrer and no user agent.
	common bool
	client netip.Addr
	// clientHost is the client's host name where the log has one instead of an address.
	clientHost string
	at         time.Time
	status     int
	request    string // still escaped, as are referrer and agent
	referrer,
	agent string
}

// logProblem is the field where a log line stops being one.
type logProblem struct {
	field  int // 1-based, as the field stands in the line
	name   string
	reason string
	// template is the reason without the line's values (reasonf).
	template string
}

// problem returns a logProblem, its reason written by reasonf.
func problem(field int, name, format string, args ...any) *logProblem {
	whole, template := reasonf(format, args...)
	return &logProblem{field: field, name: name, reason: whole, template: template}
}

// splitLog splits a log line into its fields. open is the 1-based field whose quote or
// bracket is not closed, or 0.
func splitLog(s string, fields []logField) (out []logField, open int) {
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return fields, 0
		}
		switch s[i] {
		case '"':
			j := i + 1
			if q := strings.IndexByte(s[j:], '"'); q >= 0 && strings.IndexByte(s[j:j+q], '\\') < 0 {
				j += q // the first quote closes the field: nothing before it is escaped
			} else {
				for j < len(s) && s[j] != '"' {
					if s[j] == '\\' {
						j++
					}
					j++
				}
			}
			if j >= len(s) {
				return fields, len(fields) + 1
			}
			fields = append(fields, logField{text: s[i+1 : j], quoted: true})
			i = j + 1
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return fields, len(fields) + 1
			}
			fields = append(fields, logField{text: s[i+1 : i+j], bracketed: true})
			i += j + 1
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' {
				j++
			}
			fields = append(fields, logField{text: s[i:j]})
			i = j
		}
	}
}

// parseLogLine reads a line of the combined log format,
//
//	[vhost[:port]] client ident user [time] "request" status bytes "referrer" "user agent" ...
//
// Fields after the user agent (nginx's forwarded-for and the like) are ignored.
func parseLogLine(s string, fields []logField) (logLine, []logField, *logProblem) {
	var l logLine
	fields, open := splitLog(s, fields[:0])
	if open > 0 {
		return l, fields, problem(open, "", "a quote or bracket opened in this field is not closed")
	}
	switch {
	case len(fields) > 4 && fields[4].bracketed && !fields[3].bracketed && !fields[0].quoted:
		l.offset, l.vhost = 1, fields[0].text
	case len(fields) > 3 && fields[3].bracketed:
	default:
		return l, fields, problem(4, "time", "no [time] in field 4 (5 after a virtual host): not a line of the combined log format")
	}
	bad := func(i int, format string, args ...any) *logProblem {
		return problem(l.offset+i+1, logFieldNames[i], format, args...)
	}
	f := fields[l.offset:]
	// The Common Log Format ends after the bytes: no referrer, no user agent.
	l.common = len(f) == commonFields
	if len(f) < len(logFieldNames) && !l.common {
		return l, fields, problem(len(fields)+1, "",
			"the line ends after %d fields; the combined log format has %d: client ident user [time] \"request\" status bytes \"referrer\" \"user agent\" (the common log format %d, without the last two)",
			known{len(fields)}, known{len(logFieldNames) + l.offset}, known{commonFields + l.offset})
	}
	quoted := []int{4, 7, 8}
	if l.common {
		quoted = quoted[:1]
	}
	for _, i := range quoted {
		if !f[i].quoted {
			return l, fields, bad(i, "the %s is not in quotes", known{logFieldNames[i]})
		}
	}
	var err error
	if l.client, err = netip.ParseAddr(f[0].text); err != nil {
		// A server that looks up its clients' names (HostnameLookups On) logs a host name.
		if !hostName.MatchString(f[0].text) {
			return l, fields, bad(0, "neither an IP address nor a host name")
		}
		l.clientHost = strings.ToLower(f[0].text)
	}
	var ok bool
	if l.at, ok = parseLogTime(f[3].text); !ok {
		return l, fields, bad(3, "%q is not a time like 15/Jun/2021:09:30:12 +0200", f[3].text)
	}
	if st := f[5].text; len(st) != 3 || st[0] < '1' || st[0] > '5' || st[1] < '0' || st[1] > '9' || st[2] < '0' || st[2] > '9' {
		return l, fields, bad(5, "%q is not an HTTP status", st)
	}
	l.status, _ = strconv.Atoi(f[5].text)
	if b := f[6].text; b != "-" && strings.Trim(b, "0123456789") != "" {
		return l, fields, bad(6, "%q is not a number of bytes", b)
	}
	l.request = f[4].text
	if !l.common {
		l.referrer, l.agent = f[7].text, f[8].text
	}
	return l, fields, nil
}

// commonFields is how many fields a line of the Common Log Format has.
const commonFields = 7

// hostName is a client's host name as a server logs it after a DNS lookup.
var hostName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`)

// isAccessLogLine recognises a line of the combined or the common log format.
func isAccessLogLine(s string) bool {
	_, _, problem := parseLogLine(s, nil)
	return problem == nil
}

var logMonths = map[string]time.Month{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
	"Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}

// parseLogTime reads a log's time, 15/Jun/2021:09:30:12 +0200, as an instant.
func parseLogTime(s string) (time.Time, bool) {
	if len(s) != 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':' || s[20] != ' ' || (s[21] != '+' && s[21] != '-') {
		return time.Time{}, false
	}
	num := func(from, to int) int {
		n := 0
		for _, c := range []byte(s[from:to]) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	day, year, hour, minute, sec, offH, offM := num(0, 2), num(7, 11), num(12, 14), num(15, 17), num(18, 20), num(22, 24), num(24, 26)
	month, ok := logMonths[s[3:6]]
	if !ok || day < 1 || year < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 || offH < 0 || offH > 14 || offM < 0 || offM > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, hour, minute, sec, 0, time.UTC)
	if t.Day() != day { // 31/Jun and the like
		return time.Time{}, false
	}
	offset := time.Duration(offH)*time.Hour + time.Duration(offM)*time.Minute
	if s[21] == '-' {
		offset = -offset
	}
	return t.Add(-offset), true
}

// unescapeLog undoes the escapes Apache and nginx write in quoted fields: \" \\ \xHH
// and \n \t \r. Bytes that are not UTF-8 become U+FFFD.
func unescapeLog(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return validUTF8(s)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b = append(b, c)
			continue
		}
		switch n := s[i+1]; n {
		case '"', '\\':
			b = append(b, n)
			i++
		case 'n':
			b = append(b, '\n')
			i++
		case 't':
			b = append(b, '\t')
			i++
		case 'r':
			b = append(b, '\r')
			i++
		case 'x':
			if i+3 < len(s) {
				if v, err := strconv.ParseUint(s[i+2:i+4], 16, 8); err == nil {
					b = append(b, byte(v))
					i += 3
					continue
				}
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return validUTF8(string(b))
}

// validUTF8 returns s with bytes that are not UTF-8 replaced by U+FFFD. Most text is
// valid: checking that first is several times faster than strings.ToValidUTF8 alone.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// isBot reports whether a user agent is a bot's (botAgents). "cubot" is a phone brand,
// not a bot.
func isBot(agent string) bool {
	a := strings.TrimSpace(agent)
	if a == "" || a == "-" {
		return true
	}
	a = strings.ReplaceAll(strings.ToLower(a), "cubot", "")
	for _, b := range botAgents {
		if strings.Contains(a, b) {
			return true
		}
	}
	return false
}

// isPage reports whether a path is a page rather than an asset or a download
// (assetExtensions, assetPrefixes).
func isPage(p string) bool {
	for _, prefix := range assetPrefixes {
		if strings.HasPrefix(p, prefix) {
			return false
		}
	}
	ext := strings.ToLower(path.Ext(p))
	return ext == "" || !assetExtensions[ext[1:]]
}

// clientNet is the client's network: an IPv4 address's /24 or an IPv6 address's /48.
func clientNet(a netip.Addr) string {
	a = a.Unmap().WithZone("")
	bits := 24
	if a.Is6() {
		bits = 48
	}
	p, err := a.Prefix(bits)
	if err != nil {
		return ""
	}
	return p.String()
}

// vhostName returns the host name of a virtual-host field: without port, lower case.
func vhostName(v string) string {
	if strings.HasPrefix(v, "[") { // [2001:db8::1]:443
		if i := strings.IndexByte(v, ']'); i > 0 {
			v = v[1:i]
		}
	} else if i := strings.LastIndexByte(v, ':'); i >= 0 && strings.Count(v, ":") == 1 {
		v = v[:i]
	}
	return strings.TrimSuffix(strings.ToLower(v), ".")
}

// utmOf reads the UTM tags of a request target's query string.
func utmOf(target string) (source, medium, campaign string) {
	_, q, ok := strings.Cut(target, "?")
	if !ok {
		return "", "", ""
	}
	q, _, _ = strings.Cut(q, "#")
	for q != "" {
		var pair string
		pair, q, _ = strings.Cut(q, "&")
		k, v, _ := strings.Cut(pair, "=")
		if val, err := url.QueryUnescape(v); err == nil {
			v = val
		}
		v = strings.TrimSpace(validUTF8(v))
		switch strings.ToLower(k) {
		case "utm_source":
			source = v
		case "utm_medium":
			medium = v
		case "utm_campaign":
			campaign = v
		}
	}
	return source, medium, campaign
}

// accessLog is the state of reading one access log: the visits still open.
//
// A visitor is a keyed hash of the client's full address and user agent; the address
// itself is never stored, only its network (clientNet). A visit is a visitor's page views
// on one site with no gap over visitIdle; its id is a keyed hash of the visitor and the
// visit's first time. A page's time on page is the time to the visitor's next page view
// in the visit, and NULL for the visit's last page. A page view is held back until that
// next page view or the visit's end; a visit ends once the log's time has moved
// visitIdle + maxLag past its last page view, so memory holds only the open visits.
type accessLog struct {
	p      *parseRun
	out    pageViewColumns
	reader *logReader
	// next is the line accessLines read ahead for the record next given to row; nil when
	// the lines are not read ahead, and row reads the line itself into one.
	next   *logEntry
	one    logEntry
	visits map[visitKey]*openVisit
	// idle lists the open visits, the one idle longest first.
	idle  list.List
	clock time.Time // the latest time read
	// peak is the most visits open at once: what memory holds besides one batch.
	peak int
	// bots counts the requests left out because a bot made them.
	bots int64
}

// logReader reads a line by itself: what it says without the lines before it. Lines
// read ahead side by side have one each (accessLines).
type logReader struct {
	p      *parseRun // read only: the file's path, the configuration
	keys   *keyer
	site   string // the site of lines without virtual host: from the file name, else the options
	fields []logField
	// agents remembers which user agents are bots: a log holds few distinct ones, and
	// each would otherwise be searched for every name in botAgents on every line.
	agents map[string]bool
}

// another returns a logReader of its own for another goroutine.
func (r *logReader) another() *logReader {
	keys := *r.keys
	keys.buf = nil
	return &logReader{p: r.p, keys: &keys, site: r.site}
}

// maxAgentsKept bounds logReader.agents: a log of ever new user agents is judged line by
// line beyond it.
const maxAgentsKept = 4096

// isBot reports whether a user agent is a bot's, remembered per distinct agent.
func (r *logReader) isBot(agent string) bool {
	if bot, ok := r.agents[agent]; ok {
		return bot
	}
	bot := isBot(agent)
	if len(r.agents) < maxAgentsKept {
		if r.agents == nil {
			r.agents = make(map[string]bool)
		}
		r.agents[strings.Clone(agent)] = bot
	}
	return bot
}

// entryKind is what a line is, read by itself.
type entryKind uint8

const (
	entryView   entryKind = iota // a page view by a person
	entrySkip                    // not a page view: another method or status, an asset
	entryBot                     // a request by a bot
	entryReject                  // a line that cannot be read: err is its *lineError
	entryFail                    // the file cannot be read on: err says why
)

// logEntry is a line read by itself.
type logEntry struct {
	kind    entryKind
	err     error
	key     visitKey
	view    pageView
	timeCol int // the column of the line's time, for a reject of its order
}

type visitKey struct {
	site    string
	visitor uint64
}

type openVisit struct {
	key  visitKey
	id   uint64
	last time.Time
	view pageView // the page view held back
	elem *list.Element
}

type pageView struct {
	at                                                     time.Time
	path, referrer, utmSource, utmMedium, utmCampaign, net string
}

// owned returns the view with its text copied. The text is part of the block of lines it
// was read from (lineRecords): held in an open visit for up to 40 minutes of the log, a
// view would keep its whole block in memory, and with it all lines of that time.
func (v pageView) owned() pageView {
	v.path, v.referrer, v.net = strings.Clone(v.path), strings.Clone(v.referrer), strings.Clone(v.net)
	v.utmSource, v.utmMedium, v.utmCampaign = strings.Clone(v.utmSource), strings.Clone(v.utmMedium), strings.Clone(v.utmCampaign)
	return v
}

func newAccessLog(p *parseRun) (parser, error) {
	site := siteInName(p.cfg, p.f.path)
	if site == "" {
		site = p.hints.site
	}
	a := &accessLog{p: p, out: pageViewColumnsOf(p), reader: &logReader{p: p, keys: p.keyer, site: site},
		visits: map[visitKey]*openVisit{}}
	if workers := parseWorkers(); workers > 1 {
		p.f.recs = &accessLines{in: p.f.recs, a: a, workers: workers}
	}
	return a, nil
}

func (a *accessLog) counts() []Count { return []Count{{Name: "bots", N: a.bots}} }

// read reads line s by itself into e.
func (r *logReader) read(s string, line int, e *logEntry) {
	*e = logEntry{}
	p := r.p
	l, fields, problem := parseLogLine(s, r.fields)
	r.fields = fields
	if problem != nil {
		e.kind, e.err = entryReject, &lineError{Path: p.f.path, Line: line, Col: problem.field, Column: problem.name, Reason: problem.reason, Template: problem.template}
		return
	}
	if l.vhost == "" && r.site == "" {
		e.kind, e.err = entryFail, fmt.Errorf("%s:%d: the log names no virtual host and nothing names its site; name the site: put a configured host or site name in the file name (kennisplein.access.log, www.twinkelmagazine.nl-access.log) or give --site; nothing of this file was loaded", p.f.path, line)
		return
	}
	agent := unescapeLog(l.agent)
	if !l.common && r.isBot(agent) {
		e.kind = entryBot
		return
	}
	method, target, _ := strings.Cut(unescapeLog(l.request), " ")
	target, _, _ = strings.Cut(target, " ")
	if method != "GET" || !(l.status >= 200 && l.status < 300 || l.status == 304) {
		e.kind = entrySkip
		return
	}
	if !strings.HasPrefix(target, "/") && !strings.Contains(target, "://") {
		e.kind = entrySkip
		return
	}
	_, pagePath := splitURL(target)
	if !isPage(pagePath) {
		e.kind = entrySkip
		return
	}
	site := r.site
	if l.vhost != "" {
		host := vhostName(l.vhost)
		if site = p.cfg.SiteOfHost(host); site == "" {
			e.kind, e.err = entryReject, lineReject(p.f.path, line, 1, "virtual host", "host %q is not configured; add it to the hosts of a [[sites]] entry in bereik.toml", host)
			return
		}
	}
	referrer := unescapeLog(l.referrer)
	if referrer == "-" {
		referrer = ""
	}
	// Only an address's network is stored; a host name is never stored at all.
	view := pageView{at: l.at, path: pagePath, referrer: referrerPage(referrer)}
	client := l.client.Unmap().WithZone("")
	if l.clientHost == "" {
		view.net = clientNet(l.client)
	}
	view.utmSource, view.utmMedium, view.utmCampaign = utmOf(target)
	e.key = visitKey{site: site, visitor: r.keys.hashClient("visitor", "access_log", client, l.clientHost, agent)}
	e.view, e.timeCol = view, l.offset+4
}

func (a *accessLog) row(rec []string, line int) error {
	e := a.next
	if e == nil {
		e = &a.one
		a.reader.read(rec[0], line, e)
	}
	a.next = nil
	switch e.kind {
	case entryBot:
		a.bots++
		return errCounted
	case entrySkip:
		return errSkip
	case entryReject, entryFail:
		return e.err
	}
	at := e.view.at
	if lag := a.clock.Sub(at); lag > maxLag {
		return lineReject(a.p.f.path, line, e.timeCol, "time",
			"this line is %s earlier than a line above it; an access log must be in time order (give rotated logs as separate files)", known{lag})
	}
	if at.After(a.clock) {
		a.clock = at
	}
	a.see(e.key, e.view)
	a.p.seeDate(wallClock(at.In(amsterdam)))
	a.expire()
	return nil
}

// see adds a page view to its visitor's visit on its site, or starts a visit.
func (a *accessLog) see(key visitKey, view pageView) {
	p := a.p
	v := a.visits[key]
	if v != nil && view.at.Sub(v.last) > visitIdle {
		a.close(v)
		v = nil
	}
	if v == nil {
		id := "access_log\x00" + strconv.FormatUint(key.visitor, 16) + "\x00" + strconv.FormatInt(view.at.Unix(), 10)
		v = &openVisit{key: key, id: p.keyer.hash("visit", key.site, id), last: view.at, view: view.owned()}
		v.elem = a.idle.PushBack(v)
		a.visits[key] = v
		a.peak = max(a.peak, len(a.visits))
		return
	}
	if view.at.Before(v.view.at) {
		// A little out of order: this view came first, the held one is its next.
		a.emit(v, view, v.view.at.Sub(view.at), true)
	} else {
		a.emit(v, v.view, view.at.Sub(v.view.at), true)
		v.view = view.owned()
	}
	if view.at.After(v.last) {
		v.last = view.at
	}
	a.idle.MoveToBack(v.elem)
}

// expire ends the visits no later line can continue.
func (a *accessLog) expire() {
	for e := a.idle.Front(); e != nil; e = a.idle.Front() {
		v := e.Value.(*openVisit)
		if a.clock.Sub(v.last) <= visitIdle+maxLag {
			return
		}
		a.close(v)
	}
}

// close ends a visit: its held page view is its last, without time on page.
func (a *accessLog) close(v *openVisit) {
	a.emit(v, v.view, 0, false)
	a.idle.Remove(v.elem)
	delete(a.visits, v.key)
}

func (a *accessLog) flush() {
	for e := a.idle.Front(); e != nil; e = a.idle.Front() {
		a.close(e.Value.(*openVisit))
	}
}

func (a *accessLog) emit(v *openVisit, view pageView, onPage time.Duration, haveOnPage bool) {
	o := &a.out
	o.ts.put(view.at.In(amsterdam))
	o.site.put(v.key.site)
	o.visitID.put(v.id)
	o.visitor.put(v.key.visitor)
	o.putPage(v.key.site, view.path)
	o.title.putOrNull("")
	o.putOrigin(view.referrer, view.utmSource, view.utmMedium)
	o.utmCampaign.putOrNull(view.utmCampaign)
	o.timeOnPage.put(int32(onPage/time.Second), haveOnPage)
	o.clientNet.putOrNull(view.net)
}

// wallClock returns t's wall-clock time in its location, as a time in UTC.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}
