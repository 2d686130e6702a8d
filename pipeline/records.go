package pipeline

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// One path opens every export: a text file (CSV, TSV, a log read line by line) or a
// workbook (XLSX, XML Spreadsheet 2003) becomes a table, its kind recognised by its
// header or its lines, with records that take the same way from there: the header
// matched to the kind's fields, the number locale and date order decided on a bounded
// sample, the kind's parser made. Every input is bounded (records.go, xlsx.go): a file
// that passes a bound is refused alone, and no file needs more than a bounded amount of
// memory however large it is.

// table is an export opened for reading: what it is, its header and its records.
type table struct {
	path string
	// encoding is utf-8, utf-8-bom, utf-16le, utf-16be or windows-1252 (with gzip/ in
	// front for a compressed file), or xlsx / xml-spreadsheet for a workbook.
	encoding string
	comma    rune // 0 for a workbook or a kind read line by line
	kind     *source
	header   []string
	// headerLine is the 1-based line (sheet row) of the header; lines before it are preamble.
	headerLine int
	// preamble holds the lines above the header (Google Analytics' # lines).
	preamble []string
	recs     records
	// side holds the other sheets of a workbook the kind asked for (source.sheets), by name.
	side map[string][][]string
	// byLine marks a kind without header, read line by line (an access log).
	byLine bool
}

// records reads a table's records after its header, with their line numbers.
type records interface {
	// next returns the next record; io.EOF at the end. An error that wraps a
	// *recordReject rejects that record and reading goes on; any other error fails the
	// file.
	next() (rec []string, line int, err error)
}

// recordReject is a record that cannot be read as one (a line too long for a log line):
// it is rejected and the next one read.
type recordReject struct{ e *lineError }

func (r *recordReject) Error() string { return r.e.Error() }

// openRun decodes a file, recognises its kind and prepares parsing it.
func openRun(r io.Reader, path string, cfg *Config, keys *keyer, hints fileHints) (run *parseRun, err error) {
	// A parser's constructor is code of the kind: a bug in it fails this file, not the
	// whole ingest.
	defer func() {
		if v := recover(); v != nil {
			run, err = nil, fmt.Errorf("%s: internal error while opening the file (%v); nothing of it was loaded; please report this with the file's first lines\n%s", path, v, debug.Stack())
		}
	}()
	in := bufio.NewReaderSize(r, sampleSize)
	var t *table
	if magic, _ := in.Peek(len(zipMagic)); bytes.Equal(magic, zipMagic) {
		t, err = openWorkbook(in, path, hints, maxWorkbookBytes)
	} else {
		t, err = openText(in, path, hints)
	}
	if err != nil {
		return nil, err
	}
	return newParseRun(t, cfg, keys, hints)
}

// openText decodes a text export, finds its header (or recognises its lines) and returns
// the table of its records.
func openText(in *bufio.Reader, path string, hints fileHints) (*table, error) {
	text, encoding, err := decoder(in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	br := bufio.NewReaderSize(text, 2*sampleSize)
	sample, err := br.Peek(sampleSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: cannot read the file on (%w); a compressed file cut off while it was written? nothing of it was loaded", path, err)
	}
	if isSpreadsheetXML(sample) {
		return openSpreadsheetXML(br, path, encoding, hints)
	}
	kind, comma, header, headerLine, err := sniff(sample, hints.among())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t := &table{path: path, encoding: encoding, kind: kind}
	if kind.lineMatch != nil {
		t.byLine = true
		t.recs = &lineRecords{path: path, r: br}
		return t, nil
	}
	// Pass over the preamble, so that the CSV reader starts at the header.
	for i := 1; i < headerLine; i++ {
		l, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		t.preamble = append(t.preamble, strings.TrimRight(l, "\r\n"))
	}
	var body io.Reader = br
	if kind.tableEnds {
		body = &tableReader{r: br}
	}
	t.comma, t.header, t.headerLine = comma, header, headerLine
	if comma != '\t' {
		// A quote opens a cell that may hold the separator and newlines.
		s := newCSVScanner(path, body, byte(comma), maxRecordBytes, headerLine-1)
		if _, _, err := s.next(); err != nil { // the header, read by sniff already
			return nil, err
		}
		t.recs = s
		return t, nil
	}
	// Tab-separated exports (Matomo's default) do not quote their cells: a " in a title
	// is text.
	body = &boundedRecords{r: body, limit: maxRecordBytes}
	rows := csv.NewReader(body)
	rows.Comma = comma
	rows.FieldsPerRecord = -1
	rows.ReuseRecord = true
	rows.LazyQuotes = true
	if _, err := rows.Read(); err != nil { // the header, read by sniff already
		return nil, csvError(path, err, headerLine-1)
	}
	t.recs = &csvRecords{path: path, r: rows, offset: headerLine - 1}
	return t, nil
}

// newParseRun prepares parsing a recognised table: where its kind's fields are, its
// number locale and date order, the batch its rows go to, and the kind's parser.
func newParseRun(t *table, cfg *Config, keys *keyer, hints fileHints) (*parseRun, error) {
	kind := t.kind
	p := &parseRun{f: t, cfg: cfg, cols: columns{}, keyer: keys, hints: hints}
	if !t.byLine {
		p.cols, p.dutch, _ = matchHeader(kind.spec, t.header)
	}
	p.at = make([]int, len(kind.spec))
	for i, f := range kind.spec {
		if j, ok := p.cols[f.field]; ok {
			p.at[i] = j
		} else {
			p.at[i] = -1
		}
	}
	if len(kind.numbers) > 0 || len(kind.dates) > 0 {
		if err := p.sample(); err != nil {
			return nil, err
		}
	}
	// A kind loaded in parts (a visit log: millions of rows) has its records read ahead,
	// on another core than the parser's; after the sample, whose evidence the parser's
	// side checks every record against.
	if kind.parts != "" && !t.byLine {
		if c, ok := p.f.recs.(*chainRecords); ok {
			c.then = readAhead(c.then)
		} else {
			p.f.recs = readAhead(p.f.recs)
		}
	}
	p.out = newBatch(kind.schema)
	p.dims = newDimValues(kind)
	var err error
	if p.parser, err = kind.parser(p); err != nil {
		p.out.b.Release()
		return nil, err
	}
	return p, nil
}

// sample reads the table's first records (up to sampleRecords, or sampleCellBytes of
// cells) and decides from them how the file writes numbers and dates; the records read
// are then read again, from memory, before the rest.
func (p *parseRun) sample() error {
	p.evidence = &evidence{kind: p.f.kind, cols: p.cols}
	held := &sliceRecords{}
	size := 0
	for len(held.recs) < sampleRecords && size < sampleCellBytes {
		rec, line, err := p.f.recs.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var rr *recordReject
			if errors.As(err, &rr) {
				held.rejects = append(held.rejects, heldReject{at: len(held.recs), e: rr})
				continue
			}
			return csvError(p.f.path, err, 0)
		}
		rec = slices.Clone(rec)
		for _, c := range rec {
			size += len(c)
		}
		held.recs = append(held.recs, rec)
		held.lines = append(held.lines, line)
		p.evidence.observe(rec, false)
	}
	if err := p.evidence.decide(p); err != nil {
		return fmt.Errorf("%s: %w", p.f.path, err)
	}
	p.f.recs = &chainRecords{first: held, then: p.f.recs, p: p}
	return nil
}

// sampled returns the records read ahead to decide the locale and date order (nil for a
// kind that decides neither): what a kind's parser may look at before its rows.
func (p *parseRun) sampled() [][]string {
	if c, ok := p.f.recs.(*chainRecords); ok {
		return c.first.recs[c.first.i:]
	}
	return nil
}

// maxRecordBytes bounds one record of a CSV export: no export row is a megabyte long,
// and a file whose record is (an endless line, an unclosed quote) is not one.
const maxRecordBytes = 1 << 20

// csvRecords are the records of a CSV or TSV table.
type csvRecords struct {
	path   string
	r      *csv.Reader
	offset int // lines above the header's line
}

func (c *csvRecords) next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err != nil {
		return nil, 0, csvError(c.path, err, c.offset)
	}
	line, _ := c.r.FieldPos(0)
	return rec, line + c.offset, nil
}

// sliceRecords are records held in memory: a workbook's rows, or a sample read ahead.
type sliceRecords struct {
	recs    [][]string
	lines   []int
	rejects []heldReject
	i, r    int
}

// heldReject is a record rejected while a sample was read, given out again in its place.
type heldReject struct {
	at int // before the record of this index
	e  *recordReject
}

func (s *sliceRecords) next() ([]string, int, error) {
	if s.r < len(s.rejects) && s.rejects[s.r].at <= s.i {
		s.r++
		return nil, 0, s.rejects[s.r-1].e
	}
	if s.i >= len(s.recs) {
		return nil, 0, io.EOF
	}
	s.i++
	rec := s.recs[s.i-1]
	s.recs[s.i-1] = nil // parsed once: let it go
	return rec, s.lines[s.i-1], nil
}

// chainRecords reads the sample from memory, then the rest of the table, checking each
// record after the sample against what the sample decided.
type chainRecords struct {
	first  *sliceRecords
	then   records
	p      *parseRun
	inThen bool
}

func (c *chainRecords) next() ([]string, int, error) {
	if !c.inThen {
		rec, line, err := c.first.next()
		if !errors.Is(err, io.EOF) {
			return rec, line, err
		}
		c.inThen = true
	}
	rec, line, err := c.then.next()
	if err == nil {
		c.p.evidence.observe(rec, true)
		if err := c.p.evidence.check(c.p, line); err != nil {
			return nil, 0, err
		}
	}
	return rec, line, err
}

// validUTF8 says whether the record next returned last is known to be valid UTF-8.
func (c *chainRecords) validUTF8() bool {
	v, ok := c.then.(utf8Known)
	return c.inThen && ok && v.validUTF8()
}

// utf8Known are records that can tell a record known to be valid UTF-8 (aheadRecords).
type utf8Known interface{ validUTF8() bool }

// stop stops the records read ahead, if they are (aheadRecords).
func (c *chainRecords) stop() {
	if s, ok := c.then.(interface{ stop() }); ok {
		s.stop()
	}
}

// lineRecords are the non-blank lines of a kind read line by line, as records of one
// field. A line of maxLine bytes or more is rejected and passed over.
//
// The lines are read a block at a time, straight from the reader into memory that is
// then only read: the block's whole lines are one string, of which each line is a part,
// checked for UTF-8 once. A 2M-line access log spent a third of its reading on copying
// each line into a string of its own and checking it (docs/BENCHMARKS.md).
type lineRecords struct {
	path   string
	r      io.Reader
	lineNo int

	block      string // whole lines read but not given out, each ending with '\n'
	blockValid bool   // block is valid UTF-8
	lastValid  bool   // the line given out last is known to be valid UTF-8
	rest       []byte // the start of the line after block
	skipping   bool   // passing over the rest of a line too long to take
	err        error  // the reader's error after rest: io.EOF, or why it cannot read on
}

// maxLine is the length from which a line of a kind read line by line is too long (a
// test makes it small).
var maxLine = 2 * sampleSize

// lineBlock is how much text lineRecords reads at a time: more than maxLine, so that a
// line that fills a block is too long (a test makes it small).
var lineBlock = 4 * maxLine

func (l *lineRecords) next() ([]string, int, error) {
	for {
		if l.block == "" {
			if l.err != nil {
				return l.end()
			}
			if err := l.fill(); err != nil {
				return nil, l.lineNo, err
			}
			continue
		}
		i := strings.IndexByte(l.block, '\n')
		raw := l.block[:i]
		l.block = l.block[i+1:]
		l.lineNo++
		if rec, err := l.take(raw); rec != nil || err != nil {
			l.lastValid = l.blockValid
			return rec, l.lineNo, err
		}
	}
}

// take makes a line (without its line end) a record: nil for a blank line, a reject for
// one too long.
func (l *lineRecords) take(raw string) ([]string, error) {
	if len(raw) >= maxLine {
		return nil, l.tooLong()
	}
	line := strings.TrimRight(raw, "\r")
	if strings.TrimSpace(line) == "" {
		return nil, nil
	}
	return []string{line}, nil
}

// fill reads the next block: its whole lines become l.block, the start of the line after
// them l.rest. A line too long to take is passed over to its end and returned as a
// reject; one cut off by a read error is not (end names the error at that line).
func (l *lineRecords) fill() error {
	buf := make([]byte, lineBlock)
	n := copy(buf, l.rest)
	l.rest = nil
	var reject error
	for empty := 0; n < len(buf) && l.err == nil; {
		var m int
		m, l.err = l.r.Read(buf[n:])
		n += m
		if m > 0 {
			empty = 0
		} else if empty++; empty == 100 && l.err == nil {
			l.err = io.ErrNoProgress // as bufio.Reader says of a reader that gives nothing
		}
		if l.skipping {
			i := bytes.IndexByte(buf[:n], '\n')
			if i < 0 {
				n = 0
				continue
			}
			n = copy(buf, buf[i+1:n])
			l.skipping = false
			l.lineNo++
			reject = l.tooLong()
			break // the lines after it wait for the next block
		}
		if n == len(buf) && bytes.LastIndexByte(buf, '\n') < 0 {
			l.skipping, n = true, 0
		}
	}
	if l.skipping && errors.Is(l.err, io.EOF) {
		l.skipping = false
		l.lineNo++
		reject = l.tooLong()
	}
	end := bytes.LastIndexByte(buf[:n], '\n')
	if end >= 0 {
		l.block = unsafe.String(&buf[0], end+1)
		l.blockValid = utf8.ValidString(l.block)
	}
	l.rest = buf[end+1 : n]
	return reject
}

// tooLong is the reject of the current line (l.lineNo), too long to take.
func (l *lineRecords) tooLong() error {
	return &recordReject{lineReject(l.path, l.lineNo, 1, "", "the line is longer than %d KiB: not a log line", known{maxLine >> 10})}
}

// end gives out the last line, which has no line end, and then the reader's error.
func (l *lineRecords) end() ([]string, int, error) {
	if !errors.Is(l.err, io.EOF) {
		return nil, 0, &lineError{Path: l.path, Line: l.lineNo + 1, Col: 1,
			Reason: "cannot read the file on (" + l.err.Error() + "); a compressed file cut off while it was written? nothing of it was loaded"}
	}
	if len(l.rest) > 0 {
		raw := string(l.rest)
		l.rest = nil
		l.lineNo++
		if rec, err := l.take(raw); rec != nil || err != nil {
			l.lastValid = false
			return rec, l.lineNo, err
		}
	}
	return nil, 0, io.EOF
}

// validUTF8 says whether the line next returned last is known to be valid UTF-8.
func (l *lineRecords) validUTF8() bool { return l.lastValid }

// boundedRecords fails a tab-separated table, whose cells are never quoted (a record is
// a line), at a line longer than limit, naming the line.
type boundedRecords struct {
	r      io.Reader
	limit  int
	length int // bytes of the current line so far
	line   int // newlines passed
}

// errRecordTooLong fails a file whose record passes maxRecordBytes.
type errRecordTooLong struct {
	line  int
	limit int
}

func (e *errRecordTooLong) Error() string {
	return fmt.Sprintf("a record from line %d on is longer than %d KiB (an endless line, or a quote that is never closed): not an export bereik reads; nothing of this file was loaded", e.line, e.limit>>10)
}

func (b *boundedRecords) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if b.length <= b.limit {
		// The newlines counted in one pass; the line goes on after the last.
		seg := p[:n]
		if nl := bytes.Count(seg, newline); nl > 0 {
			b.line += nl
			b.length = len(seg) - 1 - bytes.LastIndexByte(seg, '\n')
		} else {
			b.length += len(seg)
		}
	}
	if b.length > b.limit {
		return n, &errRecordTooLong{line: b.line + 1, limit: b.limit}
	}
	return n, err
}

var newline = []byte{'\n'}

// csvError places a CSV syntax error in its file.
func csvError(path string, err error, lineOffset int) error {
	var le *lineError
	var tooLong *errRecordTooLong
	switch {
	case errors.Is(err, io.EOF):
		return err
	case errors.As(err, &le):
		return err
	case errors.As(err, &tooLong):
		return &lineError{Path: path, Line: tooLong.line + lineOffset, Col: 1, Reason: tooLong.Error()}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &lineError{Path: path, Line: pe.Line + lineOffset, Col: pe.Column, Reason: "unreadable CSV: " + pe.Err.Error() + "; nothing of this file was loaded"}
	}
	return fmt.Errorf("%s: %w", path, err)
}

// sectionMark reports whether a line starts a Google Analytics section: "# ----" or a
// "# " comment. A page title like "#hashtag: ..." is a row, not a section.
func sectionMark(line []byte) bool {
	return len(line) == 1 && line[0] == '#' || bytes.HasPrefix(line, []byte("# ")) || bytes.HasPrefix(line, []byte("#-"))
}

// tableReader passes a CSV table through up to the first empty line or line starting
// with # after its first line, and ends there: what follows is another section. A quoted
// cell that holds such a line would be cut there.
type tableReader struct {
	r    *bufio.Reader
	line []byte // the rest of the current line
	done bool
	head bool // the first line (the header) has been passed
	cont bool // the next read continues a line longer than the buffer
}

func (t *tableReader) Read(b []byte) (int, error) {
	if len(t.line) == 0 {
		if t.done {
			return 0, io.EOF
		}
		l, err := t.r.ReadSlice('\n')
		cont := t.cont
		t.cont = errors.Is(err, bufio.ErrBufferFull)
		if t.cont { // a long line: pass it on in parts (boundedRecords bounds it)
			t.line = l
			t.head = true
			n := copy(b, t.line)
			t.line = t.line[n:]
			return n, nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		if t.head && !cont {
			if trimmed := bytes.TrimSpace(l); len(trimmed) == 0 || sectionMark(trimmed) {
				t.done = true
				return 0, io.EOF
			}
		}
		t.head = true
		t.done = errors.Is(err, io.EOF)
		if len(l) == 0 {
			return 0, io.EOF
		}
		t.line = l
	}
	n := copy(b, t.line)
	t.line = t.line[n:]
	return n, nil
}
