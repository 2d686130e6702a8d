-- name: funnel
-- doc: The campaign's funnel (Fig. 15): paid social posts (impressions and link clicks of
-- doc: the campaign's ads) -> the magazine site (visits, distinct visitors, average visit
-- doc: duration) -> the knowledge platform, for visits whose first page came from the
-- doc: magazine (the referrer of the visit's first page view, empty for a direct visit).
-- doc: Average visit duration = total time on page / visits, in seconds.
-- param: campaign text = Twinkels 2021 -- campaign name from bereik.toml [[campaigns]]
-- param: from date = 1900-01-01 -- first day of the period
-- param: to date = 9999-12-31 -- last day of the period
-- param: magazine text = twinkelmagazine -- the campaign's landing site
-- param: platform text = kennisplein -- the knowledge platform
WITH views AS (
    SELECT * FROM page_views
    WHERE ts >= $from::DATE AND ts < $to::DATE + INTERVAL 1 DAY
      AND site IN ($magazine, $platform)
),
magazine_hosts AS (SELECT host FROM sites WHERE site = $magazine),
-- Platform visits with any page view that names the magazine: few, so that the first
-- referrer is looked up for them only.
candidates AS MATERIALIZED (
    SELECT DISTINCT v.visit_id
    FROM views v
    WHERE v.site = $platform
      AND EXISTS (SELECT 1 FROM magazine_hosts h WHERE contains(v.referrer, h.host))
),
visits AS (
    SELECT site, visit_id,
           any_value(visitor) AS visitor,
           sum(coalesce(time_on_page, 0)) AS seconds,
           lower(regexp_extract(arg_min_null(referrer, ts), '^[A-Za-z]+://([^/:?#]+)', 1)) AS first_referrer_host
    FROM views
    WHERE site = $magazine OR visit_id IN (SELECT visit_id FROM candidates)
    GROUP BY site, visit_id
),
ads AS (
    SELECT sum(impressions)::BIGINT AS impressions, sum(link_clicks)::BIGINT AS clicks
    FROM campaign_rows($campaign, $from::DATE, $to::DATE)
)
SELECT 1 AS step, 'ads' AS stage, impressions, clicks,
       NULL::BIGINT AS visits, NULL::BIGINT AS visitors, NULL::DOUBLE AS avg_visit_seconds
FROM ads
UNION ALL
SELECT 2, 'magazine', NULL, NULL, count(*), count(DISTINCT visitor), (sum(seconds) / nullif(count(*), 0))::DOUBLE
FROM visits WHERE site = $magazine
UNION ALL
SELECT 3, 'platform', NULL, NULL, count(*), count(DISTINCT visitor), (sum(seconds) / nullif(count(*), 0))::DOUBLE
FROM visits v
WHERE v.site = $platform
  AND v.first_referrer_host IN (SELECT host FROM magazine_hosts)
ORDER BY step
