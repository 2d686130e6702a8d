package pipeline

import (
	"fmt"
	"strings"
	"testing"
)

// TestDimensionsOfAFileInParts: a file of several parts, whose later parts bring pages and
// origins the earlier ones lack, and whose values are forgotten and offered again every
// few (dimSeenMax), is published with every page and origin of its rows in the
// dimensions, each once: page_views shows every row, with the text of the file.
func TestDimensionsOfAFileInParts(t *testing.T) {
	defer func(parts, seen int) { partBatches, dimSeenMax = parts, seen }(partBatches, dimSeenMax)
	partBatches, dimSeenMax = 1, 3
	db, path := testDB(t)
	var f strings.Builder
	f.WriteString("timestamp,visit_id,visitor_id,url,referrer,utm_source,utm_medium\n")
	rows := batchRows*2 + batchRows/2 // three parts of one batch
	var oneKind int64
	for i := range rows {
		// Pages and origins change with the part: those of the last part are new there.
		part := i / batchRows
		fmt.Fprintf(&f, "2021-06-%02d %02d:%02d:%02d,%d,u%d,https://www.kennispleingehandicaptensector.nl/artikel-%d-%d,https://www.site%d.nl/,,%s\n",
			1+i/20000, (i/1000)%24, (i/60)%60, i%60, i/3, i%500, part, i%7, i%11, []string{"", "email"}[i%2])
		if part == 2 && i%7 == 6 && i%11 == 4 && i%2 == 1 {
			oneKind++
		}
	}
	file := writeFile(t, t.TempDir(), "bezoeken.csv", f.String())
	out := ingestPaths(t, db, path, file)
	if out[0].Status != "loaded" || out[0].Rows != int64(rows) {
		t.Fatalf("%+v", out[0])
	}
	checkVisitsAndPages(t, db, "a file in three parts")
	for q, want := range map[string]int64{
		`SELECT count(*) FROM page_views`:                               int64(rows),
		`SELECT count(DISTINCT path) FROM page_views`:                   3 * 7,
		`SELECT count(*) FROM pages`:                                    3 * 7,
		`SELECT count(DISTINCT (referrer, utm_medium)) FROM page_views`: 11 * 2,
		`SELECT count(*) FROM origins`:                                  11 * 2,
		`SELECT count(*) FROM page_views WHERE path = '/artikel-2-6' AND referrer = 'https://www.site4.nl/' AND utm_medium = 'email' AND utm_source IS NULL`: oneKind,
	} {
		var got int64
		if err := db.QueryRow(q).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s = %d, want %d", q, got, want)
		}
	}
}
