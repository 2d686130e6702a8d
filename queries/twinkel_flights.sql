-- name: twinkel_flights
-- doc: The paid campaign per flight x format (Fig. 14): impressions, unique reach, 3-second
-- doc: video views, link clicks, CTR = clicks / impressions, and frequency = impressions /
-- doc: unique reach. Link clicks are only what an export names Link clicks (clicks (all)
-- doc: and outbound clicks are other metrics): clicks is NULL where no row of the flight x
-- doc: format has them, and the CTR counts the impressions of the rows that have them
-- doc: (clicked_impressions), so that an export without the column lowers no CTR. Unique reach is known only where one export row covers the flight x
-- doc: format (reach does not add up over ads or days); otherwise unique_reach is NULL and
-- doc: reach_upper_bound, the sum of the rows' reach (over ads, days or breakdown rows such
-- doc: as age or gender), is an upper bound. Rows are chosen by
-- doc: the campaign_rows macro (the latest cumulative export on or before `to`).
-- param: campaign text from configured.campaign -- campaign name from bereik.toml [[campaigns]]; none: the first
-- param: from date optional -- rows whose reporting period starts on or after this day; none: all
-- param: to date optional -- rows whose reporting period ends on or before this day; none: all
-- column: campaign text
-- column: flight integer ordinal
-- column: flight_start date
-- column: flight_end date
-- column: format text -- a [[campaigns.formats]] name, or unknown
-- column: data_start date -- the reporting period the numbers cover
-- column: data_end date
-- column: impressions integer
-- column: unique_reach integer -- NULL where the export's grain gives no unique reach
-- column: reach_upper_bound integer -- the rows' reach summed: an upper bound
-- column: views integer -- 3-second video plays
-- column: clicks integer -- link clicks; NULL where the exports have none
-- column: clicked_impressions integer -- the impressions of the rows with link clicks: the CTR's denominator
-- column: ctr double rate -- clicks / clicked_impressions
-- column: frequency double -- impressions / unique reach
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
       sum(r.impressions) FILTER (WHERE r.link_clicks IS NOT NULL)::BIGINT AS clicked_impressions,
       (sum(r.link_clicks) / nullif(sum(r.impressions) FILTER (WHERE r.link_clicks IS NOT NULL), 0))::DOUBLE AS ctr,
       CASE WHEN count(*) = 1 THEN (sum(r.impressions) / nullif(max(r.reach), 0))::DOUBLE END AS frequency
FROM campaign_rows($campaign, $from::DATE, $to::DATE) r
JOIN campaign_flights f ON f.campaign = r.campaign AND f.flight = r.flight
GROUP BY ALL
)
ORDER BY flight, display_position('format', format), format
