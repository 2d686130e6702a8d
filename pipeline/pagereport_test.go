package pipeline

import (
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// reportRow is one loaded page_reports row, as the tests compare it.
type reportRow struct {
	Tool, Site, Period, Path, Title string
	Pageviews, Unique               int64
	OnPage, Bounce, Exit            float64
}

func reportRows(tb testing.TB, db *sql.DB) []reportRow {
	tb.Helper()
	rows, err := db.Query(`SELECT tool, site, period_start::VARCHAR || '..' || period_end::VARCHAR, path, page_title,
		pageviews, unique_pageviews, avg_time_on_page, bounce_rate, exit_rate FROM page_reports ORDER BY line`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []reportRow
	for rows.Next() {
		var r reportRow
		if err := rows.Scan(&r.Tool, &r.Site, &r.Period, &r.Path, &r.Title, &r.Pageviews, &r.Unique, &r.OnPage, &r.Bounce, &r.Exit); err != nil {
			tb.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

var closeFloats = cmpopts.EquateApprox(0, 1e-9)

const summer = "2021-06-01..2021-08-31"

func TestIngestPageReportMatomoEnglishUTF16(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/page_report_matomo_en_utf16")
	// The query-string variant of model-bravo is added into its page: skipped.
	checkOutcome(t, out[0], "page_report", "utf-16le", 4, 1, 0, 0)
	mb := "/begeleiding-a-la-carte/model-bravo"
	want := []reportRow{
		{"matomo", "kennisplein", summer, "/begeleiding-a-la-carte/hoe-een-andere-omgeving", "", 1270, 1021, 125, 0.61, 0.48},
		// Matomo divides time on page by page views, bounce and exit rate by visits.
		{"matomo", "kennisplein", summer, mb, "", 633, 500, (74*533 + 50*100) / 633.0, (0.55*402 + 0.70*98) / 500, (0.40*402 + 0.60*98) / 500},
		// A flattened label without its leading slash.
		{"matomo", "kennisplein", summer, "/begeleiding-a-la-carte/ervaringsleren/wat-is-ervaringsleren", "", 101, 87, 200, 0.52, 0.47},
		{"matomo", "kennisplein", summer, "/", "", 4200, 3500, 40, 0.35, 0.20},
	}
	if diff := cmp.Diff(want, reportRows(t, db), closeFloats); diff != "" {
		t.Errorf("page_reports (-want +got):\n%s", diff)
	}
}

func TestIngestPageReportMatomoDutchTitles(t *testing.T) {
	db, path := testDB(t)
	period, err := ParsePeriod("2021-06-01..2021-08-31")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: testConfig(t), Site: "kennisplein", Period: period},
		[]string{"../testdata/ingest/page_report_matomo_nl"})
	if err != nil {
		t.Fatal(err)
	}
	checkOutcome(t, out[0], "page_report", "utf-8", 4, 0, 0, 0)
	want := []reportRow{
		{"matomo", "kennisplein", summer, "", "Hoe een andere omgeving leidt tot minder gedragsproblemen", 1270, 1021, 125, 0.61, 0.48},
		{"matomo", "kennisplein", summer, "", "Model BRAVO! wijst aan wat belangrijk is in begeleiding", 533, 402, 74, 0.555, 0.40},
		{"matomo", "kennisplein", summer, "", "Kennisplein Gehandicaptensector", 4200, 3500, 40, 0.35, 0.20},
		{"matomo", "kennisplein", summer, "", "Ervaringsleren", 101, 87, 200, 0.52, 0.47},
	}
	if diff := cmp.Diff(want, reportRows(t, db), closeFloats); diff != "" {
		t.Errorf("page_reports (-want +got):\n%s", diff)
	}
}

func TestIngestPageReportGoogleAnalyticsEnglish(t *testing.T) {
	db, path := testDB(t)
	// The report names no site for its bare paths: --site says it.
	out := ingestSite(t, db, path, "kennisplein", "../testdata/ingest/page_report_ga_en")
	// Skipped: the query-string variant (added into its page), (other) and the totals row;
	// the per-day section after the blank line is not read.
	checkOutcome(t, out[0], "page_report", "utf-8", 3, 3, 0, 0)
	mb := "/begeleiding-a-la-carte/model-bravo"
	want := []reportRow{
		{"ga", "kennisplein", summer, "/begeleiding-a-la-carte/hoe-een-andere-omgeving", "", 1270, 1021, 125, 0.6121, 0.485},
		// Google Analytics divides time on page by page views that were not exits, bounce
		// rate by entrances and exit rate by page views.
		{"ga", "kennisplein", summer, mb, "", 633, 500, (74*533*0.6 + 50*100*0.4) / (533*0.6 + 100*0.4), (0.55*301 + 0.70*95) / 396, (0.40*533 + 0.60*100) / 633},
		{"ga", "kennisplein", summer, "/", "", 4200, 3500, 40, 0.35, 0.20},
	}
	if diff := cmp.Diff(want, reportRows(t, db), closeFloats); diff != "" {
		t.Errorf("page_reports (-want +got):\n%s", diff)
	}
	var sum int64
	var first, last string
	db.QueryRow(`SELECT sum(pageviews)::BIGINT FROM page_reports`).Scan(&sum)
	db.QueryRow(`SELECT first_date::VARCHAR, last_date::VARCHAR FROM ingest_log`).Scan(&first, &last)
	if sum != 6103 || first != "2021-06-01" || last != "2021-08-31" {
		t.Errorf("sum of page views %d, data period %s..%s; want 6103 and the report's period", sum, first, last)
	}
}

func TestIngestPageReportGoogleAnalyticsDutchQuoted(t *testing.T) {
	db, path := testDB(t)
	out := ingestSite(t, db, path, "kennisplein", "../testdata/ingest/page_report_ga_nl_quoted")
	checkOutcome(t, out[0], "page_report", "utf-8", 3, 1, 0, 0)
	want := []reportRow{
		// "2.546" next to "99,88%": Dutch, so 2546 and 0,9988.
		{"ga", "kennisplein", summer, "/begeleiding-a-la-carte/hoe-een-andere-omgeving", "", 2546, 2001, 125, 0.9988, 0.485},
		// A bare path in a file that names no site: the site --site names.
		{"ga", "kennisplein", summer, "/begeleiding-a-la-carte/model-bravo", "", 533, 402, 74, 0.55, 0.40},
		// A view that shows host names: the host says the site.
		{"ga", "vilans", summer, "/artikelen/begeleiding-a-la-carte/model-bravo", "", 120, 110, 74, 0.50, 0.45},
	}
	if diff := cmp.Diff(want, reportRows(t, db), closeFloats); diff != "" {
		t.Errorf("page_reports (-want +got):\n%s", diff)
	}
}

func TestIngestPageReportPeriodInName(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/page_report_period_in_name")
	checkOutcome(t, out[0], "page_report", "utf-8", 2, 1, 0, 0)
	want := []reportRow{
		{"ga", "kennisplein", summer, "", "Begeleiding à la carte - Kennisplein Gehandicaptensector", 1204, 980, 65, 0.401, 0.30},
		{"ga", "kennisplein", summer, "", "Model BRAVO! wijst aan wat belangrijk is in begeleiding", 533, 402, 74, 0.55, 0.40},
	}
	if diff := cmp.Diff(want, reportRows(t, db), closeFloats); diff != "" {
		t.Errorf("page_reports (-want +got):\n%s", diff)
	}
}

func TestIngestPageReportWithoutPeriodIsRejected(t *testing.T) {
	db, path := testDB(t)
	out := ingestPaths(t, db, path, "../testdata/ingest/page_report_no_period")
	if out[0].Status != "failed" || !strings.Contains(out[0].Err.Error(),
		"paginas.csv: the file does not say which period it reports on; give it with --period 2021-06-01..2021-08-31, or put the dates in the file name") {
		t.Fatalf("outcome %+v, want failed saying to give --period or dates in the name", out[0])
	}
	if n := len(reportRows(t, db)); n != 0 {
		t.Errorf("%d rows loaded from a rejected file", n)
	}
	// With the period given, the file still says no site: refused, never loaded with an
	// empty site that the top lists would leave out.
	period := Period{Start: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2021, 6, 30, 0, 0, 0, 0, time.UTC)}
	out, err := Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: testConfig(t), Period: period}, exportsOf(t, []string{"../testdata/ingest/page_report_no_period"}))
	if err != nil || out[0].Status != "failed" || !strings.Contains(out[0].Err.Error(), "does not say which site its pages are on") || !strings.Contains(out[0].Err.Error(), "give --site") {
		t.Fatalf("outcome %+v (%v), want failed saying to give --site", out[0], err)
	}
	// With the period and the site given, it loads.
	out, err = Ingest(context.Background(), db, IngestOptions{DBPath: path, Config: testConfig(t), Period: period, Site: "kennisplein"}, exportsOf(t, []string{"../testdata/ingest/page_report_no_period"}))
	if err != nil {
		t.Fatal(err)
	}
	checkOutcome(t, out[0], "page_report", "utf-8", 1, 0, 0, 0)
	want := []reportRow{{"matomo", "kennisplein", "2021-06-01..2021-06-30", "/begeleiding-a-la-carte/", "", 1204, 980, 65, 0.40, 0.30}}
	if diff := cmp.Diff(want, reportRows(t, db), closeFloats); diff != "" {
		t.Errorf("page_reports (-want +got):\n%s", diff)
	}
}

// A re-export of the same report replaces its rows; another period adds to them.
func TestPageReportReExportReplaces(t *testing.T) {
	db, path := testDB(t)
	orig, err := os.ReadFile("../testdata/ingest/page_report_ga_en/Analytics All Web Site Data Pages 20210601-20210831.csv")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	first := writeFile(t, dir, "kennisplein-1.csv", string(orig))
	again := writeFile(t, dir, "kennisplein-2.csv", strings.Replace(string(orig), `"4,200"`, `"4,300"`, 1))
	july := writeFile(t, dir, "kennisplein-3.csv", strings.ReplaceAll(string(orig), "20210601-20210831", "20210701-20210731"))
	out := ingestPaths(t, db, path, first, again, july)
	if out[1].Replaced != 3 || out[2].Replaced != 0 {
		t.Fatalf("outcomes %+v, want the re-export to replace 3 rows and July to add", out)
	}
	var n, sum int64
	db.QueryRow(`SELECT count(*), sum(pageviews)::BIGINT FROM page_reports WHERE period_end = DATE '2021-08-31'`).Scan(&n, &sum)
	if n != 3 || sum != 6203 {
		t.Errorf("%d rows with %d page views for the summer, want 3 with 6203 (the re-export's)", n, sum)
	}
}

func TestPageReportRejects(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	ambiguous := writeFile(t, dir, "kennisplein_pages_2021-06-01_2021-08-31.csv", "Label,Unique Pageviews,Pageviews\n/x,1.021,2.546\n")
	badRows := writeFile(t, dir, "kennisplein_bad_2021-06-01_2021-08-31.csv", "Page,Pageviews,Unique Pageviews,Avg. Time on Page,Bounce Rate,% Exit\n"+
		"/a,10,8,00:00:10,50.00%,25.00%\n"+
		"/b,1.5,1,00:00:10,50.00%,25.00%\n"+
		"/c,10,8,10 sec,50.00%,25.00%\n"+
		"/d,10,8,00:00:10,0.5,25.00%\n"+
		"https://www.example.org/e,10,8,00:00:10,50.00%,25.00%\n")
	compare := writeFile(t, dir, "kennisplein_compare.csv", "# 20210601-20210831\n# 20200601-20200831\n\nPage,Pageviews\n/a,1\n")
	out := ingestPaths(t, db, path, ambiguous, badRows, compare) // loaded in name order: bad, compare, pages
	if out[2].Status != "failed" || !strings.Contains(out[2].Err.Error(), `cannot tell whether "2.546" means thousands (Dutch) or a decimal (English)`) {
		t.Errorf("ambiguous numbers: %+v", out[2])
	}
	if out[1].Status != "failed" || !strings.Contains(out[1].Err.Error(), "compares two periods (2021-06-01..2021-08-31 and 2020-06-01..2020-08-31)") {
		t.Errorf("comparison export: %+v", out[1])
	}
	checkOutcome(t, out[0], "page_report", "utf-8", 1, 0, 0, 4)
	want := []string{
		`3:2 Pageviews: "1.5" is not a whole number of zero or more in column Pageviews (numbers in this file are English (1,234.5))`,
		`4:4 Avg. Time on Page: "10 sec" is not a number of seconds in column Avg. Time on Page`,
		`5:5 Bounce Rate: "0.5" is not a percentage like 45,5% in column Bounce Rate (numbers in this file are English (1,234.5))`,
		`6:1 Page: host "www.example.org" is not configured; add it to the hosts of a [[sites]] entry in bereik.toml`,
	}
	if diff := cmp.Diff(want, rejectRows(t, db)); diff != "" {
		t.Errorf("rejects (-want +got):\n%s", diff)
	}
}

func TestPeriods(t *testing.T) {
	for name, want := range map[string]string{
		"pages_2021-06-01_2021-08-31.csv":                         summer,
		"Analytics All Web Site Data Pages 20210601-20210831.csv": summer,
		"export 2021-06-01 tot 2021-08-31.tsv":                    summer,
		"pages_20210601_20210831.csv":                             summer,
		"pages_2021-08-31_2021-06-01.csv":                         "",
		"pages_2021-06-01.csv":                                    "",
		"pages_202106011_20210831.csv":                            "",
	} {
		got := ""
		if p := periodInName(name); !p.IsZero() {
			got = p.String()
		}
		if got != want {
			t.Errorf("periodInName(%q) = %q, want %q", name, got, want)
		}
	}
	if _, err := ParsePeriod("2021-08-31..2021-06-01"); err == nil {
		t.Error("a period ending before it starts is accepted")
	}
	if p, err := ParsePeriod(" 2021-06-01..2021-08-31 "); err != nil || p.String() != summer {
		t.Errorf("ParsePeriod = %v %v", p, err)
	}
}

// TestMatomoIndexLabelsAreFolderPages: Matomo's flattened labels name a folder's own page
// "index"; they load as the folder's path, which is what visit logs and access logs record.
func TestMatomoIndexLabelsAreFolderPages(t *testing.T) {
	db, path := testDB(t)
	dir := t.TempDir()
	file := dir + "/matomo_www.kennispleingehandicaptensector.nl_2021-06-01_2021-08-31.csv"
	body := "Label,Unique Pageviews,Pageviews,Bounce rate,Avg. time on page,Exit rate\n" +
		"/index,3500,4200,35%,40,20%\n" +
		"begeleiding-a-la-carte/ervaringsleren/index,700,800,40%,90,30%\n" +
		"/zoeken,100,120,10%,20,5%\n" +
		"begeleiding-a-la-carte/indexering,5,5,0%,10,100%\n"
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	ingestPaths(t, db, path, file)
	var got []string
	for _, r := range reportRows(t, db) {
		got = append(got, r.Path)
	}
	want := []string{"/", "/begeleiding-a-la-carte/ervaringsleren/", "/zoeken", "/begeleiding-a-la-carte/indexering"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}

// ingestSite ingests paths with --site.
func ingestSite(tb testing.TB, db *sql.DB, dbPath, site string, paths ...string) []FileOutcome {
	tb.Helper()
	out, err := Ingest(context.Background(), db, IngestOptions{DBPath: dbPath, Config: testConfig(tb), Site: site}, exportsOf(tb, paths))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
