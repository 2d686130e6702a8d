package reports

import (
	"bereik/queries"
)

// KnowledgeProduct is one of the content catalogue's most visited knowledge products.
type KnowledgeProduct struct {
	Rank          int64  `col:"rank"`
	Nr            int64  `col:"nr"`
	Title         string `col:"title"`
	Type          string `col:"type"`
	Organisations string `col:"organisations"`
	Themes        string `col:"themes"`
	Site          string `col:"site"`
	Path          string `col:"path"`     // ends in * where the item is every page under a folder
	Visits        int64  `col:"visits"`   // distinct visits that viewed any of its pages
	Visitors      int64  `col:"visitors"` // distinct visitors
}

// GroupVisits is the visits to the catalogue's items of one theme or organisation. A
// visit to an item of two themes counts for both, so groups add up to more than the
// visits; the entry with Total set is the distinct visits over all items.
type GroupVisits struct {
	Total    bool  `col:"is_total"`
	Items    int64 `col:"items"` // the group's items that had visits
	Visits   int64 `col:"visits"`
	Visitors int64 `col:"visitors"`
}

// ThemeVisits is the visits to the items of one theme.
type ThemeVisits struct {
	Theme *string `col:"theme"` // "" for items without one; nil for the total
	GroupVisits
}

// OrganisationVisits is the visits to the items of one organisation.
type OrganisationVisits struct {
	Organisation *string `col:"organisation"` // "" for items without one; nil for the total
	GroupVisits
}

func (g ThemeVisits) group() (*string, GroupVisits)        { return g.Theme, g.GroupVisits }
func (g OrganisationVisits) group() (*string, GroupVisits) { return g.Organisation, g.GroupVisits }

const (
	queryTopKnowledgeProducts = "top_knowledge_products"
	queryVisitsByTheme        = "visits_by_theme"
	queryVisitsByOrganisation = "visits_by_organisation"
	// knowledgeProductType is the catalogue's type of the items the section ranks.
	knowledgeProductType = "kennisproduct"
)

// contentSection is the content catalogue's view: the most visited knowledge products;
// the visits per theme and per organisation are detail tables of the appendix.
var contentSection = reportSection{
	queries: []sectionQuery{
		{name: queryTopKnowledgeProducts, args: func(r *Report) queries.Args {
			args := topArgs(topListLimit)(r)
			args["type"] = knowledgeProductType
			return args
		}, read: rowsInto(func(r *Report) *[]KnowledgeProduct { return &r.KnowledgeProducts })},
		{name: queryVisitsByTheme, args: periodArgs, read: rowsInto(func(r *Report) *[]ThemeVisits { return &r.Themes })},
		{name: queryVisitsByOrganisation, args: periodArgs, read: rowsInto(func(r *Report) *[]OrganisationVisits { return &r.Organisations })},
	},
	shown:  func(r *Report) bool { return len(r.KnowledgeProducts) > 0 },
	render: (*Report).contentSection,
}

// contentSection is the most visited knowledge products of the content catalogue.
func (r *Report) contentSection(l locale) (section, error) {
	s := section{ID: "content", Heading: l.say(phContentHeading), Intro: l.say(phContentIntro)}
	products, err := r.knowledgeProductsBlock(l)
	if err != nil {
		return s, err
	}
	s.Blocks = append(s.Blocks, products)
	return s, nil
}

// themesBlock and organisationsBlock are the appendix's visits per theme and per
// organisation of the catalogue.
func (r *Report) themesBlock(l locale) (block, error) {
	return groupBlock(r, l, groupKind{
		query: queryVisitsByTheme, id: "themes", file: phFileThemes,
		heading: phThemesHeading, caption: phThemesCaption, column: phTheme, none: phNoTheme,
		chart: phThemesChart, note: phThemesNote, limit: 0,
	}, r.Themes)
}

func (r *Report) organisationsBlock(l locale) (block, error) {
	return groupBlock(r, l, groupKind{
		query: queryVisitsByOrganisation, id: "organisations", file: phFileOrganisations,
		heading: phOrganisationsHeading, caption: phOrganisationsCaption, column: phOrganisation, none: phNoOrganisation,
		chart: phOrganisationsChart, note: phOrganisationsNote, limit: 10,
	}, r.Organisations)
}

func (r *Report) knowledgeProductsBlock(l locale) (block, error) {
	b := block{Heading: l.say(phProductsHeading, topListLimit), Source: r.source(l, queryTopKnowledgeProducts)}
	names := make([]string, len(r.KnowledgeProducts))
	values := make([]int64, len(r.KnowledgeProducts))
	for i, p := range r.KnowledgeProducts {
		names[i], values[i] = p.Title, p.Visits
	}
	chart, err := rankedBars(l, "chart-knowledge-products", names, values, l.say(phVisits),
		l.say(phProductsChart), measuredColour)
	if err != nil {
		return b, err
	}
	b.Chart = chart
	n := notes{prefix: "products"}
	visits := num(l.say(phVisits))
	visits.Note = n.add(l.say(phProductVisitsNote))
	t := &tableView{
		ID:      "table-knowledge-products",
		Caption: l.say(phProductsCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{num(l.say(phRank)), {Text: l.say(phItem)}, {Text: l.say(phOrganisation)},
			{Text: l.say(phTheme)}, visits, num(l.say(phVisitors))},
	}
	for _, p := range r.KnowledgeProducts {
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			num(l.count(p.Rank)), {Text: p.Title, Lines: []string{l.itemType(p.Type), p.Path}}, {Text: p.Organisations}, {Text: p.Themes},
			num(l.count(p.Visits)), num(l.count(p.Visitors)),
		}})
	}
	if err := downloadable(t, l, r, l.say(phFileProducts), queryTopKnowledgeProducts, r.KnowledgeProducts); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}

// groupKind says how one kind of group (themes, organisations) is shown.
type groupKind struct {
	query, id                      string
	file                           phrase
	heading, caption, column, none phrase
	chart, note                    phrase
	limit                          int // bars in the chart; 0 for all
}

// groupBlock shows the visits per theme or organisation: a chart of the groups' visits
// and a table with the distinct visits over all items as its total.
func groupBlock[G interface{ group() (*string, GroupVisits) }](r *Report, l locale, k groupKind, groups []G) (block, error) {
	b := block{Heading: l.say(k.heading), Source: r.source(l, k.query)}
	var rows []G
	var total *GroupVisits
	for _, g := range groups {
		if _, v := g.group(); v.Total {
			total = &v
		} else {
			rows = append(rows, g)
		}
	}
	if len(rows) == 0 {
		b.Empty = l.say(phNoData)
		return b, nil
	}
	name := func(g G) string {
		if n, _ := g.group(); n != nil && *n != "" {
			return *n
		}
		return l.say(k.none)
	}
	shown := rows
	if k.limit > 0 && len(shown) > k.limit {
		shown = shown[:k.limit]
	}
	names := make([]string, len(shown))
	values := make([]int64, len(shown))
	for i, g := range shown {
		_, v := g.group()
		names[i], values[i] = name(g), v.Visits
	}
	label := l.say(k.chart)
	if len(shown) < len(rows) {
		label += " " + l.say(phChartShowsFirst, len(shown), len(rows))
	}
	chart, err := rankedBars(l, "chart-"+k.id, names, values, l.say(phVisits), label, measuredColour)
	if err != nil {
		return b, err
	}
	b.Chart = chart
	n := notes{prefix: k.id}
	visits := num(l.say(phVisits))
	visits.Note = n.add(l.say(k.note))
	t := &tableView{
		ID:      "table-" + k.id,
		Caption: l.say(k.caption, l.period(r.Options.From, r.Options.To)),
		Head:    []cellView{{Text: l.say(k.column)}, num(l.say(phItems)), visits, num(l.say(phVisitors))},
	}
	var sum int64
	for _, g := range rows {
		_, v := g.group()
		sum += v.Visits
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: name(g)}, num(l.count(v.Items)), num(l.count(v.Visits)), num(l.count(v.Visitors)),
		}})
	}
	if total != nil {
		t.Foot = []rowView{{Total: true, Cells: []cellView{
			{Text: l.say(phAllItems), Lines: []string{l.say(phGroupsSum, l.count(sum))}},
			num(l.count(total.Items)), num(l.count(total.Visits)), num(l.count(total.Visitors)),
		}}}
	}
	if err := downloadable(t, l, r, l.say(k.file), k.query, groups); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}
