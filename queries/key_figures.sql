-- name: key_figures
-- doc: The period's key figures against the previous period and the same period a year
-- doc: earlier: visits and distinct visitors to the programme's pages (all sites; visitors
-- doc: distinct over the whole window, never a sum of days or quarters), programme page
-- doc: views, the campaign's ad impressions and link clicks (rows as twinkel_totals
-- doc: chooses them, lying within the window; clicks NULL where the exports have no link
-- doc: clicks), and the impressions of the own channels as channel_reach counts them: the
-- doc: organic posts published in the window (for YouTube its views), and an account's daily
-- doc: totals for a platform and quarter without posts. The previous period has the same length and ends
-- doc: the day before the period starts: the same number of whole months where the period
-- doc: is whole months (a quarter is compared with the quarter before), else the same
-- doc: number of days. The period has data for a figure when it overlaps the span of that
-- doc: figure's source (page views: first to last page view; ads: the campaign's reporting
-- doc: periods; posts: first to last publication). An earlier window is compared only when
-- doc: the source covers all of it, counting from the first of the month of its first data
-- doc: (a window the data cover in part would compare a part with a whole; for ads, when it
-- doc: overlaps the campaign's span), and when it does not overlap the period itself (a
-- doc: period longer than a year has no year-earlier figure).
-- doc: Without data the value is NULL ("n/a"), not 0.
-- doc: change = (value - earlier) / earlier, a fraction; NULL where either is missing or
-- doc: the earlier value is 0. Without from and to, the period is all loaded data (the
-- doc: first to the last day of page views, ads and posts).
-- param: from date optional -- first day of the period; none: the first day of data
-- param: to date optional -- last day of the period; none: the last day of data
-- param: campaign text from configured.campaign -- campaign name from bereik.toml [[campaigns]]; none: the first
-- param: metrics text optional -- the figures wanted, separated by commas (visits,visitors,page_views,ad_impressions,ad_clicks,social_impressions); none: all
-- column: metric text -- visits, visitors, page_views, ad_impressions, ad_clicks, social_impressions
-- column: period_start date
-- column: period_end date
-- column: value integer -- NULL where the period has no data for the figure
-- column: previous_start date
-- column: previous_end date
-- column: previous_value integer
-- column: change_vs_previous double rate -- (value - previous_value) / previous_value
-- column: year_earlier_start date
-- column: year_earlier_end date
-- column: year_earlier_value integer
-- column: change_vs_year_earlier double rate
WITH data_days AS (
    SELECT min(first_day) AS first_day, max(last_day) AS last_day
    FROM (
        SELECT min(started)::DATE AS first_day, max(ended)::DATE AS last_day FROM visits
        UNION ALL SELECT min(reporting_start), max(reporting_end) FROM meta_ads
        UNION ALL SELECT min(published_at)::DATE, max(published_at)::DATE FROM social_posts
    )
),
period AS (
    SELECT coalesce($from::DATE, first_day) AS f, coalesce($to::DATE, last_day) AS t
    FROM data_days
),
windows AS MATERIALIZED (
    SELECT * FROM comparison_windows((SELECT f FROM period), (SELECT t FROM period))
),
-- Per window, the visits with a page view of a programme page in the window (all sites),
-- their distinct visitors (distinct per site, as the sites' visitors are told apart) and
-- those page views, from the per-visit table. Where the period is given (as the report
-- gives it), the windows' bounds are computed from the parameters themselves: constants,
-- which the scans use; else from the data's first and last day. Not counted at all where
-- $metrics asks for none of the visit figures (the report shows site_key_figures instead).
-- Nor for a year-earlier window that overlaps the period, which is not compared.
views AS (
    SELECT which, sum(visits)::BIGINT AS visits, sum(visitors)::BIGINT AS visitors, sum(page_views)::BIGINT AS page_views
    FROM (
        SELECT * FROM window_programme_visits('current', window_start('current', $from, $to), window_end('current', $from, $to)) WHERE $from IS NOT NULL AND $to IS NOT NULL AND visit_figures_wanted($metrics)
        UNION ALL
        SELECT * FROM window_programme_visits('previous', window_start('previous', $from, $to), window_end('previous', $from, $to)) WHERE $from IS NOT NULL AND $to IS NOT NULL AND visit_figures_wanted($metrics)
        UNION ALL
        SELECT * FROM window_programme_visits('year_earlier', window_start('year_earlier', $from, $to), window_end('year_earlier', $from, $to)) WHERE $from IS NOT NULL AND $to IS NOT NULL AND window_end('year_earlier', $from, $to) < $from::DATE AND visit_figures_wanted($metrics)
        UNION ALL
        SELECT * FROM window_programme_visits('current', (SELECT start_day FROM windows WHERE which = 'current'), (SELECT end_day FROM windows WHERE which = 'current')) WHERE ($from IS NULL OR $to IS NULL) AND visit_figures_wanted($metrics)
        UNION ALL
        SELECT * FROM window_programme_visits('previous', (SELECT start_day FROM windows WHERE which = 'previous'), (SELECT end_day FROM windows WHERE which = 'previous')) WHERE ($from IS NULL OR $to IS NULL) AND visit_figures_wanted($metrics)
        UNION ALL
        SELECT * FROM window_programme_visits('year_earlier', (SELECT start_day FROM windows WHERE which = 'year_earlier'), (SELECT end_day FROM windows WHERE which = 'year_earlier')) WHERE NOT (SELECT overlaps_current FROM windows WHERE which = 'year_earlier') AND ($from IS NULL OR $to IS NULL) AND visit_figures_wanted($metrics)
    )
    GROUP BY which
),
spans AS (
    SELECT (SELECT min(started)::DATE FROM visits) AS views_first,
           (SELECT max(ended)::DATE FROM visits) AS views_last,
           (SELECT min(reporting_start) FROM meta_ads WHERE campaign = $campaign) AS ads_first,
           (SELECT max(reporting_end) FROM meta_ads WHERE campaign = $campaign) AS ads_last,
           (SELECT least(min(published_at)::DATE, (SELECT min(day) FROM channel_days)) FROM social_posts) AS posts_first,
           (SELECT greatest(max(published_at)::DATE, (SELECT max(day) FROM channel_days)) FROM social_posts) AS posts_last
),
-- The campaign's rows per window. campaign_rows is called with uncorrelated bounds: called
-- per row of a join (LATERAL), DuckDB 1.5 drops its rule that the latest cumulative export
-- supersedes the earlier ones, and flight 2 would count twice. own_channel_rows likewise.
ads AS (
    SELECT 'current' AS which, count(*) AS ad_rows,
           coalesce(sum(impressions), 0)::BIGINT AS impressions, sum(link_clicks)::BIGINT AS clicks
    FROM campaign_rows($campaign, (SELECT start_day FROM windows WHERE which = 'current'), (SELECT end_day FROM windows WHERE which = 'current'))
    UNION ALL
    SELECT 'previous' AS which, count(*) AS ad_rows,
           coalesce(sum(impressions), 0)::BIGINT AS impressions, sum(link_clicks)::BIGINT AS clicks
    FROM campaign_rows($campaign, (SELECT start_day FROM windows WHERE which = 'previous'), (SELECT end_day FROM windows WHERE which = 'previous'))
    UNION ALL
    SELECT 'year_earlier' AS which, count(*) AS ad_rows,
           coalesce(sum(impressions), 0)::BIGINT AS impressions, sum(link_clicks)::BIGINT AS clicks
    FROM campaign_rows($campaign, (SELECT start_day FROM windows WHERE which = 'year_earlier'), (SELECT end_day FROM windows WHERE which = 'year_earlier'))
),
posts AS (
    SELECT 'current' AS which, coalesce(sum(impressions), 0)::BIGINT AS impressions
    FROM own_channel_rows((SELECT start_day FROM windows WHERE which = 'current'), (SELECT end_day FROM windows WHERE which = 'current'))
    UNION ALL
    SELECT 'previous', coalesce(sum(impressions), 0)::BIGINT
    FROM own_channel_rows((SELECT start_day FROM windows WHERE which = 'previous'), (SELECT end_day FROM windows WHERE which = 'previous'))
    UNION ALL
    SELECT 'year_earlier', coalesce(sum(impressions), 0)::BIGINT
    FROM own_channel_rows((SELECT start_day FROM windows WHERE which = 'year_earlier'), (SELECT end_day FROM windows WHERE which = 'year_earlier'))
),
per_window AS (
    SELECT w.which, w.start_day, w.end_day,
           CASE WHEN w.which = 'current' THEN w.start_day <= s.views_last AND w.end_day >= s.views_first
                ELSE w.start_day >= date_trunc('month', s.views_first) AND w.end_day <= s.views_last AND NOT w.overlaps_current END AS views_data,
           w.start_day <= s.ads_last AND w.end_day >= s.ads_first AND NOT w.overlaps_current AND a.ad_rows > 0 AS ads_data,
           CASE WHEN w.which = 'current' THEN w.start_day <= s.posts_last AND w.end_day >= s.posts_first
                ELSE w.start_day >= date_trunc('month', s.posts_first) AND w.end_day <= s.posts_last AND NOT w.overlaps_current END AS posts_data,
           coalesce(v.visits, 0) AS visits, coalesce(v.visitors, 0) AS visitors, coalesce(v.page_views, 0) AS page_views,
           a.impressions AS ad_impressions, a.clicks AS ad_clicks,
           p.impressions AS post_impressions
    FROM windows w
    CROSS JOIN spans s
    LEFT JOIN views v ON v.which = w.which
    JOIN ads a ON a.which = w.which
    JOIN posts p ON p.which = w.which
),
figures AS (
    SELECT which, start_day, end_day, 1 AS metric_rank, 'visits' AS metric,
           CASE WHEN views_data THEN visits END AS value FROM per_window
    UNION ALL
    SELECT which, start_day, end_day, 2, 'visitors', CASE WHEN views_data THEN visitors END FROM per_window
    UNION ALL
    SELECT which, start_day, end_day, 3, 'page_views', CASE WHEN views_data THEN page_views END FROM per_window
    UNION ALL
    SELECT which, start_day, end_day, 4, 'ad_impressions', CASE WHEN ads_data THEN ad_impressions END FROM per_window
    UNION ALL
    SELECT which, start_day, end_day, 5, 'ad_clicks', CASE WHEN ads_data THEN ad_clicks END FROM per_window
    UNION ALL
    SELECT which, start_day, end_day, 6, 'social_impressions', CASE WHEN posts_data THEN post_impressions END FROM per_window
)
SELECT c.metric,
       c.start_day AS period_start, c.end_day AS period_end, c.value,
       p.start_day AS previous_start, p.end_day AS previous_end, p.value AS previous_value,
       ((c.value - p.value) / nullif(p.value, 0))::DOUBLE AS change_vs_previous,
       y.start_day AS year_earlier_start, y.end_day AS year_earlier_end, y.value AS year_earlier_value,
       ((c.value - y.value) / nullif(y.value, 0))::DOUBLE AS change_vs_year_earlier
FROM figures c
JOIN figures p ON p.metric = c.metric AND p.which = 'previous'
JOIN figures y ON y.metric = c.metric AND y.which = 'year_earlier'
-- A figure asked for that this question does not have is an error, not an empty answer.
CROSS JOIN (
    SELECT CASE WHEN $metrics IS NULL
                  OR list_has_all(['visits', 'visitors', 'page_views', 'ad_impressions', 'ad_clicks', 'social_impressions'], metric_list($metrics))
                THEN true
                ELSE error('metrics: ' || $metrics || ' names a figure key_figures does not have; it has visits, visitors, page_views, ad_impressions, ad_clicks and social_impressions')
           END AS known
) k
WHERE c.which = 'current' AND ($metrics IS NULL OR list_contains(metric_list($metrics), c.metric)) AND k.known
ORDER BY c.metric_rank
