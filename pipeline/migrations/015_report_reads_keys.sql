-- 015: the shared views and macros of the report read the page dimension and integer keys
-- instead of grouping the page views by their text.

-- A page belongs to the programme when a configured prefix holds it or the catalogue lists
-- it. Pages are those that have had a page view; a page whose views a later export replaced
-- stays, and counts nowhere, as every question joins its page views.
CREATE OR REPLACE VIEW programme_pages AS
SELECT p.page_key, p.site, p.path
FROM pages p
WHERE EXISTS (SELECT 1 FROM programme_prefixes pp WHERE pp.site = p.site AND starts_with(p.path, pp.prefix))
   OR EXISTS (SELECT 1 FROM content_items ci WHERE ci.site = p.site AND item_holds(ci.path, ci.is_prefix, p.path));

-- One row per item and distinct (site, visit, visitor) that viewed a page of the item
-- between two days (both included; NULL: no bound): its page, or for an item whose URL
-- ends in * every page under it. The item's pages are found in the page dimension, and
-- their views by page key.
CREATE OR REPLACE MACRO catalogue_item_views(from_, to_) AS TABLE
WITH item_pages AS MATERIALIZED (
    SELECT DISTINCT p.page_key, i.nr
    FROM pages p
    JOIN content_items i ON i.site = p.site AND item_holds(i.path, i.is_prefix, p.path)
    WHERE i.site IS NOT NULL AND coalesce(i.path, '') <> ''
)
SELECT DISTINCT ip.nr, pv.site, pv.visit_id, pv.visitor
FROM page_views pv
JOIN item_pages ip ON ip.page_key = pv.page_key
WHERE in_period(pv.ts, from_, to_);
