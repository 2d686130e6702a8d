-- 004: the visits to the content catalogue's items, shared by the queries
-- top_knowledge_products, visits_by_theme and visits_by_organisation.

-- One row per item and distinct (site, visit, visitor) that viewed a page of the item
-- between two days (both included): its page, or for an item whose URL ends in * every
-- page under it. From visit logs and access logs (page_views).
CREATE MACRO catalogue_item_views(from_, to_) AS TABLE
WITH items AS (
    SELECT nr, site, path, is_prefix
    FROM content_items
    WHERE site IS NOT NULL AND coalesce(path, '') <> ''
),
-- The pages seen in the period that belong to an item: few, so that the page views are
-- then joined on equal site and path only.
item_pages AS MATERIALIZED (
    SELECT DISTINCT pg.site, pg.path, i.nr
    FROM (SELECT DISTINCT site, path FROM page_views
          WHERE ts >= from_::DATE AND ts < to_::DATE + INTERVAL 1 DAY
            AND site IN (SELECT site FROM items)) pg
    JOIN items i ON i.site = pg.site AND (pg.path = i.path OR (i.is_prefix AND starts_with(pg.path, i.path)))
)
SELECT DISTINCT ip.nr, pv.site, pv.visit_id, pv.visitor
FROM page_views pv
JOIN item_pages ip ON ip.site = pv.site AND ip.path = pv.path
WHERE pv.ts >= from_::DATE AND pv.ts < to_::DATE + INTERVAL 1 DAY;
