package reports

import "strings"

// appendixID is the appendix's section id: the list of sources goes into it.
const appendixID = "appendix"

// appendixSection is the report's last section: the detail tables the body's top lists
// and charts leave out (every referral channel with its visitors, the own channels'
// posts, engagements and reach, the visits per theme and per organisation), and the
// query behind every number (Render adds it). It asks no queries of its own: the body's
// sections read what it shows.
var appendixSection = reportSection{
	campaign: true,
	render:   (*Report).appendixSection,
}

func (r *Report) appendixSection(l locale) (section, error) {
	s := section{ID: appendixID, Heading: l.say(phAppendixHeading), Intro: l.say(phAppendixIntro)}
	if r.Options.CampaignOnly {
		s.Intro = l.say(phAppendixCampaignIntro)
		return s, nil
	}
	if len(r.Referrals) > 0 {
		b, err := r.referralDetailBlock(l)
		if err != nil {
			return s, err
		}
		s.Blocks = append(s.Blocks, b)
	}
	if len(r.Channels) > 0 {
		b, err := r.channelDetailBlock(l)
		if err != nil {
			return s, err
		}
		s.Blocks = append(s.Blocks, b)
	}
	for _, group := range []func(locale) (block, error){r.themesBlock, r.organisationsBlock} {
		b, err := group(l)
		if err != nil {
			return s, err
		}
		if b.Empty == "" {
			s.Blocks = append(s.Blocks, b)
		}
	}
	return s, nil
}

// referralDetailBlock is the appendix's table of Fig. 12: every channel, in the
// configuration's order, with per quarter its visitors and its visits.
func (r *Report) referralDetailBlock(l locale) (block, error) {
	main := r.site(r.Options.MainSite)
	b := block{Heading: l.say(phReferralDetailHeading), Source: r.source(l, queryReferralSources)}
	var quarters []periodKey
	var firsts []ReferralQuarter // each quarter's first row: its days and its visits
	var channels []string
	cell := map[string]map[periodKey]ReferralQuarter{}
	for _, q := range r.Referrals {
		k := periodKey{isoDay(q.Start), isoDay(q.End)}
		if len(quarters) == 0 || quarters[len(quarters)-1] != k {
			quarters = append(quarters, k)
			firsts = append(firsts, q)
		}
		if cell[q.Channel] == nil {
			channels = append(channels, q.Channel)
			cell[q.Channel] = map[periodKey]ReferralQuarter{}
		}
		cell[q.Channel][k] = q
	}
	n := notes{prefix: "referral-detail"}
	head := []cellView{{Text: l.say(phChannelName)}}
	for _, q := range firsts {
		head = append(head, num(l.monthSpan(q.Start, q.End)))
	}
	head[1].Note = n.add(l.say(phReferralVisitorsNote))
	t := &tableView{
		ID:      "table-referral-detail",
		Caption: l.say(phReferralDetailCaption, main.Host, l.period(r.Options.From, r.Options.To)),
		Head:    head,
	}
	for _, ch := range channels {
		name := cellView{Text: l.channel(ch)}
		switch ch {
		case "internal":
			name.Note = n.add(l.say(phInternalNote, strings.Join(r.siteLabels(), ", ")))
		case "other":
			name.Note = n.add(l.say(phOtherNote))
		}
		row := []cellView{name}
		for _, k := range quarters {
			q, ok := cell[ch][k]
			if !ok {
				row = append(row, num("0"))
				continue
			}
			row = append(row, num(l.count(q.Visitors), l.say(phVisitsLine, l.count(q.Visits))))
		}
		t.Rows = append(t.Rows, rowView{Cells: row})
	}
	foot := []cellView{{Text: l.say(phAllChannels)}}
	for _, q := range firsts {
		foot = append(foot, num(l.notApplicable(), l.say(phVisitsLine, l.count(q.QuarterVisits))))
	}
	t.Foot = []rowView{{Total: true, Cells: foot}}
	if err := downloadable(t, l, r, l.say(phFileReferralDetail), queryReferralSources, r.Referrals); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}
