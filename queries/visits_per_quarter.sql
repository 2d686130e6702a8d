-- name: visits_per_quarter
-- doc: Visits to the programme's pages of one site per quarter (Fig. 11): visits, distinct
-- doc: visitors, and how many visits were new or returning. Quarters start in the configured
-- doc: month (settings.quarter_start_month; 9 for this programme). A visit is returning when
-- doc: its visitor visited the site before, as far as the loaded data go. Visitors are
-- doc: distinct within each quarter and do not add up over quarters. A quarter the period
-- doc: cuts shows the part of it that the period covers.
-- param: site text from configured.main_site -- site name from bereik.toml [[sites]]; none: [programme] main_site
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- column: quarter_start date -- the quarter's first day, or the period's where it cuts the quarter
-- column: quarter_end date
-- column: visits integer
-- column: visitors integer -- distinct within the quarter; they do not add up over quarters
-- column: new_visits integer
-- column: returning_visits integer
-- Every visit of the site (the per-visit table: its first page view's time and its
-- visitor), marked where it counts: it has a page view of a programme page in the period
-- (programme_visits): those inside the period by their own row, and the few that cross its
-- start or end. (Joining every visit to programme_visits took half the question's time.)
-- A visit counts in the quarter it started in, one that started before the period in its
-- first quarter (where its page views in the period are).
WITH marked AS (
    SELECT v.visitor, v.started, v.visit_id,
           programme_visit_inside(v.programme_views, v.started, v.ended, $from, $to) OR c.visit_id IS NOT NULL AS counts,
           quarter_start(greatest(v.started, coalesce($from::DATE, v.started))) AS quarter_start
    FROM visits v
    LEFT JOIN crossing_programme_visits($site, $from, $to) c USING (visit_id)
    WHERE v.site = $site
),
-- Each visitor's visits in order, in one sort: a visit is returning from the visitor's
-- second on (any visit of the site), and it is the visitor's first in its quarter where no
-- earlier visit that counts lies in the same quarter (quarters follow the order of the
-- visits). Counting those is counting the quarter's distinct visitors, without a hash
-- table of them.
numbered AS (
    SELECT quarter_start, counts,
           row_number() OVER visitor_visits > 1 AS is_returning,
           max(quarter_start) FILTER (WHERE counts) OVER (visitor_visits ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS previous_quarter
    FROM marked
    WINDOW visitor_visits AS (PARTITION BY visitor ORDER BY started, visit_id)
)
-- A quarter cut by the period is named by the dates it covers, not by the whole quarter's.
SELECT quarter_first_day(quarter_start, $from) AS quarter_start,
       quarter_last_day(quarter_start, $to) AS quarter_end,
       count(*) AS visits,
       count(*) FILTER (WHERE previous_quarter IS NULL OR previous_quarter < quarter_start) AS visitors,
       count(*) FILTER (WHERE NOT is_returning) AS new_visits,
       count(*) FILTER (WHERE is_returning) AS returning_visits
FROM numbered
WHERE counts
GROUP BY quarter_start
ORDER BY quarter_start
