-- 019: the views of the catalogue's items read the stored page views (page_view_keys):
-- they need no path or referrer, and page_views joins both dimensions to every row.
-- Otherwise as in 015.
CREATE OR REPLACE MACRO catalogue_item_views(from_, to_) AS TABLE
WITH item_pages AS MATERIALIZED (
    SELECT DISTINCT p.page_key, i.nr
    FROM pages p
    JOIN content_items i ON i.site = p.site AND item_holds(i.path, i.is_prefix, p.path)
    WHERE i.site IS NOT NULL AND coalesce(i.path, '') <> ''
)
SELECT DISTINCT ip.nr, pv.site, pv.visit_id, pv.visitor
FROM page_view_keys pv
JOIN item_pages ip ON ip.page_key = pv.page_key
WHERE in_period(pv.ts, from_, to_);
