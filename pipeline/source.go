package pipeline

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// batchRows is the number of rows in one Arrow record batch: DuckDB's row-group size,
// measured fastest on this machine (pipeline/DUCKDB.md).
const batchRows = 122_880

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
	table string
	spec  []headerSpec
	// schema lists the loaded columns, in table order, without file_id.
	schema *arrow.Schema
	merge  mergeRule
	keys   []string
	// personal marks kinds whose rows hold visitor ids or client addresses: their reject
	// reasons are stored without cell values.
	personal bool
	// numbers lists the fields whose cells decide the file's number locale; a kind with
	// numbers reads its whole file before parsing (such exports are small).
	numbers []string
	// row appends one record to the batch, or returns errSkip for a totals or blank row,
	// errBot for a request a bot made, or a *lineError to reject the row. Any other error
	// rejects the whole file. A kind with flush may hold a good row back and append it
	// later; it still returns nil for it.
	row func(p *parseRun, rec []string, line int) error

	// lineMatch recognises a kind without a header row (an access log) by its first
	// non-blank lines. Such a kind is read line by line, not as CSV: row gets each
	// non-blank line as a record of one field.
	lineMatch func(line string) bool
	// tableEnds makes the first empty line or line starting with # after the header end
	// the file's table: Google Analytics appends further sections after a blank line.
	tableEnds bool
	// prepare, if set, reads what the file says as a whole (its preamble, its name, the
	// ingest options) before its rows are parsed; an error rejects the file.
	prepare func(p *parseRun) error
	// flush, if set, appends the rows the kind held back, once the last record is read.
	flush func(p *parseRun)
}

// sources are all kinds ingest recognises, in the order they are tried.
var sources = []*source{metaAdsSource, metaPostsSource, linkedInPostsSource, xPostsSource, youTubeSource, visitLogSource, catalogueSource, pageReportSource, accessLogSource}

// matches reports whether header is the kind's header; a kind without header never matches.
func (s *source) matches(header []string) bool {
	if len(s.spec) == 0 {
		return false
	}
	_, _, ok := matchHeader(s.spec, header)
	return ok
}

// errSkip marks a record that is not data: a totals row or a blank row, or an access
// log's request for something other than a page.
var errSkip = errors.New("not a data row")

// errBot marks an access log's request made by a bot; parseRun.bots counts them.
var errBot = errors.New("request by a bot")

// parseRun is the state of parsing one file.
type parseRun struct {
	f       *textFile
	cfg     *Config
	cols    columns
	dutch   bool
	locale  numberLocale
	keyer   *keyer
	b       *array.RecordBuilder
	rejects []*lineError
	nReject int64
	skipped int64
	loaded  int64
	// bots counts requests of an access log dropped because a bot made them.
	bots int64
	// unassigned counts ad rows of a configured campaign that overlap no single flight.
	unassigned int64
	first      time.Time
	last       time.Time
	// pending holds the whole file's records for kinds that read it whole.
	pending [][]string
	lines   []int
	// at is, per field of the source's spec in its order, the field's index in a record,
	// or -1: a hot parser reads cells by position instead of by name.
	at []int
	// lineOffset is the number of preamble lines above the header.
	lineOffset int
	// lineNo is the last line read by a kind read line by line.
	lineNo int
	// hints is what the ingest options say about files that cannot say it themselves.
	hints fileHints
	// state is the kind's own per-file state, set by its prepare.
	state any
	// flushed is set once the kind's flush has run.
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

// cell returns the trimmed cell of the spec's i-th field, or "" if the file lacks it.
func (p *parseRun) cell(rec []string, i int) string {
	j := p.at[i]
	if j < 0 || j >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[j])
}

// rowError rejects a row, naming the line, the column of field and the reason.
func (p *parseRun) rowError(line int, field, format string, args ...any) error {
	return lineReject(p.f.path, line, p.cols.col(field), p.f.header[p.cols[field]], format, args...)
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

// next returns the next record and its line, from memory or from the file.
func (p *parseRun) next() ([]string, int, error) {
	if p.f.lines != nil {
		return p.nextLine()
	}
	if p.pending != nil {
		if len(p.pending) == 0 {
			return nil, 0, io.EOF
		}
		rec, line := p.pending[0], p.lines[0]
		p.pending, p.lines = p.pending[1:], p.lines[1:]
		if len(p.pending) == 0 {
			p.pending = [][]string{}
		}
		return rec, line, nil
	}
	rec, err := p.f.rows.Read()
	if err != nil {
		return nil, 0, err
	}
	line, _ := p.f.rows.FieldPos(0)
	return rec, line + p.lineOffset, nil
}

// maxLine is the longest line a kind read line by line takes: the line reader's buffer.
const maxLine = 2 * sampleSize

// nextLine returns the next non-blank line of a kind read line by line, as a record of
// one field. A line longer than maxLine is rejected and passed over.
func (p *parseRun) nextLine() ([]string, int, error) {
	for {
		b, err := p.f.lines.ReadSlice('\n')
		tooLong := errors.Is(err, bufio.ErrBufferFull)
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = p.f.lines.ReadSlice('\n')
		}
		if errors.Is(err, io.EOF) && (len(b) > 0 || tooLong) {
			err = nil
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, 0, io.EOF
			}
			return nil, 0, &lineError{Path: p.f.path, Line: p.lineNo + 1, Col: 1,
				Reason: "cannot read the file on (" + err.Error() + "); a compressed file cut off while it was written? nothing of it was loaded"}
		}
		p.lineNo++
		if tooLong {
			p.reject(lineReject(p.f.path, p.lineNo, 1, "", "the line is longer than %d KiB: not a log line", known{maxLine >> 10}))
			continue
		}
		line := strings.TrimRight(string(b), "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		return []string{line}, p.lineNo, nil
	}
}

// batchReader streams a parseRun's rows as Arrow record batches; it is what DuckDB scans.
// A goroutine parses the next batch while DuckDB loads the one before: the channel's one
// slot bounds memory to about three batches.
type batchReader struct {
	refs    atomic.Int64
	p       *parseRun
	schema  *arrow.Schema
	cur     arrow.RecordBatch
	batches chan arrow.RecordBatch
	stop    chan struct{} // closed when the reader is released: the parser stops early
	done    chan struct{} // closed when the parser goroutine has returned
	// textBytes is, per string column, the bytes the last batch held: the next batch
	// reserves that much, so that its buffers are not regrown and copied row by row.
	textBytes []int
}

func newBatchReader(p *parseRun) *batchReader {
	r := &batchReader{p: p, schema: p.b.Schema(), batches: make(chan arrow.RecordBatch, 1),
		stop: make(chan struct{}), done: make(chan struct{})}
	r.refs.Store(1)
	go r.parse()
	return r
}

func (r *batchReader) Retain() { r.refs.Add(1) }

// Release stops the parser if it still runs and frees what the reader holds. After the
// last Release, the parseRun's counts and error are final.
func (r *batchReader) Release() {
	if r.refs.Add(-1) != 0 {
		return
	}
	close(r.stop)
	for rec := range r.batches {
		rec.Release()
	}
	<-r.done
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
}

func (r *batchReader) Schema() *arrow.Schema          { return r.schema }
func (r *batchReader) RecordBatch() arrow.RecordBatch { return r.cur }
func (r *batchReader) Record() arrow.RecordBatch      { return r.cur }

// Err is the parse error that ended the stream early, if any; DuckDB asks for it once
// Next has returned false, when the parser has finished.
func (r *batchReader) Err() error { return r.p.err }

func (r *batchReader) Next() bool {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	rec, ok := <-r.batches
	if !ok {
		return false
	}
	r.cur = rec
	return true
}

// parse fills batches until the file ends, a fatal error or the reader's release.
func (r *batchReader) parse() {
	defer close(r.done)
	defer close(r.batches)
	defer r.p.b.Release()
	for {
		rec := r.nextBatch()
		if rec == nil {
			return
		}
		select {
		case r.batches <- rec:
		case <-r.stop:
			rec.Release()
			return
		}
	}
}

// nextBatch parses up to batchRows rows; nil means the end of the file or an error in p.err.
func (r *batchReader) nextBatch() arrow.RecordBatch {
	p := r.p
	b := p.b
	r.reserve()
	for b.Field(0).Len() < batchRows {
		rec, line, err := p.next()
		if errors.Is(err, io.EOF) {
			if !p.flushed && p.f.kind.flush != nil {
				p.f.kind.flush(p)
			}
			p.flushed = true
			break
		}
		if err != nil {
			p.err = csvError(p.f.path, err, p.lineOffset)
			return nil
		}
		if i := invalidUTF8(rec); i >= 0 {
			p.reject(lineReject(p.f.path, line, i+1, "", "not valid UTF-8 text: the file changes encoding after its start (partly saved as Windows-1252?); save it again as UTF-8"))
			continue
		}
		switch err := p.f.kind.row(p, rec, line); {
		case err == nil:
			p.loaded++
		case errors.Is(err, errSkip):
			p.skipped++
		case errors.Is(err, errBot):
			p.bots++
		default:
			var le *lineError
			if !errors.As(err, &le) {
				p.err = err
				return nil
			}
			p.reject(le)
		}
	}
	if b.Field(0).Len() == 0 {
		return nil
	}
	for i, f := range b.Fields() {
		if sb, ok := f.(*array.StringBuilder); ok {
			r.textBytes[i] = sb.DataLen()
		}
	}
	return b.NewRecordBatch()
}

// invalidUTF8 returns the index of the first field that is not valid UTF-8, or -1. The
// encoding is told from a file's start; a file that changes later is caught here.
func invalidUTF8(rec []string) int {
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return i
		}
	}
	return -1
}

// reserve sizes the builders for a whole batch before it is filled.
func (r *batchReader) reserve() {
	fields := r.p.b.Fields()
	if r.textBytes == nil {
		r.textBytes = make([]int, len(fields))
	}
	for i, f := range fields {
		f.Reserve(batchRows)
		if sb, ok := f.(*array.StringBuilder); ok && r.textBytes[i] > 0 {
			sb.ReserveData(r.textBytes[i] + r.textBytes[i]/8)
		}
	}
}

func newRecordBuilder(s *arrow.Schema) *array.RecordBuilder {
	return array.NewRecordBuilder(memory.DefaultAllocator, s)
}

// csvError places a CSV syntax error in its file.
func csvError(path string, err error, lineOffset int) error {
	var le *lineError
	if errors.As(err, &le) {
		return err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &lineError{Path: path, Line: pe.Line + lineOffset, Col: pe.Column, Reason: "unreadable CSV: " + pe.Err.Error() + "; nothing of this file was loaded"}
	}
	return fmt.Errorf("%s: %w", path, err)
}
