// Package reports owns the reach report as people read it: it turns the answers of the
// named queries into charts, tables and one self-contained HTML file, in Dutch or English.
// It never writes SQL; it asks a Runner for results by name.
package reports

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"bereik/queries"
)

// Runner runs a named query with string parameters (dates as 2006-01-02).
type Runner interface {
	Run(ctx context.Context, name string, params map[string]string) (*queries.Result, error)
}

// Options says which period the report covers and how it is written.
type Options struct {
	From, To time.Time // inclusive dates of the period reported
	Label    string    // e.g. "Begeleiding à la carte", the programme; may be ""; a campaign report ignores it
	Lang     string    // "nl" (default) or "en"
	Campaign string    // e.g. "Twinkels 2021"

	// CampaignOnly makes the report a campaign report: the Twinkel campaign and its funnel
	// only, headed by the campaign's name. From and To are then the campaign's or the
	// flight's dates, chosen by the caller.
	CampaignOnly bool
	// Flight, in a campaign report, shows only this flight of the campaign; 0 shows all.
	Flight int64
}

// The queries the report asks, and how many rows of each top list it shows.
const (
	queryKeyFigures           = "key_figures"
	queryFreshness            = "freshness"
	queryVisitsPerQuarter     = "visits_per_quarter"
	queryReferralSources      = "referral_sources"
	queryChannelReach         = "channel_reach"
	queryTopArticles          = "top_articles"
	queryTopKnowledgeProducts = "top_knowledge_products"
	queryVisitsByTheme        = "visits_by_theme"
	queryVisitsByOrganisation = "visits_by_organisation"
	queryTopPosts             = "top_posts"
	queryTwinkelFlights       = "twinkel_flights"
	queryTwinkelTotals        = "twinkel_totals"
	queryTopTwinkels          = "top_twinkels"
	queryFunnel               = "funnel"
	queryForecast             = "forecast"
	queryDataGaps             = "data_gaps"
	queryRejectedFiles        = "rejected_files"
	queryAnnotations          = "annotations"

	topArticlesLimit = 5
	topListLimit     = 5 // knowledge products, posts per platform, Twinkels
	// magazineSite is the campaign's magazine: its pages are the Twinkels, shown in the
	// campaign's section rather than among the top articles. It is the default of the
	// queries funnel and top_twinkels.
	magazineSite = "twinkelmagazine"
)

// The columns the report reads from each query's result, in the order its CSV downloads
// give them.
var (
	keyFigureColumns = []string{"metric", "period_start", "period_end", "value",
		"previous_start", "previous_end", "previous_value", "change_vs_previous",
		"year_earlier_start", "year_earlier_end", "year_earlier_value", "change_vs_year_earlier"}
	freshnessColumns = []string{"kind", "files", "last_day", "last_loaded", "last_ingest", "stale_after_hours", "hours_behind", "stale"}
	quarterColumns   = []string{"quarter_start", "quarter_end", "visits", "visitors", "new_visits", "returning_visits"}
	referralColumns  = []string{"quarter_start", "quarter_end", "channel", "channel_rank", "visits", "visitors"}
	channelColumns   = []string{"quarter_start", "quarter_end", "platform", "posts", "impressions", "engagements", "engagement_rate", "reach_sum"}
	flightColumns    = []string{"campaign", "flight", "flight_start", "flight_end", "format", "data_start", "data_end",
		"impressions", "unique_reach", "reach_upper_bound", "views", "clicks", "ctr", "frequency"}
	formatTotalColumns  = []string{"format", "flights", "impressions", "reach_sum", "views", "clicks", "ctr"}
	funnelColumns       = []string{"step", "stage", "impressions", "clicks", "visits", "visitors", "avg_visit_seconds"}
	topArticleColumns   = []string{"site", "rank", "path", "page_title", "item_title", "item_type", "visits", "visitors", "source"}
	productColumns      = []string{"rank", "nr", "title", "type", "organisations", "themes", "site", "path", "visits", "visitors"}
	themeColumns        = []string{"theme", "is_total", "items", "visits", "visitors"}
	organisationColumns = []string{"organisation", "is_total", "items", "visits", "visitors"}
	postColumns         = []string{"platform", "rank", "metric", "value", "published_at", "title", "url", "post_id"}
	twinkelColumns      = []string{"rank", "path", "page_title", "visits", "visitors"}
	forecastColumns     = []string{"campaign", "campaign_start", "campaign_end", "as_of", "impressions_so_far",
		"flight_days_so_far", "flight_days_remaining", "impressions_per_flight_day", "forecast_impressions"}
	gapColumns      = []string{"source", "subject", "first_day", "last_day", "days", "days_without_data", "gaps", "longest_gap_start", "longest_gap_end"}
	rejectedColumns = []string{"path", "kind", "loaded_at", "rows_loaded", "rows_rejected", "rows_bots", "rejected_share",
		"first_line", "first_column", "first_reason"}
	annotationColumns = []string{"day", "text"}
)

// Report is the reach report for one period: the answers of its queries, read into the
// report's domain types, ready to render.
type Report struct {
	// Options are the options it was built with, Lang filled in.
	Options Options
	// KeyFigures are the period's key figures against earlier periods, one per metric.
	KeyFigures []KeyFigure
	// Freshness is how fresh each source kind is.
	Freshness []SourceFreshness
	// Quarters are the visits to the programme's pages per programme quarter (Fig. 11).
	Quarters []ProgrammeQuarter
	// Referrals are the visits and visitors per quarter and referral channel (Fig. 12).
	Referrals []ReferralQuarter
	// Channels are the reach and engagement of the own social channels per quarter (Fig. 13).
	Channels []ChannelQuarter
	// KnowledgeProducts are the most visited knowledge products of the content catalogue.
	KnowledgeProducts []KnowledgeProduct
	// Themes and Organisations are the visits to the catalogue's items per theme and per
	// organisation; the entry with Total set is the distinct visits over all items.
	Themes, Organisations []GroupVisits
	// TopPosts are the most seen organic posts per platform.
	TopPosts []TopPost
	// TopTwinkels are the most visited Twinkels on the campaign's magazine.
	TopTwinkels []TopTwinkel
	// Forecast is the campaign's impressions forecast at its end; nil without ad data.
	Forecast *Forecast
	// Gaps are the days without data per source.
	Gaps []DataGap
	// RejectedFiles are the loaded files with rejected rows.
	RejectedFiles []RejectedFile
	// Flights are the Twinkel campaign's flights, one per flight and ad format (Fig. 14).
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

	// sources holds the parameters each query was run with, so that every number on the
	// page names the query an analyst can run to check it.
	sources map[string]map[string]string
}

// ProgrammeQuarter is the visits to the programme's pages in one programme quarter.
type ProgrammeQuarter struct {
	Start, End      time.Time // End is the quarter's last day, inclusive
	Visits          int64
	Visitors        int64 // distinct visitors within this quarter; quarters do not add up
	NewVisits       int64
	ReturningVisits int64
}

// Flight is one flight of a paid campaign in one ad format.
type Flight struct {
	Campaign           string
	Number             int64
	Start, End         time.Time // the flight's dates, inclusive
	Format             string    // "static", "dynamic" or "unknown"
	DataStart, DataEnd time.Time // the reporting period the numbers cover
	Impressions        int64
	UniqueReach        *int64 // nil when the export's grain gives no unique reach
	ReachUpperBound    int64  // the rows' reach summed: an upper bound of unique reach
	Views              *int64 // 3-second video plays; nil for formats without video
	Clicks             int64
	CTR                *float64 // clicks / impressions, a fraction
	Frequency          *float64 // impressions / unique reach
}

// FormatTotal is a campaign's totals over its flights for one ad format, or for all
// formats together when Format is "total".
type FormatTotal struct {
	Format      string
	Flights     int64
	Impressions int64
	ReachSum    int64 // sum of per-flight reach: an upper bound, never the campaign's reach
	Views       *int64
	Clicks      int64
	CTR         *float64 // sum of clicks / sum of impressions
}

// FunnelStep is one step of a campaign's funnel: the paid social posts that spark
// interest, the magazine that inspires, the knowledge platform where people learn.
type FunnelStep struct {
	Step            int64
	Stage           string   // "ads", "magazine" or "platform"
	Impressions     *int64   // the ads' impressions; nil for a site
	Clicks          *int64   // the ads' link clicks; nil for a site
	Visits          *int64   // a site's visits; nil for the ads
	Visitors        *int64   // a site's distinct visitors over the whole period
	AvgVisitSeconds *float64 // total time on page / visits
}

// headline is the number the step is known by: the ads' impressions, a site's visits.
func (s FunnelStep) headline() *int64 {
	if s.Stage == "ads" {
		return s.Impressions
	}
	return s.Visits
}

// Annotation is a note the analyst wrote for a day (bereik annotate). Its text is data:
// the report shows it, never runs or renders it as markup.
type Annotation struct {
	Day  time.Time
	Text string
}

// TopArticle is one of the most visited pages of a site.
type TopArticle struct {
	Site      string // "kennisplein", "vilans" or "twinkelmagazine"
	Rank      int64
	Path      string
	PageTitle string
	ItemTitle *string // the content catalogue's item, nil when the page is not in it
	ItemType  *string
	Visits    int64
	Visitors  *int64 // nil where page reports give the visits: they have no distinct visitors
	Source    string // page_views, page_reports or both (for different periods)
}

// Build runs the queries the report needs.
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
	from, to := opts.From.Format(time.DateOnly), opts.To.Format(time.DateOnly)
	r := &Report{Options: opts, sources: map[string]map[string]string{}}

	type step struct {
		query  string
		params map[string]string
		read   func(*queries.Result) error
	}
	period := func() map[string]string { return map[string]string{"from": from, "to": to} }
	limited := func(limit int) map[string]string {
		return map[string]string{"from": from, "to": to, "limit": fmt.Sprint(limit)}
	}
	campaign := func() map[string]string { return map[string]string{"campaign": opts.Campaign, "from": from, "to": to} }
	campaignSteps := []step{
		{queryTwinkelFlights, campaign(), r.readFlights},
		{queryTwinkelTotals, campaign(), r.readFormatTotals},
		{queryForecast, map[string]string{"campaign": opts.Campaign, "to": to}, r.readForecast},
		{queryTopTwinkels, limited(topListLimit), r.readTopTwinkels},
		{queryFunnel, campaign(), r.readFunnel},
	}
	var steps []step
	if opts.CampaignOnly {
		steps = campaignSteps
	} else {
		steps = []step{
			{queryKeyFigures, campaign(), r.readKeyFigures},
			{queryFreshness, map[string]string{}, r.readFreshness},
			{queryVisitsPerQuarter, period(), r.readQuarters},
			{queryReferralSources, period(), r.readReferrals},
			{queryChannelReach, period(), r.readChannels},
			{queryTopArticles, limited(topArticlesLimit), r.readTopArticles},
			{queryTopKnowledgeProducts, limited(topListLimit), r.readKnowledgeProducts},
			{queryVisitsByTheme, period(), r.readThemes},
			{queryVisitsByOrganisation, period(), r.readOrganisations},
			{queryTopPosts, limited(topListLimit), r.readTopPosts},
		}
		steps = append(steps, campaignSteps...)
		steps = append(steps,
			step{queryDataGaps, period(), r.readGaps},
			step{queryRejectedFiles, map[string]string{}, r.readRejectedFiles})
	}
	steps = append(steps, step{queryAnnotations, period(), r.readAnnotations})
	for _, s := range steps {
		res, err := run.Run(ctx, s.query, s.params)
		if err != nil {
			return nil, fmt.Errorf("report query %s: %w", s.query, err)
		}
		if res == nil {
			return nil, fmt.Errorf("report query %s returned no result", s.query)
		}
		if err := s.read(res); err != nil {
			return nil, err
		}
		r.sources[s.query] = s.params
	}
	return r, nil
}

func (r *Report) readQuarters(res *queries.Result) error {
	return eachRow(queryVisitsPerQuarter, res, quarterColumns,
		func(c *cells) {
			r.Quarters = append(r.Quarters, ProgrammeQuarter{
				Start:           c.date("quarter_start"),
				End:             c.date("quarter_end"),
				Visits:          c.count("visits"),
				Visitors:        c.count("visitors"),
				NewVisits:       c.count("new_visits"),
				ReturningVisits: c.count("returning_visits"),
			})
		})
}

func (r *Report) readFlights(res *queries.Result) error {
	err := eachRow(queryTwinkelFlights, res, flightColumns,
		func(c *cells) {
			f := Flight{
				Campaign:        c.text("campaign"),
				Number:          c.count("flight"),
				Start:           c.date("flight_start"),
				End:             c.date("flight_end"),
				Format:          c.text("format"),
				DataStart:       c.date("data_start"),
				DataEnd:         c.date("data_end"),
				Impressions:     c.count("impressions"),
				UniqueReach:     c.optCount("unique_reach"),
				ReachUpperBound: c.count("reach_upper_bound"),
				Views:           c.optCount("views"),
				Clicks:          c.count("clicks"),
				CTR:             c.optRatio("ctr"),
				Frequency:       c.optRatio("frequency"),
			}
			c.check(ratioOfSums("ctr", f.CTR, f.Clicks, f.Impressions))
			// The caller restricts the period to the flight's dates; the flight's number
			// decides, in case another flight's reporting rows fall inside them.
			if r.Options.Flight > 0 && f.Number != r.Options.Flight {
				return
			}
			r.Flights = append(r.Flights, f)
		})
	if err != nil {
		return err
	}
	slices.SortStableFunc(r.Flights, func(a, b Flight) int {
		return cmp.Or(cmp.Compare(a.Campaign, b.Campaign), cmp.Compare(a.Number, b.Number),
			cmp.Compare(formatOrder(a.Format), formatOrder(b.Format)))
	})
	return nil
}

func (r *Report) readFormatTotals(res *queries.Result) error {
	return eachRow(queryTwinkelTotals, res, formatTotalColumns,
		func(c *cells) {
			t := FormatTotal{
				Format:      c.text("format"),
				Flights:     c.count("flights"),
				Impressions: c.count("impressions"),
				ReachSum:    c.count("reach_sum"),
				Views:       c.optCount("views"),
				Clicks:      c.count("clicks"),
				CTR:         c.optRatio("ctr"),
			}
			c.check(ratioOfSums("ctr", t.CTR, t.Clicks, t.Impressions))
			r.FormatTotals = append(r.FormatTotals, t)
		})
}

func (r *Report) readTopArticles(res *queries.Result) error {
	err := eachRow(queryTopArticles, res, topArticleColumns,
		func(c *cells) {
			r.TopArticles = append(r.TopArticles, TopArticle{
				Site:      c.text("site"),
				Rank:      c.count("rank"),
				Path:      c.text("path"),
				PageTitle: c.optText("page_title"),
				ItemTitle: c.optTextPtr("item_title"),
				ItemType:  c.optTextPtr("item_type"),
				Visits:    c.count("visits"),
				Visitors:  c.optCount("visitors"),
				Source:    c.text("source"),
			})
		})
	if err != nil {
		return err
	}
	slices.SortStableFunc(r.TopArticles, func(a, b TopArticle) int {
		return cmp.Or(cmp.Compare(siteOrder(a.Site), siteOrder(b.Site)), cmp.Compare(a.Site, b.Site),
			cmp.Compare(a.Rank, b.Rank))
	})
	return nil
}

func (r *Report) readFunnel(res *queries.Result) error {
	err := eachRow(queryFunnel, res, funnelColumns,
		func(c *cells) {
			r.Funnel = append(r.Funnel, FunnelStep{
				Step:            c.count("step"),
				Stage:           c.text("stage"),
				Impressions:     c.optCount("impressions"),
				Clicks:          c.optCount("clicks"),
				Visits:          c.optCount("visits"),
				Visitors:        c.optCount("visitors"),
				AvgVisitSeconds: c.optRatio("avg_visit_seconds"),
			})
		})
	if err != nil {
		return err
	}
	slices.SortStableFunc(r.Funnel, func(a, b FunnelStep) int { return cmp.Compare(a.Step, b.Step) })
	return nil
}

func (r *Report) readAnnotations(res *queries.Result) error {
	err := eachRow(queryAnnotations, res, annotationColumns,
		func(c *cells) {
			r.Annotations = append(r.Annotations, Annotation{Day: c.date("day"), Text: c.text("text")})
		})
	if err != nil {
		return err
	}
	slices.SortStableFunc(r.Annotations, func(a, b Annotation) int { return cmp.Compare(isoDay(a.Day), isoDay(b.Day)) })
	return nil
}

// ratioOfSums checks that a group's rate is its clicks over its impressions, not a mean of
// its rows' rates (the published report's error). A rounding to four decimals passes.
func ratioOfSums(col string, rate *float64, clicks, impressions int64) error {
	if rate == nil || impressions == 0 {
		return nil
	}
	want := float64(clicks) / float64(impressions)
	if math.Abs(*rate-want) > 5e-5 {
		return fmt.Errorf("column %s is %.4f but clicks / impressions is %.4f: a rate over a group must be the ratio of its sums, not a mean of rates",
			col, *rate, want)
	}
	return nil
}

// formatOrder puts static before dynamic before anything else.
func formatOrder(format string) int {
	switch format {
	case "static":
		return 0
	case "dynamic":
		return 1
	case "total":
		return 3
	}
	return 2
}

// siteOrder puts the sites in the order the report shows them.
func siteOrder(site string) int {
	switch site {
	case "kennisplein":
		return 0
	case "vilans":
		return 1
	case "twinkelmagazine":
		return 2
	}
	return 3
}
