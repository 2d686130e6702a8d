package reports

import "bereik/queries"

// TopTwinkel is one of the most visited Twinkels on the campaign's magazine.
type TopTwinkel struct {
	Rank      int64  `col:"rank"`
	Path      string `col:"path"`
	PageTitle string `col:"page_title"`
	Visits    int64  `col:"visits"`
	Visitors  int64  `col:"visitors"`
}

const queryTopTwinkels = "top_twinkels"

// topTwinkelsSection is the most visited Twinkels: the pages of the campaign's magazine
// under its prefix.
var topTwinkelsSection = reportSection{
	campaign: true,
	queries: []sectionQuery{{
		name: queryTopTwinkels,
		args: func(r *Report) queries.Args {
			args := topArgs(topListLimit)(r)
			args["site"], args["prefix"] = r.Options.MagazineSite, r.Options.MagazinePrefix
			return args
		},
		read: rowsInto(func(r *Report) *[]TopTwinkel { return &r.TopTwinkels }),
	}},
	shown:  func(r *Report) bool { return len(r.TopTwinkels) > 0 },
	render: (*Report).topTwinkelsSection,
}

func (r *Report) topTwinkelsSection(l locale) (section, error) {
	magazine := r.site(r.Options.MagazineSite)
	s := section{ID: "top-twinkels", Heading: l.say(phTopTwinkelsHeading, magazine.Label), Intro: l.say(phTopTwinkelsIntro, topListLimit, magazine.Host)}
	b := block{Source: r.source(l, queryTopTwinkels)}
	if len(r.TopTwinkels) == 0 {
		b.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, b)
		return s, nil
	}
	names := make([]string, len(r.TopTwinkels))
	values := make([]int64, len(r.TopTwinkels))
	for i, t := range r.TopTwinkels {
		names[i], values[i] = twinkelName(t), t.Visits
	}
	chart, err := rankedBars(l, "chart-top-twinkels", names, values, l.say(phVisits), l.say(phTopTwinkelsChart, magazine.Label), measuredColour)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	t := &tableView{
		ID:      "table-top-twinkels",
		Caption: l.say(phTopTwinkelsCaption, magazine.Host, l.period(r.Options.From, r.Options.To)),
		Head:    []cellView{num(l.say(phRank)), {Text: l.say(phPage)}, num(l.say(phVisits)), num(l.say(phVisitors))},
	}
	for _, tw := range r.TopTwinkels {
		page := cellView{Text: twinkelName(tw)}
		if tw.PageTitle != "" {
			page.Lines = []string{tw.Path}
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			num(l.count(tw.Rank)), page, num(l.count(tw.Visits)), num(l.count(tw.Visitors)),
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileTopTwinkels), queryTopTwinkels, r.TopTwinkels); err != nil {
		return s, err
	}
	b.Table = t
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

func twinkelName(t TopTwinkel) string {
	if t.PageTitle != "" {
		return t.PageTitle
	}
	return t.Path
}
