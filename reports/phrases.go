package reports

// phrase names one label of the report.
type phrase string

// phrases holds every label of the report in Dutch and English. A label with verbs
// (%s, %d) is filled in by locale.say.
var phrases = map[phrase]struct{ nl, en string }{
	phTitle:      {"Bereikcijfers", "Reach figures"},
	phTitleLabel: {"Bereikcijfers %s", "Reach figures %s"},
	phPeriod:     {"Periode: %s", "Period: %s"},
	phNA:         {"n.v.t.", "n/a"},
	phNoData:     {"Geen gegevens voor deze periode.", "No data for this period."},
	phSource:     {"Bron: query %s (%s).", "Source: query %s (%s)."},
	phTotal:      {"Totaal", "Total"},
	phFigure:     {"De cijfers staan in de tabel hieronder.", "The numbers are in the table below."},
	phSourceFlight: {
		"Bron: query %s (%s), alleen vlucht %d.",
		"Source: query %s (%s), flight %d only.",
	},
	phDownload:       {"CSV downloaden", "Download CSV"},
	phAnnotations:    {"Aantekeningen", "Notes"},
	phAnnotationItem: {"%s — %s", "%s — %s"},

	phCampaignTitle:       {"Twinkelcampagne %s", "Twinkel campaign %s"},
	phCampaignTitleFlight: {"Twinkelcampagne %s – vlucht %d", "Twinkel campaign %s – flight %d"},

	phVisitsHeading: {"Bezoeken per kwartaal", "Visits per quarter"},
	phVisitsIntro: {
		"Aantal (terugkerende) bezoeken per kwartaal aan de contentpagina's van het programma op kennispleingehandicaptensector.nl.",
		"Number of (returning) visits per quarter to the programme's content pages on kennispleingehandicaptensector.nl.",
	},
	phVisitsChart: {
		"Gestapelde staafgrafiek van nieuwe en terugkerende bezoeken per kwartaal, %s tot en met %s.",
		"Stacked bar chart of new and returning visits per quarter, %s to %s.",
	},
	phVisitsCaption:  {"Bezoeken per kwartaal, %s", "Visits per quarter, %s"},
	phQuarter:        {"Kwartaal", "Quarter"},
	phVisits:         {"Bezoeken", "Visits"},
	phVisitors:       {"Bezoekers", "Visitors"},
	phNewVisits:      {"Nieuwe bezoeken", "New visits"},
	phReturning:      {"Terugkerende bezoeken", "Returning visits"},
	phSeriesNew:      {"Nieuw", "New"},
	phSeriesReturned: {"Terugkerend", "Returning"},
	phVisitsChartNotes: {
		"Verticale lijnen markeren de aantekeningen onder de grafiek.",
		"Vertical lines mark the notes below the chart.",
	},
	phVisitorsNote: {
		"Bezoekers zijn de unieke bezoekers binnen één kwartaal. Wie in meer kwartalen terugkomt, telt in elk daarvan mee, dus opgeteld geven de kwartalen meer bezoekers dan er in de hele periode waren. Daarom staat er geen totaal.",
		"Visitors are the distinct visitors within one quarter. Someone who comes back in several quarters counts in each of them, so the quarters added up would give more visitors than the whole period had. Hence no total.",
	},

	phTwinkelHeading:        {"Twinkelcampagne", "Twinkel campaign"},
	phTwinkelHeadingFor:     {"Twinkelcampagne %s", "Twinkel campaign %s"},
	phTwinkelFlightsHeading: {"Vluchten en formaten", "Flights and formats"},
	phTwinkelIntro: {
		"Weergaven, bereik, videoweergaven en klikken van de betaalde Twinkel-advertenties, per vlucht en formaat.",
		"Impressions, reach, video views and clicks of the paid Twinkel ads, per flight and format.",
	},
	phTwinkelChart: {
		"Gegroepeerde staafgrafiek van de weergaven per vlucht, met een staaf per formaat: %s.",
		"Grouped bar chart of the impressions per flight, one bar per format: %s.",
	},
	phFlightsCaption: {"Twinkelcampagne per vlucht en formaat", "Twinkel campaign per flight and format"},
	phTotalsCaption:  {"Twinkelcampagne: totalen per formaat", "Twinkel campaign: totals per format"},
	phFlight:         {"Vlucht", "Flight"},
	phFlightN:        {"Vlucht %d", "Flight %d"},
	phCampaignFlight: {"%s, vlucht %d", "%s, flight %d"},
	phDataPeriod:     {"gegevens: %s", "data: %s"},
	phFormat:         {"Formaat", "Format"},
	phFlights:        {"Vluchten", "Flights"},
	phImpressions:    {"Weergaven", "Impressions"},
	phUniqueReach:    {"Uniek bereik", "Unique reach"},
	phReachSum:       {"Bereik opgeteld", "Reach summed"},
	phViews:          {"Videoweergaven", "Video views"},
	phClicks:         {"Klikken", "Clicks"},
	phCTR:            {"CTR", "CTR"},
	phFrequency:      {"Frequentie", "Frequency"},
	phFormatStatic:   {"statisch (foto met quote)", "static (photo with quote)"},
	phFormatDynamic:  {"dynamisch (korte video)", "dynamic (short video)"},
	phFormatUnknown:  {"onbekend formaat", "unknown format"},
	phFormatTotal:    {"alle formaten", "all formats"},
	phUpperBound: {
		"≤ %s (bovengrens, geen uniek bereik)",
		"≤ %s (upper bound, not unique reach)",
	},
	phReachMissing: {
		"%s, %s: de export geeft op dit niveau geen uniek bereik. Het bereik van de rijen opgeteld is ≤ %s: een bovengrens, geen uniek bereik.",
		"%s, %s: the export gives no unique reach at this grain. The rows' reach summed is ≤ %s: an upper bound, not unique reach.",
	},
	phCTRNote: {
		"CTR = klikken / weergaven over het totaal van de rij: de som van de klikken gedeeld door de som van de weergaven, niet het gemiddelde van de CTR's van de vluchten.",
		"CTR = clicks / impressions over the row's total: the sum of the clicks divided by the sum of the impressions, not the mean of the flights' CTRs.",
	},
	phFrequencyNote: {
		"Frequentie = weergaven / uniek bereik, berekend per vlucht en formaat, het niveau waarop het bereik geëxporteerd is.",
		"Frequency = impressions / unique reach, computed per flight and format, the grain the reach was exported at.",
	},
	phReachSumNote: {
		"Uniek bereik telt niet op over vluchten: wie in twee vluchten een advertentie zag, telt in beide mee. De som is daarom alleen een bovengrens van het aantal bereikte mensen.",
		"Unique reach does not add up across flights: someone who saw an ad in two flights counts in both. The sum is therefore only an upper bound of the people reached.",
	},
	phViewsNote: {
		"Videoweergaven: video's die minstens 3 seconden zijn afgespeeld; n.v.t. voor formaten zonder video.",
		"Video views: videos played for at least 3 seconds; n/a for formats without video.",
	},

	phFunnelHeading: {"Funnel: van social post naar Kennisplein", "Funnel: from social post to Kennisplein"},
	phFunnelIntro: {
		"De weg van de campagne: social post (prikkelen) → Twinkelmagazine (inspireren) → Kennisplein (leren).",
		"The campaign's path: social post (spark interest) → Twinkelmagazine (inspire) → Kennisplein (learn).",
	},
	phFunnelChart: {
		"Liggende staafgrafiek van de funnel, een staaf per stap: %s.",
		"Horizontal bar chart of the funnel, one bar per step: %s.",
	},
	phFunnelCaption: {
		"Bereikcijfers Twinkelmagazine: kanaal, bezoeken, bezoekers, gemiddelde bezoekduur, %s",
		"Reach of Twinkelmagazine: channel, visits, visitors, average visit duration, %s",
	},
	phFunnelSeries:     {"Funnel", "Funnel"},
	phChannel:          {"Kanaal", "Channel"},
	phAvgVisitDuration: {"Gemiddelde bezoekduur", "Average visit duration"},
	phAvgVisitDurationNote: {
		"Gemiddelde bezoekduur = totale tijd op de pagina's / bezoeken, in minuten:seconden (uren:minuten:seconden vanaf een uur).",
		"Average visit duration = total time on page / visits, in minutes:seconds (hours:minutes:seconds from an hour on).",
	},
	phFunnelVisitorsNote: {
		"Bezoekers zijn de unieke bezoekers over de hele periode, geen optelling van bezoekers per dag.",
		"Visitors are the distinct visitors over the whole period, not a sum of daily visitors.",
	},
	phPlatformNote: {
		"Bezoeken aan Kennisplein waarvan de eerste pagina bereikt werd via een link op Twinkelmagazine.",
		"Visits to Kennisplein whose first page was reached through a link on Twinkelmagazine.",
	},
	phStageAds:         {"Advertenties op Facebook en Instagram", "Ads on Facebook and Instagram"},
	phStageMagazine:    {"Twinkelmagazine", "Twinkelmagazine"},
	phStagePlatform:    {"Kennisplein vanuit Twinkelmagazine", "Kennisplein from Twinkelmagazine"},
	phStageBarAds:      {"Advertenties: weergaven", "Ads: impressions"},
	phStageBarMagazine: {"Twinkelmagazine: bezoeken", "Twinkelmagazine: visits"},
	phStageBarPlatform: {"Kennisplein: bezoeken", "Kennisplein: visits"},

	phTopHeading: {"Best bezochte artikelen", "Most visited articles"},
	phTopIntro: {
		"De %d best bezochte pagina's per site in de periode.",
		"The %d most visited pages per site in the period.",
	},
	phTopChart: {
		"Liggende staafgrafiek van de bezoeken aan de best bezochte pagina's op %s.",
		"Horizontal bar chart of the visits to the most visited pages on %s.",
	},
	phTopCaption:          {"Best bezochte pagina's op %s, %s", "Most visited pages on %s, %s"},
	phRank:                {"Plaats", "Rank"},
	phPage:                {"Pagina", "Page"},
	phItem:                {"Item in de contentcatalogus", "Content catalogue item"},
	phNotInCatalogue:      {"niet in de catalogus", "not in the catalogue"},
	phSiteKennisplein:     {"Kennisplein Gehandicaptensector", "Kennisplein Gehandicaptensector"},
	phSiteVilans:          {"vilans.nl", "vilans.nl"},
	phSiteTwinkelmagazine: {"Top Twinkels (Twinkelmagazine)", "Top Twinkels (Twinkelmagazine)"},
}

const (
	phTitle      phrase = "title"
	phTitleLabel phrase = "title-label"
	phPeriod     phrase = "period"
	phNA         phrase = "not-applicable"
	phNoData     phrase = "no-data"
	phSource     phrase = "source"
	phTotal      phrase = "total"
	phFigure     phrase = "figure"

	phSourceFlight   phrase = "source-flight"
	phDownload       phrase = "download"
	phAnnotations    phrase = "annotations"
	phAnnotationItem phrase = "annotation-item"

	phCampaignTitle       phrase = "campaign-title"
	phCampaignTitleFlight phrase = "campaign-title-flight"

	phVisitsHeading    phrase = "visits-heading"
	phVisitsIntro      phrase = "visits-intro"
	phVisitsChart      phrase = "visits-chart"
	phVisitsCaption    phrase = "visits-caption"
	phQuarter          phrase = "quarter"
	phVisits           phrase = "visits"
	phVisitors         phrase = "visitors"
	phNewVisits        phrase = "new-visits"
	phReturning        phrase = "returning-visits"
	phSeriesNew        phrase = "series-new"
	phSeriesReturned   phrase = "series-returning"
	phVisitorsNote     phrase = "visitors-note"
	phVisitsChartNotes phrase = "visits-chart-notes"

	phTwinkelHeading        phrase = "twinkel-heading"
	phTwinkelHeadingFor     phrase = "twinkel-heading-for"
	phTwinkelIntro          phrase = "twinkel-intro"
	phTwinkelFlightsHeading phrase = "twinkel-flights-heading"
	phTwinkelChart          phrase = "twinkel-chart"
	phFlightsCaption        phrase = "flights-caption"
	phTotalsCaption         phrase = "totals-caption"
	phFlight                phrase = "flight"
	phFlightN               phrase = "flight-n"
	phCampaignFlight        phrase = "campaign-flight"
	phDataPeriod            phrase = "data-period"
	phFormat                phrase = "format"
	phFlights               phrase = "flights"
	phImpressions           phrase = "impressions"
	phUniqueReach           phrase = "unique-reach"
	phReachSum              phrase = "reach-sum"
	phViews                 phrase = "views"
	phClicks                phrase = "clicks"
	phCTR                   phrase = "ctr"
	phFrequency             phrase = "frequency"
	phFormatStatic          phrase = "format-static"
	phFormatDynamic         phrase = "format-dynamic"
	phFormatUnknown         phrase = "format-unknown"
	phFormatTotal           phrase = "format-total"
	phUpperBound            phrase = "upper-bound"
	phReachMissing          phrase = "reach-missing"
	phCTRNote               phrase = "ctr-note"
	phFrequencyNote         phrase = "frequency-note"
	phReachSumNote          phrase = "reach-sum-note"
	phViewsNote             phrase = "views-note"

	phFunnelHeading        phrase = "funnel-heading"
	phFunnelIntro          phrase = "funnel-intro"
	phFunnelChart          phrase = "funnel-chart"
	phFunnelCaption        phrase = "funnel-caption"
	phFunnelSeries         phrase = "funnel-series"
	phChannel              phrase = "channel"
	phAvgVisitDuration     phrase = "avg-visit-duration"
	phAvgVisitDurationNote phrase = "avg-visit-duration-note"
	phFunnelVisitorsNote   phrase = "funnel-visitors-note"
	phPlatformNote         phrase = "platform-note"
	phStageAds             phrase = "stage-ads"
	phStageMagazine        phrase = "stage-magazine"
	phStagePlatform        phrase = "stage-platform"
	phStageBarAds          phrase = "stage-bar-ads"
	phStageBarMagazine     phrase = "stage-bar-magazine"
	phStageBarPlatform     phrase = "stage-bar-platform"

	phTopHeading          phrase = "top-heading"
	phTopIntro            phrase = "top-intro"
	phTopChart            phrase = "top-chart"
	phTopCaption          phrase = "top-caption"
	phRank                phrase = "rank"
	phPage                phrase = "page"
	phItem                phrase = "item"
	phNotInCatalogue      phrase = "not-in-catalogue"
	phSiteKennisplein     phrase = "site-kennisplein"
	phSiteVilans          phrase = "site-vilans"
	phSiteTwinkelmagazine phrase = "site-twinkelmagazine"
)
