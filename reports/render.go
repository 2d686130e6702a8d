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
	"time"
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
	case r.Options.Label != "":
		p.Title = l.say(phTitleLabel, r.Options.Label)
	}
	for _, s := range r.sections() {
		shown, err := s.render(r, l)
		if err != nil {
			return err
		}
		p.Sections = append(p.Sections, shown)
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

// source names the query behind a block's numbers and the parameters it ran with, as
// bereik query takes them: --param from=2021-06-01.
func (r *Report) source(l locale, query string) string {
	args := r.sources[query]
	var kv []string
	for _, k := range slices.Sorted(maps.Keys(args)) {
		v := fmt.Sprint(args[k])
		if t, ok := args[k].(time.Time); ok {
			v = isoDay(t)
		}
		kv = append(kv, k+"="+v)
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
