package reports

import (
	"cmp"
	"slices"
	"time"

	"bereik/queries"
)

// ReferralQuarter is the visits and visitors to the programme's pages in one quarter that
// came through one referral channel (the channel of the visit's first page view).
type ReferralQuarter struct {
	Start, End  time.Time
	Channel     string // newsletter, paid_social, facebook, ..., search, other, internal, direct
	ChannelRank int64  // the order the configuration gives the channels
	Visits      int64  // visits add up over channels: each visit has one
	Visitors    int64  // distinct within the quarter and channel; they do not add up
}

func (r *Report) readReferrals(res *queries.Result) error {
	err := eachRow(queryReferralSources, res, referralColumns, func(c *cells) {
		r.Referrals = append(r.Referrals, ReferralQuarter{
			Start:       c.date("quarter_start"),
			End:         c.date("quarter_end"),
			Channel:     c.text("channel"),
			ChannelRank: c.count("channel_rank"),
			Visits:      c.count("visits"),
			Visitors:    c.count("visitors"),
		})
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(r.Referrals, func(a, b ReferralQuarter) int {
		return cmp.Or(cmp.Compare(isoDay(a.Start), isoDay(b.Start)), cmp.Compare(a.ChannelRank, b.ChannelRank),
			cmp.Compare(a.Channel, b.Channel))
	})
	return nil
}

func (q ReferralQuarter) values() []any {
	return []any{q.Start, q.End, q.Channel, q.ChannelRank, q.Visits, q.Visitors}
}

// periodKey is one quarter (or the part of it the period covers).
type periodKey struct{ start, end string }

// referralsSection is Fig. 12: the visitors to the programme's pages per referral
// channel, per quarter.
func (r *Report) referralsSection(l locale) (section, error) {
	s := section{ID: "referrals", Heading: l.say(phReferralHeading), Intro: l.say(phReferralIntro)}
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
		Caption: l.say(phReferralCaption, l.siteHost("kennisplein"), l.period(r.Options.From, r.Options.To)),
		Head:    head,
	}
	totals := make([]int64, len(quarters))
	for _, ch := range channels {
		name := cellView{Text: l.channel(ch)}
		switch ch {
		case "internal":
			name.Note = n.add(l.say(phInternalNote))
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
	if err := t.downloadable(l, "verwijzingen-per-kwartaal.csv", referralColumns, valuesOf(r.Referrals)); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}
