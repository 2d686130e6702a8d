-- name: top_knowledge_products
-- doc: The content catalogue's items of one type (knowledge products by default) by visits
-- doc: in the period: visits are distinct visits that viewed any page of the item (its page,
-- doc: or for an item whose URL ends in * every page under it), visitors are distinct
-- doc: visitors. Items whose pages had no visits are left out. From visit logs (page_views)
-- doc: only.
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- param: type text = kennisproduct -- the catalogue's type column; all for every type
-- param: limit integer = 5 -- items to show
-- column: rank integer ordinal
-- column: nr integer ordinal -- the catalogue's number
-- column: title text
-- column: type text
-- column: organisations text -- as the catalogue writes them
-- column: themes text
-- column: site text
-- column: path text -- ends in * where the item is every page under a folder
-- column: visits integer -- distinct visits that viewed any of its pages
-- column: visitors integer
WITH items AS (
    SELECT nr, title, type, organisations, themes, site, path, is_prefix
    FROM content_items
    WHERE ($type = 'all' OR type = $type) AND site IS NOT NULL AND coalesce(path, '') <> ''
),
item_views AS (SELECT * FROM catalogue_item_views($from, $to)),
counted AS (
    SELECT nr, count(DISTINCT visit_id) AS visits, count(DISTINCT visitor) AS visitors
    FROM item_views
    WHERE nr IN (SELECT nr FROM items)
    GROUP BY nr
)
SELECT row_number() OVER (ORDER BY c.visits DESC, i.nr) AS rank,
       i.nr, i.title, i.type, i.organisations, i.themes, i.site,
       i.path || CASE WHEN i.is_prefix THEN '*' ELSE '' END AS path,
       c.visits, c.visitors
FROM counted c
JOIN items i USING (nr)
QUALIFY rank <= $limit
ORDER BY rank
