package pipeline

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/duckdb/duckdb-go/v2"
)

// rawConn runs statements on one driver connection, so that a transaction, the Arrow view
// and the statements that read it share that connection.
type rawConn struct {
	ctx context.Context
	dc  driver.Conn
}

func (c rawConn) exec(query string, args ...any) (int64, error) {
	res, err := c.dc.(driver.ExecerContext).ExecContext(c.ctx, query, named(args))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// queryInt returns the single integer a query answers.
func (c rawConn) queryInt(query string, args ...any) (int64, error) {
	rows, err := c.dc.(driver.QueryerContext).QueryContext(c.ctx, query, named(args))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	vals := make([]driver.Value, len(rows.Columns()))
	if err := rows.Next(vals); err != nil {
		if errors.Is(err, io.EOF) {
			return 0, nil
		}
		return 0, err
	}
	switch v := vals[0].(type) {
	case int64:
		return v, nil
	case int32:
		return int64(v), nil
	case uint64:
		return int64(v), nil
	case nil:
		return 0, nil
	}
	return 0, fmt.Errorf("unexpected %T from %q", vals[0], query)
}

func named(args []any) []driver.NamedValue {
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return nv
}

// withConn runs fn on one raw driver connection of db.
func withConn(ctx context.Context, db *sql.DB, fn func(c rawConn) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error { return fn(rawConn{ctx: ctx, dc: dc.(driver.Conn)}) })
}

// inTx runs fn inside BEGIN ... COMMIT, rolling back on any error.
func (c rawConn) inTx(fn func() error) error {
	if _, err := c.exec("BEGIN TRANSACTION"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		if _, rerr := c.exec("ROLLBACK"); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	_, err := c.exec("COMMIT")
	return err
}

// syncConfig writes the configuration into the database, so that queries read quarters,
// sites, programme pages and flights from the database alone, and applies it to the ad
// rows already loaded: their campaign, flight and format follow the configuration as it
// is now, also after flights were added or patterns changed.
func syncConfig(ctx context.Context, db *sql.DB, cfg *Config) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	exec := func(query string, args ...any) {
		if err == nil {
			_, err = tx.ExecContext(ctx, query, args...)
		}
	}
	for _, t := range []string{"settings", "sites", "programme_prefixes", "campaign_flights", "referral_rules", "source_kinds"} {
		exec("DELETE FROM " + t)
	}
	for _, k := range sources {
		exec(`INSERT INTO source_kinds VALUES (?, ?, ?, ?, ?, ?)`, k.kind, k.label.nl, k.label.en, k.table, k.personal, k.stale.String())
	}
	exec(`INSERT INTO settings (quarter_start_month, config_source, stale_after_hours) VALUES (?, ?, ?)`,
		int32(cfg.QuarterStartMonth), cfg.Source, int32(cfg.staleAfter/time.Hour))
	priority := int32(0)
	for _, r := range cfg.Referrals {
		for _, m := range []struct {
			match    string
			patterns []string
		}{{"utm_source", r.UTMSource}, {"utm_medium", r.UTMMedium}, {"referrer_host", r.ReferrerHosts}} {
			for _, p := range m.patterns {
				priority++
				exec(`INSERT INTO referral_rules VALUES (?, ?, ?, ?)`, priority, r.Channel, m.match, strings.ToLower(p))
			}
		}
	}
	for _, s := range cfg.Sites {
		for _, h := range s.Hosts {
			exec(`INSERT INTO sites VALUES (?, ?)`, s.Name, strings.ToLower(h))
		}
		for _, p := range s.ProgrammePrefixes {
			exec(`INSERT INTO programme_prefixes VALUES (?, ?)`, s.Name, p)
		}
	}
	for _, cp := range cfg.Campaigns {
		for _, f := range cp.Flights {
			exec(`INSERT INTO campaign_flights VALUES (?, ?, ?, ?)`, cp.Name, int32(f.Number), f.Start, f.End)
		}
	}
	storeReportFacts(exec, cfg)
	if err == nil {
		// Other prefixes make other pages the programme's.
		err = recountProgrammeViews(txRunner{ctx: ctx, tx: tx})
	}
	if err != nil {
		return err
	}
	type adRow struct {
		campaignName, adSet, ad string
		start, end              time.Time
	}
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT campaign_name, adset_name, ad_name, reporting_start, reporting_end FROM meta_ads`)
	if err != nil {
		return err
	}
	var ads []adRow
	for rows.Next() {
		var r adRow
		if err := rows.Scan(&r.campaignName, &r.adSet, &r.ad, &r.start, &r.end); err != nil {
			rows.Close()
			return err
		}
		ads = append(ads, r)
	}
	rows.Close()
	for _, r := range ads {
		campaign, flight, format := cfg.classifyAd(r.campaignName, r.adSet, r.ad, r.start, r.end)
		exec(`UPDATE meta_ads SET campaign = ?, flight = ?, format = ?
			WHERE campaign_name = ? AND adset_name = ? AND ad_name = ? AND reporting_start = ? AND reporting_end = ?`,
			nullText(campaign), nullInt(flight), nullText(format), r.campaignName, r.adSet, r.ad, r.start, r.end)
	}
	if err != nil {
		return err
	}
	return tx.Commit()
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return int32(n)
}

// countNamed returns the count of the given name, 0 if there is none.
func countNamed(counts []Count, name string) int64 {
	return FileOutcome{Counts: counts}.Count(name)
}

// loaded is what loading one file did.
type loaded struct {
	fileID   int64
	rows     int64
	rejected int64
	skipped  int64
	replaced int64
}

// errAlreadyLoaded means a file with the same content is in the ingest log.
var errAlreadyLoaded = errors.New("already loaded")

// load puts one parsed file into the database: its rows, its rejects and its ingest-log
// entry become visible together or not at all. A kind loaded in parts (page views, which
// come in files of millions of rows) commits its rows in parts that stay invisible until
// the file is published (loadInParts); every other kind loads in one transaction.
func load(ctx context.Context, db *sql.DB, run *parseRun, d *digest) (loaded, error) {
	if run.f.kind.parts != "" {
		return loadInParts(ctx, db, run, d)
	}
	var out loaded
	src := run.f.kind
	err := withConn(ctx, db, func(c rawConn) error {
		return c.inTx(func() error {
			var err error
			if out.fileID, err = newFileID(c, d.sha); err != nil {
				return err
			}
			if err := loadRows(c, run, out.fileID, &out); err != nil {
				var le *lineError
				if run.err != nil {
					return run.err
				} else if errors.As(err, &le) {
					return err
				}
				return fmt.Errorf("load %s into %s: %w", run.f.path, src.table, err)
			}
			if run.err != nil {
				return run.err
			}
			return publish(c, run, d, &out)
		})
	})
	return out, err
}

// newFileID returns the id of a file about to load, or errAlreadyLoaded when a file of
// the same content is in the ingest log (another process may have loaded it since this
// one looked).
func newFileID(c rawConn, sha string) (int64, error) {
	if err := notLoaded(c, sha); err != nil {
		return 0, err
	}
	return c.queryInt(`SELECT nextval('file_id_seq')`)
}

// notLoaded returns errAlreadyLoaded when a file of the same content (sha, "" when not
// known yet) is in the ingest log.
func notLoaded(c rawConn, sha string) error {
	if sha == "" {
		return nil
	}
	n, err := c.queryInt(`SELECT count(*) FROM ingest_log WHERE sha256 = ?`, sha)
	if err != nil {
		return err
	}
	if n > 0 {
		return errAlreadyLoaded
	}
	return nil
}

// publish writes a file's rejects and its ingest-log entry, which makes its rows count.
func publish(c rawConn, run *parseRun, d *digest, out *loaded) error {
	src := run.f.kind
	// A file hashed while it was parsed is known by its content only now.
	sha, size, err := d.sum()
	if err != nil {
		return fmt.Errorf("%s: %w", run.f.path, err)
	}
	if err := notLoaded(c, sha); err != nil {
		return err
	}
	for _, r := range run.rejects {
		reason := r.storedReason(src.personal)
		if _, err := c.exec(`INSERT INTO rejects VALUES (?, ?, ?, ?, ?, ?)`,
			int32(out.fileID), r.Path, int64(r.Line), int32(r.Col), r.Column, reason); err != nil {
			return err
		}
	}
	out.rows, out.rejected, out.skipped = run.loaded, run.nReject, run.skipped
	var first, last any
	if !run.first.IsZero() {
		first, last = run.first, run.last
	}
	if _, err := c.exec(`INSERT INTO ingest_log (file_id, sha256, path, kind, bytes, rows_loaded, rows_rejected,
		rows_skipped, rows_replaced, first_date, last_date, loaded_at, rows_bots) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		int32(out.fileID), sha, run.f.path, src.kind, size,
		out.rows, out.rejected, out.skipped, out.replaced, first, last, time.Now().UTC(), countNamed(run.counts(), "bots")); err != nil {
		return err
	}
	if src == catalogueSource {
		// A new catalogue makes other pages the programme's.
		return recountProgrammeViews(c)
	}
	return nil
}

// partBatches is how many record batches (of batchRows) one part of a file loaded in parts
// holds: about a million rows, so that DuckDB holds at most that much uncommitted. A test
// makes it small.
var partBatches = 8

// loadInParts loads a file of a kind loaded in parts. Its rows go into the kind's parts
// table (page_view_rows) in parts of partBatches batches, each committed on its own while
// the file is listed in ingest_parts; the view the queries read (page_views) shows only
// rows of files in ingest_log. Once the last part is in, one transaction replaces the
// rows of earlier files the file holds again, writes the rejects and the ingest-log entry
// and takes the file off ingest_parts: the file becomes visible whole at that moment. A
// file that fails has its parts deleted; a kill leaves them invisible, and the next
// ingest deletes them (removeUnpublishedParts). Memory stays that of one part, however
// large the file.
func loadInParts(ctx context.Context, db *sql.DB, run *parseRun, d *digest) (loaded, error) {
	var out loaded
	src := run.f.kind
	err := withConn(ctx, db, func(c rawConn) error {
		err := c.inTx(func() error {
			var err error
			if out.fileID, err = newFileID(c, d.sha); err != nil {
				return err
			}
			_, err = c.exec(`INSERT INTO ingest_parts VALUES (?, ?, ?)`, int32(out.fileID), run.f.path, time.Now().UTC())
			return err
		})
		if err != nil {
			return err
		}
		// A file that fails has the parts committed so far deleted; should that fail too,
		// they stay invisible until the next ingest deletes them.
		dropParts := func() {
			drop := rawConn{ctx: context.WithoutCancel(c.ctx), dc: c.dc}
			drop.exec(fmt.Sprintf(`DELETE FROM %s WHERE file_id = %d`, src.parts, out.fileID))
			drop.exec(`DELETE FROM ingest_parts WHERE file_id = ?`, int32(out.fileID))
		}
		if err := insertParts(c, run, out.fileID); err != nil {
			dropParts()
			var le *lineError
			switch {
			case run.err != nil:
				return run.err
			case errors.As(err, &le):
				return err
			}
			return fmt.Errorf("load %s into %s: %w", run.f.path, src.parts, err)
		}
		// Publishing aggregates the file's visits: DuckDB gets room for its hash tables,
		// which it spills beyond that, and the buffer pool of the parts again after. The
		// parts are committed: should the room not do, the publishing is tried again with
		// more. The parser's batches are garbage by now: handing their pages back to the OS
		// keeps them from adding to DuckDB's memory while it publishes.
		debug.FreeOSMemory()
		defer c.exec(`SET memory_limit = '` + ingestMemoryLimit + `'`)
		for i, limit := range publishMemoryLimits {
			// DuckDB refuses a limit below what it holds at that moment ("Out of Memory"
			// too): the next limit is tried as after a publishing that ran out.
			_, err := c.exec(`SET memory_limit = '` + limit + `'`)
			if err == nil {
				err = c.inTx(func() error {
					if err := replaceEarlier(c, src, out.fileID, &out); err != nil {
						return err
					}
					if _, err := c.exec(`DELETE FROM ingest_parts WHERE file_id = ?`, int32(out.fileID)); err != nil {
						return err
					}
					if err := publish(c, run, d, &out); err != nil {
						return err
					}
					return maintainVisits(c, out.fileID, out.rows)
				})
			}
			if err != nil && (!strings.Contains(err.Error(), "Out of Memory") || i == len(publishMemoryLimits)-1) {
				dropParts()
				return err
			}
			if err == nil {
				return nil
			}
			run.note("publishing the file ran out of DuckDB's %s; tried again with %s", limit, publishMemoryLimits[i+1])
		}
		return nil
	})
	return out, err
}

// visitFigures are a visit's figures aggregated from its page views (the columns of
// page_view_rows and of page_views), as the per-visit table keeps them. Every aggregate
// holds a fixed-size state, so that DuckDB spills what does not fit in its memory limit.
const visitFigures = `any_value(visitor) AS visitor, min(ts) AS started, max(ts) AS ended,
	count(*) AS views, sum(coalesce(time_on_page, 0)) AS seconds,
	arg_min(page_key, ts) AS first_page_key, arg_min(origin_key, ts) AS first_origin_key,
	count(*) FILTER (WHERE page_key IN (SELECT page_key FROM programme_pages)) AS programme_views`

// visitColumns are the columns of page views that visitFigures read.
const visitColumns = `visit_id, visitor, ts, time_on_page, page_key, origin_key`

// insertVisits puts the visits of a relation of visitFigures (and visit_id) into the
// per-visit table, each under the site of its first page.
const insertVisits = `INSERT INTO visits
	SELECT p.site, v.visit_id, v.visitor, v.started, v.ended, v.views, v.seconds, v.first_page_key, v.first_origin_key,
	       v.programme_views
	FROM %s v JOIN pages p ON p.page_key = v.first_page_key`

// storeProgrammeFingerprint records the definition of the programme's pages that the
// visits' programme_views follow.
var storeProgrammeFingerprint = [2]string{
	`DELETE FROM programme_fingerprint`,
	`INSERT INTO programme_fingerprint SELECT programme_definition()`,
}

// maintainVisits brings the per-visit table (visits) up to date with a file just
// published and the rows it replaced (bereik_touched, written by replaceEarlier with the
// file's span, bereik_span): every visit the file adds page views to, or deleted page
// views of, is computed again from the published page views. A visit's other page views
// are looked for within a day of the file's span, per site: visits last less than a day.
// (The page and origin dimensions have the file's values already: insertDims added them
// with its parts.)
//
// The visits are aggregated straight into the per-visit table from the file's own rows
// and, for the visits that have page views in earlier files too, those page views
// (bereik_nearby, usually none or few): the file's millions of rows pass through the
// aggregate (in passes, below) and are not materialised in between.
func maintainVisits(c rawConn, fileID, rows int64) error {
	defer c.exec(`DROP TABLE IF EXISTS bereik_touched`)
	defer c.exec(`DROP TABLE IF EXISTS bereik_span`)
	defer c.exec(`DROP TABLE IF EXISTS bereik_nearby`)
	defer c.exec(`DROP TABLE IF EXISTS bereik_redo`)
	run := func(qs ...string) error {
		for _, q := range qs {
			if _, err := c.exec(q); err != nil {
				return err
			}
		}
		return nil
	}
	err := run(
		// page_view_rows holds only published rows here: the parts of unfinished files
		// were removed when this ingest began, and this file is published. A visit's id
		// is a keyed hash of its site and the visit: it names one visit of one site.
		fmt.Sprintf(`CREATE OR REPLACE TEMP TABLE bereik_nearby AS
			SELECT %[2]s
			FROM page_view_rows p
			JOIN bereik_span w ON p.site = w.site AND p.ts BETWEEN w.first_ts - INTERVAL 1 DAY AND w.last_ts + INTERVAL 1 DAY
			WHERE p.file_id <> %[1]d`, fileID, visitColumns))
	if err != nil {
		return err
	}
	// The visits of earlier files computed again: those this file adds page views to, and
	// those whose page views it replaced. Only these can be in the per-visit table already:
	// a visit of the file's that an earlier file has page views of has them within a day
	// (nearby), or had them deleted just now (touched). The file's own visit ids are never
	// gathered: probing its page views against the few nearby ones, and joining the table
	// to the visits redone, keeps every hash table small, however large the file. (With no
	// nearby page views or no visits to redo, DuckDB skips the probing side of each join.)
	// bereik_redo holds each visit once (UNION; bereik_touched is DISTINCT): the join
	// deletes each row once.
	err = run(
		fmt.Sprintf(`CREATE OR REPLACE TEMP TABLE bereik_redo AS
			SELECT visit_id FROM page_view_rows WHERE file_id = %d AND visit_id IN (SELECT visit_id FROM bereik_nearby)
			UNION SELECT visit_id FROM bereik_touched`, fileID),
		`DELETE FROM visits v USING bereik_redo r WHERE v.visit_id = r.visit_id`)
	if err != nil {
		return err
	}
	views := fmt.Sprintf(`SELECT %s FROM page_view_rows WHERE file_id = %d
		UNION ALL SELECT n.* FROM bereik_nearby n JOIN bereik_redo r ON r.visit_id = n.visit_id`, visitColumns, fileID)
	// A file of millions of rows is aggregated in passes over shares of its visits: the
	// hash table of one share fits in DuckDB's memory limit, where that of all would
	// spill (10M page views, 6.1M visits: 3.7-4.3 s in four passes, 6.2 s in one).
	passes := max(1, (rows+rowsPerVisitPass-1)/rowsPerVisitPass)
	for k := range passes {
		share := ""
		if passes > 1 {
			share = fmt.Sprintf(` WHERE visit_id %% %d = %d`, passes, k)
		}
		if err := run(fmt.Sprintf(insertVisits, `(SELECT visit_id, `+visitFigures+` FROM (`+views+`)`+share+` GROUP BY visit_id)`)); err != nil {
			return err
		}
	}
	return nil
}

// rowsPerVisitPass is how many page views of a file one pass of the per-visit aggregate
// covers, at most: a share of visits whose hash table fits in publishMemoryLimits' first.
// A test makes it small.
var rowsPerVisitPass int64 = 2_500_000

// sqlRunner runs statements within a transaction: a raw driver connection or a *sql.Tx.
type sqlRunner interface {
	exec(query string, args ...any) (int64, error)
	queryInt(query string, args ...any) (int64, error)
}

// txRunner runs statements on a database/sql transaction.
type txRunner struct {
	ctx context.Context
	tx  *sql.Tx
}

func (t txRunner) exec(query string, args ...any) (int64, error) {
	res, err := t.tx.ExecContext(t.ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (t txRunner) queryInt(query string, args ...any) (int64, error) {
	var n sql.NullInt64
	err := t.tx.QueryRowContext(t.ctx, query, args...).Scan(&n)
	return n.Int64, err
}

// recountProgrammeViews counts the programme page views of every visit again when what
// makes a page a programme page has changed since they were counted (a new catalogue,
// other prefixes in bereik.toml), in the transaction that changed it: the per-visit
// table's programme_views follow the programme as it is now, also after a kill.
func recountProgrammeViews(r sqlRunner) error {
	same, err := r.queryInt(`SELECT count(*) FROM programme_fingerprint WHERE fingerprint = programme_definition()`)
	if err != nil || same > 0 {
		return err
	}
	if _, err := r.exec(`SET memory_limit = '` + publishMemoryLimits[len(publishMemoryLimits)-1] + `'`); err != nil {
		return err
	}
	defer r.exec(`SET memory_limit = '` + ingestMemoryLimit + `'`)
	for _, q := range []string{
		`UPDATE visits SET programme_views = coalesce(c.n, 0)
			FROM (SELECT v.visit_id, n FROM visits v LEFT JOIN (
			          SELECT visit_id, count(*) AS n FROM page_views
			          WHERE page_key IN (SELECT page_key FROM programme_pages) GROUP BY visit_id) p USING (visit_id)) c
			WHERE visits.visit_id = c.visit_id AND visits.programme_views IS DISTINCT FROM coalesce(c.n, 0)`,
		storeProgrammeFingerprint[0], storeProgrammeFingerprint[1],
	} {
		if _, err := r.exec(q); err != nil {
			return err
		}
	}
	return nil
}

// RebuildDerived computes the per-visit table from every published page view, as
// migration 014 first made it. Ingest keeps it up to date itself; this is for page views
// written into the database by other means (tests that build a database by hand, which
// write the pages and origins with them: page_view_rows holds only their keys).
func RebuildDerived(ctx context.Context, db *sql.DB) error {
	return withConn(ctx, db, func(c rawConn) error {
		return c.inTx(func() error {
			for _, q := range []string{
				`DELETE FROM visits`,
				fmt.Sprintf(insertVisits, `(SELECT visit_id, `+visitFigures+` FROM page_views GROUP BY visit_id)`),
				storeProgrammeFingerprint[0], storeProgrammeFingerprint[1],
			} {
				if _, err := c.exec(q); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// insertParts streams the parsed batches into the kind's parts table, committing every
// partBatches batches.
func insertParts(c rawConn, run *parseRun, fileID int64) (err error) {
	src := run.f.kind
	ar, err := duckdb.NewArrowFromConn(c.dc)
	if err != nil {
		return err
	}
	reader := newBatchReader(run)
	defer reader.Release()
	// DuckDB inserts an Arrow stream on one thread; its other threads, waiting for the
	// next batch, spin on the task queue's lock and took a quarter of the machine from
	// the parser (perf, 3M page views: 11.8 s of CPU instead of 17.9, 9.2 s instead of
	// 11.8 s wall). The publishing that follows has every thread again.
	if _, err := c.exec(`SET threads = 1`); err != nil {
		return err
	}
	defer func() {
		// The setting is the database's: reset also after a cancel, for what follows.
		reset := rawConn{ctx: context.WithoutCancel(c.ctx), dc: c.dc}
		if _, rerr := reset.exec(`RESET threads`); rerr != nil && err == nil {
			err = rerr
		}
	}()
	list := columnList(src)
	for {
		part := &partReader{r: reader, left: partBatches}
		release, err := ar.RegisterView(part, "bereik_part")
		if err != nil {
			return err
		}
		err = c.inTx(func() error {
			_, err := c.exec(fmt.Sprintf(`INSERT INTO %s (file_id, %s) SELECT %d, %s FROM bereik_part`,
				src.parts, list, fileID, list))
			if err != nil {
				return err
			}
			// The values of the part's rows that the dimensions may lack (and of the
			// batch or two the parser has read ahead): published with the rows' file,
			// they are there already; left by a file that fails, they are never read
			// (every question reads the dimensions through page views).
			return insertDims(c, ar, run.dims)
		})
		release()
		if err != nil {
			return err
		}
		// What DuckDB freed inserting the part goes back to the system now, not seconds
		// into the next parts, where it would add to their peak.
		purgeAllocator()
		if run.err != nil {
			return run.err
		}
		if part.ended {
			return nil
		}
	}
}

// replaceEarlier deletes the rows of earlier files that a file of a kind loaded in parts
// holds again, by its merge rule, counting them in out.replaced. The visits those rows
// belonged to are kept in the temporary table bereik_touched, and the file's first and
// last row per site in bereik_span, for maintainVisits.
func replaceEarlier(c rawConn, src *source, fileID int64, out *loaded) error {
	if _, err := c.exec(`CREATE OR REPLACE TEMP TABLE bereik_touched (site VARCHAR, visit_id UBIGINT)`); err != nil {
		return err
	}
	if _, err := c.exec(fmt.Sprintf(`CREATE OR REPLACE TEMP TABLE bereik_span AS
		SELECT site, min(ts) AS first_ts, max(ts) AS last_ts FROM %s WHERE file_id = %d GROUP BY site`, src.parts, fileID)); err != nil {
		return err
	}
	// The rows of earlier files from this file's first to its last row, per site, are
	// replaced (replaceSpan: rotated logs meet at an hour, not at midnight). Visit logs
	// (replaceDays) replace them only on the days the file holds rows of: two exports that
	// meet at noon keep each other's half of that day, and a day the new file lacks (no
	// visits, or only rejected rows) keeps what was loaded before: rows of days (or hours)
	// the new file does not hold are kept. Page views are loaded in time order, so DuckDB's
	// zone maps on ts skip most of the table before the days are matched.
	where := fmt.Sprintf(`p.file_id <> %d AND p.site = f.site AND p.ts >= f.first_ts AND p.ts <= f.last_ts`, fileID)
	switch src.merge {
	case replaceDays:
		where += fmt.Sprintf(` AND (p.site, p.ts::DATE) IN (SELECT DISTINCT site, ts::DATE FROM %s WHERE file_id = %d)`, src.parts, fileID)
	case replaceSpan:
	case appendRows:
		return nil
	default:
		return fmt.Errorf("kind %s: merge rule %d is not one for a kind loaded in parts", src.kind, src.merge)
	}
	// A first file, into an empty table, replaces nothing: only the table's file ids are
	// read for it.
	others, err := c.queryInt(fmt.Sprintf(`SELECT count(*) FROM %s WHERE file_id <> %d`, src.parts, fileID))
	if err != nil || others == 0 {
		return err
	}
	if _, err := c.exec(fmt.Sprintf(`INSERT INTO bereik_touched
		SELECT DISTINCT p.site, p.visit_id FROM %s p, bereik_span f WHERE %s`, src.parts, where)); err != nil {
		return err
	}
	out.replaced, err = c.exec(fmt.Sprintf(`DELETE FROM %s p USING bereik_span f WHERE %s`, src.parts, where))
	return err
}

// removeUnpublishedParts deletes the parts of files whose ingest was killed before they
// were published: invisible to every query, they would only take room.
func removeUnpublishedParts(ctx context.Context, db *sql.DB) error {
	return withConn(ctx, db, func(c rawConn) error {
		n, err := c.queryInt(`SELECT count(*) FROM ingest_parts`)
		if err != nil || n == 0 {
			return err
		}
		return c.inTx(func() error {
			for _, s := range sources {
				if s.parts == "" {
					continue
				}
				if _, err := c.exec(fmt.Sprintf(`DELETE FROM %s WHERE file_id IN (SELECT file_id FROM ingest_parts)`, s.parts)); err != nil {
					return err
				}
			}
			_, err := c.exec(`DELETE FROM ingest_parts`)
			return err
		})
	})
}

// partReader passes on up to left batches of a batchReader, then ends; ended says
// whether the batchReader itself ended. DuckDB scans one part per transaction.
type partReader struct {
	r     *batchReader
	left  int
	ended bool
}

func (p *partReader) Retain()                        {}
func (p *partReader) Release()                       {}
func (p *partReader) Schema() *arrow.Schema          { return p.r.Schema() }
func (p *partReader) RecordBatch() arrow.RecordBatch { return p.r.RecordBatch() }
func (p *partReader) Record() arrow.RecordBatch      { return p.r.RecordBatch() }
func (p *partReader) Err() error                     { return p.r.Err() }

func (p *partReader) Next() bool {
	if p.left == 0 || p.ended {
		return false
	}
	if !p.r.Next() {
		p.ended = true
		return false
	}
	p.left--
	return true
}

// columnList is the kind's columns, as an INSERT names them: those of its schema.
func columnList(src *source) string {
	cols := make([]string, 0, len(src.schema.Fields()))
	for _, f := range src.schema.Fields() {
		cols = append(cols, f.Name)
	}
	return strings.Join(cols, ", ")
}

// loadRows streams the parsed batches into the source's table through a registered Arrow
// view, applying the source's merge rule.
func loadRows(c rawConn, run *parseRun, fileID int64, out *loaded) error {
	src := run.f.kind
	ar, err := duckdb.NewArrowFromConn(c.dc)
	if err != nil {
		return err
	}
	reader := newBatchReader(run)
	defer reader.Release()
	release, err := ar.RegisterView(reader, "bereik_batches")
	if err != nil {
		return err
	}
	defer release()

	list := columnList(src)
	insert := func(from string) error {
		_, err := c.exec(fmt.Sprintf(`INSERT INTO %s (file_id, %s) SELECT %d, %s FROM %s`, src.table, list, fileID, list, from))
		return err
	}
	switch src.merge {
	case appendRows:
		return insert("bereik_batches")
	case replaceAll:
		if _, err := c.exec(`CREATE OR REPLACE TEMP TABLE bereik_stage AS SELECT * FROM bereik_batches`); err != nil {
			return err
		}
		defer c.exec(`DROP TABLE IF EXISTS bereik_stage`)
		// A snapshot replaces everything: it must be whole.
		if run.nReject > 0 {
			first := run.rejects[0]
			return fmt.Errorf("%s is a complete %s, so it replaces the current one only when every row reads: %d rows were rejected, the first at line %d: %s",
				run.f.path, src.kind, run.nReject, first.Line, first.storedReason(src.personal))
		}
		if run.loaded == 0 {
			return fmt.Errorf("%s holds no rows; an empty %s does not replace the current one", run.f.path, src.kind)
		}
		if out.replaced, err = c.exec(`DELETE FROM ` + src.table); err != nil {
			return err
		}
		return insert("bereik_stage")
	case replaceByKey:
		if _, err := c.exec(`CREATE OR REPLACE TEMP TABLE bereik_stage AS SELECT * FROM bereik_batches`); err != nil {
			return err
		}
		defer c.exec(`DROP TABLE IF EXISTS bereik_stage`)
		keys := strings.Join(src.keys, ", ")
		dup, err := c.queryInt(fmt.Sprintf(`SELECT min(line) FROM (SELECT line, count(*) OVER (PARTITION BY %s) AS n FROM bereik_stage) WHERE n > 1`, keys))
		if err != nil {
			return err
		}
		if dup > 0 {
			return &lineError{Path: run.f.path, Line: int(dup), Col: 1, Reason: "this row repeats another row's " + keys + "; the file cannot say which one is right"}
		}
		var match []string
		for _, k := range src.keys {
			match = append(match, fmt.Sprintf("%s.%s = s.%s", src.table, k, k))
		}
		if out.replaced, err = c.exec(fmt.Sprintf(`DELETE FROM %s USING bereik_stage s WHERE %s`, src.table, strings.Join(match, " AND "))); err != nil {
			return err
		}
		return insert("bereik_stage")
	}
	return fmt.Errorf("unknown merge rule %d", src.merge)
}

// fileNotLoaded is the error of a file that failed: its transaction was rolled back
// whole, and its message says so, once, here for every failed file.
type fileNotLoaded struct{ err error }

func (e fileNotLoaded) Error() string {
	msg := e.err.Error()
	// Some parsers' messages say it themselves still; it is not said twice.
	if strings.Contains(msg, "nothing of this file was loaded") || strings.Contains(msg, "nothing of it was loaded") {
		return msg
	}
	return msg + "; nothing of this file was loaded"
}

func (e fileNotLoaded) Unwrap() error { return e.err }
