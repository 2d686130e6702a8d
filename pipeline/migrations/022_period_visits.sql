-- 022: the visits of a site in a period, from the per-visit table, so that a question that
-- counts visits (the funnel) does not group millions of page views by visit again.

-- The visits of one site (of all where site_ is NULL) in a period of days (both included;
-- NULL: no bound), with their figures in the period. A visit whose page views all lie in
-- the period has the per-visit table's figures. One that crosses the period's start or end
-- has those of its page views in the period: visits last less than a day, so these lie on
-- the period's first or last day, and only those two days of page views are read.
-- Bounds given as subqueries are compared once (bounds), as in programme_visits (017).
CREATE MACRO period_visits(site_, from_, to_) AS TABLE
WITH bounds AS (
    SELECT coalesce(from_::DATE, '-infinity'::DATE)::TIMESTAMP AS lo,
           coalesce(to_::DATE + INTERVAL 1 DAY, 'infinity'::TIMESTAMP) AS hi
),
crossing_visits AS MATERIALIZED (
    SELECT visit_id
    FROM visits, bounds
    WHERE site = coalesce(site_, site) AND ended >= lo AND started < hi AND (started < lo OR ended >= hi)
),
edge_views AS (
    SELECT site, visit_id, visitor, ts, time_on_page, page_key, origin_key FROM page_view_keys
    WHERE ts >= from_::DATE AND ts < from_::DATE + INTERVAL 1 DAY
      AND ts < coalesce(to_::DATE + INTERVAL 1 DAY, 'infinity'::TIMESTAMP)
      AND visit_id IN (SELECT visit_id FROM crossing_visits)
    UNION ALL
    SELECT site, visit_id, visitor, ts, time_on_page, page_key, origin_key FROM page_view_keys
    WHERE ts >= to_::DATE AND ts < to_::DATE + INTERVAL 1 DAY
      AND ts >= coalesce(from_::DATE + INTERVAL 1 DAY, '-infinity'::TIMESTAMP)
      AND visit_id IN (SELECT visit_id FROM crossing_visits)
)
SELECT site, visit_id, visitor, started, ended, views, seconds, first_page_key, first_origin_key
FROM visits
WHERE site = coalesce(site_, site)
  AND started >= coalesce(from_::DATE, '-infinity'::DATE)
  AND ended < coalesce(to_::DATE + INTERVAL 1 DAY, 'infinity'::TIMESTAMP)
UNION ALL
SELECT any_value(site), visit_id, any_value(visitor), min(ts), max(ts), count(*),
       sum(coalesce(time_on_page, 0)), arg_min(page_key, ts), arg_min(origin_key, ts)
FROM edge_views
GROUP BY visit_id;
