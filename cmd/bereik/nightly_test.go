package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"bereik/pipeline"
)

// The tests in this file run bereik as a real second process, because DuckDB's file lock
// and a kill -9 only mean something across processes. The test binary is that process:
// with asCLI set in its environment, TestMain runs the command instead of the tests.
const asCLI = "BEREIK_TEST_AS_CLI"

// cli returns the command that runs bereik args in a new process.
func cli(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asCLI+"=1")
	return cmd
}

// writeVisitLog writes a visit log of n page views on days from first, one visit of
// three page views every few seconds, and returns its path.
func writeVisitLog(tb testing.TB, dir, name string, first time.Time, n int) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "timestamp,visit_id,visitor_id,url,page_title,referrer,utm_source,utm_medium,utm_campaign,time_on_page")
	pages := []string{"/begeleiding-a-la-carte/hoe-een-andere-omgeving", "/begeleiding-a-la-carte/wat-is-er", "/", "/nieuws/kort"}
	for i := range n {
		visit := i / 3
		ts := first.Add(time.Duration(visit)*7*time.Second + time.Duration(i%3)*40*time.Second)
		fmt.Fprintf(w, "%s,%d,v%08x,https://www.kennispleingehandicaptensector.nl%s,Pagina %d,https://www.google.nl/,,,,%d\n",
			ts.Format("2006-01-02 15:04:05"), 9_000_000+visit, visit%50_000, pages[i%len(pages)], i%97, 30+i%200)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// loadedRows returns how many page views of the file at path the database holds, and
// how many ingest_log rows name it.
func loadedRows(tb testing.TB, db, path string) (views, logged int64) {
	tb.Helper()
	conn, err := pipeline.Open(context.Background(), db, pipeline.OpenOptions{ReadOnly: true, Wait: 10 * time.Minute})
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	q := func(query string) int64 {
		var n int64
		if err := conn.QueryRow(query, path).Scan(&n); err != nil {
			tb.Fatal(err)
		}
		return n
	}
	return q(`SELECT count(*) FROM page_views WHERE file_id IN (SELECT file_id FROM ingest_log WHERE path = ?)`),
		q(`SELECT count(*) FROM ingest_log WHERE path = ?`)
}

// readBeforeParsing is how much ingest reads of a file of size bytes, of a size not
// loaded before, before it parses it: the whole file, to hash it, unless the file is
// large enough to be hashed as it is parsed.
func readBeforeParsing(size int64) int64 {
	if size >= pipeline.HashWhileParsingFrom {
		return 0
	}
	return size
}

// bytesRead returns how many bytes the process pid has read through read calls so far
// (rchar of /proc/PID/io), and false once it has exited.
func bytesRead(pid int) (int64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/io", pid))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "rchar: "); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// TestKillDuringIngestLeavesAllOrNothing kills a real bereik ingest with SIGKILL at random
// points while it loads a large file, and checks after each kill that the database holds
// either all of that file or none of it, that the file loaded before is intact, and that
// the next run loads the file.
//
// The kill points are placed by how far the process has read, not by the clock, so that
// a busy machine moves them no further than a quiet one: a kill at parse fraction f comes
// when the process has read f times the file's size after what it reads before parsing
// (readBeforeParsing). Those kills fall before the commit, whatever the load on the
// machine. The last kills come at random moments after the file is read
// (the insert, the commit, the checkpoint, the exit): there all or nothing are both right.
func TestKillDuringIngestLeavesAllOrNothing(t *testing.T) {
	if _, ok := bytesRead(os.Getpid()); !ok {
		t.Fatal("/proc/PID/io is not readable here: the kill points cannot be placed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "kill.duckdb")
	small := writeVisitLog(t, dir, "small.csv", time.Date(2021, 5, 1, 8, 0, 0, 0, time.UTC), 3_000)
	const n = 600_000
	big := writeVisitLog(t, dir, "big.csv", time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), n)
	info, err := os.Stat(big)
	if err != nil {
		t.Fatal(err)
	}
	size := info.Size()
	if out, err := cli("ingest", "--db", db, small).CombinedOutput(); err != nil {
		t.Fatalf("ingest small: %v\n%s", err, out)
	}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	t.Logf("kill points from seed %d", seed)

	type point struct {
		parsed float64       // kill once this fraction of the file is parsed
		after  time.Duration // or, where parsed is 0, this long after the file is read
	}
	var points []point
	for i := range 4 {
		points = append(points, point{parsed: (float64(i) + 0.1 + 0.8*rng.Float64()) / 4})
	}
	for range 2 {
		points = append(points, point{after: time.Duration(rng.Int64N(int64(300 * time.Millisecond)))})
	}
	var sawNone, sawAll int
	for i, at := range points {
		cmd := cli("ingest", "--db", db, big)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		target := readBeforeParsing(size) + int64(at.parsed*float64(size))
		if at.parsed == 0 {
			target = readBeforeParsing(size) + size
		}
		for {
			read, alive := bytesRead(cmd.Process.Pid)
			if !alive || read >= target {
				break
			}
			runtime.Gosched()
		}
		time.Sleep(at.after)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		killed := err != nil && strings.Contains(err.Error(), "killed")
		views, logged := loadedRows(t, db, big)
		where := fmt.Sprintf("%.0f%% parsed", 100*at.parsed)
		if at.parsed == 0 {
			where = fmt.Sprintf("%s after the file was read", at.after.Round(time.Millisecond))
		}
		t.Logf("kill %d at %s (killed before the end: %v): %d rows, %d log entries", i+1, where, killed, views, logged)
		switch {
		case views == 0 && logged == 0:
			sawNone++
			if at.parsed > 0 && !killed {
				t.Fatalf("the ingest exited before its kill point (%.0f%% parsed) with nothing loaded: %v", 100*at.parsed, err)
			}
		case views == n && logged == 1:
			if at.parsed > 0 {
				t.Fatalf("a kill at %.0f%% parsed found the whole file committed", 100*at.parsed)
			}
			sawAll++
		default:
			t.Fatalf("after kill %d the database holds %d of %d rows of the file and %d ingest_log entries: neither all nor nothing", i+1, views, n, logged)
		}
		if v, l := loadedRows(t, db, small); v != 3_000 || l != 1 {
			t.Fatalf("the file loaded before lost rows after a kill: %d rows, %d log entries", v, l)
		}
		if sawAll > 0 {
			break // loaded whole; further kills would only find it unchanged
		}
	}
	if sawNone < 4 {
		t.Errorf("only %d kills fell inside the load, want at least the 4 placed there", sawNone)
	}
	out, err := cli("ingest", "--db", db, big).CombinedOutput()
	if err != nil {
		t.Fatalf("the run after the kills: %v\n%s", err, out)
	}
	if views, logged := loadedRows(t, db, big); views != n || logged != 1 {
		t.Fatalf("the run after the kills loaded %d of %d rows, %d log entries", views, n, logged)
	}
	// The parts the killed runs committed were invisible, and the next run removed them.
	conn, err := pipeline.Open(context.Background(), db, pipeline.OpenOptions{ReadOnly: true, Wait: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var stored int64
	if err := conn.QueryRow(`SELECT count(*) FROM page_view_rows`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != n+3_000 {
		t.Errorf("page_view_rows holds %d rows after the kills and a full run, want %d: parts of killed runs left behind", stored, n+3_000)
	}
}

// holdDB is the environment variable that makes the test binary a process that holds a
// database for writing until its stdin closes (see TestMain).
const holdDB = "BEREIK_TEST_HOLD_DB"

// holdDatabase opens the database at path for writing, says "held" on stdout, and keeps
// it until stdin closes. It is the other process of the lock tests: it holds the lock
// for exactly as long as the test wants, however slow the machine.
func holdDatabase(path string) int {
	db, err := pipeline.Open(context.Background(), path, pipeline.OpenOptions{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if err := db.Ping(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	fmt.Println("held")
	io.Copy(io.Discard, os.Stdin)
	if err := db.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// TestSecondIngestWaitsThenGivesUp holds the database in another process: an ingest with
// a short --wait exits 2 saying another process holds the database; an ingest and a
// status with a long one wait, and load and read once the holder lets go.
func TestSecondIngestWaitsThenGivesUp(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lock.duckdb")
	small := writeVisitLog(t, dir, "small.csv", time.Date(2021, 5, 1, 8, 0, 0, 0, time.UTC), 300)
	holder := exec.Command(os.Args[0])
	holder.Env = append(os.Environ(), holdDB+"="+db)
	release, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	held, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var holderErr strings.Builder
	holder.Stderr = &holderErr
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(held).ReadString('\n'); err != nil || line != "held\n" {
		t.Fatalf("the holder did not take the database: %q %v\n%s", line, err, holderErr.String())
	}

	var stdout, stderr strings.Builder
	code := run([]string{"ingest", "--db", db, "--wait", "200ms", small}, nil, &stdout, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "another bereik process holds the database") || !strings.Contains(stderr.String(), "waited 200ms") {
		t.Fatalf("second ingest with --wait 200ms: exit %d, stderr:\n%s", code, stderr.String())
	}

	// A reader (another process) waits as well, beside a waiting writer; both get their
	// turn once the holder lets go.
	statusDone := make(chan string, 1)
	go func() {
		if out, err := cli("status", "--db", db, "--wait", "10m").CombinedOutput(); err != nil {
			statusDone <- fmt.Sprintf("status: %v: %s", err, out)
			return
		}
		statusDone <- ""
	}()
	ingestDone := make(chan int, 1)
	stderr.Reset()
	go func() {
		ingestDone <- run([]string{"ingest", "--db", db, "--wait", "10m", small}, nil, &stdout, &stderr)
	}()
	// Let both start waiting before the holder lets go; how long they wait does not matter.
	time.Sleep(300 * time.Millisecond)
	release.Close()
	if err := holder.Wait(); err != nil {
		t.Fatalf("holder: %v\n%s", err, holderErr.String())
	}
	if code := <-ingestDone; code != exitOK {
		t.Fatalf("second ingest with --wait 10m: exit %d, stderr:\n%s", code, stderr.String())
	}
	if msg := <-statusDone; msg != "" {
		t.Fatal(msg)
	}
	if v, _ := loadedRows(t, db, small); v != 300 {
		t.Fatalf("the waiting ingest loaded %d of 300 rows", v)
	}
}

// TestProgressBarOnlyOnATerminal draws the bar when stderr is a terminal and keeps the log
// lines apart from it; on a pipe the log is all there is.
func TestProgressBarOnlyOnATerminal(t *testing.T) {
	dir := t.TempDir()
	log := writeVisitLog(t, dir, "visits.csv", time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), 2_000)
	for _, terminal := range []bool{true, false} {
		var stderr strings.Builder
		e := &env{stdout: &strings.Builder{}, stderr: &stderr, getenv: func(string) string { return "" },
			isTerminal: func(io.Writer) bool { return terminal }}
		db := filepath.Join(dir, fmt.Sprintf("progress-%v.duckdb", terminal))
		if err := runIngest(context.Background(), e, []string{"--db", db, log}); err != nil {
			t.Fatalf("%v: %s", err, stderr.String())
		}
		out := stderr.String()
		drew := strings.Contains(out, "100%") && strings.Contains(out, "\r\x1b[K[")
		if drew != terminal {
			t.Errorf("terminal %v: bar drawn %v:\n%q", terminal, drew, out)
		}
		// Every log line is what is left on its terminal line once the bar is cleared.
		for _, line := range strings.Split(out, "\n") {
			shown := line[strings.LastIndex(line, "\r\x1b[K")+1:]
			shown = strings.TrimPrefix(shown, "\x1b[K")
			if strings.Contains(line, "level=") && !strings.HasPrefix(shown, "time=") {
				t.Errorf("a log line shares its line with the bar: %q", line)
			}
		}
	}
}

// TestStatusWarnsOfStaleSources: a source whose newest day is older than stale_after is
// named on stderr by status and by ingest; a fresh one is not.
func TestStatusWarnsOfStaleSources(t *testing.T) {
	dir := t.TempDir()
	today := time.Now().UTC().Truncate(24 * time.Hour)
	for _, tc := range []struct {
		age   time.Duration
		stale bool
	}{{0, false}, {5 * 24 * time.Hour, true}} {
		db := filepath.Join(dir, fmt.Sprintf("stale-%v.duckdb", tc.stale))
		log := writeVisitLog(t, dir, fmt.Sprintf("visits-%v.csv", tc.stale), today.Add(-tc.age), 300)
		var stdout, stderr strings.Builder
		run([]string{"ingest", "--db", db, log}, nil, &stdout, &stderr)
		if got := strings.Contains(stderr.String(), "visit_log is stale"); got != tc.stale {
			t.Errorf("data %s old: ingest warned of staleness %v:\n%s", tc.age, got, stderr.String())
		}
		stderr.Reset()
		if code := run([]string{"status", "--db", db}, nil, &stdout, &stderr); code != exitOK {
			t.Fatalf("status: exit %d: %s", code, stderr.String())
		}
		if got := strings.Contains(stderr.String(), "warning: visit_log is stale"); got != tc.stale {
			t.Errorf("data %s old: status warned of staleness %v:\n%s", tc.age, got, stderr.String())
		}
	}
}

// TestIngestFlagsSayWhatFilesCannot: --period dates a page report that holds no dates,
// --site names the site of an access log whose name does not, and --kind overrides the
// recognised kind (and a file that is not that kind is refused, saying so).
func TestIngestFlagsSayWhatFilesCannot(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "flags.duckdb")
	ingest := func(args ...string) (int, string) {
		var stdout, stderr strings.Builder
		code := run(append([]string{"ingest", "--db", db}, args...), nil, &stdout, &stderr)
		return code, stderr.String()
	}
	report := "../../testdata/ingest/page_report_no_period/paginas.csv"
	if code, out := ingest(report); code != exitPartial || !strings.Contains(out, "--period") {
		t.Errorf("a page report without dates and without --period: exit %d, want 1 and a hint at --period:\n%s", code, out)
	}
	if code, out := ingest("--period", "2021-06-01..2021-08-31", "--site", "kennisplein", report); code != exitOK {
		t.Errorf("with --period: exit %d:\n%s", code, out)
	}

	// An access log named after no site.
	raw, err := os.ReadFile("../../testdata/ingest/access_log_plain/kennisplein.access.log")
	if err != nil {
		t.Fatal(err)
	}
	anon := filepath.Join(dir, "access.log")
	if err := os.WriteFile(anon, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := ingest(anon); code != exitPartial || !strings.Contains(out, "--site") {
		t.Errorf("an access log of no known site: exit %d, want 1 and a hint at --site:\n%s", code, out)
	}
	if code, out := ingest("--site", "nosuchsite", anon); code != exitFailed || !strings.Contains(out, `site "nosuchsite" is not configured`) {
		t.Errorf("--site of an unknown site: exit %d:\n%s", code, out)
	}
	// The fixture holds two malformed lines on purpose: exit 1, the rest loaded.
	if code, out := ingest("--site", "kennisplein", anon); code != exitPartial || !strings.Contains(out, "kind=access_log rows=6 rejected=2") {
		t.Errorf("with --site: exit %d:\n%s", code, out)
	}

	ads := "../../testdata/ingest/meta_ads_en_ad/Twinkels-2021-Ads-Aug-9-2021-Aug-31-2021.csv"
	if code, out := ingest("--kind", "visit_log", ads); code != exitPartial || !strings.Contains(out, "not a visit log (visit_log), as --kind says") {
		t.Errorf("--kind visit_log on a Meta Ads export: exit %d:\n%s", code, out)
	}
	if code, out := ingest("--kind", "meta_ads", ads); code != exitOK {
		t.Errorf("--kind meta_ads on a Meta Ads export: exit %d:\n%s", code, out)
	}
	if code, out := ingest("--kind", "tiktok", ads); code != exitFailed || !strings.Contains(out, `unknown kind "tiktok"; the kinds are meta_ads,`) {
		t.Errorf("--kind tiktok: exit %d:\n%s", code, out)
	}
	if code, out := ingest("--period", "2021-08-31..2021-06-01", report); code != exitFailed || !strings.Contains(out, "ends before it starts") {
		t.Errorf("a backwards --period: exit %d:\n%s", code, out)
	}
}
