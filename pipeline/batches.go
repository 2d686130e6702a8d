package pipeline

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync/atomic"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// batchRows is the number of rows in one Arrow record batch: DuckDB's row-group size,
// measured fastest on this machine (pipeline/DUCKDB.md).
const batchRows = 122_880

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
	r := &batchReader{p: p, schema: p.out.b.Schema(), batches: make(chan arrow.RecordBatch, 1),
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

// parse fills batches until the file ends, a fatal error or the reader's release. A panic
// in a kind's parser fails this file alone: the rest of the ingest goes on.
func (r *batchReader) parse() {
	defer close(r.done)
	defer close(r.batches)
	defer r.p.out.b.Release()
	if ahead, ok := r.p.f.recs.(interface{ stop() }); ok {
		defer ahead.stop() // records read ahead (accessLines) stop being read
	}
	defer func() {
		if v := recover(); v != nil {
			r.p.err = fmt.Errorf("%s: internal error while reading the file (%v); nothing of it was loaded; please report this with the file's first lines\n%s", r.p.f.path, v, debug.Stack())
		}
	}()
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
	if p.flushed {
		// The last batch went out with the file's end: nothing to reserve builders for.
		return nil
	}
	b := p.out.b
	r.reserve()
	for b.Field(0).Len() < batchRows {
		rec, line, err := p.f.recs.next()
		if err != nil {
			var rr *recordReject
			switch {
			case errors.Is(err, io.EOF):
				if !p.flushed {
					if f, ok := p.parser.(flusher); ok {
						f.flush()
					}
				}
				p.flushed = true
			case errors.As(err, &rr):
				p.reject(rr.e)
				continue
			default:
				p.err = csvError(p.f.path, err, 0)
				return nil
			}
			break
		}
		if e := p.unreadable(rec, line); e != nil {
			p.reject(e)
			continue
		}
		switch err := p.parser.row(rec, line); {
		case err == nil:
			p.loaded++
			if max := p.f.kind.maxRows; max > 0 && p.loaded > max {
				p.err = fmt.Errorf("%s:%d: more than %d rows: not %s as downloaded (split it, or check that it is the right file); nothing of it was loaded", p.f.path, line, max, p.f.kind.is)
				return nil
			}
		case errors.Is(err, errSkip):
			p.skipped++
		case errors.Is(err, errCounted):
		default:
			var le *lineError
			if !errors.As(err, &le) {
				p.err = err
				return nil
			}
			p.reject(le)
		}
	}
	if err := p.out.aligned(p.f.kind.kind); err != nil {
		p.err = err
		return nil
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

// unreadable returns why a record cannot be read as a row of its table whatever its
// cells say, or nil: it has fewer fields than the header (a row cut off, in a file
// still downloading or a copy that did not finish), or text in another encoding than
// the file's.
func (p *parseRun) unreadable(rec []string, line int) *lineError {
	if p.f.comma != 0 && len(rec) < len(p.f.header) && !blank(rec) {
		return lineReject(p.f.path, line, len(rec), "",
			"the row has %d fields where the header has %d: it is cut off (a download or copy that did not finish?); download the export again", known{len(rec)}, known{len(p.f.header)})
	}
	cp1252 := p.f.encoding == "windows-1252" || p.f.encoding == "gzip/windows-1252"
	if k, ok := p.f.recs.(utf8Known); ok && !cp1252 && k.validUTF8() {
		return nil
	}
	for i, f := range rec {
		if !utf8.ValidString(f) {
			return lineReject(p.f.path, line, i+1, "", "not valid UTF-8 text: the file changes encoding after its start (partly saved as Windows-1252?); save it again as UTF-8")
		}
		if cp1252 {
			if s, ok := utf8In1252(f); ok {
				return lineReject(p.f.path, line, i+1, "",
					"this cell is UTF-8 text (%q read as Windows-1252), but the file starts in Windows-1252: it changes encoding; save it again as UTF-8", s)
			}
		}
	}
	return nil
}

// utf8In1252 reports whether s, decoded from Windows-1252, holds what was UTF-8 text: a
// UTF-8 lead byte (Ã, Â, ...) followed by continuation bytes, such as "Ã«" for "ë". It
// returns the first such pair.
func utf8In1252(s string) (string, bool) {
	var buf [4]byte
	raw := buf[:0]
	for i, c := range s {
		if c < 0x80 {
			continue
		}
		b, ok := cp1252Byte(c)
		if !ok || b < 0xC2 || b > 0xF4 {
			continue
		}
		// The lead byte says how many continuation bytes (0x80-0xBF) must follow.
		need := 1
		switch {
		case b >= 0xF0:
			need = 3
		case b >= 0xE0:
			need = 2
		}
		raw = append(raw[:0], b)
		rest := s[i+utf8.RuneLen(c):]
		for _, d := range rest {
			if len(raw) > need {
				break
			}
			cb, ok := cp1252Byte(d)
			if !ok || cb < 0x80 || cb > 0xBF {
				break
			}
			raw = append(raw, cb)
		}
		if len(raw) == need+1 && utf8.Valid(raw) {
			return string([]rune(s[i:])[:need+1]), true
		}
	}
	return "", false
}

// reserve sizes the builders for a whole batch before it is filled.
func (r *batchReader) reserve() {
	fields := r.p.out.b.Fields()
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
