package pipeline

import (
	"context"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
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

// TestComparisonWindows checks the windows a period is compared with (migrations 017 and
// 020) against the rule computed in Go, for periods of whole months and of days, across
// month and year ends and 29 February.
func TestComparisonWindows(t *testing.T) {
	db, _ := testDB(t)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	// yearEarlier is a day a year before, the last of February for 29 February, as
	// DuckDB's DATE - INTERVAL 1 YEAR.
	yearEarlier := func(d time.Time) time.Time {
		e := d.AddDate(-1, 0, 0)
		if e.Day() != d.Day() {
			e = e.AddDate(0, 0, -e.Day())
		}
		return e
	}
	starts := []time.Time{day(2019, 9, 1), day(2020, 2, 29), day(2020, 3, 1), day(2020, 12, 31), day(2021, 1, 1), day(2021, 6, 5), day(2021, 3, 31)}
	n := 0
	for _, from := range starts {
		for _, days := range []int{1, 28, 29, 30, 31, 59, 60, 61, 89, 90, 91, 92, 181, 182, 365, 366, 400, 730} {
			to := from.AddDate(0, 0, days-1)
			whole := from.Day() == 1 && to.AddDate(0, 0, 1).Day() == 1
			var prevStart, yearEnd time.Time
			if whole {
				months := (to.Year()*12 + int(to.Month())) - (from.Year()*12 + int(from.Month())) + 1
				prevStart = from.AddDate(0, -months, 0)
				lastMonth := yearEarlier(to)
				yearEnd = day(lastMonth.Year(), lastMonth.Month()+1, 1).AddDate(0, 0, -1)
			} else {
				prevStart = from.AddDate(0, 0, -days)
				yearEnd = yearEarlier(to)
			}
			want := []time.Time{from, to, prevStart, from.AddDate(0, 0, -1), yearEarlier(from), yearEnd}
			var got [6]time.Time
			err := db.QueryRow(`SELECT window_start('current', $1, $2), window_end('current', $1, $2),
				window_start('previous', $1, $2), window_end('previous', $1, $2),
				window_start('year_earlier', $1, $2), window_end('year_earlier', $1, $2)`, from, to).
				Scan(&got[0], &got[1], &got[2], &got[3], &got[4], &got[5])
			if err != nil {
				t.Fatal(err)
			}
			for i := range want {
				if !got[i].Equal(want[i]) {
					t.Errorf("%s..%s: bound %d is %s, want %s", from.Format(time.DateOnly), to.Format(time.DateOnly), i, got[i].Format(time.DateOnly), want[i].Format(time.DateOnly))
				}
			}
			n++
		}
	}
	// comparison_windows says the same.
	var mismatches int
	if err := db.QueryRow(`SELECT count(*) FROM comparison_windows(DATE '2021-06-01', DATE '2021-08-31') w
		WHERE w.start_day <> window_start(w.which, DATE '2021-06-01', DATE '2021-08-31') OR w.end_day <> window_end(w.which, DATE '2021-06-01', DATE '2021-08-31')`).Scan(&mismatches); err != nil || mismatches != 0 {
		t.Errorf("comparison_windows differs from window_start and window_end: %d rows, %v", mismatches, err)
	}
	if n < 100 {
		t.Fatalf("only %d periods checked", n)
	}
}

// TestPurgeAllocatorReachesDuckDBsJemalloc: on Linux, DuckDB brings its own jemalloc,
// and ingest's purge after each part reaches it (a DuckDB without it would make the
// purge a silent no-op, and ingest's memory grow again with the parts).
func TestPurgeAllocatorReachesDuckDBsJemalloc(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("DuckDB links jemalloc on Linux only")
	}
	testDB(t) // DuckDB has allocated
	if !purgeAllocator() {
		t.Fatal("duckdb_je_mallctl(\"arena.4096.purge\") is missing or failed")
	}
}

// TestDuckDBsThreadsShareOneMallocArena: DuckDB's threads and the Arrow batches' C
// structures all allocate from one arena of the C library's malloc, which does not keep
// memory per thread that it no longer uses (allocator_linux.go).
func TestDuckDBsThreadsShareOneMallocArena(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the C library's arenas are set on Linux only")
	}
	if os.Getenv("MALLOC_ARENA_MAX") != "" || strings.Contains(os.Getenv("GLIBC_TUNABLES"), "arena_max") {
		t.Skip("the environment sets the C library's arenas")
	}
	db, _ := testDB(t)
	if _, err := db.Exec(`SET threads = 4`); err != nil {
		t.Fatal(err)
	}
	// Work on every DuckDB thread, and calls into DuckDB from several Go threads at once.
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n int64
			errs <- db.QueryRow(`SELECT count(DISTINCT s) FROM (SELECT (i % 300000)::VARCHAR || 'x' AS s FROM range(2000000) t(i))`).Scan(&n)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	n := mallocArenas()
	if n == -1 {
		t.Skip("not glibc: its arenas are not set")
	}
	if n != 1 {
		t.Errorf("the C library's malloc has %d arenas, want 1", n)
	}
}
