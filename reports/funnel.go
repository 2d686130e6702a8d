package reports

import (
	"cmp"
	"slices"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"bereik/queries"
)

// FunnelStep is one step of a campaign's funnel: the paid social posts that spark
// interest, the magazine that inspires, the knowledge platform where people learn.
type FunnelStep struct {
	Step            int64    `col:"step"`
	Stage           string   `col:"stage"`             // "ads", "magazine" or "platform"
	Impressions     *int64   `col:"impressions"`       // the ads' impressions; nil for a site
	Clicks          *int64   `col:"clicks"`            // the ads' link clicks; nil for a site
	Visits          *int64   `col:"visits"`            // a site's visits; nil for the ads
	Visitors        *int64   `col:"visitors"`          // a site's distinct visitors over the whole period
	AvgVisitSeconds *float64 `col:"avg_visit_seconds"` // total time on page / visits
	StepRate        *float64 `col:"step_rate"`         // this step's number / the step before's
}

const queryFunnel = "funnel"

// funnelColour is the funnel's bars' colour, in every report.
const funnelColour = "#009E73"

// funnelSection is Fig. 15: the campaign's funnel from its ads through the magazine to the
// main site.
var funnelSection = reportSection{
	campaign: true,
	queries: []sectionQuery{{
		name: queryFunnel,
		args: func(r *Report) queries.Args {
			args := campaignArgs(r)
			args["magazine"], args["platform"] = r.Options.MagazineSite, r.Options.MainSite
			return args
		},
		read: func(r *Report, res *queries.Result) error {
			if err := rowsInto(func(r *Report) *[]FunnelStep { return &r.Funnel })(r, res); err != nil {
				return err
			}
			slices.SortStableFunc(r.Funnel, func(a, b FunnelStep) int { return cmp.Compare(a.Step, b.Step) })
			return nil
		},
	}},
	shown: func(r *Report) bool {
		return slices.ContainsFunc(r.Funnel, func(s FunnelStep) bool { return positive(s.Impressions) || positive(s.Visits) })
	},
	render: (*Report).funnelSection,
}

// positive reports whether a count is there and more than 0.
func positive(n *int64) bool { return n != nil && *n > 0 }

// measure is the number a step's bar shows: the ads' link clicks, a site's visits. The
// ads' impressions, a thousand times more, are said in words: as a bar they made the
// next steps invisible.
func (s FunnelStep) measure() *int64 {
	if s.Stage == "ads" {
		return s.Clicks
	}
	return s.Visits
}

func (r *Report) funnelSection(l locale) (section, error) {
	magazine, main := r.site(r.Options.MagazineSite).Label, r.site(r.Options.MainSite).Label
	s := section{ID: "funnel", Heading: l.say(phFunnelHeading, main), Intro: l.say(phFunnelIntro, magazine, main)}
	b := block{Source: r.source(l, queryFunnel)}
	for _, st := range r.Funnel {
		if st.Stage == "ads" && st.Impressions != nil {
			b.Text = []string{l.say(phFunnelImpressions, l.count(*st.Impressions))}
		}
	}
	chart, err := r.funnelChart(l)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	n := notes{prefix: "funnel"}
	visitors := num(l.say(phVisitors))
	visitors.Note = n.add(l.say(phFunnelVisitorsNote))
	duration := num(l.say(phAvgVisitDuration))
	duration.Note = n.add(l.say(phAvgVisitDurationNote))
	rate := num(l.say(phStepRate))
	rate.Note = n.add(l.say(phStepRateNote, magazine))
	t := &tableView{
		ID:      "table-funnel",
		Caption: l.say(phFunnelCaption, magazine, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phChannel)}, num(l.say(phImpressions)), num(l.say(phClicks)),
			num(l.say(phVisits)), rate, visitors, duration},
	}
	for _, st := range r.Funnel {
		stage := cellView{Text: r.stage(l, st.Stage)}
		if st.Stage == "platform" {
			stage.Note = n.add(l.say(phPlatformNote, main, magazine))
		}
		clicks := num(l.optCount(st.Clicks))
		if st.Stage == "ads" && st.Clicks == nil {
			clicks = num(l.say(phNoLinkClicks))
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			stage, num(l.optCount(st.Impressions)), clicks,
			num(l.optCount(st.Visits)), num(l.percent(st.StepRate)), num(l.optCount(st.Visitors)), num(l.duration(st.AvgVisitSeconds)),
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileFunnel), queryFunnel, r.Funnel); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

// stage names a step of the funnel as its table shows it.
func (r *Report) stage(l locale, stage string) string {
	magazine, main := r.site(r.Options.MagazineSite).Label, r.site(r.Options.MainSite).Label
	switch stage {
	case "ads":
		return l.say(phStageAds)
	case "magazine":
		return magazine
	case "platform":
		return l.say(phStagePlatform, main, magazine)
	}
	return stage
}

// stageBar names a step of the funnel as its chart shows it: the place, and the number
// its bar counts.
func (r *Report) stageBar(l locale, stage string) string {
	switch stage {
	case "ads":
		return l.say(phStageBarAds)
	case "magazine":
		return l.say(phStageBarSite, r.site(r.Options.MagazineSite).Label)
	case "platform":
		return l.say(phStageBarSite, r.site(r.Options.MainSite).Label)
	}
	return stage
}

// funnelChart is Fig. 15: the campaign's funnel, one bar per step, the first on top: the
// ads' link clicks, the magazine's visits, the main site's visits from the magazine, each
// labelled with its number and its part of the step before.
func (r *Report) funnelChart(l locale) (*chartView, error) {
	steps := r.Funnel
	names := make([]string, len(steps))
	data := make([]opts.BarData, len(steps))
	for i, s := range steps {
		names[i] = r.stageBar(l, s.Stage)
		data[i] = opts.BarData{Value: "-"} // ECharts' mark for a missing value
		if n := s.measure(); n != nil {
			data[i] = opts.BarData{Value: *n}
			if s.StepRate != nil {
				// The label as text, which is only numbers: no template or markup in it.
				data[i].Label = &opts.Label{Show: opts.Bool(true), Position: "right",
					Formatter: l.say(phFunnelBarLabel, l.count(*n), l.percent(s.StepRate))}
			}
		}
	}
	const id = "chart-funnel"
	bar := horizontalBars(id, names, data, l.say(phFunnelSeries), "", 190, "130")
	bar.SetSeriesOptions(charts.WithItemStyleOpts(opts.ItemStyle{Color: funnelColour}))
	label := l.say(phFunnelChart, joinList(l, names)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart chart-funnel", bar)
}
