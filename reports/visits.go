package reports

import (
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"bereik/queries"
)

// ProgrammeQuarter is the visits to the programme's pages in one programme quarter.
type ProgrammeQuarter struct {
	Start           time.Time `col:"quarter_start"`
	End             time.Time `col:"quarter_end"` // the quarter's last day, inclusive
	Visits          int64     `col:"visits"`
	Visitors        int64     `col:"visitors"` // distinct visitors within this quarter; quarters do not add up
	NewVisits       int64     `col:"new_visits"`
	ReturningVisits int64     `col:"returning_visits"`
}

const (
	queryVisitsPerQuarter = "visits_per_quarter"
	// earlierRun names the run of a trend's query for the quarters before the period.
	earlierRun = "#earlier"
	// trendQuarters is how many quarters a trend chart shows where the period has fewer:
	// the period's, and those before it.
	trendQuarters = 8
)

// visitsSection is Fig. 11: the visits to the main site's programme pages per quarter,
// new and returning, with the analyst's annotations; a report of fewer than eight
// quarters shows the quarters before it beside them, paler.
var visitsSection = reportSection{
	queries: []sectionQuery{
		{name: queryVisitsPerQuarter, args: mainSiteArgs, read: rowsInto(func(r *Report) *[]ProgrammeQuarter { return &r.Quarters })},
		{name: queryVisitsPerQuarter, as: queryVisitsPerQuarter + earlierRun, args: func(r *Report) queries.Args {
			from, to, ok := r.earlierWindow()
			if !ok {
				return nil
			}
			return queries.Args{"site": r.Options.MainSite, "from": from, "to": to}
		}, read: rowsInto(func(r *Report) *[]ProgrammeQuarter { return &r.EarlierQuarters })},
	},
	shown:  func(r *Report) bool { return len(r.Quarters) > 0 },
	render: (*Report).visitsSection,
}

// earlierWindow is the days before the period that a trend chart adds: the quarters
// before the period's first, so that the chart shows eight quarters in all. ok is false
// where the period has eight or more, or the quarters' first month is not known.
func (r *Report) earlierWindow() (from, to time.Time, ok bool) {
	first, last, ok := quarterOf(r.Options.From, r.Options.QuarterStartMonth), quarterOf(r.Options.To, r.Options.QuarterStartMonth), r.Options.QuarterStartMonth >= 1
	if !ok {
		return from, to, false
	}
	months := (last.Year()-first.Year())*12 + int(last.Month()) - int(first.Month())
	quarters := months/3 + 1
	if quarters >= trendQuarters {
		return from, to, false
	}
	return first.AddDate(0, -3*(trendQuarters-quarters), 0), r.Options.From.AddDate(0, 0, -1), true
}

// quarterOf is the first day of the quarter a day falls in, where quarters start in the
// month firstMonth (1 to 12).
func quarterOf(day time.Time, firstMonth int) time.Time {
	back := (int(day.Month()) - firstMonth + 12) % 3
	return time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -back, 0)
}

func (r *Report) visitsSection(l locale) (section, error) {
	s := section{ID: "visits", Heading: l.say(phVisitsHeading), Intro: l.say(phVisitsIntro, r.site(r.Options.MainSite).Host)}
	b := block{Source: r.source(l, queryVisitsPerQuarter, queryVisitsPerQuarter+earlierRun)}
	// Every annotation is listed; those on a quarter shown are marked on the chart too.
	b.Annotations = r.annotationList(l, "visits-annotations", func(Annotation) bool { return true })
	shown := append(append([]ProgrammeQuarter(nil), r.EarlierQuarters...), r.Quarters...)
	chart, err := visitsChart(l, shown, len(r.EarlierQuarters), r.Annotations)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	n := notes{prefix: "visits"}
	caption := l.say(phVisitsCaption, l.period(r.Options.From, r.Options.To))
	if len(r.EarlierQuarters) > 0 {
		caption = l.say(phVisitsCaptionTrend, l.period(r.Options.From, r.Options.To))
		b.Text = []string{l.say(phTrendNote, len(shown), len(r.EarlierQuarters))}
	}
	t := &tableView{
		ID:      "table-visits",
		Caption: caption,
		Head: []cellView{{Text: l.say(phQuarter)}, num(l.say(phVisits)), num(l.say(phVisitors)),
			num(l.say(phNewVisits)), num(l.say(phReturning))},
	}
	for i, q := range shown {
		row := rowView{Cells: []cellView{
			{Text: l.monthSpan(q.Start, q.End), Lines: []string{l.shortPeriod(q.Start, q.End)}},
			num(l.count(q.Visits)), num(l.count(q.Visitors)), num(l.count(q.NewVisits)), num(l.count(q.ReturningVisits)),
		}}
		if len(r.EarlierQuarters) > 0 {
			row.Class = "current"
			if i < len(r.EarlierQuarters) {
				row.Class = "context"
			}
		}
		t.Rows = append(t.Rows, row)
	}
	if len(r.Quarters) > 1 {
		var visits, newVisits, returning int64
		for _, q := range r.Quarters {
			visits += q.Visits // every visit is in one quarter: visits add up
			newVisits += q.NewVisits
			returning += q.ReturningVisits
		}
		visitors := num(l.notApplicable())
		visitors.Note = n.add(l.say(phVisitorsNote))
		t.Foot = []rowView{{Total: true, Cells: []cellView{
			{Text: l.say(phTotalPeriod)}, num(l.count(visits)), visitors, num(l.count(newVisits)), num(l.count(returning)),
		}}}
	}
	if err := downloadable(t, l, r, l.say(phFileVisits), queryVisitsPerQuarter, shown); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

// visitsChart is Fig. 11: new and returning visits per quarter, stacked; the first
// `earlier` quarters, before the period, paler. Each quarter that holds annotations is
// marked by a vertical line labelled with their texts.
func visitsChart(l locale, quarters []ProgrammeQuarter, earlier int, annotations []Annotation) (*chartView, error) {
	labels := make([]string, len(quarters))
	newVisits := make([]opts.BarData, len(quarters))
	returning := make([]opts.BarData, len(quarters))
	for i, q := range quarters {
		labels[i] = l.monthSpan(q.Start, q.End)
		newVisits[i] = opts.BarData{Value: q.NewVisits}
		returning[i] = opts.BarData{Value: q.ReturningVisits}
		if i < earlier {
			newVisits[i].ItemStyle = &opts.ItemStyle{Opacity: opts.Float(contextOpacity)}
			returning[i].ItemStyle = &opts.ItemStyle{Opacity: opts.Float(contextOpacity)}
		}
	}
	const id = "chart-visits"
	bar := quarterBars(id, labels, opts.YAxis{Type: "value", Name: l.say(phVisits)}, "55")
	newOpts := []charts.SeriesOpts{charts.WithBarChartOpts(opts.BarChart{Stack: "visits"}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: newColour})}
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
	bar.AddSeries(l.say(phSeriesNew), newVisits, newOpts...).
		AddSeries(l.say(phSeriesReturned), returning, charts.WithBarChartOpts(opts.BarChart{Stack: "visits"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: returningColour}))
	label := l.say(phVisitsChart, labels[0], labels[len(labels)-1])
	if earlier > 0 && earlier < len(labels) {
		label += " " + l.say(phTrendChart, labels[earlier])
	}
	label += " " + l.say(phFigure)
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
		if i := quarterHolding(quarters, a.Day); i >= 0 {
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

// quarterHolding is the index of the quarter whose days hold day, or -1.
func quarterHolding(quarters []ProgrammeQuarter, day time.Time) int {
	d := isoDay(day)
	for i, q := range quarters {
		if isoDay(q.Start) <= d && d <= isoDay(q.End) {
			return i
		}
	}
	return -1
}
