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
    flight          INTEGER,          -- the one configured flight the period overlaps, NULL if none or two
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

-- The Meta Ads rows that count for a campaign between two dates, one grain per ad set:
-- * an ad set is counted at one level: its ad-set rows, or its ads' rows, whichever reaches
--   the later reporting end (ad-set rows on a tie); the other level's rows are dropped;
-- * of cumulative exports of the same ad set or ad at that level, only the longest period
--   within the window counts (an export to 12 September supersedes the one to 31 August).
-- Exports whose periods overlap without one holding the other (rolling windows) are not
-- detected and would count twice.
-- Shared by the queries twinkel_flights, twinkel_totals and funnel.
CREATE MACRO campaign_rows(campaign_name_, from_, to_) AS TABLE
WITH windowed AS (
    SELECT * FROM meta_ads
    WHERE campaign = campaign_name_ AND flight IS NOT NULL
      AND reporting_start >= from_ AND reporting_end <= to_
),
levels AS (
    SELECT campaign_name, adset_name,
           coalesce(max(reporting_end) FILTER (WHERE ad_name = '') >=
                    coalesce(max(reporting_end) FILTER (WHERE ad_name <> ''), DATE '0001-01-01'), false) AS by_adset
    FROM windowed
    GROUP BY campaign_name, adset_name
),
chosen AS (
    SELECT w.* FROM windowed w
    JOIN levels l ON l.campaign_name = w.campaign_name AND l.adset_name = w.adset_name
    WHERE l.by_adset = (w.ad_name = '')
)
SELECT r.* FROM chosen r
WHERE NOT EXISTS (
    SELECT 1 FROM chosen s
    WHERE s.campaign_name = r.campaign_name AND s.adset_name = r.adset_name AND s.ad_name = r.ad_name
      AND s.reporting_start <= r.reporting_start AND s.reporting_end >= r.reporting_end
      AND (s.reporting_start < r.reporting_start OR s.reporting_end > r.reporting_end));
