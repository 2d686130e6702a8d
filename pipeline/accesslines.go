package pipeline

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"
)

// An access log spends most of its parsing time on each line by itself: splitting its
// fields, reading its time and address, judging its user agent and path, and hashing its
// visitor. accessLines reads the lines ahead, in chunks, and has workers read each chunk's
// lines by themselves side by side (logReader.read); row then takes the lines in the
// file's order for what needs the lines before them (the visits). On two cores this
// takes the log's parsing off one core (docs/BENCHMARKS.md).

// parseWorkers is how many goroutines read lines ahead side by side.
func parseWorkers() int { return min(runtime.GOMAXPROCS(0), 4) }

// lineChunkSize is the most lines of a chunk (a test makes it small).
var lineChunkSize = 8192

// accessLines are an access log's records, read ahead side by side: each record given out
// has its line read already, in accessLog.next.
type accessLines struct {
	in      records
	a       *accessLog
	workers int

	started bool
	ordered chan *lineChunk
	halt    chan struct{}
	stopped sync.Once
	wg      sync.WaitGroup

	cur    *lineChunk
	i, rej int
	rec    [1]string
}

// lineChunk is a chunk of lines, as read, and what the workers read them as.
type lineChunk struct {
	lines []string
	nums  []int
	// rejects are lines that could not be read as lines, each before the line of its index.
	rejects []heldReject
	end     error // io.EOF, or why the file cannot be read on, after these lines
	utf8    bool  // every line is known to be valid UTF-8
	entries []logEntry
	done    chan struct{} // closed once entries are read
}

// next gives out the next record, its line read already in l.a.next.
func (l *accessLines) next() ([]string, int, error) {
	if !l.started {
		l.start()
	}
	for {
		if l.cur == nil {
			c, ok := <-l.ordered
			if !ok {
				return nil, 0, io.EOF
			}
			<-c.done
			l.cur, l.i, l.rej = c, 0, 0
		}
		c := l.cur
		if l.rej < len(c.rejects) && c.rejects[l.rej].at == l.i {
			l.rej++
			return nil, 0, c.rejects[l.rej-1].e
		}
		if l.i < len(c.lines) {
			i := l.i
			l.i++
			l.a.next = &c.entries[i]
			l.rec[0] = c.lines[i]
			return l.rec[:], c.nums[i], nil
		}
		if c.end != nil {
			return nil, 0, c.end
		}
		l.cur = nil
	}
}

// start starts the goroutine that reads the lines and the workers that read them.
func (l *accessLines) start() {
	l.started = true
	l.ordered = make(chan *lineChunk, l.workers+1)
	l.halt = make(chan struct{})
	todo := make(chan *lineChunk)
	l.wg.Add(1 + l.workers)
	go func() {
		defer l.wg.Done()
		defer close(l.ordered)
		defer close(todo)
		for {
			select {
			case <-l.halt:
				return
			default:
			}
			c := l.readChunk()
			select {
			case l.ordered <- c:
			case <-l.halt:
				return
			}
			select {
			case todo <- c:
			case <-l.halt:
				close(c.done)
				return
			}
			if c.end != nil {
				return
			}
		}
	}()
	for range l.workers {
		r := l.a.reader.another()
		go func() {
			defer l.wg.Done()
			for c := range todo {
				readLines(r, c)
				close(c.done)
			}
		}()
	}
}

// readChunk reads up to lineChunkSize lines. A panic in reading (the decoder, the
// hashing) ends the file there with an internal error, as it would read in parse.
func (l *accessLines) readChunk() (c *lineChunk) {
	c = &lineChunk{done: make(chan struct{}), lines: make([]string, 0, lineChunkSize), nums: make([]int, 0, lineChunkSize)}
	defer func() {
		if v := recover(); v != nil {
			c.end = fmt.Errorf("%s: internal error while reading the file (%v); nothing of it was loaded; please report this with the file's first lines\n%s", l.a.p.f.path, v, debug.Stack())
		}
	}()
	known, _ := l.in.(utf8Known)
	c.utf8 = known != nil
	for len(c.lines) < lineChunkSize {
		rec, line, err := l.in.next()
		if err != nil {
			var rr *recordReject
			if errors.As(err, &rr) {
				c.rejects = append(c.rejects, heldReject{at: len(c.lines), e: rr})
				continue
			}
			c.end = err
			break
		}
		c.lines = append(c.lines, rec[0])
		c.nums = append(c.nums, line)
		c.utf8 = c.utf8 && known.validUTF8()
	}
	return c
}

// validUTF8 says whether the record next returned last is known to be valid UTF-8: its
// chunk's lines all are (parseRun.unreadable then passes over its check of the line).
func (l *accessLines) validUTF8() bool { return l.cur != nil && l.cur.utf8 }

// readLines reads a chunk's lines, each by itself. A panic fails the file at its line:
// that line and every one after it in the chunk say so, so that none is taken for read.
func readLines(r *logReader, c *lineChunk) {
	c.entries = make([]logEntry, len(c.lines))
	i := 0
	defer func() {
		if v := recover(); v != nil {
			err := fmt.Errorf("%s:%d: internal error while reading the file (%v); nothing of it was loaded; please report this with the file's first lines\n%s", r.p.f.path, c.nums[i], v, debug.Stack())
			for j := i; j < len(c.entries); j++ {
				c.entries[j] = logEntry{kind: entryFail, err: err}
			}
		}
	}()
	for ; i < len(c.lines); i++ {
		r.read(c.lines[i], c.nums[i], &c.entries[i])
	}
}

// stop ends the reading ahead, when the file is read or given up.
func (l *accessLines) stop() {
	if !l.started {
		return
	}
	l.stopped.Do(func() { close(l.halt) })
	for c := range l.ordered { // the reader may be waiting to hand a chunk on
		<-c.done
	}
	l.wg.Wait()
}
