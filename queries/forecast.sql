-- name: forecast
-- doc: A forecast, not a measurement: the campaign's total impressions at its end (the
-- doc: last configured flight's end), from the impressions so far. Method: impressions so
-- doc: far / flight days so far x flight days remaining, added to the impressions so far;
-- doc: that is, the campaign keeps delivering what it delivered per flight day, and days
-- doc: between flights deliver nothing. "So far" is up to as_of, the last day the chosen
-- doc: ad rows report on (at most `to`); flight days are the days of the configured
-- doc: flights, so far those up to as_of. Impressions are those of twinkel_totals (rows
-- doc: chosen by the campaign_rows macro). Once the campaign has ended, the forecast equals
-- doc: the impressions.
-- param: campaign text from configured.campaign -- campaign name from bereik.toml [[campaigns]]; none: the first
-- param: to date optional -- the forecast uses the ad rows that end on or before this day; none: all
-- column: campaign text
-- column: campaign_start date -- the first flight's first day
-- column: campaign_end date -- the last flight's last day
-- column: as_of date -- the last day the ad rows so far report on
-- column: impressions_so_far integer
-- column: flight_days_so_far integer
-- column: flight_days_remaining integer
-- column: impressions_per_flight_day double
-- column: forecast_impressions integer -- a forecast, not a measurement
WITH rows_so_far AS (
    SELECT * FROM campaign_rows($campaign, NULL, $to::DATE)
),
so_far AS (
    SELECT sum(impressions)::BIGINT AS impressions, max(reporting_end) AS as_of FROM rows_so_far
),
flights AS (
    SELECT start_date, end_date FROM campaign_flights WHERE campaign = $campaign
),
days AS (
    SELECT sum(greatest(0, datediff('day', f.start_date, least(f.end_date, s.as_of)) + 1)) AS so_far,
           sum(datediff('day', f.start_date, f.end_date) + 1) AS total,
           min(f.start_date) AS campaign_start,
           max(f.end_date) AS campaign_end
    FROM flights f CROSS JOIN so_far s
)
SELECT $campaign AS campaign,
       d.campaign_start,
       d.campaign_end,
       s.as_of,
       s.impressions AS impressions_so_far,
       d.so_far::BIGINT AS flight_days_so_far,
       (d.total - d.so_far)::BIGINT AS flight_days_remaining,
       (s.impressions / nullif(d.so_far, 0))::DOUBLE AS impressions_per_flight_day,
       round(s.impressions + s.impressions / nullif(d.so_far, 0) * (d.total - d.so_far))::BIGINT AS forecast_impressions
FROM so_far s CROSS JOIN days d
WHERE s.impressions IS NOT NULL
