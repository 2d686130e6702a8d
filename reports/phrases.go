package reports

// phrase names one label of the report.
type phrase string

// phrases holds every label of the report in Dutch and English. A label with verbs
// (%s, %d) is filled in by locale.say.
var phrases = map[phrase]struct{ nl, en string }{
	phTitle:      {"Bereikcijfers", "Reach figures"},
	phTitleLabel: {"Bereikcijfers programma %s", "Reach figures of the programme %s"},
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
		"Aantal (terugkerende) bezoeken per kwartaal aan de contentpagina's van het programma op %s.",
		"Number of (returning) visits per quarter to the programme's content pages on %s.",
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

	phFunnelHeading: {"Funnel: van social post naar %s", "Funnel: from social post to %s"},
	phFunnelIntro: {
		"De weg van de campagne: social post (prikkelen) → %s (inspireren) → %s (leren).",
		"The campaign's path: social post (spark interest) → %s (inspire) → %s (learn).",
	},
	phFunnelChart: {
		"Liggende staafgrafiek van de funnel, een staaf per stap: %s.",
		"Horizontal bar chart of the funnel, one bar per step: %s.",
	},
	phFunnelCaption: {
		"Bereikcijfers %s: kanaal, bezoeken, bezoekers, gemiddelde bezoekduur, %s",
		"Reach of %s: channel, visits, visitors, average visit duration, %s",
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
		"Bezoeken aan %s waarvan de eerste pagina bereikt werd via een link op %s.",
		"Visits to %s whose first page was reached through a link on %s.",
	},
	phStageAds:      {"Advertenties op Facebook en Instagram", "Ads on Facebook and Instagram"},
	phStagePlatform: {"%s vanuit %s", "%s from %s"},
	phStageBarAds:   {"Advertenties: weergaven", "Ads: impressions"},
	phStageBarSite:  {"%s: bezoeken", "%s: visits"},

	phTopHeading: {"Best bezochte artikelen", "Most visited articles"},
	phTopIntro: {
		"De %d best bezochte pagina's per site in de periode.",
		"The %d most visited pages per site in the period.",
	},
	phTopChart: {
		"Liggende staafgrafiek van de bezoeken aan de best bezochte pagina's op %s.",
		"Horizontal bar chart of the visits to the most visited pages on %s.",
	},
	phTopCaption:     {"Best bezochte pagina's op %s, %s", "Most visited pages on %s, %s"},
	phRank:           {"Plaats", "Rank"},
	phPage:           {"Pagina", "Page"},
	phItem:           {"Item in de contentcatalogus", "Content catalogue item"},
	phNotInCatalogue: {"niet in de catalogus", "not in the catalogue"},

	phSourceBare: {
		"Bron: query %s.",
		"Source: query %s.",
	},
	phNoEarlier: {
		"n.b.",
		"n/a",
	},
	phHighest: {
		"Hoogste: %s (%s).",
		"Highest: %s (%s).",
	},
	phChartShowsFirst: {
		"De grafiek toont de eerste %d van %d; de tabel toont ze allemaal.",
		"The chart shows the first %d of %d; the table shows them all.",
	},
	phValue: {
		"Waarde",
		"Value",
	},
	phDays: {
		"Dagen",
		"Days",
	},
	phItems: {
		"Items",
		"Items",
	},
	phKeyHeading: {
		"Kerncijfers",
		"Key figures",
	},
	phKeyIntro: {
		"De belangrijkste cijfers van de periode, vergeleken met de periode ervoor en met dezelfde periode een jaar eerder. ▲ is een stijging, ▼ een daling; n.b. betekent dat er voor die periode geen gegevens zijn.",
		"The period's main figures, compared with the period before and with the same period a year earlier. ▲ is an increase, ▼ a decrease; n/a means there are no data for that period.",
	},
	phKeyCaption: {
		"Kerncijfers, %s",
		"Key figures, %s",
	},
	phFigureName: {
		"Cijfer",
		"Figure",
	},
	phThisPeriod: {
		"Deze periode",
		"This period",
	},
	phPreviousPeriod: {
		"Periode ervoor",
		"Previous period",
	},
	phYearEarlier: {
		"Jaar eerder",
		"Year earlier",
	},
	phChange: {
		"Verandering",
		"Change",
	},
	phChangeNote: {
		"Verandering = (deze periode − eerdere periode) / eerdere periode. De periode ervoor is even lang en eindigt de dag voor deze periode begint: bij hele maanden evenveel maanden (een kwartaal wordt met het kwartaal ervoor vergeleken), anders evenveel dagen.",
		"Change = (this period − earlier period) / earlier period. The previous period is as long and ends the day before this period starts: for whole months the same number of months (a quarter is compared with the quarter before), else the same number of days.",
	},
	phKeyVisitorsNote: {
		"Bezoekers zijn unieke bezoekers over de hele periode, geen optelling van dagen of kwartalen.",
		"Visitors are distinct visitors over the whole period, not a sum of days or quarters.",
	},
	phNoDataNote: {
		"n.b.: de geladen gegevens van de bron dekken die periode niet helemaal, of de periode valt samen met deze periode (dat is iets anders dan 0).",
		"n/a: the source's loaded data do not cover all of that period, or it overlaps this period (which is not the same as 0).",
	},
	phMetricVisits: {
		"Bezoeken aan programmapagina's",
		"Visits to programme pages",
	},
	phMetricVisitors: {
		"Bezoekers van programmapagina's",
		"Visitors to programme pages",
	},
	phMetricPageViews: {
		"Paginaweergaven van programmapagina's",
		"Page views of programme pages",
	},
	phMetricAdImpressions: {
		"Weergaven Twinkel-advertenties",
		"Twinkel ad impressions",
	},
	phMetricAdClicks: {
		"Klikken op Twinkel-advertenties",
		"Twinkel ad clicks",
	},
	phMetricSocialImpressions: {
		"Weergaven eigen socialemediaberichten",
		"Impressions of own social posts",
	},
	phFreshnessHeading: {
		"Actualiteit van de bronnen",
		"How fresh the sources are",
	},
	phFreshnessCaption: {
		"Geladen bronnen: laatste dag met gegevens en laatste keer geladen",
		"Loaded sources: last day of data and last load",
	},
	phSourceKind: {
		"Bron",
		"Source",
	},
	phFiles: {
		"Bestanden",
		"Files",
	},
	phLastDay: {
		"Laatste dag met gegevens",
		"Last day of data",
	},
	phLastLoaded: {
		"Laatst geladen",
		"Last loaded",
	},
	phStatus: {
		"Status",
		"Status",
	},
	phFresh: {
		"actueel",
		"up to date",
	},
	phStale: {
		"verouderd",
		"stale",
	},
	phUndated: {
		"geen datums",
		"no dates",
	},
	phBehind: {
		"%s dagen achter",
		"%s days behind",
	},
	phStaleNote: {
		"Verouderd: de laatste dag met gegevens ligt meer dan %d uur voor de laatste keer dat er iets geladen is (%s).",
		"Stale: the last day of data lies more than %d hours before the database's last load (%s).",
	},
	phNothingLoaded: {
		"Er is nog niets geladen.",
		"Nothing is loaded yet.",
	},
	phReferralHeading: {
		"Bezoekers na verwijzing",
		"Visitors by referral",
	},
	phReferralIntro: {
		"Bezoekers van de programmapagina's op %s per kwartaal, naar waar hun bezoek vandaan kwam: de verwijzing van de eerste pagina van het bezoek (nieuwsbrief, sociale media per platform, zoekmachines, andere sites, direct). De kanalen komen uit de configuratie (bereik.toml).",
		"Visitors to the programme's pages on %s per quarter, by where their visit came from: the referral of the visit's first page (newsletter, social media per platform, search engines, other sites, direct). The channels come from the configuration (bereik.toml).",
	},
	phReferralCaption: {
		"Bezoekers (en bezoeken) per verwijzingskanaal en kwartaal, %s, %s",
		"Visitors (and visits) per referral channel and quarter, %s, %s",
	},
	phChannelName: {
		"Kanaal",
		"Channel",
	},
	phVisitsLine: {
		"%s bezoeken",
		"%s visits",
	},
	phAllChannels: {
		"Alle kanalen",
		"All channels",
	},
	phReferralVisitorsNote: {
		"Elke cel geeft de unieke bezoekers, met het aantal bezoeken eronder. Elk bezoek heeft één kanaal, dus bezoeken tellen op over de kanalen; bezoekers niet: wie via twee kanalen kwam, telt in beide mee. Daarom staat er bij alle kanalen geen totaal aan bezoekers.",
		"Each cell gives the distinct visitors, with the visits beneath. Every visit has one channel, so visits add up over channels; visitors do not: someone who came through two channels counts in both. Hence no visitors total for all channels.",
	},
	phInternalNote: {
		"Eigen sites: de eerste pagina kwam via een link op een van de eigen sites (%s); dat is geen verwijzing van buiten.",
		"Own sites: the first page came through a link on one of the own sites (%s); not a referral from outside.",
	},
	phOtherNote: {
		"Andere sites: een verwijzing die geen regel in de configuratie herkent.",
		"Other sites: a referral that no rule of the configuration recognises.",
	},
	phReferralChartBars: {
		"Liggende staafgrafiek van de bezoekers per verwijzingskanaal, %s.",
		"Horizontal bar chart of the visitors per referral channel, %s.",
	},
	phReferralChartLines: {
		"Lijngrafiek van de bezoekers per verwijzingskanaal per kwartaal, %s tot en met %s, één lijn per kanaal: %s. De lijnen verschillen ook in symbool en lijnsoort.",
		"Line chart of the visitors per referral channel per quarter, %s to %s, one line per channel: %s. The lines also differ in symbol and line type.",
	},
	phChannelNewsletter: {
		"Nieuwsbrief",
		"Newsletter",
	},
	phChannelPaidSocial: {
		"Betaalde sociale media",
		"Paid social",
	},
	phChannelSearch: {
		"Zoekmachines",
		"Search engines",
	},
	phChannelOther: {
		"Andere sites",
		"Other sites",
	},
	phChannelInternal: {
		"Eigen sites",
		"Own sites",
	},
	phChannelDirect: {
		"Direct",
		"Direct",
	},
	phChannelsHeading: {
		"Bereik en betrokkenheid op de eigen kanalen",
		"Reach and engagement on the own channels",
	},
	phChannelsIntro: {
		"Weergaven en interacties van de eigen berichten op LinkedIn, Facebook, Instagram, X en YouTube, per kwartaal waarin ze geplaatst zijn (cijfers over de hele looptijd van een bericht, volgens de laatste export).",
		"Impressions and engagements of the own posts on LinkedIn, Facebook, Instagram, X and YouTube, per quarter they were published in (lifetime figures of each post, as of the latest export).",
	},
	phChannelsCaption: {
		"Eigen kanalen per kwartaal en platform, %s",
		"Own channels per quarter and platform, %s",
	},
	phChannelsChart: {
		"Gestapelde staafgrafiek van de weergaven van de eigen berichten per kwartaal, %s tot en met %s, gestapeld per platform: %s.",
		"Stacked bar chart of the impressions of the own posts per quarter, %s to %s, stacked by platform: %s.",
	},
	phPlatform: {
		"Platform",
		"Platform",
	},
	phPosts: {
		"Berichten",
		"Posts",
	},
	phEngagements: {
		"Interacties",
		"Engagements",
	},
	phEngagementRate: {
		"Betrokkenheid",
		"Engagement rate",
	},
	phEngagementsNote: {
		"Interacties zoals de export ze geeft; waar de export geen totaal heeft: likes + reacties + delen + klikken.",
		"Engagements as the export gives them; where the export has no total: likes + comments + shares + clicks.",
	},
	phEngagementRateNote: {
		"Betrokkenheid = som van de interacties / som van de weergaven, over de berichten met beide: geen gemiddelde van de percentages per bericht.",
		"Engagement rate = sum of engagements / sum of impressions, over the posts with both: not a mean of the posts' rates.",
	},
	phPostReachNote: {
		"Bereik telt niet op over berichten: wie twee berichten zag, telt twee keer mee. De som is alleen een bovengrens, geen uniek bereik.",
		"Reach does not add up over posts: someone who saw two posts counts twice. The sum is only an upper bound, not unique reach.",
	},
	phNoPosts: {
		"Geen berichten van de eigen kanalen in deze periode geladen.",
		"No posts of the own channels loaded for this period.",
	},
	phContentHeading: {
		"Kennisproducten, thema's en organisaties",
		"Knowledge products, themes and organisations",
	},
	phContentIntro: {
		"Bezoeken aan de items van de contentcatalogus: een bezoek telt voor een item als het een pagina van dat item bekeek.",
		"Visits to the content catalogue's items: a visit counts for an item when it viewed a page of that item.",
	},
	phProductsHeading: {
		"Top %d kennisproducten",
		"Top %d knowledge products",
	},
	phProductsCaption: {
		"Best bezochte kennisproducten, %s",
		"Most visited knowledge products, %s",
	},
	phProductsChart: {
		"Liggende staafgrafiek van de bezoeken aan de best bezochte kennisproducten.",
		"Horizontal bar chart of the visits to the most visited knowledge products.",
	},
	phProductVisitsNote: {
		"Bezoeken die een pagina van het item bekeken; bij een dossier (pad eindigt op *) elke pagina eronder.",
		"Visits that viewed a page of the item; for a dossier (path ending in *) any page under it.",
	},
	phThemesHeading: {
		"Bezoeken per thema",
		"Visits per theme",
	},
	phThemesCaption: {
		"Bezoeken per thema van de contentcatalogus, %s",
		"Visits per theme of the content catalogue, %s",
	},
	phThemesChart: {
		"Liggende staafgrafiek van de bezoeken per thema.",
		"Horizontal bar chart of the visits per theme.",
	},
	phThemesNote: {
		"Een item kan meer thema's hebben; een bezoek aan zo'n item telt bij elk van die thema's. Opgeteld geven de thema's daarom meer bezoeken dan er waren; de totaalregel geeft de unieke bezoeken aan alle items.",
		"An item can have several themes; a visit to such an item counts for each of them. Added up, the themes therefore give more visits than there were; the total row gives the distinct visits to all items.",
	},
	phTheme: {
		"Thema",
		"Theme",
	},
	phNoTheme: {
		"(geen thema)",
		"(no theme)",
	},
	phOrganisationsHeading: {
		"Bezoeken per organisatie",
		"Visits per organisation",
	},
	phOrganisationsCaption: {
		"Bezoeken per organisatie van de contentcatalogus, %s",
		"Visits per organisation of the content catalogue, %s",
	},
	phOrganisationsChart: {
		"Liggende staafgrafiek van de bezoeken per organisatie.",
		"Horizontal bar chart of the visits per organisation.",
	},
	phOrganisationsNote: {
		"De catalogus noemt de organisaties van een item in vrije tekst; die is gesplitst op komma's en ' en ', zonder toelichting tussen haakjes. Een bezoek aan een item van twee organisaties telt bij beide, dus opgeteld geven de organisaties meer bezoeken dan er waren; de totaalregel geeft de unieke bezoeken aan alle items.",
		"The catalogue names an item's organisations in free text; it is split on commas and ' en ' (and), without notes in brackets. A visit to an item of two organisations counts for both, so added up the organisations give more visits than there were; the total row gives the distinct visits to all items.",
	},
	phOrganisation: {
		"Organisatie",
		"Organisation",
	},
	phNoOrganisation: {
		"(geen organisatie)",
		"(no organisation)",
	},
	phAllItems: {
		"Alle items (unieke bezoeken)",
		"All items (distinct visits)",
	},
	phGroupsSum: {
		"opgeteld over de regels: %s bezoeken",
		"added up over the rows: %s visits",
	},
	phFromPageReports: {
		"Uit paginarapporten (Matomo/Google Analytics): unieke paginaweergaven = bezoeken. Unieke bezoekers geven die rapporten niet.",
		"From page reports (Matomo/Google Analytics): unique page views = visits. Those reports give no distinct visitors.",
	},
	phFromBoth: {
		"Bezoeken uit de bezoekerslogs en, voor perioden zonder logs, uit paginarapporten; nooit beide voor dezelfde periode. Unieke bezoekers zijn dan niet bekend.",
		"Visits from the visit logs and, for periods without logs, from page reports; never both for the same period. Distinct visitors are then unknown.",
	},
	phPostsHeading: {
		"Best bekeken berichten per kanaal",
		"Most seen posts per channel",
	},
	phPostsIntro: {
		"De %d best bekeken eigen berichten per platform, geplaatst in de periode. De maatstaf staat erbij: weergaven voor LinkedIn, Facebook, Instagram en X, videoweergaven voor YouTube.",
		"The %d most seen own posts per platform, published in the period. The metric is named: impressions for LinkedIn, Facebook, Instagram and X, views for YouTube.",
	},
	phPostsCaption: {
		"Best bekeken berichten op %s naar %s, %s",
		"Most seen posts on %s by %s, %s",
	},
	phPostsChart: {
		"Liggende staafgrafiek van de best bekeken berichten op %s, naar %s.",
		"Horizontal bar chart of the most seen posts on %s, by %s.",
	},
	phPost: {
		"Bericht",
		"Post",
	},
	phPublished: {
		"Geplaatst",
		"Published",
	},
	phPostViews: {
		"Weergaven (video)",
		"Views",
	},
	phNoPostsOf: {
		"Geen berichten van %s in deze periode geladen.",
		"No posts of %s loaded for this period.",
	},
	phForecastHeading: {
		"Prognose: weergaven aan het eind van de campagne",
		"Forecast: impressions at the end of the campaign",
	},
	phForecastMethod: {
		"Dit is een prognose, geen meting. Methode: weergaven tot nu toe / vluchtdagen tot nu toe × resterende vluchtdagen, opgeteld bij de weergaven tot nu toe. De campagne levert dus per vluchtdag wat ze tot nu toe leverde; dagen tussen de vluchten leveren niets.",
		"This is a forecast, not a measurement. Method: impressions so far / flight days so far × flight days remaining, added to the impressions so far. The campaign is assumed to deliver per flight day what it delivered so far; days between flights deliver nothing.",
	},
	phForecastSentence: {
		"Prognose voor %s: %s weergaven. Tot en met %[4]s waren het %[3]s weergaven in %[5]s vluchtdagen, %[6]s per vluchtdag; er resten nog %[7]s vluchtdagen.",
		"Forecast for %s: %s impressions. Up to %[4]s there were %[3]s impressions in %[5]s flight days, %[6]s per flight day; %[7]s flight days remain.",
	},
	phForecastEnded: {
		"De campagne is op %s afgelopen: de prognose is gelijk aan de gemeten weergaven.",
		"The campaign ended on %s: the forecast equals the impressions measured.",
	},
	phForecastCaption: {
		"Prognose van de weergaven van %s",
		"Forecast of the impressions of %s",
	},
	phForecastItem: {
		"Onderdeel",
		"Item",
	},
	phImpressionsSoFar: {
		"Weergaven tot en met %s (gemeten)",
		"Impressions up to %s (measured)",
	},
	phFlightDaysSoFar: {
		"Vluchtdagen tot nu toe",
		"Flight days so far",
	},
	phPerFlightDay: {
		"Weergaven per vluchtdag",
		"Impressions per flight day",
	},
	phFlightDaysRemaining: {
		"Resterende vluchtdagen tot en met %s",
		"Flight days remaining up to %s",
	},
	phForecastTotal: {
		"Prognose: weergaven op %s",
		"Forecast: impressions on %s",
	},
	phBarSoFar: {
		"Gemeten t/m %s",
		"Measured to %s",
	},
	phBarForecast: {
		"Prognose %s",
		"Forecast %s",
	},
	phForecastChart: {
		"Liggende staafgrafiek: %s weergaven gemeten, prognose %s weergaven op %s.",
		"Horizontal bar chart: %s impressions measured, forecast %s impressions on %s.",
	},
	phTopTwinkelsHeading: {
		"Best bezochte Twinkels",
		"Most visited Twinkels",
	},
	phTopTwinkelsIntro: {
		"De %d best bezochte Twinkels op %s in de periode.",
		"The %d most visited Twinkels on %s in the period.",
	},
	phTopTwinkelsCaption: {
		"Best bezochte Twinkels op %s, %s",
		"Most visited Twinkels on %s, %s",
	},
	phTopTwinkelsChart: {
		"Liggende staafgrafiek van de bezoeken aan de best bezochte Twinkels.",
		"Horizontal bar chart of the visits to the most visited Twinkels.",
	},
	phQualityHeading: {
		"Datakwaliteit",
		"Data quality",
	},
	phQualityIntro: {
		"Waar de cijfers op rusten: dagen zonder gegevens, afgewezen rijen en verouderde bronnen.",
		"What the figures rest on: days without data, rejected rows and stale sources.",
	},
	phGapsHeading: {
		"Dagen zonder gegevens",
		"Days without data",
	},
	phGapsCaption: {
		"Dagen zonder gegevens per bron, %s",
		"Days without data per source, %s",
	},
	phGapsChart: {
		"Gestapelde liggende staafgrafiek van de dagen met en zonder gegevens voor %d bronnen; samen %s dagen zonder gegevens.",
		"Stacked horizontal bar chart of the days with and without data for %d sources; %s days without data in all.",
	},
	phDataFromTo: {
		"Gegevens van – tot",
		"Data from – to",
	},
	phDaysExpected: {
		"Dagen",
		"Days",
	},
	phDaysExpectedNote: {
		"De dagen tussen de eerste en de laatste dag met gegevens in de periode; bij advertenties alleen de dagen van de vluchten.",
		"The days between the first and the last day with data in the period; for ads only the days of the flights.",
	},
	phDaysWithData: {
		"Dagen met gegevens",
		"Days with data",
	},
	phDaysWithoutData: {
		"Zonder gegevens",
		"Without data",
	},
	phGapRuns: {
		"in %s onderbrekingen",
		"in %s gaps",
	},
	phLongestGap: {
		"Langste onderbreking",
		"Longest gap",
	},
	phGapPageViews: {
		"Paginaweergaven",
		"Page views",
	},
	phGapPageReports: {
		"Paginarapporten",
		"Page reports",
	},
	phGapAds: {
		"Advertenties",
		"Ads",
	},
	phRejectedHeading: {
		"Afgewezen rijen",
		"Rejected rows",
	},
	phRejectedCaption: {
		"Bestanden met afgewezen rijen",
		"Files with rejected rows",
	},
	phNoRejects: {
		"Geen afgewezen rijen: elke rij van elk geladen bestand is gelezen.",
		"No rejected rows: every row of every loaded file was read.",
	},
	phFile: {
		"Bestand",
		"File",
	},
	phRowsLoaded: {
		"Rijen geladen",
		"Rows loaded",
	},
	phRowsRejected: {
		"Rijen afgewezen",
		"Rows rejected",
	},
	phRejectedShare: {
		"Aandeel afgewezen",
		"Share rejected",
	},
	phFirstReject: {
		"Eerste afgewezen rij",
		"First rejected row",
	},
	phLineColumn: {
		"regel %s, kolom %s",
		"line %s, column %s",
	},
	phStaleHeading: {
		"Verouderde bronnen",
		"Stale sources",
	},
	phNoneStale: {
		"Geen verouderde bronnen.",
		"No stale sources.",
	},
	phSomeStale: {
		"Verouderd: %s. Hun laatste gegevens liggen meer dan %d uur voor de laatste keer dat er iets geladen is (%s).",
		"Stale: %s. Their latest data lie more than %d hours before the database's last load (%s).",
	},
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
	phStageBarSite         phrase = "stage-bar-site"
	phStagePlatform        phrase = "stage-platform"
	phStageBarAds          phrase = "stage-bar-ads"

	phTopHeading     phrase = "top-heading"
	phTopIntro       phrase = "top-intro"
	phTopChart       phrase = "top-chart"
	phTopCaption     phrase = "top-caption"
	phRank           phrase = "rank"
	phPage           phrase = "page"
	phItem           phrase = "item"
	phNotInCatalogue phrase = "not-in-catalogue"

	phSourceBare              phrase = "source-bare"
	phNoEarlier               phrase = "no-earlier"
	phHighest                 phrase = "highest"
	phChartShowsFirst         phrase = "chart-shows-first"
	phValue                   phrase = "value"
	phDays                    phrase = "days"
	phItems                   phrase = "items"
	phKeyHeading              phrase = "key-heading"
	phKeyIntro                phrase = "key-intro"
	phKeyCaption              phrase = "key-caption"
	phFigureName              phrase = "figure-name"
	phThisPeriod              phrase = "this-period"
	phPreviousPeriod          phrase = "previous-period"
	phYearEarlier             phrase = "year-earlier"
	phChange                  phrase = "change"
	phChangeNote              phrase = "change-note"
	phKeyVisitorsNote         phrase = "key-visitors-note"
	phNoDataNote              phrase = "no-data-note"
	phMetricVisits            phrase = "metric-visits"
	phMetricVisitors          phrase = "metric-visitors"
	phMetricPageViews         phrase = "metric-page-views"
	phMetricAdImpressions     phrase = "metric-ad-impressions"
	phMetricAdClicks          phrase = "metric-ad-clicks"
	phMetricSocialImpressions phrase = "metric-social-impressions"
	phFreshnessHeading        phrase = "freshness-heading"
	phFreshnessCaption        phrase = "freshness-caption"
	phSourceKind              phrase = "source-kind"
	phFiles                   phrase = "files"
	phLastDay                 phrase = "last-day"
	phLastLoaded              phrase = "last-loaded"
	phStatus                  phrase = "status"
	phFresh                   phrase = "fresh"
	phStale                   phrase = "stale"
	phUndated                 phrase = "undated"
	phBehind                  phrase = "behind"
	phStaleNote               phrase = "stale-note"
	phNothingLoaded           phrase = "nothing-loaded"
	phReferralHeading         phrase = "referral-heading"
	phReferralIntro           phrase = "referral-intro"
	phReferralCaption         phrase = "referral-caption"
	phChannelName             phrase = "channel-name"
	phVisitsLine              phrase = "visits-line"
	phAllChannels             phrase = "all-channels"
	phReferralVisitorsNote    phrase = "referral-visitors-note"
	phInternalNote            phrase = "internal-note"
	phOtherNote               phrase = "other-note"
	phReferralChartBars       phrase = "referral-chart-bars"
	phReferralChartLines      phrase = "referral-chart-lines"
	phChannelNewsletter       phrase = "channel-newsletter"
	phChannelPaidSocial       phrase = "channel-paid-social"
	phChannelSearch           phrase = "channel-search"
	phChannelOther            phrase = "channel-other"
	phChannelInternal         phrase = "channel-internal"
	phChannelDirect           phrase = "channel-direct"
	phChannelsHeading         phrase = "channels-heading"
	phChannelsIntro           phrase = "channels-intro"
	phChannelsCaption         phrase = "channels-caption"
	phChannelsChart           phrase = "channels-chart"
	phPlatform                phrase = "platform"
	phPosts                   phrase = "posts"
	phEngagements             phrase = "engagements"
	phEngagementRate          phrase = "engagement-rate"
	phEngagementsNote         phrase = "engagements-note"
	phEngagementRateNote      phrase = "engagement-rate-note"
	phPostReachNote           phrase = "post-reach-note"
	phNoPosts                 phrase = "no-posts"
	phContentHeading          phrase = "content-heading"
	phContentIntro            phrase = "content-intro"
	phProductsHeading         phrase = "products-heading"
	phProductsCaption         phrase = "products-caption"
	phProductsChart           phrase = "products-chart"
	phProductVisitsNote       phrase = "product-visits-note"
	phThemesHeading           phrase = "themes-heading"
	phThemesCaption           phrase = "themes-caption"
	phThemesChart             phrase = "themes-chart"
	phThemesNote              phrase = "themes-note"
	phTheme                   phrase = "theme"
	phNoTheme                 phrase = "no-theme"
	phOrganisationsHeading    phrase = "organisations-heading"
	phOrganisationsCaption    phrase = "organisations-caption"
	phOrganisationsChart      phrase = "organisations-chart"
	phOrganisationsNote       phrase = "organisations-note"
	phOrganisation            phrase = "organisation"
	phNoOrganisation          phrase = "no-organisation"
	phAllItems                phrase = "all-items"
	phGroupsSum               phrase = "groups-sum"
	phFromPageReports         phrase = "from-page-reports"
	phFromBoth                phrase = "from-both"
	phPostsHeading            phrase = "posts-heading"
	phPostsIntro              phrase = "posts-intro"
	phPostsCaption            phrase = "posts-caption"
	phPostsChart              phrase = "posts-chart"
	phPost                    phrase = "post"
	phPublished               phrase = "published"
	phPostViews               phrase = "post-views"
	phNoPostsOf               phrase = "no-posts-of"
	phForecastHeading         phrase = "forecast-heading"
	phForecastMethod          phrase = "forecast-method"
	phForecastSentence        phrase = "forecast-sentence"
	phForecastEnded           phrase = "forecast-ended"
	phForecastCaption         phrase = "forecast-caption"
	phForecastItem            phrase = "forecast-item"
	phImpressionsSoFar        phrase = "impressions-so-far"
	phFlightDaysSoFar         phrase = "flight-days-so-far"
	phPerFlightDay            phrase = "per-flight-day"
	phFlightDaysRemaining     phrase = "flight-days-remaining"
	phForecastTotal           phrase = "forecast-total"
	phBarSoFar                phrase = "bar-so-far"
	phBarForecast             phrase = "bar-forecast"
	phForecastChart           phrase = "forecast-chart"
	phTopTwinkelsHeading      phrase = "top-twinkels-heading"
	phTopTwinkelsIntro        phrase = "top-twinkels-intro"
	phTopTwinkelsCaption      phrase = "top-twinkels-caption"
	phTopTwinkelsChart        phrase = "top-twinkels-chart"
	phQualityHeading          phrase = "quality-heading"
	phQualityIntro            phrase = "quality-intro"
	phGapsHeading             phrase = "gaps-heading"
	phGapsCaption             phrase = "gaps-caption"
	phGapsChart               phrase = "gaps-chart"
	phDataFromTo              phrase = "data-from-to"
	phDaysExpected            phrase = "days-expected"
	phDaysExpectedNote        phrase = "days-expected-note"
	phDaysWithData            phrase = "days-with-data"
	phDaysWithoutData         phrase = "days-without-data"
	phGapRuns                 phrase = "gap-runs"
	phLongestGap              phrase = "longest-gap"
	phGapPageViews            phrase = "gap-page-views"
	phGapPageReports          phrase = "gap-page-reports"
	phGapAds                  phrase = "gap-ads"
	phRejectedHeading         phrase = "rejected-heading"
	phRejectedCaption         phrase = "rejected-caption"
	phNoRejects               phrase = "no-rejects"
	phFile                    phrase = "file"
	phRowsLoaded              phrase = "rows-loaded"
	phRowsRejected            phrase = "rows-rejected"
	phRejectedShare           phrase = "rejected-share"
	phFirstReject             phrase = "first-reject"
	phLineColumn              phrase = "line-column"
	phStaleHeading            phrase = "stale-heading"
	phNoneStale               phrase = "none-stale"
	phSomeStale               phrase = "some-stale"
)
