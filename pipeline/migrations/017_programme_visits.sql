-- 017: which visits viewed the programme's pages, kept on the per-visit table, so that the
-- report counts programme visits from the visits rather than from every page view.

-- The visit's page views of programme pages (programme_pages: the configured prefixes and
-- the catalogue). Ingest keeps it up to date for the visits of every file it publishes,
-- and for every visit when the programme's pages change (a new catalogue, other prefixes):
-- programme_fingerprint holds the fingerprint of the definition the counts follow.
ALTER TABLE visits ADD COLUMN programme_views BIGINT DEFAULT 0;
UPDATE visits SET programme_views = c.n
FROM (SELECT visit_id, count(*) AS n FROM page_views
      WHERE page_key IN (SELECT page_key FROM programme_pages) GROUP BY visit_id) c
WHERE visits.visit_id = c.visit_id;
CREATE TABLE programme_fingerprint (fingerprint VARCHAR NOT NULL);

-- The fingerprint of what makes a page a programme page.
CREATE MACRO programme_definition() AS (
    SELECT md5(coalesce((SELECT string_agg(site || chr(9) || prefix, chr(10) ORDER BY site, prefix) FROM programme_prefixes), '')
               || chr(11) ||
               coalesce((SELECT string_agg(coalesce(site, '') || chr(9) || coalesce(path, '') || chr(9) || is_prefix::VARCHAR,
                                           chr(10) ORDER BY site, path, is_prefix) FROM content_items), ''))
);
INSERT INTO programme_fingerprint SELECT programme_definition();

-- The visits (of one site, or of all where site_ is NULL) with a page view of a programme
-- page between two days (both included; NULL: no bound), with how many such page views
-- they have in the period. A visit whose page views all lie in the period counts with the
-- per-visit table's figures; a visit that crosses the period's start or end (visits last
-- less than a day) with its page views in the period, looked up around those two days.
-- The visits inside are read straight from the per-visit table: materialised, the
-- millions of them cost four times the scan. Bounds given as subqueries (a window a query
-- computes) are compared once (bounds) or without OR, so that their comparisons reach the scans.
CREATE MACRO programme_visits(site_, from_, to_) AS TABLE
WITH bounds AS (
    SELECT coalesce(from_::DATE, '-infinity'::DATE)::TIMESTAMP AS lo,
           coalesce(to_::DATE + INTERVAL 1 DAY, 'infinity'::TIMESTAMP) AS hi
),
crossing_visits AS MATERIALIZED (
    SELECT site, visit_id, visitor, started, first_origin_key
    FROM visits, bounds
    WHERE site = coalesce(site_, site) AND programme_views > 0
      AND ended >= lo AND started < hi AND (started < lo OR ended >= hi)
),
-- The crossing visits' page views in the period lie on its first or its last day: two
-- narrow scans of the page views, which their time's zone maps keep short.
edge_views AS (
    SELECT visit_id, page_key FROM page_views
    WHERE ts >= from_::DATE AND ts < from_::DATE + INTERVAL 1 DAY
      AND ts < coalesce(to_::DATE + INTERVAL 1 DAY, 'infinity'::TIMESTAMP)
      AND visit_id IN (SELECT visit_id FROM crossing_visits)
    UNION ALL
    SELECT visit_id, page_key FROM page_views
    WHERE ts >= to_::DATE AND ts < to_::DATE + INTERVAL 1 DAY
      AND ts >= coalesce(from_::DATE + INTERVAL 1 DAY, '-infinity'::TIMESTAMP)
      AND visit_id IN (SELECT visit_id FROM crossing_visits)
),
crossing AS (
    SELECT visit_id, count(*) AS programme_views
    FROM edge_views
    WHERE page_key IN (SELECT page_key FROM programme_pages)
    GROUP BY visit_id
)
SELECT site, visit_id, visitor, started, first_origin_key, programme_views
FROM visits
WHERE site = coalesce(site_, site) AND programme_views > 0
  AND started >= coalesce(from_::DATE, '-infinity'::DATE) AND ended < coalesce(to_::DATE + INTERVAL 1 DAY, 'infinity'::TIMESTAMP)
UNION ALL
SELECT v.site, v.visit_id, v.visitor, v.started, v.first_origin_key, c.programme_views
FROM crossing_visits v JOIN crossing c USING (visit_id);

-- The bounds of the windows a period is compared with (see comparison_windows), as plain
-- expressions: given days, they stay constants that reach the scans of programme_visits.
-- Whether a period is whole months: from the first of a month to the last of one.
CREATE MACRO whole_months(from_, to_) AS day(from_::DATE) = 1 AND day((to_::DATE + INTERVAL 1 DAY)::DATE) = 1;
CREATE MACRO window_start(which, from_, to_) AS
    CASE which
        WHEN 'current' THEN from_::DATE
        WHEN 'previous' THEN
            CASE WHEN whole_months(from_, to_)
                 THEN (from_::DATE - to_months((year(to_::DATE) * 12 + month(to_::DATE)) - (year(from_::DATE) * 12 + month(from_::DATE)) + 1))::DATE
                 ELSE (from_::DATE - to_days(datediff('day', from_::DATE, to_::DATE) + 1))::DATE END
        WHEN 'year_earlier' THEN (from_::DATE - INTERVAL 1 YEAR)::DATE
    END;
CREATE MACRO window_end(which, from_, to_) AS
    CASE which
        WHEN 'current' THEN to_::DATE
        WHEN 'previous' THEN (from_::DATE - INTERVAL 1 DAY)::DATE
        WHEN 'year_earlier' THEN
            CASE WHEN whole_months(from_, to_)
                 THEN last_day((to_::DATE - INTERVAL 1 YEAR)::DATE)
                 ELSE (to_::DATE - INTERVAL 1 YEAR)::DATE END
    END;

-- comparison_windows, said once: from the two macros above.
CREATE OR REPLACE MACRO comparison_windows(from_, to_) AS TABLE
SELECT which, window_start(which, from_, to_) AS start_day, window_end(which, from_, to_) AS end_day,
       which = 'year_earlier' AND window_end(which, from_, to_) >= from_::DATE AS overlaps_current
FROM (VALUES ('current', 1), ('previous', 2), ('year_earlier', 3)) w(which, position)
ORDER BY position;

-- The programme visits of a window (named which_, from start_ to end_, both included), per
-- site: visits, distinct visitors and programme page views.
CREATE MACRO window_programme_visits(which_, start_, end_) AS TABLE
SELECT which_ AS which, site, count(*) AS visits, count(DISTINCT visitor) AS visitors, sum(programme_views) AS page_views
FROM programme_visits(NULL, start_, end_)
GROUP BY site;

-- A list of figures asked for, given as text separated by commas ("ad_impressions,
-- ad_clicks"), and whether it asks for any figure of the programme's visits (NULL: all).
CREATE MACRO metric_list(metrics_) AS list_transform(string_split(metrics_, ','), m -> trim(m));
CREATE MACRO visit_figures_wanted(metrics_) AS
    metrics_ IS NULL OR list_has_any(metric_list(metrics_), ['visits', 'visitors', 'page_views']);
