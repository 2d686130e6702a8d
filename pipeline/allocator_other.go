//go:build !linux

package pipeline

// purgeAllocator does nothing where DuckDB does not bring its own jemalloc.
func purgeAllocator() bool { return false }

// mallocArenas is unknown where the C library's arenas are not set (-1).
func mallocArenas() int { return -1 }
