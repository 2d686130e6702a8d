package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMDuringIngestExitsInterrupted sends a real SIGTERM to a real ingest while it
// parses a large file, the last of its files or one before another, and checks that it
// exits 130 (never 1, which cron reads as "partial, the rest loaded"), that the file in
// flight was rolled back whole, that the file loaded before it is intact, and that the
// next run loads the rest. The signal is placed by how far the process has read, as in
// TestKillDuringIngestLeavesAllOrNothing, not by the clock.
func TestSIGTERMDuringIngestExitsInterrupted(t *testing.T) {
	if _, ok := bytesRead(os.Getpid()); !ok {
		t.Fatal("/proc/PID/io is not readable here: the signal cannot be placed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "term.duckdb")
	small := writeVisitLog(t, dir, "small.csv", time.Date(2021, 5, 1, 8, 0, 0, 0, time.UTC), 3_000)
	const n = 300_000
	big := writeVisitLog(t, dir, "big.csv", time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), n)
	after := writeVisitLog(t, dir, "later.csv", time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC), 3_000)
	info, err := os.Stat(big)
	if err != nil {
		t.Fatal(err)
	}
	size := info.Size()
	if out, err := cli("ingest", "--db", db, small).CombinedOutput(); err != nil {
		t.Fatalf("ingest small: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		name  string
		files []string
	}{
		{"the last file", []string{big}},
		{"a file before another", []string{big, after}},
	} {
		cmd := cli(append([]string{"ingest", "--db", db}, tc.files...)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Halfway through the parse.
		target := readBeforeParsing(size) + size/2
		for {
			read, alive := bytesRead(cmd.Process.Pid)
			if !alive || read >= target {
				break
			}
			runtime.Gosched()
		}
		cmd.Process.Signal(syscall.SIGTERM)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != exitInterrupted {
			t.Fatalf("%s: SIGTERM halfway through the big file: %v, want exit %d\n%s", tc.name, err, exitInterrupted, stderr.String())
		}
		if !strings.Contains(stderr.String(), "bereik: interrupted") {
			t.Errorf("%s: stderr does not say it was interrupted:\n%s", tc.name, stderr.String())
		}
		if views, logged := loadedRows(t, db, big); views != 0 || logged != 0 {
			t.Fatalf("%s: the interrupted file left %d of %d rows and %d ingest_log entries, want none", tc.name, views, n, logged)
		}
		if views, logged := loadedRows(t, db, after); views != 0 || logged != 0 {
			t.Fatalf("%s: the file after the interrupted one was loaded (%d rows, %d log entries)", tc.name, views, logged)
		}
		if views, logged := loadedRows(t, db, small); views != 3_000 || logged != 1 {
			t.Fatalf("%s: the file loaded before lost rows: %d of 3000, %d log entries", tc.name, views, logged)
		}
		t.Logf("%s: exit %d after SIGTERM at %d of %d bytes read; the file rolled back, the earlier file's 3000 rows intact", tc.name, exit.ExitCode(), target, readBeforeParsing(size)+size)
	}
	if out, err := cli("ingest", "--db", db, big, after).CombinedOutput(); err != nil {
		t.Fatalf("the run after the signals: %v\n%s", err, out)
	}
	for path, want := range map[string]int64{small: 3_000, big: n, after: 3_000} {
		if views, logged := loadedRows(t, db, path); views != want || logged != 1 {
			t.Errorf("after the run that followed: %s holds %d of %d rows, %d log entries", filepath.Base(path), views, want, logged)
		}
	}
}
