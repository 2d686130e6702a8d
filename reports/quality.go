package reports

import (
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"bereik/queries"
)

// DataGap is the days without data of one source (page views or page reports of a site,
// a campaign's ads) between its first and last day in the period.
type DataGap struct {
	Source          string     `col:"source"`  // page_views, page_reports, meta_ads
	Subject         string     `col:"subject"` // the site, or the campaign
	FirstDay        time.Time  `col:"first_day"`
	LastDay         time.Time  `col:"last_day"`
	Days            int64      `col:"days"` // days expected to have data
	DaysWithoutData int64      `col:"days_without_data"`
	Gaps            int64      `col:"gaps"` // runs of consecutive days without data
	LongestGapStart *time.Time `col:"longest_gap_start"`
	LongestGapEnd   *time.Time `col:"longest_gap_end"`
}

// RejectedFile is a loaded file with rejected rows, and its first rejected row.
type RejectedFile struct {
	Path          string    `col:"path"`
	Kind          string    `col:"kind"`
	LabelNL       string    `col:"label_nl"` // the kind's name, as the pipeline's registry gives it
	LabelEN       string    `col:"label_en"`
	LoadedAt      time.Time `col:"loaded_at"`
	RowsLoaded    int64     `col:"rows_loaded"`
	RowsRejected  int64     `col:"rows_rejected"`
	RowsBots      int64     `col:"rows_bots"`
	RejectedShare *float64  `col:"rejected_share"`
	FirstLine     *int64    `col:"first_line"`
	FirstColumn   string    `col:"first_column"`
	FirstReason   string    `col:"first_reason"`
}

const (
	queryDataGaps      = "data_gaps"
	queryRejectedFiles = "rejected_files"
)

// qualitySection is section 8: whether each source's data cover the period (the coverage
// the key figures' section reads), days without data, and files with rejected rows.
var qualitySection = reportSection{
	queries: []sectionQuery{
		{name: queryDataGaps, args: periodArgs, read: rowsInto(func(r *Report) *[]DataGap { return &r.Gaps })},
		{name: queryRejectedFiles, args: func(*Report) queries.Args { return queries.Args{} },
			read: rowsInto(func(r *Report) *[]RejectedFile { return &r.RejectedFiles })},
	},
	render: (*Report).qualitySection,
}

// qualitySection is section 8: whether the sources cover the period, days without data,
// and files with rejected rows. A source is judged by the period it reports on, not by the
// day it was loaded: data of 2021 loaded today are not stale for a report on 2021.
func (r *Report) qualitySection(l locale) (section, error) {
	s := section{ID: "data-quality", Heading: l.say(phQualityHeading), Intro: l.say(phQualityIntro)}
	coverage, err := r.coverageBlock(l)
	if err != nil {
		return s, err
	}
	gaps, err := r.gapsBlock(l)
	if err != nil {
		return s, err
	}
	rejected, err := r.rejectedBlock(l)
	if err != nil {
		return s, err
	}
	s.Blocks = append(s.Blocks, coverage, gaps, rejected)
	return s, nil
}

func (r *Report) gapsBlock(l locale) (block, error) {
	b := block{Heading: l.say(phGapsHeading), Source: r.source(l, queryDataGaps)}
	if len(r.Gaps) == 0 {
		b.Empty = l.say(phNoData)
		return b, nil
	}
	chart, err := gapsChart(l, r.Gaps)
	if err != nil {
		return b, err
	}
	b.Chart = chart
	n := notes{prefix: "gaps"}
	days := num(l.say(phDaysExpected))
	days.Note = n.add(l.say(phDaysExpectedNote))
	t := &tableView{
		ID:      "table-gaps",
		Caption: l.say(phGapsCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phSourceKind)}, {Text: l.say(phDataFromTo)}, days,
			num(l.say(phDaysWithoutData)), {Text: l.say(phLongestGap)}},
	}
	for _, g := range r.Gaps {
		longest := l.notApplicable()
		if g.LongestGapStart != nil && g.LongestGapEnd != nil {
			longest = l.shortPeriod(*g.LongestGapStart, *g.LongestGapEnd)
		}
		missing := num(l.count(g.DaysWithoutData))
		if g.DaysWithoutData > 0 {
			missing.Class = "num warn"
			missing.Lines = []string{l.say(phGapRuns, l.count(g.Gaps))}
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: l.gapSource(g.Source), Lines: []string{r.site(g.Subject).Host}},
			{Text: l.shortPeriod(g.FirstDay, g.LastDay)},
			num(l.count(g.Days)), missing, {Text: longest},
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileGaps), queryDataGaps, r.Gaps); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}

func (r *Report) rejectedBlock(l locale) (block, error) {
	b := block{Heading: l.say(phRejectedHeading), Source: r.source(l, queryRejectedFiles)}
	if len(r.RejectedFiles) == 0 {
		b.Empty = l.say(phNoRejects)
		return b, nil
	}
	t := &tableView{
		ID:      "table-rejected-files",
		Caption: l.say(phRejectedCaption),
		Head: []cellView{{Text: l.say(phFile)}, num(l.say(phRowsLoaded)), num(l.say(phRowsRejected)),
			num(l.say(phRejectedShare)), {Text: l.say(phFirstReject)}},
	}
	for _, f := range r.RejectedFiles {
		first := cellView{Text: f.FirstReason}
		if f.FirstLine != nil {
			first.Lines = []string{l.say(phLineColumn, l.count(*f.FirstLine), f.FirstColumn)}
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: f.Path, Lines: []string{l.pick(f.LabelNL, f.LabelEN) + " · " + l.stamp(f.LoadedAt)}},
			num(l.count(f.RowsLoaded)), num(l.count(f.RowsRejected)), num(l.percent(f.RejectedShare)), first,
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileRejected), queryRejectedFiles, r.RejectedFiles); err != nil {
		return b, err
	}
	b.Table = t
	return b, nil
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
		AddSeries(l.say(phDaysWithData), with, charts.WithBarChartOpts(opts.BarChart{Stack: "days"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: measuredColour})).
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
