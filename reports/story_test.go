package reports

import (
	"encoding/json"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"bereik/queries"
)

// quarterOptions is the report of the programme's last quarter, June-August 2021.
func quarterOptions(tb testing.TB, lang string) Options {
	tb.Helper()
	opts := programmeOptions(tb, lang)
	opts.From, opts.To = day(tb, "2021-06-01"), day(tb, "2021-08-31")
	return opts
}

var (
	summaryList  = regexp.MustCompile(`(?s)<ul class="summary">(.*?)</ul>`)
	strongNumber = regexp.MustCompile(`<strong>([^<]+)</strong>`)
	tableBlock   = regexp.MustCompile(`(?s)<table[ >].*?</table>`)
	cellText     = regexp.MustCompile(`<t[dh][^>]*>(.*?)</t[dh]>`)
	markup       = regexp.MustCompile(`<[^>]+>`)
)

// tableCells are the texts of every table cell of a page, without their markup, with the
// trend arrows and the smaller lines as their own texts.
func tableCells(page string) []string {
	var cells []string
	for _, table := range tableBlock.FindAllString(page, -1) {
		for _, m := range cellText.FindAllStringSubmatch(table, -1) {
			cell := strings.ReplaceAll(m[1], `<span class="sub">`, "\n")
			cell = markup.ReplaceAllString(cell, "")
			for _, part := range strings.Split(html.UnescapeString(cell), "\n") {
				cells = append(cells, strings.TrimSpace(strings.TrimLeft(part, "▲▼= ")))
			}
		}
	}
	return cells
}

// TestSummaryNumbersAreInTheTables: the first screen tells the period's story in three
// to five sentences, and every number it names is in a table of the page, formatted the
// same: the main site's visits and their change, the campaign's impressions, clicks and
// CTR, the forecast, the best article's visits.
func TestSummaryNumbersAreInTheTables(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opts    Options
		numbers []string
	}{
		{"programme", programmeOptions(t, "nl"), []string{"20.373", "+34,8%", "15.110", "1.423.737", "12.253", "0,86%", "3.126.638", "5.120", "118.204", "−10,4%"}},
		{"quarter", quarterOptions(t, "nl"), nil},
		{"English", programmeOptions(t, "en"), []string{"20,373", "+34.8%", "15,110", "1,423,737", "12,253", "0.86%", "3,126,638", "5,120"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := render(t, publishedResults(t), tc.opts)
			summary := summaryList.FindStringSubmatch(out)
			if summary == nil {
				t.Fatal("the first screen has no summary")
			}
			if n := strings.Count(summary[1], "<li>"); n < 3 || n > 5 {
				t.Errorf("the summary has %d sentences, want 3 to 5", n)
			}
			cells := tableCells(out)
			var numbers []string
			for _, m := range strongNumber.FindAllStringSubmatch(summary[1], -1) {
				n := html.UnescapeString(m[1])
				numbers = append(numbers, n)
				if !slices.Contains(cells, n) {
					t.Errorf("the summary names %q, which no table cell shows", n)
				}
			}
			for _, n := range tc.numbers {
				if !slices.Contains(numbers, n) {
					t.Errorf("the summary lacks %q; it names %q", n, numbers)
				}
			}
			// No number in the summary's text that is not marked as one.
			text := strongNumber.ReplaceAllString(summary[1], "")
			text = regexp.MustCompile(`\d{1,2} [a-zA-Z]+ \d{4}|[a-zA-Z]+ \d{4}|[a-z]{3}-[a-z]{3} \d{4}|Twinkels 2021`).ReplaceAllString(html.UnescapeString(text), "")
			if digits := regexp.MustCompile(`\d+`).FindAllString(text, -1); len(digits) > 0 {
				t.Errorf("the summary names numbers %q that are not the tables' : %s", digits, text)
			}
		})
	}
}

// TestMainSiteKeyFigureIsFigure11s: the main site's visits on the first screen are the
// visits Fig. 11 shows for the same period, whatever other sites the period has.
func TestMainSiteKeyFigureIsFigure11s(t *testing.T) {
	r := build(t, publishedResults(t), programmeOptions(t, "nl"))
	var fig11 int64
	for _, q := range r.Quarters {
		fig11 += q.Visits
	}
	main := r.mainSiteVisits()
	if main == nil || main.Value == nil || *main.Value != fig11 {
		t.Errorf("the main site's key figure is %v, Fig. 11's visits add up to %d", main, fig11)
	}
}

// TestQuarterReportShowsTheQuartersBefore: Fig. 11 and Fig. 13 of a quarter's report
// show the seven quarters before it, paler, with the quarter itself highlighted; the
// tables show the same quarters, and no total of quarters outside the period.
func TestQuarterReportShowsTheQuartersBefore(t *testing.T) {
	run := &fakeRunner{results: publishedResults(t)}
	opts := quarterOptions(t, "nl")
	r, err := Build(t.Context(), run, opts)
	if err != nil {
		t.Fatal(err)
	}
	var earlier []askedQuery
	for _, a := range run.asked {
		if (a.Name == queryVisitsPerQuarter || a.Name == queryChannelReach) && isoDay(a.Args["from"].(time.Time)) == "2019-09-01" {
			earlier = append(earlier, a)
		}
	}
	if len(earlier) != 2 || isoDay(earlier[0].Args["to"].(time.Time)) != "2021-05-31" {
		t.Fatalf("the quarters before were asked as %+v, want visits and channels from 2019-09-01 to 2021-05-31", earlier)
	}
	if len(r.Quarters) != 1 || len(r.EarlierQuarters) != 7 {
		t.Fatalf("%d quarters of the period and %d before, want 1 and 7", len(r.Quarters), len(r.EarlierQuarters))
	}
	out := renderReport(t, r)
	for _, want := range []string{
		`<tr class="context"><th scope="row">sep-nov 2019`,
		`<tr class="current"><th scope="row">jun-aug 2021`,
		"De grafiek en de tabel tonen 8 kwartalen: de periode van deze rapportage, vet, en de 7 kwartalen ervoor, lichter",
		"query visits_per_quarter (from=2021-06-01, site=kennisplein, to=2021-08-31); query visits_per_quarter (from=2019-09-01, site=kennisplein, to=2021-05-31)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the quarter report lacks %q", want)
		}
	}
	if strings.Contains(out, "Totaal deze periode") {
		t.Error("a report of one quarter totals its quarters")
	}
	// The fixture's own channels have two quarters: March-May before the period.
	for id, quarters := range map[string]int{"chart-visits": 8, "chart-channels": 2} {
		var chart struct {
			Series []struct {
				Data []struct {
					ItemStyle *struct{ Opacity float64 } `json:"itemStyle"`
				}
			} `json:"series"`
		}
		if err := json.Unmarshal([]byte(chartData(t, out)[id+"-data"]), &chart); err != nil {
			t.Fatal(err)
		}
		data := chart.Series[0].Data
		if len(data) != quarters || data[0].ItemStyle == nil || data[0].ItemStyle.Opacity >= 1 || data[quarters-1].ItemStyle != nil {
			t.Errorf("%s: %d quarters, want %d with those before the period paler and the period's not", id, len(data), quarters)
		}
	}
}

// TestColoursAreFixedPerPlatformAndFormat: a platform and an ad format have the same
// colour in every chart of every report, whatever the series' order or which of them a
// report has.
func TestColoursAreFixedPerPlatformAndFormat(t *testing.T) {
	colours := func(out string) map[string]string {
		byName := map[string]string{}
		for id, data := range chartData(t, out) {
			if !slices.Contains([]string{"chart-channels-data", "chart-twinkel-data", "chart-referrals-data"}, id) {
				continue
			}
			var chart struct {
				Series []struct {
					Name      string
					ItemStyle struct{ Color string } `json:"itemStyle"`
				} `json:"series"`
			}
			if err := json.Unmarshal([]byte(data), &chart); err != nil {
				t.Fatal(err)
			}
			for _, s := range chart.Series {
				if c, seen := byName[s.Name]; seen && c != s.ItemStyle.Color {
					t.Errorf("%s is %s in one chart and %s in another", s.Name, c, s.ItemStyle.Color)
				}
				byName[s.Name] = s.ItemStyle.Color
			}
		}
		return byName
	}
	full := colours(render(t, publishedResults(t), programmeOptions(t, "nl")))
	// Another report: without LinkedIn's posts, and with the formats the other way round.
	results := publishedResults(t)
	channels := must(queries.Scan[ChannelQuarter](results[queryChannelReach]))
	channels = slices.DeleteFunc(channels, func(c ChannelQuarter) bool { return c.Platform == "linkedin" })
	results[queryChannelReach] = result(t, queryChannelReach, channels)
	flights := must(queries.Scan[Flight](results[queryTwinkelFlights]))
	slices.Reverse(flights)
	results[queryTwinkelFlights] = result(t, queryTwinkelFlights, flights)
	other := colours(render(t, results, quarterOptions(t, "nl")))
	for _, name := range []string{"Facebook", "YouTube", "statisch (foto met quote)", "dynamisch (korte video)"} {
		if full[name] == "" || full[name] != other[name] {
			t.Errorf("%s is %q in one report and %q in the other", name, full[name], other[name])
		}
	}
	if full["Facebook"] == full["YouTube"] || full["statisch (foto met quote)"] == full["dynamisch (korte video)"] {
		t.Error("two platforms or two formats share a colour")
	}
}

// TestFlightsSayWhatTheyLack: a flight the period ends inside is marked partial, and a
// flight x format whose export had no link clicks says so instead of 0 or 0%.
func TestFlightsSayWhatTheyLack(t *testing.T) {
	results := publishedResults(t)
	flights := must(queries.Scan[Flight](results[queryTwinkelFlights]))
	flights[2].Clicks, flights[2].ClickedImpressions, flights[2].CTR = nil, nil, nil // flight 1 dynamic
	results[queryTwinkelFlights] = result(t, queryTwinkelFlights, flights)
	out := render(t, results, programmeOptions(t, "nl"))
	for _, want := range []string{
		// Flight 2 runs to 12 September; the period ends on 31 August.
		`<th scope="row">Vlucht 2<span class="sub">9 aug – 12 sep 2021</span><span class="sub">deels: gegevens t/m 31 aug 2021</span></th>`,
		`<td class="num">niet in de export<sup><a href="#flights-note-4">4</a></sup></td><td class="num">onbekend<sup><a href="#flights-note-4">4</a></sup></td>`,
		"De export van deze advertenties had geen kolom Klikken op links (Link clicks).",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the flights lack %q", want)
		}
	}
	if !strings.Contains(chartData(t, out)["chart-twinkel-data"], `"Vlucht 2 (deels)"`) {
		t.Error("the chart does not mark flight 2 as partial")
	}
}

// TestAccountDaysAreNamed: Fig. 13 says which of its figures are an account's daily
// totals rather than the posts' own.
func TestAccountDaysAreNamed(t *testing.T) {
	results := publishedResults(t)
	channels := must(queries.Scan[ChannelQuarter](results[queryChannelReach]))
	channels = append(channels, ChannelQuarter{Start: day(t, "2021-06-01"), End: day(t, "2021-08-31"), Platform: "x", Posts: 31,
		Impressions: i64(9120), Engagements: i64(402), EngagementRate: f64p(402.0 / 9120), Source: "account_days"})
	results[queryChannelReach] = result(t, queryChannelReach, channels)
	out := render(t, results, programmeOptions(t, "nl"))
	for _, want := range []string{
		"Uit dagtotalen van het account, niet uit cijfers per bericht: X (Twitter) jun-aug 2021.",
		`<td class="num" data-label="X (Twitter)">9.120<sup>`,
		"X (Twitter): dagtotalen van het account (de export per dag), want voor dit kwartaal zijn geen cijfers per bericht geladen.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Fig. 13 lacks %q", want)
		}
	}
}

// TestPlainWordsAndAppendix: the report speaks plain Dutch, keeps its detail tables and
// its sources for the appendix, and shows catalogue types as words.
func TestPlainWordsAndAppendix(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	text := anyScript.ReplaceAllString(out, "") // the page without its data and code
	for _, unwanted := range []string{">n.b.<", ">n.v.t.<", "Funnel", "funnel<", "Bron: query", "inspirerend_praktijkverhaal"} {
		if strings.Contains(markup.ReplaceAllString(text, "<>"), unwanted) {
			t.Errorf("the report shows %q", unwanted)
		}
	}
	for _, want := range []string{"Doorklikratio (CTR)", "Trechter", "inspirerend praktijkverhaal"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	appendix := out[strings.Index(out, `<section id="appendix"`):]
	for _, want := range []string{`id="table-themes"`, `id="table-organisations"`, `id="table-channel-detail"`, `id="table-referral-detail"`,
		"<h3>Bronnen</h3>", "query visits_per_quarter (from=2019-09-01, site=kennisplein, to=2021-08-31)"} {
		if !strings.Contains(appendix, want) {
			t.Errorf("the appendix lacks %q", want)
		}
	}
	body := out[:strings.Index(out, `<section id="appendix"`)]
	for _, unwanted := range []string{`id="table-themes"`, `id="table-organisations"`, "query visits_per_quarter ("} {
		if strings.Contains(body, unwanted) {
			t.Errorf("the body shows %q, which belongs in the appendix", unwanted)
		}
	}
}

// build builds a report from the given results.
func build(tb testing.TB, results map[string]*queries.Result, opts Options) *Report {
	tb.Helper()
	r, err := Build(tb.Context(), &fakeRunner{results: results}, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// renderReport renders a built report.
func renderReport(tb testing.TB, r *Report) string {
	tb.Helper()
	var b strings.Builder
	if err := r.Render(&b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}
