-- 003: the other source kinds (organic social posts, page reports, access logs), the
-- referral channels and when a source counts as stale.

-- Organic posts of the platform's own channels, one row per post, lifetime figures as of
-- the export. A newer export of the same post replaces the older row.
-- Reach is unique people per post; it does not add up across posts.
CREATE TABLE social_posts (
    file_id      INTEGER NOT NULL,
    line         BIGINT NOT NULL,
    platform     VARCHAR NOT NULL,   -- facebook, instagram, linkedin, x, youtube
    post_id      VARCHAR NOT NULL,   -- the platform's id, or the post's link where the export has no id
    published_at TIMESTAMP,          -- local time as the export gives it
    title        VARCHAR NOT NULL,   -- post text or title as exported (untrusted)
    url          VARCHAR NOT NULL,   -- permalink, '' where the export has none
    impressions  BIGINT,             -- NULL where the export has no such column or says '-'
    reach        BIGINT,
    clicks       BIGINT,             -- link clicks / URL clicks
    engagements  BIGINT,
    likes        BIGINT,
    comments     BIGINT,
    shares       BIGINT,
    video_views  BIGINT,             -- 3-second views (Meta), views (YouTube), media views (X)
    watch_hours  DOUBLE
);

-- Matomo and Google Analytics page reports: one row per page per reported period.
CREATE TABLE page_reports (
    file_id          INTEGER NOT NULL,
    line             BIGINT NOT NULL,
    tool             VARCHAR NOT NULL,   -- matomo or ga
    site             VARCHAR NOT NULL,   -- configured site, '' where neither URL nor file name says
    period_start     DATE NOT NULL,
    period_end       DATE NOT NULL,
    path             VARCHAR NOT NULL,   -- page path without query string, '' where rows are titles
    page_title       VARCHAR NOT NULL,   -- '' where rows are paths
    pageviews        BIGINT,
    unique_pageviews BIGINT,             -- = visits that saw the page
    avg_time_on_page DOUBLE,             -- seconds
    bounce_rate      DOUBLE,             -- fraction 0..1
    exit_rate        DOUBLE              -- fraction 0..1
);

-- Access logs become page views; the client's network is kept at /24 (IPv4) or /48 (IPv6).
ALTER TABLE page_views ADD COLUMN client_net VARCHAR;

-- Requests of an access log dropped as bots (by user agent).
ALTER TABLE ingest_log ADD COLUMN rows_bots BIGINT DEFAULT 0;

-- A source is stale when its newest data is older than this many hours.
ALTER TABLE settings ADD COLUMN stale_after_hours INTEGER DEFAULT 48;

-- How a visit's first page view is put in a referral channel (Fig. 12), in order: the first
-- rule that matches wins. match is utm_source, utm_medium or referrer_host (a host or any
-- subdomain of it; a trailing '.' matches any top-level domain, e.g. 'google.').
CREATE TABLE referral_rules (
    priority INTEGER NOT NULL,
    channel  VARCHAR NOT NULL,
    match    VARCHAR NOT NULL,
    pattern  VARCHAR NOT NULL
);
