package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// parsedLog is everything a parse of an access log gives: the rows of its batches as
// text, its counts, rejects, date range and error.
type parsedLog struct {
	rows                           []string
	loaded, skipped, nReject, bots int64
	rejects                        []string
	first, last, err               string
}

// parseLog parses an access log with workers reading lines ahead side by side, or with
// none (workers 0: each line read by row itself).
func parseLog(t *testing.T, keys *keyer, name, data string, workers int) parsedLog {
	t.Helper()
	run, err := openRun(strings.NewReader(data), name, testConfig(t), keys, fileHints{})
	if err != nil {
		t.Fatal(err)
	}
	if ahead, ok := run.f.recs.(*accessLines); ok {
		ahead.workers = workers
		if workers == 0 {
			run.f.recs = ahead.in
		}
	} else if workers > 0 {
		run.f.recs = &accessLines{in: run.f.recs, a: run.parser.(*accessLog), workers: workers}
	}
	r := newBatchReader(run)
	var out parsedLog
	for r.Next() {
		rec := r.RecordBatch()
		for i := range int(rec.NumRows()) {
			var cells []string
			for _, col := range rec.Columns() {
				cells = append(cells, col.(interface{ ValueStr(int) string }).ValueStr(i))
			}
			out.rows = append(out.rows, strings.Join(cells, "|"))
		}
	}
	r.Release()
	if ahead, ok := run.f.recs.(*accessLines); ok && !aheadStopped(ahead) {
		t.Errorf("%d workers: the lines are still read ahead after the batch reader's release", workers)
	}
	out.loaded, out.skipped, out.nReject = run.loaded, run.skipped, run.nReject
	out.bots = countNamed(run.counts(), "bots")
	for _, e := range run.rejects {
		out.rejects = append(out.rejects, e.Error())
	}
	out.first, out.last = run.first.String(), run.last.String()
	if run.err != nil {
		out.err = run.err.Error()
	}
	return out
}

// sideBySideAccessLog is a log of n lines of every sort: page views of visitors that come
// back after a pause, assets, posts, redirects, bots, lines that do not read, lines too
// long to be log lines, a host not configured and lines too far out of order.
func sideBySideAccessLog(n int, tail string) string {
	var b strings.Builder
	start := time.Date(2021, 6, 15, 8, 0, 0, 0, time.UTC)
	for i := range n {
		at := start.Add(time.Duration(i) * 7 * time.Second)
		stamp := at.Format("02/Jan/2006:15:04:05")
		ip := fmt.Sprintf("198.51.100.%d", i%37)
		switch i % 53 {
		case 3:
			b.WriteString(getLine(ip, stamp, "/style.css", uaChrome))
		case 7:
			fmt.Fprintf(&b, "%s - - [%s +0200] \"POST /zoeken HTTP/1.1\" 200 512 \"-\" \"%s\"\n", ip, stamp, uaFirefox)
		case 11:
			b.WriteString(getLine(ip, stamp, "/artikel", "Googlebot/2.1 (+http://www.google.com/bot.html)"))
		case 13:
			b.WriteString("dit is geen regel van een toegangslog\n")
		case 17:
			b.WriteString(getLine(ip, stamp, "/"+strings.Repeat("x", maxLine), uaChrome))
		case 19:
			fmt.Fprintf(&b, "elders.example:443 %s", getLine(ip, stamp, "/", uaChrome))
		case 23:
			b.WriteString(getLine(ip, at.Add(-time.Hour).Format("02/Jan/2006:15:04:05"), "/te-laat", uaChrome))
		case 29:
			fmt.Fprintf(&b, "%s - - [%s +0200] \"GET /oud HTTP/1.1\" 301 0 \"-\" \"%s\"\n", ip, stamp, uaChrome)
		case 31:
			b.WriteString("\n")
		default:
			fmt.Fprintf(&b, "%s - - [%s +0200] \"GET /artikel-%d?utm_source=nieuwsbrief&utm_medium=email HTTP/1.1\" 200 2048 \"https://www.google.nl/zoek?q=%d\" \"%s\"\n",
				ip, stamp, i%41, i, uaChrome)
		}
	}
	b.WriteString(tail)
	return b.String()
}

// TestAccessLinesParseAsOneAtATime checks that an access log read ahead side by side
// gives exactly what reading each line in row gives: rows in order (visits, time on page),
// counts, bots, the rejects and their order, the date range and the error; over many
// small chunks, and with a file that fails half-way.
func TestAccessLinesParseAsOneAtATime(t *testing.T) {
	defer func(n int) { lineChunkSize = n }(lineChunkSize)
	lineChunkSize = 7
	keys, err := loadKeyer(filepath.Join(t.TempDir(), "k.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"every sort of line": sideBySideAccessLog(4000, ""),
		// A line without virtual host in a log whose name names no site fails the file; in
		// a log of vhost lines, after the first chunks.
		"fails half-way": strings.ReplaceAll(sideBySideAccessLog(600, ""), "198.51.100.", "kennispleingehandicaptensector.nl 198.51.100.") +
			getLine("198.51.100.1", "15/Jun/2021:10:00:00", "/", uaChrome),
	}
	vhosts := strings.ReplaceAll(sideBySideAccessLog(4000, ""), "198.51.100.", "kennispleingehandicaptensector.nl 198.51.100.")
	lines := strings.SplitAfter(vhosts, "\n")
	cases["fails early"] = strings.Join(lines[:50], "") + getLine("198.51.100.1", "15/Jun/2021:08:05:00", "/", uaChrome) + strings.Join(lines[50:], "")
	files := map[string]string{"every sort of line": "kennisplein.access.log", "fails half-way": "server.access.log", "fails early": "server.access.log"}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			alone := parseLog(t, keys, files[name], data, 0)
			if name == "every sort of line" && (alone.loaded == 0 || alone.nReject == 0 || alone.skipped == 0 || alone.bots == 0 || alone.err != "") {
				t.Fatalf("the log should load, reject, skip and count bots: %+v", alone)
			}
			if name != "every sort of line" && !strings.Contains(alone.err, "names no virtual host") {
				t.Fatalf("the log should fail at its line without virtual host, not %q", alone.err)
			}
			for _, workers := range []int{1, 2, 3} {
				ahead := parseLog(t, keys, files[name], data, workers)
				if alone.err != "" {
					// A file that fails is not loaded: the rows given out before do not count.
					ahead.rows, alone.rows = nil, nil
				}
				for _, d := range []struct {
					what      string
					got, want any
				}{
					{"loaded", ahead.loaded, alone.loaded}, {"skipped", ahead.skipped, alone.skipped},
					{"rejected", ahead.nReject, alone.nReject}, {"bots", ahead.bots, alone.bots},
					{"first", ahead.first, alone.first}, {"last", ahead.last, alone.last}, {"error", ahead.err, alone.err},
					{"rows", len(ahead.rows), len(alone.rows)}, {"rejects kept", len(ahead.rejects), len(alone.rejects)},
				} {
					if d.got != d.want {
						t.Errorf("%d workers: %s %v, line by line %v", workers, d.what, d.got, d.want)
					}
				}
				for i := range min(len(ahead.rows), len(alone.rows)) {
					if ahead.rows[i] != alone.rows[i] {
						t.Fatalf("%d workers: row %d is\n%s\nline by line\n%s", workers, i, ahead.rows[i], alone.rows[i])
					}
				}
				for i := range min(len(ahead.rejects), len(alone.rejects)) {
					if ahead.rejects[i] != alone.rejects[i] {
						t.Fatalf("%d workers: reject %d is %s, line by line %s", workers, i, ahead.rejects[i], alone.rejects[i])
					}
				}
			}
		})
	}
}

// aheadStopped reports whether lines read ahead are no longer read: the reading goroutine
// has ended (it closes ordered when it returns).
func aheadStopped(l *accessLines) bool {
	if !l.started {
		return true
	}
	select {
	case _, open := <-l.ordered:
		return !open
	default:
		return false
	}
}

// TestAccessLinesStopWithTheBatchReader releases the batch reader after the first batch of
// a log longer than one, and checks that the lines are no longer read ahead.
func TestAccessLinesStopWithTheBatchReader(t *testing.T) {
	keys, err := loadKeyer(filepath.Join(t.TempDir(), "k.duckdb"), false)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	start := time.Date(2021, 6, 15, 8, 0, 0, 0, time.UTC)
	for i := range batchRows + batchRows/2 {
		b.WriteString(getLine(fmt.Sprintf("198.51.%d.%d", i/250%250, i%250), start.Add(time.Duration(i)*time.Second).Format("02/Jan/2006:15:04:05"), "/a", uaChrome))
	}
	run, err := openRun(strings.NewReader(b.String()), "kennisplein.access.log", testConfig(t), keys, fileHints{})
	if err != nil {
		t.Fatal(err)
	}
	ahead, ok := run.f.recs.(*accessLines)
	if !ok {
		ahead = &accessLines{in: run.f.recs, a: run.parser.(*accessLog), workers: 2}
		run.f.recs = ahead
	}
	r := newBatchReader(run)
	if !r.Next() {
		t.Fatalf("no first batch: %v", run.err)
	}
	r.Release()
	if !aheadStopped(ahead) {
		t.Error("the lines are still read ahead after the batch reader's release")
	}
}
