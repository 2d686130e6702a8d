package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// chartView is one chart on the page: a container with a fixed id and the ECharts
// options that fill it, as JSON.
type chartView struct {
	ID    string // the container's id; its options are in the element ID + "-data"
	Label string // the container's aria-label
	Class string // the container's size class
	// Options is JSON produced by encoding/json with HTML escaping on, so it cannot end
	// its <script> element; strings in it are data, never code.
	Options template.JS
}

// okabeIto is the Okabe-Ito palette, ordered so that the first colours also differ in
// lightness when printed in grey.
func okabeIto() opts.Colors {
	return opts.Colors{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"}
}

// baseOptions are the options every chart of the report shares.
func baseOptions(id string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithColorsOpts(okabeIto()),
		charts.WithAnimation(false), // a printed page shows the chart, not its first frame
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
	}
}

// visitsChart is Fig. 11: new and returning visits per quarter, stacked. Each quarter
// that holds annotations is marked by a vertical line labelled with their texts.
func visitsChart(l locale, quarters []ProgrammeQuarter, annotations []Annotation) (*chartView, error) {
	if len(quarters) == 0 {
		return nil, nil
	}
	labels := make([]string, len(quarters))
	newVisits := make([]opts.BarData, len(quarters))
	returning := make([]opts.BarData, len(quarters))
	for i, q := range quarters {
		labels[i] = l.monthSpan(q.Start, q.End)
		newVisits[i] = opts.BarData{Value: q.NewVisits}
		returning[i] = opts.BarData{Value: q.ReturningVisits}
	}
	const id = "chart-visits"
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(baseOptions(id),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		// Room for the legend and, below it, the value axis's name, which a phone's
		// full-width legend would otherwise overlap.
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "55", Bottom: "2%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: quarterLabels()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: l.say(phVisits)}),
	)...)
	newOpts := []charts.SeriesOpts{charts.WithBarChartOpts(opts.BarChart{Stack: "visits"})}
	marks := annotationMarks(quarters, labels, annotations)
	if len(marks) > 0 {
		newOpts = append(newOpts,
			charts.WithMarkLineNameXAxisItemOpts(marks...),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
				Symbol: []string{"none", "none"},
				Label: &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop", Color: "#1a1a1a",
					BackgroundColor: "rgba(255,255,255,0.85)"},
				LineStyle: &opts.LineStyle{Color: "#1a1a1a", Type: "dashed", Width: 1},
			}))
	}
	bar.SetXAxis(labels).
		AddSeries(l.say(phSeriesNew), newVisits, newOpts...).
		AddSeries(l.say(phSeriesReturned), returning, charts.WithBarChartOpts(opts.BarChart{Stack: "visits"}))
	label := l.say(phVisitsChart, labels[0], labels[len(labels)-1]) + " " + l.say(phFigure)
	if len(marks) > 0 {
		label += " " + l.say(phVisitsChartNotes)
	}
	return newChartView(id, label, "chart", bar)
}

// annotationMarks are the vertical lines that mark annotations on the quarters' chart:
// one per quarter that holds any, on its category label, named by its annotations' texts
// joined with " · ". An annotation outside every quarter marks nothing.
func annotationMarks(quarters []ProgrammeQuarter, labels []string, annotations []Annotation) []opts.MarkLineNameXAxisItem {
	texts := make([][]string, len(quarters))
	for _, a := range annotations {
		if i := quarterOf(quarters, a.Day); i >= 0 {
			texts[i] = append(texts[i], a.Text)
		}
	}
	var marks []opts.MarkLineNameXAxisItem
	for i, t := range texts {
		if len(t) > 0 {
			marks = append(marks, opts.MarkLineNameXAxisItem{Name: strings.Join(t, " · "), XAxis: labels[i]})
		}
	}
	return marks
}

// quarterOf is the index of the quarter whose days hold day, or -1.
func quarterOf(quarters []ProgrammeQuarter, day time.Time) int {
	d := isoDay(day)
	for i, q := range quarters {
		if isoDay(q.Start) <= d && d <= isoDay(q.End) {
			return i
		}
	}
	return -1
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

// funnelChart is Fig. 15: the campaign's funnel, one bar per step, the first on top, each
// labelled with the number it is known by (the ads' impressions, the sites' visits).
func funnelChart(l locale, steps []FunnelStep) (*chartView, error) {
	if len(steps) == 0 {
		return nil, nil
	}
	names := make([]string, len(steps))
	data := make([]opts.BarData, len(steps))
	for i, s := range steps {
		names[i] = l.stageBar(s.Stage)
		if n := s.headline(); n != nil {
			data[i] = opts.BarData{Value: *n}
		} else {
			data[i] = opts.BarData{Value: "-"} // ECharts' mark for a missing value
		}
	}
	const id = "chart-funnel"
	bar := horizontalBars(id, names, data, l.say(phFunnelSeries), "", 190, "80")
	label := l.say(phFunnelChart, joinList(l, names)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart chart-funnel", bar)
}

// topArticlesChart shows the visits to a site's most visited pages, the first on top.
func topArticlesChart(l locale, site string, articles []TopArticle) (*chartView, error) {
	if len(articles) == 0 {
		return nil, nil
	}
	titles := make([]string, len(articles))
	visits := make([]opts.BarData, len(articles))
	for i, a := range articles {
		titles[i] = pageName(a)
		visits[i] = opts.BarData{Value: a.Visits}
	}
	id := "chart-top-" + slug(site)
	bar := horizontalBars(id, titles, visits, l.say(phVisits), l.say(phVisits), 150, "60")
	label := l.say(phTopChart, l.siteHost(site)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart chart-top", bar)
}

// horizontalBars is a one-series bar chart with its categories down the side, the first
// on top, each bar labelled with its value. labelWidth (px) truncates long category names;
// right leaves room for the value labels.
func horizontalBars(id string, names []string, data []opts.BarData, series, axisName string, labelWidth int, right string) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(baseOptions(id),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: right, Top: "10", Bottom: bottomAxisRoom(axisName), ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(bottomValueAxis(axisName)),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Interval: "0", Width: labelWidth, Overflow: "truncate"}}),
	)...)
	bar.SetXAxis(names).
		AddSeries(series, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"})).
		XYReversal()
	return bar
}

// bottomValueAxis is the value axis of horizontal bars, its name centred under its
// labels: at the axis's end the name ran past the chart's right edge and was cut off.
func bottomValueAxis(name string) opts.XAxis {
	return opts.XAxis{Type: "value", Name: name, NameLocation: "middle", NameGap: 28}
}

// bottomAxisRoom is the grid's bottom margin under horizontal bars: containLabel keeps
// the axis's labels in the grid, but not its name, which needs room of its own.
func bottomAxisRoom(name string) string {
	if name == "" {
		return "2%"
	}
	return "30"
}

// quarterLabels are the quarters' names along an axis: every one shown, at 45 degrees so
// that on a phone ten of them do not overlap.
func quarterLabels() *opts.AxisLabel {
	return &opts.AxisLabel{Interval: "0", Rotate: 45}
}

// echartsOptions is a go-echarts chart: its options as a map, after Validate.
type echartsOptions interface {
	Validate()
	JSON() map[string]any
}

// functionMarker is the marker go-echarts puts around a string to make its template emit
// it as live JavaScript.
const functionMarker = "__f__"

// newChartView turns a go-echarts chart into its options as JSON. It marshals the
// options itself, with encoding/json's HTML escaping on (no <, > or & can end the
// <script> element that holds them), and never uses go-echarts' templates or unescaped
// JSON. As a second guard, every "__f__" in the options' strings, where go-echarts would
// see a JavaScript function, is broken up by an invisible word joiner (U+2060): the text
// reads the same, and no renderer can take it for code.
func newChartView(id, label, class string, chart echartsOptions) (*chartView, error) {
	chart.Validate()
	data, err := json.Marshal(chart.JSON())
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", id, err)
	}
	data = bytes.ReplaceAll(data, []byte(functionMarker), []byte(`__f\u2060__`))
	return &chartView{ID: id, Label: label, Class: class, Options: template.JS(data)}, nil
}

// rankedBars is a top list as horizontal bars, the first on top, each labelled with its
// value; its label for screen readers names the chart, the first of the list and where
// the numbers are.
func rankedBars(l locale, id string, names []string, values []int64, series, label string) (*chartView, error) {
	if len(names) == 0 {
		return nil, nil
	}
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: v}
	}
	bar := horizontalBars(id, names, data, series, series, 170, "70")
	class := "chart chart-top"
	if len(names) > 6 {
		class = "chart chart-tall"
	}
	full := label + " " + l.say(phHighest, names[0], l.count(values[0])) + " " + l.say(phFigure)
	return newChartView(id, full, class, bar)
}

// seriesStyles are what tells the series of a line chart apart besides their colour: a
// symbol and a line type, so that no reader depends on colour alone.
var (
	seriesSymbols = []string{"circle", "rect", "triangle", "diamond", "roundRect", "pin", "arrow"}
	lineTypes     = []string{"solid", "dashed", "dotted"}
	// lineColours are the Okabe-Ito colours that contrast enough with white for a thin
	// line (its yellow does not).
	lineColours = opts.Colors{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"}
)

// referralChart is Fig. 12: the visitors per referral channel. One quarter gives a bar per
// channel; several give a line per channel over the quarters. Visitors of different
// channels are never stacked: they do not add up.
func referralChart(l locale, quarters []periodKey, days [][2]time.Time, channels []string,
	cell map[string]map[periodKey]ReferralQuarter) (*chartView, error) {
	const id = "chart-referrals"
	names := make([]string, len(channels))
	for i, ch := range channels {
		names[i] = l.channel(ch)
	}
	if len(quarters) == 1 {
		values := make([]int64, len(channels))
		for i, ch := range channels {
			values[i] = cell[ch][quarters[0]].Visitors
		}
		label := l.say(phReferralChartBars, l.monthSpan(days[0][0], days[0][1]))
		return rankedBars(l, id, names, values, l.say(phVisitors), label)
	}
	labels := make([]string, len(quarters))
	for i, d := range days {
		labels[i] = l.monthSpan(d[0], d[1])
	}
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithColorsOpts(lineColours),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(false)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		// Room for a legend of up to four lines, as on a phone, and the axis's name under it.
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "130", Bottom: "2%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: quarterLabels()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: l.say(phVisitors)}),
	)
	line.SetXAxis(labels)
	for i, ch := range channels {
		data := make([]opts.LineData, len(quarters))
		for j, k := range quarters {
			data[j] = opts.LineData{Value: cell[ch][k].Visitors}
		}
		line.AddSeries(names[i], data,
			charts.WithLineChartOpts(opts.LineChart{Symbol: seriesSymbols[i%len(seriesSymbols)], SymbolSize: 8, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2, Type: lineTypes[(i/len(lineColours))%len(lineTypes)]}))
	}
	label := l.say(phReferralChartLines, labels[0], labels[len(labels)-1], joinList(l, names)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart chart-tall", line)
}

// channelsChart is Fig. 13: the impressions of the own channels' posts per quarter,
// stacked by platform (impressions add up; reach would not).
func channelsChart(l locale, quarters []ChannelQuarter) (*chartView, error) {
	var keys []periodKey
	var labels, platformsSeen []string
	impressions := map[string]map[periodKey]int64{}
	for _, q := range quarters {
		k := periodKey{isoDay(q.Start), isoDay(q.End)}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
			labels = append(labels, l.monthSpan(q.Start, q.End))
		}
		if impressions[q.Platform] == nil {
			impressions[q.Platform] = map[periodKey]int64{}
			platformsSeen = append(platformsSeen, q.Platform)
		}
		if q.Impressions != nil {
			impressions[q.Platform][k] += *q.Impressions
		}
	}
	const id = "chart-channels"
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(baseOptions(id),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		// Room for a legend of two lines, as on a phone, and the axis's name under it.
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "90", Bottom: "2%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: quarterLabels()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: l.say(phImpressions)}),
	)...)
	bar.SetXAxis(labels)
	names := make([]string, len(platformsSeen))
	for i, p := range platformsSeen {
		names[i] = l.platform(p)
		data := make([]opts.BarData, len(keys))
		for j, k := range keys {
			if n, ok := impressions[p][k]; ok {
				data[j] = opts.BarData{Value: n}
			} else {
				data[j] = opts.BarData{Value: "-"}
			}
		}
		bar.AddSeries(names[i], data, charts.WithBarChartOpts(opts.BarChart{Stack: "impressions"}),
			charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 1}))
	}
	label := l.say(phChannelsChart, labels[0], labels[len(labels)-1], joinList(l, names)) + " " + l.say(phFigure)
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

// gapsChart shows per source the days with and without data, stacked: together they are
// the days that should have data.
func gapsChart(l locale, gaps []DataGap) (*chartView, error) {
	names := make([]string, len(gaps))
	with := make([]opts.BarData, len(gaps))
	without := make([]opts.BarData, len(gaps))
	for i, g := range gaps {
		names[i] = g.Subject + " · " + strings.ToLower(l.gapSource(g.Source))
		with[i] = opts.BarData{Value: g.Days - g.DaysWithoutData}
		without[i] = opts.BarData{Value: g.DaysWithoutData}
	}
	const id = "chart-gaps"
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(baseOptions(id),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "40", Bottom: bottomAxisRoom(l.say(phDays)), ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(bottomValueAxis(l.say(phDays))),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Interval: "0", Width: 170, Overflow: "truncate"}}),
	)...)
	bar.SetXAxis(names).
		AddSeries(l.say(phDaysWithData), with, charts.WithBarChartOpts(opts.BarChart{Stack: "days"})).
		AddSeries(l.say(phDaysWithoutData), without, charts.WithBarChartOpts(opts.BarChart{Stack: "days"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: "#D55E00"})).
		XYReversal()
	var missing int64
	for _, g := range gaps {
		missing += g.DaysWithoutData
	}
	label := l.say(phGapsChart, len(gaps), l.count(missing)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart chart-top", bar)
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

// joinList joins names as a sentence does: a, b en c.
func joinList(l locale, names []string) string {
	and := " en "
	if l.lang == "en" {
		and = " and "
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := names[0]
	for _, n := range names[1 : len(names)-1] {
		s += ", " + n
	}
	return s + and + names[len(names)-1]
}

// pageName is what a page is called: its title, else its path.
func pageName(a TopArticle) string {
	if a.PageTitle != "" {
		return a.PageTitle
	}
	return a.Path
}

// slug makes a site's name safe for an element id: lower-case letters, digits and dashes.
func slug(s string) string {
	b := make([]byte, 0, len(s))
	for i := range len(s) {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			if len(b) > 0 && b[len(b)-1] != '-' {
				b = append(b, '-')
			}
		}
	}
	if len(b) == 0 {
		return "site"
	}
	return string(b)
}
