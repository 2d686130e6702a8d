package reports

import (
	"slices"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ChannelQuarter is the reach and engagement of one of the platform's own social
// channels in one quarter, from the posts published in it.
type ChannelQuarter struct {
	Start          time.Time `col:"quarter_start"`
	End            time.Time `col:"quarter_end"`
	Platform       string    `col:"platform"` // facebook, instagram, linkedin, x, youtube
	Posts          int64     `col:"posts"`
	Impressions    *int64    `col:"impressions"`
	Engagements    *int64    `col:"engagements"`
	EngagementRate *float64  `col:"engagement_rate"` // sum of engagements / sum of impressions over the posts with both
	ReachSum       *int64    `col:"reach_sum"`       // the posts' reach added up: an upper bound, not unique reach
}

const queryChannelReach = "channel_reach"

var channelsSection = reportSection{
	queries: []sectionQuery{
		{queryChannelReach, periodArgs, rowsInto(func(r *Report) *[]ChannelQuarter { return &r.Channels })},
	},
	render: (*Report).channelsSection,
}

// channelsSection is Fig. 13: the reach and engagement of the platform's own channels per
// quarter.
func (r *Report) channelsSection(l locale) (section, error) {
	s := section{ID: "channels", Heading: l.say(phChannelsHeading), Intro: l.say(phChannelsIntro)}
	b := block{Source: r.source(l, queryChannelReach)}
	if len(r.Channels) == 0 {
		b.Empty = l.say(phNoPosts)
		s.Blocks = append(s.Blocks, b)
		return s, nil
	}
	chart, err := channelsChart(l, r.Channels)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	n := notes{prefix: "channels"}
	engagements := num(l.say(phEngagements))
	engagements.Note = n.add(l.say(phEngagementsNote))
	rate := num(l.say(phEngagementRate))
	rate.Note = n.add(l.say(phEngagementRateNote))
	reach := cellView{Text: l.say(phReachSum), Class: "bound"}
	reach.Note = n.add(l.say(phPostReachNote))
	t := &tableView{
		ID:      "table-channels",
		Caption: l.say(phChannelsCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phQuarter)}, {Text: l.say(phPlatform)}, num(l.say(phPosts)),
			num(l.say(phImpressions)), engagements, rate, reach},
	}
	for _, q := range r.Channels {
		bound := cellView{Text: l.notApplicable(), Class: "bound"}
		if q.ReachSum != nil {
			bound.Text = l.say(phUpperBound, l.count(*q.ReachSum))
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: l.monthSpan(q.Start, q.End), Lines: []string{l.shortPeriod(q.Start, q.End)}},
			{Text: l.platform(q.Platform)},
			num(l.count(q.Posts)), num(l.optCount(q.Impressions)), num(l.optCount(q.Engagements)),
			num(l.percent(q.EngagementRate)), bound,
		}})
	}
	if err := downloadable(t, l, "kanalen-per-kwartaal.csv", queryChannelReach, r.Channels); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
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
