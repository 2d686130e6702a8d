package reports

import (
	"time"

	"bereik/queries"
)

// DataGap is the days without data of one source (page views or page reports of a site,
// a campaign's ads) between its first and last day in the period.
type DataGap struct {
	Source                         string // page_views, page_reports, meta_ads
	Subject                        string // the site, or the campaign
	FirstDay, LastDay              time.Time
	Days                           int64 // days expected to have data
	DaysWithoutData                int64
	Gaps                           int64 // runs of consecutive days without data
	LongestGapStart, LongestGapEnd *time.Time
}

// RejectedFile is a loaded file with rejected rows, and its first rejected row.
type RejectedFile struct {
	Path          string
	Kind          string
	LoadedAt      time.Time
	RowsLoaded    int64
	RowsRejected  int64
	RowsBots      int64
	RejectedShare *float64
	FirstLine     *int64
	FirstColumn   string
	FirstReason   string
}

func (r *Report) readGaps(res *queries.Result) error {
	return eachRow(queryDataGaps, res, gapColumns, func(c *cells) {
		r.Gaps = append(r.Gaps, DataGap{
			Source:          c.text("source"),
			Subject:         c.text("subject"),
			FirstDay:        c.date("first_day"),
			LastDay:         c.date("last_day"),
			Days:            c.count("days"),
			DaysWithoutData: c.count("days_without_data"),
			Gaps:            c.count("gaps"),
			LongestGapStart: c.optDate("longest_gap_start"),
			LongestGapEnd:   c.optDate("longest_gap_end"),
		})
	})
}

func (r *Report) readRejectedFiles(res *queries.Result) error {
	return eachRow(queryRejectedFiles, res, rejectedColumns, func(c *cells) {
		r.RejectedFiles = append(r.RejectedFiles, RejectedFile{
			Path:          c.text("path"),
			Kind:          c.text("kind"),
			LoadedAt:      c.date("loaded_at"),
			RowsLoaded:    c.count("rows_loaded"),
			RowsRejected:  c.count("rows_rejected"),
			RowsBots:      c.count("rows_bots"),
			RejectedShare: c.optRatio("rejected_share"),
			FirstLine:     c.optCount("first_line"),
			FirstColumn:   c.optText("first_column"),
			FirstReason:   c.optText("first_reason"),
		})
	})
}

func (g DataGap) values() []any {
	return []any{g.Source, g.Subject, g.FirstDay, g.LastDay, g.Days, g.DaysWithoutData, g.Gaps,
		optDay(g.LongestGapStart), optDay(g.LongestGapEnd)}
}

func (f RejectedFile) values() []any {
	return []any{f.Path, f.Kind, stamp(f.LoadedAt), f.RowsLoaded, f.RowsRejected, f.RowsBots, f.RejectedShare,
		f.FirstLine, f.FirstColumn, f.FirstReason}
}

// qualitySection is section 8: days without data, files with rejected rows, and stale
// sources.
func (r *Report) qualitySection(l locale) (section, error) {
	s := section{ID: "data-quality", Heading: l.say(phQualityHeading), Intro: l.say(phQualityIntro)}
	gaps, err := r.gapsBlock(l)
	if err != nil {
		return s, err
	}
	rejected, err := r.rejectedBlock(l)
	if err != nil {
		return s, err
	}
	s.Blocks = append(s.Blocks, gaps, rejected, r.staleBlock(l))
	return s, nil
}

func (r *Report) gapsBlock(l locale) (block, error) {
	b := block{Heading: l.say(phGapsHeading), Source: r.source(l, queryDataGaps)}
	if len(r.Gaps) == 0 {
		b.Empty = l.say(phNoData)
		return b, nil
	}
	chart, err := gapsChart(l, r.Gaps)
	if err != nil {
		return b, err
	}
	b.Chart = chart
	n := notes{prefix: "gaps"}
	days := num(l.say(phDaysExpected))
	days.Note = n.add(l.say(phDaysExpectedNote))
	t := &tableView{
		ID:      "table-gaps",
		Caption: l.say(phGapsCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phSourceKind)}, {Text: l.say(phDataFromTo)}, days,
			num(l.say(phDaysWithoutData)), {Text: l.say(phLongestGap)}},
	}
	for _, g := range r.Gaps {
		longest := l.notApplicable()
		if g.LongestGapStart != nil && g.LongestGapEnd != nil {
			longest = l.shortPeriod(*g.LongestGapStart, *g.LongestGapEnd)
		}
		missing := num(l.count(g.DaysWithoutData))
		if g.DaysWithoutData > 0 {
			missing.Class = "num warn"
			missing.Lines = []string{l.say(phGapRuns, l.count(g.Gaps))}
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: l.gapSource(g.Source), Lines: []string{l.subject(g.Subject)}},
			{Text: l.shortPeriod(g.FirstDay, g.LastDay)},
			num(l.count(g.Days)), missing, {Text: longest},
		}})
	}
	if err := t.downloadable(l, "dagen-zonder-gegevens.csv", gapColumns, valuesOf(r.Gaps)); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}

func (r *Report) rejectedBlock(l locale) (block, error) {
	b := block{Heading: l.say(phRejectedHeading), Source: r.source(l, queryRejectedFiles)}
	if len(r.RejectedFiles) == 0 {
		b.Empty = l.say(phNoRejects)
		return b, nil
	}
	t := &tableView{
		ID:      "table-rejected-files",
		Caption: l.say(phRejectedCaption),
		Head: []cellView{{Text: l.say(phFile)}, num(l.say(phRowsLoaded)), num(l.say(phRowsRejected)),
			num(l.say(phRejectedShare)), {Text: l.say(phFirstReject)}},
	}
	for _, f := range r.RejectedFiles {
		first := cellView{Text: f.FirstReason}
		if f.FirstLine != nil {
			first.Lines = []string{l.say(phLineColumn, l.count(*f.FirstLine), f.FirstColumn)}
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: f.Path, Lines: []string{l.sourceKind(f.Kind) + " · " + l.stamp(f.LoadedAt)}},
			num(l.count(f.RowsLoaded)), num(l.count(f.RowsRejected)), num(l.percent(f.RejectedShare)), first,
		}})
	}
	if err := t.downloadable(l, "afgewezen-rijen-per-bestand.csv", rejectedColumns, valuesOf(r.RejectedFiles)); err != nil {
		return b, err
	}
	b.Table = t
	return b, nil
}

// staleBlock names the sources whose newest data is older than the configured age; the
// freshness table of the key figures has the details.
func (r *Report) staleBlock(l locale) block {
	b := block{Heading: l.say(phStaleHeading), Source: r.source(l, queryFreshness)}
	var names []string
	for _, f := range r.Freshness {
		if f.Stale {
			names = append(names, l.sourceKind(f.Kind))
		}
	}
	switch {
	case len(r.Freshness) == 0:
		b.Empty = l.say(phNothingLoaded)
	case len(names) == 0:
		b.Text = []string{l.say(phNoneStale)}
	default:
		b.Text = []string{l.say(phSomeStale, joinList(l, names), r.Freshness[0].StaleAfterHours, l.stamp(r.Freshness[0].LastIngest))}
	}
	return b
}

func optDay(t *time.Time) any {
	if t == nil {
		return nil
	}
	return *t
}
