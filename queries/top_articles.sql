-- name: top_articles
-- doc: The most visited programme pages per site: visits (distinct visits that viewed the
-- doc: page, i.e. unique page views) and distinct visitors, with the page's latest title and
-- doc: the content catalogue's item and type where the catalogue lists the page.
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
-- param: limit integer = 5 -- pages per site
WITH pages AS (
    SELECT pv.site, pv.path,
           count(DISTINCT pv.visit_id) AS visits,
           count(DISTINCT pv.visitor) AS visitors,
           arg_max(pv.page_title, pv.ts) AS page_title
    FROM page_views pv
    JOIN programme_pages pp ON pp.site = pv.site AND pp.path = pv.path
    WHERE pv.ts >= $from::DATE AND pv.ts < $to::DATE + INTERVAL 1 DAY
    GROUP BY pv.site, pv.path
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY site ORDER BY visits DESC, path) AS rank
    FROM pages
    QUALIFY rank <= $limit
),
items AS (
    SELECT r.site, r.path, ci.title, ci.type
    FROM ranked r
    JOIN content_items ci ON ci.site = r.site AND (ci.path = r.path OR (ci.is_prefix AND starts_with(r.path, ci.path)))
    QUALIFY row_number() OVER (PARTITION BY r.site, r.path ORDER BY ci.is_prefix, ci.nr) = 1
)
SELECT r.site, r.rank, r.path, r.page_title, i.title AS item_title, i.type AS item_type, r.visits, r.visitors
FROM ranked r
LEFT JOIN items i ON i.site = r.site AND i.path = r.path
ORDER BY r.site, r.rank
