package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuerySQLReadsTheDatabaseAndNothingElse tries, through query --sql on a real
// database, each way out the analyst's connection had: writing another database through
// ATTACH, writing files with COPY and EXPORT, installing and loading extensions, reading
// the hashing key beside the database, and switching the guards off again. Each is
// refused (exit 2) and leaves no file behind; reading the database, and the named
// questions, still work.
func TestQuerySQLReadsTheDatabaseAndNothingElse(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	key, err := os.ReadFile(db + ".key")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	other := filepath.Join(dir, "other.duckdb")
	leak := filepath.Join(dir, "leak.csv")
	for _, tc := range []struct{ sql, want string }{
		{"ATTACH '" + other + "' AS o (READ_WRITE)", "file system operations are disabled"},
		{"ATTACH '" + other + "' AS o; CREATE TABLE o.visitors AS SELECT DISTINCT visitor FROM page_views", "file system operations are disabled"},
		{"ATTACH ':memory:' AS m", "read-only mode"},
		{"COPY (SELECT * FROM page_views) TO '" + leak + "'", "file system operations are disabled"},
		{"EXPORT DATABASE '" + filepath.Join(dir, "export") + "'", "file system operations are disabled"},
		{"INSTALL httpfs", "file system operations are disabled"},
		{"LOAD httpfs", "Loading external extensions is disabled"},
		{"SELECT * FROM read_text('" + db + ".key')", "file system operations are disabled"},
		{"SELECT * FROM read_csv('" + db + ".key')", "file system operations are disabled"},
		{"SELECT * FROM glob('" + dir + "/*')", "file system operations are disabled"},
		{"SET enable_external_access = true", "the configuration has been locked"},
		{"RESET enable_external_access", "the configuration has been locked"},
		{"SET lock_configuration = false; SELECT * FROM read_text('" + db + ".key')", "the configuration has been locked"},
		{"SET autoinstall_known_extensions = true", "the configuration has been locked"},
		{"DELETE FROM page_view_rows", "read-only"},
	} {
		var stdout, stderr bytes.Buffer
		code := run([]string{"query", "--db", db, "--sql", tc.sql}, nil, &stdout, &stderr)
		if code != exitFailed || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("--sql %q: exit %d, stderr %q; want exit 2 and %q", tc.sql, code, stderr.String(), tc.want)
		}
		if bytes.Contains(stdout.Bytes(), bytes.TrimSpace(key)) || bytes.Contains(stderr.Bytes(), bytes.TrimSpace(key)) {
			t.Errorf("--sql %q printed the hashing key", tc.sql)
		}
	}
	for _, f := range []string{other, leak, filepath.Join(dir, "export")} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s was written", f)
		}
	}
	// What --sql is for still works: reading the tables, in UTC as the named questions.
	if got := bereik(t, "query", "--db", db, "--sql", "SELECT count(*) AS n, current_setting('TimeZone') AS tz FROM page_views", "--format", "csv"); !strings.HasPrefix(got, "n,tz\n") || !strings.HasSuffix(got, ",UTC\n") || strings.HasPrefix(got, "n,tz\n0,") {
		t.Errorf("a plain query: %q", got)
	}
	if got := bereik(t, "query", "--db", db, "twinkel_totals", "--format", "csv"); !strings.Contains(got, "static") {
		t.Errorf("a named question: %q", got)
	}
}
