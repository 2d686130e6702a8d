package reports

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// sectionIDs are the ids of the page's sections, in order.
func sectionIDs(page string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`<section id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestFullReportHasTheSectionsInTheDesignsOrder(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	want := []string{"key-figures", "visits", "referrals", "channels", "top-articles", "content", "top-posts",
		"twinkel", "top-twinkels", "funnel", "data-quality", "appendix"}
	if got := sectionIDs(out); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("sections = %v, want %v", got, want)
	}
}

func TestCampaignReportShowsOnlyTheCampaign(t *testing.T) {
	results := publishedResults(t)
	delete(results, queryVisitsPerQuarter)
	delete(results, queryTopArticles)
	out := render(t, results, campaignOptions(t, "nl", 0, "2021-06-14", "2021-09-12"))

	if got := sectionIDs(out); strings.Join(got, " ") != "twinkel top-twinkels funnel appendix" {
		t.Errorf("sections = %v, want the campaign, its top articles, its funnel and the appendix of sources only", got)
	}
	for _, want := range []string{
		"<title>Campagne Twinkels 2021</title>",
		"<h1>Campagne Twinkels 2021</h1>",
		`<p class="period">Periode: 14 juni 2021 – 12 september 2021</p>`,
		`id="chart-twinkel"`, `id="table-twinkel-flights"`, `id="table-twinkel-totals"`,
		`id="chart-funnel"`, `id="table-funnel"`, `id="chart-forecast"`, `id="chart-top-twinkels"`,
		"Vlucht 1", "Vlucht 2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("campaign report lacks %q", want)
		}
	}
	for _, unwanted := range []string{
		`id="visits"`, `id="chart-visits"`, "Bezoeken per kwartaal",
		`id="top-articles"`, "chart-top-kennisplein", `id="key-figures"`, `id="data-quality"`, "table-referral-detail",
		"programma Begeleiding", // the label of the full report
	} {
		if strings.Contains(out, unwanted) {
			t.Errorf("campaign report shows %q", unwanted)
		}
	}
}

func TestCampaignReportOfOneFlight(t *testing.T) {
	for _, tc := range []struct {
		lang, title, source string
		flight2, flight1    []string
	}{
		{
			lang:    "nl",
			title:   "<h1>Campagne Twinkels 2021 – vlucht 2</h1>",
			source:  "Vluchten en formaten: query twinkel_flights (campaign=Twinkels 2021, from=2021-08-09, to=2021-09-12), alleen vlucht 2.",
			flight2: []string{"375.585", "54.986", "4.567"},
			flight1: []string{"896.158", "97.008", "Vlucht 1"},
		},
		{
			lang:    "en",
			title:   "<h1>Campaign Twinkels 2021 – flight 2</h1>",
			source:  "Flights and formats: query twinkel_flights (campaign=Twinkels 2021, from=2021-08-09, to=2021-09-12), flight 2 only.",
			flight2: []string{"375,585", "54,986", "4,567"},
			flight1: []string{"896,158", "97,008", "Flight 1"},
		},
	} {
		// The fake answers with both flights: the report must keep flight 2's rows only.
		out := render(t, publishedResults(t), campaignOptions(t, tc.lang, 2, "2021-08-09", "2021-09-12"))
		for _, want := range append([]string{tc.title, tc.source}, tc.flight2...) {
			if !strings.Contains(out, want) {
				t.Errorf("%s: flight 2 report lacks %q", tc.lang, want)
			}
		}
		for _, unwanted := range tc.flight1 {
			if strings.Contains(out, unwanted) {
				t.Errorf("%s: flight 2 report shows flight 1's %q", tc.lang, unwanted)
			}
		}
		var flights tableData
		if err := json.Unmarshal([]byte(downloadData(t, out)["table-twinkel-flights-csv"]), &flights); err != nil {
			t.Fatal(err)
		}
		if len(flights.Rows) != 2 {
			t.Fatalf("%s: the flights' download has %d rows, want flight 2's two formats", tc.lang, len(flights.Rows))
		}
		for _, row := range flights.Rows {
			if row[1] != 2.0 {
				t.Errorf("%s: the flights' download has a row of flight %v", tc.lang, row[1])
			}
		}
	}
}

func TestFunnel(t *testing.T) {
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"nl", []string{
			"Trechter: van advertentie naar Kennisplein",
			"advertentie op sociale media (prikkelen) → Twinkelmagazine (inspireren) → Kennisplein (leren)",
			// The impressions are a number in words, not a bar that dwarfs the next steps.
			"De advertenties werden 1.423.737 keer weergegeven; de trechter begint bij de klikken daarop.",
			`<th scope="row">Advertenties op Facebook en Instagram</th><td class="num">1.423.737</td><td class="num">12.253</td>` +
				`<td class="num">–</td><td class="num">0,86%</td><td class="num">–</td><td class="num">–</td></tr>`,
			`<th scope="row">Twinkelmagazine</th><td class="num">–</td><td class="num">–</td>` +
				`<td class="num">5.363</td><td class="num">43,77%</td><td class="num">4.176</td><td class="num">1:14</td></tr>`,
			`<th scope="row">Kennisplein vanuit Twinkelmagazine<sup><a href="#funnel-note-4">4</a></sup></th>` +
				`<td class="num">–</td><td class="num">–</td><td class="num">892</td><td class="num">16,63%</td><td class="num">556</td><td class="num">4:12</td></tr>`,
			"Gemiddelde bezoekduur = totale tijd op de pagina&#39;s / bezoeken",
			"query funnel (campaign=Twinkels 2021, from=2019-09-01, magazine=twinkelmagazine, platform=kennisplein, to=2021-08-31).",
		}},
		{"en", []string{
			"Funnel: from ad to Kennisplein",
			`<th scope="row">Ads on Facebook and Instagram</th><td class="num">1,423,737</td><td class="num">12,253</td><td class="num">–</td><td class="num">0.86%</td>`,
			`<td class="num">5,363</td><td class="num">43.77%</td><td class="num">4,176</td><td class="num">1:14</td>`,
			`<td class="num">892</td><td class="num">16.63%</td><td class="num">556</td><td class="num">4:12</td>`,
			"Kennisplein from Twinkelmagazine",
			"Average visit duration = total time on page / visits",
			"query funnel (campaign=Twinkels 2021, from=2019-09-01, magazine=twinkelmagazine, platform=kennisplein, to=2021-08-31).",
		}},
	} {
		out := render(t, publishedResults(t), programmeOptions(t, tc.lang))
		for _, want := range tc.want {
			if !strings.Contains(out, want) {
				t.Errorf("%s: report lacks %q", tc.lang, want)
			}
		}
	}

	// The chart has a bar per step after the impressions: the ads' link clicks, then each
	// site's visits, each labelled with its part of the step before.
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	var chart struct {
		YAxis  []struct{ Data []string } `json:"yAxis"`
		Series []struct {
			Data []struct {
				Value int64
				Label struct{ Formatter string }
			}
			Label struct{ Show bool }
		} `json:"series"`
	}
	if err := json.Unmarshal([]byte(chartData(t, out)["chart-funnel-data"]), &chart); err != nil {
		t.Fatal(err)
	}
	if len(chart.YAxis) != 1 || strings.Join(chart.YAxis[0].Data, "|") != "Advertenties: klikken op links|Twinkelmagazine: bezoeken|Kennisplein: bezoeken" {
		t.Errorf("funnel chart steps = %+v", chart.YAxis)
	}
	var bars []string
	for _, d := range chart.Series[0].Data {
		bars = append(bars, fmt.Sprint(d.Value, " ", d.Label.Formatter))
	}
	if len(chart.Series) != 1 || !chart.Series[0].Label.Show || strings.Join(bars, "|") != "12253 12.253 (0,86%)|5363 5.363 (43,77%)|892 892 (16,63%)" {
		t.Errorf("funnel chart bars = %q, want 12.253 clicks (0,86%%), 5.363 (43,77%%) and 892 (16,63%%) visits, labelled", bars)
	}
}

// chartData and downloadData are the page's JSON blocks of charts and of downloads, by id.
func chartData(tb testing.TB, page string) map[string]string {
	tb.Helper()
	return jsonBlocks(tb, page, "-data")
}

func downloadData(tb testing.TB, page string) map[string]string {
	tb.Helper()
	return jsonBlocks(tb, page, "-csv")
}

func jsonBlocks(tb testing.TB, page, suffix string) map[string]string {
	tb.Helper()
	blocks := map[string]string{}
	for _, m := range jsonBlock.FindAllStringSubmatch(page, -1) {
		if strings.HasSuffix(m[1], suffix) {
			if _, twice := blocks[m[1]]; twice {
				tb.Errorf("two JSON blocks have the id %s", m[1])
			}
			blocks[m[1]] = m[2]
		}
	}
	return blocks
}
