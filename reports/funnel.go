package reports

import (
	"cmp"
	"slices"

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
}

const queryFunnel = "funnel"

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
	render: (*Report).funnelSection,
}

// headline is the number the step is known by: the ads' impressions, a site's visits.
func (s FunnelStep) headline() *int64 {
	if s.Stage == "ads" {
		return s.Impressions
	}
	return s.Visits
}

func (r *Report) funnelSection(l locale) (section, error) {
	magazine, main := r.site(r.Options.MagazineSite).Label, r.site(r.Options.MainSite).Label
	s := section{ID: "funnel", Heading: l.say(phFunnelHeading, main), Intro: l.say(phFunnelIntro, magazine, main)}
	b := block{Source: r.source(l, queryFunnel)}
	if len(r.Funnel) == 0 {
		b.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, b)
		return s, nil
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
	t := &tableView{
		ID:      "table-funnel",
		Caption: l.say(phFunnelCaption, magazine, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phChannel)}, num(l.say(phImpressions)), num(l.say(phClicks)),
			num(l.say(phVisits)), visitors, duration},
	}
	for _, st := range r.Funnel {
		stage := cellView{Text: r.stage(l, st.Stage)}
		if st.Stage == "platform" {
			stage.Note = n.add(l.say(phPlatformNote, main, magazine))
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			stage, num(l.optCount(st.Impressions)), num(l.optCount(st.Clicks)),
			num(l.optCount(st.Visits)), num(l.optCount(st.Visitors)), num(l.duration(st.AvgVisitSeconds)),
		}})
	}
	if err := downloadable(t, l, "funnel.csv", queryFunnel, r.Funnel); err != nil {
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

// funnelChart is Fig. 15: the campaign's funnel, one bar per step, the first on top, each
// labelled with the number it is known by (the ads' impressions, the sites' visits).
func (r *Report) funnelChart(l locale) (*chartView, error) {
	steps := r.Funnel
	names := make([]string, len(steps))
	data := make([]opts.BarData, len(steps))
	for i, s := range steps {
		names[i] = r.stageBar(l, s.Stage)
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
