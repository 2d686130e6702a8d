package pipeline

import (
	"database/sql"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// visitLogText is a visit log of n page views of one visitor on a day of June 2021.
func visitLogText(day, n int, visitor string) string {
	var b strings.Builder
	b.WriteString("timestamp,visit_id,visitor_id,site,url\n")
	for i := range n {
		fmt.Fprintf(&b, "2021-06-%02d 09:%02d:00,%s-visit,%s,kennisplein,/begeleiding-a-la-carte/\n", day, i%60, visitor, visitor)
	}
	return b.String()
}

func pageViewCount(tb testing.TB, db *sql.DB) int64 {
	tb.Helper()
	var n int64
	if err := db.QueryRow(`SELECT count(*) FROM page_views`).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// outcomeOf returns the outcome for the file named name.
func outcomeOf(tb testing.TB, out []FileOutcome, name string) FileOutcome {
	tb.Helper()
	for _, o := range out {
		if filepath.Base(o.Path) == name {
			return o
		}
	}
	tb.Fatalf("no outcome for %s in %+v", name, out)
	return FileOutcome{}
}

// TestInboxWithANamedPipeAndASocket: a real FIFO, a real Unix socket and a link to a
// device in the inbox (and a FIFO given by name) are passed over with their reason,
// without being opened; the visit log beside them loads. Before, reading the FIFO blocked
// the ingest, and the database's lock, forever.
func TestInboxWithANamedPipeAndASocket(t *testing.T) {
	db, path := testDB(t)
	inbox := t.TempDir()
	writeFile(t, inbox, "bezoeken.csv", visitLogText(14, 12, "a"))
	fifo := filepath.Join(inbox, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sock, err := net.Listen("unix", filepath.Join(inbox, "socket.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer sock.Close()
	if err := os.Symlink("/dev/null", filepath.Join(inbox, "null.csv")); err != nil {
		t.Fatal(err)
	}
	out := ingestPaths(t, db, path, inbox, fifo)
	if len(out) != 4 {
		t.Fatalf("%d outcomes, want 4 (the FIFO named twice counts once): %+v", len(out), out)
	}
	for name, reason := range map[string]string{"pipe.csv": "a named pipe (FIFO)", "socket.csv": "a socket", "null.csv": "a device"} {
		if o := outcomeOf(t, out, name); o.Status != "failed" || !strings.Contains(o.Err.Error(), reason+", not an export file: passed over") {
			t.Errorf("%s: %+v, want it passed over as %s", name, o, reason)
		}
	}
	if o := outcomeOf(t, out, "bezoeken.csv"); o.Status != "loaded" || o.Rows != 12 {
		t.Errorf("the visit log beside them: %+v, want 12 rows loaded", o)
	}
	if n := pageViewCount(t, db); n != 12 {
		t.Errorf("%d page views, want 12", n)
	}
	// A FIFO that takes a file's place after the folder was read is not opened either.
	if _, err := openRegular(fifo); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("openRegular on a FIFO: %v", err)
	}
}

// TestSymlinkedInbox: an inbox that is a link, given without a trailing slash, is walked
// (before, it loaded nothing: "is a directory"); a link inside a folder to a file is
// loaded, a link to a folder or to nothing is passed over with its reason.
func TestSymlinkedInbox(t *testing.T) {
	db, path := testDB(t)
	base := t.TempDir()
	real := filepath.Join(base, "inbox-2021")
	elsewhere := filepath.Join(base, "elsewhere")
	for _, d := range []string{real, elsewhere, filepath.Join(elsewhere, "sub")} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, real, "a.csv", visitLogText(1, 10, "a"))
	writeFile(t, real, "b.csv", visitLogText(2, 7, "b"))
	target := writeFile(t, elsewhere, "c.csv", visitLogText(3, 5, "c"))
	writeFile(t, filepath.Join(elsewhere, "sub"), "d.csv", visitLogText(4, 3, "d"))
	for link, to := range map[string]string{
		filepath.Join(real, "c-link.csv"): target,
		filepath.Join(real, "sub-link"):   filepath.Join(elsewhere, "sub"),
		filepath.Join(real, "gone.csv"):   filepath.Join(elsewhere, "gone.csv"),
		filepath.Join(base, "inbox"):      real,
		filepath.Join(base, "direct.csv"): target,
	} {
		if err := os.Symlink(to, link); err != nil {
			t.Fatal(err)
		}
	}
	out := ingestPaths(t, db, path, filepath.Join(base, "inbox"))
	for name, rows := range map[string]int64{"a.csv": 10, "b.csv": 7, "c-link.csv": 5} {
		if o := outcomeOf(t, out, name); o.Status != "loaded" || o.Rows != rows {
			t.Errorf("%s through the linked inbox: %+v, want %d rows loaded", name, o, rows)
		}
	}
	if o := outcomeOf(t, out, "sub-link"); o.Status != "failed" || !strings.Contains(o.Err.Error(), "a link to a folder") {
		t.Errorf("a link to a folder inside the inbox: %+v, want it passed over", o)
	}
	if o := outcomeOf(t, out, "gone.csv"); o.Status != "failed" || !strings.Contains(o.Err.Error(), "a link to nothing") {
		t.Errorf("a dangling link: %+v, want it passed over", o)
	}
	if n := pageViewCount(t, db); n != 22 {
		t.Errorf("%d page views, want 22 (10 + 7 + 5)", n)
	}
	// A link to a file given by name is read as that file: its content was loaded, so it
	// is unchanged.
	if out := ingestPaths(t, db, path, filepath.Join(base, "direct.csv")); len(out) != 1 || out[0].Status != "unchanged" {
		t.Errorf("a linked file given by name: %+v, want unchanged", out)
	}
}
