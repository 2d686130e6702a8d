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
CREATE MACRO programme_visits(site_, from_, to_) AS TABLE
WITH touching AS MATERIALIZED (
    SELECT site, visit_id, visitor, started, first_origin_key, programme_views,
           ((from_ IS NULL OR started >= from_::DATE) AND (to_ IS NULL OR ended < to_::DATE + INTERVAL 1 DAY)) AS inside
    FROM visits
    WHERE (site_ IS NULL OR site = site_) AND programme_views > 0
      AND (from_ IS NULL OR ended >= from_::DATE) AND (to_ IS NULL OR started < to_::DATE + INTERVAL 1 DAY)
),
crossing_ids AS MATERIALIZED (
    SELECT visit_id FROM touching WHERE NOT inside
),
-- The crossing visits' page views in the period lie on its first or its last day: two
-- narrow scans of the page views, which their time's zone maps keep short.
edge_views AS (
    SELECT visit_id, page_key FROM page_views
    WHERE from_ IS NOT NULL AND ts >= from_::DATE AND ts < from_::DATE + INTERVAL 1 DAY
      AND (to_ IS NULL OR ts < to_::DATE + INTERVAL 1 DAY)
      AND visit_id IN (SELECT visit_id FROM crossing_ids)
    UNION ALL
    SELECT visit_id, page_key FROM page_views
    WHERE to_ IS NOT NULL AND ts >= to_::DATE AND ts < to_::DATE + INTERVAL 1 DAY
      AND (from_ IS NULL OR ts >= from_::DATE + INTERVAL 1 DAY)
      AND visit_id IN (SELECT visit_id FROM crossing_ids)
),
crossing AS (
    SELECT visit_id, count(*) AS programme_views
    FROM edge_views
    WHERE page_key IN (SELECT page_key FROM programme_pages)
    GROUP BY visit_id
)
SELECT site, visit_id, visitor, started, first_origin_key, programme_views FROM touching WHERE inside
UNION ALL
SELECT t.site, t.visit_id, t.visitor, t.started, t.first_origin_key, c.programme_views
FROM touching t JOIN crossing c USING (visit_id)
WHERE NOT t.inside;
