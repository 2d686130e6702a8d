package reports

import (
	"time"

	"bereik/queries"
)

// KeyFigure is one of the period's key figures with the same figure for the previous
// period of equal length and for the same period a year earlier. A value is nil where
// its window has no data for the figure's source: "n/a", never 0.
type KeyFigure struct {
	Metric                           string // visits, visitors, page_views, ad_impressions, ad_clicks, social_impressions
	PeriodStart, PeriodEnd           time.Time
	Value                            *int64
	PreviousStart, PreviousEnd       time.Time
	PreviousValue                    *int64
	ChangeVsPrevious                 *float64 // (value - previous) / previous
	YearEarlierStart, YearEarlierEnd time.Time
	YearEarlierValue                 *int64
	ChangeVsYearEarlier              *float64
}

// SourceFreshness is how fresh one source kind is, as of the database's last ingest.
type SourceFreshness struct {
	Kind            string
	Files           int64
	LastDay         *time.Time // the last day its files hold data for; nil for the catalogue
	LastLoaded      time.Time
	LastIngest      time.Time // the newest load of any file: the moment compared against
	StaleAfterHours int64
	HoursBehind     *int64
	Stale           bool
}

func (r *Report) readKeyFigures(res *queries.Result) error {
	return eachRow(queryKeyFigures, res, keyFigureColumns, func(c *cells) {
		r.KeyFigures = append(r.KeyFigures, KeyFigure{
			Metric:              c.text("metric"),
			PeriodStart:         c.date("period_start"),
			PeriodEnd:           c.date("period_end"),
			Value:               c.optCount("value"),
			PreviousStart:       c.date("previous_start"),
			PreviousEnd:         c.date("previous_end"),
			PreviousValue:       c.optCount("previous_value"),
			ChangeVsPrevious:    c.optRatio("change_vs_previous"),
			YearEarlierStart:    c.date("year_earlier_start"),
			YearEarlierEnd:      c.date("year_earlier_end"),
			YearEarlierValue:    c.optCount("year_earlier_value"),
			ChangeVsYearEarlier: c.optRatio("change_vs_year_earlier"),
		})
	})
}

func (r *Report) readFreshness(res *queries.Result) error {
	return eachRow(queryFreshness, res, freshnessColumns, func(c *cells) {
		r.Freshness = append(r.Freshness, SourceFreshness{
			Kind:            c.text("kind"),
			Files:           c.count("files"),
			LastDay:         c.optDate("last_day"),
			LastLoaded:      c.date("last_loaded"),
			LastIngest:      c.date("last_ingest"),
			StaleAfterHours: c.count("stale_after_hours"),
			HoursBehind:     c.optCount("hours_behind"),
			Stale:           c.flag("stale"),
		})
	})
}

func (k KeyFigure) values() []any {
	return []any{k.Metric, k.PeriodStart, k.PeriodEnd, k.Value, k.PreviousStart, k.PreviousEnd, k.PreviousValue,
		k.ChangeVsPrevious, k.YearEarlierStart, k.YearEarlierEnd, k.YearEarlierValue, k.ChangeVsYearEarlier}
}

func (f SourceFreshness) values() []any {
	var last any
	if f.LastDay != nil {
		last = *f.LastDay
	}
	return []any{f.Kind, f.Files, last, stamp(f.LastLoaded), stamp(f.LastIngest), f.StaleAfterHours, f.HoursBehind, f.Stale}
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
		if err := t.downloadable(l, "kerncijfers.csv", keyFigureColumns, valuesOf(r.KeyFigures)); err != nil {
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
			{Text: l.sourceKind(f.Kind)}, num(l.count(f.Files)), {Text: last}, {Text: l.stamp(f.LastLoaded)}, state,
		}})
	}
	if err := t.downloadable(l, "bronnen-actualiteit.csv", freshnessColumns, valuesOf(r.Freshness)); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}
