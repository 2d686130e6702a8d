package pipeline

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"
)

// visitsBetween writes a visit log with one page view every 10 minutes from first to last
// (both included), each of its own visitor, with time on page 1 to 300 seconds. It returns
// the text, the number of page views and the sum of their seconds.
func visitsBetween(first, last time.Time, eol string) (string, int64, int64) {
	var b strings.Builder
	b.WriteString("timestamp,visit_id,visitor_id,site,url,time_on_page" + eol)
	var n, seconds int64
	for ts := first; !ts.After(last); ts = ts.Add(10 * time.Minute) {
		s := 1 + ts.Unix()/600%300
		fmt.Fprintf(&b, "%s,%d,v%d,kennisplein,/begeleiding-a-la-carte/,%d%s", ts.Format(time.DateTime), ts.Unix(), ts.Unix()%997, s, eol)
		n++
		seconds += s
	}
	return b.String(), n, seconds
}

// pageViewTotals returns the page views, their seconds on page, and those of one day.
func pageViewTotals(tb testing.TB, db *sql.DB, day string) (n, seconds, onDay int64) {
	tb.Helper()
	if err := db.QueryRow(`SELECT count(*), coalesce(sum(time_on_page), 0), count(*) FILTER (WHERE ts::DATE = ?::DATE) FROM page_views`, day).
		Scan(&n, &seconds, &onDay); err != nil {
		tb.Fatal(err)
	}
	return n, seconds, onDay
}

// TestVisitLogsThatMeetAtNoon: export A covers 1 June to 15 June 11:59, export B 15 June
// 12:00 to 30 June. Loading B after A (or A after B) keeps both halves of 15 June; a
// re-ingest of A changes nothing, and a re-download of A (other bytes, same page views)
// replaces exactly A's rows. Before, B deleted A's rows of 15 June.
func TestVisitLogsThatMeetAtNoon(t *testing.T) {
	dir := t.TempDir()
	june := func(day, hour, minute int) time.Time { return time.Date(2021, 6, day, hour, minute, 0, 0, time.UTC) }
	textA, nA, secA := visitsBetween(june(1, 0, 0), june(15, 11, 50), "\n")
	textB, nB, secB := visitsBetween(june(15, 12, 0), june(30, 23, 50), "\n")
	againA, _, _ := visitsBetween(june(1, 0, 0), june(15, 11, 50), "\r\n") // saved again by Excel
	a := writeFile(t, dir, "bezoeken-2021-06-01-2021-06-15.csv", textA)
	b := writeFile(t, dir, "bezoeken-2021-06-15-2021-06-30.csv", textB)
	a2 := writeFile(t, dir, "bezoeken-2021-06-01-2021-06-15-opnieuw.csv", againA)
	const half = 12 * 6 // page views of half a day
	wantN, wantSec := nA+nB, secA+secB
	for _, order := range [][]string{{a, b}, {b, a}} {
		db, path := testDB(t)
		out := ingestPaths(t, db, path, order...)
		for _, o := range out {
			if o.Status != "loaded" || o.Replaced != 0 {
				t.Errorf("%s: %+v, want loaded, replacing nothing", o.Path, o)
			}
		}
		n, sec, day15 := pageViewTotals(t, db, "2021-06-15")
		if n != wantN || sec != wantSec || day15 != 2*half {
			t.Errorf("after %s then %s: %d page views, %d seconds, %d on 15 June; want %d, %d and %d (both halves of the day)",
				order[0][len(dir)+1:], order[1][len(dir)+1:], n, sec, day15, wantN, wantSec, 2*half)
		}
		// A again: already loaded, nothing changes.
		if out := ingestPaths(t, db, path, a); out[0].Status != "unchanged" {
			t.Errorf("A again: %+v, want unchanged", out[0])
		}
		// A downloaded again (CRLF, so other bytes): it replaces A's own rows, no more.
		out = ingestPaths(t, db, path, a2)
		if out[0].Status != "loaded" || out[0].Rows != nA || out[0].Replaced != nA {
			t.Errorf("A downloaded again: %+v, want %d rows loaded replacing %d", out[0], nA, nA)
		}
		n, sec, day15 = pageViewTotals(t, db, "2021-06-15")
		if n != wantN || sec != wantSec || day15 != 2*half {
			t.Errorf("after A downloaded again: %d page views, %d seconds, %d on 15 June; want %d, %d and %d", n, sec, day15, wantN, wantSec, 2*half)
		}
		t.Logf("%d + %d page views, %d seconds, %d on 15 June, after loading in either order and A again", nA, nB, sec, day15)
	}
}
