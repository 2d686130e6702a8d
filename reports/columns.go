package reports

// columnHeaders are the headers a downloaded CSV gives the queries' columns, in Dutch and
// in English: a person opens the file in a spreadsheet. The columns themselves, their
// order and their types are the queries' (each declares them once); a test keeps this
// list whole for every query the report downloads.
var columnHeaders = map[string]struct{ nl, en string }{
	"as_of":                      {"Gegevens tot en met", "Data up to"},
	"avg_visit_seconds":          {"Gemiddelde bezoekduur (seconden)", "Average visit duration (seconds)"},
	"campaign":                   {"Campagne", "Campaign"},
	"campaign_end":               {"Einde campagne", "Campaign end"},
	"campaign_start":             {"Begin campagne", "Campaign start"},
	"change_vs_previous":         {"Verandering t.o.v. periode ervoor", "Change vs previous period"},
	"change_vs_year_earlier":     {"Verandering t.o.v. jaar eerder", "Change vs year earlier"},
	"channel":                    {"Kanaal", "Channel"},
	"channel_rank":               {"Volgorde kanaal", "Channel order"},
	"clicked_impressions":        {"Weergaven met linkklikken", "Impressions with link clicks"},
	"clicks":                     {"Klikken op links", "Link clicks"},
	"covers":                     {"Dekt de periode", "Covers the period"},
	"ctr":                        {"Doorklikratio (CTR)", "Click-through rate (CTR)"},
	"data_end":                   {"Gegevens tot en met", "Data up to"},
	"data_start":                 {"Gegevens vanaf", "Data from"},
	"days":                       {"Dagen", "Days"},
	"days_without_data":          {"Dagen zonder gegevens", "Days without data"},
	"engagement_rate":            {"Betrokkenheid", "Engagement rate"},
	"engagements":                {"Interacties", "Engagements"},
	"files":                      {"Bestanden", "Files"},
	"first_column":               {"Kolom eerste afgewezen rij", "Column of first rejected row"},
	"first_day":                  {"Eerste dag", "First day"},
	"first_line":                 {"Regel eerste afgewezen rij", "Line of first rejected row"},
	"first_reason":               {"Reden", "Reason"},
	"flight":                     {"Vlucht", "Flight"},
	"flight_days_remaining":      {"Resterende vluchtdagen", "Flight days remaining"},
	"flight_days_so_far":         {"Vluchtdagen tot nu toe", "Flight days so far"},
	"flight_end":                 {"Einde vlucht", "Flight end"},
	"flight_start":               {"Begin vlucht", "Flight start"},
	"flights":                    {"Vluchten", "Flights"},
	"forecast_impressions":       {"Prognose weergaven", "Forecast impressions"},
	"format":                     {"Formaat", "Format"},
	"frequency":                  {"Frequentie", "Frequency"},
	"gaps":                       {"Onderbrekingen", "Gaps"},
	"impressions":                {"Weergaven", "Impressions"},
	"impressions_per_flight_day": {"Weergaven per vluchtdag", "Impressions per flight day"},
	"impressions_so_far":         {"Weergaven tot nu toe", "Impressions so far"},
	"is_total":                   {"Totaalregel", "Total row"},
	"item_title":                 {"Item in de catalogus", "Catalogue item"},
	"item_type":                  {"Soort item", "Item type"},
	"items":                      {"Items", "Items"},
	"kind":                       {"Soort bron", "Source kind"},
	"label_en":                   {"Bron (Engels)", "Source"},
	"label_nl":                   {"Bron", "Source (Dutch)"},
	"last_day":                   {"Laatste dag", "Last day"},
	"last_loaded":                {"Laatst geladen", "Last loaded"},
	"loaded_at":                  {"Geladen op", "Loaded at"},
	"longest_gap_end":            {"Langste onderbreking tot en met", "Longest gap to"},
	"longest_gap_start":          {"Langste onderbreking vanaf", "Longest gap from"},
	"metric":                     {"Cijfer", "Metric"},
	"new_in_period":              {"Nieuw in de periode", "New in the period"},
	"new_visits":                 {"Nieuwe bezoeken", "New visits"},
	"nr":                         {"Nummer in de catalogus", "Catalogue number"},
	"organisation":               {"Organisatie", "Organisation"},
	"organisations":              {"Organisaties", "Organisations"},
	"page_title":                 {"Paginatitel", "Page title"},
	"path":                       {"Pad", "Path"},
	"period_end":                 {"Periode tot en met", "Period to"},
	"period_start":               {"Periode vanaf", "Period from"},
	"platform":                   {"Platform", "Platform"},
	"post_id":                    {"Bericht-ID", "Post ID"},
	"posts":                      {"Berichten", "Posts"},
	"previous_end":               {"Periode ervoor tot en met", "Previous period to"},
	"previous_start":             {"Periode ervoor vanaf", "Previous period from"},
	"previous_value":             {"Periode ervoor", "Previous period"},
	"published_at":               {"Geplaatst", "Published"},
	"quarter_end":                {"Kwartaal tot en met", "Quarter to"},
	"quarter_start":              {"Kwartaal vanaf", "Quarter from"},
	"quarter_visits":             {"Bezoeken in het kwartaal", "Visits in the quarter"},
	"rank":                       {"Plaats", "Rank"},
	"reach_sum":                  {"Bereik opgeteld (bovengrens)", "Reach summed (upper bound)"},
	"reach_upper_bound":          {"Bereik opgeteld (bovengrens)", "Reach summed (upper bound)"},
	"rejected_share":             {"Aandeel afgewezen", "Share rejected"},
	"returning_visits":           {"Terugkerende bezoeken", "Returning visits"},
	"rows_bots":                  {"Rijen van bots", "Bot rows"},
	"rows_loaded":                {"Rijen geladen", "Rows loaded"},
	"rows_rejected":              {"Rijen afgewezen", "Rows rejected"},
	"share":                      {"Aandeel", "Share"},
	"site":                       {"Site", "Site"},
	"source":                     {"Bron", "Source"},
	"stage":                      {"Stap", "Stage"},
	"step":                       {"Stap nr.", "Step"},
	"step_rate":                  {"Deel van de vorige stap", "Share of the step before"},
	"subject":                    {"Onderwerp", "Subject"},
	"target_table":               {"Tabel", "Table"},
	"theme":                      {"Thema", "Theme"},
	"themes":                     {"Thema's", "Themes"},
	"title":                      {"Titel", "Title"},
	"type":                       {"Soort", "Type"},
	"unique_reach":               {"Uniek bereik", "Unique reach"},
	"url":                        {"Link", "Link"},
	"users":                      {"Gebruikers (GA4)", "Users (GA4)"},
	"value":                      {"Deze periode", "This period"},
	"views":                      {"Videoweergaven", "Video views"},
	"visitors":                   {"Bezoekers", "Visitors"},
	"visits":                     {"Bezoeken", "Visits"},
	"year_earlier_end":           {"Jaar eerder tot en met", "Year earlier to"},
	"year_earlier_start":         {"Jaar eerder vanaf", "Year earlier from"},
	"year_earlier_value":         {"Jaar eerder", "Year earlier"},
}

// queryColumnHeaders are the headers of columns that mean something else in one query
// than in the others, by query and column.
var queryColumnHeaders = map[string]struct{ nl, en string }{
	"top_articles.views": {"Weergaven (GA4)", "Views (GA4)"},
	"top_posts.value":    {"Waarde", "Value"},
}

// columnHeader is the header of a query's column in a downloaded CSV; a column without
// one keeps its name.
func (l locale) columnHeader(query, column string) string {
	if h, ok := queryColumnHeaders[query+"."+column]; ok {
		return l.pick(h.nl, h.en)
	}
	if h, ok := columnHeaders[column]; ok {
		return l.pick(h.nl, h.en)
	}
	return column
}
