package reports

import (
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
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "40", Bottom: "2%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 30}}),
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
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: "40", Bottom: "2%", ContainLabel: opts.Bool(true)}),
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
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: right, Top: "10", Bottom: "2%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: axisName}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Interval: "0", Width: labelWidth, Overflow: "truncate"}}),
	)...)
	bar.SetXAxis(names).
		AddSeries(series, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"})).
		XYReversal()
	return bar
}

// newChartView turns a go-echarts chart into its options as JSON. It marshals the
// options itself, with encoding/json's HTML escaping on, and never uses go-echarts'
// templates or unescaped JSON, which would turn "__f__" strings into live JavaScript.
func newChartView(id, label, class string, bar *charts.Bar) (*chartView, error) {
	bar.Validate()
	data, err := json.Marshal(bar.JSON())
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", id, err)
	}
	return &chartView{ID: id, Label: label, Class: class, Options: template.JS(data)}, nil
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
