// Package reports owns the reach report as people read it: it turns the answers of the
// named queries into charts, tables and one self-contained HTML file, in Dutch or English.
// It never writes SQL; it asks a Runner for results by name.
//
// The report is a list of sections (sections, below), each in a file of its own with the
// queries it asks, the rows it reads (typed, as queries.Scan reads them), its chart and its
// table. Build runs the queries of the sections a report has; Render shows those sections.
package reports

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"bereik/queries"
)

// Runner runs a named query with typed arguments (queries.Args).
type Runner interface {
	Run(ctx context.Context, name string, args queries.Args) (*queries.Result, error)
}

// Options says which period the report covers, what it is about and how it is written.
// Everything about the programme comes from here (the caller reads it from bereik.toml);
// the package names no programme, site or campaign of its own.
type Options struct {
	From, To time.Time // inclusive dates of the period reported
	Label    string    // the programme's name, in the title; may be ""; a campaign report ignores it
	Lang     string    // "nl" (default) or "en"
	Campaign string    // the campaign of the campaign sections, e.g. "Twinkels 2021"

	// Sites are the configured sites in the order the report shows them.
	Sites []Site
	// MainSite is the site whose visits and referrals the report shows, and the funnel's
	// last step.
	MainSite string
	// MagazineSite is the site the campaign's ads lead to: the funnel's middle step, and
	// its pages under MagazinePrefix are the campaign's articles (the top Twinkels),
	// shown in the campaign's sections rather than among the top articles.
	MagazineSite, MagazinePrefix string

	// QuarterStartMonth is the month the database's quarters start in (settings of the
	// last ingest; 1 for calendar quarters): a report of fewer than eight quarters shows
	// the quarters before it on its trend charts. 0 shows the period's quarters only.
	QuarterStartMonth int

	// CampaignOnly makes the report a campaign report: the campaign's sections only,
	// headed by the campaign's name. From and To are then the campaign's or the flight's
	// dates, chosen by the caller.
	CampaignOnly bool
	// Flight, in a campaign report, shows only this flight of the campaign; 0 shows all.
	Flight int64
}

// Site is a configured site as the report names it.
type Site struct {
	Name  string // as the data name it: "kennisplein"
	Label string // as a heading names it: "Kennisplein"
	Host  string // as a sentence names it: "kennispleingehandicaptensector.nl"
}

// topListLimit is how many rows the top lists show: knowledge products, posts per
// platform, Twinkels.
const topListLimit = 5

// sections are the report's sections in the order the design gives them. Build runs
// their queries, Render shows them; a campaign report has only those marked campaign.
var sections = []reportSection{
	keyFiguresSection,
	visitsSection,
	referralsSection,
	channelsSection,
	topArticlesSection,
	contentSection,
	postsSection,
	twinkelSection,
	topTwinkelsSection,
	funnelSection,
	qualitySection,
	appendixSection,
}

// reportSection is one section of the report: the queries it asks and how it is shown.
type reportSection struct {
	// campaign says whether the campaign report has the section (the full report has all).
	campaign bool
	queries  []sectionQuery
	// shown says whether the report has data for the section; a section without is left
	// out, and the first screen says which sources are missing. nil: always shown.
	shown  func(r *Report) bool
	render func(r *Report, l locale) (section, error)
}

// sectionQuery is one query a section asks: its name, the arguments it is given (every
// parameter, explicitly) and how its rows are read into the report. Queries run in the
// order of the sections, so that args may use what an earlier query read.
type sectionQuery struct {
	name string
	// as names this run of the query among the report's sources, where a section runs a
	// query twice (the quarters before the period); "" is the query's name.
	as string
	// args are the query's arguments; nil arguments skip the query.
	args func(r *Report) queries.Args
	// after marks a query whose args read the results of the queries before it: it runs
	// once they are read (the others run side by side, Report.ask).
	after bool
	read  func(r *Report, res *queries.Result) error
}

// key is the name the run's arguments are kept under.
func (q sectionQuery) key() string { return cmp.Or(q.as, q.name) }

// rowsInto reads a result's rows as T (queries.Scan) into the report's field at.
func rowsInto[T any](at func(*Report) *[]T) func(*Report, *queries.Result) error {
	return func(r *Report, res *queries.Result) error {
		rows, err := queries.Scan[T](res)
		*at(r) = rows
		return err
	}
}

// periodArgs, topArgs, mainSiteArgs and campaignArgs are the arguments most queries take.
func periodArgs(r *Report) queries.Args {
	return queries.Args{"from": r.Options.From, "to": r.Options.To}
}

func topArgs(limit int64) func(*Report) queries.Args {
	return func(r *Report) queries.Args {
		return queries.Args{"from": r.Options.From, "to": r.Options.To, "limit": limit}
	}
}

func mainSiteArgs(r *Report) queries.Args {
	return queries.Args{"site": r.Options.MainSite, "from": r.Options.From, "to": r.Options.To}
}

func campaignArgs(r *Report) queries.Args {
	return queries.Args{"campaign": r.Options.Campaign, "from": r.Options.From, "to": r.Options.To}
}

// Report is the reach report for one period: the answers of its queries, read into the
// report's domain types, ready to render.
type Report struct {
	// Options are the options it was built with, Lang filled in.
	Options Options
	// KeyFigures are the period's key figures against earlier periods, one per metric.
	KeyFigures []KeyFigure
	// SiteFigures are the visits and visitors per site against earlier periods.
	SiteFigures []SiteKeyFigure
	// Coverage says per source kind whether its data cover the period.
	Coverage []SourceCoverage
	// Quarters are the visits to the programme's pages per programme quarter (Fig. 11);
	// EarlierQuarters the quarters before the period that its trend chart shows.
	Quarters, EarlierQuarters []ProgrammeQuarter
	// Referrals are the visits and visitors per quarter and referral channel (Fig. 12).
	Referrals []ReferralQuarter
	// Channels are the reach and engagement of the own social channels per quarter (Fig. 13);
	// EarlierChannels those of the quarters before the period.
	Channels, EarlierChannels []ChannelQuarter
	// KnowledgeProducts are the most visited knowledge products of the content catalogue.
	KnowledgeProducts []KnowledgeProduct
	// Themes and Organisations are the visits to the catalogue's items per theme and per
	// organisation; the entry with Total set is the distinct visits over all items.
	Themes        []ThemeVisits
	Organisations []OrganisationVisits
	// TopPosts are the most seen organic posts per platform.
	TopPosts []TopPost
	// TopTwinkels are the most visited Twinkels on the campaign's magazine.
	TopTwinkels []TopTwinkel
	// Forecast is the campaign's impressions forecast at its end; nil without ad data.
	Forecast *Forecast
	// LastForecast is, once the campaign has ended, the forecast made with the data up to
	// the day before its last day, to compare with the actual total; else nil.
	LastForecast *Forecast
	// Gaps are the days without data per source.
	Gaps []DataGap
	// RejectedFiles are the loaded files with rejected rows.
	RejectedFiles []RejectedFile
	// Flights are the campaign's flights, one per flight and ad format (Fig. 14).
	Flights []Flight
	// FormatTotals are the campaign's totals per format; the format "total" is all
	// formats together.
	FormatTotals []FormatTotal
	// Funnel is the campaign's funnel, step by step (Fig. 15).
	Funnel []FunnelStep
	// TopArticles are the most visited pages per site.
	TopArticles []TopArticle
	// Annotations are the analyst's notes on days of the period, by day.
	Annotations []Annotation

	// sources holds the arguments each query was run with, so that every number on the
	// page names the query an analyst can run to check it.
	sources map[string]queries.Args
}

// Build runs the queries of the report's sections, each with every parameter given.
func Build(ctx context.Context, run Runner, opts Options) (*Report, error) {
	if opts.Lang == "" {
		opts.Lang = "nl"
	}
	if opts.Lang != "nl" && opts.Lang != "en" {
		return nil, fmt.Errorf("report language %q is not supported; use nl or en", opts.Lang)
	}
	if opts.From.IsZero() || opts.To.IsZero() {
		return nil, fmt.Errorf("report period needs both a from and a to date")
	}
	if opts.To.Before(opts.From) {
		return nil, fmt.Errorf("report period ends (%s) before it starts (%s)",
			opts.To.Format(time.DateOnly), opts.From.Format(time.DateOnly))
	}
	if opts.CampaignOnly && opts.Campaign == "" {
		return nil, fmt.Errorf("a campaign report needs the campaign's name")
	}
	if opts.Flight < 0 {
		return nil, fmt.Errorf("flight %d is not a flight; flights count from 1 (0 means all)", opts.Flight)
	}
	if opts.Flight > 0 && !opts.CampaignOnly {
		return nil, fmt.Errorf("flight %d: a single flight goes with a campaign report (CampaignOnly)", opts.Flight)
	}
	r := &Report{Options: opts, sources: map[string]queries.Args{}}
	var asked []sectionQuery
	for _, s := range r.sections() {
		asked = append(asked, s.queries...)
	}
	asked = append(asked, annotationsQuery)
	if err := r.ask(ctx, run, asked); err != nil {
		return nil, err
	}
	return r, nil
}

// askedAtOnce is how many of the report's queries run at the same time. Most of a query's
// time is spent in phases DuckDB runs on one thread (counting distinct visitors, sorting
// a top list); two at once keep both cores of the machine busy (docs/BENCHMARKS.md).
const askedAtOnce = 2

// ask runs the queries, askedAtOnce at a time, and reads their results into the report in
// the order asked. A query whose arguments depend on the results before it (after) waits
// until they are read.
func (r *Report) ask(ctx context.Context, run Runner, asked []sectionQuery) error {
	ctx, cancel := context.WithCancel(ctx)
	type running struct {
		q    sectionQuery
		args queries.Args
		res  *queries.Result
		err  error
		done chan struct{}
	}
	var (
		started []*running
		read    int
		slots   = make(chan struct{}, askedAtOnce)
		wg      sync.WaitGroup
	)
	// Nothing runs on once ask returns: a query still running is cancelled and waited for.
	defer func() {
		cancel()
		wg.Wait()
	}()
	// failed is the error of the first query in the order asked that failed by itself, not
	// because another's failure cancelled it.
	failed := func() error {
		for _, q := range started {
			select {
			case <-q.done:
				if q.err != nil && !errors.Is(q.err, context.Canceled) {
					return fmt.Errorf("report query %s: %w", q.q.name, q.err)
				}
			default:
			}
		}
		return nil
	}
	readUpTo := func(n int) error {
		for ; read < n; read++ {
			q := started[read]
			<-q.done
			switch {
			case q.err != nil:
				cancel()
				wg.Wait()
				if err := failed(); err != nil {
					return err
				}
				return fmt.Errorf("report query %s: %w", q.q.name, q.err)
			case q.res == nil:
				return fmt.Errorf("report query %s returned no result", q.q.name)
			}
			if err := q.q.read(r, q.res); err != nil {
				return err
			}
			r.sources[q.q.key()] = q.args
		}
		return nil
	}
	for _, q := range asked {
		if q.after {
			if err := readUpTo(len(started)); err != nil {
				return err
			}
		}
		args := q.args(r)
		if args == nil {
			continue
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			// A query failed (the first to fail in the order asked says why), or the
			// report was cancelled.
			if err := readUpTo(len(started)); err != nil {
				return err
			}
			return fmt.Errorf("report: %w", ctx.Err())
		}
		sq := &running{q: q, args: args, done: make(chan struct{})}
		started = append(started, sq)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(sq.done)
			defer func() { <-slots }()
			if sq.res, sq.err = run.Run(ctx, q.name, args); sq.err != nil {
				cancel() // the report fails: the queries after it need not run
			}
		}()
	}
	return readUpTo(len(started))
}

// sections are the sections this report asks its queries for: all, or a campaign
// report's.
func (r *Report) sections() []reportSection {
	if !r.Options.CampaignOnly {
		return sections
	}
	var campaign []reportSection
	for _, s := range sections {
		if s.campaign {
			campaign = append(campaign, s)
		}
	}
	return campaign
}

// shownSections are the sections the report shows: those it has data for.
func (r *Report) shownSections() []reportSection {
	var shown []reportSection
	for _, s := range r.sections() {
		if s.shown == nil || s.shown(r) {
			shown = append(shown, s)
		}
	}
	return shown
}

// site is how the report names a site: as configured, else by its name alone.
func (r *Report) site(name string) Site {
	for _, s := range r.Options.Sites {
		if s.Name == name {
			return s
		}
	}
	return Site{Name: name, Label: name, Host: name}
}

// siteOrder is a site's place in the configured order; other sites come after.
func (r *Report) siteOrder(name string) int {
	if i := slices.IndexFunc(r.Options.Sites, func(s Site) bool { return s.Name == name }); i >= 0 {
		return i
	}
	return len(r.Options.Sites)
}

// siteLabels are the labels of every configured site, in order.
func (r *Report) siteLabels() []string {
	var labels []string
	for _, s := range r.Options.Sites {
		labels = append(labels, s.Label)
	}
	return labels
}

// checkRows runs check on every row and names the query and the row of the first error.
func checkRows[T any](query string, rows []T, check func(T) error) error {
	for i, row := range rows {
		if err := check(row); err != nil {
			return fmt.Errorf("query %s: row %d: %w", query, i+1, err)
		}
	}
	return nil
}

// ratioOfSums checks that a group's rate is its clicks over its impressions, not a mean of
// its rows' rates (the published report's error). A rounding to four decimals passes.
func ratioOfSums(col string, rate *float64, clicks, impressions *int64) error {
	if rate == nil || clicks == nil || impressions == nil || *impressions == 0 {
		return nil
	}
	want := float64(*clicks) / float64(*impressions)
	if math.Abs(*rate-want) > 5e-5 {
		return fmt.Errorf("column %s is %.4f but clicks / impressions is %.4f: a rate over a group must be the ratio of its sums, not a mean of rates",
			col, *rate, want)
	}
	return nil
}

// byDay orders annotations and other dated rows by day.
func byDay(a, b time.Time) int { return cmp.Compare(isoDay(a), isoDay(b)) }
