package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

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
	Visits    int64   `col:"visits"`
	Visitors  *int64  `col:"visitors"` // nil where page reports give the visits: they have no distinct visitors
	Source    string  `col:"source"`   // page_views, page_reports or both (for different periods)
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
		b := block{Heading: r.site(site).Label}
		articles := bySite[site]
		if len(articles) == 0 {
			b.Empty = l.say(phNoData)
			s.Blocks = append(s.Blocks, b)
			continue
		}
		chart, err := topArticlesChart(l, r.site(site), articles)
		if err != nil {
			return s, err
		}
		for base, i := chart.ID, 2; ids[chart.ID]; i++ { // two odd site names may share a slug
			chart.ID = fmt.Sprintf("%s-%d", base, i)
		}
		ids[chart.ID] = true
		b.Chart = chart
		n := notes{prefix: "top-" + slug(site)}
		t := &tableView{
			ID:      "table-" + strings.TrimPrefix(chart.ID, "chart-"),
			Caption: l.say(phTopCaption, r.site(site).Host, l.period(r.Options.From, r.Options.To)),
			Head: []cellView{num(l.say(phRank)), {Text: l.say(phPage)}, {Text: l.say(phItem)},
				num(l.say(phVisits)), num(l.say(phVisitors))},
		}
		for _, a := range articles {
			item := cellView{Text: l.say(phNotInCatalogue)}
			if a.ItemTitle != nil {
				item.Text = *a.ItemTitle
				if a.ItemType != nil && *a.ItemType != "" {
					item.Lines = []string{*a.ItemType}
				}
			}
			page := cellView{Text: pageName(a)}
			if a.PageTitle != "" && a.Path != "" {
				page.Lines = []string{a.Path}
			}
			visits := num(l.count(a.Visits))
			switch a.Source {
			case "page_reports":
				visits.Note = n.add(l.say(phFromPageReports))
			case "both":
				visits.Note = n.add(l.say(phFromBoth))
			}
			t.Rows = append(t.Rows, rowView{Cells: []cellView{
				num(l.count(a.Rank)), page, item, visits, num(l.optCount(a.Visitors)),
			}})
		}
		file := "top-artikelen-" + strings.TrimPrefix(chart.ID, "chart-top-") + ".csv"
		if err := downloadable(t, l, file, queryTopArticles, articles); err != nil {
			return s, err
		}
		b.Table, b.Notes = t, n.list
		s.Blocks = append(s.Blocks, b)
	}
	s.Blocks[len(s.Blocks)-1].Source = r.source(l, queryTopArticles)
	return s, nil
}

// topArticlesChart shows the visits to a site's most visited pages, the first on top.
func topArticlesChart(l locale, site Site, articles []TopArticle) (*chartView, error) {
	if len(articles) == 0 {
		return nil, nil
	}
	titles := make([]string, len(articles))
	visits := make([]opts.BarData, len(articles))
	for i, a := range articles {
		titles[i] = pageName(a)
		visits[i] = opts.BarData{Value: a.Visits}
	}
	id := "chart-top-" + slug(site.Name)
	bar := horizontalBars(id, titles, visits, l.say(phVisits), l.say(phVisits), 150, "60")
	label := l.say(phTopChart, site.Host) + " " + l.say(phFigure)
	return newChartView(id, label, "chart chart-top", bar)
}

// pageName is what a page is called: its title, else its path.
func pageName(a TopArticle) string {
	if a.PageTitle != "" {
		return a.PageTitle
	}
	return a.Path
}
