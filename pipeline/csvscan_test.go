package pipeline

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readerRecords reads text as encoding/csv's Reader does, as the tables were read before
// csvScanner: each record with its line, and the error or end.
func readerRecords(text string, comma byte) []string {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = rune(comma), -1
	return recordsOf(&csvRecords{path: "t.csv", r: r})
}

// scannerRecords reads text with a csvScanner, through a buffer of bufio's least size so
// that long lines are read in pieces, one record at a time (next) and, in chunks of a few
// bytes, as read ahead (appendTo).
func scannerRecords(text string, comma byte, limit int) (one, ahead []string) {
	scanner := func() *csvScanner {
		return newCSVScanner("t.csv", bufio.NewReaderSize(strings.NewReader(text), 16), comma, limit, 0)
	}
	defer func(b, r int) { aheadChunkBytes, aheadChunkRecords = b, r }(aheadChunkBytes, aheadChunkRecords)
	aheadChunkBytes, aheadChunkRecords = 7, 3
	a := readAhead(scanner())
	defer a.stop()
	return recordsOf(scanner()), recordsOf(a)
}

// csvScannerReadsAsTheReader fails t unless a csvScanner reads text as encoding/csv does.
func csvScannerReadsAsTheReader(t *testing.T, text string, comma byte) {
	t.Helper()
	want := readerRecords(text, comma)
	one, ahead := scannerRecords(text, comma, 1<<20)
	if diff := cmp.Diff(want, one); diff != "" {
		t.Errorf("%q, separator %q (-encoding/csv +csvScanner):\n%s", text, comma, diff)
	}
	if diff := cmp.Diff(want, ahead); diff != "" {
		t.Errorf("%q, separator %q (-encoding/csv +csvScanner read ahead):\n%s", text, comma, diff)
	}
}

// TestCSVScannerReadsAsEncodingCSV: the same cells, lines and errors (with their line and
// column) as encoding/csv, on written cases and on thousands of random texts of
// separators, quotes, line ends and text.
func TestCSVScannerReadsAsEncodingCSV(t *testing.T) {
	for _, text := range csvScannerCases {
		for _, comma := range []byte{',', ';'} {
			csvScannerReadsAsTheReader(t, text, comma)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "bc", ",", ";", `"`, `""`, "\n", "\r\n", "\r", " ", "é", "\n\n"}
	for range 20_000 {
		var b strings.Builder
		for range rng.IntN(24) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		csvScannerReadsAsTheReader(t, b.String(), []byte{',', ';'}[rng.IntN(2)])
		if t.Failed() {
			return
		}
	}
}

var csvScannerCases = []string{
	"",
	"a,b,c\n1,2,3\n",
	"a,b,c\n1,2,3",                   // no newline at the end
	"a,b\r\n1,2\r\n",                 // Windows line ends
	"a,b\r\n1,2\r",                   // a \r before the end
	"a\r,b\n",                        // a \r within a cell
	"\n\na,b\n\n\r\n1,2\n",           // empty lines, passed over
	",,\n,\n",                        // empty cells
	`a,"b,c",d` + "\n",               // a separator within quotes
	`a,"b""c",d` + "\n",              // a quote within quotes
	`a,"b` + "\n" + `c",d` + "\nx\n", // a cell over two lines
	`a,"b` + "\r\n" + `c"` + "\r\n",  // over two lines, Windows line ends
	`a,"",b` + "\n",                  // an empty quoted cell
	`a,b"c,d` + "\n",                 // a bare quote
	`a,"b"c,d` + "\n",                // text after a closing quote
	`a,"b` + "\n",                    // a quote never closed
	`a,"b`,                           // never closed, at the end of the file
	`"a"` + "\n" + `"b` + "\n\n" + `c` + "\n", // empty line within quotes
	"a;b,c\n\"x;y\";z\n",
	strings.Repeat("x", 100) + "," + strings.Repeat("y", 50) + "\n" + `"` + strings.Repeat("z", 70) + `",1` + "\n",
}

// TestCSVScannerBoundsARecord: a record longer than the limit fails the file, naming the
// line the record starts on, whether one long line or a quote that is never closed.
func TestCSVScannerBoundsARecord(t *testing.T) {
	for _, c := range []struct {
		name, text string
		records    int
		want       string
	}{
		{"a long line", "a,b\n1,2\n" + strings.Repeat("x", 300) + "\n3,4\n", 2, "error t.csv:3:1: a record from line 3 on is longer than 0 KiB"},
		{"an open quote", "a,b\n1,\"2\n" + strings.Repeat("still inside\n", 30), 1, "error t.csv:2:1: a record from line 2 on is longer than 0 KiB"},
		// The limit is on a record's bytes but its last line end, a \r before it counted.
		{"a line at the limit", strings.Repeat("x", 200) + "\n" + strings.Repeat("y", 199) + "\r\n" + strings.Repeat("z", 201) + "\n", 2, "error t.csv:3:1: a record from line 3 on is longer than 0 KiB"},
		{"cells over lines at the limit", "\"" + strings.Repeat("x", 98) + "\n" + strings.Repeat("y", 99) + "\"\n\"" + strings.Repeat("x", 98) + "\n" + strings.Repeat("y", 100) + "\"\n", 1, "error t.csv:3:1: a record from line 3 on is longer than 0 KiB"},
	} {
		one, ahead := scannerRecords(c.text, ',', 200)
		for _, got := range [][]string{one, ahead} {
			if last := got[len(got)-1]; !strings.HasPrefix(last, c.want) || len(got) != c.records+1 {
				t.Errorf("%s: %q, want %d records and %q", c.name, got, c.records, c.want)
			}
		}
	}
}

// FuzzCSVScanner: a csvScanner reads any text as encoding/csv's Reader does.
func FuzzCSVScanner(f *testing.F) {
	for _, c := range csvScannerCases {
		f.Add(c, false)
	}
	f.Fuzz(func(t *testing.T, text string, semicolon bool) {
		comma := byte(',')
		if semicolon {
			comma = ';'
		}
		csvScannerReadsAsTheReader(t, text, comma)
	})
}

// failingReader gives its text, then fails once, then ends: a reader that says its error
// once only.
type failingReader struct {
	text   string
	failed bool
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.text == "" {
		if f.failed {
			return 0, io.EOF
		}
		f.failed = true
		return 0, errors.New("the disk is gone")
	}
	n := copy(p, f.text)
	f.text = f.text[n:]
	return n, nil
}

// TestCSVScannerFailsWithItsReader: an error reading the file fails it, also where it comes
// while a quoted cell goes on over lines (encoding/csv returns it with that record).
func TestCSVScannerFailsWithItsReader(t *testing.T) {
	for _, text := range []string{"a,b\n1,2", "a,b\n\"1\n2\",3", "a,b\n\"1\n2\",3\n", "a,b\n\"1\n2\""} {
		s := newCSVScanner("t.csv", bufio.NewReaderSize(&failingReader{text: text}, 16), ',', 1<<20, 0)
		got := recordsOf(s)
		if last := got[len(got)-1]; !strings.Contains(last, "the disk is gone") {
			t.Errorf("%q: %q, want the read error last", text, got)
		}
		r := csv.NewReader(&failingReader{text: text})
		r.FieldsPerRecord = -1
		want := recordsOf(&csvRecords{path: "t.csv", r: r})
		if len(got) != len(want) {
			t.Errorf("%q: %q, encoding/csv %q", text, got, want)
		}
	}
}
