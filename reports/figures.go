package reports

import (
	"time"

	"bereik/queries"
)

// KeyFigure is one of the period's key figures with the same figure for the previous
// period of equal length and for the same period a year earlier. A value is nil where
// its window has no data for the figure's source: "n/a", never 0.
type KeyFigure struct {
	Metric              string    `col:"metric"` // visits, visitors, page_views, ad_impressions, ad_clicks, social_impressions
	PeriodStart         time.Time `col:"period_start"`
	PeriodEnd           time.Time `col:"period_end"`
	Value               *int64    `col:"value"`
	PreviousStart       time.Time `col:"previous_start"`
	PreviousEnd         time.Time `col:"previous_end"`
	PreviousValue       *int64    `col:"previous_value"`
	ChangeVsPrevious    *float64  `col:"change_vs_previous"` // (value - previous) / previous
	YearEarlierStart    time.Time `col:"year_earlier_start"`
	YearEarlierEnd      time.Time `col:"year_earlier_end"`
	YearEarlierValue    *int64    `col:"year_earlier_value"`
	ChangeVsYearEarlier *float64  `col:"change_vs_year_earlier"`
}

// SourceFreshness is how fresh one source kind is, as of the database's last ingest.
type SourceFreshness struct {
	Kind            string     `col:"kind"`
	LabelNL         string     `col:"label_nl"` // the kind's name, as the pipeline's registry gives it
	LabelEN         string     `col:"label_en"`
	Files           int64      `col:"files"`
	LastDay         *time.Time `col:"last_day"` // the last day its files hold data for; nil for the catalogue
	LastLoaded      time.Time  `col:"last_loaded"`
	LastIngest      time.Time  `col:"last_ingest"` // the newest load of any file: the moment compared against
	StaleAfterHours int64      `col:"stale_after_hours"`
	HoursBehind     *int64     `col:"hours_behind"`
	Stale           bool       `col:"stale"`
}

const (
	queryKeyFigures = "key_figures"
	queryFreshness  = "freshness"
)

// keyFiguresSection is section 1: the key figures with their change against the previous
// period and the same period a year earlier, and how fresh each source is.
var keyFiguresSection = reportSection{
	queries: []sectionQuery{
		{queryKeyFigures, campaignArgs, rowsInto(func(r *Report) *[]KeyFigure { return &r.KeyFigures })},
		{queryFreshness, func(*Report) queries.Args { return queries.Args{} },
			rowsInto(func(r *Report) *[]SourceFreshness { return &r.Freshness })},
	},
	render: (*Report).keyFiguresSection,
}

// keyFiguresSection is section 1: the key figures with their change against the previous
// period and the same period a year earlier, and how fresh each source is.
func (r *Report) keyFiguresSection(l locale) (section, error) {
	s := section{ID: "key-figures", Heading: l.say(phKeyHeading), Intro: l.say(phKeyIntro)}
	b := block{Source: r.source(l, queryKeyFigures)}
	if len(r.KeyFigures) == 0 {
		b.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, b)
	} else {
		first := r.KeyFigures[0]
		n := notes{prefix: "key"}
		change := l.say(phChange)
		t := &tableView{
			ID:      "table-key-figures",
			Caption: l.say(phKeyCaption, l.span(first.PeriodStart, first.PeriodEnd)),
			Head: []cellView{
				{Text: l.say(phFigureName)},
				num(l.say(phThisPeriod), l.span(first.PeriodStart, first.PeriodEnd)),
				num(l.say(phPreviousPeriod), l.span(first.PreviousStart, first.PreviousEnd)),
				num(change),
				num(l.say(phYearEarlier), l.span(first.YearEarlierStart, first.YearEarlierEnd)),
				num(change),
			},
		}
		t.Head[3].Note = n.add(l.say(phChangeNote))
		t.Head[5].Note = t.Head[3].Note
		for _, k := range r.KeyFigures {
			name := cellView{Text: l.metric(k.Metric)}
			switch k.Metric {
			case "visitors":
				name.Note = n.add(l.say(phKeyVisitorsNote))
			case "ad_impressions", "ad_clicks":
				name.Lines = []string{r.Options.Campaign}
			}
			t.Rows = append(t.Rows, rowView{Cells: []cellView{
				name,
				num(l.optCountNoData(k.Value)),
				num(l.optCountNoData(k.PreviousValue)),
				l.trend(k.ChangeVsPrevious),
				num(l.optCountNoData(k.YearEarlierValue)),
				l.trend(k.ChangeVsYearEarlier),
			}})
		}
		n.add(l.say(phNoDataNote))
		if err := downloadable(t, l, "kerncijfers.csv", queryKeyFigures, r.KeyFigures); err != nil {
			return s, err
		}
		b.Table, b.Notes = t, n.list
		s.Blocks = append(s.Blocks, b)
	}
	fresh, err := r.freshnessBlock(l)
	if err != nil {
		return s, err
	}
	s.Blocks = append(s.Blocks, fresh)
	return s, nil
}

// freshnessBlock lists per source kind its last day of data, its last load and whether
// it is stale.
func (r *Report) freshnessBlock(l locale) (block, error) {
	b := block{Heading: l.say(phFreshnessHeading), Source: r.source(l, queryFreshness)}
	if len(r.Freshness) == 0 {
		b.Empty = l.say(phNothingLoaded)
		return b, nil
	}
	n := notes{prefix: "freshness"}
	status := cellView{Text: l.say(phStatus)}
	status.Note = n.add(l.say(phStaleNote, r.Freshness[0].StaleAfterHours, l.stamp(r.Freshness[0].LastIngest)))
	t := &tableView{
		ID:      "table-freshness",
		Caption: l.say(phFreshnessCaption),
		Head: []cellView{{Text: l.say(phSourceKind)}, num(l.say(phFiles)), {Text: l.say(phLastDay)},
			{Text: l.say(phLastLoaded)}, status},
	}
	for _, f := range r.Freshness {
		last := l.notApplicable()
		if f.LastDay != nil {
			last = l.shortDate(*f.LastDay)
		}
		state := cellView{Text: l.say(phFresh)}
		switch {
		case f.LastDay == nil:
			state.Text = l.say(phUndated)
		case f.Stale:
			state = cellView{Text: l.say(phStale), Class: "warn"}
			if f.HoursBehind != nil {
				state.Lines = []string{l.say(phBehind, l.count(*f.HoursBehind/24))}
			}
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: l.pick(f.LabelNL, f.LabelEN)}, num(l.count(f.Files)), {Text: last}, {Text: l.stamp(f.LastLoaded)}, state,
		}})
	}
	if err := downloadable(t, l, "bronnen-actualiteit.csv", queryFreshness, r.Freshness); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}
