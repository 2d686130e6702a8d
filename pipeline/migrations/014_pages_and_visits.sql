-- 014: a page dimension and a per-visit table beside the page views, maintained by ingest
-- in the transaction that publishes a file (load.go, maintainVisits), so that the report's
-- questions read a few integer columns instead of grouping millions of page views by text.

-- A page's key: DuckDB's hash of its site and path, computed when its views are loaded.
-- (Should an upgrade of DuckDB change hash(), a migration recomputes every page_key.)
ALTER TABLE page_view_rows ADD COLUMN page_key UBIGINT;
UPDATE page_view_rows SET page_key = hash(site, path);
CREATE OR REPLACE VIEW page_views AS
SELECT * FROM page_view_rows WHERE file_id IN (SELECT file_id FROM ingest_log);

-- Every page that has had a page view: its key, site and path. (A page whose views a later
-- export replaced stays; the questions join pages to page views, so it counts nowhere.)
-- A page's title is taken in each question from its page views in the period asked.
CREATE TABLE pages (
    page_key UBIGINT NOT NULL,
    site     VARCHAR NOT NULL,
    path     VARCHAR NOT NULL
);
INSERT INTO pages SELECT DISTINCT page_key, site, path FROM page_views;

-- One row per visit of the published page views: who, when, how long, and where it
-- started (its first page view's page, referrer and UTM tags). Rebuilt for every visit a
-- newly published file adds page views to or deletes page views of.
CREATE TABLE visits (
    site             VARCHAR NOT NULL,
    visit_id         UBIGINT NOT NULL,
    visitor          UBIGINT NOT NULL,
    started          TIMESTAMP NOT NULL,  -- its first page view
    ended            TIMESTAMP NOT NULL,  -- its last page view
    views            BIGINT NOT NULL,
    seconds          BIGINT NOT NULL,     -- sum of time on page, 0 where none
    first_page_key   UBIGINT NOT NULL,
    first_referrer   VARCHAR,
    first_utm_source VARCHAR,
    first_utm_medium VARCHAR
);
INSERT INTO visits
SELECT site, visit_id, visitor, started, ended, views, seconds,
       first.page_key, first.referrer, first.utm_source, first.utm_medium
FROM (
    SELECT site, visit_id, any_value(visitor) AS visitor, min(ts) AS started, max(ts) AS ended,
           count(*) AS views, sum(coalesce(time_on_page, 0)) AS seconds,
           arg_min_null({'page_key': page_key, 'referrer': referrer, 'utm_source': utm_source, 'utm_medium': utm_medium}, ts) AS first
    FROM page_views GROUP BY site, visit_id
);
