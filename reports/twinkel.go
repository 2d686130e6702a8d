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
	Clicks          *int64    `col:"clicks"`            // link clicks; nil where the exports have none
	// ClickedImpressions are the impressions of the rows with link clicks: the CTR's
	// denominator.
	ClickedImpressions *int64   `col:"clicked_impressions"`
	CTR                *float64 `col:"ctr"`       // clicks / clicked impressions, a fraction
	Frequency          *float64 `col:"frequency"` // impressions / unique reach
}

// FormatTotal is a campaign's totals over its flights for one ad format, or for all
// formats together when Format is "total".
type FormatTotal struct {
	Format      string `col:"format"`
	Flights     int64  `col:"flights"`
	Impressions int64  `col:"impressions"`
	ReachSum    int64  `col:"reach_sum"` // sum of per-flight reach: an upper bound, never the campaign's reach
	Views       *int64 `col:"views"`
	Clicks      *int64 `col:"clicks"` // link clicks; nil where the exports have none
	// ClickedImpressions are the impressions of the rows with link clicks.
	ClickedImpressions *int64   `col:"clicked_impressions"`
	CTR                *float64 `col:"ctr"` // sum of clicks / sum of clicked impressions
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
// format with CTRs as ratios of sums, and the forecast of its impressions; once the
// campaign has ended, its last forecast against the actual total.
var twinkelSection = reportSection{
	campaign: true,
	queries: []sectionQuery{
		{name: queryTwinkelFlights, args: campaignArgs, read: (*Report).readFlights},
		{name: queryTwinkelTotals, args: campaignArgs, read: func(r *Report, res *queries.Result) error {
			if err := rowsInto(func(r *Report) *[]FormatTotal { return &r.FormatTotals })(r, res); err != nil {
				return err
			}
			return checkRows(queryTwinkelTotals, r.FormatTotals, func(t FormatTotal) error {
				return ratioOfSums("ctr", t.CTR, t.Clicks, t.ClickedImpressions)
			})
		}},
		{name: queryForecast, args: func(r *Report) queries.Args {
			return queries.Args{"campaign": r.Options.Campaign, "to": r.Options.To}
		}, read: func(r *Report, res *queries.Result) error {
			rows, err := queries.Scan[Forecast](res)
			if len(rows) > 0 {
				r.Forecast = &rows[len(rows)-1]
			}
			return err
		}},
		// After the campaign: the forecast as it stood with the data before its last day.
		{name: queryForecast, as: queryForecast + lastRun, after: true, args: func(r *Report) queries.Args {
			if r.Forecast == nil || r.Forecast.FlightDaysRemaining > 0 {
				return nil
			}
			return queries.Args{"campaign": r.Options.Campaign, "to": r.Forecast.CampaignEnd.AddDate(0, 0, -1)}
		}, read: func(r *Report, res *queries.Result) error {
			rows, err := queries.Scan[Forecast](res)
			if len(rows) > 0 && rows[len(rows)-1].FlightDaysRemaining > 0 {
				r.LastForecast = &rows[len(rows)-1]
			}
			return err
		}},
	},
	shown:  func(r *Report) bool { return len(r.Flights) > 0 || r.Forecast != nil },
	render: (*Report).twinkelSection,
}

// lastRun names the run of the forecast with the data before the campaign's last day.
const lastRun = "#last"

// measuredColour and forecastColour tell a measurement and a forecast apart, in every
// report.
const measuredColour, forecastColour = "#0072B2", "#E69F00"

func (r *Report) readFlights(res *queries.Result) error {
	flights, err := queries.Scan[Flight](res)
	if err != nil {
		return err
	}
	if err := checkRows(queryTwinkelFlights, flights, func(f Flight) error {
		return ratioOfSums("ctr", f.CTR, f.Clicks, f.ClickedImpressions)
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
	chart, err := twinkelChart(l, r.Flights, r.Options.To)
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
		Caption: l.say(phFlightsCaption, r.Options.Campaign),
		Head: []cellView{{Text: l.say(phFlight)}, {Text: l.say(phFormat)}, num(l.say(phImpressions)),
			num(l.say(phUniqueReach)), views, num(l.say(phClicks)), ctr, frequency},
	}
	manyCampaigns := distinctCampaigns(r.Flights) > 1
	for _, f := range r.Flights {
		name := flightKey{f.Campaign, f.Number}.label(l, manyCampaigns)
		reach := num(l.optCount(f.UniqueReach))
		if f.UniqueReach == nil {
			reach = num(l.say(phUnknown))
			reach.Note = n.add(l.say(phReachMissing, name, l.format(f.Format), l.count(f.ReachUpperBound)))
		}
		clicks, rate := r.clickCells(l, &n, f.Clicks, f.ClickedImpressions, f.Impressions, f.CTR)
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: name, Lines: flightLines(l, f, r.Options.To)},
			{Text: l.format(f.Format)},
			num(l.count(f.Impressions)), reach, num(l.optCount(f.Views)), clicks, rate, num(l.ratio(f.Frequency)),
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileFlights), queryTwinkelFlights, r.Flights); err != nil {
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

// clickCells are the link clicks and the CTR of a flight or a total: where the exports
// had no link clicks, they say so rather than show 0 or 0%; where only some rows had
// them, the CTR says over which impressions it is counted.
func (r *Report) clickCells(l locale, n *notes, clicks, clicked *int64, impressions int64, ctr *float64) (cellView, cellView) {
	if clicks == nil {
		none := n.add(l.say(phNoLinkClicksNote))
		c, rate := num(l.say(phNoLinkClicks)), num(l.say(phUnknown))
		c.Note, rate.Note = none, none
		return c, rate
	}
	rate := num(l.percent(ctr))
	if clicked != nil && *clicked < impressions {
		rate.Note = n.add(l.say(phPartlyClickedNote, l.count(*clicked), l.count(impressions)))
	}
	return num(l.count(*clicks)), rate
}

func (r *Report) formatTotalsBlock(l locale) (block, error) {
	n := notes{prefix: "totals"}
	reach := cellView{Text: l.say(phReachSum), Class: "bound"}
	reach.Note = n.add(l.say(phReachSumNote))
	ctr := num(l.say(phCTR))
	ctr.Note = n.add(l.say(phCTRNote))
	t := &tableView{
		ID:      "table-twinkel-totals",
		Caption: l.say(phTotalsCaption, r.Options.Campaign),
		Head: []cellView{{Text: l.say(phFormat)}, num(l.say(phFlights)), num(l.say(phImpressions)),
			reach, num(l.say(phViews)), num(l.say(phClicks)), ctr},
	}
	for _, ft := range r.FormatTotals {
		clicks, rate := r.clickCells(l, &n, ft.Clicks, ft.ClickedImpressions, ft.Impressions, ft.CTR)
		row := rowView{Total: ft.Format == "total", Cells: []cellView{
			{Text: l.format(ft.Format)},
			num(l.count(ft.Flights)), num(l.count(ft.Impressions)),
			{Text: l.say(phUpperBound, l.count(ft.ReachSum)), Class: "bound"},
			num(l.optCount(ft.Views)), clicks, rate,
		}}
		if row.Total {
			t.Foot = append(t.Foot, row)
		} else {
			t.Rows = append(t.Rows, row)
		}
	}
	if err := downloadable(t, l, r, l.say(phFileTotals), queryTwinkelTotals, r.FormatTotals); err != nil {
		return block{}, err
	}
	return block{Table: t, Notes: n.list, Source: r.source(l, queryTwinkelTotals)}, nil
}

// forecastBlock shows the impressions so far and the forecast at the campaign's end,
// labelled as a forecast, with its method; once the campaign has ended, the last forecast
// beside the actual total.
func (r *Report) forecastBlock(l locale) (block, error) {
	b := block{Heading: l.say(phForecastHeading), Source: r.source(l, queryForecast, queryForecast+lastRun)}
	f := r.Forecast
	if f == nil {
		b.Empty = l.say(phNoData)
		return b, nil
	}
	if f.FlightDaysRemaining == 0 {
		return r.forecastAfterBlock(l, b)
	}
	b.Text = []string{l.say(phForecastMethod), l.say(phForecastSentence, l.date(f.CampaignEnd), l.count(f.ForecastImpressions),
		l.count(f.ImpressionsSoFar), l.date(f.AsOf), l.count(f.FlightDaysSoFar),
		l.ratio0(f.ImpressionsPerFlightDay), l.count(f.FlightDaysRemaining))}
	chart, err := forecastChart(l, []forecastBar{
		{l.say(phBarSoFar, l.shortDate(f.AsOf)), f.ImpressionsSoFar, false},
		{l.say(phBarForecast, l.shortDate(f.CampaignEnd)), f.ForecastImpressions, true},
	}, l.say(phForecastChart, l.count(f.ImpressionsSoFar), l.count(f.ForecastImpressions), l.date(f.CampaignEnd)))
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
	if err := downloadable(t, l, r, l.say(phFileForecast), queryForecast, []Forecast{*f}); err != nil {
		return b, err
	}
	b.Table = t
	return b, nil
}

// forecastAfterBlock is the forecast once the campaign has ended: the actual total, and
// the last forecast made before its last day beside it, so that a reader sees how far
// the forecast was off.
func (r *Report) forecastAfterBlock(l locale, b block) (block, error) {
	f := r.Forecast
	b.Heading = l.say(phForecastAfterHeading)
	b.Text = []string{l.say(phForecastEnded, l.date(f.CampaignEnd), l.count(f.ImpressionsSoFar))}
	rows := []Forecast{*f}
	bars := []forecastBar{{l.say(phBarActual, l.shortDate(f.CampaignEnd)), f.ImpressionsSoFar, false}}
	t := &tableView{
		ID:      "table-forecast",
		Caption: l.say(phForecastAfterCaption, f.Campaign),
		Head:    []cellView{{Text: l.say(phForecastItem)}, num(l.say(phImpressions)), {Text: l.say(phDataUpTo)}},
		Rows:    []rowView{{Cells: []cellView{{Text: l.say(phActualTotal)}, num(l.count(f.ImpressionsSoFar)), {Text: l.date(f.AsOf)}}}},
	}
	if last := r.LastForecast; last != nil {
		b.Text = append(b.Text, l.say(phLastForecastSentence, l.count(last.ForecastImpressions), l.date(last.AsOf),
			l.count(last.ImpressionsSoFar), l.count(last.FlightDaysSoFar), l.count(last.FlightDaysRemaining)), l.say(phForecastMethod))
		rows = append([]Forecast{*last}, rows...)
		bars = append([]forecastBar{{l.say(phBarLastForecast, l.shortDate(last.AsOf)), last.ForecastImpressions, true}}, bars...)
		t.Rows = append([]rowView{{Cells: []cellView{{Text: l.say(phLastForecast)}, num(l.count(last.ForecastImpressions)), {Text: l.date(last.AsOf)}}}}, t.Rows...)
	}
	var names []string
	for _, b := range bars {
		names = append(names, b.name)
	}
	chart, err := forecastChart(l, bars, l.say(phForecastAfterChart, joinList(l, names)))
	if err != nil {
		return b, err
	}
	b.Chart = chart
	if err := downloadable(t, l, r, l.say(phFileForecast), queryForecast, rows); err != nil {
		return b, err
	}
	b.Table = t
	return b, nil
}

// flightLines names a flight's dates, the period its numbers cover where that differs,
// and that the flight is partial where the report's period ends inside it.
func flightLines(l locale, f Flight, to time.Time) []string {
	lines := []string{l.shortPeriod(f.Start, f.End)}
	switch {
	case partial(f, to) && f.DataStart.Equal(f.Start):
		lines = append(lines, l.say(phPartialFlight, l.shortDate(f.DataEnd)))
	case partial(f, to):
		lines = append(lines, l.say(phPartialFlight, l.shortPeriod(f.DataStart, f.DataEnd)))
	case !f.DataStart.Equal(f.Start) || !f.DataEnd.Equal(f.End):
		lines = append(lines, l.say(phDataPeriod, l.shortPeriod(f.DataStart, f.DataEnd)))
	}
	return lines
}

// partial reports whether a flight was still running when the report's period or its
// data ended.
func partial(f Flight, to time.Time) bool {
	return f.End.After(to) || f.DataEnd.Before(f.End)
}

// twinkelChart is Fig. 14: impressions per flight, one bar per format in its fixed
// colour; a flight still running when the period or its data end is named partial.
func twinkelChart(l locale, flights []Flight, to time.Time) (*chartView, error) {
	var keys []flightKey
	var formats []string
	impressions := map[flightKey]map[string]int64{}
	partly := map[flightKey]bool{}
	for _, f := range flights {
		k := flightKey{f.Campaign, f.Number}
		partly[k] = partly[k] || partial(f, to)
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
		if partly[k] {
			labels[i] = l.say(phPartialLabel, labels[i])
		}
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
		bar.AddSeries(l.format(format), data, charts.WithItemStyleOpts(opts.ItemStyle{Color: colourOf(formatColours, format)}))
	}
	label := l.say(phTwinkelChart, joinList(l, names)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart", bar)
}

// forecastBar is one bar of the forecast's chart: its name says what it is.
type forecastBar struct {
	name     string
	value    int64
	forecast bool // a forecast, not a measurement: drawn in another colour
}

// forecastChart shows a forecast beside what was measured, as bars each named in words:
// a forecast's bar says it is one, and is drawn in another colour.
func forecastChart(l locale, bars []forecastBar, label string) (*chartView, error) {
	names := make([]string, len(bars))
	data := make([]opts.BarData, len(bars))
	for i, b := range bars {
		names[i], data[i] = b.name, opts.BarData{Value: b.value}
		if b.forecast {
			data[i].ItemStyle = &opts.ItemStyle{Color: forecastColour}
		}
	}
	const id = "chart-forecast"
	bar := horizontalBars(id, names, data, l.say(phImpressions), l.say(phImpressions), 170, "80")
	bar.SetSeriesOptions(charts.WithItemStyleOpts(opts.ItemStyle{Color: measuredColour}))
	return newChartView(id, label+" "+l.say(phFigure), "chart chart-funnel", bar)
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
