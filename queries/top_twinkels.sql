-- name: top_twinkels
-- doc: The most visited Twinkels: the pages of the campaign's magazine under the Twinkels'
-- doc: path, by visits (distinct visits that viewed the page) in the period, with distinct
-- doc: visitors and the page's latest title. The magazine's home page and other pages
-- doc: outside the path are not Twinkels. From visit logs (page_views).
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
-- param: site text = twinkelmagazine -- the magazine's site name from bereik.toml [[sites]]
-- param: prefix text = /twinkels/ -- the path every Twinkel lies under
-- param: limit integer = 5 -- Twinkels to show
WITH views AS (
    SELECT path, visit_id, visitor, ts, page_title
    FROM page_views
    WHERE site = $site AND starts_with(path, $prefix) AND path <> $prefix
      AND ts >= $from::DATE AND ts < $to::DATE + INTERVAL 1 DAY
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
