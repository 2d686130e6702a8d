-- name: site_key_figures
-- doc: The period's visits and distinct visitors to the programme's pages, per site, against
-- doc: the previous period and the same period a year earlier (the windows of key_figures:
-- doc: a quarter is compared with the quarter before). Each site is compared with itself
-- doc: only: an earlier window counts when that site's own page views cover all of it
-- doc: (from the first of the month of its first page view to its last) and it does not
-- doc: overlap the period; otherwise its value is NULL, never 0. new_in_period says that the
-- doc: site's first page view lies inside the period and after the first page view of any
-- doc: site (a site new since first_day, such as a campaign's magazine: nothing earlier to
-- doc: compare; the sites whose data began first are not new). Visits are distinct visits that viewed a programme page in the
-- doc: window, so the main site's visits equal visits_per_quarter's visits added up over
-- doc: the period; visitors are distinct over the whole window. Only sites with page views
-- doc: in the period, in the order of bereik.toml. change = (value - earlier) / earlier.
-- param: from date optional -- first day of the period; none: the first day of page views
-- param: to date optional -- last day of the period; none: the last day of page views
-- column: site text
-- column: metric text -- visits or visitors
-- column: first_day date -- the site's first day of page views (any page)
-- column: last_day date -- its last day of page views
-- column: new_in_period boolean -- first_day lies inside the period, after the first day of the sites' data
-- column: period_start date
-- column: period_end date
-- column: value integer
-- column: previous_start date
-- column: previous_end date
-- column: previous_value integer -- NULL where the site's data do not cover the window
-- column: change_vs_previous double rate -- (value - previous_value) / previous_value
-- column: year_earlier_start date
-- column: year_earlier_end date
-- column: year_earlier_value integer
-- column: change_vs_year_earlier double rate
-- Each site's first and last day of page views, from the per-visit table.
WITH spans AS MATERIALIZED (
    SELECT site, min(started)::DATE AS first_day, max(ended)::DATE AS last_day FROM visits GROUP BY site
),
windows AS MATERIALIZED (
    SELECT * FROM comparison_windows(coalesce($from::DATE, (SELECT min(first_day) FROM spans)),
                                     coalesce($to::DATE, (SELECT max(last_day) FROM spans)))
),
-- Per window and site, the visits with a page view of a programme page in the window and
-- their distinct visitors. A year-earlier window that overlaps the period (a period of
-- more than a year) is not compared, and not counted.
-- Where the period is given (as the report gives it), the windows' bounds are computed
-- from the parameters themselves: constants, which the scans use; else from the sites' first
-- and last day.
counts AS (
    SELECT * FROM window_programme_visits('current', window_start('current', $from, $to), window_end('current', $from, $to)) WHERE $from IS NOT NULL AND $to IS NOT NULL
    UNION ALL
    SELECT * FROM window_programme_visits('previous', window_start('previous', $from, $to), window_end('previous', $from, $to)) WHERE $from IS NOT NULL AND $to IS NOT NULL
    UNION ALL
    SELECT * FROM window_programme_visits('year_earlier', window_start('year_earlier', $from, $to), window_end('year_earlier', $from, $to)) WHERE $from IS NOT NULL AND $to IS NOT NULL AND window_end('year_earlier', $from, $to) < $from::DATE
    UNION ALL
    SELECT * FROM window_programme_visits('current', (SELECT start_day FROM windows WHERE which = 'current'), (SELECT end_day FROM windows WHERE which = 'current')) WHERE $from IS NULL OR $to IS NULL
    UNION ALL
    SELECT * FROM window_programme_visits('previous', (SELECT start_day FROM windows WHERE which = 'previous'), (SELECT end_day FROM windows WHERE which = 'previous')) WHERE $from IS NULL OR $to IS NULL
    UNION ALL
    SELECT * FROM window_programme_visits('year_earlier', (SELECT start_day FROM windows WHERE which = 'year_earlier'), (SELECT end_day FROM windows WHERE which = 'year_earlier')) WHERE NOT (SELECT overlaps_current FROM windows WHERE which = 'year_earlier') AND ($from IS NULL OR $to IS NULL)
),
per_window AS (
    SELECT s.site, s.first_day, s.last_day, w.which, w.start_day, w.end_day,
           CASE WHEN w.which = 'current' THEN w.start_day <= s.last_day AND w.end_day >= s.first_day
                ELSE w.start_day >= date_trunc('month', s.first_day) AND w.end_day <= s.last_day AND NOT w.overlaps_current
           END AS has_data,
           coalesce(c.visits, 0) AS visits, coalesce(c.visitors, 0) AS visitors
    FROM spans s
    CROSS JOIN windows w
    LEFT JOIN counts c ON c.site = s.site AND c.which = w.which
),
figures AS (
    SELECT site, first_day, last_day, which, start_day, end_day, 1 AS metric_rank, 'visits' AS metric,
           CASE WHEN has_data THEN visits END AS value
    FROM per_window
    UNION ALL
    SELECT site, first_day, last_day, which, start_day, end_day, 2, 'visitors', CASE WHEN has_data THEN visitors END
    FROM per_window
)
SELECT c.site, c.metric, c.first_day, c.last_day,
       c.first_day > c.start_day AND c.first_day > (SELECT min(first_day) FROM spans) AS new_in_period,
       c.start_day AS period_start, c.end_day AS period_end, c.value,
       p.start_day AS previous_start, p.end_day AS previous_end, p.value AS previous_value,
       ((c.value - p.value) / nullif(p.value, 0))::DOUBLE AS change_vs_previous,
       y.start_day AS year_earlier_start, y.end_day AS year_earlier_end, y.value AS year_earlier_value,
       ((c.value - y.value) / nullif(y.value, 0))::DOUBLE AS change_vs_year_earlier
FROM figures c
JOIN figures p ON p.site = c.site AND p.metric = c.metric AND p.which = 'previous'
JOIN figures y ON y.site = c.site AND y.metric = c.metric AND y.which = 'year_earlier'
WHERE c.which = 'current' AND c.value IS NOT NULL
ORDER BY coalesce((SELECT min(position) FROM site_labels l WHERE l.site = c.site), 1000000), c.site, c.metric_rank
