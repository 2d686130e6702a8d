package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fileSizeLimit is the environment variable that makes the test binary, run as the CLI,
// a process whose files cannot grow past that many bytes: a full disk, for real.
const fileSizeLimit = "BEREIK_TEST_FILE_SIZE_LIMIT"

// fileSum is the SHA-256 of a file, or "" if it cannot be read.
func fileSum(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return string(sum[:])
}

// smallDB ingests a visit log into a new database and returns its path.
func smallDB(tb testing.TB, dir string) string {
	tb.Helper()
	db := filepath.Join(dir, "bereik.duckdb")
	bereik(tb, "ingest", "--db", db, writeVisitLog(tb, dir, "visits.csv", time.Date(2021, 6, 1, 8, 0, 0, 0, time.UTC), 900))
	return db
}

// TestReportNeverWritesOverTheDatabase: -o naming the database, its WAL or its key, by
// name, through a link, a hard link or a linked folder, is refused with exit 2 before
// anything is written; the database and its key are as they were. Before, the report
// was written over them with exit 0.
func TestReportNeverWritesOverTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := smallDB(t, dir)
	key := db + ".key"
	if err := os.Link(db, filepath.Join(dir, "copy.html")); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{"key.html": key, "db.html": db, "here": dir, "wal.html": db + ".wal"} {
		if err := os.Symlink(to, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	dbSum, keySum := fileSum(t, db), fileSum(t, key)
	for _, out := range []string{db, key, db + ".wal", filepath.Join(dir, "copy.html"), filepath.Join(dir, "key.html"),
		filepath.Join(dir, "db.html"), filepath.Join(dir, "here", "bereik.duckdb.key"), filepath.Join(dir, "here", "bereik.duckdb.wal"), filepath.Join(dir, "wal.html")} {
		var stderr bytes.Buffer
		code := run([]string{"report", "--db", db, "--programme", "-o", out}, nil, &bytes.Buffer{}, &stderr)
		if code != exitFailed || !strings.Contains(stderr.String(), "writing there would destroy it; nothing was written") {
			t.Errorf("-o %s: exit %d, stderr %q; want exit 2, refused", out, code, stderr.String())
		}
	}
	if fileSum(t, db) != dbSum || fileSum(t, key) != keySum {
		t.Fatal("the database or its key changed")
	}
	if _, err := os.Stat(db + ".wal"); err == nil {
		t.Error("a file was written where the database's WAL goes")
	}
	if got := bereik(t, "query", "--db", db, "--sql", "SELECT count(*) FROM page_views", "--format", "csv"); got != "count_star()\n900\n" {
		t.Errorf("the database after the refusals: %q, want its 900 page views", got)
	}
	// Through a link to a report, the report it points to is replaced and the link kept.
	real := filepath.Join(dir, "report-2021.html")
	if err := os.Symlink(real, filepath.Join(dir, "latest.html")); err != nil {
		t.Fatal(err)
	}
	bereik(t, "report", "--db", db, "--programme", "-o", filepath.Join(dir, "latest.html"))
	if info, err := os.Lstat(filepath.Join(dir, "latest.html")); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link to the report was replaced: %v", err)
	}
	if info, err := os.Stat(real); err != nil || info.Size() < 100_000 {
		t.Errorf("the report behind the link: %v", err)
	}
}

// TestReportOnAFullDiskKeepsTheLastGoodOne writes a report, then writes it again in a
// process whose files cannot grow past 300 kB, a full disk for real: the run fails (exit
// 2), and the report from before is there whole, byte for byte, with no temporary file
// left beside it. Before, the report was cut off at the limit under its own name.
func TestReportOnAFullDiskKeepsTheLastGoodOne(t *testing.T) {
	dir := t.TempDir()
	db := smallDB(t, dir)
	out := filepath.Join(dir, "report.html")
	bereik(t, "report", "--db", db, "--programme", "-o", out)
	good, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	const limit = 300_000
	if len(good) < 2*limit {
		t.Fatalf("the report is %d bytes, too small to be cut off at %d", len(good), limit)
	}
	cmd := cli("report", "--db", db, "--programme", "--lang", "en", "-o", out)
	cmd.Env = append(cmd.Env, fileSizeLimit+"="+strconv.Itoa(limit))
	stderr, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != exitFailed || !strings.Contains(string(stderr), "file too large") {
		t.Fatalf("report on a full disk: %v, want exit 2 saying the file is too large\n%s", err, stderr)
	}
	after, err := os.ReadFile(out)
	if err != nil || !bytes.Equal(after, good) {
		t.Fatalf("the report from before is %d bytes now (%v), was %d", len(after), err, len(good))
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".report.html.*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	t.Logf("a run cut off at %d bytes failed; the last good report (%d bytes) is intact", limit, len(good))
}
