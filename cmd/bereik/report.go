package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"bereik/pipeline"
	"bereik/queries"
	"bereik/reports"
)

func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "report", "[--db PATH] [--config FILE] (--quarter 2021-06 | --from DATE --to DATE | --programme)\n"+
		"       [--lang nl|en] [-o report.html] [--pdf report.pdf [--paper a4|letter]]\n"+
		"       bereik report [--db PATH] --campaign NAME [--flight N] [--from DATE --to DATE] [-o FILE]\n\n"+
		"Writes the reach report for a period as one self-contained HTML file, and with --pdf as\n"+
		"a PDF printed by headless Chromium (with --pdf alone, only the PDF). With --campaign it\n"+
		"writes the campaign report only (flights, totals, funnel), for one flight or all, over\n"+
		"the flights' dates from bereik.toml unless --from and --to say otherwise.\n\n"+
		"Examples: bereik report --db out/bereik.duckdb --programme -o out/report.html\n"+
		"          bereik report --db out/bereik.duckdb --quarter 2021-06 --pdf kwartaal.pdf\n"+
		"          bereik report --db out/bereik.duckdb --campaign \"Twinkels 2021\" --flight 2 -o vlucht-2.html")
	db := dbFlag(e, fs)
	wait := waitFlag(fs)
	configPath := fs.String("config", "", "configuration file (default bereik.toml beside the database, else built-in)")
	quarter := fs.String("quarter", "", "the quarter starting in this month, e.g. 2021-06 (quarters start in quarter_start_month); 2021Q3 where quarters are calendar quarters")
	from := fs.String("from", "", "first day, e.g. 2019-09-01")
	to := fs.String("to", "", "last day, e.g. 2021-08-31")
	programme := fs.Bool("programme", false, "the programme's period ([programme] first_day and last_day of bereik.toml), else all loaded data")
	lang := fs.String("lang", "nl", "language: nl or en")
	campaign := fs.String("campaign", "", "write the campaign report for this campaign of bereik.toml")
	flight := fs.Int64("flight", 0, "with --campaign: only this flight")
	out := fs.String("o", "report.html", "output file (HTML)")
	pdf := fs.String("pdf", "", "also write the report as a PDF, printed by headless Chromium; without -o, only the PDF")
	paper := fs.String("paper", "a4", "with --pdf: the paper, a4 or letter")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	html := *out
	if *pdf != "" && !flagGiven(fs, "o") {
		html = ""
	}
	if html != "" {
		if err := refuseDatabaseFiles("-o", html, *db); err != nil {
			return err
		}
	}
	var printer *pdfPrinter
	if *pdf != "" {
		if err := refuseDatabaseFiles("--pdf", *pdf, *db); err != nil {
			return err
		}
		var err error
		if printer, err = newPDFPrinter(e, *paper); err != nil {
			return err
		}
	} else if flagGiven(fs, "paper") {
		return errors.New("--paper goes with --pdf")
	}
	if *lang != "nl" && *lang != "en" {
		return fmt.Errorf("--lang must be nl or en, not %q", *lang)
	}
	cfg, err := loadConfig(*configPath, *db)
	if err != nil {
		return err
	}
	conn, err := pipeline.Open(ctx, *db, pipeline.OpenOptions{ReadOnly: true, Wait: *wait})
	if err != nil {
		return err
	}
	defer conn.Close()
	runner, err := limitedRunner(ctx, conn)
	if err != nil {
		return err
	}
	// The queries group by the quarter_start_month stored at the last ingest; a changed
	// bereik.toml applies from the next ingest on.
	var stored int
	if err := conn.QueryRowContext(ctx, `SELECT quarter_start_month FROM settings`).Scan(&stored); err == nil && stored != cfg.QuarterStartMonth {
		fmt.Fprintf(e.stderr, "bereik: warning: %s says quarter_start_month = %d, but the database was last loaded with %d, which its quarters follow; run bereik ingest to apply the configuration\n",
			cfg.Source, cfg.QuarterStartMonth, stored)
	}
	opts := reportOptions(cfg, *campaign)
	opts.Lang, opts.CampaignOnly, opts.Flight = *lang, *campaign != "", *flight
	opts.QuarterStartMonth = stored // the quarters the queries follow
	if !opts.CampaignOnly {
		opts.Label = cfg.Programme.Name // the title names the programme and the period
	}
	switch {
	case *flight != 0 && *campaign == "":
		return errors.New("--flight goes with --campaign")
	case cfg.Programme.MainSite == "":
		err = fmt.Errorf("%s names no [programme] main_site: the site whose visits, referrals and funnel step the report shows", cfg.Source)
	case *campaign != "" && *from == "" && *to == "" && *quarter == "" && !*programme:
		opts.From, opts.To, err = campaignPeriod(cfg, *campaign, *flight)
	default:
		opts.From, opts.To, err = reportPeriod(ctx, runner, cfg, *quarter, *from, *to, *programme)
	}
	if err != nil {
		return err
	}
	start, end := opts.From, opts.To
	rep, err := reports.Build(ctx, runner, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := rep.Render(&buf); err != nil {
		return err
	}
	// The database is not needed any more: a PDF can take a while to print.
	conn.Close()
	if html != "" {
		if err := writeBeside(html, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "bereik: report for %s to %s written to %s (%d KiB)\n",
			start.Format(time.DateOnly), end.Format(time.DateOnly), html, buf.Len()/1024)
	}
	if printer != nil {
		doc, err := printer.print(ctx, buf.Bytes())
		if err != nil {
			return err
		}
		if err := writeBeside(*pdf, func(w io.Writer) error { _, err := w.Write(doc); return err }); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "bereik: report for %s to %s printed to %s (%s, %d KiB)\n",
			start.Format(time.DateOnly), end.Format(time.DateOnly), *pdf, printer.paper.name, len(doc)/1024)
	}
	return nil
}

// flagGiven reports whether the command line gave the flag, rather than its default.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// reportMemoryLimit is DuckDB's memory limit while a report is made. The report asks two
// questions at once; bounded, they spill what does not fit instead of growing. On 10M
// page views (docs/BENCHMARKS.md) the report's peak is 490-530 MiB at 300 MB, 810-990 at
// 600 MB and 920-1010 unbounded, in the same 6,8-8,5 s.
const reportMemoryLimit = "300MB"

// dbRunner answers the report's questions from the database. A question that runs out of
// DuckDB's memory (a database in a folder it cannot spill into, an operator that cannot
// spill) is asked again with the limit DuckDB had before (unbounded).
type dbRunner struct {
	db        *sql.DB
	unbounded string
}

// limitedRunner holds DuckDB to reportMemoryLimit (the database's setting, whichever
// connection the pool opens later) and answers from it.
func limitedRunner(ctx context.Context, db *sql.DB) (dbRunner, error) {
	r := dbRunner{db: db}
	if err := db.QueryRowContext(ctx, `SELECT current_setting('memory_limit')`).Scan(&r.unbounded); err != nil {
		return r, err
	}
	_, err := db.ExecContext(ctx, `SET GLOBAL memory_limit = '`+reportMemoryLimit+`'`)
	return r, err
}

func (r dbRunner) Run(ctx context.Context, name string, args queries.Args) (*queries.Result, error) {
	res, err := queries.Run(ctx, r.db, name, args)
	if err != nil && r.unbounded != "" && strings.Contains(err.Error(), "Out of Memory") {
		// RESET would not reach DuckDB's buffer pool (1.5.6): the limit is set back.
		if _, lerr := r.db.ExecContext(ctx, `SET GLOBAL memory_limit = '`+r.unbounded+`'`); lerr != nil {
			return nil, errors.Join(err, lerr)
		}
		return queries.Run(ctx, r.db, name, args)
	}
	return res, err
}

// reportOptions are what the report takes from the configuration: every site's label
// and host, the programme's main site, and the campaign (the one named, else the first)
// with its magazine.
func reportOptions(cfg *pipeline.Config, campaign string) reports.Options {
	opts := reports.Options{MainSite: cfg.Programme.MainSite, Campaign: campaign}
	for _, s := range cfg.Sites {
		opts.Sites = append(opts.Sites, reports.Site{Name: s.Name, Label: s.ReportLabel(), Host: s.ReportHost()})
	}
	for i, cp := range cfg.Campaigns {
		if cp.Name == campaign || (campaign == "" && i == 0) {
			opts.Campaign, opts.MagazineSite, opts.MagazinePrefix = cp.Name, cp.MagazineSite, cp.MagazinePrefix
			break
		}
	}
	return opts
}

// campaignPeriod is the dates of one flight of a configured campaign, or of all its flights.
func campaignPeriod(cfg *pipeline.Config, name string, flight int64) (time.Time, time.Time, error) {
	var names []string
	for _, cp := range cfg.Campaigns {
		names = append(names, fmt.Sprintf("%q", cp.Name))
		if cp.Name != name {
			continue
		}
		var start, end time.Time
		var numbers []string
		for _, f := range cp.Flights {
			numbers = append(numbers, fmt.Sprint(f.Number))
			if flight != 0 && int64(f.Number) != flight {
				continue
			}
			if start.IsZero() || f.Start.Before(start) {
				start = f.Start
			}
			if f.End.After(end) {
				end = f.End
			}
		}
		if start.IsZero() {
			return start, end, fmt.Errorf("campaign %q has no flight %d; its flights are %s", name, flight, strings.Join(numbers, ", "))
		}
		return start, end, nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("no campaign %q in %s; configured: %s", name, cfg.Source, strings.Join(names, ", "))
}

var calendarQuarter = regexp.MustCompile(`^(\d{4})[Qq]([1-4])$`)

// quarterStart is the first day of the quarter --quarter names: by its first month
// (2021-06), which must be a month a quarter starts in, or as a calendar quarter (2021Q3),
// only where quarters are calendar quarters.
func quarterStart(quarter string, firstMonth int) (time.Time, error) {
	if m := calendarQuarter.FindStringSubmatch(quarter); m != nil {
		if (firstMonth-1)%3 != 0 {
			return time.Time{}, fmt.Errorf("--quarter %s: quarters here start in %s (quarter_start_month = %d), not in calendar quarters; name the quarter by its first month, like %s",
				quarter, monthName(firstMonth), firstMonth, time.Date(2021, time.Month(firstMonth), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"))
		}
		year, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		return time.Date(year, time.Month(3*n-2), 1, 0, 0, 0, 0, time.UTC), nil
	}
	start, err := time.Parse("2006-01", quarter)
	if err != nil {
		return time.Time{}, fmt.Errorf("--quarter %q: want the quarter's first month, like 2021-06 (or 2021Q3 where quarters are calendar quarters)", quarter)
	}
	if off := (int(start.Month()) - firstMonth + 12) % 3; off != 0 {
		before := start.AddDate(0, -off, 0)
		return time.Time{}, fmt.Errorf("--quarter %s: no quarter starts in that month (quarters start in %s and every third month after); the nearest quarters start in %s and %s",
			quarter, monthName(firstMonth), before.Format("2006-01"), before.AddDate(0, 3, 0).Format("2006-01"))
	}
	return start, nil
}

func monthName(m int) string { return time.Month(m).String() }

// reportPeriod resolves exactly one of --quarter, --from/--to and --programme to dates:
// --programme is the programme's period in bereik.toml, else all loaded data.
func reportPeriod(ctx context.Context, run reports.Runner, cfg *pipeline.Config, quarter, from, to string, programme bool) (time.Time, time.Time, error) {
	chosen := 0
	for _, set := range []bool{quarter != "", from != "" || to != "", programme} {
		if set {
			chosen++
		}
	}
	if chosen != 1 {
		return time.Time{}, time.Time{}, errors.New("give exactly one of --quarter, --from and --to, or --programme")
	}
	switch {
	case quarter != "":
		start, err := quarterStart(quarter, cfg.QuarterStartMonth)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		return start, start.AddDate(0, 3, -1), nil
	case programme:
		if p := cfg.Programme; !p.FirstDay.IsZero() {
			return p.FirstDay, p.LastDay, nil
		}
		res, err := run.Run(ctx, "data_period", nil)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		period, err := queries.Scan[struct {
			First *time.Time `col:"first_day"`
			Last  *time.Time `col:"last_day"`
		}](res)
		if err != nil {
			return time.Time{}, time.Time{}, err
		}
		if len(period) == 0 || period[0].First == nil || period[0].Last == nil {
			return time.Time{}, time.Time{}, withHint(errors.New("the database holds no dated data yet (no visits, page reports, ads or posts)"),
				"run bereik ingest first, or give the period with --from and --to")
		}
		return *period[0].First, *period[0].Last, nil
	}
	if from == "" || to == "" {
		return time.Time{}, time.Time{}, errors.New("--from and --to go together")
	}
	start, err1 := time.Parse(time.DateOnly, from)
	end, err2 := time.Parse(time.DateOnly, to)
	if err := errors.Join(err1, err2); err != nil || end.Before(start) {
		return time.Time{}, time.Time{}, fmt.Errorf("--from %q --to %q: want two dates like 2021-06-01, the first not after the second", from, to)
	}
	return start, end, nil
}
