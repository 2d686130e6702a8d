package demo

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/encoding/unicode"
)

// The page reports cover the report's last programme quarter, June - August 2021, of the
// sites whose visit logs the demo writes: Kennisplein from Matomo, vilans.nl from Google
// Analytics. Their figures are computed from the same visits as the visit logs, at any
// Scale, so they agree with the page views: where both cover a site and period, the page
// views are preferred, and either way no published figure can move.
var (
	pageReportFrom = dayOf(2021, time.June, 1)
	pageReportTo   = reportEnd // 31 August 2021, inclusive
)

const (
	matomoReportFile = "matomo_www.kennispleingehandicaptensector.nl_paginas_2021-06-01_2021-08-31.csv"
	gaReportFile     = "Analytics www.vilans.nl Alle paginas 20210601-20210831.csv"
)

// pageStats is one page's figures over a period, as web analytics counts them.
type pageStats struct {
	Path      string
	Pageviews int
	Visits    int   // visits that viewed the page: unique page views
	Entrances int   // visits that began on it
	Bounces   int   // visits that began on it and viewed nothing else
	Exits     int   // visits that ended on it
	Seconds   int64 // time on page over every view
	Staying   int64 // time on page over the views that were not a visit's last
}

// pageStats returns the figures of site s's pages over the days from-to, each count
// multiplied by scale (the visit logs write each visit scale times), most viewed first.
func (pl *visitPlan) pageStats(s site, from, to day, scale int) []pageStats {
	byPath := map[string]*pageStats{}
	for i := range pl.visits {
		v := &pl.visits[i]
		if v.Site != s || v.Start.Day < from || v.Start.Day > to {
			continue
		}
		seen := map[string]bool{}
		for j, w := range v.Views {
			path := pl.pages[w.Page].Path
			st := byPath[path]
			if st == nil {
				st = &pageStats{Path: path}
				byPath[path] = st
			}
			st.Pageviews += scale
			st.Seconds += int64(w.Seconds) * int64(scale)
			if !seen[path] {
				seen[path] = true
				st.Visits += scale
			}
			if j == 0 {
				st.Entrances += scale
				if len(v.Views) == 1 {
					st.Bounces += scale
				}
			}
			if j == len(v.Views)-1 {
				st.Exits += scale
			} else {
				st.Staying += int64(w.Seconds) * int64(scale)
			}
		}
	}
	var stats []pageStats
	for _, st := range byPath {
		stats = append(stats, *st)
	}
	slices.SortFunc(stats, func(a, b pageStats) int {
		return cmp.Or(cmp.Compare(b.Pageviews, a.Pageviews), cmp.Compare(a.Path, b.Path))
	})
	return stats
}

// writePageReports writes Kennisplein's Matomo page report and vilans.nl's Google
// Analytics page report for June - August 2021.
func writePageReports(dir string, plan *visitPlan, scale int) ([]File, error) {
	matomo, err := writeMatomoReport(filepath.Join(dir, matomoReportFile), plan.pageStats(kennisplein, pageReportFrom, pageReportTo, scale))
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", matomo.Path, err)
	}
	ga, err := writeGAReport(filepath.Join(dir, gaReportFile), plan.pageStats(vilans, pageReportFrom, pageReportTo, scale))
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", ga.Path, err)
	}
	return []File{matomo, ga}, nil
}

// matomoReportHeader is the header of Matomo's Pages report exported with its English
// column names.
const matomoReportHeader = "Label\tUnique Pageviews\tPageviews\tBounce rate\tAvg. time on page\tExit rate"

// matomoLabel returns the label Matomo's flattened Pages report gives a path: a page in
// a folder is named by the folders without a leading slash ("begeleiding-a-la-carte/x"),
// a page at the top keeps its slash ("/zoeken"), and a folder's own page is "index".
func matomoLabel(path string) string {
	rest := strings.TrimPrefix(path, "/")
	if rest == "" || strings.HasSuffix(rest, "/") {
		rest += "index"
	}
	if !strings.Contains(rest, "/") {
		return "/" + rest
	}
	return rest
}

// percent rounds part/whole to a whole percentage, as Matomo formats its rates.
func percent(part, whole int) string {
	if whole == 0 {
		return "0%"
	}
	return fmt.Sprintf("%d%%", (200*part+whole)/(2*whole))
}

// writeMatomoReport writes Matomo's Pages report as its export writes it by default: tab
// separated UTF-16LE with a byte order mark, no dates inside (the period is in the file's
// name), rates as whole percentages and the time on page in seconds.
func writeMatomoReport(path string, stats []pageStats) (File, error) {
	file := File{Path: path, Kind: KindPageReport, Rows: len(stats)}
	var b strings.Builder
	b.WriteString(matomoReportHeader + "\n")
	for _, st := range stats {
		fmt.Fprintf(&b, "%s\t%d\t%d\t%s\t%d\t%s\n", matomoLabel(st.Path), st.Visits, st.Pageviews,
			percent(st.Bounces, st.Entrances), (st.Seconds+int64(st.Pageviews)/2)/int64(st.Pageviews),
			percent(st.Exits, st.Visits))
	}
	data, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(b.String()))
	if err != nil {
		return file, err
	}
	return file, os.WriteFile(path, data, 0o644)
}

// gaReportHeader is the header of Universal Analytics' "Alle pagina's" report in Dutch.
const gaReportHeader = "Pagina,Paginaweergaven,Unieke paginaweergaven,Gem. tijd op pagina,Instappen,Bouncepercentage,% Uitstappen,Paginawaarde"

// writeGAReport writes Universal Analytics' "Alle pagina's" report as the Dutch interface
// exports it: a # preamble naming the period, a blank line, the table with every number
// quoted in Dutch notation, and a totals row without a page.
func writeGAReport(path string, stats []pageStats) (File, error) {
	var b strings.Builder
	b.WriteString("# ----------------------------------------\n")
	b.WriteString("# Alle websitegegevens\n")
	b.WriteString("# Pagina's\n")
	fmt.Fprintf(&b, "# %s-%s\n", pageReportFrom.date().Format("20060102"), pageReportTo.date().Format("20060102"))
	b.WriteString("# ----------------------------------------\n\n")
	b.WriteString(gaReportHeader + "\n")
	var total pageStats
	for _, st := range stats {
		b.WriteString(st.Path + "," + gaFigures(st) + "\n")
		total.Pageviews += st.Pageviews
		total.Visits += st.Visits
		total.Entrances += st.Entrances
		total.Bounces += st.Bounces
		total.Exits += st.Exits
		total.Staying += st.Staying
	}
	b.WriteString("," + gaFigures(total) + "\n\n")
	file := File{Path: path, Kind: KindPageReport, Rows: len(stats)}
	return file, os.WriteFile(path, []byte(b.String()), 0o644)
}

// gaFigures returns a page's figures as Google Analytics writes them: the average time
// on page over the views that were not exits, rates over entrances and page views.
func gaFigures(st pageStats) string {
	avg := int64(0)
	if n := int64(st.Pageviews - st.Exits); n > 0 {
		avg = (st.Staying + n/2) / n
	}
	fields := []string{
		dutchInteger(st.Pageviews), dutchInteger(st.Visits),
		fmt.Sprintf("%02d:%02d:%02d", avg/3600, avg/60%60, avg%60), dutchInteger(st.Entrances),
		dutchPercent(st.Bounces, st.Entrances), dutchPercent(st.Exits, st.Pageviews), "€ 0,00",
	}
	return `"` + strings.Join(fields, `","`) + `"`
}

// dutchPercent formats part/whole as a Dutch percentage with two decimals: 99,88%.
func dutchPercent(part, whole int) string {
	if whole == 0 {
		return "0,00%"
	}
	return dutchDecimal(100*float64(part)/float64(whole)) + "%"
}
