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
-- visitor), numbered per visitor: a visit is returning from the visitor's second on.
WITH numbered AS (
    SELECT visit_id, visitor, started, ended, programme_views,
           row_number() OVER (PARTITION BY visitor ORDER BY started, visit_id) > 1 AS is_returning
    FROM visits
    WHERE site = $site
),
-- The visits with a page view of a programme page in the period (programme_visits), kept
-- from the numbered visits: those inside the period by their own row, and the few that
-- cross its start or end. Joining every visit to programme_visits took half the question's time.
-- A visit counts in the quarter it started in, one that started before the period in its
-- first quarter (where its page views in the period are).
in_quarters AS (
    SELECT n.visitor, n.is_returning, quarter_start(greatest(n.started, coalesce($from::DATE, n.started))) AS quarter_start
    FROM numbered n
    LEFT JOIN crossing_programme_visits($site, $from, $to) c USING (visit_id)
    WHERE programme_visit_inside(n.programme_views, n.started, n.ended, $from, $to) OR c.visit_id IS NOT NULL
)
-- A quarter cut by the period is named by the dates it covers, not by the whole quarter's.
SELECT quarter_first_day(quarter_start, $from) AS quarter_start,
       quarter_last_day(quarter_start, $to) AS quarter_end,
       count(*) AS visits,
       count(DISTINCT visitor) AS visitors,
       count(*) FILTER (WHERE NOT is_returning) AS new_visits,
       count(*) FILTER (WHERE is_returning) AS returning_visits
FROM in_quarters
GROUP BY quarter_start
ORDER BY quarter_start
