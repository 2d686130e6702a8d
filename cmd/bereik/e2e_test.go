package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// demoDB is the demo data ingested once for all end-to-end tests of this package.
var demoDB = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "bereik-e2e-")
	if err != nil {
		return "", err
	}
	exports := filepath.Join(dir, "exports")
	db := filepath.Join(dir, "bereik.duckdb")
	var stderr bytes.Buffer
	if code := run([]string{"demo", "--dir", exports}, nil, &bytes.Buffer{}, &stderr); code != exitOK {
		return "", fmt.Errorf("demo exit %d: %s", code, stderr.String())
	}
	if code := run([]string{"ingest", "--db", db, "--config", filepath.Join(exports, "bereik.toml"), exports}, nil, &bytes.Buffer{}, &stderr); code != exitOK {
		return "", fmt.Errorf("ingest exit %d: %s", code, stderr.String())
	}
	return db, nil
})

func TestMain(m *testing.M) {
	if os.Getenv(asCLI) == "1" {
		if limit := os.Getenv(fileSizeLimit); limit != "" {
			// A disk that fills up: writes past the limit fail (EFBIG, as ENOSPC on a full
			// disk), on every thread: DuckDB's own threads would otherwise die of SIGXFSZ.
			signal.Ignore(syscall.SIGXFSZ)
			n, err := strconv.ParseUint(limit, 10, 64)
			if err == nil {
				err = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n})
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "file size limit:", err)
				os.Exit(99)
			}
		}
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	if path := os.Getenv(holdDB); path != "" {
		os.Exit(holdDatabase(path))
	}
	code := m.Run()
	if db, err := demoDB(); err == nil && db != "" {
		os.RemoveAll(filepath.Dir(db))
	}
	os.Exit(code)
}

// bereik runs the command in-process and returns its stdout, failing on a non-zero exit.
func bereik(tb testing.TB, args ...string) string {
	tb.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, nil, &stdout, &stderr); code != exitOK {
		tb.Fatalf("bereik %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String()
}

// queryCSV runs a named query against the demo database and returns its rows by column.
func queryCSV(tb testing.TB, name string, params ...string) []map[string]string {
	tb.Helper()
	db, err := demoDB()
	if err != nil {
		tb.Fatal(err)
	}
	args := []string{"query", "--db", db, name, "--format", "csv"}
	for _, p := range params {
		args = append(args, "--param", p)
	}
	recs, err := csv.NewReader(strings.NewReader(bereik(tb, args...))).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, col := range recs[0] {
			row[col] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// percent renders a CTR fraction as the report does, with two decimals.
func percent(tb testing.TB, fraction string) string {
	tb.Helper()
	f, err := strconv.ParseFloat(fraction, 64)
	if err != nil {
		tb.Fatalf("ctr %q: %v", fraction, err)
	}
	return strconv.FormatFloat(f*100, 'f', 2, 64) + "%"
}

func TestTwinkelFlightsReproduceFigure14(t *testing.T) {
	type flightRow struct{ Flight, Format, Impressions, UniqueReach, Views, Clicks, CTR string }
	var got []flightRow
	for _, r := range queryCSV(t, "twinkel_flights", "to=2021-08-31") {
		got = append(got, flightRow{r["flight"], r["format"], r["impressions"], r["unique_reach"], r["views"], r["clicks"], percent(t, r["ctr"])})
	}
	want := []flightRow{
		{"1", "static", "896158", "151136", "", "6402", "0.71%"},
		{"1", "dynamic", "97008", "30568", "61635", "797", "0.82%"},
		{"2", "static", "375585", "111267", "", "4567", "1.22%"},
		// The report published 0,82%; 487 / 54.986 is 0,89%.
		{"2", "dynamic", "54986", "23571", "36861", "487", "0.89%"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("twinkel_flights to 2021-08-31 (-want +got):\n%s", diff)
	}
}

func TestTwinkelTotalsAreRatiosOfSums(t *testing.T) {
	type totalRow struct{ Format, Impressions, ReachSum, Clicks, CTR string }
	var got []totalRow
	for _, r := range queryCSV(t, "twinkel_totals", "to=2021-08-31") {
		got = append(got, totalRow{r["format"], r["impressions"], r["reach_sum"], r["clicks"], percent(t, r["ctr"])})
	}
	want := []totalRow{
		// The report published the mean of the flights' CTRs: 0,96% and 0,82%.
		{"static", "1271743", "262403", "10969", "0.86%"},
		{"dynamic", "151994", "54139", "1284", "0.84%"},
		// "almost 1.5 million times halfway the campaign".
		{"total", "1423737", "316542", "12253", "0.86%"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("twinkel_totals to 2021-08-31 (-want +got):\n%s", diff)
	}
}

func TestTwinkelFlightsAfterTheCampaignUseTheLatestExports(t *testing.T) {
	rows := queryCSV(t, "twinkel_flights")
	flights := map[string]bool{}
	for _, r := range rows {
		flights[r["flight"]] = true
		if r["flight"] == "2" && r["data_end"] != "2021-09-12" {
			t.Errorf("flight 2 %s covers up to %s, want the complete export to 2021-09-12", r["format"], r["data_end"])
		}
		if r["flight"] == "3" && (r["unique_reach"] != "" || r["reach_upper_bound"] == "") {
			t.Errorf("flight 3 is exported per ad: unique reach %q must be unknown and the upper bound %q given", r["unique_reach"], r["reach_upper_bound"])
		}
	}
	if len(flights) != 3 {
		t.Errorf("flights %v, want 1, 2 and 3", flights)
	}
}

func TestTopArticlesReproduceThePublishedLists(t *testing.T) {
	type article struct {
		Title  string
		Visits string
	}
	got := map[string][]article{}
	for _, r := range queryCSV(t, "top_articles", "from=2019-09-01", "to=2021-08-31") {
		got[r["site"]] = append(got[r["site"]], article{r["page_title"], r["visits"]})
	}
	want := map[string][]article{
		"kennisplein": {
			{"Hoe een andere omgeving leidt tot minder gedragsproblemen", "17752"},
			{"Gesprekstool 'Wat is er?'", "3985"},
			{"Samenwerken met familie: Waarom loslaten nooit helemaal lukt", "3447"},
			{"Ervaringsleren – homepage dossier", "3131"},
			{"Gratis online aanbod dagbesteding in coronatijd", "2137"},
		},
		"vilans": {
			{"Model BRAVO! wijst aan wat belangrijk is in begeleiding", "1944"},
			{"Daginvulling cliënten door coronacrisis in stroomversnelling", "1326"},
			{"Tekort aan artsen voor verstandelijk gehandicapten: wat moet beter?", "998"},
			{"Coronacrisis versnelt de inzet van beeldzorg bij Triade Vitree", "964"},
			{"Hoogleraar Jan Kremer definieert 'goede persoonsgerichte zorg'", "930"},
		},
	}
	for site, w := range want {
		if diff := cmp.Diff(w, got[site]); diff != "" {
			t.Errorf("top_articles %s (-want +got):\n%s", site, diff)
		}
	}
}

func TestVisitsPerQuarterMatchThePublishedText(t *testing.T) {
	rows := queryCSV(t, "visits_per_quarter", "from=2019-09-01", "to=2021-08-31")
	if len(rows) != 8 {
		t.Fatalf("%d quarters, want 8 programme quarters from September 2019", len(rows))
	}
	total := 0
	for _, r := range rows {
		v, _ := strconv.Atoi(r["visits"])
		n, _ := strconv.Atoi(r["new_visits"])
		ret, _ := strconv.Atoi(r["returning_visits"])
		if n+ret != v {
			t.Errorf("quarter %s: new %d + returning %d != visits %d", r["quarter_start"], n, ret, v)
		}
		total += v
	}
	if total < 57000 || total >= 60000 {
		t.Errorf("total visits %d, want almost 60.000", total)
	}
	first, last := rows[0], rows[len(rows)-1]
	if first["quarter_start"] != "2019-09-01" || first["quarter_end"] != "2019-11-30" {
		t.Errorf("first quarter %s..%s, want September-November 2019", first["quarter_start"], first["quarter_end"])
	}
	if v, _ := strconv.Atoi(first["visitors"]); v < 1000 || v > 1100 {
		t.Errorf("first quarter visitors %d, want just over 1.000", v)
	}
	if last["quarter_start"] != "2021-06-01" || last["quarter_end"] != "2021-08-31" {
		t.Errorf("last quarter %s..%s, want June-August 2021", last["quarter_start"], last["quarter_end"])
	}
	if v, _ := strconv.Atoi(last["visitors"]); v < 10000 || v > 10600 {
		t.Errorf("last quarter visitors %d, want just over 10.000", v)
	}
}

func TestReingestOfTheDemoLoadsNothingNew(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	before := bereik(t, "query", "--db", db, "sources", "--format", "csv")
	var stderr bytes.Buffer
	exports := filepath.Join(filepath.Dir(db), "exports")
	if code := run([]string{"ingest", "--db", db, "--log-format", "json", exports}, nil, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("re-ingest exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), `"unchanged":`) || strings.Contains(stderr.String(), `"msg":"loaded"`) {
		t.Errorf("re-ingest log does not say every file was unchanged:\n%s", stderr.String())
	}
	if after := bereik(t, "query", "--db", db, "sources", "--format", "csv"); after != before {
		t.Errorf("re-ingest changed what is loaded:\nbefore %s\nafter %s", before, after)
	}
}

func TestReportShowsCorrectedTotalsInDutch(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "report.html")
	bereik(t, "report", "--db", db, "--from", "2019-09-01", "--to", "2021-08-31", "-o", out)
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(html)
	for _, want := range []string{"1.271.743", "0,86%", "0,84%", "0,89%", "151.994", "17.752", "1.423.737"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, wrong := range []string{"0,96%"} {
		if strings.Contains(page, wrong) {
			t.Errorf("report shows the published mean-of-CTRs %q", wrong)
		}
	}
	// Nothing is loaded from another host; links a reader may follow (the posts' own
	// addresses) are no requests.
	for _, re := range []string{`(?i)src\s*=\s*["']?\s*(https?:|//)`, `(?i)<link[^>]*href\s*=\s*["']?\s*(https?:|//)`, `(?i)url\(\s*["']?\s*(https?:|//)`, `(?i)@import`} {
		if m := regexp.MustCompile(re).FindString(page); m != "" {
			t.Errorf("report loads from another host: %s", m)
		}
	}
}

func TestCommandErrors(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"query", "--db", db, "twinkel_flight"}, exitFailed, `did you mean "twinkel_flights"`},
		{[]string{"query", "--db", db, "twinkel_flights", "--param", "to=31-08-2021"}, exitFailed, `"31-08-2021" is not a date like 2021-08-31`},
		{[]string{"query", "--db", db, "twinkel_flights", "--param", "flight=2"}, exitFailed, `has no parameter "flight"; it takes: campaign (text), from (date), to (date)`},
		{[]string{"report", "--db", db, "--quarter", "2021-07"}, exitFailed, "no quarter starts in that month (quarters start in September and every third month after); the nearest quarters start in 2021-06 and 2021-09"},
		{[]string{"report", "--db", db, "--quarter", "2021Q3"}, exitFailed, "quarters here start in September (quarter_start_month = 9), not in calendar quarters; name the quarter by its first month, like 2021-09"},
		{[]string{"report", "--db", db, "--quarter", "Q3"}, exitFailed, "want the quarter's first month, like 2021-06"},
		{[]string{"report", "--db", filepath.Join(t.TempDir(), "none.duckdb"), "--programme"}, exitFailed, "run bereik ingest first"},
		{[]string{"frobnicate"}, exitFailed, `unknown command "frobnicate"`},
		{[]string{"query", "--db", db, "--sql", "DELETE FROM page_view_rows"}, exitFailed, "read-only"},
		{[]string{"query", "--db", db, "top_articles", "--param", "limit=vijf"}, exitFailed, `"vijf" is not a whole number`},
		{[]string{"query", "--db", db, "top_articles", "--param", "limit"}, exitFailed, `"limit": want key=value`},
		{[]string{"query", "--db", db, "top_articles", "--format", "xml"}, exitFailed, "--format must be table, csv or json"},
		{[]string{"report", "--db", db, "--campaign", "Twinkels 2022"}, exitFailed, `no campaign "Twinkels 2022"`},
		{[]string{"report", "--db", db, "--campaign", "Twinkels 2021", "--flight", "4"}, exitFailed, "has no flight 4; its flights are 1, 2, 3"},
		{[]string{"report", "--db", db, "--flight", "2", "--programme"}, exitFailed, "--flight goes with --campaign"},
		{[]string{"annotate", "--db", db, "9 augustus", "start"}, exitFailed, `"9 augustus" is not a date like 2021-08-09`},
	} {
		var stderr bytes.Buffer
		code := run(tc.args, nil, &bytes.Buffer{}, &stderr)
		if code != tc.code || strings.Count(stderr.String(), tc.want) != 1 {
			t.Errorf("bereik %s: exit %d, stderr %q; want exit %d and %q once", strings.Join(tc.args, " "), code, stderr.String(), tc.code, tc.want)
		}
	}
}

func TestHostileTitleFromAnExportRendersAsText(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hostile.duckdb")
	var stderr bytes.Buffer
	if code := run([]string{"ingest", "--db", db, "../../testdata/ingest/visit_log", "../../testdata/ingest/catalogue"}, nil, &bytes.Buffer{}, &stderr); code != exitPartial {
		t.Fatalf("ingest exit %d, want %d for the fixture's two bad rows: %s", code, exitPartial, stderr.String())
	}
	out := filepath.Join(dir, "report.html")
	bereik(t, "report", "--db", db, "--programme", "-o", out)
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(html)
	if strings.Contains(page, "<script>alert(1)") {
		t.Error("the page title from the export became markup")
	}
	if !strings.Contains(page, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile page title is not shown as text in its table")
	}
}

func TestCampaignReportForOneFlightAndForAll(t *testing.T) {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	render := func(args ...string) string {
		out := filepath.Join(t.TempDir(), "campaign.html")
		bereik(t, append([]string{"report", "--db", db, "-o", out}, args...)...)
		html, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(html)
	}
	flight2 := render("--campaign", "Twinkels 2021", "--flight", "2")
	for _, want := range []string{"Campagne Twinkels 2021 – vlucht 2", "9 augustus 2021 – 12 september 2021", "571.240", "0,89%", "CSV downloaden"} {
		if !strings.Contains(flight2, want) {
			t.Errorf("flight 2 report lacks %q", want)
		}
	}
	for _, unwanted := range []string{"896.158", "Bezoeken per kwartaal", `id="top-articles"`} {
		if strings.Contains(flight2, unwanted) {
			t.Errorf("flight 2 report shows %q", unwanted)
		}
	}
	// After the campaign: the addendum with all three flights, to 28 November 2021.
	all := render("--campaign", "Twinkels 2021", "--lang", "en")
	for _, want := range []string{"14 June 2021 – 28 November 2021", "896,158", "1,193,098", "3,000,207",
		// After the campaign, its last forecast beside the outcome: the forecast with the
		// data to the end of flight 2.
		"<h3>Forecast and outcome</h3>", "The campaign ended on 28 November 2021, with 3,000,207 impressions.",
		`<th scope="row">Last forecast</th>`, "Last forecast (data to 12 Sep 2021)"} {
		if !strings.Contains(all, want) {
			t.Errorf("campaign report lacks %q", want)
		}
	}
}
