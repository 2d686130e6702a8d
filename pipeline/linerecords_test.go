package pipeline

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"
	"unsafe"
)

// readLinesOneByOne reads lines as lineRecords did before it read blocks: each line by
// itself through a reader buffering maxLine bytes. It is what lineRecords must give, but
// for one case: a last line without line end of maxLine bytes or more, which it took
// where the reader gave its end with the file's end and rejected otherwise, is too long.
func readLinesOneByOne(path string, r io.Reader) []string {
	br := bufio.NewReaderSize(r, maxLine)
	var out []string
	lineNo := 0
	for {
		b, err := br.ReadSlice('\n')
		tooLong := errors.Is(err, bufio.ErrBufferFull)
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = br.ReadSlice('\n')
		}
		if errors.Is(err, io.EOF) && (len(b) > 0 || tooLong) {
			err = nil
		}
		if errors.Is(err, io.EOF) {
			return append(out, "EOF")
		}
		if err != nil {
			return append(out, fmt.Sprintf("error %d: cannot read the file on (%v)", lineNo+1, err))
		}
		lineNo++
		if tooLong || len(strings.TrimSuffix(string(b), "\n")) >= maxLine {
			out = append(out, fmt.Sprintf("reject %d", lineNo))
			continue
		}
		line := strings.TrimRight(string(b), "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		out = append(out, fmt.Sprintf("%d %q", lineNo, line))
	}
}

// readLineRecords reads every record of lineRecords, in the form of readLinesOneByOne, and
// checks that a line it says is valid UTF-8 is.
func readLineRecords(t *testing.T, path string, r io.Reader) []string {
	t.Helper()
	l := &lineRecords{path: path, r: r}
	var out []string
	for {
		rec, line, err := l.next()
		var rr *recordReject
		var le *lineError
		switch {
		case errors.Is(err, io.EOF):
			return append(out, "EOF")
		case errors.As(err, &rr):
			out = append(out, fmt.Sprintf("reject %d", line))
			if !strings.Contains(rr.Error(), "the line is longer than") {
				t.Errorf("reject of line %d: %v", line, rr)
			}
		case errors.As(err, &le):
			reason, _, _ := strings.Cut(le.Reason, ");")
			return append(out, fmt.Sprintf("error %d: %s)", le.Line, reason))
		case err != nil:
			t.Fatalf("line %d: %v", line, err)
		default:
			if l.validUTF8() && !utf8.ValidString(rec[0]) {
				t.Errorf("line %d is said to be valid UTF-8 but is not: %q", line, rec[0])
			}
			out = append(out, fmt.Sprintf("%d %q", line, rec[0]))
		}
	}
}

// TestLineRecordsReadAsOneByOne checks that lines read in blocks are the lines, numbers,
// rejects and errors of reading them one by one: over written cases and random texts,
// through readers that give one byte at a time, half of what is asked, and fail.
func TestLineRecordsReadAsOneByOne(t *testing.T) {
	defer func(m, b int) { maxLine, lineBlock = m, b }(maxLine, lineBlock)
	maxLine, lineBlock = 32, 128
	long := strings.Repeat("x", 40)
	cases := []string{
		"",
		"a",
		"a\n",
		"a\r\nb\r\n\r\n  \n\tc",
		"\n\n\na\n\n",
		strings.Repeat("y", 31) + "\n" + strings.Repeat("y", 32) + "\n" + strings.Repeat("y", 30) + "\r\n" + strings.Repeat("y", 31) + "\r\n",
		long + "\nb\n" + long,
		strings.Repeat("z", 127) + "\nb\n",
		strings.Repeat("z", 128) + "\nb\n",
		strings.Repeat("z", 129) + "\nb\n",
		strings.Repeat("z", 1000) + "\nb\n" + strings.Repeat("z", 300),
		strings.Repeat("0123456789\n", 50),
		"caf\xc3\xa9\nbad \xff here\nok\n",
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "bc", " ", "\t", "\r", "\n", "\r\n", "é", "\xff", "\xc3", strings.Repeat("w", 20), strings.Repeat("v", 45)}
	for range 3000 {
		var b strings.Builder
		for range rnd.IntN(80) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	readers := map[string]func(string) io.Reader{
		"whole":    func(s string) io.Reader { return strings.NewReader(s) },
		"one byte": func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		"half":     func(s string) io.Reader { return iotest.HalfReader(strings.NewReader(s)) },
		"with EOF": func(s string) io.Reader { return iotest.DataErrReader(strings.NewReader(s)) },
		"failing": func(s string) io.Reader {
			return io.MultiReader(strings.NewReader(s[:len(s)/2]), iotest.ErrReader(errors.New("disk gone")))
		},
		// A reader that stops giving anything without saying why.
		"stuck": func(s string) io.Reader { return io.MultiReader(strings.NewReader(s[:len(s)/2]), stuckReader{}) },
	}
	n := 0
	for i, text := range cases {
		for name, reader := range readers {
			want := readLinesOneByOne("t.log", reader(text))
			got := readLineRecords(t, "t.log", reader(text))
			if !slicesEqual(want, got) {
				t.Errorf("case %d (%q), read %s:\nwant %q\ngot  %q", i, text, name, want, got)
				if n++; n > 5 {
					t.FailNow()
				}
			}
		}
	}
}

// stuckReader gives nothing, and no error, forever.
type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestOpenVisitsHoldTheirOwnText: a page view held in an open visit keeps copies of its
// text, not parts of the block of lines it was read from, which would keep the whole
// block (and every line in it) in memory for as long as the visit stays open.
func TestOpenVisitsHoldTheirOwnText(t *testing.T) {
	keys, err := loadKeyer(filepath.Join(t.TempDir(), "k.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	run, err := openRun(strings.NewReader(getLine("198.51.100.7", "15/Jun/2021:09:00:00", "/a", uaChrome)), "kennisplein.access.log", testConfig(t), keys, fileHints{})
	if err != nil {
		t.Fatal(err)
	}
	a := run.parser.(*accessLog)
	block := strings.Repeat("x", 4096) + "/begeleiding-a-la-carte/artikel https://www.google.nl/ nieuwsbrief email juni 198.51.100.0/24"
	part := func(s string) string { i := strings.Index(block, s); return block[i : i+len(s)] }
	inBlock := func(s string) bool {
		start := uintptr(unsafe.Pointer(unsafe.StringData(block)))
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return len(s) > 0 && p >= start && p < start+uintptr(len(block))
	}
	view := func(at time.Time) pageView {
		return pageView{at: at, path: part("/begeleiding-a-la-carte/artikel"), referrer: part("https://www.google.nl/"),
			utmSource: part("nieuwsbrief"), utmMedium: part("email"), utmCampaign: part("juni"), net: part("198.51.100.0/24")}
	}
	key := visitKey{site: "kennisplein", visitor: 7}
	start := time.Date(2021, 6, 15, 9, 0, 0, 0, time.UTC)
	for i, at := range []time.Time{start, start.Add(time.Minute), start.Add(30 * time.Second)} {
		a.see(key, view(at)) // opens the visit, then replaces its held view, then one out of order
		v := a.visits[key]
		if v == nil {
			t.Fatalf("view %d: no open visit", i)
		}
		for _, s := range []string{v.view.path, v.view.referrer, v.view.utmSource, v.view.utmMedium, v.view.utmCampaign, v.view.net} {
			if inBlock(s) {
				t.Errorf("view %d: the open visit holds %q as part of the block it was read from", i, s)
			}
		}
	}
}

// TestHashClientIsTheJoinedHash: an access log's visitor key, hashed from the address and
// user agent as they are, is the key of their joined text that ingest always stored, so
// that a log loaded again gives the same visitors.
func TestHashClientIsTheJoinedHash(t *testing.T) {
	keys, err := loadKeyer(filepath.Join(t.TempDir(), "k.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	addrs := []netip.Addr{{}, netip.MustParseAddr("198.51.100.7"), netip.MustParseAddr("::ffff:198.51.100.7").Unmap(),
		netip.MustParseAddr("2001:db8::1"), netip.MustParseAddr("2001:db8:0:0:1:0:0:1"), netip.MustParseAddr("::")}
	for range 500 {
		var b [16]byte
		for i := range b {
			b[i] = byte(rnd.IntN(256))
		}
		addrs = append(addrs, netip.AddrFrom16(b).Unmap(), netip.AddrFrom4([4]byte(b[:4])))
	}
	for i, addr := range addrs {
		for _, host := range []string{"", "proxy.example.nl"} {
			agent := []string{uaChrome, "", "-", "caf\u00e9 \x00"}[i%4]
			client := host
			if client == "" {
				client = addr.String()
			}
			want := keys.hash("visitor", "access_log", client+"\x00"+agent)
			if got := keys.hashClient("visitor", "access_log", addr, host, agent); got != want {
				t.Fatalf("%v %q %q: %x, want %x", addr, host, agent, got, want)
			}
		}
	}
}

// splitLogByByte is splitLog as it was, reading a quoted field byte by byte.
func splitLogByByte(s string) (out []logField, open int) {
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return out, 0
		}
		switch s[i] {
		case '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return out, len(out) + 1
			}
			out = append(out, logField{text: s[i+1 : j], quoted: true})
			i = j + 1
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return out, len(out) + 1
			}
			out = append(out, logField{text: s[i+1 : i+j], bracketed: true})
			i += j + 1
		default:
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' {
				j++
			}
			out = append(out, logField{text: s[i:j]})
			i = j
		}
	}
}

// TestSplitLogAsByteByByte: the quoted fields found by a search for the closing quote
// are those of reading byte by byte, escapes and unclosed quotes included.
func TestSplitLogAsByteByByte(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	pieces := []string{`"`, `\`, `\"`, `\\`, " ", "\t", "[", "]", "GET /a HTTP/1.1", "Mozilla/5.0", "x", "-"}
	lines := []string{getLine("198.51.100.7", "15/Jun/2021:09:00:00", "/a", uaChrome), `a "b \" c" d`, `"\\" "x`, `"`, `"\`, `"a\\\"b"`}
	for range 20000 {
		var b strings.Builder
		for range rnd.IntN(12) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	for _, line := range lines {
		wantFields, wantOpen := splitLogByByte(line)
		gotFields, gotOpen := splitLog(line, nil)
		if gotOpen != wantOpen || fmt.Sprint(gotFields) != fmt.Sprint(wantFields) {
			t.Fatalf("%q: %v %d, want %v %d", line, gotFields, gotOpen, wantFields, wantOpen)
		}
	}
}
