package reports

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strings"
)

// echartsLibrary is ECharts itself (dist/echarts.min.js of the npm package), copied
// here by the Makefile; see assets/README.md.
//
//go:embed assets/echarts.min.js
var echartsLibrary string

//go:embed templates/report.html
var pageTemplate string

//go:embed templates/report.css
var pageStyle string

//go:embed templates/report.js
var pageScript string

// page is everything the template shows, already worded and formatted.
type page struct {
	Lang    string
	CSP     string
	Title   string
	Period  string
	Style   template.CSS
	Library template.JS
	Init    template.JS
	// Annotations are listed under the header of a report without time-series charts.
	Annotations *annotationList
	Sections    []section
}

type section struct {
	ID      string
	Heading string
	Intro   string
	Blocks  []block
}

// block is one chart with the table of its numbers, its notes and the query they come from.
type block struct {
	Heading string
	Empty   string
	// Text are paragraphs before the chart: a method, a conclusion.
	Text  []string
	Chart *chartView
	Table *tableView
	Notes []note
	// Annotations are listed under the block's chart.
	Annotations *annotationList
	Source      string
}

type tableView struct {
	ID      string
	Caption string
	Head    []cellView
	Rows    []rowView
	Foot    []rowView
	// Download labels the table's "Download CSV" button; Data is the tableData it
	// downloads, as JSON produced by encoding/json with HTML escaping on.
	Download string
	Data     template.JS
}

// downloadable gives a table its "Download CSV" button and the raw rows it downloads
// as file, one value per column.
func (t *tableView) downloadable(l locale, file string, columns []string, rows [][]any) error {
	d, err := newTableData(file, columns, rows)
	if err != nil {
		return err
	}
	t.Data, err = d.json()
	t.Download = l.say(phDownload)
	return err
}

// annotationList is the analyst's annotations as a list: 9 aug 2021 — start vlucht 2.
type annotationList struct {
	ID      string
	Heading string
	Items   []string
}

// annotationList lists the report's annotations that keep holds, or is nil when there
// are none.
func (r *Report) annotationList(l locale, id string, keep func(Annotation) bool) *annotationList {
	list := &annotationList{ID: id, Heading: l.say(phAnnotations)}
	for _, a := range r.Annotations {
		if keep(a) {
			list.Items = append(list.Items, l.say(phAnnotationItem, l.shortDate(a.Day), a.Text))
		}
	}
	if len(list.Items) == 0 {
		return nil
	}
	return list
}

type rowView struct {
	Cells []cellView
	Total bool
}

type cellView struct {
	Text  string
	Lines []string // further lines, smaller
	Class string
	Note  *note
	// Trend is an arrow before the text (▲, ▼ or =), hidden from screen readers: the
	// text says the same with its sign.
	Trend string
	// Link makes the text a link; only http and https addresses (see safeLink).
	Link string
}

// note is a footnote of a block, numbered in order.
type note struct {
	ID   string
	Mark string
	Text string
}

// notes collects a block's footnotes; the same text gets the same number.
type notes struct {
	prefix string
	list   []note
}

func (n *notes) add(text string) *note {
	for i := range n.list {
		if n.list[i].Text == text {
			found := n.list[i]
			return &found
		}
	}
	mark := fmt.Sprint(len(n.list) + 1)
	added := note{ID: n.prefix + "-note-" + mark, Mark: mark, Text: text}
	n.list = append(n.list, added)
	return &added
}

// Render writes the report as one HTML document. It is self-contained: the chart
// library, the charts' data and the style are inside it, and its Content-Security-Policy
// allows nothing else. The same report always renders to the same bytes.
func (r *Report) Render(w io.Writer) error {
	l := localeFor(r.Options.Lang)
	p := page{
		Lang:    l.lang,
		Title:   l.say(phTitle),
		Period:  l.say(phPeriod, l.periodWords(r.Options.From, r.Options.To)),
		Style:   template.CSS(pageStyle),
		Library: template.JS(echartsLibrary),
		Init:    template.JS(pageScript),
		CSP:     contentSecurityPolicy([]string{echartsLibrary, pageScript}, []string{pageStyle}),
	}
	sections := []func(locale) (section, error){
		r.keyFiguresSection, r.visitsSection, r.referralsSection, r.channelsSection, r.topArticlesSection,
		r.contentSection, r.postsSection, r.twinkelSection, r.topTwinkelsSection, r.funnelSection, r.qualitySection,
	}
	switch {
	case r.Options.CampaignOnly:
		p.Title = l.say(phCampaignTitle, r.Options.Campaign)
		if r.Options.Flight > 0 {
			p.Title = l.say(phCampaignTitleFlight, r.Options.Campaign, r.Options.Flight)
		}
		from, to := isoDay(r.Options.From), isoDay(r.Options.To)
		p.Annotations = r.annotationList(l, "annotations", func(a Annotation) bool {
			return from <= isoDay(a.Day) && isoDay(a.Day) <= to
		})
		sections = []func(locale) (section, error){r.twinkelSection, r.topTwinkelsSection, r.funnelSection}
	case r.Options.Label != "":
		p.Title = l.say(phTitleLabel, r.Options.Label)
	}
	for _, build := range sections {
		s, err := build(l)
		if err != nil {
			return err
		}
		p.Sections = append(p.Sections, s)
	}
	tmpl, err := template.New("report").Parse(pageTemplate)
	if err != nil {
		return fmt.Errorf("report template: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, p); err != nil {
		return fmt.Errorf("report template: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// contentSecurityPolicy allows exactly the given inline scripts and styles, by the
// SHA-256 of their bytes, and nothing from anywhere else.
func contentSecurityPolicy(scripts, styles []string) string {
	hashes := func(texts []string) string {
		var s []string
		for _, t := range texts {
			sum := sha256.Sum256([]byte(t))
			s = append(s, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
		}
		return strings.Join(s, " ")
	}
	return "default-src 'none'; script-src " + hashes(scripts) + "; style-src " + hashes(styles) +
		"; img-src data:; base-uri 'none'; form-action 'none'"
}

// source names the query behind a block's numbers and the parameters it ran with.
func (r *Report) source(l locale, query string) string {
	params := r.sources[query]
	var kv []string
	for _, k := range slices.Sorted(maps.Keys(params)) {
		kv = append(kv, k+"="+params[k])
	}
	if query == queryTwinkelFlights && r.Options.Flight > 0 {
		return l.say(phSourceFlight, query, strings.Join(kv, ", "), r.Options.Flight)
	}
	if len(kv) == 0 {
		return l.say(phSourceBare, query)
	}
	return l.say(phSource, query, strings.Join(kv, ", "))
}

// num is a cell that holds a number, right-aligned, with further lines beneath it.
func num(text string, lines ...string) cellView {
	return cellView{Text: text, Class: "num", Lines: lines}
}

func (r *Report) visitsSection(l locale) (section, error) {
	s := section{ID: "visits", Heading: l.say(phVisitsHeading), Intro: l.say(phVisitsIntro)}
	b := block{Source: r.source(l, queryVisitsPerQuarter)}
	// Every annotation is listed; those on a quarter shown are marked on the chart too.
	b.Annotations = r.annotationList(l, "visits-annotations", func(Annotation) bool { return true })
	if len(r.Quarters) == 0 {
		b.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, b)
		return s, nil
	}
	chart, err := visitsChart(l, r.Quarters, r.Annotations)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	n := notes{prefix: "visits"}
	t := &tableView{
		ID:      "table-visits",
		Caption: l.say(phVisitsCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phQuarter)}, num(l.say(phVisits)), num(l.say(phVisitors)),
			num(l.say(phNewVisits)), num(l.say(phReturning))},
	}
	var visits, newVisits, returning int64
	for _, q := range r.Quarters {
		visits += q.Visits
		newVisits += q.NewVisits
		returning += q.ReturningVisits
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: l.monthSpan(q.Start, q.End), Lines: []string{l.shortPeriod(q.Start, q.End)}},
			num(l.count(q.Visits)), num(l.count(q.Visitors)), num(l.count(q.NewVisits)), num(l.count(q.ReturningVisits)),
		}})
	}
	visitors := num(l.notApplicable())
	visitors.Note = n.add(l.say(phVisitorsNote))
	t.Foot = []rowView{{Total: true, Cells: []cellView{
		{Text: l.say(phTotal)}, num(l.count(visits)), visitors, num(l.count(newVisits)), num(l.count(returning)),
	}}}
	if err := t.downloadable(l, "bezoeken-per-kwartaal.csv", quarterColumns, valuesOf(r.Quarters)); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

func (r *Report) twinkelSection(l locale) (section, error) {
	s := section{ID: "twinkel", Heading: l.say(phTwinkelHeading), Intro: l.say(phTwinkelIntro)}
	switch {
	case r.Options.CampaignOnly: // the page's title names the campaign
		s.Heading = l.say(phTwinkelFlightsHeading)
	case r.Options.Campaign != "":
		s.Heading = l.say(phTwinkelHeadingFor, r.Options.Campaign)
	}
	flights := block{Source: r.source(l, queryTwinkelFlights)}
	forecast, err := r.forecastBlock(l)
	if err != nil {
		return s, err
	}
	if len(r.Flights) == 0 {
		flights.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, flights)
		if r.Forecast != nil {
			s.Blocks = append(s.Blocks, forecast)
		}
		return s, nil
	}
	chart, err := twinkelChart(l, r.Flights)
	if err != nil {
		return s, err
	}
	flights.Chart = chart
	n := notes{prefix: "flights"}
	views := num(l.say(phViews))
	views.Note = n.add(l.say(phViewsNote))
	ctr := num(l.say(phCTR))
	ctr.Note = n.add(l.say(phCTRNote))
	frequency := num(l.say(phFrequency))
	frequency.Note = n.add(l.say(phFrequencyNote))
	t := &tableView{
		ID:      "table-twinkel-flights",
		Caption: l.say(phFlightsCaption),
		Head: []cellView{{Text: l.say(phFlight)}, {Text: l.say(phFormat)}, num(l.say(phImpressions)),
			num(l.say(phUniqueReach)), views, num(l.say(phClicks)), ctr, frequency},
	}
	manyCampaigns := distinctCampaigns(r.Flights) > 1
	for _, f := range r.Flights {
		name := flightKey{f.Campaign, f.Number}.label(l, manyCampaigns)
		reach := num(l.optCount(f.UniqueReach))
		if f.UniqueReach == nil {
			reach.Note = n.add(l.say(phReachMissing, name, l.format(f.Format), l.count(f.ReachUpperBound)))
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			{Text: name, Lines: flightLines(l, f)},
			{Text: l.format(f.Format)},
			num(l.count(f.Impressions)), reach, num(l.optCount(f.Views)), num(l.count(f.Clicks)),
			num(l.percent(f.CTR)), num(l.ratio(f.Frequency)),
		}})
	}
	if err := t.downloadable(l, "twinkel-vluchten.csv", flightColumns, valuesOf(r.Flights)); err != nil {
		return s, err
	}
	flights.Table, flights.Notes = t, n.list
	s.Blocks = append(s.Blocks, flights)

	if len(r.FormatTotals) > 0 {
		totals, err := r.formatTotalsBlock(l)
		if err != nil {
			return s, err
		}
		s.Blocks = append(s.Blocks, totals)
	}
	s.Blocks = append(s.Blocks, forecast)
	return s, nil
}

func (r *Report) formatTotalsBlock(l locale) (block, error) {
	n := notes{prefix: "totals"}
	reach := cellView{Text: l.say(phReachSum), Class: "bound"}
	reach.Note = n.add(l.say(phReachSumNote))
	ctr := num(l.say(phCTR))
	ctr.Note = n.add(l.say(phCTRNote))
	t := &tableView{
		ID:      "table-twinkel-totals",
		Caption: l.say(phTotalsCaption),
		Head: []cellView{{Text: l.say(phFormat)}, num(l.say(phFlights)), num(l.say(phImpressions)),
			reach, num(l.say(phViews)), num(l.say(phClicks)), ctr},
	}
	for _, ft := range r.FormatTotals {
		row := rowView{Total: ft.Format == "total", Cells: []cellView{
			{Text: l.format(ft.Format)},
			num(l.count(ft.Flights)), num(l.count(ft.Impressions)),
			{Text: l.say(phUpperBound, l.count(ft.ReachSum)), Class: "bound"},
			num(l.optCount(ft.Views)), num(l.count(ft.Clicks)), num(l.percent(ft.CTR)),
		}}
		if row.Total {
			t.Foot = append(t.Foot, row)
		} else {
			t.Rows = append(t.Rows, row)
		}
	}
	if err := t.downloadable(l, "twinkel-totalen.csv", formatTotalColumns, valuesOf(r.FormatTotals)); err != nil {
		return block{}, err
	}
	return block{Table: t, Notes: n.list, Source: r.source(l, queryTwinkelTotals)}, nil
}

// funnelSection is Fig. 15: the campaign's funnel from its ads through Twinkelmagazine to
// Kennisplein.
func (r *Report) funnelSection(l locale) (section, error) {
	s := section{ID: "funnel", Heading: l.say(phFunnelHeading), Intro: l.say(phFunnelIntro)}
	b := block{Source: r.source(l, queryFunnel)}
	if len(r.Funnel) == 0 {
		b.Empty = l.say(phNoData)
		s.Blocks = append(s.Blocks, b)
		return s, nil
	}
	chart, err := funnelChart(l, r.Funnel)
	if err != nil {
		return s, err
	}
	b.Chart = chart
	n := notes{prefix: "funnel"}
	visitors := num(l.say(phVisitors))
	visitors.Note = n.add(l.say(phFunnelVisitorsNote))
	duration := num(l.say(phAvgVisitDuration))
	duration.Note = n.add(l.say(phAvgVisitDurationNote))
	t := &tableView{
		ID:      "table-funnel",
		Caption: l.say(phFunnelCaption, l.period(r.Options.From, r.Options.To)),
		Head: []cellView{{Text: l.say(phChannel)}, num(l.say(phImpressions)), num(l.say(phClicks)),
			num(l.say(phVisits)), visitors, duration},
	}
	for _, st := range r.Funnel {
		stage := cellView{Text: l.stage(st.Stage)}
		if st.Stage == "platform" {
			stage.Note = n.add(l.say(phPlatformNote))
		}
		t.Rows = append(t.Rows, rowView{Cells: []cellView{
			stage, num(l.optCount(st.Impressions)), num(l.optCount(st.Clicks)),
			num(l.optCount(st.Visits)), num(l.optCount(st.Visitors)), num(l.duration(st.AvgVisitSeconds)),
		}})
	}
	if err := t.downloadable(l, "funnel.csv", funnelColumns, valuesOf(r.Funnel)); err != nil {
		return s, err
	}
	b.Table, b.Notes = t, n.list
	s.Blocks = append(s.Blocks, b)
	return s, nil
}

func (r *Report) topArticlesSection(l locale) (section, error) {
	s := section{ID: "top-articles", Heading: l.say(phTopHeading), Intro: l.say(phTopIntro, topArticlesLimit)}
	bySite := map[string][]TopArticle{}
	sites := []string{"kennisplein", "vilans"} // always shown, if need be as empty
	for _, a := range r.TopArticles {
		if a.Site == magazineSite { // its pages are the Twinkels, shown with the campaign
			continue
		}
		if !slices.Contains(sites, a.Site) {
			sites = append(sites, a.Site)
		}
		bySite[a.Site] = append(bySite[a.Site], a)
	}
	ids := map[string]bool{}
	for _, site := range sites {
		b := block{Heading: l.site(site)}
		articles := bySite[site]
		if len(articles) == 0 {
			b.Empty = l.say(phNoData)
			s.Blocks = append(s.Blocks, b)
			continue
		}
		chart, err := topArticlesChart(l, site, articles)
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
			Caption: l.say(phTopCaption, l.siteHost(site), l.period(r.Options.From, r.Options.To)),
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
		if err := t.downloadable(l, file, topArticleColumns, valuesOf(articles)); err != nil {
			return s, err
		}
		b.Table, b.Notes = t, n.list
		s.Blocks = append(s.Blocks, b)
	}
	s.Blocks[len(s.Blocks)-1].Source = r.source(l, queryTopArticles)
	return s, nil
}

// flightLines names a flight's dates, and the period its numbers cover where that differs.
func flightLines(l locale, f Flight) []string {
	lines := []string{l.shortPeriod(f.Start, f.End)}
	if !f.DataStart.Equal(f.Start) || !f.DataEnd.Equal(f.End) {
		lines = append(lines, l.say(phDataPeriod, l.shortPeriod(f.DataStart, f.DataEnd)))
	}
	return lines
}
