package main

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"bereik/pipeline"
	"bereik/queries"
)

// handDB is a fresh database with the built-in configuration (quarters from September,
// the demo's sites, campaign and referral rules) and the given rows inserted, for
// queries on sources the demo does not have.
func handDB(tb testing.TB, config string, statements ...string) *sql.DB {
	tb.Helper()
	ctx := context.Background()
	path := filepath.Join(tb.TempDir(), "hand.duckdb")
	db, err := pipeline.Open(ctx, path, pipeline.OpenOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	cfg, err := pipeline.LoadConfig("")
	if config != "" {
		cfg, err = pipeline.ParseConfig([]byte(config), "test.toml")
	}
	if err != nil {
		tb.Fatal(err)
	}
	// An ingest of no files stores the configuration: settings, sites, referral rules.
	if _, err := pipeline.Ingest(ctx, db, pipeline.IngestOptions{DBPath: path, Config: cfg}, nil); err != nil {
		tb.Fatal(err)
	}
	// Page views count once their file is published in ingest_log: the test's own entry
	// for file 3, else a visit log's.
	statements = append(statements, `INSERT INTO ingest_log (file_id, sha256, path, kind, bytes, rows_loaded, rows_rejected, rows_skipped, rows_replaced, loaded_at)
		SELECT 3, 'hand', 'exports/bezoeken.csv', 'visit_log', 1, count(*), 0, 0, 0, TIMESTAMP '2021-12-01 00:00:00' FROM page_view_rows
		WHERE file_id = 3 AND NOT EXISTS (SELECT 1 FROM ingest_log WHERE file_id = 3) HAVING count(*) > 0`)
	for _, s := range statements {
		if _, err := db.ExecContext(ctx, s); err != nil {
			tb.Fatalf("%v\n%s", err, s)
		}
	}
	// The page views were written by hand: their keys, pages and visits as ingest keeps them.
	if err := pipeline.RebuildDerived(ctx, db); err != nil {
		tb.Fatal(err)
	}
	return db
}

// ask runs a named query and returns its rows as text, one string per row, values joined
// by " | " (NULL as "-", dates as 2006-01-02, fractions to four decimals).
func ask(tb testing.TB, db *sql.DB, name string, params ...string) []string {
	tb.Helper()
	p := map[string]string{}
	for _, kv := range params {
		k, v, _ := strings.Cut(kv, "=")
		p[k] = v
	}
	q, err := queries.Lookup(name)
	if err != nil {
		tb.Fatal(err)
	}
	args, err := q.Parse(p)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := queries.Run(context.Background(), db, name, args)
	if err != nil {
		tb.Fatal(err)
	}
	var rows []string
	for _, row := range res.Rows {
		var cells []string
		for _, v := range row {
			switch x := v.(type) {
			case nil:
				cells = append(cells, "-")
			case time.Time:
				if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
					cells = append(cells, x.Format(time.DateOnly))
				} else {
					cells = append(cells, x.Format("2006-01-02T15:04"))
				}
			case float64:
				cells = append(cells, fmt.Sprintf("%.4f", x))
			default:
				cells = append(cells, fmt.Sprint(x))
			}
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	return rows
}

// post is one social_posts row.
func post(platform, id, published, title, url string, impressions, reach, clicks, engagements, likes, comments, shares, views any) string {
	v := func(x any) string {
		if x == nil {
			return "NULL"
		}
		return fmt.Sprint(x)
	}
	return fmt.Sprintf(`INSERT INTO social_posts (file_id, line, platform, post_id, published_at, title, url, impressions, reach, clicks, engagements, likes, comments, shares, video_views)
		VALUES (1, 2, '%s', '%s', TIMESTAMP '%s', '%s', '%s', %s, %s, %s, %s, %s, %s, %s, %s)`,
		platform, id, published, strings.ReplaceAll(title, "'", "''"), url, v(impressions), v(reach), v(clicks), v(engagements), v(likes), v(comments), v(shares), v(views))
}

func TestChannelReachPerQuarterAndPlatform(t *testing.T) {
	db := handDB(t, "",
		// September-November 2020: two LinkedIn posts, one with engagements exported, one
		// with only their parts (likes 10 + comments 2 + shares 3 + clicks 5 = 20).
		post("linkedin", "li-1", "2020-09-03 10:00:00", "Eerste", "https://www.linkedin.com/feed/update/1", 1000, 800, 40, 60, nil, nil, nil, nil),
		post("linkedin", "li-2", "2020-11-30 23:00:00", "Tweede", "https://www.linkedin.com/feed/update/2", 3000, 2500, 5, nil, 10, 2, 3, nil),
		// A post without impressions counts as a post, but not in the rate.
		post("linkedin", "li-3", "2020-10-01 09:00:00", "Derde", "", nil, nil, nil, 7, nil, nil, nil, nil),
		// December: the next quarter (quarters start in September).
		post("facebook", "fb-1", "2020-12-01 08:00:00", "Vierde", "https://www.facebook.com/1", 500, 400, 1, nil, nil, nil, nil, nil),
		post("x", "x-1", "2021-01-15 08:00:00", "Vijfde", "https://x.com/a/status/1", 200, nil, 4, 9, nil, nil, nil, nil),
	)
	got := ask(t, db, "channel_reach")
	// quarter | platform | posts | impressions | engagements | rate | reach summed
	want := []string{
		// Engagements 60 + 20 (+ 7 of the post without impressions); rate 80 / 4000.
		"2020-09-01 | 2020-11-30 | linkedin | 3 | 4000 | 87 | 0.0200 | 3300 | posts",
		// No engagements, likes, comments or shares exported: its 1 click is its engagement.
		"2020-12-01 | 2021-02-28 | facebook | 1 | 500 | 1 | 0.0020 | 400 | posts",
		"2020-12-01 | 2021-02-28 | x | 1 | 200 | 9 | 0.0450 | - | posts",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("channel_reach (-want +got):\n%s", diff)
	}
	// A period that cuts a quarter names the part it covers.
	got = ask(t, db, "channel_reach", "from=2020-10-01", "to=2020-12-31")
	want = []string{
		"2020-10-01 | 2020-11-30 | linkedin | 2 | 3000 | 27 | 0.0067 | 2500 | posts",
		"2020-12-01 | 2020-12-31 | facebook | 1 | 500 | 1 | 0.0020 | 400 | posts",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("channel_reach October-December (-want +got):\n%s", diff)
	}
}

func TestTopPostsNameTheirMetric(t *testing.T) {
	db := handDB(t, "",
		post("linkedin", "li-1", "2021-03-01 10:00:00", "Samenwerken met familie", "https://www.linkedin.com/1", 10400, nil, nil, nil, nil, nil, nil, nil),
		post("linkedin", "li-2", "2021-03-02 10:00:00", "Flexwonen", "https://www.linkedin.com/2", 8192, nil, nil, nil, nil, nil, nil, 99999),
		post("linkedin", "li-3", "2021-03-03 10:00:00", "Gelijk aan de tweede", "https://www.linkedin.com/3", 8192, nil, nil, nil, nil, nil, nil, nil),
		post("linkedin", "li-4", "2021-03-04 10:00:00", "Zonder weergaven", "https://www.linkedin.com/4", nil, nil, nil, nil, nil, nil, nil, nil),
		// YouTube ranks by views, not by thumbnail impressions.
		post("youtube", "yt-1", "2021-02-01 10:00:00", "Milan over communicatie", "https://youtu.be/1", 90000, nil, nil, nil, nil, nil, nil, 1639),
		post("youtube", "yt-2", "2021-02-02 10:00:00", "Sagar over 1001 begeleiders", "https://youtu.be/2", 99000, nil, nil, nil, nil, nil, nil, 1433),
		post("x", "x-old", "2019-01-01 10:00:00", "Voor de periode", "https://x.com/1", 50000, nil, nil, nil, nil, nil, nil, nil),
	)
	got := ask(t, db, "top_posts", "from=2020-09-01", "to=2021-08-31", "limit=2")
	want := []string{
		"linkedin | 1 | impressions | 10400 | 2021-03-01T10:00 | Samenwerken met familie | https://www.linkedin.com/1 | li-1",
		"linkedin | 2 | impressions | 8192 | 2021-03-02T10:00 | Flexwonen | https://www.linkedin.com/2 | li-2",
		"youtube | 1 | views | 1639 | 2021-02-01T10:00 | Milan over communicatie | https://youtu.be/1 | yt-1",
		"youtube | 2 | views | 1433 | 2021-02-02T10:00 | Sagar over 1001 begeleiders | https://youtu.be/2 | yt-2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("top_posts (-want +got):\n%s", diff)
	}
}

// pageReport is one page_reports row.
func pageReport(tool, site, from, to, path, title string, pageviews, unique int) string {
	return fmt.Sprintf(`INSERT INTO page_reports (file_id, line, tool, site, period_start, period_end, path, page_title, pageviews, unique_pageviews)
		VALUES (2, 3, '%s', '%s', DATE '%s', DATE '%s', '%s', '%s', %d, %d)`, tool, site, from, to, path, title, pageviews, unique)
}

// pageView is one page_views row, of file 3 (which each test's ingest_log holds): its
// page and origin in their dimensions, where not there yet, and the row with their keys,
// as ingest writes them.
func pageView(ts, site string, visit, visitor int, path, title, referrer, utmSource, utmMedium string) string {
	return fmt.Sprintf(`INSERT INTO pages SELECT hash('%[2]s', '%[5]s'), '%[2]s', '%[5]s'
			WHERE NOT EXISTS (SELECT 1 FROM pages WHERE page_key = hash('%[2]s', '%[5]s'));
		INSERT INTO origins SELECT hash('%[7]s', '%[8]s', '%[9]s'), '%[7]s', '%[8]s', '%[9]s'
			WHERE NOT EXISTS (SELECT 1 FROM origins WHERE origin_key = hash('%[7]s', '%[8]s', '%[9]s'));
		INSERT INTO page_view_rows (file_id, ts, site, visit_id, visitor, page_title, page_key, origin_key)
		VALUES (3, TIMESTAMP '%[1]s', '%[2]s', %[3]d, %[4]d, '%[6]s', hash('%[2]s', '%[5]s'), hash('%[7]s', '%[8]s', '%[9]s'))`,
		ts, site, visit, visitor, path, title, referrer, utmSource, utmMedium)
}

func TestTopArticlesFromPageReportsWhereNoPageViews(t *testing.T) {
	const model = "/artikelen/begeleiding-a-la-carte/model-bravo"
	const daginvulling = "/artikelen/begeleiding-a-la-carte/daginvulling"
	db := handDB(t, "",
		// vilans.nl: no page views at all, only Matomo page reports. A monthly and a
		// quarterly report of the same months: only the quarter counts.
		pageReport("matomo", "vilans", "2021-06-01", "2021-08-31", model, "Model BRAVO!", 2500, 1944),
		pageReport("matomo", "vilans", "2021-06-01", "2021-06-30", model, "Model BRAVO!", 900, 700),
		pageReport("matomo", "vilans", "2021-06-01", "2021-08-31", daginvulling, "Daginvulling", 1500, 1326),
		// Not a programme page, and a row without a path: left out.
		pageReport("matomo", "vilans", "2021-06-01", "2021-08-31", "/over-vilans", "Over Vilans", 9000, 8000),
		pageReport("matomo", "vilans", "2021-06-01", "2021-08-31", "", "Alleen een titel", 9000, 8000),
		// Outside the period asked.
		pageReport("matomo", "vilans", "2021-09-01", "2021-09-30", model, "Model BRAVO!", 500, 400),
		// Kennisplein has page views in June: its June page report is never added to them;
		// its September report (no page views then) is.
		pageView("2021-06-10 10:00:00", "kennisplein", 1, 1, "/begeleiding-a-la-carte/artikel", "Artikel", "", "", ""),
		pageView("2021-06-11 10:00:00", "kennisplein", 2, 1, "/begeleiding-a-la-carte/artikel", "Artikel", "", "", ""),
		pageReport("ga", "kennisplein", "2021-06-01", "2021-06-30", "/begeleiding-a-la-carte/artikel", "Artikel", 50, 40),
		pageReport("ga", "kennisplein", "2021-09-01", "2021-09-30", "/begeleiding-a-la-carte/artikel", "Artikel", 10, 7),
		pageReport("ga", "kennisplein", "2021-09-01", "2021-09-30", "/begeleiding-a-la-carte/ander", "Ander", 3, 3),
	)
	got := ask(t, db, "top_articles", "from=2021-06-01", "to=2021-08-31")
	want := []string{
		"kennisplein | 1 | /begeleiding-a-la-carte/artikel | Artikel | - | - | 2 | 1 | page_views | visits | - | -",
		"vilans | 1 | " + model + " | Model BRAVO! | - | - | 1944 | - | page_reports | visits | - | -",
		"vilans | 2 | " + daginvulling + " | Daginvulling | - | - | 1326 | - | page_reports | visits | - | -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("top_articles June-August (-want +got):\n%s", diff)
	}
	got = ask(t, db, "top_articles", "from=2021-06-01", "to=2021-09-30")
	want = []string{
		// June from page views, September from the report: visits add, visitors unknown.
		"kennisplein | 1 | /begeleiding-a-la-carte/artikel | Artikel | - | - | 9 | - | both | visits | - | -",
		"kennisplein | 2 | /begeleiding-a-la-carte/ander | Ander | - | - | 3 | - | page_reports | visits | - | -",
		"vilans | 1 | " + model + " | Model BRAVO! | - | - | 2344 | - | page_reports | visits | - | -",
		"vilans | 2 | " + daginvulling + " | Daginvulling | - | - | 1326 | - | page_reports | visits | - | -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("top_articles June-September (-want +got):\n%s", diff)
	}
}

func TestReferralChannelsFollowTheRules(t *testing.T) {
	const page = "/begeleiding-a-la-carte/artikel"
	visit := func(n int, referrer, utmSource, utmMedium string) []string {
		ts := fmt.Sprintf("2021-06-%02d 10:00:00", n)
		return []string{
			pageView(ts, "kennisplein", n, 100+n, page, "Artikel", referrer, utmSource, utmMedium),
			// A later page view of the same visit never decides its channel.
			pageView(fmt.Sprintf("2021-06-%02d 10:05:00", n), "kennisplein", n, 100+n, page, "Artikel", "https://www.google.com/", "", ""),
		}
	}
	var rows []string
	for i, v := range []struct{ referrer, source, medium string }{
		{"https://www.google.co.uk/search?q=x", "", ""},                  // search: 'google.' under any top-level domain
		{"https://google.nl/", "", ""},                                   // search
		{"https://m.facebook.com/story", "", ""},                         // facebook: a subdomain
		{"https://facebook.com.evil.example/", "", ""},                   // other: not a subdomain of facebook.com
		{"https://notgoogle.com/", "", ""},                               // other
		{"https://l.facebook.com/", "facebook", "paid"},                  // paid_social: utm_medium paid comes first
		{"", "nieuwsbrief", "email"},                                     // newsletter
		{"", "", ""},                                                     // direct
		{"https://www.twinkelmagazine.nl/twinkels/x", "", ""},            // internal: an own site
		{"https://www.kennispleingehandicaptensector.nl/zoeken", "", ""}, // internal
		{"", "onbekend", ""},                                             // other: a tag no rule knows
		{"https://LNKD.IN/abc", "", ""},                                  // linkedin, whatever the case
	} {
		rows = append(rows, visit(i+1, v.referrer, v.source, v.medium)...)
	}
	db := handDB(t, "", rows...)
	got := ask(t, db, "referral_sources", "from=2021-06-01", "to=2021-08-31")
	want := []string{
		"2021-06-01 | 2021-08-31 | paid_social | 1 | 1 | 1 | 12 | 0.0833",
		"2021-06-01 | 2021-08-31 | newsletter | 2 | 1 | 1 | 12 | 0.0833",
		"2021-06-01 | 2021-08-31 | facebook | 3 | 1 | 1 | 12 | 0.0833",
		"2021-06-01 | 2021-08-31 | linkedin | 5 | 1 | 1 | 12 | 0.0833",
		"2021-06-01 | 2021-08-31 | search | 8 | 2 | 2 | 12 | 0.1667",
		"2021-06-01 | 2021-08-31 | other | 9 | 3 | 3 | 12 | 0.2500",
		"2021-06-01 | 2021-08-31 | internal | 10 | 2 | 2 | 12 | 0.1667",
		"2021-06-01 | 2021-08-31 | direct | 11 | 1 | 1 | 12 | 0.0833",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("referral_sources (-want +got):\n%s", diff)
	}
}

func TestReferralChannelsComeFromTheConfiguration(t *testing.T) {
	// A configuration that counts LinkedIn as "professional" and knows no search engines.
	config := `quarter_start_month = 1
[programme]
main_site = "kennisplein"
[[sites]]
name = "kennisplein"
hosts = ["www.kennispleingehandicaptensector.nl"]
programme_prefixes = ["/"]
[[referrals]]
channel = "professional"
referrer_hosts = ["linkedin.com", "lnkd.in"]
`
	db := handDB(t, config,
		pageView("2021-07-01 10:00:00", "kennisplein", 1, 1, "/a", "A", "https://www.linkedin.com/", "", ""),
		pageView("2021-07-02 10:00:00", "kennisplein", 2, 2, "/a", "A", "https://www.google.nl/", "", ""),
		pageView("2021-10-02 10:00:00", "kennisplein", 3, 1, "/a", "A", "https://lnkd.in/x", "", ""),
	)
	got := ask(t, db, "referral_sources")
	// Calendar quarters; the same visitor counts in each quarter it came in.
	want := []string{
		"2021-07-01 | 2021-09-30 | professional | 1 | 1 | 1 | 2 | 0.5000",
		"2021-07-01 | 2021-09-30 | other | 2 | 1 | 1 | 2 | 0.5000",
		"2021-10-01 | 2021-12-31 | professional | 1 | 1 | 1 | 1 | 1.0000",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("referral_sources (-want +got):\n%s", diff)
	}
}

func TestKeyFiguresCompareWithEarlierPeriods(t *testing.T) {
	const page = "/begeleiding-a-la-carte/artikel"
	db := handDB(t, "",
		// June-August 2021: visitor 1 twice (in June and in August), visitor 2 once.
		pageView("2021-06-05 10:00:00", "kennisplein", 1, 1, page, "A", "", "", ""),
		pageView("2021-06-05 10:01:00", "kennisplein", 1, 1, page, "A", "", "", ""),
		pageView("2021-08-05 10:00:00", "kennisplein", 2, 1, page, "A", "", "", ""),
		pageView("2021-07-05 10:00:00", "kennisplein", 3, 2, page, "A", "", "", ""),
		// March-May 2021: one visit. A non-programme page does not count.
		pageView("2021-04-05 10:00:00", "kennisplein", 4, 3, page, "A", "", "", ""),
		pageView("2021-04-06 10:00:00", "kennisplein", 5, 3, "/elders", "B", "", "", ""),
		// The data begin in March 2021: that window is covered from its first day.
		pageView("2021-03-02 10:00:00", "kennisplein", 6, 4, "/elders", "B", "", "", ""),
		post("linkedin", "li-1", "2021-07-01 10:00:00", "Bericht", "", 1200, nil, nil, nil, nil, nil, nil, nil),
		post("linkedin", "li-2", "2021-04-01 10:00:00", "Bericht", "", 800, nil, nil, nil, nil, nil, nil, nil),
		post("linkedin", "li-3", "2021-03-03 10:00:00", "Bericht", "", 100, nil, nil, nil, nil, nil, nil, nil),
	)
	got := ask(t, db, "key_figures", "from=2021-06-01", "to=2021-08-31")
	// metric | period | value | previous period | value | change | year earlier | value | change
	want := []string{
		"visits | 2021-06-01 | 2021-08-31 | 3 | 2021-03-01 | 2021-05-31 | 1 | 2.0000 | 2020-06-01 | 2020-08-31 | - | -",
		// Two distinct visitors, not three (visitor 1 came twice).
		"visitors | 2021-06-01 | 2021-08-31 | 2 | 2021-03-01 | 2021-05-31 | 1 | 1.0000 | 2020-06-01 | 2020-08-31 | - | -",
		"page_views | 2021-06-01 | 2021-08-31 | 4 | 2021-03-01 | 2021-05-31 | 1 | 3.0000 | 2020-06-01 | 2020-08-31 | - | -",
		// No ads loaded: n/a everywhere, never 0.
		"ad_impressions | 2021-06-01 | 2021-08-31 | - | 2021-03-01 | 2021-05-31 | - | - | 2020-06-01 | 2020-08-31 | - | -",
		"ad_clicks | 2021-06-01 | 2021-08-31 | - | 2021-03-01 | 2021-05-31 | - | - | 2020-06-01 | 2020-08-31 | - | -",
		"social_impressions | 2021-06-01 | 2021-08-31 | 1200 | 2021-03-01 | 2021-05-31 | 900 | 0.3333 | 2020-06-01 | 2020-08-31 | - | -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("key_figures (-want +got):\n%s", diff)
	}
	// Asked for some figures, it gives those rows as they are among all.
	got = ask(t, db, "key_figures", "from=2021-06-01", "to=2021-08-31", "metrics=social_impressions, visitors")
	if diff := cmp.Diff([]string{want[1], want[5]}, got); diff != "" {
		t.Errorf("key_figures with metrics (-want +got):\n%s", diff)
	}
	// A figure it does not have is an error that names the figures it has.
	if _, err := queries.Run(context.Background(), db, "key_figures", queries.Args{"metrics": "visit"}); err == nil || !strings.Contains(err.Error(), "it has visits, visitors") {
		t.Errorf("key_figures with an unknown metric: %v", err)
	}
	// Without a period, the period is the data's first to last day (2 March - 5 August
	// 2021), and the windows are computed from those days: the same figures.
	got = ask(t, db, "key_figures")
	if !strings.HasPrefix(got[0], "visits | 2021-03-02 | 2021-08-05 | 4 | ") || !strings.HasPrefix(got[2], "page_views | 2021-03-02 | 2021-08-05 | 5 | ") {
		t.Errorf("key_figures without a period: %q", got)
	}
	// An earlier window the data cover only in part (December-February; the data begin
	// in March) is not compared: a part is no match for a whole.
	got = ask(t, db, "key_figures", "from=2021-03-01", "to=2021-05-31")
	if !strings.HasPrefix(got[0], "visits | 2021-03-01 | 2021-05-31 | 1 | 2020-12-01 | 2021-02-28 | - | -") {
		t.Errorf("key_figures against a window before the data: %s", got[0])
	}
	// A period longer than a year has no year-earlier figure: the windows would overlap.
	got = ask(t, db, "key_figures", "from=2020-03-01", "to=2021-08-31")
	if !strings.HasSuffix(got[0], "| 2019-03-01 | 2020-08-31 | - | -") {
		t.Errorf("key_figures for 18 months: %s", got[0])
	}
	// A period of days, not whole months, is compared with as many days before it.
	got = ask(t, db, "key_figures", "from=2021-06-05", "to=2021-08-04")
	if !strings.HasPrefix(got[0], "visits | 2021-06-05 | 2021-08-04 | 2 | 2021-04-05 | 2021-06-04 | 1 | 1.0000 | 2020-06-05 | 2020-08-04 | - | -") {
		t.Errorf("key_figures for 61 days: %s", got[0])
	}
}

func TestFreshnessAndDataGaps(t *testing.T) {
	db := handDB(t, "",
		`INSERT INTO ingest_log VALUES
			(1, 'a', 'exports/bezoeken-juni.csv', 'visit_log', 10, 4, 2, 0, 0, DATE '2021-06-01', DATE '2021-06-05', TIMESTAMP '2021-06-06 06:00:00', 0),
			(2, 'b', 'exports/meta.csv', 'meta_ads', 10, 1, 0, 0, 0, DATE '2021-06-14', DATE '2021-06-20', TIMESTAMP '2021-06-06 06:00:00', 0),
			(3, 'c', 'exports/catalogus.csv', 'content_catalogue', 10, 1, 0, 0, 0, NULL, NULL, TIMESTAMP '2021-06-03 06:00:00', 0),
			(4, 'd', 'exports/posts.csv', 'linkedin_posts', 10, 1, 0, 0, 0, DATE '2021-05-01', DATE '2021-06-03', TIMESTAMP '2021-06-07 12:00:00', 0)`,
		`INSERT INTO rejects VALUES (1, 'exports/bezoeken-juni.csv', 9, 4, 'url', 'not a URL'), (1, 'exports/bezoeken-juni.csv', 7, 2, 'visit_id', 'empty')`,
		pageView("2021-06-01 10:00:00", "kennisplein", 1, 1, "/a", "A", "", "", ""),
		pageView("2021-06-02 10:00:00", "kennisplein", 2, 1, "/a", "A", "", "", ""),
		pageView("2021-06-05 10:00:00", "kennisplein", 3, 1, "/a", "A", "", "", ""),
		pageView("2021-06-05 11:00:00", "vilans", 4, 1, "/a", "A", "", "", ""),
	)
	// The last ingest is 7 June 12:00. The visit log's data end with 5 June, 36 hours
	// before it: fresh within 48 hours; the ads' data reach past it; the posts' end with
	// 3 June, 84 hours before it: stale. The catalogue has no dates.
	got := ask(t, db, "freshness")
	want := []string{
		"content_catalogue | Contentcatalogus | Content catalogue | 1 | - | 2021-06-03T06:00 | 2021-06-07T12:00 | 48 | - | false",
		"linkedin_posts | LinkedIn-berichten | LinkedIn posts | 1 | 2021-06-03 | 2021-06-07T12:00 | 2021-06-07T12:00 | 48 | 84 | true",
		"meta_ads | Meta-advertenties | Meta ads | 1 | 2021-06-20 | 2021-06-06T06:00 | 2021-06-07T12:00 | 48 | -324 | false",
		"visit_log | Bezoekerslogs | Visit logs | 1 | 2021-06-05 | 2021-06-06T06:00 | 2021-06-07T12:00 | 48 | 36 | false",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("freshness (-want +got):\n%s", diff)
	}
	got = ask(t, db, "data_gaps")
	want = []string{
		// 3 and 4 June have no page view.
		"page_views | kennisplein | 2021-06-01 | 2021-06-05 | 5 | 2 | 1 | 2021-06-03 | 2021-06-04",
		"page_views | vilans | 2021-06-05 | 2021-06-05 | 1 | 0 | 0 | - | -",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("data_gaps (-want +got):\n%s", diff)
	}
	got = ask(t, db, "rejected_files")
	want = []string{"exports/bezoeken-juni.csv | visit_log | Bezoekerslogs | Visit logs | 2021-06-06T06:00 | 4 | 2 | 0 | 0.3333 | 7 | visit_id | empty"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rejected_files (-want +got):\n%s", diff)
	}
}
