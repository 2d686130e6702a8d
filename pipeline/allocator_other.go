//go:build !linux

package pipeline

// purgeAllocator does nothing where DuckDB does not bring its own jemalloc.
func purgeAllocator() bool { return false }
