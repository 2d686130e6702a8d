package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

const linkedInHeader = "Post title,Post link,Created date,Impressions,Clicks,Click through rate (CTR),Likes,Comments,Reposts"

// workbook builds an XLSX in memory: sheets in order, each a list of rows.
func workbook(tb testing.TB, sheets []string, rows map[string][][]any, style func(f *excelize.File)) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			tb.Fatal(err)
		}
		for r, row := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if style != nil {
		style(f)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func header(s string) []any {
	var out []any
	for _, h := range strings.Split(s, ",") {
		out = append(out, h)
	}
	return out
}

// Number and date cells read the same whatever format shows them; text cells stay text.
func TestWorkbookCellsReadByType(t *testing.T) {
	day := time.Date(2021, 6, 15, 0, 0, 0, 0, time.UTC)
	data := workbook(t, []string{"All posts"}, map[string][][]any{"All posts": {
		{"All posts data for 1 Jun 2021 - 31 Aug 2021"},
		header(linkedInHeader),
		{"Grouped", "https://www.linkedin.com/feed/update/urn:li:activity:1", day, 10215, 188, 0.0184, 61, 4, 2},
		{"As text", "https://www.linkedin.com/feed/update/urn:li:activity:2", "06/15/2021", "1.234", "-", "0,0123", 17912345678901234, nil, nil},
		{"With time", "https://www.linkedin.com/feed/update/urn:li:activity:3", time.Date(2021, 6, 15, 9, 30, 0, 0, time.UTC), 7, 0, 0, 0, 0, 0},
	}}, func(f *excelize.File) {
		grouped, _ := f.NewStyle(&excelize.Style{NumFmt: 3})
		percent, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
		builtinDate, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		code := `dd-mm-yyyy\ hh:mm`
		custom, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		f.SetCellStyle("All posts", "D3", "D3", grouped)
		f.SetCellStyle("All posts", "F3", "F3", percent)
		f.SetCellStyle("All posts", "C3", "C3", builtinDate)
		f.SetCellStyle("All posts", "C5", "C5", custom)
	})
	sh, err := readWorkbook(data, sources)
	if err != nil {
		t.Fatal(err)
	}
	if sh.kind != linkedInPostsSource || sh.name != "All posts" || sh.header != 1 {
		t.Fatalf("sheet %q kind %v header at %d, want All posts, linkedin_posts, index 1", sh.name, sh.kind.kind, sh.header)
	}
	want := [][]string{
		{"Grouped", "https://www.linkedin.com/feed/update/urn:li:activity:1", "2021-06-15", "10215", "188", "0.0184", "61", "4", "2"},
		{"As text", "https://www.linkedin.com/feed/update/urn:li:activity:2", "06/15/2021", "1.234", "-", "0,0123", "17912345678901234"},
		{"With time", "https://www.linkedin.com/feed/update/urn:li:activity:3", "2021-06-15 09:30:00", "7", "0", "0", "0", "0", "0"},
	}
	if diff := cmp.Diff(want, sh.rows[2:]); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// A number of more than 15 digits is kept as stored: the spreadsheet has rounded it.
func TestNumberCellKeepsRoundedIDs(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		date bool
		want string
	}{
		{"1234", false, "1234"},
		{"1.2E-3", false, "0.0012"},
		{"1.79123456789012E+16", false, "1.79123456789012E+16"},
		{"44362", true, "2021-06-15"},
		{"44362.395833333336", true, "2021-06-15 09:30:00"},
		{"0.5", true, "0.5"}, // a time of day alone is no date
	} {
		if got := numberCell(tc.raw, tc.date, false); got != tc.want {
			t.Errorf("numberCell(%q, %v) = %q, want %q", tc.raw, tc.date, got, tc.want)
		}
	}
}

// Without a sheet of a known name, the first sheet with a recognised header is read; with
// none, the error names the sheets looked at.
func TestWorkbookSheetChoice(t *testing.T) {
	posts := [][]any{header(linkedInHeader), {"Post", "https://www.linkedin.com/feed/update/urn:li:activity:1", "06/15/2021", 10, 1, 0.1, 1, 0, 0}}
	data := workbook(t, []string{"Blad1", "Export"}, map[string][][]any{"Blad1": {{"Notities"}}, "Export": posts}, nil)
	sh, err := readWorkbook(data, sources)
	if err != nil || sh.name != "Export" {
		t.Fatalf("sheet %v, error %v; want Export", sh, err)
	}
	data = workbook(t, []string{"Blad1", "Blad2"}, map[string][][]any{"Blad1": {{"Notities"}}, "Blad2": {{"a", "b"}}}, nil)
	_, err = readWorkbook(data, sources)
	if err == nil || !strings.Contains(err.Error(), `not a recognised export`) || !strings.Contains(err.Error(), `(sheets looked at: "Blad1", "Blad2")`) {
		t.Errorf("error %v, want unrecognised naming both sheets", err)
	}
}

// A workbook over the size limit is refused with the reason; a broken one is an error.
func TestWorkbookLimits(t *testing.T) {
	big := append(append([]byte{}, zipMagic...), bytes.Repeat([]byte{0}, 1<<20)...)
	_, err := openWorkbook(bytes.NewReader(big), "huge.xlsx", fileHints{}, 1<<20)
	if err == nil || !strings.Contains(err.Error(), "huge.xlsx: an XLSX workbook larger than 1 MiB") {
		t.Errorf("error %v, want the size refused", err)
	}
	_, err = openRun(bytes.NewReader(append(append([]byte{}, zipMagic...), "not a zip"...)), "broken.xlsx", testConfig(t), &keyer{}, fileHints{})
	if err == nil || !strings.Contains(err.Error(), "broken.xlsx: unreadable XLSX workbook") {
		t.Errorf("error %v, want unreadable", err)
	}
}

// A bad cell of a workbook is rejected at its sheet row and column.
func TestWorkbookRejectsNameSheetRowAndColumn(t *testing.T) {
	data := workbook(t, []string{"All posts"}, map[string][][]any{"All posts": {
		{"All posts data for 1 Jun 2021 - 31 Aug 2021"},
		header(linkedInHeader),
		{"Good", "https://www.linkedin.com/feed/update/urn:li:activity:1", "06/15/2021", 2451, 87, 0.0355, 45, 6, 9},
		nil,
		{"Bad", "https://www.linkedin.com/feed/update/urn:li:activity:2", "06/16/2021", "twaalf", 41, 0.0219, 38, 3, 5},
	}}, nil)
	file := filepath.Join(t.TempDir(), "posts.xlsx")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	db, path := testDB(t)
	out, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: testConfig(t)}, []string{file})
	if err != nil {
		t.Fatal(err)
	}
	if o := out[0]; o.Status != "loaded" || o.Encoding != "xlsx" || o.Rows != 1 || o.Rejected != 1 || o.Skipped != 1 {
		t.Fatalf("outcome %+v (error %v), want 1 row loaded, the blank row 4 skipped, row 5 rejected", o, o.Err)
	}
	want := []string{file + `:5:4: "twaalf" is not a number in column Impressions (numbers in this file are English (1,234.5))`}
	if diff := cmp.Diff(want, rejectPlaces(t, db)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}
