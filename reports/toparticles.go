package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"bereik/queries"
)

// TopArticle is one of the most visited pages of a site.
type TopArticle struct {
	Site      string  `col:"site"`
	Rank      int64   `col:"rank"`
	Path      string  `col:"path"`
	PageTitle string  `col:"page_title"`
	ItemTitle *string `col:"item_title"` // the content catalogue's item, nil when the page is not in it
	ItemType  *string `col:"item_type"`
	Visits    *int64  `col:"visits"`   // nil where the site's figures are GA4's views
	Visitors  *int64  `col:"visitors"` // nil where page reports give the visits: they have no distinct visitors
	Source    string  `col:"source"`   // page_views, page_reports, both (for different periods) or ga4
	Metric    string  `col:"metric"`   // what the pages are ranked by: visits, or views (GA4)
	Views     *int64  `col:"views"`    // GA4's views of the page
	Users     *int64  `col:"users"`    // GA4's users of the page over one period
}

// measure is what a page is ranked by: its visits, or GA4's views.
func (a TopArticle) measure() int64 {
	if a.Visits != nil {
		return *a.Visits
	}
	if a.Views != nil {
		return *a.Views
	}
	return 0
}

const (
	queryTopArticles = "top_articles"
	topArticlesLimit = 5
)

// topArticlesSection is the most visited pages of each site but the campaign's magazine.
var topArticlesSection = reportSection{
	queries: []sectionQuery{{
		name: queryTopArticles,
		args: topArgs(topArticlesLimit),
		read: func(r *Report, res *queries.Result) error {
			if err := rowsInto(func(r *Report) *[]TopArticle { return &r.TopArticles })(r, res); err != nil {
				return err
			}
			slices.SortStableFunc(r.TopArticles, func(a, b TopArticle) int {
				return cmp.Or(cmp.Compare(r.siteOrder(a.Site), r.siteOrder(b.Site)), cmp.Compare(a.Site, b.Site),
					cmp.Compare(a.Rank, b.Rank))
			})
			return nil
		},
	}},
	shown: func(r *Report) bool {
		return slices.ContainsFunc(r.TopArticles, func(a TopArticle) bool { return a.Site != r.Options.MagazineSite })
	},
	render: (*Report).topArticlesSection,
}

func (r *Report) topArticlesSection(l locale) (section, error) {
	s := section{ID: "top-articles", Heading: l.say(phTopHeading), Intro: l.say(phTopIntro, topArticlesLimit)}
	bySite := map[string][]TopArticle{}
	var sites []string // the configured sites always, if need be as empty
	for _, s := range r.Options.Sites {
		if s.Name != r.Options.MagazineSite {
			sites = append(sites, s.Name)
		}
	}
	for _, a := range r.TopArticles {
		if a.Site == r.Options.MagazineSite { // its pages are the Twinkels, shown with the campaign
			continue
		}
		if !slices.Contains(sites, a.Site) {
			sites = append(sites, a.Site)
		}
		bySite[a.Site] = append(bySite[a.Site], a)
	}
	ids := map[string]bool{}
	for _, site := range sites {
		b := block{Heading: r.site(site).Label, Source: r.source(l, queryTopArticles)}
		articles := bySite[site]
		if len(articles) == 0 {
			b.Empty = l.say(phNoData)
			s.Blocks = append(s.Blocks, b)
			continue
		}
		views := articles[0].Metric == "views" // GA4: views and users, not visits
		chart, err := topArticlesChart(l, r.site(site), articles, views)
		if err != nil {
			return s, err
		}
		for base, i := chart.ID, 2; ids[chart.ID]; i++ { // two odd site names may share a slug
			chart.ID = fmt.Sprintf("%s-%d", base, i)
		}
		ids[chart.ID] = true
		b.Chart = chart
		n := notes{prefix: "top-" + slug(site)}
		head := []cellView{num(l.say(phRank)), {Text: l.say(phPage)}, {Text: l.say(phItem)},
			num(l.say(phVisits)), num(l.say(phVisitors))}
		caption := l.say(phTopCaption, r.site(site).Host, l.period(r.Options.From, r.Options.To))
		if views {
			head[3], head[4] = num(l.say(phGA4Views)), num(l.say(phGA4Users))
			head[3].Note = n.add(l.say(phGA4Note))
			caption = l.say(phTopCaptionViews, r.site(site).Host, l.period(r.Options.From, r.Options.To))
		}
		t := &tableView{ID: "table-" + strings.TrimPrefix(chart.ID, "chart-"), Caption: caption, Head: head}
		for _, a := range articles {
			item := cellView{Text: l.say(phNotInCatalogue)}
			if a.ItemTitle != nil {
				item.Text = *a.ItemTitle
				if a.ItemType != nil && *a.ItemType != "" {
					item.Lines = []string{l.itemType(*a.ItemType)}
				}
			}
			page := cellView{Text: pageName(a)}
			if a.PageTitle != "" && a.Path != "" {
				page.Lines = []string{a.Path}
			}
			first, second := num(l.optCount(a.Visits)), num(l.optCount(a.Visitors))
			switch {
			case views:
				first, second = num(l.optCount(a.Views)), num(l.optCount(a.Users))
			case a.Source == "page_reports":
				first.Note = n.add(l.say(phFromPageReports))
			case a.Source == "both":
				first.Note = n.add(l.say(phFromBoth))
			}
			t.Rows = append(t.Rows, rowView{Cells: []cellView{num(l.count(a.Rank)), page, item, first, second}})
		}
		file := l.say(phFileTopArticles, strings.TrimPrefix(chart.ID, "chart-top-"))
		if err := downloadable(t, l, r, file, queryTopArticles, articles); err != nil {
			return s, err
		}
		b.Table, b.Notes = t, n.list
		s.Blocks = append(s.Blocks, b)
	}
	return s, nil
}

// topArticlesChart shows the visits to a site's most visited pages, or GA4's views of
// them, the first on top.
func topArticlesChart(l locale, site Site, articles []TopArticle, views bool) (*chartView, error) {
	titles := make([]string, len(articles))
	values := make([]opts.BarData, len(articles))
	for i, a := range articles {
		titles[i] = pageName(a)
		values[i] = opts.BarData{Value: a.measure()}
	}
	id := "chart-top-" + slug(site.Name)
	series, label := l.say(phVisits), l.say(phTopChart, site.Host)
	if views {
		series, label = l.say(phGA4Views), l.say(phTopChartViews, site.Host)
	}
	bar := horizontalBars(id, titles, values, series, series, 150, "60")
	bar.SetSeriesOptions(charts.WithItemStyleOpts(opts.ItemStyle{Color: measuredColour}))
	return newChartView(id, label+" "+l.say(phFigure), "chart chart-top", bar)
}

// pageName is what a page is called: its title, else its path.
func pageName(a TopArticle) string {
	if a.PageTitle != "" {
		return a.PageTitle
	}
	return a.Path
}
