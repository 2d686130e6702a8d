package reports

import (
	"cmp"
	"slices"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"bereik/queries"
)

// Flight is one flight of a paid campaign in one ad format.
type Flight struct {
	Campaign        string    `col:"campaign"`
	Number          int64     `col:"flight"`
	Start           time.Time `col:"flight_start"` // the flight's dates, inclusive
	End             time.Time `col:"flight_end"`
	Format          string    `col:"format"`     // a configured format, or "unknown"
	DataStart       time.Time `col:"data_start"` // the reporting period the numbers cover
	DataEnd         time.Time `col:"data_end"`
	Impressions     int64     `col:"impressions"`
	UniqueReach     *int64    `col:"unique_reach"`      // nil when the export's grain gives no unique reach
	ReachUpperBound int64     `col:"reach_upper_bound"` // the rows' reach summed: an upper bound of unique reach
	Views           *int64    `col:"views"`             // 3-second video plays; nil for formats without video
	Clicks          int64     `col:"clicks"`
	CTR             *float64  `col:"ctr"`       // clicks / impressions, a fraction
	Frequency       *float64  `col:"frequency"` // impressions / unique reach
}

// FormatTotal is a campaign's totals over its flights for one ad format, or for all
// formats together when Format is "total".
type FormatTotal struct {
	Format      string   `col:"format"`
	Flights     int64    `col:"flights"`
	Impressions int64    `col:"impressions"`
	ReachSum    int64    `col:"reach_sum"` // sum of per-flight reach: an upper bound, never the campaign's reach
	Views       *int64   `col:"views"`
	Clicks      int64    `col:"clicks"`
	CTR         *float64 `col:"ctr"` // sum of clicks / sum of impressions
}

// Forecast is a forecast, not a measurement: the campaign's total impressions at its end
// if it keeps delivering what it delivered per flight day so far.
type Forecast struct {
	Campaign                string    `col:"campaign"`
	CampaignStart           time.Time `col:"campaign_start"`
	CampaignEnd             time.Time `col:"campaign_end"`
	AsOf                    time.Time `col:"as_of"` // the last day the ad data so far report on
	ImpressionsSoFar        int64     `col:"impressions_so_far"`
	FlightDaysSoFar         int64     `col:"flight_days_so_far"`
	FlightDaysRemaining     int64     `col:"flight_days_remaining"`
	ImpressionsPerFlightDay *float64  `col:"impressions_per_flight_day"`
	ForecastImpressions     int64     `col:"forecast_impressions"`
}

const (
	queryTwinkelFlights = "twinkel_flights"
	queryTwinkelTotals  = "twinkel_totals"
	queryForecast       = "forecast"
)

// twinkelSection is Fig. 14: the paid campaign per flight and format, its totals per
// format with CTRs as ratios of sums, and the forecast of its impressions.
var twinkelSection = reportSection{
	campaign: true,
	queries: []sectionQuery{
		{queryTwinkelFlights, campaignArgs, (*Report).readFlights},
		{queryTwinkelTotals, campaignArgs, func(r *Report, res *queries.Result) error {
			if err := rowsInto(func(r *Report) *[]FormatTotal { return &r.FormatTotals })(r, res); err != nil {
				return err
			}
			return checkRows(queryTwinkelTotals, r.FormatTotals, func(t FormatTotal) error {
				return ratioOfSums("ctr", t.CTR, t.Clicks, t.Impressions)
			})
		}},
		{queryForecast, func(r *Report) queries.Args {
			return queries.Args{"campaign": r.Options.Campaign, "to": r.Options.To}
		}, func(r *Report, res *queries.Result) error {
			rows, err := queries.Scan[Forecast](res)
			if len(rows) > 0 {
				r.Forecast = &rows[len(rows)-1]
			}
			return err
		}},
	},
	render: (*Report).twinkelSection,
}

func (r *Report) readFlights(res *queries.Result) error {
	flights, err := queries.Scan[Flight](res)
	if err != nil {
		return err
	}
	if err := checkRows(queryTwinkelFlights, flights, func(f Flight) error {
		return ratioOfSums("ctr", f.CTR, f.Clicks, f.Impressions)
	}); err != nil {
		return err
	}
	for _, f := range flights {
		// The caller restricts the period to the flight's dates; the flight's number
		// decides, in case another flight's reporting rows fall inside them.
		if r.Options.Flight == 0 || f.Number == r.Options.Flight {
			r.Flights = append(r.Flights, f)
		}
	}
	// The query orders formats as bereik.toml lists them; the flights are kept together.
	slices.SortStableFunc(r.Flights, func(a, b Flight) int {
		return cmp.Or(cmp.Compare(a.Campaign, b.Campaign), cmp.Compare(a.Number, b.Number))
	})
	return nil
}

func (r *Report) twinkelSection(l locale) (section, error) {
	s := section{ID: "twinkel", Heading: l.say(phTwinkelHeading), Intro: l.say(phTwinkelIntro)}
	switch {
	case r.Options.CampaignOnly: // the page's title names the campaign
		s.Heading = l.say(phTwinkelFlightsHeading)
	case r.Options.Campaign != "":
		s.Heading = l.say(phTwinkelHeadingFor, r.Options.Campaign)
	}
	flights := block{Source: r.source(l, queryTwinkelFlights)}
	forecast, err := r.forecastBlock(l)
	if err != nil {
		return s, err
	}
	if len(r.Flights) == 0 {
		flights.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, flights)
		if r.Forecast != nil {
			s.Blocks = append(s.Blocks, forecast)
		}
		return s, nil
	}
	chart, err := twinkelChart(l, r.Flights)
	if err != nil {
		return s, err
	}
	flights.Chart = chart
	n := notes{prefix: "flights"}
	views := num(l.say(phViews))
	views.Note = n.add(l.say(phViewsNote))
	ctr := num(l.say(phCTR))
	ctr.Note = n.add(l.say(phCTRNote))
	frequency := num(l.say(phFrequency))
	frequency.Note = n.add(l.say(phFrequencyNote))
	t := &tableView{
		ID:      "table-twinkel-flights",
		Caption: l.say(phFlightsCaption),
		Head: []cellView{{Text: l.say(phFlight)}, {Text: l.say(phFormat)}, num(l.say(phImpressions)),
			num(l.say(phUniqueReach)), views, num(l.say(phClicks)), ctr, frequency},
	}
	manyCampaigns := distinctCampaigns(r.Flights) > 1
	for _, f := range r.Flights {
		name := flightKey{f.Campaign, f.Number}.label(l, manyCampaigns)
		reach := num(l.optCount(f.UniqueReach))
		if f.UniqueReach == nil {
			reach.Note = n.add(l.say(phReachMissing, name, l.format(f.Format), l.count(f.ReachUpperBound)))
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: name, Lines: flightLines(l, f)},
			{Text: l.format(f.Format)},
			num(l.count(f.Impressions)), reach, num(l.optCount(f.Views)), num(l.count(f.Clicks)),
			num(l.percent(f.CTR)), num(l.ratio(f.Frequency)),
		}})
	}
	if err := downloadable(t, l, "twinkel-vluchten.csv", queryTwinkelFlights, r.Flights); err != nil {
		return s, err
	}
	flights.Table, flights.Notes = t, n.list
	s.Blocks = append(s.Blocks, flights)

	if len(r.FormatTotals) > 0 {
		totals, err := r.formatTotalsBlock(l)
		if err != nil {
			return s, err
		}
		s.Blocks = append(s.Blocks, totals)
	}
	s.Blocks = append(s.Blocks, forecast)
	return s, nil
}

func (r *Report) formatTotalsBlock(l locale) (block, error) {
	n := notes{prefix: "totals"}
	reach := cellView{Text: l.say(phReachSum), Class: "bound"}
	reach.Note = n.add(l.say(phReachSumNote))
	ctr := num(l.say(phCTR))
	ctr.Note = n.add(l.say(phCTRNote))
	t := &tableView{
		ID:      "table-twinkel-totals",
		Caption: l.say(phTotalsCaption),
		Head: []cellView{{Text: l.say(phFormat)}, num(l.say(phFlights)), num(l.say(phImpressions)),
			reach, num(l.say(phViews)), num(l.say(phClicks)), ctr},
	}
	for _, ft := range r.FormatTotals {
		row := rowView{Total: ft.Format == "total", Cells: []cellView{
			{Text: l.format(ft.Format)},
			num(l.count(ft.Flights)), num(l.count(ft.Impressions)),
			{Text: l.say(phUpperBound, l.count(ft.ReachSum)), Class: "bound"},
			num(l.optCount(ft.Views)), num(l.count(ft.Clicks)), num(l.percent(ft.CTR)),
		}}
		if row.Total {
			t.Foot = append(t.Foot, row)
		} else {
			t.Rows = append(t.Rows, row)
		}
	}
	if err := downloadable(t, l, "twinkel-totalen.csv", queryTwinkelTotals, r.FormatTotals); err != nil {
		return block{}, err
	}
	return block{Table: t, Notes: n.list, Source: r.source(l, queryTwinkelTotals)}, nil
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
	if err := downloadable(t, l, "prognose.csv", queryForecast, []Forecast{*f}); err != nil {
		return b, err
	}
	b.Table = t
	return b, nil
}

// flightLines names a flight's dates, and the period its numbers cover where that differs.
func flightLines(l locale, f Flight) []string {
	lines := []string{l.shortPeriod(f.Start, f.End)}
	if !f.DataStart.Equal(f.Start) || !f.DataEnd.Equal(f.End) {
		lines = append(lines, l.say(phDataPeriod, l.shortPeriod(f.DataStart, f.DataEnd)))
	}
	return lines
}

// twinkelChart is Fig. 14: impressions per flight, one bar per format.
func twinkelChart(l locale, flights []Flight) (*chartView, error) {
	if len(flights) == 0 {
		return nil, nil
	}
	var keys []flightKey
	var formats []string
	impressions := map[flightKey]map[string]int64{}
	for _, f := range flights {
		k := flightKey{f.Campaign, f.Number}
		if impressions[k] == nil {
			keys = append(keys, k)
			impressions[k] = map[string]int64{}
		}
		if !slices.Contains(formats, f.Format) {
			formats = append(formats, f.Format)
		}
		impressions[k][f.Format] += f.Impressions
	}
	manyCampaigns := distinctCampaigns(flights) > 1
	labels := make([]string, len(keys))
	for i, k := range keys {
		labels[i] = k.label(l, manyCampaigns)
	}
	const id = "chart-twinkel"
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(baseOptions(id),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "55", Bottom: "2%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: l.say(phImpressions)}),
	)...)
	bar.SetXAxis(labels)
	var names []string
	for _, format := range formats {
		data := make([]opts.BarData, len(keys))
		for i, k := range keys {
			if n, ok := impressions[k][format]; ok {
				data[i] = opts.BarData{Value: n}
			} else {
				data[i] = opts.BarData{Value: "-"} // ECharts' mark for a missing value
			}
		}
		names = append(names, l.format(format))
		bar.AddSeries(l.format(format), data)
	}
	label := l.say(phTwinkelChart, joinList(l, names)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart", bar)
}

// forecastChart shows the impressions so far and the forecast at the campaign's end as
// two bars, each named in words: the forecast bar says it is a forecast.
func forecastChart(l locale, f Forecast) (*chartView, error) {
	names := []string{l.say(phBarSoFar, l.shortDate(f.AsOf)), l.say(phBarForecast, l.shortDate(f.CampaignEnd))}
	data := []opts.BarData{
		{Value: f.ImpressionsSoFar},
		{Value: f.ForecastImpressions, ItemStyle: &opts.ItemStyle{Color: "#E69F00"}},
	}
	const id = "chart-forecast"
	bar := horizontalBars(id, names, data, l.say(phImpressions), l.say(phImpressions), 170, "80")
	label := l.say(phForecastChart, l.count(f.ImpressionsSoFar), l.count(f.ForecastImpressions), l.date(f.CampaignEnd)) +
		" " + l.say(phFigure)
	return newChartView(id, label, "chart chart-funnel", bar)
}

// flightKey is one flight of one campaign.
type flightKey struct {
	campaign string
	number   int64
}

func (k flightKey) label(l locale, withCampaign bool) string {
	if withCampaign {
		return l.say(phCampaignFlight, k.campaign, k.number)
	}
	return l.say(phFlightN, k.number)
}

func distinctCampaigns(flights []Flight) int {
	var seen []string
	for _, f := range flights {
		if !slices.Contains(seen, f.Campaign) {
			seen = append(seen, f.Campaign)
		}
	}
	return len(seen)
}
