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
	// Summary is the story of the period in a few sentences, each with its numbers, on
	// the first screen; every number in it is in a table below.
	Summary []sentence
	// Missing says which sources the period has no data of, and that their sections are
	// left out; "" where none is missing.
	Missing string
	// NoScript is what a chart says where scripts do not run; NoScriptLink points to its
	// table.
	NoScript, NoScriptLink string
	// Annotations are listed under the header of a report without time-series charts.
	Annotations *annotationList
	Sections    []section
}

// sentence is one sentence of the summary: text with its numbers marked.
type sentence []segment

// segment is a run of a sentence's text; Number marks a number, shown in bold.
type segment struct {
	Text   string
	Number bool
}

type section struct {
	ID      string
	Heading string
	Intro   string
	Blocks  []block
}

// block is one chart with the table of its numbers, its notes and the query they come
// from. The query is named in the appendix's list of sources, not under the block.
type block struct {
	Heading string
	Empty   string
	// Text are paragraphs before the chart: a method, a conclusion.
	Text  []string
	Chart *chartView
	Table *tableView
	Notes []note
	// Items are a list after the table: the appendix's sources.
	Items []string
	// Annotations are listed under the block's chart.
	Annotations *annotationList
	Source      string
}

type tableView struct {
	ID      string
	Class   string // "cards": on a phone each row is a card of labelled cells
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
	// Class is "context" for a quarter before the period, shown beside it on a trend, and
	// "current" for the period's own.
	Class string
}

type cellView struct {
	Text  string
	Lines []string // further lines, smaller
	Class string
	// Label names the cell's column where the table is shown as cards (on a phone).
	Label string
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
		Lang:         l.lang,
		Title:        r.title(l),
		Period:       l.say(phPeriod, l.period(r.Options.From, r.Options.To)),
		NoScript:     l.say(phNoScript),
		NoScriptLink: l.say(phNoScriptLink),
		Style:        template.CSS(pageStyle),
		Library:      template.JS(echartsLibrary),
		Init:         template.JS(pageScript),
		CSP:          contentSecurityPolicy([]string{echartsLibrary, pageScript}, []string{pageStyle}),
	}
	if r.Options.CampaignOnly {
		from, to := isoDay(r.Options.From), isoDay(r.Options.To)
		p.Annotations = r.annotationList(l, "annotations", func(a Annotation) bool {
			return from <= isoDay(a.Day) && isoDay(a.Day) <= to
		})
	} else {
		p.Summary = r.summary(l)
		if missing := r.missingSources(l); len(missing) > 0 {
			p.Missing = l.say(phMissing, joinList(l, missing))
		}
	}
	for _, s := range r.shownSections() {
		shown, err := s.render(r, l)
		if err != nil {
			return err
		}
		p.Sections = append(p.Sections, shown)
	}
	listSources(l, p.Sections)
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

// title names the report: the programme and the period ("Begeleiding à la carte: bereik
// juni – augustus 2021"), or the campaign.
func (r *Report) title(l locale) string {
	switch {
	case r.Options.CampaignOnly && r.Options.Flight > 0:
		return l.say(phCampaignTitleFlight, r.Options.Campaign, r.Options.Flight)
	case r.Options.CampaignOnly:
		return l.say(phCampaignTitle, r.Options.Campaign)
	case r.Options.Label != "":
		return l.say(phTitleLabel, r.Options.Label, l.periodWords(r.Options.From, r.Options.To))
	}
	return l.say(phTitle, l.periodWords(r.Options.From, r.Options.To))
}

// listSources moves the query every block's numbers come from into the appendix's list
// of sources (the last section, when it is the appendix), in the order of the page.
func listSources(l locale, sections []section) {
	if len(sections) == 0 || sections[len(sections)-1].ID != appendixID {
		return
	}
	sources := block{Heading: l.say(phSourcesHeading), Text: []string{l.say(phSourcesIntro)}}
	for i := range sections {
		for j := range sections[i].Blocks {
			b := &sections[i].Blocks[j]
			if b.Source == "" {
				continue
			}
			what := sections[i].Heading
			if b.Heading != "" && b.Heading != what {
				what += " – " + b.Heading
			}
			sources.Items = append(sources.Items, what+": "+b.Source+".")
			b.Source = ""
		}
	}
	appendix := &sections[len(sections)-1]
	appendix.Blocks = append(appendix.Blocks, sources)
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
// bereik query takes them: --param from=2021-06-01. A query run a second time for the
// quarters before the period (sectionQuery.as) is named with both runs.
func (r *Report) source(l locale, query string, also ...string) string {
	text := r.sourceOf(l, query, query)
	for _, key := range also {
		if _, ran := r.sources[key]; ran {
			text += "; " + r.sourceOf(l, query, key)
		}
	}
	return text
}

func (r *Report) sourceOf(l locale, query, key string) string {
	args := r.sources[key]
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

// sentence builds a sentence of the summary from a phrase whose numbers are given as
// number: they are marked, and shown in bold, wherever the phrase puts them.
func (l locale) sentence(key phrase, args ...any) sentence {
	marked := make([]any, len(args))
	for i, a := range args {
		marked[i] = a
		if _, ok := a.(number); ok {
			marked[i] = fmt.Sprintf("\x00%d\x01", i)
		}
	}
	text := l.say(key, marked...)
	var s sentence
	for text != "" {
		start := strings.IndexByte(text, 0)
		if start < 0 {
			s = append(s, segment{Text: text})
			break
		}
		end := strings.IndexByte(text[start:], 1) + start
		if start > 0 {
			s = append(s, segment{Text: text[:start]})
		}
		var i int
		fmt.Sscanf(text[start+1:end], "%d", &i)
		s = append(s, segment{Text: string(args[i].(number)), Number: true})
		text = text[end+1:]
	}
	return s
}

// number is a number as a summary's sentence shows it, formatted.
type number string

// num is a cell that holds a number, right-aligned, with further lines beneath it.
func num(text string, lines ...string) cellView {
	return cellView{Text: text, Class: "num", Lines: lines}
}
