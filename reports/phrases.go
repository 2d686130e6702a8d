package reports

// phrase names one label of the report.
type phrase string

// phrases holds every label of the report in Dutch and English. A label with verbs
// (%s, %d) is filled in by locale.say.
var phrases = map[phrase]struct{ nl, en string }{
	phTitle: {
		"Bereikcijfers %s",
		"Reach figures %s",
	},
	phTitleLabel: {
		"%s: bereik %s",
		"%s: reach %s",
	},
	phPeriod: {"Periode: %s", "Period: %s"},
	phNA: {
		"–",
		"–",
	},
	phNoData: {"Geen gegevens voor deze periode.", "No data for this period."},
	phSource: {
		"query %s (%s)",
		"query %s (%s)",
	},
	phFigure: {"De cijfers staan in de tabel hieronder.", "The numbers are in the table below."},
	phSourceFlight: {
		"query %s (%s), alleen vlucht %d",
		"query %s (%s), flight %d only",
	},
	phDownload:       {"CSV downloaden", "Download CSV"},
	phAnnotations:    {"Aantekeningen", "Notes"},
	phAnnotationItem: {"%s — %s", "%s — %s"},

	phCampaignTitle: {
		"Campagne %s",
		"Campaign %s",
	},
	phCampaignTitleFlight: {
		"Campagne %s – vlucht %d",
		"Campaign %s – flight %d",
	},

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

	phTwinkelHeading: {
		"Campagne",
		"Campaign",
	},
	phTwinkelHeadingFor: {
		"Campagne %s",
		"Campaign %s",
	},
	phTwinkelFlightsHeading: {"Vluchten en formaten", "Flights and formats"},
	phTwinkelIntro: {
		"Weergaven, bereik, videoweergaven en klikken op links van de betaalde advertenties, per vlucht en formaat.",
		"Impressions, reach, video views and link clicks of the paid ads, per flight and format.",
	},
	phTwinkelChart: {
		"Gegroepeerde staafgrafiek van de weergaven per vlucht, met een staaf per formaat: %s.",
		"Grouped bar chart of the impressions per flight, one bar per format: %s.",
	},
	phFlightsCaption: {
		"%s per vlucht en formaat",
		"%s per flight and format",
	},
	phTotalsCaption: {
		"%s: totalen per formaat",
		"%s: totals per format",
	},
	phFlight:         {"Vlucht", "Flight"},
	phFlightN:        {"Vlucht %d", "Flight %d"},
	phCampaignFlight: {"%s, vlucht %d", "%s, flight %d"},
	phDataPeriod: {
		"gegevens: %s",
		"data: %s",
	},
	phFormat:      {"Formaat", "Format"},
	phFlights:     {"Vluchten", "Flights"},
	phImpressions: {"Weergaven", "Impressions"},
	phUniqueReach: {"Uniek bereik", "Unique reach"},
	phReachSum:    {"Bereik opgeteld", "Reach summed"},
	phViews:       {"Videoweergaven", "Video views"},
	phClicks: {
		"Klikken op links",
		"Link clicks",
	},
	phCTR: {
		"Doorklikratio (CTR)",
		"Click-through rate (CTR)",
	},
	phFrequency:     {"Frequentie", "Frequency"},
	phFormatStatic:  {"statisch (foto met quote)", "static (photo with quote)"},
	phFormatDynamic: {"dynamisch (korte video)", "dynamic (short video)"},
	phFormatUnknown: {"onbekend formaat", "unknown format"},
	phFormatTotal:   {"alle formaten", "all formats"},
	phUpperBound: {
		"≤ %s (bovengrens, geen uniek bereik)",
		"≤ %s (upper bound, not unique reach)",
	},
	phReachMissing: {
		"%s, %s: de export geeft op dit niveau geen uniek bereik (de rijen zijn advertenties, dagen of uitsplitsingen zoals leeftijd of geslacht). Het bereik van de rijen opgeteld is ≤ %s: een bovengrens, geen uniek bereik.",
		"%s, %s: the export gives no unique reach at this grain (its rows are ads, days or breakdowns such as age or gender). The rows' reach summed is ≤ %s: an upper bound, not unique reach.",
	},
	phCTRNote: {
		"Doorklikratio (CTR) = klikken op links / weergaven over het totaal van de rij: de som van de klikken gedeeld door de som van de weergaven, niet het gemiddelde van de CTR's van de vluchten.",
		"Click-through rate (CTR) = link clicks / impressions over the row's total: the sum of the clicks divided by the sum of the impressions, not the mean of the flights' CTRs.",
	},
	phFrequencyNote: {
		"Frequentie = weergaven / uniek bereik, berekend per vlucht en formaat, het niveau waarop het bereik geëxporteerd is.",
		"Frequency = impressions / unique reach, computed per flight and format, the grain the reach was exported at.",
	},
	phReachSumNote: {
		"Uniek bereik telt niet op over vluchten (en niet over advertenties, dagen of uitsplitsingen zoals leeftijd): wie in twee vluchten een advertentie zag, telt in beide mee. De som is daarom alleen een bovengrens van het aantal bereikte mensen.",
		"Unique reach does not add up across flights (nor across ads, days or breakdowns such as age): someone who saw an ad in two flights counts in both. The sum is therefore only an upper bound of the people reached.",
	},
	phViewsNote: {
		"Videoweergaven: video's die minstens 3 seconden zijn afgespeeld; – voor formaten zonder video.",
		"Video views: videos played for at least 3 seconds; – for formats without video.",
	},

	phFunnelHeading: {
		"Trechter: van advertentie naar %s",
		"Funnel: from ad to %s",
	},
	phFunnelIntro: {
		"De weg van de campagne: advertentie op sociale media (prikkelen) → %s (inspireren) → %s (leren).",
		"The campaign's path: ad on social media (spark interest) → %s (inspire) → %s (learn).",
	},
	phFunnelChart: {
		"Liggende staafgrafiek van de trechter, een staaf per stap: %s.",
		"Horizontal bar chart of the funnel, one bar per step: %s.",
	},
	phFunnelCaption: {
		"Trechter naar %s: klikken, bezoeken, bezoekers, gemiddelde bezoekduur, %s",
		"Funnel to %s: clicks, visits, visitors, average visit duration, %s",
	},
	phFunnelSeries: {
		"Trechter",
		"Funnel",
	},
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
	phStageBarAds: {
		"Advertenties: klikken op links",
		"Ads: link clicks",
	},
	phStageBarSite: {"%s: bezoeken", "%s: visits"},

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
		"query %s",
		"query %s",
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
		"De belangrijkste cijfers van de periode, elk vergeleken met de periode ervoor en met dezelfde periode een jaar eerder, van dezelfde bron. ▲ is een stijging, ▼ een daling; – betekent dat er voor die periode geen gegevens zijn.",
		"The period's main figures, each compared with the period before and with the same period a year earlier, of the same source. ▲ is an increase, ▼ a decrease; – means there are no data for that period.",
	},
	phKeyCaption: {
		"Campagne en eigen kanalen, %s",
		"Campaign and own channels, %s",
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
		"–: de gegevens van de bron dekken die periode niet helemaal, of de periode valt samen met deze periode. Dat is iets anders dan 0.",
		"–: the source's data do not cover all of that period, or it overlaps this period. That is not the same as 0.",
	},
	phMetricVisits: {
		"bezoeken aan programmapagina's",
		"visits to programme pages",
	},
	phMetricVisitors: {
		"bezoekers van programmapagina's",
		"visitors to programme pages",
	},
	phMetricPageViews: {
		"Paginaweergaven van programmapagina's",
		"Page views of programme pages",
	},
	phMetricAdImpressions: {
		"Weergaven advertenties",
		"Ad impressions",
	},
	phMetricAdClicks: {
		"Klikken op links in advertenties",
		"Link clicks on ads",
	},
	phMetricSocialImpressions: {
		"Weergaven eigen socialemediaberichten",
		"Impressions of own social posts",
	},
	phSourceKind: {
		"Bron",
		"Source",
	},
	phFiles: {
		"Bestanden",
		"Files",
	},
	phLastLoaded: {
		"Laatst geladen",
		"Last loaded",
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
		"Waar de bezoeken aan de programmapagina's op %s vandaan kwamen, per kwartaal: het kanaal van de eerste pagina van het bezoek (nieuwsbrief, sociale media per platform, zoekmachines, andere sites, direct), volgens de regels in bereik.toml. De grafiek toont de %d kanalen met de meeste bezoeken apart en de rest samen als overig; de bijlage geeft elk kanaal met zijn bezoekers.",
		"Where the visits to the programme's pages on %s came from, per quarter: the channel of the visit's first page (newsletter, social media per platform, search engines, other sites, direct), by the rules of bereik.toml. The chart shows the %d channels with the most visits apart and the rest together as other; the appendix gives every channel with its visitors.",
	},
	phReferralCaption: {
		"Aandeel van de bezoeken per kanaal en kwartaal, met het aantal bezoeken eronder, %s, %s",
		"Share of the visits per channel and quarter, with the number of visits beneath, %s, %s",
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
		"Weergaven van de eigen berichten op LinkedIn, Facebook, Instagram, X en YouTube (bij YouTube: videoweergaven), per kwartaal waarin ze geplaatst zijn: cijfers over de hele looptijd van een bericht, volgens de laatste export. De bijlage geeft per kwartaal ook de berichten, interacties en het opgetelde bereik.",
		"Impressions of the own posts on LinkedIn, Facebook, Instagram, X and YouTube (for YouTube: views), per quarter they were published in: lifetime figures of each post, as of the latest export. The appendix also gives each quarter's posts, engagements and summed reach.",
	},
	phChannelsCaption: {
		"Weergaven van de eigen kanalen per kwartaal en platform, %s",
		"Impressions of the own channels per quarter and platform, %s",
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
	phContentHeading: {
		"Kennisproducten",
		"Knowledge products",
	},
	phContentIntro: {
		"Bezoeken aan de items van de contentcatalogus: een bezoek telt voor een item als het een pagina van dat item bekeek. De bezoeken per thema en per organisatie staan in de bijlage.",
		"Visits to the content catalogue's items: a visit counts for an item when it viewed a page of that item. The visits per theme and per organisation are in the appendix.",
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
		"De catalogus noemt de organisaties van een item gescheiden door een puntkomma; andere schrijfwijzen van dezelfde organisatie staan in bereik.toml ([[organisations]]). Een bezoek aan een item van twee organisaties telt bij beide, dus opgeteld geven de organisaties meer bezoeken dan er waren; de totaalregel geeft de unieke bezoeken aan alle items.",
		"The catalogue names an item's organisations separated by semicolons; other spellings of the same organisation are in bereik.toml ([[organisations]]). A visit to an item of two organisations counts for both, so added up the organisations give more visits than there were; the total row gives the distinct visits to all items.",
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
		"Uit paginarapporten (Matomo of Universal Google Analytics): unieke paginaweergaven = bezoeken. Unieke bezoekers geven die rapporten niet.",
		"From page reports (Matomo or Universal Google Analytics): unique page views = visits. Those reports give no distinct visitors.",
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
		"Videoweergaven",
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
		"De campagne is op %s afgelopen, met %s weergaven.",
		"The campaign ended on %s, with %s impressions.",
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
		"Best bezochte artikelen op %s",
		"Most visited articles on %s",
	},
	phTopTwinkelsIntro: {
		"De %d best bezochte artikelen van de campagne op %s in de periode.",
		"The campaign's %d most visited articles on %s in the period.",
	},
	phTopTwinkelsCaption: {
		"Best bezochte artikelen van de campagne op %s, %s",
		"The campaign's most visited articles on %s, %s",
	},
	phTopTwinkelsChart: {
		"Liggende staafgrafiek van de bezoeken aan de best bezochte artikelen op %s.",
		"Horizontal bar chart of the visits to the most visited articles on %s.",
	},
	phQualityHeading: {
		"Datakwaliteit",
		"Data quality",
	},
	phQualityIntro: {
		"Waar de cijfers op rusten: of de geladen gegevens de periode dekken, dagen zonder gegevens en afgewezen rijen.",
		"What the figures rest on: whether the loaded data cover the period, days without data and rejected rows.",
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
	phSiteFiguresHeading: {
		"Websites",
		"Websites",
	},
	phSiteFiguresCaption: {
		"Bezoeken en bezoekers per site, %s",
		"Visits and visitors per site, %s",
	},
	phNewSince: {
		"nieuw sinds %s",
		"new since %s",
	},
	phMainSiteNote: {
		"Dezelfde bezoeken als in 'Bezoeken per kwartaal' hieronder: elke site wordt alleen met zichzelf vergeleken, dus een site die in de periode nieuw is, telt niet mee in de verandering van een andere.",
		"The same visits as in 'Visits per quarter' below: each site is compared with itself only, so a site new in the period does not count in another's change.",
	},
	phOtherFiguresHeading: {
		"Campagne en eigen kanalen",
		"Campaign and own channels",
	},
	phCampaignMetric: {
		"%s (%s)",
		"%s (%s)",
	},
	phSocialImpressionsNote: {
		"Weergaven van de eigen berichten die in de periode geplaatst zijn (YouTube: videoweergaven), zoals 'Bereik en betrokkenheid op de eigen kanalen' ze telt.",
		"Impressions of the own posts published in the period (YouTube: views), as 'Reach and engagement on the own channels' counts them.",
	},
	phChangeVsPrevious: {
		"Verandering t.o.v. periode ervoor",
		"Change vs previous period",
	},
	phChangeVsYearEarlier: {
		"Verandering t.o.v. jaar eerder",
		"Change vs year earlier",
	},
	phMissingVisits: {
		"websitebezoeken (bezoekerslogs, toegangslogs of paginarapporten)",
		"website visits (visit logs, access logs or page reports)",
	},
	phMissingAds: {
		"advertenties (Meta Ads Manager)",
		"ads (Meta Ads Manager)",
	},
	phMissingPosts: {
		"berichten van de eigen kanalen",
		"posts of the own channels",
	},
	phMissing: {
		"Voor deze periode zijn geen gegevens geladen van: %s. De onderdelen daarover ontbreken in deze rapportage.",
		"No data are loaded for this period of: %s. The parts about them are left out of this report.",
	},
	phCoverageHeading: {
		"Dekken de gegevens de periode?",
		"Do the data cover the period?",
	},
	phCoverageCaption: {
		"Geladen bronnen en of ze de periode dekken, %s",
		"Loaded sources and whether they cover the period, %s",
	},
	phCovers: {
		"Dekt de periode",
		"Covers the period",
	},
	phCoversNote: {
		"Of de eerste en de laatste dag met gegevens van de bron de hele periode omvatten; dagen zonder gegevens daartussen staan in de tabel hieronder. Wanneer de bestanden geladen zijn, maakt niet uit: gegevens van 2021 die vandaag geladen zijn, dekken 2021.",
		"Whether the source's first and last day of data span the whole period; days without data between them are in the table below. When the files were loaded does not matter: data of 2021 loaded today cover 2021.",
	},
	phCoversYes: {
		"ja",
		"yes",
	},
	phCoversUntil: {
		"tot en met %s",
		"up to %s",
	},
	phCoversFrom: {
		"vanaf %s",
		"from %s",
	},
	phCoversPart: {
		"alleen %s",
		"only %s",
	},
	phCoversNo: {
		"nee",
		"no",
	},
	phCoversUndated: {
		"geen datums",
		"no dates",
	},
	phNoScript: {
		"Deze grafiek wordt getekend met JavaScript, dat hier niet werkt.",
		"This chart is drawn with JavaScript, which does not run here.",
	},
	phNoScriptLink: {
		"De cijfers staan in de tabel eronder.",
		"The numbers are in the table below.",
	},
	phSourcesHeading: {
		"Bronnen",
		"Sources",
	},
	phSourcesIntro: {
		"Elk cijfer komt uit een vraag (query) die een analist zelf kan stellen: bereik query NAAM --param naam=waarde.",
		"Every number comes from a question (query) an analyst can ask alone: bereik query NAME --param name=value.",
	},
	phVisitsCaptionTrend: {
		"Bezoeken per kwartaal, %s, met de kwartalen ervoor",
		"Visits per quarter, %s, with the quarters before",
	},
	phTrendNote: {
		"De grafiek en de tabel tonen %d kwartalen: de periode van deze rapportage, vet, en de %d kwartalen ervoor, lichter, om de ontwikkeling te zien.",
		"The chart and the table show %d quarters: this report's period, in bold, and the %d quarters before it, lighter, to show the trend.",
	},
	phTotalPeriod: {
		"Totaal deze periode",
		"Total of this period",
	},
	phTrendChart: {
		"De kwartalen vóór %s zijn lichter: ze vallen voor de periode van deze rapportage.",
		"The quarters before %s are lighter: they fall before this report's period.",
	},
	phRestNote: {
		"Overig: de kanalen buiten de %d met de meeste bezoeken in de periode, samen. De bijlage geeft ze apart.",
		"Other: the channels outside the %d with the most visits in the period, together. The appendix gives them apart.",
	},
	phNoComparisonNote: {
		"Geen vergelijking: de gegevens dekken geen eerdere periode van dezelfde lengte (of die zou met deze periode samenvallen).",
		"No comparison: the data cover no earlier period of the same length (or it would overlap this period).",
	},
	phChannelRest: {
		"Overig",
		"Other",
	},
	phAllChannelsNote: {
		"Alle bezoeken van het kwartaal: dezelfde als in 'Bezoeken per kwartaal'. Elk bezoek heeft één kanaal, dus de aandelen tellen op tot 100%.",
		"All the quarter's visits: the same as in 'Visits per quarter'. Every visit has one channel, so the shares add up to 100%.",
	},
	phShareOfVisits: {
		"Aandeel",
		"Share",
	},
	phReferralChart: {
		"Gestapelde staafgrafiek van het aandeel van de bezoeken per kanaal, per kwartaal tot 100%%, %s tot en met %s: %s.",
		"Stacked bar chart of the share of the visits per channel, each quarter to 100%%, %s to %s: %s.",
	},
	phChannelsCaptionTrend: {
		"Weergaven van de eigen kanalen per kwartaal en platform, %s, met de kwartalen ervoor",
		"Impressions of the own channels per quarter and platform, %s, with the quarters before",
	},
	phAccountDaysNote: {
		"%s: dagtotalen van het account (de export per dag), want voor dit kwartaal zijn geen cijfers per bericht geladen.",
		"%s: the account's daily totals (its export by day), as no figures per post are loaded for this quarter.",
	},
	phChannelMetricNote: {
		"Weergaven; bij YouTube videoweergaven (YouTube's weergaven zijn miniaturen in lijsten, geen afspelingen). – : geen berichten van dat platform in het kwartaal.",
		"Impressions; for YouTube views (YouTube's impressions are thumbnails in lists, not plays). –: no posts of that platform in the quarter.",
	},
	phAccountDaysText: {
		"Uit dagtotalen van het account, niet uit cijfers per bericht: %s.",
		"From the account's daily totals, not from figures per post: %s.",
	},
	phChannelsDetailHeading: {
		"Eigen kanalen per kwartaal: berichten, interacties en bereik",
		"Own channels per quarter: posts, engagements and reach",
	},
	phChannelsDetailCaption: {
		"Eigen kanalen per kwartaal en platform, %s",
		"Own channels per quarter and platform, %s",
	},
	phFunnelImpressions: {
		"De advertenties werden %s keer weergegeven; de trechter begint bij de klikken daarop.",
		"The ads were shown %s times; the funnel starts at the clicks on them.",
	},
	phStepRate: {
		"Deel van de vorige stap",
		"Share of the step before",
	},
	phStepRateNote: {
		"Bij de advertenties: klikken op links / weergaven, de doorklikratio (CTR). Bij %s: bezoeken / klikken op de advertenties; bezoeken komen ook van elders, dus dit kan boven 100%% liggen. Daarna: bezoeken / bezoeken van de vorige stap.",
		"For the ads: link clicks / impressions, the click-through rate (CTR). For %s: visits / clicks on the ads; visits also come from elsewhere, so this can pass 100%%. After that: visits / visits of the step before.",
	},
	phNoLinkClicks: {
		"niet in de export",
		"not in the export",
	},
	phFunnelBarLabel: {
		"%s (%s)",
		"%s (%s)",
	},
	phUnknown: {
		"onbekend",
		"unknown",
	},
	phNoLinkClicksNote: {
		"De export van deze advertenties had geen kolom Klikken op links (Link clicks). Klikken (alle) en uitgaande klikken zijn andere cijfers en tellen hier niet mee, dus een doorklikratio is niet te berekenen.",
		"The export of these ads had no Link clicks column. Clicks (all) and outbound clicks are other metrics and do not count here, so no click-through rate can be computed.",
	},
	phPartlyClickedNote: {
		"Alleen %s van de %s weergaven komen uit exports met klikken op links; de doorklikratio is over die weergaven berekend.",
		"Only %s of the %s impressions come from exports with link clicks; the click-through rate is computed over those impressions.",
	},
	phForecastAfterHeading: {
		"Prognose en uitkomst",
		"Forecast and outcome",
	},
	phForecastAfterCaption: {
		"Laatste prognose en werkelijke weergaven van %s",
		"Last forecast and actual impressions of %s",
	},
	phForecastAfterChart: {
		"Liggende staafgrafiek: %s.",
		"Horizontal bar chart: %s.",
	},
	phBarActual: {
		"Werkelijk t/m %s",
		"Actual to %s",
	},
	phBarLastForecast: {
		"Laatste prognose (gegevens t/m %s)",
		"Last forecast (data to %s)",
	},
	phDataUpTo: {
		"Met gegevens tot en met",
		"With data up to",
	},
	phActualTotal: {
		"Werkelijk totaal",
		"Actual total",
	},
	phLastForecast: {
		"Laatste prognose",
		"Last forecast",
	},
	phLastForecastSentence: {
		"De laatste prognose, met de gegevens tot en met %[2]s, was %[1]s weergaven: %[3]s weergaven in %[4]s vluchtdagen, doorgetrokken over de %[5]s vluchtdagen die nog kwamen.",
		"The last forecast, with the data up to %[2]s, was %[1]s impressions: %[3]s impressions in %[4]s flight days, carried on over the %[5]s flight days still to come.",
	},
	phPartialFlight: {
		"deels: gegevens t/m %s",
		"partial: data to %s",
	},
	phPartialLabel: {
		"%s (deels)",
		"%s (partial)",
	},
	phGA4Views: {
		"Weergaven (GA4)",
		"Views (GA4)",
	},
	phGA4Users: {
		"Gebruikers (GA4)",
		"Users (GA4)",
	},
	phGA4Note: {
		"Uit Google Analytics 4: die geeft per pagina weergaven en gebruikers, geen bezoeken. De pagina's staan daarom op volgorde van weergaven, en zijn niet te vergelijken met de bezoeken van andere sites.",
		"From Google Analytics 4, which gives views and users per page, not visits. The pages are therefore ranked by views, and cannot be compared with other sites' visits.",
	},
	phTopCaptionViews: {
		"Best bekeken pagina's op %s (weergaven, GA4), %s",
		"Most viewed pages on %s (views, GA4), %s",
	},
	phTopChartViews: {
		"Liggende staafgrafiek van de weergaven (GA4) van de best bekeken pagina's op %s.",
		"Horizontal bar chart of the views (GA4) of the most viewed pages on %s.",
	},
	phTypeKnowledgeProduct: {
		"kennisproduct",
		"knowledge product",
	},
	phTypePracticeStory: {
		"inspirerend praktijkverhaal",
		"inspiring practice story",
	},
	phAppendixHeading: {
		"Bijlage",
		"Appendix",
	},
	phAppendixIntro: {
		"De detailtabellen achter de grafieken en toplijsten, en de bron van elk cijfer.",
		"The detail tables behind the charts and top lists, and the source of every number.",
	},
	phAppendixCampaignIntro: {
		"De bron van elk cijfer.",
		"The source of every number.",
	},
	phReferralDetailHeading: {
		"Bezoekers per verwijzingskanaal en kwartaal",
		"Visitors per referral channel and quarter",
	},
	phReferralDetailCaption: {
		"Bezoekers (en bezoeken) per verwijzingskanaal en kwartaal, %s, %s",
		"Visitors (and visits) per referral channel and quarter, %s, %s",
	},
	phSummaryVisits: {
		"In %s waren er %s bezoeken aan de programmapagina's op %s.",
		"In %s there were %s visits to the programme's pages on %s.",
	},
	phSummaryVisitsChange: {
		"In %s waren er %s bezoeken aan de programmapagina's op %s: %s ten opzichte van %s (%s).",
		"In %s there were %s visits to the programme's pages on %s: %s against %s (%s).",
	},
	phSummaryVisitsNew: {
		"In %s waren er %s bezoeken aan de programmapagina's op %s, dat nieuw is sinds %s.",
		"In %s there were %s visits to the programme's pages on %s, which is new since %s.",
	},
	phSummaryCampaign: {
		"De campagne %s werd %s keer weergegeven en kreeg %s klikken op links: een doorklikratio (CTR) van %s.",
		"The campaign %s was shown %s times and got %s link clicks: a click-through rate (CTR) of %s.",
	},
	phSummaryCampaignNoClicks: {
		"De campagne %s werd %s keer weergegeven; de export had geen klikken op links.",
		"The campaign %s was shown %s times; its export had no link clicks.",
	},
	phSummaryForecast: {
		"Prognose (geen meting): %s weergaven aan het eind van de campagne op %s.",
		"Forecast (not a measurement): %s impressions at the end of the campaign on %s.",
	},
	phSummaryForecastAfter: {
		"De campagne eindigde op %s met %s weergaven; de laatste prognose was %s.",
		"The campaign ended on %s with %s impressions; the last forecast was %s.",
	},
	phSummaryArticle: {
		"Best bezochte artikel op %s: ‘%s’, %s bezoeken.",
		"Most visited article on %s: ‘%s’, %s visits.",
	},
	phSummaryArticleViews: {
		"Best bekeken pagina op %s: ‘%s’, %s weergaven (GA4).",
		"Most viewed page on %s: ‘%s’, %s views (GA4).",
	},
	phSummarySocial: {
		"De eigen berichten op sociale media werden %s keer weergegeven.",
		"The own posts on social media were shown %s times.",
	},
	phSummarySocialChange: {
		"De eigen berichten op sociale media werden %s keer weergegeven, %s ten opzichte van %s.",
		"The own posts on social media were shown %s times, %s against %s.",
	},
	phFileSiteFigures: {
		"kerncijfers_websites",
		"key_figures_websites",
	},
	phFileKeyFigures: {
		"kerncijfers",
		"key_figures",
	},
	phFileCoverage: {
		"bronnen_periode",
		"sources_period",
	},
	phFileVisits: {
		"bezoeken_per_kwartaal",
		"visits_per_quarter",
	},
	phFileReferrals: {
		"verwijzingen",
		"referrals",
	},
	phFileReferralDetail: {
		"verwijzingen_per_kanaal",
		"referrals_per_channel",
	},
	phFileChannels: {
		"eigen_kanalen",
		"own_channels",
	},
	phFileChannelDetail: {
		"eigen_kanalen_detail",
		"own_channels_detail",
	},
	phFileProducts: {
		"top_kennisproducten",
		"top_knowledge_products",
	},
	phFileThemes: {
		"bezoeken_per_thema",
		"visits_per_theme",
	},
	phFileOrganisations: {
		"bezoeken_per_organisatie",
		"visits_per_organisation",
	},
	phFileTopArticles: {
		"top_artikelen_%s",
		"top_articles_%s",
	},
	phFileTopPosts: {
		"top_berichten_%s",
		"top_posts_%s",
	},
	phFileFlights: {
		"campagne_vluchten",
		"campaign_flights",
	},
	phFileTotals: {
		"campagne_totalen",
		"campaign_totals",
	},
	phFileForecast: {
		"prognose",
		"forecast",
	},
	phFileTopTwinkels: {
		"top_campagneartikelen",
		"top_campaign_articles",
	},
	phFileFunnel: {
		"trechter",
		"funnel",
	},
	phFileGaps: {
		"dagen_zonder_gegevens",
		"days_without_data",
	},
	phFileRejected: {
		"afgewezen_rijen",
		"rejected_rows",
	},
}

const (
	phTitle      phrase = "title"
	phTitleLabel phrase = "title-label"
	phPeriod     phrase = "period"
	phNA         phrase = "not-applicable"
	phNoData     phrase = "no-data"
	phSource     phrase = "source"
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
	phSourceKind              phrase = "source-kind"
	phFiles                   phrase = "files"
	phLastLoaded              phrase = "last-loaded"
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
	phSiteFiguresHeading      phrase = "site-figures-heading"
	phSiteFiguresCaption      phrase = "site-figures-caption"
	phNewSince                phrase = "new-since"
	phMainSiteNote            phrase = "main-site-note"
	phOtherFiguresHeading     phrase = "other-figures-heading"
	phCampaignMetric          phrase = "campaign-metric"
	phSocialImpressionsNote   phrase = "social-impressions-note"
	phChangeVsPrevious        phrase = "change-vs-previous"
	phChangeVsYearEarlier     phrase = "change-vs-year-earlier"
	phMissingVisits           phrase = "missing-visits"
	phMissingAds              phrase = "missing-ads"
	phMissingPosts            phrase = "missing-posts"
	phMissing                 phrase = "missing"
	phCoverageHeading         phrase = "coverage-heading"
	phCoverageCaption         phrase = "coverage-caption"
	phCovers                  phrase = "covers"
	phCoversNote              phrase = "covers-note"
	phCoversYes               phrase = "covers-yes"
	phCoversUntil             phrase = "covers-until"
	phCoversFrom              phrase = "covers-from"
	phCoversPart              phrase = "covers-part"
	phCoversNo                phrase = "covers-no"
	phCoversUndated           phrase = "covers-undated"
	phNoScript                phrase = "no-script"
	phNoScriptLink            phrase = "no-script-link"
	phSourcesHeading          phrase = "sources-heading"
	phSourcesIntro            phrase = "sources-intro"
	phVisitsCaptionTrend      phrase = "visits-caption-trend"
	phTrendNote               phrase = "trend-note"
	phTotalPeriod             phrase = "total-period"
	phTrendChart              phrase = "trend-chart"
	phRestNote                phrase = "rest-note"
	phAllChannelsNote         phrase = "all-channels-note"
	phChannelRest             phrase = "channel-rest"
	phNoComparisonNote        phrase = "no-comparison-note"
	phShareOfVisits           phrase = "share-of-visits"
	phReferralChart           phrase = "referral-chart"
	phChannelsCaptionTrend    phrase = "channels-caption-trend"
	phAccountDaysNote         phrase = "account-days-note"
	phChannelMetricNote       phrase = "channel-metric-note"
	phAccountDaysText         phrase = "account-days-text"
	phChannelsDetailHeading   phrase = "channels-detail-heading"
	phChannelsDetailCaption   phrase = "channels-detail-caption"
	phFunnelImpressions       phrase = "funnel-impressions"
	phStepRate                phrase = "step-rate"
	phStepRateNote            phrase = "step-rate-note"
	phNoLinkClicks            phrase = "no-link-clicks"
	phFunnelBarLabel          phrase = "funnel-bar-label"
	phUnknown                 phrase = "unknown"
	phNoLinkClicksNote        phrase = "no-link-clicks-note"
	phPartlyClickedNote       phrase = "partly-clicked-note"
	phForecastAfterHeading    phrase = "forecast-after-heading"
	phForecastAfterCaption    phrase = "forecast-after-caption"
	phForecastAfterChart      phrase = "forecast-after-chart"
	phBarActual               phrase = "bar-actual"
	phBarLastForecast         phrase = "bar-last-forecast"
	phDataUpTo                phrase = "data-up-to"
	phActualTotal             phrase = "actual-total"
	phLastForecast            phrase = "last-forecast"
	phLastForecastSentence    phrase = "last-forecast-sentence"
	phPartialFlight           phrase = "partial-flight"
	phPartialLabel            phrase = "partial-label"
	phGA4Views                phrase = "g-a-4-views"
	phGA4Users                phrase = "g-a-4-users"
	phGA4Note                 phrase = "g-a-4-note"
	phTopCaptionViews         phrase = "top-caption-views"
	phTopChartViews           phrase = "top-chart-views"
	phTypeKnowledgeProduct    phrase = "type-knowledge-product"
	phTypePracticeStory       phrase = "type-practice-story"
	phAppendixHeading         phrase = "appendix-heading"
	phAppendixIntro           phrase = "appendix-intro"
	phAppendixCampaignIntro   phrase = "appendix-campaign-intro"
	phReferralDetailHeading   phrase = "referral-detail-heading"
	phReferralDetailCaption   phrase = "referral-detail-caption"
	phSummaryVisits           phrase = "summary-visits"
	phSummaryVisitsChange     phrase = "summary-visits-change"
	phSummaryVisitsNew        phrase = "summary-visits-new"
	phSummaryCampaign         phrase = "summary-campaign"
	phSummaryCampaignNoClicks phrase = "summary-campaign-no-clicks"
	phSummaryForecast         phrase = "summary-forecast"
	phSummaryForecastAfter    phrase = "summary-forecast-after"
	phSummaryArticle          phrase = "summary-article"
	phSummaryArticleViews     phrase = "summary-article-views"
	phSummarySocial           phrase = "summary-social"
	phSummarySocialChange     phrase = "summary-social-change"
	phFileSiteFigures         phrase = "file-site-figures"
	phFileKeyFigures          phrase = "file-key-figures"
	phFileCoverage            phrase = "file-coverage"
	phFileVisits              phrase = "file-visits"
	phFileReferrals           phrase = "file-referrals"
	phFileReferralDetail      phrase = "file-referral-detail"
	phFileChannels            phrase = "file-channels"
	phFileChannelDetail       phrase = "file-channel-detail"
	phFileProducts            phrase = "file-products"
	phFileThemes              phrase = "file-themes"
	phFileOrganisations       phrase = "file-organisations"
	phFileTopArticles         phrase = "file-top-articles"
	phFileTopPosts            phrase = "file-top-posts"
	phFileFlights             phrase = "file-flights"
	phFileTotals              phrase = "file-totals"
	phFileForecast            phrase = "file-forecast"
	phFileTopTwinkels         phrase = "file-top-twinkels"
	phFileFunnel              phrase = "file-funnel"
	phFileGaps                phrase = "file-gaps"
	phFileRejected            phrase = "file-rejected"
)
