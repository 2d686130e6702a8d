package pipeline

import (
	"fmt"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
)

// metaAdsSource reads Meta Ads Manager exports (Facebook and Instagram ads), English or
// Dutch, at ad-set level or ad level, one row per ad set or ad per reporting period.
var metaAdsSource = &source{
	kind:  "meta_ads",
	label: label{nl: "Meta-advertenties", en: "Meta ads"},
	is:    "a Meta Ads Manager export",
	stale: staleByData,
	table: "meta_ads",
	spec: []headerSpec{
		{field: "start", aliases: []string{"reporting starts"}, dutch: []string{"start rapportage", "begin rapportage"}, required: true},
		{field: "end", aliases: []string{"reporting ends"}, dutch: []string{"einde rapportage", "eind rapportage"}, required: true},
		{field: "campaign", aliases: []string{"campaign name"}, dutch: []string{"campagnenaam", "naam campagne"}},
		{field: "adset", aliases: []string{"ad set name"}, dutch: []string{"naam advertentieset", "advertentiesetnaam"}, required: true},
		{field: "ad", aliases: []string{"ad name"}, dutch: []string{"advertentienaam", "naam advertentie"}},
		{field: "impressions", aliases: []string{"impressions"}, dutch: []string{"weergaven"}, required: true},
		{field: "reach", aliases: []string{"reach"}, dutch: []string{"bereik"}, required: true},
		{field: "clicks", aliases: []string{"link clicks"}, dutch: []string{"klikken op links", "klikken op link", "linkklikken"}, required: true},
		{field: "video", aliases: []string{"3-second video plays"}, dutch: []string{"videoweergaven van 3 seconden", "3 seconden videoweergaven"}},
		{field: "spend", aliases: []string{"amount spent (eur)"}, dutch: []string{"besteed bedrag (eur)", "uitgegeven bedrag (eur)"}},
		{field: "ctr", aliases: []string{"ctr (link click-through rate)"}, dutch: []string{"ctr (doorklikratio voor klikken op link)", "ctr (doorklikratio van link)"}},
		{field: "frequency", aliases: []string{"frequency"}, dutch: []string{"frequentie"}},
	},
	schema: arrow.NewSchema([]arrow.Field{
		field("line", typInt64),
		field("reporting_start", typDate),
		field("reporting_end", typDate),
		field("campaign_name", typString),
		field("adset_name", typString),
		field("ad_name", typString),
		field("campaign", typString),
		field("flight", typInt32),
		field("format", typString),
		field("impressions", typInt64),
		field("reach", typInt64),
		field("link_clicks", typInt64),
		field("video_plays_3s", typInt64),
		field("spend_eur", typFloat),
	}, nil),
	merge:   replaceByKey,
	keys:    []string{"campaign_name", "adset_name", "ad_name", "reporting_start", "reporting_end"},
	numbers: []string{"impressions", "reach", "clicks", "video", "spend", "ctr", "frequency"},
	row:     metaAdsRow,
}

// metaTotalsNames are the names Meta puts in the summary row of an export.
var metaTotalsNames = map[string]bool{"": true, "total": true, "totaal": true, "totals": true, "totalen": true}

func metaAdsRow(p *parseRun, rec []string, line int) error {
	c := p.cols
	campaignName, adSet, ad := c.field(rec, "campaign"), c.field(rec, "adset"), c.field(rec, "ad")
	if blank(rec) || (metaTotalsNames[strings.ToLower(campaignName)] && metaTotalsNames[strings.ToLower(adSet)] && metaTotalsNames[strings.ToLower(ad)]) {
		return errSkip
	}
	bad := func(name, format string, args ...any) error { return p.rowError(line, name, format, args...) }
	start, err := parseDay(c.field(rec, "start"))
	if err != nil {
		return bad("start", "%v in column %s", err, p.f.header[c["start"]])
	}
	end, err := parseDay(c.field(rec, "end"))
	if err != nil {
		return bad("end", "%v in column %s", err, p.f.header[c["end"]])
	}
	if end.Before(start) {
		return bad("end", "reporting period ends (%s) before it starts (%s)", end.Format(time.DateOnly), start.Format(time.DateOnly))
	}
	var counts [4]int64
	var have [4]bool
	for i, f := range []string{"impressions", "reach", "clicks", "video"} {
		if _, ok := c[f]; !ok {
			continue
		}
		counts[i], have[i], err = parseCount(c.field(rec, f), p.locale)
		if err != nil {
			return bad(f, "%v in column %s (numbers in this file are %s)", err, p.f.header[c[f]], p.locale)
		}
	}
	spend, haveSpend, err := parseNumber(c.field(rec, "spend"), p.locale)
	if err != nil {
		return bad("spend", "%v in column %s", err, p.f.header[c["spend"]])
	}
	campaign, flight, format := p.cfg.classifyAd(campaignName, adSet, ad, start, end)
	if campaign != "" && flight == 0 {
		p.unassigned++
	}
	p.seeDate(start)
	p.seeDate(end)

	b := p.b
	appendInt64(b, 0, int64(line), true)
	appendDate(b, 1, start)
	appendDate(b, 2, end)
	appendString(b, 3, campaignName)
	appendString(b, 4, adSet)
	appendString(b, 5, ad)
	appendText(b, 6, campaign)
	appendInt32(b, 7, int32(flight), flight > 0)
	appendText(b, 8, format)
	appendInt64(b, 9, counts[0], have[0])
	appendInt64(b, 10, counts[1], have[1])
	appendInt64(b, 11, counts[2], have[2])
	appendInt64(b, 12, counts[3], have[3])
	appendFloat64(b, 13, spend, haveSpend)
	return nil
}

// parseDay reads a date as Meta and Dutch spreadsheets write it: 2021-06-14 or 14-06-2021.
func parseDay(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, "02-01-2006", "2-1-2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date like 2021-06-14", s)
}
