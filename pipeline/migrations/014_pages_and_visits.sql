-- 014: dimensions of pages and of where visits come from, and a per-visit table, beside
-- the page views, maintained by ingest in the transaction that publishes a file (load.go,
-- maintainPagesAndVisits), so that the report's questions read a few integer columns
-- instead of grouping millions of page views by text.

-- A page view's page key and origin key: DuckDB's hash of its site and path, and of its
-- referrer and UTM source and medium, computed when it is loaded. (Should an upgrade of
-- DuckDB change hash(), a migration recomputes both keys and the tables below.)
ALTER TABLE page_view_rows ADD COLUMN page_key UBIGINT;
ALTER TABLE page_view_rows ADD COLUMN origin_key UBIGINT;
UPDATE page_view_rows SET page_key = hash(site, path), origin_key = hash(referrer, utm_source, utm_medium);
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

-- Every origin a page view has had: its referrer and UTM source and medium.
CREATE TABLE origins (
    origin_key UBIGINT NOT NULL,
    referrer   VARCHAR,
    utm_source VARCHAR,
    utm_medium VARCHAR
);
INSERT INTO origins SELECT DISTINCT origin_key, referrer, utm_source, utm_medium FROM page_views;

-- One row per visit of the published page views: who, when, how long, and where it
-- started (its first page view's page and origin). Rebuilt for every visit a newly
-- published file adds page views to or deletes page views of.
CREATE TABLE visits (
    site             VARCHAR NOT NULL,
    visit_id         UBIGINT NOT NULL,
    visitor          UBIGINT NOT NULL,
    started          TIMESTAMP NOT NULL,  -- its first page view
    ended            TIMESTAMP NOT NULL,  -- its last page view
    views            BIGINT NOT NULL,
    seconds          BIGINT NOT NULL,     -- sum of time on page, 0 where none
    first_page_key   UBIGINT NOT NULL,
    first_origin_key UBIGINT NOT NULL
);
INSERT INTO visits
SELECT p.site, v.visit_id, v.visitor, v.started, v.ended, v.views, v.seconds, v.first_page_key, v.first_origin_key
FROM (
    SELECT visit_id, any_value(visitor) AS visitor, min(ts) AS started, max(ts) AS ended, count(*) AS views,
           sum(coalesce(time_on_page, 0)) AS seconds, arg_min(page_key, ts) AS first_page_key,
           arg_min(origin_key, ts) AS first_origin_key
    FROM page_views GROUP BY visit_id
) v
JOIN pages p ON p.page_key = v.first_page_key;
