package pipeline

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// aheadRecords reads a file's records in a goroutine of its own, ahead of the parser, in
// chunks: the CSV reading, the file's hash and the decoding take one core, while the
// parser turns the records before them into rows on the other (a large visit log: the
// parser's goroutine did both, and was the slowest step of an ingest). A chunk holds its
// cells as one block of text and their ends, not a string per cell, so that the chunks
// waiting to be parsed give the garbage collector nothing to trace; the records given out
// are strings into that block, which is never written again (a parser may keep them).
type aheadRecords struct {
	in records

	started bool
	chunks  chan *recordChunk
	halt    chan struct{}
	stopped sync.Once
	done    chan struct{}

	cur *recordChunk
	i   int // the next record of cur
	rej int // the next reject of cur
	rec []string
}

// recordChunk is a run of records as read: record r's cells are text[ends[j-1]:ends[j]]
// for j from firsts[r] to firsts[r+1].
type recordChunk struct {
	text    []byte
	ends    []int32
	firsts  []int32
	lines   []int
	rejects []aheadReject // records that could not be read, each before the record of its index
	end     error         // io.EOF, or why the file cannot be read on, after these records
	utf8    bool          // every cell is valid UTF-8
}

type aheadReject struct {
	at  int
	err error
}

// aheadChunkBytes and aheadChunkRecords bound a chunk (a test makes them small); two
// chunks wait at most.
var (
	aheadChunkBytes   = 1 << 20
	aheadChunkRecords = 8192
)

func readAhead(in records) *aheadRecords { return &aheadRecords{in: in} }

func (a *aheadRecords) start() {
	a.started = true
	a.chunks = make(chan *recordChunk, 2)
	a.halt = make(chan struct{})
	a.done = make(chan struct{})
	go func() {
		defer close(a.done)
		defer close(a.chunks)
		for {
			select {
			case <-a.halt:
				return
			default:
			}
			c := a.read()
			select {
			case a.chunks <- c:
			case <-a.halt:
				return
			}
			if c.end != nil {
				return
			}
		}
	}()
}

// read reads the next chunk. A panic while reading (the CSV reader, the decoding, the
// hash) ends the records with an error: it fails this file alone, as a panic in its
// parser does (batchReader.parse), and the rest of the ingest goes on.
func (a *aheadRecords) read() (c *recordChunk) {
	defer func() {
		if v := recover(); v != nil {
			c = &recordChunk{firsts: []int32{0}, end: fmt.Errorf("internal error while reading the file (%v); nothing of it was loaded; please report this with the file's first lines\n%s", v, debug.Stack())}
		}
	}()
	c = a.readChunk()
	// Checked here, on the reader's core, for the whole chunk at once: the parser's side
	// then passes over its check of each cell (parseRun.unreadable).
	c.utf8 = c.validUTF8()
	return c
}

// validUTF8 says whether every cell of the chunk is valid UTF-8: the text is, and no cell
// starts with a continuation byte. (Cells that are not valid can join into valid text,
// "x\xC3" and "\xA9y" into "xéy"; in valid text a byte that is no continuation byte
// starts a character, so a cell starting with one is whole characters.)
func (c *recordChunk) validUTF8() bool {
	if !utf8.Valid(c.text) {
		return false
	}
	for _, end := range c.ends {
		if int(end) < len(c.text) && c.text[end]&0xC0 == 0x80 {
			return false
		}
	}
	return true
}

// validUTF8 says whether the record next returned last is known to be valid UTF-8.
func (a *aheadRecords) validUTF8() bool { return a.cur != nil && a.cur.utf8 }

// readChunk reads records until the chunk is full or the file ends or fails.
func (a *aheadRecords) readChunk() *recordChunk {
	c := &recordChunk{text: make([]byte, 0, aheadChunkBytes+aheadChunkBytes/8), firsts: []int32{0}}
	if s, ok := a.in.(*csvScanner); ok {
		// A CSV table's cells are scanned into the chunk itself.
		for len(c.lines) < aheadChunkRecords && len(c.text) < aheadChunkBytes {
			if err := s.appendTo(c); err != nil {
				c.end = err
				return c
			}
		}
		return c
	}
	for len(c.lines) < aheadChunkRecords && len(c.text) < aheadChunkBytes {
		rec, line, err := a.in.next()
		if err != nil {
			var rr *recordReject
			if errors.As(err, &rr) {
				c.rejects = append(c.rejects, aheadReject{at: len(c.lines), err: err})
				continue
			}
			c.end = err
			return c
		}
		for _, cell := range rec {
			c.text = append(c.text, cell...)
			c.ends = append(c.ends, int32(len(c.text)))
		}
		c.firsts = append(c.firsts, int32(len(c.ends)))
		c.lines = append(c.lines, line)
	}
	return c
}

func (a *aheadRecords) next() ([]string, int, error) {
	if !a.started {
		a.start()
	}
	for {
		if a.cur == nil {
			c, ok := <-a.chunks
			if !ok {
				return nil, 0, io.EOF // stopped
			}
			a.cur, a.i, a.rej = c, 0, 0
		}
		c := a.cur
		if a.rej < len(c.rejects) && c.rejects[a.rej].at == a.i {
			a.rej++
			return nil, 0, c.rejects[a.rej-1].err
		}
		if a.i < len(c.lines) {
			r := a.i
			a.i++
			a.rec = a.rec[:0]
			start := int32(0)
			if c.firsts[r] > 0 {
				start = c.ends[c.firsts[r]-1]
			}
			for _, end := range c.ends[c.firsts[r]:c.firsts[r+1]] {
				a.rec = append(a.rec, cellText(c.text, start, end))
				start = end
			}
			return a.rec, c.lines[r], nil
		}
		if c.end != nil {
			return nil, 0, c.end
		}
		a.cur = nil
	}
}

// cellText is text[start:end] as a string sharing text's memory: text is never written
// again once its chunk is handed on.
func cellText(text []byte, start, end int32) string {
	if start == end {
		return ""
	}
	return unsafe.String(&text[start], int(end-start))
}

// stop ends the reading goroutine, when the parser stops before the file's end, and waits
// for it: the file is not read after its parse has returned.
func (a *aheadRecords) stop() {
	if !a.started {
		return
	}
	a.stopped.Do(func() { close(a.halt) })
	for range a.chunks { // the reader may be waiting to hand a chunk on
	}
	<-a.done
}
