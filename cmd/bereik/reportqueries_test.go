package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"bereik/pipeline"
	"bereik/queries"
)

// The questions the report's first screen, its own channels, its top articles and its
// campaign section ask, on hand-built databases: each rule of issue 13 and of the exports
// of issue 15 that the demo's data do not show.

func TestSiteKeyFiguresCompareEachSiteWithItself(t *testing.T) {
	const page = "/begeleiding-a-la-carte/artikel"
	db := handDB(t, "",
		// Kennisplein since March 2021: one visit in April, three in June-August (visitor
		// 1 twice).
		pageView("2021-03-02 10:00:00", "kennisplein", 1, 1, "/elders", "B", "", "", ""),
		pageView("2021-04-05 10:00:00", "kennisplein", 2, 1, page, "A", "", "", ""),
		pageView("2021-06-05 10:00:00", "kennisplein", 3, 1, page, "A", "", "", ""),
		pageView("2021-08-05 10:00:00", "kennisplein", 4, 1, page, "A", "", "", ""),
		pageView("2021-07-05 10:00:00", "kennisplein", 5, 2, page, "A", "", "", ""),
		// The campaign's magazine is new on 14 June: nothing earlier to compare with.
		pageView("2021-06-14 09:00:00", "twinkelmagazine", 6, 3, "/twinkels/a", "T", "", "", ""),
		pageView("2021-06-15 09:00:00", "twinkelmagazine", 7, 4, "/twinkels/a", "T", "", "", ""),
	)
	got := ask(t, db, "site_key_figures", "from=2021-06-01", "to=2021-08-31")
	// site | metric | first | last | new | period | value | previous | value | change | year earlier | value | change
	want := []string{
		"kennisplein | visits | 2021-03-02 | 2021-08-05 | false | 2021-06-01 | 2021-08-31 | 3 | 2021-03-01 | 2021-05-31 | 1 | 2.0000 | 2020-06-01 | 2020-08-31 | - | -",
		"kennisplein | visitors | 2021-03-02 | 2021-08-05 | false | 2021-06-01 | 2021-08-31 | 2 | 2021-03-01 | 2021-05-31 | 1 | 1.0000 | 2020-06-01 | 2020-08-31 | - | -",
		"twinkelmagazine | visits | 2021-06-14 | 2021-06-15 | true | 2021-06-01 | 2021-08-31 | 2 | 2021-03-01 | 2021-05-31 | - | - | 2020-06-01 | 2020-08-31 | - | -",
		"twinkelmagazine | visitors | 2021-06-14 | 2021-06-15 | true | 2021-06-01 | 2021-08-31 | 2 | 2021-03-01 | 2021-05-31 | - | - | 2020-06-01 | 2020-08-31 | - | -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("site_key_figures (-want +got):\n%s", diff)
	}
	// The main site's visits are Fig. 11's for the same period.
	quarters := ask(t, db, "visits_per_quarter", "from=2021-06-01", "to=2021-08-31")
	if len(quarters) != 1 || !strings.HasPrefix(quarters[0], "2021-06-01 | 2021-08-31 | 3 |") {
		t.Errorf("visits_per_quarter %q, want the 3 visits of the site's key figure", quarters)
	}
	// A period before a site's data has no row for it.
	got = ask(t, db, "site_key_figures", "from=2021-03-01", "to=2021-05-31")
	if len(got) != 2 || !strings.HasPrefix(got[0], "kennisplein | visits |") {
		t.Errorf("March-May: %q, want Kennisplein only", got)
	}
}

// TestSiteKeyFiguresCountTheYearEarlier: a year-earlier window the site's data cover is
// counted and compared; one that overlaps a period of more than a year is neither.
func TestSiteKeyFiguresCountTheYearEarlier(t *testing.T) {
	const page = "/begeleiding-a-la-carte/artikel"
	db := handDB(t, "",
		pageView("2020-03-02 10:00:00", "kennisplein", 1, 1, "/elders", "B", "", "", ""),
		pageView("2020-07-05 10:00:00", "kennisplein", 2, 1, page, "A", "", "", ""),
		pageView("2021-07-05 10:00:00", "kennisplein", 3, 2, page, "A", "", "", ""),
		pageView("2021-07-06 10:00:00", "kennisplein", 4, 3, page, "A", "", "", ""),
	)
	got := ask(t, db, "site_key_figures", "from=2021-06-01", "to=2021-08-31")
	if len(got) != 2 || !strings.HasSuffix(got[0], "| 2021-06-01 | 2021-08-31 | 2 | 2021-03-01 | 2021-05-31 | 0 | - | 2020-06-01 | 2020-08-31 | 1 | 1.0000") {
		t.Errorf("June-August 2021: %q, want 2 visits against 1 a year earlier", got)
	}
	got = ask(t, db, "site_key_figures", "from=2020-06-01", "to=2021-08-31")
	if len(got) != 2 || !strings.HasSuffix(got[0], "| 2020-06-01 | 2021-08-31 | 3 | 2019-03-01 | 2020-05-31 | - | - | 2019-06-01 | 2020-08-31 | - | -") {
		t.Errorf("15 months: %q, want no year-earlier figure", got)
	}
}

func TestCoverageJudgesTheReportsPeriod(t *testing.T) {
	db := handDB(t, "",
		`INSERT INTO ingest_log VALUES
			(1, 'a', 'exports/bezoeken.csv', 'visit_log', 10, 4, 0, 0, 0, DATE '2021-03-01', DATE '2021-08-14', TIMESTAMP '2026-11-01 06:00:00', 0),
			(2, 'b', 'exports/meta.csv', 'meta_ads', 10, 1, 0, 0, 0, DATE '2021-06-14', DATE '2021-11-28', TIMESTAMP '2026-11-01 06:00:00', 0),
			(3, 'c', 'exports/catalogus.csv', 'content_catalogue', 10, 1, 0, 0, 0, NULL, NULL, TIMESTAMP '2026-11-01 06:00:00', 0),
			(4, 'd', 'exports/posts.csv', 'linkedin_posts', 10, 1, 0, 0, 0, DATE '2019-09-01', DATE '2021-12-31', TIMESTAMP '2026-11-01 06:00:00', 0),
			(5, 'e', 'exports/oud.csv', 'x_posts', 10, 1, 0, 0, 0, DATE '2019-09-01', DATE '2020-12-31', TIMESTAMP '2026-11-01 06:00:00', 0),
			(6, 'f', 'exports/kort.csv', 'page_report', 10, 1, 0, 0, 0, DATE '2021-07-01', DATE '2021-07-31', TIMESTAMP '2026-11-01 06:00:00', 0)`)
	// Loaded years after the data end, none of it is stale for June-August 2021: what
	// counts is whether the data cover the period.
	got := ask(t, db, "coverage", "from=2021-06-01", "to=2021-08-31")
	want := []string{
		"content_catalogue | Contentcatalogus | Content catalogue | content_items | 1 | - | - | 2026-11-01T06:00 | undated",
		"linkedin_posts | LinkedIn-berichten | LinkedIn posts | social_posts | 1 | 2019-09-01 | 2021-12-31 | 2026-11-01T06:00 | yes",
		"meta_ads | Meta-advertenties | Meta ads | meta_ads | 1 | 2021-06-14 | 2021-11-28 | 2026-11-01T06:00 | from",
		"page_report | Paginarapporten | Page reports | page_reports | 1 | 2021-07-01 | 2021-07-31 | 2026-11-01T06:00 | part",
		"visit_log | Bezoekerslogs | Visit logs | page_views | 1 | 2021-03-01 | 2021-08-14 | 2026-11-01T06:00 | until",
		"x_posts | X-berichten | X posts | social_posts | 1 | 2019-09-01 | 2020-12-31 | 2026-11-01T06:00 | no",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("coverage (-want +got):\n%s", diff)
	}
}

// ga4Report is one page_reports row of Google Analytics 4: views and users, no unique
// page views; a landing page's row has sessions instead of views.
func ga4Report(site, report, from, to, path string, views, users, sessions any) string {
	v := func(x any) string {
		if x == nil {
			return "NULL"
		}
		return fmt.Sprint(x)
	}
	return fmt.Sprintf(`INSERT INTO page_reports (file_id, line, tool, report, site, period_start, period_end, path, page_title, pageviews, users, sessions)
		VALUES (2, 3, 'ga4', '%s', '%s', DATE '%s', DATE '%s', '%s', '', %s, %s, %s)`, report, site, from, to, path, v(views), v(users), v(sessions))
}

func TestTopArticlesFromGA4NameTheirMetric(t *testing.T) {
	db := handDB(t, "",
		// vilans.nl has only GA4: its pages rank by views, with users beside them.
		ga4Report("vilans", "pages", "2021-06-01", "2021-08-31", "/artikelen/begeleiding-a-la-carte/model-bravo", 2500, 1900, nil),
		ga4Report("vilans", "pages", "2021-06-01", "2021-08-31", "/artikelen/begeleiding-a-la-carte/daginvulling", 1500, 1300, nil),
		// A landing page's sessions are no visits to it, and no views either.
		ga4Report("vilans", "landing_pages", "2021-06-01", "2021-08-31", "/artikelen/begeleiding-a-la-carte/landing", nil, nil, 9000),
		// Kennisplein has visits (a visit log): its GA4 report of the same months is not
		// added to them, nor ranked beside them.
		pageView("2021-06-10 10:00:00", "kennisplein", 1, 1, "/begeleiding-a-la-carte/artikel", "Artikel", "", "", ""),
		ga4Report("kennisplein", "pages", "2021-07-01", "2021-07-31", "/begeleiding-a-la-carte/ander", 700, 600, nil),
		// A GA4 landing-page report of a longer period never pushes a Matomo report out.
		pageReport("matomo", "twinkelmagazine", "2021-06-01", "2021-06-30", "/twinkels/a", "A", 50, 40),
		ga4Report("twinkelmagazine", "landing_pages", "2021-06-01", "2021-08-31", "/twinkels/a", nil, nil, 99),
	)
	got := ask(t, db, "top_articles", "from=2021-06-01", "to=2021-08-31")
	want := []string{
		"kennisplein | 1 | /begeleiding-a-la-carte/artikel | Artikel | - | - | 1 | 1 | page_views | visits | - | -",
		"twinkelmagazine | 1 | /twinkels/a | A | - | - | 40 | - | page_reports | visits | - | -",
		"vilans | 1 | /artikelen/begeleiding-a-la-carte/model-bravo | - | - | - | - | - | ga4 | views | 2500 | 1900",
		"vilans | 2 | /artikelen/begeleiding-a-la-carte/daginvulling | - | - | - | - | - | ga4 | views | 1500 | 1300",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("top_articles (-want +got):\n%s", diff)
	}
}

// xDay is one channel_days row of X's account export by day.
func xDay(day string, posts, impressions, engagements int) string {
	return fmt.Sprintf(`INSERT INTO channel_days (file_id, line, platform, day, posts, impressions, engagements)
		VALUES (4, 2, 'x', DATE '%s', %d, %d, %d)`, day, posts, impressions, engagements)
}

func TestChannelReachUsesAccountDaysWherePostsAreMissing(t *testing.T) {
	db := handDB(t, "",
		// September-November 2020: X's posts were exported; its daily totals of those
		// months are not added to them.
		post("x", "x-1", "2020-09-15 10:00:00", "Bericht", "", 200, nil, nil, 9, nil, nil, nil, nil),
		xDay("2020-09-15", 1, 250, 12),
		// December-February: no X posts, only daily totals: they count, as account days.
		xDay("2020-12-01", 1, 300, 10),
		xDay("2021-01-04", 2, 500, 30),
		post("linkedin", "li-1", "2020-12-02 10:00:00", "Bericht", "", 1000, 800, nil, 50, nil, nil, nil, nil),
	)
	got := ask(t, db, "channel_reach")
	want := []string{
		"2020-09-01 | 2020-11-30 | x | 1 | 200 | 9 | 0.0450 | - | posts",
		"2020-12-01 | 2021-02-28 | linkedin | 1 | 1000 | 50 | 0.0500 | 800 | posts",
		// Daily totals have no reach: no upper bound either.
		"2020-12-01 | 2021-02-28 | x | 3 | 800 | 40 | 0.0500 | - | account_days",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("channel_reach (-want +got):\n%s", diff)
	}
	// The key figure of the own channels' impressions counts the same rows.
	kf := ask(t, db, "key_figures", "from=2020-12-01", "to=2021-02-28")
	if !strings.HasPrefix(kf[5], "social_impressions | 2020-12-01 | 2021-02-28 | 1800 |") {
		t.Errorf("key figure %q, want the 1000 + 800 impressions of Fig. 13", kf[5])
	}
}

// adRow is one meta_ads row of the Twinkel campaign at ad-set level; linkClicks nil is an
// export without a Link clicks column.
func adRow(line int, from, to, adset, format string, flight, impressions, reach int, linkClicks, clicksAll any) string {
	v := func(x any) string {
		if x == nil {
			return "NULL"
		}
		return fmt.Sprint(x)
	}
	return fmt.Sprintf(`INSERT INTO meta_ads (file_id, line, reporting_start, reporting_end, campaign_name, adset_name, ad_name, campaign, flight, format, impressions, reach, link_clicks, clicks_all, level)
		VALUES (5, %d, DATE '%s', DATE '%s', 'Twinkels 2021', '%s', '', 'Twinkels 2021', %d, '%s', %d, %d, %s, %s, 'adset')`,
		line, from, to, adset, flight, format, impressions, reach, v(linkClicks), v(clicksAll))
}

func TestCampaignWithoutLinkClicksSaysSo(t *testing.T) {
	db := handDB(t, "",
		// Flight 1 static has link clicks; flight 1 dynamic came from an export without
		// the column (its clicks (all) are another metric and never count as link clicks).
		adRow(2, "2021-06-14", "2021-07-11", "Vlucht 1 statisch", "static", 1, 100000, 40000, 700, 1500),
		adRow(3, "2021-06-14", "2021-07-11", "Vlucht 1 dynamisch", "dynamic", 1, 50000, 20000, nil, 900),
		adRow(4, "2021-08-09", "2021-08-31", "Vlucht 2 dynamisch", "dynamic", 2, 10000, 5000, 100, 300),
	)
	got := ask(t, db, "twinkel_flights", "to=2021-08-31")
	// ... | impressions | reach | bound | views | clicks | clicked impressions | ctr | frequency
	want := []string{
		"Twinkels 2021 | 1 | 2021-06-14 | 2021-07-11 | static | 2021-06-14 | 2021-07-11 | 100000 | 40000 | 40000 | - | 700 | 100000 | 0.0070 | 2.5000",
		"Twinkels 2021 | 1 | 2021-06-14 | 2021-07-11 | dynamic | 2021-06-14 | 2021-07-11 | 50000 | 20000 | 20000 | - | - | - | - | 2.5000",
		"Twinkels 2021 | 2 | 2021-08-09 | 2021-09-12 | dynamic | 2021-08-09 | 2021-08-31 | 10000 | 5000 | 5000 | - | 100 | 10000 | 0.0100 | 2.0000",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("twinkel_flights (-want +got):\n%s", diff)
	}
	// The dynamic total's CTR counts only the impressions whose export had link clicks.
	got = ask(t, db, "twinkel_totals", "to=2021-08-31")
	want = []string{
		"static | 1 | 100000 | 40000 | - | 700 | 100000 | 0.0070",
		"dynamic | 2 | 60000 | 25000 | - | 100 | 10000 | 0.0100",
		"total | 2 | 160000 | 65000 | - | 800 | 110000 | 0.0073",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("twinkel_totals (-want +got):\n%s", diff)
	}
}

func TestOrganisationsAreTheCataloguesList(t *testing.T) {
	config := strings.Join([]string{string(pipeline.DefaultConfigTOML),
		"[[organisations]]", `name = "Stichting Ela"`, `aliases = ["Ela", "ELA (Emmen)"]`, ""}, "\n")
	// The default configuration already knows Stichting Ela; a second entry for it adds
	// an alias.
	db := handDB(t, config,
		`INSERT INTO content_items (file_id, nr, type, title, organisations, themes, site, path, is_prefix) VALUES
			(6, 1, 'kennisproduct', 'Een', 'De Berkelhof; Vilans', 'Thema', 'kennisplein', '/begeleiding-a-la-carte/een', false),
			(6, 2, 'kennisproduct', 'Twee', 'Ela (Emmen), met hulp', 'Thema', 'kennisplein', '/begeleiding-a-la-carte/twee', false),
			(6, 3, 'kennisproduct', 'Drie', 'ela; vilans', 'Thema', 'kennisplein', '/begeleiding-a-la-carte/drie', false)`,
		pageView("2021-06-01 10:00:00", "kennisplein", 1, 1, "/begeleiding-a-la-carte/een", "Een", "", "", ""),
		pageView("2021-06-01 10:00:00", "kennisplein", 2, 2, "/begeleiding-a-la-carte/twee", "Twee", "", "", ""),
		pageView("2021-06-01 10:00:00", "kennisplein", 3, 3, "/begeleiding-a-la-carte/drie", "Drie", "", "", ""),
	)
	got := ask(t, db, "visits_by_organisation")
	want := []string{
		// "ela" is an alias of Stichting Ela; "vilans" is Vilans in another case.
		"Vilans | false | 2 | 2 | 2",
		"De Berkelhof | false | 1 | 1 | 1",
		// Free text that is no list is one name, as the catalogue writes it: not split
		// on commas into phrases that are not names.
		"Ela (Emmen), met hulp | false | 1 | 1 | 1",
		"Stichting Ela | false | 1 | 1 | 1",
		"- | true | 3 | 3 | 3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("visits_by_organisation (-want +got):\n%s", diff)
	}
}

// TestReportQuestionOutOfMemoryIsAskedAgain checks that a report question that runs out of
// DuckDB's memory limit is asked again with the limit DuckDB had before.
func TestReportQuestionOutOfMemoryIsAskedAgain(t *testing.T) {
	path, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := pipeline.Open(ctx, path, pipeline.OpenOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := limitedRunner(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`SET GLOBAL memory_limit = '8MB'`); err != nil {
		t.Fatal(err)
	}
	args := queries.Args{"site": "kennisplein", "from": mustDay(t, "2019-09-01"), "to": mustDay(t, "2021-08-31")}
	// Within 8MB the question cannot be answered.
	if _, err := queries.Run(ctx, db, "visits_per_quarter", args); err == nil || !strings.Contains(err.Error(), "Out of Memory") {
		t.Fatalf("visits_per_quarter within 8MB: %v, want out of memory", err)
	}
	res, err := run.Run(ctx, "visits_per_quarter", args)
	if err != nil {
		t.Fatalf("asked by the report: %v, want an answer", err)
	}
	if len(res.Rows) != 8 {
		t.Errorf("%d quarters, want the programme's 8", len(res.Rows))
	}
}

func mustDay(tb testing.TB, s string) time.Time {
	tb.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// TestReturningVisitsAfterTheVisitorsFirst: a visit is new when it is its visitor's first
// on the site, by its start and then by its id, however far before the period or whichever
// page it had; every later visit of the visitor is returning.
func TestReturningVisitsAfterTheVisitorsFirst(t *testing.T) {
	const page = "/begeleiding-a-la-carte/artikel"
	db := handDB(t, "",
		// Visitor 1: two visits starting in the same second, the first (the lower id) of
		// another page; then one in July.
		pageView("2021-06-14 09:00:00", "kennisplein", 12, 1, page, "A", "", "", ""),
		pageView("2021-06-14 09:00:00", "kennisplein", 11, 1, "/elders", "B", "", "", ""),
		pageView("2021-07-01 10:00:00", "kennisplein", 13, 1, page, "A", "", "", ""),
		// Visitor 2: a visit in March of another page, before the period, then one in it.
		pageView("2021-03-02 10:00:00", "kennisplein", 21, 2, "/elders", "B", "", "", ""),
		pageView("2021-08-05 10:00:00", "kennisplein", 22, 2, page, "A", "", "", ""),
		// Visitor 3: one visit; and visitor 1's visit to another site does not count here.
		pageView("2021-07-05 10:00:00", "kennisplein", 31, 3, page, "A", "", "", ""),
		pageView("2021-05-01 10:00:00", "vilans", 41, 1, page, "A", "", "", ""),
		// Visitor 4: a visit that crosses the period's start, with its programme page in
		// the period (its first: new), and one that crosses its end (returning).
		pageView("2021-05-31 23:50:00", "kennisplein", 51, 4, "/elders", "B", "", "", ""),
		pageView("2021-06-01 00:10:00", "kennisplein", 51, 4, page, "A", "", "", ""),
		pageView("2021-08-31 23:55:00", "kennisplein", 52, 4, page, "A", "", "", ""),
		pageView("2021-09-01 00:05:00", "kennisplein", 52, 4, "/elders", "B", "", "", ""),
		// Visitor 5: a visit across the start whose programme page lies before it.
		pageView("2021-05-31 23:50:00", "kennisplein", 61, 5, page, "A", "", "", ""),
		pageView("2021-06-01 00:10:00", "kennisplein", 61, 5, "/elders", "B", "", "", ""),
	)
	got := ask(t, db, "visits_per_quarter", "site=kennisplein", "from=2021-06-01", "to=2021-08-31")
	// The programme's 6 visits of 4 visitors: new are visits 31 and 51; 12 comes after 11,
	// and 13, 22 and 52 after their visitors' first. Visit 61 is no programme visit of the period.
	want := []string{"2021-06-01 | 2021-08-31 | 6 | 4 | 2 | 4"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("visits_per_quarter (-want +got):\n%s", diff)
	}
}

// TestFunnelCountsTheVisitsInThePeriod: the funnel's visits are their page views in the
// period: a visit across the period's start or end counts with the time of its page views
// in the period, and comes from the magazine when its first page view in the period does.
func TestFunnelCountsTheVisitsInThePeriod(t *testing.T) {
	const magazine = "https://www.twinkelmagazine.nl/twinkels/a"
	db := handDB(t, "",
		// The magazine: a visit inside the period (50 s), one across its start (40 s in
		// it), one across its end (10 s in it) by the first visit's visitor, one before it.
		pageView("2021-06-20 10:00:00", "twinkelmagazine", 1, 1, "/twinkels/a", "A", "", "", ""),
		pageView("2021-06-20 10:01:00", "twinkelmagazine", 1, 1, "/twinkels/b", "B", "", "", ""),
		pageView("2021-06-13 23:50:00", "twinkelmagazine", 2, 2, "/twinkels/a", "A", "", "", ""),
		pageView("2021-06-14 00:05:00", "twinkelmagazine", 2, 2, "/twinkels/b", "B", "", "", ""),
		pageView("2021-08-31 23:58:00", "twinkelmagazine", 3, 1, "/twinkels/a", "A", "", "", ""),
		pageView("2021-09-01 00:03:00", "twinkelmagazine", 3, 1, "/twinkels/b", "B", "", "", ""),
		pageView("2021-06-10 12:00:00", "twinkelmagazine", 4, 5, "/twinkels/a", "A", "", "", ""),
		// The platform: visits whose first page view in the period came from the magazine
		// count (11 inside, 13 across the start, 14 across the end, 16 with the host in
		// capitals); 12 (the magazine second) and 15 (the magazine before the period) do not.
		pageView("2021-07-01 09:00:00", "kennisplein", 11, 1, "/begeleiding-a-la-carte/artikel", "A", magazine, "", ""),
		pageView("2021-07-01 09:02:00", "kennisplein", 11, 1, "/begeleiding-a-la-carte/ander", "B", "", "", ""),
		pageView("2021-07-02 09:00:00", "kennisplein", 12, 2, "/begeleiding-a-la-carte/artikel", "A", "", "", ""),
		pageView("2021-07-02 09:01:00", "kennisplein", 12, 2, "/begeleiding-a-la-carte/ander", "B", magazine, "", ""),
		pageView("2021-06-13 23:55:00", "kennisplein", 13, 3, "/begeleiding-a-la-carte/artikel", "A", "", "", ""),
		pageView("2021-06-14 00:02:00", "kennisplein", 13, 3, "/begeleiding-a-la-carte/ander", "B", magazine, "", ""),
		pageView("2021-08-31 23:59:00", "kennisplein", 14, 3, "/begeleiding-a-la-carte/artikel", "A", magazine, "", ""),
		pageView("2021-09-01 00:04:00", "kennisplein", 14, 3, "/begeleiding-a-la-carte/ander", "B", "", "", ""),
		pageView("2021-06-13 23:40:00", "kennisplein", 15, 4, "/begeleiding-a-la-carte/artikel", "A", magazine, "", ""),
		pageView("2021-06-14 00:01:00", "kennisplein", 15, 4, "/begeleiding-a-la-carte/ander", "B", "", "", ""),
		pageView("2021-07-03 09:00:00", "kennisplein", 16, 4, "/begeleiding-a-la-carte/artikel", "A", "https://WWW.TwinkelMagazine.nl/twinkels/a", "", ""),
		`UPDATE page_view_rows SET time_on_page = CASE visit_id * 100 + minute(ts)
			WHEN 100 THEN 30 WHEN 101 THEN 20 WHEN 250 THEN 100 WHEN 205 THEN 40 WHEN 358 THEN 10 WHEN 303 THEN 500
			WHEN 1100 THEN 60 WHEN 1355 THEN 70 WHEN 1302 THEN 30 WHEN 1459 THEN 20 WHEN 1404 THEN 100 ELSE 5 END`,
	)
	got := ask(t, db, "funnel", "campaign=Twinkels 2021", "from=2021-06-14", "to=2021-08-31",
		"magazine=twinkelmagazine", "platform=kennisplein")
	// step | stage | impressions | clicks | visits | visitors | seconds per visit | rate
	want := []string{
		"1 | ads | - | - | - | - | - | -",
		"2 | magazine | - | - | 3 | 2 | 33.3333 | -",
		"3 | platform | - | - | 4 | 3 | 30.0000 | 1.3333",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("funnel (-want +got):\n%s", diff)
	}
}

// TestQuarterVisitorsAreDistinctWithinEachQuarter: a visitor counts once in each quarter
// in which a visit of theirs counts, whatever visits of theirs that do not count lie
// between; over the quarters the visitors do not add up.
func TestQuarterVisitorsAreDistinctWithinEachQuarter(t *testing.T) {
	const page = "/begeleiding-a-la-carte/artikel"
	db := handDB(t, "",
		// Visitor 1: two visits in March-May, one of another page in June, one in July.
		pageView("2021-03-05 10:00:00", "kennisplein", 101, 1, page, "A", "", "", ""),
		pageView("2021-04-05 10:00:00", "kennisplein", 102, 1, page, "A", "", "", ""),
		pageView("2021-06-02 10:00:00", "kennisplein", 103, 1, "/elders", "B", "", "", ""),
		pageView("2021-07-01 10:00:00", "kennisplein", 104, 1, page, "A", "", "", ""),
		// Visitor 2: two visits in June.
		pageView("2021-06-10 10:00:00", "kennisplein", 201, 2, page, "A", "", "", ""),
		pageView("2021-06-11 10:00:00", "kennisplein", 202, 2, page, "A", "", "", ""),
		// Visitor 3: a visit of another page in March, one of the programme's in August.
		pageView("2021-03-10 10:00:00", "kennisplein", 301, 3, "/elders", "B", "", "", ""),
		pageView("2021-08-01 10:00:00", "kennisplein", 302, 3, page, "A", "", "", ""),
		// Visitor 4: a visit across the period's start, its programme page in the period.
		pageView("2021-02-28 23:50:00", "kennisplein", 401, 4, "/elders", "B", "", "", ""),
		pageView("2021-03-01 00:05:00", "kennisplein", 401, 4, page, "A", "", "", ""),
	)
	got := ask(t, db, "visits_per_quarter", "site=kennisplein", "from=2021-03-01", "to=2021-08-31")
	// quarter | visits | visitors | new | returning
	want := []string{
		"2021-03-01 | 2021-05-31 | 3 | 2 | 2 | 1",
		"2021-06-01 | 2021-08-31 | 4 | 3 | 1 | 3",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("visits_per_quarter (-want +got):\n%s", diff)
	}
}
