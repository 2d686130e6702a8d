package pipeline

import (
	"context"
	"testing"
)

// TestReadOnlyOpenBringsAnOlderDatabaseUpToDate: a database written by an older bereik
// (here: the newest migration undone) is migrated when report or query opens it, and is
// then read-only again.
func TestReadOnlyOpenBringsAnOlderDatabaseUpToDate(t *testing.T) {
	ctx := context.Background()
	db, path := testDB(t)
	latest := latestMigration()
	if latest < 4 {
		t.Fatalf("latest migration %d", latest)
	}
	for _, q := range []string{`DROP MACRO TABLE catalogue_item_views`, `DELETE FROM schema_migrations WHERE version = 4`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	ro, err := Open(ctx, path, OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var n int
	if err := ro.QueryRow(`SELECT count(*) FROM catalogue_item_views(DATE '2021-01-01', DATE '2021-12-31')`).Scan(&n); err != nil {
		t.Fatalf("the migration was not applied: %v", err)
	}
	if _, err := ro.Exec(`CREATE TABLE x (i INTEGER)`); err == nil {
		t.Error("the database is writable after a read-only open")
	}
	if err := ro.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&n); err != nil || n != latest {
		t.Errorf("schema version %d, %v; want %d", n, err, latest)
	}
}
