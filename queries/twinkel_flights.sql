-- name: twinkel_flights
-- doc: The paid campaign per flight x format (Fig. 14): impressions, unique reach, 3-second
-- doc: video views, link clicks, CTR = clicks / impressions, and frequency = impressions /
-- doc: unique reach. Unique reach is known only where one export row covers the flight x
-- doc: format (reach does not add up over ads or days); otherwise unique_reach is NULL and
-- doc: reach_upper_bound, the sum of the rows' reach, is an upper bound. Rows are chosen by
-- doc: the campaign_rows macro (the latest cumulative export on or before `to`).
-- param: campaign text = Twinkels 2021 -- campaign name from bereik.toml [[campaigns]]
-- param: from date = 1900-01-01 -- rows whose reporting period starts on or after this day
-- param: to date = 9999-12-31 -- rows whose reporting period ends on or before this day
SELECT * FROM (
SELECT r.campaign,
       r.flight,
       f.start_date AS flight_start,
       f.end_date AS flight_end,
       coalesce(r.format, 'unknown') AS format,
       min(r.reporting_start) AS data_start,
       max(r.reporting_end) AS data_end,
       sum(r.impressions)::BIGINT AS impressions,
       CASE WHEN count(*) = 1 THEN max(r.reach) END AS unique_reach,
       sum(r.reach)::BIGINT AS reach_upper_bound,
       sum(r.video_plays_3s)::BIGINT AS views,
       sum(r.link_clicks)::BIGINT AS clicks,
       (sum(r.link_clicks) / nullif(sum(r.impressions), 0))::DOUBLE AS ctr,
       CASE WHEN count(*) = 1 THEN (sum(r.impressions) / nullif(max(r.reach), 0))::DOUBLE END AS frequency
FROM campaign_rows($campaign, $from::DATE, $to::DATE) r
JOIN campaign_flights f ON f.campaign = r.campaign AND f.flight = r.flight
GROUP BY ALL
)
ORDER BY flight, CASE format WHEN 'static' THEN 1 WHEN 'dynamic' THEN 2 ELSE 3 END, format
