package pipeline

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// referrers are raw referrers and what is stored of them: scheme, host and path.
var referrers = []struct{ raw, stored string }{
	{"https://www.google.nl/", "https://www.google.nl/"},
	{"https://www.google.nl", "https://www.google.nl"},
	{"https://mail.example.com/?to=jan.jansen@example.nl&ip=192.168.10.23#inbox", "https://mail.example.com/"},
	{"https://www.google.nl/search?q=jan.jansen%40example.nl+192.168.10.23", "https://www.google.nl/search"},
	{"https://jan:geheim@intranet.example.nl:8443/zoek/resultaten?wie=jan#top", "https://intranet.example.nl/zoek/resultaten"},
	{"http://[2001:db8::1]:8080/pad?x=1", "http://[2001:db8::1]/pad"},
	{"http://[2001:db8::1]/pad", "http://[2001:db8::1]/pad"},
	{"https://medium.com/@jan/een-verhaal?source=email-jan@example.nl", "https://medium.com/@jan/een-verhaal"},
	{"android-app://com.google.android.gm/", "android-app://com.google.android.gm/"},
	{"www.google.nl/search?q=jan", "www.google.nl/search"},
	{"jan.jansen@example.nl", ""},
	{"?utm_source=x", ""},
	{"https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.twinkelmagazine.nl%2F&h=AT0x", "https://l.facebook.com/l.php"},
}

func TestReferrerPage(t *testing.T) {
	for _, r := range referrers {
		if got := referrerPage(r.raw); got != r.stored {
			t.Errorf("referrerPage(%q) = %q, want %q", r.raw, got, r.stored)
		}
	}
}

// TestMigrationStripsStoredReferrers: a database of an older bereik holds referrers with
// query strings; migration 010 leaves of each what ingest now stores, and no page view
// is lost or changed otherwise.
func TestMigrationStripsStoredReferrers(t *testing.T) {
	db, path := testDB(t)
	// The database as migration 009 left it: page_views a table with its text (migration
	// 011 makes it a view of published files, and 018 keeps the text in the dimensions),
	// with the keys of 014 not yet computed.
	for _, q := range []string{`DROP VIEW page_views`, `DROP VIEW page_view_keys`, `DROP TABLE page_view_rows`,
		`CREATE TABLE page_views (file_id INTEGER NOT NULL, ts TIMESTAMP NOT NULL, site VARCHAR NOT NULL, visit_id UBIGINT NOT NULL,
			visitor UBIGINT NOT NULL, path VARCHAR NOT NULL, page_title VARCHAR, referrer VARCHAR, utm_source VARCHAR,
			utm_medium VARCHAR, utm_campaign VARCHAR, time_on_page INTEGER, client_net VARCHAR, page_key UBIGINT, origin_key UBIGINT)`,
		`DROP TABLE ingest_parts`,
		`DELETE FROM schema_migrations WHERE version IN (10, 11, 18)`,
		`INSERT INTO ingest_log (file_id, sha256, path, kind, bytes, rows_loaded, rows_rejected, rows_skipped, rows_replaced, loaded_at) VALUES (1, 'x', 'v.csv', 'visit_log', 1, 1, 0, 0, 0, TIMESTAMP '2021-06-02 00:00:00')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range referrers {
		if _, err := db.Exec(`INSERT INTO page_views (file_id, ts, site, visit_id, visitor, path, referrer, time_on_page)
			VALUES (1, ?, 'kennisplein', ?, ?, '/', ?, ?)`, time.Date(2021, 6, 1, 9, i, 0, 0, time.UTC), uint64(i), uint64(i), r.raw, int32(10*i)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db, err := Open(context.Background(), path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT referrer FROM page_views ORDER BY ts`)
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for rows.Next() {
		var r sql.NullString
		rows.Scan(&r)
		got = append(got, r.String)
	}
	rows.Close()
	for _, r := range referrers {
		want = append(want, r.stored)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("referrers after migration 010 (-as ingest stores them +migrated):\n%s", diff)
	}
	var n, seconds int64
	db.QueryRow(`SELECT count(*), sum(time_on_page) FROM page_views`).Scan(&n, &seconds)
	if n != int64(len(referrers)) || seconds != 10*int64(len(referrers)*(len(referrers)-1)/2) {
		t.Errorf("%d page views, %d seconds after the migration", n, seconds)
	}
	// Migration 018 computed the keys and moved the text into the dimensions.
	checkDimensions(t, db, "migrations 010, 011 and 018")
}
