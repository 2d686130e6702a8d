package pipeline

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// failingRecords gives out its records, then fails: a file that cannot be read on.
type failingRecords struct {
	in  records
	err error
}

func (f *failingRecords) next() ([]string, int, error) {
	rec, line, err := f.in.next()
	if errors.Is(err, io.EOF) {
		return nil, 0, f.err
	}
	return rec, line, err
}

// panickingRecords gives out its first records, then panics.
type panickingRecords struct {
	in    records
	after int
}

func (p *panickingRecords) next() ([]string, int, error) {
	if p.after == 0 {
		panic("the disk driver broke")
	}
	p.after--
	return p.in.next()
}

// recordsOf reads records to their end, as text: each record, reject or end with its line.
func recordsOf(r records) []string {
	var out []string
	for {
		rec, line, err := r.next()
		switch {
		case errors.Is(err, io.EOF):
			return append(out, "EOF")
		case err != nil:
			var rr *recordReject
			if errors.As(err, &rr) {
				out = append(out, "reject "+err.Error())
				continue
			}
			return append(out, "error "+err.Error())
		}
		out = append(out, fmt.Sprintf("%d %q", line, rec))
	}
}

// TestRecordsReadAhead: records read ahead in chunks are the records, rejects and end of
// the file in its order, whatever the chunks' size: empty cells and records, cells of
// several lines, rejects at a chunk's start and end, a file that fails after its records.
func TestRecordsReadAhead(t *testing.T) {
	defer func(b, r int) { aheadChunkBytes, aheadChunkRecords = b, r }(aheadChunkBytes, aheadChunkRecords)
	source := func(fail bool) records {
		s := &sliceRecords{}
		for i := range 40 {
			rec := []string{fmt.Sprint(i), "", fmt.Sprintf("cel met\nregels %d", i), "é"}
			switch i % 9 {
			case 3:
				rec = []string{}
			case 5:
				rec = []string{""}
			}
			s.recs = append(s.recs, rec)
			s.lines = append(s.lines, 2+i*2)
			if i%7 == 0 || i == 39 {
				s.rejects = append(s.rejects, heldReject{at: i, e: &recordReject{e: &lineError{Path: "x.csv", Line: 1 + i*2, Col: 1, Reason: "too long"}}})
			}
		}
		if fail {
			return &failingRecords{in: s, err: errors.New("x.csv: read: the disk is gone")}
		}
		return s
	}
	for _, fail := range []bool{false, true} {
		want := recordsOf(source(fail))
		for _, size := range [][2]int{{1, 1}, {1 << 20, 3}, {10, 1000}, {1 << 20, 8192}} {
			aheadChunkBytes, aheadChunkRecords = size[0], size[1]
			a := readAhead(source(fail))
			got := recordsOf(a)
			a.stop()
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fail %v, chunks of %d bytes and %d records (-as read +read ahead):\n%s", fail, size[0], size[1], diff)
			}
		}
	}
	// A panic while reading ends the records with an error, not the program.
	aheadChunkBytes, aheadChunkRecords = 1<<20, 3
	a := readAhead(&panickingRecords{in: source(false), after: 5})
	got := recordsOf(a)
	a.stop()
	// (The records of the chunk being read are dropped with it: the file fails whole.)
	if last := got[len(got)-1]; len(got) > 6+1 || !strings.HasPrefix(last, "error internal error while reading the file (the disk driver broke)") {
		t.Errorf("records of a reader that panics after 5: %d, the last %.80q", len(got), last)
	}
	// A parser that stops early stops the reading: stop returns, also before the end.
	aheadChunkBytes, aheadChunkRecords = 1, 1
	a = readAhead(source(false))
	a.next()
	a.stop()
	a.stop()
	readAhead(source(false)).stop() // never started
}
