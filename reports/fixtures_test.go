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
		Label:    "Begeleiding à la carte",
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
		Columns: []string{"site", "rank", "path", "page_title", "item_title", "item_type", "visits", "visitors", "source"},
		Rows: [][]any{
			{"kennisplein", int64(1), "/begeleiding-a-la-carte/", "Begeleiding à la carte", nil, nil, int64(5120), int64(4011), "page_views"},
			{"kennisplein", int64(2), "/begeleiding-a-la-carte/verhalen/marloes", "Marloes kiest zelf haar begeleider", "Marloes kiest zelf", "verhaal", int64(1874), int64(1533), "page_views"},
			{"kennisplein", int64(3), "/begeleiding-a-la-carte/kennisproducten/keuzehulp", "Keuzehulp begeleiding", "Keuzehulp begeleiding", "kennisproduct", int64(1502), int64(1290), "page_views"},
			{"kennisplein", int64(4), "/begeleiding-a-la-carte/verhalen/ahmed", "Ahmed woont op zichzelf", "Ahmed woont op zichzelf", "verhaal", int64(1210), int64(1003), "page_views"},
			{"kennisplein", int64(5), "/begeleiding-a-la-carte/themas/wonen", "Thema wonen", nil, nil, int64(988), int64(841), "page_views"},
			// vilans.nl's visits come from a Matomo page report: no distinct visitors.
			{"vilans", int64(1), "/artikelen/begeleiding-a-la-carte/", "Begeleiding à la carte | Vilans", nil, nil, int64(2301), nil, "page_reports"},
			{"vilans", int64(2), "/artikelen/begeleiding-a-la-carte/resultaten", "Resultaten van het programma", "Eindrapport", "kennisproduct", int64(1402), nil, "page_reports"},
			{"twinkelmagazine", int64(1), "/twinkels/sanne", "Sanne en haar hond", "Sanne en haar hond", "Twinkel", int64(3377), int64(3120), "page_views"},
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
	results := map[string]*queries.Result{
		queryVisitsPerQuarter: quarters,
		queryTwinkelFlights:   flights,
		queryTwinkelTotals:    totals,
		queryFunnel:           funnel,
		queryTopArticles:      top,
		queryAnnotations:      annotations,
	}
	for name, res := range sectionResults(tb) {
		results[name] = res
	}
	return results
}

// sectionResults are results shaped like the answers of the other sections' queries:
// the published top lists where the report has them, made-up numbers elsewhere.
func sectionResults(tb testing.TB) map[string]*queries.Result {
	tb.Helper()
	d := func(s string) time.Time { return day(tb, s) }
	keys := &queries.Result{Query: queryKeyFigures, Columns: keyFigureColumns}
	for _, k := range []struct {
		metric                 string
		value, previous, year  any
		changePrev, changeYear any
	}{
		{"visits", int64(20373), int64(15110), nil, 20373.0/15110 - 1, nil},
		{"visitors", int64(16180), int64(11230), nil, 16180.0/11230 - 1, nil},
		{"page_views", int64(24142), int64(24142), nil, 0.0, nil},
		{"ad_impressions", int64(1423737), nil, nil, nil, nil},
		{"ad_clicks", int64(12253), nil, nil, nil, nil},
		{"social_impressions", int64(118204), int64(131877), nil, 118204.0/131877 - 1, nil},
	} {
		keys.Rows = append(keys.Rows, []any{k.metric, d("2019-09-01"), d("2021-08-31"), k.value,
			d("2017-09-01"), d("2019-08-31"), k.previous, k.changePrev, d("2018-09-01"), d("2020-08-31"), k.year, k.changeYear})
	}
	loaded := time.Date(2021, 9, 1, 6, 15, 0, 0, time.UTC)
	fresh := &queries.Result{Query: queryFreshness, Columns: freshnessColumns, Rows: [][]any{
		{"content_catalogue", int64(1), nil, loaded, loaded, int64(48), nil, false},
		{"meta_ads", int64(2), d("2021-08-31"), loaded, loaded, int64(48), int64(6), false},
		{"visit_log", int64(24), d("2021-08-28"), loaded, loaded, int64(48), int64(78), true},
	}}
	referrals := &queries.Result{Query: queryReferralSources, Columns: referralColumns}
	for qi, q := range [][2]string{{"2021-03-01", "2021-05-31"}, {"2021-06-01", "2021-08-31"}} {
		for ci, ch := range []string{"newsletter", "facebook", "instagram", "linkedin", "x", "youtube", "search", "other", "internal", "direct"} {
			visits := int64(100*(qi+1) + 37*ci)
			referrals.Rows = append(referrals.Rows, []any{d(q[0]), d(q[1]), ch, int64(ci + 1), visits, visits - int64(ci)})
		}
	}
	channels := &queries.Result{Query: queryChannelReach, Columns: channelColumns, Rows: [][]any{
		{d("2021-03-01"), d("2021-05-31"), "linkedin", int64(12), int64(48210), int64(1733), 1733.0 / 48210, int64(30120)},
		{d("2021-03-01"), d("2021-05-31"), "facebook", int64(9), int64(31877), int64(902), 902.0 / 31877, int64(25001)},
		{d("2021-06-01"), d("2021-08-31"), "linkedin", int64(14), int64(51022), int64(2011), 2011.0 / 51022, int64(33870)},
		{d("2021-06-01"), d("2021-08-31"), "facebook", int64(11), int64(40115), int64(1240), 1240.0 / 40115, int64(29990)},
		{d("2021-06-01"), d("2021-08-31"), "youtube", int64(3), nil, nil, nil, nil},
	}}
	products := &queries.Result{Query: queryTopKnowledgeProducts, Columns: productColumns, Rows: [][]any{
		{int64(1), int64(117), "Dossier Ervaringsleren", "kennisproduct", "Ervaringsleren", "Vakmanschap & Trots", "kennisplein", "/begeleiding-a-la-carte/ervaringsleren/*", int64(7329), int64(7031)},
		{int64(2), int64(78), "Gesprekstool 'Wat is er?'", "kennisproduct", "Vilans", "Vakmanschap & Trots en Zeggenschap & Dialoog", "kennisplein", "/begeleiding-a-la-carte/gesprekstool-wat-is-er", int64(3985), int64(3900)},
		{int64(3), int64(11), "7 tips voor het omgaan met familieleden met een migratieachtergrond", "kennisproduct", "Cordaan", "Familiebetrokkenheid", "kennisplein", "/begeleiding-a-la-carte/7-tips", int64(776), int64(770)},
	}}
	themes := &queries.Result{Query: queryVisitsByTheme, Columns: themeColumns, Rows: [][]any{
		{"Meedoen & Activering", false, int64(32), int64(27498), int64(23809)},
		{"Vakmanschap & Trots", false, int64(46), int64(21177), int64(19146)},
		{"Zeggenschap & Dialoog", false, int64(18), int64(8469), int64(8097)},
		{"Familiebetrokkenheid", false, int64(15), int64(7398), int64(7126)},
		{"", false, int64(2), int64(323), int64(323)},
		{nil, true, int64(105), int64(58614), int64(45041)},
	}}
	organisations := &queries.Result{Query: queryVisitsByOrganisation, Columns: organisationColumns, Rows: [][]any{
		{"Ipse de Bruggen", false, int64(3), int64(19008), int64(17074)},
		{"Ervaringsleren", false, int64(1), int64(7329), int64(7031)},
		{"Vilans", false, int64(4), int64(4437), int64(4335)},
		{nil, true, int64(8), int64(29001), int64(27100)},
	}}
	posts := &queries.Result{Query: queryTopPosts, Columns: postColumns}
	for _, p := range []struct {
		platform, metric string
		list             []string
		values           []int64
	}{
		{"linkedin", "impressions", []string{"Samenwerken met familie: Waarom loslaten nooit helemaal lukt", "Je sluit beter aan bij cliënten met flexwonen"}, []int64{10400, 8192}},
		{"facebook", "impressions", []string{"Hoe een andere omgeving leidt tot minder gedragsproblemen"}, []int64{7746}},
		{"x", "impressions", []string{"Herken overbelasting bij mantelzorgers op tijd"}, []int64{1158}},
		{"youtube", "views", []string{"Milan over communicatie (Ervaringsleren)", "Twinkel #11 - De Berkelhof"}, []int64{1639, 1053}},
	} {
		for i, title := range p.list {
			posts.Rows = append(posts.Rows, []any{p.platform, int64(i + 1), p.metric, p.values[i],
				time.Date(2021, 3, 10+i, 9, 30, 0, 0, time.UTC), title, "https://example.org/" + p.platform + "/" + fmt.Sprint(i+1), p.platform + "-" + fmt.Sprint(i+1)})
		}
	}
	twinkels := &queries.Result{Query: queryTopTwinkels, Columns: twinkelColumns, Rows: [][]any{
		{int64(1), "/twinkels/prinsenstichting-bouwt-tiny-houses-voor-deeltijdverblijf", "Prinsenstichting bouwt tiny houses voor deeltijdverblijf", int64(2032), int64(1847)},
		{int64(2), "/twinkels/maximaal-tot-bloei", "Maximaal tot bloei door 'Als Je Het Mij Vraagt' van Dichterbij", int64(1320), int64(1232)},
		{int64(3), "/twinkels/ikkookkratje", "Ikkookkratje van Middin stimuleert lekker gezond eten", int64(960), int64(913)},
	}}
	forecast := &queries.Result{Query: queryForecast, Columns: forecastColumns, Rows: [][]any{
		{"Twinkels 2021", d("2021-06-14"), d("2021-11-28"), d("2021-08-31"), int64(1423737), int64(51), int64(61), 1423737.0 / 51, int64(3126638)},
	}}
	gaps := &queries.Result{Query: queryDataGaps, Columns: gapColumns, Rows: [][]any{
		{"page_views", "kennisplein", d("2019-09-02"), d("2021-08-31"), int64(730), int64(7), int64(4), d("2019-09-04"), d("2019-09-05")},
		{"page_views", "twinkelmagazine", d("2021-06-14"), d("2021-08-31"), int64(79), int64(0), int64(0), nil, nil},
		{"meta_ads", "Twinkels 2021", d("2021-06-14"), d("2021-08-31"), int64(51), int64(0), int64(0), nil, nil},
	}}
	rejected := &queries.Result{Query: queryRejectedFiles, Columns: rejectedColumns, Rows: [][]any{
		{"exports/paginaweergaven-2021-06.csv", "visit_log", loaded, int64(4), int64(2), int64(0), 2.0 / 6, int64(6), "url", `host "www.example.org" is not configured`},
	}}
	return map[string]*queries.Result{
		queryKeyFigures:           keys,
		queryFreshness:            fresh,
		queryReferralSources:      referrals,
		queryChannelReach:         channels,
		queryTopKnowledgeProducts: products,
		queryVisitsByTheme:        themes,
		queryVisitsByOrganisation: organisations,
		queryTopPosts:             posts,
		queryTopTwinkels:          twinkels,
		queryForecast:             forecast,
		queryDataGaps:             gaps,
		queryRejectedFiles:        rejected,
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
