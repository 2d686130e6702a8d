-- name: funnel
-- doc: The campaign's funnel (Fig. 15): paid social posts (impressions and link clicks of
-- doc: the campaign's ads) -> the magazine site (visits, distinct visitors, average visit
-- doc: duration) -> the knowledge platform, for visits whose first page came from the
-- doc: magazine (the referrer of the visit's first page view, empty for a direct visit).
-- doc: Average visit duration = total time on page / visits, in seconds. step_rate is each
-- doc: step's number as a fraction of the step before: the ads' link clicks / their
-- doc: impressions (the CTR, over the rows with link clicks as in twinkel_totals), the
-- doc: magazine's visits / the ads' link clicks (its visits come from any source, so it can
-- doc: pass 1), the platform's visits / the magazine's visits.
-- param: campaign text from configured.campaign -- campaign name from bereik.toml [[campaigns]]; none: the first
-- param: from date optional -- first day of the period; none: from the first
-- param: to date optional -- last day of the period; none: to the last
-- param: magazine text from configured.magazine_site -- the campaign's landing site ([[campaigns]] magazine_site)
-- param: platform text from configured.main_site -- the knowledge platform ([programme] main_site)
-- column: step integer ordinal
-- column: stage text -- ads, magazine or platform
-- column: impressions integer -- the ads' impressions
-- column: clicks integer -- the ads' link clicks
-- column: visits integer -- a site's visits
-- column: visitors integer -- a site's distinct visitors over the whole period
-- column: avg_visit_seconds double duration -- total time on page / visits
-- column: step_rate double rate -- clicks / impressions for the ads; visits / the step before's clicks or visits
WITH magazine_hosts AS (SELECT host FROM sites WHERE site = $magazine),
-- The referrers that name the magazine, among the few distinct ones (the origin dimension).
magazine_origins AS (
    SELECT origin_key FROM origins o
    WHERE EXISTS (SELECT 1 FROM magazine_hosts h WHERE contains(o.referrer, h.host))
),
-- Platform visits with any page view that names the magazine: few, so that the first
-- referrer is looked up for them only. (Each part reads the page views itself: a shared
-- CTE of them would be materialised, text and all.)
candidates AS MATERIALIZED (
    SELECT DISTINCT visit_id
    FROM page_view_keys
    WHERE site = $platform AND in_period(ts, $from, $to)
      AND origin_key IN (SELECT origin_key FROM magazine_origins)
),
magazine_visits AS (
    SELECT visit_id, any_value(visitor) AS visitor, sum(coalesce(time_on_page, 0)) AS seconds
    FROM page_view_keys
    WHERE site = $magazine AND in_period(ts, $from, $to)
    GROUP BY visit_id
),
platform_visits AS (
    SELECT v.visit_id, v.visitor, v.seconds, url_host(o.referrer) AS first_referrer_host
    FROM (SELECT visit_id,
                 any_value(visitor) AS visitor,
                 sum(coalesce(time_on_page, 0)) AS seconds,
                 arg_min(origin_key, ts) AS first_origin_key
          FROM page_view_keys
          WHERE site = $platform AND in_period(ts, $from, $to) AND visit_id IN (SELECT visit_id FROM candidates)
          GROUP BY visit_id) v
    JOIN origins o ON o.origin_key = v.first_origin_key
),
ads AS (
    SELECT sum(impressions)::BIGINT AS impressions, sum(link_clicks)::BIGINT AS clicks,
           sum(impressions) FILTER (WHERE link_clicks IS NOT NULL) AS clicked_impressions
    FROM campaign_rows($campaign, $from::DATE, $to::DATE)
),
steps AS (
    SELECT 1 AS step, 'ads' AS stage, impressions, clicks,
           NULL::BIGINT AS visits, NULL::BIGINT AS visitors, NULL::DOUBLE AS avg_visit_seconds
    FROM ads
    UNION ALL
    SELECT 2, 'magazine', NULL, NULL, count(*), count(DISTINCT visitor), (sum(seconds) / nullif(count(*), 0))::DOUBLE
    FROM magazine_visits
    UNION ALL
    SELECT 3, 'platform', NULL, NULL, count(*), count(DISTINCT visitor), (sum(seconds) / nullif(count(*), 0))::DOUBLE
    FROM platform_visits
    WHERE first_referrer_host IN (SELECT host FROM magazine_hosts)
)
SELECT *,
       (CASE WHEN stage = 'ads' THEN clicks / nullif((SELECT clicked_impressions FROM ads), 0)
             ELSE visits / nullif(lag(coalesce(visits, clicks)) OVER (ORDER BY step), 0) END)::DOUBLE AS step_rate
FROM steps
ORDER BY step
