package reports

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"bereik/queries"
)

func TestKeyFiguresShowArrowsAndNoData(t *testing.T) {
	arrow := func(symbol, text string) string {
		return `<td class="num"><span class="trend" aria-hidden="true">` + symbol + `</span> ` + text + `</td>`
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"nl", []string{
			"<h2 id=\"key-figures-heading\">Kerncijfers</h2>",
			// 20.373 against 15.110: up 34,8%; the arrow is hidden from screen readers,
			// the sign says the same.
			`<td class="num">20.373</td><td class="num">15.110</td>` + arrow("▲", "&#43;34,8%"),
			arrow("=", "0,0%"),
			arrow("▼", "−10,4%"),
			// No ad data before the campaign: n.b., never 0 or 0%.
			`<td class="num">1.423.737</td><td class="num">n.b.</td><td class="num">n.b.</td><td class="num">n.b.</td><td class="num">n.b.</td>`,
			"sep 2019-aug 2021", "sep 2017-aug 2019", "sep 2018-aug 2020",
			"Bezoekers zijn unieke bezoekers over de hele periode",
		}},
		{"en", []string{
			`<td class="num">20,373</td><td class="num">15,110</td>` + arrow("▲", "&#43;34.8%"),
			arrow("▼", "−10.4%"),
			`<td class="num">1,423,737</td><td class="num">n/a</td><td class="num">n/a</td>`,
			"Sep 2019-Aug 2021",
		}},
	} {
		out := render(t, publishedResults(t), programmeOptions(t, tc.lang))
		for _, want := range tc.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s: key figures lack %q", tc.lang, want)
			}
		}
	}
}

func TestFreshnessNamesStaleSources(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	for _, want := range []string{
		`<th scope="row">Bezoekerslogs</th><td class="num">24</td><td>28 aug 2021</td><td>1 sep 2021 06:15</td><td class="warn">verouderd<span class="sub">3 dagen achter</span></td>`,
		`<th scope="row">Meta-advertenties</th><td class="num">2</td><td>31 aug 2021</td><td>1 sep 2021 06:15</td><td>actueel</td>`,
		`<th scope="row">Contentcatalogus</th><td class="num">1</td><td>n.v.t.</td><td>1 sep 2021 06:15</td><td>geen datums</td>`,
		"Verouderd: Bezoekerslogs. Hun laatste gegevens liggen meer dan 48 uur voor de laatste keer dat er iets geladen is (1 sep 2021 06:15).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
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
	// mrt-mei 2021: visits 100 + 137 + ... + 433 = 2.665; jun-aug 2021: 3.665.
	foot := regexp.MustCompile(`<tr class="total"><th scope="row">Alle kanalen</th><td class="num">n\.v\.t\.<span class="sub">2\.665 bezoeken</span></td><td class="num">n\.v\.t\.<span class="sub">3\.665 bezoeken</span></td></tr>`)
	if !foot.MatchString(out) {
		t.Error("the referral table's total row should add the visits and give no visitors total")
	}
	if !strings.Contains(out, "bezoekers niet: wie via twee kanalen kwam, telt in beide mee") {
		t.Error("the referral table does not say why visitors do not add up")
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
	// Once the campaign has ended, the forecast is the measurement, and says so.
	results := publishedResults(t)
	results[queryForecast] = result(t, queryForecast, []Forecast{{Campaign: "Twinkels 2021", CampaignStart: day(t, "2021-06-14"), CampaignEnd: day(t, "2021-11-28"), AsOf: day(t, "2021-11-28"), ImpressionsSoFar: 3000207, FlightDaysSoFar: 112, FlightDaysRemaining: 0, ImpressionsPerFlightDay: f64p(3000207.0 / 112), ForecastImpressions: 3000207}})
	out := render(t, results, programmeOptions(t, "nl"))
	if !strings.Contains(out, "De campagne is op 28 november 2021 afgelopen: de prognose is gelijk aan de gemeten weergaven.") {
		t.Error("an ended campaign's forecast does not say it equals the measurement")
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
		"Best bekeken berichten op LinkedIn naar Weergaven",
		"Best bekeken berichten op YouTube naar Weergaven (video)",
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
	if !strings.Contains(out, "Uit paginarapporten (Matomo/Google Analytics): unieke paginaweergaven = bezoeken.") {
		t.Error("visits from page reports are not noted as such")
	}
	// The magazine's pages are the Twinkels, shown with the campaign.
	if strings.Contains(out, "chart-top-twinkelmagazine") || strings.Contains(out, "Sanne en haar hond") {
		t.Error("the magazine's pages are listed among the top articles")
	}
}

func TestPeriodHeaderNamesTheMonths(t *testing.T) {
	for _, tc := range []struct {
		from, to, lang, want string
	}{
		{"2021-06-01", "2021-08-31", "nl", "Periode: juni – augustus 2021"},
		{"2021-06-01", "2021-08-31", "en", "Period: June – August 2021"},
		{"2019-09-01", "2021-08-31", "nl", "Periode: september 2019 – augustus 2021"},
		{"2021-12-01", "2022-02-28", "nl", "Periode: december 2021 – februari 2022"},
		{"2021-06-01", "2021-06-30", "nl", "Periode: juni 2021"},
		{"2021-06-14", "2021-08-31", "nl", "Periode: 14 juni 2021 – 31 augustus 2021"},
	} {
		opts := programmeOptions(t, tc.lang)
		opts.From, opts.To, opts.Label = day(t, tc.from), day(t, tc.to), ""
		out := render(t, publishedResults(t), opts)
		if !strings.Contains(out, `<p class="period">`+tc.want+`</p>`) {
			t.Errorf("%s – %s (%s): header lacks %q", tc.from, tc.to, tc.lang, tc.want)
		}
	}
}

// okabeItoColours are the colours every chart may use.
var okabeItoColours = []string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000", "#ffffff", "#1a1a1a"}

func TestEveryChartIsLabelledAndUsesTheColourBlindSafePalette(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	charts := regexp.MustCompile(`<div id="([^"]+)" class="[^"]*" role="img" aria-label="([^"]+)" aria-describedby="([^"]+)" data-chart></div>`).FindAllStringSubmatch(out, -1)
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
		".block, figure, .chart, .table-wrap, table, tr, .notes { break-inside: avoid; page-break-inside: avoid; }",
		"figure { break-after: avoid; page-break-after: avoid; }",
		".download { display: none; }",
	} {
		if !strings.Contains(print[1], want) {
			t.Errorf("print stylesheet lacks %q", want)
		}
	}
}
