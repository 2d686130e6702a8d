-- name: twinkel_totals
-- doc: The paid campaign per format over all its flights, and in total (format 'total'):
-- doc: impressions, views, clicks and CTR as a ratio of sums (clicks / impressions), never
-- doc: the mean of the flights' CTRs. reach_sum adds the flights' reach: people reached in
-- doc: two flights (or in two breakdown rows, two ads, two days) count twice, so it is an
-- doc: upper bound of unique reach, not the reach. Link clicks as in twinkel_flights: NULL
-- doc: where the exports have none, and the CTR over the impressions of the rows with them.
-- param: campaign text from configured.campaign -- campaign name from bereik.toml [[campaigns]]; none: the first
-- param: from date optional -- rows whose reporting period starts on or after this day; none: all
-- param: to date optional -- rows whose reporting period ends on or before this day; none: all
-- column: format text -- a format, or total for all formats together
-- column: flights integer
-- column: impressions integer
-- column: reach_sum integer -- an upper bound of unique reach, not the reach
-- column: views integer
-- column: clicks integer -- link clicks; NULL where the exports have none
-- column: clicked_impressions integer -- the impressions of the rows with link clicks: the CTR's denominator
-- column: ctr double rate -- sum of clicks / sum of clicked_impressions
SELECT CASE WHEN grouping(format) = 1 THEN 'total' ELSE coalesce(format, 'unknown') END AS format,
       count(DISTINCT flight) AS flights,
       sum(impressions)::BIGINT AS impressions,
       sum(reach)::BIGINT AS reach_sum,
       sum(video_plays_3s)::BIGINT AS views,
       sum(link_clicks)::BIGINT AS clicks,
       sum(impressions) FILTER (WHERE link_clicks IS NOT NULL)::BIGINT AS clicked_impressions,
       (sum(link_clicks) / nullif(sum(impressions) FILTER (WHERE link_clicks IS NOT NULL), 0))::DOUBLE AS ctr
FROM campaign_rows($campaign, $from::DATE, $to::DATE)
GROUP BY GROUPING SETS ((format), ())
HAVING count(*) > 0  -- no total row when nothing is loaded
ORDER BY grouping(format), display_position('format', format), format
