package reports

import (
	"slices"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"bereik/queries"
)

// ChannelQuarter is the reach and engagement of one of the platform's own social
// channels in one quarter, from the posts published in it, or where the quarter has no
// posts of the platform, from the account's daily totals.
type ChannelQuarter struct {
	Start          time.Time `col:"quarter_start"`
	End            time.Time `col:"quarter_end"`
	Platform       string    `col:"platform"` // facebook, instagram, linkedin, x, youtube
	Posts          int64     `col:"posts"`
	Impressions    *int64    `col:"impressions"`
	Engagements    *int64    `col:"engagements"`
	EngagementRate *float64  `col:"engagement_rate"` // sum of engagements / sum of impressions over the posts with both
	ReachSum       *int64    `col:"reach_sum"`       // the posts' reach added up: an upper bound, not unique reach
	Source         string    `col:"source"`          // posts, or account_days: the account's daily totals
}

const queryChannelReach = "channel_reach"

// channelsSection is Fig. 13: the impressions of the own channels per quarter and
// platform; a report of fewer than eight quarters shows the quarters before it beside
// them, paler. The appendix has each quarter's posts, engagements and reach.
var channelsSection = reportSection{
	queries: []sectionQuery{
		{name: queryChannelReach, args: periodArgs, read: rowsInto(func(r *Report) *[]ChannelQuarter { return &r.Channels })},
		{name: queryChannelReach, as: queryChannelReach + earlierRun, args: func(r *Report) queries.Args {
			from, to, ok := r.earlierWindow()
			if !ok {
				return nil
			}
			return queries.Args{"from": from, "to": to}
		}, read: rowsInto(func(r *Report) *[]ChannelQuarter { return &r.EarlierChannels })},
	},
	shown:  func(r *Report) bool { return len(r.Channels) > 0 },
	render: (*Report).channelsSection,
}

// channelGrid is Fig. 13's numbers: the quarters and platforms shown, and per platform
// and quarter its row.
type channelGrid struct {
	quarters  []periodKey
	days      [][2]time.Time
	earlier   int // the first quarters, before the period
	platforms []string
	cell      map[string]map[periodKey]ChannelQuarter
}

func gridOf(earlier, period []ChannelQuarter) channelGrid {
	g := channelGrid{cell: map[string]map[periodKey]ChannelQuarter{}}
	for i, q := range append(slices.Clone(earlier), period...) {
		k := periodKey{isoDay(q.Start), isoDay(q.End)}
		if !slices.Contains(g.quarters, k) {
			g.quarters = append(g.quarters, k)
			g.days = append(g.days, [2]time.Time{q.Start, q.End})
			if i < len(earlier) {
				g.earlier++
			}
		}
		if g.cell[q.Platform] == nil {
			g.cell[q.Platform] = map[periodKey]ChannelQuarter{}
		}
		g.cell[q.Platform][k] = q
	}
	for _, p := range platforms {
		if g.cell[p] != nil {
			g.platforms = append(g.platforms, p)
		}
	}
	var others []string // platforms the fixed order does not know, by name
	for p := range g.cell {
		if !slices.Contains(platforms, p) {
			others = append(others, p)
		}
	}
	slices.Sort(others)
	g.platforms = append(g.platforms, others...)
	return g
}

// channelsSection is Fig. 13: the impressions of the own channels per quarter, stacked by
// platform, with a table of them: quarters down, platforms across.
func (r *Report) channelsSection(l locale) (section, error) {
	s := section{ID: "channels", Heading: l.say(phChannelsHeading), Intro: l.say(phChannelsIntro)}
	b := block{Source: r.source(l, queryChannelReach, queryChannelReach+earlierRun)}
	g := gridOf(r.EarlierChannels, r.Channels)
	chart, err := channelsChart(l, g)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	if g.earlier > 0 {
		b.Text = []string{l.say(phTrendNote, len(g.quarters), g.earlier)}
	}
	n := notes{prefix: "channels"}
	head := []cellView{{Text: l.say(phQuarter)}}
	for _, p := range g.platforms {
		head = append(head, num(l.platform(p)))
	}
	caption := l.say(phChannelsCaption, l.period(r.Options.From, r.Options.To))
	if g.earlier > 0 {
		caption = l.say(phChannelsCaptionTrend, l.period(r.Options.From, r.Options.To))
	}
	t := &tableView{ID: "table-channels", Caption: caption, Head: head}
	var days []string
	for i, k := range g.quarters {
		row := rowView{Cells: []cellView{{Text: l.monthSpan(g.days[i][0], g.days[i][1]), Lines: []string{l.shortPeriod(g.days[i][0], g.days[i][1])}}}}
		if g.earlier > 0 {
			row.Class = "current"
			if i < g.earlier {
				row.Class = "context"
			}
		}
		for _, p := range g.platforms {
			q, ok := g.cell[p][k]
			cell := num(l.notApplicable())
			if ok {
				cell = num(l.optCount(q.Impressions))
				if q.Source == "account_days" {
					cell.Note = n.add(l.say(phAccountDaysNote, l.platform(p)))
					days = append(days, l.platform(p)+" "+l.monthSpan(q.Start, q.End))
				}
			}
			cell.Label = l.platform(p)
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	n.add(l.say(phChannelMetricNote))
	if len(days) > 0 {
		b.Text = append(b.Text, l.say(phAccountDaysText, joinList(l, days)))
	}
	rows := append(slices.Clone(r.EarlierChannels), r.Channels...)
	if err := downloadable(t, l, r, l.say(phFileChannels), queryChannelReach, rows); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

// channelsChart is Fig. 13: the impressions of the own channels per quarter, stacked by
// platform (impressions add up; reach would not), each platform in its fixed colour; the
// quarters before the period paler.
func channelsChart(l locale, g channelGrid) (*chartView, error) {
	labels := make([]string, len(g.quarters))
	for i, d := range g.days {
		labels[i] = l.monthSpan(d[0], d[1])
	}
	const id = "chart-channels"
	// Room for a legend of two lines, as on a phone.
	bar := quarterBars(id, labels, opts.YAxis{Type: "value", Name: l.say(phImpressions)}, "90")
	names := make([]string, len(g.platforms))
	for i, p := range g.platforms {
		names[i] = l.platform(p)
		data := make([]opts.BarData, len(g.quarters))
		for j, k := range g.quarters {
			data[j] = opts.BarData{Value: "-"} // ECharts' mark for a missing value
			if q, ok := g.cell[p][k]; ok && q.Impressions != nil {
				data[j] = opts.BarData{Value: *q.Impressions}
			}
			if j < g.earlier {
				data[j].ItemStyle = &opts.ItemStyle{Opacity: opts.Float(contextOpacity)}
			}
		}
		bar.AddSeries(names[i], data, charts.WithBarChartOpts(opts.BarChart{Stack: "impressions"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colourOf(platformColours, p), BorderColor: "#ffffff", BorderWidth: 1}))
	}
	label := l.say(phChannelsChart, labels[0], labels[len(labels)-1], joinList(l, names))
	if g.earlier > 0 && g.earlier < len(labels) {
		label += " " + l.say(phTrendChart, labels[g.earlier])
	}
	return newChartView(id, label+" "+l.say(phFigure), "chart", bar)
}

// channelDetailBlock is the appendix's table of the own channels: per quarter and
// platform the posts, impressions, engagements, engagement rate and summed reach.
func (r *Report) channelDetailBlock(l locale) (block, error) {
	b := block{Heading: l.say(phChannelsDetailHeading), Source: r.source(l, queryChannelReach)}
	n := notes{prefix: "channel-detail"}
	engagements := num(l.say(phEngagements))
	engagements.Note = n.add(l.say(phEngagementsNote))
	rate := num(l.say(phEngagementRate))
	rate.Note = n.add(l.say(phEngagementRateNote))
	reach := cellView{Text: l.say(phReachSum), Class: "bound"}
	reach.Note = n.add(l.say(phPostReachNote))
	t := &tableView{
		ID:      "table-channel-detail",
		Caption: l.say(phChannelsDetailCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phQuarter)}, {Text: l.say(phPlatform)}, num(l.say(phPosts)),
			num(l.say(phImpressions)), engagements, rate, reach},
	}
	for _, q := range r.Channels {
		bound := cellView{Text: l.notApplicable(), Class: "bound"}
		if q.ReachSum != nil {
			bound.Text = l.say(phUpperBound, l.count(*q.ReachSum))
		}
		platform := cellView{Text: l.platform(q.Platform)}
		if q.Source == "account_days" {
			platform.Note = n.add(l.say(phAccountDaysNote, l.platform(q.Platform)))
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: l.monthSpan(q.Start, q.End), Lines: []string{l.shortPeriod(q.Start, q.End)}},
			platform,
			num(l.count(q.Posts)), num(l.optCount(q.Impressions)), num(l.optCount(q.Engagements)),
			num(l.percent(q.EngagementRate)), bound,
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileChannelDetail), queryChannelReach, r.Channels); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}
