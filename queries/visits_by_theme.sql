-- name: visits_by_theme
-- doc: Visits to the content catalogue's items per theme in the period. The catalogue's
-- doc: themes cell may list several themes ("Vakmanschap & Trots en Zeggenschap &
-- doc: Dialoog"): it is split on " en ", commas and semicolons, and each theme written with
-- doc: a capital first letter. A visit that viewed an item with two themes counts for each,
-- doc: so the themes' visits add up to more than the visits: the row with is_total = true
-- doc: gives the distinct visits and visitors over all items. theme is '' for items
-- doc: without a theme. items is the number of items of the theme that had visits. Visits
-- doc: and visitors are distinct per theme (a visit viewing two items of one theme counts
-- doc: once). From visit logs (page_views) only.
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
WITH items AS (SELECT nr, themes FROM content_items),
item_views AS (SELECT * FROM catalogue_item_views($from::DATE, $to::DATE)),
item_themes AS (
    SELECT DISTINCT nr,
           CASE WHEN t = '' THEN '' ELSE upper(t[1]) || t[2:] END AS theme
    FROM (
        SELECT nr, trim(unnest(CASE WHEN trim(coalesce(themes, '')) = '' THEN ['']
                                    ELSE regexp_split_to_array(themes, '\s+en\s+|\s*[,;]\s*') END)) AS t
        FROM items
    )
),
theme_views AS (
    SELECT DISTINCT t.theme, v.nr, v.site, v.visit_id, v.visitor
    FROM item_views v
    JOIN item_themes t USING (nr)
)
SELECT theme, false AS is_total,
       count(DISTINCT nr) AS items,
       count(DISTINCT (site, visit_id)) AS visits,
       count(DISTINCT (site, visitor)) AS visitors
FROM theme_views
GROUP BY theme
UNION ALL
SELECT NULL, true,
       count(DISTINCT nr),
       count(DISTINCT (site, visit_id)),
       count(DISTINCT (site, visitor))
FROM item_views
HAVING count(*) > 0
ORDER BY is_total, visits DESC, theme
