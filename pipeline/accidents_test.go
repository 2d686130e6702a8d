package pipeline

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestCutOffRowIsRejected: a Meta Ads export cut off in its last row (a download still
// running, a copy interrupted) ends with "...;3,17;79" where 797 link clicks and a spend
// followed. The cut row has fewer fields than the header: it is rejected with its line,
// not loaded as 79 clicks and no spend; the rows before it load.
func TestCutOffRowIsRejected(t *testing.T) {
	db, path := testDB(t)
	whole := "Start rapportage;Einde rapportage;Campagnenaam;Naam advertentieset;Weergaven;Bereik;Frequentie;Klikken op links;Besteed bedrag (EUR)\n" +
		"2021-06-14;2021-07-11;Twinkels 2021 - Vilans;Vlucht 1 - statisch (foto met quote);896.158;151.136;5,93;6.402;2.150,00\n" +
		"2021-06-14;2021-07-11;Twinkels 2021 - Vilans;Vlucht 1 - dynamisch (korte video);97.008;30.568;3,17;797;350,00\n"
	cut := whole[:strings.LastIndex(whole, ";3,17;79")+len(";3,17;79")]
	for _, tc := range []struct {
		name, text string
		rows       int64
		clicks     int64
	}{{"whole.csv", whole, 2, 7199}, {"cut.csv", cut, 1, 6402}} {
		file := writeFile(t, t.TempDir(), tc.name, tc.text)
		out := ingestPaths(t, db, path, file)
		o := out[0]
		if o.Status != "loaded" || o.Rows != tc.rows {
			t.Fatalf("%s: %+v, want %d rows loaded", tc.name, o, tc.rows)
		}
		if tc.name == "cut.csv" {
			if o.Rejected != 1 || !o.Partial() {
				t.Errorf("cut file: %d rejected, want its last row rejected (exit 1)", o.Rejected)
			}
			var reason string
			var line int
			db.QueryRow(`SELECT line, reason FROM rejects`).Scan(&line, &reason)
			if line != 3 || !strings.Contains(reason, "the row has 8 fields where the header has 9: it is cut off") {
				t.Errorf("reject at line %d: %q, want line 3 saying the row is cut off", line, reason)
			}
		}
		var clicks int64
		db.QueryRow(`SELECT sum(link_clicks) FROM meta_ads`).Scan(&clicks)
		if clicks != tc.clicks {
			t.Errorf("%s: %d link clicks loaded, want %d", tc.name, clicks, tc.clicks)
		}
		db.Exec(`DELETE FROM meta_ads; DELETE FROM rejects; DELETE FROM ingest_log`)
	}
}

// TestFileChangingEncodingIsRejectedRowByRow: a visit log that starts in Windows-1252
// (Cliënten saved by Dutch Excel) and goes on in UTF-8 (a row pasted from a browser) is
// read as Windows-1252, and the UTF-8 row is rejected instead of stored as "CliÃ«nten".
// The other way round (UTF-8 first), the Windows-1252 row is rejected.
func TestFileChangingEncodingIsRejectedRowByRow(t *testing.T) {
	header := "timestamp,visit_id,visitor_id,site,url,page_title\n"
	row1252 := "2021-06-14 09:00:00,1,a,kennisplein,/a,Cliënten en begeleiding\n"
	rowUTF8 := "2021-06-14 09:05:00,2,b,kennisplein,/b,Cliënten kiezen zelf\n"
	enc, err := charmap.Windows1252.NewEncoder().String(header + row1252)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text, encoding, title string
	}{
		{"1252-first.csv", enc + rowUTF8, "windows-1252", "Cliënten en begeleiding"},
		{"utf8-first.csv", header + rowUTF8 + strings.TrimPrefix(enc, header), "utf-8", "Cliënten kiezen zelf"},
	} {
		db, path := testDB(t)
		out := ingestPaths(t, db, path, writeFile(t, t.TempDir(), tc.name, tc.text))
		if o := out[0]; o.Status != "loaded" || o.Encoding != tc.encoding || o.Rows != 1 || o.Rejected != 1 {
			t.Fatalf("%s: %+v, want one row loaded as %s and the other rejected", tc.name, o, tc.encoding)
		}
		var titles string
		db.QueryRow(`SELECT string_agg(page_title, '|') FROM page_views`).Scan(&titles)
		if titles != tc.title {
			t.Errorf("%s: titles %q, want only %q: no mojibake", tc.name, titles, tc.title)
		}
	}
}

// TestXLSXPageReportLoads: a page report saved as a workbook takes the same open path as
// a CSV one: its period, site and parser are made the same way (it used to panic in the
// parser goroutine and end the whole ingest).
func TestXLSXPageReportLoads(t *testing.T) {
	db, path := testDB(t)
	data := workbook(t, []string{"Paginas"}, map[string][][]any{"Paginas": {
		{"Label", "Unique Pageviews", "Pageviews", "Bounce rate", "Avg. time on page", "Exit rate"},
		{"/begeleiding-a-la-carte/", 980, 1204, "40%", "00:01:05", "30%"},
		{"/begeleiding-a-la-carte/model-bravo", 402, 533, "55%", "00:01:14", "40%"},
	}}, nil)
	file := writeFile(t, t.TempDir(), "kennisplein_pages_2021-06-01_2021-08-31.xlsx", string(data))
	out := ingestPaths(t, db, path, file)
	if o := out[0]; o.Status != "loaded" || o.Kind != "page_report" || o.Rows != 2 {
		t.Fatalf("%+v, want the workbook loaded as a page report of 2 rows", o)
	}
	var views int64
	var site string
	db.QueryRow(`SELECT sum(pageviews)::BIGINT, any_value(site) FROM page_reports`).Scan(&views, &site)
	if views != 1737 || site != "kennisplein" {
		t.Errorf("%d page views on %q, want 1737 on kennisplein", views, site)
	}
}

// TestPanickingParserFailsItsFileAlone: a bug in a kind's parser (here made to panic on
// its second row) fails that file with an error; the file beside it still loads.
func TestPanickingParserFailsItsFileAlone(t *testing.T) {
	saved := catalogueSource.parser
	t.Cleanup(func() { catalogueSource.parser = saved })
	catalogueSource.parser = func(p *parseRun) (parser, error) {
		inner, err := saved(p)
		return panicking{inner}, err
	}
	db, path := testDB(t)
	dir := t.TempDir()
	bad := writeFile(t, dir, "a-catalogus.csv", "nr,type,title,organisations,themes\n1,kennisproduct,A,X,Y\n2,kennisproduct,B,X,Y\n")
	good := writeFile(t, dir, "b-bezoeken.csv", "timestamp,visit_id,visitor_id,site,url\n2021-06-14 09:00:00,1,a,kennisplein,/a\n")
	out := ingestPaths(t, db, path, bad, good)
	if out[0].Status != "failed" || !strings.Contains(out[0].Err.Error(), "internal error while reading the file") {
		t.Errorf("panicking parser: %+v, want the file failed with an internal error", out[0])
	}
	if out[1].Status != "loaded" || out[1].Rows != 1 {
		t.Errorf("the file beside it: %+v, want loaded", out[1])
	}
	var n int
	db.QueryRow(`SELECT count(*) FROM content_items`).Scan(&n)
	if n != 0 {
		t.Errorf("%d catalogue rows loaded from the failed file", n)
	}
}

type panicking struct{ parser }

func (p panicking) row(rec []string, line int) error {
	if line == 3 {
		panic("a bug")
	}
	return p.parser.row(rec, line)
}

// TestEndlessRecordFailsTheFile: a quote opened and never closed would make the rest of
// the file one record; past maxRecordBytes the file fails, naming where the record starts.
func TestEndlessRecordFailsTheFile(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("timestamp,visit_id,visitor_id,site,url,page_title\n2021-06-14 09:00:00,1,a,kennisplein,/a,\"open\n")
	for b.Len() < 2*maxRecordBytes {
		b.WriteString("still inside the quote, line after line\n")
	}
	db, path := testDB(t)
	out := ingestPaths(t, db, path, writeFile(t, t.TempDir(), "open-quote.csv", b.String()))
	if o := out[0]; o.Status != "failed" || !strings.Contains(o.Err.Error(), "open-quote.csv:2:1: a record from line 2 on is longer than 1024 KiB") {
		t.Errorf("%+v, want the file failed at the record of line 2", o)
	}
}
