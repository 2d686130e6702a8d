package demo

import "time"

// site is one of the three websites whose visit logs the comms team downloads.
type site uint8

const (
	kennisplein site = iota
	twinkelmagazine
	vilans
)

// String returns the site's name in bereik.toml.
func (s site) String() string {
	return [...]string{"kennisplein", "twinkelmagazine", "vilans"}[s]
}

// host returns the host name the site serves its pages from.
func (s site) host() string {
	return [...]string{"www.kennispleingehandicaptensector.nl", "www.twinkelmagazine.nl", "www.vilans.nl"}[s]
}

// url returns the full URL of path on the site.
func (s site) url(path string) string { return "https://" + s.host() + path }

// page is one web page of a site.
type page struct {
	Site      site
	Path      string
	Title     string
	Programme bool   // one of the programme's pages (a Twinkel, on Twinkelmagazine)
	URL       string // full URL without query string
}

// browsePage is a page outside the programme that visitors browse on the way, with how
// often it is chosen relative to the others.
type browsePage struct {
	Path, Title string
	Weight      float64
}

// Kennisplein's pages outside the programme. The last one has a title full of characters
// that need escaping, so that every report shows it safely.
var kennispleinBrowsePages = []browsePage{
	{"/", "Kennisplein Gehandicaptensector", 30},
	{"/zoeken", "Zoeken", 16},
	{"/themas/familiebetrokkenheid", "Familiebetrokkenheid", 6},
	{"/themas/meedoen-en-activering", "Meedoen & Activering", 6},
	{"/themas/zeggenschap-en-dialoog", "Zeggenschap & Dialoog", 4},
	{"/themas/vakmanschap-en-trots", "Vakmanschap & Trots", 5},
	{"/nieuws", "Nieuws", 4},
	{"/nieuws/wet-zorg-en-dwang-wat-verandert-er", "Wet zorg en dwang: wat verandert er?", 3},
	{"/nieuws/coronavirus-informatie-voor-de-gehandicaptenzorg", "Coronavirus: informatie voor de gehandicaptenzorg", 4},
	{"/artikelen/moeilijk-verstaanbaar-gedrag", "Moeilijk verstaanbaar gedrag", 4},
	{"/artikelen/werken-met-het-ondersteuningsplan", "Werken met het ondersteuningsplan", 2},
	{"/nieuwsbrief", "Aanmelden voor de nieuwsbrief", 2},
	{"/over-kennisplein", "Over Kennisplein", 1},
	{"/nieuws/tips-voor-je-eigen-nieuwsbrief", `Tips & tricks: "quotes", <em>tags</em> en é`, 0.15},
}

// Searches people type into Kennisplein's own search box (/zoeken?q=...).
var kennispleinSearches = []string{
	"begeleiding", "familie", "corona", "dagbesteding", "gedrag", "ervaringsleren",
	"wat+is+er", "tiny+houses", "persoonsgerichte+zorg", "mantelzorg", "wonen", "nachtzorg",
}

// vilans.nl's pages outside the programme.
var vilansBrowsePages = []browsePage{
	{"/", "Vilans | Kenniscentrum voor de langdurende zorg", 30},
	{"/themas/gehandicaptenzorg", "Gehandicaptenzorg", 12},
	{"/artikelen", "Artikelen", 8},
	{"/zoeken", "Zoeken", 5},
	{"/trainingen", "Trainingen en opleidingen", 4},
	{"/over-vilans", "Over Vilans", 2},
}

// article is a programme article on vilans.nl.
type article struct {
	Title     string
	Visits    int       // in the programme period; the top five are published figures
	Published time.Time // the day it went online
	Topical   bool      // news whose interest fades (the corona articles)
}

// The programme's articles on vilans.nl (paths under /artikelen/begeleiding-a-la-carte/).
// The top five are the report's; the rest, and every date, are the demo's.
var vilansArticles = []article{
	{vilansTopArticles[0].Title, vilansTopArticles[0].Visits, date(2019, time.November, 12), false},
	{vilansTopArticles[1].Title, vilansTopArticles[1].Visits, date(2020, time.April, 21), true},
	{vilansTopArticles[2].Title, vilansTopArticles[2].Visits, date(2020, time.February, 4), false},
	{vilansTopArticles[3].Title, vilansTopArticles[3].Visits, date(2020, time.May, 19), true},
	{vilansTopArticles[4].Title, vilansTopArticles[4].Visits, date(2020, time.October, 6), false},
	{"Drie vormen van begeleiding die cliënten fijn vinden", 712, date(2021, time.February, 9), false},
	{"Herken overbelasting bij mantelzorgers op tijd", 566, date(2020, time.November, 17), false},
	{"Sta met naasten ook stil bij de mooie kanten", 431, date(2021, time.March, 23), false},
	{"Terugblik Congres Volwaardig Leven", 287, date(2021, time.June, 29), false},
	{"Begeleiding à la carte: dit hebben we samen geleerd", 164, date(2021, time.August, 17), false},
}

const vilansProgrammePrefix = "/artikelen/begeleiding-a-la-carte/"

// twinkel is one story of the Twinkel campaign: a short portrait of an organisation
// that makes care "twinkle", on Twinkelmagazine, with a link to the programme's page on
// Kennisplein that tells more.
type twinkel struct {
	Number       int
	Organisation string
	Title        string
	Visits       int // 14 June - 31 August 2021; the top five are published figures
	Item         int // the content item on Kennisplein the Twinkel links to
}

// The Twinkels on Twinkelmagazine (paths /twinkels/<slug>).
var twinkels = []twinkel{
	{1, "Prinsenstichting", twinkelmagazineTopTwinkels[0].Title, twinkelmagazineTopTwinkels[0].Visits, 30},
	{4, "Dichterbij", twinkelmagazineTopTwinkels[1].Title, twinkelmagazineTopTwinkels[1].Visits, 104},
	{2, "Middin", twinkelmagazineTopTwinkels[2].Title, twinkelmagazineTopTwinkels[2].Visits, 32},
	{11, "De Berkelhof", twinkelmagazineTopTwinkels[3].Title, twinkelmagazineTopTwinkels[3].Visits, 59},
	{7, "WonenPlus", twinkelmagazineTopTwinkels[4].Title, twinkelmagazineTopTwinkels[4].Visits, 95},
	{3, "Ophovenerhof", "Tiny houses van Ophovenerhof geven jongeren een eigen plek", 560, 52},
	{5, "Siza", "Nachtzorg van Siza geeft bewoners en begeleiders rust", 490, 57},
	{6, "Triade Vitree", "Digitaal planbord van Triade Vitree geeft houvast", 430, 36},
	{8, "Cordaan", "Cordaan werkt cultuursensitief samen met familie", 380, 16},
	{9, "Ons Tweede Thuis", "Ganzenbord van Ons Tweede Thuis opent het gesprek", 330, 68},
	{10, "Pameijer", "Buurtcirkel van Pameijer maakt buurtbewoners sterker", 280, 80},
	{12, "Stichting BONT", "Stichting BONT maakt een gewoon leven mogelijk", 230, 113},
	{13, "Talant", "Met BRAVO! legt Talant de basis van goede begeleiding", 190, 71},
	{14, "Bartiméus", "Bartiméus helpt cliënten omgaan met heftige emoties", 150, 101},
	{15, "Stichting Ela", "Stichting Ela kiest voor onvoorwaardelijke nabijheid", 110, 85},
}

// Twinkelmagazine's home page and the visits that viewed it, 14 June - 31 August 2021:
// fewer than the fifth Twinkel, so that the home page never enters a top five of the
// magazine's pages (bereik.toml counts every page of the magazine as the programme's).
const (
	twinkelmagazineHomeTitle  = "Twinkelmagazine | Verhalen die de gehandicaptenzorg laten twinkelen"
	twinkelmagazineHomeVisits = 650
)

// ervaringslerenPage is a page of the Ervaringsleren dossier below its homepage.
type ervaringslerenPage struct {
	Slug, Title string
	Visits      int // visits in the programme period that saw this page and no other dossier page
}

// The dossier's pages below its homepage: video portraits of people with experience of
// care. Their visits add up to the dossier's visits without its homepage.
var ervaringslerenPages = []ervaringslerenPage{
	{"milan-over-communicatie", "Milan over communicatie", 1402},
	{"sagar-over-1001-begeleiders", "Sagar over 1001 begeleiders", 1121},
	{"idman-over-eigen-regie", "Idman over eigen regie", 836},
	{"vlog-kathalijne-moeder-van-jip", "Vlog Kathalijne - moeder van Jip", 512},
	{"wat-is-ervaringsleren", "Wat is ervaringsleren?", 327},
}

// date returns a calendar date as a time (the calendar of logStart).
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
