package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"

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

// The colours of the things every report shows, fixed so that a platform, an ad format or
// a referral channel has the same colour in every chart of every report, whatever the
// order of the series or which of them a period has: Okabe-Ito, and greys for the
// channels without a colour of their own and for "overig", the rest.
var (
	platformColours = map[string]string{
		"linkedin": "#0072B2", "facebook": "#56B4E9", "instagram": "#CC79A7", "x": "#000000", "youtube": "#D55E00",
	}
	formatColours = map[string]string{"static": "#0072B2", "dynamic": "#E69F00"}
	// channelColours: the social platforms' channels have their platforms' colours.
	channelColours = map[string]string{
		"newsletter": "#009E73", "search": "#E69F00", "direct": "#F0E442",
		"other": "#7A7A7A", "internal": "#A3A3A3", "paid_social": "#4D4D4D",
	}
	// restColour is "overig": the channels outside the top, and what no mapping knows.
	restColour = "#CCCCCC"
	// newColour and returningColour are Fig. 11's new and returning visits.
	newColour, returningColour = "#0072B2", "#E69F00"
)

// colourOf is the fixed colour of a name in a mapping, else the rest's grey.
func colourOf(colours map[string]string, name string) string {
	if c, ok := colours[name]; ok {
		return c
	}
	return restColour
}

// channelColour is a referral channel's colour: its platform's, or its own.
func channelColour(channel string) string {
	if c, ok := platformColours[channel]; ok {
		return c
	}
	return colourOf(channelColours, channel)
}

// contextOpacity is how the quarters before the period show beside it on a trend: paler,
// so that the period's own stand out.
const contextOpacity = 0.35

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

// quarterBars is a bar chart of quarters along its bottom, named by labels, with its
// legend on top and room under it (top, in px) for the legend's lines on a phone and the
// value axis's name, which the legend would otherwise overlap.
func quarterBars(id string, labels []string, axis opts.YAxis, top string) *charts.Bar {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(baseOptions(id),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "2%", Top: top, Bottom: "2%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: quarterLabels()}),
		charts.WithYAxisOpts(axis),
	)...)
	bar.SetXAxis(labels)
	return bar
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
func rankedBars(l locale, id string, names []string, values []int64, series, label, colour string) (*chartView, error) {
	if len(names) == 0 {
		return nil, nil
	}
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: v}
	}
	bar := horizontalBars(id, names, data, series, series, 170, "70")
	bar.SetSeriesOptions(charts.WithItemStyleOpts(opts.ItemStyle{Color: colour}))
	class := "chart chart-top"
	if len(names) > 6 {
		class = "chart chart-tall"
	}
	full := label + " " + l.say(phHighest, names[0], l.count(values[0])) + " " + l.say(phFigure)
	return newChartView(id, full, class, bar)
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
