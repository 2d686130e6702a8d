package pipeline

import "encoding/binary"

// pageViewPageKey and pageViewOriginKey are DuckDB's hash() of a page view's site and path, and of its
// referrer, UTM source and UTM medium (each NULL where empty, as the rows store them):
// the keys of pageViewKeys, computed while a file is parsed, so that the rows DuckDB loads
// carry the keys instead of the text they are the hash of (kept once, in the
// dimensions). They must equal the linked DuckDB's hash(): the keys of rows loaded
// before, and of the dimensions, are DuckDB's. TestKeysAreDuckDBsHash checks it on
// random text, checkDimensions on the rows of every test file. DuckDB 1.5 hashes each
// value (its bytes in blocks of 8, then a finaliser) and folds them left to right.
func pageViewPageKey(site, path string) uint64 {
	return duckCombineHash(duckHashText(site), duckHashText(path))
}

func pageViewOriginKey(referrer, utmSource, utmMedium string) uint64 {
	return duckCombineHash(duckCombineHash(duckHashOrNull(referrer), duckHashOrNull(utmSource)), duckHashOrNull(utmMedium))
}

// duckHashOrNull is the hash of s, or of NULL where s is empty.
func duckHashOrNull(s string) uint64 {
	if s == "" {
		return duckNullHash
	}
	return duckHashText(s)
}

// duckNullHash is DuckDB's hash of a NULL value.
const duckNullHash = 0xbf58476d1ce4e5b9

// duckHashText is DuckDB's hash of one VARCHAR value (Hash(string_t)).
func duckHashText(s string) uint64 {
	h := uint64(0xe17a1465) ^ (uint64(len(s)) * 0xc6a4a7935bd1e995)
	for ; len(s) >= 8; s = s[8:] {
		h ^= binary.LittleEndian.Uint64([]byte(s[:8]))
		h *= 0xd6e8feb86659fd93
	}
	if len(s) > 0 {
		var rest [8]byte
		copy(rest[:], s)
		h ^= binary.LittleEndian.Uint64(rest[:])
		h *= 0xd6e8feb86659fd93
	}
	return duckMurmur64(h)
}

// duckCombineHash folds the hash of a further value into the hash so far.
func duckCombineHash(a, b uint64) uint64 {
	a ^= a >> 32
	a *= 0xd6e8feb86659fd93
	return a ^ b
}

func duckMurmur64(x uint64) uint64 {
	x ^= x >> 32
	x *= 0xd6e8feb86659fd93
	x ^= x >> 32
	x *= 0xd6e8feb86659fd93
	x ^= x >> 32
	return x
}
