package reports

import (
	"bereik/queries"
)

// KnowledgeProduct is one of the content catalogue's most visited knowledge products.
type KnowledgeProduct struct {
	Rank          int64
	Nr            int64
	Title         string
	Type          string
	Organisations string
	Themes        string
	Site          string
	Path          string // ends in * where the item is every page under a folder
	Visits        int64  // distinct visits that viewed any of its pages
	Visitors      int64
}

// GroupVisits is the visits to the catalogue's items of one theme or organisation. A
// visit to an item of two themes counts for both, so groups add up to more than the
// visits; the entry with Total set is the distinct visits over all items.
type GroupVisits struct {
	Name     string // "" for items without one
	Total    bool
	Items    int64 // the group's items that had visits
	Visits   int64
	Visitors int64
}

func (r *Report) readKnowledgeProducts(res *queries.Result) error {
	return eachRow(queryTopKnowledgeProducts, res, productColumns, func(c *cells) {
		r.KnowledgeProducts = append(r.KnowledgeProducts, KnowledgeProduct{
			Rank:          c.count("rank"),
			Nr:            c.count("nr"),
			Title:         c.text("title"),
			Type:          c.text("type"),
			Organisations: c.optText("organisations"),
			Themes:        c.optText("themes"),
			Site:          c.text("site"),
			Path:          c.text("path"),
			Visits:        c.count("visits"),
			Visitors:      c.count("visitors"),
		})
	})
}

func (r *Report) readThemes(res *queries.Result) error {
	return readGroups(queryVisitsByTheme, "theme", themeColumns, res, &r.Themes)
}

func (r *Report) readOrganisations(res *queries.Result) error {
	return readGroups(queryVisitsByOrganisation, "organisation", organisationColumns, res, &r.Organisations)
}

func readGroups(query, name string, columns []string, res *queries.Result, into *[]GroupVisits) error {
	return eachRow(query, res, columns, func(c *cells) {
		*into = append(*into, GroupVisits{
			Name:     c.optText(name),
			Total:    c.flag("is_total"),
			Items:    c.count("items"),
			Visits:   c.count("visits"),
			Visitors: c.count("visitors"),
		})
	})
}

func (p KnowledgeProduct) values() []any {
	return []any{p.Rank, p.Nr, p.Title, p.Type, p.Organisations, p.Themes, p.Site, p.Path, p.Visits, p.Visitors}
}

func (g GroupVisits) values() []any {
	var name any = g.Name
	if g.Total {
		name = nil
	}
	return []any{name, g.Total, g.Items, g.Visits, g.Visitors}
}

// contentSection is the content catalogue's view: the most visited knowledge products,
// and the visits per theme and per organisation.
func (r *Report) contentSection(l locale) (section, error) {
	s := section{ID: "content", Heading: l.say(phContentHeading), Intro: l.say(phContentIntro)}
	products, err := r.knowledgeProductsBlock(l)
	if err != nil {
		return s, err
	}
	themes, err := r.groupBlock(l, groupKind{
		query: queryVisitsByTheme, id: "themes", file: "bezoeken-per-thema.csv", columns: themeColumns,
		heading: phThemesHeading, caption: phThemesCaption, column: phTheme, none: phNoTheme,
		chart: phThemesChart, note: phThemesNote, limit: 0,
	}, r.Themes)
	if err != nil {
		return s, err
	}
	organisations, err := r.groupBlock(l, groupKind{
		query: queryVisitsByOrganisation, id: "organisations", file: "bezoeken-per-organisatie.csv", columns: organisationColumns,
		heading: phOrganisationsHeading, caption: phOrganisationsCaption, column: phOrganisation, none: phNoOrganisation,
		chart: phOrganisationsChart, note: phOrganisationsNote, limit: 10,
	}, r.Organisations)
	if err != nil {
		return s, err
	}
	s.Blocks = append(s.Blocks, products, themes, organisations)
	return s, nil
}

func (r *Report) knowledgeProductsBlock(l locale) (block, error) {
	b := block{Heading: l.say(phProductsHeading, topListLimit), Source: r.source(l, queryTopKnowledgeProducts)}
	if len(r.KnowledgeProducts) == 0 {
		b.Empty = l.say(phNoData)
		return b, nil
	}
	names := make([]string, len(r.KnowledgeProducts))
	values := make([]int64, len(r.KnowledgeProducts))
	for i, p := range r.KnowledgeProducts {
		names[i], values[i] = p.Title, p.Visits
	}
	chart, err := rankedBars(l, "chart-knowledge-products", names, values, l.say(phVisits),
		l.say(phProductsChart))
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
			num(l.count(p.Rank)), {Text: p.Title, Lines: []string{p.Path}}, {Text: p.Organisations}, {Text: p.Themes},
			num(l.count(p.Visits)), num(l.count(p.Visitors)),
		}})
	}
	if err := t.downloadable(l, "top-kennisproducten.csv", productColumns, valuesOf(r.KnowledgeProducts)); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}

// groupKind says how one kind of group (themes, organisations) is shown.
type groupKind struct {
	query, id, file                string
	columns                        []string
	heading, caption, column, none phrase
	chart, note                    phrase
	limit                          int // bars in the chart; 0 for all
}

// groupBlock shows the visits per theme or organisation: a chart of the groups' visits
// and a table with the distinct visits over all items as its total.
func (r *Report) groupBlock(l locale, k groupKind, groups []GroupVisits) (block, error) {
	b := block{Heading: l.say(k.heading), Source: r.source(l, k.query)}
	var rows []GroupVisits
	var total *GroupVisits
	for i, g := range groups {
		if g.Total {
			total = &groups[i]
		} else {
			rows = append(rows, g)
		}
	}
	if len(rows) == 0 {
		b.Empty = l.say(phNoData)
		return b, nil
	}
	name := func(g GroupVisits) string {
		if g.Name == "" {
			return l.say(k.none)
		}
		return g.Name
	}
	shown := rows
	if k.limit > 0 && len(shown) > k.limit {
		shown = shown[:k.limit]
	}
	names := make([]string, len(shown))
	values := make([]int64, len(shown))
	for i, g := range shown {
		names[i], values[i] = name(g), g.Visits
	}
	label := l.say(k.chart)
	if len(shown) < len(rows) {
		label += " " + l.say(phChartShowsFirst, len(shown), len(rows))
	}
	chart, err := rankedBars(l, "chart-"+k.id, names, values, l.say(phVisits), label)
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
		sum += g.Visits
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: name(g)}, num(l.count(g.Items)), num(l.count(g.Visits)), num(l.count(g.Visitors)),
		}})
	}
	if total != nil {
		t.Foot = []rowView{{Total: true, Cells: []cellView{
			{Text: l.say(phAllItems), Lines: []string{l.say(phGroupsSum, l.count(sum))}},
			num(l.count(total.Items)), num(l.count(total.Visits)), num(l.count(total.Visitors)),
		}}}
	}
	if err := t.downloadable(l, k.file, k.columns, valuesOf(groups)); err != nil {
		return b, err
	}
	b.Table, b.Notes = t, n.list
	return b, nil
}
