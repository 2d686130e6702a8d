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
	Name string
	Args queries.Args
}

func (f *fakeRunner) Run(_ context.Context, name string, args queries.Args) (*queries.Result, error) {
	f.asked = append(f.asked, askedQuery{name, maps.Clone(args)})
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

func i64(n int64) *int64          { return &n }
func f64p(x float64) *float64     { return &x }
func str(s string) *string        { return &s }
func dayp(t time.Time) *time.Time { return &t }

// result is the result the named query gives with these rows, as queries.ResultOf makes it.
func result[T any](tb testing.TB, query string, rows []T) *queries.Result {
	tb.Helper()
	res, err := queries.ResultOf(query, rows)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// demoSites are the sites of the demo's bereik.toml, as the report names them.
var demoSites = []Site{
	{Name: "kennisplein", Label: "Kennisplein", Host: "kennispleingehandicaptensector.nl"},
	{Name: "twinkelmagazine", Label: "Twinkelmagazine", Host: "twinkelmagazine.nl"},
	{Name: "vilans", Label: "vilans.nl", Host: "vilans.nl"},
}

// withConfig fills in what the caller reads from the demo's bereik.toml.
func withConfig(opts Options) Options {
	opts.Sites, opts.MainSite = demoSites, "kennisplein"
	opts.MagazineSite, opts.MagazinePrefix = "twinkelmagazine", "/twinkels/"
	return opts
}

// programmeOptions is the period of the published report.
func programmeOptions(tb testing.TB, lang string) Options {
	tb.Helper()
	return withConfig(Options{
		From:     day(tb, "2019-09-01"),
		To:       day(tb, "2021-08-31"),
		Label:    "Begeleiding à la carte",
		Lang:     lang,
		Campaign: "Twinkels 2021",
	})
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
	var quarters []ProgrammeQuarter
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
		quarters = append(quarters, ProgrammeQuarter{day(tb, q.start), day(tb, q.end), q.visits, q.visitors, q.newV, q.returningV})
	}

	var flights []Flight
	for _, f := range []publishedFlight{
		{1, "static", 896158, 151136, nil, 6402, "2021-06-14", "2021-07-11"},
		{2, "static", 375585, 111267, nil, 4567, "2021-08-09", "2021-09-12"},
		{1, "dynamic", 97008, 30568, i64(61635), 797, "2021-06-14", "2021-07-11"},
		{2, "dynamic", 54986, 23571, i64(36861), 487, "2021-08-09", "2021-09-12"},
	} {
		dataEnd := day(tb, f.end)
		if to := day(tb, "2021-08-31"); dataEnd.After(to) {
			dataEnd = to
		}
		flights = append(flights, Flight{
			Campaign: "Twinkels 2021", Number: f.flight, Start: day(tb, f.start), End: day(tb, f.end), Format: f.format,
			DataStart: day(tb, f.start), DataEnd: dataEnd,
			Impressions: f.impressions, UniqueReach: i64(f.reach), ReachUpperBound: f.reach, Views: f.views, Clicks: f.clicks,
			CTR: f64p(float64(f.clicks) / float64(f.impressions)), Frequency: f64p(float64(f.impressions) / float64(f.reach)),
		})
	}

	totals := []FormatTotal{
		{"static", 2, 1271743, 262403, nil, 10969, f64p(10969.0 / 1271743)},
		{"dynamic", 2, 151994, 54139, i64(98496), 1284, f64p(1284.0 / 151994)},
		{"total", 2, 1423737, 316542, i64(98496), 12253, f64p(12253.0 / 1423737)},
	}

	top := []TopArticle{
		{"kennisplein", 1, "/begeleiding-a-la-carte/", "Begeleiding à la carte", nil, nil, 5120, i64(4011), "page_views"},
		{"kennisplein", 2, "/begeleiding-a-la-carte/verhalen/marloes", "Marloes kiest zelf haar begeleider", str("Marloes kiest zelf"), str("verhaal"), 1874, i64(1533), "page_views"},
		{"kennisplein", 3, "/begeleiding-a-la-carte/kennisproducten/keuzehulp", "Keuzehulp begeleiding", str("Keuzehulp begeleiding"), str("kennisproduct"), 1502, i64(1290), "page_views"},
		{"kennisplein", 4, "/begeleiding-a-la-carte/verhalen/ahmed", "Ahmed woont op zichzelf", str("Ahmed woont op zichzelf"), str("verhaal"), 1210, i64(1003), "page_views"},
		{"kennisplein", 5, "/begeleiding-a-la-carte/themas/wonen", "Thema wonen", nil, nil, 988, i64(841), "page_views"},
		// vilans.nl's visits come from a Matomo page report: no distinct visitors.
		{"vilans", 1, "/artikelen/begeleiding-a-la-carte/", "Begeleiding à la carte | Vilans", nil, nil, 2301, nil, "page_reports"},
		{"vilans", 2, "/artikelen/begeleiding-a-la-carte/resultaten", "Resultaten van het programma", str("Eindrapport"), str("kennisproduct"), 1402, nil, "page_reports"},
		{"twinkelmagazine", 1, "/twinkels/sanne", "Sanne en haar hond", str("Sanne en haar hond"), str("Twinkel"), 3377, i64(3120), "page_views"},
	}
	// The funnel as the query answers it on the demo data for 14 June - 31 August 2021.
	funnel := []FunnelStep{
		{1, "ads", i64(1423737), i64(12253), nil, nil, nil},
		{2, "magazine", nil, nil, i64(5363), i64(4176), f64p(74)},
		{3, "platform", nil, nil, i64(892), i64(556), f64p(252)},
	}
	results := map[string]*queries.Result{
		queryVisitsPerQuarter: result(tb, queryVisitsPerQuarter, quarters),
		queryTwinkelFlights:   result(tb, queryTwinkelFlights, flights),
		queryTwinkelTotals:    result(tb, queryTwinkelTotals, totals),
		queryFunnel:           result(tb, queryFunnel, funnel),
		queryTopArticles:      result(tb, queryTopArticles, top),
		queryAnnotations:      result(tb, queryAnnotations, []Annotation{}),
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
	var keys []KeyFigure
	for _, k := range []struct {
		metric                 string
		value, previous, year  *int64
		changePrev, changeYear *float64
	}{
		{"visits", i64(20373), i64(15110), nil, f64p(20373.0/15110 - 1), nil},
		{"visitors", i64(16180), i64(11230), nil, f64p(16180.0/11230 - 1), nil},
		{"page_views", i64(24142), i64(24142), nil, f64p(0), nil},
		{"ad_impressions", i64(1423737), nil, nil, nil, nil},
		{"ad_clicks", i64(12253), nil, nil, nil, nil},
		{"social_impressions", i64(118204), i64(131877), nil, f64p(118204.0/131877 - 1), nil},
	} {
		keys = append(keys, KeyFigure{k.metric, d("2019-09-01"), d("2021-08-31"), k.value,
			d("2017-09-01"), d("2019-08-31"), k.previous, k.changePrev, d("2018-09-01"), d("2020-08-31"), k.year, k.changeYear})
	}
	loaded := time.Date(2021, 9, 1, 6, 15, 0, 0, time.UTC)
	fresh := []SourceFreshness{
		{"content_catalogue", "Contentcatalogus", "Content catalogue", 1, nil, loaded, loaded, 48, nil, false},
		{"meta_ads", "Meta-advertenties", "Meta ads", 2, dayp(d("2021-08-31")), loaded, loaded, 48, i64(6), false},
		{"visit_log", "Bezoekerslogs", "Visit logs", 24, dayp(d("2021-08-28")), loaded, loaded, 48, i64(78), true},
	}
	var referrals []ReferralQuarter
	for qi, q := range [][2]string{{"2021-03-01", "2021-05-31"}, {"2021-06-01", "2021-08-31"}} {
		for ci, ch := range []string{"newsletter", "facebook", "instagram", "linkedin", "x", "youtube", "search", "other", "internal", "direct"} {
			visits := int64(100*(qi+1) + 37*ci)
			referrals = append(referrals, ReferralQuarter{d(q[0]), d(q[1]), ch, int64(ci + 1), visits, visits - int64(ci)})
		}
	}
	channels := []ChannelQuarter{
		{d("2021-03-01"), d("2021-05-31"), "linkedin", 12, i64(48210), i64(1733), f64p(1733.0 / 48210), i64(30120)},
		{d("2021-03-01"), d("2021-05-31"), "facebook", 9, i64(31877), i64(902), f64p(902.0 / 31877), i64(25001)},
		{d("2021-06-01"), d("2021-08-31"), "linkedin", 14, i64(51022), i64(2011), f64p(2011.0 / 51022), i64(33870)},
		{d("2021-06-01"), d("2021-08-31"), "facebook", 11, i64(40115), i64(1240), f64p(1240.0 / 40115), i64(29990)},
		{d("2021-06-01"), d("2021-08-31"), "youtube", 3, nil, nil, nil, nil},
	}
	products := []KnowledgeProduct{
		{1, 117, "Dossier Ervaringsleren", "kennisproduct", "Ervaringsleren", "Vakmanschap & Trots", "kennisplein", "/begeleiding-a-la-carte/ervaringsleren/*", 7329, 7031},
		{2, 78, "Gesprekstool 'Wat is er?'", "kennisproduct", "Vilans", "Vakmanschap & Trots en Zeggenschap & Dialoog", "kennisplein", "/begeleiding-a-la-carte/gesprekstool-wat-is-er", 3985, 3900},
		{3, 11, "7 tips voor het omgaan met familieleden met een migratieachtergrond", "kennisproduct", "Cordaan", "Familiebetrokkenheid", "kennisplein", "/begeleiding-a-la-carte/7-tips", 776, 770},
	}
	themes := []ThemeVisits{
		{str("Meedoen & Activering"), GroupVisits{false, 32, 27498, 23809}},
		{str("Vakmanschap & Trots"), GroupVisits{false, 46, 21177, 19146}},
		{str("Zeggenschap & Dialoog"), GroupVisits{false, 18, 8469, 8097}},
		{str("Familiebetrokkenheid"), GroupVisits{false, 15, 7398, 7126}},
		{str(""), GroupVisits{false, 2, 323, 323}},
		{nil, GroupVisits{true, 105, 58614, 45041}},
	}
	organisations := []OrganisationVisits{
		{str("Ipse de Bruggen"), GroupVisits{false, 3, 19008, 17074}},
		{str("Ervaringsleren"), GroupVisits{false, 1, 7329, 7031}},
		{str("Vilans"), GroupVisits{false, 4, 4437, 4335}},
		{nil, GroupVisits{true, 8, 29001, 27100}},
	}
	var posts []TopPost
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
			posts = append(posts, TopPost{p.platform, int64(i + 1), p.metric, p.values[i],
				dayp(time.Date(2021, 3, 10+i, 9, 30, 0, 0, time.UTC)), title, "https://example.org/" + p.platform + "/" + fmt.Sprint(i+1), p.platform + "-" + fmt.Sprint(i+1)})
		}
	}
	twinkels := []TopTwinkel{
		{1, "/twinkels/prinsenstichting-bouwt-tiny-houses-voor-deeltijdverblijf", "Prinsenstichting bouwt tiny houses voor deeltijdverblijf", 2032, 1847},
		{2, "/twinkels/maximaal-tot-bloei", "Maximaal tot bloei door 'Als Je Het Mij Vraagt' van Dichterbij", 1320, 1232},
		{3, "/twinkels/ikkookkratje", "Ikkookkratje van Middin stimuleert lekker gezond eten", 960, 913},
	}
	forecast := []Forecast{
		{"Twinkels 2021", d("2021-06-14"), d("2021-11-28"), d("2021-08-31"), 1423737, 51, 61, f64p(1423737.0 / 51), 3126638},
	}
	gaps := []DataGap{
		{"page_views", "kennisplein", d("2019-09-02"), d("2021-08-31"), 730, 7, 4, dayp(d("2019-09-04")), dayp(d("2019-09-05"))},
		{"page_views", "twinkelmagazine", d("2021-06-14"), d("2021-08-31"), 79, 0, 0, nil, nil},
		{"meta_ads", "Twinkels 2021", d("2021-06-14"), d("2021-08-31"), 51, 0, 0, nil, nil},
	}
	rejected := []RejectedFile{
		{"exports/paginaweergaven-2021-06.csv", "visit_log", "Bezoekerslogs", "Visit logs", loaded, 4, 2, 0, f64p(2.0 / 6), i64(6), "url", `host "www.example.org" is not configured`},
	}
	return map[string]*queries.Result{
		queryKeyFigures:           result(tb, queryKeyFigures, keys),
		queryFreshness:            result(tb, queryFreshness, fresh),
		queryReferralSources:      result(tb, queryReferralSources, referrals),
		queryChannelReach:         result(tb, queryChannelReach, channels),
		queryTopKnowledgeProducts: result(tb, queryTopKnowledgeProducts, products),
		queryVisitsByTheme:        result(tb, queryVisitsByTheme, themes),
		queryVisitsByOrganisation: result(tb, queryVisitsByOrganisation, organisations),
		queryTopPosts:             result(tb, queryTopPosts, posts),
		queryTopTwinkels:          result(tb, queryTopTwinkels, twinkels),
		queryForecast:             result(tb, queryForecast, forecast),
		queryDataGaps:             result(tb, queryDataGaps, gaps),
		queryRejectedFiles:        result(tb, queryRejectedFiles, rejected),
	}
}

// campaignOptions is the campaign report of the Twinkel campaign, or of one of its
// flights, over the dates the caller chose.
func campaignOptions(tb testing.TB, lang string, flight int64, from, to string) Options {
	tb.Helper()
	return withConfig(Options{
		From:         day(tb, from),
		To:           day(tb, to),
		Lang:         lang,
		Campaign:     "Twinkels 2021",
		CampaignOnly: true,
		Flight:       flight,
	})
}

// withAnnotations replaces the annotations with the given days and texts, in pairs.
func withAnnotations(tb testing.TB, results map[string]*queries.Result, dayText ...string) map[string]*queries.Result {
	tb.Helper()
	if len(dayText)%2 != 0 {
		tb.Fatal("withAnnotations takes a day and a text per annotation")
	}
	var notes []Annotation
	for i := 0; i < len(dayText); i += 2 {
		notes = append(notes, Annotation{day(tb, dayText[i]), dayText[i+1]})
	}
	out := maps.Clone(results)
	out[queryAnnotations] = result(tb, queryAnnotations, notes)
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
	out[queryTopArticles] = &queries.Result{Query: top.Query, Columns: top.Columns, Declared: top.Declared, Rows: rows}
	return out
}
