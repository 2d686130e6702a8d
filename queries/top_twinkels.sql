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
WITH views AS (
    SELECT p.path, pv.visit_id, pv.visitor, pv.ts, pv.page_title
    FROM page_view_keys pv
    JOIN pages p ON p.page_key = pv.page_key
    WHERE pv.site = $site AND p.site = $site AND starts_with(p.path, $prefix) AND p.path <> $prefix
      AND in_period(pv.ts, $from, $to)
),
counted AS (
    SELECT path, count(DISTINCT visit_id) AS visits, count(DISTINCT visitor) AS visitors,
           arg_max(page_title, ts) AS page_title
    FROM views
    GROUP BY path
)
SELECT row_number() OVER (ORDER BY visits DESC, path) AS rank, path, page_title, visits, visitors
FROM counted
QUALIFY rank <= $limit
ORDER BY rank
