-- name: visits_by_organisation
-- doc: Visits to the content catalogue's items per organisation in the period. The
-- doc: catalogue's organisations cell is free text that may list several ("De Berkelhof en
-- doc: Vilans", "Siza, Zozijn, Pluryn"): a note in brackets is dropped ("ASVZ (Ouders voor
-- doc: ouders)" is ASVZ), the rest is split on commas, semicolons and " en ", a lead-in
-- doc: ending in a colon is dropped ("Focusgroep kleine zorgorganisaties: Active4you" is
-- doc: Active4you), and names are compared without regard to case. A visit that viewed an
-- doc: item of two organisations counts for each, so the organisations' visits add up to
-- doc: more than the visits: the row with is_total = true gives the distinct visits and
-- doc: visitors over all items. organisation is '' for items without one. Visits and
-- doc: visitors are distinct per organisation. From visit logs (page_views) only.
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
WITH items AS (SELECT nr, organisations FROM content_items),
item_views AS (SELECT * FROM catalogue_item_views($from::DATE, $to::DATE)),
names AS (
    SELECT nr, trim(regexp_replace(trim(n), '^[^:]*:\s*', '')) AS name
    FROM (
        SELECT nr, unnest(CASE WHEN trim(coalesce(organisations, '')) = '' THEN ['']
                               ELSE regexp_split_to_array(regexp_replace(organisations, '\s*\([^)]*\)', '', 'g'),
                                                          '\s*[,;]\s*|\s+en\s+') END) AS n
        FROM items
    )
),
-- One spelling per organisation: the first in sort order of those the catalogue uses.
item_organisations AS (
    SELECT DISTINCT n.nr, s.organisation
    FROM names n
    JOIN (SELECT lower(name) AS key, min(name) AS organisation FROM names GROUP BY lower(name)) s
      ON s.key = lower(n.name)
    WHERE n.name <> '' OR NOT EXISTS (SELECT 1 FROM names m WHERE m.nr = n.nr AND m.name <> '')
),
organisation_views AS (
    SELECT DISTINCT o.organisation, v.nr, v.site, v.visit_id, v.visitor
    FROM item_views v
    JOIN item_organisations o USING (nr)
)
SELECT organisation, false AS is_total,
       count(DISTINCT nr) AS items,
       count(DISTINCT (site, visit_id)) AS visits,
       count(DISTINCT (site, visitor)) AS visitors
FROM organisation_views
GROUP BY organisation
UNION ALL
SELECT NULL, true,
       count(DISTINCT nr),
       count(DISTINCT (site, visit_id)),
       count(DISTINCT (site, visitor))
FROM item_views
HAVING count(*) > 0
ORDER BY is_total, visits DESC, organisation
