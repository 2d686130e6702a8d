package pipeline

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// A source kind is one complete unit in one file (metaads.go, visitlog.go, ...): a
// *source value that says how to recognise the kind, what it is called, where its rows
// go and how they merge, and a constructor of its parser. Nothing else in the tree names
// a kind's columns or labels: the kind's file is the one place, and ingest writes the
// registry into the source_kinds table for queries and the report.

// mergeRule says how a file's rows join what is already loaded.
type mergeRule int

const (
	// appendRows adds the rows; the same file twice is caught by its content hash.
	appendRows mergeRule = iota
	// replaceByKey deletes earlier rows with the same key columns first: a newer export of
	// the same ad and reporting period replaces the older one instead of counting twice.
	replaceByKey
	// replaceAll makes the file the whole table: it is a complete snapshot.
	replaceAll
	// replaceDays makes the file the only source of its time span, from its first to its
	// last row, per site, on the days it holds rows of: a re-downloaded or longer export
	// of a visit log replaces the older rows it holds again, and two exports that meet at
	// noon keep both halves of that day.
	replaceDays
	// replaceSpan makes the file the only source of the time span it covers, from its first
	// to its last row, per site: an access log rotated at 06:25 replaces only its own hours,
	// not the morning of the day the log before it ends on.
	replaceSpan
)

// staleness says when a kind's data count as out of date.
type staleness int

const (
	// staleByData: its newest day of data is older than stale_after.
	staleByData staleness = iota
	// staleByLoad: its newest day and its last load are both older than stale_after. Post
	// exports date their data by the newest post, and a page may not post for days.
	staleByLoad
	// neverStale: its files carry no dates (the content catalogue).
	neverStale
)

func (s staleness) String() string {
	return [...]string{"data", "load", "never"}[s]
}

// label names a kind for people, in Dutch and English.
type label struct{ nl, en string }

// source is one kind of export: how to recognise it, its columns and its target table.
type source struct {
	kind  string
	label label
	// is says what such a file is, for messages: "a Meta Ads Manager export".
	is    string
	stale staleness
	// table is the table queries read the kind's rows from; parts, if set, is the table
	// the rows are written to in parts, of which table is the view of published files
	// (loadInParts).
	table string
	parts string
	// spec lists the header fields the kind reads; a kind without spec has no header
	// and is recognised by lineMatch instead. oneOf lists groups of fields of which the
	// header must have at least one (Reporting starts, or Day; Campaign, Ad set or Ad name).
	spec  []headerSpec
	oneOf [][]string
	// schema lists the loaded columns of table, without file_id; TestKindSchemas checks
	// that they are exactly the table's. Parsers write them by name (columns.go).
	schema *arrow.Schema
	// computed are columns of the table that DuckDB computes from the loaded ones as they
	// are inserted (a page's key from its site and path).
	computed []computedColumn
	merge    mergeRule
	keys     []string
	// personal marks kinds whose rows hold visitor ids or client addresses: their reject
	// reasons are stored without cell values.
	personal bool
	// numbers lists the fields whose cells decide the file's number locale, and dates
	// those whose cells decide the order of day and month (evidence.go).
	numbers []string
	dates   []string
	// sheets names the other sheets of a workbook the kind reads beside the one with its
	// header (by the start of their lower-case names); they reach its parser as table.side.
	sheets []string
	// maxRows bounds the rows of one file of the kind: an export of posts or ads as
	// downloaded is small, and a file far beyond it is not one. 0: no bound (logs).
	maxRows int64

	// lineMatch recognises a kind without a header row (an access log) by its first
	// non-blank lines. Such a kind is read line by line, not as CSV: its parser gets
	// each non-blank line as a record of one field.
	lineMatch func(line string) bool
	// tableEnds makes the first empty line or line starting with # after the header end
	// the file's table: Google Analytics appends further sections after a blank line.
	tableEnds bool
	// parser makes the parser of one file, once its header, locale and date order are
	// known; an error rejects the file. It may read what the file says as a whole (its
	// preamble, its name, the ingest options).
	parser func(p *parseRun) (parser, error)
}

// computedColumn is a key of a dimension that the parser computes: its name, the
// dimension's table (dim) and the columns the key is the hash of (of: the dimension's
// columns beside the key). The rows of the parts table store the key; the dimension holds
// the text once.
type computedColumn struct {
	name string
	dim  string
	of   []string
}

// pageViewKeys are the keys of a page view's page and origin: DuckDB's hash(site, path)
// and hash(referrer, utm_source, utm_medium), as migration 014 computed them for rows
// loaded before it, and as the parser computes them now (pageViewPageKey,
// pageViewOriginKey). A page's path, and an origin's referrer and UTM source and medium,
// are kept once in pages and origins, not in every page view: the text DuckDB compresses
// for every row took half its time of a large ingest (018), and since the keys are
// computed while parsing, the text of every row is not handed to DuckDB either.
var pageViewKeys = []computedColumn{
	{name: "page_key", dim: "pages", of: []string{"site", "path"}},
	{name: "origin_key", dim: "origins", of: []string{"referrer", "utm_source", "utm_medium"}},
}

// sources are all kinds ingest recognises, in the order they are tried.
var sources = []*source{metaAdsSource, metaPostsSource, facebookInsightsSource, linkedInPostsSource, xPostsSource, xAccountSource, youTubeSource, visitLogSource, catalogueSource, pageReportSource, accessLogSource}

// A parser turns the records of one file of its kind into rows of the kind's table.
type parser interface {
	// row appends the record's row to the batch, or returns errSkip for a totals or
	// blank row, errCounted for a record the parser counts itself, a *lineError to reject the record, or any other error to fail the
	// whole file. A parser may hold a good row back and append it in flush; it still
	// returns nil for it.
	row(rec []string, line int) error
}

// flusher is a parser that holds rows back: flush appends them once the last record is read.
type flusher interface{ flush() }

// counter is a parser that counts something of its own besides rows, for the log and
// the ingest log: requests made by bots, ad rows outside every flight.
type counter interface{ counts() []Count }

// Count is a number a kind counts in one file besides its rows.
type Count struct {
	Name string // "bots", "unassigned"
	N    int64
	// Warn, if set, is why a non-zero count needs the user's attention.
	Warn string
}

// matches reports whether header is the kind's header; a kind without header never matches.
func (s *source) matches(header []string) bool {
	if len(s.spec) == 0 {
		return false
	}
	cols, _, ok := matchHeader(s.spec, header)
	for _, group := range s.oneOf {
		ok = ok && slices.ContainsFunc(group, func(f string) bool { _, in := cols[f]; return in })
	}
	return ok
}

// errSkip marks a record that is not data: a totals row or a blank row, or an access
// log's request for something other than a page.
var errSkip = errors.New("not a data row")

// errCounted marks a record the kind leaves out and counts itself (an access log's
// request by a bot, in its "bots" count): neither a row, nor skipped, nor rejected.
var errCounted = errors.New("left out, counted by its kind")

// parseRun is the state of parsing one file.
type parseRun struct {
	f      *table
	cfg    *Config
	cols   columns
	dutch  bool
	locale numberLocale
	// dayFirst is the file's order of day and month in dates like 05/06/2021.
	dayFirst bool
	evidence *evidence
	keyer    *keyer
	out      *batch
	// dims gathers the values the kind keeps in dimension tables (nil: none).
	dims    *dimValues
	parser  parser
	rejects []*lineError
	nReject int64
	skipped int64
	loaded  int64
	first   time.Time
	last    time.Time
	// at is, per field of the source's spec in its order, the field's index in a record,
	// or -1: a hot parser reads cells by position instead of by name.
	at []int
	// hints is what the ingest options say about files that cannot say it themselves.
	hints fileHints
	// notes are what the log should say about the file as a whole.
	notes []string
	// flushed is set once the parser's flush has run.
	flushed bool
	err     error
}

// maxRejectsKept bounds the reject rows stored per file; the count stays exact.
const maxRejectsKept = 1000

func (p *parseRun) reject(e *lineError) {
	p.nReject++
	if len(p.rejects) < maxRejectsKept {
		p.rejects = append(p.rejects, e)
	}
}

// note records what the log should say about the file as a whole.
func (p *parseRun) note(format string, args ...any) {
	p.notes = append(p.notes, fmt.Sprintf(format, args...))
}

// counts returns the parser's own counts, if it keeps any.
func (p *parseRun) counts() []Count {
	if c, ok := p.parser.(counter); ok {
		return c.counts()
	}
	return nil
}

// cell returns the trimmed cell of the spec's i-th field, or "" if the file lacks it.
func (p *parseRun) cell(rec []string, i int) string {
	j := p.at[i]
	if j < 0 || j >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[j])
}

// has reports whether the file has a column for field.
func (p *parseRun) has(field string) bool {
	_, ok := p.cols[field]
	return ok
}

// capture returns the value a field's header carries (the currency of "Amount spent
// (EUR)"): the first group of the header pattern it matched; "" if none.
func (p *parseRun) capture(field string) string {
	i, ok := p.cols[field]
	if !ok {
		return ""
	}
	f := p.f.kind.specOf(field)
	n := normHeader(p.f.header[i])
	for _, re := range append(slices.Clip(f.patterns), f.dutchPatterns...) {
		if m := re.FindStringSubmatch(n); len(m) > 1 {
			return m[1]
		}
	}
	return ""
}

// rowError rejects a row, naming the line, the column of field and the reason.
func (p *parseRun) rowError(line int, field, format string, args ...any) error {
	return lineReject(p.f.path, line, p.cols.col(field), p.f.header[p.cols[field]], format, args...)
}

// cellError rejects a row whose cell of field cannot be read, naming its column.
func (p *parseRun) cellError(line int, field string, err error) error {
	return p.rowError(line, field, "%v in column %s", err, p.f.header[p.cols[field]])
}

// numberError rejects a row whose cell of field is not a number of the file's locale.
func (p *parseRun) numberError(line int, field string, err error) error {
	return p.rowError(line, field, "%v in column %s (numbers in this file are %s)", err, p.f.header[p.cols[field]], p.locale)
}

// seeDate widens the file's date range.
func (p *parseRun) seeDate(t time.Time) {
	if p.first.IsZero() || t.Before(p.first) {
		p.first = t
	}
	if t.After(p.last) {
		p.last = t
	}
}
