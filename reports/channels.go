package reports

import (
	"time"

	"bereik/queries"
)

// ChannelQuarter is the reach and engagement of one of the platform's own social
// channels in one quarter, from the posts published in it.
type ChannelQuarter struct {
	Start, End     time.Time
	Platform       string // facebook, instagram, linkedin, x, youtube
	Posts          int64
	Impressions    *int64
	Engagements    *int64
	EngagementRate *float64 // sum of engagements / sum of impressions over the posts with both
	ReachSum       *int64   // the posts' reach added up: an upper bound, not unique reach
}

func (r *Report) readChannels(res *queries.Result) error {
	return eachRow(queryChannelReach, res, channelColumns, func(c *cells) {
		r.Channels = append(r.Channels, ChannelQuarter{
			Start:          c.date("quarter_start"),
			End:            c.date("quarter_end"),
			Platform:       c.text("platform"),
			Posts:          c.count("posts"),
			Impressions:    c.optCount("impressions"),
			Engagements:    c.optCount("engagements"),
			EngagementRate: c.optRatio("engagement_rate"),
			ReachSum:       c.optCount("reach_sum"),
		})
	})
}

func (q ChannelQuarter) values() []any {
	return []any{q.Start, q.End, q.Platform, q.Posts, q.Impressions, q.Engagements, q.EngagementRate, q.ReachSum}
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
	if err := t.downloadable(l, "kanalen-per-kwartaal.csv", channelColumns, valuesOf(r.Channels)); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}
