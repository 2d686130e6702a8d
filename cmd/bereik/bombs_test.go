package main

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// maxIngestRSS is the peak memory no ingest may need, whatever its input.
const maxIngestRSS = 1 << 30

// TestInputBombsAreRefusedInBoundedMemory runs a real ingest (a child process, so that its
// peak memory is its own) over files made to exhaust memory, each beside a good visit log:
// a gzip file that unpacks to more Meta Ads rows than any export has (it used to be read whole to
// decide its number locale: 7 GB), a visit-log header followed by one endless line (6 GB),
// and a small XLSX whose sheet unpacks to 100 MB (400 s at 4,5 GB, and temporary files of
// up to 1 GB left behind). Each bomb is refused with its reason, the good file loads, the
// peak stays under 1 GiB, and no temporary file is left.
func TestInputBombsAreRefusedInBoundedMemory(t *testing.T) {
	dir := t.TempDir()
	good := writeVisitLog(t, dir, "good.csv", time.Date(2021, 6, 1, 8, 0, 0, 0, time.UTC), 3_000)
	bombs := []struct {
		name   string
		write  func(path string) error
		reason string
	}{
		{"meta-ads.csv.gz", writeGzipAdsBomb, "more than 500000 rows: not a Meta Ads export as downloaded"},
		{"visits-endless.csv", writeEndlessLine, "is longer than 1024 KiB (an endless line, or a quote that is never closed)"},
		{"posts.xlsx", writeSheetBomb, "unpacks to 100.0 MiB, more than the 24 MiB of any export bereik reads"},
	}
	for _, b := range bombs {
		t.Run(b.name, func(t *testing.T) {
			inbox := filepath.Join(dir, strings.TrimSuffix(b.name, filepath.Ext(b.name)))
			if err := os.MkdirAll(inbox, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := b.write(filepath.Join(inbox, b.name)); err != nil {
				t.Fatal(err)
			}
			copyFile(t, good, filepath.Join(inbox, "good.csv"))
			tmp := t.TempDir()
			db := filepath.Join(dir, b.name+".duckdb")
			cmd := cli("ingest", "--db", db, inbox)
			cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
			out, err := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != exitPartial {
				t.Fatalf("exit %d (%v), want 1: the bomb refused, the good file loaded\n%s", code, err, out)
			}
			if !strings.Contains(string(out), b.reason) {
				t.Errorf("the log does not say %q:\n%s", b.reason, out)
			}
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
			t.Logf("peak RSS %d MiB", rss>>20)
			if rss > maxIngestRSS {
				t.Errorf("peak RSS %d MiB, want under %d MiB", rss>>20, maxIngestRSS>>20)
			}
			if views, logged := loadedRows(t, db, filepath.Join(inbox, "good.csv")); views != 3_000 || logged != 1 {
				t.Errorf("the good file beside the bomb: %d rows, %d log entries; want 3000 and 1", views, logged)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("temporary files left behind: %v", left)
			}
		})
	}
}

// writeGzipAdsBomb writes a gzip-compressed Meta Ads export of 600.000 rows (a few
// megabytes compressed), more than any export as downloaded.
func writeGzipAdsBomb(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	w := bufio.NewWriterSize(zw, 1<<20)
	fmt.Fprintln(w, "Reporting starts,Reporting ends,Campaign name,Ad set name,Ad name,Impressions,Reach,Link clicks,Amount spent (EUR)")
	for i := range 600_000 {
		fmt.Fprintf(w, "2021-06-14,2021-07-11,Twinkels 2021,Vlucht 1 - statisch,Twinkel %d,1000,800,10,1.5\n", i)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// writeEndlessLine writes a visit log's header and one line of 200 MB without a newline.
func writeEndlessLine(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "timestamp,visit_id,visitor_id,site,url")
	chunk := strings.Repeat("x", 1<<20)
	for range 200 {
		w.WriteString(chunk)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// writeSheetBomb writes a workbook of a few hundred kilobytes whose sheet unpacks to 100 MB.
func writeSheetBomb(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="All posts" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	for name, text := range parts {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		w.Write([]byte(text))
	}
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := `<row><c t="inlineStr"><is><t>Post title</t></is></c><c t="inlineStr"><is><t>x</t></is></c></row>`
	end := `</sheetData></worksheet>`
	for n := 0; n+len(row)+len(end) <= 100<<20-len(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`); n += len(row) {
		bw.WriteString(row)
	}
	bw.WriteString(end)
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
