package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bereik/pipeline"
)

// pageViewBlock returns the file offset of the visitor hashes of page views in a block
// that holds nothing of another table, and the database's block size.
func pageViewBlock(tb testing.TB, db string) (offset, size int64) {
	tb.Helper()
	conn, err := pipeline.Open(context.Background(), db, pipeline.OpenOptions{ReadOnly: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	if err := conn.QueryRow(`SELECT block_size FROM pragma_database_size()`).Scan(&size); err != nil {
		tb.Fatal(err)
	}
	rows, err := conn.Query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'`)
	if err != nil {
		tb.Fatal(err)
	}
	var parts []string
	for rows.Next() {
		var t string
		rows.Scan(&t)
		parts = append(parts, fmt.Sprintf(`SELECT '%s' AS table_name, column_name, block_id, block_offset FROM pragma_storage_info('%s') WHERE block_id >= 0`, t, t))
	}
	rows.Close()
	var block, within int64
	err = conn.QueryRow(`WITH blocks AS (`+strings.Join(parts, " UNION ALL ")+`)
		SELECT block_id, block_offset FROM blocks
		WHERE table_name = 'page_view_rows' AND column_name = 'visitor'
		  AND block_id NOT IN (SELECT block_id FROM blocks WHERE table_name <> 'page_view_rows')
		ORDER BY block_id DESC LIMIT 1`).Scan(&block, &within)
	if err != nil {
		tb.Fatal(err)
	}
	// Three 4 KiB headers, then the blocks, each starting with its 8-byte checksum.
	return 3*4096 + block*size + 8 + within, size
}

// TestDamagedBlockFailsStatusAndIngest damages a block of page views in a real database
// file (16 bytes flipped in the middle of the block that holds visitor hashes) and runs
// status and ingest: both exit 2, naming the damaged table and what to do, and ingest
// loads nothing. Before, both exited 0 (neither reads that column), and only the next
// report failed.
func TestDamagedBlockFailsStatusAndIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "damaged.duckdb")
	bereik(t, "ingest", "--db", db, writeVisitLog(t, dir, "june.csv", time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), 200_000))
	bereik(t, "ingest", "--db", db, writeVisitLog(t, dir, "july.csv", time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC), 3_000))
	// The next night: ingest's daily read of every block is due again.
	conn, err := pipeline.Open(context.Background(), db, pipeline.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`UPDATE block_checks SET checked_at = checked_at - INTERVAL 1 DAY`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	offset, size := pageViewBlock(t, db)
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	at := offset + 64
	t.Logf("16 bytes flipped at %d, in a block of %d bytes", at, size)
	if _, err := f.ReadAt(buf, at); err != nil {
		t.Fatal(err)
	}
	for i := range buf {
		buf[i] ^= 0xff
	}
	if _, err := f.WriteAt(buf, at); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// The damage is real: a query that reads the column fails.
	var stderr bytes.Buffer
	if code := run([]string{"query", "--db", db, "--sql", "SELECT count(DISTINCT visitor) FROM page_views"}, nil, &bytes.Buffer{}, &stderr); code != exitFailed ||
		!strings.Contains(stderr.String(), "checksum") {
		t.Fatalf("reading the damaged column: exit %d, %s", code, stderr.String())
	}
	for _, args := range [][]string{
		{"status", "--db", db},
		{"ingest", "--db", db, writeVisitLog(t, dir, "august.csv", time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC), 3_000)},
	} {
		stderr.Reset()
		code := run(args, nil, &bytes.Buffer{}, &stderr)
		if code != exitFailed || !strings.Contains(stderr.String(), "is damaged: table page_view_rows cannot be read whole") ||
			!strings.Contains(stderr.String(), "checksum") || !strings.Contains(stderr.String(), "hint: restore the database from its last backup") {
			t.Errorf("%s on the damaged database: exit %d, stderr:\n%s", args[0], code, stderr.String())
		}
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the refused ingest changed the database file")
	}
	if _, err := os.Stat(db + ".wal"); err == nil {
		t.Error("the refused ingest left a WAL")
	}
}
