package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"bereik/pipeline"
)

// TestWriteIsDeterministic writes the demo twice with the same seed and compares bytes.
func TestWriteIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	filesA, err := Write(Options{Dir: a, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	filesB, err := Write(Options{Dir: b, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(filesA) != len(filesB) {
		t.Fatalf("%d files, then %d", len(filesA), len(filesB))
	}
	for i, f := range filesA {
		rel := filepath.Base(f.Path)
		if filepath.Base(filesB[i].Path) != rel || filesB[i].Rows != f.Rows {
			t.Fatalf("file %d: %s (%d rows), then %s (%d rows)", i, rel, f.Rows, filesB[i].Path, filesB[i].Rows)
		}
		x, y := readFile(t, f.Path), readFile(t, filesB[i].Path)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two writes with the same seed", rel)
		}
	}

	other := t.TempDir()
	if _, err := Write(Options{Dir: other, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bezoeken_2020-04.csv", facebookPostsFile, linkedInYear2File, accessLogFile, gaReportFile} {
		if bytes.Equal(readFile(t, filepath.Join(a, name)), readFile(t, filepath.Join(other, name))) {
			t.Errorf("%s is the same for seeds 7 and 8", name)
		}
	}
}

// TestWriteFiles checks the list Write returns against what is on disk.
func TestWriteFiles(t *testing.T) {
	dir := t.TempDir()
	files, err := Write(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	total := 0
	for _, f := range files {
		kinds[f.Kind]++
		if f.Kind == KindVisitLog {
			total += f.Rows
			if got := len(readCSV(t, f.Path, ',')) - 1; got != f.Rows {
				t.Errorf("%s: Rows = %d, file has %d data rows", f.Path, f.Rows, got)
			}
		}
	}
	want := map[string]int{
		KindConfig: 1, KindContentCatalogue: 1, KindMetaAds: 4, KindVisitLog: 27,
		KindMetaPosts: 2, KindLinkedInPosts: 2, KindXPosts: 2, KindYouTube: 1, KindAccessLog: 1, KindPageReport: 2,
	}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("files per kind (-want +got):\n%s", diff)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(files) {
		t.Errorf("%d files on disk, Write returned %d", len(entries), len(files))
	}
	// Every export but the visit logs (whose size follows from the published visits) is small.
	for _, f := range files {
		info, err := os.Stat(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if f.Kind != KindVisitLog && info.Size() >= 1<<20 {
			t.Errorf("%s is %d bytes, want less than 1 MiB", f.Path, info.Size())
		}
		if f.Kind != KindConfig && f.Rows == 0 {
			t.Errorf("%s has no rows", f.Path)
		}
	}
	if total < 100_000 || total > 200_000 {
		t.Errorf("visit logs hold %d page views at scale 1, want 100.000-200.000", total)
	}
	if got := readFile(t, filepath.Join(dir, "bereik.toml")); !bytes.Equal(got, pipeline.DefaultConfigTOML) {
		t.Error("bereik.toml is not pipeline.DefaultConfigTOML")
	}
	for _, name := range []string{"bezoeken_2019-09.csv", "bezoeken_2021-11.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
}

// TestWriteOptions checks defaults and bad options.
func TestWriteOptions(t *testing.T) {
	if _, err := Write(Options{}); err == nil {
		t.Error("Write without a directory: no error")
	}
	if _, err := Write(Options{Dir: t.TempDir(), Scale: -1}); err == nil {
		t.Error("Write with scale -1: no error")
	}
	a, b := t.TempDir(), t.TempDir()
	if _, err := Write(Options{Dir: a}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(Options{Dir: b, Seed: 1, Scale: 1}); err != nil {
		t.Fatal(err)
	}
	log := "bezoeken_2021-03.csv"
	if !bytes.Equal(readFile(t, filepath.Join(a, log)), readFile(t, filepath.Join(b, log))) {
		t.Error("the zero Options do not mean seed 1, scale 1")
	}
}

// TestWriteScale checks that Scale multiplies the visits, each copy with its own id.
func TestWriteScale(t *testing.T) {
	skipInShortMode(t, "writes the demo at scale 2")
	one, two := t.TempDir(), t.TempDir()
	if _, err := Write(Options{Dir: one}); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(Options{Dir: two, Scale: 2}); err != nil {
		t.Fatal(err)
	}
	a, b := readVisitLogs(t, one), readVisitLogs(t, two)
	if len(b.views) != 2*len(a.views) {
		t.Errorf("scale 2: %d page views, want %d", len(b.views), 2*len(a.views))
	}
	if len(b.visits) != 2*len(a.visits) {
		t.Errorf("scale 2: %d visits, want %d", len(b.visits), 2*len(a.visits))
	}
	if len(b.visitors(func(*testVisit) bool { return true })) < 2*len(a.visitors(func(*testVisit) bool { return true })) {
		t.Error("scale 2: copies of visits do not have visitors of their own")
	}
	// The page reports count the same visits as the logs, so they double with them.
	reportOne, reportTwo := readMatomoReport(t, filepath.Join(one, matomoReportFile)), readMatomoReport(t, filepath.Join(two, matomoReportFile))
	for path, f := range reportOne {
		f.Pageviews, f.Visits = 2*f.Pageviews, 2*f.Visits
		if diff := cmp.Diff(f, reportTwo[path]); diff != "" {
			t.Errorf("scale 2: Matomo report of %s (-twice scale 1 +scale 2):\n%s", path, diff)
		}
	}
	for _, name := range []string{facebookPostsFile, accessLogFile} {
		if !bytes.Equal(readFile(t, filepath.Join(one, name)), readFile(t, filepath.Join(two, name))) {
			t.Errorf("scale 2 changed %s, which does not scale", name)
		}
	}
}

// TestCalibration checks every published figure against the visit logs, computed from
// the CSV files alone, for two seeds: the calibration must not depend on the seed.
func TestCalibration(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			if seed != 1 {
				skipInShortMode(t, "one seed is enough in short mode")
			}
			dir := t.TempDir()
			if _, err := Write(Options{Dir: dir, Seed: seed}); err != nil {
				t.Fatal(err)
			}
			logs := readVisitLogs(t, dir)
			catalogue := readCatalogueFile(t, filepath.Join(dir, catalogueFile))
			t.Run("visit log format", func(t *testing.T) { checkVisitLogFormat(t, logs) })
			t.Run("kennisplein", func(t *testing.T) { checkKennisplein(t, logs, catalogue) })
			t.Run("vilans", func(t *testing.T) { checkVilans(t, logs) })
			t.Run("twinkelmagazine", func(t *testing.T) { checkTwinkelmagazine(t, logs) })
			t.Run("catalogue", func(t *testing.T) { checkCatalogue(t, dir, logs, catalogue) })
			t.Run("page reports", func(t *testing.T) { checkPageReports(t, dir, logs) })
		})
	}
}

// The periods of the report, as dates of the visit logs' local time.
var (
	programmeFrom = time.Date(2019, 9, 1, 0, 0, 0, 0, time.UTC)
	programmeTo   = time.Date(2021, 9, 1, 0, 0, 0, 0, time.UTC) // exclusive
	twinkelFrom   = time.Date(2021, 6, 14, 0, 0, 0, 0, time.UTC)
)

// testView is one row of a visit log.
type testView struct {
	TS               time.Time
	VisitID, Visitor string
	Site, URL, Path  string
	Title, Referrer  string
	Source, Medium   string
	Campaign         string
	Seconds          int
	File             string
	Line             int
	Query            string
}

// testVisit gathers the page views of one visit id.
type testVisit struct {
	ID, Visitor, Site string
	Views             []*testView
}

func (v *testVisit) start() time.Time { return v.Views[0].TS }

func (v *testVisit) seconds() int {
	s := 0
	for _, w := range v.Views {
		s += w.Seconds
	}
	return s
}

// testLogs is every visit log of a demo folder.
type testLogs struct {
	views  []*testView
	visits []*testVisit // in order of their first page view
	byID   map[string]*testVisit
	files  map[string][]*testView
}

// visitors returns the distinct visitors of the visits keep accepts.
func (l *testLogs) visitors(keep func(*testVisit) bool) map[string]bool {
	out := map[string]bool{}
	for _, v := range l.visits {
		if keep(v) {
			out[v.Visitor] = true
		}
	}
	return out
}

// pageVisits counts distinct visits per path of site whose page view falls in [from, to).
func (l *testLogs) pageVisits(site string, from, to time.Time, keep func(path string) bool) map[string]int {
	seen := map[string]map[string]bool{}
	for _, w := range l.views {
		if w.Site == site && !w.TS.Before(from) && w.TS.Before(to) && keep(w.Path) {
			if seen[w.Path] == nil {
				seen[w.Path] = map[string]bool{}
			}
			seen[w.Path][w.VisitID] = true
		}
	}
	out := map[string]int{}
	for p, ids := range seen {
		out[p] = len(ids)
	}
	return out
}

// titleOf returns the title of path on site in the logs.
func (l *testLogs) titleOf(site, path string) string {
	for _, w := range l.views {
		if w.Site == site && w.Path == path {
			return w.Title
		}
	}
	return ""
}

var (
	timestampFormat = "2006-01-02 15:04:05"
	visitorIDFormat = regexp.MustCompile(`^[0-9a-f]{16}$`)
	visitIDFormat   = regexp.MustCompile(`^[1-9][0-9]*$`)
	siteHosts       = map[string]string{
		"kennisplein":     "www.kennispleingehandicaptensector.nl",
		"twinkelmagazine": "www.twinkelmagazine.nl",
		"vilans":          "www.vilans.nl",
	}
)

// readVisitLogs reads every bezoeken_*.csv of dir with encoding/csv.
func readVisitLogs(tb testing.TB, dir string) *testLogs {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "bezoeken_*.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(names)
	if len(names) != 27 {
		tb.Fatalf("%d visit logs, want 27 (2019-09 to 2021-11)", len(names))
	}
	logs := &testLogs{byID: map[string]*testVisit{}, files: map[string][]*testView{}}
	wantHeader := "timestamp,visit_id,visitor_id,site,url,page_title,referrer,utm_source,utm_medium,utm_campaign,time_on_page"
	for _, name := range names {
		data := readFile(tb, name)
		if bytes.HasPrefix(data, []byte("\uFEFF")) {
			tb.Errorf("%s starts with a byte order mark", name)
		}
		records := readCSV(tb, name, ',')
		if got := strings.Join(records[0], ","); got != wantHeader {
			tb.Fatalf("%s: header %q, want %q", name, got, wantHeader)
		}
		month := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), "bezoeken_"), ".csv")
		for i, rec := range records[1:] {
			line := i + 2
			ts, err := time.Parse(timestampFormat, rec[0])
			if err != nil {
				tb.Fatalf("%s:%d: timestamp %q: %v", name, line, rec[0], err)
			}
			if ts.Format("2006-01") != month {
				tb.Fatalf("%s:%d: %s is not in %s", name, line, rec[0], month)
			}
			u, err := url.Parse(rec[4])
			if err != nil || u.Scheme != "https" {
				tb.Fatalf("%s:%d: url %q is not a full https URL", name, line, rec[4])
			}
			secs, err := strconv.Atoi(rec[10])
			if err != nil || secs < 0 {
				tb.Fatalf("%s:%d: time_on_page %q is not whole seconds", name, line, rec[10])
			}
			w := &testView{
				TS: ts, VisitID: rec[1], Visitor: rec[2], Site: rec[3], URL: rec[4], Path: u.Path,
				Query: u.RawQuery, Title: rec[5], Referrer: rec[6], Source: rec[7], Medium: rec[8],
				Campaign: rec[9], Seconds: secs, File: filepath.Base(name), Line: line,
			}
			if host, ok := siteHosts[w.Site]; !ok || u.Host != host {
				tb.Fatalf("%s:%d: url %q is not on site %q", name, line, w.URL, w.Site)
			}
			logs.views = append(logs.views, w)
			logs.files[w.File] = append(logs.files[w.File], w)
			v := logs.byID[w.VisitID]
			if v == nil {
				v = &testVisit{ID: w.VisitID, Visitor: w.Visitor, Site: w.Site}
				logs.byID[w.VisitID] = v
				logs.visits = append(logs.visits, v)
			}
			v.Views = append(v.Views, w)
		}
	}
	return logs
}

// checkVisitLogFormat checks what every row and visit must look like.
func checkVisitLogFormat(t *testing.T, logs *testLogs) {
	for file, views := range logs.files {
		for i := 1; i < len(views); i++ {
			if views[i].TS.Before(views[i-1].TS) {
				t.Errorf("%s:%d: not sorted by timestamp", file, views[i].Line)
				break
			}
		}
	}
	working := 0
	for _, w := range logs.views {
		if h := w.TS.Hour(); h >= 8 && h < 18 {
			working++
		}
	}
	if share := float64(working) / float64(len(logs.views)); share < 0.6 {
		t.Errorf("%.0f%% of page views during working hours, want most", 100*share)
	}
	pageTwo, tagged := 0, 0
	for _, v := range logs.visits {
		first := v.Views[0]
		if !visitIDFormat.MatchString(v.ID) || !visitorIDFormat.MatchString(v.Visitor) {
			t.Fatalf("%s:%d: visit id %q or visitor id %q malformed", first.File, first.Line, v.ID, v.Visitor)
		}
		for i, w := range v.Views {
			switch {
			case w.File != first.File:
				t.Fatalf("visit %s spans %s and %s", v.ID, first.File, w.File)
			case w.Visitor != v.Visitor || w.Site != v.Site:
				t.Fatalf("%s:%d: visit %s changes visitor or site", w.File, w.Line, v.ID)
			case i > 0 && w.Referrer != v.Views[i-1].URL:
				t.Fatalf("%s:%d: referrer %q is not the previous page %q", w.File, w.Line, w.Referrer, v.Views[i-1].URL)
			case i > 0 && !w.TS.Equal(v.Views[i-1].TS.Add(time.Duration(v.Views[i-1].Seconds)*time.Second)):
				t.Fatalf("%s:%d: previous page's time_on_page does not reach this view", w.File, w.Line)
			case i > 0 && (w.Source != "" || w.Medium != "" || w.Campaign != ""):
				t.Fatalf("%s:%d: UTM tags after the landing page", w.File, w.Line)
			}
			if w.Query == "page=2" {
				pageTwo++
			}
		}
		if first.Source != "" {
			tagged++
			want := map[string]string{"nieuwsbrief": "email", "facebook": "paid", "instagram": "paid"}[first.Source]
			if first.Medium != want || !strings.Contains(first.Query, "utm_source="+first.Source) {
				t.Fatalf("%s:%d: utm_source %q with medium %q and url %q", first.File, first.Line, first.Source, first.Medium, first.URL)
			}
		}
		if first.Medium == "paid" && first.Campaign != "twinkels-2021" {
			t.Fatalf("%s:%d: paid visit with campaign %q", first.File, first.Line, first.Campaign)
		}
		if first.Source == "nieuwsbrief" && !regexp.MustCompile(`^(kennisplein|vilans)-nieuwsbrief-20\d\d-\d\d$`).MatchString(first.Campaign) {
			t.Fatalf("%s:%d: newsletter campaign %q", first.File, first.Line, first.Campaign)
		}
		if last := v.Views[len(v.Views)-1]; last.TS.Add(time.Duration(last.Seconds)*time.Second).Day() != first.TS.Day() {
			t.Fatalf("%s:%d: visit %s runs past midnight", first.File, first.Line, v.ID)
		}
	}
	if pageTwo == 0 || tagged == 0 {
		t.Errorf("%d URLs with ?page=2 and %d tagged landing pages, want some of both", pageTwo, tagged)
	}
}

// checkKennisplein checks the figures of Kennisplein's programme pages.
func checkKennisplein(t *testing.T, logs *testLogs, catalogue []catalogueRow) {
	isProgramme := func(p string) bool { return strings.HasPrefix(p, "/begeleiding-a-la-carte/") }
	visits := logs.pageVisits("kennisplein", programmeFrom, programmeTo, isProgramme)
	ranked := rankPages(visits)
	for i, want := range kennispleinTopArticles {
		if i >= len(ranked) {
			t.Fatalf("only %d programme pages", len(ranked))
		}
		title := logs.titleOf("kennisplein", ranked[i])
		if title != want.Title || visits[ranked[i]] != want.Visits {
			t.Errorf("Kennisplein top article %d: %q with %d visits, want %q with %d", i+1, title, visits[ranked[i]], want.Title, want.Visits)
		}
	}
	for _, p := range ranked[len(kennispleinTopArticles):] {
		if visits[p] >= 2137 {
			t.Errorf("Kennisplein page %s has %d visits, more than the fifth of the top five", p, visits[p])
		}
	}
	byTitle := map[string]int{}
	for p, n := range visits {
		byTitle[logs.titleOf("kennisplein", p)] += n
	}
	for title, n := range byTitle {
		if n >= 2137 && !slices.ContainsFunc(kennispleinTopArticles, func(pv pageVisits) bool { return pv.Title == title }) {
			t.Errorf("Kennisplein pages titled %q have %d visits together, more than the top five's fifth", title, n)
		}
	}

	// At most one programme page per visit, so that the pages' visits add up.
	total := 0
	for _, n := range visits {
		total += n
	}
	programmeVisits := map[string]bool{}
	for _, v := range logs.visits {
		if v.Site != "kennisplein" && v.Site != "vilans" {
			continue
		}
		n := 0
		for _, w := range v.Views {
			if strings.HasPrefix(w.Path, "/begeleiding-a-la-carte/") || strings.HasPrefix(w.Path, "/artikelen/begeleiding-a-la-carte/") {
				n++
			}
		}
		if n > 1 {
			t.Fatalf("visit %s views %d programme pages, want at most one", v.ID, n)
		}
		if n == 1 && v.Site == "kennisplein" {
			programmeVisits[v.ID] = true
		}
	}
	if total < 57_000 || total > 59_900 {
		t.Errorf("visits to Kennisplein's programme pages: %d, want almost 60.000 (57.000-59.900)", total)
	}
	t.Logf("visits to Kennisplein's programme pages, programme period: %d", total)

	dossier := 0
	for p, n := range visits {
		if strings.HasPrefix(p, "/begeleiding-a-la-carte/ervaringsleren/") {
			dossier += n
		}
	}
	if dossier != dossierErvaringslerenVisits {
		t.Errorf("Dossier Ervaringsleren: %d visits, want %d", dossier, dossierErvaringslerenVisits)
	}
	tips := catalogueItem(t, catalogue, 11)
	if n := visits[urlPath(t, tips.URL)]; n != migrationTipsVisits {
		t.Errorf("7 tips voor het omgaan met familieleden met een migratieachtergrond: %d visits, want %d", n, migrationTipsVisits)
	}

	// Visitors per programme quarter, and how many visits are returning.
	firstVisit := map[string]time.Time{}
	for _, v := range logs.visits {
		if v.Site == "kennisplein" {
			if _, ok := firstVisit[v.Visitor]; !ok {
				firstVisit[v.Visitor] = v.start()
			}
		}
	}
	quarterOf := func(ts time.Time) int { return ((ts.Year()-2019)*12 + int(ts.Month()) - 9) / 3 }
	var quarterVisits, quarterReturning [9]int
	quarterVisitors := [9]map[string]bool{}
	for _, v := range logs.visits {
		if !programmeVisits[v.ID] {
			continue
		}
		q := quarterOf(v.start())
		if quarterVisitors[q] == nil {
			quarterVisitors[q] = map[string]bool{}
		}
		quarterVisits[q]++
		quarterVisitors[q][v.Visitor] = true
		if firstVisit[v.Visitor].Before(v.start()) {
			quarterReturning[q]++
		}
	}
	for q := range quarterVisits {
		share := float64(quarterReturning[q]) / float64(quarterVisits[q])
		t.Logf("programme quarter %d: %5d visits, %5d visitors, %4.1f%% returning", q+1, quarterVisits[q], len(quarterVisitors[q]), 100*share)
		if share < 0.15 || share > 0.30 {
			t.Errorf("programme quarter %d: %.1f%% of visits returning, want 15-30%%", q+1, 100*share)
		}
		if q > 0 && q < 7 && len(quarterVisitors[q]) < len(quarterVisitors[0]) {
			t.Errorf("programme quarter %d has fewer visitors than the first", q+1)
		}
	}
	if n := len(quarterVisitors[0]); n < 1000 || n > 1100 {
		t.Errorf("visitors of programme pages September-November 2019: %d, want just over 1.000 (1.000-1.100)", n)
	}
	if n := len(quarterVisitors[7]); n < 10_000 || n > 10_600 {
		t.Errorf("visitors of programme pages June-August 2021: %d, want just over 10.000 (10.000-10.600)", n)
	}
	if quarterVisits[8] < quarterVisits[7]/2 {
		t.Errorf("September-November 2021: %d programme visits, want traffic to go on", quarterVisits[8])
	}

	// Where the programme visits came from.
	var channels = map[string]int{}
	for _, v := range logs.visits {
		if programmeVisits[v.ID] && v.start().Before(programmeTo) {
			channels[channelOf(t, v.Views[0])]++
		}
	}
	want := map[string]float64{"newsletter": 25, "social": 25, "search": 25, "other": 10, "direct": 15}
	for ch, share := range want {
		if got := 100 * float64(channels[ch]) / float64(total); math.Abs(got-share) > 4 {
			t.Errorf("%.1f%% of programme visits from %s, want about %.0f%%", got, ch, share)
		}
	}

	// Visits that see none of the programme's pages.
	kennispleinVisits, browsing := 0, 0
	for _, v := range logs.visits {
		if v.Site == "kennisplein" {
			kennispleinVisits++
			if !programmeVisits[v.ID] {
				browsing++
			}
		}
	}
	if share := float64(browsing) / float64(kennispleinVisits); share < 0.15 || share > 0.25 {
		t.Errorf("%.1f%% of Kennisplein visits see no programme page, want about 20%%", 100*share)
	}
	hostile := `Tips & tricks: "quotes", <em>tags</em> en é`
	n := len(logs.visitors(func(v *testVisit) bool {
		return slices.ContainsFunc(v.Views, func(w *testView) bool { return w.Title == hostile })
	}))
	if n == 0 || n > 200 {
		t.Errorf("%d visitors saw the page titled %q, want a few", n, hostile)
	}
}

// channelOf classifies where a visit came from by its landing page.
func channelOf(t *testing.T, w *testView) string {
	if w.Source == "nieuwsbrief" {
		return "newsletter"
	}
	if w.Referrer == "" {
		return "direct"
	}
	u, err := url.Parse(w.Referrer)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		t.Fatalf("%s:%d: referrer %q is not a full URL", w.File, w.Line, w.Referrer)
	}
	switch u.Host {
	case "facebook.com", "www.facebook.com", "l.facebook.com", "m.facebook.com", "www.linkedin.com", "lnkd.in", "t.co", "www.instagram.com", "www.youtube.com":
		return "social"
	case "www.google.com", "www.google.nl", "www.bing.com":
		return "search"
	}
	return "other"
}

// checkVilans checks the figures of the programme's articles on vilans.nl.
func checkVilans(t *testing.T, logs *testLogs) {
	visits := logs.pageVisits("vilans", programmeFrom, programmeTo, func(p string) bool {
		return strings.HasPrefix(p, "/artikelen/begeleiding-a-la-carte/")
	})
	ranked := rankPages(visits)
	if len(ranked) < 8 {
		t.Errorf("%d programme articles on vilans.nl, want the top five and a few more", len(ranked))
	}
	for i, want := range vilansTopArticles {
		title := logs.titleOf("vilans", ranked[i])
		if title != want.Title || visits[ranked[i]] != want.Visits {
			t.Errorf("vilans.nl top article %d: %q with %d visits, want %q with %d", i+1, title, visits[ranked[i]], want.Title, want.Visits)
		}
	}
	for _, p := range ranked[len(vilansTopArticles):] {
		if visits[p] >= 930 {
			t.Errorf("vilans.nl article %s has %d visits, want fewer than the top five's fifth", p, visits[p])
		}
	}
}

// checkTwinkelmagazine checks the campaign's figures: the magazine and the funnel to
// Kennisplein, 14 June - 31 August 2021.
func checkTwinkelmagazine(t *testing.T, logs *testLogs) {
	inPeriod := func(v *testVisit) bool { return !v.start().Before(twinkelFrom) && v.start().Before(programmeTo) }
	visits, seconds, paid, after := 0, 0, 0, 0
	visitors := map[string]bool{}
	for _, v := range logs.visits {
		if v.Site != "twinkelmagazine" {
			continue
		}
		switch {
		case v.start().Before(twinkelFrom):
			t.Fatalf("visit %s to Twinkelmagazine before its launch", v.ID)
		case inPeriod(v):
			visits++
			visitors[v.Visitor] = true
			seconds += v.seconds()
			if v.Views[0].Medium == "paid" {
				paid++
			}
		default:
			after++
		}
	}
	avg := math.Round(float64(seconds) / float64(visits))
	t.Logf("Twinkelmagazine: %d visits, %d visitors, %d:%02d average visit; %.0f%% from ads", visits, len(visitors), int(avg)/60, int(avg)%60, 100*float64(paid)/float64(visits))
	if visits != twinkelmagazineVisits || len(visitors) != twinkelmagazineVisitors || avg != twinkelmagazineAvgVisitSeconds {
		t.Errorf("Twinkelmagazine: %d visits, %d visitors, %.0f s average, want %d, %d, %d",
			visits, len(visitors), avg, twinkelmagazineVisits, twinkelmagazineVisitors, twinkelmagazineAvgVisitSeconds)
	}
	if float64(paid) < 0.6*float64(visits) {
		t.Errorf("%d of %d Twinkelmagazine visits from the ads, want most", paid, visits)
	}
	if after == 0 || after >= visits {
		t.Errorf("%d Twinkelmagazine visits September-November 2021, want fewer than %d but some", after, visits)
	}

	pages := logs.pageVisits("twinkelmagazine", twinkelFrom, programmeTo, func(string) bool { return true })
	ranked := rankPages(pages)
	var stories []string
	for _, p := range ranked {
		if strings.HasPrefix(p, "/twinkels/") {
			stories = append(stories, p)
		}
	}
	if n := pages["/"]; n >= 743 {
		t.Errorf("Twinkelmagazine's home page has %d visits, want fewer than the top five Twinkels", n)
	}
	if pages["/"] == 0 || len(stories) < 12 {
		t.Errorf("Twinkelmagazine: home page %d visits, %d Twinkels; want a home page and about 15 Twinkels", pages["/"], len(stories))
	}
	for i, want := range twinkelmagazineTopTwinkels {
		title := logs.titleOf("twinkelmagazine", stories[i])
		if title != want.Title || pages[stories[i]] != want.Visits {
			t.Errorf("Twinkel %d: %q with %d visits, want %q with %d", i+1, title, pages[stories[i]], want.Title, want.Visits)
		}
	}
	for _, p := range stories[len(twinkelmagazineTopTwinkels):] {
		if pages[p] >= 743 {
			t.Errorf("Twinkel %s has %d visits, want fewer than the top five's fifth", p, pages[p])
		}
	}

	funnel, funnelSeconds := 0, 0
	funnelVisitors := map[string]bool{}
	for _, v := range logs.visits {
		if v.Site != "kennisplein" || !strings.HasPrefix(v.Views[0].Referrer, "https://www.twinkelmagazine.nl/") {
			continue
		}
		if v.start().Before(twinkelFrom) {
			t.Fatalf("visit %s referred by Twinkelmagazine before its launch", v.ID)
		}
		if inPeriod(v) {
			funnel++
			funnelVisitors[v.Visitor] = true
			funnelSeconds += v.seconds()
		}
	}
	avg = math.Round(float64(funnelSeconds) / float64(funnel))
	t.Logf("Kennisplein from Twinkelmagazine: %d visits, %d visitors, %d:%02d average visit", funnel, len(funnelVisitors), int(avg)/60, int(avg)%60)
	if funnel != twinkelFunnelVisits || len(funnelVisitors) != twinkelFunnelVisitors || avg != twinkelFunnelAvgVisitSeconds {
		t.Errorf("Kennisplein from Twinkelmagazine: %d visits, %d visitors, %.0f s average, want %d, %d, %d",
			funnel, len(funnelVisitors), avg, twinkelFunnelVisits, twinkelFunnelVisitors, twinkelFunnelAvgVisitSeconds)
	}
}

// rankPages orders paths by visits, most first, then by path.
func rankPages(visits map[string]int) []string {
	var paths []string
	for p := range visits {
		paths = append(paths, p)
	}
	slices.SortFunc(paths, func(a, b string) int {
		if visits[a] != visits[b] {
			return visits[b] - visits[a]
		}
		return strings.Compare(a, b)
	})
	return paths
}

// catalogueRow is one row of the written content catalogue.
type catalogueRow struct {
	Nr                          int
	Type, Title, Online, URL    string
	Organisations, Themes, Line string
}

func readCatalogueFile(tb testing.TB, path string) []catalogueRow {
	tb.Helper()
	records := readCSV(tb, path, ',')
	if got := strings.Join(records[0], ","); got != "nr,type,title,organisations,themes,online_by_aug_2021,url" {
		tb.Fatalf("catalogue header %q", got)
	}
	var rows []catalogueRow
	for _, rec := range records[1:] {
		nr, err := strconv.Atoi(rec[0])
		if err != nil {
			tb.Fatalf("catalogue nr %q: %v", rec[0], err)
		}
		rows = append(rows, catalogueRow{Nr: nr, Type: rec[1], Title: rec[2], Organisations: rec[3], Themes: rec[4], Online: rec[5], URL: rec[6]})
	}
	return rows
}

func catalogueItem(tb testing.TB, rows []catalogueRow, nr int) catalogueRow {
	tb.Helper()
	i := slices.IndexFunc(rows, func(r catalogueRow) bool { return r.Nr == nr })
	if i < 0 {
		tb.Fatalf("no catalogue item %d", nr)
	}
	return rows[i]
}

func urlPath(tb testing.TB, raw string) string {
	tb.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		tb.Fatal(err)
	}
	return u.Path
}

// checkCatalogue checks the content catalogue against its seed and the visit logs.
func checkCatalogue(t *testing.T, dir string, logs *testLogs, rows []catalogueRow) {
	seed := readCSV(t, "content_catalogue_seed.csv", ',')[1:]
	if len(rows) != len(seed) || len(rows) != 124 {
		t.Fatalf("%d catalogue rows, seed has %d", len(rows), len(seed))
	}
	slugFormat := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	paths := map[string]int{}
	for i, r := range rows {
		got := []string{strconv.Itoa(r.Nr), r.Type, r.Title, r.Organisations, r.Themes, r.Online}
		seed[i][3] = organisationList(seed[i][3]) // a list separated by ";"
		if !slices.Equal(got, seed[i]) {
			t.Errorf("catalogue row %d is %q, seed has %q", i+1, got, seed[i])
		}
		if (r.Online == "yes") != (r.URL != "") {
			t.Errorf("item %d: online %q but url %q", r.Nr, r.Online, r.URL)
		}
		if r.URL == "" {
			continue
		}
		rest, ok := strings.CutPrefix(r.URL, "https://www.kennispleingehandicaptensector.nl/begeleiding-a-la-carte/")
		slug := strings.TrimSuffix(strings.TrimSuffix(rest, "*"), "/")
		if !ok || !slugFormat.MatchString(slug) {
			t.Errorf("item %d: url %q has no proper slug", r.Nr, r.URL)
		}
		if other, dup := paths[slug]; dup {
			t.Errorf("items %d and %d share the slug %q", other, r.Nr, slug)
		}
		paths[slug] = r.Nr
		if r.Nr == 117 {
			continue
		}
		want := r.Title
		if inner, ok := strings.CutPrefix(want, "Artikel '"); ok && strings.HasSuffix(inner, "'") {
			want = strings.TrimSuffix(inner, "'")
		}
		switch r.Nr {
		case 78:
			want = "Gesprekstool 'Wat is er?'"
		case 118:
			want = "Samenwerken met familie: Waarom loslaten nooit helemaal lukt"
		}
		if got := logs.titleOf("kennisplein", urlPath(t, r.URL)); got != want {
			t.Errorf("item %d: page %s is titled %q in the visit logs, want %q", r.Nr, r.URL, got, want)
		}
	}
	mapped := map[int]string{
		41:  "Hoe een andere omgeving leidt tot minder gedragsproblemen",
		46:  "Gratis online aanbod dagbesteding in coronatijd",
		11:  "7 tips voor het omgaan met familieleden met een migratieachtergrond",
		118: "Samenwerken met familie: Waarom loslaten nooit helemaal lukt",
	}
	for nr, title := range mapped {
		if got := logs.titleOf("kennisplein", urlPath(t, catalogueItem(t, rows, nr).URL)); got != title {
			t.Errorf("item %d links to a page titled %q, want %q", nr, got, title)
		}
	}
	dossier := catalogueItem(t, rows, 117)
	if dossier.URL != "https://www.kennispleingehandicaptensector.nl/begeleiding-a-la-carte/ervaringsleren/*" {
		t.Errorf("item 117: url %q, want the dossier's folder with *", dossier.URL)
	}
	if got := logs.titleOf("kennisplein", "/begeleiding-a-la-carte/ervaringsleren/"); got != "Ervaringsleren – homepage dossier" {
		t.Errorf("dossier homepage titled %q", got)
	}
	sub := logs.pageVisits("kennisplein", programmeFrom, programmeTo, func(p string) bool {
		return strings.HasPrefix(p, "/begeleiding-a-la-carte/ervaringsleren/") && p != "/begeleiding-a-la-carte/ervaringsleren/"
	})
	if len(sub) < 4 || len(sub) > 6 || sub["/begeleiding-a-la-carte/ervaringsleren/milan-over-communicatie"] == 0 {
		t.Errorf("dossier has %d pages below its homepage (%v), want 4-6 with milan-over-communicatie", len(sub), sub)
	}

	// The seed's rows stand unchanged, byte for byte, before the added url, but for the
	// organisations that the catalogue lists separated by ";".
	seedLines := strings.Split(string(readFile(t, "content_catalogue_seed.csv")), "\r\n")
	lines := strings.Split(string(readFile(t, filepath.Join(dir, catalogueFile))), "\r\n")
	if len(lines) != len(seedLines) {
		t.Fatalf("catalogue has %d lines, seed %d", len(lines), len(seedLines))
	}
	for i, line := range lines[:len(lines)-1] {
		want := seedLines[i] + ","
		for free, list := range organisationLists {
			if strings.ContainsAny(free, ",\"") {
				free = `"` + strings.ReplaceAll(free, `"`, `""`) + `"`
			}
			want = strings.Replace(want, ","+free+",", ","+list+",", 1)
		}
		if i > 0 {
			want += rows[i-1].URL
		} else {
			want += "url"
		}
		if line != want {
			t.Errorf("catalogue line %d is %q, want %q", i+1, line, want)
		}
	}
}

// TestMetaAds parses the Ads Manager exports back and finds the published figures as
// Ads Manager writes them.
func TestMetaAds(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(Options{Dir: dir}); err != nil {
		t.Fatal(err)
	}
	flight1 := readDutchExport(t, filepath.Join(dir, "meta-ads_twinkels-2021_vlucht-1.csv"))
	wantHeader := "Start rapportage;Einde rapportage;Campagnenaam;Naam advertentieset;Weergaven;Bereik;Frequentie;Klikken op links;CTR (doorklikratio voor klikken op link);Videoweergaven van 3 seconden;Besteed bedrag (EUR)"
	if got := strings.Join(flight1[0], ";"); got != wantHeader {
		t.Errorf("flight 1 header %q", got)
	}
	wantRows := [][]string{
		{"2021-06-14", "2021-07-11", "Twinkels 2021 - Vilans", "Vlucht 1 - statisch (foto met quote)", "896.158", "151.136", "5,93", "6.402", "0,71", ""},
		{"2021-06-14", "2021-07-11", "Twinkels 2021 - Vilans", "Vlucht 1 - dynamisch (korte video)", "97.008", "30.568", "3,17", "797", "0,82", "61.635"},
		{"2021-06-14", "2021-07-11", "", "", "993.166", "", "", "7.199", "0,72", "61.635"},
	}
	if len(flight1) != 6 {
		t.Fatalf("flight 1: %d rows, want header, two ad sets, totals and two blank rows", len(flight1))
	}
	for i, want := range wantRows {
		if got := flight1[i+1][:len(want)]; !slices.Equal(got, want) {
			t.Errorf("flight 1 row %d: %q, want %q", i+2, got, want)
		}
		if !regexp.MustCompile(`^\d{1,3}(\.\d{3})*,\d\d$`).MatchString(flight1[i+1][10]) {
			t.Errorf("flight 1 row %d: spend %q is not a Dutch amount", i+2, flight1[i+1][10])
		}
	}
	if !slices.Equal(flight1[4], make([]string, 11)) || !slices.Equal(flight1[5], []string{""}) {
		t.Errorf("flight 1 ends with %q and %q, want ;;;;;;;;;; and an empty line", flight1[4], flight1[5])
	}

	aug31 := readEnglishExport(t, filepath.Join(dir, "Twinkels-2021-Ads-Aug-31-2021.csv"))
	sep12 := readEnglishExport(t, filepath.Join(dir, "Twinkels-2021-Ads-Sep-12-2021.csv"))
	wantEnglish := [][]string{
		{"2021-08-09", "2021-08-31", "Twinkels 2021 - Vilans", "Flight 2 - static (photo with quote)", "375585", "111267", "3.38", "4567", "1.22", ""},
		{"2021-08-09", "2021-08-31", "Twinkels 2021 - Vilans", "Flight 2 - dynamic (short video)", "54986", "23571", "2.33", "487", "0.89", "36861"},
	}
	if len(aug31) != 3 || len(sep12) != 3 {
		t.Fatalf("flight 2 exports have %d and %d rows, want header and two ad sets", len(aug31), len(sep12))
	}
	for i, want := range wantEnglish {
		if got := aug31[i+1][:len(want)]; !slices.Equal(got, want) {
			t.Errorf("flight 2 to Aug 31, row %d: %q, want %q", i+2, got, want)
		}
		partial, complete := aug31[i+1], sep12[i+1]
		if complete[0] != "2021-08-09" || complete[1] != "2021-09-12" || complete[3] != partial[3] {
			t.Errorf("flight 2 complete, row %d: %q", i+2, complete)
		}
		for _, col := range []int{4, 5, 7, 9} {
			if number(t, complete[col]) < number(t, partial[col]) {
				t.Errorf("flight 2 complete, row %d: %s %s is less than on Aug 31 (%s)", i+2, aug31[0][col], complete[col], partial[col])
			}
		}
		if number(t, complete[5])/number(t, partial[5]) >= number(t, complete[4])/number(t, partial[4]) {
			t.Errorf("flight 2 complete, row %d: reach grows as fast as impressions", i+2)
		}
	}

	flight3 := readDutchExport(t, filepath.Join(dir, "meta-ads_twinkels-2021_vlucht-3_advertenties.csv"))
	if got := strings.Join(flight3[0], ";"); got != strings.Replace(wantHeader, "Naam advertentieset;", "Naam advertentieset;Advertentienaam;", 1) {
		t.Errorf("flight 3 header %q", got)
	}
	adsPerSet := map[string]int{}
	impressions := 0.0
	for _, r := range flight3[1:] {
		if r[0] != "2021-10-11" || r[1] != "2021-11-28" || !regexp.MustCompile(`^Twinkel #\d+ - \S`).MatchString(r[4]) {
			t.Errorf("flight 3 row %q", r)
		}
		adsPerSet[r[3]]++
		impressions += dutchNumber(t, r[5])
	}
	for _, set := range []string{"Vlucht 3 - statisch (foto met quote)", "Vlucht 3 - dynamisch (korte video)"} {
		if n := adsPerSet[set]; n < 5 || n > 6 {
			t.Errorf("flight 3 ad set %q has %d ads, want 5-6", set, n)
		}
	}
	for _, r := range flight1[1:3] {
		impressions += dutchNumber(t, r[4])
	}
	for _, r := range sep12[1:] {
		impressions += number(t, r[4])
	}
	t.Logf("impressions over the three flights: %.0f", impressions)
	if impressions < 2.95e6 || impressions > 3.05e6 {
		t.Errorf("impressions over the three flights: %.0f, want about 3 million", impressions)
	}
}

// readDutchExport reads a Dutch Ads Manager export: BOM, ; and CRLF.
func readDutchExport(tb testing.TB, path string) [][]string {
	tb.Helper()
	data := readFile(tb, path)
	body, ok := bytes.CutPrefix(data, []byte("\uFEFF"))
	if !ok {
		tb.Fatalf("%s: no UTF-8 byte order mark", path)
	}
	if bytes.Count(body, []byte("\n")) != bytes.Count(body, []byte("\r\n")) {
		tb.Fatalf("%s: not every line ends in CRLF", path)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSuffix(string(body), "\r\n"), "\r\n") {
		rows = append(rows, strings.Split(line, ";"))
	}
	return rows
}

// readEnglishExport reads an English Ads Manager export with encoding/csv: no BOM, LF.
func readEnglishExport(tb testing.TB, path string) [][]string {
	tb.Helper()
	data := readFile(tb, path)
	if bytes.HasPrefix(data, []byte("\uFEFF")) || bytes.Contains(data, []byte("\r")) {
		tb.Fatalf("%s: byte order mark or CR in an English export", path)
	}
	rows := readCSV(tb, path, ',')
	if got := strings.Join(rows[0], ","); got != "Reporting starts,Reporting ends,Campaign name,Ad set name,Impressions,Reach,Frequency,Link clicks,CTR (link click-through rate),3-second video plays,Amount spent (EUR)" {
		tb.Fatalf("%s: header %q", path, got)
	}
	return rows
}

func number(tb testing.TB, s string) float64 {
	tb.Helper()
	if s == "" {
		return 0
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		tb.Fatalf("%q is not an English number", s)
	}
	return x
}

func dutchNumber(tb testing.TB, s string) float64 {
	tb.Helper()
	if !regexp.MustCompile(`^\d{1,3}(\.\d{3})*(,\d+)?$`).MatchString(s) {
		tb.Fatalf("%q is not a Dutch number", s)
	}
	return number(tb, strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."))
}

func readFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func readCSV(tb testing.TB, path string, sep rune) [][]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = sep
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, rec)
	}
}

// BenchmarkWrite measures writing the demo at scale 1.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	for b.Loop() {
		if _, err := Write(Options{Dir: dir}); err != nil {
			b.Fatal(err)
		}
	}
}

// skipInShortMode skips a slow test under -short, except in CI (CI set), where every test
// runs.
func skipInShortMode(t *testing.T, why string) {
	t.Helper()
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip(why)
	}
}
