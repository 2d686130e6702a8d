package pipeline

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// metaAdsSource reads Meta Ads Manager exports (Facebook and Instagram ads), English or
// Dutch, CSV or XLSX, at every level: one row per campaign, ad set or ad per reporting
// period, optionally broken down by age, gender, placement, platform, device platform,
// impression device, region or country, and by time (a Day, Week or Month column is the
// row's reporting period).
//
// The level is told by the columns: Ad name makes an ad export, else Ad set name an
// ad-set export, else Campaign name a campaign export. Metrics are stored as the export
// names them: Link clicks, Clicks (all) and Outbound clicks are three metrics, never one
// read as another; ThruPlays, 3-second video plays, Post engagements, Results with their
// Result indicator, Reach, and Amount spent in the currency its header names. Rates and
// costs (CTR, CPC, CPM, cost per result, frequency) are not stored: they are recomputed
// from sums. Meta's summary row (no campaign, ad set or ad name) and blank rows are
// skipped. The campaign, its flight and the ad's format come from bereik.toml: an export
// without Campaign name column takes its campaign from the campaigns' meta_adsets pattern
// on the ad set name, or from --campaign.
var metaAdsSource = &source{
	kind:  "meta_ads",
	label: label{nl: "Meta-advertenties", en: "Meta ads"},
	is:    "a Meta Ads export",
	stale: staleByData,
	table: "meta_ads",
	spec: []headerSpec{
		{field: "start", aliases: []string{"reporting starts"}, dutch: []string{"start rapportage", "begin rapportage", "rapportage start", "rapportage gestart"}},
		{field: "end", aliases: []string{"reporting ends"}, dutch: []string{"einde rapportage", "eind rapportage", "rapportage einde", "rapportage beëindigd"}},
		{field: "day", aliases: []string{"day"}, dutch: []string{"dag"}},
		{field: "week", aliases: []string{"week"}, dutch: []string{"week"}},
		{field: "month", aliases: []string{"month"}, dutch: []string{"maand"}},
		{field: "campaign", aliases: []string{"campaign name"}, dutch: []string{"campagnenaam", "naam campagne", "naam van campagne"}},
		{field: "adset", aliases: []string{"ad set name"}, dutch: []string{"naam advertentieset", "advertentiesetnaam", "naam van advertentieset"}},
		{field: "ad", aliases: []string{"ad name"}, dutch: []string{"advertentienaam", "naam advertentie", "naam van advertentie"}},
		{field: "age", aliases: []string{"age"}, dutch: []string{"leeftijd"}},
		{field: "gender", aliases: []string{"gender"}, dutch: []string{"geslacht"}},
		{field: "placement", aliases: []string{"placement"}, dutch: []string{"plaatsing"}},
		{field: "platform", aliases: []string{"platform"}, dutch: []string{"platform"}},
		{field: "device_platform", aliases: []string{"device platform"}, dutch: []string{"apparaatplatform", "platform van apparaat"}},
		{field: "impression_device", aliases: []string{"impression device"}, dutch: []string{"weergaveapparaat", "apparaat voor weergave", "apparaat van weergave"}},
		{field: "region", aliases: []string{"region"}, dutch: []string{"regio"}},
		{field: "country", aliases: []string{"country"}, dutch: []string{"land"}},
		{field: "impressions", aliases: []string{"impressions"}, dutch: []string{"weergaven", "impressies"}, required: true},
		{field: "reach", aliases: []string{"reach"}, dutch: []string{"bereik"}},
		{field: "link_clicks", aliases: []string{"link clicks"}, dutch: []string{"klikken op links", "klikken op link", "linkklikken"}},
		{field: "clicks_all", aliases: []string{"clicks (all)"}, dutch: []string{"klikken (alle)", "klikken (allemaal)", "alle klikken"}},
		{field: "outbound_clicks", aliases: []string{"outbound clicks"}, dutch: []string{"uitgaande klikken"}},
		{field: "video_plays_3s", aliases: []string{"3-second video plays"}, dutch: []string{"videoweergaven van 3 seconden", "3 seconden videoweergaven", "3-seconden-videoweergaven"}},
		{field: "thruplays", aliases: []string{"thruplays"}, dutch: []string{"thruplays"}},
		{field: "post_engagements", aliases: []string{"post engagements", "post engagement"}, dutch: []string{"berichtinteracties", "interactie met bericht", "betrokkenheid bij bericht"}},
		{field: "results", aliases: []string{"results"}, dutch: []string{"resultaten"}},
		{field: "result_indicator", aliases: []string{"result indicator", "result type"}, dutch: []string{"resultaatindicator", "type resultaat", "resultaattype"}},
		{field: "spend", patterns: []*regexp.Regexp{regexp.MustCompile(`^amount spent \(([a-z]{3})\)$`)},
			dutchPatterns: []*regexp.Regexp{regexp.MustCompile(`^(?:besteed|uitgegeven) bedrag \(([a-z]{3})\)$`)}},
		// Read only as evidence of the number locale: rates and costs are recomputed.
		{field: "ctr", aliases: []string{"ctr (link click-through rate)", "ctr (all)"}, dutch: []string{"ctr (doorklikratio voor klikken op link)", "ctr (doorklikratio van link)", "ctr (alle)"}},
		{field: "frequency", aliases: []string{"frequency"}, dutch: []string{"frequentie"}},
		{field: "cost_per_result", aliases: []string{"cost per results", "cost per result"}, dutch: []string{"kosten per resultaat"}},
	},
	oneOf: [][]string{{"start", "day", "week", "month"}, {"campaign", "adset", "ad"}},
	schema: arrow.NewSchema([]arrow.Field{
		field("line", typInt64),
		field("level", typString),
		field("reporting_start", typDate),
		field("reporting_end", typDate),
		field("campaign_name", typString),
		field("adset_name", typString),
		field("ad_name", typString),
		field("campaign", typString),
		field("campaign_option", typString),
		field("flight", typInt32),
		field("format", typString),
		field("age", typString),
		field("gender", typString),
		field("placement", typString),
		field("platform", typString),
		field("device_platform", typString),
		field("impression_device", typString),
		field("region", typString),
		field("country", typString),
		field("breakdown", typString),
		field("impressions", typInt64),
		field("reach", typInt64),
		field("link_clicks", typInt64),
		field("clicks_all", typInt64),
		field("outbound_clicks", typInt64),
		field("video_plays_3s", typInt64),
		field("thruplays", typInt64),
		field("post_engagements", typInt64),
		field("results", typFloat),
		field("result_indicator", typString),
		field("spend", typFloat),
		field("currency", typString),
	}, nil),
	merge: replaceByKey,
	keys: []string{"level", "campaign_name", "adset_name", "ad_name", "reporting_start", "reporting_end",
		"age", "gender", "placement", "platform", "device_platform", "impression_device", "region", "country"},
	numbers: []string{"impressions", "reach", "link_clicks", "clicks_all", "outbound_clicks", "video_plays_3s", "thruplays",
		"post_engagements", "results", "spend", "ctr", "frequency", "cost_per_result"},
	dates: []string{"start", "end", "day", "week", "month"},
	// Half a million rows is a year of daily rows of 50 ads in 25 breakdowns: far beyond
	// any export as downloaded, and a bound on what the duplicate check holds.
	maxRows: 500_000,
	parser:  newMetaAdsParser,
}

// metaBreakdowns are the breakdown fields, in the order their names join in breakdown:
// Ads Manager's order (Platform before Placement, as its Breakdown menu lists them).
var metaBreakdowns = []string{"age", "gender", "country", "region", "platform", "placement", "device_platform", "impression_device"}

// metaCounts are the whole-number metrics, as fields and as columns.
var metaCounts = []string{"impressions", "reach", "link_clicks", "clicks_all", "outbound_clicks", "video_plays_3s", "thruplays", "post_engagements"}

// metaTotalsNames are the names Meta puts in the summary row of an export.
var metaTotalsNames = map[string]bool{"": true, "total": true, "totaal": true, "totals": true, "totalen": true}

type metaAdsParser struct {
	p         *parseRun
	level     string
	breakdown string   // the breakdowns present, joined by +
	present   []string // the breakdown fields present
	period    string   // the field that holds the reporting period: start, day, week or month
	currency  string
	// campaign is --campaign for an export without campaign column, else "".
	campaign *Campaign
	// seen maps the hash of a row's key to the row that had it first, in rows.
	seen       map[uint64]int32
	firstRows  []seenRow
	unassigned int64
	noCampaign int64

	line                                              countCol
	lvl, campaignName, adset, ad, campaignCol, option textCol
	start, end                                        dateCol
	flight                                            intCol
	format, breakdowns, indicator, currencyCol        textCol
	breakdownCols                                     [8]textCol
	countCols                                         [8]countCol
	results, spend                                    floatCol
}

// seenRow is a row as unique keeps it: its line, and its cells joined by \x1f (one
// string, so that a large export's rows take little memory).
type seenRow struct {
	line  int
	cells string
}

func newMetaAdsParser(p *parseRun) (parser, error) {
	o := p.out
	m := &metaAdsParser{p: p, seen: map[uint64]int32{},
		line: countOf(o, "line"), lvl: textOf(o, "level"), start: dateOf(o, "reporting_start"), end: dateOf(o, "reporting_end"),
		campaignName: textOf(o, "campaign_name"), adset: textOf(o, "adset_name"), ad: textOf(o, "ad_name"),
		campaignCol: textOf(o, "campaign"), option: textOf(o, "campaign_option"), flight: intOf(o, "flight"), format: textOf(o, "format"),
		breakdowns: textOf(o, "breakdown"), indicator: textOf(o, "result_indicator"), currencyCol: textOf(o, "currency"),
		results: floatOf(o, "results"), spend: floatOf(o, "spend")}
	for i, b := range metaBreakdowns {
		m.breakdownCols[i] = textOf(o, b)
		if _, ok := p.cols[b]; ok {
			m.present = append(m.present, b)
		}
	}
	m.breakdown = strings.Join(m.present, "+")
	for i, c := range metaCounts {
		m.countCols[i] = countOf(o, c)
	}
	switch {
	case p.has("ad"):
		m.level = "ad"
	case p.has("adset"):
		m.level = "adset"
	default:
		m.level = "campaign"
	}
	for _, f := range []string{"day", "week", "month", "start"} {
		if p.has(f) {
			m.period = f
			break
		}
	}
	if p.has("spend") {
		m.currency = strings.ToUpper(p.capture("spend"))
	}
	if name := p.hints.campaign; name != "" {
		if p.has("campaign") {
			p.note("--campaign %q is not used: the export names each row's campaign in its column %s", name, p.f.header[p.cols["campaign"]])
		} else {
			m.campaign = p.cfg.campaign(name)
			if m.campaign == nil {
				return nil, fmt.Errorf("%s: --campaign %q is not a campaign of %s; nothing of this file was loaded", p.f.path, name, p.cfg.Source)
			}
		}
	}
	if !p.has("link_clicks") {
		p.note("the export has no Link clicks column: its rows have no link clicks, and the campaign's CTR (link clicks / impressions) leaves them out; export Link clicks to count them")
	}
	return m, nil
}

func (m *metaAdsParser) counts() []Count {
	return []Count{
		{Name: "unassigned", N: m.unassigned, Warn: "some ad rows overlap no single configured flight and are left out of the flight figures; export per flight, or fix the flights in bereik.toml"},
		{Name: "no_campaign", N: m.noCampaign, Warn: "the export has no Campaign name column and nothing says which campaign its ad sets belong to; they are loaded without campaign: give --campaign NAME, or a meta_adsets pattern in bereik.toml"},
	}
}

func (m *metaAdsParser) row(rec []string, line int) error {
	p := m.p
	c := p.cols
	campaignName, adSet, ad := c.field(rec, "campaign"), c.field(rec, "adset"), c.field(rec, "ad")
	if blank(rec) || (metaTotalsNames[strings.ToLower(campaignName)] && metaTotalsNames[strings.ToLower(adSet)] && metaTotalsNames[strings.ToLower(ad)]) {
		return errSkip
	}
	start, end, err := m.reportingPeriod(rec, line)
	if err != nil {
		return err
	}
	var counts [8]int64
	var have [8]bool
	for i, f := range metaCounts {
		if !p.has(f) {
			continue
		}
		if counts[i], have[i], err = parseCount(c.field(rec, f), p.locale); err != nil {
			return p.numberError(line, f, err)
		}
	}
	results, haveResults, err := parseNumber(c.field(rec, "results"), p.locale)
	if err != nil {
		return p.numberError(line, "results", err)
	}
	spend, haveSpend, err := parseNumber(c.field(rec, "spend"), p.locale)
	if err != nil {
		return p.numberError(line, "spend", err)
	}
	var values [8]string
	for i, b := range metaBreakdowns {
		values[i] = c.field(rec, b)
	}
	if err := m.unique(rec, line, start, end, campaignName, adSet, ad, values); err != nil {
		return err
	}
	var campaign string
	var flight int
	var format string
	if m.campaign != nil {
		campaign, flight, format = m.campaign.Name, m.campaign.flightOf(start, end), m.campaign.formatOf(adSet, ad)
	} else {
		campaign, flight, format = p.cfg.classifyAd(campaignName, adSet, ad, start, end)
	}
	switch {
	case campaign == "" && !p.has("campaign"):
		m.noCampaign++
	case campaign != "" && flight == 0:
		m.unassigned++
	}
	p.seeDate(start)
	p.seeDate(end)

	m.line.put(int64(line), true)
	m.lvl.put(m.level)
	m.start.put(start)
	m.end.put(end)
	m.campaignName.put(campaignName)
	m.adset.put(adSet)
	m.ad.put(ad)
	m.campaignCol.putOrNull(campaign)
	if m.campaign != nil {
		m.option.put(m.campaign.Name)
	} else {
		m.option.put("")
	}
	m.flight.put(int32(flight), flight > 0)
	m.format.putOrNull(format)
	for i := range metaBreakdowns {
		m.breakdownCols[i].put(values[i])
	}
	m.breakdowns.put(m.breakdown)
	for i := range metaCounts {
		m.countCols[i].put(counts[i], have[i])
	}
	m.results.put(results, haveResults)
	m.indicator.putOrNull(c.field(rec, "result_indicator"))
	m.spend.put(spend, haveSpend)
	if haveSpend {
		m.currencyCol.put(m.currency)
	} else {
		m.currencyCol.putOrNull("")
	}
	return nil
}

// reportingPeriod reads a row's reporting period: its Reporting starts and ends, or its
// Day, Week or Month where the export is broken down by time.
func (m *metaAdsParser) reportingPeriod(rec []string, line int) (start, end time.Time, err error) {
	p := m.p
	cell := p.cols.field(rec, m.period)
	bad := func(field string, err error) error {
		return p.cellError(line, field, err)
	}
	switch m.period {
	case "start":
		if start, err = parseDay(cell, p.dayFirst); err != nil {
			return start, end, bad("start", err)
		}
		end = start
		if p.has("end") {
			if end, err = parseDay(p.cols.field(rec, "end"), p.dayFirst); err != nil {
				return start, end, bad("end", err)
			}
		}
	case "day":
		if start, err = parseDay(cell, p.dayFirst); err != nil {
			return start, end, bad("day", err)
		}
		end = start
	default: // week or month: two days (2021-06-14 - 2021-06-20), or a month (2021-06)
		if start, end, err = parseSpan(cell, p.dayFirst); err != nil {
			return start, end, bad(m.period, err)
		}
	}
	if end.Before(start) {
		field := m.period
		if p.has("end") {
			field = "end"
		}
		return start, end, p.rowError(line, field, "reporting period ends (%s) before it starts (%s)", end.Format(time.DateOnly), start.Format(time.DateOnly))
	}
	return start, end, nil
}

// unique rejects a row whose level, names, period and breakdown another row of the file
// had: an exact repeat is rejected alone; rows that differ fail the file, naming where
// they differ, since the file cannot say which is right.
func (m *metaAdsParser) unique(rec []string, line int, start, end time.Time, campaign, adSet, ad string, breakdown [8]string) error {
	h := fnv.New64a()
	for _, part := range append([]string{campaign, adSet, ad, start.Format(time.DateOnly), end.Format(time.DateOnly)}, breakdown[:]...) {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	key := h.Sum64()
	i, ok := m.seen[key]
	if !ok {
		m.seen[key] = int32(len(m.firstRows))
		m.firstRows = append(m.firstRows, seenRow{line: line, cells: strings.Join(rec, "\x1f")})
		return nil
	}
	first := m.firstRows[i]
	firstRec := strings.Split(first.cells, "\x1f")
	if len(firstRec) != len(rec) || !m.sameKeyOf(firstRec, campaign, adSet, ad) {
		// Another key with the same 64-bit hash (not in any real export): not a repeat.
		return nil
	}
	p := m.p
	read := map[int]bool{}
	for _, i := range p.cols {
		read[i] = true
	}
	var readDiff, unreadDiff []string
	for i, h := range p.f.header {
		a, b := cellAt(firstRec, i), cellAt(rec, i)
		if a == b {
			continue
		}
		if read[i] {
			readDiff = append(readDiff, fmt.Sprintf("%s (%q, %q)", h, a, b))
		} else {
			unreadDiff = append(unreadDiff, fmt.Sprintf("%q", h))
		}
	}
	what := "the same " + m.level + ", reporting period"
	if m.breakdown != "" {
		what += " and " + strings.ReplaceAll(m.breakdown, "+", ", ")
	}
	switch {
	case len(readDiff) == 0 && len(unreadDiff) == 0:
		return lineReject(p.f.path, line, 1, "", "this row repeats line %d exactly; it is left out", known{first.line})
	case len(readDiff) == 0:
		return fmt.Errorf("%s:%d: this row has %s as line %d and differs only in %s, which bereik does not read (a breakdown it does not support?); export without that column; nothing of this file was loaded",
			p.f.path, line, what, first.line, strings.Join(unreadDiff, ", "))
	}
	return fmt.Errorf("%s:%d: this row has %s as line %d but other figures: %s; the file cannot say which is right; nothing of this file was loaded",
		p.f.path, line, what, first.line, strings.Join(readDiff, ", "))
}

// sameKeyOf reports whether a row kept by unique has these names (the rest of the key is
// checked by the hash); it guards against two keys of the same hash.
func (m *metaAdsParser) sameKeyOf(rec []string, campaign, adSet, ad string) bool {
	c := m.p.cols
	return c.field(rec, "campaign") == campaign && c.field(rec, "adset") == adSet && c.field(rec, "ad") == ad
}

func cellAt(rec []string, i int) string {
	if i < len(rec) {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

// parseDay reads a day as Meta and spreadsheets write it: 2021-06-14, or 14-06-2021 /
// 06/14/2021 in the file's order of day and month.
func parseDay(s string, dayFirst bool) (time.Time, error) {
	layouts := []string{time.DateOnly, "1/2/2006", "1-2-2006", "1.2.2006", "1/2/06"}
	if dayFirst {
		layouts = []string{time.DateOnly, "2-1-2006", "2/1/2006", "2.1.2006", "2-1-06"}
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date like 2021-06-14", s)
}

// spanSeparator splits a week or month written as two days.
var spanSeparator = regexp.MustCompile(`\s+(?:-|–|to|t/m|tot)\s+`)

// parseSpan reads a reporting period of a time breakdown: two days (2021-06-14 -
// 2021-06-20), or a month (2021-06, June 2021, juni 2021).
func parseSpan(s string, dayFirst bool) (start, end time.Time, err error) {
	if parts := spanSeparator.Split(strings.TrimSpace(s), 2); len(parts) == 2 {
		start, err1 := parseDay(parts[0], dayFirst)
		end, err2 := parseDay(parts[1], dayFirst)
		if err1 == nil && err2 == nil {
			return start, end, nil
		}
	}
	for _, layout := range []string{"2006-01", "January 2006", "Jan 2006", "01/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, t.AddDate(0, 1, -1), nil
		}
	}
	if t, ok := dutchMonth(s); ok {
		return t, t.AddDate(0, 1, -1), nil
	}
	if t, err := parseDay(s, dayFirst); err == nil {
		return t, t, nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("%q is not a period like 2021-06-14 - 2021-06-20 or 2021-06", s)
}

var dutchMonths = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// dutchMonth reads "juni 2021".
func dutchMonth(s string) (time.Time, bool) {
	name, year, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), " ")
	if !ok {
		return time.Time{}, false
	}
	i := slices.Index(dutchMonths, name)
	y, err := time.Parse("2006", year)
	if i < 0 || err != nil {
		return time.Time{}, false
	}
	return time.Date(y.Year(), time.Month(i+1), 1, 0, 0, 0, 0, time.UTC), true
}
