package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRejectedRowsHoldNoAddressesOrVisitorIds: a malformed row can put a client address
// or a visitor id in any column, and a reject's reason quotes cells; for visit logs and
// access logs the stored reasons leave the values out.
func TestRejectedRowsHoldNoAddressesOrVisitorIds(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	// An X-Forwarded-For chain where the log format expects a virtual host.
	access := `203.0.113.99, 10.0.0.1 - - [15/Jun/2021:09:31:12 +0200] "GET /b HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/89.0"` + "\n" +
		`198.51.100.23 - - [15/Jun/2021:09:32:12 +0200] "GET /c HTTP/1.1" 200 512 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/89.0"` + "\n"
	// A visit-log row missing its title: the visitor id slides into the time column.
	visits := "url,page_title,timestamp,visitor_id,visit_id,referrer\n" +
		"https://www.kennispleingehandicaptensector.nl/a,A,2021-06-14 09:12:00,a1b2c3d4e5f60718,1001,\n" +
		"https://www.kennispleingehandicaptensector.nl/b,2021-06-14 09:13:00,f00dfeedcafe4242,1002,\n"
	for name, body := range map[string]string{"kennisplein.access.log": access, "bezoeken.csv": visits} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := ingestPaths(t, db, path, dir)
	var rejected int64
	for _, o := range out {
		rejected += o.Rejected
	}
	if rejected != 2 {
		t.Fatalf("%d rows rejected, want the 2 malformed ones: %+v", rejected, out)
	}
	if _, err := db.Exec(`CHECKPOINT`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("kennisplein.access.log")) {
		t.Fatal("the database file does not hold the rejects' paths uncompressed; this scan would prove nothing")
	}
	for _, secret := range []string{"203.0.113.99", "198.51.100.23", "f00dfeedcafe4242", "a1b2c3d4e5f60718"} {
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("%q found in the database file", secret)
		}
	}
}

// TestMissingKeyIsNotReplaced: a database that holds hashed visitors refuses to load more
// without its key, instead of making a new key that would count every visitor as new.
func TestMissingKeyIsNotReplaced(t *testing.T) {
	db, path := testDB(t)
	ingestPaths(t, db, path, "../testdata/ingest/visit_log")
	if err := os.Remove(KeyPath(path)); err != nil {
		t.Fatal(err)
	}
	_, err := Ingest(t.Context(), db, IngestOptions{DBPath: path, Config: testConfig(t)}, []string{"../testdata/ingest/visit_log"})
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("is missing, but the database holds visitors hashed with it")) {
		t.Fatalf("ingest without the key: %v", err)
	}
	if _, err := os.Stat(KeyPath(path)); err == nil {
		t.Error("a new key was created")
	}
}
