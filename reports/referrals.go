package reports

import (
	"cmp"
	"math"
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
	Start         time.Time `col:"quarter_start"`
	End           time.Time `col:"quarter_end"`
	Channel       string    `col:"channel"`        // newsletter, paid_social, facebook, ..., search, other, internal, direct
	ChannelRank   int64     `col:"channel_rank"`   // the order the configuration gives the channels
	Visits        int64     `col:"visits"`         // visits add up over channels: each visit has one
	Visitors      int64     `col:"visitors"`       // distinct within the quarter and channel; they do not add up
	QuarterVisits int64     `col:"quarter_visits"` // the quarter's visits over all channels
	Share         *float64  `col:"share"`          // visits / quarter_visits
}

const (
	queryReferralSources = "referral_sources"
	// topChannels is how many channels Fig. 12 shows apart; the others are "overig".
	topChannels = 5
	// restChannel is the channels outside the top together.
	restChannel = "rest"
)

// referralsSection is Fig. 12: where the visits to the main site's programme pages came
// from, per quarter: the top channels and the rest, as parts of the quarter's visits.
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
	shown:  func(r *Report) bool { return len(r.Referrals) > 0 },
	render: (*Report).referralsSection,
}

// periodKey is one quarter (or the part of it the period covers).
type periodKey struct{ start, end string }

// referralMix is Fig. 12's numbers: per quarter the visits of the top channels and of the
// rest, and the quarter's visits.
type referralMix struct {
	quarters []periodKey
	days     [][2]time.Time
	channels []string // the top channels by visits over the period, then restChannel if any
	visits   map[string]map[periodKey]int64
	shares   map[string]map[periodKey]*float64
	total    map[periodKey]int64 // the quarter's visits: Fig. 11's
}

// mixOf groups the referral rows into the top channels by their visits over the period
// and the rest. Visits add up over channels (each visit has one), so the rest's visits
// are its channels' visits added up, and its share is that sum over the quarter's visits.
func mixOf(rows []ReferralQuarter) referralMix {
	m := referralMix{visits: map[string]map[periodKey]int64{}, shares: map[string]map[periodKey]*float64{}, total: map[periodKey]int64{}}
	byChannel := map[string]int64{}
	rank := map[string]int64{}
	for _, q := range rows {
		k := periodKey{isoDay(q.Start), isoDay(q.End)}
		if !slices.Contains(m.quarters, k) {
			m.quarters = append(m.quarters, k)
			m.days = append(m.days, [2]time.Time{q.Start, q.End})
		}
		byChannel[q.Channel] += q.Visits
		rank[q.Channel] = q.ChannelRank
		m.total[k] = q.QuarterVisits
	}
	var all []string
	for ch := range byChannel {
		all = append(all, ch)
	}
	slices.SortFunc(all, func(a, b string) int {
		return cmp.Or(cmp.Compare(byChannel[b], byChannel[a]), cmp.Compare(rank[a], rank[b]), cmp.Compare(a, b))
	})
	top := all[:min(topChannels, len(all))]
	// The top in the configuration's order, so that a channel keeps its place.
	slices.SortFunc(top, func(a, b string) int { return cmp.Compare(rank[a], rank[b]) })
	m.channels = slices.Clone(top)
	if len(all) > len(top) {
		m.channels = append(m.channels, restChannel)
	}
	for _, ch := range m.channels {
		m.visits[ch], m.shares[ch] = map[periodKey]int64{}, map[periodKey]*float64{}
	}
	for _, q := range rows {
		k := periodKey{isoDay(q.Start), isoDay(q.End)}
		ch := q.Channel
		if !slices.Contains(top, ch) {
			ch = restChannel
		}
		m.visits[ch][k] += q.Visits
		if ch != restChannel {
			m.shares[ch][k] = q.Share
		}
	}
	for _, k := range m.quarters {
		if m.total[k] > 0 && m.visits[restChannel] != nil {
			share := float64(m.visits[restChannel][k]) / float64(m.total[k])
			m.shares[restChannel][k] = &share
		}
	}
	return m
}

// referralsSection is Fig. 12: the parts of each quarter's visits per referral channel,
// the top channels apart and the rest together; the appendix has every channel with its
// visitors.
func (r *Report) referralsSection(l locale) (section, error) {
	main := r.site(r.Options.MainSite)
	s := section{ID: "referrals", Heading: l.say(phReferralHeading), Intro: l.say(phReferralIntro, main.Label, topChannels)}
	b := block{Source: r.source(l, queryReferralSources)}
	m := mixOf(r.Referrals)
	chart, err := referralChart(l, m)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	n := notes{prefix: "referrals"}
	head := []cellView{{Text: l.say(phQuarter)}}
	for _, ch := range m.channels {
		cell := num(l.channel(ch))
		switch ch {
		case "internal":
			cell.Note = n.add(l.say(phInternalNote, strings.Join(r.siteLabels(), ", ")))
		case "other":
			cell.Note = n.add(l.say(phOtherNote))
		case restChannel:
			cell.Note = n.add(l.say(phRestNote, topChannels))
		}
		head = append(head, cell)
	}
	all := num(l.say(phAllChannels))
	all.Note = n.add(l.say(phAllChannelsNote))
	head = append(head, all)
	t := &tableView{
		ID:      "table-referrals",
		Caption: l.say(phReferralCaption, main.Host, l.period(r.Options.From, r.Options.To)),
		Head:    head,
	}
	for i, k := range m.quarters {
		row := []cellView{{Text: l.monthSpan(m.days[i][0], m.days[i][1]), Lines: []string{l.shortPeriod(m.days[i][0], m.days[i][1])}}}
		for _, ch := range m.channels {
			cell := num(l.percent(m.shares[ch][k]), l.count(m.visits[ch][k]))
			cell.Label = l.channel(ch)
			row = append(row, cell)
		}
		total := num(l.count(m.total[k]))
		total.Label = l.say(phAllChannels)
		row = append(row, total)
		t.Rows = append(t.Rows, rowView{Cells: row})
	}
	if err := downloadable(t, l, r, l.say(phFileReferrals), queryReferralSources, r.Referrals); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

// referralChart is Fig. 12: per quarter a bar of 100%, stacked from the parts of its
// visits that came through each of the top channels and the rest. Each channel has its
// fixed colour.
func referralChart(l locale, m referralMix) (*chartView, error) {
	const id = "chart-referrals"
	labels := make([]string, len(m.quarters))
	for i, d := range m.days {
		labels[i] = l.monthSpan(d[0], d[1])
	}
	// Room for a legend of up to three lines, as on a phone.
	bar := quarterBars(id, labels, opts.YAxis{Type: "value", Name: l.say(phShareOfVisits), Max: 100,
		AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}, "95")
	names := make([]string, len(m.channels))
	for i, ch := range m.channels {
		names[i] = l.channel(ch)
		data := make([]opts.BarData, len(m.quarters))
		for j, k := range m.quarters {
			data[j] = opts.BarData{Value: "-"}
			if share := m.shares[ch][k]; share != nil {
				data[j] = opts.BarData{Value: percentPoints(*share)}
			}
		}
		colour := channelColour(ch) // restChannel: the rest's grey
		bar.AddSeries(names[i], data, charts.WithBarChartOpts(opts.BarChart{Stack: "share", BarCategoryGap: "35%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colour, BorderColor: "#ffffff", BorderWidth: 1}))
	}
	label := l.say(phReferralChart, labels[0], labels[len(labels)-1], joinList(l, names)) + " " + l.say(phFigure)
	return newChartView(id, label, "chart chart-tall", bar)
}

// percentPoints is a share as the chart counts it: percentage points, to two decimals as
// the table shows them.
func percentPoints(share float64) float64 {
	return math.Round(share*10000) / 100
}
