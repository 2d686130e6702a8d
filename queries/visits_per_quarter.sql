-- name: visits_per_quarter
-- doc: Visits to the programme's pages of one site per quarter (Fig. 11): visits, distinct
-- doc: visitors, and how many visits were new or returning. Quarters start in the configured
-- doc: month (settings.quarter_start_month; 9 for this programme). A visit is returning when
-- doc: its visitor visited the site before, as far as the loaded data go. Visitors are
-- doc: distinct within each quarter and do not add up over quarters. A quarter the period
-- doc: cuts shows the part of it that the period covers.
-- param: site text = kennisplein -- site name from bereik.toml [[sites]]
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
WITH site_visits AS (
    SELECT visit_id, any_value(visitor) AS visitor, min(ts) AS started
    FROM page_views
    WHERE site = $site
    GROUP BY visit_id
),
numbered AS (
    SELECT *, row_number() OVER (PARTITION BY visitor ORDER BY started, visit_id) > 1 AS is_returning
    FROM site_visits
),
programme_visits AS (
    SELECT DISTINCT pv.visit_id
    FROM page_views pv
    WHERE pv.site = $site AND pv.ts >= $from::DATE AND pv.ts < $to::DATE + INTERVAL 1 DAY
      AND EXISTS (SELECT 1 FROM programme_pages pp WHERE pp.site = pv.site AND pp.path = pv.path)
),
in_quarters AS (
    SELECT n.*,
           (date_trunc('month', n.started)
            - to_months(CAST((month(n.started) - s.quarter_start_month + 12) % 3 AS INTEGER)))::DATE AS quarter_start
    FROM numbered n
    JOIN programme_visits USING (visit_id)
    CROSS JOIN settings s
)
-- A quarter cut by the period is named by the dates it covers, not by the whole quarter's.
SELECT greatest(quarter_start, $from::DATE) AS quarter_start,
       least((quarter_start + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE, $to::DATE) AS quarter_end,
       count(*) AS visits,
       count(DISTINCT visitor) AS visitors,
       count(*) FILTER (WHERE NOT is_returning) AS new_visits,
       count(*) FILTER (WHERE is_returning) AS returning_visits
FROM in_quarters
GROUP BY quarter_start
ORDER BY quarter_start
