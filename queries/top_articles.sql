-- name: top_articles
-- doc: The most visited programme pages per site: visits (distinct visits that viewed the
-- doc: page, i.e. unique page views) and distinct visitors, with the page's latest title and
-- doc: the content catalogue's item and type where the catalogue lists the page. Visits come
-- doc: from the visit logs (page_views); for a site and reported period without any page
-- doc: view, from a page report instead: Matomo's or Universal Google Analytics' Pages report
-- doc: (unique page views = visits that saw the page). The two are never added for the same
-- doc: site and period: a page report whose period has a page view of its site on any day is
-- doc: left out. Of page reports of the same site whose periods contain one another, only
-- doc: the longest counts (on equal periods: one tool, matomo before ga); reports whose
-- doc: periods overlap without one holding the other would count twice. Page-report rows
-- doc: without a path (titles only) cannot be matched to the programme's pages and are left
-- doc: out, and so are landing-page rows: a landing page's sessions are not visits to it.
-- doc: Google Analytics 4 gives no visits per page, only views and users: its Pages report
-- doc: counts for a site that has no visits at all in the period (no visit log and no
-- doc: Matomo or Universal report to count from), by the same rule of periods; its pages
-- doc: are then ranked by views, metric says so ('views' instead of 'visits'), visits is
-- doc: NULL, and users are GA4's users of the page (NULL over more than one period: users
-- doc: of two periods do not add up). source says where a page's figures come from
-- doc: (page_views, page_reports, both for different periods, or ga4); visitors is NULL
-- doc: where page reports contribute, as distinct visitors cannot be added up.
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- param: limit integer = 5 -- pages per site
-- column: site text
-- column: rank integer ordinal
-- column: path text
-- column: page_title text -- the latest title (untrusted text)
-- column: item_title text -- the catalogue's item, NULL where the catalogue does not list the page
-- column: item_type text
-- column: visits integer -- NULL where the site's figures are GA4 views (metric views)
-- column: visitors integer -- NULL where page reports give the visits
-- column: source text -- page_views, page_reports, both or ga4
-- column: metric text -- what the pages are ranked by: visits, or views (GA4)
-- column: views integer -- GA4's views of the page; NULL elsewhere
-- column: users integer -- GA4's users of the page over one period; NULL elsewhere
-- The programme's pages, numbered: the visit counts below group on small integers
-- instead of paths, which is several times faster on millions of page views.
WITH pages AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY site, path)::INTEGER AS page, page_key, site, path FROM programme_pages
),
programme_views AS (
    SELECT pg.page, pv.visit_id, pv.visitor
    FROM page_view_keys pv
    JOIN pages pg ON pg.page_key = pv.page_key
    WHERE in_period(pv.ts, $from, $to)
),
-- Distinct visits per page, as a plain count of deduplicated rows (cheaper than
-- count(DISTINCT ...)). The pages rank by visits; their visitors are counted below for the
-- pages shown only.
page_visits AS (
    SELECT page, count(*) AS visits FROM (SELECT DISTINCT page, visit_id FROM programme_views) GROUP BY page
),
viewed AS (
    SELECT pg.site, pg.path, v.visits
    FROM pages pg JOIN page_visits v USING (page)
),
-- Page reports of the period that count, by site and reported period: the Pages reports
-- of Matomo and Universal Analytics measure visits (unique page views), GA4's views.
report_periods AS MATERIALIZED (
    SELECT DISTINCT tool, site, period_start, period_end,
           CASE WHEN tool = 'ga4' THEN 'views' ELSE 'visits' END AS measure
    FROM page_reports
    WHERE site <> '' AND report = 'pages' AND path <> ''
      AND (tool = 'ga4' OR unique_pageviews IS NOT NULL)
      AND in_period(period_start, $from, NULL) AND in_period(period_end, NULL, $to)
),
viewed_days AS (
    SELECT DISTINCT site, ts::DATE AS day
    FROM page_view_keys
    WHERE in_period(ts, $from, $to)
      AND site IN (SELECT site FROM report_periods)
),
chosen_periods AS (
    SELECT r.* FROM report_periods r
    WHERE NOT EXISTS (SELECT 1 FROM viewed_days d
                      WHERE d.site = r.site AND d.day BETWEEN r.period_start AND r.period_end)
      AND NOT EXISTS (SELECT 1 FROM report_periods s
                      WHERE s.site = r.site AND s.measure = r.measure
                        AND s.period_start <= r.period_start AND s.period_end >= r.period_end
                        AND (s.period_start < r.period_start OR s.period_end > r.period_end OR s.tool > r.tool))
),
-- The programme's rows of the chosen reports.
report_rows AS (
    SELECT pr.*, c.measure
    FROM page_reports pr
    JOIN chosen_periods c USING (tool, site, period_start, period_end)
    WHERE pr.report = 'pages' AND pr.path <> ''
      AND (EXISTS (SELECT 1 FROM programme_prefixes pp WHERE pp.site = pr.site AND starts_with(pr.path, pp.prefix))
        OR EXISTS (SELECT 1 FROM content_items ci WHERE ci.site = pr.site AND item_holds(ci.path, ci.is_prefix, pr.path)))
),
reported AS (
    SELECT site, path,
           sum(unique_pageviews)::BIGINT AS visits,
           arg_max(nullif(page_title, ''), period_end) AS page_title
    FROM report_rows
    WHERE measure = 'visits' AND unique_pageviews IS NOT NULL
    GROUP BY site, path
),
-- GA4's pages, for sites with no visits to count from.
reported_views AS (
    SELECT site, path,
           sum(pageviews)::BIGINT AS views,
           CASE WHEN count(DISTINCT (period_start, period_end)) = 1 THEN sum(users) END::BIGINT AS users,
           arg_max(nullif(page_title, ''), period_end) AS page_title
    FROM report_rows
    WHERE measure = 'views' AND pageviews IS NOT NULL
      AND site NOT IN (SELECT site FROM viewed UNION ALL SELECT site FROM reported)
    GROUP BY site, path
),
counted AS (
    SELECT coalesce(v.site, r.site) AS site, coalesce(v.path, r.path) AS path,
           coalesce(v.visits, 0) + coalesce(r.visits, 0) AS visits,
           CASE WHEN r.visits IS NULL THEN 'page_views' WHEN v.visits IS NULL THEN 'page_reports'
                ELSE 'both' END AS source,
           r.page_title AS reported_title,
           'visits' AS metric, NULL::BIGINT AS views, NULL::BIGINT AS users
    FROM viewed v
    FULL OUTER JOIN reported r ON r.site = v.site AND r.path = v.path
    UNION ALL
    SELECT site, path, NULL, 'ga4', page_title, 'views', views, users
    FROM reported_views
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY site ORDER BY coalesce(visits, views) DESC, path) AS rank
    FROM counted
    QUALIFY rank <= $limit
),
-- Titles and visitors only for the pages shown: taking them for every page costs most of
-- the time. A page's visitors are shown where its visits are counted from page views only.
shown_pages AS (
    SELECT pg.page, pg.page_key, pg.site, pg.path
    FROM pages pg JOIN ranked r ON r.site = pg.site AND r.path = pg.path
),
shown AS (
    SELECT any_value(sp.site) AS site, any_value(sp.path) AS path,
           arg_max(pv.page_title, pv.ts) AS page_title, count(DISTINCT pv.visitor) AS visitors
    FROM page_view_keys pv
    JOIN shown_pages sp ON sp.page_key = pv.page_key
    WHERE in_period(pv.ts, $from, $to)
    GROUP BY sp.page
),
items AS (
    SELECT r.site, r.path, ci.title, ci.type
    FROM ranked r
    JOIN content_items ci ON ci.site = r.site AND item_holds(ci.path, ci.is_prefix, r.path)
    QUALIFY row_number() OVER (PARTITION BY r.site, r.path ORDER BY ci.is_prefix, ci.nr) = 1
)
SELECT r.site, r.rank, r.path, coalesce(t.page_title, r.reported_title) AS page_title,
       i.title AS item_title, i.type AS item_type, r.visits,
       CASE WHEN r.source = 'page_views' THEN t.visitors END AS visitors, r.source,
       r.metric, r.views, r.users
FROM ranked r
LEFT JOIN shown t ON t.site = r.site AND t.path = r.path
LEFT JOIN items i ON i.site = r.site AND i.path = r.path
ORDER BY r.site, r.rank
