package pipeline

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestKeysAreDuckDBsHash: the page and origin keys the parser computes are the linked
// DuckDB's hash() of the same text, NULL for an empty referrer or UTM value, for texts of
// every length around the hash's blocks of 8 bytes, with accents and euro signs.
func TestKeysAreDuckDBsHash(t *testing.T) {
	db, _ := testDB(t)
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("abcXYZ019/:?=&-_. éë€")
	text := func() string {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	null := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	for i := range 1000 {
		site, path, ref, src, med := text(), text(), text(), text(), text()
		if i%4 == 0 {
			src, med = "", ""
		}
		var page, origin uint64
		err := db.QueryRowContext(context.Background(), `SELECT hash(?::VARCHAR, ?::VARCHAR), hash(?::VARCHAR, ?::VARCHAR, ?::VARCHAR)`,
			site, path, null(ref), null(src), null(med)).Scan(&page, &origin)
		if err != nil {
			t.Fatal(err)
		}
		if got := pageViewPageKey(site, path); got != page {
			t.Fatalf("page key of (%q, %q): %x, DuckDB's hash() %x", site, path, got, page)
		}
		if got := pageViewOriginKey(ref, src, med); got != origin {
			t.Fatalf("origin key of (%q, %q, %q): %x, DuckDB's hash() %x", ref, src, med, got, origin)
		}
	}
}
