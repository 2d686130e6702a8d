package reports

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"bereik/queries"
)

// byName compares lists of queries asked in any order.
var byName = cmpopts.SortSlices(func(a, b askedQuery) bool {
	return a.Name+fmt.Sprint(a.Args) < b.Name+fmt.Sprint(b.Args)
})

// TestBuildFailsWithTheFirstQueryThatFails checks that a query that fails fails the
// report with its own error, whatever ran beside it.
func TestBuildFailsWithTheFirstQueryThatFails(t *testing.T) {
	for _, failing := range []string{"site_key_figures", "referral_sources", "annotations"} {
		run := &fakeRunner{results: publishedResults(t), fail: map[string]error{failing: errors.New("disk full")}}
		_, err := Build(context.Background(), run, programmeOptions(t, ""))
		if want := "report query " + failing + ": disk full"; err == nil || err.Error() != want {
			t.Errorf("%s fails: Build says %v, want %q", failing, err, want)
		}
	}
}

func TestBuildAsksTheReportsQueries(t *testing.T) {
	run := &fakeRunner{results: publishedResults(t)}
	if _, err := Build(context.Background(), run, programmeOptions(t, "")); err != nil {
		t.Fatal(err)
	}
	from, to := day(t, "2019-09-01"), day(t, "2021-08-31")
	period := queries.Args{"from": from, "to": to}
	top := queries.Args{"from": from, "to": to, "limit": int64(5)}
	campaign := queries.Args{"campaign": "Twinkels 2021", "from": from, "to": to}
	mainSite := queries.Args{"site": "kennisplein", "from": from, "to": to}
	want := []askedQuery{
		{"site_key_figures", period},
		// Not the visits of every site together: the sites' own figures show them.
		{"key_figures", queries.Args{"campaign": "Twinkels 2021", "from": from, "to": to, "metrics": "ad_impressions,ad_clicks,social_impressions"}},
		{"coverage", period},
		{"visits_per_quarter", mainSite},
		{"referral_sources", mainSite},
		{"channel_reach", period},
		{"top_articles", top},
		{"top_knowledge_products", queries.Args{"from": from, "to": to, "limit": int64(5), "type": "kennisproduct"}},
		{"visits_by_theme", period},
		{"visits_by_organisation", period},
		{"top_posts", top},
		{"twinkel_flights", campaign},
		{"twinkel_totals", campaign},
		{"forecast", queries.Args{"campaign": "Twinkels 2021", "to": to}},
		{"top_twinkels", queries.Args{"from": from, "to": to, "limit": int64(5), "site": "twinkelmagazine", "prefix": "/twinkels/"}},
		{"funnel", queries.Args{"campaign": "Twinkels 2021", "from": from, "to": to, "magazine": "twinkelmagazine", "platform": "kennisplein"}},
		{"data_gaps", period},
		{"rejected_files", queries.Args{}},
		{"annotations", period},
	}
	// Queries run side by side: they may start in another order than asked.
	if diff := cmp.Diff(want, run.asked, byName); diff != "" {
		t.Errorf("queries asked (-want +got):\n%s", diff)
	}
	if run.mostRunning > askedAtOnce {
		t.Errorf("%d queries ran at once, want at most %d", run.mostRunning, askedAtOnce)
	}
	// Every parameter of every query is given: none is left to a default.
	for _, a := range run.asked {
		q, err := queries.Lookup(a.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range q.Params {
			if _, ok := a.Args[p.Name]; !ok {
				t.Errorf("query %s is not given its parameter %s", a.Name, p.Name)
			}
		}
		if _, err := q.Bind(a.Args); err != nil {
			t.Error(err)
		}
	}
}

func TestBuildAsksTheCampaignReportsQueries(t *testing.T) {
	results := publishedResults(t)
	delete(results, queryVisitsPerQuarter) // a campaign report must not need them
	delete(results, queryTopArticles)
	run := &fakeRunner{results: results}
	if _, err := Build(context.Background(), run, campaignOptions(t, "nl", 2, "2021-08-09", "2021-09-12")); err != nil {
		t.Fatal(err)
	}
	from, to := day(t, "2021-08-09"), day(t, "2021-09-12")
	flight := queries.Args{"campaign": "Twinkels 2021", "from": from, "to": to}
	want := []askedQuery{
		{"twinkel_flights", flight},
		{"twinkel_totals", flight},
		{"forecast", queries.Args{"campaign": "Twinkels 2021", "to": to}},
		{"top_twinkels", queries.Args{"from": from, "to": to, "limit": int64(5), "site": "twinkelmagazine", "prefix": "/twinkels/"}},
		{"funnel", queries.Args{"campaign": "Twinkels 2021", "from": from, "to": to, "magazine": "twinkelmagazine", "platform": "kennisplein"}},
		{"annotations", queries.Args{"from": from, "to": to}},
	}
	if diff := cmp.Diff(want, run.asked, byName); diff != "" {
		t.Errorf("queries asked (-want +got):\n%s", diff)
	}
}

func TestRenderDutchTwinkelFigures(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, ""))
	for _, want := range []string{
		`<html lang="nl">`,
		"<h1>Begeleiding à la carte: bereik september 2019 – augustus 2021</h1>",
		"1 september 2019 – 31 augustus 2021",
		"1.271.743",                 // static impressions
		"0,86%",                     // static CTR: 10.969 / 1.271.743
		"0,84%",                     // dynamic CTR: 1.284 / 151.994
		"0,89%",                     // flight 2 dynamic
		"5,93",                      // flight 1 static frequency
		"statisch (foto met quote)", // format names
		"dynamisch (korte video)",
		"Doorklikratio (CTR) = klikken op links / weergaven",
		"sep-nov 2019",
		`<td class="num">–</td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Dutch report lacks %q", want)
		}
	}
	// 0,96% is the published mean of the static flights' CTRs, not the static CTR.
	if strings.Contains(out, "0,96%") {
		t.Error("Dutch report shows 0,96%, the mean of the flights' CTRs")
	}
}

func TestRenderEnglish(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "en"))
	for _, want := range []string{
		`<html lang="en">`,
		"<h1>Begeleiding à la carte: reach September 2019 – August 2021</h1>",
		"1 September 2019 – 31 August 2021",
		"1,271,743", "0.86%", "0.84%", "0.89%", "5.93",
		"static (photo with quote)",
		"≤ 262,403 (upper bound, not unique reach)",
		"Sep-Nov 2019",
		"n/a",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("English report lacks %q", want)
		}
	}
	for _, unwanted := range []string{"1.271.743", "0,86%", "n.v.t.", ">n/a<", "0.96%"} {
		if strings.Contains(out, unwanted) {
			t.Errorf("English report shows %q", unwanted)
		}
	}
}

// TestSummedReachOnlyAsUpperBound checks that a reach summed over flights never appears
// without the words that say it is an upper bound, not unique reach.
func TestSummedReachOnlyAsUpperBound(t *testing.T) {
	for _, tc := range []struct {
		lang, bound string
		sums        []string
	}{
		{"nl", " (bovengrens, geen uniek bereik)", []string{"262.403", "54.139", "316.542"}},
		{"en", " (upper bound, not unique reach)", []string{"262,403", "54,139", "316,542"}},
	} {
		out := render(t, publishedResults(t), programmeOptions(t, tc.lang))
		for _, sum := range tc.sums {
			n := strings.Count(out, sum)
			if n == 0 {
				t.Errorf("%s: summed reach %s is missing", tc.lang, sum)
			}
			if labelled := strings.Count(out, "≤ "+sum+tc.bound); labelled != n {
				t.Errorf("%s: summed reach %s appears %d times, %d of them labelled as an upper bound", tc.lang, sum, n, labelled)
			}
		}
	}
}

func TestMissingUniqueReachShowsUpperBoundInNote(t *testing.T) {
	results := publishedResults(t)
	flights := results[queryTwinkelFlights]
	rows := slices.Clone(flights.Rows)
	last := slices.Clone(rows[len(rows)-1]) // flight 2, dynamic
	last[flights.Col("unique_reach")] = nil
	last[flights.Col("frequency")] = nil
	rows[len(rows)-1] = last
	results[queryTwinkelFlights] = &queries.Result{Query: flights.Query, Columns: flights.Columns, Declared: flights.Declared, Rows: rows}

	out := render(t, results, programmeOptions(t, "nl"))
	wantNote := "Vlucht 2, dynamisch (korte video): de export geeft op dit niveau geen uniek bereik (de rijen zijn advertenties, dagen of uitsplitsingen zoals leeftijd of geslacht). " +
		"Het bereik van de rijen opgeteld is ≤ 23.571: een bovengrens, geen uniek bereik."
	if !strings.Contains(out, wantNote) {
		t.Errorf("report lacks the note %q", wantNote)
	}
	if !regexp.MustCompile(`<td class="num">onbekend<sup><a href="#flights-note-\d">\d</a></sup></td>`).MatchString(out) {
		t.Error("missing unique reach is not shown as onbekend with a note mark")
	}
	if strings.Count(out, "23.571") != 1 {
		t.Errorf("the upper bound 23.571 appears %d times; want only in its note", strings.Count(out, "23.571"))
	}
}

func TestVisitorsAreNotSummed(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	// The quarters' visitors add up to 15.758; visitors over a period do not add up.
	if strings.Contains(out, "15.758") {
		t.Error("report sums the visitors of the quarters")
	}
	total := regexp.MustCompile(`(?s)<tfoot>\s*<tr class="total"><th scope="row">Totaal deze periode</th><td class="num">20\.373</td><td class="num">–<sup><a href="#visits-note-1">1</a></sup></td>`)
	if !total.MatchString(out) {
		t.Error("visits total row should total the visits and show – with a note for visitors")
	}
	if !strings.Contains(out, "Daarom staat er geen totaal.") {
		t.Error("the note does not say why visitors have no total")
	}
}

var (
	jsonBlock   = regexp.MustCompile(`(?s)<script type="application/json" id="([^"]*)">(.*?)</script>`)
	inlineBlock = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	styleBlock  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	anyScript   = regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`)
	tag         = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	attribute   = regexp.MustCompile(`([a-zA-Z-:]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	postLink    = regexp.MustCompile(`^<a href="https?://[^"]+" rel="noopener noreferrer nofollow">$`)
)

func TestExportTextCannotRunAsScript(t *testing.T) {
	titles := []string{
		"</script><script>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"__f__function(){alert(1)}__f__",
	}
	out := render(t, withTopTitles(t, publishedResults(t), titles...), programmeOptions(t, "nl"))
	for _, bad := range []string{"<script>alert", "<img src=x", "onerror=alert(1)>"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}

	// Inside the chart's data every title is a JSON string; go-echarts' marker for
	// JavaScript, __f__, is broken by an invisible word joiner wherever it occurs, so no
	// chart data holds it at all.
	var data string
	for _, m := range jsonBlock.FindAllStringSubmatch(out, -1) {
		if m[1] == "chart-top-kennisplein-data" {
			data = m[2]
		}
		if strings.HasPrefix(m[1], "chart-") && strings.Contains(m[2], "__f__") {
			t.Errorf("chart data %s holds the marker __f__", m[1])
		}
	}
	if !strings.Contains(data, `"__f\u2060__function(){alert(1)}__f\u2060__"`) {
		t.Errorf("the __f__ title is not a quoted, neutralised string in the chart data: %s", data)
	}
	var opts struct {
		YAxis []struct{ Data []string } `json:"yAxis"`
	}
	if err := json.Unmarshal([]byte(data), &opts); err != nil {
		t.Fatal(err)
	}
	want := []string{titles[0], titles[1], "__f\u2060__function(){alert(1)}__f\u2060__"}
	if len(opts.YAxis) == 0 || !slices.Equal(opts.YAxis[0].Data[:3], want) {
		t.Errorf("chart categories = %q, want the titles as data %q", opts.YAxis, want)
	}

	// Outside the JSON blocks, __f__ appears only as text of the table, never in code.
	withoutData := jsonBlock.ReplaceAllString(out, "")
	for _, s := range inlineBlock.FindAllStringSubmatch(withoutData, -1) {
		if strings.Contains(s[1], "__f__") || strings.Contains(s[1], "alert(1)") {
			t.Error("an executable script holds text from an export")
		}
	}
	if want := "<td>__f__function(){alert(1)}__f__<span"; !strings.Contains(withoutData, want) {
		t.Errorf("the __f__ title is not plain table text (%q)", want)
	}
	if n := strings.Count(withoutData, "__f__function"); n != 1 {
		t.Errorf("outside the chart data the __f__ title appears %d times, want once, in its table cell", n)
	}
	if !strings.Contains(out, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the </script> title is not escaped in the table")
	}
}

func TestNoRequestLeavesThePage(t *testing.T) {
	out := render(t, withTopTitles(t, publishedResults(t), "<img src=x onerror=alert(1)>"), programmeOptions(t, "nl"))
	markup := anyScript.ReplaceAllString(out, "")
	for _, tg := range tag.FindAllString(markup, -1) {
		for _, a := range attribute.FindAllStringSubmatch(tg, -1) {
			name := strings.ToLower(a[1])
			value := html.UnescapeString(strings.Trim(a[2], `"'`))
			switch {
			case name == "src" || name == "srcset" || name == "action" || name == "data" || name == "poster":
				t.Errorf("tag %s loads %s=%q", tg, name, value)
			case name == "href" && postLink.MatchString(tg):
				// A post's own link: followed only when a reader clicks it, with no referrer.
			case name == "href" && !strings.HasPrefix(value, "#"):
				t.Errorf("tag %s links to %q", tg, value)
			case strings.Contains(value, "http:") || strings.Contains(value, "https:") || strings.Contains(value, "//"):
				t.Errorf("tag %s names a URL in %s=%q", tg, name, value)
			}
		}
	}
	for _, tg := range []string{"<link", "<iframe", "<img", "<object", "<embed", "<base"} {
		if strings.Contains(markup, tg) {
			t.Errorf("page has a %s tag", tg)
		}
	}
	if strings.Contains(out, "<script src") {
		t.Error("page loads a script from elsewhere")
	}
	for _, s := range styleBlock.FindAllStringSubmatch(out, -1) {
		if strings.Contains(s[1], "@import") || strings.Contains(s[1], "url(") {
			t.Error("the style loads something from elsewhere")
		}
	}
}

func TestContentSecurityPolicyHashesTheInlineCode(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no Content-Security-Policy meta element")
	}
	if strings.Index(out, m[0]) > strings.Index(out, "<style>") {
		t.Error("the policy must come before the style and the scripts")
	}
	policy := map[string][]string{}
	for _, directive := range strings.Split(html.UnescapeString(m[1]), ";") {
		fields := strings.Fields(directive)
		if len(fields) > 0 {
			policy[fields[0]] = fields[1:]
		}
	}
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	var scripts, styles []string
	for _, s := range inlineBlock.FindAllStringSubmatch(out, -1) {
		scripts = append(scripts, hash(s[1]))
	}
	for _, s := range styleBlock.FindAllStringSubmatch(out, -1) {
		styles = append(styles, hash(s[1]))
	}
	if len(scripts) != 2 || len(styles) != 1 {
		t.Fatalf("page has %d inline scripts and %d styles, want the library and the init script, and one style", len(scripts), len(styles))
	}
	want := map[string][]string{
		"default-src": {"'none'"},
		"script-src":  scripts,
		"style-src":   styles,
		"img-src":     {"data:"},
		"base-uri":    {"'none'"},
		"form-action": {"'none'"},
	}
	if diff := cmp.Diff(want, policy); diff != "" {
		t.Errorf("policy (-want +got):\n%s", diff)
	}
	// The library inlined is the embedded file, byte for byte.
	if got := inlineBlock.FindAllStringSubmatch(out, -1)[0][1]; got != echartsLibrary {
		t.Error("the inlined library differs from assets/echarts.min.js")
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	first := render(t, publishedResults(t), programmeOptions(t, "nl"))
	second := render(t, publishedResults(t), programmeOptions(t, "nl"))
	if first != second {
		t.Error("two renders of the same results differ")
	}
	r, err := Build(context.Background(), &fakeRunner{results: publishedResults(t)}, programmeOptions(t, "nl"))
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := r.Render(&a); err != nil {
		t.Fatal(err)
	}
	if err := r.Render(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() || a.String() != first {
		t.Error("rendering one report twice differs")
	}

	var ids []string
	for _, m := range regexp.MustCompile(`<div id="([^"]+)" class="[^"]*" role="img" aria-label="[^"]+" aria-describedby="table-[^"]+" data-chart>`).FindAllStringSubmatch(first, -1) {
		ids = append(ids, m[1])
	}
	want := []string{"chart-visits", "chart-referrals", "chart-channels", "chart-top-kennisplein", "chart-top-vilans",
		"chart-knowledge-products", "chart-posts-linkedin", "chart-posts-facebook",
		"chart-posts-x", "chart-posts-youtube", "chart-twinkel", "chart-forecast", "chart-top-twinkels", "chart-funnel", "chart-gaps",
		"chart-themes", "chart-organisations"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("chart containers (-want +got):\n%s", diff)
	}
	for _, id := range want {
		if !strings.Contains(first, `<script type="application/json" id="`+id+`-data">`) {
			t.Errorf("chart %s has no data block", id)
		}
	}
}

func TestEveryTableHasACaption(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	tables := strings.Count(out, "<table")
	if captions := strings.Count(out, "<caption id="); tables == 0 || captions != tables {
		t.Errorf("%d tables, %d captions", tables, captions)
	}
	if !strings.Contains(out, "break-inside: avoid") || !strings.Contains(out, "@media print") {
		t.Error("the style has no print rules")
	}
}

// TestEmptyResultsLeaveSectionsOut: a period without data gets a report of what it has:
// its sections without data are left out, and the first screen says which sources are
// missing, instead of sections that each say "no data".
func TestEmptyResultsLeaveSectionsOut(t *testing.T) {
	out := render(t, emptied(publishedResults(t)), programmeOptions(t, "nl"))
	if got := sectionIDs(out); strings.Join(got, " ") != "data-quality appendix" {
		t.Errorf("sections = %v, want only the data quality and the appendix", got)
	}
	for _, want := range []string{
		"Voor deze periode zijn geen gegevens geladen van: websitebezoeken (bezoekerslogs, toegangslogs of paginarapporten), advertenties (Meta Ads Manager) en berichten van de eigen kanalen.",
		"Geen afgewezen rijen",
		"Er is nog niets geladen.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("an empty report lacks %q", want)
		}
	}
	if strings.Contains(out, "<table") || strings.Contains(out, "<button") || strings.Contains(out, ` data-chart>`) {
		t.Error("an empty report shows tables, download buttons or charts")
	}
	if strings.Contains(out, `<ul class="summary">`) {
		t.Error("an empty report tells a story without numbers")
	}
}

// TestOnlyPostsGetTheirSections: a database with social posts only gets the sections of
// posts, and says that visits and ads are missing.
func TestOnlyPostsGetTheirSections(t *testing.T) {
	results := emptied(publishedResults(t))
	full := publishedResults(t)
	for _, name := range []string{queryChannelReach, queryTopPosts, queryKeyFigures} {
		results[name] = full[name]
	}
	// key_figures without ads: their values are NULL.
	kf := full[queryKeyFigures]
	rows := make([][]any, len(kf.Rows))
	for i, row := range kf.Rows {
		rows[i] = slices.Clone(row)
		if m := row[kf.Col("metric")]; m == "ad_impressions" || m == "ad_clicks" {
			rows[i][kf.Col("value")] = nil
		}
	}
	results[queryKeyFigures] = &queries.Result{Query: kf.Query, Columns: kf.Columns, Declared: kf.Declared, Rows: rows}
	cover := sectionResults(t)[queryCoverage]
	results[queryCoverage] = &queries.Result{Query: cover.Query, Columns: cover.Columns, Declared: cover.Declared, Rows: [][]any{cover.Rows[2]}} // LinkedIn posts only
	out := render(t, results, programmeOptions(t, "nl"))
	if got := sectionIDs(out); strings.Join(got, " ") != "key-figures channels top-posts data-quality appendix" {
		t.Errorf("sections = %v, want the key figures, the own channels, the top posts, data quality and the appendix", got)
	}
	for _, want := range []string{
		"Voor deze periode zijn geen gegevens geladen van: websitebezoeken (bezoekerslogs, toegangslogs of paginarapporten) en advertenties (Meta Ads Manager).",
		"De eigen berichten op sociale media werden <strong>118.204</strong> keer weergegeven",
		"Geen berichten van Instagram in deze periode geladen.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("a report of posts lacks %q", want)
		}
	}
	// The key figures of the missing sources are left out, not shown as "–".
	if strings.Contains(out, "Weergaven advertenties") {
		t.Error("a report without ads shows their key figure")
	}
}

func TestBuildRejects(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(map[string]*queries.Result, *Options)
		want   string
	}{
		{
			name: "a mean of CTRs as the total CTR",
			change: func(r map[string]*queries.Result, _ *Options) {
				r[queryTwinkelTotals].Rows[0][r[queryTwinkelTotals].Col("ctr")] = 0.0096
			},
			want: "query twinkel_totals: row 1: column ctr is 0.0096 but clicks / impressions is 0.0086",
		},
		{
			name: "a missing column",
			change: func(r map[string]*queries.Result, _ *Options) {
				r[queryVisitsPerQuarter].Columns[3] = "visitors_sum"
			},
			want: "query visits_per_quarter: result lacks column visitors",
		},
		{
			name: "text where a count belongs",
			change: func(r map[string]*queries.Result, _ *Options) {
				r[queryTopArticles].Rows[1][6] = "veel"
			},
			want: `query top_articles: row 2: column visits holds string veel, not a whole number`,
		},
		{
			name:   "an unknown language",
			change: func(_ map[string]*queries.Result, o *Options) { o.Lang = "de" },
			want:   `report language "de" is not supported; use nl or en`,
		},
		{
			name:   "a period that ends before it starts",
			change: func(_ map[string]*queries.Result, o *Options) { o.From, o.To = o.To, o.From },
			want:   "report period ends (2019-09-01) before it starts (2021-08-31)",
		},
		{
			name:   "a campaign report without a campaign",
			change: func(_ map[string]*queries.Result, o *Options) { o.CampaignOnly, o.Campaign = true, "" },
			want:   "a campaign report needs the campaign's name",
		},
		{
			name:   "a flight in the full report",
			change: func(_ map[string]*queries.Result, o *Options) { o.Flight = 2 },
			want:   "flight 2: a single flight goes with a campaign report (CampaignOnly)",
		},
		{
			name:   "a negative flight",
			change: func(_ map[string]*queries.Result, o *Options) { o.CampaignOnly, o.Flight = true, -1 },
			want:   "flight -1 is not a flight",
		},
		{
			name: "a funnel duration that is text",
			change: func(r map[string]*queries.Result, _ *Options) {
				r[queryFunnel].Rows[1][6] = "1:14"
			},
			want: "query funnel: row 2: column avg_visit_seconds holds string 1:14, not a number",
		},
		{
			name: "an annotation without a day",
			change: func(r map[string]*queries.Result, _ *Options) {
				r[queryAnnotations].Rows = [][]any{{nil, "start vlucht 2"}}
			},
			want: "query annotations: row 1: column day holds <nil> <nil>, not a date",
		},
		{
			name:   "a query the runner does not know",
			change: func(r map[string]*queries.Result, _ *Options) { delete(r, queryTopArticles) },
			want:   `report query top_articles: no query named "top_articles"`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			results, opts := publishedResults(t), programmeOptions(t, "nl")
			tc.change(results, &opts)
			_, err := Build(context.Background(), &fakeRunner{results: results}, opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Build error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestCountsFromHugeIntSums(t *testing.T) {
	results := publishedResults(t)
	results[queryTwinkelTotals].Rows[0][2] = "1271743" // DuckDB's SUM(BIGINT) as text
	out := render(t, results, programmeOptions(t, "nl"))
	if !strings.Contains(out, "1.271.743") {
		t.Error("a count given as decimal text is not read")
	}
}
