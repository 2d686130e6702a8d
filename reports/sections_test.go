package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"bereik/queries"
)

func TestKeyFiguresShowArrowsAndNoData(t *testing.T) {
	arrow := func(label, symbol, text string) string {
		return `<td class="num" data-label="` + label + `"><span class="trend" aria-hidden="true">` + symbol + `</span> ` + text + `</td>`
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"nl", []string{
			"<h2 id=\"key-figures-heading\">Kerncijfers</h2>",
			// Per site, each compared with itself: 20.373 against 15.110 is up 34,8%; the
			// arrow is hidden from screen readers, the sign says the same.
			`<th scope="row">Kennisplein<sup><a href="#site-figures-note-2">2</a></sup><span class="sub">bezoeken aan programmapagina&#39;s</span></th>` +
				`<td class="num" data-label="Deze periode">20.373</td><td class="num" data-label="Periode ervoor (sep 2017-aug 2019)">15.110</td>` +
				arrow("Verandering t.o.v. periode ervoor", "▲", "&#43;34,8%"),
			arrow("Verandering t.o.v. periode ervoor", "=", "0,0%"),
			arrow("Verandering t.o.v. periode ervoor", "▼", "−10,4%"),
			// A site new in the period says since when, and has nothing to compare with.
			`<th scope="row">Twinkelmagazine<span class="sub">bezoeken aan programmapagina&#39;s</span><span class="sub">nieuw sinds 14 jun 2021</span></th>` +
				`<td class="num" data-label="Deze periode">5.363</td><td class="num" data-label="Periode ervoor (sep 2017-aug 2019)">–</td>`,
			// No ad data before the campaign: –, never 0 or 0%.
			`<td class="num" data-label="Deze periode">1.423.737</td><td class="num" data-label="Periode ervoor (sep 2017-aug 2019)">–</td><td class="num" data-label="Verandering t.o.v. periode ervoor">–</td>`,
			"sep 2019-aug 2021", "sep 2017-aug 2019",
			"Bezoekers zijn unieke bezoekers over de hele periode",
			// The sites' visits are never added up: the main site's equal Fig. 11's.
			"Dezelfde bezoeken als in &#39;Bezoeken per kwartaal&#39; hieronder",
			`<table class="cards">`,
		}},
		{"en", []string{
			`<td class="num" data-label="This period">20,373</td><td class="num" data-label="Previous period (Sep 2017-Aug 2019)">15,110</td>` +
				arrow("Change vs previous period", "▲", "&#43;34.8%"),
			arrow("Change vs previous period", "▼", "−10.4%"),
			`<td class="num" data-label="This period">1,423,737</td><td class="num" data-label="Previous period (Sep 2017-Aug 2019)">–</td>`,
			"Sep 2019-Aug 2021",
		}},
	} {
		out := render(t, publishedResults(t), programmeOptions(t, tc.lang))
		for _, want := range tc.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s: key figures lack %q", tc.lang, want)
			}
		}
		// No figure has a value a year earlier: the table has no such columns.
		if strings.Contains(out, "sep 2018-aug 2020") || strings.Contains(out, "Sep 2018-Aug 2020") {
			t.Errorf("%s: the key figures show a year earlier that none of them has", tc.lang)
		}
		// The visits of all sites added up are no key figure: they mix a new site in.
		if strings.Contains(out, "28.999") || strings.Contains(out, "28,999") {
			t.Errorf("%s: the key figures add the sites' visits up", tc.lang)
		}
	}
}

// TestCoverageJudgesThePeriodNotTheLoad: the data-quality section says per source whether
// its data cover the period; nothing on the page calls data stale because they were
// loaded long after they end.
func TestCoverageJudgesThePeriodNotTheLoad(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	for _, want := range []string{
		`<th scope="row">Bezoekerslogs</th><td class="num">24</td><td>2 sep 2019 – 31 aug 2021</td><td>1 sep 2021 06:15</td><td>vanaf 2 sep 2019</td>`,
		`<th scope="row">LinkedIn-berichten</th><td class="num">2</td><td>3 sep 2019 – 14 aug 2021</td><td>1 sep 2021 06:15</td><td>tot en met 14 aug 2021</td>`,
		`<th scope="row">Contentcatalogus</th><td class="num">1</td><td>–</td><td>1 sep 2021 06:15</td><td>geen datums</td>`,
		"Dekt de periode",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, stale := range []string{"verouderd", "Verouderd", "actueel"} {
		if strings.Contains(out, stale) {
			t.Errorf("the report calls a source %q", stale)
		}
	}
	// The coverage is in the data-quality section, not on the first screen.
	if i, j := strings.Index(out, `id="table-coverage"`), strings.Index(out, `<section id="data-quality"`); i < j {
		t.Error("the sources' coverage is not in the data-quality section")
	}
}

func TestChannelsShowSummedReachOnlyAsUpperBound(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	for _, want := range []string{
		// Engagement rate 1.733 / 48.210 = 3,59%; reach summed over posts as a bound.
		`<td class="num">48.210</td><td class="num">1.733</td><td class="num">3,59%</td><td class="bound">≤ 30.120 (bovengrens, geen uniek bereik)</td>`,
		"Betrokkenheid = som van de interacties / som van de weergaven",
		"likes &#43; reacties &#43; delen &#43; klikken",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, sum := range []string{"30.120", "25.001", "33.870", "29.990"} {
		if n, bound := strings.Count(out, sum), strings.Count(out, "≤ "+sum+" (bovengrens, geen uniek bereik)"); n != bound {
			t.Errorf("summed reach %s appears %d times, %d of them as an upper bound", sum, n, bound)
		}
	}
}

func TestReferralTableAddsVisitsNotVisitors(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	// Fig. 12: the five channels with the most visits over the period apart, the rest
	// together as "Overig", each a share of the quarter's visits (mrt-mei 2021: 2.665,
	// jun-aug: 3.665). The rest in mrt-mei: 100 + 137 + 174 + 211 + 248 = 870 visits.
	for _, want := range []string{
		`<td class="num" data-label="Overig">32,65%<span class="sub">870</span></td><td class="num" data-label="Alle kanalen">2.665</td></tr>`,
		`<td class="num" data-label="Alle kanalen">3.665</td></tr>`,
		`<th scope="col" class="num">Overig<sup>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Fig. 12 lacks %q", want)
		}
	}
	// The appendix gives every channel with its visitors; they have no total.
	foot := regexp.MustCompile(`<tr class="total"><th scope="row">Alle kanalen</th><td class="num">–<span class="sub">2\.665 bezoeken</span></td><td class="num">–<span class="sub">3\.665 bezoeken</span></td></tr>`)
	if !foot.MatchString(out) {
		t.Error("the appendix's referral table's total row should add the visits and give no visitors total")
	}
	if !strings.Contains(out, "bezoekers niet: wie via twee kanalen kwam, telt in beide mee") {
		t.Error("the referral table does not say why visitors do not add up")
	}
	// Each channel has its fixed colour: the social platforms' as in Fig. 13.
	var chart struct {
		Series []struct {
			Name      string
			ItemStyle struct{ Color string } `json:"itemStyle"`
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(chartData(t, out)["chart-referrals-data"]), &chart); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range chart.Series {
		got = append(got, s.Name+" "+s.ItemStyle.Color)
	}
	want := []string{"YouTube #D55E00", "Zoekmachines #E69F00", "Andere sites #7A7A7A", "Eigen sites #A3A3A3", "Direct #F0E442", "Overig #CCCCCC"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Fig. 12's series %q, want %q", got, want)
	}
}

func TestThemesSayTheirVisitsOverlap(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	for _, want := range []string{
		// 27.498 + 21.177 + 8.469 + 7.398 + 323 = 64.865 > 58.614 distinct visits.
		`<th scope="row">Alle items (unieke bezoeken)<span class="sub">opgeteld over de regels: 64.865 bezoeken</span></th><td class="num">105</td><td class="num">58.614</td>`,
		"een bezoek aan zo&#39;n item telt bij elk van die thema&#39;s",
		`<th scope="row">(geen thema)</th>`,
		`<th scope="row">Alle items (unieke bezoeken)<span class="sub">opgeteld over de regels: 30.774 bezoeken</span></th>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestForecastIsLabelledAsAForecast(t *testing.T) {
	for lang, want := range map[string][]string{
		"nl": {"<h3>Prognose: weergaven aan het eind van de campagne</h3>", "Dit is een prognose, geen meting.",
			"Prognose voor 28 november 2021: 3.126.638 weergaven. Tot en met 31 augustus 2021 waren het 1.423.737 weergaven in 51 vluchtdagen, 27.916 per vluchtdag; er resten nog 61 vluchtdagen.",
			`<th scope="row">Prognose: weergaven op 28 november 2021</th><td class="num">3.126.638</td>`},
		"en": {"Forecast: impressions at the end of the campaign", "This is a forecast, not a measurement.",
			"Forecast for 28 November 2021: 3,126,638 impressions. Up to 31 August 2021 there were 1,423,737 impressions in 51 flight days, 27,916 per flight day; 61 flight days remain."},
	} {
		out := render(t, publishedResults(t), programmeOptions(t, lang))
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: report lacks %q", lang, w)
			}
		}
	}
	// Once the campaign has ended, the report gives its outcome, and beside it the last
	// forecast: the one made with the data before the campaign's last day.
	ended := Forecast{Campaign: "Twinkels 2021", CampaignStart: day(t, "2021-06-14"), CampaignEnd: day(t, "2021-11-28"), AsOf: day(t, "2021-11-28"), ImpressionsSoFar: 3000207, FlightDaysSoFar: 112, FlightDaysRemaining: 0, ImpressionsPerFlightDay: f64p(3000207.0 / 112), ForecastImpressions: 3000207}
	last := Forecast{Campaign: "Twinkels 2021", CampaignStart: day(t, "2021-06-14"), CampaignEnd: day(t, "2021-11-28"), AsOf: day(t, "2021-09-12"), ImpressionsSoFar: 1648023, FlightDaysSoFar: 63, FlightDaysRemaining: 49, ImpressionsPerFlightDay: f64p(1648023.0 / 63), ForecastImpressions: 2929819}
	// Made here: the runner answers on Build's goroutines, where t must not fail.
	lastResult, endedResult, campaignEnd := result(t, queryForecast, []Forecast{last}), result(t, queryForecast, []Forecast{ended}), day(t, "2021-11-28")
	run := &fakeRunner{results: publishedResults(t), answer: func(name string, args queries.Args) *queries.Result {
		if name != queryForecast {
			return nil
		}
		if to := args["to"].(time.Time); to.Before(campaignEnd) {
			return lastResult
		}
		return endedResult
	}}
	opts := campaignOptions(t, "nl", 0, "2021-06-14", "2021-11-28")
	r, err := Build(context.Background(), run, opts)
	if err != nil {
		t.Fatal(err)
	}
	var forecasts []askedQuery
	for _, a := range run.asked {
		if a.Name == queryForecast {
			forecasts = append(forecasts, a)
		}
	}
	// The last forecast's arguments come from the first forecast's result: it is asked
	// after it, whatever runs side by side.
	if len(forecasts) != 2 || !forecasts[1].Args["to"].(time.Time).Equal(day(t, "2021-11-27")) {
		t.Errorf("the forecasts were asked as %+v, want the last with the data to the day before the campaign's last", forecasts)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"<h3>Prognose en uitkomst</h3>",
		"De campagne is op 28 november 2021 afgelopen, met 3.000.207 weergaven.",
		"De laatste prognose, met de gegevens tot en met 12 september 2021, was 2.929.819 weergaven",
		`<th scope="row">Laatste prognose</th><td class="num">2.929.819</td><td>12 september 2021</td>`,
		`<th scope="row">Werkelijk totaal</th><td class="num">3.000.207</td><td>28 november 2021</td>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("an ended campaign's forecast lacks %q", want)
		}
	}
}

func TestPostsNameTheirMetricAndKeepExportTextAsData(t *testing.T) {
	results := publishedResults(t)
	posts := results[queryTopPosts]
	rows := slices.Clone(posts.Rows)
	hostile := slices.Clone(rows[0])
	hostile[posts.Col("title")] = "</script><script>alert(1)</script>"
	hostile[posts.Col("url")] = "javascript:alert(1)"
	rows[0] = hostile
	second := slices.Clone(rows[1])
	second[posts.Col("title")] = "__f__function(){alert(1)}__f__"
	rows[1] = second
	results[queryTopPosts] = &queries.Result{Query: posts.Query, Columns: posts.Columns, Declared: posts.Declared, Rows: rows}
	out := render(t, results, programmeOptions(t, "nl"))
	for _, want := range []string{
		"Best bekeken berichten op LinkedIn naar weergaven",
		"Best bekeken berichten op YouTube naar videoweergaven",
		// The hostile title is text; its javascript: link is no link, only shown.
		`<td>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;<span class="sub">javascript:alert(1)</span></td>`,
		`<a href="https://example.org/facebook/1" rel="noopener noreferrer nofollow">Hoe een andere omgeving leidt tot minder gedragsproblemen</a>`,
		"Geen berichten van Instagram in deze periode geladen.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(out, `href="javascript:`) || strings.Contains(out, "<script>alert") {
		t.Error("a post's text or link from an export became markup")
	}
	for _, m := range jsonBlock.FindAllStringSubmatch(out, -1) {
		if m[1] == "chart-posts-linkedin-data" && (strings.Contains(m[2], "__f__") || !strings.Contains(m[2], `__f\u2060__function`)) {
			t.Errorf("the posts chart does not neutralise __f__: %s", m[2])
		}
	}
}

func TestSafeLink(t *testing.T) {
	for raw, want := range map[string]string{
		"https://www.linkedin.com/feed/update/urn:li:activity:1": "https://www.linkedin.com/feed/update/urn:li:activity:1",
		"http://t.co/abc":             "http://t.co/abc",
		"javascript:alert(1)":         "",
		"JAVASCRIPT:alert(1)":         "",
		"data:text/html,<script>":     "",
		"//evil.example/x":            "",
		"/relative":                   "",
		"https://user:pw@example.org": "",
		"":                            "",
	} {
		if got := safeLink(raw); got != want {
			t.Errorf("safeLink(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestTopArticlesSayWhereTheirVisitsComeFrom(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	if !strings.Contains(out, "Uit paginarapporten (Matomo of Universal Google Analytics): unieke paginaweergaven = bezoeken.") {
		t.Error("visits from page reports are not noted as such")
	}
	// The magazine's pages are the campaign's articles, shown with the campaign.
	if strings.Contains(out, "chart-top-twinkelmagazine") || strings.Contains(out, "Sanne en haar hond") {
		t.Error("the magazine's pages are listed among the top articles")
	}
	// A site with Google Analytics 4 only ranks its pages by views, and says so: GA4 has
	// views and users, not visits.
	results := publishedResults(t)
	top := results[queryTopArticles]
	var rows []TopArticle
	for _, a := range must(queries.Scan[TopArticle](top)) {
		if a.Site == "vilans" {
			a.Visits, a.Source, a.Metric, a.Views, a.Users = nil, "ga4", "views", i64(*a.Visits*2), i64(*a.Visits)
		}
		rows = append(rows, a)
	}
	results[queryTopArticles] = result(t, queryTopArticles, rows)
	out = render(t, results, programmeOptions(t, "nl"))
	for _, want := range []string{
		"Best bekeken pagina&#39;s op vilans.nl (weergaven, GA4)",
		`<th scope="col" class="num">Weergaven (GA4)<sup>`,
		`<th scope="col" class="num">Gebruikers (GA4)</th>`,
		`<td class="num">4.602</td><td class="num">2.301</td>`,
		"Uit Google Analytics 4: die geeft per pagina weergaven en gebruikers, geen bezoeken.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("GA4's top pages lack %q", want)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestTitleNamesTheProgrammeAndThePeriod: the title and the heading name the programme
// (from bereik.toml) and the period, by its months where it is whole months; the line
// under them gives its days.
func TestTitleNamesTheProgrammeAndThePeriod(t *testing.T) {
	for _, tc := range []struct {
		from, to, lang, label, title, period string
	}{
		{"2021-06-01", "2021-08-31", "nl", "Begeleiding à la carte", "Begeleiding à la carte: bereik juni – augustus 2021", "Periode: 1 juni 2021 – 31 augustus 2021"},
		{"2021-06-01", "2021-08-31", "en", "Begeleiding à la carte", "Begeleiding à la carte: reach June – August 2021", "Period: 1 June 2021 – 31 August 2021"},
		{"2019-09-01", "2021-08-31", "nl", "Begeleiding à la carte", "Begeleiding à la carte: bereik september 2019 – augustus 2021", "Periode: 1 september 2019 – 31 augustus 2021"},
		{"2021-12-01", "2022-02-28", "nl", "Ander programma", "Ander programma: bereik december 2021 – februari 2022", "Periode: 1 december 2021 – 28 februari 2022"},
		{"2021-06-01", "2021-06-30", "nl", "", "Bereikcijfers juni 2021", "Periode: 1 juni 2021 – 30 juni 2021"},
		{"2021-06-14", "2021-08-31", "nl", "", "Bereikcijfers 14 juni 2021 – 31 augustus 2021", "Periode: 14 juni 2021 – 31 augustus 2021"},
	} {
		opts := programmeOptions(t, tc.lang)
		opts.From, opts.To, opts.Label = day(t, tc.from), day(t, tc.to), tc.label
		out := render(t, publishedResults(t), opts)
		for _, want := range []string{"<title>" + tc.title + "</title>", "<h1>" + tc.title + "</h1>", `<p class="period">` + tc.period + `</p>`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s – %s (%s): header lacks %q", tc.from, tc.to, tc.lang, want)
			}
		}
	}
}

// okabeItoColours are the colours every chart may use: Okabe-Ito, white and the text's
// black, and the greys of the referral channels without a colour of their own.
var okabeItoColours = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#ffffff", "#1a1a1a",
	"#7A7A7A", "#A3A3A3", "#4D4D4D", "#CCCCCC"}

func TestEveryChartIsLabelledAndUsesTheColourBlindSafePalette(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	charts := regexp.MustCompile(`<div id="([^"]+)" class="[^"]*" role="img" aria-label="([^"]+)" aria-describedby="([^"]+)" data-chart><p class="chart-fallback">Deze grafiek wordt getekend met JavaScript, dat hier niet werkt. <a href="#([^"]+)">De cijfers staan in de tabel eronder.</a></p></div>`).FindAllStringSubmatch(out, -1)
	if len(charts) != strings.Count(out, " data-chart>") || len(charts) == 0 {
		t.Fatalf("%d charts labelled for screen readers, %d charts", len(charts), strings.Count(out, " data-chart>"))
	}
	colour := regexp.MustCompile(`"(?:color|borderColor)":"(#[0-9A-Fa-f]{6})"`)
	for _, c := range charts {
		id, label, table := c[1], c[2], c[3]
		if !strings.Contains(label, "De cijfers staan in de tabel hieronder.") {
			t.Errorf("%s: label %q does not point to the table", id, label)
		}
		if !strings.Contains(out, `<caption id="`+table+`">`) {
			t.Errorf("%s: described by %q, which is no table caption", id, table)
		}
		// Without scripts the chart says so and links to its table.
		if c[4] != table {
			t.Errorf("%s: without scripts it points to %q, not to its table %q", id, c[4], table)
		}
		var data string
		for _, m := range jsonBlock.FindAllStringSubmatch(out, -1) {
			if m[1] == id+"-data" {
				data = m[2]
			}
		}
		var opts struct {
			Color []string `json:"color"`
		}
		if err := json.Unmarshal([]byte(data), &opts); err != nil || len(opts.Color) == 0 {
			t.Errorf("%s: no palette (%v)", id, err)
		}
		for _, col := range opts.Color {
			if !slices.Contains(okabeItoColours, col) {
				t.Errorf("%s: palette colour %s is not Okabe-Ito", id, col)
			}
		}
		for _, m := range colour.FindAllStringSubmatch(data, -1) {
			if !slices.Contains(okabeItoColours, m[1]) {
				t.Errorf("%s: colour %s is not Okabe-Ito", id, m[1])
			}
		}
	}
	// Every section has a heading that labels it.
	for _, id := range sectionIDs(out) {
		if !strings.Contains(out, `<section id="`+id+`" aria-labelledby="`+id+`-heading">`+"\n"+`<h2 id="`+id+`-heading">`) {
			t.Errorf("section %s has no heading that labels it", id)
		}
	}
}

func TestPrintKeepsChartAndTableTogether(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	print := regexp.MustCompile(`(?s)@media print \{(.*)\}\s*</style>`).FindStringSubmatch(out)
	if print == nil {
		t.Fatal("no print stylesheet")
	}
	for _, want := range []string{
		".block, figure, .chart, table, tr, .notes, .summary { break-inside: avoid; page-break-inside: avoid; }",
		"figure { break-after: avoid; page-break-after: avoid; }",
		"h1, h2, h3, .intro { break-after: avoid; page-break-after: avoid; }",
		"table { width: 100%; min-width: 0; font-size: 8.5pt; }",
		".download { display: none; }",
	} {
		if !strings.Contains(print[1], want) {
			t.Errorf("print stylesheet lacks %q", want)
		}
	}
}
