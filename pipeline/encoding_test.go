package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The same export saved as UTF-16LE with BOM (Matomo's default) and as Windows-1252 (Dutch
// Excel) loads the same rows as the UTF-8 original.
func TestEncodingsLoadTheSameRows(t *testing.T) {
	orig, err := os.ReadFile("../testdata/ingest/meta_ads_en_ad/Twinkels-2021-Ads-Aug-9-2021-Aug-31-2021.csv")
	if err != nil {
		t.Fatal(err)
	}
	// Give it a character outside ASCII, as Dutch names have.
	orig = []byte(string(orig) + "2021-08-09,2021-08-31,Twinkels 2021 - Vilans,Flight 2 - static (photo with quote),Twinkel #9 - Één paar handen,inactive,100,200,2,3,1.5,,1\n")
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes(orig)
	if err != nil {
		t.Fatal(err)
	}
	var want []metaRow
	for _, tc := range []struct {
		name, encoding string
		data           []byte
	}{
		{"utf-8", "utf-8", orig},
		{"utf-16le", "utf-16le", utf16},
		{"windows-1252", "windows-1252", cp1252},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, path := testDB(t)
			file := filepath.Join(t.TempDir(), "meta.csv")
			os.WriteFile(file, tc.data, 0o644)
			out := ingestPaths(t, db, path, file)
			if out[0].Status != "loaded" || out[0].Encoding != tc.encoding || out[0].Rows != 5 {
				t.Fatalf("outcome %+v, want 5 rows read as %s", out[0], tc.encoding)
			}
			got := metaRows(t, db)
			if want == nil {
				want = got
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("rows differ from the UTF-8 original (-utf8 +%s):\n%s", tc.name, diff)
			}
		})
	}
	found := false
	for _, r := range want {
		found = found || r.Ad == "Twinkel #9 - Één paar handen"
	}
	if !found {
		t.Errorf("the ad named with Één is missing or misread: %+v", want)
	}
}
