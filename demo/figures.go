package demo

// The published figures the demo exports reproduce.
//
// Source: "Begeleiding à la carte, Eindrapportage (september 2019 - september 2021)",
// hoofdstuk 3 and paragraaf 6.2, peildatum 31 augustus 2021 (figures 11-15 and the text
// around them). Periods: the programme, 1 September 2019 - 31 August 2021, unless a figure
// says otherwise. Where the report only gave a rounded figure ("bijna 60.000"), the value
// here is the one the demo chose within that rounding; such values are marked "chosen".
// The ad figures of Fig. 14 are in the Meta Ads Manager rows of metaads.go.

// pageVisits is a page's title and its visits: distinct visits that viewed the page.
type pageVisits struct {
	Title  string
	Visits int
}

// Top five articles on Kennisplein Gehandicaptensector by visits (hoofdstuk 3).
var kennispleinTopArticles = []pageVisits{
	{"Hoe een andere omgeving leidt tot minder gedragsproblemen", 17752},
	{"Gesprekstool 'Wat is er?'", 3985},
	{"Samenwerken met familie: Waarom loslaten nooit helemaal lukt", 3447},
	{"Ervaringsleren – homepage dossier", 3131},
	{"Gratis online aanbod dagbesteding in coronatijd", 2137},
}

// Top five programme articles on vilans.nl by visits (hoofdstuk 3).
var vilansTopArticles = []pageVisits{
	{"Model BRAVO! wijst aan wat belangrijk is in begeleiding", 1944},
	{"Daginvulling cliënten door coronacrisis in stroomversnelling", 1326},
	{"Tekort aan artsen voor verstandelijk gehandicapten: wat moet beter?", 998},
	{"Coronacrisis versnelt de inzet van beeldzorg bij Triade Vitree", 964},
	{"Hoogleraar Jan Kremer definieert 'goede persoonsgerichte zorg'", 930},
}

// Top five Twinkels on Twinkelmagazine by visits, 14 June - 31 August 2021 (paragraaf 6.2).
var twinkelmagazineTopTwinkels = []pageVisits{
	{"Prinsenstichting bouwt tiny houses voor deeltijdverblijf", 2032},
	{"Maximaal tot bloei door 'Als Je Het Mij Vraagt' van Dichterbij", 1320},
	{"Ikkookkratje van Middin stimuleert lekker gezond eten", 960},
	{"Eén paar handen van De Berkelhof zorgt voor rust", 952},
	{"WonenPlus biedt persoonsgerichte zorg bij multiproblematiek", 743},
}

const (
	// Top knowledge products (hoofdstuk 3): "Dossier Ervaringsleren" counts every visit that
	// viewed a page of the dossier; its homepage alone is one of the top articles.
	dossierErvaringslerenVisits = 7329
	migrationTipsVisits         = 776 // "7 tips voor het omgaan met familieleden met een migratieachtergrond"

	// Visits to the programme's pages on Kennisplein: "bijna 60.000" (chosen).
	kennispleinProgrammeVisits = 58_614
	// Distinct visitors of the programme's pages in the first programme quarter,
	// September - November 2019: "ruim 1.000" (chosen).
	firstQuarterVisitors = 1_046
	// Distinct visitors of the programme's pages in the last programme quarter,
	// June - August 2021: "ruim 10.000" (chosen).
	lastQuarterVisitors = 10_284

	// Twinkelmagazine, 14 June - 31 August 2021 (Fig. 15): visits, visitors and the
	// average visit duration 1:14.
	twinkelmagazineVisits          = 5363
	twinkelmagazineVisitors        = 4176
	twinkelmagazineAvgVisitSeconds = 74

	// Visits to Kennisplein referred by Twinkelmagazine, 14 June - 31 August 2021 (Fig. 15):
	// visits, visitors and the average visit duration 4:12.
	twinkelFunnelVisits          = 892
	twinkelFunnelVisitors        = 556
	twinkelFunnelAvgVisitSeconds = 252
)

// postCount is an organic post's text or video title and its impressions or views.
type postCount struct {
	Title string
	Count int
}

// Top five organic posts per channel of the knowledge platform in the programme period
// (hoofdstuk 3, Fig. 13). The report does not say which metric it ranked by; the demo
// reads impressions for LinkedIn, Facebook and X (Twitter) and views for YouTube.
var (
	topLinkedInPosts = []postCount{
		{"Samenwerken met familie: Waarom loslaten nooit helemaal lukt", 10400},
		{"Je sluit beter aan bij cliënten met flexwonen", 8192},
		{"9 belangrijkste punten voor inrichten van de fysieke leefomgeving", 7978},
		{"Digitale informatieborden: Zo sluit je goed aan op behoeftes (Triade Vitree)", 6310},
		{"Gesprekstool 'Wat is er?'", 6163},
	}
	topFacebookPosts = []postCount{
		{"Hoe een andere omgeving leidt tot minder gedragsproblemen", 7746},
		{"Sagar vertelt hoe hij het ervaart om steeds weer andere begeleiders te hebben", 6796},
		{"Samenwerken met familie: Waarom loslaten nooit helemaal lukt", 4443},
		{"Hoe kom jij van een beheers- tot leercultuur bij moeilijk verstaanbaar gedrag? (Stichting Ela)", 4374},
		{"Digitale informatieborden: Zo sluit je goed aan op behoeftes (Triade Vitree)", 3913},
	}
	topXPosts = []postCount{
		{"Herken overbelasting bij mantelzorgers op tijd", 1158},
		{"Sta met naasten ook stil bij de mooie kanten", 1121},
		{"Drie vormen van begeleiding die cliënten fijn vinden", 898},
		{"Terugblik Congres Volwaardig Leven", 869},
		{"9 belangrijkste punten voor inrichten van de fysieke leefomgeving", 760},
	}
	topYouTubeVideos = []postCount{
		{"Milan over communicatie (Ervaringsleren)", 1639},
		{"Sagar over 1001 begeleiders (Ervaringsleren)", 1433},
		{"Idman over eigen regie (Ervaringsleren)", 1157},
		{"Twinkel #11 - De Berkelhof", 1053},
		{"Vlog Kathalijne - moeder van Jip (Ervaringsleren)", 513},
	}
)
