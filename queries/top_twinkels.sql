-- name: top_twinkels
-- doc: The most visited Twinkels: the pages of the campaign's magazine under the Twinkels'
-- doc: path, by visits (distinct visits that viewed the page) in the period, with distinct
-- doc: visitors and the page's latest title. The magazine's home page and other pages
-- doc: outside the path are not Twinkels. From visit logs (page_views).
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- param: site text from configured.magazine_site -- the magazine's site name ([[campaigns]] magazine_site)
-- param: prefix text from configured.magazine_prefix -- the path every Twinkel lies under ([[campaigns]] magazine_prefix)
-- param: limit integer = 5 -- Twinkels to show
-- column: rank integer ordinal
-- column: path text
-- column: page_title text -- the latest title (untrusted text)
-- column: visits integer
-- column: visitors integer
-- The Twinkels' pages: the page views are counted per page key (a number), and named by
-- path after: a hash table of (number, visit) is built faster than one of (path, visit).
WITH twinkel_pages AS (
    SELECT page_key, path FROM pages
    WHERE site = $site AND starts_with(path, $prefix) AND path <> $prefix
),
counted AS (
    SELECT pv.page_key, count(DISTINCT pv.visit_id) AS visits, count(DISTINCT pv.visitor) AS visitors,
           arg_max(pv.page_title, pv.ts) AS page_title
    FROM page_view_keys pv
    WHERE pv.site = $site AND pv.page_key IN (SELECT page_key FROM twinkel_pages)
      AND in_period(pv.ts, $from, $to)
    GROUP BY pv.page_key
)
SELECT row_number() OVER (ORDER BY c.visits DESC, p.path) AS rank, p.path, c.page_title, c.visits, c.visitors
FROM counted c
JOIN twinkel_pages p USING (page_key)
QUALIFY rank <= $limit
ORDER BY rank
