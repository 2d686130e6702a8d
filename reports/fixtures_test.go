package reports

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"
	"time"

	"bereik/queries"
)

// fakeRunner answers the report's queries with hand-made results and remembers what it
// was asked. A result per quarter (quarter_start) keeps the quarters from and to ask
// for, as the queries do; answer, where set, answers first.
type fakeRunner struct {
	results map[string]*queries.Result
	answer  func(name string, args queries.Args) *queries.Result
	// fail makes the named queries fail with their error.
	fail  map[string]error
	mu    sync.Mutex // Build runs queries side by side
	asked []askedQuery
	// running and mostRunning count the queries running, and the most at once.
	running, mostRunning int
}

type askedQuery struct {
	Name string
	Args queries.Args
}

func (f *fakeRunner) Run(_ context.Context, name string, args queries.Args) (*queries.Result, error) {
	f.mu.Lock()
	f.asked = append(f.asked, askedQuery{name, maps.Clone(args)})
	f.running++
	f.mostRunning = max(f.mostRunning, f.running)
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		f.running--
		f.mu.Unlock()
	}()
	if err := f.fail[name]; err != nil {
		return nil, err
	}
	if f.answer != nil {
		if res := f.answer(name, args); res != nil {
			return res, nil
		}
	}
	res, ok := f.results[name]
	if !ok {
		return nil, fmt.Errorf("no query named %q", name)
	}
	from, fromOK := args["from"].(time.Time)
	to, toOK := args["to"].(time.Time)
	if col := res.Col("quarter_start"); col >= 0 && fromOK && toOK {
		kept := &queries.Result{Query: res.Query, Columns: res.Columns, Declared: res.Declared}
		for _, row := range res.Rows {
			if start, ok := row[col].(time.Time); ok && !start.Before(quarterOf(from, 9)) && !start.After(to) {
				kept.Rows = append(kept.Rows, row)
			}
		}
		return kept, nil
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
	opts.Sites, opts.MainSite, opts.QuarterStartMonth = demoSites, "kennisplein", 9
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
		quarters = append(quarters, ProgrammeQuarter{Start: day(tb, q.start), End: day(tb, q.end), Visits: q.visits, Visitors: q.visitors, NewVisits: q.newV, ReturningVisits: q.returningV})
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
			Impressions: f.impressions, UniqueReach: i64(f.reach), ReachUpperBound: f.reach, Views: f.views, Clicks: i64(f.clicks), ClickedImpressions: i64(f.impressions),
			CTR: f64p(float64(f.clicks) / float64(f.impressions)), Frequency: f64p(float64(f.impressions) / float64(f.reach)),
		})
	}

	totals := []FormatTotal{
		{Format: "static", Flights: 2, Impressions: 1271743, ReachSum: 262403, Views: nil, Clicks: i64(10969), ClickedImpressions: i64(1271743), CTR: f64p(10969.0 / 1271743)},
		{Format: "dynamic", Flights: 2, Impressions: 151994, ReachSum: 54139, Views: i64(98496), Clicks: i64(1284), ClickedImpressions: i64(151994), CTR: f64p(1284.0 / 151994)},
		{Format: "total", Flights: 2, Impressions: 1423737, ReachSum: 316542, Views: i64(98496), Clicks: i64(12253), ClickedImpressions: i64(1423737), CTR: f64p(12253.0 / 1423737)},
	}

	top := []TopArticle{
		{Site: "kennisplein", Rank: 1, Path: "/begeleiding-a-la-carte/", PageTitle: "Begeleiding à la carte", ItemTitle: nil, ItemType: nil, Visits: i64(5120), Visitors: i64(4011), Source: "page_views", Metric: "visits"},
		{Site: "kennisplein", Rank: 2, Path: "/begeleiding-a-la-carte/verhalen/marloes", PageTitle: "Marloes kiest zelf haar begeleider", ItemTitle: str("Marloes kiest zelf"), ItemType: str("inspirerend_praktijkverhaal"), Visits: i64(1874), Visitors: i64(1533), Source: "page_views", Metric: "visits"},
		{Site: "kennisplein", Rank: 3, Path: "/begeleiding-a-la-carte/kennisproducten/keuzehulp", PageTitle: "Keuzehulp begeleiding", ItemTitle: str("Keuzehulp begeleiding"), ItemType: str("kennisproduct"), Visits: i64(1502), Visitors: i64(1290), Source: "page_views", Metric: "visits"},
		{Site: "kennisplein", Rank: 4, Path: "/begeleiding-a-la-carte/verhalen/ahmed", PageTitle: "Ahmed woont op zichzelf", ItemTitle: str("Ahmed woont op zichzelf"), ItemType: str("verhaal"), Visits: i64(1210), Visitors: i64(1003), Source: "page_views", Metric: "visits"},
		{Site: "kennisplein", Rank: 5, Path: "/begeleiding-a-la-carte/themas/wonen", PageTitle: "Thema wonen", ItemTitle: nil, ItemType: nil, Visits: i64(988), Visitors: i64(841), Source: "page_views", Metric: "visits"},
		// vilans.nl's visits come from a Matomo page report: no distinct visitors.
		{Site: "vilans", Rank: 1, Path: "/artikelen/begeleiding-a-la-carte/", PageTitle: "Begeleiding à la carte | Vilans", ItemTitle: nil, ItemType: nil, Visits: i64(2301), Visitors: nil, Source: "page_reports", Metric: "visits"},
		{Site: "vilans", Rank: 2, Path: "/artikelen/begeleiding-a-la-carte/resultaten", PageTitle: "Resultaten van het programma", ItemTitle: str("Eindrapport"), ItemType: str("kennisproduct"), Visits: i64(1402), Visitors: nil, Source: "page_reports", Metric: "visits"},
		{Site: "twinkelmagazine", Rank: 1, Path: "/twinkels/sanne", PageTitle: "Sanne en haar hond", ItemTitle: str("Sanne en haar hond"), ItemType: str("Twinkel"), Visits: i64(3377), Visitors: i64(3120), Source: "page_views", Metric: "visits"},
	}
	// The funnel as the query answers it on the demo data for 14 June - 31 August 2021.
	funnel := []FunnelStep{
		{Step: 1, Stage: "ads", Impressions: i64(1423737), Clicks: i64(12253), Visits: nil, Visitors: nil, AvgVisitSeconds: nil, StepRate: f64p(12253.0 / 1423737)},
		{Step: 2, Stage: "magazine", Impressions: nil, Clicks: nil, Visits: i64(5363), Visitors: i64(4176), AvgVisitSeconds: f64p(74), StepRate: f64p(5363.0 / 12253)},
		{Step: 3, Stage: "platform", Impressions: nil, Clicks: nil, Visits: i64(892), Visitors: i64(556), AvgVisitSeconds: f64p(252), StepRate: f64p(892.0 / 5363)},
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
		{"visits", i64(28999), i64(15110), nil, f64p(28999.0/15110 - 1), nil},
		{"visitors", i64(27100), i64(11230), nil, f64p(27100.0/11230 - 1), nil},
		{"page_views", i64(34142), i64(24142), nil, f64p(34142.0/24142 - 1), nil},
		{"ad_impressions", i64(1423737), nil, nil, nil, nil},
		{"ad_clicks", i64(12253), nil, nil, nil, nil},
		{"social_impressions", i64(118204), i64(131877), nil, f64p(118204.0/131877 - 1), nil},
	} {
		keys = append(keys, KeyFigure{Metric: k.metric, PeriodStart: d("2019-09-01"), PeriodEnd: d("2021-08-31"), Value: k.value, PreviousStart: d("2017-09-01"), PreviousEnd: d("2019-08-31"), PreviousValue: k.previous, ChangeVsPrevious: k.changePrev, YearEarlierStart: d("2018-09-01"), YearEarlierEnd: d("2020-08-31"), YearEarlierValue: k.year, ChangeVsYearEarlier: k.changeYear})
	}
	// The sites' figures: the main site's visits are Fig. 11's (the quarters add up to
	// 20.373); the magazine is new in the period; vilans.nl is compared with itself.
	var sites []SiteKeyFigure
	for _, f := range []struct {
		site, metric, first   string
		isNew                 bool
		value, previous, year *int64
	}{
		{"kennisplein", "visits", "2019-09-02", false, i64(20373), i64(15110), nil},
		{"kennisplein", "visitors", "2019-09-02", false, i64(16180), i64(11230), nil},
		{"twinkelmagazine", "visits", "2021-06-14", true, i64(5363), nil, nil},
		{"twinkelmagazine", "visitors", "2021-06-14", true, i64(4176), nil, nil},
		{"vilans", "visits", "2019-11-01", true, i64(3265), i64(3265), nil},
		{"vilans", "visitors", "2019-11-01", true, i64(2744), i64(3010), nil},
	} {
		k := KeyFigure{Metric: f.metric, PeriodStart: d("2019-09-01"), PeriodEnd: d("2021-08-31"), Value: f.value, PreviousStart: d("2017-09-01"), PreviousEnd: d("2019-08-31"), PreviousValue: f.previous, YearEarlierStart: d("2018-09-01"), YearEarlierEnd: d("2020-08-31"), YearEarlierValue: f.year}
		if f.previous != nil {
			k.ChangeVsPrevious = f64p(float64(*f.value)/float64(*f.previous) - 1)
		}
		sites = append(sites, SiteKeyFigure{Site: f.site, FirstDay: d(f.first), LastDay: d("2021-08-31"), NewInPeriod: f.isNew, KeyFigure: k})
	}
	loaded := time.Date(2021, 9, 1, 6, 15, 0, 0, time.UTC)
	coverage := []SourceCoverage{
		{Kind: "content_catalogue", LabelNL: "Contentcatalogus", LabelEN: "Content catalogue", TargetTable: "content_items", Files: 1, FirstDay: nil, LastDay: nil, LastLoaded: loaded, Covers: "undated"},
		{Kind: "meta_ads", LabelNL: "Meta-advertenties", LabelEN: "Meta ads", TargetTable: "meta_ads", Files: 2, FirstDay: dayp(d("2021-06-14")), LastDay: dayp(d("2021-08-31")), LastLoaded: loaded, Covers: "from"},
		{Kind: "linkedin_posts", LabelNL: "LinkedIn-berichten", LabelEN: "LinkedIn posts", TargetTable: "social_posts", Files: 2, FirstDay: dayp(d("2019-09-03")), LastDay: dayp(d("2021-08-14")), LastLoaded: loaded, Covers: "until"},
		{Kind: "visit_log", LabelNL: "Bezoekerslogs", LabelEN: "Visit logs", TargetTable: "page_views", Files: 24, FirstDay: dayp(d("2019-09-02")), LastDay: dayp(d("2021-08-31")), LastLoaded: loaded, Covers: "from"},
	}
	var referrals []ReferralQuarter
	for qi, q := range [][2]string{{"2021-03-01", "2021-05-31"}, {"2021-06-01", "2021-08-31"}} {
		for ci, ch := range []string{"newsletter", "facebook", "instagram", "linkedin", "x", "youtube", "search", "other", "internal", "direct"} {
			visits := int64(100*(qi+1) + 37*ci)
			referrals = append(referrals, ReferralQuarter{Start: d(q[0]), End: d(q[1]), Channel: ch, ChannelRank: int64(ci + 1), Visits: visits, Visitors: visits - int64(ci)})
		}
	}
	for i := range referrals { // each quarter's visits over all channels, and each channel's share
		for _, q := range referrals {
			if q.Start.Equal(referrals[i].Start) {
				referrals[i].QuarterVisits += q.Visits
			}
		}
		referrals[i].Share = f64p(float64(referrals[i].Visits) / float64(referrals[i].QuarterVisits))
	}
	channels := []ChannelQuarter{
		{Start: d("2021-03-01"), End: d("2021-05-31"), Platform: "linkedin", Posts: 12, Impressions: i64(48210), Engagements: i64(1733), EngagementRate: f64p(1733.0 / 48210), ReachSum: i64(30120)},
		{Start: d("2021-03-01"), End: d("2021-05-31"), Platform: "facebook", Posts: 9, Impressions: i64(31877), Engagements: i64(902), EngagementRate: f64p(902.0 / 31877), ReachSum: i64(25001)},
		{Start: d("2021-06-01"), End: d("2021-08-31"), Platform: "linkedin", Posts: 14, Impressions: i64(51022), Engagements: i64(2011), EngagementRate: f64p(2011.0 / 51022), ReachSum: i64(33870)},
		{Start: d("2021-06-01"), End: d("2021-08-31"), Platform: "facebook", Posts: 11, Impressions: i64(40115), Engagements: i64(1240), EngagementRate: f64p(1240.0 / 40115), ReachSum: i64(29990)},
		{Start: d("2021-06-01"), End: d("2021-08-31"), Platform: "youtube", Posts: 3, Impressions: nil, Engagements: nil, EngagementRate: nil, ReachSum: nil},
	}
	products := []KnowledgeProduct{
		{Rank: 1, Nr: 117, Title: "Dossier Ervaringsleren", Type: "kennisproduct", Organisations: "Ervaringsleren", Themes: "Vakmanschap & Trots", Site: "kennisplein", Path: "/begeleiding-a-la-carte/ervaringsleren/*", Visits: 7329, Visitors: 7031},
		{Rank: 2, Nr: 78, Title: "Gesprekstool 'Wat is er?'", Type: "kennisproduct", Organisations: "Vilans", Themes: "Vakmanschap & Trots en Zeggenschap & Dialoog", Site: "kennisplein", Path: "/begeleiding-a-la-carte/gesprekstool-wat-is-er", Visits: 3985, Visitors: 3900},
		{Rank: 3, Nr: 11, Title: "7 tips voor het omgaan met familieleden met een migratieachtergrond", Type: "kennisproduct", Organisations: "Cordaan", Themes: "Familiebetrokkenheid", Site: "kennisplein", Path: "/begeleiding-a-la-carte/7-tips", Visits: 776, Visitors: 770},
	}
	themes := []ThemeVisits{
		{Theme: str("Meedoen & Activering"), GroupVisits: GroupVisits{Total: false, Items: 32, Visits: 27498, Visitors: 23809}},
		{Theme: str("Vakmanschap & Trots"), GroupVisits: GroupVisits{Total: false, Items: 46, Visits: 21177, Visitors: 19146}},
		{Theme: str("Zeggenschap & Dialoog"), GroupVisits: GroupVisits{Total: false, Items: 18, Visits: 8469, Visitors: 8097}},
		{Theme: str("Familiebetrokkenheid"), GroupVisits: GroupVisits{Total: false, Items: 15, Visits: 7398, Visitors: 7126}},
		{Theme: str(""), GroupVisits: GroupVisits{Total: false, Items: 2, Visits: 323, Visitors: 323}},
		{Theme: nil, GroupVisits: GroupVisits{Total: true, Items: 105, Visits: 58614, Visitors: 45041}},
	}
	organisations := []OrganisationVisits{
		{Organisation: str("Ipse de Bruggen"), GroupVisits: GroupVisits{Total: false, Items: 3, Visits: 19008, Visitors: 17074}},
		{Organisation: str("Ervaringsleren"), GroupVisits: GroupVisits{Total: false, Items: 1, Visits: 7329, Visitors: 7031}},
		{Organisation: str("Vilans"), GroupVisits: GroupVisits{Total: false, Items: 4, Visits: 4437, Visitors: 4335}},
		{Organisation: nil, GroupVisits: GroupVisits{Total: true, Items: 8, Visits: 29001, Visitors: 27100}},
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
			posts = append(posts, TopPost{Platform: p.platform, Rank: int64(i + 1), Metric: p.metric, Value: p.values[i], PublishedAt: dayp(time.Date(2021, 3, 10+i, 9, 30, 0, 0, time.UTC)), Title: title, URL: "https://example.org/" + p.platform + "/" + fmt.Sprint(i+1), PostID: p.platform + "-" + fmt.Sprint(i+1)})
		}
	}
	twinkels := []TopTwinkel{
		{Rank: 1, Path: "/twinkels/prinsenstichting-bouwt-tiny-houses-voor-deeltijdverblijf", PageTitle: "Prinsenstichting bouwt tiny houses voor deeltijdverblijf", Visits: 2032, Visitors: 1847},
		{Rank: 2, Path: "/twinkels/maximaal-tot-bloei", PageTitle: "Maximaal tot bloei door 'Als Je Het Mij Vraagt' van Dichterbij", Visits: 1320, Visitors: 1232},
		{Rank: 3, Path: "/twinkels/ikkookkratje", PageTitle: "Ikkookkratje van Middin stimuleert lekker gezond eten", Visits: 960, Visitors: 913},
	}
	forecast := []Forecast{
		{Campaign: "Twinkels 2021", CampaignStart: d("2021-06-14"), CampaignEnd: d("2021-11-28"), AsOf: d("2021-08-31"), ImpressionsSoFar: 1423737, FlightDaysSoFar: 51, FlightDaysRemaining: 61, ImpressionsPerFlightDay: f64p(1423737.0 / 51), ForecastImpressions: 3126638},
	}
	gaps := []DataGap{
		{Source: "page_views", Subject: "kennisplein", FirstDay: d("2019-09-02"), LastDay: d("2021-08-31"), Days: 730, DaysWithoutData: 7, Gaps: 4, LongestGapStart: dayp(d("2019-09-04")), LongestGapEnd: dayp(d("2019-09-05"))},
		{Source: "page_views", Subject: "twinkelmagazine", FirstDay: d("2021-06-14"), LastDay: d("2021-08-31"), Days: 79, DaysWithoutData: 0, Gaps: 0, LongestGapStart: nil, LongestGapEnd: nil},
		{Source: "meta_ads", Subject: "Twinkels 2021", FirstDay: d("2021-06-14"), LastDay: d("2021-08-31"), Days: 51, DaysWithoutData: 0, Gaps: 0, LongestGapStart: nil, LongestGapEnd: nil},
	}
	rejected := []RejectedFile{
		{Path: "exports/paginaweergaven-2021-06.csv", Kind: "visit_log", LabelNL: "Bezoekerslogs", LabelEN: "Visit logs", LoadedAt: loaded, RowsLoaded: 4, RowsRejected: 2, RowsBots: 0, RejectedShare: f64p(2.0 / 6), FirstLine: i64(6), FirstColumn: "url", FirstReason: `host "www.example.org" is not configured`},
	}
	return map[string]*queries.Result{
		queryKeyFigures:           result(tb, queryKeyFigures, keys),
		querySiteKeyFigures:       result(tb, querySiteKeyFigures, sites),
		queryCoverage:             result(tb, queryCoverage, coverage),
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
