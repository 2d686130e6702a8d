package pipeline

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

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

// load puts one parsed file into the database in one transaction: the file's rows, its
// rejects and its ingest-log entry are committed together or not at all.
func load(ctx context.Context, db *sql.DB, run *parseRun, sha string, size int64) (loaded, error) {
	var out loaded
	src := run.f.kind
	err := withConn(ctx, db, func(c rawConn) error {
		return c.inTx(func() error {
			n, err := c.queryInt(`SELECT count(*) FROM ingest_log WHERE sha256 = ?`, sha)
			if err != nil {
				return err
			}
			if n > 0 {
				return errAlreadyLoaded
			}
			if out.fileID, err = c.queryInt(`SELECT nextval('file_id_seq')`); err != nil {
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
			for _, r := range run.rejects {
				reason := r.Reason
				if src.personal {
					reason = redact(reason)
				}
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
			_, err = c.exec(`INSERT INTO ingest_log (file_id, sha256, path, kind, bytes, rows_loaded, rows_rejected,
				rows_skipped, rows_replaced, first_date, last_date, loaded_at, rows_bots) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				int32(out.fileID), sha, run.f.path, src.kind, size,
				out.rows, out.rejected, out.skipped, out.replaced, first, last, time.Now().UTC(), run.bots)
			return err
		})
	})
	return out, err
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

	cols := make([]string, 0, len(src.schema.Fields()))
	for _, f := range src.schema.Fields() {
		cols = append(cols, f.Name)
	}
	list := strings.Join(cols, ", ")
	insert := func(from string) error {
		_, err := c.exec(fmt.Sprintf(`INSERT INTO %s (file_id, %s) SELECT %d, %s FROM %s`, src.table, list, fileID, list, from))
		return err
	}
	switch src.merge {
	case appendRows:
		return insert("bereik_batches")
	case replaceDays:
		if err := insert("bereik_batches"); err != nil {
			return err
		}
		// The rows of earlier files on the days this file holds rows of, per site, are
		// replaced: a day the new file lacks (no visits, or only rejected rows) keeps what
		// was loaded before. page_views is loaded in time order, so DuckDB's zone maps on
		// ts skip most of the table before the days are matched.
		out.replaced, err = c.exec(fmt.Sprintf(`DELETE FROM page_views p USING (
				SELECT site, min(ts)::DATE AS first_day, max(ts)::DATE AS last_day
				FROM page_views WHERE file_id = %d GROUP BY site) f
			WHERE p.file_id <> %d AND p.site = f.site
			  AND p.ts >= f.first_day AND p.ts < f.last_day + INTERVAL 1 DAY
			  AND (p.site, p.ts::DATE) IN (SELECT DISTINCT site, ts::DATE FROM page_views WHERE file_id = %d)`, fileID, fileID, fileID))
		return err
	case replaceSpan:
		if err := insert("bereik_batches"); err != nil {
			return err
		}
		// The rows of earlier files from this file's first to its last row, per site, are
		// replaced: rotated logs meet at an hour, not at midnight.
		out.replaced, err = c.exec(fmt.Sprintf(`DELETE FROM %s p USING (
				SELECT site, min(ts) AS first_ts, max(ts) AS last_ts
				FROM %s WHERE file_id = %d GROUP BY site) f
			WHERE p.file_id <> %d AND p.site = f.site
			  AND p.ts >= f.first_ts AND p.ts <= f.last_ts`, src.table, src.table, fileID, fileID))
		return err
	case replaceAll:
		if _, err := c.exec(`CREATE OR REPLACE TEMP TABLE bereik_stage AS SELECT * FROM bereik_batches`); err != nil {
			return err
		}
		defer c.exec(`DROP TABLE IF EXISTS bereik_stage`)
		// A snapshot replaces everything: it must be whole.
		if run.nReject > 0 {
			first := run.rejects[0]
			return fmt.Errorf("%s is a complete %s, so it replaces the current one only when every row reads: %d rows were rejected, the first at line %d: %s; nothing of it was loaded",
				run.f.path, src.kind, run.nReject, first.Line, first.Reason)
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
			return &lineError{Path: run.f.path, Line: int(dup), Col: 1, Reason: "this row repeats another row's " + keys + "; the file cannot say which one is right, so nothing of it was loaded"}
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

// A cell value quoted at the start of a reason or after "host", and anything that looks
// like an IP address.
var (
	quotedValue = regexp.MustCompile(`^"[^"]*"|host "[^"]*"`)
	ipv4Like    = regexp.MustCompile(`\b\d{1,3}(\.\d{1,3}){3}\b`)
	ipv6Like    = regexp.MustCompile(`[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}`)
)

// redact takes the cell values and addresses out of a reject's reason for a kind that
// holds personal data: a malformed row can put a visitor id or client address in any
// column, and the database must never hold one. The terminal log keeps the full reason.
func redact(reason string) string {
	reason = quotedValue.ReplaceAllStringFunc(reason, func(q string) string {
		if strings.HasPrefix(q, "host ") {
			return `host "…"`
		}
		return `"…"`
	})
	reason = ipv4Like.ReplaceAllString(reason, "…")
	return ipv6Like.ReplaceAllStringFunc(reason, func(m string) string {
		// A time like 09:30:12 is no address; an address has "::" or seven colons.
		if strings.Contains(m, "::") || strings.Count(m, ":") == 7 {
			return "…"
		}
		return m
	})
}
