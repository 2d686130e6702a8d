package pipeline

/*
#include <stddef.h>

// DuckDB's own jemalloc (its symbols prefixed duckdb_je_), linked in on Linux. Weak: a
// DuckDB built without it leaves the pointer NULL, and nothing is purged.
extern int duckdb_je_mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen) __attribute__((weak));

static int bereik_purge_allocator(void) {
	if (duckdb_je_mallctl == NULL) {
		return -1;
	}
	// MALLCTL_ARENAS_ALL (4096): every arena.
	return duckdb_je_mallctl("arena.4096.purge", NULL, NULL, NULL, 0);
}
*/
import "C"

// purgeAllocator hands the memory DuckDB has freed back to the system at once, instead
// of after jemalloc's decay time: ingest calls it after each part of a file loaded in
// parts. Without it, each part's freed memory lingered into the next ones: a 10M-row
// ingest's resident memory outside the Go heap rose from 121 MiB after the first part to
// 157 after the tenth (103 to 130 with it), and its peak with it (docs/BENCHMARKS.md). It
// reports whether the allocator was there to purge.
func purgeAllocator() bool { return C.bereik_purge_allocator() == 0 }
