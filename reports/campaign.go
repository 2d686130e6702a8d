package reports

import (
	"time"

	"bereik/queries"
)

// TopTwinkel is one of the most visited Twinkels on the campaign's magazine.
type TopTwinkel struct {
	Rank      int64
	Path      string
	PageTitle string
	Visits    int64
	Visitors  int64
}

// Forecast is a forecast, not a measurement: the campaign's total impressions at its end
// if it keeps delivering what it delivered per flight day so far.
type Forecast struct {
	Campaign                   string
	CampaignStart, CampaignEnd time.Time
	AsOf                       time.Time // the last day the ad data so far report on
	ImpressionsSoFar           int64
	FlightDaysSoFar            int64
	FlightDaysRemaining        int64
	ImpressionsPerFlightDay    *float64
	ForecastImpressions        int64
}

func (r *Report) readTopTwinkels(res *queries.Result) error {
	return eachRow(queryTopTwinkels, res, twinkelColumns, func(c *cells) {
		r.TopTwinkels = append(r.TopTwinkels, TopTwinkel{
			Rank:      c.count("rank"),
			Path:      c.text("path"),
			PageTitle: c.optText("page_title"),
			Visits:    c.count("visits"),
			Visitors:  c.count("visitors"),
		})
	})
}

func (r *Report) readForecast(res *queries.Result) error {
	return eachRow(queryForecast, res, forecastColumns, func(c *cells) {
		f := Forecast{
			Campaign:                c.text("campaign"),
			CampaignStart:           c.date("campaign_start"),
			CampaignEnd:             c.date("campaign_end"),
			AsOf:                    c.date("as_of"),
			ImpressionsSoFar:        c.count("impressions_so_far"),
			FlightDaysSoFar:         c.count("flight_days_so_far"),
			FlightDaysRemaining:     c.count("flight_days_remaining"),
			ImpressionsPerFlightDay: c.optRatio("impressions_per_flight_day"),
			ForecastImpressions:     c.count("forecast_impressions"),
		}
		r.Forecast = &f
	})
}

func (t TopTwinkel) values() []any {
	return []any{t.Rank, t.Path, t.PageTitle, t.Visits, t.Visitors}
}

func (f Forecast) values() []any {
	return []any{f.Campaign, f.CampaignStart, f.CampaignEnd, f.AsOf, f.ImpressionsSoFar, f.FlightDaysSoFar,
		f.FlightDaysRemaining, f.ImpressionsPerFlightDay, f.ForecastImpressions}
}

// forecastBlock shows the impressions so far and the forecast at the campaign's end,
// labelled as a forecast, with its method.
func (r *Report) forecastBlock(l locale) (block, error) {
	b := block{Heading: l.say(phForecastHeading), Source: r.source(l, queryForecast)}
	f := r.Forecast
	if f == nil {
		b.Empty = l.say(phNoData)
		return b, nil
	}
	ended := f.FlightDaysRemaining == 0
	b.Text = []string{l.say(phForecastMethod)}
	if ended {
		b.Text = append(b.Text, l.say(phForecastEnded, l.date(f.CampaignEnd)))
	} else {
		b.Text = append(b.Text, l.say(phForecastSentence, l.date(f.CampaignEnd), l.count(f.ForecastImpressions),
			l.count(f.ImpressionsSoFar), l.date(f.AsOf), l.count(f.FlightDaysSoFar),
			l.ratio0(f.ImpressionsPerFlightDay), l.count(f.FlightDaysRemaining)))
	}
	chart, err := forecastChart(l, *f)
	if err != nil {
		return b, err
	}
	b.Chart = chart
	t := &tableView{
		ID:      "table-forecast",
		Caption: l.say(phForecastCaption, f.Campaign),
		Head:    []cellView{{Text: l.say(phForecastItem)}, num(l.say(phValue))},
		Rows: []rowView{
			{Cells: []cellView{{Text: l.say(phImpressionsSoFar, l.date(f.AsOf))}, num(l.count(f.ImpressionsSoFar))}},
			{Cells: []cellView{{Text: l.say(phFlightDaysSoFar)}, num(l.count(f.FlightDaysSoFar))}},
			{Cells: []cellView{{Text: l.say(phPerFlightDay)}, num(l.ratio0(f.ImpressionsPerFlightDay))}},
			{Cells: []cellView{{Text: l.say(phFlightDaysRemaining, l.date(f.CampaignEnd))}, num(l.count(f.FlightDaysRemaining))}},
		},
		Foot: []rowView{{Total: true, Cells: []cellView{
			{Text: l.say(phForecastTotal, l.date(f.CampaignEnd))}, num(l.count(f.ForecastImpressions)),
		}}},
	}
	if err := t.downloadable(l, "prognose.csv", forecastColumns, [][]any{f.values()}); err != nil {
		return b, err
	}
	b.Table = t
	return b, nil
}

// topTwinkelsSection is the most visited Twinkels on the campaign's magazine.
func (r *Report) topTwinkelsSection(l locale) (section, error) {
	s := section{ID: "top-twinkels", Heading: l.say(phTopTwinkelsHeading), Intro: l.say(phTopTwinkelsIntro, topListLimit)}
	b := block{Source: r.source(l, queryTopTwinkels)}
	if len(r.TopTwinkels) == 0 {
		b.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, b)
		return s, nil
	}
	names := make([]string, len(r.TopTwinkels))
	values := make([]int64, len(r.TopTwinkels))
	for i, t := range r.TopTwinkels {
		names[i], values[i] = twinkelName(t), t.Visits
	}
	chart, err := rankedBars(l, "chart-top-twinkels", names, values, l.say(phVisits), l.say(phTopTwinkelsChart))
	if err != nil {
		return s, err
	}
	b.Chart = chart
	t := &tableView{
		ID:      "table-top-twinkels",
		Caption: l.say(phTopTwinkelsCaption, l.period(r.Options.From, r.Options.To)),
		Head:    []cellView{num(l.say(phRank)), {Text: l.say(phPage)}, num(l.say(phVisits)), num(l.say(phVisitors))},
	}
	for _, tw := range r.TopTwinkels {
		page := cellView{Text: twinkelName(tw)}
		if tw.PageTitle != "" {
			page.Lines = []string{tw.Path}
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			num(l.count(tw.Rank)), page, num(l.count(tw.Visits)), num(l.count(tw.Visitors)),
		}})
	}
	if err := t.downloadable(l, "top-twinkels.csv", twinkelColumns, valuesOf(r.TopTwinkels)); err != nil {
		return s, err
	}
	b.Table = t
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

func twinkelName(t TopTwinkel) string {
	if t.PageTitle != "" {
		return t.PageTitle
	}
	return t.Path
}
