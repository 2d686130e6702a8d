-- 001: the first schema. Every loaded row names the file it came from (ingest_log.file_id).

CREATE SEQUENCE file_id_seq START 1;

-- One row per file loaded; sha256 makes a second ingest of the same bytes a no-op.
CREATE TABLE ingest_log (
    file_id       INTEGER NOT NULL,
    sha256        VARCHAR NOT NULL,
    path          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    bytes         BIGINT NOT NULL,
    rows_loaded   BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    rows_skipped  BIGINT NOT NULL,  -- totals rows and blank rows, which are not data
    rows_replaced BIGINT NOT NULL,  -- rows of earlier files this file superseded
    first_date    DATE,
    last_date     DATE,
    loaded_at     TIMESTAMP NOT NULL
);

-- Rows that could not be read: where, and why.
CREATE TABLE rejects (
    file_id     INTEGER NOT NULL,
    path        VARCHAR NOT NULL,
    line        BIGINT NOT NULL,
    col         INTEGER NOT NULL,
    column_name VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL
);

-- The configuration as of the last ingest, so that every query answers from the database alone.
CREATE TABLE settings (
    quarter_start_month INTEGER NOT NULL,
    config_source       VARCHAR NOT NULL
);
CREATE TABLE sites (site VARCHAR NOT NULL, host VARCHAR NOT NULL);
CREATE TABLE programme_prefixes (site VARCHAR NOT NULL, prefix VARCHAR NOT NULL);
CREATE TABLE campaign_flights (
    campaign   VARCHAR NOT NULL,
    flight     INTEGER NOT NULL,
    start_date DATE NOT NULL,
    end_date   DATE NOT NULL
);

-- Meta Ads Manager rows: one per ad set (ad_name = '') or ad, per reporting period.
-- Reach is unique people at exactly this grain; it does not add up across rows.
CREATE TABLE meta_ads (
    file_id         INTEGER NOT NULL,
    line            BIGINT NOT NULL,
    reporting_start DATE NOT NULL,
    reporting_end   DATE NOT NULL,
    campaign_name   VARCHAR NOT NULL,
    adset_name      VARCHAR NOT NULL,
    ad_name         VARCHAR NOT NULL,
    campaign        VARCHAR,          -- the configured campaign, NULL if none matches
    flight          INTEGER,          -- the configured flight holding the period, NULL if none
    format          VARCHAR,          -- static, dynamic, ... from the ad set or ad name
    impressions     BIGINT,
    reach           BIGINT,
    link_clicks     BIGINT,
    video_plays_3s  BIGINT,
    spend_eur       DOUBLE
);

-- Page views from visit logs. Visitor and visit ids are keyed hashes, never the raw ids.
CREATE TABLE page_views (
    file_id      INTEGER NOT NULL,
    ts           TIMESTAMP NOT NULL,   -- local time, Europe/Amsterdam
    site         VARCHAR NOT NULL,
    visit_id     UBIGINT NOT NULL,
    visitor      UBIGINT NOT NULL,
    path         VARCHAR NOT NULL,     -- without query string or fragment
    page_title   VARCHAR,
    referrer     VARCHAR,
    utm_source   VARCHAR,
    utm_medium   VARCHAR,
    utm_campaign VARCHAR,
    time_on_page INTEGER              -- seconds
);

-- The content catalogue: a page (or, with is_prefix, every page under a path) to an item.
CREATE TABLE content_items (
    file_id       INTEGER NOT NULL,
    nr            INTEGER NOT NULL,
    type          VARCHAR NOT NULL,    -- kennisproduct or inspirerend_praktijkverhaal
    title         VARCHAR NOT NULL,
    organisations VARCHAR,
    themes        VARCHAR,
    online        BOOLEAN,
    site          VARCHAR,
    path          VARCHAR,
    is_prefix     BOOLEAN NOT NULL
);

-- A page belongs to the programme when the catalogue lists it or a configured prefix holds it.
CREATE VIEW programme_pages AS
SELECT DISTINCT site, path FROM (
    SELECT pv.site, pv.path
    FROM (SELECT DISTINCT site, path FROM page_views) pv
    JOIN programme_prefixes pp ON pp.site = pv.site AND starts_with(pv.path, pp.prefix)
    UNION ALL
    SELECT pv.site, pv.path
    FROM (SELECT DISTINCT site, path FROM page_views) pv
    JOIN content_items ci ON ci.site = pv.site
     AND (pv.path = ci.path OR (ci.is_prefix AND starts_with(pv.path, ci.path)))
);
