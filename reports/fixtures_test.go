package reports

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"bereik/queries"
)

// fakeRunner answers the report's queries with hand-made results and remembers what it
// was asked.
type fakeRunner struct {
	results map[string]*queries.Result
	asked   []askedQuery
}

type askedQuery struct {
	Name   string
	Params map[string]string
}

func (f *fakeRunner) Run(_ context.Context, name string, params map[string]string) (*queries.Result, error) {
	f.asked = append(f.asked, askedQuery{name, maps.Clone(params)})
	res, ok := f.results[name]
	if !ok {
		return nil, fmt.Errorf("no query named %q", name)
	}
	return res, nil
}

func day(tb testing.TB, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func i64(n int64) *int64 { return &n }

// programmeOptions is the period of the published report.
func programmeOptions(tb testing.TB, lang string) Options {
	tb.Helper()
	return Options{
		From:     day(tb, "2019-09-01"),
		To:       day(tb, "2021-08-31"),
		Label:    "Programma Begeleiding à la carte",
		Lang:     lang,
		Campaign: "Twinkels 2021",
	}
}

// publishedFlight is one row of the published Twinkel table.
type publishedFlight struct {
	flight             int64
	format             string
	impressions, reach int64
	views              *int64
	clicks             int64
	start, end         string
}

// publishedResults are results shaped like the queries' answers, with the Twinkel
// campaign's published rows and made-up visits and top articles.
func publishedResults(tb testing.TB) map[string]*queries.Result {
	tb.Helper()
	quarters := &queries.Result{
		Query:   queryVisitsPerQuarter,
		Columns: []string{"quarter_start", "quarter_end", "visits", "visitors", "new_visits", "returning_visits"},
	}
	for i, q := range []struct {
		start, end                         string
		visits, visitors, newV, returningV int64
	}{
		{"2019-09-01", "2019-11-30", 1520, 1204, 1130, 390},
		{"2019-12-01", "2020-02-29", 1833, 1410, 1302, 531},
		{"2020-03-01", "2020-05-31", 2410, 1876, 1694, 716},
		{"2020-06-01", "2020-08-31", 1977, 1588, 1391, 586},
		{"2020-09-01", "2020-11-30", 2654, 2031, 1850, 804},
		{"2020-12-01", "2021-02-28", 2388, 1870, 1633, 755},
		{"2021-03-01", "2021-05-31", 3120, 2402, 2187, 933},
		{"2021-06-01", "2021-08-31", 4471, 3377, 3190, 1281},
	} {
		if q.newV+q.returningV != q.visits {
			tb.Fatalf("quarter %d: new + returning != visits", i)
		}
		quarters.Rows = append(quarters.Rows, []any{day(tb, q.start), day(tb, q.end), q.visits, q.visitors, q.newV, q.returningV})
	}

	flights := &queries.Result{
		Query: queryTwinkelFlights,
		Columns: []string{"campaign", "flight", "flight_start", "flight_end", "format", "data_start", "data_end",
			"impressions", "unique_reach", "reach_upper_bound", "views", "clicks", "ctr", "frequency"},
	}
	for _, f := range []publishedFlight{
		{1, "static", 896158, 151136, nil, 6402, "2021-06-14", "2021-07-11"},
		{2, "static", 375585, 111267, nil, 4567, "2021-08-09", "2021-09-12"},
		{1, "dynamic", 97008, 30568, i64(61635), 797, "2021-06-14", "2021-07-11"},
		{2, "dynamic", 54986, 23571, i64(36861), 487, "2021-08-09", "2021-09-12"},
	} {
		var views any
		if f.views != nil {
			views = *f.views
		}
		dataEnd := day(tb, f.end)
		if to := day(tb, "2021-08-31"); dataEnd.After(to) {
			dataEnd = to
		}
		flights.Rows = append(flights.Rows, []any{
			"Twinkels 2021", f.flight, day(tb, f.start), day(tb, f.end), f.format, day(tb, f.start), dataEnd,
			f.impressions, f.reach, f.reach, views, f.clicks,
			float64(f.clicks) / float64(f.impressions), float64(f.impressions) / float64(f.reach),
		})
	}

	totals := &queries.Result{
		Query:   queryTwinkelTotals,
		Columns: []string{"format", "flights", "impressions", "reach_sum", "views", "clicks", "ctr"},
		Rows: [][]any{
			{"static", int64(2), int64(1271743), int64(262403), nil, int64(10969), 10969.0 / 1271743},
			{"dynamic", int64(2), int64(151994), int64(54139), int64(98496), int64(1284), 1284.0 / 151994},
			{"total", int64(2), int64(1423737), int64(316542), int64(98496), int64(12253), 12253.0 / 1423737},
		},
	}

	top := &queries.Result{
		Query:   queryTopArticles,
		Columns: []string{"site", "rank", "path", "page_title", "item_title", "item_type", "visits", "visitors"},
		Rows: [][]any{
			{"kennisplein", int64(1), "/begeleiding-a-la-carte/", "Begeleiding à la carte", nil, nil, int64(5120), int64(4011)},
			{"kennisplein", int64(2), "/begeleiding-a-la-carte/verhalen/marloes", "Marloes kiest zelf haar begeleider", "Marloes kiest zelf", "verhaal", int64(1874), int64(1533)},
			{"kennisplein", int64(3), "/begeleiding-a-la-carte/kennisproducten/keuzehulp", "Keuzehulp begeleiding", "Keuzehulp begeleiding", "kennisproduct", int64(1502), int64(1290)},
			{"kennisplein", int64(4), "/begeleiding-a-la-carte/verhalen/ahmed", "Ahmed woont op zichzelf", "Ahmed woont op zichzelf", "verhaal", int64(1210), int64(1003)},
			{"kennisplein", int64(5), "/begeleiding-a-la-carte/themas/wonen", "Thema wonen", nil, nil, int64(988), int64(841)},
			{"vilans", int64(1), "/artikelen/begeleiding-a-la-carte/", "Begeleiding à la carte | Vilans", nil, nil, int64(2301), int64(1987)},
			{"vilans", int64(2), "/artikelen/begeleiding-a-la-carte/resultaten", "Resultaten van het programma", "Eindrapport", "kennisproduct", int64(1402), int64(1311)},
			{"twinkelmagazine", int64(1), "/twinkels/sanne", "Sanne en haar hond", "Sanne en haar hond", "Twinkel", int64(3377), int64(3120)},
		},
	}
	// The funnel as the query answers it on the demo data for 14 June - 31 August 2021.
	funnel := &queries.Result{
		Query:   queryFunnel,
		Columns: []string{"step", "stage", "impressions", "clicks", "visits", "visitors", "avg_visit_seconds"},
		Rows: [][]any{
			{int64(1), "ads", int64(1423737), int64(12253), nil, nil, nil},
			{int64(2), "magazine", nil, nil, int64(5363), int64(4176), 74.0},
			{int64(3), "platform", nil, nil, int64(892), int64(556), 252.0},
		},
	}
	annotations := &queries.Result{Query: queryAnnotations, Columns: []string{"day", "text"}}
	return map[string]*queries.Result{
		queryVisitsPerQuarter: quarters,
		queryTwinkelFlights:   flights,
		queryTwinkelTotals:    totals,
		queryFunnel:           funnel,
		queryTopArticles:      top,
		queryAnnotations:      annotations,
	}
}

// campaignOptions is the campaign report of the Twinkel campaign, or of one of its
// flights, over the dates the caller chose.
func campaignOptions(tb testing.TB, lang string, flight int64, from, to string) Options {
	tb.Helper()
	return Options{
		From:         day(tb, from),
		To:           day(tb, to),
		Lang:         lang,
		Campaign:     "Twinkels 2021",
		CampaignOnly: true,
		Flight:       flight,
	}
}

// withAnnotations replaces the annotations with the given days and texts, in pairs.
func withAnnotations(tb testing.TB, results map[string]*queries.Result, dayText ...string) map[string]*queries.Result {
	tb.Helper()
	if len(dayText)%2 != 0 {
		tb.Fatal("withAnnotations takes a day and a text per annotation")
	}
	res := &queries.Result{Query: queryAnnotations, Columns: []string{"day", "text"}}
	for i := 0; i < len(dayText); i += 2 {
		res.Rows = append(res.Rows, []any{day(tb, dayText[i]), dayText[i+1]})
	}
	out := maps.Clone(results)
	out[queryAnnotations] = res
	return out
}

// render builds and renders a report from the given results.
func render(tb testing.TB, results map[string]*queries.Result, opts Options) string {
	tb.Helper()
	r, err := Build(context.Background(), &fakeRunner{results: results}, opts)
	if err != nil {
		tb.Fatalf("Build: %v", err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf); err != nil {
		tb.Fatalf("Render: %v", err)
	}
	return buf.String()
}

// withTopTitles replaces the page titles of the first top articles.
func withTopTitles(tb testing.TB, results map[string]*queries.Result, titles ...string) map[string]*queries.Result {
	tb.Helper()
	top := results[queryTopArticles]
	col := top.Col("page_title")
	rows := slices.Clone(top.Rows)
	for i, t := range titles {
		rows[i] = slices.Clone(rows[i])
		rows[i][col] = t
	}
	out := maps.Clone(results)
	out[queryTopArticles] = &queries.Result{Query: top.Query, Columns: top.Columns, Rows: rows}
	return out
}
