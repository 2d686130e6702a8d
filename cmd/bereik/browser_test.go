package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// hostilePayloads are the texts the hostile exports put in every text field that can
// reach the report: one that ends a script element, one that is markup with an event
// handler, and one that go-echarts would turn into live JavaScript.
var hostilePayloads = []string{
	"</script><script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	"__f__function(){alert(1)}__f__",
}

// hostileFixtures are testdata/hostile's exports, hand-written in the platforms' shapes,
// whose text fields hold hostilePayloads. The visit log is of 1 December 2021, after the
// demo's visit logs; of the demo's access log it replaces only the rows of www.vilans.nl
// from its first to its last page view there (10:15 to 10:17:30). Its titles are the newest of the top
// pages, so they become those pages' titles in the report. The catalogue replaces the
// demo's whole catalogue (a catalogue is a complete snapshot): its titles, themes and
// organisations name the knowledge products, themes and organisations. The Meta Business
// Suite posts of 29 November to 1 December 2021 have more impressions than any of the
// demo's Facebook posts, so their titles are the programme's top Facebook posts. The Meta
// ad set and ad names are loaded but not shown by the report.
var hostileFixtures = []string{
	"bezoeken-2021-12-01.csv",
	"Twinkels-2021-Ads-Nov-1-2021-Nov-28-2021.csv",
	"inhoudscatalogus.csv",
	"facebook-berichten-2021-11.csv",
}

// hostilePostLinks are the permalinks of the hostile posts, by title: the report links
// each post's title to its permalink.
var hostilePostLinks = map[string]string{
	hostilePayloads[0]: "https://www.facebook.com/1029384756102938/posts/5647382910564738",
	hostilePayloads[1]: "https://www.facebook.com/1029384756102938/posts/5647382910564801",
	hostilePayloads[2]: "https://www.facebook.com/1029384756102938/posts/5647382910564877",
}

// chromiumPath is $CHROMIUM, else chromium on the PATH. Without one the test is skipped,
// except in CI (CI set), where .ci/run installs Debian's chromium and a missing browser
// fails.
func chromiumPath(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	p, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("chromium is not installed; .ci/run must install it")
		}
		tb.Skip("chromium is not installed")
	}
	return p
}

// hostileDB is a copy of the demo database with the hostile exports ingested into it,
// and the demo's config.
func hostileDB(tb testing.TB) (db, config string) {
	tb.Helper()
	demo, err := demoDB()
	if err != nil {
		tb.Fatal(err)
	}
	config = filepath.Join(filepath.Dir(demo), "exports", "bereik.toml")
	dir := tb.TempDir()
	// The database with its key beside it (and its WAL, if any).
	files, err := filepath.Glob(demo + "*")
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range files {
		copyFile(tb, f, filepath.Join(dir, filepath.Base(f)))
	}
	db = filepath.Join(dir, filepath.Base(demo))
	for _, f := range hostileFixtures {
		bereik(tb, "ingest", "--db", db, "--config", config, filepath.Join("testdata", "hostile", f))
	}
	return db, config
}

// copyFile copies a file's bytes.
func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		tb.Fatal(err)
	}
}

// newBrowser starts headless Chromium and returns the context its tabs open in. The
// flags keep it off the network: without the background-networking, component-update
// and sync flags Chromium reaches out on its own. chromedp gives it a fresh
// --user-data-dir and removes it when the browser exits.
func newBrowser(tb testing.TB, chromium string) context.Context {
	tb.Helper()
	// No deadline of its own: on a busy machine the browser may be slow, and a real hang
	// is ended by go test's -timeout.
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	if err := chromedp.Do(browser); err != nil {
		tb.Fatalf("start %s: %v", chromium, err)
	}
	tb.Cleanup(func() {
		cancelBrowser()
		cancelAlloc() // waits for the browser to exit
	})
	return browser
}

// pageEvents is what a tab reported while it was open, from CDP events.
type pageEvents struct {
	mu         sync.Mutex
	requests   []string // Network.requestWillBeSent: every URL the page asked for
	console    []string // Runtime.consoleAPICalled of type error or assert
	exceptions []string // Runtime.exceptionThrown
	logErrors  []string // Log.entryAdded of level error (CSP violations, failed loads)
	dialogs    []string // Page.javascriptDialogOpening
}

// listen runs in the tab's event loop: it only records.
func (e *pageEvents) listen(ev any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		e.requests = append(e.requests, ev.Request.URL)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			e.console = append(e.console, string(ev.Type)+": "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		e.exceptions = append(e.exceptions, fmt.Sprintf("%s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			e.logErrors = append(e.logErrors, string(ev.Entry.Source)+": "+ev.Entry.Text)
		}
	case *page.EventJavascriptDialogOpening:
		e.dialogs = append(e.dialogs, string(ev.Type)+": "+ev.Message)
	}
}

// pageFacts is what the page's DOM and its charts say after it loaded.
type pageFacts struct {
	Text    string   `json:"text"`    // document.body.innerText
	Cells   []string `json:"cells"`   // the text of every table cell
	ImgX    int      `json:"imgX"`    // elements img[src=x]
	Images  int      `json:"images"`  // img elements in all
	OnAttrs []string `json:"onAttrs"` // elements with an on* attribute
	Scripts []struct {
		Type string `json:"type"`
		ID   string `json:"id"`
		Src  string `json:"src"`
		Text string `json:"text"` // the code of a script without a type
	} `json:"scripts"`
	Charts []chartFacts `json:"charts"`
	Links  []link       `json:"links"` // the page's a elements
	// CSP lists the page's securitypolicyviolation events.
	CSP         []string `json:"csp"`
	ScrollWidth float64  `json:"scrollWidth"`
}

// link is one a element of the page.
type link struct {
	Href    string `json:"href"`    // the href attribute as written
	Text    string `json:"text"`    // the link's text
	Section string `json:"section"` // the id of the section it is in
}

// withoutJoiners is a text without the word joiners (U+2060) the report inserts to break
// __f__ and rich-text markup; they draw nothing.
func withoutJoiners(s string) string { return strings.ReplaceAll(s, "\u2060", "") }

// chartFacts is one chart container and what ECharts drew in it.
type chartFacts struct {
	ID       string  `json:"id"`
	Instance bool    `json:"instance"` // echarts.getInstanceByDom(el) is set
	Renderer string  `json:"renderer"` // svg or canvas, the drawing's element
	Width    float64 `json:"width"`    // of the drawing
	Height   float64 `json:"height"`
	Right    float64 `json:"right"`  // the drawing's right edge in the page
	Shapes   int     `json:"shapes"` // path elements drawn (bars, axes)
	Text     string  `json:"text"`   // the drawing's text: axis labels, bar labels
	// Categories are the category axes' names as the chart holds them.
	Categories []string `json:"categories"`
	// Marker says where the chart's options hold go-echarts' function marker __f__: in
	// its JSON data block ("data"), in the options ECharts holds ("options"), or nowhere.
	Marker []string `json:"marker"`
	// Clipped are the drawing's texts that reach past its edges, where the SVG cuts them
	// off; Overlaps are pairs of its upright texts that overlap ("a | b"). Rotated texts
	// (slanted axis labels) are left out: their boxes overlap where the texts do not.
	Clipped  []string `json:"clipped"`
	Overlaps []string `json:"overlaps"`
}

// cspRecorder runs before the page's own scripts and keeps its policy violations.
const cspRecorder = `window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));`

// factsScript reads a pageFacts from the page.
const factsScript = `(() => {
  const charts = [...document.querySelectorAll('[data-chart]')].map(el => {
    const inst = window.echarts ? echarts.getInstanceByDom(el) : null;
    const g = el.querySelector('svg, canvas');
    const r = g ? g.getBoundingClientRect() : { width: 0, height: 0, right: 0 };
    const opt = inst ? inst.getOption() : {};
    const categories = [].concat(opt.xAxis || [], opt.yAxis || []).filter(a => a.type === 'category')
      .flatMap(a => (a.data || []).map(d => d !== null && typeof d === 'object' ? String(d.value) : String(d)));
    const data = document.getElementById(el.id + '-data');
    const marker = [];
    if (data && data.textContent.includes('__f__')) { marker.push('data'); }
    if (inst && JSON.stringify(opt).includes('__f__')) { marker.push('options'); }
    const texts = g ? [...g.querySelectorAll('text')].filter(t => t.textContent.trim() !== '')
      .map(t => ({ text: t.textContent, box: t.getBoundingClientRect(), m: t.getCTM() }))
      .filter(t => t.box.width > 0 && t.box.height > 0) : [];
    const clipped = texts.filter(t => t.box.left < r.left - 1 || t.box.right > r.right + 1 ||
      t.box.top < r.top - 1 || t.box.bottom > r.bottom + 1).map(t => t.text);
    const upright = texts.filter(t => !t.m || (Math.abs(t.m.b) < 1e-3 && Math.abs(t.m.c) < 1e-3));
    const overlaps = [];
    upright.forEach((a, i) => upright.slice(i + 1).forEach(b => {
      // One pixel of slack: neighbouring labels may touch.
      if (a.box.left < b.box.right - 1 && b.box.left < a.box.right - 1 && a.box.top < b.box.bottom - 1 && b.box.top < a.box.bottom - 1) {
        overlaps.push(a.text + ' | ' + b.text);
      }
    }));
    return { id: el.id, instance: !!inst, renderer: g ? g.tagName.toLowerCase() : '', width: r.width, height: r.height,
      right: r.right, shapes: g ? g.querySelectorAll('path').length : 0, text: g ? g.textContent : '', categories, marker,
      clipped, overlaps };
  });
  return {
    text: document.body.innerText,
    cells: [...document.querySelectorAll('td, th')].map(c => c.textContent),
    imgX: document.querySelectorAll('img[src="x"]').length,
    images: document.images.length,
    onAttrs: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
      .filter(a => /^on/i.test(a.name)).map(a => el.tagName.toLowerCase() + '[' + a.name + ']')),
    scripts: [...document.scripts].map(s => ({ type: s.type, id: s.id, src: s.getAttribute('src') || '', text: s.type ? '' : s.text })),
    links: [...document.querySelectorAll('a')].map(a => ({ href: a.getAttribute('href') || '', text: a.textContent,
      section: (a.closest('section') || {}).id || '' })),
    charts, csp: window.__csp || [], scrollWidth: document.documentElement.scrollWidth,
  };
})()`

// nextFrames is a JavaScript function whose promise resolves once the page has drawn
// two more frames: ECharts draws what an action changed on the next one.
const nextFrames = `(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))`

// tooltipScript shows the tooltip of each named category of a chart and returns the
// text the chart then draws: an axis tooltip names its category in full, where the axis
// label may be cut short. A name is found among the categories without the word joiners
// (U+2060) the report inserts; a name that is not one of them gets no tooltip and null.
// It hides the tooltip and its axis pointer again.
const tooltipScript = `(async (id, names) => {
  const el = document.getElementById(id), chart = echarts.getInstanceByDom(el);
  const axes = [].concat(chart.getOption().xAxis || [], chart.getOption().yAxis || []).filter(a => a.type === 'category');
  const data = axes[0].data.map(d => (d !== null && typeof d === 'object' ? String(d.value) : String(d)).replaceAll('\u2060', ''));
  const shown = [];
  for (const name of names) {
    const i = data.indexOf(name);
    if (i < 0) { shown.push(null); continue; }
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
    await ` + nextFrames + `();
    shown.push(el.querySelector('svg, canvas').textContent);
  }
  chart.dispatchAction({ type: 'hideTip' });
  chart.dispatchAction({ type: 'updateAxisPointer', currTrigger: 'leave' });
  await ` + nextFrames + `();
  return shown;
})`

// openedPage is one report as a tab saw it.
type openedPage struct {
	events *pageEvents
	facts  pageFacts
	ctx    context.Context
}

// openPage opens a file in a new tab of width px, under the page's own
// Content-Security-Policy or with it bypassed, and reads the page once it has loaded.
func openPage(tb testing.TB, browser context.Context, file string, width int64, bypassCSP bool) *openedPage {
	tb.Helper()
	events := &pageEvents{}
	tab, cancel := chromedp.NewContext(browser, chromedp.WithListener(events.listen))
	tb.Cleanup(cancel)
	// A dialog blocks the page: dismiss each one (listen has recorded it). An error means
	// the tab is gone, and with it the dialog.
	dialogs := chromedp.Events(tab, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			_, _ = chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	if _, err := chromedp.Call(tab, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: bypassCSP}); err != nil {
		tb.Fatal(err)
	}
	if _, err := chromedp.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder}); err != nil {
		tb.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.EmulateViewport(width, 900), chromedp.Navigate(fileURL(file))); err != nil {
		tb.Fatalf("open %s: %v", file, err)
	}
	p := &openedPage{events: events, ctx: tab}
	p.facts = p.read(tb)
	return p
}

// read reads the page's DOM and charts as they are now.
func (p *openedPage) read(tb testing.TB) pageFacts {
	tb.Helper()
	facts, err := chromedp.Run(p.ctx, chromedp.Evaluate[pageFacts](factsScript))
	if err != nil {
		tb.Fatalf("read the page: %v", err)
	}
	return facts
}

// fileURL is the file:// URL of a path, as Chromium reports the requests for it.
func fileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		panic(err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// problems lists everything that is wrong with an opened report: a request besides the
// document itself, a console error, an exception, a dialog, a policy violation, markup
// or script that is not the report's own, and a chart that did not draw. It counts every
// request the page makes, data: URLs too: the report needs none, since the charts are
// SVG drawn by the page's own script.
func (p *openedPage) problems(file string, own ownScripts) []string {
	var out []string
	e, f := p.events, p.facts
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, r := range e.requests {
		if r != fileURL(file) {
			out = append(out, "request "+r)
		}
	}
	for _, group := range []struct {
		what string
		list []string
	}{{"console", e.console}, {"exception", e.exceptions}, {"log", e.logErrors}, {"dialog", e.dialogs}, {"policy violation", f.CSP}} {
		for _, s := range group.list {
			out = append(out, group.what+" "+s)
		}
	}
	if f.ImgX > 0 || f.Images > 0 {
		out = append(out, fmt.Sprintf("%d img elements, %d of them img[src=x]", f.Images, f.ImgX))
	}
	for _, a := range f.OnAttrs {
		out = append(out, "event handler attribute "+a)
	}
	// The page's scripts: JSON data blocks of its charts and tables, then the chart
	// library and the init script, exactly as the reports package embeds them.
	var code []string
	dataID := regexp.MustCompile(`^(chart-[a-z0-9-]+-data|table-[a-z0-9-]+-csv)$`)
	for _, s := range f.Scripts {
		switch {
		case s.Src != "":
			out = append(out, "script from "+s.Src)
		case s.Type == "application/json" && dataID.MatchString(s.ID):
		case s.Type == "":
			code = append(code, s.Text)
		default:
			out = append(out, fmt.Sprintf("script type %q id %q", s.Type, s.ID))
		}
	}
	if len(code) != 2 || code[0] != own.library || code[1] != own.init {
		out = append(out, fmt.Sprintf("%d scripts with code, want 2: the chart library and reports/templates/report.js", len(code)))
	}
	for _, c := range f.Charts {
		if !c.Instance || c.Width <= 0 || c.Height <= 0 || c.Shapes == 0 {
			out = append(out, fmt.Sprintf("chart %s not drawn: instance %v, %s %.0fx%.0f with %d shapes", c.ID, c.Instance, c.Renderer, c.Width, c.Height, c.Shapes))
		}
		// The report breaks every __f__ with a word joiner: a renderer that honours
		// go-echarts' marker must never see one.
		for _, where := range c.Marker {
			out = append(out, fmt.Sprintf("chart %s: its %s hold the marker __f__", c.ID, where))
		}
		for _, text := range c.Clipped {
			out = append(out, fmt.Sprintf("chart %s cuts off %q at its edge", c.ID, text))
		}
		for _, pair := range c.Overlaps {
			out = append(out, fmt.Sprintf("chart %s draws texts over each other: %q", c.ID, pair))
		}
	}
	// A link goes to a note on the page or to a web address: an export's javascript: or
	// data: URL never becomes one.
	for _, a := range f.Links {
		if !strings.HasPrefix(a.Href, "#") && !strings.HasPrefix(a.Href, "https://") && !strings.HasPrefix(a.Href, "http://") {
			out = append(out, fmt.Sprintf("link %q to %q", a.Text, a.Href))
		}
	}
	return out
}

// screenshot saves a full-page PNG of the tab.
func (p *openedPage) screenshot(tb testing.TB, path string) {
	tb.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("screenshot %s", path)
}

// ownScripts are the page's only code: the chart library and reports/templates/report.js,
// as the reports package embeds them.
type ownScripts struct{ library, init string }

// readOwnScripts reads the page's code from the files the reports package embeds.
func readOwnScripts(tb testing.TB) ownScripts {
	tb.Helper()
	library, err := os.ReadFile("../../reports/assets/echarts.min.js")
	if err != nil {
		tb.Fatal(err)
	}
	init, err := os.ReadFile("../../reports/templates/report.js")
	if err != nil {
		tb.Fatal(err)
	}
	return ownScripts{string(library), string(init)}
}

// braceTitle is a title whose braces ECharts' rich-text tooltips would read as markup.
const braceTitle = "Gesprekstool {a|'Wat is er?'}"

// TestReportInChromium renders the report of a database whose exports hold hostile text
// and opens it from its file in headless Chromium: no request leaves the page, every
// chart draws, nothing errs, no dialog opens, no link has a scheme but http(s), no chart
// hands ECharts go-echarts' __f__ marker, and the hostile text shows as text, in the
// tables, the top posts' links and the charts' labels and tooltips. No chart cuts off a
// text at its edge or draws two upright texts over each other, at 1280 px wide and at
// 390. It saves full-page screenshots at both widths in the test's artifact directory
// (go test -artifacts keeps them), and at 390 px the page must not scroll sideways. It
// needs Chromium ($CHROMIUM, else chromium on the PATH); it is skipped without one,
// except in CI (CI set).
func TestReportInChromium(t *testing.T) {
	chromium := chromiumPath(t)
	db, config := hostileDB(t)
	own := readOwnScripts(t)
	browser := newBrowser(t, chromium)
	shots := t.ArtifactDir()

	// render writes the report with the given period flags, once, and returns its file.
	dir := t.TempDir()
	render := func(t *testing.T, name string, args ...string) string {
		file := filepath.Join(dir, name+".html")
		if _, err := os.Stat(file); err != nil {
			bereik(t, append([]string{"report", "--db", db, "--config", config, "-o", file}, args...)...)
		}
		return file
	}
	// organisationImg is the catalogue's organisation "<img src=x onerror=alert(1)>" as
	// visits_by_organisation names it: the catalogue's list holds names as they are.
	const organisationImg = "<img src=x onerror=alert(1)>"
	for _, tc := range []struct {
		name string
		args []string
		// charts maps the charts the page must have, at least, to names each must hold on
		// its category axis (compared without word joiners, U+2060), draw the start of
		// as text and show in full in its tooltip. Every chart the page has must draw.
		charts map[string][]string
		// cells are texts that must each begin a table cell.
		cells []string
		// posts are the titles that must be links to their permalinks in the top posts.
		posts []string
	}{
		{
			// All loaded data: the hostile exports are of December 2021, after the
			// programme's period (which --programme reports on).
			name: "all",
			args: []string{"--from", "2019-09-01", "--to", "2021-12-14"},
			charts: map[string][]string{
				"chart-visits":             nil,
				"chart-referrals":          nil,
				"chart-channels":           nil,
				"chart-top-kennisplein":    {hostilePayloads[0], braceTitle},
				"chart-top-vilans":         {hostilePayloads[1]},
				"chart-knowledge-products": {hostilePayloads[1]},
				"chart-themes":             {hostilePayloads[2]},
				"chart-organisations":      {organisationImg},
				"chart-posts-linkedin":     nil,
				"chart-posts-facebook":     hostilePayloads,
				"chart-posts-instagram":    nil,
				"chart-posts-x":            nil,
				"chart-posts-youtube":      nil,
				"chart-twinkel":            nil,
				"chart-forecast":           nil,
				"chart-top-twinkels":       {hostilePayloads[2]},
				"chart-funnel":             nil,
				"chart-gaps":               nil,
			},
			// Page titles from the visit log, item titles from the catalogue and post
			// titles from the posts.
			cells: hostilePayloads,
			posts: hostilePayloads,
		},
		{
			// The day of the hostile visit log only: its pages with hostile paths and no
			// title rank among the first, and a page without a title is named by its path.
			name: "day",
			args: []string{"--from", "2021-12-01", "--to", "2021-12-01"},
			charts: map[string][]string{
				"chart-visits":          nil,
				"chart-funnel":          nil,
				"chart-top-kennisplein": {"/begeleiding-a-la-carte/<img src=x onerror=alert(1)>", hostilePayloads[0], braceTitle},
				// The hostile log's one visit to vilans.nl's __f__ path does not rank among
				// the demo access log's visits of that day; its title does, on another page.
				"chart-top-vilans":         {hostilePayloads[1]},
				"chart-knowledge-products": {hostilePayloads[1]},
				"chart-themes":             {hostilePayloads[2]},
				"chart-organisations":      {organisationImg},
				"chart-posts-facebook":     {hostilePayloads[2]},
				"chart-top-twinkels":       {hostilePayloads[2]},
			},
			cells: append([]string{"/begeleiding-a-la-carte/<img src=x onerror=alert(1)>"}, hostilePayloads...),
			posts: hostilePayloads[2:],
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := render(t, tc.name, tc.args...)
			p := openPage(t, browser, file, 1280, false)
			for _, problem := range p.problems(file, own) {
				t.Errorf("under its own policy: %s", problem)
			}
			var ids []string
			for _, c := range p.facts.Charts {
				ids = append(ids, c.ID)
			}
			for _, want := range slices.Sorted(maps.Keys(tc.charts)) {
				if !slices.Contains(ids, want) {
					t.Errorf("no chart %s; the charts are %v", want, ids)
				}
			}
			for _, payload := range hostilePayloads {
				if !strings.Contains(p.facts.Text, payload) {
					t.Errorf("the page's text lacks %q", payload)
				}
			}
			for _, want := range tc.cells {
				if !slices.ContainsFunc(p.facts.Cells, func(c string) bool { return strings.HasPrefix(c, want) }) {
					t.Errorf("no table cell shows %q", want)
				}
			}
			for _, title := range tc.posts {
				if !slices.ContainsFunc(p.facts.Links, func(a link) bool {
					return a.Section == "top-posts" && a.Text == title && a.Href == hostilePostLinks[title]
				}) {
					t.Errorf("the top posts do not link %q to %s", title, hostilePostLinks[title])
				}
			}
			for _, c := range p.facts.Charts {
				categories := make([]string, len(c.Categories))
				for i, name := range c.Categories {
					categories[i] = withoutJoiners(name)
				}
				for _, name := range tc.charts[c.ID] {
					if !slices.Contains(categories, name) {
						t.Errorf("chart %s: categories %q lack %q", c.ID, c.Categories, name)
					}
					// An axis label is cut to its width; its start is drawn as text.
					if start := string([]rune(name)[:8]); !strings.Contains(withoutJoiners(c.Text), start) {
						t.Errorf("chart %s does not draw %q as text: %q", c.ID, start, c.Text)
					}
				}
			}
			p.screenshot(t, filepath.Join(shots, tc.name+"-1280.png"))

			for _, c := range p.facts.Charts {
				names := tc.charts[c.ID]
				if len(names) == 0 {
					continue
				}
				shown, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]*string](
					fmt.Sprintf("%s(%q, %s)", tooltipScript, c.ID, jsStrings(t, names)), chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("chart %s tooltips: %v", c.ID, err)
				}
				for i, name := range names {
					switch {
					case shown[i] == nil:
						t.Errorf("chart %s: no category %q to show the tooltip of", c.ID, name)
					// A word joiner, which draws nothing, keeps a "{" from opening markup
					// and breaks go-echarts' __f__.
					case !strings.Contains(withoutJoiners(*shown[i]), name):
						t.Errorf("chart %s: the tooltip of %q does not show it: %q", c.ID, name, *shown[i])
					}
				}
			}

			// A phone: the charts redraw to the narrow page, which must not scroll sideways.
			if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(390, 844)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](nextFrames+"().then(() => true)", chromedp.EvalAwaitPromise)); err != nil {
				t.Fatal(err)
			}
			p.facts = p.read(t)
			if p.facts.ScrollWidth > 390+1 {
				t.Errorf("at 390 px the page is %.0f px wide", p.facts.ScrollWidth)
			}
			// The key figures are cards: every figure, and its change where the period has
			// an earlier one to compare with (a day has the day before), is on the screen,
			// beside the name of its column.
			cells, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('table.cards td')]
				.map(td => { const r = td.getBoundingClientRect(); return td.dataset.label + ': ' + td.textContent.trim() + ' @' + Math.round(r.left) + '-' + Math.round(r.right); })`))
			if err != nil {
				t.Fatal(err)
			}
			if len(cells) == 0 || (tc.name == "day" && !slices.ContainsFunc(cells, func(c string) bool { return strings.HasPrefix(c, "Verandering") })) {
				t.Errorf("at 390 px the key figures show %q, want their figures and, for a day, their change", cells)
			}
			for _, c := range cells {
				var left, right int
				fmt.Sscanf(c[strings.LastIndex(c, "@")+1:], "%d-%d", &left, &right)
				if left < 0 || right > 390 {
					t.Errorf("at 390 px a key figure's change is off the screen: %s", c)
				}
			}
			for _, c := range p.facts.Charts {
				if c.Width <= 0 || c.Height <= 0 || c.Right > 390+1 {
					t.Errorf("at 390 px chart %s is %.0fx%.0f and ends at %.0f px", c.ID, c.Width, c.Height, c.Right)
				}
			}
			for _, problem := range p.problems(file, own) {
				t.Errorf("at 390 px: %s", problem)
			}
			p.screenshot(t, filepath.Join(shots, tc.name+"-390.png"))

			// Without its policy too, nothing in the page runs but its own code: no
			// dialog opens and nothing is fetched.
			bare := openPage(t, browser, file, 1280, true)
			for _, problem := range bare.problems(file, own) {
				t.Errorf("with its policy bypassed: %s", problem)
			}
		})
	}

	// The checks above can fail. A report with two payloads and a javascript: link pasted
	// in as markup, with its init script changed as a live __f__ function would change it,
	// and with the word joiners taken out of its chart data's __f__ is caught: under its
	// policy by the violations and the charts left undrawn, without it by the dialogs, and
	// either way by the request for the image, the stray script and img element, the link
	// and the marker in the chart data (and, once drawn, in the charts' options).
	t.Run("control", func(t *testing.T) {
		html, err := os.ReadFile(render(t, "all", "--from", "2019-09-01", "--to", "2021-12-14"))
		if err != nil {
			t.Fatal(err)
		}
		html = bytes.Replace(html, []byte("<main>"), []byte("<main>"+hostilePayloads[0]+hostilePayloads[1]+
			`<a href="javascript:alert(3)">x</a>`), 1)
		html = bytes.Replace(html, []byte("'use strict';"), []byte("'use strict'; alert(2);"), 1)
		// The chart data as go-echarts would leave it: __f__ unbroken.
		html = bytes.ReplaceAll(html, []byte(`__f\u2060__`), []byte("__f__"))
		file := filepath.Join(dir, "control.html")
		if err := os.WriteFile(file, html, 0o644); err != nil {
			t.Fatal(err)
		}
		image := "request " + fileURL(filepath.Join(filepath.Dir(file), "x"))
		for _, tc := range []struct {
			bypassCSP bool
			want      []string
		}{
			{false, []string{"policy violation script-src-elem", "policy violation script-src-attr", "chart chart-visits not drawn",
				image, "img[src=x]", "img[onerror]", "3 scripts with code", `link "x" to "javascript:alert(3)"`,
				"chart chart-top-twinkels: its data hold the marker __f__"}},
			{true, []string{"dialog alert: 1", "dialog alert: 2", image, "img[src=x]", "img[onerror]", "3 scripts with code",
				`link "x" to "javascript:alert(3)"`, "chart chart-top-twinkels: its data hold the marker __f__",
				"chart chart-top-twinkels: its options hold the marker __f__"}},
		} {
			got := openPage(t, browser, file, 1280, tc.bypassCSP).problems(file, own)
			for _, w := range tc.want {
				if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, w) }) {
					t.Errorf("policy bypassed %v: the checks miss %q; they found %q", tc.bypassCSP, w, got)
				}
			}
		}
	})
}

// jsStrings is a JavaScript array literal of the strings.
func jsStrings(tb testing.TB, s []string) string {
	tb.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
