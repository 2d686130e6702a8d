package reports

import (
	"slices"
	"strings"
	"time"

	"bereik/queries"
)

// KeyFigure is one of the period's key figures with the same figure for the previous
// period of equal length and for the same period a year earlier. A value is nil where
// its window has no data for the figure's source: "–", never 0.
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

// SiteKeyFigure is a key figure of one site: its visits or visitors, each site compared
// with itself only.
type SiteKeyFigure struct {
	Site        string    `col:"site"`
	FirstDay    time.Time `col:"first_day"` // the site's first day of page views
	LastDay     time.Time `col:"last_day"`
	NewInPeriod bool      `col:"new_in_period"` // its data begin inside the period
	KeyFigure
}

// SourceCoverage is whether one source kind's loaded data cover the report's period.
type SourceCoverage struct {
	Kind        string     `col:"kind"`
	LabelNL     string     `col:"label_nl"` // the kind's name, as the pipeline's registry gives it
	LabelEN     string     `col:"label_en"`
	TargetTable string     `col:"target_table"` // page_views, meta_ads, social_posts, ...
	Files       int64      `col:"files"`
	FirstDay    *time.Time `col:"first_day"` // nil for the catalogue, which has no dates
	LastDay     *time.Time `col:"last_day"`
	LastLoaded  time.Time  `col:"last_loaded"`
	Covers      string     `col:"covers"` // yes, until, from, part, no or undated
}

const (
	queryKeyFigures     = "key_figures"
	querySiteKeyFigures = "site_key_figures"
	queryCoverage       = "coverage"
)

// keyFiguresSection is section 1: the period's key figures per site, and of the campaign
// and the own channels, with their change against the previous period and the same period
// a year earlier. The coverage of the sources, which the data-quality section shows, is
// read here: the first screen says which sources are missing.
var keyFiguresSection = reportSection{
	queries: []sectionQuery{
		{name: querySiteKeyFigures, args: periodArgs, read: rowsInto(func(r *Report) *[]SiteKeyFigure { return &r.SiteFigures })},
		{name: queryKeyFigures, args: otherKeyFigureArgs, read: rowsInto(func(r *Report) *[]KeyFigure { return &r.KeyFigures })},
		{name: queryCoverage, args: periodArgs, read: rowsInto(func(r *Report) *[]SourceCoverage { return &r.Coverage })},
	},
	shown: func(r *Report) bool {
		return len(r.SiteFigures) > 0 || len(r.otherKeyFigures()) > 0
	},
	render: (*Report).keyFiguresSection,
}

// otherKeyFigureMetrics are the figures of key_figures the report shows: its visits add up
// every site, which the sites' own figures (site_key_figures) show apart, so that each is
// compared with itself.
var otherKeyFigureMetrics = []string{"ad_impressions", "ad_clicks", "social_impressions"}

// otherKeyFigureArgs asks key_figures for those figures only: the visits it would count
// are not shown.
func otherKeyFigureArgs(r *Report) queries.Args {
	args := campaignArgs(r)
	args["metrics"] = strings.Join(otherKeyFigureMetrics, ",")
	return args
}

// otherKeyFigures are the key figures of the campaign and the own channels that have a
// value: the visits of key_figures add up every site, which the sites' own figures show
// apart, so that each is compared with itself.
func (r *Report) otherKeyFigures() []KeyFigure {
	var shown []KeyFigure
	for _, k := range r.KeyFigures {
		if slices.Contains(otherKeyFigureMetrics, k.Metric) && k.Value != nil {
			shown = append(shown, k)
		}
	}
	return shown
}

func (r *Report) keyFiguresSection(l locale) (section, error) {
	s := section{ID: "key-figures", Heading: l.say(phKeyHeading), Intro: l.say(phKeyIntro)}
	if len(r.SiteFigures) > 0 {
		b, err := r.siteFiguresBlock(l)
		if err != nil {
			return s, err
		}
		s.Blocks = append(s.Blocks, b)
	}
	if others := r.otherKeyFigures(); len(others) > 0 {
		b, err := r.otherFiguresBlock(l, others)
		if err != nil {
			return s, err
		}
		s.Blocks = append(s.Blocks, b)
	}
	return s, nil
}

// comparisons says which earlier windows a key figures' table shows: those that any of
// its figures has a value for. A period of two years has neither, and its table is not
// filled with columns of "–".
type comparisons struct{ previous, yearEarlier bool }

func comparisonsOf(figures []KeyFigure) comparisons {
	var c comparisons
	for _, k := range figures {
		c.previous = c.previous || k.PreviousValue != nil
		c.yearEarlier = c.yearEarlier || k.YearEarlierValue != nil
	}
	return c
}

// keyFigureHead is the head of a key figures' table: the figure, this period, and the
// previous period and the year earlier where shown, each with its change.
func keyFigureHead(l locale, k KeyFigure, c comparisons, n *notes) []cellView {
	head := []cellView{{Text: l.say(phFigureName)}, num(l.say(phThisPeriod), l.span(k.PeriodStart, k.PeriodEnd))}
	var change *note
	if c.previous || c.yearEarlier {
		change = n.add(l.say(phChangeNote))
	}
	if c.previous {
		head = append(head, num(l.say(phPreviousPeriod), l.span(k.PreviousStart, k.PreviousEnd)),
			cellView{Text: l.say(phChange), Class: "num", Note: change})
	}
	if c.yearEarlier {
		head = append(head, num(l.say(phYearEarlier), l.span(k.YearEarlierStart, k.YearEarlierEnd)),
			cellView{Text: l.say(phChange), Class: "num", Note: change})
	}
	return head
}

// keyFigureCells are a key figure's cells after its name, each labelled for the cards
// that the table becomes on a phone.
func keyFigureCells(l locale, k KeyFigure, c comparisons) []cellView {
	value := num(l.optCount(k.Value))
	value.Label = l.say(phThisPeriod)
	cells := []cellView{value}
	if c.previous {
		previous, change := num(l.optCount(k.PreviousValue)), l.trend(k.ChangeVsPrevious)
		previous.Label = l.say(phPreviousPeriod) + " (" + l.span(k.PreviousStart, k.PreviousEnd) + ")"
		change.Label = l.say(phChangeVsPrevious)
		cells = append(cells, previous, change)
	}
	if c.yearEarlier {
		earlier, change := num(l.optCount(k.YearEarlierValue)), l.trend(k.ChangeVsYearEarlier)
		earlier.Label = l.say(phYearEarlier) + " (" + l.span(k.YearEarlierStart, k.YearEarlierEnd) + ")"
		change.Label = l.say(phChangeVsYearEarlier)
		cells = append(cells, earlier, change)
	}
	return cells
}

// siteFiguresBlock shows the visits and visitors of each site's programme pages: the
// main site's visits are Fig. 11's, and a site new in the period says since when.
func (r *Report) siteFiguresBlock(l locale) (block, error) {
	b := block{Heading: l.say(phSiteFiguresHeading), Source: r.source(l, querySiteKeyFigures)}
	n := notes{prefix: "site-figures"}
	first := r.SiteFigures[0].KeyFigure
	var figures []KeyFigure
	for _, f := range r.SiteFigures {
		figures = append(figures, f.KeyFigure)
	}
	c := comparisonsOf(figures)
	t := &tableView{
		ID:      "table-site-figures",
		Class:   "cards",
		Caption: l.say(phSiteFiguresCaption, l.span(first.PeriodStart, first.PeriodEnd)),
		Head:    keyFigureHead(l, first, c, &n),
	}
	for _, f := range r.SiteFigures {
		site := r.site(f.Site)
		name := cellView{Text: site.Label, Lines: []string{l.metric(f.Metric)}}
		if f.Metric == "visitors" {
			name.Note = n.add(l.say(phKeyVisitorsNote))
		}
		if f.NewInPeriod {
			name.Lines = append(name.Lines, l.say(phNewSince, l.shortDate(f.FirstDay)))
		}
		if f.Site == r.Options.MainSite && f.Metric == "visits" {
			name.Note = n.add(l.say(phMainSiteNote))
		}
		t.Rows = append(t.Rows, rowView{Cells: append([]cellView{name}, keyFigureCells(l, f.KeyFigure, c)...)})
	}
	if c.previous || c.yearEarlier {
		n.add(l.say(phNoDataNote))
	} else {
		n.add(l.say(phNoComparisonNote))
	}
	if err := downloadable(t, l, r, l.say(phFileSiteFigures), querySiteKeyFigures, r.SiteFigures); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}

// otherFiguresBlock shows the key figures of the campaign and the own channels.
func (r *Report) otherFiguresBlock(l locale, figures []KeyFigure) (block, error) {
	b := block{Heading: l.say(phOtherFiguresHeading), Source: r.source(l, queryKeyFigures)}
	n := notes{prefix: "key"}
	c := comparisonsOf(figures)
	t := &tableView{
		ID:      "table-key-figures",
		Class:   "cards",
		Caption: l.say(phKeyCaption, l.span(figures[0].PeriodStart, figures[0].PeriodEnd)),
		Head:    keyFigureHead(l, figures[0], c, &n),
	}
	for _, k := range figures {
		name := cellView{Text: l.metric(k.Metric)}
		switch k.Metric {
		case "ad_impressions", "ad_clicks":
			name.Text = l.say(phCampaignMetric, l.metric(k.Metric), r.Options.Campaign)
		case "social_impressions":
			name.Note = n.add(l.say(phSocialImpressionsNote))
		}
		t.Rows = append(t.Rows, rowView{Cells: append([]cellView{name}, keyFigureCells(l, k, c)...)})
	}
	if c.previous || c.yearEarlier {
		n.add(l.say(phNoDataNote))
	} else {
		n.add(l.say(phNoComparisonNote))
	}
	if err := downloadable(t, l, r, l.say(phFileKeyFigures), queryKeyFigures, figures); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}

// mainSiteVisits is the main site's visits key figure, or nil.
func (r *Report) mainSiteVisits() *SiteKeyFigure {
	for i, f := range r.SiteFigures {
		if f.Site == r.Options.MainSite && f.Metric == "visits" {
			return &r.SiteFigures[i]
		}
	}
	return nil
}

// keyFigure is the key figure of a metric, or nil.
func (r *Report) keyFigure(metric string) *KeyFigure {
	for i, k := range r.KeyFigures {
		if k.Metric == metric {
			return &r.KeyFigures[i]
		}
	}
	return nil
}

// missingSources names the kinds of data the period has none of: the sites' visits, the
// ads, the own channels' posts. Their sections are left out of the report.
func (r *Report) missingSources(l locale) []string {
	if r.Options.CampaignOnly {
		return nil
	}
	groups := []struct {
		tables []string
		name   phrase
	}{
		{[]string{"page_views", "page_reports"}, phMissingVisits},
		{[]string{"meta_ads"}, phMissingAds},
		{[]string{"social_posts", "channel_days"}, phMissingPosts},
	}
	var missing []string
	for _, g := range groups {
		if !slices.ContainsFunc(r.Coverage, func(c SourceCoverage) bool {
			return slices.Contains(g.tables, c.TargetTable) && c.Covers != "no" && c.Covers != "undated"
		}) {
			missing = append(missing, l.say(g.name))
		}
	}
	return missing
}

// sourceCoverage reads whether a source kind covers the period, as the data-quality
// section's table shows it: yes, up to its last day, from its first, or no.
func (l locale) sourceCoverage(c SourceCoverage) cellView {
	switch c.Covers {
	case "yes":
		return cellView{Text: l.say(phCoversYes)}
	case "until":
		return cellView{Text: l.say(phCoversUntil, l.shortDate(*c.LastDay))}
	case "from":
		return cellView{Text: l.say(phCoversFrom, l.shortDate(*c.FirstDay))}
	case "part":
		return cellView{Text: l.say(phCoversPart, l.shortPeriod(*c.FirstDay, *c.LastDay))}
	case "no":
		return cellView{Text: l.say(phCoversNo)}
	}
	return cellView{Text: l.say(phCoversUndated)}
}

// coverageBlock lists per source kind its first and last day of data, its last load,
// and whether it covers the report's period.
func (r *Report) coverageBlock(l locale) (block, error) {
	b := block{Heading: l.say(phCoverageHeading), Source: r.source(l, queryCoverage)}
	if len(r.Coverage) == 0 {
		b.Empty = l.say(phNothingLoaded)
		return b, nil
	}
	n := notes{prefix: "coverage"}
	covers := cellView{Text: l.say(phCovers)}
	covers.Note = n.add(l.say(phCoversNote))
	t := &tableView{
		ID:      "table-coverage",
		Caption: l.say(phCoverageCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phSourceKind)}, num(l.say(phFiles)), {Text: l.say(phDataFromTo)},
			{Text: l.say(phLastLoaded)}, covers},
	}
	for _, c := range r.Coverage {
		span := l.notApplicable()
		if c.FirstDay != nil && c.LastDay != nil {
			span = l.shortPeriod(*c.FirstDay, *c.LastDay)
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: l.pick(c.LabelNL, c.LabelEN)}, num(l.count(c.Files)), {Text: span}, {Text: l.stamp(c.LastLoaded)},
			l.sourceCoverage(c),
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileCoverage), queryCoverage, r.Coverage); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}
