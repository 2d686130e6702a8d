-- name: top_articles
-- doc: The most visited programme pages per site: visits (distinct visits that viewed the
-- doc: page, i.e. unique page views) and distinct visitors, with the page's latest title and
-- doc: the content catalogue's item and type where the catalogue lists the page. Visits come
-- doc: from the visit logs (page_views); for a site and reported period without any page
-- doc: view, from Matomo or Google Analytics page reports instead (unique page views =
-- doc: visits that saw the page). The two are never added for the same site and period: a
-- doc: page report whose period has a page view of its site on any day is left out. Of
-- doc: page reports of the same site whose periods contain one another, only the longest
-- doc: counts (on equal periods: one tool, matomo before ga); reports whose periods overlap
-- doc: without one holding the other would count twice. Page-report rows without a path
-- doc: (titles only) cannot be matched to the programme's pages and are left out. source
-- doc: says where a page's visits come from (page_views, page_reports or both, for
-- doc: different periods); visitors is NULL where page reports contribute, as distinct
-- doc: visitors cannot be added up.
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- param: limit integer = 5 -- pages per site
-- column: site text
-- column: rank integer ordinal
-- column: path text
-- column: page_title text -- the latest title (untrusted text)
-- column: item_title text -- the catalogue's item, NULL where the catalogue does not list the page
-- column: item_type text
-- column: visits integer
-- column: visitors integer -- NULL where page reports give the visits
-- column: source text -- page_views, page_reports or both
-- The programme's pages, numbered: the visit counts below group on small integers
-- instead of paths, which is several times faster on millions of page views.
WITH pages AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY site, path)::INTEGER AS page, site, path FROM programme_pages
),
programme_views AS (
    SELECT pg.page, pv.visit_id, pv.visitor
    FROM page_views pv
    JOIN pages pg ON pg.site = pv.site AND pg.path = pv.path
    WHERE in_period(pv.ts, $from, $to)
),
-- Distinct visits and visitors per page, as plain counts of deduplicated rows: cheaper
-- than two count(DISTINCT ...) in one aggregate.
page_visits AS (
    SELECT page, count(*) AS visits FROM (SELECT DISTINCT page, visit_id FROM programme_views) GROUP BY page
),
page_visitors AS (
    SELECT page, count(*) AS visitors FROM (SELECT DISTINCT page, visitor FROM programme_views) GROUP BY page
),
viewed AS (
    SELECT pg.site, pg.path, v.visits, u.visitors
    FROM pages pg JOIN page_visits v USING (page) JOIN page_visitors u USING (page)
),
-- Page reports of the period, by site and reported period.
report_periods AS MATERIALIZED (
    SELECT DISTINCT tool, site, period_start, period_end
    FROM page_reports
    WHERE site <> '' AND in_period(period_start, $from, NULL) AND in_period(period_end, NULL, $to)
),
viewed_days AS (
    SELECT DISTINCT site, ts::DATE AS day
    FROM page_views
    WHERE in_period(ts, $from, $to)
      AND site IN (SELECT site FROM report_periods)
),
chosen_periods AS (
    SELECT r.* FROM report_periods r
    WHERE NOT EXISTS (SELECT 1 FROM viewed_days d
                      WHERE d.site = r.site AND d.day BETWEEN r.period_start AND r.period_end)
      AND NOT EXISTS (SELECT 1 FROM report_periods s
                      WHERE s.site = r.site AND s.period_start <= r.period_start AND s.period_end >= r.period_end
                        AND (s.period_start < r.period_start OR s.period_end > r.period_end OR s.tool > r.tool))
),
reported AS (
    SELECT pr.site, pr.path,
           sum(pr.unique_pageviews)::BIGINT AS visits,
           arg_max(nullif(pr.page_title, ''), pr.period_end) AS page_title
    FROM page_reports pr
    JOIN chosen_periods c USING (tool, site, period_start, period_end)
    WHERE pr.path <> '' AND pr.unique_pageviews IS NOT NULL
      AND (EXISTS (SELECT 1 FROM programme_prefixes pp WHERE pp.site = pr.site AND starts_with(pr.path, pp.prefix))
        OR EXISTS (SELECT 1 FROM content_items ci WHERE ci.site = pr.site AND item_holds(ci.path, ci.is_prefix, pr.path)))
    GROUP BY pr.site, pr.path
),
counted AS (
    SELECT coalesce(v.site, r.site) AS site, coalesce(v.path, r.path) AS path,
           coalesce(v.visits, 0) + coalesce(r.visits, 0) AS visits,
           CASE WHEN r.visits IS NULL THEN v.visitors END AS visitors,
           CASE WHEN r.visits IS NULL THEN 'page_views' WHEN v.visits IS NULL THEN 'page_reports'
                ELSE 'both' END AS source,
           r.page_title AS reported_title
    FROM viewed v
    FULL OUTER JOIN reported r ON r.site = v.site AND r.path = v.path
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY site ORDER BY visits DESC, path) AS rank
    FROM counted
    QUALIFY rank <= $limit
),
-- Titles only for the pages shown: taking them for every page costs most of the time.
titles AS (
    SELECT pv.site, pv.path, arg_max(pv.page_title, pv.ts) AS page_title
    FROM page_views pv
    JOIN ranked r ON r.site = pv.site AND r.path = pv.path
    WHERE in_period(pv.ts, $from, $to)
    GROUP BY pv.site, pv.path
),
items AS (
    SELECT r.site, r.path, ci.title, ci.type
    FROM ranked r
    JOIN content_items ci ON ci.site = r.site AND item_holds(ci.path, ci.is_prefix, r.path)
    QUALIFY row_number() OVER (PARTITION BY r.site, r.path ORDER BY ci.is_prefix, ci.nr) = 1
)
SELECT r.site, r.rank, r.path, coalesce(t.page_title, r.reported_title) AS page_title,
       i.title AS item_title, i.type AS item_type, r.visits, r.visitors, r.source
FROM ranked r
LEFT JOIN titles t ON t.site = r.site AND t.path = r.path
LEFT JOIN items i ON i.site = r.site AND i.path = r.path
ORDER BY r.site, r.rank
