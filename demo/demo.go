// Package demo writes the exports a Dutch comms team downloads, for trying bereik on:
// Meta Ads Manager reports of the paid Twinkel campaign; the organic posts of the
// knowledge platform's channels from Meta Business Suite (Facebook, Instagram), LinkedIn
// (CSV and XLSX), X (legacy and current) and YouTube Studio; monthly visit logs of
// Kennisplein Gehandicaptensector, Twinkelmagazine and vilans.nl; a web server access log
// of vilans.nl; Matomo and Google Analytics page reports; the programme's content
// catalogue and a configuration that fits them. The exports are calibrated so that the
// reach figures published in the final report of the programme Begeleiding à la carte
// (September 2019 - August 2021) come out of them exactly; see figures.go.
package demo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"bereik/pipeline"
)

// Options says where to write the demo exports and which ones.
type Options struct {
	// Dir is the folder to write to; it is created when missing.
	Dir string
	// Seed picks one of many equally realistic sets of exports; 0 means 1. The same Seed
	// and Scale always give byte-identical files.
	Seed uint64
	// Scale multiplies the visits in the visit logs, for load tests, and the page
	// reports' counts with them; 0 means 1. Only at Scale 1 do the logs reproduce the
	// published figures exactly.
	Scale int
}

// File is one written export.
type File struct {
	Path string // where it was written
	Kind string // one of the Kind constants
	Rows int    // data rows: no header, totals or blank rows; 0 for the configuration
}

// Kinds of files Write writes, as ingest names them.
const (
	KindMetaAds          = "meta_ads"
	KindVisitLog         = "visit_log"
	KindContentCatalogue = "content_catalogue"
	KindConfig           = "config"
	KindMetaPosts        = "meta_posts"     // Meta Business Suite: Facebook or Instagram posts
	KindLinkedInPosts    = "linkedin_posts" // LinkedIn page analytics, "All posts" (CSV or XLSX)
	KindXPosts           = "x_posts"        // X tweet activity, legacy or current
	KindYouTube          = "youtube"        // YouTube Studio "Table data.csv"
	KindAccessLog        = "access_log"     // web server access log, combined log format, gzip
	KindPageReport       = "page_report"    // Matomo or Google Analytics page report
)

// Write writes the demo exports into opts.Dir and returns them in the order written: the
// configuration bereik.toml, the content catalogue, four Meta Ads Manager exports, seven
// exports of organic posts (social.go), the access log of vilans.nl for December 2021,
// two page reports for June - August 2021 and 27 monthly visit logs (September 2019 -
// November 2021). The visit logs are streamed to disk a day at a time, so any Scale fits
// in memory; Scale multiplies the page reports' counts with them and leaves the other
// exports as they are.
func Write(opts Options) ([]File, error) {
	if opts.Dir == "" {
		return nil, errors.New("demo: no directory to write to")
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Scale == 0 {
		opts.Scale = 1
	}
	if opts.Scale < 1 {
		return nil, fmt.Errorf("demo: scale must be 1 or more, not %d", opts.Scale)
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}

	config := filepath.Join(opts.Dir, "bereik.toml")
	if err := os.WriteFile(config, pipeline.DefaultConfigTOML, 0o644); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	files := []File{{Path: config, Kind: KindConfig}}

	items, err := readCatalogue()
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	catalogue, err := writeCatalogue(filepath.Join(opts.Dir, catalogueFile), items)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	files = append(files, catalogue)

	ads, err := writeMetaAds(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	files = append(files, ads...)

	posts, err := writeSocialPosts(opts.Dir, opts.Seed, items)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	files = append(files, posts...)

	accessLog, err := writeAccessLog(opts.Dir, opts.Seed)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	files = append(files, accessLog)

	plan, err := newVisitPlan(opts.Seed, items)
	if err != nil {
		return nil, fmt.Errorf("demo: plan visits: %w", err)
	}
	reports, err := writePageReports(opts.Dir, plan, opts.Scale)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	files = append(files, reports...)
	logs, err := writeVisitLogs(opts.Dir, plan, opts.Scale)
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	return append(files, logs...), nil
}
