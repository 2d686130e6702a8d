package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bereik/pipeline"
)

// visitorCounts returns the page views and distinct visitors a database holds.
func visitorCounts(tb testing.TB, db string) (views, visitors int64) {
	tb.Helper()
	conn, err := pipeline.Open(context.Background(), db, pipeline.OpenOptions{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	if err := conn.QueryRow(`SELECT count(*), count(DISTINCT visitor) FROM page_views`).Scan(&views, &visitors); err != nil {
		tb.Fatal(err)
	}
	return views, visitors
}

// newKey writes a new random hashing key at path.
func newKey(tb testing.TB, path string) {
	tb.Helper()
	key := make([]byte, 32)
	rand.Read(key)
	if err := os.WriteFile(path, []byte(hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		tb.Fatal(err)
	}
}

// TestAnotherHashingKeyIsRefused loads a visit log, swaps the hashing key beside the
// database for another, and loads a second visit log of the same visitors: ingest exits
// 2, says the key is not the database's and how to put it back, and loads nothing. With
// the right key back the second log loads and its visitors are the same people. Before,
// the other key was taken silently and every visitor of the second log counted as new.
// A database of a bereik from before fingerprints records its key's at its next ingest.
func TestAnotherHashingKeyIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "key.duckdb")
	keyPath := db + ".key"
	first := writeVisitLog(t, dir, "week1.csv", time.Date(2021, 6, 1, 8, 0, 0, 0, time.UTC), 3_000)
	second := writeVisitLog(t, dir, "week2.csv", time.Date(2021, 6, 8, 8, 0, 0, 0, time.UTC), 3_000)
	third := writeVisitLog(t, dir, "week3.csv", time.Date(2021, 6, 15, 8, 0, 0, 0, time.UTC), 3_000)
	bereik(t, "ingest", "--db", db, first)
	right, err := os.ReadFile(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	newKey(t, keyPath)
	var stderr bytes.Buffer
	code := run([]string{"ingest", "--db", db, second}, nil, &bytes.Buffer{}, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "is not the key this database's visitors were hashed with") ||
		!strings.Contains(stderr.String(), "bereik: hint: put back the key file that belongs to this database") {
		t.Fatalf("ingest with another key: exit %d\n%s", code, stderr.String())
	}
	if views, visitors := visitorCounts(t, db); views != 3_000 || visitors != 1_000 {
		t.Fatalf("after the refusal: %d page views of %d visitors, want the first log's 3000 of 1000", views, visitors)
	}
	if views, logged := loadedRows(t, db, second); views != 0 || logged != 0 {
		t.Fatalf("the refused run loaded %d rows of the second log", views)
	}
	if err := os.WriteFile(keyPath, right, 0o600); err != nil {
		t.Fatal(err)
	}
	bereik(t, "ingest", "--db", db, second)
	if views, visitors := visitorCounts(t, db); views != 6_000 || visitors != 1_000 {
		t.Errorf("with the key put back: %d page views of %d visitors, want 6000 of the same 1000", views, visitors)
	}
	// The database holds the key's fingerprint, never the key.
	for _, f := range []string{db, db + ".wal"} {
		data, _ := os.ReadFile(f)
		raw, _ := hex.DecodeString(strings.TrimSpace(string(right)))
		if bytes.Contains(data, bytes.TrimSpace(right)) || bytes.Contains(data, raw) {
			t.Errorf("%s holds the hashing key", f)
		}
	}

	// A database written before fingerprints existed: its first ingest records the key's.
	conn, err := pipeline.Open(context.Background(), db, pipeline.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE key_fingerprint`, `DELETE FROM schema_migrations WHERE version = 9`} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	bereik(t, "ingest", "--db", db, third)
	if views, visitors := visitorCounts(t, db); views != 9_000 || visitors != 1_000 {
		t.Errorf("the older database with its key: %d page views of %d visitors, want 9000 of 1000", views, visitors)
	}
	newKey(t, keyPath)
	stderr.Reset()
	again := writeVisitLog(t, dir, "week4.csv", time.Date(2021, 6, 22, 8, 0, 0, 0, time.UTC), 3_000)
	if code := run([]string{"ingest", "--db", db, again}, nil, &bytes.Buffer{}, &stderr); code != exitFailed ||
		!strings.Contains(stderr.String(), "is not the key") {
		t.Errorf("the older database, once it recorded its key, with another key: exit %d\n%s", code, stderr.String())
	}
	if views, _ := visitorCounts(t, db); views != 9_000 {
		t.Errorf("the refused run changed the page views to %d", views)
	}
}
