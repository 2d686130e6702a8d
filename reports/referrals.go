package reports

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"bereik/queries"
)

// ReferralQuarter is the visits and visitors to the programme's pages in one quarter that
// came through one referral channel (the channel of the visit's first page view).
type ReferralQuarter struct {
	Start       time.Time `col:"quarter_start"`
	End         time.Time `col:"quarter_end"`
	Channel     string    `col:"channel"`      // newsletter, paid_social, facebook, ..., search, other, internal, direct
	ChannelRank int64     `col:"channel_rank"` // the order the configuration gives the channels
	Visits      int64     `col:"visits"`       // visits add up over channels: each visit has one
	Visitors    int64     `col:"visitors"`     // distinct within the quarter and channel; they do not add up
}

const queryReferralSources = "referral_sources"

// referralsSection is Fig. 12: the visitors to the main site's programme pages per
// referral channel, per quarter.
var referralsSection = reportSection{
	queries: []sectionQuery{{
		name: queryReferralSources,
		args: mainSiteArgs,
		read: func(r *Report, res *queries.Result) error {
			if err := rowsInto(func(r *Report) *[]ReferralQuarter { return &r.Referrals })(r, res); err != nil {
				return err
			}
			slices.SortStableFunc(r.Referrals, func(a, b ReferralQuarter) int {
				return cmp.Or(byDay(a.Start, b.Start), cmp.Compare(a.ChannelRank, b.ChannelRank), cmp.Compare(a.Channel, b.Channel))
			})
			return nil
		},
	}},
	render: (*Report).referralsSection,
}

// periodKey is one quarter (or the part of it the period covers).
type periodKey struct{ start, end string }

// referralsSection is Fig. 12: the visitors to the programme's pages per referral
// channel, per quarter.
func (r *Report) referralsSection(l locale) (section, error) {
	main := r.site(r.Options.MainSite)
	s := section{ID: "referrals", Heading: l.say(phReferralHeading), Intro: l.say(phReferralIntro, main.Label)}
	b := block{Source: r.source(l, queryReferralSources)}
	if len(r.Referrals) == 0 {
		b.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, b)
		return s, nil
	}
	// The quarters as columns, the channels as rows, in the configuration's order.
	var quarters []periodKey
	var quarterDays [][2]time.Time
	var channels []string
	rank := map[string]int64{}
	cell := map[string]map[periodKey]ReferralQuarter{}
	for _, q := range r.Referrals {
		k := periodKey{isoDay(q.Start), isoDay(q.End)}
		if !slices.Contains(quarters, k) {
			quarters = append(quarters, k)
			quarterDays = append(quarterDays, [2]time.Time{q.Start, q.End})
		}
		if cell[q.Channel] == nil {
			channels = append(channels, q.Channel)
			cell[q.Channel] = map[periodKey]ReferralQuarter{}
			rank[q.Channel] = q.ChannelRank
		}
		cell[q.Channel][k] = q
	}
	slices.SortStableFunc(channels, func(a, b string) int { return cmp.Compare(rank[a], rank[b]) })

	chart, err := referralChart(l, quarters, quarterDays, channels, cell)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	n := notes{prefix: "referrals"}
	head := []cellView{{Text: l.say(phChannelName)}}
	for _, d := range quarterDays {
		head = append(head, num(l.monthSpan(d[0], d[1])))
	}
	head[1].Note = n.add(l.say(phReferralVisitorsNote))
	t := &tableView{
		ID:      "table-referrals",
		Caption: l.say(phReferralCaption, main.Host, l.period(r.Options.From, r.Options.To)),
		Head:    head,
	}
	totals := make([]int64, len(quarters))
	for _, ch := range channels {
		name := cellView{Text: l.channel(ch)}
		switch ch {
		case "internal":
			name.Note = n.add(l.say(phInternalNote, strings.Join(r.siteLabels(), ", ")))
		case "other":
			name.Note = n.add(l.say(phOtherNote))
		}
		row := []cellView{name}
		for i, k := range quarters {
			q, ok := cell[ch][k]
			if !ok {
				row = append(row, num("0"))
				continue
			}
			totals[i] += q.Visits
			row = append(row, num(l.count(q.Visitors), l.say(phVisitsLine, l.count(q.Visits))))
		}
		t.Rows = append(t.Rows, rowView{Cells: row})
	}
	foot := []cellView{{Text: l.say(phAllChannels)}}
	for _, v := range totals {
		foot = append(foot, num(l.notApplicable(), l.say(phVisitsLine, l.count(v))))
	}
	t.Foot = []rowView{{Total: true, Cells: foot}}
	if err := downloadable(t, l, "verwijzingen-per-kwartaal.csv", queryReferralSources, r.Referrals); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
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
