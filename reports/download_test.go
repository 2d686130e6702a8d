package reports

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"bereik/queries"
)

var downloadButton = regexp.MustCompile(`<button type="button" class="download" data-csv="([^"]+)" aria-describedby="([^"]+)" hidden>([^<]+)</button>`)

// headers are the columns a query's header declares, as a download in lang heads them:
// every one is in its download.
func headers(lang, query string) []string {
	q, err := queries.Lookup(query)
	if err != nil {
		panic(err)
	}
	l := localeFor(lang)
	var names []string
	for _, c := range q.Columns {
		names = append(names, l.columnHeader(query, c.Name))
	}
	return names
}

// download is what a table's button downloads: its file, named after the section in
// Dutch and English (the period is added), and the query whose rows it holds.
type download struct{ nl, en, query string }

// wantDownloads are the downloads of the full report, by button.
var wantDownloads = map[string]download{
	"table-site-figures-csv":       {"kerncijfers_websites", "key_figures_websites", querySiteKeyFigures},
	"table-key-figures-csv":        {"kerncijfers", "key_figures", queryKeyFigures},
	"table-visits-csv":             {"bezoeken_per_kwartaal", "visits_per_quarter", queryVisitsPerQuarter},
	"table-referrals-csv":          {"verwijzingen", "referrals", queryReferralSources},
	"table-channels-csv":           {"eigen_kanalen", "own_channels", queryChannelReach},
	"table-top-kennisplein-csv":    {"top_artikelen_kennisplein", "top_articles_kennisplein", queryTopArticles},
	"table-top-vilans-csv":         {"top_artikelen_vilans", "top_articles_vilans", queryTopArticles},
	"table-knowledge-products-csv": {"top_kennisproducten", "top_knowledge_products", queryTopKnowledgeProducts},
	"table-posts-linkedin-csv":     {"top_berichten_linkedin", "top_posts_linkedin", queryTopPosts},
	"table-posts-facebook-csv":     {"top_berichten_facebook", "top_posts_facebook", queryTopPosts},
	"table-posts-x-csv":            {"top_berichten_x", "top_posts_x", queryTopPosts},
	"table-posts-youtube-csv":      {"top_berichten_youtube", "top_posts_youtube", queryTopPosts},
	"table-twinkel-flights-csv":    {"campagne_vluchten", "campaign_flights", queryTwinkelFlights},
	"table-twinkel-totals-csv":     {"campagne_totalen", "campaign_totals", queryTwinkelTotals},
	"table-forecast-csv":           {"prognose", "forecast", queryForecast},
	"table-top-twinkels-csv":       {"top_campagneartikelen", "top_campaign_articles", queryTopTwinkels},
	"table-funnel-csv":             {"trechter", "funnel", queryFunnel},
	"table-coverage-csv":           {"bronnen_periode", "sources_period", queryCoverage},
	"table-gaps-csv":               {"dagen_zonder_gegevens", "days_without_data", queryDataGaps},
	"table-rejected-files-csv":     {"afgewezen_rijen", "rejected_rows", queryRejectedFiles},
	"table-referral-detail-csv":    {"verwijzingen_per_kanaal", "referrals_per_channel", queryReferralSources},
	"table-channel-detail-csv":     {"eigen_kanalen_detail", "own_channels_detail", queryChannelReach},
	"table-themes-csv":             {"bezoeken_per_thema", "visits_per_theme", queryVisitsByTheme},
	"table-organisations-csv":      {"bezoeken_per_organisatie", "visits_per_organisation", queryVisitsByOrganisation},
}

// file is the name a download gets in a report of lang over the days from and to.
func (d download) file(lang string, from, to time.Time) string {
	base := d.nl
	if lang == "en" {
		base = d.en
	}
	return base + "_" + isoDay(from) + "_" + isoDay(to) + ".csv"
}

func TestEveryTableCanBeDownloaded(t *testing.T) {
	for name, tc := range map[string]struct {
		opts   Options
		tables int
	}{
		"full report":     {programmeOptions(t, "nl"), 24},
		"English":         {programmeOptions(t, "en"), 24},
		"campaign report": {campaignOptions(t, "nl", 0, "2021-06-14", "2021-09-12"), 5},
		"one flight":      {campaignOptions(t, "nl", 2, "2021-08-09", "2021-09-12"), 5},
	} {
		out := render(t, publishedResults(t), tc.opts)
		tables := strings.Count(out, "<table")
		buttons := downloadButton.FindAllStringSubmatch(out, -1)
		data := downloadData(t, out)
		if tables != tc.tables || len(buttons) != tables || len(data) != tables || strings.Count(out, "<button") != tables {
			t.Errorf("%s: %d tables, %d download buttons, %d download data blocks, %d buttons in all; want %d of each",
				name, tables, len(buttons), len(data), strings.Count(out, "<button"), tc.tables)
		}
		label, sep, decimal := "CSV downloaden", ";", ","
		if tc.opts.Lang == "en" {
			label, sep, decimal = "Download CSV", ",", "."
		}
		for _, b := range buttons {
			id, caption := b[1], b[2]
			if b[3] != label {
				t.Errorf("%s: button %s says %q, want %q", name, id, b[3], label)
			}
			if !strings.Contains(out, `<caption id="`+caption+`">`) || id != caption+"-csv" {
				t.Errorf("%s: button %s is described by %q, not its table's caption", name, id, caption)
			}
			// The button follows its table, with its data right after it.
			if i := strings.Index(out, b[0]); !strings.HasPrefix(out[i+len(b[0]):], "\n"+`<script type="application/json" id="`+id+`">`) ||
				!strings.HasSuffix(out[:i], "</table>\n</div>\n") {
				t.Errorf("%s: button %s is not right after its table and before its data", name, id)
			}
			var got tableData
			if err := json.Unmarshal([]byte(data[id]), &got); err != nil {
				t.Fatalf("%s: download data %s: %v", name, id, err)
			}
			want, ok := wantDownloads[id]
			if !ok {
				t.Errorf("%s: unexpected download %s", name, id)
				continue
			}
			file := want.file(tc.opts.Lang, tc.opts.From, tc.opts.To)
			if got.File != file || !slices.Equal(got.Columns, headers(tc.opts.Lang, want.query)) || got.Sep != sep || got.Decimal != decimal {
				t.Errorf("%s: download %s is %s with columns %v, separator %q, decimal %q; want %s with %v, %q and %q",
					name, id, got.File, got.Columns, got.Sep, got.Decimal, file, headers(tc.opts.Lang, want.query), sep, decimal)
			}
			if len(got.Rows) == 0 {
				t.Errorf("%s: download %s has no rows", name, id)
			}
			for _, row := range got.Rows {
				if len(row) != len(got.Columns) {
					t.Errorf("%s: download %s has a row of %d values for %d columns", name, id, len(row), len(got.Columns))
				}
			}
		}
	}
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	if !regexp.MustCompile(`@media print \{(?:[^{}]|\{[^{}]*\})*\.download \{ display: none; \}`).MatchString(out) {
		t.Error("the download buttons are not hidden in print")
	}
}

// TestEveryDownloadedColumnHasAHeader: each column of each query the report downloads has
// a header in Dutch and in English, not its name.
func TestEveryDownloadedColumnHasAHeader(t *testing.T) {
	for _, d := range wantDownloads {
		q, err := queries.Lookup(d.query)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range q.Columns {
			if _, ok := columnHeaders[c.Name]; !ok {
				t.Errorf("query %s: column %s has no header for a download", d.query, c.Name)
			}
		}
	}
}

func TestDownloadsHoldRawValues(t *testing.T) {
	out := render(t, publishedResults(t), programmeOptions(t, "nl"))
	data := downloadData(t, out)
	// Numbers unformatted, days as 2006-01-02, a missing value as null; the funnel's
	// numbers exactly as its query gave them.
	for id, want := range map[string]string{
		"table-funnel-csv": `{"file":"trechter_2019-09-01_2021-08-31.csv","columns":["Stap nr.","Stap","Weergaven","Klikken op links","Bezoeken","Bezoekers","Gemiddelde bezoekduur (seconden)","Deel van de vorige stap"],` +
			`"rows":[[1,"ads",1423737,12253,null,null,null,0.008606224323733948],[2,"magazine",null,null,5363,4176,74,0.43768872929078595],[3,"platform",null,null,892,556,252,0.16632481819876935]],"sep":";","decimal":","}`,
		"table-twinkel-totals-csv": `{"file":"campagne_totalen_2019-09-01_2021-08-31.csv","columns":["Formaat","Vluchten","Weergaven","Bereik opgeteld (bovengrens)","Videoweergaven","Klikken op links","Weergaven met linkklikken","Doorklikratio (CTR)"],` +
			`"rows":[["static",2,1271743,262403,null,10969,1271743,0.008625170337088548],["dynamic",2,151994,54139,98496,1284,151994,0.008447701882969064],` +
			`["total",2,1423737,316542,98496,12253,1423737,0.008606224323733948]],"sep":";","decimal":","}`,
	} {
		if diff := cmp.Diff(want, data[id]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", id, diff)
		}
	}
	if !strings.HasPrefix(data["table-visits-csv"], `{"file":"bezoeken_per_kwartaal_2019-09-01_2021-08-31.csv","columns":["Kwartaal vanaf","Kwartaal tot en met","Bezoeken","Bezoekers","Nieuwe bezoeken","Terugkerende bezoeken"],"rows":[["2019-09-01","2019-11-30",1520,1204,1130,390],`) {
		t.Errorf("visits download = %s", data["table-visits-csv"])
	}
	// Text from an export is data: HTML-escaped JSON that cannot end its script element.
	out = render(t, withTopTitles(t, publishedResults(t), "</script><script>alert(1)</script>"), programmeOptions(t, "nl"))
	if want := `"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"`; !strings.Contains(downloadData(t, out)["table-top-kennisplein-csv"], want) {
		t.Errorf("the title is not an escaped JSON string in the download data (%s)", want)
	}
}

// csvScript runs the page's own init script in Node with a stub document that holds the
// page's download buttons and data blocks, clicks every button, and prints what each
// click saved: the file name, the URL's scheme, the Blob's type and its bytes.
const csvScript = `
const fs = require('fs'), vm = require('vm');
const html = fs.readFileSync(process.argv[2], 'utf8');
const blocks = {};
for (const m of html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)) blocks[m[1]] = m[2];
const buttons = [...html.matchAll(/<button type="button" class="download" data-csv="([^"]+)"[^>]* hidden>/g)].map(m => {
  const b = { csv: m[1], hidden: true, click: null };
  b.getAttribute = name => name === 'data-csv' ? b.csv : null;
  b.addEventListener = (type, fn) => { if (type === 'click') b.click = fn; };
  return b;
});
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(m => m[1]);
const lang = /<html lang="(\w+)"/.exec(html)[1];
const blobs = [], links = [], body = [];
let requests = 0;
vm.runInNewContext(scripts[scripts.length - 1], {
  document: {
    documentElement: { lang, classList: { add() {} } },
    querySelectorAll: selector => selector === 'button[data-csv]' ? buttons : [],
    getElementById: id => blocks[id] === undefined ? null : { textContent: blocks[id] },
    createElement: tag => {
      const a = { tag, remove() { body.splice(body.indexOf(a), 1); } };
      a.click = () => links.push({ tag, href: a.href, download: a.download, attached: body.includes(a) });
      return a;
    },
    body: { appendChild: el => { body.push(el); } },
  },
  window: { addEventListener() {} },
  URL: { createObjectURL: blob => { blobs.push(blob); return 'blob:null/' + blobs.length; }, revokeObjectURL() {} },
  Blob, setTimeout() {}, Intl, JSON, Object, Array, String,
  fetch() { requests++; }, XMLHttpRequest: function () { requests++; },
  echarts: { init() { throw new Error('no chart expected'); } },
});
(async () => {
  const saved = [];
  for (const b of buttons) {
    if (!b.click) throw new Error('button ' + b.csv + ' has no click handler');
    b.click();
    const link = links[links.length - 1], blob = blobs[blobs.length - 1];
    saved.push({
      button: b.csv, shown: !b.hidden, tag: link.tag, attached: link.attached, scheme: link.href.split(':')[0],
      file: link.download, type: blob.type, bytes: Buffer.from(await blob.arrayBuffer()).toString('base64'),
    });
  }
  process.stdout.write(JSON.stringify({ requests, saved, left: body.length }));
  process.exit(0);
})().catch(e => { console.error(e); process.exit(1); });
`

// TestDownloadsBuildCSVInThePage clicks every download button of a rendered page with
// the page's own script in Node, and checks the CSV each one saves. It needs Node.
func TestDownloadsBuildCSVInThePage(t *testing.T) {
	node := lookNode(t)
	results := withTopTitles(t, publishedResults(t),
		`=HYPERLINK("http://x")`,   // a formula: kept as text by a leading '
		"Marloes, \"kiest\"\nzelf", // a comma, quotes and a line break: quoted
		"@SUM(1)", "+31 6 1234", "\tTab")
	results[queryTopArticles].Rows[0][results[queryTopArticles].Col("visits")] = int64(-5) // a number: left alone
	out := render(t, results, programmeOptions(t, "nl"))

	dir := t.TempDir()
	for name, text := range map[string]string{"report.html": out, "csv.js": csvScript} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, err := exec.Command(node, filepath.Join(dir, "csv.js"), filepath.Join(dir, "report.html")).Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	var clicked struct {
		Requests int
		Left     int
		Saved    []struct {
			Button, Tag, Scheme, File, Type, Bytes string
			Shown, Attached                        bool
		}
	}
	if err := json.Unmarshal(stdout, &clicked); err != nil {
		t.Fatalf("node output: %v", err)
	}
	if clicked.Requests != 0 {
		t.Errorf("downloading made %d requests", clicked.Requests)
	}
	if clicked.Left != 0 {
		t.Errorf("%d temporary links were left in the page", clicked.Left)
	}
	if len(clicked.Saved) != len(wantDownloads) {
		t.Fatalf("%d downloads, want %d", len(clicked.Saved), len(wantDownloads))
	}
	csv := map[string]string{}
	for _, s := range clicked.Saved {
		if want := wantDownloads[s.Button].file("nl", day(t, "2019-09-01"), day(t, "2021-08-31")); s.File != want {
			t.Errorf("button %s saves %q, want %q", s.Button, s.File, want)
		}
		if !s.Shown || s.Tag != "a" || !s.Attached || s.Scheme != "blob" || s.Type != "text/csv;charset=utf-8" {
			t.Errorf("button %s: shown %v, saved through <%s> in the page %v from a %s: URL of type %q; want a shown button, an <a> in the page, a blob: URL, text/csv;charset=utf-8",
				s.Button, s.Shown, s.Tag, s.Attached, s.Scheme, s.Type)
		}
		b, err := base64.StdEncoding.DecodeString(s.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "\xef\xbb\xbf") {
			t.Errorf("%s does not start with a UTF-8 byte order mark", s.File)
		}
		csv[s.File] = string(b)
	}

	// Dutch: ";" between the fields, a decimal comma, Dutch headers; a number is a number,
	// a text that a spreadsheet would run gets a leading ', and a field with a quote or a
	// line break is quoted (one with a comma no longer needs to be).
	const period = "_2019-09-01_2021-08-31.csv"
	for file, want := range map[string]string{
		"top_artikelen_kennisplein" + period: "\ufeffSite;Plaats;Pad;Paginatitel;Item in de catalogus;Soort item;Bezoeken;Bezoekers;Bron;Cijfer;Weergaven (GA4);Gebruikers (GA4)\r\n" +
			`kennisplein;1;/begeleiding-a-la-carte/;"'=HYPERLINK(""http://x"")";;;-5;4011;page_views;visits;;` + "\r\n" +
			`kennisplein;2;/begeleiding-a-la-carte/verhalen/marloes;"Marloes, ""kiest""` + "\nzelf\";Marloes kiest zelf;inspirerend_praktijkverhaal;1874;1533;page_views;visits;;\r\n" +
			"kennisplein;3;/begeleiding-a-la-carte/kennisproducten/keuzehulp;'@SUM(1);Keuzehulp begeleiding;kennisproduct;1502;1290;page_views;visits;;\r\n" +
			"kennisplein;4;/begeleiding-a-la-carte/verhalen/ahmed;'+31 6 1234;Ahmed woont op zichzelf;verhaal;1210;1003;page_views;visits;;\r\n" +
			"kennisplein;5;/begeleiding-a-la-carte/themas/wonen;'\tTab;;;988;841;page_views;visits;;\r\n",
		"trechter" + period: "\ufeffStap nr.;Stap;Weergaven;Klikken op links;Bezoeken;Bezoekers;Gemiddelde bezoekduur (seconden);Deel van de vorige stap\r\n" +
			"1;ads;1423737;12253;;;;0,008606224323733948\r\n" +
			"2;magazine;;;5363;4176;74;0,43768872929078595\r\n" +
			"3;platform;;;892;556;252;0,16632481819876935\r\n",
		// From a page report: no distinct visitors.
		"top_artikelen_vilans" + period: "\ufeffSite;Plaats;Pad;Paginatitel;Item in de catalogus;Soort item;Bezoeken;Bezoekers;Bron;Cijfer;Weergaven (GA4);Gebruikers (GA4)\r\n" +
			"vilans;1;/artikelen/begeleiding-a-la-carte/;Begeleiding à la carte | Vilans;;;2301;;page_reports;visits;;\r\n" +
			"vilans;2;/artikelen/begeleiding-a-la-carte/resultaten;Resultaten van het programma;Eindrapport;kennisproduct;1402;;page_reports;visits;;\r\n",
	} {
		if diff := cmp.Diff(want, csv[file]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", file, diff)
		}
	}
	for file, prefix := range map[string]string{
		"bezoeken_per_kwartaal" + period: "\ufeffKwartaal vanaf;Kwartaal tot en met;Bezoeken;Bezoekers;Nieuwe bezoeken;Terugkerende bezoeken\r\n2019-09-01;2019-11-30;1520;1204;1130;390\r\n",
		"campagne_vluchten" + period: "\ufeffCampagne;Vlucht;Begin vlucht;Einde vlucht;Formaat;Gegevens vanaf;Gegevens tot en met;Weergaven;Uniek bereik;Bereik opgeteld (bovengrens);Videoweergaven;Klikken op links;Weergaven met linkklikken;Doorklikratio (CTR);Frequentie\r\n" +
			"Twinkels 2021;1;2021-06-14;2021-07-11;static;2021-06-14;2021-07-11;896158;151136;151136;;6402;896158;0,007143829547914542;5,929480732585222\r\n",
		"campagne_totalen" + period: "\ufeffFormaat;Vluchten;Weergaven;Bereik opgeteld (bovengrens);Videoweergaven;Klikken op links;Weergaven met linkklikken;Doorklikratio (CTR)\r\nstatic;2;1271743;262403;;10969;1271743;0,008625170337088548\r\n",
	} {
		if !strings.HasPrefix(csv[file], prefix) {
			t.Errorf("%s = %q, want it to start with %q", file, csv[file], prefix)
		}
	}

	// English: "," between the fields, a decimal point, English headers.
	out = render(t, publishedResults(t), programmeOptions(t, "en"))
	if err := os.WriteFile(filepath.Join(dir, "report.html"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, err = exec.Command(node, filepath.Join(dir, "csv.js"), filepath.Join(dir, "report.html")).Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	if err := json.Unmarshal(stdout, &clicked); err != nil {
		t.Fatalf("node output: %v", err)
	}
	english := map[string]string{}
	for _, s := range clicked.Saved {
		b, _ := base64.StdEncoding.DecodeString(s.Bytes)
		english[s.File] = string(b)
	}
	if got, want := english["campaign_totals"+period], "\ufeffFormat,Flights,Impressions,Reach summed (upper bound),Video views,Link clicks,Impressions with link clicks,Click-through rate (CTR)\r\n"+
		"static,2,1271743,262403,,10969,1271743,0.008625170337088548\r\n"; !strings.HasPrefix(got, want) {
		t.Errorf("the English campaign totals are %q, want them to start with %q", got, want)
	}
}

// cdpScript opens a page in headless Chromium, driven through the DevTools protocol over
// --remote-debugging-pipe, clicks every shown download button and prints the files saved
// and every Content-Security-Policy violation and console error of the page.
const cdpScript = `
const { spawn } = require('child_process');
const fs = require('fs'), path = require('path');
const [chromium, page, dir, profile] = process.argv.slice(2);
const proc = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--user-data-dir=' + profile, '--remote-debugging-pipe', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
const toChrome = proc.stdio[3], fromChrome = proc.stdio[4];
let seq = 0, buf = '';
const pending = {}, waiters = [], events = [];
fromChrome.on('data', d => {
  buf += d;
  for (let i; (i = buf.indexOf('\0')) >= 0;) {
    const msg = JSON.parse(buf.slice(0, i)); buf = buf.slice(i + 1);
    if (msg.id && pending[msg.id]) { pending[msg.id](msg); delete pending[msg.id]; continue; }
    events.push(msg);
    for (const w of waiters.slice()) if (w.test(msg)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(msg); }
  }
});
const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
  const m = { id: ++seq, method, params }; if (sessionId) m.sessionId = sessionId;
  pending[m.id] = r => r.error ? reject(new Error(method + ': ' + JSON.stringify(r.error))) : resolve(r.result);
  toChrome.write(JSON.stringify(m) + '\0');
});
// No timeout of its own: a busy machine may take long, and a real hang is ended by go
// test's -timeout, which names the test.
const until = (what, test) => new Promise(resolve => {
  const found = events.find(test); if (found) return resolve(found);
  waiters.push({ test, resolve });
});
(async () => {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  await send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  await send('Page.enable', {}, sessionId);
  await send('Log.enable', {}, sessionId);
  await send('Runtime.enable', {}, sessionId);
  await send('Page.addScriptToEvaluateOnNewDocument', { source: "window.__csp = [];" +
    "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));" }, sessionId);
  await send('Page.navigate', { url: 'file://' + page }, sessionId);
  await until('the page to load', m => m.method === 'Page.loadEventFired');
  const evaluate = async expr => (await send('Runtime.evaluate', { expression: expr, returnByValue: true }, sessionId)).result.value;
  const shown = await evaluate("[...document.querySelectorAll('button[data-csv]')].map(b => !b.hidden)");
  const saved = [];
  for (let i = 0; i < shown.length; i++) {
    if (!shown[i]) continue;
    // Chromium lets a page start only so many downloads (about ten): open it afresh for
    // every batch.
    if (i > 0 && i % 8 === 0) {
      const loads = events.filter(m => m.method === 'Page.loadEventFired').length;
      await send('Page.reload', {}, sessionId);
      await until('the page to load again', m => m.method === 'Page.loadEventFired' && events.filter(e => e.method === 'Page.loadEventFired').length > loads);
    }
    // A real click, as a user gives it: the button scrolled into view, pressed and released.
    const box = await evaluate("(() => { const b = document.querySelectorAll('button[data-csv]')[" + i + "]; b.scrollIntoView({ block: 'center' });" +
      " const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()");
    for (const type of ['mousePressed', 'mouseReleased']) {
      await send('Input.dispatchMouseEvent', { type, x: box[0], y: box[1], button: 'left', clickCount: 1 }, sessionId);
    }
    const begin = await until('a download', m => m.method === 'Browser.downloadWillBegin' && !saved.some(s => s.guid === m.params.guid));
    const done = await until('the download to end', m => m.method === 'Browser.downloadProgress' && m.params.guid === begin.params.guid && m.params.state !== 'inProgress');
    saved.push({ guid: begin.params.guid, file: begin.params.suggestedFilename, scheme: begin.params.url.split(':')[0], state: done.params.state });
  }
  const violations = await evaluate('window.__csp');
  const errors = events.filter(m => m.method === 'Runtime.exceptionThrown' || (m.method === 'Log.entryAdded' && m.params.entry.level === 'error'))
    .map(m => JSON.stringify(m.params).slice(0, 300));
  const charts = await evaluate("[...document.querySelectorAll('[data-chart]')].filter(el => el.querySelector('svg')).length");
  process.stdout.write(JSON.stringify({ shown, saved, violations, errors, charts }));
  quit(0);
})().catch(e => { console.error(String(e)); quit(1); });
// quit closes the browser and waits for it to exit, so that its profile can be removed.
function quit(code) {
  proc.once('exit', () => process.exit(code));
  send('Browser.close').catch(() => {});
  setTimeout(() => proc.kill('SIGKILL'), 10000).unref();
}
`

// TestDownloadsInChromium opens a rendered report in headless Chromium, under the
// report's own Content-Security-Policy, and clicks every download button: each must save
// its file from a blob: URL with no policy violation. It needs Node and Chromium
// ($CHROMIUM, else chromium on the PATH); it is skipped without one, except in CI
// (CI set), where .ci/run installs Debian's chromium and a missing browser fails.
func TestDownloadsInChromium(t *testing.T) {
	node := lookNode(t)
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		var err error
		if chromium, err = exec.LookPath("chromium"); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatal("chromium is not installed; .ci/run must install it")
			}
			t.Skip("chromium is not installed")
		}
	}
	dir := t.TempDir()
	page, script, downloads, profile := filepath.Join(dir, "report.html"), filepath.Join(dir, "cdp.js"),
		filepath.Join(dir, "downloads"), filepath.Join(dir, "profile")
	out := render(t, withAnnotations(t, publishedResults(t), "2021-08-09", "</script><img src=x onerror=alert(1)>"), programmeOptions(t, "nl"))
	for name, text := range map[string]string{page: out, script: cdpScript} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, err := exec.CommandContext(t.Context(), node, script, chromium, page, downloads, profile).Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderrOf(err))
	}
	var got struct {
		Shown      []bool
		Saved      []struct{ File, Scheme, State string }
		Violations []string
		Errors     []string
		Charts     int
	}
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatalf("node output: %v\n%s", err, stdout)
	}
	if len(got.Violations) > 0 || len(got.Errors) > 0 {
		t.Errorf("the page broke its policy or failed: violations %v, errors %v", got.Violations, got.Errors)
	}
	if len(got.Shown) != len(wantDownloads) || slices.Contains(got.Shown, false) {
		t.Errorf("download buttons shown: %v, want all %d", got.Shown, len(wantDownloads))
	}
	if got.Charts != 17 {
		t.Errorf("%d charts drawn, want 17", got.Charts)
	}
	var files []string
	for _, s := range got.Saved {
		if s.Scheme != "blob" || s.State != "completed" {
			t.Errorf("%s: download from a %s: URL ended %s, want a completed download from a blob: URL", s.File, s.Scheme, s.State)
		}
		files = append(files, s.File)
		b, err := os.ReadFile(filepath.Join(downloads, s.File))
		if err != nil {
			t.Error(err)
			continue
		}
		if !strings.HasPrefix(string(b), "\ufeff") || !strings.Contains(string(b), "\r\n") {
			t.Errorf("%s is not a CSV with a byte order mark and CRLF lines: %q", s.File, b)
		}
	}
	var want []string
	for _, id := range []string{"table-site-figures-csv", "table-key-figures-csv", "table-visits-csv", "table-referrals-csv",
		"table-channels-csv", "table-top-kennisplein-csv", "table-top-vilans-csv", "table-knowledge-products-csv",
		"table-posts-linkedin-csv", "table-posts-facebook-csv", "table-posts-x-csv", "table-posts-youtube-csv",
		"table-twinkel-flights-csv", "table-twinkel-totals-csv", "table-forecast-csv", "table-top-twinkels-csv",
		"table-funnel-csv", "table-coverage-csv", "table-gaps-csv", "table-rejected-files-csv", "table-referral-detail-csv",
		"table-channel-detail-csv", "table-themes-csv", "table-organisations-csv"} {
		want = append(want, wantDownloads[id].file("nl", day(t, "2019-09-01"), day(t, "2021-08-31")))
	}
	if diff := cmp.Diff(want, files); diff != "" {
		t.Errorf("files saved (-want +got):\n%s", diff)
	}
}
