package pipeline

/*
#include <malloc.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

// The C library's malloc keeps one arena for every thread that allocates. Set when the
// program is loaded, before any thread runs: malloc fixes its limit of arenas the first
// time a second thread allocates, and a later mallopt does not change it. Only glibc
// has the setting; an operator's own (MALLOC_ARENA_MAX, or GLIBC_TUNABLES naming
// arena_max) is left to stand.
static void __attribute__((constructor)) bereik_one_malloc_arena(void) {
#ifdef __GLIBC__
	const char *tunables = getenv("GLIBC_TUNABLES");
	if (getenv("MALLOC_ARENA_MAX") != NULL || (tunables != NULL && strstr(tunables, "arena_max") != NULL)) {
		return;
	}
	mallopt(M_ARENA_MAX, 1);
#endif
}

// The number of arenas (heaps) the C library's malloc has, from malloc_info; -1 if unknown
// (not glibc).
static int bereik_malloc_arenas(void) {
#ifndef __GLIBC__
	return -1;
#else
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	if (f == NULL) {
		return -1;
	}
	int err = malloc_info(0, f);
	fclose(f);
	int n = -1;
	if (err == 0) {
		n = 0;
		for (const char *p = text; (p = strstr(p, "<heap nr=")) != NULL; p++) {
			n++;
		}
	}
	free(text);
	return n;
#endif
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

// The C library's malloc serves what DuckDB allocates outside its buffers (its C++
// objects) and the Arrow batches' C structures. By default it opens an arena for each
// thread that allocates, and each arena keeps what it once held: over a 10M-row ingest
// they grew from 12 to 45 MB with 5-9 MB in use, so that the last parts peaked higher than
// the first. One arena, shared by every thread, stays at what is in use (10.7 to 13.8
// MB): the 10M ingest peaked at 258-264 MiB instead of 273-281, in the same time
// (docs/BENCHMARKS.md). It is set by a constructor in the C code above, when the program
// is loaded.

// mallocArenas is how many arenas the C library's malloc has (-1: unknown).
func mallocArenas() int { return int(C.bereik_malloc_arenas()) }
